from django.apps import AppConfig


class HonoreesConfig(AppConfig):
    name = "honorees"
    verbose_name = "Khen thưởng"
