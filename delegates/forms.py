from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from conferences.forms import XlsxUploadForm  # noqa: F401 - used by the import view
from conferences.widgets import EthnicityInput, PositionInput, UnitSearchWidget

from .models import (
    AisleSide,
    CompositionRule,
    Delegate,
    DelegateCategory,
    DelegateRound,
    InvitationStatus,
    Source,
    TargetKind,
)


class CategoryForm(forms.ModelForm):
    class Meta:
        model = DelegateCategory
        fields = [
            "title",
            "parent",
            "order",
            "target_kind",
            "target_min",
            "target_max",
            "share_percent",
            "noun",
            "zero_pad",
            "marker",
            "note",
            "description",
            "is_honoree_category",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        # Three levels: a line, its sub-lines, and theirs.
        parents = DelegateCategory.objects.filter(conference=conference).filter(
            Q(parent=None) | Q(parent__parent=None)
        )
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].required = False


class TargetForm(forms.Form):
    """The inline target editor on the composition screen (HTMX). A plain form: the service
    says what is wrong with the numbers, in words."""

    target_kind = forms.ChoiceField(choices=TargetKind.choices)
    target_min = forms.IntegerField(min_value=0, required=False)
    target_max = forms.IntegerField(min_value=0, required=False)
    share_percent = forms.IntegerField(min_value=0, required=False)


class SmallControls:
    """Bootstrap classes for forms laid out by hand in a template."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = (
                "form-select form-select-sm" if select else "form-control form-control-sm"
            )


class RuleForm(SmallControls, forms.ModelForm):
    class Meta:
        model = CompositionRule
        fields = [
            "kind",
            "total_min",
            "total_max",
            "attribute",
            "min_percent",
            "max_percent",
            "expected",
            "note",
        ]


class RoundForm(SmallControls, forms.ModelForm):
    class Meta:
        model = DelegateRound
        fields = ["deadline", "instructions", "line_marker"]
        widgets = {
            "deadline": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "instructions": forms.Textarea(attrs={"rows": 2}),
        }


class InvitationDateForm(SmallControls, forms.ModelForm):
    """The place and date line of the invitations."""

    class Meta:
        model = DelegateRound
        fields = ["invitation_place", "invitation_date", "invitation_day_blank"]
        widgets = {"invitation_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


PERSON_FIELDS = [
    "title",
    "full_name",
    "gender",
    "birth_year",
    "ethnicity",
    "position",
    "sector",
    "works_directly_in_production",
    "phone",
]


class UnitDelegateForm(forms.ModelForm):
    """A unit's submitter names one delegate, in one of the unit's allocated categories."""

    class Meta:
        model = Delegate
        fields = ["category", *PERSON_FIELDS]
        widgets = {"ethnicity": EthnicityInput, "position": PositionInput}

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories
        self.fields["gender"].required = True


class DelegateForm(forms.ModelForm):
    """The office's form: any category, any source, a unit or a unit name."""

    class Meta:
        model = Delegate
        fields = [
            "category",
            "source",
            *PERSON_FIELDS,
            "is_collective",
            "unit",
            "unit_name",
            "seat_or_zone",
        ]
        # A province has thousands of units: a search field, never a select of all of them.
        widgets = {
            "unit": UnitSearchWidget, "ethnicity": EthnicityInput, "position": PositionInput,
        }  # fmt: skip

    def __init__(self, *args, conference, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = DelegateCategory.objects.filter(conference=conference)
        self.fields["unit"].queryset = units
        self.fields["unit"].widget.search_under(conference.organiser)
        self.fields["source"].initial = Source.GUEST


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label=_("Tên"), required=False)
    category = forms.ModelChoiceField(label=_("Thành phần"), queryset=None, required=False)
    # A province's register holds units by the hundred: a search field, never a select.
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=None, required=False, widget=UnitSearchWidget
    )
    invitation_status = forms.ChoiceField(
        label=_("Tình trạng mời"),
        choices=[("", "Tất cả"), *InvitationStatus.choices],
        required=False,
    )
    source = forms.ChoiceField(
        label=_("Nguồn"), choices=[("", "Tất cả"), *Source.choices], required=False
    )

    def __init__(self, *args, categories, units, within=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories
        self.fields["unit"].queryset = units
        self.fields["unit"].widget.search_under(within, include_root=True)

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = dict(self.cleaned_data)
        for key in ("category", "unit"):
            data[key] = data[key].pk if data.get(key) else None
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=InvitationStatus.choices)


