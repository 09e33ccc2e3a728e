"""Demo step: the quarterly report of Bắc Giang (issue 5), Q1/2024 partly submitted.

A report type "quy" (Báo cáo kết quả công tác quý) with the fields of work of seed 000, six
contributing units, due two days after the cut-off (16/03/2024), the appendix of the tasks
assigned by UBND tỉnh and its Chairman, signed "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC". The Q1/2024
report is open: four units submitted on time, Thanh tra Sở late (20/03/2024), the Phòng
Quản lý khoa học công nghệ cơ sở và Sở hữu trí tuệ not at all; Chi cục TĐC's submission is
approved. The texts are taken from seed 000. Tasks and their figures are not touched.
"""

from __future__ import annotations

import datetime as dt

from dieuhanh.demo.builder import DemoContext
from dieuhanh.orgs.models import Organisation, Unit
from dieuhanh.orgs.scope import Scope
from dieuhanh.reports.render.sample import RECIPIENTS
from dieuhanh.reports.services import (
    SectionSpec,
    default_sections,
    period_report_open,
    period_report_update,
    report_type_create,
    submission_approve,
    submission_save,
)
from dieuhanh.tasks.models import Assigner

CONTRIBUTORS = ["QLKH", "CS-SHTT", "QLCN", "TTr", "TĐC", "TTUD"]
# Which unit's tasks go to which field of work (Phần II grouping).
SECTION_UNITS = {
    "research": ["QLKH"],
    "technology": ["QLCN"],
    "information": ["TTUD"],
    "standards": ["TĐC"],
    "ip_initiatives": ["CS-SHTT"],
    "inspection": ["TTr"],
    "office": ["VP"],
}

# unit code -> (submitted on, {field: (results, figures, next period's tasks)})
SUBMISSIONS: dict[str, tuple[dt.date, dict[str, tuple[str, str, str]]]] = {
    "QLKH": (
        dt.date(2024, 3, 12),
        {
            "research": (
                "Trình UBND tỉnh phê duyệt danh mục 14 nhiệm vụ năm 2024. Thông báo tuyển chọn, giao trực tiếp các "
                "nhiệm vụ KH&CN cấp tỉnh năm 2024.\n"
                "Tổ chức thẩm định dự toán kinh phí 02 nhiệm vụ bổ sung năm 2023, trình UBND tỉnh phê duyệt.\n"
                "Đôn đốc tổ chức chủ trì giao nộp sản phẩm để tổ chức nghiệm thu các nhiệm vụ hết thời gian thực hiện.",
                "Nhiệm vụ cấp tỉnh được phê duyệt danh mục: 14 nhiệm vụ\nHội đồng tư vấn xác định nhiệm vụ: 4 hội đồng",
                "Tổ chức mở hồ sơ tuyển chọn tổ chức, cá nhân chủ trì các nhiệm vụ KH&CN cấp tỉnh năm 2024.\n"
                "Tiếp nhận và tổng hợp đề xuất đặt hàng nhiệm vụ năm 2025.",
            ),
        },
    ),
    "QLCN": (
        dt.date(2024, 3, 14),
        {
            "technology": (
                "Thẩm định công nghệ trạm xử lý nước thải công suất 1.500m³/ngày.đêm của Cụm công nghiệp Tăng Tiến, "
                "huyện Việt Yên.\n"
                "Cấp Giấy chứng nhận đăng ký hợp đồng chuyển giao công nghệ cho 01 doanh nghiệp.",
                "Giấy phép sử dụng thiết bị X-quang chẩn đoán y tế đã cấp: 14 giấy phép",
                "Xây dựng kế hoạch, tổ chức tập huấn an toàn bức xạ cho nhân viên bức xạ tại các bệnh viện, phòng khám.",
            ),
        },
    ),
    "TĐC": (
        dt.date(2024, 3, 13),
        {
            "standards": (
                "Triển khai hoạt động đào tạo chấm điểm ISO hành chính theo bộ tiêu chí mới đối với 10 UBND huyện, "
                "thành phố.\n"
                "Tổ chức 02 hội nghị tập huấn, bồi dưỡng kiến thức về xây dựng, áp dụng công cụ 5S.",
                "Doanh nghiệp được hỗ trợ chứng nhận hợp chuẩn: 05 doanh nghiệp",
                "Kiểm tra việc chấp hành quy định pháp luật về đo lường đối với doanh nghiệp kinh doanh xăng dầu.",
            ),
        },
    ),
    "TTUD": (
        dt.date(2024, 3, 15),
        {
            "information": (
                "Biên tập, cập nhật trang thông tin điện tử của Sở, sàn giao dịch công nghệ và thiết bị (batex.vn).\n"
                "Thực hiện kiểm định, hiệu chuẩn theo định kỳ các phương tiện đo, chuẩn đo lường.",
                "Phương tiện đo được kiểm định: 1.291 phương tiện\nMẫu than được thử nghiệm: 170 mẫu",
                "Xây dựng 03 chuyên trang “Khoa học và Công nghệ” trên Báo Bắc Giang tháng 4, 5, 6.",
            ),
        },
    ),
    "TTr": (
        dt.date(2024, 3, 20),  # four days after the due date: late
        {
            "inspection": (
                "Tổ chức Hội nghị tuyên truyền, phổ biến pháp luật, thi hành pháp luật trong hoạt động khoa học và "
                "công nghệ.\n"
                "Thực hiện tiếp dân vào ngày 15 hàng tháng và tiếp dân thường xuyên theo yêu cầu.",
                "Người có nghĩa vụ kê khai tài sản, thu nhập năm 2023: 19 người",
                "Triển khai các cuộc thanh tra theo Kế hoạch thanh tra, kiểm tra chuyên ngành năm 2024 (quý II).",
            ),
        },
    ),
}

