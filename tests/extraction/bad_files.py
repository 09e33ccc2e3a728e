"""Files that import must refuse, built in memory (no LibreOffice): each a few hundred bytes.

- `empty()`, `task_less_text()`: nothing at all; a readable document without any task.
- `encrypted_pdf()`: a PDF whose opening password is "matkhau" (standard security handler,
  revision 2, RC4 40-bit: the O and U entries computed as PDF 1.7 §7.6.3.3-4 say).
- `corrupt_docx()`: a ZIP that says it is Word but is cut off.
- `image_only_pdf()`: a one-page scan with no text layer.
- `zip_bomb_docx(size)`: a DOCX whose document.xml inflates to `size` bytes.
"""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _padded(password: bytes) -> bytes:
    return (password + PAD)[:32]


def encrypted_pdf(password: bytes = b"matkhau") -> bytes:
    file_id = hashlib.md5(b"dieuhanh").digest()  # MD5 and RC4: the PDF format's own choice
    owner = _rc4(hashlib.md5(_padded(b"chu-so-huu")).digest()[:5], _padded(password))
    permissions = -4
    key = hashlib.md5(_padded(password) + owner + struct.pack("<i", permissions) + file_id).digest()[:5]
    user = _rc4(key, PAD)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + owner.hex().encode()
        + b"> /U <"
        + user.hex().encode()
        + b"> /P "
        + str(permissions).encode()
        + b" >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    hex_id = file_id.hex().encode()
    out.write(
        b"trailer\n<< /Size "
        + str(len(objects) + 1).encode()
        + b" /Root 1 0 R /Encrypt 4 0 R /ID [<"
        + hex_id
        + b"> <"
        + hex_id
        + b">] >>\nstartxref\n"
        + str(xref).encode()
        + b"\n%%EOF\n"
    )
    return out.getvalue()


def image_only_pdf() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (200, 280), "white").save(out, format="PDF")
    return out.getvalue()


def _docx(document_xml: bytes, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr("word/document.xml", document_xml)
    return out.getvalue()


def corrupt_docx() -> bytes:
    whole = _docx(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    return whole[: len(whole) // 2]


def zip_bomb_docx(size: int = 300 * 1024 * 1024) -> bytes:
    """A DOCX of a few hundred KB whose document.xml inflates to `size` bytes of blanks."""
    head = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    tail = b"</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head)
            chunk = b" " * (1024 * 1024)
            for _ in range(size // len(chunk)):
                part.write(chunk)
            part.write(tail)
    return out.getvalue()


def task_less_text() -> bytes:
    return (
        "Số: 15/GM-SKHCN\nBắc Giang, ngày 2 tháng 4 năm 2024\n\nGIẤY MỜI\nDự hội nghị tổng kết\n\n"
        "Sở Khoa học và Công nghệ trân trọng kính mời đại biểu tới dự hội nghị vào 8 giờ ngày 10/4/2024.\n"
    ).encode()


def empty() -> bytes:
    return b""
