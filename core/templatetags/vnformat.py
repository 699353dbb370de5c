"""Numbers in templates the Vietnamese way ("1.500.000"), with core.vntext's rules."""

from django import template

from core.vntext import format_number

register = template.Library()


@register.filter
def vn_number(value) -> str:
    """ "1.500.000"; "-200.000"; "" for None (nothing recorded yet)."""
    if value is None or value == "":
        return ""
    return format_number(value)
