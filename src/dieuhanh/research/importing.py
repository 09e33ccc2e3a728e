"""Import a research register from an Excel sheet, in two steps: nothing is saved until the
person has seen every row checked (DOMAIN: "nothing touches the database until a person
confirms").

1. `read_sheet(file)`: the first sheet's header row and data rows, as text (dates as
   dd/mm/yyyy). `SheetError` with a Vietnamese message for a file that is not a readable .xlsx.
2. `guess_mapping(headers)`: which column holds which field, guessed from the header words
   ("Tên nhiệm vụ", "Chủ nhiệm", "Cấp" ...); the page lets the person change it.
3. `check_rows(scope, sheet, mapping)`: every row parsed into the arguments of
   `research_create`, or its errors ("Dòng 5: Cấp quản lý “huyện” không hiểu được ...").
4. `research_import(scope=..., rows=...)`: create the valid rows, all in one transaction.

Funding columns (state budget, counterpart) are the totals of the register; they are recorded
against the task's start year, and can be split by year on the task's page afterwards.

Public: `TARGET_FIELDS`, `Sheet`, `SheetError`, `RowResult`, `read_sheet`, `guess_mapping`,
`check_rows`, `research_import`, `MAX_ROWS`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from dieuhanh.core.search import search_words
from dieuhanh.core.text import clean, fold
from dieuhanh.orgs.scope import Scope
from dieuhanh.orgs.selectors import people_visible, units_visible
from dieuhanh.research.lifecycle import STAGE_LABELS, Stage
from dieuhanh.research.models import Level, Management, ResearchTask, TaskType
from dieuhanh.research.selectors import may_import_research
from dieuhanh.research.services import ENTRY_STAGES, FundingYear, research_create

MAX_ROWS = 2000


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    required: bool = False
    words: tuple[str, ...] = ()  # folded header words that name it


TARGET_FIELDS = [
    Target("title", "Tên nhiệm vụ", True, ("ten nhiem vu", "ten de tai", "ten du an", "ten")),
    Target("short_name", "Tên gọi tắt", False, ("ten goi tat", "goi tat", "ten tat")),
    Target("code", "Mã số", False, ("ma so", "ma")),
    Target("level", "Cấp quản lý", True, ("cap quan ly", "cap")),
    Target("programme", "Chương trình", False, ("chuong trinh",)),
    Target("management", "Phương thức quản lý", False, ("phuong thuc quan ly", "phuong thuc")),
    Target("task_type", "Loại nhiệm vụ", False, ("loai nhiem vu", "loai")),
    Target("host_organisation", "Tổ chức chủ trì", False, ("to chuc chu tri", "co quan chu tri", "chu tri")),
    Target("principal_investigator", "Chủ nhiệm", False, ("chu nhiem",)),
    Target("field", "Lĩnh vực", False, ("linh vuc",)),
    Target("location", "Địa điểm thực hiện", False, ("dia diem",)),
    Target("start_year", "Năm bắt đầu thực hiện", True, ("nam bat dau", "nam thuc hien", "nam")),
    Target("start_date", "Thời gian bắt đầu", False, ("thoi gian bat dau", "ngay bat dau", "bat dau")),
    Target("end_date", "Thời gian kết thúc", False, ("thoi gian ket thuc", "ngay ket thuc", "ket thuc")),
    Target("managing_unit", "Phòng theo dõi", False, ("phong theo doi", "phong quan ly", "don vi theo doi")),
    Target("officer", "Cán bộ theo dõi", False, ("can bo theo doi", "can bo", "chuyen vien")),
    Target("stage", "Bước đã đạt", False, ("buoc", "tinh trang", "trang thai")),
    Target("state_budget", "Kinh phí NSNN (triệu đồng)", False, ("ngan sach", "nsnn")),
    Target("counterpart", "Kinh phí đối ứng (triệu đồng)", False, ("doi ung",)),
]


class SheetError(ValueError):
    """The file cannot be read as a register; the message is for users."""


@dataclass
class Sheet:
    headers: list[str]
    rows: list[list[str]]  # each padded to len(headers)

    def as_json(self) -> dict[str, Any]:
        return {"headers": self.headers, "rows": self.rows}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Sheet:
        return cls(list(data["headers"]), [list(r) for r in data["rows"]])


@dataclass
class RowResult:
    number: int  # row number in the sheet, as Excel shows it (the header is row 1)
    values: dict[str, Any] = field(default_factory=dict)  # arguments of research_create
    errors: list[str] = field(default_factory=list)
    title: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value))


def read_sheet(file: IO[bytes]) -> Sheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds (zip, xml, key errors)
        raise SheetError("Không đọc được tệp: cần một tệp Excel .xlsx.") from exc
    try:
        sheet = book.worksheets[0]
        lines = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    lines = [line for line in lines if any(line)]
    if not lines:
        raise SheetError("Trang tính đầu tiên của tệp không có dữ liệu.")
    headers = lines[0]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise SheetError("Dòng đầu tiên của trang tính cần là dòng tiêu đề cột.")
    rows = [(line + [""] * len(headers))[: len(headers)] for line in lines[1:]]
    if len(rows) > MAX_ROWS:
        raise SheetError(f"Tệp có {len(rows)} dòng; mỗi lần nhập tối đa {MAX_ROWS} dòng.")
    return Sheet([h or f"(cột {i + 1})" for i, h in enumerate(headers)], rows)


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Longest matching header phrase wins; each column is used once."""
    folded = [" ".join(search_words(h)) for h in headers]
    candidates = []
    for target in TARGET_FIELDS:
        for words in target.words:
            for i, header in enumerate(folded):
                if header == words or header.startswith(words + " ") or f" {words} " in f" {header} ":
                    candidates.append((-len(words), header != words, TARGET_FIELDS.index(target), i, target.key))
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for *_rank, i, key in sorted(candidates):
        if key not in mapping and i not in used:
            mapping[key] = i
            used.add(i)
    return mapping


