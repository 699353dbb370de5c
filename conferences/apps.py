from django.apps import AppConfig


class ConferencesConfig(AppConfig):
    name = "conferences"
    verbose_name = "Hội nghị và đơn vị"

    def ready(self) -> None:
        from . import db  # noqa: F401  (registers the SQLite search function)
        from .extensions import register_conference_links, register_home_items
        from .models import Role
        from .plans import hooks
        from .uploads import limit_image_decoding

        register_conference_links(hooks.conference_links)
        register_home_items(Role.LEADER, hooks.leader_items)
        limit_image_decoding()
