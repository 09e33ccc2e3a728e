"""DOCX templates: the defaults shipped with the app, and checks on a template a clerk uploads.

A template is a Word file with docxtpl placeholders (docs/REPORT_TEMPLATES.md). Templates are
rendered in a sandboxed Jinja environment with strict undefined names: an uploaded file cannot
reach Python objects, and a misspelt placeholder is an error, not a silent blank.

- `TemplateKind`: REPORT (the whole report) or APPENDIX (the appendix alone).
- `default_template(kind) -> bytes`: the shipped template.
- `template_bytes(kind, template)`: the bytes of `template` (bytes, path or file), or the default.
- `check_package(data)`: size, zip structure, compression ratio, no macros or DTDs; raises
  `TemplateError`.
- `validate_template(data, kind) -> list[str]`: `check_package`, then renders sample data with
  the template; returns warnings (e.g. no appendix table), raises `TemplateError` with the
  problems in Vietnamese.
- `jinja_env()`: the environment every template is rendered with.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import IO, Any

from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from dieuhanh.reports.render.errors import TemplateError

MAX_TEMPLATE_BYTES = 10 * 1024 * 1024  # a report template with a logo is well under 1 MB
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_RATIO = 100  # XML compresses ~10x; a zip bomb, thousands of times
MAX_RANGE = 1000  # range() in a template: enough for layout, too little to hang the server

TemplateSource = bytes | str | os.PathLike[str] | IO[bytes]


class TemplateKind(StrEnum):
    REPORT = "report"
    APPENDIX = "appendix"

    @property
    def label(self) -> str:
        return {TemplateKind.REPORT: "mẫu báo cáo", TemplateKind.APPENDIX: "mẫu phụ lục"}[self]


@cache
def default_template(kind: TemplateKind) -> bytes:
    return (resources.files("dieuhanh.reports") / "docx_templates" / f"{kind.value}.docx").read_bytes()


def template_bytes(kind: TemplateKind, template: TemplateSource | None) -> bytes:
    if template is None:
        return default_template(kind)
    if isinstance(template, bytes):
        return template
    if isinstance(template, str | os.PathLike):
        with open(template, "rb") as fh:
            return fh.read()
    return template.read()


def _safe_range(*args: int) -> range:
    r = range(*args)
    if len(r) > MAX_RANGE:
        raise SecurityError(f"range() quá lớn ({len(r)} phần tử, tối đa {MAX_RANGE}).")
    return r


def jinja_env() -> SandboxedEnvironment:
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.globals["range"] = _safe_range
    return env


def check_package(data: bytes) -> None:
    """Reject what is not a plain .docx before anything parses it."""
    if len(data) > MAX_TEMPLATE_BYTES:
        size, limit = len(data) / 1024 / 1024, MAX_TEMPLATE_BYTES // 1024 // 1024
        raise TemplateError(f"Tệp mẫu quá lớn ({size:.1f} MB); tối đa {limit} MB.")
    if not data or not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError("Tệp tải lên không phải tài liệu Word (.docx). Hãy lưu mẫu bằng Word với định dạng .docx.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise TemplateError(
                    f"Tệp mẫu chứa quá nhiều thành phần ({len(infos)}); không phải mẫu văn bản thông thường."
                )
            unpacked = sum(i.file_size for i in infos)
            if unpacked > MAX_UNPACKED_BYTES:
                raise TemplateError("Tệp mẫu khi giải nén quá lớn; không phải mẫu văn bản thông thường.")
            for info in infos:
                if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise TemplateError("Tệp mẫu có tỷ lệ nén bất thường (có thể là tệp độc hại); không thể dùng.")
            names = {i.filename for i in infos}
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise TemplateError("Tệp tải lên không phải tài liệu Word (.docx): thiếu phần nội dung văn bản.")
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                raise TemplateError("Mẫu có chứa macro (.docm): không chấp nhận. Hãy lưu lại dưới dạng .docx.")
            content_types = archive.read("[Content_Types].xml")
            if b"macroEnabled" in content_types:
                raise TemplateError("Mẫu có chứa macro (.docm): không chấp nhận. Hãy lưu lại dưới dạng .docx.")
            for name in names:
                if name.endswith(".xml") or name.endswith(".rels"):
                    head = archive.read(name)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise TemplateError("Mẫu chứa khai báo XML không được phép (DOCTYPE/ENTITY).")
    except zipfile.BadZipFile as exc:
        raise TemplateError("Tệp mẫu bị hỏng, không mở được. Hãy lưu lại bằng Word rồi tải lên.") from exc


def describe_jinja_error(exc: Exception) -> str:
    """A Vietnamese sentence for a template error a clerk can act on."""
    near = ""
    context = [line.strip() for line in getattr(exc, "docx_context", None) or [] if line.strip()]
    if context:
        near = f" (gần đoạn: “{' … '.join(context)[:120]}”)"
    if isinstance(exc, TemplateSyntaxError):
        message = exc.message or ""
        if "Unexpected end of template" in message or "endif" in message or "endfor" in message:
            problem = "một lệnh {% if %} hoặc {% for %} thiếu {% endif %} / {% endfor %} tương ứng"
        else:
            problem = f"trường trộn viết sai ({message})"
        return f"Lỗi cú pháp{near}: {problem}. Kiểm tra các cặp {{{{ }}}} và {{% %}}."
    if isinstance(exc, SecurityError) or "unsafe" in str(exc):
        return "Mẫu dùng lệnh không được phép (truy cập vào bên trong chương trình)."
    if isinstance(exc, UndefinedError):
        match = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", exc.message or "")
        name = next((g for g in match.groups() if g), "") if match else ""
        field = f"“{name}”" if name else "một trường"
        return f"Mẫu dùng {field} không có trong dữ liệu báo cáo{near}; xem các trường trong hướng dẫn mẫu."
    return f"Không trộn được dữ liệu vào mẫu{near}: {exc}."


def render_checked(render: Any, *args: Any, **kwargs: Any) -> Any:
    """Call a renderer, turning Jinja and XML failures into `TemplateError`."""
    from jinja2.exceptions import TemplateError as JinjaTemplateError
    from lxml.etree import XMLSyntaxError

    try:
        return render(*args, **kwargs)
    except (JinjaTemplateError, SecurityError) as exc:
        raise TemplateError("Mẫu văn bản không dùng được.", [describe_jinja_error(exc)]) from exc
    except XMLSyntaxError as exc:
        raise TemplateError(
            "Mẫu văn bản không dùng được.",
            ["Trường trộn nằm ở chỗ làm hỏng cấu trúc văn bản (ví dụ {%p %} và {%tr %} lồng sai chỗ)."],
        ) from exc


def validate_template(data: bytes, kind: TemplateKind = TemplateKind.REPORT) -> list[str]:
    """Check an uploaded template end to end; return warnings, raise `TemplateError`."""
    from docx import Document

    from dieuhanh.reports.render.docx import render_appendix_docx, render_report_docx
    from dieuhanh.reports.render.sample import sample_report

    check_package(data)
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise TemplateError("Word không mở được tệp mẫu này; hãy lưu lại bằng Word (.docx) rồi tải lên.") from exc
    xml = document.element.xml
    warnings = []
    if "{{" not in xml and "{%" not in xml:
        raise TemplateError(
            f"Tệp không có trường trộn nào ({{{{ ... }}}}): đây chưa phải {kind.label}. "
            "Hãy tải mẫu mặc định về, sửa rồi tải lên."
        )
    report = sample_report()
    if kind is TemplateKind.REPORT:
        output = render_checked(render_report_docx, report, template=data)
        if "appendices" not in xml:
            warnings.append("Mẫu không có phần phụ lục ({%p for appendix in appendices %}): phụ lục sẽ không được in.")
        if "body" not in xml:
            warnings.append("Mẫu không có {{p body }}: nội dung báo cáo sẽ không được in.")
    else:
        output = render_checked(render_appendix_docx, report.appendices[0], header=report.header, template=data)
        if "appendix.rows" not in xml:
            warnings.append("Mẫu không có bảng nhiệm vụ ({%tr for row in appendix.rows %}).")
    try:
        Document(io.BytesIO(output))
    except Exception as exc:
        raise TemplateError("Văn bản trộn từ mẫu này bị hỏng; hãy bắt đầu lại từ mẫu mặc định.") from exc
    return warnings
