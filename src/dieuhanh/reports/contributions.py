"""The figures each register contributes to a periodic report, by field of work (DOMAIN §5).

A department's report is written by field of work; in each, some figures the system already
holds (tasks done, documents issued by kind, licences granted, research tasks accepted ...).
Each register declares what it knows with a *figure provider*: a function of a scope and a
period returning `Figure`s, registered for a field of work. The report assembly asks
`figures_for(scope, period, field)` and needs to know nothing about the registers.

Providers are registered when their app is ready (`AppConfig.ready` imports the module that
uses `@provides(...)`), so an app that is not installed contributes nothing.

Public: `FIELDS_OF_WORK`, `field_title`, `Figure`, `provides`, `figures_for`, `all_figures`,
`vi_count`, `vi_number`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dieuhanh.orgs.scope import Scope
    from dieuhanh.reports.periods import Period

# The default fields of work of a department's quarterly report (seed 000, DOMAIN §5). Each
# organisation may rename, reorder or drop them in its report types; the keys stay.
FIELDS_OF_WORK: list[tuple[str, str]] = [
    ("assigned_tasks", "Thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao"),
    ("policy", "Xây dựng cơ chế, chính sách, pháp luật về khoa học và công nghệ"),
    ("research", "Hoạt động nghiên cứu khoa học và phát triển công nghệ"),
    (
        "technology",
        "Hoạt động đánh giá, thẩm định và chuyển giao công nghệ, phát triển doanh nghiệp KH&CN; an toàn bức xạ hạt nhân",
    ),
    ("information", "Hoạt động thông tin KH&CN; dịch vụ công KH&CN"),
    ("standards", "Hoạt động tiêu chuẩn đo lường chất lượng"),
    ("ip_initiatives", "Hoạt động sở hữu trí tuệ, sáng kiến và KH&CN cơ sở"),
    ("inspection", "Công tác thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo, phòng chống tham nhũng, tiếp công dân"),
    ("office", "Công tác văn phòng, tổ chức cán bộ, cải cách hành chính, tài chính"),
    ("centre", "Hoạt động của đơn vị sự nghiệp trực thuộc"),
    ("other", "Một số công tác khác"),
]
_TITLES = dict(FIELDS_OF_WORK)


def field_title(key: str) -> str:
    return _TITLES.get(key, key)


@dataclass(frozen=True)
class Figure:
    key: str  # stable id, e.g. "tasks.done_on_time", "licences.xray_granted"
    label: str  # what is counted, for tables: "Giấy phép sử dụng thiết bị X-quang đã cấp"
    value: int | Decimal
    unit: str = ""  # "nhiệm vụ", "giấy phép", "phương tiện đo"
    sentence: str = ""  # as the report writes it: "Cấp 14 Giấy phép sử dụng thiết bị X-quang ..."
    link: str = ""  # path of the page listing the records behind the figure


FigureProvider = Callable[["Scope", "Period"], list[Figure]]
_PROVIDERS: dict[str, list[tuple[str, FigureProvider]]] = {}


def provides(field: str, name: str) -> Callable[[FigureProvider], FigureProvider]:
    """Register a provider of figures for a field of work. `name` makes re-registration idempotent."""
    if field not in _TITLES:
        raise ValueError(f"Unknown field of work: {field}")

    def register(provider: FigureProvider) -> FigureProvider:
        providers = [p for p in _PROVIDERS.get(field, []) if p[0] != name]
        _PROVIDERS[field] = [*providers, (name, provider)]
        return provider

    return register


def figures_for(scope: Scope, period: Period, field: str) -> list[Figure]:
    figures: list[Figure] = []
    for _name, provider in _PROVIDERS.get(field, []):
        figures.extend(provider(scope, period))
    return figures


def all_figures(scope: Scope, period: Period) -> dict[str, list[Figure]]:
    return {key: figures_for(scope, period, key) for key, _ in FIELDS_OF_WORK}


def vi_count(n: int) -> str:
    """Counts as reports write them: "0", "07" (1 to 9 padded), "13", "1.291"."""
    return f"{n:02d}" if 0 < n < 10 else vi_number(n)


def vi_number(n: int | Decimal) -> str:
    """Vietnamese number format: "." for thousands, "," for decimals (1.291; 114,5)."""
    text = f"{n:,}" if isinstance(n, int) else f"{n:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
