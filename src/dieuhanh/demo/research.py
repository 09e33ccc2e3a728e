"""Demo step: the research tasks (nhiệm vụ KH&CN) named in seeds 000 (Bắc Giang, Q1/2024) and
003 (Bắc Kạn, March and Q1/2022), with the facts the seeds give: level, programme, type, the
step each reached in the quarter, and the acceptance ratings.

The seeds give no dates for these steps, no start years, hosts or funds, except where quoted
below. The demo dates each step inside the reported quarter (Q1/2024: 15/12/2023 -> 14/03/2024;
Q1/2022: 15/12/2021 -> 14/03/2022) and gives a start year consistent with what the seed says
("chuyển tiếp" -> an earlier year, "thực hiện từ năm 2022" -> 2022). Seed 000 says that of the
four provincial tasks accepted "01 nhiệm vụ đạt loại xuất sắc, 03 nhiệm vụ đạt yêu cầu" without
saying which: the demo rates the first one named Xuất sắc. The README lists what the demo's
figures reproduce and what they cannot (the seeds count tasks they do not name).

Everything goes through `research_create` and `research_event_add`; Bắc Giang's tasks and
figures of the other steps are untouched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from dieuhanh.demo.builder import DemoContext
from dieuhanh.orgs.models import Organisation, Person, Role, Unit
from dieuhanh.orgs.scope import Scope
from dieuhanh.research.lifecycle import EventKind as K
from dieuhanh.research.lifecycle import Rating
from dieuhanh.research.models import Level, Management, TaskType
from dieuhanh.research.services import research_create, research_event_add

D = dt.date
NAT, PROV, BASE = Level.NATIONAL, Level.PROVINCIAL, Level.GRASSROOTS
TOPIC, PROJECT = TaskType.TOPIC, TaskType.PROJECT
CENTRAL = Management.CENTRAL


@dataclass(frozen=True)
class Demo:
    title: str
    level: str
    task_type: str
    start_year: int
    stage: str  # the stage it had reached before the quarter's steps
    steps: tuple[tuple[Any, ...], ...] = ()  # (kind, date[, extra fields])
    short_name: str = ""
    programme: str = ""
    management: str = Management.LOCAL
    host: str = ""
    unit: str = "QLKH"
    extra: dict[str, Any] = field(default_factory=dict)


# Seed 000, III.1 (1.1 national, 2.2 provincial), the decisions of section 3, and 5.2 (grassroots).
BAC_GIANG = [
    Demo("Ứng dụng tiến bộ KH&CN xây dựng mô hình chăn nuôi ngựa bạch tại huyện Lục Ngạn, tỉnh Bắc Giang",
         NAT, PROJECT, 2022, "contracted", management=CENTRAL, short_name="Ngựa bạch Lục Ngạn",
         steps=((K.PROGRESS_CHECK, D(2024, 2, 20), {"conclusion": "Đôn đốc tổ chức chủ trì triển khai các nội dung công việc, báo cáo kết quả với Bộ Khoa học và Công nghệ."}),)),
    Demo("Ứng dụng tiến bộ KH&CN xây dựng mô hình nhân giống, trồng, thu hái, sơ chế bảo quản Cát sâm, sâm cau theo "
         "GACP-WHO và làm nguyên liệu sản xuất cao sâm cau lâm dược trên địa bàn tỉnh Bắc Giang",
         NAT, PROJECT, 2021, "delivered", management=CENTRAL, short_name="Cát sâm, sâm cau",
         steps=((K.ACCEPTANCE, D(2024, 3, 5), {"rating": Rating.GOOD, "conclusion": "Phối hợp với Bộ KH&CN tổ chức nghiệm thu cấp quốc gia. Kết quả đạt loại: Khá."}),)),
    Demo("Ứng dụng tiến bộ KH&CN xây dựng mô hình chăn nuôi lợn rừng sinh sản và thương phẩm đảm bảo an toàn sinh học "
         "và theo hướng hữu cơ tại tỉnh Bắc Giang",
         NAT, PROJECT, 2022, "contracted", management=CENTRAL, short_name="Lợn rừng",
         steps=((K.PROGRESS_CHECK, D(2024, 2, 26), {"conclusion": "Đôn đốc tổ chức chủ trì hoàn thiện hồ sơ đề nghị điều chỉnh địa điểm triển khai; đề nghị UBND huyện Lục Nam cho ý kiến về địa điểm dự kiến điều chỉnh."}),)),
    Demo("Ứng dụng tiến bộ KH&CN trong nuôi lợn sinh sản và thương phẩm 4 máu trên địa bàn tỉnh Bắc Giang",
         NAT, PROJECT, 2021, "contracted", management=CENTRAL, short_name="Lợn 4 máu",
         steps=((K.TERMINATION, D(2024, 3, 1), {"conclusion": "Chấm dứt hợp đồng sau khi có Quyết định của Bộ KH&CN. Thu hồi 100% kinh phí hỗ trợ từ ngân sách nhà nước cho dự án."}),)),
    Demo("Nghiên cứu sản xuất và sử dụng phân bón chuyên dùng cho cây vải thiều tại tỉnh Bắc Giang",
         NAT, TOPIC, 2021, "in_progress", short_name="Phân bón vải thiều",
         steps=((K.DELIVERY, D(2024, 1, 15)),
                (K.ACCEPTANCE, D(2024, 2, 28), {"rating": Rating.PASS, "conclusion": "Tổ chức nghiệm thu cấp tỉnh. Kết quả: Đạt."}))),
    # 2.2: "Tổ chức nghiệm thu 04 nhiệm vụ ... Kết quả 01 nhiệm vụ đạt loại xuất sắc, 03 nhiệm vụ đạt yêu cầu",
    # then "Công nhận kết quả thực hiện đề tài khoa học và công nghệ cấp tỉnh" for three of them.
    Demo("Ứng dụng khoa học và công nghệ xây dựng mô hình bảo quản và chế biến một số sản phẩm từ nấm ăn theo chuỗi "
         "giá trị trên địa bàn tỉnh Bắc Giang", PROV, TOPIC, 2022, "delivered", short_name="Nấm ăn",
         steps=((K.ACCEPTANCE, D(2024, 1, 10), {"rating": Rating.EXCELLENT}), (K.RECOGNITION, D(2024, 2, 5)))),
    Demo("Nghiên cứu đề xuất giải pháp nâng cao hiệu quả triển khai, thực hiện các nghị quyết về xây dựng Đảng trên "
         "địa bàn tỉnh Bắc Giang", PROV, TOPIC, 2022, "delivered", short_name="Nghị quyết xây dựng Đảng",
         steps=((K.ACCEPTANCE, D(2024, 1, 11), {"rating": Rating.PASS}), (K.RECOGNITION, D(2024, 2, 5)))),
    Demo("Nghiên cứu xử lý tồn dư thuốc bảo vệ thực vật trong đất trồng cây ăn quả tại huyện Tân Yên, tỉnh Bắc Giang",
         PROV, TOPIC, 2022, "delivered", short_name="Tồn dư thuốc BVTV",
         steps=((K.ACCEPTANCE, D(2024, 1, 12), {"rating": Rating.PASS}), (K.RECOGNITION, D(2024, 2, 5)))),
    Demo("Xây dựng mô hình ứng dụng các giải pháp kỹ thuật quản lý hiện tượng vàng lá cây cam tại tỉnh Bắc Giang",
         PROV, PROJECT, 2022, "delivered", short_name="Vàng lá cam",
         steps=((K.ACCEPTANCE, D(2024, 1, 12), {"rating": Rating.PASS}),)),
    Demo("Sưu tầm, nghiên cứu, biên soạn, biên tập, số hóa Văn kiện Đảng bộ tỉnh Bắc Giang toàn tập",
         PROV, TOPIC, 2023, "contracted", short_name="Văn kiện Đảng bộ",
         steps=((K.ADJUSTMENT, D(2024, 2, 22), {"conclusion": "Tham mưu điều chỉnh nội dung, kinh phí của đề tài."}),)),
    Demo("Nghiên cứu xây dựng quy trình phục hồi và tái canh cây cam bền vững trên địa bàn huyện Lục Ngạn, tỉnh Bắc Giang",
         PROV, TOPIC, 2024, "listed", short_name="Tái canh cây cam",
         steps=((K.SELECTION, D(2024, 1, 18)), (K.BUDGET_APPRAISAL, D(2024, 3, 1)))),
    Demo("Ứng dụng tiến bộ kỹ thuật xây dựng mô hình trồng, chế biến và tiêu thụ Giảo cổ lam (5 lá Gynostemma "
         "pentaphyllum (Thunb.) Makino), Khôi (Ardisia gigantifolia Stapf) theo tiêu chuẩn GACP-WHO trên địa bàn tỉnh "
         "Bắc Giang", PROV, PROJECT, 2024, "listed", short_name="Giảo cổ lam, Khôi",
         steps=((K.SELECTION, D(2024, 1, 18)), (K.BUDGET_APPRAISAL, D(2024, 3, 1)))),
    Demo("Nghiên cứu, đánh giá, đề xuất các giải pháp bảo tồn và phát huy giá trị hệ thống giếng vuông tại huyện Tân "
         "Yên, tỉnh Bắc Giang", PROV, TOPIC, 2024, "listed", short_name="Giếng vuông Tân Yên",
         steps=((K.SELECTION, D(2024, 1, 18)),)),
    Demo("Quản lý và khai thác thương mại chỉ dẫn địa lý “Lục Nam” cho sản phẩm quả na dai của huyện Lục Nam, tỉnh "
         "Bắc Giang", PROV, PROJECT, 2024, "budget_appraised", short_name="Na dai Lục Nam",
         steps=((K.APPROVAL, D(2024, 2, 2)),)),
    Demo("Nghiên cứu thực trạng nhiễm một số vi khuẩn Gram âm kháng carbapenem và giải pháp can thiệp tại Bệnh viện Đa "
         "khoa tỉnh Bắc Giang", PROV, TOPIC, 2024, "budget_appraised", short_name="Vi khuẩn kháng carbapenem",
         host="Bệnh viện Đa khoa tỉnh Bắc Giang", steps=((K.APPROVAL, D(2024, 2, 2)),)),
    Demo("Xây dựng mô hình trồng thử nghiệm cây dược liệu cỏ Xạ Hương (Thymus vulgaris) trên địa bàn huyện Tân Yên",
         BASE, TOPIC, 2023, "contracted", short_name="Cỏ Xạ Hương", host="Công ty TNHH MTV Thiên An", unit="CS-SHTT",
         steps=((K.TERMINATION, D(2024, 2, 29)),)),
    Demo("Xây dựng mô hình trồng giống lúa thuần DCG66 tại huyện Lạng Giang, tỉnh Bắc Giang", BASE, PROJECT, 2024,
         "budget_appraised", short_name="Lúa thuần DCG66", unit="CS-SHTT", steps=((K.APPROVAL, D(2024, 3, 8)),)),
]  # fmt: skip

# Seed 003, 2.1 "Hoạt động nghiên cứu khoa học và phát triển công nghệ", its footnotes 1-6, the
# S&T information section (registration) and Part II (next quarter).
BAC_KAN = [
    # carried over, provincial (23 in the seed; these are the ones it names)
    Demo("Ứng dụng tiến bộ kỹ thuật cải tạo và phát triển vùng sản xuất chè hàng hóa tại tỉnh Bắc Kạn", PROV, PROJECT,
         2019, "delivered", short_name="Chè hàng hóa",
         steps=((K.ACCEPTANCE, D(2022, 3, 4), {"rating": Rating.EXCELLENT}),)),
    Demo("Cà gai leo", PROV, PROJECT, 2020, "contracted", short_name="Cà gai leo",
         steps=((K.PROGRESS_CHECK, D(2022, 3, 8)),)),
    Demo("Dược liệu Hoài sơn - Địa hoàng", PROV, PROJECT, 2020, "contracted", short_name="Hoài sơn - Địa hoàng",
         steps=((K.PROGRESS_CHECK, D(2022, 3, 9)),)),
    Demo("Nghiên cứu và phát triển cây Đào toáng tại xã Nam Cường, huyện Chợ Đồn", PROV, TOPIC, 2021, "contracted",
         short_name="Đào toáng", host="Trung tâm dịch vụ huyện Chợ Đồn",
         steps=((K.PROGRESS_CHECK, D(2022, 3, 10)),)),
    Demo("Tinh dầu quýt", PROV, PROJECT, 2020, "in_progress", short_name="Tinh dầu quýt",
         steps=((K.DELIVERY, D(2022, 3, 11), {"conclusion": "Phối hợp tổ chức hội thảo và nộp hồ sơ nghiệm thu cấp tỉnh."}),)),
    Demo("Chuối tây", PROV, PROJECT, 2020, "in_progress", short_name="Chuối tây",
         extra={"notes": "Đã xin ý kiến Tổ chuyên gia về các quy trình công nghệ để tham mưu xử lý dừng thực hiện dự án."}),
    Demo("Cơ chế tự chủ", PROV, TOPIC, 2021, "in_progress", short_name="Cơ chế tự chủ"),
    Demo("Vịt bầu cỏ xanh", PROV, PROJECT, 2021, "in_progress", short_name="Vịt bầu cỏ xanh"),
    # carried over, national (02)
    Demo("Nghiên cứu các giải pháp ứng phó với một số thiên tai chính gây mất ổn định tự nhiên khu vực Hồ Ba Bể phục "
         "vụ phát triển kinh tế - xã hội của địa phương", NAT, TOPIC, 2021, "in_progress", management=CENTRAL,
         short_name="Thiên tai Hồ Ba Bể"),
    Demo("Nghiên cứu phát triển sản phẩm nông, lâm nghiệp đặc thù theo chuỗi giá trị phục vụ khu vực hồ Ba Bể và vùng "
         "phụ cận", NAT, TOPIC, 2021, "approved", management=CENTRAL, short_name="Nông lâm sản hồ Ba Bể",
         steps=((K.CONTRACT, D(2022, 2, 15)),)),
    # carried over, NTMN (03, of which 02 jointly followed; footnote 2/6)
    Demo("Dự án Hồng LT1 Na Rì", NAT, PROJECT, 2021, "contracted", programme="NTMN", short_name="Hồng LT1 Na Rì",
         extra={"notes": "Ủy quyền địa phương quản lý."}),
    Demo("Ứng dụng tiến bộ KH&CN trong sản xuất gạch xi măng-cốt liệu từ nguồn đá mặt và các nguyên liệu sẵn có ở tỉnh "
         "Bắc Kạn", NAT, PROJECT, 2021, "contracted", programme="NTMN", management=CENTRAL, short_name="Gạch xi măng-cốt liệu"),
    Demo("Ứng dụng khoa học công nghệ xây dựng mô hình chế biến quýt, mơ của Bắc Kạn theo công nghệ cô đặc tại nhiệt "
         "độ thấp và áp suất thường (JEVA) để tạo ra sản phẩm mới", NAT, PROJECT, 2021, "contracted", programme="NTMN",
         management=CENTRAL, short_name="Quýt, mơ JEVA"),
    # new in 2022, provincial (09 in the seed; these are the ones it names)
    Demo("Dược liệu cát sâm, đảng sâm", PROV, PROJECT, 2022, "selected", short_name="Cát sâm, đảng sâm"),
    Demo("Ngô sinh khối", PROV, PROJECT, 2022, "selected", short_name="Ngô sinh khối"),
    Demo("Thạch đen", PROV, PROJECT, 2022, "selected", short_name="Thạch đen"),
    Demo("Bảo quản, chế biến Bí xanh thơm Ba Bể", PROV, PROJECT, 2022, "listed", short_name="Bí xanh thơm Ba Bể",
         extra={"notes": "Họp tư vấn giao trực tiếp lần 2: hồ sơ dự án “Không đạt yêu cầu”."}),
    # new in 2022, NTMN (03, of which 02 jointly followed)
    Demo("Chè shan tuyết Chợ Mới", NAT, PROJECT, 2022, "selected", programme="NTMN", short_name="Chè shan tuyết Chợ Mới",
         extra={"notes": "Dự án ủy quyền địa phương quản lý; chờ Văn phòng Chương trình NTMN cho ý kiến về thuyết minh và dự toán."}),
    Demo("Lợn Pác Nặm", NAT, PROJECT, 2022, "selected", programme="NTMN", management=CENTRAL, short_name="Lợn Pác Nặm"),
    Demo("Mơ vàng", NAT, PROJECT, 2022, "selected", programme="NTMN", management=CENTRAL, short_name="Mơ vàng"),
]  # fmt: skip

# Accepted before the quarter, registered in it: "Cấp 01 Giấy chứng nhận đăng ký kết quả thực hiện
# nhiệm vụ khoa học và công nghệ dự án: Ứng dụng khoa học và công nghệ sản xuất Lê tại Bắc Kạn".
LE_TITLE = "Ứng dụng khoa học và công nghệ sản xuất Lê tại Bắc Kạn"


def _add(scope: Scope, item: Demo, units: dict[str, Unit], officer: Person | None, deputy: Person | None) -> None:
    task = research_create(
        scope=scope,
        title=item.title,
        short_name=item.short_name,
        level=item.level,
        programme=item.programme,
        management=item.management,
        task_type=item.task_type,
        host_organisation=item.host,
        start_year=item.start_year,
        stage=item.stage,
        managing_unit=units.get(item.unit),
        officer=officer if item.unit == "QLKH" else None,
        deputy=deputy,
        **item.extra,
    )
    for kind, date, *extra in item.steps:
        research_event_add(scope=scope, task=task, kind=kind, date=date, **(extra[0] if extra else {}))


def build(ctx: DemoContext) -> None:
    bac_giang = ctx.orgs.get("bac-giang") or Organisation.objects.get(slug="bac-giang")
    units = {u.code: u for u in Unit.objects.filter(org=bac_giang)}
    officer = Person.objects.filter(org=bac_giang, user__username="chuyenvien").first()
    deputy = Person.objects.filter(org=bac_giang, user__username="phogiamdoc").first()
    scope = Scope.operator(bac_giang)
    for item in BAC_GIANG:
        _add(scope, item, units, officer, deputy)

    bac_kan = ctx.orgs.get("bac-kan") or Organisation.objects.get(slug="bac-kan")
    units = {u.code: u for u in Unit.objects.filter(org=bac_kan)}
    scope = Scope.operator(bac_kan)
    kan_deputy = Person.objects.filter(org=bac_kan, role=Role.LEADER).first()
    for item in BAC_KAN:
        _add(scope, item, units, None, kan_deputy)
    le = research_create(
        scope=scope,
        title=LE_TITLE,
        short_name="Lê",
        level=PROV,
        task_type=PROJECT,
        start_year=2019,
        stage="recognised",
        accepted_on=D(2021, 9, 30),
        managing_unit=units.get("QLKH"),
        notes="Đã quyết toán kinh phí; chờ xử lý tài sản để thanh lý hợp đồng.",
    )
    research_event_add(
        scope=scope, task=le, kind=K.REGISTRATION, date=D(2022, 3, 2), certificate_number="01/2022/GCN-SKHCN"
    )
    ctx.notes.append(
        f"Nhiệm vụ KH&CN mẫu: {len(BAC_GIANG)} của Bắc Giang (quý I/2024), {len(BAC_KAN) + 1} của Bắc Kạn (quý I/2022) "
        "— xem /nhiem-vu-khcn/."
    )
