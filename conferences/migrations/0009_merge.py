from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("conferences", "0008_clerk_role"),
        ("conferences", "0008_user_home_seen_at"),
    ]

    operations = []
