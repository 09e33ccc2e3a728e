"""Importing a register from XLSX: columns guessed, every bad row listed, nothing saved early."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from dieuhanh.research.importing import SheetError, check_rows, guess_mapping, read_sheet, research_import
from dieuhanh.research.models import ResearchTask

pytestmark = pytest.mark.django_db

HEADERS = ["STT", "Tên nhiệm vụ", "Cấp", "Loại", "Chương trình", "Tổ chức chủ trì", "Chủ nhiệm", "Năm bắt đầu",
           "Thời gian kết thúc", "Phòng theo dõi", "Kinh phí NSNN", "Đối ứng"]  # fmt: skip


def xlsx(rows, headers=HEADERS) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


GOOD = [1, "Nghiên cứu và phát triển cây Đào toáng tại xã Nam Cường", "Cấp tỉnh", "Đề tài", "", "Trung tâm dịch vụ huyện Chợ Đồn",
        "Nguyễn Văn A", 2021, "12/2022", "QLKH", "1.250,5", "100"]  # fmt: skip
BAD = [
    2,
    "Dự án Hồng LT1 Na Rì",
    "cấp huyện",
    "Dự án",
    "NTMN",
    "",
    "",
    "năm 2021",
    "31/02/2022",
    "Phòng Không Có",
    "abc",
    "",
]


def test_headers_are_mapped_by_their_words():
    mapping = guess_mapping(HEADERS)
    assert mapping["title"] == 1
    assert mapping["level"] == 2
    assert mapping["start_year"] == 7
    assert mapping["end_date"] == 8
    assert mapping["state_budget"] == 10
    assert mapping["counterpart"] == 11
    assert "code" not in mapping  # "STT" is not a code


def test_every_error_of_a_bad_row_is_listed_with_its_row_number(world):
    sheet = read_sheet(xlsx([GOOD, BAD]))

    results = check_rows(world.scope("office"), sheet, guess_mapping(sheet.headers))

    assert [r.ok for r in results] == [True, False]
    assert results[1].number == 3
    assert results[1].errors == [
        "Cấp quản lý “cấp huyện” không hiểu được (cấp quốc gia, cấp tỉnh, cấp cơ sở).",
        "Năm bắt đầu thực hiện “năm 2021” không phải một năm (ví dụ 2022).",
        "Thời gian kết thúc “31/02/2022” không phải ngày (dd/mm/yyyy hoặc mm/yyyy).",
        "Không có phòng “Phòng Không Có” trong cơ quan.",
        "Kinh phí NSNN “abc” không phải số tiền.",
    ]


def test_a_good_row_becomes_a_task_with_its_funding(world):
    sheet = read_sheet(xlsx([GOOD]))
    scope = world.scope("office")
    rows = check_rows(scope, sheet, guess_mapping(sheet.headers))

    (task,) = research_import(scope=scope, rows=rows)

    assert (task.level, task.task_type, task.start_year, str(task.end_date)) == (
        "provincial",
        "de_tai",
        2021,
        "2022-12-31",
    )
    assert task.managing_unit == world.unit_a
    assert [(f.year, f.state_budget, f.counterpart) for f in task.funding.all()] == [
        (2021, Decimal("1250.500"), Decimal("100.000"))
    ]


def test_nothing_is_imported_when_a_row_is_bad(world):
    sheet = read_sheet(xlsx([GOOD, BAD]))
    scope = world.scope("office")
    rows = check_rows(scope, sheet, guess_mapping(sheet.headers))
    with pytest.raises(ValidationError, match="Dòng 3 còn lỗi; chưa nhập dòng nào"):
        research_import(scope=scope, rows=rows)
    assert ResearchTask.objects.count() == 0


def test_a_title_already_in_the_register_or_twice_in_the_file_is_an_error(world):
    scope = world.scope("office")
    sheet = read_sheet(xlsx([GOOD]))
    research_import(scope=scope, rows=check_rows(scope, sheet, guess_mapping(sheet.headers)))
    again = read_sheet(
        xlsx([GOOD, [3, "Mới", "Cấp cơ sở", "", "", "", "", 2022], [4, "Mới", "Cấp cơ sở", "", "", "", "", 2022]])
    )
    results = check_rows(scope, again, guess_mapping(again.headers))
    assert [r.errors for r in results] == [
        ["Nhiệm vụ cùng tên đã có trong sổ."],
        [],
        ["Trùng tên với một dòng phía trên."],
    ]


def test_a_required_column_must_be_chosen(world):
    sheet = read_sheet(xlsx([GOOD]))
    with pytest.raises(ValidationError, match="Cần chọn cột cho: Cấp quản lý"):
        check_rows(world.scope("office"), sheet, {"title": 1, "start_year": 7})


def test_a_file_that_is_not_xlsx_is_refused():
    with pytest.raises(SheetError, match=r"cần một tệp Excel \.xlsx"):
        read_sheet(io.BytesIO(b"not a workbook"))
