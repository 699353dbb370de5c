from django.apps import AppConfig


class DelegatesConfig(AppConfig):
    name = "delegates"
    verbose_name = "Đại biểu"

    def ready(self) -> None:
        from conferences.models import Role
        from core.jobs import register_importer

        from .services.importing import IMPORTER

        register_importer("delegates", IMPORTER)
        from core.extensions import (
            register_conference_links,
            register_demo_seeder,
            register_home_items,
        )

        from .demo import seed_demo_delegates, seed_demo_hall
        from .hooks import conference_links, submitter_home_items

        register_conference_links(conference_links)
        register_home_items(Role.SUBMITTER, submitter_home_items)
        register_demo_seeder(seed_demo_delegates)
        register_demo_seeder(seed_demo_hall, late=True)

        from conferences.plans.outline import register_section_provider

        from .plan import plan_section_lines

        register_section_provider("composition", plan_section_lines)

        from documents.services import register_after_render

        from .services.invitations import mark_printed_invitations

        register_after_render("delegate_invitations", mark_printed_invitations)
