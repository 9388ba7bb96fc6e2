from django.db import migrations


def nobody_is_superuser(apps, schema_editor):
    """What a user may do follows from their roles, in the admin too (issue 18): the flag that
    gave administrators every permission, account and device changes included, goes."""
    user_model = apps.get_model("auth", "User")
    user_model.objects.filter(is_superuser=True).update(is_superuser=False)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_account_notices"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(nobody_is_superuser, migrations.RunPython.noop)]
