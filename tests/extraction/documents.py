"""Small Vietnamese administrative documents written for the tests, as DOCX (python-docx) and
PDF (LibreOffice from the DOCX). Their text follows the conventions of Nghị định 30/2020 and
of real departments, never the seed documents.

- `conclusion_docx(path)`: a Thông báo kết luận with a two-column header table, "Đối với ..."
  sections, Word bullet lists with a second level, a deadline in the text.
- `plan_docx(path)`: a Kế hoạch of a People's Committee with a Word-numbered list and an
  assignment table (nhiệm vụ / cơ quan chủ trì / cơ quan phối hợp / thời gian hoàn thành) whose
  header cells are merged.
- `tracking_docx(path, rows)`: a report whose appendix is a tracking table with section rows;
  `rows` makes it as long as a benchmark needs.
- `to_pdf(docx, outdir)`: the PDF LibreOffice makes of it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt


def _title(doc, kind: str, summary: str) -> None:  # type: ignore[no-untyped-def]
    for text in (kind, summary):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = True


def _body(doc, text: str, style: str | None = None):  # type: ignore[no-untyped-def]
    p = doc.add_paragraph(text, style=style)
    if style is None:
        p.paragraph_format.first_line_indent = Cm(1.27)
    return p


def _header(doc, left: list[str], right: list[str]) -> None:  # type: ignore[no-untyped-def]
    table = doc.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def conclusion_docx(path: Path) -> Path:
    doc = Document()
    _header(
        doc,
        ["UBND TỈNH HÀ NAM", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 35/TB-SKHCN"],
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Hà Nam, ngày 12 tháng 4 năm 2023",
        ],
    )
    _title(doc, "THÔNG BÁO", "Ý kiến kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 4 năm 2023")
    _body(
        doc,
        "Ngày 10/4/2023, Giám đốc Sở chủ trì họp giao ban; sau khi nghe các phòng, đơn vị báo cáo, "
        "Giám đốc Sở kết luận như sau:",
    )
    doc.add_paragraph("Đối với Phòng Kế hoạch - Tài chính", style="List Number")
    doc.add_paragraph(
        "Hoàn thiện dự toán kinh phí sự nghiệp khoa học năm 2024, gửi Sở Tài chính trước ngày 25/4/2023.",
        style="List Bullet",
    )
    doc.add_paragraph("Rà soát các khoản tạm ứng của các đề tài cấp tỉnh, cụ thể:", style="List Bullet")
    doc.add_paragraph("Đề tài nuôi cá lăng chấm tại huyện Lý Nhân;", style="List Bullet 2")
    doc.add_paragraph("Đề tài bảo tồn giống chuối ngự Đại Hoàng.", style="List Bullet 2")
    doc.add_paragraph("Đối với Văn phòng Sở", style="List Number")
    doc.add_paragraph(
        "Phối hợp với Thanh tra Sở xây dựng quy chế tiếp công dân, trình Giám đốc Sở trong tháng 5/2023.",
        style="List Bullet",
    )
    doc.add_paragraph("Theo dõi, đôn đốc các phòng thực hiện kết luận này.", style="List Bullet")
    doc.add_paragraph("Văn phòng Sở thông báo để các phòng, đơn vị biết, thực hiện./.")
    sign = doc.add_table(rows=1, cols=2)
    sign.rows[0].cells[0].text = "Nơi nhận:\n- Lãnh đạo Sở;\n- Lưu: VT, VP."
    sign.rows[0].cells[1].text = "TL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\n\n\nTrần Minh Quân"
    doc.save(path)
    return path


def plan_docx(path: Path) -> Path:
    doc = Document()
    _header(
        doc,
        ["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH", "Số: 118/KH-UBND"],
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Ninh Bình, ngày 05 tháng 6 năm 2023",
        ],
    )
    _title(doc, "KẾ HOẠCH", "Triển khai ứng dụng công nghệ số trong quản lý nhà nước năm 2023")
    _body(doc, "Căn cứ Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ;")
    doc.add_paragraph("TỔ CHỨC THỰC HIỆN", style="List Number")
    _body(
        doc,
        "Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Nội vụ, Sở Tài chính xây dựng "
        "kho dữ liệu dùng chung, hoàn thành trước ngày 30/9/2023.",
    )
    table = doc.add_table(rows=4, cols=5, style="Table Grid")
    head = table.rows[0].cells
    head[0].text = "TT"
    head[1].text = "Nhiệm vụ"
    head[2].merge(head[3]).text = "Cơ quan thực hiện"
    head[4].text = "Thời gian hoàn thành"
    sub = table.rows[1].cells
    sub[0].merge(head[0])
    sub[1].merge(head[1])
    sub[4].merge(head[4])
    sub[2].text = "Chủ trì"
    sub[3].text = "Phối hợp"
    for r, row in enumerate(
        [
            [
                "1",
                "Cập nhật cơ sở dữ liệu thủ tục hành chính",
                "Văn phòng UBND tỉnh",
                "Các sở, ngành",
                "Quý III/2023",
            ],
            [
                "2",
                "Đào tạo kỹ năng số cho cán bộ cấp xã",
                "Sở Nội vụ",
                "Sở Thông tin và Truyền thông; UBND các huyện",
                "Thường xuyên",
            ],
        ],
        start=2,
    ):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    doc.add_paragraph("CHỦ TỊCH")
    doc.add_paragraph("Phạm Quang Ngọc")
    doc.save(path)
    return path


def tracking_docx(path: Path, rows: int = 12) -> Path:
    doc = Document()
    _header(
        doc,
        ["UBND TỈNH THÁI BÌNH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 88/BC-SKHCN"],
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Thái Bình, ngày 20 tháng 6 năm 2023",
        ],
    )
    _title(doc, "BÁO CÁO", "Kết quả thực hiện nhiệm vụ UBND tỉnh giao 6 tháng đầu năm 2023")
    doc.add_paragraph("Phụ lục")
    table = doc.add_table(rows=1, cols=6, style="Table Grid")
    for cell, text in zip(
        table.rows[0].cells,
        ["STT", "Văn bản giao", "Nội dung nhiệm vụ", "Hạn hoàn thành", "Ngày hoàn thành", "Ghi chú"],
        strict=True,
    ):
        cell.text = text
    half = rows // 2
    sections = [("A", "Nhiệm vụ đã hoàn thành"), ("B", "Nhiệm vụ đang thực hiện")]
    n = 0
    for s, (code, title) in enumerate(sections):
        row = table.add_row().cells
        row[0].text = code
        merged = row[1].merge(row[5])
        merged.text = title
        for i in range(half):
            n += 1
            r = table.add_row().cells
            day = 1 + (i % 27)
            r[0].text = str(i + 1)
            r[1].text = f"{200 + n}/UBND-KT ngày {day:02d}/02/2023"
            r[2].text = f"Tham mưu xây dựng kế hoạch chuyển đổi số lĩnh vực số {n} theo chỉ đạo của UBND tỉnh"
            r[3].text = f"{day:02d}/05/2023"
            r[4].text = f"{day:02d}/04/2023" if s == 0 else ""
            r[5].text = ""
        if s == 0:
            doc.add_paragraph("")
    for p in doc.paragraphs:
        for run in p.runs:
            run.font.size = Pt(13)
    doc.save(path)
    return path


def soffice_command(outdir: Path, *files: Path, convert_to: str = "pdf") -> list[str] | None:
    """LibreOffice converting files, with a profile of its own: two LibreOffice processes
    sharing the default profile (parallel test workers) make the second one fail."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    return [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        convert_to,
        "--outdir",
        str(outdir),
        *map(str, files),
    ]


def to_pdf(docx: Path, outdir: Path) -> Path | None:
    cmd = soffice_command(outdir, docx)
    if cmd is None:
        return None
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    pdf = outdir / (docx.stem + ".pdf")
    return pdf if pdf.exists() else None
