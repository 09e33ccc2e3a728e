"""Production settings: base plus the hardening a public deployment needs.

Use with DJANGO_SETTINGS_MODULE=dieuhanh.settings.production behind a TLS-terminating proxy.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

if not os.environ.get("DIEUHANH_SECRET_KEY"):
    raise ImproperlyConfigured(
        "DIEUHANH_SECRET_KEY is not set. Set it to a long random value "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DIEUHANH_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
WHITENOISE_USE_FINDERS = False
