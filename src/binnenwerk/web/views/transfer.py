"""Import and export for the functional administrator: upload, check (dry run), confirm.

The uploaded file is kept in a private temporary folder between the check and the
confirmation, named by a random token held in the user's session.
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from binnenwerk.accounts.constants import Rol
from binnenwerk.coaching.services import export_log
from binnenwerk.imports.dataset import ImportFailed
from binnenwerk.imports.exporters import export_dataset, xlsx_bytes
from binnenwerk.imports.readers import ReadError, read_path
from binnenwerk.imports.services import import_dataset
from binnenwerk.web.views.common import require_role

UPLOADS = Path(tempfile.gettempdir()) / "binnenwerk-uploads"
SESSION_KEY = "import_upload"
SUFFIXES = (".xlsx", ".zip")


class UploadForm(forms.Form):
    bestand = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy(
            "An .xlsx workbook with one sheet per table, or a .zip of .csv files."
        ),
    )

    def clean_bestand(self) -> object:
        upload = self.cleaned_data["bestand"]
        if not upload.name.lower().endswith(SUFFIXES):
            raise forms.ValidationError(_("Choose an .xlsx or .zip file."))
        return upload


def _stored(request: HttpRequest) -> Path | None:
    token = request.session.get(SESSION_KEY)
    if not token:
        return None
    matches = list(UPLOADS.glob(f"{token['id']}{token['suffix']}"))
    return matches[0] if matches else None


def import_page(request: HttpRequest) -> HttpResponse:
    """Upload a file and see what an import would do, without writing anything."""
    require_role(request, Rol.BEHEERDER)
    form = UploadForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["bestand"]
        suffix = Path(upload.name).suffix.lower()
        UPLOADS.mkdir(mode=0o700, exist_ok=True)
        token = secrets.token_hex(16)
        target = UPLOADS / f"{token}{suffix}"
        with target.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        request.session[SESSION_KEY] = {"id": token, "suffix": suffix, "naam": upload.name}
        try:
            context["report"] = import_dataset(
                actor=request.user, dataset=read_path(target), dry_run=True
            )
            context["bestandsnaam"] = upload.name
        except (ReadError, ImportFailed) as problem:
            target.unlink(missing_ok=True)
            request.session.pop(SESSION_KEY, None)
            context["fouten"] = getattr(problem, "errors", None) or [str(problem)]
    return render(request, "web/transfer/import.html", context)


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    require_role(request, Rol.BEHEERDER)
    stored = _stored(request)
    if stored is None:
        messages.error(request, _("There is no checked file any more; upload it again."))
        return redirect("web:import")
    try:
        report = import_dataset(actor=request.user, dataset=read_path(stored))
    except (ReadError, ImportFailed):
        messages.error(request, _("The data has changed since the check; check again."))
        return redirect("web:import")
    finally:
        stored.unlink(missing_ok=True)
        request.session.pop(SESSION_KEY, None)
    messages.success(
        request,
        _("Import saved: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.")
        % {
            "created": report.created_total,
            "updated": report.updated_total,
            "unchanged": report.unchanged_total,
        },
    )
    return redirect("web:import")


def export_download(request: HttpRequest) -> HttpResponse:
    """The whole organisation in the import format, as one workbook."""
    require_role(request, Rol.BEHEERDER)
    dataset = export_dataset()
    people = dataset.get("medewerkers")
    export_log(  # personal data of everyone: logged in the access log (issue 11)
        actor=request.user,
        naam="export binnenwerk-export.xlsx",
        aantal=len(people.rows) if people else 0,
        scope="hele organisatie",
    )
    response = HttpResponse(
        xlsx_bytes(dataset),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="binnenwerk-export.xlsx"'
    return response
