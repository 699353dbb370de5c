from django import forms
from django.utils.translation import gettext_lazy as _

from conferences.models import User
from conferences.widgets import EthnicityInput, PositionInput
from core.vntext import EMPHASIS_HELP, nfc

from .eligibility import declaration_conditions
from .models import (
    AwardDecision,
    AwardForm,
    CouncilVote,
    Nomination,
    NominationRound,
    VerificationCode,
)
from .services.decisions import DECISION_FIELDS
from .services.nominations import REQUIRED_FIELDS
from .uploads import MAX_DOSSIER_BYTES, check_dossier

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RoundForm(forms.ModelForm):
    allowed_forms = forms.ModelMultipleChoiceField(
        label=_("Hình thức được đề nghị"),
        queryset=AwardForm.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = NominationRound
        fields = [
            "title",
            "criteria",
            "deadline",
            "allowed_forms",
            "prize_first",
            "prize_second",
            "prize_third",
            "prize_consolation",
        ]
        widgets = {"deadline": DATETIME_INPUT}


class ExtendForm(forms.Form):
    deadline = forms.DateTimeField(label=_("Hạn mới"), widget=DATETIME_INPUT)


class QuotaForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None)
    max_individuals = forms.IntegerField(label=_("Số cá nhân tối đa"), min_value=0)
    max_collectives = forms.IntegerField(label=_("Số tập thể tối đa"), min_value=0)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class DossierField(forms.FileField):
    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and upload is not initial and hasattr(upload, "read"):
            check_dossier(upload)
        return upload


FLAG_FORM_FIELDS = (
    "declarations",
    "discipline_review",
    "under_inspection",
    "complaint_pending",
    "discipline_until",
)
FORM_WIDGETS = {
    "ethnicity": EthnicityInput,
    "position": PositionInput,
    "achievement_summary": forms.Textarea(attrs={"rows": 5}),
    "declarations": forms.CheckboxSelectMultiple,
    "discipline_until": DATE_INPUT,
}


