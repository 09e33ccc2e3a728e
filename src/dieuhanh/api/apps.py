from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "dieuhanh.api"
    label = "api"
    verbose_name = "API (mã truy cập)"
