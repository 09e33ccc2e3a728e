"""Repairs of what conversion breaks, shared by every reader (DOMAIN §2).

`repair(blocks) -> Blocks` runs, in order:
- `strip_markup`: NFC, Markdown emphasis (`**`, `__`, stray `*`), escapes and footnote marks
  ("Xuất sắc”¹") out of the text; single spaces.
- `drop_footnotes`: footnote lines ("² ngày 30/10/2020 của Chính phủ ...") that a page break
  put in the middle of the text.
- `mark_bullets`: a paragraph typed as "- ...", "+ ...", "• ..." (or "- + ..." when Markdown
  wrapped a "+" item) becomes a `Bullet`; "+" is one level below "-".
- `join_split_paragraphs`: a paragraph that starts in lower case continues the paragraph or
  item before it, across a page break; so does one that starts with a number that is not a
  heading number, after a text that stops mid-sentence ("Nghị định số" / "130/2020/NĐ-CP").
- `join_tables`: a table continued on the next page (same width) is one table; a header row
  repeated on the new page is dropped; a row without its index cell that continues the row
  before (split by the page break) is merged into it, cell by cell.
"""

from __future__ import annotations

import re

from dieuhanh.core.text import fold, nfc
from dieuhanh.extraction.blocks import Block, Blocks, Bullet, Heading, PageBreak, Paragraph, Table

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FOOTNOTE_MARK = re.compile(rf"(?<![mc])[{_SUPERSCRIPTS}]+")
_FOOTNOTE_LINE = re.compile(rf"^\s*[{_SUPERSCRIPTS}]+\s*\S")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u202f\u3000]+")
# Typed markers, and the Symbol/Wingdings glyphs (private use area) Word's bullets become in a PDF;
# "o", "◦", "▪" and their kin mark second-level points.
_BULLET = re.compile(
    r"^\s*([-–—•·▪●◦○■□➢➤►✓*+\ue000-\uf8ff]|o(?=\s+[A-ZĐÀ-Ỹ]))(?:\s+|(?=[A-ZĐÀ-Ỹ“\"(]))(?:([-+•])\s+)?(.*)$"
)
_SECOND_LEVEL = set("+o◦○▪■□\uf0a7\uf06f")


def clean_text(text: str) -> str:
    text = nfc(text)
    text = _ESCAPE.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    text = _FOOTNOTE_MARK.sub("", text)
    return _SPACES.sub(" ", text).strip()


def strip_markup(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Table):
            b.rows = [[clean_text(c) for c in row] for row in b.rows]
            out.append(b)
            continue
        if isinstance(b, PageBreak):
            out.append(b)
            continue
        raw = nfc(b.text)
        # A bullet typed as "* text" must survive the removal of Markdown emphasis.
        m = re.match(r"^\s*\*\s+(?=\S)", raw)
        if m and not isinstance(b, Bullet) and not raw.rstrip().endswith("*"):
            raw = "- " + raw[m.end() :]
        if _FOOTNOTE_LINE.match(raw):
            b.text = "\x00footnote " + raw.strip()
            out.append(b)
            continue
        b.text = clean_text(raw)
        if b.text:
            out.append(b)
    return out


def drop_footnotes(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if not b.text.startswith("\x00footnote")]


