import datetime as dt

from tests.extraction.helpers import extract_text

REPORT = "Số: 77/BC-SKHCN\nNghệ An, ngày 14 tháng 6 năm 2023\n\nBÁO CÁO\nKết quả công tác 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2023\n\n"


def test_items_of_a_next_period_list_are_due_at_its_end_even_when_ongoing():
    text = REPORT + (
        "I. Kết quả thực hiện\n- Đã cấp 12 giấy phép X-quang.\n"
        "II. Nhiệm vụ 6 tháng cuối năm 2023\n"
        "1. Quản lý khoa học\n- Tổ chức nghiệm thu 03 đề tài cấp tỉnh.\n- Thực hiện thường xuyên việc kiểm tra tiến độ.\n"
    )
    tasks = extract_text(text).tasks
    assert [t.content for t in tasks] == [
        "Tổ chức nghiệm thu 03 đề tài cấp tỉnh.",
        "Thực hiện thường xuyên việc kiểm tra tiến độ.",
    ]
    assert {t.deadline for t in tasks} == {dt.date(2023, 12, 31)}
    assert tasks[0].section == "Quản lý khoa học"


def test_a_quarter_without_its_year_takes_the_reports_year():
    text = "Số: 5/BC-SKHCN\nĐiện Biên, ngày 25 tháng 3 năm 2023\n\nBÁO CÁO\nCông tác quý I\n\nPhần II\nNHIỆM VỤ QUÝ II\n- Kiểm tra xăng dầu.\n"
    assert extract_text(text).tasks[0].deadline == dt.date(2023, 6, 30)


def test_a_written_day_wins_in_a_period_list_but_a_coarser_year_does_not():
    text = REPORT + (
        "III. Nhiệm vụ quý III/2023\n"
        "- Trình UBND tỉnh kế hoạch trước ngày 15/7/2023.\n"
        "- Cấp kinh phí cho các đề tài thực hiện trong năm 2023.\n"
    )
    first, second = extract_text(text).tasks
    assert (first.deadline, second.deadline) == (dt.date(2023, 7, 15), dt.date(2023, 9, 30))


def test_lettered_items_with_a_label_give_the_text_after_the_colon():
    text = REPORT + (
        "II. Nhiệm vụ quý III năm 2023\n"
        "a) Các đề tài chuyển tiếp (05 đề tài): Đôn đốc các tổ chức chủ trì nộp sản phẩm.\n- Kiểm tra tiến độ 02 đề tài.\n"
        "b) Tổng hợp đề xuất đặt hàng nhiệm vụ năm 2024.\n"
    )
    assert [t.content for t in extract_text(text).tasks] == [
        "Đôn đốc các tổ chức chủ trì nộp sản phẩm.",
        "Kiểm tra tiến độ 02 đề tài.",
        "Tổng hợp đề xuất đặt hàng nhiệm vụ năm 2024.",
    ]


def test_nhiem_vu_thoi_gian_toi_is_the_period_after_the_reports():
    text = "Số: 8/BC-SKHCN\nCao Bằng, ngày 20 tháng 9 năm 2023\n\nBÁO CÁO\nKết quả công tác quý III/2023\n\nII. Nhiệm vụ thời gian tới\n- Tổng kết năm.\n"
    assert extract_text(text).tasks[0].deadline == dt.date(2023, 12, 31)


def test_month_by_month_programme_is_due_at_month_end_of_the_programmes_year():
    text = (
        "Số: 2/CTr-SKHCN\nTuyên Quang, ngày 20 tháng 12 năm 2022\n\nCHƯƠNG TRÌNH\nCông tác năm 2023\n\n"
        "I. MỤC TIÊU\n- Nâng cao hiệu quả quản lý.\n"
        "II. CHƯƠNG TRÌNH CỤ THỂ\n1. Tháng 1\n- Giao dự toán ngân sách.\n2. Tháng 2\n- Tổ chức Hội nghị tổng kết.\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.content, t.deadline) for t in tasks] == [
        ("Giao dự toán ngân sách.", dt.date(2023, 1, 31)),
        ("Tổ chức Hội nghị tổng kết.", dt.date(2023, 2, 28)),
    ]


def test_results_and_objectives_are_not_task_lists():
    text = (
        REPORT
        + "I. Kết quả thực hiện nhiệm vụ tháng 5 năm 2023\n- Đã ban hành kế hoạch.\nII. Mục tiêu\n- Tăng cường quản lý.\n"
    )
    assert extract_text(text).tasks == []


def test_the_content_part_of_a_plan_lists_its_tasks_due_in_the_plans_period():
    text = (
        "Số: 12/KH-SKHCN\nBắc Ninh, ngày 2 tháng 4 năm 2024\n\nKẾ HOẠCH\nTuyên truyền sở hữu trí tuệ năm 2024\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n- Nâng cao nhận thức.\n"
        "II. NỘI DUNG\n1. Tổ chức hội thảo về nhãn hiệu tập thể trước ngày 26/4/2024.\n2. Phát hành tờ rơi tại các xã.\n"
        "Các nội dung trên được thực hiện bằng nguồn kinh phí sự nghiệp.\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.content, t.deadline) for t in tasks] == [
        ("Tổ chức hội thảo về nhãn hiệu tập thể trước ngày 26/4/2024.", dt.date(2024, 4, 26)),
        ("Phát hành tờ rơi tại các xã.", dt.date(2024, 12, 31)),
    ]
