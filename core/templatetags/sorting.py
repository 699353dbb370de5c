"""Sortable lists in templates (core.sorting): `{% sort_header sort "ten" %}` draws a column
header that sorts by that option, `{% sort_select sort %}` the "Sắp xếp theo" select shown on
phones, where tables turn into cards and their headers are hidden."""

from django import template

register = template.Library()


@register.inclusion_tag("core/_sort_header.html")
def sort_header(sort, name: str, css: str = ""):
    return {"h": sort.header(name), "css": css}


@register.inclusion_tag("core/_sort_select.html")
def sort_select(sort, always: bool = False):
    """`always` shows it at every width (a list with no table headers to click)."""
    return {"sort": sort, "always": always}
