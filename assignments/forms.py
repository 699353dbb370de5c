from django import forms
from django.utils.translation import gettext_lazy as _

from conferences.widgets import UnitSearchWidget
from core.vntext import EMPHASIS_HELP

from .models import Assignment, DeadlineKind, DutyStatus, DutyTemplate, Milestone
from .selectors import agency_units


class DeadlineFields(forms.Form):
    deadline_kind = forms.ChoiceField(
        label=_("Thời hạn"), choices=DeadlineKind.choices, initial=DeadlineKind.NONE
    )
    deadline_date = forms.DateField(
        label=_("Ngày hạn"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    offset_days = forms.IntegerField(
        label=_("Số ngày so với ngày hội nghị"),
        required=False,
        min_value=-365,
        max_value=365,
        help_text=_("-1: trước một ngày; 0: đúng ngày; 3: sau ba ngày."),
    )


class AssignmentForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Cơ quan, đơn vị"), queryset=None, widget=UnitSearchWidget
    )
    role = forms.ChoiceField(label=_("Vai trò"), choices=Assignment.Role.choices)
    supports = forms.ModelChoiceField(label=_("Phối hợp với"), queryset=None, required=False)
    heading = forms.CharField(
        label=_("Tiêu đề in trong kế hoạch"),
        max_length=300,
        required=False,
        help_text=_("Để trống để dùng tên đơn vị."),
    )
    note = forms.CharField(
        label=_("Đoạn ghi chú"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=EMPHASIS_HELP,
    )

    def __init__(self, *args, conference, instance=None, **kwargs):
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "unit": instance.unit_id,
                    "role": instance.role,
                    "supports": instance.supports_id,
                    "heading": instance.heading,
                    "note": instance.note,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = agency_units(conference)
        self.fields["unit"].widget.search_under(conference.organiser, include_root=True)
        others = conference.assignments.all()
        if instance is not None:
            others = others.exclude(pk=instance.pk)
            self.fields["unit"].disabled = True
        self.fields["supports"].queryset = others


class DutyForm(DeadlineFields):
    text = forms.CharField(
        label=_("Nội dung nhiệm vụ"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=EMPHASIS_HELP,
    )
    deadline_label = forms.CharField(
        label=_("Thời hạn ghi trong kế hoạch"),
        required=False,
        max_length=200,
        help_text=_(
            "Lời của kế hoạch, in nghiêng trong ngoặc: “hoàn thành trước 07 ngày tổ chức Hội "
            "nghị”, “trong tháng 11 năm 2026”. Để trống để in ngày hạn."
        ),
    )
    field_order = ["text", "deadline_kind", "deadline_date", "offset_days", "deadline_label"]

    @classmethod
    def for_duty(cls, duty, data=None):
        initial = {
            "text": duty.text,
            "deadline_kind": duty.deadline_kind,
            "deadline_date": duty.deadline_date,
            "offset_days": duty.offset_days,
            "deadline_label": duty.deadline_label,
        }
        return cls(data, initial=initial)


class MilestoneForm(DeadlineFields):
    title = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 2}))
    date_label = forms.CharField(
        label=_("Thời gian như in"),
        required=False,
        max_length=100,
        help_text=_("Để trống để tự ghi theo ngày; ví dụ: Từ ngày 15-17/3/2020."),
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị thực hiện"),
        queryset=None,
        required=False,
        widget=UnitSearchWidget(multiple=True),
    )
    responsible_text = forms.CharField(
        label=_("Đơn vị thực hiện (ghi thêm)"), required=False, max_length=500
    )
    field_order = ["title", "deadline_kind", "deadline_date", "offset_days", "date_label"]

    def __init__(self, *args, conference, instance: Milestone | None = None, **kwargs):
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": instance.title,
                    "deadline_kind": instance.deadline_kind,
                    "deadline_date": instance.deadline_date,
                    "offset_days": instance.offset_days,
                    "date_label": instance.date_label,
                    "units": list(instance.units.all()),
                    "responsible_text": instance.responsible_text,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = agency_units(conference)
        self.fields["units"].widget.search_under(conference.organiser, include_root=True)


class TemplateApplyForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Mẫu nhiệm vụ"), queryset=DutyTemplate.objects.all(), empty_label=None
    )


class StatusForm(forms.Form):
    """A report on a duty; `choices` are the statuses its current one may move to."""

    status = forms.ChoiceField(label=_("Trạng thái"), choices=DutyStatus.choices)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    file = forms.FileField(
        label=_("Tệp đính kèm"),
        required=False,
        help_text=_("PDF, Word, Excel hoặc ảnh (JPG, PNG), tối đa 10 MB."),
    )

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices
