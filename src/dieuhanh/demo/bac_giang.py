"""The Bắc Giang demo organisation: its units (seed 001), people, and the 20 tasks assigned by
UBND tỉnh in the appendix of the Q1/2024 report (seed 000), with their source documents,
deadlines, completion dates and result documents.

The seed gives the tasks no unit. The demo gives each a plausible lead unit (the one whose
work the task is, or whose code the result document carries: "199/KHCN-TĐC" -> Chi cục TĐC);
the README lists them. People's names are invented. The 13 "đang thực hiện" tasks are recorded
as started on the day they were assigned, as an imported tracking table would record them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dieuhanh.demo.builder import DemoContext
from dieuhanh.documents.models import Document
from dieuhanh.documents.services import document_get_or_register
from dieuhanh.orgs.models import Organisation, Role, Unit
from dieuhanh.orgs.scope import Scope
from dieuhanh.tasks.models import Assigner
from dieuhanh.tasks.services import task_create

SLUG = "bac-giang"

UNITS = [
    # name, code, kind
    ("Văn phòng Sở", "VP", Unit.Kind.OFFICE),
    ("Phòng Quản lý khoa học", "QLKH", Unit.Kind.DIVISION),
    ("Phòng Quản lý khoa học công nghệ cơ sở và Sở hữu trí tuệ", "CS-SHTT", Unit.Kind.DIVISION),
    ("Phòng Quản lý công nghệ và Thị trường công nghệ", "QLCN", Unit.Kind.DIVISION),
    ("Thanh tra Sở", "TTr", Unit.Kind.INSPECTORATE),
    ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "TĐC", Unit.Kind.SUBDEPARTMENT),
    ("Trung tâm Ứng dụng KH&CN", "TTUD", Unit.Kind.CENTRE),
]

ASSIGNERS = [
    ("UBND tỉnh", Assigner.Level.UPSTREAM),
    ("Chủ tịch UBND tỉnh", Assigner.Level.UPSTREAM),
    ("Tỉnh ủy", Assigner.Level.UPSTREAM),
    ("HĐND tỉnh", Assigner.Level.UPSTREAM),
    ("Bộ Khoa học và Công nghệ", Assigner.Level.UPSTREAM),
    ("Giám đốc Sở", Assigner.Level.INTERNAL),
]


def d(text: str) -> dt.date:
    day, month, year = (int(x) for x in text.split("/"))
    return dt.date(year, month, day)


@dataclass(frozen=True)
class Row:
    source: str
    source_date: str
    content: str
    lead: str  # unit code
    deadline: str | None = None
    completed: str | None = None
    result: str | None = None  # number of the result document
    result_date: str | None = None
    result_summary: str = ""
    officer: bool = False  # given to the demo officer (chuyên viên) personally


# Seed 000, appendix: I. ĐÃ THỰC HIỆN (7), II. ĐANG THỰC HIỆN (13). Text as in the seed.
APPENDIX: list[Row] = [
    Row(
        "181/UBND-KGVX",
        "12/01/2024",
        "V/v tham mưu Chủ tịch UBND tỉnh triển khai nhiệm vụ theo chỉ đạo của Ban Thường vụ Tỉnh ủy tại "
        "Kế hoạch số 114-KH/TU ngày 05/01/2024",
        "QLKH",
        "28/02/2024",
        "26/02/2024",
        "16/KH-UBND",
        "26/02/2024",
        "Kế hoạch thực hiện Kế hoạch số 114-KH/TU ngày 05/01/2024 của Ban Thường vụ Tỉnh ủy",
        officer=True,
    ),
    Row(
        "316/UBND-KGVX",
        "17/01/2024",
        "V/v tham gia ý kiến dự thảo Quyết định phê duyệt Kế hoạch triển khai “Kế hoạch phát triển chuẩn đo "
        "lường quốc gia đến năm 2030”",
        "TĐC",
        "31/01/2024",
        "30/01/2024",
        "199/KHCN-TĐC",
        "30/01/2024",
        "V/v tham gia ý kiến dự thảo Quyết định phê duyệt Kế hoạch phát triển chuẩn đo lường quốc gia",
    ),
    Row(
        "31/KH-UBND",
        "25/06/2023",
        "V/v báo cáo tình hình triển khai Chiến lược phát triển KHCN&ĐMST đến năm 2030 năm 2023.",
        "QLKH",
        "30/01/2024",
        "29/01/2024",
        "29/BC-KHCN",
        "29/01/2024",
        "Tình hình triển khai Chiến lược phát triển KH,CN&ĐMST đến năm 2030 năm 2023",
        officer=True,
    ),
    Row(
        "30/KH-UBND",
        "25/06/2023",
        "V/v Kế hoạch thực hiện Biên bản Ghi nhớ số 245-BB/TUBG-TULS về việc triển khai các biện pháp phối "
        "hợp, liên kết phát triển giữa hai tỉnh Bắc Giang và Lạng Sơn giai đoạn 2023 -2025 và những năm tiếp theo.",
        "VP",
        "15/01/2024",
        "29/12/2023",
        "107//KH-KHCN",
        "18/07/2023",
        "Kế hoạch phối hợp, liên kết phát triển giữa hai tỉnh Bắc Giang và Lạng Sơn",
    ),
    Row(
        "31/KH-UBND",
        "25/06/2023",
        "Kế hoạch thực hiện Kết luận số 221-KL/TUBG-TUHD về việc đẩy mạnh thực hiện các nội dung phối hợp, "
        "liên kết phát triển giữa hai tỉnh Bắc Giang và tỉnh Hải Dương giai đoạn 2023 -2025.",
        "VP",
        "15/01/2024",
        "03/01/2024",
        "373/BC-KHCN",
        "14/12/2023",
        "Kết quả phối hợp, liên kết phát triển giữa hai tỉnh Bắc Giang và Hải Dương",
    ),
    Row(
        "25/KH-UBND",
        "24/05/2023",
        "V/v Kế hoạch thực hiện Biên bản Ghi nhớ số 234-BB/TUBG-TUTN về việc triển khai các biện pháp phối "
        "hợp, liên kết phát triển giữa hai tỉnh Bắc Giang và tỉnh Thái Nguyên giai đoạn 2023 -2025 và những năm "
        "tiếp theo.",
        "VP",
        "10/01/2024",
        "29/12/2023",
        "1661//KH-CN-VP",
        "29/12/2023",
        "Kế hoạch phối hợp, liên kết phát triển giữa hai tỉnh Bắc Giang và Thái Nguyên năm 2024",
    ),
    Row(
        "1950/UBND-KGVX",
        "20/04/2023",
        "V/v áp dụng định mức chi tiêu thực hiện nhiệm vụ, giải pháp của Đề án 996 và Đề án 100.",
        "TĐC",
        "31/12/2023",
        "29/12/2023",
        "1658/KH-CN-TĐC",
        "28/12/2023",
        "Kế hoạch thực hiện Đề án 996 và Đề án 100 năm 2024",
    ),
    Row(
        "3797/UBND-KGVX",
        "10/07/2023",
        "V/v triển khai thực hiện Thông tư số 14/2023/TT-BKHCN ngày 30/6/2023 của Bộ Khoa học và Công nghệ",
        "QLCN",
    ),
    Row(
        "1001/UBND-KGVX",
        "06/03/2024",
        "V/v tham gia góp ý kiến dự thảo Nghị định sửa đổi, bổ sung Nghị định số 95/2014/NĐ-CP",
        "QLKH",
        "20/03/2024",
        officer=True,
    ),
    Row(
        "1129/UBND-TTPVHCC",
        "11/03/2024",
        "Chủ trì, phối hợp với Sở Thông tin và Truyền thông khắc phục triệt để các hồ sơ TTHC quá hạn do: lỗi "
        "của Hệ thống, các hồ sơ kiểm thử phần mềm (test) chưa kết thúc xử lý, các hồ sơ chứng thực điện tử các "
        "năm cũ..., hoàn thành xong trước ngày 31/3/2024.",
        "VP",
        "31/03/2024",
    ),
    Row(
        "1129/UBND-TTPVHCC",
        "11/03/2024",
        "V/v xử lý dứt điểm các hồ sơ quá hạn trên Cổng dịch vụ công Quốc gia và Hệ thống thông tin giải quyết "
        "TTHC tỉnh.",
        "VP",
        "20/03/2024",
    ),
    Row(
        "1104/UBND-NC",
        "08/03/2024",
        "V/v triển khai thực hiện Thông báo kết luận số 71/TB-VPCP của Văn phòng Chính phủ.",
        "VP",
        "20/03/2024",
    ),
    Row(
        "45/KH-UBND",
        "08/03/2024",
        "Rà soát, đánh giá thủ tục hành chính trên địa bàn tỉnh Bắc Giang năm 2024.",
        "VP",
        "22/07/2024",
    ),
    Row("1139/UBND-NC", "12/03/2024", "V/v đôn đốc xây dựng, phê duyệt Đề án vị trí việc làm.", "VP", "25/03/2024"),
    Row("1013/UBND-NC", "05/03/2024", "V/v tổng kết Chỉ thị 34 ngày 07/4/2014 của Bộ Chính trị.", "VP", "25/03/2024"),
    Row(
        "1191/UBND-KGVX",
        "13/03/2024",
        "V/v đề xuất nhiệm vụ KH&CN cấp quốc gia dự kiến thực hiện từ năm 2025 thuộc Chương trình quốc gia hỗ "
        "trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030.",
        "TĐC",
        "29/03/2024",
    ),
    Row(
        "2197/UBND-KGVX",
        "30/04/2023",
        "V/v nhân rộng và triển khai áp dụng công cụ công cụ 5S tại các cơ sở giáo dục trên địa bàn tỉnh Bắc Giang.",
        "TĐC",
        "31/12/2024",
    ),
    Row(
        "25/KH-UBND",
        "24/05/2023",
        "Kế hoạch thực hiện Biên bản Ghi nhớ số 234-BB/TUBG-TUTN về việc triển khai các biện pháp phối hợp, "
        "liên kết phát triển giữa hai tỉnh Bắc Giang và tỉnh Thái Nguyên giai đoạn 2023 -2025 và những năm tiếp theo.",
        "VP",
        "10/01/2025",
    ),
    Row(
        "30/KH-UBND",
        "25/06/2023",
        "Kế hoạch thực hiện Kết luận số 221-KL/TUBG-TUHD về việc đẩy mạnh thực hiện các nội dung phối hợp, liên "
        "kết phát triển giữa hai tỉnh Bắc Giang và tỉnh Hải Dương giai đoạn 2023 -2025.",
        "VP",
        "15/01/2025",
    ),
    Row(
        "31/KH-UBND",
        "25/06/2023",
        "Kế hoạch thực hiện Biên bản Ghi nhớ số 245-BB/TUBG-TULS về việc triển khai các biện pháp phối hợp, liên "
        "kết phát triển giữa hai tỉnh Bắc Giang và Lạng Sơn giai đoạn 2023 -2025 và những năm tiếp theo",
        "VP",
        "15/01/2025",
    ),
]

# Summaries of the source documents (trích yếu) where the appendix row does not give one.
SOURCE_SUMMARIES = {
    "31/KH-UBND": "Kế hoạch thực hiện các nội dung phối hợp, liên kết phát triển với các tỉnh giai đoạn 2023-2025",
    "30/KH-UBND": "Kế hoạch thực hiện các nội dung phối hợp, liên kết phát triển với các tỉnh giai đoạn 2023-2025",
    "25/KH-UBND": "Kế hoạch thực hiện Biên bản Ghi nhớ số 234-BB/TUBG-TUTN giữa hai tỉnh Bắc Giang và Thái Nguyên",
    "45/KH-UBND": "Kế hoạch rà soát, đánh giá thủ tục hành chính trên địa bàn tỉnh Bắc Giang năm 2024",
    "1129/UBND-TTPVHCC": "V/v xử lý dứt điểm các hồ sơ quá hạn trên Cổng dịch vụ công Quốc gia và Hệ thống thông "
    "tin giải quyết TTHC tỉnh",
}


def build(ctx: DemoContext) -> None:
    org = Organisation.objects.create(
        name="Sở Khoa học và Công nghệ tỉnh Bắc Giang",
        header_name="Sở Khoa học và Công nghệ",
        parent_body="UBND TỈNH BẮC GIANG",
        place="Bắc Giang",
        code="KHCN",
        slug=SLUG,
        is_demo=True,
    )
    ctx.orgs[SLUG] = org
    units = {
        code: Unit.objects.create(org=org, name=name, code=code, kind=kind, order=i)
        for i, (name, code, kind) in enumerate(UNITS, start=1)
    }
    for i, (name, level) in enumerate(ASSIGNERS, start=1):
        Assigner.objects.create(org=org, name=name, level=level, order=i)

    person = ctx.add_person
    person(org, full_name="Nguyễn Văn Hùng", title="Giám đốc", role=Role.LEADER, username="giamdoc")
    deputy = person(org, full_name="Trần Quốc Khánh", title="Phó Giám đốc", role=Role.LEADER, username="phogiamdoc")
    person(org, full_name="Lê Thị Hoa", title="Phó Giám đốc", role=Role.LEADER)
    person(
        org, full_name="Phạm Thị Lan", title="Chánh Văn phòng", role=Role.OFFICE, unit=units["VP"], username="vanphong"
    )
    person(
        org,
        full_name="Vũ Minh Đức",
        title="Chuyên viên Văn phòng",
        role=Role.ADMIN,
        unit=units["VP"],
        username="quantri",
    )
    person(
        org,
        full_name="Hoàng Văn Nam",
        title="Trưởng phòng",
        role=Role.UNIT_HEAD,
        unit=units["QLKH"],
        username="truongphong",
    )
    officer = person(
        org, full_name="Đỗ Thu Trang", title="Chuyên viên", role=Role.OFFICER, unit=units["QLKH"], username="chuyenvien"
    )
    person(
        org, full_name="Bùi Văn Long", title="Chi cục trưởng", role=Role.UNIT_HEAD, unit=units["TĐC"], username="chicuc"
    )
    person(
        org,
        full_name="Ngô Thanh Tâm",
        title="Chánh Thanh tra",
        role=Role.VIEWER,
        unit=units["TTr"],
        username="thanhtra",
    )
    person(org, full_name="Đặng Văn Phúc", title="Trưởng phòng", role=Role.UNIT_HEAD, unit=units["QLCN"])
    person(org, full_name="Mai Thị Hương", title="Giám đốc Trung tâm", role=Role.UNIT_HEAD, unit=units["TTUD"])

    scope = Scope.operator(org)
    ubnd = Assigner.objects.get(org=org, name="UBND tỉnh")
    for row in APPENDIX:
        source = document_get_or_register(
            scope=scope,
            number_raw=row.source,
            issued_on=d(row.source_date),
            direction=Document.Direction.INCOMING,
            issuer="UBND tỉnh",
            summary=SOURCE_SUMMARIES.get(row.source, row.content),
            received_on=d(row.source_date),
        )
        result = None
        if row.result:
            ours = "KHCN" in row.result or "-CN-" in row.result
            result = document_get_or_register(
                scope=scope,
                number_raw=row.result,
                issued_on=d(row.result_date) if row.result_date else None,
                direction=Document.Direction.OUTGOING if ours else Document.Direction.INCOMING,
                issuer=org.header_name if ours else "UBND tỉnh",
                summary=row.result_summary,
            )
        assigned_on = d(row.source_date)
        task_create(
            scope=scope,
            content=row.content,
            assigned_on=assigned_on,
            source_document=source,
            assigner=ubnd,
            lead_unit=units[row.lead],
            officer=officer if row.officer else None,
            deputy=deputy,
            deadline=d(row.deadline) if row.deadline else None,
            deadline_text=row.deadline or "",
            started_on=None if row.completed else assigned_on,
            completed_on=d(row.completed) if row.completed else None,
            result_document=result,
        )
