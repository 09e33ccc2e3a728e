"""Authentication: demo accounts sign in only while the app runs in demo mode."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class OrganisationBackend(ModelBackend):
    def user_can_authenticate(self, user: Any) -> bool:
        if not super().user_can_authenticate(user):
            return False
        person = getattr(user, "person", None)
        # Demo passwords are printed on screen: they must never open a real deployment.
        return not (person is not None and person.org.is_demo and not settings.DEMO_MODE)
