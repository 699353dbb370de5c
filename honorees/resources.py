"""The columns of the unit's Excel list of nominees and how each cell is read (widgets of
django-import-export). The rows are checked and sent by services/imports.py."""

import datetime as dt

from django.utils import timezone
from import_export import fields, resources, widgets

from conferences.resources import EthnicityWidget, SectorWidget, TextWidget
from core.vntext import fold

from .models import AwardForm, Nomination

COL_STT = "STT"
COL_KIND = "Cá nhân/Tập thể"
COL_NAME = "Họ và tên"
COL_BIRTH = "Năm sinh"
COL_GENDER = "Giới tính (Nam/Nữ)"
COL_ETHNIC = "Dân tộc"
COL_POSITION = "Chức vụ"
COL_UNIT = "Đơn vị"
COL_SECTOR = "Lĩnh vực"
COL_PRODUCTION = "Trực tiếp sản xuất"
COL_HEAD = "Người đứng đầu (tập thể)"
COL_MEMBERS = "Số thành viên (tập thể)"
COL_SUMMARY = "Tóm tắt thành tích"
COL_AWARD = "Hình thức đề nghị"
COL_NOTE = "Ghi chú"
# NĐ 152/2025 Điều 4 (honorees.eligibility): optional columns, blank means "Không".
COL_DISCIPLINE_REVIEW = "Đang bị xem xét kỷ luật"
COL_INSPECTION = "Đang bị thanh tra, kiểm tra"
COL_COMPLAINT = "Đang xác minh khiếu nại, tố cáo"
COL_DISCIPLINE_UNTIL = "Hết thời hạn kỷ luật ngày"
COL_DECLARED = "Đạt các điều kiện đơn vị xác nhận"
YES_NO_COLUMNS = [COL_DISCIPLINE_REVIEW, COL_INSPECTION, COL_COMPLAINT, COL_DECLARED]
COLUMNS = [
    COL_STT, COL_KIND, COL_NAME, COL_BIRTH, COL_GENDER, COL_ETHNIC, COL_POSITION, COL_UNIT,
    COL_SECTOR, COL_PRODUCTION, COL_HEAD, COL_MEMBERS, COL_SUMMARY, COL_AWARD, COL_NOTE,
    COL_DISCIPLINE_REVIEW, COL_INSPECTION, COL_COMPLAINT, COL_DISCIPLINE_UNTIL, COL_DECLARED,
]  # fmt: skip
REQUIRED_COLUMNS = [COL_NAME, COL_BIRTH, COL_SUMMARY, COL_AWARD]
KIND_LABELS = {
    "Cá nhân": Nomination.Kind.INDIVIDUAL,
    "Tập thể": Nomination.Kind.COLLECTIVE,
    "Hộ gia đình": Nomination.Kind.HOUSEHOLD,
}
GENDER_LABELS = {"Nam": Nomination.Gender.MALE, "Nữ": Nomination.Gender.FEMALE}
MIN_YEAR = 1900


class LabelWidget(widgets.Widget):
    """One of a few fixed labels, compared without diacritics; blank gives `blank`."""

    def __init__(self, labels: dict[str, str], blank: str, what: str):
        self.by_key = {fold(label): value for label, value in labels.items()}
        self.blank = blank
        self.message = f"Ghi {' hoặc '.join(f'“{label}”' for label in labels)} ({what})."

    def clean(self, value, row=None, **kwargs):
        text = fold(str(value or ""))
        if not text:
            return self.blank
        if text not in self.by_key:
            raise ValueError(self.message)
        return self.by_key[text]


class YearWidget(widgets.Widget):
    """A year as offices type it: 1975, "1975", 1975.0 or a date cell."""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        if isinstance(value, dt.date | dt.datetime):
            return value.year
        try:
            number = float(str(value).strip().replace(",", "."))
        except ValueError:
            raise ValueError(
                f"“{value}” không phải là một năm (ghi 4 chữ số, ví dụ 1975)."
            ) from None
        if not number.is_integer() or not MIN_YEAR <= number <= timezone.localdate().year:
            raise ValueError(f"Năm sinh “{value}” không hợp lệ (từ {MIN_YEAR} đến năm nay).")
        return int(number)


