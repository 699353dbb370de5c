from django.apps import AppConfig


class CeremonyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ceremony"
    verbose_name = "Lễ trao thưởng"
