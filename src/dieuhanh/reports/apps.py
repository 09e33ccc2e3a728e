from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "dieuhanh.reports"
    label = "reports"
    verbose_name = "Báo cáo"

    def ready(self) -> None:
        # Figure providers (reports.contributions) and due sources (core.due) register on import.
        from dieuhanh.reports import due, task_figures  # noqa: F401
