from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "dieuhanh.research"
    label = "research"
    verbose_name = "Nhiệm vụ KH&CN"

    def ready(self) -> None:
        # The chase registers a due source and the figures register report providers on import.
        from dieuhanh.research import chase, figures  # noqa: F401
