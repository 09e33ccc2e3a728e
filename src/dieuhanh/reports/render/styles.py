"""Page geometry and paragraph styles of generated documents: one place for the numbers of
Nghị định 30/2020/NĐ-CP, Appendix I (DOMAIN §6), shared by the template builder
(`tools/build_docx_templates.py`), the DOCX post-processing and the HTML view.

Every length is in millimetres, every size in points. `STYLES` lists the paragraph styles
the default templates define; a clerk changes the look of a generated document by changing
these styles in Word ("Kiểu" / Styles pane). Renderers find styles by *name*, so a template
must keep the names (docs/REPORT_TEMPLATES.md).

Public: `PageGeometry`, `PORTRAIT`, `LANDSCAPE`, `ParaStyle`, `STYLES`, `style_named`,
`FONT`, `BODY_SIZE`, `TABLE_SIZE`, `HEADER_COLUMNS_MM`, `SIGNATURE_COLUMNS_MM`,
`APPENDIX_COLUMNS_MM`, `APPENDIX_HEADERS`, `NATIONAL_NAME`, `MOTTO`, `RULE_FRACTION`, `RULE_MIN_MM`.
"""

from __future__ import annotations

from dataclasses import dataclass

FONT = "Times New Roman"
BODY_SIZE = 14  # ND 30/2020: body text 13-14 pt
TABLE_SIZE = 12  # appendix tables: one size smaller than ND 30's minimum for prose, as clerks do
FIRST_LINE_INDENT_MM = 12.7  # ND 30/2020: first-line indent 1-1.27 cm
PARAGRAPH_AFTER_PT = 6  # ND 30/2020: at least 6 pt between paragraphs
LINE_SPACING = 1.0  # ND 30/2020: single to 1.5 lines
SIGNATURE_SPACE_PT = 78  # room for the signature and the seal between title and name
# ND 30/2020: the rule under the issuing body and under the summary is 1/3 to 1/2 as long as
# the line above; the rule under the motto is as long as the motto.
RULE_FRACTION = 0.4
RULE_MIN_MM = 15.0

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class PageGeometry:
    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    header_distance: float = 10.0  # the page number sits in the top margin (ND 30/2020)

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def landscape(self) -> bool:
        return self.width > self.height


# ND 30/2020: A4; top 20-25 mm, bottom 20-25 mm, left 30-35 mm, right 15-20 mm. The landscape
# appendix keeps the same margins, so the page bound with the report lines up with it.
PORTRAIT = PageGeometry(width=210, height=297, top=20, bottom=20, left=30, right=15)
LANDSCAPE = PageGeometry(width=297, height=210, top=20, bottom=20, left=30, right=15)

# Two-column header: left (parent and issuing body, number) and right (national name and
# motto, place and date). 73 + 92 = the 165 mm text width; the right column is just wider
# than the national name in 12 pt bold (88 mm), the left one than "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
# in 13 pt bold (70 mm).
HEADER_COLUMNS_MM = (73.0, 92.0)
SIGNATURE_COLUMNS_MM = (80.0, 85.0)
HEADER_CELL_MARGIN_MM = 0.5

# The assigned-tasks appendix of seed 000: 7 columns, 252 mm of landscape text width.
APPENDIX_HEADERS = (
    "TT",
    "Số/Ký hiệu VBCĐ",
    "Nội dung công việc",
    "Thời hạn",
    "Ngày hoàn thành",
    "Tiến độ",
    "Kết quả xử lý",
)
APPENDIX_COLUMNS_MM = (10.0, 40.0, 80.0, 24.0, 24.0, 28.0, 46.0)


@dataclass(frozen=True)
class ParaStyle:
    """A paragraph style of the default templates. `key` is what the code calls it; `style_id`
    is the id in styles.xml; `name` is what Word shows the clerk."""

    key: str
    style_id: str
    name: str
    size: float = BODY_SIZE
    bold: bool = False
    italic: bool = False
    align: str = "justify"  # left, center, right, justify
    first_line_mm: float = 0.0
    before_pt: float = 0.0
    after_pt: float = 0.0
    keep_with_next: bool = False
    color: str | None = None
    caps: bool = False


