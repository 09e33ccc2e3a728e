import datetime as dt

from tests.extraction.helpers import extract_text

HEAD = "Số: 40/BC-SKHCN\nPhú Thọ, ngày 20 tháng 6 năm 2023\n\nBÁO CÁO\nKết quả thực hiện nhiệm vụ được giao\n\n"


def test_tracking_table_in_any_column_order_with_section_rows_giving_status():
    text = HEAD + (
        "STT\tNội dung nhiệm vụ\tNgày hoàn thành\tVăn bản chỉ đạo\tThời hạn\tKết quả\n"
        "I\tNhiệm vụ đã hoàn thành\t\t\t\t\n"
        "1\tGóp ý dự thảo quy chế\t12/4/2023\t510/UBND-KT ngày 3/4/2023\t15/4/2023\tCông văn 330/SKHCN-VP ngày 12/4/2023\n"
        "2\tBáo cáo tình hình sáng kiến\t20/5/2023\t600/UBND-KT ngày 2/5/2023\t15/5/2023\t\n"
        "II\tNhiệm vụ đang thực hiện\t\t\t\t\n"
        "1\tXây dựng đề án thị trường công nghệ\t\t611/UBND-KT ngày 5/5/2023\t30/9/2023\t\n"
        "III\tNhiệm vụ chưa thực hiện\t\t\t\t\n"
        "1\tTổng kết chương trình\t\t700/UBND-KT ngày 6/6/2023\t30/11/2023\t\n"
    )
    tasks = extract_text(text).tasks
    assert [t.status for t in tasks] == ["done_on_time", "done_late", "in_progress", "not_started"]
    first = tasks[0]
    assert (
        first.source_number,
        first.source_date,
        first.deadline,
        first.completed_on,
        first.result_number,
    ) == (
        "510/UBND-KT",
        dt.date(2023, 4, 3),
        dt.date(2023, 4, 15),
        dt.date(2023, 4, 12),
        "330/SKHCN-VP",
    )


def test_the_completion_date_column_wins_over_the_result_documents_date():
    text = HEAD + (
        "TT\tNội dung\tThời hạn\tNgày hoàn thành\tKết quả xử lý\n"
        "I\tĐÃ THỰC HIỆN\t\t\t\n"
        "1\tTham mưu kế hoạch\t31/5/2023\t28/5/2023\tKế hoạch 55/KH-SKHCN ngày 10/1/2023\n"
    )
    assert extract_text(text).tasks[0].completed_on == dt.date(2023, 5, 28)


def test_a_result_documents_date_is_the_completion_date_only_when_none_is_written():
    text = HEAD + (
        "TT\tNội dung\tTiến độ theo kế hoạch\tTiến độ thực hiện\n"
        "1\tDự thảo quy định quản lý đề tài\tTháng 4 năm 2023\tĐã hoàn thành, trình UBND tỉnh tại Tờ trình số 20/TTr-SKHCN ngày 25/4/2023\n"
        "2\tDự thảo hướng dẫn\tTháng 8 năm 2023\tĐã hoàn thành dự thảo lần 2, đang xin ý kiến các sở\n"
    )
    done, partial = extract_text(text).tasks
    assert (done.deadline, done.completed_on, done.result_number, done.status) == (
        dt.date(2023, 4, 30),
        dt.date(2023, 4, 25),
        "20/TTr-SKHCN",
        "done_on_time",
    )
    assert (partial.deadline, partial.completed_on, partial.status) == (
        dt.date(2023, 8, 31),
        None,
        "in_progress",
    )


def test_an_open_task_past_its_deadline_at_the_report_date_is_overdue():
    text = HEAD + "TT\tNội dung\tThời hạn\tTiến độ\n1\tRà soát thủ tục\t31/5/2023\tĐang thực hiện\n"
    assert extract_text(text).tasks[0].status == "overdue"


def test_assignment_table_gives_lead_then_coordinating_units():
    text = (
        "Số: 61/KH-UBND\nSơn La, ngày 2 tháng 3 năm 2023\n\nKẾ HOẠCH\nPhát triển tài sản trí tuệ\n\n"
        "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
        "1\tXây dựng nhãn hiệu chứng nhận chè Shan tuyết\tSở Khoa học và Công nghệ\tSở Công Thương; UBND các huyện\tQuý IV/2023\n"
        "2\tTuyên truyền về sở hữu trí tuệ\tĐài Phát thanh và Truyền hình tỉnh\t\tThường xuyên\n"
    )
    first, second = extract_text(text).tasks
    assert first.units == ["Sở Khoa học và Công nghệ", "Sở Công Thương", "UBND các huyện"]
    assert (first.deadline, first.layout) == (dt.date(2023, 12, 31), "assignment")
    assert second.deadline is None


def test_a_table_without_a_content_column_proposes_nothing():
    text = HEAD + "TT\tHọ và tên\tChức vụ\n1\tNguyễn Văn A\tChuyên viên\n"
    assert extract_text(text).tasks == []