class DateCellWidget(widgets.Widget):
    """A date as offices type it: a date cell, or "31/12/2025"; blank is none."""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.datetime.strptime(str(value).strip(), "%d/%m/%Y").date()
        except ValueError:
            raise ValueError(f"“{value}” không phải là một ngày (ghi ngày/tháng/năm).") from None


def _yes_no(what: str) -> LabelWidget:
    return LabelWidget({"Có": True, "Không": False}, False, what)


class CountWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        try:
            number = float(str(value).strip())
        except ValueError:
            raise ValueError(f"“{value}” không phải là một số.") from None
        if not number.is_integer() or number < 1:
            raise ValueError("Số thành viên phải là số nguyên dương.")
        return int(number)


class AwardWidget(widgets.Widget):
    """An award form of the round, by name or code."""

    def __init__(self, forms: list[AwardForm]):
        self.by_key = {}
        for form in forms:
            self.by_key[fold(form.name)] = form
            self.by_key[fold(form.code)] = form

    def clean(self, value, row=None, **kwargs):
        key = fold(str(value or ""))
        if not key:
            raise ValueError("Chưa ghi hình thức đề nghị.")
        if key not in self.by_key:
            raise ValueError(f"“{value}” không có trong các hình thức khen thưởng của đợt này.")
        return self.by_key[key]


def _field(attribute, column, widget=None):
    return fields.Field(attribute=attribute, column_name=column, widget=widget or TextWidget())


class NominationResource(resources.ModelResource):
    kind = _field("kind", COL_KIND, LabelWidget(KIND_LABELS, "individual", "loại đề nghị"))
    full_name = _field("full_name", COL_NAME)
    birth_year = _field("birth_year", COL_BIRTH, YearWidget())
    gender = _field("gender", COL_GENDER, LabelWidget(GENDER_LABELS, "", "giới tính"))
    ethnicity = _field("ethnicity", COL_ETHNIC, EthnicityWidget())
    position = _field("position", COL_POSITION)
    unit_name = _field("unit_name", COL_UNIT)
    sector = _field("sector", COL_SECTOR, SectorWidget())
    works_directly_in_production = _field(
        "works_directly_in_production",
        COL_PRODUCTION,
        LabelWidget({"Có": True, "Không": False}, False, "trực tiếp sản xuất"),
    )
    head_name = _field("head_name", COL_HEAD)
    member_count = _field("member_count", COL_MEMBERS, CountWidget())
    achievement_summary = _field("achievement_summary", COL_SUMMARY)
    proposed_award = _field("proposed_award", COL_AWARD, widgets.Widget())
    note = _field("note", COL_NOTE)
    discipline_review = _field(
        "discipline_review", COL_DISCIPLINE_REVIEW, _yes_no("đang bị xem xét kỷ luật")
    )
    under_inspection = _field("under_inspection", COL_INSPECTION, _yes_no("đang bị thanh tra"))
    complaint_pending = _field(
        "complaint_pending", COL_COMPLAINT, _yes_no("đang xác minh khiếu nại, tố cáo")
    )
    discipline_until = _field("discipline_until", COL_DISCIPLINE_UNTIL, DateCellWidget())
    # Not a column of the model: "Có" ticks every declaration of the proposed award.
    declares_all = _field("declares_all", COL_DECLARED, _yes_no("đạt các điều kiện xác nhận"))

    class Meta:
        model = Nomination
        fields = (
            "kind", "full_name", "birth_year", "gender", "ethnicity", "position", "unit_name",
            "sector", "works_directly_in_production", "head_name", "member_count",
            "achievement_summary", "proposed_award", "note", "discipline_review",
            "under_inspection", "complaint_pending", "discipline_until", "declares_all",
        )  # fmt: skip

    def __init__(self, *, forms: list[AwardForm]):
        """`forms`: the award forms of the round, read by name or code."""
        super().__init__()
        self.fields["proposed_award"].widget = AwardWidget(forms)
