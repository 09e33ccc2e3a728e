"""The report as a Word file, read back with python-docx and checked against ND 30/2020/NĐ-CP,
Appendix I (DOMAIN §6), on seed 000's Q1/2024 report and its 20-task appendix."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from render_helpers import (
    all_paragraphs,
    font_name,
    font_size,
    is_bold,
    is_italic,
    mm,
    open_docx,
    paragraph_format,
    with_header,
)

from dieuhanh.reports.render import (
    Appendix,
    AppendixSection,
    Paragraph,
    Report,
    Section,
    SignatureBlock,
    TaskRow,
    render_appendix_docx,
    render_report_docx,
)
from dieuhanh.reports.render.sample import sample_appendix, sample_header
from dieuhanh.reports.render.styles import APPENDIX_HEADERS, MOTTO, NATIONAL_NAME
from dieuhanh.reports.render.text import text_width_mm


def by_style(document, name: str) -> list:
    return [p for p in all_paragraphs(document) if p.style is not None and p.style.name == name]


def only(document, name: str):
    found = by_style(document, name)
    assert len(found) == 1, (name, [p.text for p in found])
    return found[0]


# --- Page: A4, margins, orientation -------------------------------------------------------------


def test_every_section_is_a4_with_nd30_margins(seed_docx: bytes) -> None:
    document = open_docx(seed_docx)

    for section in document.sections:
        size = sorted((round(mm(section.page_width)), round(mm(section.page_height))))
        assert size == [210, 297]
        assert 20 <= mm(section.top_margin) <= 25
        assert 20 <= mm(section.bottom_margin) <= 25
        assert 30 <= mm(section.left_margin) <= 35
        assert 15 <= mm(section.right_margin) <= 20


def test_report_is_portrait_and_appendix_a_new_landscape_page(seed_docx: bytes) -> None:
    document = open_docx(seed_docx)

    first, appendix = document.sections
    assert first.orientation == WD_ORIENT.PORTRAIT
    assert mm(first.page_width) < mm(first.page_height)
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert mm(appendix.page_width) > mm(appendix.page_height)
    assert appendix.start_type == WD_SECTION.NEW_PAGE
    # The appendix heading is in the landscape section, i.e. after the section break.
    body = list(document.element.body.iterchildren())
    break_at = max(i for i, el in enumerate(body) if el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None)
    label_at = next(i for i, el in enumerate(body) if "".join(t.text for t in el.iter(qn("w:t"))) == "Phụ lục")
    assert label_at > break_at


def test_page_numbers_centred_at_top_from_page_two(seed_docx: bytes) -> None:
    document = open_docx(seed_docx)

    first, appendix = document.sections
    assert first.different_first_page_header_footer
    header_xml = first.header._element.xml
    assert "PAGE" in header_xml
    assert first.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER or (
        paragraph_format(first.header.paragraphs[0], "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    )
    assert "PAGE" not in first.first_page_header._element.xml
    # ND 30/2020: an appendix is numbered on its own, its first page unnumbered too.
    assert appendix.different_first_page_header_footer
    assert appendix._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


# --- Fonts and body text ------------------------------------------------------------------------


def test_every_paragraph_is_times_new_roman(seed_docx: bytes) -> None:
    document = open_docx(seed_docx)

    names = {font_name(document, p) for p in all_paragraphs(document) if p.text.strip()}
    assert names == {"Times New Roman"}
    rfonts = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert rfonts.get(qn("w:ascii")) == rfonts.get(qn("w:hAnsi")) == "Times New Roman"


def test_body_paragraphs_follow_nd30(seed_docx: bytes) -> None:
    document = open_docx(seed_docx)

    body = by_style(document, "BC Đoạn văn") + by_style(document, "BC Gạch đầu dòng")
    assert len(body) > 100
    for p in body:
        assert 13 <= font_size(p) <= 14
        assert paragraph_format(p, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert 10 <= mm(paragraph_format(p, "first_line_indent")) <= 12.7
        assert paragraph_format(p, "space_after").pt >= 6
        assert 1.0 <= paragraph_format(p, "line_spacing") <= 1.5


def test_sections_are_numbered_as_the_seed(seed_docx: bytes) -> None:
    document = open_docx(seed_docx)

    parts = [p.text for p in by_style(document, "BC Phần")]
    headings = [p.text for p in by_style(document, "BC Mục I")]
    subheadings = [p.text for p in by_style(document, "BC Mục 1.1")]
    assert parts == ["Phần I", "Phần II"]
    assert by_style(document, "BC Tiêu đề Phần")[1].text == "NHIỆM VỤ CÔNG TÁC QUÝ II"
    assert headings[:3] == [
        "I. Thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao",
        "II. Xây dựng cơ chế, chính sách, pháp luật về KH&CN",
        "III. Hoạt động KH&CN",
    ]
    # The seed's "2.2." under "1." is numbered from its place: 1.2.
    assert subheadings[:2] == [
        "1.1. Quản lý đề tài, dự án cấp quốc gia",
        "1.2. Quản lý đề tài, dự án cấp tỉnh",
    ]
    for p in by_style(document, "BC Phần") + by_style(document, "BC Mục I") + by_style(document, "BC Mục 1"):
        assert is_bold(p)


# --- Header ---------------------------------------------------------------------------------------


def test_header_texts_in_order(seed_docx: bytes) -> None:
    document = open_docx(seed_docx)

    table = document.tables[0]
    left = [p.text for p in table.cell(0, 0).paragraphs]
    right = [p.text for p in table.cell(0, 1).paragraphs]
    assert left == ["UBND TỈNH BẮC GIANG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", ""]
    assert right == [NATIONAL_NAME, MOTTO, ""]
    assert table.cell(1, 0).text == "Số: 12/BC-KHCN"
    assert table.cell(1, 1).text == "Bắc Giang, ngày 15 tháng 3 năm 2024"
    after_table = [p.text for p in document.paragraphs[:3]]
    assert after_table == ["BÁO CÁO", "Kết quả công tác quý I/2024, nhiệm vụ công tác quý II/2024", ""]


def test_header_typography(seed_docx: bytes) -> None:
    document = open_docx(seed_docx)

    parent, issuing = only(document, "BC Cơ quan chủ quản"), only(document, "BC Cơ quan ban hành")
    national, motto = only(document, "BC Quốc hiệu"), only(document, "BC Tiêu ngữ")
    place_date, doc_type = only(document, "BC Địa danh và ngày tháng"), only(document, "BC Tên loại văn bản")
    summary = only(document, "BC Trích yếu")
    assert 12 <= font_size(parent) <= 13
    assert not is_bold(parent)
    assert 12 <= font_size(issuing) <= 13
    assert is_bold(issuing)
    assert 12 <= font_size(national) <= 13
    assert is_bold(national)
    assert 13 <= font_size(motto) <= 14
    assert is_bold(motto)
    assert 13 <= font_size(place_date) <= 14
    assert is_italic(place_date)
    assert is_bold(doc_type)
    assert doc_type.text.isupper()
    assert is_bold(summary)
    for p in (parent, issuing, national, motto, place_date, doc_type, summary):
        assert paragraph_format(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def _rule_length_mm(document, rule) -> float:
    """Width the rule spans: its cell (or the text width) less its indents."""
    tc = next(rule._p.iterancestors(qn("w:tc")), None)
    if tc is not None:
        width = int(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))) / 1440 * 25.4 - 1.0  # 0.5 mm margins
    else:
        section = document.sections[0]
        width = mm(section.page_width) - mm(section.left_margin) - mm(section.right_margin)
    return width - mm(rule.paragraph_format.left_indent) - mm(rule.paragraph_format.right_indent)


def test_short_rules_under_issuing_body_motto_and_summary(seed_docx: bytes) -> None:
    document = open_docx(seed_docx)

    rules = by_style(document, "BC Đường kẻ")
    assert len(rules) == 3
    for rule in rules:
        assert rule._p.pPr.find(f"{qn('w:pBdr')}/{qn('w:top')}") is not None or (
            rule.style.element.pPr.find(f"{qn('w:pBdr')}/{qn('w:top')}").get(qn("w:val")) == "single"
        )
    issuing_rule, motto_rule, summary_rule = rules
    issuing = text_width_mm("SỞ KHOA HỌC VÀ CÔNG NGHỆ", 13, bold=True)
    motto = text_width_mm(MOTTO, 13, bold=True)
    summary = text_width_mm("Kết quả công tác quý I/2024, nhiệm vụ công tác quý II/2024", 14, bold=True)
    # ND 30/2020: 1/3 to 1/2 of the issuing body's name; the motto's own length.
    assert issuing / 3 <= _rule_length_mm(document, issuing_rule) <= issuing / 2
    assert _rule_length_mm(document, motto_rule) == pytest.approx(motto, abs=1.0)
    assert summary / 3 <= _rule_length_mm(document, summary_rule) <= summary / 2


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2024, 2, 5), "Bắc Giang, ngày 05 tháng 02 năm 2024"),
        (dt.date(2024, 1, 31), "Bắc Giang, ngày 31 tháng 01 năm 2024"),
        (dt.date(2024, 3, 15), "Bắc Giang, ngày 15 tháng 3 năm 2024"),
        (dt.date(2024, 12, 9), "Bắc Giang, ngày 09 tháng 12 năm 2024"),
    ],
)
def test_place_and_date_line_is_padded_as_nd30(short_report: Report, day: dt.date, expected: str) -> None:
    report = with_header(short_report, date=day)

    document = open_docx(render_report_docx(report))

    assert only(document, "BC Địa danh và ngày tháng").text == expected


def test_draft_leaves_number_and_day_blank(short_report: Report) -> None:
    report = with_header(short_report, number=None, date=None, draft_month=3, draft_year=2024)

    document = open_docx(render_report_docx(report))

    assert only(document, "BC Số ký hiệu").text == "Số:      /BC-KHCN"
    assert only(document, "BC Địa danh và ngày tháng").text == "Bắc Giang, ngày      tháng 3 năm 2024"
    assert only(document, "BC Kèm theo").text == (
        "(Kèm theo Báo cáo số      /BC-KHCN ngày      tháng 3 năm 2024 của Sở Khoa học và Công nghệ)"
    )


def test_without_parent_body_the_issuing_body_heads_the_column(short_report: Report) -> None:
    report = with_header(short_report, parent_body="")

    document = open_docx(render_report_docx(report))

    assert [p.text for p in document.tables[0].cell(0, 0).paragraphs] == ["SỞ KHOA HỌC VÀ CÔNG NGHỆ", ""]


# --- Signature block and recipients -------------------------------------------------------------


def test_signature_block_and_recipients(seed_docx: bytes) -> None:
    document = open_docx(seed_docx)

    assert only(document, "BC Quyền hạn ký").text == "KT. GIÁM ĐỐC"
    assert only(document, "BC Chức vụ người ký").text == "PHÓ GIÁM ĐỐC"
    name = only(document, "BC Họ tên người ký")
    assert name.text == "Triệu Ngọc Trung"
    assert is_bold(name)
    title = only(document, "BC Nơi nhận")
    assert title.text == "Nơi nhận:"
    assert font_size(title) == 12
    assert is_bold(title)
    assert is_italic(title)
    lines = by_style(document, "BC Danh sách nơi nhận")
    assert [font_size(p) for p in lines] == [11] * len(lines)
    assert lines[0].text == "- Văn phòng Tỉnh ủy;"
    assert all(p.text.startswith("- ") and p.text.endswith(";") for p in lines[:-1])
    assert lines[-1].text == "- Lưu: VT, VP."
    # Recipients sit left of the signature, in one row.
    signature_table = document.tables[1]
    assert signature_table.cell(0, 0).paragraphs[0].text == "Nơi nhận:"
    assert signature_table.cell(0, 1).paragraphs[0].text == "KT. GIÁM ĐỐC"


def test_head_signing_has_no_authority_line(short_report: Report) -> None:
    report = dataclasses.replace(short_report, signature=SignatureBlock.head("Giám đốc", "Nguyễn Văn Hùng"))

    document = open_docx(render_report_docx(report))

    assert by_style(document, "BC Quyền hạn ký") == []
    assert only(document, "BC Chức vụ người ký").text == "GIÁM ĐỐC"


def test_missing_signer_leaves_the_block_to_the_clerk(short_report: Report) -> None:
    report = dataclasses.replace(short_report, signature=None)

    document = open_docx(render_report_docx(report))

    assert by_style(document, "BC Quyền hạn ký") == []
    assert only(document, "BC Họ tên người ký").text == ""
    assert only(document, "BC Nơi nhận").text == "Nơi nhận:"


# --- Appendix -----------------------------------------------------------------------------------


def _task_table(document):
    return document.tables[-1]


def test_appendix_heading_lines(seed_docx: bytes) -> None:
    document = open_docx(seed_docx)

    assert only(document, "BC Phụ lục").text == "Phụ lục"
    assert only(document, "BC Tên phụ lục").text == (
        "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ, KẾT LUẬN, CHỈ ĐẠO UBND TỈNH,\nCHỦ TỊCH UBND TỈNH GIAO QUÝ I NĂM 2024"
    )
    assert only(document, "BC Kèm theo").text == (
        "(Kèm theo Báo cáo số 12/BC-KHCN ngày 15 tháng 3 năm 2024 của Sở Khoa học và Công nghệ)"
    )


def test_appendix_table_reproduces_the_seed(seed_docx: bytes) -> None:
    document = open_docx(seed_docx)

    table = _task_table(document)
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert len(rows) == 1 + 3 + 20
    assert tuple(rows[0]) == APPENDIX_HEADERS
    groups = [r for r in rows if r[0] in ("I", "II", "III")]
    assert [(g[0], g[1]) for g in groups] == [
        ("I", "ĐÃ THỰC HIỆN: 07 nhiệm vụ"),
        ("II", "ĐANG THỰC HIỆN: 13 nhiệm vụ (trong hạn)"),
        ("III", "CHƯA THỰC HIỆN: 0 nhiệm vụ"),
    ]
    assert rows[2] == [
        "1",
        "181/UBND-KGVX\nNgày 12/01/2024",
        "V/v tham mưu Chủ tịch UBND tỉnh triển khai nhiệm vụ theo chỉ đạo của Ban Thường vụ Tỉnh ủy tại "
        "Kế hoạch số 114-KH/TU ngày 05/01/2024",
        "28/02/2024",
        "26/02/2024",
        "Đúng hạn",
        "16/KH-UBND\nNgày 26/02/2024",
    ]
    row_in_progress = rows[rows.index(groups[1]) + 1]
    assert row_in_progress[0] == "1"
    assert row_in_progress[3:6] == ["", "", "Chưa đến hạn"]
    second_in_progress = rows[rows.index(groups[1]) + 2]
    assert second_in_progress[1:4] == [
        "1001/UBND-KGVX\nNgày 06/03/2024",
        "V/v tham gia góp ý kiến dự thảo Nghị định sửa đổi, bổ sung Nghị định số 95/2014/NĐ-CP",
        "20/03/2024",
    ]
    assert rows[-1][0] == "III"


def test_appendix_table_has_borders_and_repeats_its_header(seed_docx: bytes) -> None:
    document = open_docx(seed_docx)

    table = _task_table(document)
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        assert borders.find(qn(f"w:{side}")).get(qn("w:val")) == "single"
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    width = sum(int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))) / 1440 * 25.4
    assert width == pytest.approx(297 - 30 - 15, abs=1)


def test_appendix_alone_is_landscape_with_its_reference() -> None:
    header = sample_header(draft=False)

    document = open_docx(render_appendix_docx(sample_appendix(), header=header))

    (section,) = document.sections
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert round(mm(section.page_width)) == 297
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert only(document, "BC Kèm theo").text == header.reference
    assert len(document.tables[0].rows) == 24


def test_report_without_appendix_is_one_portrait_section(short_report: Report) -> None:
    report = dataclasses.replace(short_report, appendices=[])

    document = open_docx(render_report_docx(report))

    (section,) = document.sections
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert section.different_first_page_header_footer
    assert by_style(document, "BC Phụ lục") == []


def test_two_appendices_each_start_a_page(short_report: Report) -> None:
    second = dataclasses.replace(sample_appendix(), label="Phụ lục II", title="Danh mục khác")
    first = dataclasses.replace(short_report.appendices[0], label="Phụ lục I")
    report = dataclasses.replace(short_report, appendices=[first, second])

    data = render_report_docx(report)

    document = open_docx(data)
    assert [p.text for p in by_style(document, "BC Phụ lục")] == ["Phụ lục I", "Phụ lục II"]
    assert 'w:type="page"' in document.element.xml


# --- Text hygiene -------------------------------------------------------------------------------


def test_no_template_code_left_and_text_is_nfc(seed_docx: bytes) -> None:
    document = open_docx(seed_docx)

    xml = document.element.xml
    assert "{{" not in xml
    assert "{%" not in xml
    assert "%}" not in xml
    for p in all_paragraphs(document):
        assert unicodedata.is_normalized("NFC", p.text)


def test_decomposed_and_special_characters_come_out_clean(short_report: Report) -> None:
    decomposed = unicodedata.normalize("NFD", "Tỉnh ủy & <Sở> “KH&CN”")
    section = Section("Kiểm tra", blocks=[Paragraph(decomposed + "\x0b\x07 cuối")])
    report = dataclasses.replace(short_report, sections=[section])

    document = open_docx(render_report_docx(report))

    body = by_style(document, "BC Đoạn văn")
    assert body[0].text == "Tỉnh ủy & <Sở> “KH&CN”   cuối"


# --- Edge cases ---------------------------------------------------------------------------------


def test_empty_sections_keep_their_headings(short_report: Report) -> None:
    report = dataclasses.replace(
        short_report, sections=[Section("Kết quả", children=[Section("Chưa có số liệu"), Section("")])]
    )

    document = open_docx(render_report_docx(report))

    assert [p.text for p in by_style(document, "BC Phần")] == ["Phần I"]
    assert [p.text for p in by_style(document, "BC Mục I")] == ["I. Chưa có số liệu", "II."]


def test_report_with_no_sections_at_all(short_report: Report) -> None:
    report = dataclasses.replace(short_report, sections=[], closing="", recipients=[])

    document = open_docx(render_report_docx(report))

    assert by_style(document, "BC Danh sách nơi nhận")[-1].text == "- Lưu: VT, VP."


def test_very_long_content_stays_in_its_cell() -> None:
    long_text = "Nội dung rất dài " * 800
    appendix = Appendix(
        "Phụ lục thử",
        sections=[AppendixSection("I", "Đã thực hiện", [TaskRow(content=long_text, source_number="1/UBND-X")])],
    )

    document = open_docx(render_appendix_docx(appendix))

    assert document.tables[0].cell(2, 2).text == long_text.strip()


def test_thousand_rows() -> None:
    appendix = sample_appendix(task_count=1000)

    document = open_docx(render_appendix_docx(appendix, header=sample_header()))

    rows = document.tables[0].rows
    assert len(rows) == 1 + 3 + 1000
    assert rows[2].cells[0].text == "1"
    assert rows[-2].cells[0].text != ""
