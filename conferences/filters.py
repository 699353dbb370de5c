import django_filters
from django.utils.translation import gettext_lazy as _

from .models import ActivityEntry


class ActivityFilter(django_filters.FilterSet):
    conference = django_filters.ModelChoiceFilter(label=_("Hội nghị"), queryset=None)
    actor = django_filters.ModelChoiceFilter(label=_("Người thực hiện"), queryset=None)
    object_repr = django_filters.CharFilter(label=_("Đối tượng"), lookup_expr="icontains")
    content_type = django_filters.NumberFilter(
        field_name="content_type_id", widget=django_filters.widgets.forms.HiddenInput
    )
    object_id = django_filters.CharFilter(widget=django_filters.widgets.forms.HiddenInput)
    date_from = django_filters.DateFilter(
        label=_("Từ ngày"), field_name="created_at", lookup_expr="date__gte"
    )
    date_to = django_filters.DateFilter(
        label=_("Đến ngày"), field_name="created_at", lookup_expr="date__lte"
    )

    class Meta:
        model = ActivityEntry
        fields = ["conference", "actor", "object_repr"]

    def __init__(self, *args, conferences=None, actors=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["conference"].queryset = conferences
        self.filters["actor"].queryset = actors
