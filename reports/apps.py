from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = "Báo cáo tổng kết"

    def ready(self):
        from conferences.models import Role
        from core.extensions import (
            register_conference_links,
            register_demo_seeder,
            register_home_items,
        )

        from . import extensions
        from .demo import seed_demo_report

        register_conference_links(extensions.conference_links)
        register_home_items(Role.LEADER, extensions.leader_items)
        register_demo_seeder(seed_demo_report)
