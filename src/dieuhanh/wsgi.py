"""WSGI entry point: gunicorn dieuhanh.wsgi."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dieuhanh.settings.production")

application = get_wsgi_application()
