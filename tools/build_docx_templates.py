#!/usr/bin/env python3
"""Build the default DOCX templates of the periodic reports, reproducibly, with python-docx.

    .venv/bin/python tools/build_docx_templates.py            # writes src/dieuhanh/reports/docx_templates/
    .venv/bin/python tools/build_docx_templates.py --out DIR  # elsewhere (the tests compare)

Writes `report.docx` (the whole report: header, body, signature, recipients, landscape
appendix) and `appendix.docx` (the appendix alone, landscape). Both are docxtpl templates: the
placeholders are documented in docs/REPORT_TEMPLATES.md. A clerk may open them in Word,
change the look (styles named "BC ...", header layout, fixed texts) and upload the result.

Two runs give byte-identical files (fixed document properties and zip timestamps), so the
shipped files can be checked against this script.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dieuhanh.reports.render.ooxml import ALIGN, ensure_styles, set_document_defaults, set_page  # noqa: E402
from dieuhanh.reports.render.styles import (  # noqa: E402
    APPENDIX_COLUMNS_MM,
    APPENDIX_HEADERS,
    BODY_SIZE,
    FIRST_LINE_INDENT_MM,
    FONT,
    HEADER_CELL_MARGIN_MM,
    HEADER_COLUMNS_MM,
    LANDSCAPE,
    MOTTO,
    NATIONAL_NAME,
    PARAGRAPH_AFTER_PT,
    PORTRAIT,
    SIGNATURE_COLUMNS_MM,
    style_named,
)
from dieuhanh.reports.render.text import text_width_mm  # noqa: E402

OUT = ROOT / "src" / "dieuhanh" / "reports" / "docx_templates"
FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def sid(key: str) -> str:
    return style_named(key).name


def para(container, key: str, text: str = ""):
    paragraph = container.add_paragraph(text, style=sid(key))
    return paragraph


def control(container, text: str) -> None:
    para(container, "control", text)


def first_paragraph(cell, key: str, text: str = ""):
    paragraph = cell.paragraphs[0]
    paragraph.style = sid(key)
    if text:
        paragraph.add_run(text)
    return paragraph


def _twips(mm: float) -> str:
    return str(round(mm / 25.4 * 1440))


def set_indents(paragraph, left_mm: float, right_mm: float) -> None:
    pf = paragraph.paragraph_format
    pf.left_indent = Mm(left_mm)
    pf.right_indent = Mm(right_mm)
    pf.first_line_indent = Mm(0)


def rule_under(cell_or_doc, column_mm: float, length_mm: float) -> None:
    """A rule centred in a column: an empty "BC Đường kẻ" paragraph narrowed by its indents.
    The renderer re-centres it to the text above (ND 30/2020: 1/3-1/2 of the issuing body's
    name, the full length of the motto)."""
    paragraph = para(cell_or_doc, "rule")
    side = max((column_mm - length_mm) / 2, 0)
    set_indents(paragraph, side, side)


def fixed_layout(table: Table, columns_mm: tuple[float, ...]) -> None:
    """Fixed column widths, centred: Word and LibreOffice then lay the table out alike."""
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:w"), _twips(sum(columns_mm)))
    width.set(qn("w:type"), "dxa")


def borderless(table: Table, columns_mm: tuple[float, ...], margin_mm: float | None = None) -> None:
    fixed_layout(table, columns_mm)
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)
    if margin_mm is not None:
        cell_margins(table, margin_mm)
    set_columns(table, columns_mm)


def cell_margins(table: Table, mm: float) -> None:
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), _twips(mm))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    table._tbl.tblPr.append(mar)


def set_columns(table: Table, columns_mm: tuple[float, ...]) -> None:
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), columns_mm, strict=True):
        col.set(qn("w:w"), _twips(width))
    for row in table.rows:
        for cell, width in zip(row.cells, columns_mm, strict=False):
            cell.width = Mm(width)


def grid_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    tr_pr.append(el)


def center_vertically(cell) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    v = OxmlElement("w:vAlign")
    v.set(qn("w:val"), "center")
    tc_pr.append(v)


def page_field(paragraph) -> None:
    """A PAGE field (ND 30/2020: page numbers in Arabic digits, centred in the top margin)."""

    def fld(kind: str) -> None:
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    fld("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run._r.append(instr)
    fld("separate")
    paragraph.add_run("2")
    fld("end")


def page_numbers(section, restart: bool) -> None:
    """Numbers centred at the top from the second page; the first page shows none."""
    section.different_first_page_header_footer = True
    if restart:
        # ND 30/2020: an appendix's pages are numbered on their own.
        pg = OxmlElement("w:pgNumType")
        pg.set(qn("w:start"), "1")
        sect_pr = section._sectPr
        anchor = sect_pr.find(qn("w:cols"))
        if anchor is None:
            sect_pr.append(pg)
        else:
            anchor.addprevious(pg)
        return
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = sid("page_number")
    page_field(paragraph)
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = sid("page_number")


def new_document():
    doc = Document()
    set_document_defaults(doc)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_SIZE)
    pf = normal.paragraph_format
    pf.first_line_indent = Mm(FIRST_LINE_INDENT_MM)
    pf.space_after = Pt(PARAGRAPH_AFTER_PT)
    pf.line_spacing = 1.0
    pf.alignment = ALIGN["justify"]
    ensure_styles(doc)
    props = doc.core_properties
    props.author = "dieuhanh"
    props.last_modified_by = "dieuhanh"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    props.comments = "Mẫu báo cáo theo Nghị định 30/2020/NĐ-CP; hướng dẫn: docs/REPORT_TEMPLATES.md"
    return doc


def header_block(doc) -> None:
    """ND 30/2020, Appendix I, items 1-4: parent and issuing body over the number (left),
    national name and motto over the place and date (right)."""
    table = doc.add_table(rows=2, cols=2)
    borderless(table, HEADER_COLUMNS_MM, margin_mm=HEADER_CELL_MARGIN_MM)
    left_width = HEADER_COLUMNS_MM[0] - 2 * HEADER_CELL_MARGIN_MM
    right_width = HEADER_COLUMNS_MM[1] - 2 * HEADER_CELL_MARGIN_MM
    left, right = table.rows[0].cells
    first_paragraph(left, "control", "{%p if header.parent_body %}")
    para(left, "parent_body", "{{ header.parent_body }}")
    control(left, "{%p endif %}")
    para(left, "issuing_body", "{{ header.issuing_body }}")
    rule_under(left, left_width, 28)
    first_paragraph(right, "national_name", NATIONAL_NAME)
    para(right, "motto", MOTTO)
    rule_under(right, right_width, text_width_mm(MOTTO, style_named("motto").size, bold=True))
    number, place_date = table.rows[1].cells
    first_paragraph(number, "number", "{{ header.number_line }}")
    first_paragraph(place_date, "place_date", "{{ header.place_date }}")

    para(doc, "doc_type", "{{ header.doc_type }}")
    para(doc, "summary", "{{ header.summary }}")
    rule_under(doc, PORTRAIT.text_width, 50)


def body_block(doc) -> None:
    para(doc, "paragraph", "{{p body }}")


def signature_block(doc) -> None:
    """ND 30/2020, Appendix I, items 7 and 9: recipients (left) and signature (right)."""
    table = doc.add_table(rows=1, cols=2)
    borderless(table, SIGNATURE_COLUMNS_MM, margin_mm=HEADER_CELL_MARGIN_MM)
    recipients, signature = table.rows[0].cells
    first_paragraph(recipients, "recipients_title", "Nơi nhận:")
    control(recipients, "{%p for line in recipients %}")
    para(recipients, "recipient", "{{ line }}")
    control(recipients, "{%p endfor %}")
    first_paragraph(signature, "control", "{%p if signature.authority %}")
    para(signature, "authority", "{{ signature.authority }}")
    control(signature, "{%p endif %}")
    para(signature, "signer_title", "{{ signature.title }}")
    para(signature, "signer_name", "{{ signature.name }}")


def appendix_block(doc, section_width: float) -> None:
    """ND 30/2020, Appendix I, item 12: "Phụ lục", its title, "(Kèm theo ...)", the table."""
    control(doc, "{%p for appendix in appendices %}")
    control(doc, "{%p if not loop.first %}")
    doc.add_paragraph(style=sid("control")).add_run().add_break(WD_BREAK.PAGE)
    control(doc, "{%p endif %}")
    para(doc, "appendix_label", "{{ appendix.label }}")
    para(doc, "appendix_title", "{{ appendix.title }}")
    control(doc, "{%p if appendix.reference %}")
    para(doc, "appendix_ref", "{{ appendix.reference }}")
    control(doc, "{%p endif %}")

    columns = APPENDIX_COLUMNS_MM
    assert abs(sum(columns) - section_width) < 0.5, (sum(columns), section_width)
    table = doc.add_table(rows=8, cols=len(columns))
    fixed_layout(table, columns)
    grid_borders(table)
    set_columns(table, columns)
    rows = table.rows

    head = rows[0]
    repeat_header(head)
    for cell, title in zip(head.cells, APPENDIX_HEADERS, strict=True):
        first_paragraph(cell, "table_head", title)
        center_vertically(cell)

    def control_row(index: int, text: str) -> None:
        cells = rows[index].cells
        merged = cells[0].merge(cells[-1])
        for extra in merged.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
        first_paragraph(merged, "control", text)

    control_row(1, "{%tr for row in appendix.rows %}")
    control_row(2, "{%tr if row.is_section %}")
    group = rows[3].cells
    first_paragraph(group[0], "table_head", "{{ row.tt }}")
    merged = group[1].merge(group[-1])
    for extra in merged.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    first_paragraph(merged, "table_group", "{{ row.text }}")
    control_row(4, "{%tr else %}")
    task = rows[5].cells
    cells = (
        ("table_center", "{{ row.tt }}"),
        ("table_center", "{{ row.source }}"),
        ("table_content", "{{ row.content }}"),
        ("table_center", "{{ row.deadline }}"),
        ("table_center", "{{ row.completed }}"),
        ("table_center", "{{ row.progress }}"),
        ("table_text", "{{ row.result }}"),
    )
    for cell, (key, text) in zip(task, cells, strict=True):
        first_paragraph(cell, key, text)
    control_row(6, "{%tr endif %}")
    control_row(7, "{%tr endfor %}")
    para(doc, "control")  # Word needs a paragraph after a table
    control(doc, "{%p endfor %}")


def build_report() -> bytes:
    doc = new_document()
    section = doc.sections[0]
    set_page(section, PORTRAIT)
    page_numbers(section, restart=False)
    header_block(doc)
    body_block(doc)
    signature_block(doc)
    appendix_section = doc.add_section(WD_SECTION.NEW_PAGE)
    # The paragraph holding the portrait section's properties is the break: keep it small.
    doc.paragraphs[-1].style = sid("control")
    set_page(appendix_section, LANDSCAPE)
    page_numbers(appendix_section, restart=True)
    appendix_block(doc, LANDSCAPE.text_width)
    doc.core_properties.title = "Mẫu báo cáo định kỳ"
    return _save(doc)


def build_appendix() -> bytes:
    doc = new_document()
    section = doc.sections[0]
    set_page(section, LANDSCAPE)
    page_numbers(section, restart=False)
    appendix_block(doc, LANDSCAPE.text_width)
    doc.core_properties.title = "Mẫu phụ lục nhiệm vụ được giao"
    return _save(doc)


def _save(doc) -> bytes:
    raw = io.BytesIO()
    doc.save(raw)
    # Re-pack with fixed timestamps and order: the same input gives the same bytes.
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as zin, zipfile.ZipFile(out, "w") as zout:
        names = zin.namelist()
        order = ["[Content_Types].xml", *sorted(n for n in names if n != "[Content_Types].xml")]
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, zin.read(name))
    return out.getvalue()


TEMPLATES = {"report.docx": build_report, "appendix.docx": build_appendix}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default {OUT})")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, build in TEMPLATES.items():
        path = args.out / name
        path.write_bytes(build())
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
