from django.apps import AppConfig


class ExtractionConfig(AppConfig):
    name = "dieuhanh.extraction"
    label = "extraction"
    verbose_name = "Nhập văn bản"