INTRO = (
    "Quý I/2024, Sở Khoa học và Công nghệ triển khai đồng bộ các nhiệm vụ theo Chương trình công tác năm 2024 và "
    "chỉ đạo của UBND tỉnh, Chủ tịch UBND tỉnh; kết quả cụ thể như sau:"
)
STRENGTHS = "Các nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao được thực hiện đầy đủ, đúng thời hạn."
WEAKNESSES = "Một số đơn vị nộp báo cáo định kỳ còn chậm so với thời hạn."


def build(ctx: DemoContext) -> None:
    org = ctx.orgs.get("bac-giang") or Organisation.objects.get(slug="bac-giang")
    scope = Scope.operator(org)
    units = {u.code: u for u in Unit.objects.filter(org=org)}
    assigners = list(Assigner.objects.filter(org=org, name__in=["UBND tỉnh", "Chủ tịch UBND tỉnh"]))
    report_type = report_type_create(
        scope=scope,
        code="quy",
        name="Báo cáo kết quả công tác quý",
        period_kind="quarter",
        due_days=2,
        units=[units[c] for c in CONTRIBUTORS],
        assigners=assigners,
        signer_authority="KT. Giám đốc",
        signer_title="Phó Giám đốc",
        signer_name="Trần Quốc Khánh",
        recipients="\n".join(RECIPIENTS),
        sections=[
            SectionSpec(s.field, s.title, s.order, units=tuple(units[c] for c in SECTION_UNITS.get(s.field, [])))
            for s in default_sections()
        ],
    )

    report = period_report_open(scope=scope, report_type=report_type, period_key="2024-Q1")
    period_report_update(
        scope=scope, report=report, version=report.version, intro=INTRO, strengths=STRENGTHS, weaknesses=WEAKNESSES
    )
    for code, (day, entries) in SUBMISSIONS.items():
        values = {f: {"results": r, "figures": fig, "next_tasks": n} for f, (r, fig, n) in entries.items()}
        submission = submission_save(scope=scope, report=report, unit=units[code], entries=values, submit=True, on=day)
        if code == "TĐC":
            submission_approve(scope=scope, submission=submission)
    ctx.notes.append(
        "Báo cáo quý I/2024 (Bắc Giang): 4 đơn vị nộp đúng hạn, Thanh tra Sở nộp muộn, "
        "Phòng QLKH công nghệ cơ sở và SHTT chưa nộp."
    )
