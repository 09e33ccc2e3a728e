from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "dieuhanh.orgs"
    label = "orgs"
    verbose_name = "Cơ quan, đơn vị, cán bộ"
