"""Property tests: whatever text or document the readers and extractors are fed, they never
crash: they propose, or they refuse with a `ReadError`."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dieuhanh.extraction.errors import ReadError
from dieuhanh.extraction.extractors import extract
from dieuhanh.extraction.readers import read_bytes

SEEDS = sorted((Path(__file__).resolve().parents[2] / "src" / "dieuhanh" / "demo" / "seeds").glob("*.txt"))
PIECES = [
    "Số: ",
    "/BC-",
    "ngày ",
    "tháng ",
    "năm ",
    "Quý II",
    "Tháng 13",
    "31/02/2024",
    "trước ngày ",
    "- ",
    "+ ",
    "\t",
    "I. ",
    "1. ",
    "1.1. ",
    "a) ",
    "Phần II",
    "Đối với ",
    "Văn phòng Sở",
    "Giao Sở ",
    " chủ trì, phối hợp với ",
    "Nơi nhận:",
    "Phụ lục",
    "KT. GIÁM ĐỐC",
    "\n",
    "\n\n",
    "**",
    "#",
    "¹",
    "\f",
    "TT\tNội dung\tThời hạn\n",
    "ĐÃ THỰC HIỆN",
    "Đang thực hiện",
    "114-KH/TU",
    "29/2023/QĐ-TTg",
    "Nhiệm vụ quý IV",
    "thường xuyên",
]

vietnamese_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=80).map("".join)


def _run(data: bytes, name: str) -> None:
    try:
        result = extract(read_bytes(data, name))
    except ReadError as exc:
        message = exc.message
        assert message, "a refusal always says why"
        return
    result.as_json()
    for task in result.tasks:
        assert task.content


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vietnamese_text)
def test_any_text_is_read_and_extracted_without_crashing(text):
    _run(text.encode("utf-8", "surrogatepass"), "van-ban.txt")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.docx", "a.pdf", "a.md", "a"]))
def test_any_bytes_are_refused_or_read_without_crashing(data, name):
    _run(data, name)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), st.sampled_from(SEEDS))
def test_mutated_real_documents_never_crash(rnd: random.Random, path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    for _ in range(rnd.randint(1, 30)):
        op = rnd.randrange(5)
        i = rnd.randrange(len(lines))
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rnd.randrange(len(lines))])
        elif op == 2:
            cut = rnd.randrange(len(lines[i]) + 1)
            lines[i : i + 1] = [lines[i][:cut], lines[i][cut:]]
        elif op == 3:
            lines[i] = rnd.choice(PIECES) + lines[i]
        else:
            j = rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
    _run("\n".join(lines).encode(), path.name)


@pytest.mark.render
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_mutated_docx_and_pdf_files_never_crash(docx_files, pdf_files, rnd: random.Random):
    source = rnd.choice(list(docx_files.values()) + list(pdf_files.values()))
    data = bytearray(source.read_bytes())
    if source.suffix == ".docx" and rnd.random() < 0.5:
        # Damage document.xml inside a valid zip.
        buffer = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as zin, zipfile.ZipFile(buffer, "w") as zout:
            for item in zin.infolist():
                content = zin.read(item.filename)
                if item.filename == "word/document.xml":
                    cut = rnd.randrange(len(content))
                    content = content[:cut] + content[cut + rnd.randrange(1, 200) :]
                zout.writestr(item, content)
        data = bytearray(buffer.getvalue())
    else:
        for _ in range(rnd.randint(1, 20)):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
    _run(bytes(data), source.name)
