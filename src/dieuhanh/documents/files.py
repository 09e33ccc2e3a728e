"""What the register accepts as a document's file.

`validate_upload(file)` raises a `ValidationError` in Vietnamese for a file that is too large
(settings.UPLOAD_MAX_BYTES, 50 MB by default) or is not a PDF, Word, Excel, OpenDocument, text
or image file, judged by its name and its first bytes (a renamed executable is refused).
`sha256_of(file)` fingerprints a file so that importing the same file twice is noticed.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# extension -> accepted leading bytes (None: any text that decodes as UTF-8)
ALLOWED: dict[str, tuple[bytes, ...] | None] = {
    ".pdf": (b"%PDF",),
    ".docx": (ZIP,),
    ".xlsx": (ZIP,),
    ".odt": (ZIP,),
    ".doc": (OLE,),
    ".txt": None,
    ".md": None,
    ".png": (b"\x89PNG",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
}
ALLOWED_LABEL = "PDF, DOCX, DOC, XLSX, ODT, TXT hoặc ảnh (PNG, JPG, TIFF)"


def _head(file: IO[bytes] | Any, n: int = 4096) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(n)
    file.seek(position)
    return head if isinstance(head, bytes) else head.encode()


def validate_upload(file: Any, *, name: str | None = None) -> None:
    name = name or getattr(file, "name", "") or ""
    size = getattr(file, "size", None)
    limit = settings.UPLOAD_MAX_BYTES
    if size is not None and size > limit:
        raise ValidationError(
            f"Tệp “{PurePath(name).name}” nặng {size / 1024 / 1024:.1f} MB, vượt giới hạn "
            f"{limit / 1024 / 1024:.0f} MB. Hãy nén hoặc tách tệp rồi tải lên lại.",
            code="too_large",
        )
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED:
        raise ValidationError(f"Không nhận tệp “{PurePath(name).name}”: chỉ nhận {ALLOWED_LABEL}.", code="bad_type")
    if size == 0:
        raise ValidationError(f"Tệp “{PurePath(name).name}” rỗng (0 byte).", code="empty")
    head = _head(file)
    signatures = ALLOWED[suffix]
    if signatures is None:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # a cut in the middle of a multi-byte character at the 4096th byte is fine
            if exc.start < len(head) - 4:
                raise ValidationError(
                    f"Tệp “{PurePath(name).name}” không phải văn bản thuần (UTF-8).", code="bad_type"
                ) from exc
    elif not any(head.startswith(sig) for sig in signatures):
        raise ValidationError(
            f"Nội dung tệp “{PurePath(name).name}” không đúng định dạng {suffix[1:].upper()}.",
            code="bad_type",
        )


def sha256_of(file: Any) -> str:
    digest = hashlib.sha256()
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    for chunk in iter(lambda: file.read(1024 * 1024), b""):
        digest.update(chunk if isinstance(chunk, bytes) else chunk.encode())
    file.seek(position)
    return digest.hexdigest()
