"""The outline of a document: its numbered sections, items and bullets as a tree.

Vietnamese administrative documents number their parts in a fixed order of depth (Nghị định
30/2020 Appendix I): "Phần I" > "I." > "1." > "1.1." > "1.1.1." > "a)" > "-" > "+". Converted
files lose Word's heading levels and put `#` at random (DOMAIN §2), so the depth of a line comes
from its numbering, not from its style.

- `classify(text)`: (rank, label, title) of one line: rank 0 "Phần", 1 roman, 2 "1.", 3 "1.1.",
  4 "1.1.1.", 5 "a)", None for running text. A month heading without a number ("Tháng 3") gets
  rank 2.5, between "1." and "1.1.".
- `Node`: one numbered line, bullet, paragraph or table with its children.
- `build_outline(blocks)`: the tree. "Nơi nhận" closes the body: what follows (signature) goes to
  `tail` until an appendix ("Phụ lục") opens a new top-level section.
- `Node.walk()`, `Node.ancestors()`, `Node.is_heading`, `Node.sub_bullets`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from dieuhanh.core.text import fold
from dieuhanh.extraction.blocks import Block, Blocks, Bullet, Heading, PageBreak, Paragraph, Table

_PART = re.compile(r"^(?:PHẦN|Phần|phần)\s+(THỨ\s+\w+|Thứ\s+\w+|[IVXLC]+|\d{1,2})\b[.:\-–]?\s*(.*)$")
_ROMAN = re.compile(r"^([IVXLC]{1,6})\s*[.):\-–]\s*(.*)$")
_ARABIC3 = re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+(.*)$")
_ARABIC2 = re.compile(r"^(\d{1,2}\.\d{1,2})\.?\s+(?=\D)(.*)$")
_ARABIC = re.compile(r"^(\d{1,2})\s*[.)]\s*(?=[^\d\s/.,])(.*)$")
_LETTER = re.compile(r"^([a-zđ])\s*\)\s*(.*)$")
_MONTH = re.compile(r"^(?:THÁNG|Tháng)\s+(\d{1,2})\s*(?:(?:/|năm|NĂM)\s*\d{4})?\s*:?\s*$")
_TAIL = re.compile(r"^(nơi nhận|noi nhan)\b", re.IGNORECASE)
_APPENDIX = re.compile(r"^(phụ lục|PHỤ LỤC|Phụ lục)\b")

BULLET_RANK = 6.0


def classify(text: str) -> tuple[float | None, str, str]:
    t = text.strip()
    for rank, pattern in ((0.0, _PART), (4.0, _ARABIC3), (3.0, _ARABIC2)):
        m = pattern.match(t)
        if m:
            return rank, m[1], m[2].strip()
    m = _ROMAN.match(t)
    if m and (m[2][:1].isupper() or not m[2]) and not t.startswith(("V/v", "V/V")):
        return 1.0, m[1], m[2].strip()
    m = _ARABIC.match(t)
    if m:
        return 2.0, m[1], m[2].strip()
    m = _LETTER.match(t)
    if m:
        return 5.0, m[1], m[2].strip()
    if _MONTH.match(t):
        return 2.5, "", t.rstrip(":").strip()
    return None, "", t


@dataclass(eq=False)
class Node:
    rank: float
    kind: str  # "root", "heading", "bullet", "para", "table", "tail", "appendix"
    label: str = ""
    title: str = ""
    block: Block | None = None
    index: int = -1  # position of the block in the document
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        return child

    def walk(self) -> Iterator[Node]:
        for c in self.children:
            yield c
            yield from c.walk()

    def ancestors(self) -> Iterator[Node]:
        p = self.parent
        while p is not None:
            yield p
            p = p.parent

    @property
    def text(self) -> str:
        return self.block.text if self.block is not None else self.title

    @property
    def is_heading(self) -> bool:
        """A numbered line with numbered lines or bullets under it."""
        return self.kind == "heading" and any(c.kind in {"heading", "bullet"} for c in self.children)

    @property
    def sub_bullets(self) -> list[Node]:
        return [c for c in self.children if c.kind == "bullet"]

    @property
    def folded_title(self) -> str:
        return fold(self.title)


def _bullet_rank(b: Bullet) -> float:
    return BULLET_RANK + b.level + (0.5 if b.marker == "+" and b.level == 0 else 0)


def build_outline(blocks: Blocks | list[Block]) -> tuple[Node, Node]:
    """(body root, tail): the document's tree and what follows "Nơi nhận"."""
    root = Node(rank=-1.0, kind="root")
    tail = Node(rank=-1.0, kind="tail")
    stack: list[Node] = [root]
    in_tail = False
    items = list(blocks)
    i = 0
    while i < len(items):
        b = items[i]
        idx = i
        i += 1
        if isinstance(b, PageBreak):
            continue
        if isinstance(b, Table):
            (tail if in_tail else stack[-1]).add(Node(rank=99.0, kind="table", block=b, index=idx))
            continue
        text = b.text.strip()
        if not text:
            continue
        if _TAIL.match(text):
            in_tail = True
            stack = [root]
            tail.add(Node(rank=99.0, kind="para", title=text, block=b, index=idx))
            continue
        if _APPENDIX.match(text) and len(text) < 120 and isinstance(b, Paragraph | Heading):
            in_tail = False
            node = root.add(Node(rank=-0.5, kind="appendix", title=text, block=b, index=idx))
            stack = [root, node]
            continue
        if in_tail:
            tail.add(Node(rank=99.0, kind="para", title=text, block=b, index=idx))
            continue
        if isinstance(b, Bullet):
            rank: float | None = _bullet_rank(b)
            label, title, kind = b.marker, text, "bullet"
        else:
            rank, label, title = classify(text)
            kind = "heading"
            if rank is None:
                kind = "para"
        if rank is not None and kind == "heading" and not title and i < len(items):
            # "Phần II" alone on its line, its name on the next: "NHIỆM VỤ CÔNG TÁC QUÝ II".
            nxt = items[i]
            if isinstance(nxt, Paragraph | Heading) and classify(nxt.text)[0] is None and len(nxt.text) < 200:
                title = nxt.text.strip()
                i += 1
        if rank is None:
            stack[-1].add(Node(rank=99.0, kind="para", title=title, block=b, index=idx))
            continue
        while len(stack) > 1 and stack[-1].rank >= rank and stack[-1].kind != "appendix":
            stack.pop()
        node = stack[-1].add(Node(rank=rank, kind=kind, label=label, title=title, block=b, index=idx))
        stack.append(node)
    return root, tail
