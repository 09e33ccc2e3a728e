"""Sections addressed to a unit: meeting conclusions ("1. Đối với Văn phòng Sở") and the
"Tổ chức thực hiện" part of plans and decisions ("1. Sở Khoa học và Công nghệ:").

One task per item ("-" bullet, or numbered item without sub-items), its "+" sub-points joined
into it; the unit is the one the section is addressed to, then the units the item says it
works with ("Phối hợp với Văn phòng Sở ..."); the deadline is the one the item writes
("trước ngày 08/02/2024", "xong trước 28/02/2024"), else none (DOMAIN §4).

`unit_of_heading(title)`: the unit a heading addresses, or "".
`extract_unit_sections(root, ctx) -> list[ProposedTask]`.
"""

from __future__ import annotations

import re

from dieuhanh.core.text import fold, fold_chars
from dieuhanh.extraction.dates import deadline_in_text
from dieuhanh.extraction.extractors.common import CLOSING, Context, join_item
from dieuhanh.extraction.extractors.units import assignment_units, coordinating_units, is_unit_name
from dieuhanh.extraction.outline import Node
from dieuhanh.extraction.result import ProposedTask

_ADDRESSED = re.compile(r"^(?:doi voi|giao cho|giao|yeu cau|de nghi)\s+(.+?)\s*[:.]?\s*$")


def unit_of_heading(title: str) -> str:
    text = title.strip().rstrip(":.").strip()
    m = _ADDRESSED.match(fold_chars(text))
    if m:
        return text[m.start(1) : m.start(1) + len(m[1])].strip()
    if is_unit_name(text) and len(text) <= 120 and not re.search(r"[.;]\s", text):
        return text
    return ""


def _items(node: Node) -> list[Node]:
    bullets = [c for c in node.children if c.kind == "bullet"]
    headings = [c for c in node.children if c.kind == "heading"]
    if bullets or headings:
        return bullets + [h for h in headings if not h.children]
    return [c for c in node.children if c.kind == "para" and not CLOSING.match(fold(c.text))]


def extract_unit_sections(root: Node, ctx: Context) -> list[ProposedTask]:
    tasks: list[ProposedTask] = []
    for node in root.walk():
        if node.kind != "heading" or not node.children or node.index in ctx.used:
            continue
        unit = unit_of_heading(node.title)
        if not unit:
            continue
        for item in sorted(_items(node), key=lambda n: n.index):
            if item.index in ctx.used:
                continue
            text = join_item(item) if item.kind == "bullet" else item.text if item.kind == "para" else item.title
            units = [unit]
            lead, coordinating = assignment_units(text)
            named = ([lead] if lead else []) + (coordinating or coordinating_units(text))
            # "các phòng, đơn vị liên quan" names no one in particular.
            for name in (n for n in named if not n.startswith("các ")):
                if fold(name) not in {fold(u) for u in units}:
                    units.append(name)
            found = deadline_in_text(text, ctx.ref_date, ctx.ref_year)
            tasks.append(
                ProposedTask(
                    content=text,
                    units=units,
                    deadline=found.date if found else None,
                    deadline_text=found.text if found else "",
                    layout="conclusions",
                    section=node.title,
                    order=(item.index, 0),
                )
            )
            ctx.used.add(item.index)
            ctx.used.update(c.index for c in item.walk())
        ctx.used.add(node.index)
    return tasks
