"""Extractors by document layout, and the pipeline that chooses them.

`extract(blocks) -> Extraction`: metadata first (kind from the number line and the type name),
then, in this order, each block proposed by one extractor only:
1. task tables (`tables`): tracking, programme and assignment tables, in any document;
2. period lists (`period_lists`): next-period lists and month-by-month programmes;
3. unit sections (`conclusions`): meeting conclusions and "Tổ chức thực hiện" parts, in
   documents that assign (thông báo, kết luận, kế hoạch, quyết định, chỉ thị, công văn ...),
   never in reports, whose "Đối với ..." paragraphs narrate;
4. assignment sentences (`assignments`): "Giao Sở X chủ trì ...", in the same documents;
then the citations of the whole text (`citations`). Tasks come out in document order.
"""

from __future__ import annotations

from dieuhanh.core.text import fold
from dieuhanh.extraction.blocks import Blocks, Table
from dieuhanh.extraction.extractors.assignments import extract_assignments
from dieuhanh.extraction.extractors.citations import extract_references
from dieuhanh.extraction.extractors.common import Context
from dieuhanh.extraction.extractors.conclusions import extract_unit_sections
from dieuhanh.extraction.extractors.metadata import extract_metadata
from dieuhanh.extraction.extractors.period_lists import extract_period_lists
from dieuhanh.extraction.extractors.tables import extract_table
from dieuhanh.extraction.outline import build_outline
from dieuhanh.extraction.result import Extraction, ProposedTask

# Kinds whose body reports rather than assigns (DOMAIN §1: the result and report turns).
REPORT_KINDS = {"BC", "TTr", "BB"}


def assigns(kind: str | None, title: str) -> bool:
    t = fold(title)
    if "ket luan" in t or "y kien chi dao" in t or "giao ban" in t:
        return True
    return kind not in REPORT_KINDS


def extract(blocks: Blocks) -> Extraction:
    root, tail = build_outline(blocks)
    info = extract_metadata(blocks.blocks, [n.text for n in tail.children] or None)
    ctx = Context(info=info)
    tasks: list[ProposedTask] = []
    layouts: list[str] = []
    for node in list(root.walk()):
        if node.kind == "table" and isinstance(node.block, Table):
            found = extract_table(node.block, ctx, node.index)
            if found:
                ctx.used.add(node.index)
                tasks.extend(found)
                layouts.append(found[0].layout + "_table")
    found = extract_period_lists(root, ctx)
    if found:
        tasks.extend(found)
        layouts.extend(sorted({t.layout for t in found}))
    if assigns(info.kind, info.title):
        found = extract_unit_sections(root, ctx)
        if found:
            tasks.extend(found)
            layouts.append("conclusions")
        found = extract_assignments(root, ctx)
        if found:
            tasks.extend(found)
            layouts.append("assignment")
    tasks.sort(key=lambda t: t.order)
    texts: list[str] = []
    for b in blocks.blocks:
        if isinstance(b, Table):
            texts.extend(c for row in b.rows for c in row if c)
        elif b.text:
            texts.append(b.text)
    references = extract_references(texts, info.number)
    return Extraction(
        document=info,
        tasks=tasks,
        references=references,
        layouts=layouts,
        warnings=list(blocks.warnings),
        source=blocks.source,
        pages=blocks.pages,
    )
