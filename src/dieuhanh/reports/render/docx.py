"""Word documents from docxtpl templates, in the format of ND 30/2020/NĐ-CP (DOMAIN §6).

- `render_report_docx(report, template=None) -> bytes`: the whole report (header, body,
  signature, recipients) with its appendices on landscape pages.
- `render_appendix_docx(appendix, header=None, template=None) -> bytes`: one appendix alone,
  landscape; `header` supplies the "(Kèm theo Báo cáo số ...)" line when the appendix has none.
- `report_context(report)`, `appendix_only_context(appendix, header)`: what the templates
  receive (docs/REPORT_TEMPLATES.md).

The body is inserted as ready-made paragraphs (`{{p body }}`) in the template's "BC ..."
styles; the appendix table is a docxtpl row loop (`{%tr for row in appendix.rows %}`): Jinja
writes 1,000 rows as text in a few milliseconds, where python-docx building the same table cell
by cell takes seconds. After rendering, `_finish` fits the rules under the header lines to the
text above them and drops the landscape section when there is no appendix.
"""

from __future__ import annotations

import copy
import io
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree
from markupsafe import Markup, escape

from dieuhanh.reports.render.context import (
    appendix_context,
    flatten_body,
    header_context,
    signature_context,
)
from dieuhanh.reports.render.model import Appendix, OfficialHeader, Report
from dieuhanh.reports.render.ooxml import ensure_styles, lines_xml
from dieuhanh.reports.render.styles import RULE_FRACTION, RULE_MIN_MM, style_named
from dieuhanh.reports.render.templates import (
    TemplateKind,
    TemplateSource,
    jinja_env,
    render_checked,
    template_bytes,
)
from dieuhanh.reports.render.text import text_width_mm

TWIPS_PER_MM = 1440 / 25.4
DEFAULT_CELL_MARGIN_TWIPS = 108  # Word's default left/right cell margin (0.19 cm)


def report_context(report: Report) -> dict[str, Any]:
    return {
        "header": header_context(report.header),
        "body": Markup(lines_xml(flatten_body(report))),
        "signature": signature_context(report.signature),
        "recipients": report.recipient_lines,
        "appendices": [appendix_context(a, report.header) for a in report.appendices],
    }


def appendix_only_context(appendix: Appendix, header: OfficialHeader | None) -> dict[str, Any]:
    return {
        "header": header_context(header)
        if header is not None
        else {
            "parent_body": "",
            "issuing_body": "",
            "number_line": "",
            "place_date": "",
            "doc_type": "",
            "summary": "",
        },
        "appendices": [appendix_context(appendix, header)],
    }


class _Template(DocxTemplate):
    """docxtpl, minus two whole-document passes our contexts make unnecessary.

    `resolve_listing` rewrites every paragraph to turn "\\n" and "\\t" in values into Word
    breaks; `_word_values` has already done so for every value (0.25 s for 1,000 rows).
    `fix_tables` re-counts grid columns for `{%tc %}` column loops, which only a template
    that has one needs."""

    def resolve_listing(self, xml: str) -> str:
        return xml

    def fix_tables(self, xml: str) -> Any:
        if self._column_loops:
            return super().fix_tables(xml)
        return etree.fromstring(xml)

    def build_xml(self, context: Any, jinja_env: Any = None) -> str:
        self._column_loops = "{%tc" in self.get_xml()
        return super().build_xml(context, jinja_env)


_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'


