"""URLs under /api/: version 1, its documentation, and a JSON 404 for everything else."""

from django.urls import path, re_path

from dieuhanh.api.main import api, docs_view, not_found_view

urlpatterns = [
    path("v1/", api.urls),
    re_path(r"^docs/?$", docs_view, name="api-docs"),
    re_path(r"^(?P<rest>.*)$", not_found_view),
]
