"""The block model every reader produces and every extractor reads.

A document is a flat list of blocks in reading order, whatever the file format:

- `Heading(text, level)`: a line the source marks as a heading (Word heading style, markdown
  `#`, a whole-bold short line). Levels from the source are hints only: converted documents put
  `#` at random (DOMAIN §2), so extractors trust numbering ("1.", "a)", "Tháng 3") more.
- `Paragraph(text)`: running text.
- `Bullet(text, level, marker)`: a list item; `marker` is "-", "+", "•" or the Word number
  ("1.", "a)"); level 0 is the outermost list.
- `Table(rows)`: rows of cell texts, merged cells repeated in every cell they span.
- `PageBreak()`: where a page ended, kept so that repairs can join what the break split.

`Blocks` holds the list with what the reader learnt on the way (`pages`, `warnings`).
Public: `Block`, `Heading`, `Paragraph`, `Bullet`, `Table`, `PageBreak`, `Blocks`, `text_of`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class Block:
    text: str = ""


@dataclass
class Heading(Block):
    level: int = 1


@dataclass
class Paragraph(Block):
    pass


@dataclass
class Bullet(Block):
    level: int = 0
    marker: str = "-"


@dataclass
class Table(Block):
    rows: list[list[str]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass
class PageBreak(Block):
    pass


@dataclass
class Blocks:
    blocks: list[Block]
    source: str = ""  # "docx", "pdf", "text"
    pages: int = 0
    warnings: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    def __len__(self) -> int:
        return len(self.blocks)

    @property
    def text_blocks(self) -> list[Block]:
        """Every block that carries text, tables excluded."""
        return [b for b in self.blocks if not isinstance(b, Table | PageBreak) and b.text]

    @property
    def has_content(self) -> bool:
        return any(
            (b.text.strip() if not isinstance(b, Table) else any(c.strip() for r in b.rows for c in r))
            for b in self.blocks
        )


def text_of(blocks: Blocks | list[Block]) -> str:
    """All the text in reading order, one block a line, table cells separated by tabs."""
    lines: list[str] = []
    for b in blocks:
        if isinstance(b, Table):
            lines.extend("\t".join(r) for r in b.rows)
        elif not isinstance(b, PageBreak):
            lines.append(b.text)
    return "\n".join(lines)
