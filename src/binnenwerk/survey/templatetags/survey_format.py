"""Marks and percentages as shown: one decimal, half-up, decimal comma ('8,2', '80,3%')."""

from decimal import Decimal

from django import template

from binnenwerk.formatting import decimal_nl

register = template.Library()


@register.filter
def cijfer(value: Decimal | None) -> str:
    return "–" if value is None else decimal_nl(value, 1)


@register.filter
def procent(value: Decimal | None) -> str:
    return "–" if value is None else f"{decimal_nl(value, 1)}%"
