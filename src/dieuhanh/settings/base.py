"""Settings shared by every environment. Everything a site changes comes from env vars.

DIEUHANH_DATA_DIR      where the SQLite database, uploads and the generated secret live (./data)
DATABASE_URL           e.g. postgres://user:pass@host:5432/dieuhanh; SQLite in the data dir if unset
DIEUHANH_SECRET_KEY    signing key; generated once into the data dir if unset (required in production)
DIEUHANH_DEBUG         1 to show Django's debug pages (never in production)
DIEUHANH_DEMO          1 in demo mode: demo accounts and their printed passwords exist only then
DIEUHANH_TODAY         YYYY-MM-DD: the app's "today", honoured only in demo or debug mode
DIEUHANH_ALLOWED_HOSTS comma-separated host names (default: localhost names)
DIEUHANH_UPLOAD_MAX_MB largest accepted upload in megabytes (50)
DIEUHANH_EMAIL_URL     smtp://user:pass@host:port (console backend when unset)
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from pathlib import Path

import dj_database_url


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("DIEUHANH_DATA_DIR", Path.cwd() / "data")).resolve()

DEBUG = env_bool("DIEUHANH_DEBUG")
DEMO_MODE = env_bool("DIEUHANH_DEMO")


def _fixed_today() -> dt.date | None:
    value = os.environ.get("DIEUHANH_TODAY", "").strip()
    return dt.date.fromisoformat(value) if value else None


# Demo and debug only: the app's "today" (see dieuhanh.core.clock).
DIEUHANH_TODAY = _fixed_today()


def _secret_key() -> str:
    key = os.environ.get("DIEUHANH_SECRET_KEY")
    if key:
        return key
    # A single-machine install keeps one random key in its data directory (never a default
    # one). Production settings insist on DIEUHANH_SECRET_KEY instead.
    path = DATA_DIR / "secret_key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("DIEUHANH_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DIEUHANH_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "ninja",
    "dieuhanh.core",
    "dieuhanh.orgs",
    "dieuhanh.documents",
    "dieuhanh.tasks",
    "dieuhanh.reports",
    "dieuhanh.notifications",
    "dieuhanh.research",
    "dieuhanh.extraction",
    "dieuhanh.demo",
    "dieuhanh.web",
    "dieuhanh.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "dieuhanh.urls"
WSGI_APPLICATION = "dieuhanh.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dieuhanh.web.context.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'dieuhanh.sqlite3'}",
        conn_max_age=int(os.environ.get("DIEUHANH_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several writers (web + worker) on one file: wait for the lock instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTHENTICATION_BACKENDS = ["dieuhanh.orgs.backends.OrganisationBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "files"
MEDIA_URL = "files/"

UPLOAD_MAX_BYTES = int(float(os.environ.get("DIEUHANH_UPLOAD_MAX_MB", "50")) * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGIN_URL = "/dang-nhap/"
LOGIN_REDIRECT_URL = "/"

_email_url = os.environ.get("DIEUHANH_EMAIL_URL")
if _email_url:
    from urllib.parse import unquote, urlparse

    _parsed = urlparse(_email_url)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _parsed.hostname or "localhost"
    EMAIL_PORT = _parsed.port or 25
    EMAIL_HOST_USER = unquote(_parsed.username or "")
    EMAIL_HOST_PASSWORD = unquote(_parsed.password or "")
    EMAIL_USE_TLS = _parsed.scheme == "smtp+tls"
    EMAIL_USE_SSL = _parsed.scheme == "smtps"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DIEUHANH_FROM_EMAIL", "dieuhanh@localhost")
# Where links in e-mails point, e.g. https://dieuhanh.skhcn.bacgiang.gov.vn
DIEUHANH_SITE_URL = os.environ.get("DIEUHANH_SITE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DIEUHANH_LOG_LEVEL", "WARNING")},
}
