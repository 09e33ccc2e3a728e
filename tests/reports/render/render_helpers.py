"""Reading generated Word files back: effective formatting through the style chain."""

from __future__ import annotations

import dataclasses
import io
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Length

from dieuhanh.reports.render import Report


def open_docx(data: bytes) -> Any:
    return Document(io.BytesIO(data))


def with_header(report: Report, **changes: object) -> Report:
    return dataclasses.replace(report, header=dataclasses.replace(report.header, **changes))


def mm(length: Length | None) -> float:
    return 0.0 if length is None else length.mm


def style_value(paragraph: Any, getter: Any) -> Any:
    """The first value `getter(style)` gives along the paragraph's style chain."""
    style = paragraph.style
    while style is not None:
        value = getter(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def font_size(paragraph: Any) -> float:
    for run in paragraph.runs:
        if run.font.size is not None:
            return run.font.size.pt
    return style_value(paragraph, lambda s: s.font.size).pt


def is_bold(paragraph: Any) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    if runs and all(r.bold for r in runs):
        return True
    return bool(style_value(paragraph, lambda s: s.font.bold))


def is_italic(paragraph: Any) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    if runs and all(r.italic for r in runs):
        return True
    return bool(style_value(paragraph, lambda s: s.font.italic))


def font_name(document: Any, paragraph: Any) -> str:
    name = style_value(paragraph, lambda s: s.font.name)
    if name:
        return name
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    return defaults.find(qn("w:rFonts")).get(qn("w:ascii"))


def paragraph_format(paragraph: Any, attr: str) -> Any:
    value = getattr(paragraph.paragraph_format, attr)
    if value is not None:
        return value
    return style_value(paragraph, lambda s: getattr(s.paragraph_format, attr))


def all_paragraphs(document: Any) -> list[Any]:
    """Body paragraphs and those inside tables, in document order."""
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    out = []
    for p in document.element.body.iter(qn("w:p")):
        tc = next(p.iterancestors(qn("w:tc")), None)
        parent = _Cell(tc, document) if tc is not None else document
        out.append(Paragraph(p, parent))
    return out


def texts(paragraphs: list[Any]) -> list[str]:
    return [p.text for p in paragraphs]
