from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("honorees", "0004_nomination_unique_alive_name"),
        ("honorees", "0005_awardform_paper"),
    ]

    operations = []
