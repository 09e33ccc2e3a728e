"""The HTTP API under /api/v1 (django-ninja): documents, tasks, units, people, assigners, period
figures and API tokens, one module per resource in `resources/`.

Endpoints are thin: they parse input, build the caller's `Scope` (from an API token or the
browser session, `auth.py`), read through the selectors and write through the services, so the
API has exactly the permissions of the pages. Errors come back as JSON with a Vietnamese
message (`errors.py`). The `NinjaAPI` object is `dieuhanh.api.main.api`.
"""
