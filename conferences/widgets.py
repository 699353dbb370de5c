"""A unit chosen among thousands: a search-as-you-type field (HTMX, `unit_search`), never a
select with every unit of the province in it. The chosen units are hidden inputs (chips);
the form's field (a ModelChoiceField or ModelMultipleChoiceField) still checks the value
against its queryset, which the widget never lists."""

from urllib.parse import urlencode

from django import forms
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from core.vocabulary import ETHNIC_GROUPS, POSITIONS

from .models import Unit


class UnitSearchWidget(forms.Widget):
    template_name = "conferences/widgets/unit_search.html"

    def __init__(self, attrs=None, *, multiple: bool = False):
        super().__init__(attrs)
        self.multiple = multiple
        self.within: Unit | None = None
        self.include_root = False

    def search_under(self, unit: Unit | None, *, include_root: bool = False) -> None:
        """Suggest only units below `unit` (and `unit` itself with include_root)."""
        self.within, self.include_root = unit, include_root

    def render(self, name, value, attrs=None, renderer=None):
        """With the project's templates (the default form renderer sees Django's own only)."""
        context = self.get_context(name, value, attrs)
        return mark_safe(render_to_string(self.template_name, context))  # noqa: S308 - a template

    def value_from_datadict(self, data, files, name):
        if self.multiple:
            return data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False  # no chip sent: nothing chosen (a removed chip clears the field)

    def format_value(self, value):
        if value in (None, ""):
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(getattr(v, "pk", v)) for v in values if v not in (None, "")]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        pks = [int(v) for v in context["widget"]["value"] if str(v).isdigit()]
        labels = dict(Unit.objects.filter(pk__in=pks).values_list("pk", "name")) if pks else {}
        query = {"goc": "1"} if self.include_root else {}
        if self.within is not None:
            query["trong"] = self.within.pk
        context["widget"].update(
            chosen=[(pk, labels[pk]) for pk in pks if pk in labels],
            multiple=self.multiple,
            search_url=reverse("unit_search") + ("?" + urlencode(query) if query else ""),
        )
        return context


class SuggestionInput(forms.TextInput):
    """A text field suggesting the values of a fixed list as one types (a datalist)."""

    suggestions: tuple[str, ...] = ()

    def render(self, name, value, attrs=None, renderer=None):
        from django.utils.html import format_html, format_html_join

        attrs = dict(attrs or {})
        list_id = f"{attrs.get('id', name)}-list"
        attrs.update(list=list_id, autocomplete="off")
        options = format_html_join(
            "", '<option value="{}"></option>', ((g,) for g in self.suggestions)
        )
        field = super().render(name, value, attrs, renderer)
        return format_html('{}<datalist id="{}">{}</datalist>', field, list_id, options)


class EthnicityInput(SuggestionInput):
    """The 54 ethnic groups; the services write what is typed as the list names it and refuse
    a name not in it."""

    suggestions = ETHNIC_GROUPS


class PositionInput(SuggestionInput):
    """The positions lists write most often; any other is accepted."""

    suggestions = POSITIONS
