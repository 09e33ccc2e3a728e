import pytest

from dieuhanh.extraction.matching import match_unit, match_units

UNITS = [
    (1, "Văn phòng Sở"),
    (2, "Phòng Quản lý khoa học"),
    (3, "Phòng Quản lý khoa học công nghệ cơ sở và Sở hữu trí tuệ"),
    (4, "Thanh tra Sở"),
    (5, "Chi cục Tiêu chuẩn Đo lường Chất lượng"),
    (6, "Trung tâm Ứng dụng Khoa học và Công nghệ"),
]


@pytest.mark.parametrize(
    ("name", "unit_id"),
    [
        ("Văn phòng Sở", 1),
        ("Văn phòng", 1),
        ("van phong so", 1),
        ("Phòng Quản lý khoa học", 2),
        ("Phòng QLKH công nghệ cơ sở và SHTT", 3),
        ("Thanh tra", 4),
        ("Chi cục TĐC", 5),
        ("Trung tâm ứng dụng KH&CN", 6),
        ("TRUNG TÂM ỨNG DỤNG KHOA HỌC VÀ CÔNG NGHỆ", 6),
    ],
)
def test_names_as_written_find_their_unit(name, unit_id):
    assert match_unit(name, UNITS)[0] == unit_id


@pytest.mark.parametrize("name", ["các phòng, đơn vị", "Sở Tài chính", "UBND tỉnh", ""])
def test_names_of_no_unit_stay_unmatched(name):
    assert match_unit(name, UNITS) is None


def test_match_units_keeps_every_name_in_order():
    matches = match_units(["Thanh tra Sở", "Sở Nội vụ"], UNITS)
    assert [(m.name, m.unit_id) for m in matches] == [("Thanh tra Sở", 4), ("Sở Nội vụ", None)]