class TokenForm(forms.Form):
    token = forms.CharField(label=_("Mã giấy mời"), max_length=60)


class InvitationChoiceForm(forms.Form):
    """Which delegates to print invitations for."""

    category = forms.ModelChoiceField(
        label=_("Thành phần"), queryset=None, required=False, empty_label=_("Tất cả")
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        queryset=None,
        required=False,
        widget=UnitSearchWidget,
        help_text=_("Để trống: mọi đơn vị."),
    )
    status = forms.ChoiceField(
        label=_("Tình trạng mời"),
        choices=[("", _("Chưa từ chối (mặc định)")), *InvitationStatus.choices],
        required=False,
    )

    def __init__(self, *args, categories, units, within=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories
        self.fields["unit"].queryset = units
        self.fields["unit"].widget.search_under(within)


# --- the seating plan --------------------------------------------------------------------------
class HallSetupForm(forms.Form):
    """The quick set-up: "3 khu, 12 hàng, 10 ghế"."""

    blocks = forms.IntegerField(label=_("Số khu"), min_value=1, max_value=8, initial=3)
    rows = forms.IntegerField(label=_("Số hàng mỗi khu"), min_value=1, max_value=60, initial=12)
    seats_per_row = forms.IntegerField(
        label=_("Số ghế mỗi hàng"), min_value=1, max_value=60, initial=10
    )
    reserved_rows = forms.IntegerField(
        label=_("Số hàng đầu dành cho lãnh đạo, khách mời"),
        min_value=0,
        max_value=60,
        initial=1,
    )


class HallSettingsForm(forms.Form):
    stage_label = forms.CharField(label=_("Chữ ghi ở sân khấu"), max_length=100)
    front_categories = forms.ModelMultipleChoiceField(
        label=_("Thành phần ngồi hàng đầu (lãnh đạo, khách mời)"),
        queryset=DelegateCategory.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["front_categories"].queryset = DelegateCategory.objects.filter(
            conference=conference
        ).order_by("order", "id")


class BlockForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(label=_("Tên khu"), max_length=60)
    rows = forms.IntegerField(label=_("Số hàng"), min_value=1, max_value=60)
    seats_per_row = forms.IntegerField(label=_("Ghế mỗi hàng"), min_value=1, max_value=60)
    aisle_side = forms.ChoiceField(
        label=_("Lối đi"), choices=AisleSide.choices, initial=AisleSide.BOTH
    )
    reserved_rows = forms.IntegerField(
        label=_("Hàng dành cho lãnh đạo"), min_value=0, max_value=60, initial=0
    )


BlockFormSet = forms.formset_factory(BlockForm, extra=1, can_delete=True, max_num=8)


class AutoPlaceForm(forms.Form):
    redo_all = forms.BooleanField(
        label=_("Xếp lại toàn bộ (bỏ cả những chỗ đã chuyển bằng tay)"), required=False
    )
    present_only = forms.BooleanField(
        label=_("Chỉ xếp những người đã có mặt (đã đón tiếp)"), required=False
    )


class MoveForm(forms.Form):
    """A delegate to a seat: by the seat's id (drag and drop) or by block, row and number
    (the form "Chuyển đến ghế"); no seat at all takes the delegate's seat away."""

    delegate = forms.IntegerField(widget=forms.HiddenInput)
    seat = forms.IntegerField(required=False, widget=forms.HiddenInput)
    block = forms.IntegerField(label=_("Khu"), required=False)
    row = forms.IntegerField(label=_("Hàng"), min_value=1, required=False)
    number = forms.IntegerField(label=_("Ghế"), min_value=1, required=False)