class NominationForm(forms.ModelForm):
    dossier = DossierField(
        label=_("Hồ sơ kèm theo (PDF hoặc DOCX)"),
        required=False,
        help_text=_("Tối đa %(mb)s MB.") % {"mb": MAX_DOSSIER_BYTES // (1024 * 1024)},
    )

    def __init__(self, *args, round=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = round.allowed_forms.filter(active=True)
        qs = qs.filter(**{self.AWARD_FILTER: True})
        self.fields["proposed_award"].queryset = qs
        if "declarations" in self.fields:
            declarations = self.fields["declarations"]
            declarations.queryset = declaration_conditions(qs)
            declarations.label_from_instance = lambda c: f"{c.award_form.name}: {c.text}"
        for name, field in self.fields.items():
            if name in self.REQUIRED:
                field.required = True

    def clean(self):
        data = super().clean()
        return {k: nfc(v) if isinstance(v, str) else v for k, v in data.items()}


class IndividualForm(NominationForm):
    KIND = Nomination.Kind.INDIVIDUAL
    AWARD_FILTER = "for_individuals"
    REQUIRED = REQUIRED_FIELDS[KIND]

    class Meta:
        model = Nomination
        fields = [
            "full_name",
            "gender",
            "birth_year",
            "ethnicity",
            "position",
            "unit_name",
            "sector",
            "works_directly_in_production",
            "achievement_summary",
            "proposed_award",
            "note",
            "dossier",
            *FLAG_FORM_FIELDS,
        ]
        widgets = FORM_WIDGETS


class CollectiveForm(NominationForm):
    KIND = Nomination.Kind.COLLECTIVE
    AWARD_FILTER = "for_collectives"
    REQUIRED = REQUIRED_FIELDS[KIND]

    class Meta:
        model = Nomination
        fields = [
            "collective_name",
            "head_name",
            "member_count",
            "achievement_summary",
            "proposed_award",
            "note",
            "dossier",
            *FLAG_FORM_FIELDS,
        ]
        widgets = FORM_WIDGETS


class HouseholdForm(NominationForm):
    """A household, named by its head (the head's name, gender and birth year)."""

    KIND = Nomination.Kind.HOUSEHOLD
    AWARD_FILTER = "for_households"
    REQUIRED = REQUIRED_FIELDS[KIND]

    class Meta:
        model = Nomination
        fields = [
            "full_name",
            "gender",
            "birth_year",
            "ethnicity",
            "unit_name",
            "member_count",
            "achievement_summary",
            "proposed_award",
            "note",
            "dossier",
            *FLAG_FORM_FIELDS,
        ]
        labels = {
            "full_name": _("Họ và tên chủ hộ"),
            "gender": _("Giới tính của chủ hộ"),
            "birth_year": _("Năm sinh của chủ hộ"),
            "ethnicity": _("Dân tộc"),
            "unit_name": _("Thôn, tổ dân phố (địa chỉ)"),
            "member_count": _("Số nhân khẩu"),
        }
        widgets = FORM_WIDGETS


FORM_OF_KIND = {
    Nomination.Kind.INDIVIDUAL: IndividualForm,
    Nomination.Kind.COLLECTIVE: CollectiveForm,
    Nomination.Kind.HOUSEHOLD: HouseholdForm,
}


def nomination_form_class(kind: str):
    return FORM_OF_KIND[kind]


class FlagsForm(forms.ModelForm):
    """The office corrects the nominee's flags (NĐ 152/2025 Điều 4)."""

    class Meta:
        model = Nomination
        fields = ["discipline_review", "under_inspection", "complaint_pending", "discipline_until"]
        widgets = {"discipline_until": DATE_INPUT}


class OverrideForm(forms.Form):
    rule_code = forms.CharField(widget=forms.HiddenInput, max_length=60)
    reason = forms.CharField(
        label=_("Lý do vẫn đưa ra Hội đồng xét"), widget=forms.Textarea(attrs={"rows": 2})
    )


class ClearanceRequestForm(forms.Form):
    agencies = forms.ModelMultipleChoiceField(
        label=_("Cơ quan được hỏi ý kiến"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    deadline = forms.DateField(label=_("Hạn trả lời"), widget=DATE_INPUT)
    note = forms.CharField(
        label=_("Nội dung đề nghị"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ví dụ: xác nhận việc chấp hành pháp luật, an ninh trật tự tại địa phương."),
    )

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = agencies


class ClearanceAnswerForm(forms.Form):
    objects = forms.TypedChoiceField(
        label=_("Ý kiến"),
        choices=[("0", _("Không có ý kiến khác")), ("1", _("Không đồng ý"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Lý do không đồng ý"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ResolveForm(forms.Form):
    resolution = forms.CharField(
        label=_("Kết quả xử lý ý kiến"), widget=forms.Textarea(attrs={"rows": 2})
    )


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 3}))


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Ý kiến"), choices=CouncilVote.Choice.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(label=_("Nhận xét"), required=False, max_length=500)


class FinaliseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Kết quả"),
        choices=[
            (Nomination.Status.APPROVED, _("Thông qua")),
            (Nomination.Status.REJECTED, _("Không thông qua")),
            (Nomination.Status.RETURNED, _("Trả lại đơn vị")),
        ],
    )
    comment = forms.CharField(label=_("Ghi chú, lý do"), required=False)


class DecisionForm(forms.ModelForm):
    class Meta:
        model = AwardDecision
        fields = list(DECISION_FIELDS)
        widgets = {
            "date": DATE_INPUT,
            "legal_bases": forms.Textarea(attrs={"rows": 4}),
            "executors": forms.Textarea(attrs={"rows": 2}),
            "recipients": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"executors": EMPHASIS_HELP, "prize_source": EMPHASIS_HELP}


class SittingForm(forms.Form):
    """The council's sitting: the office ticks the members present among the council's."""

    held_at = forms.DateTimeField(label=_("Thời gian họp"), widget=DATETIME_INPUT)
    place = forms.CharField(label=_("Địa điểm"), max_length=300)
    chair = forms.ModelChoiceField(label=_("Chủ trì"), queryset=None)
    secretary_name = forms.CharField(label=_("Thư ký"), max_length=150)
    secretary_title = forms.CharField(label=_("Chức vụ của thư ký"), max_length=200, required=False)
    present = forms.ModelMultipleChoiceField(
        label=_("Thành viên có mặt"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        queryset = User.objects.filter(pk__in=[m.pk for m in members]).order_by("full_name")
        self.fields["chair"].queryset = queryset
        self.fields["present"].queryset = queryset
        self.fields["chair"].label_from_instance = str
        self.fields["present"].label_from_instance = str


class DecisionReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    def clean_reason(self):
        return nfc(self.cleaned_data["reason"]).strip()


# --- Verification, revocation, reissue, handover, lookup ----------------------------------------
class VerifyCodeForm(forms.Form):
    ma = forms.CharField(
        label=_("Mã xác minh"),
        max_length=40,
        help_text=_("Mã in cạnh mã QR trên giấy khen hoặc quyết định, ví dụ ABCDE-FGHJK."),
    )


class RevocationForm(forms.Form):
    lines = forms.ModelMultipleChoiceField(
        label=_("Người, tập thể bị thu hồi khen thưởng"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    number = forms.CharField(label=_("Số quyết định thu hồi"), max_length=50)
    date = forms.DateField(label=_("Ngày quyết định thu hồi"), widget=DATE_INPUT)
    issuer = forms.CharField(label=_("Người, cơ quan ký"), max_length=200)
    reason = forms.CharField(
        label=_("Lý do thu hồi"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args, decision: AwardDecision, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lines"].queryset = decision.lines.filter(
            revocation__isnull=True
        ).select_related("nomination", "award_form")
        self.fields["lines"].label_from_instance = lambda line: (
            f"{line.nomination.display_name} — {line.award_form.name}"
        )
        self.fields["issuer"].initial = decision.authority


class ReissueForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Lý do cấp lại"), choices=VerificationCode.ReissueReason.choices
    )
    note = forms.CharField(
        label=_("Ghi rõ (bắt buộc khi chọn lý do khác)"), max_length=300, required=False
    )


class HandoverForm(forms.Form):
    certificates = forms.ModelMultipleChoiceField(
        label=_("Giấy khen đã bàn giao"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    handed_to = forms.CharField(
        label=_("Người nhận thay (bỏ trống nếu chính người được khen nhận)"),
        max_length=150,
        required=False,
    )

    def __init__(self, *args, decision: AwardDecision, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["certificates"].queryset = VerificationCode.objects.filter(
            decision=decision, line__isnull=False, handed_at__isnull=True
        )


class LookupForm(forms.Form):
    q = forms.CharField(
        label=_("Họ tên hoặc tên tập thể (gõ có dấu hay không dấu)"), max_length=150
    )
    birth_year = forms.IntegerField(
        label=_("Năm sinh"), required=False, min_value=1900, max_value=2100
    )
    year = forms.IntegerField(
        label=_("Năm quyết định"), required=False, min_value=1990, max_value=2100
    )
