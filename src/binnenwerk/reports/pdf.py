"""The annual overview as an accessible PDF: WeasyPrint renders the same HTML as the page
(a print stylesheet, A4, page numbers), tagged (PDF/UA-1) with the title in its metadata."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpResponse
from django.utils.translation import gettext as _


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported here: loading Pango costs time on every start

    result = HTML(string=html, base_url=None).write_pdf(pdf_variant="pdf/ua-1")
    assert result is not None
    return bytes(result)


def pdf_response(make_pdf: Callable[[], bytes], filename: str) -> HttpResponse:
    """The PDF shown in the browser; 503 with what to install when WeasyPrint cannot load
    Pango (the server lacks its system libraries)."""
    try:
        content = make_pdf()
    except OSError:
        message = _(
            "The PDF cannot be made on this server: the system libraries for PDF (Pango) are"
            " missing. The administrator installs them with `make pdf-libraries`."
        )
        return HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