STYLES: tuple[ParaStyle, ...] = (
    # Header (ND 30/2020, Appendix I, items 1-3).
    ParaStyle("parent_body", "DhParentBody", "BC Cơ quan chủ quản", size=13, align="center"),
    ParaStyle("issuing_body", "DhIssuingBody", "BC Cơ quan ban hành", size=13, bold=True, align="center"),
    ParaStyle("national_name", "DhNationalName", "BC Quốc hiệu", size=12, bold=True, align="center"),
    ParaStyle("motto", "DhMotto", "BC Tiêu ngữ", size=13, bold=True, align="center"),
    ParaStyle("rule", "DhRule", "BC Đường kẻ", size=1, align="center", before_pt=3),
    ParaStyle("number", "DhNumber", "BC Số ký hiệu", size=13, align="center", before_pt=6),
    ParaStyle(
        "place_date",
        "DhPlaceDate",
        "BC Địa danh và ngày tháng",
        size=14,
        italic=True,
        align="center",
        before_pt=6,
    ),
    ParaStyle(
        "doc_type",
        "DhDocType",
        "BC Tên loại văn bản",
        size=14,
        bold=True,
        align="center",
        before_pt=24,
        keep_with_next=True,
        caps=True,
    ),
    ParaStyle("summary", "DhSummary", "BC Trích yếu", size=14, bold=True, align="center", keep_with_next=True),
    ParaStyle("kinh_gui", "DhKinhGui", "BC Kính gửi", align="center", before_pt=12, after_pt=6),
    # Body (ND 30/2020, Appendix I, item 8: 13-14 pt, justified, first-line indent, >= 6 pt apart).
    ParaStyle("part", "DhPart", "BC Phần", bold=True, align="center", before_pt=12, keep_with_next=True),
    ParaStyle(
        "part_title",
        "DhPartTitle",
        "BC Tiêu đề Phần",
        bold=True,
        align="center",
        after_pt=6,
        keep_with_next=True,
    ),
    ParaStyle(
        "heading1",
        "DhHeading1",
        "BC Mục I",
        bold=True,
        first_line_mm=FIRST_LINE_INDENT_MM,
        before_pt=6,
        after_pt=PARAGRAPH_AFTER_PT,
        keep_with_next=True,
    ),
    ParaStyle(
        "heading2",
        "DhHeading2",
        "BC Mục 1",
        bold=True,
        first_line_mm=FIRST_LINE_INDENT_MM,
        after_pt=PARAGRAPH_AFTER_PT,
        keep_with_next=True,
    ),
    ParaStyle(
        "heading3",
        "DhHeading3",
        "BC Mục 1.1",
        bold=True,
        italic=True,
        first_line_mm=FIRST_LINE_INDENT_MM,
        after_pt=PARAGRAPH_AFTER_PT,
        keep_with_next=True,
    ),
    ParaStyle(
        "heading4",
        "DhHeading4",
        "BC Mục a",
        italic=True,
        first_line_mm=FIRST_LINE_INDENT_MM,
        after_pt=PARAGRAPH_AFTER_PT,
        keep_with_next=True,
    ),
    ParaStyle("paragraph", "DhBody", "BC Đoạn văn", first_line_mm=FIRST_LINE_INDENT_MM, after_pt=PARAGRAPH_AFTER_PT),
    ParaStyle(
        "bullet",
        "DhBullet",
        "BC Gạch đầu dòng",
        first_line_mm=FIRST_LINE_INDENT_MM,
        after_pt=PARAGRAPH_AFTER_PT,
    ),
    ParaStyle("figure", "DhFigure", "BC Số liệu", first_line_mm=FIRST_LINE_INDENT_MM, after_pt=PARAGRAPH_AFTER_PT),
    # Signature block and recipients (items 7 and 9: "Nơi nhận:" 12 pt bold italic, list 11 pt).
    ParaStyle(
        "recipients_title",
        "DhRecipientsTitle",
        "BC Nơi nhận",
        size=12,
        bold=True,
        italic=True,
        align="left",
        before_pt=6,
    ),
    ParaStyle("recipient", "DhRecipient", "BC Danh sách nơi nhận", size=11, align="left"),
    ParaStyle("authority", "DhAuthority", "BC Quyền hạn ký", bold=True, align="center", before_pt=6),
    ParaStyle("signer_title", "DhSignerTitle", "BC Chức vụ người ký", bold=True, align="center"),
    ParaStyle(
        "signer_name",
        "DhSignerName",
        "BC Họ tên người ký",
        bold=True,
        align="center",
        before_pt=SIGNATURE_SPACE_PT,
    ),
    # Appendix (item 12: "Phụ lục", its title, "(Kèm theo ...)").
    ParaStyle("appendix_label", "DhAppendixLabel", "BC Phụ lục", bold=True, align="center", keep_with_next=True),
    ParaStyle("appendix_title", "DhAppendixTitle", "BC Tên phụ lục", bold=True, align="center", keep_with_next=True),
    ParaStyle(
        "appendix_ref",
        "DhAppendixRef",
        "BC Kèm theo",
        italic=True,
        align="center",
        after_pt=12,
        keep_with_next=True,
    ),
    ParaStyle(
        "table_head",
        "DhTableHead",
        "BC Bảng tiêu đề cột",
        size=TABLE_SIZE,
        bold=True,
        align="center",
        before_pt=2,
        after_pt=2,
    ),
    ParaStyle("table_text", "DhTableText", "BC Bảng chữ", size=TABLE_SIZE, align="left", before_pt=2, after_pt=2),
    ParaStyle(
        "table_content",
        "DhTableContent",
        "BC Bảng nội dung",
        size=TABLE_SIZE,
        align="justify",
        before_pt=2,
        after_pt=2,
    ),
    ParaStyle(
        "table_center",
        "DhTableCenter",
        "BC Bảng giữa",
        size=TABLE_SIZE,
        align="center",
        before_pt=2,
        after_pt=2,
    ),
    ParaStyle(
        "table_group",
        "DhTableGroup",
        "BC Bảng nhóm",
        size=TABLE_SIZE,
        bold=True,
        align="left",
        before_pt=2,
        after_pt=2,
    ),
    # Page number (item 10: 13-14 pt, centred in the top margin, not on the first page).
    ParaStyle("page_number", "DhPageNumber", "BC Số trang", size=13, align="center"),
    # Template control lines ({%p ... %}): removed on rendering, grey so clerks see they are code.
    ParaStyle("control", "DhControl", "BC Lệnh mẫu (không in)", size=9, align="left", color="808080"),
)

_BY_KEY = {s.key: s for s in STYLES}


def style_named(key: str) -> ParaStyle:
    return _BY_KEY[key]
