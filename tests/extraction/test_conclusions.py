import datetime as dt

from tests.extraction.helpers import extract_text

TB = "Số: /TB-SKHCN\nLạng Sơn, ngày 10 tháng 5 năm 2023\n\nTHÔNG BÁO\nKết luận của Giám đốc Sở tại cuộc họp giao ban tháng 5\n\n"


def test_one_task_per_item_under_the_unit_it_is_addressed_to():
    text = TB + (
        "Ngày 08/5/2023, Giám đốc Sở chủ trì họp giao ban và kết luận:\n"
        "1. Đối với Phòng Quản lý chuyên ngành\n- Hướng dẫn doanh nghiệp công bố hợp quy.\n"
        "2. Đối với Thanh tra Sở\n- Phối hợp với Văn phòng Sở rà soát quy chế tiếp công dân.\n"
        "Văn phòng Sở thông báo để các phòng biết, thực hiện./.\n"
    )
    tasks = extract_text(text).tasks
    assert [(t.content, t.units) for t in tasks] == [
        ("Hướng dẫn doanh nghiệp công bố hợp quy.", ["Phòng Quản lý chuyên ngành"]),
        ("Phối hợp với Văn phòng Sở rà soát quy chế tiếp công dân.", ["Thanh tra Sở", "Văn phòng Sở"]),
    ]


def test_plus_sub_points_are_joined_into_their_parent():
    text = (
        TB + "1. Đối với Văn phòng Sở\n- Trình ban hành các quy chế:\n+ Quy chế chi tiêu nội bộ;\n+ Quy chế làm việc.\n"
    )
    (task,) = extract_text(text).tasks
    assert task.content == "Trình ban hành các quy chế: Quy chế chi tiêu nội bộ; Quy chế làm việc."


def test_deadlines_come_from_the_items_text_and_none_otherwise():
    text = (
        TB + "1. Đối với Văn phòng Sở\n- Hoàn thiện đề án vị trí việc làm xong trước 30/5/2023.\n- Tiếp tục theo dõi.\n"
    )
    assert [t.deadline for t in extract_text(text).tasks] == [dt.date(2023, 5, 30), None]


def test_a_heading_that_is_a_unit_name_addresses_that_unit():
    text = (
        "Số: 30/KH-UBND\nHà Giang, ngày 3 tháng 4 năm 2023\n\nKẾ HOẠCH\nChuyển đổi số năm 2023\n\n"
        "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ:\n- Chủ trì tổ chức hội thảo khởi nghiệp.\n"
    )
    (task,) = extract_text(text).tasks
    assert task.units == ["Sở Khoa học và Công nghệ"]


def test_a_report_narrating_doi_voi_proposes_no_task():
    text = "Số: 3/BC-SKHCN\n\nBÁO CÁO\nTình hình tháng 4\n\n1. Đối với Văn phòng Sở\n- Đã hoàn thành quy chế.\n"
    assert extract_text(text).tasks == []
