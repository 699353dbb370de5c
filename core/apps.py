from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Dùng chung"

    def ready(self) -> None:
        from . import db  # noqa: F401  (registers the diacritic-free search lookup)
        from .uploads import limit_image_decoding

        limit_image_decoding()
