from django.db import migrations, models


def fail_duplicate_renders(apps, schema_editor):
    """Before the constraint: of several waiting or running renders of the same content,
    the oldest stays; the others are marked failed (their task finds them so and stops)."""
    GeneratedDocument = apps.get_model("documents", "GeneratedDocument")
    seen = set()
    active = GeneratedDocument.objects.filter(status__in=["pending", "rendering"]).order_by("id")
    for doc in active.only("id", "content_hash", "fmt"):
        key = (doc.content_hash, doc.fmt)
        if key in seen:
            GeneratedDocument.objects.filter(pk=doc.pk).update(
                status="failed", error="Yêu cầu in trùng (bấm hai lần); dùng bản in còn lại."
            )
        seen.add(key)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_lease"),
    ]

    operations = [
        migrations.RunPython(fail_duplicate_renders, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="generateddocument",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status__in", ["pending", "rendering"])),
                fields=("content_hash", "fmt"),
                name="document_one_active_render",
            ),
        ),
    ]
