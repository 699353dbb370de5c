from django.apps import AppConfig


class AssignmentsConfig(AppConfig):
    name = "assignments"
    verbose_name = "Phân công nhiệm vụ"

    def ready(self) -> None:
        from conferences.models import Role
        from core.extensions import (
            register_conference_links,
            register_demo_seeder,
            register_home_items,
        )

        from . import home
        from .demo import seed_demo_assignments

        register_home_items(Role.REPORTER, home.reporter_items)
        register_home_items(Role.STAFF, home.staff_items)
        register_conference_links(home.conference_links)
        register_demo_seeder(seed_demo_assignments)

        from conferences.plans.outline import register_section_provider

        from .selectors import implementation_plan_lines, steps_plan_lines

        register_section_provider("implementation", implementation_plan_lines)
        register_section_provider("steps", steps_plan_lines)
