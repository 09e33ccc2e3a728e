"""PDF files with a text layer: text with pypdfium2 (about 1 ms a page), tables with pdfplumber
only on the pages that draw table borders (pdfplumber takes about 0.1 s a page).

`read_pdf(data, name) -> Blocks`:
- text segments in content-stream order (Word and LibreOffice write a two-column header left
  column first), grouped into lines by vertical overlap, lines into paragraphs: a line that
  starts with a number, a bullet or after a sentence's end, after a short line, or after a gap
  starts a new paragraph; a line in lower case continues it;
- page numbers alone on their line are dropped; every page ends with a `PageBreak`;
- on a page with drawn lines (path objects), the tables: first from the ruling lines themselves
  (`pdf_tables`, about 1 ms a page), else from pdfplumber's table finder; their cells are
  placed on the grid of the table, a merged cell repeated over what it spans, and the text
  inside them is taken out of the running text;
- a PDF without any text is a scan: `ReadError("image_only")`; a password: "encrypted";
  a broken file: "corrupt".
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from dataclasses import dataclass
from typing import Any

from dieuhanh.core.text import nfc
from dieuhanh.extraction.blocks import Block, Blocks, PageBreak, Paragraph, Table
from dieuhanh.extraction.errors import ReadError
from dieuhanh.extraction.outline import classify
from dieuhanh.extraction.readers import register
from dieuhanh.extraction.readers.pdf_tables import find_tables

MIN_PATHS_FOR_TABLE = 4
# pdfminer (under pdfplumber) logs every oddity of a damaged file; the reader reports instead.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


@dataclass
class _Line:
    text: str
    left: float
    right: float
    top: float  # distance from the page's top
    bottom: float


def _segments(textpage: Any, height: float) -> list[_Line]:
    out: list[_Line] = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = textpage.get_text_bounded(left, bottom, right, top)
        if text and text.strip():
            out.append(
                _Line(
                    text=text.replace("\r", " ").replace("\n", " "),
                    left=left,
                    right=right,
                    top=height - top,
                    bottom=height - bottom,
                )
            )
    return out


def _lines(segments: list[_Line]) -> list[_Line]:
    lines: list[_Line] = []
    for s in segments:
        if lines:
            last = lines[-1]
            overlap = min(last.bottom, s.bottom) - max(last.top, s.top)
            smaller = max(1.0, min(last.bottom - last.top, s.bottom - s.top))
            if overlap > 0.5 * smaller and 0 <= s.left - last.right < 25:
                sep = "" if last.text.endswith(" ") else " "
                last.text = last.text + sep + s.text
                last.right = max(last.right, s.right)
                last.top, last.bottom = min(last.top, s.top), max(last.bottom, s.bottom)
                continue
        lines.append(_Line(s.text, s.left, s.right, s.top, s.bottom))
    for line in lines:
        line.text = re.sub(r"\s+", " ", nfc(line.text)).strip()
    return [ln for ln in lines if ln.text]


_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^(?:Trang|trang)\s+\d{1,3}(?:\s*/\s*\d{1,3})?$")
_BULLET_START = re.compile(r"^[-–—•+*▪●◦]\s")
_SENTENCE_END = re.compile(r"([.;:!?…]|\./\.)[\"”)]?$")


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _paragraphs(lines: list[_Line]) -> list[str]:
    if not lines:
        return []
    body_right = max(ln.right for ln in lines)
    body_left = min(ln.left for ln in lines)
    bullet_left: float | None = None
    out: list[str] = []
    prev: _Line | None = None
    for ln in lines:
        text = ln.text
        if _BULLET_START.match(text + " ") or re.match(r"^[\ue000-\uf8ff•◦▪]", text):
            # Word's list levels survive in a PDF only as indentation.
            if bullet_left is None or ln.left < bullet_left - 5:
                bullet_left = ln.left
            elif ln.left > bullet_left + 10:
                text = "+ " + re.sub(r"^\S+\s*", "", text)
        new = True
        if prev is not None:
            height = max(1.0, prev.bottom - prev.top)
            gap = ln.top - prev.bottom
            first = text[0]
            if first.islower() and not re.match(r"^[a-zđ]\)\s", text) and -height < gap < 1.2 * height:
                new = False
            elif (
                _BULLET_START.match(text)
                or classify(text)[0] is not None
                or _SENTENCE_END.search(prev.text)
                or _is_upper(prev.text) != _is_upper(text)
                or (ln.left > prev.left + 10 and ln.left > body_left + 5)
                or (prev.left > body_left + 45 and ln.left < prev.left - 45)
                or gap > 1.2 * height
                or gap < -height
                or prev.right < body_right - 40
            ):
                new = True
            else:
                new = False
        if new or not out:
            out.append(text)
        else:
            sep = "" if out[-1].endswith("/") else " "
            out[-1] = f"{out[-1]}{sep}{text}"
        prev = ln
    return out


def _grid(table: Any) -> list[list[str]]:
    """The table's cells on its grid; a merged cell fills every position it spans."""
    rows = table.extract() or []
    cells: list[tuple[tuple[float, float, float, float], str]] = []
    for r, row in enumerate(table.rows):
        for c, bbox in enumerate(row.cells):
            if bbox is None:
                continue
            text = rows[r][c] if r < len(rows) and c < len(rows[r]) else ""
            # Lines inside a cell are the cell's width wrapping its text, not paragraphs.
            # A narrow column breaks dates and symbols without a space: "01/05/202" / "3".
            text = re.sub(r"(?<=[\d/-])\s*\n\s*(?=\d)|(?<=[/-])\s*\n\s*", "", nfc(text or ""))
            text = re.sub(r"\s*\n\s*(?![-+•])", " ", text).strip()
            cells.append((bbox, text))
    if not cells:
        return []
    xs = sorted({round(b[0], 1) for b, _ in cells})
    ys = sorted({round(b[1], 1) for b, _ in cells})
    grid = [[""] * len(xs) for _ in ys]
    for (x0, top, x1, bottom), text in cells:
        for i, y in enumerate(ys):
            if top - 0.5 <= y < bottom - 0.5:
                for j, x in enumerate(xs):
                    if x0 - 0.5 <= x < x1 - 0.5:
                        grid[i][j] = text
    return grid


