"""`binnenwerk opschonen` also removes what work in progress left behind (issue 18): expired
sessions (a survey's encrypted answers in progress among them) and import files that were
checked but never confirmed, older than a day. What is still in use stays."""

import datetime as dt
import io
import os

from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from binnenwerk.imports.uploads import upload_folder


def test_expired_sessions_and_old_uploads_go_the_rest_stays(tmp_path):
    with override_settings(IMPORT_UPLOAD_DIR=str(tmp_path / "uploads")):
        folder = upload_folder()
        old, fresh = folder / "oud.xlsx", folder / "vers.xlsx"
        for path in (old, fresh):
            path.write_bytes(b"PK")
        two_days_ago = (timezone.now() - dt.timedelta(days=2)).timestamp()
        os.utime(old, (two_days_ago, two_days_ago))
        expired, live = SessionStore(), SessionStore()
        for session, seconds in ((expired, -60), (live, 3600)):
            session["onderzoek"] = "versleuteld concept"
            session.set_expiry(seconds)
            session.save()
        out = io.StringIO()
        call_command("opschonen", stdout=out)
        assert "1 verlopen sessies en 1 niet bevestigde importbestanden" in out.getvalue()
        assert not old.exists() and fresh.exists()
        assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]
        call_command("opschonen", "--dry-run", stdout=io.StringIO())
        assert fresh.exists()
