"""Vietnamese text as official documents write it, and the body's numbering."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dieuhanh.reports.render import (
    AppendixSection,
    Bullet,
    Figure,
    OfficialHeader,
    Paragraph,
    Report,
    Section,
    SignatureBlock,
    TaskRow,
)
from dieuhanh.reports.render.context import flatten_body
from dieuhanh.reports.render.text import (
    date_words,
    doc_text,
    format_count,
    format_number,
    letter,
    number_line,
    roman,
    text_width_mm,
    upper_vi,
)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_date_words_pad_days_below_ten_and_months_one_and_two(day: dt.date) -> None:
    words = date_words(day).split()

    assert words[0::2] == ["ngày", "tháng", "năm"]
    assert words[1] == f"{day.day:02d}"
    assert words[3] == (f"{day.month:02d}" if day.month <= 2 else str(day.month))
    assert words[5] == str(day.year)


def test_draft_date_words_leave_the_day_blank() -> None:
    assert date_words(None, month=2, year=2024) == "ngày      tháng 02 năm 2024"
    assert date_words(None) == "ngày      tháng      năm      "


@pytest.mark.parametrize(
    ("number", "symbol", "expected"),
    [
        (12, "BC-KHCN", "Số: 12/BC-KHCN"),
        (5, "BC-KHCN", "Số: 05/BC-KHCN"),
        ("211", "KHCN-VP", "Số: 211/KHCN-VP"),
        (None, "BC-KHCN", "Số:      /BC-KHCN"),
    ],
)
def test_number_line(number: object, symbol: str, expected: str) -> None:
    assert number_line(number, symbol) == expected


@pytest.mark.parametrize(("n", "text"), [(0, "0"), (7, "07"), (13, "13"), (1291, "1.291"), (1234567, "1.234.567")])
def test_counts_are_written_as_reports_write_them(n: int, text: str) -> None:
    assert format_count(n) == text


def test_numbers_use_vietnamese_separators() -> None:
    assert format_number(12.5) == "12,5"
    assert format_number(1291.0) == "1.291"
    assert format_number(1234.25) == "1.234,25"


def test_roman_and_letters() -> None:
    assert [roman(n) for n in (1, 2, 4, 9, 14)] == ["I", "II", "IV", "IX", "XIV"]
    assert [letter(n) for n in (1, 4, 5, 6)] == ["a", "d", "đ", "e"]


def test_text_is_nfc_without_control_characters() -> None:
    assert doc_text(unicodedata.normalize("NFD", "Tỉnh ủy")) == "Tỉnh ủy"
    assert doc_text("a\x0bb\x0cc\r\nd") == "a b c\nd"
    assert upper_vi("Sở Khoa học và Công nghệ") == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"


def test_text_width_matches_times_new_roman_metrics() -> None:
    # "Độc lập - Tự do - Hạnh phúc" in 13 pt bold is 56 mm in Times New Roman.
    assert text_width_mm("Độc lập - Tự do - Hạnh phúc", 13, bold=True) == pytest.approx(55.9, abs=0.2)
    assert text_width_mm("ab\nabcd", 12) > text_width_mm("ab", 12)


def test_figure_lines() -> None:
    assert Figure("Tổng số", 20, "nhiệm vụ").text == "Tổng số: 20 nhiệm vụ"
    assert Figure("Đã thực hiện", 7, "nhiệm vụ", note="thực hiện chậm: 0", marker="-").text == (
        "- Đã thực hiện: 07 nhiệm vụ, thực hiện chậm: 0"
    )
    assert Figure("Phương tiện đo", 1291).text == "Phương tiện đo: 1.291"


def test_appendix_section_heading_counts_its_rows() -> None:
    rows = [TaskRow(content=str(i)) for i in range(7)]

    assert AppendixSection("I", "Đã thực hiện", rows).heading == "ĐÃ THỰC HIỆN: 07 nhiệm vụ"
    assert AppendixSection("III", "Chưa thực hiện").heading == "CHƯA THỰC HIỆN: 0 nhiệm vụ"


def test_source_and_result_cells() -> None:
    row = TaskRow(content="x", source_number="181/UBND-KGVX", source_date=dt.date(2024, 1, 12), result="Đã xong")

    assert row.source_text == "181/UBND-KGVX\nNgày 12/01/2024"
    assert row.result_text == "Đã xong"


def test_recipient_lines_end_with_the_archive() -> None:
    header = OfficialHeader(issuing_body="Sở Khoa học và Công nghệ")
    report = Report(header, recipients=["Văn phòng UBND tỉnh", "- Lãnh đạo Sở;", ""], archive="VT, VP")

    assert report.recipient_lines == ["- Văn phòng UBND tỉnh;", "- Lãnh đạo Sở;", "- Lưu: VT, VP."]


def test_signature_helpers() -> None:
    assert SignatureBlock.signing_for("Giám đốc", "Phó Giám đốc").authority == "KT. GIÁM ĐỐC"
    assert SignatureBlock.by_delegation("Giám đốc", "Chánh Văn phòng").authority == "TL. GIÁM ĐỐC"


def _numbers(report: Report) -> list[tuple[str, str]]:
    return [(line.style, line.text) for line in flatten_body(report)]


def test_sections_are_numbered_by_depth() -> None:
    header = OfficialHeader(issuing_body="Sở")
    tree = Section(
        "Kết quả",
        children=[
            Section(
                "Nhiệm vụ",
                children=[
                    Section("Báo cáo", children=[Section("Cấp quốc gia", children=[Section("Đề tài")])]),
                    Section("Kế hoạch", children=[Section("Cấp tỉnh"), Section("Cấp cơ sở")]),
                ],
            ),
        ],
    )
    report = Report(header, sections=[tree, Section("Nhiệm vụ quý II")])

    assert _numbers(report) == [
        ("part", "Phần I"),
        ("part_title", "KẾT QUẢ"),
        ("heading1", "I. Nhiệm vụ"),
        ("heading2", "1. Báo cáo"),
        ("heading3", "1.1. Cấp quốc gia"),
        ("heading4", "a) Đề tài"),
        ("heading2", "2. Kế hoạch"),
        ("heading3", "2.1. Cấp tỉnh"),
        ("heading3", "2.2. Cấp cơ sở"),
        ("part", "Phần II"),
        ("part_title", "NHIỆM VỤ QUÝ II"),
    ]


def test_without_parts_top_sections_are_roman() -> None:
    header = OfficialHeader(issuing_body="Sở")
    report = Report(
        header,
        sections=[Section("Kết quả", blocks=[Paragraph("Nội dung"), Bullet("ý", marker="+")])],
        top_level_parts=False,
        addressees=["UBND tỉnh"],
        closing="Trên đây ./.",
    )

    assert _numbers(report) == [
        ("kinh_gui", "Kính gửi: UBND tỉnh."),
        ("heading1", "I. Kết quả"),
        ("paragraph", "Nội dung"),
        ("bullet", "+ ý"),
        ("paragraph", "Trên đây ./."),
    ]


def test_several_addressees_are_listed() -> None:
    report = Report(OfficialHeader(issuing_body="Sở"), addressees=["UBND tỉnh", "Sở Tài chính"])

    assert [line.text for line in flatten_body(report)] == ["Kính gửi:", "- UBND tỉnh;", "- Sở Tài chính."]
