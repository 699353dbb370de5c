"""The lists' name order stored on each nomination (core.vntext.name_sort_string of the
person's name, a household's head's; a collective's name as written), filled for the rows
already there."""

from django.db import migrations, models

import core.sorting
from core.vntext import name_sort_string


def fill(apps, schema_editor):
    Nomination = apps.get_model("honorees", "Nomination")
    rows = list(Nomination.objects.only("pk", "kind", "full_name", "collective_name"))
    for row in rows:
        collective = row.kind == "collective"
        name = row.collective_name if collective else row.full_name
        row.sort_key = name_sort_string(name, as_written=collective)
    Nomination.objects.bulk_update(rows, ["sort_key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("conferences", "0010_plansection_after_duty"),
        ("honorees", "0017_merge"),
    ]

    operations = [
        migrations.AddField(
            model_name="nomination",
            name="sort_key",
            field=core.sorting.SortKeyField(default="", editable=False, max_length=1000),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="nomination",
            index=models.Index(fields=["round", "sort_key"], name="nomination_name_order"),
        ),
    ]
