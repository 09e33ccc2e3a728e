import datetime as dt
import io
import zipfile

import pytest

from dieuhanh.extraction.blocks import Bullet, Table
from dieuhanh.extraction.errors import ReadError
from dieuhanh.extraction.extractors import extract
from dieuhanh.extraction.readers import read_bytes, read_file

pytestmark = pytest.mark.render


def test_docx_word_bullets_keep_their_levels_and_sub_points_join_their_parent(docx_files):
    blocks = read_file(docx_files["conclusion"]).blocks
    bullets = [(b.level, b.text[:20]) for b in blocks if isinstance(b, Bullet)]
    assert bullets[1:4] == [
        (0, "Rà soát các khoản tạ"),
        (1, "Đề tài nuôi cá lăng "),
        (1, "Đề tài bảo tồn giống"),
    ]
    tasks = extract(read_file(docx_files["conclusion"])).tasks
    assert tasks[1].content.endswith("Đề tài bảo tồn giống chuối ngự Đại Hoàng.")


def test_docx_word_numbering_is_written_into_the_text(docx_files):
    texts = [b.text for b in read_file(docx_files["conclusion"]).blocks if not isinstance(b, Table)]
    assert "1. Đối với Phòng Kế hoạch - Tài chính" in texts
    assert "2. Đối với Văn phòng Sở" in texts


def test_docx_merged_cells_are_repeated_over_their_span(docx_files):
    tables = [b for b in read_file(docx_files["plan"]).blocks if isinstance(b, Table)]
    grid = tables[1].rows
    assert grid[0][2] == grid[0][3] == "Cơ quan thực hiện"
    assert grid[1][0] == "TT"  # merged down from the first header row
    assert grid[1][2:4] == ["Chủ trì", "Phối hợp"]


def test_docx_header_table_gives_the_metadata(docx_files):
    doc = extract(read_file(docx_files["conclusion"])).document
    assert (doc.number, doc.kind, doc.place, doc.date) == (
        "35/TB-SKHCN",
        "TB",
        "Hà Nam",
        dt.date(2023, 4, 12),
    )
    assert doc.signer == "Trần Minh Quân"


def test_docx_assignment_table_with_merged_header(docx_files):
    tasks = extract(read_file(docx_files["plan"])).tasks
    table_tasks = [t for t in tasks if t.layout == "assignment" and t.source_number is None and "Cập nhật" in t.content]
    assert table_tasks[0].units == ["Văn phòng UBND tỉnh", "Các sở, ngành"]
    assert table_tasks[0].deadline == dt.date(2023, 9, 30)


@pytest.mark.parametrize("key", ["conclusion", "plan", "tracking"])
def test_the_pdf_of_a_document_gives_what_its_docx_gives(key, docx_files, pdf_files):
    from_docx = extract(read_file(docx_files[key]))
    from_pdf = extract(read_file(pdf_files[key]))
    assert from_pdf.source == "pdf"
    assert from_pdf.document == from_docx.document

    def fields(e):
        return [(t.content, t.units, t.deadline, t.status, t.source_number, t.completed_on) for t in e.tasks]

    assert fields(from_pdf) == fields(from_docx)


def test_tracking_table_section_rows_merged_across_the_row_give_status(docx_files):
    tasks = extract(read_file(docx_files["tracking"])).tasks
    assert [t.status for t in tasks[:2]] == ["done_on_time", "done_on_time"]
    assert tasks[-1].status == "overdue"  # open at the report's date, past its deadline


def test_empty_file_is_refused_with_a_message():
    with pytest.raises(ReadError) as err:
        read_bytes(b"", "trong.docx")
    assert err.value.kind == "empty"
    assert "rỗng" in err.value.message


def test_corrupt_docx_is_refused_with_a_message():
    with pytest.raises(ReadError) as err:
        read_bytes(b"PK\x03\x04 not really a zip", "hong.docx")
    assert err.value.kind == "corrupt"


def test_a_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("a.txt", "x")
    with pytest.raises(ReadError):
        read_bytes(buffer.getvalue(), "nen.docx")


def test_corrupt_pdf_is_refused_with_a_message():
    with pytest.raises(ReadError) as err:
        read_bytes(b"%PDF-1.7\n garbage without objects", "hong.pdf")
    assert err.value.kind == "corrupt"


def test_image_only_pdf_is_refused_as_a_scan(tmp_path):
    from PIL import Image

    path = tmp_path / "scan.pdf"
    Image.new("RGB", (200, 280), "white").save(path)
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert err.value.kind == "image_only"
    assert "OCR" in err.value.message


def test_old_word_or_encrypted_office_file_is_refused_with_advice():
    with pytest.raises(ReadError) as err:
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "cu.doc")
    assert ".docx" in err.value.message


def test_binary_renamed_txt_is_refused():
    with pytest.raises(ReadError):
        read_bytes(b"\x00\x01\x02binary", "a.txt")


def test_encrypted_pdf_is_refused_as_such(tmp_path, docx_files):
    import subprocess

    from tests.extraction.documents import soffice_command

    options = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"matkhau"}}'
    cmd = soffice_command(tmp_path, docx_files["plan"], convert_to=options)
    if cmd is None:
        pytest.skip("LibreOffice is not installed")
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    with pytest.raises(ReadError) as err:
        read_file(tmp_path / "plan.pdf")
    assert err.value.kind == "encrypted"


@pytest.mark.slow
def test_a_long_tracking_table_over_many_pdf_pages_reads_as_its_docx(tmp_path):
    from tests.extraction import documents

    docx = documents.tracking_docx(tmp_path / "dai.docx", rows=60)
    pdf = documents.to_pdf(docx, tmp_path)
    if pdf is None:
        pytest.skip("LibreOffice is not installed")

    def fields(e):
        return [(t.content, t.deadline, t.status, t.source_number, t.source_date, t.completed_on) for t in e.tasks]

    assert fields(extract(read_file(pdf))) == fields(extract(read_file(docx)))
