import datetime as dt

from dieuhanh.extraction.extractors.citations import extract_references, find_citations


def test_a_citation_gives_type_number_date_and_issuer():
    (ref,) = find_citations("Thực hiện Công văn số 1520/UBND-KT ngày 14/8/2023 của UBND tỉnh về việc rà soát")
    assert (ref.kind, ref.number, ref.date, ref.issuer) == (
        "CV",
        "1520/UBND-KT",
        dt.date(2023, 8, 14),
        "UBND tỉnh",
    )


def test_party_documents_put_the_kind_after_a_dash():
    (ref,) = find_citations("Chỉ thị số 27-CT/TU ngày 10/3/2023 của Ban Thường vụ Tỉnh ủy")
    assert (ref.kind, ref.number, ref.date) == ("CT", "27-CT/TU", dt.date(2023, 3, 10))


def test_legal_normative_documents_carry_the_year():
    (ref,) = find_citations("theo Thông tư số 02/2023/TT-BKHCN ngày 08 tháng 5 năm 2023 của Bộ Khoa học và Công nghệ")
    assert (ref.kind, ref.number, ref.date) == ("TT", "02/2023/TT-BKHCN", dt.date(2023, 5, 8))


def test_a_typed_double_slash_is_kept_as_written():
    (ref,) = find_citations("Kế hoạch 88//KH-SKHCN ngày 2/3/2023")
    assert ref.number == "88//KH-SKHCN"


def test_the_word_before_so_names_the_type_even_against_the_symbol():
    (ref,) = find_citations("Kế hoạch số 77/KG-UBND ngày 1/6/2022")  # a typo in the symbol
    assert ref.kind == "KH"


def test_a_date_further_away_is_not_the_citations_date():
    (ref,) = find_citations("Nghị quyết số 36-NQ/TW của Bộ Chính trị, ban hành từ ngày 1/7/2016")
    assert ref.date is None


def test_references_are_unique_and_a_dateless_mention_of_a_dated_one_is_the_same():
    refs = extract_references(
        ["Quyết định số 15/QĐ-UBND ngày 3/1/2023 của UBND tỉnh.", "Theo Quyết định 15/QĐ-UBND, giao Sở ..."]
    )
    assert [(r.number, r.date) for r in refs] == [("15/QĐ-UBND", dt.date(2023, 1, 3))]


def test_the_documents_own_number_and_drafts_are_not_references():
    refs = extract_references(["Số: 12/BC-SKHCN", "Số: /BC-SKHCN"], own_number="12/BC-SKHCN")
    assert refs == []


def test_numbers_that_are_not_symbols_are_ignored():
    assert find_citations("kiểm định 1.291 phương tiện; đợt 2/2023; 13/60 TTHC; ISO 9001:2015; X-quang") == []
