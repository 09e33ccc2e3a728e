"""Plain text and Markdown, as documents converted from Word come (DOMAIN §2).

`read_text(data, name) -> Blocks`: one block per line; `#` lines are headings (their level is a
hint only: converters put `#` at random); lines with two or more tabs, or Markdown `| a | b |`
lines, are table rows, and consecutive rows (blank lines between them allowed) make one table;
a form feed is a page break. Bullets, stray markup and split paragraphs are left to
`dieuhanh.extraction.readers.repair`, shared with the other readers.
"""

from __future__ import annotations

import re

from dieuhanh.core.text import nfc
from dieuhanh.extraction.blocks import Block, Blocks, Heading, PageBreak, Paragraph, Table
from dieuhanh.extraction.errors import ReadError
from dieuhanh.extraction.readers import register

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def decode(data: bytes, name: str = "") -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise ReadError("unsupported", f"Tệp “{name}” không phải văn bản thuần (có dữ liệu nhị phân).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Vietnamese Windows code page, still met in old exports.
        return data.decode("cp1258")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _table_row(line: str) -> list[str] | None:
    if line.count("\t") >= 2:
        return [c.strip() for c in line.split("\t")]
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        return [c.strip() for c in stripped[1:-1].split("|")]
    return None


@register(".txt", ".md", ".markdown", ".text", "")
def read_text(data: bytes, name: str = "") -> Blocks:
    text = nfc(decode(data, name)).replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    table: Table | None = None
    for raw in text.split("\n"):
        pages = raw.split("\f")
        for i, part in enumerate(pages):
            if i:
                table = None
                blocks.append(PageBreak())
            line = part.rstrip(" \u00a0")
            if not line.strip():
                continue
            row = _table_row(line)
            if row is not None:
                if _MD_RULE.match(line):
                    continue
                if table is None:
                    table = Table(rows=[])
                    blocks.append(table)
                table.rows.append(row)
                continue
            if _MD_RULE.match(line) and table is not None:
                continue
            table = None
            m = _MD_HEADING.match(line)
            if m and m[2]:
                blocks.append(Heading(text=m[2], level=len(m[1])))
            else:
                blocks.append(Paragraph(text=line.strip()))
    return Blocks(blocks=blocks, source="text", pages=text.count("\f") + 1)
