"""The monitor's pages: Table 1 (with downloads and a print layout), realisation over the
quarters, the quotum calculator, and the coordinators' entry of targets and figures."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binnenwerk.accounts.selectors import MonitorScope, monitor_scope
from binnenwerk.imports.dataset import ImportFailed
from binnenwerk.imports.limits import Limits
from binnenwerk.imports.readers import ReadError
from binnenwerk.imports.uploads import bounded_upload_page, refusal
from binnenwerk.monitor import charts, presenters, services
from binnenwerk.monitor.calculator import doel
from binnenwerk.monitor.forms import (
    CalculatorForm,
    DoelstellingForm,
    KwartaalcijferForm,
    KwartaalForm,
    QuotumForm,
    UploadForm,
)
from binnenwerk.monitor.importing import import_kwartaalcijfers, read_sheet
from binnenwerk.monitor.models import Doelstelling, Kwartaalcijfer, Quotumpercentage
from binnenwerk.monitor.quarters import Kwartaal
from binnenwerk.monitor.selectors import (
    Tabel1,
    kwartalen_met_cijfers,
    realisatie_reeks,
    scoped,
    tabel1,
    tabellen,
)
from binnenwerk.web.views.forms_people import service_form

UPLOAD_KEY = "monitor_upload"
IMPORT_TEMPLATE = "monitor/import.html"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _scope(request: HttpRequest) -> MonitorScope:
    scope = monitor_scope(request.user)
    if scope is None:
        raise Http404
    return scope


def _editor(request: HttpRequest) -> MonitorScope:
    scope = _scope(request)
    if not scope.may_edit:
        raise Http404
    return scope


def _chosen_quarter(
    request: HttpRequest, known: list[Kwartaal] | None = None
) -> tuple[KwartaalForm, Kwartaal]:
    """The quarter asked for, else the latest with figures (`known`, read when not given),
    else the current one."""
    form = KwartaalForm(request.GET or None)
    chosen = form.cleaned_data.get("kwartaal") if form.is_valid() else None
    if chosen is None:
        known = kwartalen_met_cijfers() if known is None else known
        chosen = known[-1] if known else Kwartaal.containing(dt.date.today())
    return form, chosen


def tabel_page(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    known = kwartalen_met_cijfers()
    form, kwartaal = _chosen_quarter(request, known)
    # The chart's quarters (up to two years back) and the chosen one, computed together.
    quarters = [k for k in known if k.jaar >= kwartaal.jaar - 2 and k <= kwartaal] or [kwartaal]
    tables = tabellen([*quarters, kwartaal])
    table = scoped(tables[kwartaal], scope)
    series_code = _series_code(request, scope)
    series = realisatie_reeks([tables[k] for k in quarters], series_code)
    context: dict[str, Any] = {
        "form": form,
        "tabel": table,
        "rijen": [(presenters.label(r), presenters.shown_cells(r), r) for r in table.rijen],
        "totaal": presenters.shown_cells(table.totaal),
        "headers": presenters.headers(),
        "footnote": presenters.footnote(),
        "titel": presenters.title(table),
        "quotum_text": _quotum_text(table),
        "kwartalen": known,
        "scope": scope,
        "reeks": series,
        "reeks_code": series_code,
        "reeks_svg": charts.realisation_chart(
            tuple((str(p.kwartaal), p.totaal, p.doel) for p in series)
        )
        if series
        else "",
        "organisaties": [r.code for r in table.rijen if r.doel is not None],
        "figuur_svg": charts.ministries_chart(
            tuple((r.code, r.totaal, r.doel) for r in table.rijen if r.doel is not None)
        )
        if any(r.doel is not None for r in table.rijen)
        else "",
    }
    return render(request, "monitor/tabel.html", context)


def _quotum_text(table: Tabel1) -> str:
    return presenters.percentage_nl(table.quotumpercentage) if table.quotumpercentage else ""


def _series_code(request: HttpRequest, scope: MonitorScope) -> str | None:
    """Whose realisation the chart shows: the Rijk, or one ministry in the user's scope."""
    code = request.GET.get("organisatie") or None
    if code is None and scope.ministries:
        code = sorted(scope.ministries)[0]
    if code is not None and not scope.shows(code):
        raise Http404
    return code


