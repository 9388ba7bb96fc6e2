"""The codes' digests become keyed: HMAC-SHA256(key, the stored SHA-256 hex digest).

The key is HMAC-SHA256(settings.BSN_ZOEKSLEUTEL, label), as in services.code_digest (repeated
here: a migration imports no app code). Every stored digest is converted in place, so codes
handed out before keep working. One way only: the keyed digest cannot be turned back.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import migrations, models

CODE_KEY_LABEL = b"binnenwerk:onderzoek:code-digest:v1"
BATCH = 1000


def _key():
    secret = str(getattr(settings, "BSN_ZOEKSLEUTEL", "") or "")
    if not secret:
        raise ImproperlyConfigured(
            "BSN_ZOEKSLEUTEL ontbreekt: zet de omgevingsvariabele BSN_ZOEKSLEUTEL."
        )
    return hmac.new(secret.encode(), CODE_KEY_LABEL, hashlib.sha256).digest()


def keyed_digests(apps, schema_editor):
    Uitnodiging = apps.get_model("survey", "Uitnodiging")
    rows = list(Uitnodiging.objects.order_by("pk").only("pk", "digest"))
    if not rows:
        return
    key = _key()
    for row in rows:
        row.digest = hmac.new(key, row.digest.encode(), hashlib.sha256).hexdigest()
    Uitnodiging.objects.bulk_update(rows, ["digest"], batch_size=BATCH)


class Migration(migrations.Migration):

    dependencies = [
        ("survey", "0001_questionnaire_codes_responses"),
    ]

    operations = [
        migrations.AlterField(
            model_name="uitnodiging",
            name="digest",
            field=models.CharField(
                max_length=64, unique=True, verbose_name="keyed digest of the code (HMAC-SHA256)"
            ),
        ),
        migrations.RunPython(keyed_digests, elidable=False),
    ]