def _choice(value: str, choices: Sequence[tuple[str, str]], extra: Mapping[str, str]) -> str | None:
    folded = fold(value).strip()
    for code, label in choices:
        if folded in (fold(label), code):
            return code
    for word, code in extra.items():
        if word in folded:
            return code
    return None


_LEVEL_WORDS = {"quoc gia": Level.NATIONAL, "tinh": Level.PROVINCIAL, "co so": Level.GRASSROOTS}
_TYPE_WORDS = {
    "de tai": TaskType.TOPIC,
    "san xuat thu": TaskType.PILOT,
    "du an": TaskType.PROJECT,
    "de an": TaskType.SCHEME,
}
_MANAGEMENT_WORDS = {"trung uong": Management.CENTRAL, "phoi hop": Management.CENTRAL, "dia phuong": Management.LOCAL}
_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_MONTH = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")


def _date(value: str, *, end: bool) -> dt.date:
    """dd/mm/yyyy, or mm/yyyy (first or last day of the month, as registers write durations)."""
    import calendar

    text = value.strip()
    if m := _DATE.match(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _MONTH.match(text):
        month, year = (int(g) for g in m.groups())
        day = calendar.monthrange(year, month)[1] if end and 1 <= month <= 12 else 1
    else:
        raise ValueError
    return dt.date(year, month, day)


def _money(value: str) -> Decimal:
    # Vietnamese registers write 1.250,5 (dots for thousands); a plain 1250.5 also passes.
    text = value.replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif text.count(".") > 1 or re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    amount = Decimal(text)
    if amount < 0:
        raise InvalidOperation
    return amount


def check_rows(scope: Scope, sheet: Sheet, mapping: dict[str, int]) -> list[RowResult]:
    missing = [t.label for t in TARGET_FIELDS if t.required and t.key not in mapping]
    if missing:
        raise ValidationError("Cần chọn cột cho: " + ", ".join(missing) + ".")
    units = list(units_visible(scope))
    people = list(people_visible(scope))
    stage_by_label = {fold(STAGE_LABELS[s]): s for s in ENTRY_STAGES}
    existing = {fold(t) for t in ResearchTask.objects.filter(org=scope.org).values_list("title", flat=True)}
    seen: set[str] = set()
    results = []
    for offset, row in enumerate(sheet.rows):
        result = RowResult(number=offset + 2)
        cell = {key: row[i].strip() if i < len(row) else "" for key, i in mapping.items()}
        values: dict[str, Any] = {}
        errors = result.errors
        title = cell.get("title", "")
        result.title = title
        if not title:
            errors.append("Thiếu tên nhiệm vụ.")
        elif fold(title) in existing:
            errors.append("Nhiệm vụ cùng tên đã có trong sổ.")
        elif fold(title) in seen:
            errors.append("Trùng tên với một dòng phía trên.")
        seen.add(fold(title))
        values["title"] = title
        for key in (
            "short_name",
            "code",
            "programme",
            "host_organisation",
            "principal_investigator",
            "field",
            "location",
        ):
            values[key] = cell.get(key, "")
        level = _choice(cell.get("level", ""), Level.choices, _LEVEL_WORDS)
        if level is None:
            errors.append(f"Cấp quản lý “{cell.get('level', '')}” không hiểu được (cấp quốc gia, cấp tỉnh, cấp cơ sở).")
        values["level"] = level
        if cell.get("task_type"):
            task_type = _choice(cell["task_type"], TaskType.choices, _TYPE_WORDS)
            if task_type is None:
                errors.append(f"Loại nhiệm vụ “{cell['task_type']}” không hiểu được (đề tài, dự án, đề án ...).")
            values["task_type"] = task_type
        elif title:
            values["task_type"] = TaskType.PROJECT if fold(title).startswith("du an") else TaskType.TOPIC
        if cell.get("management"):
            management = _choice(cell["management"], Management.choices, _MANAGEMENT_WORDS)
            if management is None:
                errors.append(f"Phương thức quản lý “{cell['management']}” không hiểu được.")
            values["management"] = management
        year_text = cell.get("start_year", "")
        if re.fullmatch(r"\d{4}", year_text):
            values["start_year"] = int(year_text)
        else:
            errors.append(f"Năm bắt đầu thực hiện “{year_text}” không phải một năm (ví dụ 2022).")
        for key, label, end in (("start_date", "Thời gian bắt đầu", False), ("end_date", "Thời gian kết thúc", True)):
            if cell.get(key):
                try:
                    values[key] = _date(cell[key], end=end)
                except ValueError:
                    errors.append(f"{label} “{cell[key]}” không phải ngày (dd/mm/yyyy hoặc mm/yyyy).")
        if cell.get("managing_unit"):
            name = fold(cell["managing_unit"])
            unit = next((u for u in units if name in (fold(u.name), fold(u.code))), None)
            if unit is None:
                errors.append(f"Không có phòng “{cell['managing_unit']}” trong cơ quan.")
            values["managing_unit"] = unit
        if cell.get("officer"):
            name = fold(cell["officer"])
            matches = [p for p in people if fold(p.full_name) == name]
            if len(matches) != 1:
                errors.append(f"Không xác định được cán bộ “{cell['officer']}” (không có, hoặc trùng tên).")
            values["officer"] = matches[0] if len(matches) == 1 else None
        if cell.get("stage"):
            stage = stage_by_label.get(fold(cell["stage"])) or next(
                (s for s in ENTRY_STAGES if s.value == cell["stage"]), None
            )
            if stage is None:
                errors.append(f"Bước “{cell['stage']}” không có trong danh sách, hoặc đã qua bước giao nộp sản phẩm.")
            values["stage"] = stage or Stage.PROPOSED
        amounts = []
        for key, label in (("state_budget", "Kinh phí NSNN"), ("counterpart", "Kinh phí đối ứng")):
            try:
                amounts.append(_money(cell[key]) if cell.get(key) else Decimal(0))
            except (InvalidOperation, ValueError):
                errors.append(f"{label} “{cell[key]}” không phải số tiền.")
                amounts.append(Decimal(0))
        if any(amounts) and "start_year" in values:
            values["funding"] = [FundingYear(values["start_year"], amounts[0], amounts[1])]
        result.values = values
        results.append(result)
    return results


@transaction.atomic
def research_import(*, scope: Scope, rows: Sequence[RowResult]) -> list[ResearchTask]:
    """Create every row; any error (a row changed since it was checked) undoes them all."""
    if not may_import_research(scope):
        raise PermissionDenied("Vai trò của bạn không được nhập sổ nhiệm vụ KH&CN.")
    created = []
    for row in rows:
        if not row.ok:
            raise ValidationError(f"Dòng {row.number} còn lỗi; chưa nhập dòng nào.")
        try:
            created.append(research_create(scope=scope, **{k: v for k, v in row.values.items() if v is not None}))
        except ValidationError as exc:
            raise ValidationError(f"Dòng {row.number}: " + "; ".join(exc.messages)) from exc
    return created
