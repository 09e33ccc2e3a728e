"""Extraction speed, run on demand (not in the test suite):

    .venv/bin/python benchmarks/bench_extraction.py [--runs 7]

Builds a 50-page tracking report as DOCX (python-docx), its PDF (LibreOffice) and a 50-page
text document (the seeds repeated), then extracts each several times and prints the median
against the targets of issue 4 (DOCX or text under 1 s, PDF under 2 s). The machine has two
noisy cores: the median of several runs is the figure to keep.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.extraction import documents  # noqa: E402

from dieuhanh.extraction.extractors import extract  # noqa: E402
from dieuhanh.extraction.readers import read_file  # noqa: E402

SEEDS = ROOT / "src" / "dieuhanh" / "demo" / "seeds"
CHARS_PER_PAGE = 3000  # an A4 page of 13-14 pt Times New Roman holds about this much text


def _time(path: Path, runs: int) -> tuple[float, int]:
    times = []
    tasks = 0
    for _ in range(runs):
        start = time.perf_counter()
        result = extract(read_file(path))
        times.append(time.perf_counter() - start)
        tasks = len(result.tasks)
    return statistics.median(times), tasks


def _pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        return len(pdf)
    finally:
        pdf.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rows", type=int, default=250, help="tracking rows; about 50 pages of PDF")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docx = documents.tracking_docx(folder / "bao-cao.docx", rows=args.rows)
        pdf = documents.to_pdf(docx, folder)
        seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
        body = seeds
        while len(body) < 50 * CHARS_PER_PAGE:
            body += "\n\n" + seeds
        text = folder / "van-ban.txt"
        text.write_text(body[: 50 * CHARS_PER_PAGE + 2000], encoding="utf-8")
        pdf_pages = _pdf_pages(pdf) if pdf is not None else 0
        # A 50-page report of running text (no tables) as DOCX and PDF: the common case.
        from docx import Document

        prose = Document()
        for line in body[: 50 * CHARS_PER_PAGE].splitlines():
            if line.strip() and "\t" not in line:
                prose.add_paragraph(line.strip().lstrip("#* "))
        prose_docx = folder / "van-ban-chu.docx"
        prose.save(prose_docx)
        prose_pdf = documents.to_pdf(prose_docx, folder)
        rows = [
            ("text", text, 1.0, f"{len(text.read_text()) // CHARS_PER_PAGE}"),
            ("docx", docx, 1.0, f"{pdf_pages} (as printed)"),
        ]
        if pdf is not None:
            rows.append(("pdf", pdf, 2.0, str(pdf_pages)))
        if prose_pdf is not None:
            rows.append(("pdf", prose_pdf, 2.0, f"{_pdf_pages(prose_pdf)} (text only)"))
        print(f"{'file':5} {'pages':>16} {'tasks':>6} {'median s':>9} {'target s':>9}")
        for kind, path, target, pages in rows:
            median, tasks = _time(path, args.runs)
            flag = "ok" if median < target else "SLOW"
            print(f"{kind:5} {pages:>16} {tasks:>6} {median:>9.3f} {target:>9.1f}  {flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