def tabel_download(request: HttpRequest, suffix: str) -> HttpResponse:
    scope = _scope(request)
    if suffix not in ("csv", "xlsx"):
        raise Http404
    _, kwartaal = _chosen_quarter(request)
    table = scoped(tabel1(kwartaal), scope)
    filename = f"banenafspraak-tabel1-{kwartaal}.{suffix}"
    if suffix == "xlsx":
        response = HttpResponse(presenters.tabel1_xlsx(table), content_type=XLSX)
    else:
        response = HttpResponse(
            presenters.tabel1_csv(table), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def tabel_print(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    _, kwartaal = _chosen_quarter(request)
    table = scoped(tabel1(kwartaal), scope)
    return render(
        request,
        "monitor/afdrukken.html",
        {
            "tabel": table,
            "titel": presenters.title(table),
            "quotum_text": _quotum_text(table),
            "headers": presenters.headers(),
            "rijen": [(presenters.label(r), presenters.shown_cells(r), r) for r in table.rijen],
            "totaal": presenters.shown_cells(table.totaal),
            "footnote": presenters.footnote(),
        },
    )


def calculator_page(request: HttpRequest) -> HttpResponse:
    _scope(request)
    latest = Quotumpercentage.objects.first()
    initial = {"voltijd_uren": 36, "percentage": latest.percentage if latest else None}
    form = CalculatorForm(request.GET or None, initial=initial)
    result = None
    if request.GET and form.is_valid():
        result = doel(**form.cleaned_data)
    return render(request, "monitor/calculator.html", {"form": form, "result": result})


def invoer_page(request: HttpRequest) -> HttpResponse:
    """Targets and quotum of a year and the quarter's figures, with links to change them."""
    _editor(request)
    form, kwartaal = _chosen_quarter(request)
    context = {
        "form": form,
        "kwartaal": kwartaal,
        "quotum": Quotumpercentage.objects.filter(jaar=kwartaal.jaar).first(),
        "doelen": Doelstelling.objects.filter(jaar=kwartaal.jaar).select_related("organisatie"),
        "cijfers": Kwartaalcijfer.objects.filter(
            jaar=kwartaal.jaar, kwartaal=kwartaal.nummer
        ).select_related("organisatie"),
        "tabel": tabel1(kwartaal),
    }
    return render(request, "monitor/invoer.html", context)


def _back(kwartaal: Any) -> str:
    return f"/monitor/invoer/?kwartaal={kwartaal}"


def quotum_edit(request: HttpRequest) -> HttpResponse:
    _editor(request)
    return service_form(
        request,
        QuotumForm(request.POST or None, initial={"jaar": request.GET.get("jaar")}),
        lambda data: services.quotumpercentage_set(actor=request.user, **data),
        done=lambda quotum: (
            _("The quotum percentage for %(year)s is saved.") % {"year": quotum.jaar},
            _back(Kwartaal(quotum.jaar, 4)),
        ),
        title=_("Quotum percentage"),
        button=_("Save"),
        back="/monitor/invoer/",
    )


def doelstelling_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _editor(request)
    target = get_object_or_404(Doelstelling, pk=pk) if pk is not None else None

    def save(data: dict[str, Any]) -> Doelstelling:
        fields = {name: data[name] for name in DoelstellingForm.Meta.fields}
        if target is None:
            return services.doelstelling_create(actor=request.user, **fields)
        return services.doelstelling_update(actor=request.user, doelstelling=target, **fields)

    return service_form(
        request,
        DoelstellingForm(request.POST or None, instance=target),
        save,
        done=lambda saved: (
            _("Target %(target)s is saved.") % {"target": saved},
            _back(Kwartaal(saved.jaar, 4)),
        ),
        # asked after validation, which has put the values typed on `target`
        title=lambda: (
            _("New target")
            if target is None
            else _("Change target %(target)s") % {"target": target}
        ),
        button=_("Save"),
        back="/monitor/invoer/",
    )


def kwartaalcijfer_edit(request: HttpRequest) -> HttpResponse:
    _editor(request)
    return service_form(
        request,
        KwartaalcijferForm(request.POST or None, initial=request.GET.dict()),
        lambda data: services.kwartaalcijfer_set(actor=request.user, **data),
        done=lambda figure: (
            _("The figures of %(figure)s are saved.") % {"figure": figure},
            _back(Kwartaal(figure.jaar, figure.kwartaal)),
        ),
        title=_("Quarterly figures"),
        button=_("Save"),
        back="/monitor/invoer/",
    )


@bounded_upload_page(
    allowed=_editor,
    limit=lambda: Limits.for_monitor().upload_bytes,
    form_class=UploadForm,
    template=IMPORT_TEMPLATE,
)
def import_page(request: HttpRequest, form: UploadForm) -> HttpResponse:
    """Upload a sheet and see what it would change; nothing is written until confirmed. A file
    beyond the monitor's upload limit is refused before it is received (IMPORT_MONITOR_…)."""
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["bestand"]
        content = upload.read(form.limit + 1)
        request.session.pop(UPLOAD_KEY, None)
        try:
            sheet = read_sheet(upload.name, content)
            context["report"] = import_kwartaalcijfers(
                actor=request.user, sheet=sheet, dry_run=True
            )
        except (ReadError, ImportFailed) as problem:
            context.update(refusal(problem))
        else:
            context["bestandsnaam"] = upload.name
            request.session[UPLOAD_KEY] = {
                "naam": upload.name,
                "inhoud": base64.b64encode(content).decode("ascii"),
            }
    return render(request, IMPORT_TEMPLATE, context)


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    _editor(request)
    stored = request.session.pop(UPLOAD_KEY, None)
    if stored is None:
        messages.error(request, _("There is no checked file any more; upload it again."))
        return redirect("monitor:import")
    try:
        sheet = read_sheet(stored["naam"], base64.b64decode(stored["inhoud"]))
        report = import_kwartaalcijfers(actor=request.user, sheet=sheet)
    except (ReadError, ImportFailed):
        messages.error(request, _("The data changed since the check; check again."))
        return redirect("monitor:import")
    messages.success(request, _("Import saved: %(summary)s") % {"summary": report.summary()})
    return redirect("monitor:import")
