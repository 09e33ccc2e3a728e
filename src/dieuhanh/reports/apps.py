from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "dieuhanh.reports"
    label = "reports"
    verbose_name = "Báo cáo"
