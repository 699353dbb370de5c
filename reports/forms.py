"""Forms of the report editor: the plan's header form (without the plan's own month), a
section form whose text uses the plan editor's notation, and the plan's return/issue forms."""

from __future__ import annotations

from django import forms

from conferences.plans.forms import TEXTAREA, IssueForm, PlanHeaderForm, ReturnForm
from core.vntext import EMPHASIS_HELP

from .models import ReportSection

__all__ = ["IssueForm", "ReportHeaderForm", "ReturnForm", "SectionForm"]


class ReportHeaderForm(PlanHeaderForm):
    undated_month = None
    type_code = forms.CharField(label="Ký hiệu", max_length=30, help_text="Ví dụ: BC-UBND.")
    subject = forms.CharField(
        label="Trích yếu",
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text="Mỗi dòng là một dòng in dưới chữ BÁO CÁO.",
    )


class SectionForm(forms.Form):
    heading = forms.CharField(label="Tiêu đề mục", required=False, max_length=300)
    level = forms.TypedChoiceField(
        label="Cấp mục",
        coerce=int,
        choices=ReportSection._meta.get_field("level").choices,
        initial=1,
    )
    text = forms.CharField(
        label="Nội dung",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 6, "data-figures": "1"}),
        help_text="Mỗi dòng một đoạn; “- ” gạch đầu dòng, “1. ” đánh số. Số liệu: chép mã trong "
        "bảng Số liệu, ví dụ [[ho_so_gui]]; số được tính lại mỗi lần xem, in cho đến khi ban "
        f"hành. {EMPHASIS_HELP}",
    )


class AddSectionForm(SectionForm):
    kind = forms.ChoiceField(
        label="Loại mục", choices=ReportSection.Kind.choices, initial=ReportSection.Kind.TEXT
    )
