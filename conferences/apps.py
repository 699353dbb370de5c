from django.apps import AppConfig


class ConferencesConfig(AppConfig):
    name = "conferences"
    verbose_name = "Hội nghị và đơn vị"

    def ready(self) -> None:
        from . import db  # noqa: F401  (registers the SQLite search function)
