from dieuhanh.extraction.outline import build_outline, classify
from dieuhanh.extraction.readers import read_bytes


def test_numbering_ranks_follow_the_depth_of_administrative_documents():
    assert classify("Phần II. NHIỆM VỤ")[0] == 0
    assert classify("III. Kết quả")[0] == 1
    assert classify("2. Công tác thanh tra")[0] == 2
    assert classify("2.1. Thanh tra hành chính")[0] == 3
    assert classify("2.1.3. Thanh tra chuyên ngành")[0] == 4
    assert classify("b) Công tác khác")[0] == 5
    assert classify("Tháng 7")[0] == 2.5


def test_running_text_has_no_rank():
    assert classify("Kiểm định 1.291 phương tiện đo.")[0] is None
    assert classify("V/v góp ý dự thảo")[0] is None


def test_a_part_alone_on_its_line_takes_the_next_line_as_its_title():
    root, _ = build_outline(read_bytes("Phần II\n\nNHIỆM VỤ QUÝ III\n\n1. Thanh tra\n".encode(), "a.txt"))
    part = root.children[0]
    assert (part.label, part.title) == ("II", "NHIỆM VỤ QUÝ III")
    assert part.children[0].title == "Thanh tra"


def test_bullets_nest_under_their_heading_and_plus_under_dash():
    text = "1. Đối với Văn phòng\n- Rà soát:\n+ quy chế một;\n+ quy chế hai.\n- Theo dõi."
    root, _ = build_outline(read_bytes(text.encode(), "a.txt"))
    heading = root.children[0]
    assert [c.kind for c in heading.children] == ["bullet", "bullet"]
    assert len(heading.children[0].children) == 2


def test_recipients_close_the_body_and_an_appendix_opens_a_new_section():
    text = "1. Việc\n- Làm A.\nNơi nhận:\n- Như trên;\nGIÁM ĐỐC\nPhụ lục\nTT\tNội dung\tHạn\n1\tViệc B\t30/6/2023"
    root, tail = build_outline(read_bytes(text.encode(), "a.txt"))
    assert [c.kind for c in root.children] == ["heading", "appendix"]
    assert any(n.text == "Như trên;" for n in tail.children)
    assert root.children[1].children[0].kind == "table"
