"""Word documents (.docx) with python-docx, in body order.

`read_docx(data, name) -> Blocks`:
- paragraphs with their Word numbering rendered as written on the page: a bullet list gives
  `Bullet`s with their level (ilvl) and marker ("-" or "+"); a numbered list puts its number
  ("1.", "a)", "II.") in front of the text, so numbering reads the same as in typed documents;
  numbering may come from the paragraph or from its style;
- heading styles ("Heading 2", "Title") give `Heading`s; manual line breaks split paragraphs;
- page breaks (typed or rendered) give `PageBreak`s, so repairs can join what they split;
- tables, read from the XML grid: a cell spanning columns (gridSpan) or rows (vMerge) is
  repeated in every cell it covers; a nested table's text stays in its cell;
- content controls (w:sdt) are read through.
The XML is walked directly: python-docx's `row.cells` recomputes the grid for each row, too slow
for a 50-page tracking table.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from dieuhanh.core.text import nfc
from dieuhanh.extraction.blocks import Block, Blocks, Bullet, Heading, PageBreak, Paragraph, Table
from dieuhanh.extraction.errors import ReadError
from dieuhanh.extraction.readers import register

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def _format(n: int, fmt: str) -> str:
    if fmt in {"lowerLetter", "upperLetter"}:
        # Vietnamese lists run a, b, c, d, đ, e ... in typed text; Word counts a-z.
        s = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26]
        return s.upper() if fmt == "upperLetter" else s
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Numbering:
    """Word's numbering definitions and the running counters of each list."""

    def __init__(self, doc: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstractNumId -> ilvl -> (fmt, text, start)
        self.num_to_abstract: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for absnum in root.iter(f"{W}abstractNum"):
            aid = absnum.get(f"{W}abstractNumId")
            lvls: dict[int, tuple[str, str, int]] = {}
            for lvl in absnum.iter(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl", "0"))
                fmt_el, text_el, start_el = (
                    lvl.find(f"{W}numFmt"),
                    lvl.find(f"{W}lvlText"),
                    lvl.find(f"{W}start"),
                )
                fmt = fmt_el.get(f"{W}val") if fmt_el is not None else "decimal"
                text = text_el.get(f"{W}val") if text_el is not None else ""
                start = int(start_el.get(f"{W}val", "1")) if start_el is not None else 1
                lvls[ilvl] = (fmt or "decimal", text or "", start)
            self.levels[aid] = lvls
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                self.num_to_abstract[num.get(f"{W}numId")] = ref.get(f"{W}val")

    def render(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """(kind, label): ("bullet", "-") or ("number", "1.") for the next item of that list."""
        aid = self.num_to_abstract.get(num_id)
        if aid is None or num_id == "0":
            return None
        lvls = self.levels.get(aid, {})
        fmt, text, start = lvls.get(ilvl, ("bullet", "-", 1))
        if fmt == "bullet":
            # "+" and the hollow or square marks are second-level points in Vietnamese lists.
            return "bullet", "+" if any(c in text for c in "+o◦○▪■§") else "-"
        if fmt == "none":
            return None
        counters = self.counters.setdefault(aid, [0] * 9)
        ilvl = min(ilvl, 8)
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0

        def level_value(m: re.Match[str]) -> str:
            k = int(m[1]) - 1
            f, _, s = lvls.get(k, ("decimal", "", 1))
            return _format(counters[k] or s, f)

        return "number", re.sub(r"%(\d)", level_value, text).strip()


class _Styles:
    def __init__(self, doc: Any) -> None:
        self.by_id: dict[str, Any] = {}
        try:
            for st in doc.styles.element.iter(f"{W}style"):
                self.by_id[st.get(f"{W}styleId")] = st
        except Exception:  # no styles part: plain paragraphs
            pass

    def chain(self, style_id: str | None) -> Iterator[Any]:
        seen = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            st = self.by_id[style_id]
            yield st
            based = st.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        for st in self.chain(style_id):
            numpr = st.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                num = numpr.find(f"{W}numId")
                lvl = numpr.find(f"{W}ilvl")
                if num is not None:
                    return num.get(f"{W}val"), int(lvl.get(f"{W}val", "0")) if lvl is not None else 0
        return None

    def list_level(self, style_id: str | None) -> int:
        """Word's "List Bullet 2", "List Number 3" styles are deeper lists with their own numId."""
        for st in self.chain(style_id):
            name_el = st.find(f"{W}name")
            name = (name_el.get(f"{W}val") if name_el is not None else "").lower()
            m = re.match(r"list (?:bullet|number|continue|paragraph)\s*(\d)", name)
            if m:
                return int(m[1]) - 1
        return 0

    def heading_level(self, style_id: str | None) -> int | None:
        for st in self.chain(style_id):
            name_el = st.find(f"{W}name")
            name = (name_el.get(f"{W}val") if name_el is not None else "").lower()
            m = re.match(r"heading\s*(\d)", name)
            if m:
                return int(m[1])
            if name == "title":
                return 0
            outline = st.find(f"{W}pPr/{W}outlineLvl")
            if outline is not None:
                return int(outline.get(f"{W}val", "0")) + 1
        return None


def _paragraph_text(p: Any) -> tuple[str, bool]:
    """Text of a w:p (tabs, line breaks kept) and whether a page break falls in it."""
    parts: list[str] = []
    page_break = False
    for el in p.iter():
        tag = el.tag
        if tag == f"{W}t":
            parts.append(el.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            if el.get(f"{W}type") == "page":
                page_break = True
                parts.append("\n")
            else:
                parts.append("\n")
        elif tag == f"{W}lastRenderedPageBreak":
            page_break = True
        elif tag == f"{W}delText":
            continue
    ppr = p.find(f"{W}pPr")
    if ppr is not None and ppr.find(f"{W}pageBreakBefore") is not None:
        page_break = True
    return "".join(parts), page_break


def _cell_text(tc: Any) -> str:
    lines: list[str] = []
    for el in tc:
        if el.tag == f"{W}p":
            lines.append(_paragraph_text(el)[0].strip())
        elif el.tag == f"{W}tbl":
            for tr in el.iter(f"{W}tr"):
                lines.append(" ".join(_cell_text(c) for c in tr.findall(f"{W}tc")))
        elif el.tag == f"{W}sdt":
            content = el.find(f"{W}sdtContent")
            if content is not None:
                lines.append(_cell_text(content))
    return nfc("\n".join(x for x in lines if x))


def _table(tbl: Any) -> Table:
    rows: list[list[str]] = []
    above: dict[int, str] = {}  # grid column -> text of the vertically merged cell above
    for tr in tbl.findall(f"{W}tr"):
        row: list[str] = []
        col = 0
        for tc in tr.findall(f"{W}tc"):
            tcpr = tc.find(f"{W}tcPr")
            span, vmerge = 1, None
            if tcpr is not None:
                gs = tcpr.find(f"{W}gridSpan")
                if gs is not None:
                    span = max(1, int(gs.get(f"{W}val", "1")))
                vm = tcpr.find(f"{W}vMerge")
                if vm is not None:
                    vmerge = vm.get(f"{W}val") or "continue"
            text = above.get(col, "") if vmerge == "continue" else _cell_text(tc)
            for k in range(span):
                row.append(text)
                above[col + k] = text
            col += span
        rows.append(row)
    return Table(rows=rows)


@register(".docx", ".docm", sniff=_is_docx)
def read_docx(data: bytes, name: str = "") -> Blocks:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise ReadError("unsupported", "Thiếu thư viện python-docx để đọc tệp Word.") from exc
    try:
        doc = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(
            "corrupt", f"Tệp Word “{name}” bị hỏng hoặc không đúng định dạng DOCX: không mở được ({exc})."
        ) from exc
    except Exception as exc:  # lxml errors on a damaged document.xml
        raise ReadError("corrupt", f"Tệp Word “{name}” bị hỏng: {type(exc).__name__}.") from exc
    numbering = _Numbering(doc)
    styles = _Styles(doc)
    blocks: list[Block] = []
    pages = 1

    def walk(container: Any) -> None:
        nonlocal pages
        for el in container:
            if el.tag == f"{W}sdt":
                content = el.find(f"{W}sdtContent")
                if content is not None:
                    walk(content)
            elif el.tag == f"{W}tbl":
                blocks.append(_table(el))
            elif el.tag == f"{W}p":
                text, page_break = _paragraph_text(el)
                if page_break:
                    pages += 1
                    blocks.append(PageBreak())
                text = nfc(text)
                if not text.strip():
                    continue
                ppr = el.find(f"{W}pPr")
                style_id = None
                num: tuple[str, int] | None = None
                if ppr is not None:
                    ps = ppr.find(f"{W}pStyle")
                    style_id = ps.get(f"{W}val") if ps is not None else None
                    numpr = ppr.find(f"{W}numPr")
                    if numpr is not None:
                        nid, lvl = numpr.find(f"{W}numId"), numpr.find(f"{W}ilvl")
                        if nid is not None:
                            num = (nid.get(f"{W}val"), int(lvl.get(f"{W}val", "0")) if lvl is not None else 0)
                if num is None:
                    num = styles.numbering(style_id)
                rendered = numbering.render(*num) if num else None
                lines = [x.strip() for x in text.split("\n") if x.strip()]
                if not lines:
                    continue
                first, rest = lines[0], lines[1:]
                heading = styles.heading_level(style_id)
                if rendered and rendered[0] == "bullet":
                    level = max(num[1] if num else 0, styles.list_level(style_id))
                    if rendered[1] == "+":
                        level = max(level, 1)
                    blocks.append(Bullet(text=first, level=level, marker="-" if level == 0 else "+"))
                elif rendered:
                    label = rendered[1]
                    first = f"{label} {first}" if label else first
                    blocks.append(Heading(text=first, level=heading) if heading is not None else Paragraph(text=first))
                elif heading is not None:
                    blocks.append(Heading(text=first, level=heading))
                else:
                    blocks.append(Paragraph(text=first))
                blocks.extend(Paragraph(text=x) for x in rest)

    walk(doc.element.body)
    return Blocks(blocks=blocks, source="docx", pages=pages)
