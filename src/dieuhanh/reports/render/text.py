"""Vietnamese text as official documents write it (ND 30/2020/NĐ-CP, DOMAIN §6 and §9).

- `doc_text(s)`: NFC, no control characters that XML forbids, "\\r\\n" -> "\\n".
- `upper_vi(s)`: upper case that keeps Vietnamese letters precomposed ("Sở" -> "SỞ").
- `format_date(d)`: "05/02/2024" (table cells, references).
- `date_words(d)`: "ngày 05 tháng 02 năm 2024" (day < 10 and months 1-2 zero-padded); with no
  date, blanks for the clerk to fill: "ngày      tháng 3 năm 2024".
- `place_date_line(place, d)`: "Bắc Giang, ngày 05 tháng 02 năm 2024".
- `number_line(number, symbol)`: "Số: 12/BC-KHCN", "Số: 05/BC-KHCN", draft "Số:      /BC-KHCN".
- `format_count(n)`: counts as reports write them: "07", "13", "0", "1.291".
- `format_number(x)`: "1.291", "12,5".
- `roman(n)`, `letter(n)`: "IV", "d".
- `text_width_mm(text, size_pt, bold)`: printed width in Times New Roman (Liberation Serif has
  the same metrics), to size the rules under the header lines.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

BLANK = " " * 6  # where a draft leaves the number or the day for the clerk to fill in

# XML 1.0 forbids C0 controls other than tab, newline and carriage return; pasted Word text
# carries vertical tabs and form feeds.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff\u00ad]")


def doc_text(s: object) -> str:
    if s is None:
        return ""
    text = str(s).replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", _FORBIDDEN.sub(" ", text))
    return unicodedata.normalize("NFC", text)


def upper_vi(s: object) -> str:
    return unicodedata.normalize("NFC", doc_text(s).upper())


def format_date(d: dt.date | None) -> str:
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year}"


def _day(day: int) -> str:
    return f"{day:02d}"  # ND 30/2020: days below 10 take a leading zero


def _month(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)  # ND 30/2020: months 1 and 2 take a zero


def date_words(d: dt.date | None = None, *, month: int | None = None, year: int | None = None) -> str:
    """ "ngày 15 tháng 3 năm 2024"; for a draft (no date) the day, and the month or year when
    not given, are left blank."""
    if d is not None:
        return f"ngày {_day(d.day)} tháng {_month(d.month)} năm {d.year}"
    month_text = f" {_month(month)} " if month else BLANK
    year_text = f" {year}" if year else BLANK
    return f"ngày{BLANK}tháng{month_text}năm{year_text}"


def place_date_line(place: str, d: dt.date | None = None, *, month: int | None = None, year: int | None = None) -> str:
    words = date_words(d, month=month, year=year)
    place = doc_text(place).strip()
    return f"{place}, {words}" if place else words[0].upper() + words[1:]


def number_line(number: int | str | None, symbol: str) -> str:
    """ "Số: 12/BC-KHCN". Numbers below 10 take a leading zero (ND 30/2020); a draft has none."""
    symbol = doc_text(symbol).strip()
    if number is None or str(number).strip() == "":
        text = BLANK
    else:
        text = str(number).strip()
        if text.isdigit() and len(text) == 1:
            text = "0" + text
    prefix = "Số:" if text == BLANK else "Số: "
    return f"{prefix}{text}/{symbol}" if symbol else f"{prefix}{text}"


def format_number(x: int | float | Decimal) -> str:
    """Vietnamese grouping: "." for thousands, "," for decimals ("1.291", "12,5")."""
    if isinstance(x, bool):
        raise TypeError("format_number takes a number, not a bool")
    if isinstance(x, int):
        return f"{x:,}".replace(",", ".")
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def format_count(n: int) -> str:
    """Counts in reports: 1-9 zero-padded ("07 nhiệm vụ", "02 dự án"), 0 as "0" ("quá hạn: 0")."""
    return f"{n:02d}" if 0 < n < 10 else format_number(n)


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_LETTERS = "abcdđeghiklmnopqrstuvxy"  # Vietnamese order, as points are lettered (a, b, c, d, đ, e ...)


def roman(n: int) -> str:
    if n <= 0:
        raise ValueError(n)
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def letter(n: int) -> str:
    if n <= 0:
        raise ValueError(n)
    return _LETTERS[(n - 1) % len(_LETTERS)] * ((n - 1) // len(_LETTERS) + 1)


# Advance widths (1/1000 em) of printable ASCII in Times New Roman / Liberation Serif, regular
# and bold. A Vietnamese letter is as wide as its base letter.
_WIDTHS_REGULAR = (
    250,
    333,
    408,
    500,
    500,
    833,
    778,
    180,
    333,
    333,
    500,
    564,
    250,
    333,
    250,
    278,
    500,
    500,
    500,
    500,
    500,
    500,
    500,
    500,
    500,
    500,
    278,
    278,
    564,
    564,
    564,
    444,
    921,
    722,
    667,
    667,
    722,
    611,
    556,
    722,
    722,
    333,
    389,
    722,
    611,
    889,
    722,
    722,
    556,
    722,
    667,
    556,
    611,
    722,
    722,
    944,
    722,
    722,
    611,
    333,
    278,
    333,
    469,
    500,
    333,
    444,
    500,
    444,
    500,
    444,
    333,
    500,
    500,
    278,
    278,
    500,
    278,
    778,
    500,
    500,
    500,
    500,
    333,
    389,
    278,
    500,
    500,
    722,
    500,
    500,
    444,
    480,
    200,
    480,
    541,
)
_WIDTHS_BOLD = (
    250,
    333,
    555,
    500,
    500,
    1000,
    833,
    278,
    333,
    333,
    500,
    570,
    250,
    333,
    250,
    278,
    500,
    500,
    500,
    500,
    500,
    500,
    500,
    500,
    500,
    500,
    333,
    333,
    570,
    570,
    570,
    500,
    930,
    722,
    667,
    722,
    722,
    667,
    611,
    778,
    778,
    389,
    500,
    778,
    667,
    944,
    722,
    778,
    611,
    778,
    722,
    556,
    667,
    722,
    722,
    1000,
    722,
    722,
    667,
    333,
    278,
    333,
    581,
    500,
    333,
    500,
    556,
    444,
    556,
    444,
    333,
    500,
    556,
    278,
    333,
    556,
    278,
    833,
    556,
    500,
    556,
    556,
    444,
    389,
    333,
    556,
    500,
    722,
    500,
    500,
    444,
    394,
    220,
    394,
    520,
)


_ADVANCES: dict[bool, dict[str, int]] = {
    bold: {chr(32 + i): w for i, w in enumerate(table)}
    for bold, table in ((False, _WIDTHS_REGULAR), (True, _WIDTHS_BOLD))
}


def _advance(ch: str, bold: bool) -> int:
    table = _ADVANCES[bold]
    width = table.get(ch)
    if width is None:
        base = {"đ": "d", "Đ": "D"}.get(ch) or unicodedata.normalize("NFD", ch)[:1]
        width = table.get(base, 500)
        table[ch] = width  # remember: the same few hundred letters recur
    return width


def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of the longest line of `text` printed in Times New Roman at `size_pt`."""
    table = _ADVANCES[bold]
    for ch in set(text).difference(table):
        _advance(ch, bold)
    widest = max(sum(map(table.__getitem__, line)) for line in text.split("\n"))
    return widest / 1000 * size_pt * 25.4 / 72
