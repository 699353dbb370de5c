from django.apps import AppConfig


class FinanceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "finance"
    verbose_name = "Kinh phí và quỹ thi đua"

    def ready(self):
        from conferences.models import Role
        from core.extensions import (
            register_conference_links,
            register_decision_issued,
            register_demo_seeder,
            register_home_items,
        )

        from . import extensions
        from .demo import seed_demo_finance
        from .services import record_decision_prize

        register_conference_links(extensions.conference_links)
        register_home_items(Role.LEADER, extensions.leader_items)
        register_decision_issued(record_decision_prize)
        register_demo_seeder(seed_demo_finance)
