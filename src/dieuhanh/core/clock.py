"""Today's date, for every rule that depends on it (statuses, reminders, dashboards).

`today()` is the local date in Asia/Ho_Chi_Minh. A demo or a trial can set the clock with
`DIEUHANH_TODAY=2024-03-26` (honoured only in demo or debug mode, never on a real site), so
that the seed's quarter can be replayed as it was lived.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone


def today() -> dt.date:
    fixed = getattr(settings, "DIEUHANH_TODAY", None)
    if fixed and (settings.DEMO_MODE or settings.DEBUG):
        return fixed
    return timezone.localdate()
