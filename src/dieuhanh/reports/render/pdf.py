"""PDF from a generated Word file, through LibreOffice when the machine has it.

- `libreoffice_path() -> str | None`: the `soffice` (or `libreoffice`) program, if installed.
- `docx_to_pdf(docx_bytes, timeout=60) -> bytes | None`: the PDF; None when LibreOffice is not
  installed; `ConversionError` (Vietnamese message) when it fails or runs out of time.

Each conversion uses its own LibreOffice profile in a temporary folder: two conversions at
once (two clerks, two workers) would otherwise fight over one profile and one of them fail.
The program runs in its own process group, so a timeout ends it and its helpers.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from dieuhanh.reports.render.errors import ConversionError

DEFAULT_TIMEOUT = 60.0  # a cold start takes 2-5 s; a 30-page report another second or two


def libreoffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx_bytes: bytes, timeout: float = DEFAULT_TIMEOUT) -> bytes | None:
    program = libreoffice_path()
    if program is None:
        return None
    with tempfile.TemporaryDirectory(prefix="dieuhanh-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "report.docx"
        source.write_bytes(docx_bytes)
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(folder),
            str(source),
        ]
        with subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            env={**os.environ, "HOME": tmp},
        ) as process:
            try:
                _, stderr = process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                _kill_group(process)
                process.communicate()
                message = f"Chuyển sang PDF quá {timeout:.0f} giây nên đã dừng."
                raise ConversionError(message + " Hãy tải bản Word (.docx) rồi in từ Word.") from None
        target = folder / "report.pdf"
        if process.returncode != 0 or not target.exists():
            detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] if stderr else []
            raise ConversionError("LibreOffice không chuyển được văn bản sang PDF.", detail)
        return target.read_bytes()


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
