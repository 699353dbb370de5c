from django.apps import AppConfig


class CeremonyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ceremony"
    verbose_name = "Lễ trao thưởng"

    def ready(self) -> None:
        from core.extensions import register_conference_links, register_demo_seeder

        from .demo import seed_demo_ceremony
        from .extensions import conference_links

        register_conference_links(conference_links)
        register_demo_seeder(seed_demo_ceremony)
