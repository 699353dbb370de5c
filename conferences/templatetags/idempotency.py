"""`{% load idempotency %}` then `{% form_token %}` inside a form that creates something."""

from django import template
from django.utils.html import format_html

from ..idempotency import FIELD, new_token

register = template.Library()


@register.simple_tag
def form_token() -> str:
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())
