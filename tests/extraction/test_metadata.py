import datetime as dt

from tests.extraction.helpers import extract_text


def test_number_kind_place_date_and_title_from_the_header():
    doc = extract_text(
        "UBND TỈNH HÒA BÌNH\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 27/KH-SKHCN\n"
        "Hòa Bình, ngày 03 tháng 3 năm 2023\n\nKẾ HOẠCH\nKiểm tra đo lường xăng dầu năm 2023\n"
    ).document
    assert (doc.number, doc.kind, doc.place, doc.date) == (
        "27/KH-SKHCN",
        "KH",
        "Hòa Bình",
        dt.date(2023, 3, 3),
    )
    assert doc.title == "Kiểm tra đo lường xăng dầu năm 2023"
    assert (doc.parent_body, doc.issuer) == ("UBND TỈNH HÒA BÌNH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ")


def test_a_draft_keeps_its_kind_without_a_number_and_a_missing_day_gives_no_date():
    doc = extract_text(
        "Số: /QĐ-SKHCN\nLào Cai, ngày    tháng 7 năm 2023\n\nQUYẾT ĐỊNH\nVề việc thành lập tổ thẩm định\n"
    ).document
    assert (doc.number, doc.kind, doc.date, doc.date_month, doc.date_year) == ("", "QĐ", None, 7, 2023)


def test_a_cong_van_has_no_type_name_and_no_kind_code():
    doc = extract_text("Số: 412/SKHCN-QLCN\nV/v đôn đốc gia hạn giấy phép X-quang\nYên Bái, ngày 2/8/2023\n").document
    assert (doc.kind, doc.summary) == ("CV", "V/v đôn đốc gia hạn giấy phép X-quang")


def test_the_type_name_gives_the_kind_when_the_number_line_is_missing():
    doc = extract_text("THÔNG BÁO\nKết luận của Giám đốc Sở tại cuộc họp ngày 3/4/2023\n").document
    assert doc.kind == "TB"


def test_signer_with_an_authority_line():
    doc = extract_text(
        "Số: 5/BC-SKHCN\n\nBÁO CÁO\nTình hình tháng 5\n\nNội dung.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(đã ký)\nĐinh Văn Tuấn\n"
    ).document
    assert (doc.authority, doc.signer_title, doc.signer) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đinh Văn Tuấn")


def test_signer_by_delegation():
    doc = extract_text(
        "Số: 9/TB-SKHCN\n\nTHÔNG BÁO\nLịch trực\n\nNơi nhận:\n- Lưu: VT.\nTL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\nLò Thị Hiền\n"
    ).document
    assert (doc.authority, doc.signer) == ("TL. GIÁM ĐỐC", "Lò Thị Hiền")
