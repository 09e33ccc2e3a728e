"""The report as one print-friendly HTML page (A4 pages on screen, ND 30/2020 layout in print).

- `render_report_html(report) -> str`: header, body, signature and recipients on portrait
  pages; each appendix on a landscape page (CSS named page), its column headings repeated on
  every printed page. Same numbering and wording as the DOCX (both read `context`).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup, escape

from dieuhanh.reports.render.context import (
    appendix_context,
    flatten_body,
    header_context,
    signature_context,
)
from dieuhanh.reports.render.model import Report
from dieuhanh.reports.render.styles import (
    APPENDIX_COLUMNS_MM,
    APPENDIX_HEADERS,
    HEADER_CELL_MARGIN_MM,
    HEADER_COLUMNS_MM,
    MOTTO,
    NATIONAL_NAME,
    PORTRAIT,
    RULE_FRACTION,
    RULE_MIN_MM,
    SIGNATURE_COLUMNS_MM,
    SIGNATURE_SPACE_PT,
    style_named,
)
from dieuhanh.reports.render.text import text_width_mm


def _nl2br(value: object) -> Markup:
    return Markup("<br>").join(escape(str(value)).split("\n"))


@cache
def _template():
    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["nl2br"] = _nl2br
    source = (resources.files("dieuhanh.reports.render") / "report.html.j2").read_text(encoding="utf-8")
    return env.from_string(source)


def _rule(text: str, key: str, available_mm: float, *, full: bool = False) -> float:
    style = style_named(key)
    width = min(text_width_mm(text, style.size, style.bold), available_mm)
    return round(width if full else max(RULE_FRACTION * width, RULE_MIN_MM), 1)


def render_report_html(report: Report) -> str:
    header = header_context(report.header)
    left = HEADER_COLUMNS_MM[0] - 2 * HEADER_CELL_MARGIN_MM
    right = HEADER_COLUMNS_MM[1] - 2 * HEADER_CELL_MARGIN_MM
    rules = {
        "issuing_body": _rule(header["issuing_body"], "issuing_body", left),
        "motto": _rule(MOTTO, "motto", right, full=True),
        "summary": _rule(header["summary"], "summary", PORTRAIT.text_width),
    }
    return _template().render(
        header=header,
        national_name=NATIONAL_NAME,
        motto=MOTTO,
        rules=rules,
        lines=flatten_body(report),
        signature=signature_context(report.signature),
        recipients=report.recipient_lines,
        appendices=[appendix_context(a, report.header) for a in report.appendices],
        page=PORTRAIT,
        header_columns=HEADER_COLUMNS_MM,
        signature_columns=SIGNATURE_COLUMNS_MM,
        signature_space=SIGNATURE_SPACE_PT,
        appendix_columns=APPENDIX_COLUMNS_MM,
        appendix_headers=APPENDIX_HEADERS,
    )
