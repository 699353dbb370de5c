from django.apps import AppConfig


class HonoreesConfig(AppConfig):
    name = "honorees"
    verbose_name = "Khen thưởng"

    def ready(self):
        from conferences.models import Role
        from core.jobs import register_importer

        from .services.imports import IMPORTER

        register_importer("nominations", IMPORTER)
        from core.extensions import (
            register_conference_links,
            register_demo_seeder,
            register_home_items,
            register_stage_order,
        )

        from . import extensions
        from .demo import seed_demo_honorees

        register_conference_links(extensions.conference_links)
        register_home_items(Role.SUBMITTER, extensions.submitter_items)
        register_home_items(Role.COUNCIL, extensions.council_items)
        register_home_items(Role.LEADER, extensions.leader_items)
        register_home_items(Role.STAFF, extensions.staff_items)
        register_home_items(Role.REPORTER, extensions.reporter_items)
        register_home_items(Role.CLERK, extensions.clerk_items)
        register_demo_seeder(seed_demo_honorees)
        from .selectors import stage_order

        # The seating plan puts honourees near the aisle in the order they go up on stage.
        register_stage_order(stage_order)
