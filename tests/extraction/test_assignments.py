import datetime as dt

from dieuhanh.extraction.extractors.assignments import is_assignment
from dieuhanh.extraction.extractors.units import assignment_units, split_units
from tests.extraction.helpers import extract_text

DECISION = "Số: 45/QĐ-UBND\nQuảng Ninh, ngày 12 tháng 1 năm 2024\n\nQUYẾT ĐỊNH\nPhê duyệt đề án\n\n"


def test_giao_sentence_gives_lead_coordinating_units_and_deadline():
    text = DECISION + (
        "Điều 2. Tổ chức thực hiện\n"
        "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, Sở Công Thương và UBND các huyện "
        "xây dựng kế hoạch triển khai, trình UBND tỉnh trước ngày 31/3/2024.\n"
    )
    (task,) = extract_text(text).tasks
    assert task.units == ["Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Công Thương", "UBND các huyện"]
    assert task.deadline == dt.date(2024, 3, 31)


def test_a_unit_as_subject_that_leads_is_an_assignment():
    assert is_assignment("Sở Nội vụ chủ trì, hướng dẫn các cơ quan kiện toàn tổ chức.")
    assert assignment_units("Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát.") == (
        "Sở Nội vụ",
        ["Sở Tư pháp"],
    )


def test_sentences_that_only_mention_units_are_not_assignments():
    assert not is_assignment("Báo cáo kết quả thực hiện với UBND tỉnh.")
    assert not is_assignment("Trưởng các phòng quán triệt cán bộ.")
    assert not is_assignment("Phòng chống thiên tai là nhiệm vụ thường xuyên.")


def test_a_name_with_va_inside_is_kept_whole():
    assert split_units("Sở Khoa học và Công nghệ, Sở Văn hóa, Thể thao và Du lịch") == [
        "Sở Khoa học và Công nghệ",
        "Sở Văn hóa, Thể thao và Du lịch",
    ]


def test_a_request_after_its_subject_is_an_assignment():
    text = (
        "Số: 310/SKHCN-VP\nV/v báo cáo kết quả quý I\nVĩnh Phúc, ngày 20 tháng 3 năm 2024\n"
        "Giám đốc Sở đề nghị Phòng Quản lý khoa học báo cáo kết quả gửi Văn phòng Sở trước ngày 28/3/2024.\n"
        "Ngày 15/3/2024, tại cuộc họp giao ban Sở, các phòng đã báo cáo.\n"
    )
    (task,) = extract_text(text).tasks
    assert (task.units[0], task.deadline) == ("Phòng Quản lý khoa học", dt.date(2024, 3, 28))
