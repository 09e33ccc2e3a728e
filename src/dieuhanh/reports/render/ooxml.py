"""WordprocessingML pieces written directly (fast, and exactly what ND 30/2020 asks for).

- `lines_xml(lines)`: body paragraphs as XML, each in its style, for `{{p body }}`.
- `ensure_styles(document)`: adds the paragraph styles of `styles.STYLES` that a template
  lacks (an uploaded template keeps its own versions of those it has), and sets the document
  defaults to Times New Roman, Vietnamese.
- `set_page(section, geometry)`: A4 size, orientation and margins.
- `set_top_border(paragraph_format_element)`: the single rule drawn under a header line.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section as DocxSection
from docx.shared import Mm, Pt, RGBColor, Twips

from dieuhanh.reports.render.context import Line
from dieuhanh.reports.render.styles import (
    BODY_SIZE,
    FONT,
    LINE_SPACING,
    STYLES,
    PageGeometry,
    ParaStyle,
    style_named,
)

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _text_xml(text: str) -> str:
    """Runs' inner XML: text with line breaks and tabs as Word elements."""
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return "".join(parts)


def lines_xml(lines: Iterable[Line]) -> str:
    out = []
    for line in lines:
        style_id = style_named(line.style).style_id
        runs = []
        for run in line.runs:
            props = ("<w:b/><w:bCs/>" if run.bold else "") + ("<w:i/><w:iCs/>" if run.italic else "")
            rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
            runs.append(f"<w:r>{rpr}{_text_xml(run.text)}</w:r>")
        out.append(f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{"".join(runs)}</w:p>')
    return "".join(out)


def _set_fonts(rpr: Any, size: float | None = None) -> None:
    """Times New Roman for every script slot, Vietnamese as the language (spell-checking)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "en-US")
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                rpr.append(el)
            el.set(qn("w:val"), str(round(size * 2)))


def set_document_defaults(document: Any) -> None:
    styles_el = document.styles.element
    doc_defaults = styles_el.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = OxmlElement("w:docDefaults")
        styles_el.insert(0, doc_defaults)
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        doc_defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_fonts(rpr, size=BODY_SIZE)


def define_style(document: Any, spec: ParaStyle) -> None:
    styles = document.styles
    style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), spec.style_id)
    style.base_style = styles["Normal"]
    style.quick_style = spec.key not in ("control", "rule")
    font = style.font
    font.name = FONT
    font.size = Pt(spec.size)
    font.bold = spec.bold
    font.italic = spec.italic
    font.all_caps = spec.caps or None
    if spec.color:
        font.color.rgb = RGBColor.from_string(spec.color)
    _set_fonts(style.element.get_or_add_rPr(), size=spec.size)
    pf = style.paragraph_format
    pf.alignment = ALIGN[spec.align]
    pf.first_line_indent = Mm(spec.first_line_mm)
    pf.left_indent = Mm(0)
    pf.right_indent = Mm(0)
    pf.space_before = Pt(spec.before_pt)
    pf.space_after = Pt(spec.after_pt)
    pf.keep_with_next = spec.keep_with_next or None
    pf.widow_control = True
    pf.line_spacing = LINE_SPACING
    if spec.key == "rule":
        # An empty 1 pt paragraph whose top border is the rule. (Exact line spacing would be
        # shorter, but LibreOffice then draws the border over the line above.)
        set_top_border(style.element.get_or_add_pPr())


def ensure_styles(document: Any) -> None:
    """Add the styles of `STYLES` missing from `document` (matched by style id)."""
    present = {el.get(qn("w:styleId")) for el in document.styles.element.findall(qn("w:style"))}
    for spec in STYLES:
        if spec.style_id not in present:
            define_style(document, spec)


def set_top_border(ppr: Any) -> None:
    """A single solid 0.75 pt line above the paragraph (ND 30/2020: "nét liền")."""
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        # pBdr comes after keepNext/keepLines/pageBreakBefore/framePr/widowControl/numPr/suppressLineNumbers
        # and before shd/tabs/spacing/ind/jc in CT_PPr order; insert before the first later element.
        later = (
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        )
        anchor = next((c for c in ppr if c.tag in {qn(t) for t in later}), None)
        if anchor is None:
            ppr.append(borders)
        else:
            anchor.addprevious(borders)
    top = borders.find(qn("w:top"))
    if top is None:
        top = OxmlElement("w:top")
        borders.insert(0, top)
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), "6")
    top.set(qn("w:space"), "0")
    top.set(qn("w:color"), "000000")


def _twips_up(mm: float) -> Twips:
    return Twips(math.ceil(mm * 1440 / 25.4))


def set_page(section: DocxSection, geometry: PageGeometry) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if geometry.landscape else WD_ORIENT.PORTRAIT
    section.page_width = Mm(geometry.width)
    section.page_height = Mm(geometry.height)
    # Margins sit at the lower bounds of ND 30/2020's ranges: round them up to whole twips
    # (15 mm is 850.39 twips; 850 would be 14.99 mm).
    section.top_margin = _twips_up(geometry.top)
    section.bottom_margin = _twips_up(geometry.bottom)
    section.left_margin = _twips_up(geometry.left)
    section.right_margin = _twips_up(geometry.right)
    section.header_distance = Mm(geometry.header_distance)
    section.footer_distance = Mm(geometry.header_distance)
    section.gutter = Mm(0)
