from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("conferences", "0004_form_submissions_section_versions"),
        ("conferences", "0006_plansection_nest"),
    ]

    operations = []
