"""The appendix of assigned tasks as an Excel workbook (openpyxl).

- `render_appendix_xlsx(appendix, header=None) -> bytes`: one sheet, "Phụ lục", laid out as
  the Word table: title lines, the column headings (repeated on every printed page), group
  rows I / II / III and one row per task. Deadlines and completion dates are real dates shown
  dd/mm/yyyy, so a clerk can sort and filter; the sheet prints on A4 landscape, fit to width.
"""

from __future__ import annotations

import io
import math

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dieuhanh.reports.render.context import appendix_context
from dieuhanh.reports.render.model import Appendix, OfficialHeader, TaskRow
from dieuhanh.reports.render.styles import APPENDIX_HEADERS, FONT, LANDSCAPE, TABLE_SIZE
from dieuhanh.reports.render.text import doc_text, text_width_mm

# Column widths in Excel character units, proportioned like the Word table's millimetres.
COLUMN_WIDTHS = (5, 18, 55, 12, 12, 13, 24)
HEADER_ROW = 5
LINE_PT = TABLE_SIZE * 1.25  # one line of 12 pt Times New Roman, with leading
DATE_FORMAT = "dd/mm/yyyy"
MM_PER_INCH = 25.4

_thin = Side(style="thin", color="000000")
_BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)


def _named_styles() -> dict[str, NamedStyle]:
    def style(
        name: str,
        *,
        bold: bool = False,
        italic: bool = False,
        horizontal: str = "left",
        border: bool = True,
        size: float = TABLE_SIZE,
        number_format: str | None = None,
    ) -> NamedStyle:
        s = NamedStyle(name=name)
        s.font = Font(name=FONT, size=size, bold=bold, italic=italic)
        s.alignment = Alignment(horizontal=horizontal, vertical="top" if border else "center", wrap_text=True)
        if border:
            s.border = _BORDER
        if number_format:
            s.number_format = number_format
        return s

    return {
        "label": style("dh_label", bold=True, horizontal="center", border=False, size=13),
        "title": style("dh_title", bold=True, horizontal="center", border=False, size=13),
        "reference": style("dh_reference", italic=True, horizontal="center", border=False, size=13),
        "head": style("dh_head", bold=True, horizontal="center"),
        "group": style("dh_group", bold=True),
        "group_code": style("dh_group_code", bold=True, horizontal="center"),
        "center": style("dh_center", horizontal="center"),
        "text": style("dh_text"),
        "content": style("dh_content", horizontal="justify"),
        "date": style("dh_date", horizontal="center", number_format=DATE_FORMAT),
    }


def render_appendix_xlsx(appendix: Appendix, header: OfficialHeader | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    styles = _named_styles()
    for named in styles.values():
        workbook.add_named_style(named)
    width = len(APPENDIX_HEADERS)
    last_column = get_column_letter(width)
    context = appendix_context(appendix, header)

    def banner(row: int, text: str, style: str, lines: int = 1) -> None:
        sheet.merge_cells(f"A{row}:{last_column}{row}")
        cell = sheet.cell(row=row, column=1, value=text)
        cell.style = styles[style].name
        sheet.row_dimensions[row].height = 18 * lines

    banner(1, context["label"], "label")
    banner(2, context["title"], "title", lines=context["title"].count("\n") + 1)
    if context["reference"]:
        banner(3, context["reference"], "reference")
    for column, (title, chars) in enumerate(zip(APPENDIX_HEADERS, COLUMN_WIDTHS, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = chars
        cell = sheet.cell(row=HEADER_ROW, column=column, value=title)
        cell.style = styles["head"].name
    sheet.row_dimensions[HEADER_ROW].height = _height(list(APPENDIX_HEADERS))

    row = HEADER_ROW + 1
    for section in appendix.sections:
        code = sheet.cell(row=row, column=1, value=doc_text(section.code).strip())
        code.style = styles["group_code"].name
        heading = sheet.cell(row=row, column=2, value=section.heading)
        heading.style = styles["group"].name
        for column in range(3, width + 1):
            sheet.cell(row=row, column=column).style = styles["group"].name
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=width)
        sheet.row_dimensions[row].height = LINE_PT + 4
        row += 1
        for i, task in enumerate(section.rows, start=1):
            _task_row(sheet, row, i, task, styles)
            row += 1

    _page_setup(sheet, last_column)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _task_row(sheet: Worksheet, row: int, index: int, task: TaskRow, styles: dict[str, NamedStyle]) -> None:
    values = (
        (str(index) if task.number is None else doc_text(task.number).strip(), "center"),
        (task.source_text, "center"),
        (doc_text(task.content).strip(), "content"),
        (
            task.deadline or doc_text(task.deadline_text).strip() or None,
            "date" if task.deadline else "center",
        ),
        (task.completed_on, "date"),
        (doc_text(task.progress).strip() or None, "center"),
        (task.result_text or None, "text"),
    )
    for column, (value, style) in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.style = styles[style].name
    sheet.row_dimensions[row].height = _height([v if isinstance(v, str) else "00/00/0000" for v, _ in values])


def _column_mm(chars: float) -> float:
    """Printed width of a column: Excel's unit is the widest digit of the default font
    (Calibri 11: 7 px, plus 5 px of padding) at 96 px per inch."""
    return (chars * 7 + 5) * MM_PER_INCH / 96


_USABLE_MM = tuple(_column_mm(c) - 2 for c in COLUMN_WIDTHS)


def _height(texts: list[str | None]) -> float:
    """Row height in points for wrapped text. Neither Excel nor LibreOffice re-measures the
    rows of a generated file reliably, and a row too short hides text in print."""
    lines = 1
    for text, usable in zip(texts, _USABLE_MM, strict=True):
        if not text:
            continue
        count = sum(max(1, math.ceil(text_width_mm(part, TABLE_SIZE) / usable)) for part in text.split("\n"))
        lines = max(lines, count)
    return lines * LINE_PT + 4


def _page_setup(sheet: Worksheet, last_column: str) -> None:
    """A4 landscape, one page wide, headings repeated, margins as the Word appendix."""
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.top = LANDSCAPE.top / MM_PER_INCH
    margins.bottom = LANDSCAPE.bottom / MM_PER_INCH
    margins.left = LANDSCAPE.left / MM_PER_INCH
    margins.right = LANDSCAPE.right / MM_PER_INCH
    margins.header = LANDSCAPE.header_distance / MM_PER_INCH
    # Page numbers centred at the top from page 2, as in the Word appendix.
    sheet.HeaderFooter.differentFirst = True
    sheet.oddHeader.center.text = "&P"
    sheet.oddHeader.center.font = FONT
    sheet.oddHeader.center.size = 13
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_area = f"A1:{last_column}{sheet.max_row}"
