"""The demo's quarterly report: Q1/2024 partly submitted, and the files a clerk downloads."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document as open_docx

from dieuhanh.cli import main
from dieuhanh.demo.builder import build_demo
from dieuhanh.reports.models import PeriodReport
from dieuhanh.reports.selectors import Timeliness, completeness, submission_statuses

pytestmark = pytest.mark.django_db


def test_q1_2024_shows_who_submitted_on_time_late_and_not_at_all():
    build_demo()
    report = PeriodReport.objects.get(org__slug="bac-giang", report_type__code="quy", period_key="2024-Q1")
    statuses = submission_statuses(report, dt.date(2024, 3, 25))
    c = completeness(statuses)
    assert (c.expected, c.on_time, c.late, c.missing) == (6, 4, 1, 1)
    by_name = {s.unit.name: s.timeliness for s in statuses}
    assert by_name["Thanh tra Sở"] is Timeliness.LATE
    assert by_name["Phòng Quản lý khoa học công nghệ cơ sở và Sở hữu trí tuệ"] is Timeliness.MISSING


def test_report_build_command_gives_the_full_report_with_the_seed_appendix(tmp_path, capsys):
    build_demo()
    out = tmp_path / "bao-cao.docx"
    code = main(["report", "build", "--org", "bac-giang", "--type", "quy", "--period", "2024-Q1", "--out", str(out)])
    assert code in (0, None)
    assert "phụ lục 20 nhiệm vụ" in capsys.readouterr().out
    document = open_docx(io.BytesIO(out.read_bytes()))
    table = document.tables[-1]
    task_rows = [r for r in table.rows if r.cells[0].text.isdigit()]
    assert len(task_rows) == 20
    text = "\n".join(p.text for p in document.paragraphs)
    assert "NHIỆM VỤ CÔNG TÁC QUÝ II" in text
    assert "Phương tiện đo được kiểm định: 1.291 phương tiện" in text
