"""Join the council, eligibility and decision branches. The decision branch added the
province's "Chiến sĩ thi đua cấp tỉnh" (cstd-tinh), whose conditions the eligibility seeding
skipped while the form did not exist: seed them now (idempotent by code)."""

from django.db import migrations

from honorees.conditions_seed import seed_conditions


def seed_missing_conditions(apps, schema_editor):
    seed_conditions(
        apps.get_model("honorees", "AwardForm"), apps.get_model("honorees", "AwardCondition")
    )


def remove_their_conditions(apps, schema_editor):
    """Going back: the conditions of the forms the decision branch's catalogue adds go first,
    so that branch's own reverse can remove its forms."""
    from importlib import import_module

    catalogue = import_module("honorees.migrations.0010_catalogue_from_law")
    apps.get_model("honorees", "AwardCondition").objects.filter(
        award_form__code__in=catalogue.NEW_FORMS
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("honorees", "0010_merge"),
        ("honorees", "0013_backfill_issued_lines"),
    ]

    operations = [migrations.RunPython(seed_missing_conditions, remove_their_conditions)]