def _word_values(value: Any) -> Any:
    """Strings with line breaks or tabs become the Word markup for them (values print inside
    a `<w:t>`); everything else is left for Jinja to escape."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        if "\n" not in value and "\t" not in value:
            return value
        return Markup(str(escape(value)).replace("\n", _BREAK).replace("\t", _TAB))
    if isinstance(value, dict):
        return {k: _word_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_word_values(v) for v in value]
    return value


def _render(template: bytes, context: dict[str, Any]) -> DocxDocument:
    tpl = _Template(io.BytesIO(template))
    tpl.render(_word_values(context), jinja_env=jinja_env(), autoescape=True)
    return tpl.docx


def render_report_docx(report: Report, template: TemplateSource | None = None) -> bytes:
    data = template_bytes(TemplateKind.REPORT, template)
    document = render_checked(_render, data, report_context(report))
    _finish(document, keep_last_section=bool(report.appendices), metadata=_metadata(report))
    return _save(document)


def render_appendix_docx(
    appendix: Appendix,
    header: OfficialHeader | None = None,
    template: TemplateSource | None = None,
) -> bytes:
    data = template_bytes(TemplateKind.APPENDIX, template)
    document = render_checked(_render, data, appendix_only_context(appendix, header))
    title = " ".join(appendix.title.split())
    _finish(document, keep_last_section=True, metadata={"title": f"{appendix.label} - {title}"})
    return _save(document)


def _metadata(report: Report) -> dict[str, str]:
    header = report.header
    meta = {"title": f"{header.doc_type} {header.summary}".strip(), "subject": header.summary}
    meta.update(report.metadata)
    return meta


def _save(document: DocxDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _finish(document: DocxDocument, *, keep_last_section: bool, metadata: dict[str, str]) -> None:
    ensure_styles(document)  # an uploaded template may lack some "BC ..." styles the body uses
    if not keep_last_section:
        _drop_last_section(document)
    _fit_rules(document)
    props = document.core_properties
    for key in ("title", "subject", "author", "keywords"):
        if metadata.get(key):
            setattr(props, key, metadata[key][:255])


def _drop_last_section(document: DocxDocument) -> None:
    """With no appendix, the landscape section holds nothing: the portrait section becomes the
    last one (its properties move from the break paragraph to the body)."""
    body = document.element.body
    breaks = [p for p in body.iterchildren(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    if not breaks:
        return
    last_break = breaks[-1]
    sect_pr = last_break.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
    body_sect = body.find(qn("w:sectPr"))
    new_sect = copy.deepcopy(sect_pr)
    sect_pr.getparent().remove(sect_pr)
    if body_sect is not None:
        body_sect.addprevious(new_sect)
        body.remove(body_sect)
    else:
        body.append(new_sect)
    # Whatever followed the break (empty paragraphs of the appendix loop) goes too.
    for sibling in list(last_break.itersiblings()):
        if sibling.tag == qn("w:p") and not "".join(sibling.itertext()).strip():
            body.remove(sibling)


# --- Rules under the issuing body, the motto and the summary (ND 30/2020, Appendix I) -------


def _style_elements(document: DocxDocument) -> dict[str, Any]:
    return {el.get(qn("w:styleId")): el for el in document.styles.element.findall(qn("w:style"))}


def _style_font(styles: dict[str, Any], style_id: str | None) -> tuple[float | None, bool | None]:
    size: float | None = None
    bold: bool | None = None
    seen = set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        el = styles[style_id]
        rpr = el.find(qn("w:rPr"))
        if rpr is not None:
            sz = rpr.find(qn("w:sz"))
            if size is None and sz is not None:
                size = int(sz.get(qn("w:val"))) / 2
            b = rpr.find(qn("w:b"))
            if bold is None and b is not None:
                bold = b.get(qn("w:val")) not in ("0", "false")
        based = el.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None
    return size, bold


def _paragraph_font(styles: dict[str, Any], p: Any) -> tuple[float, bool]:
    ppr = p.find(qn("w:pPr"))
    pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
    size, bold = _style_font(styles, pstyle.get(qn("w:val")) if pstyle is not None else "Normal")
    run_rpr = p.find(f"{qn('w:r')}/{qn('w:rPr')}")
    if run_rpr is not None:
        sz = run_rpr.find(qn("w:sz"))
        if sz is not None:
            size = int(sz.get(qn("w:val"))) / 2
        b = run_rpr.find(qn("w:b"))
        if b is not None:
            bold = b.get(qn("w:val")) not in ("0", "false")
    return size or 14.0, bool(bold)


def _paragraph_text(p: Any) -> str:
    parts = []
    for el in p.iter(qn("w:t"), qn("w:br")):
        parts.append("\n" if el.tag == qn("w:br") else (el.text or ""))
    return "".join(parts)


def _available_twips(document: DocxDocument, p: Any) -> float:
    """Width the rule can use: its table cell's, or the section's text width."""
    tc = next((a for a in p.iterancestors(qn("w:tc"))), None)
    if tc is not None:
        tcw = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
        width = float(tcw.get(qn("w:w"))) if tcw is not None and tcw.get(qn("w:type")) == "dxa" else 0.0
        tbl = next(tc.iterancestors(qn("w:tbl")))
        margins = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
        side = 0.0
        for name in ("w:left", "w:right"):
            el = margins.find(qn(name)) if margins is not None else None
            side += float(el.get(qn("w:w"))) if el is not None else DEFAULT_CELL_MARGIN_TWIPS
        return max(width - side, 0.0)
    section = document.sections[0]
    emu = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    return float(emu) / 635  # EMU -> twips


def _fit_rules(document: DocxDocument) -> None:
    """Centre each rule under the line above it: as long as the motto; 40 % of the issuing
    body's name and of the summary (ND 30/2020: "từ 1/3 đến 1/2 độ dài của dòng chữ")."""
    rule_id = style_named("rule").style_id
    motto_id = style_named("motto").style_id
    styles = _style_elements(document)
    rules = document.element.body.xpath(f'.//w:p[w:pPr/w:pStyle/@w:val="{rule_id}"]')
    for p in rules:
        ppr = p.find(qn("w:pPr"))
        above = p.getprevious()
        while above is not None and above.tag != qn("w:p"):
            above = above.getprevious()
        if above is None:
            continue
        text = _paragraph_text(above).strip()
        if not text:
            continue
        size, bold = _paragraph_font(styles, above)
        available = _available_twips(document, p)
        text_twips = min(text_width_mm(text, size, bold) * TWIPS_PER_MM, available)
        above_style = above.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        is_motto = above_style is not None and above_style.get(qn("w:val")) == motto_id
        length = text_twips if is_motto else max(RULE_FRACTION * text_twips, RULE_MIN_MM * TWIPS_PER_MM)
        side = max(round((available - length) / 2), 0)
        ind = ppr.find(qn("w:ind"))
        if ind is None:
            ind = etree.SubElement(ppr, qn("w:ind"))
            # keep schema order: ind comes before jc / rPr
            for later in ("w:contextualSpacing", "w:jc", "w:outlineLvl", "w:rPr"):
                anchor = ppr.find(qn(later))
                if anchor is not None:
                    anchor.addprevious(ind)
                    break
        for attr in ("w:left", "w:start", "w:right", "w:end", "w:hanging"):
            ind.attrib.pop(qn(attr), None)
        ind.set(qn("w:left"), str(side))
        ind.set(qn("w:right"), str(side))
        ind.set(qn("w:firstLine"), "0")
