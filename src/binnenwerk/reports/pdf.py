"""The annual overview as an accessible PDF: WeasyPrint renders the same HTML as the page
(a print stylesheet, A4, page numbers), tagged (PDF/UA-1) with the title in its metadata."""

from __future__ import annotations


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported here: loading Pango costs time on every start

    result = HTML(string=html, base_url=None).write_pdf(pdf_variant="pdf/ua-1")
    assert result is not None
    return bytes(result)