def _is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in data[:1024]


@register(".pdf", sniff=_is_pdf)
def read_pdf(data: bytes, name: str = "") -> Blocks:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ReadError(
                "encrypted",
                f"Tệp PDF “{name}” được đặt mật khẩu: không đọc được nội dung. Hãy gỡ mật khẩu rồi tải lên lại.",
            ) from exc
        raise ReadError("corrupt", f"Tệp PDF “{name}” bị hỏng, không mở được ({exc}).") from exc
    blocks: list[Block] = []
    warnings: list[str] = []
    plumber: Any = None  # opened on the first page with tables; False once it failed
    chars = 0
    try:
        n = len(pdf)
        for index in range(n):
            page = pdf[index]
            _width, height = page.get_size()
            textpage = page.get_textpage()
            segments = _segments(textpage, height)
            chars += sum(len(s.text.strip()) for s in segments)
            paths = 0
            for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=2):
                paths += 1
                if paths >= MIN_PATHS_FOR_TABLE:
                    break
            tables: list[tuple[float, float, float, float, list[list[str]]]] = []
            if paths >= MIN_PATHS_FOR_TABLE and segments:
                tables = find_tables(page, segments, height)
            if paths >= MIN_PATHS_FOR_TABLE and segments and not tables and plumber is not False:
                try:
                    if plumber is None:
                        import pdfplumber

                        plumber = pdfplumber.open(io.BytesIO(data))
                    for t in plumber.pages[index].find_tables():
                        grid = _grid(t)
                        if grid and max(len(r) for r in grid) >= 2:
                            tables.append((*t.bbox, grid))
                except Exception:  # a damaged page: keep its text, say its tables were not read
                    warnings.append(f"Không đọc được bảng ở trang {index + 1}; chỉ lấy được chữ.")
                    tables = []
                    _close(plumber)
                    plumber = False
            tables.sort(key=lambda t: t[1])

            def inside(s: _Line, tables=tables) -> int | None:
                cy = (s.top + s.bottom) / 2
                cx = (s.left + s.right) / 2
                for k, (x0, top, x1, bottom, _) in enumerate(tables):
                    if x0 - 2 <= cx <= x1 + 2 and top - 2 <= cy <= bottom + 2:
                        return k
                return None

            flow: list[_Line] = []
            placed: set[int] = set()

            def flush(flow: list[_Line]) -> None:
                lines = [ln for ln in _lines(flow) if not _PAGE_NUMBER.match(ln.text)]
                blocks.extend(Paragraph(text=p) for p in _paragraphs(lines))
                flow.clear()

            for s in segments:
                k = inside(s)
                if k is None:
                    flow.append(s)
                    continue
                if k not in placed:
                    flush(flow)
                    blocks.append(Table(rows=tables[k][4]))
                    placed.add(k)
            flush(flow)
            for k, t in enumerate(tables):
                if k not in placed:
                    blocks.append(Table(rows=t[4]))
            blocks.append(PageBreak())
            textpage.close()
            page.close()
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError("corrupt", f"Tệp PDF “{name}” bị hỏng ở giữa chừng: {type(exc).__name__}.") from exc
    finally:
        _close(plumber)
        pdf.close()
    if chars == 0:
        raise ReadError(
            "image_only",
            f"Tệp PDF “{name}” có {n} trang nhưng chỉ là ảnh quét, không có lớp chữ: "
            "cần nhận dạng chữ (OCR) trước, hoặc tải lên bản Word/PDF gốc.",
        )
    return Blocks(blocks=blocks, source="pdf", pages=n, warnings=warnings)


def _close(plumber: Any) -> None:
    if plumber:
        # Closing a damaged file may parse it again; there is nothing left to keep.
        with contextlib.suppress(Exception):
            plumber.close()
