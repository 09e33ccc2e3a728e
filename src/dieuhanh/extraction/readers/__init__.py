"""Readers by file type, behind one registry; each turns a file into `Blocks`.

- `register(*suffixes, sniff=None)`: decorator adding a reader function `(data: bytes, name: str)
  -> Blocks` for those file name suffixes (and, with `sniff`, for content recognised by it).
- `read_file(path)`, `read_bytes(data, name)`: choose the reader by content first (a PDF renamed
  .txt is still a PDF), then by name; run it, then the shared repairs of
  `dieuhanh.extraction.readers.repair`. Bad input raises `ReadError` with a Vietnamese message.

Readers import their libraries lazily so that `dieuhanh extract file.txt` starts fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath

from dieuhanh.extraction.blocks import Blocks
from dieuhanh.extraction.errors import ReadError

Reader = Callable[[bytes, str], Blocks]
_BY_SUFFIX: dict[str, Reader] = {}
_SNIFFERS: list[tuple[Callable[[bytes], bool], Reader]] = []


def register(*suffixes: str, sniff: Callable[[bytes], bool] | None = None) -> Callable[[Reader], Reader]:
    def decorate(fn: Reader) -> Reader:
        for s in suffixes:
            _BY_SUFFIX[s.lower()] = fn
        if sniff is not None:
            _SNIFFERS.append((sniff, fn))
        return fn

    return decorate


def _load_builtin() -> None:
    if _BY_SUFFIX:
        return
    from dieuhanh.extraction.readers import docx, pdf, text  # noqa: F401  (they register themselves)


def reader_for(data: bytes, name: str) -> Reader:
    _load_builtin()
    for sniff, fn in _SNIFFERS:
        if sniff(data):
            return fn
    suffix = PurePath(name).suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ReadError(
            "unsupported",
            f"Tệp “{PurePath(name).name}” là Word cũ (.doc) hoặc tệp Office được mã hóa: chưa đọc được. "
            "Hãy mở bằng Word và lưu lại dạng .docx (hoặc bỏ mật khẩu) rồi tải lên lại.",
        )
    raise ReadError(
        "unsupported",
        f"Không đọc được tệp “{PurePath(name).name}”: chỉ đọc được DOCX, PDF có lớp chữ, TXT và Markdown.",
    )


def read_bytes(data: bytes, name: str = "") -> Blocks:
    from dieuhanh.extraction.readers.repair import repair

    if not data or not data.strip():
        raise ReadError("empty", f"Tệp “{PurePath(name).name or 'không tên'}” rỗng: không có nội dung nào để đọc.")
    blocks = reader_for(data, name)(data, name)
    blocks = repair(blocks)
    if not blocks.has_content:
        raise ReadError(
            "no_text",
            f"Đã mở được tệp “{PurePath(name).name}” nhưng không thấy chữ nào trong đó.",
        )
    return blocks


def read_file(path: str | Path) -> Blocks:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError("missing", f"Không thấy tệp “{p}”.") from None
    except IsADirectoryError:
        raise ReadError("missing", f"“{p}” là một thư mục, không phải một tệp.") from None
    except PermissionError:
        raise ReadError("missing", f"Không có quyền đọc tệp “{p}”.") from None
    return read_bytes(data, p.name)
