"""From the dataclasses of `model` to what templates print: numbered, flattened, NFC strings.

Shared by the DOCX and HTML renderers so both number sections and word lines alike.

- `flatten_body(report)`: the body as a list of `Line`s (style key + runs): "Kính gửi", intro,
  numbered sections (Phần I / I. / 1. / 1.1. / a)), closing.
- `header_context(header)`, `signature_context(signature)`, `appendix_context(appendix, header)`:
  the dictionaries the templates read (documented in docs/REPORT_TEMPLATES.md).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from dieuhanh.reports.render.model import (
    Appendix,
    Block,
    Bullet,
    Figure,
    OfficialHeader,
    Paragraph,
    Report,
    Run,
    Section,
    SignatureBlock,
    Text,
)
from dieuhanh.reports.render.text import doc_text, format_date, letter, roman, upper_vi


@dataclass(frozen=True)
class Line:
    """One printed paragraph of the body: the key of its style (`styles.STYLES`) and its runs."""

    style: str
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def _runs(text: Text, prefix: str = "") -> tuple[Run, ...]:
    if isinstance(text, str):
        return (Run(prefix + doc_text(text).strip()),)
    runs = [Run(doc_text(r.text), r.bold, r.italic) for r in text]
    if prefix:
        runs.insert(0, Run(prefix))
    return tuple(runs)


def _block_line(block: Block) -> Line:
    if isinstance(block, Paragraph):
        return Line("paragraph", _runs(block.text))
    if isinstance(block, Bullet):
        marker = doc_text(block.marker).strip() or "-"
        return Line("bullet", _runs(block.text, prefix=f"{marker} "))
    if isinstance(block, Figure):
        return Line("figure", (Run(block.text),))
    raise TypeError(f"not a body block: {block!r}")


# Heading levels by depth: (style key, how the n-th section at that depth is numbered).
_LEVELS = ("part", "heading1", "heading2", "heading3", "heading4")


def _number(level: str, index: int, parent: str) -> str:
    match level:
        case "part":
            return f"Phần {roman(index)}"
        case "heading1":
            return f"{roman(index)}."
        case "heading2":
            return f"{index}."
        case "heading3":
            return f"{parent.rstrip('.')}.{index}." if parent else f"{index}."
        case _:
            return f"{letter(index)})"


def _sections(sections: Sequence[Section], depth: int, parent: str) -> Iterator[Line]:
    for index, section in enumerate(sections, start=1):
        level = _LEVELS[min(depth, len(_LEVELS) - 1)]
        number = _number(level, index, parent) if section.number is None else doc_text(section.number).strip()
        title = doc_text(section.title).strip()
        if level == "part":
            # ND 30/2020: "Phần" and its number on a line of their own, the title in capitals below.
            if number:
                yield Line("part", (Run(number),))
            if title:
                yield Line("part_title", (Run(upper_vi(title)),))
        elif title or number:
            yield Line(level, (Run(f"{number} {title}".strip()),))
        for block in section.blocks:
            yield _block_line(block)
        yield from _sections(section.children, depth + 1, number if level == "heading2" else "")


def flatten_body(report: Report) -> list[Line]:
    lines: list[Line] = []
    addressees = [doc_text(a).strip().rstrip(";.") for a in report.addressees if doc_text(a).strip()]
    if len(addressees) == 1:
        lines.append(Line("kinh_gui", (Run("Kính gửi: "), Run(addressees[0] + "."))))
    elif addressees:
        lines.append(Line("kinh_gui", (Run("Kính gửi:"),)))
        for i, name in enumerate(addressees):
            end = "." if i == len(addressees) - 1 else ";"
            lines.append(Line("kinh_gui", (Run(f"- {name}{end}"),)))
    lines.extend(_block_line(b) for b in report.intro)
    lines.extend(_sections(report.sections, 0 if report.top_level_parts else 1, ""))
    closing = doc_text(report.closing).strip()
    if closing:
        lines.append(Line("paragraph", (Run(closing),)))
    return lines


def header_context(header: OfficialHeader) -> dict[str, str]:
    return {
        "parent_body": upper_vi(header.parent_body).strip(),
        "issuing_body": upper_vi(header.issuing_body).strip(),
        "number_line": header.number_line,
        "place_date": header.place_date_line,
        "doc_type": upper_vi(header.doc_type).strip(),
        "summary": doc_text(header.summary).strip(),
    }


def signature_context(signature: SignatureBlock | None) -> dict[str, str]:
    if signature is None:
        return {"authority": "", "title": "", "name": ""}
    return {
        "authority": upper_vi(signature.authority).strip(),
        "title": upper_vi(signature.title).strip(),
        "name": doc_text(signature.name).strip(),
    }


def appendix_context(appendix: Appendix, header: OfficialHeader | None) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for section in appendix.sections:
        rows.append({"is_section": True, "tt": doc_text(section.code).strip(), "text": section.heading})
        for i, task in enumerate(section.rows, start=1):
            deadline = format_date(task.deadline) or doc_text(task.deadline_text).strip()
            rows.append(
                {
                    "is_section": False,
                    "tt": str(i) if task.number is None else doc_text(task.number).strip(),
                    "text": "",
                    "source": task.source_text,
                    "content": doc_text(task.content).strip(),
                    "deadline": deadline,
                    "completed": format_date(task.completed_on),
                    "progress": doc_text(task.progress).strip(),
                    "result": task.result_text,
                }
            )
    return {
        "label": doc_text(appendix.label).strip(),
        "title": upper_vi(appendix.title).strip(),
        "reference": appendix.reference_for(header),
        "rows": rows,
    }
