from dieuhanh.extraction.blocks import Blocks, Bullet, PageBreak, Paragraph, Table
from dieuhanh.extraction.readers import read_bytes
from dieuhanh.extraction.readers.repair import repair


def _read(text: str) -> list:
    return read_bytes(text.encode(), "a.txt").blocks


def test_markdown_emphasis_and_heading_marks_are_stripped():
    blocks = _read("### **2. Đối với Thanh tra Sở**\n\n*Nơi nhận:*")
    assert [b.text for b in blocks] == ["2. Đối với Thanh tra Sở", "Nơi nhận:"]


def test_text_is_nfc():
    decomposed = "Tỉnh uỷ".encode().decode()
    import unicodedata

    blocks = _read(unicodedata.normalize("NFD", decomposed))
    assert blocks[0].text == unicodedata.normalize("NFC", decomposed)


def test_typed_markers_become_bullets_and_plus_is_one_level_down():
    blocks = _read("- Rà soát quy chế.\n+ Quy chế chi tiêu nội bộ;\n- + Quy chế làm việc.")
    assert [(type(b), b.level, b.marker) for b in blocks] == [
        (Bullet, 0, "-"),
        (Bullet, 1, "+"),
        (Bullet, 1, "+"),
    ]


def test_a_paragraph_starting_in_lower_case_continues_the_one_before_across_a_page_break():
    blocks = _read("- Xây dựng kế hoạch kiểm tra chất lượng\f\nxăng dầu trên địa bàn tỉnh.")
    texts = [b.text for b in blocks if not isinstance(b, PageBreak)]
    assert texts == ["Xây dựng kế hoạch kiểm tra chất lượng xăng dầu trên địa bàn tỉnh."]


def test_a_number_after_a_text_cut_mid_sentence_continues_it():
    blocks = _read("Thực hiện Nghị định số\n\n08/2014/NĐ-CP của Chính phủ.")
    assert [b.text for b in blocks] == ["Thực hiện Nghị định số 08/2014/NĐ-CP của Chính phủ."]


def test_a_numbered_heading_is_never_joined():
    blocks = _read("Nội dung chưa hết câu\n\n2. Công tác thanh tra\n\na) Thanh tra hành chính")
    assert len(blocks) == 3


def test_footnote_lines_and_marks_are_removed():
    blocks = _read("Kiểm định 250 phương tiện đo¹.\n\n¹ Gồm cân, cột đo xăng dầu.\n\nCông suất 500 m³/ngày.")
    assert [b.text for b in blocks] == ["Kiểm định 250 phương tiện đo.", "Công suất 500 m³/ngày."]


def test_a_table_row_split_by_a_page_break_is_merged_into_the_row_before():
    table = Table(
        rows=[
            ["TT", "Nội dung", "Thời hạn"],
            ["1", "Xây dựng đề án phát triển thị trường", "30/6/2023"],
            ["", "công nghệ giai đoạn 2023-2025", ""],
            ["2", "Tổ chức hội nghị", "31/7/2023"],
        ]
    )
    out = repair(Blocks(blocks=[table])).blocks[0]
    assert out.rows[1] == [
        "1",
        "Xây dựng đề án phát triển thị trường công nghệ giai đoạn 2023-2025",
        "30/6/2023",
    ]
    assert len(out.rows) == 3


def test_continued_text_shifted_into_a_date_column_goes_back_to_the_text():
    table = Table(
        rows=[
            ["TT", "Nội dung", "Hạn"],
            ["1", "Rà soát thủ tục hành chính giữa", "30/6/2023"],
            ["", "", "hai kỳ"],
        ]
    )
    out = repair(Blocks(blocks=[table])).blocks[0]
    assert out.rows[1][1].endswith("giữa hai kỳ")


def test_a_table_continued_on_the_next_page_is_one_table_without_the_repeated_header():
    head = ["TT", "Nội dung", "Thời hạn"]
    first = Table(rows=[head, ["1", "Việc một", "30/6/2023"]])
    second = Table(rows=[head, ["2", "Việc hai", "31/7/2023"]])
    out = repair(Blocks(blocks=[first, PageBreak(), second])).blocks
    tables = [b for b in out if isinstance(b, Table)]
    assert len(tables) == 1
    assert [r[0] for r in tables[0].rows] == ["TT", "1", "2"]


def test_tab_separated_lines_make_one_table_across_blank_lines():
    blocks = _read("TT\tNội dung\tThời hạn\n1\tViệc một\t30/6/2023\n\n2\tViệc hai\t31/7/2023\nHết bảng.")
    assert isinstance(blocks[0], Table)
    assert len(blocks[0].rows) == 3
    assert isinstance(blocks[1], Paragraph)


def test_a_row_cut_mid_date_and_mid_symbol_by_a_page_break_is_mended():
    table = Table(
        rows=[
            ["TT", "Văn bản giao", "Nội dung", "Thời hạn"],
            ["7", "318/", "Tham mưu", "30/09/202"],
            ["", "UBND-KT ngày 1/3/2023", "kế hoạch kiểm tra xăng dầu", "3"],
        ]
    )
    out = repair(Blocks(blocks=[table])).blocks[0]
    assert out.rows[1] == [
        "7",
        "318/UBND-KT ngày 1/3/2023",
        "Tham mưu kế hoạch kiểm tra xăng dầu",
        "30/09/2023",
    ]
