"""Test documents built once per session: DOCX with python-docx, PDF from them by LibreOffice
(the PDF tests are skipped where LibreOffice is missing; `./dev test` installs it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extraction import documents


@pytest.fixture(scope="session")
def docx_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("docx")
    return {
        "conclusion": documents.conclusion_docx(folder / "conclusion.docx"),
        "plan": documents.plan_docx(folder / "plan.docx"),
        "tracking": documents.tracking_docx(folder / "tracking.docx"),
    }


@pytest.fixture(scope="session")
def pdf_files(docx_files, tmp_path_factory) -> dict[str, Path]:
    import subprocess

    folder = tmp_path_factory.mktemp("pdf")
    cmd = documents.soffice_command(folder, *docx_files.values())
    if cmd is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    return {key: folder / (path.stem + ".pdf") for key, path in docx_files.items()}