def mark_bullets(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        if type(b) is Paragraph:
            m = _BULLET.match(b.text)
            if m and m[3].strip() and not re.match(r"^\d", m[3]):
                marker = m[2] or m[1]
                marker = "+" if marker in _SECOND_LEVEL else marker
                level = 1 if marker == "+" else 0
                out.append(Bullet(text=m[3].strip(), level=level, marker="+" if marker == "+" else "-"))
                continue
        elif isinstance(b, Bullet):
            m = _BULLET.match(b.text)
            if m and m[3].strip() and b.marker not in {"+"}:
                # A Word list item whose text still starts with a typed marker.
                if (m[2] or m[1]) == "+":
                    b.marker, b.level = "+", max(b.level, 1)
                b.text = m[3].strip()
        out.append(b)
    return out


_HEADING_NUMBER = re.compile(r"^(\d{1,2}(\.\d{1,2}){0,3}[.)]\s|[IVXLC]+[.)]\s|[a-zđ][)]\s)")
_ENDS_SENTENCE = re.compile(r"[.;:!?…)\]”\"]\s*$|\./\.$")


def _continues(prev: Block, cur: Paragraph) -> bool:
    text = cur.text
    if not text:
        return False
    first = text[0]
    if _HEADING_NUMBER.match(text):
        return False
    if first.islower():
        return True
    return bool(first.isdigit() and not _ENDS_SENTENCE.search(prev.text))


def join_split_paragraphs(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    last_text: Block | None = None  # the paragraph or item a continuation would belong to
    for b in blocks:
        if isinstance(b, PageBreak):
            out.append(b)
            continue
        if isinstance(b, Table):
            last_text = None
            out.append(b)
            continue
        if type(b) is Paragraph and last_text is not None and _continues(last_text, b):
            sep = "" if last_text.text.endswith("-") and not last_text.text.endswith(" -") else " "
            last_text.text = f"{last_text.text}{sep}{b.text}"
            continue
        out.append(b)
        last_text = b if isinstance(b, Paragraph | Bullet) else None
    return out


def _is_index(cell: str) -> bool:
    return bool(re.fullmatch(r"\s*(\d{1,3}|[IVXLC]{1,6}|[a-zđ])[.)]?\s*", cell))


def _has_index_column(table: Table) -> bool:
    if not table.rows:
        return False
    head = fold(table.rows[0][0]) if table.rows[0] else ""
    if head in {"tt", "stt", "so tt", "so thu tu"}:
        return True
    firsts = [r[0] for r in table.rows[1:] if r and r[0].strip()]
    return len(firsts) >= 2 and sum(_is_index(c) for c in firsts) >= 0.8 * len(firsts)


_DATE_OR_NUMBER = re.compile(r"^[\d\s/.,:-]+$")
_COMPLETE = re.compile(r"^\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d+)\s*$")


def _merge_row(prev: list[str], row: list[str]) -> None:
    longest = max(range(len(prev)), key=lambda i: len(prev[i])) if prev else 0
    for i, cell in enumerate(row):
        if not cell.strip():
            continue
        j = i if i < len(prev) else longest
        # Page breaks shift continued text between columns; text never continues a date.
        if j < len(prev) and prev[j] and _COMPLETE.match(prev[j]) and not _DATE_OR_NUMBER.match(cell):
            j = longest
        while len(prev) <= j:
            prev.append("")
        # A date or symbol cut by the page break goes on without a space: "21/05/202" + "3".
        glued = prev[j].endswith("/") or (prev[j][-1:].isdigit() and cell[:1].isdigit())
        glue = "" if glued else " "
        prev[j] = f"{prev[j]}{glue}{cell}".strip() if prev[j] else cell


def _is_continuation(table: Table, row: list[str], prev: list[str]) -> bool:
    if not row or row[0].strip() or not prev or not prev[0].strip():
        return False
    filled = [c for c in row if c.strip()]
    if not filled:
        return False
    # A continued row fills few cells, or goes on mid-sentence (lower case) or mid-date.
    if len(filled) * 2 <= max(len(row), 1) or any(c.strip()[0].islower() for c in filled):
        return True
    return any(re.search(r"(/|\d{1,2}/\d{1,2}/\d{1,3})$", c.strip()) for c in prev)


def join_tables(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Table):
            b.rows = [r for r in b.rows if any(c.strip() for c in r)]
            prev_table = None
            for earlier in reversed(out):
                if isinstance(earlier, PageBreak):
                    continue
                prev_table = earlier if isinstance(earlier, Table) else None
                break
            if prev_table is not None and prev_table.rows and b.rows and abs(prev_table.width - b.width) <= 1:
                rows = b.rows
                if [fold(c) for c in rows[0]] == [fold(c) for c in prev_table.rows[0]]:
                    rows = rows[1:]
                prev_table.rows.extend(rows)
                b = prev_table
            else:
                out.append(b)
            if _has_index_column(b):
                merged: list[list[str]] = []
                for row in b.rows:
                    if merged and _is_continuation(b, row, merged[-1]):
                        _merge_row(merged[-1], row)
                    else:
                        merged.append(list(row))
                b.rows = merged
            continue
        out.append(b)
    return out


def repair(blocks: Blocks) -> Blocks:
    items = strip_markup(list(blocks.blocks))
    items = drop_footnotes(items)
    items = mark_bullets(items)
    items = join_split_paragraphs(items)
    items = join_tables(items)
    items = [b for b in items if isinstance(b, Table | PageBreak) or b.text.strip()]
    for b in items:
        if isinstance(b, Heading):
            b.text = b.text.strip()
    return Blocks(blocks=items, source=blocks.source, pages=blocks.pages, warnings=blocks.warnings)
