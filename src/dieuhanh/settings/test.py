"""Test settings: fast hashing, in-memory e-mail, files in a throw-away folder."""

import os
import tempfile

os.environ.setdefault("DIEUHANH_SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("DIEUHANH_DATA_DIR", tempfile.mkdtemp(prefix="dieuhanh-test-"))

from .base import *  # noqa: F403
from .base import DATABASES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WHITENOISE_AUTOREFRESH = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"].pop("init_command", None)
