"""Template filters for Dutch numbers and dates (rounding only here, when shown)."""

import datetime as dt
from decimal import Decimal

from django import template

from binnenwerk.formatting import date_nl, decimal_nl

register = template.Library()


@register.filter
def nl(value: object) -> str:
    """Decimal comma for jobs, dd-mm-jjjj for dates, as is for the rest."""
    if isinstance(value, Decimal):
        return decimal_nl(value)
    if isinstance(value, dt.date):
        return date_nl(value)
    return "" if value is None else str(value)


@register.filter
def heel(value: Decimal) -> str:
    return decimal_nl(value, places=0)
