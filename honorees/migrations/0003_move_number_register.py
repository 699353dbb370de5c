"""The register of document numbers moves to `conferences` (plans are numbered from it
too): copy the rows, then drop the honorees table."""

from django.db import migrations


def copy_registers(apps, schema_editor):
    old = apps.get_model("honorees", "DocumentNumberRegister")
    new = apps.get_model("conferences", "DocumentNumberRegister")
    for row in old.objects.all():
        new.objects.update_or_create(
            unit_id=row.unit_id,
            year=row.year,
            type_code=row.type_code,
            defaults={"last_number": row.last_number},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("honorees", "0002_seed_award_catalogue"),
        ("conferences", "0002_plans"),
    ]

    operations = [
        migrations.RunPython(copy_registers, migrations.RunPython.noop),
        migrations.DeleteModel(name="DocumentNumberRegister"),
    ]
