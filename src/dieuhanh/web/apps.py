from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "dieuhanh.web"
    label = "web"
    verbose_name = "Trang web"
