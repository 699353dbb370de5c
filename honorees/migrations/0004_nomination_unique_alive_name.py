import django.db.models.functions.comparison
from django.db import migrations, models

ALIVE = ["draft", "submitted", "returned", "approved", "awarded"]


def withdraw_double_clicked(apps, schema_editor):
    """Before the constraint: a person nominated twice in a round by racing clicks keeps the
    first nomination; later copies still in draft or submitted are withdrawn, with an event
    saying why. (Copies in later states cannot be settled here: the constraint then fails and
    names them.)"""
    Nomination = apps.get_model("honorees", "Nomination")
    NominationEvent = apps.get_model("honorees", "NominationEvent")
    seen = set()
    alive = Nomination.objects.filter(status__in=ALIVE).order_by("id")
    for n in alive.only("id", "round_id", "name_key", "birth_year", "status"):
        key = (n.round_id, n.name_key, n.birth_year or 0)
        if key not in seen:
            seen.add(key)
            continue
        if n.status in ("draft", "submitted"):
            NominationEvent.objects.create(
                nomination_id=n.pk,
                from_status=n.status,
                to_status="withdrawn",
                comment="Rút tự động: hồ sơ trùng do gửi biểu mẫu hai lần.",
            )
            Nomination.objects.filter(pk=n.pk).update(status="withdrawn")


class Migration(migrations.Migration):
    dependencies = [
        ("honorees", "0003_move_number_register"),
    ]

    operations = [
        migrations.RunPython(withdraw_double_clicked, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="nomination",
            constraint=models.UniqueConstraint(
                models.F("round"),
                models.F("name_key"),
                django.db.models.functions.comparison.Coalesce("birth_year", 0),
                condition=models.Q(("status__in", ALIVE)),
                name="nomination_unique_alive_name",
            ),
        ),
    ]
