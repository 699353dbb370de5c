"""Forms of the plan editor. Each section kind has a form whose `content()` returns the
structured content the services store (conferences.plans.content)."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.utils import timezone

from conferences.models import Conference, PlanSection
from core.signers import Capacity
from core.vntext import EMPHASIS_HELP

from . import content as C

TEXTAREA = {"rows": 3, "class": "form-control"}
ARCHIVE_LINE = re.compile(r"^[-–—•]?\s*Lưu\b", re.IGNORECASE)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class PlanStartForm(forms.Form):
    template = forms.ChoiceField(
        label="Bắt đầu từ mẫu",
        choices=[*Conference.Kind.choices, ("blank", "Kế hoạch trống (tự thêm từng mục)")],
        required=False,
        help_text="Mẫu có sẵn lời văn thường dùng cho từng loại hội nghị; sửa lại theo thực tế.",
    )
    copy_from = forms.ModelChoiceField(
        label="Hoặc sao chép kế hoạch của hội nghị trước",
        queryset=Conference.objects.none(),
        required=False,
        help_text="Các năm trong nội dung được dời theo giai đoạn mới; căn cứ pháp lý giữ nguyên "
        "để anh/chị cập nhật.",
    )

    def __init__(self, *args, sources=None, conference=None, **kwargs):
        super().__init__(*args, **kwargs)
        if sources is not None:
            self.fields["copy_from"].queryset = sources
        if conference is not None:
            self.fields["template"].initial = conference.kind


class PlanHeaderForm(forms.Form):
    parent_body = forms.CharField(label="Cơ quan chủ quản", required=False, max_length=200)
    issuing_body = forms.CharField(label="Cơ quan ban hành", max_length=200)
    type_code = forms.CharField(label="Ký hiệu", max_length=30, help_text="Ví dụ: KH-UBND.")
    place = forms.CharField(label="Địa danh", max_length=100)
    subject = forms.CharField(
        label="Trích yếu",
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text="Mỗi dòng là một dòng in dưới chữ KẾ HOẠCH.",
    )
    recipients = forms.CharField(
        label="Nơi nhận",
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 5}),
        help_text="Mỗi dòng một nơi nhận; dòng cuối là “Lưu: VT, ...”. Có gõ dấu “- ” đầu dòng "
        "và dấu “;” cuối dòng hay không, bản in vẫn đúng thể thức: “- Tên nơi nhận;”, dòng "
        "cuối “- Lưu: VT, ...”.",
    )
    undated_month = forms.DateField(
        label="Tháng ghi trên bản chưa ban hành",
        required=False,
        input_formats=["%Y-%m", "%m/%Y"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        help_text="Dòng “ngày    tháng ... năm ...” khi chưa ban hành. Để trống: tháng gửi duyệt.",
    )
    signer_body = forms.CharField(
        label="Thay mặt tập thể (TM.)",
        required=False,
        max_length=200,
        help_text="Ví dụ: ỦY BAN NHÂN DÂN. Để trống khi cá nhân người có thẩm quyền ký.",
    )
    signer_capacity = forms.ChoiceField(label="Người ký", choices=Capacity.choices, required=False)
    signer_head_title = forms.CharField(
        label="Chức danh người đứng đầu",
        required=False,
        max_length=100,
        help_text="Ví dụ: CHỦ TỊCH.",
    )
    signer_title = forms.CharField(
        label="Chức vụ người ký",
        required=False,
        max_length=100,
        help_text="Khi ký thay (KT.), thừa lệnh, thừa ủy quyền: ví dụ PHÓ CHỦ TỊCH.",
    )
    signer_name = forms.CharField(label="Họ tên người ký", required=False, max_length=150)

    def clean_recipients(self):
        """Kept as typed (dashes and all); the last line is "Lưu: ..." with or without "- "."""
        lines = _lines(self.cleaned_data["recipients"])
        if lines and not ARCHIVE_LINE.match(lines[-1]):
            raise forms.ValidationError("Dòng cuối của Nơi nhận phải là “Lưu: VT, ...”.")
        return lines

    @classmethod
    def for_plan(cls, plan, data=None):
        initial = {name: getattr(plan, name) for name in cls.base_fields}
        initial["recipients"] = "\n".join(plan.recipients)
        return cls(data, initial=initial)


class SectionForm(forms.Form):
    """The fields every section has."""

    heading = forms.CharField(label="Tiêu đề mục", required=False, max_length=300)
    level = forms.TypedChoiceField(
        label="Cấp mục",
        coerce=int,
        choices=PlanSection._meta.get_field("level").choices,
    )
    number = forms.CharField(
        label="Số mục tự đặt",
        required=False,
        max_length=10,
        help_text="Để trống để đánh số tự động.",
    )
    inline = forms.BooleanField(label="Nội dung viết liền sau tiêu đề", required=False)
    # The section's version when the form was opened: a save from an older one is a conflict.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    nest = forms.TypedChoiceField(
        label="Đặt vào trong ý phía trên",
        coerce=int,
        initial=0,
        required=False,
        empty_value=0,
        choices=[(0, "Không"), (1, "Thụt vào 1 cấp"), (2, "Thụt vào 2 cấp"), (3, "Thụt vào 3 cấp")],
        help_text="Đặt cả mục (makét, chương trình, các ý) vào trong ý đứng ngay trước nó, ví dụ "
        "trong nhiệm vụ của một cơ quan.",
    )
    after_duty = forms.CharField(
        label="Đặt sau nhiệm vụ (trong mục Tổ chức thực hiện)",
        required=False,
        max_length=10,
        help_text="Số cơ quan.số nhiệm vụ, ví dụ 3.2: in mục này ngay sau nhiệm vụ thứ 2 của cơ "
        "quan thứ 3, trước nhiệm vụ tiếp theo (chọn thêm “Thụt vào 1 cấp” để nằm trong nhiệm vụ). "
        "Để trống: in đúng chỗ của mục.",
    )

    def content(self) -> dict:
        return {}

    @classmethod
    def initial_for(cls, section: PlanSection) -> dict:
        return {
            "heading": section.heading,
            "level": section.level,
            "number": section.number,
            "inline": section.inline,
            "version": section.version,
            "nest": section.nest,
            "after_duty": section.after_duty,
        }


class TextSectionForm(SectionForm):
    items_text = forms.CharField(
        label="Nội dung",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "class": "form-control font-monospace"}),
        help_text="Mỗi dòng một ý. Bắt đầu bằng “- ”, “+ ”, “* ” để gạch đầu dòng, “1. ” để đánh "
        "số, “> ” cho ý con; “**Tiêu đề:** nội dung” để in đậm phần đầu. Dòng khác là đoạn văn. "
        + EMPHASIS_HELP,
    )

    def content(self) -> dict:
        return {"items": C.items_from_text(self.cleaned_data["items_text"])}

    @classmethod
    def initial_for(cls, section):
        return {
            **super().initial_for(section),
            "items_text": C.items_to_text(section.content.get("items", [])),
        }


class LegalDocumentForm(forms.Form):
    doc_type = forms.CharField(label="Loại văn bản", required=False, max_length=100)
    number = forms.CharField(label="Số, ký hiệu", required=False, max_length=60)
    date = forms.DateField(
        label="Ngày", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    issuer = forms.CharField(label="Cơ quan ban hành", required=False, max_length=300)
    subject = forms.CharField(label="Trích yếu (về việc ...)", required=False, max_length=1000)


LegalDocumentFormSet = forms.formset_factory(LegalDocumentForm, extra=1)


class LegalBasisSectionForm(SectionForm):
    verb = forms.ChoiceField(
        label="Mở đầu bằng", choices=[("Căn cứ", "Căn cứ"), ("Thực hiện", "Thực hiện")]
    )
    joined = forms.BooleanField(
        label="Gộp các văn bản trong một đoạn (ngăn cách bằng dấu chấm phẩy)", required=False
    )
    formset_class = LegalDocumentFormSet
    formset_key = "documents"

    def content(self) -> dict:
        return {
            "verb": self.cleaned_data["verb"],
            "joined": self.cleaned_data["joined"],
            "documents": [
                {**d, "date": d["date"].isoformat() if d.get("date") else ""} for d in self.rows
            ],
        }

    @classmethod
    def initial_for(cls, section):
        data = C.clean("legal_basis", section.content)
        return {**super().initial_for(section), "verb": data["verb"], "joined": data["joined"]}

    @staticmethod
    def rows_initial(section) -> list[dict]:
        rows = C.clean("legal_basis", section.content)["documents"]
        return [{**r, "date": _date(r["date"])} for r in rows]


def _date(value: str):
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


class TimeSectionForm(SectionForm):
    show_length = forms.BooleanField(label="Ghi thời lượng (1/2 ngày, một buổi)", required=False)
    length_text = forms.CharField(
        label="Thời lượng theo lời kế hoạch",
        required=False,
        max_length=100,
        help_text="Ví dụ: ½ ngày. Để trống để dùng thời lượng của hội nghị.",
    )
    session = forms.ChoiceField(
        label="Buổi",
        required=False,
        choices=[("", "Không ghi"), ("sáng", "sáng"), ("chiều", "chiều"), ("tối", "tối")],
    )
    short_date = forms.BooleanField(label="Ghi ngày gọn (15/3/2026)", required=False)
    show_weekday = forms.BooleanField(label="Ghi thứ trong tuần", required=False, initial=True)
    when_text = forms.CharField(
        label="Ngày theo lời kế hoạch",
        required=False,
        max_length=300,
        help_text="Thay cho ngày của hội nghị khi cần, ví dụ: ngày 10 hoặc ngày 11/01/2027. "
        "Ngày của hội nghị vẫn dùng để nhắc việc.",
    )
    show_times = forms.BooleanField(label="Ghi giờ bắt đầu, kết thúc", required=False)
    extra = forms.CharField(label="Ghi thêm", required=False, max_length=500)

    KEYS = ("show_length", "length_text", "session", "short_date", "show_weekday", "when_text",
            "show_times", "extra")  # fmt: skip

    def content(self) -> dict:
        return {k: self.cleaned_data[k] for k in self.KEYS}

    @classmethod
    def initial_for(cls, section):
        return {**super().initial_for(section), **C.clean("time", section.content)}


class VenueSectionForm(SectionForm):
    extra = forms.CharField(label="Ghi thêm sau địa điểm", required=False, max_length=500)

    def content(self) -> dict:
        return {"extra": self.cleaned_data["extra"]}

    @classmethod
    def initial_for(cls, section):
        return {**super().initial_for(section), **C.clean("venue", section.content)}


class CompositionSectionForm(SectionForm):
    style = forms.ChoiceField(
        label="Cách trình bày",
        choices=[
            ("lines", "Từng thành phần với số lượng"),
            ("summary", "Một dòng “Thành phần:” kèm tỷ lệ, rồi tổng số"),
        ],
    )
    summary_text = forms.CharField(
        label="Lời văn dòng “Thành phần:”",
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text="Chỉ dùng với cách trình bày một dòng; tỷ lệ và số lượng lấy từ phần Đại biểu.",
    )

    def content(self) -> dict:
        return {
            "style": self.cleaned_data["style"],
            "summary_text": self.cleaned_data["summary_text"],
        }

    @classmethod
    def initial_for(cls, section):
        return {**super().initial_for(section), **C.clean("composition", section.content)}


class ProgrammeItemForm(forms.Form):
    start = forms.TimeField(
        label="Từ", required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    end = forms.TimeField(
        label="Đến", required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    text = forms.CharField(
        label="Nội dung",
        required=False,
        max_length=1000,
        help_text=EMPHASIS_HELP,
        # A row of the programme table: wide enough to read what is typed (app.css).
        widget=forms.Textarea(attrs={"rows": 2, "class": "wide-cell"}),
    )
    performer = forms.CharField(
        label="Người, đơn vị thực hiện",
        required=False,
        max_length=300,
        help_text="In trong ngoặc sau nội dung; dấu câu cuối nội dung đặt sau ngoặc.",
    )
    sub = forms.BooleanField(label="Ý con", required=False)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            raise forms.ValidationError("Giờ kết thúc phải sau giờ bắt đầu.")
        return data


ProgrammeItemFormSet = forms.formset_factory(ProgrammeItemForm, extra=2)


class ProgrammeSectionForm(SectionForm):
    marker = forms.ChoiceField(
        label="Đánh dấu các mục",
        choices=[("numbered", "1. 2. 3."), ("-", "-"), ("+", "+"), ("*", "*")],
    )
    slot_marker = forms.ChoiceField(
        label="Đánh dấu khung giờ", choices=[("*", "*"), ("-", "-"), ("+", "+")]
    )
    performer_italic = forms.BooleanField(
        label="In nghiêng người, đơn vị thực hiện", required=False, initial=True
    )
    formset_class = ProgrammeItemFormSet
    formset_key = "items"

    def content(self) -> dict:
        rows = [
            {**r, "start": _hhmm(r.get("start")), "end": _hhmm(r.get("end"))} for r in self.rows
        ]
        return {
            "marker": self.cleaned_data["marker"],
            "slot_marker": self.cleaned_data["slot_marker"],
            "performer_italic": self.cleaned_data["performer_italic"],
            "items": rows,
        }

    @classmethod
    def initial_for(cls, section):
        data = C.clean("programme", section.content)
        return {
            **super().initial_for(section),
            "marker": data["marker"],
            "slot_marker": data["slot_marker"],
            "performer_italic": data["performer_italic"],
        }

    @staticmethod
    def rows_initial(section) -> list[dict]:
        rows = C.clean("programme", section.content)["items"]
        return [{**r, "start": _time(r["start"]), "end": _time(r["end"])} for r in rows]


def _hhmm(value) -> str:
    return value.strftime("%H:%M") if value else ""


def _time(value: str):
    try:
        return dt.time.fromisoformat(value)
    except (TypeError, ValueError):
        return None


class DecorationSectionForm(SectionForm):
    maket_title = forms.CharField(label="Tiêu đề phần makét", required=False, max_length=200)
    maket_lines = forms.CharField(
        label="Các dòng chữ trên makét",
        required=False,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 5}),
        help_text="Mỗi dòng in một dòng, căn giữa, chữ đậm. " + EMPHASIS_HELP,
    )
    banner = forms.CharField(
        label="Băng khẩu hiệu (ngoài hội trường)",
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=EMPHASIS_HELP,
    )
    inside = forms.CharField(
        label="Trang trí trong hội trường",
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text="Mỗi dòng một ý. " + EMPHASIS_HELP,
    )
    outside = forms.CharField(
        label="Trang trí ngoài hội trường",
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text="Mỗi dòng một ý. " + EMPHASIS_HELP,
    )

    def content(self) -> dict:
        data = self.cleaned_data
        return {
            "maket_title": data["maket_title"],
            "maket_lines": _lines(data["maket_lines"]),
            "banner": data["banner"],
            "inside": _lines(data["inside"]),
            "outside": _lines(data["outside"]),
        }

    @classmethod
    def initial_for(cls, section):
        data = C.clean("decoration", section.content)
        joined = {k: "\n".join(data[k]) for k in ("maket_lines", "inside", "outside")}
        return {**super().initial_for(section), **data, **joined}


class ImplementationSectionForm(SectionForm):
    numbering = forms.ChoiceField(
        label="Đánh số các cơ quan",
        choices=[("numbered", "1. 2. 3."), ("none", "Không đánh số")],
    )
    run_in = forms.BooleanField(
        label="Cơ quan có một nhiệm vụ: in nhiệm vụ liền sau tên (“Báo tỉnh: Tổ chức ...”)",
        required=False,
    )
    first = forms.IntegerField(
        label="Từ cơ quan thứ", min_value=1, initial=1, required=False,
        help_text="Chia mục thành nhiều phần để đặt makét, chương trình... giữa các cơ quan.",
    )  # fmt: skip
    last = forms.IntegerField(
        label="Đến cơ quan thứ", min_value=0, required=False, help_text="Để trống: đến hết."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["after_duty"]  # the duties' own section is never placed among them

    def content(self) -> dict:
        return {k: self.cleaned_data[k] for k in ("numbering", "run_in", "first", "last")}

    @classmethod
    def initial_for(cls, section):
        return {**super().initial_for(section), **C.clean("implementation", section.content)}


SECTION_FORMS: dict[str, type[SectionForm]] = {
    PlanSection.Kind.TEXT: TextSectionForm,
    PlanSection.Kind.LEGAL_BASIS: LegalBasisSectionForm,
    PlanSection.Kind.TIME: TimeSectionForm,
    PlanSection.Kind.VENUE: VenueSectionForm,
    PlanSection.Kind.COMPOSITION: CompositionSectionForm,
    PlanSection.Kind.PROGRAMME: ProgrammeSectionForm,
    PlanSection.Kind.DECORATION: DecorationSectionForm,
    PlanSection.Kind.IMPLEMENTATION: ImplementationSectionForm,
}


def section_forms(section: PlanSection, data=None):
    """(form, formset or None) for editing `section`; bound when `data` is given."""
    form_class = SECTION_FORMS.get(section.kind, SectionForm)
    prefix = f"s{section.pk}"
    form = form_class(data, initial=form_class.initial_for(section), prefix=prefix)
    formset = None
    formset_class = getattr(form_class, "formset_class", None)
    if formset_class:
        formset = formset_class(
            data, initial=form_class.rows_initial(section), prefix=f"{prefix}-rows"
        )
    return form, formset


def section_valid(form, formset) -> bool:
    valid = form.is_valid() & (formset.is_valid() if formset is not None else True)
    if valid and formset is not None:
        form.rows = [
            f.cleaned_data
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
    return valid


class AddSectionForm(forms.Form):
    kind = forms.ChoiceField(label="Loại mục", choices=PlanSection.Kind.choices)
    heading = forms.CharField(label="Tiêu đề", required=False, max_length=300)
    level = forms.TypedChoiceField(
        label="Cấp mục", coerce=int, choices=PlanSection._meta.get_field("level").choices, initial=1
    )


class CommentForm(forms.Form):
    section = forms.TypedChoiceField(label="Về mục", coerce=int, required=False, empty_value=None)
    text = forms.CharField(label="Ý kiến", widget=forms.Textarea(attrs=TEXTAREA), max_length=5000)

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", "Cả kế hoạch")] + [
            (s.pk, str(s)[:80]) for s in sections
        ]


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label="Lý do trả lại, việc cần sửa",
        widget=forms.Textarea(attrs=TEXTAREA),
        max_length=5000,
    )


class CheckForm(forms.Form):
    comment = forms.CharField(
        label="Ý kiến khi trình (không bắt buộc)",
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 2}),
        max_length=5000,
        required=False,
    )


class IssueForm(forms.Form):
    issued_on = forms.DateField(
        label="Ngày ban hành",
        widget=forms.DateInput(attrs={"type": "date"}),
        initial=timezone.localdate,
    )
