"""The print-friendly HTML view."""

from __future__ import annotations

import dataclasses

from dieuhanh.reports.render import Paragraph, Report, Section, render_report_html


def test_page_setup_and_header(short_report: Report) -> None:
    html = render_report_html(short_report)

    assert "@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm;" in html
    assert "size: A4 landscape" in html
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
    assert "Bắc Giang, ngày 15 tháng 3 năm 2024" in html
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in html


def test_body_numbering_and_appendix(short_report: Report) -> None:
    html = render_report_html(short_report)

    assert '<p class="part">Phần I</p>' in html
    assert '<p class="heading1">I. Thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao</p>' in html
    assert '<p class="heading3">1.1. Quản lý đề tài, dự án cấp quốc gia</p>' in html
    assert "ĐÃ THỰC HIỆN: 07 nhiệm vụ" in html
    assert "181/UBND-KGVX<br>Ngày 12/01/2024" in html
    assert html.count('<tr class="group">') == 3


def test_text_is_escaped(short_report: Report) -> None:
    report = dataclasses.replace(short_report, sections=[Section("A", blocks=[Paragraph("<script>x</script> & y")])])

    html = render_report_html(report)

    assert "<script>x" not in html
    assert "&lt;script&gt;x&lt;/script&gt; &amp; y" in html
