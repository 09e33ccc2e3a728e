"""Fixtures of the renderer tests: seed 000's Q1/2024 report as renderer input."""

from __future__ import annotations

import pytest

from dieuhanh.reports.render import Report, render_report_docx
from dieuhanh.reports.render.sample import sample_report, seed_report


@pytest.fixture(scope="session")
def seed() -> Report:
    """Seed 000's whole report with its 20-task appendix, numbered: Số 12/BC-KHCN of 15/03/2024."""
    return seed_report(draft=False)


@pytest.fixture(scope="session")
def seed_docx(seed: Report) -> bytes:
    return render_report_docx(seed)


@pytest.fixture
def short_report() -> Report:
    return sample_report(draft=False)
