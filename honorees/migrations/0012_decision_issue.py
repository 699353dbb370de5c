"""The decision's path: the leader approves (or returns with a reason), the văn thư issues with
the number and the date. Signed decisions become issued (the signer's time stands for the issue);
typed "số sổ vàng" values that are whole numbers are kept as numbers."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def signed_to_issued(apps, schema_editor):
    AwardDecision = apps.get_model("honorees", "AwardDecision")
    for decision in AwardDecision.objects.filter(status="signed"):
        decision.status = "issued"
        decision.issued_at = decision.signed_at
        decision.issued_by_id = decision.signed_by_id
        decision.save(update_fields=["status", "issued_at", "issued_by"])


def issued_to_signed(apps, schema_editor):
    AwardDecision = apps.get_model("honorees", "AwardDecision")
    AwardDecision.objects.filter(status="approved").update(status="draft")
    AwardDecision.objects.filter(status="issued").update(status="signed")


def keep_typed_numbers(apps, schema_editor):
    AwardLine = apps.get_model("honorees", "AwardLine")
    lines = []
    for line in AwardLine.objects.exclude(gold_book_number=""):
        text = line.gold_book_number.strip()
        if text.isdigit() and 0 < int(text) < 2**31:
            line.gold_book = int(text)
            lines.append(line)
    AwardLine.objects.bulk_update(lines, ["gold_book"])


class Migration(migrations.Migration):
    dependencies = [
        ("honorees", "0011_prize_base_series"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="awarddecision",
            name="decision_signed_has_number",
        ),
        migrations.AddField(
            model_name="awarddecision",
            name="issued_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="awarddecision",
            name="issued_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="awarddecision",
            name="return_reason",
            field=models.TextField(blank=True, verbose_name="lý do lãnh đạo trả lại"),
        ),
        migrations.AlterField(
            model_name="awarddecision",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "Dự thảo"),
                    ("approved", "Lãnh đạo đã duyệt, chờ văn thư ban hành"),
                    ("issued", "Đã ban hành"),
                ],
                default="draft",
                max_length=10,
                verbose_name="trạng thái",
            ),
        ),
        migrations.RunPython(signed_to_issued, issued_to_signed),
        migrations.AddField(
            model_name="awardline",
            name="gold_book",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="số sổ vàng"),
        ),
        migrations.RunPython(keep_typed_numbers, migrations.RunPython.noop),
        migrations.RemoveField(model_name="awardline", name="gold_book_number"),
        migrations.RenameField(
            model_name="awardline", old_name="gold_book", new_name="gold_book_number"
        ),
        migrations.AddConstraint(
            model_name="awarddecision",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("number__isnull", True), ("status", "draft")),
                    models.Q(
                        ("number__isnull", True),
                        ("signed_at__isnull", False),
                        ("status", "approved"),
                    ),
                    models.Q(
                        ("issued_at__isnull", False),
                        ("number__isnull", False),
                        ("signed_at__isnull", False),
                        ("status", "issued"),
                    ),
                    _connector="OR",
                ),
                name="decision_number_only_when_issued",
            ),
        ),
        migrations.AddConstraint(
            model_name="awardline",
            constraint=models.UniqueConstraint(
                fields=("decision", "gold_book_number"), name="awardline_gold_book_once"
            ),
        ),
    ]
