"""The default report through LibreOffice to PDF and through pdftoppm to PNG: pages exist, are
A4, and the appendix pages are landscape. The PNGs stay in tests/artifacts/render/ (ignored by
git) for a person to look at."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dieuhanh.reports.render import docx_to_pdf
from dieuhanh.reports.render.pdf import libreoffice_path

pytestmark = pytest.mark.render

ARTIFACTS = Path(__file__).resolve().parents[3] / "tests" / "artifacts" / "render"
A4 = (595, 842)  # points


def _need(program: str) -> None:
    if shutil.which(program) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is not installed; CI must install it (./dev test does)")
        pytest.skip(f"{program} is not installed")


def _page_sizes(pdf: Path) -> list[tuple[int, int]]:
    _need("pdfinfo")
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return [(round(float(w)), round(float(h))) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def test_report_converts_to_a4_pages_with_a_landscape_appendix(seed_docx: bytes) -> None:
    # One test, not several: under xdist they would share the artifact folder.
    if libreoffice_path() is None:
        _need("soffice")
    _need("pdftoppm")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("page-*.png"):
        old.unlink()

    pdf_bytes = docx_to_pdf(seed_docx, timeout=120)
    pdf = ARTIFACTS / "seed_report.pdf"
    pdf.write_bytes(pdf_bytes or b"")
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(ARTIFACTS / "page")], check=True, timeout=120)

    sizes = _page_sizes(pdf)
    assert len(sizes) >= 5
    assert sizes[0] == A4
    first_landscape = sizes.index(A4[::-1])  # the appendix
    assert all(s == A4 for s in sizes[:first_landscape])
    assert all(s == A4[::-1] for s in sizes[first_landscape:])
    pngs = sorted(ARTIFACTS.glob("page-*.png"))
    assert len(pngs) == len(sizes)
    for png in pngs:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert png.stat().st_size > 2000  # not blank


def test_no_libreoffice_means_no_pdf(monkeypatch: pytest.MonkeyPatch, seed_docx: bytes) -> None:
    monkeypatch.setattr("dieuhanh.reports.render.pdf.libreoffice_path", lambda: None)

    assert docx_to_pdf(seed_docx) is None
