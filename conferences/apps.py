from django.apps import AppConfig


class ConferencesConfig(AppConfig):
    name = "conferences"
    verbose_name = "Hội nghị và đơn vị"

    def ready(self) -> None:
        from core.jobs import register_importer

        from .unit_import import IMPORTER

        register_importer("units", IMPORTER)
        from core.extensions import register_conference_links, register_home_items

        from .models import Role
        from .plans import hooks

        register_conference_links(hooks.conference_links)
        register_home_items(Role.LEADER, hooks.leader_items)
        register_home_items(Role.STAFF, hooks.staff_items)
