from django import forms
from django.utils import timezone

from conferences.models import Conference

from .rollup import RollupFilter


class RollupFilterForm(forms.Form):
    from_year = forms.IntegerField(label="Từ năm", min_value=1990, max_value=2100)
    to_year = forms.IntegerField(label="Đến năm", min_value=1990, max_value=2100)
    kind = forms.ChoiceField(
        label="Loại hội nghị",
        choices=[("", "Tất cả")] + list(Conference.Kind.choices),
        required=False,
    )

    def clean(self):
        data = super().clean()
        low, high = data.get("from_year"), data.get("to_year")
        if low and high and low > high:
            self.add_error("to_year", "“Đến năm” phải không nhỏ hơn “Từ năm”.")
        return data

    def to_filter(self) -> RollupFilter:
        """The filter asked for; the current year when the form is empty or wrong."""
        if not self.is_bound or not self.is_valid():
            return RollupFilter.default()
        d = self.cleaned_data
        return RollupFilter(from_year=d["from_year"], to_year=d["to_year"], kind=d.get("kind", ""))


def filter_form(params) -> RollupFilterForm:
    """Bound to the query string when it carries a filter, else showing the default."""
    if "from_year" in params or "to_year" in params:
        return RollupFilterForm(params)
    year = timezone.localdate().year
    return RollupFilterForm(initial={"from_year": year, "to_year": year, "kind": ""})


class ApiTokenForm(forms.Form):
    unit = forms.ModelChoiceField(label="Đơn vị được đọc", queryset=None, empty_label=None)
    name = forms.CharField(
        label="Tên hệ thống sử dụng",
        max_length=150,
        help_text="Ví dụ: Hệ thống quản lý văn bản của tỉnh.",
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class PeriodForm(RollupFilterForm):
    """The years of the statistics (decisions dated from 1 January to 31 December)."""

    kind = None


def period_form(params) -> PeriodForm:
    if "from_year" in params or "to_year" in params:
        return PeriodForm(params)
    year = timezone.localdate().year
    return PeriodForm(initial={"from_year": year, "to_year": year})


class SuccessionForm(forms.Form):
    old_code = forms.CharField(
        label="Mã đơn vị cũ",
        max_length=50,
        help_text="Mã trong hệ thống hoặc mã đơn vị hành chính của xã, huyện trước sáp nhập.",
    )
    new_unit = forms.ModelChoiceField(label="Nay thuộc đơn vị", queryset=None)
    note = forms.CharField(label="Căn cứ, ghi chú", max_length=300, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_unit"].queryset = units


class CrosswalkUploadForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("Chỉ nhận tệp Excel .xlsx.")
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("Tệp lớn hơn 5 MB.")
        return upload
