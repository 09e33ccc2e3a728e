"""The appendix as an Excel sheet, read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook

from dieuhanh.reports.render import render_appendix_xlsx
from dieuhanh.reports.render.sample import sample_appendix, sample_header
from dieuhanh.reports.render.styles import APPENDIX_HEADERS


def _sheet(task_count: int | None = None):
    data = render_appendix_xlsx(sample_appendix(task_count), header=sample_header(draft=False))
    return load_workbook(io.BytesIO(data)).active


def test_title_lines_and_headings() -> None:
    sheet = _sheet()

    assert sheet["A1"].value == "Phụ lục"
    assert sheet["A2"].value.startswith("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ")
    assert sheet["A3"].value == "(Kèm theo Báo cáo số 12/BC-KHCN ngày 15 tháng 3 năm 2024 của Sở Khoa học và Công nghệ)"
    assert tuple(c.value for c in sheet[5]) == APPENDIX_HEADERS
    assert all(c.font.bold for c in sheet[5])


def test_rows_and_values_of_the_seed() -> None:
    sheet = _sheet()

    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=6)]
    assert len(rows) == 3 + 20
    groups = [(r[0], r[1]) for r in rows if r[0] in ("I", "II", "III")]
    assert groups == [
        ("I", "ĐÃ THỰC HIỆN: 07 nhiệm vụ"),
        ("II", "ĐANG THỰC HIỆN: 13 nhiệm vụ (trong hạn)"),
        ("III", "CHƯA THỰC HIỆN: 0 nhiệm vụ"),
    ]
    first = rows[1]
    assert first[0] == "1"
    assert first[1] == "181/UBND-KGVX\nNgày 12/01/2024"
    assert first[3] == dt.datetime(2024, 2, 28)
    assert first[4] == dt.datetime(2024, 2, 26)
    assert first[5] == "Đúng hạn"
    assert first[6] == "16/KH-UBND\nNgày 26/02/2024"
    open_task = rows[9]
    assert open_task[0] == "1"
    assert open_task[3] is None
    assert open_task[5] == "Chưa đến hạn"


def test_dates_are_real_dates_shown_dd_mm_yyyy() -> None:
    sheet = _sheet()

    cell = sheet["D7"]
    assert cell.is_date
    assert cell.number_format == "dd/mm/yyyy"


def test_prints_a4_landscape_fit_to_width_with_repeated_headings() -> None:
    sheet = _sheet()

    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$5:$5"


def test_cells_wrap_and_have_borders() -> None:
    sheet = _sheet()

    for cell in sheet[7]:
        assert cell.alignment.wrap_text
        assert cell.border.left.style == "thin"
        assert cell.border.bottom.style == "thin"
        assert cell.font.name == "Times New Roman"
    widths = [sheet.column_dimensions[c].width for c in "ABCDEFG"]
    assert widths[2] == max(widths)  # the content column is the widest
    assert sheet.row_dimensions[7].height > sheet.row_dimensions[6].height


def test_thousand_rows() -> None:
    sheet = _sheet(task_count=1000)

    assert sheet.max_row == 5 + 3 + 1000
