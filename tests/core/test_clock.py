"""The app's today: the real date, or a demo's fixed date only in demo or debug mode."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from dieuhanh.core import clock


def test_a_fixed_date_is_honoured_in_demo_mode(settings):
    settings.DIEUHANH_TODAY, settings.DEMO_MODE, settings.DEBUG = dt.date(2024, 3, 26), True, False
    assert clock.today() == dt.date(2024, 3, 26)


def test_a_fixed_date_is_ignored_on_a_real_site(settings):
    settings.DIEUHANH_TODAY, settings.DEMO_MODE, settings.DEBUG = dt.date(2024, 3, 26), False, False
    assert clock.today() == timezone.localdate()
