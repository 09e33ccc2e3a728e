"""Word, Excel, HTML and PDF renderings of the periodic reports. Pure: no database.

The data-assembly code fills the dataclasses of `model` and calls:

- `render_report_docx(report, template=None) -> bytes`: the report in the format of
  Nghị định 30/2020/NĐ-CP (DOMAIN §6), appendices on landscape pages.
- `render_appendix_docx(appendix, header=None, template=None) -> bytes`: one appendix, landscape.
- `render_appendix_xlsx(appendix, header=None) -> bytes`: the appendix as an Excel sheet.
- `render_report_html(report) -> str`: a print-friendly HTML page (A4).
- `docx_to_pdf(docx_bytes, timeout=...) -> bytes | None`: PDF through LibreOffice, None when
  LibreOffice is not installed.
- `validate_template(data, kind) -> list[str]`: check a template a clerk uploads.

Errors carry a Vietnamese message: `RenderError`, `TemplateError`, `ConversionError`.
"""

from dieuhanh.reports.render.docx import render_appendix_docx, render_report_docx
from dieuhanh.reports.render.errors import ConversionError, RenderError, TemplateError
from dieuhanh.reports.render.html import render_report_html
from dieuhanh.reports.render.model import (
    Appendix,
    AppendixSection,
    Authority,
    Block,
    Bullet,
    Figure,
    OfficialHeader,
    Paragraph,
    Report,
    Run,
    Section,
    SignatureBlock,
    TaskRow,
    assigned_tasks_sections,
)
from dieuhanh.reports.render.pdf import docx_to_pdf
from dieuhanh.reports.render.templates import TemplateKind, default_template, validate_template
from dieuhanh.reports.render.xlsx import render_appendix_xlsx

__all__ = [
    "Appendix",
    "AppendixSection",
    "Authority",
    "Block",
    "Bullet",
    "ConversionError",
    "Figure",
    "OfficialHeader",
    "Paragraph",
    "RenderError",
    "Report",
    "Run",
    "Section",
    "SignatureBlock",
    "TaskRow",
    "TemplateError",
    "TemplateKind",
    "assigned_tasks_sections",
    "default_template",
    "docx_to_pdf",
    "render_appendix_docx",
    "render_appendix_xlsx",
    "render_report_docx",
    "render_report_html",
    "validate_template",
]
