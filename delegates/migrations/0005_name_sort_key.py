"""The register's name order stored on each delegate (core.vntext.name_sort_string, a
collective's name as written), filled for the rows already there."""

from django.db import migrations, models

import core.sorting
from core.vntext import name_sort_string


def fill(apps, schema_editor):
    Delegate = apps.get_model("delegates", "Delegate")
    rows = list(Delegate.objects.only("pk", "full_name", "is_collective"))
    for row in rows:
        row.sort_key = name_sort_string(row.full_name, as_written=row.is_collective)
    Delegate.objects.bulk_update(rows, ["sort_key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("conferences", "0010_plansection_after_duty"),
        ("delegates", "0004_seating"),
    ]

    operations = [
        migrations.AddField(
            model_name="delegate",
            name="sort_key",
            field=core.sorting.SortKeyField(default="", editable=False, max_length=1000),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="delegate",
            index=models.Index(fields=["conference", "sort_key"], name="delegate_name_order"),
        ),
    ]
