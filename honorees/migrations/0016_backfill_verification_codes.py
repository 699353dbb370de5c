"""Decisions issued before verification codes existed get theirs: one for the decision and
one for each line's certificate (the original issue)."""

from django.db import migrations

from honorees.verification_codes import fresh_codes


def backfill(apps, schema_editor):
    AwardDecision = apps.get_model("honorees", "AwardDecision")
    AwardLine = apps.get_model("honorees", "AwardLine")
    VerificationCode = apps.get_model("honorees", "VerificationCode")
    for decision in AwardDecision.objects.filter(status="issued"):
        rows = []
        if not VerificationCode.objects.filter(decision=decision, line__isnull=True).exists():
            rows.append(VerificationCode(decision=decision, line=None))
        lines = AwardLine.objects.filter(decision=decision).exclude(certificates__issue=0)
        rows.extend(VerificationCode(decision=decision, line=line) for line in lines)
        for row, code in zip(rows, fresh_codes(VerificationCode, len(rows)), strict=True):
            row.code = code
        VerificationCode.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [("honorees", "0015_verification")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
