from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "dieuhanh.notifications"
    label = "notifications"
    verbose_name = "Thông báo"
