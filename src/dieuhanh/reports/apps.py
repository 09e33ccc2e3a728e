from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "dieuhanh.reports"
    label = "reports"
    verbose_name = "Báo cáo"

    def ready(self) -> None:
        # Figure providers register themselves with reports.contributions on import.
        from dieuhanh.reports import task_figures  # noqa: F401
