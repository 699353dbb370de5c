"""Forms of the budget and the fund."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from conferences.plans.forms import TEXTAREA, ReturnForm
from core.signers import Capacity

from .models import FundEntry, LineGroup

__all__ = ["ActualForm", "EstimateHeaderForm", "FundEntryForm", "LineForm", "ReturnForm"]

MANUAL_GROUPS = [(v, label) for v, label in LineGroup.choices if v != LineGroup.PRIZES]


class LineForm(forms.Form):
    group = forms.ChoiceField(label="Nhóm chi", choices=MANUAL_GROUPS)
    description = forms.CharField(label="Nội dung chi", max_length=300)
    unit_label = forms.CharField(label="Đơn vị tính", max_length=30, required=False)
    quantity = forms.DecimalField(label="Số lượng", min_value=0, max_digits=10, decimal_places=2)
    unit_price = forms.IntegerField(label="Đơn giá (đồng)", min_value=0, max_value=10**13)


class ActualForm(forms.Form):
    actual_amount = forms.IntegerField(
        label="Thực chi (đồng)", min_value=0, max_value=10**13, required=False
    )


class EstimateHeaderForm(forms.Form):
    parent_body = forms.CharField(label="Cơ quan chủ quản", required=False, max_length=200)
    issuing_body = forms.CharField(label="Cơ quan trình", max_length=200)
    type_code = forms.CharField(label="Ký hiệu", max_length=30, help_text="Ví dụ: TTr-VHXH.")
    place = forms.CharField(label="Địa danh", max_length=100)
    addressee = forms.CharField(label="Kính gửi", max_length=300)
    subject = forms.CharField(label="Trích yếu", max_length=300)
    reason = forms.CharField(
        label="Nội dung trình", required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    funding_source = forms.CharField(label="Nguồn kinh phí", required=False, max_length=300)
    recipients = forms.CharField(
        label="Nơi nhận", widget=forms.Textarea(attrs=TEXTAREA), help_text="Mỗi dòng một nơi."
    )
    signer_capacity = forms.ChoiceField(label="Người ký", choices=Capacity.choices, required=False)
    signer_head_title = forms.CharField(label="Chức danh người đứng đầu", required=False)
    signer_title = forms.CharField(label="Chức vụ người ký", required=False)
    signer_name = forms.CharField(label="Họ tên người ký", required=False, max_length=150)

    def clean_recipients(self):
        return [
            line.strip() for line in self.cleaned_data["recipients"].splitlines() if line.strip()
        ]

    @classmethod
    def for_estimate(cls, estimate, data=None):
        initial = {name: getattr(estimate, name) for name in cls.base_fields}
        initial["recipients"] = "\n".join(estimate.recipients)
        return cls(data, initial=initial)


class FundEntryForm(forms.Form):
    date = forms.DateField(
        label="Ngày", widget=forms.DateInput(attrs={"type": "date"}), initial=timezone.localdate
    )
    kind = forms.ChoiceField(label="Thu hay chi", choices=FundEntry.Kind.choices)
    amount = forms.IntegerField(label="Số tiền (đồng)", min_value=1, max_value=10**13)
    description = forms.CharField(label="Nội dung", max_length=500)
    voucher = forms.CharField(label="Số chứng từ", max_length=50, required=False)
