"""Assignment sentences of People's Committee documents: "Giao Sở X chủ trì, phối hợp với Sở
Y, Sở Z ... tham mưu ..., trước ngày 30/6/2024", "Sở Tài chính chủ trì, phối hợp với ...".

Each such sentence (in a paragraph, a list item or a numbered item) is one task: lead unit
first, then the coordinating units; deadline as written (DOMAIN §4), else none.

`extract_assignments(root, ctx) -> list[ProposedTask]`.
"""

from __future__ import annotations

import re

from dieuhanh.extraction.dates import deadline_in_text
from dieuhanh.extraction.extractors.common import Context
from dieuhanh.extraction.extractors.units import UNIT_HEAD, assignment_units
from dieuhanh.extraction.outline import Node
from dieuhanh.extraction.result import ProposedTask

_START = re.compile(r"^(?:[Gg]iao(?: cho)?|[Yy]êu cầu|[Đđ]ề nghị|[Đđ]ồng ý giao)\s+" + UNIT_HEAD + r"\b")
_SUBJECT = re.compile(r"^" + UNIT_HEAD + r"[^.;:]{0,120}?\s(?:chủ trì|có trách nhiệm|chịu trách nhiệm|khẩn trương)\b")
_SPLIT = re.compile(r"(?<=[.;])\s+(?=(?:Giao|Yêu cầu|Đề nghị|GIAO)\s)")


# "Giám đốc Sở đề nghị các phòng, đơn vị báo cáo ...": the request after its subject.
# The unit after the verb is a name (capitalised) or "các ..."; "giao ban Sở" is a meeting.
_INNER = re.compile(r"(?:^|,\s|\s)(?:đề nghị|yêu cầu|giao cho|giao)\s+(?=(?:các\s|[A-ZĐÀ-Ỹ]))(?=" + UNIT_HEAD + r"\b)")


def is_assignment(sentence: str) -> bool:
    text = sentence.strip().lstrip("-+•").strip()
    return bool(_START.match(text) or _SUBJECT.match(text) or _INNER.search(text))


def extract_assignments(root: Node, ctx: Context) -> list[ProposedTask]:
    tasks: list[ProposedTask] = []
    for node in root.walk():
        if node.index in ctx.used or node.kind not in {"para", "bullet", "heading"}:
            continue
        text = node.text if node.kind != "heading" else node.title
        for sentence in _SPLIT.split(text):
            if not is_assignment(sentence):
                continue
            inner = _INNER.search(sentence.strip())
            start = sentence.strip()[inner.end() :] if inner and not _START.match(sentence.strip()) else sentence
            lead, coordinating = assignment_units(start)
            if not lead:
                continue
            found = deadline_in_text(sentence, ctx.ref_date, ctx.ref_year)
            tasks.append(
                ProposedTask(
                    content=sentence.strip(),
                    units=[lead, *coordinating],
                    deadline=found.date if found else None,
                    deadline_text=found.text if found else "",
                    layout="assignment",
                    order=(node.index, 0),
                )
            )
            ctx.used.add(node.index)
    return tasks
