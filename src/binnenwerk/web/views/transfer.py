"""Import and export for the functional administrator: upload, check (dry run), confirm.

The upload is received within the upload limit (a larger one is refused before its body is
read, binnenwerk.imports.uploads) and read by the bounded reader. A checked file is kept,
0600 in a private folder, under a random name held in the user's session until it is
confirmed; it is removed after a refused check, after the confirmation and on any error, and
files left behind by a check never confirmed are removed at the next upload.
"""

from __future__ import annotations

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
from binnenwerk.imports.limits import Limits
from binnenwerk.imports.readers import ReadError, read_path
from binnenwerk.imports.services import import_dataset
from binnenwerk.imports.uploads import (
    LimitedUploadForm,
    bounded_upload_page,
    refusal,
    upload_leftovers_remove,
    upload_remove,
    upload_store,
    upload_stored,
)
from binnenwerk.web.views.common import require_role

SESSION_KEY = "import_upload"
SUFFIXES = (".xlsx", ".zip")
TEMPLATE = "web/transfer/import.html"


class UploadForm(LimitedUploadForm):
    bestand = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy(
            "An .xlsx workbook with one sheet per table, or a .zip of .csv files."
        ),
    )
    suffixes = SUFFIXES

    def wrong_kind(self) -> str:
        return _("Choose an .xlsx or .zip file.")


@bounded_upload_page(
    allowed=lambda request: require_role(request, Rol.BEHEERDER),
    limit=lambda: Limits.from_settings().upload_bytes,
    form_class=UploadForm,
    template=TEMPLATE,
)
def import_page(request: HttpRequest, form: UploadForm) -> HttpResponse:
    """Upload a file and see what an import would do, without writing anything."""
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload_leftovers_remove()
        upload_remove(_take_stored(request))  # an earlier check of this session
        upload = form.cleaned_data["bestand"]
        target = upload_store(upload, Path(upload.name).suffix.lower())
        kept = False
        try:
            context["report"] = import_dataset(
                actor=request.user, dataset=read_path(target, name=upload.name), dry_run=True
            )
            context["bestandsnaam"] = upload.name
            request.session[SESSION_KEY] = {"bestand": target.name, "naam": upload.name}
            kept = True
        except (ReadError, ImportFailed) as problem:
            context.update(refusal(problem))
        finally:
            if not kept:
                upload_remove(target)
    return render(request, TEMPLATE, context)


def _take_stored(request: HttpRequest) -> Path | None:
    """The file this session checked last (it leaves the session)."""
    token = request.session.pop(SESSION_KEY, None)
    if not isinstance(token, dict) or not isinstance(token.get("bestand"), str):
        return None
    return upload_stored(token["bestand"])


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    require_role(request, Rol.BEHEERDER)
    name = request.session.get(SESSION_KEY, {}).get("naam", "")
    stored = _take_stored(request)
    if stored is None:
        messages.error(request, _("There is no checked file any more; upload it again."))
        return redirect("web:import")
    try:
        report = import_dataset(actor=request.user, dataset=read_path(stored, name=name))
    except (ReadError, ImportFailed):
        messages.error(request, _("The data has changed since the check; check again."))
        return redirect("web:import")
    finally:
        upload_remove(stored)
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
