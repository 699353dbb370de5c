"""Excel columns for delegates (django-import-export): a unit's list (import, checked and
written by services/importing.py) and the register (export)."""

from import_export import fields, resources, widgets

from conferences.resources import EthnicityWidget, TextWidget, YesNoWidget
from core.vntext import fold

from .models import Delegate, Gender, InvitationStatus, Sector, Source, Title

COL_CATEGORY = "Thành phần"
COL_TITLE = "Danh xưng"
COL_NAME = "Họ và tên"
COL_GENDER = "Giới tính"
COL_BIRTH = "Năm sinh"
COL_ETHNICITY = "Dân tộc"
COL_POSITION = "Chức vụ"
COL_SECTOR = "Lĩnh vực"
COL_PRODUCER = "Trực tiếp sản xuất"
COL_PHONE = "Số điện thoại"
REQUIRED_COLUMNS = [COL_CATEGORY, COL_NAME, COL_GENDER]


class LabelWidget(widgets.Widget):
    """A choice by its Vietnamese label or code; blank allowed unless `required`."""

    def __init__(self, choices, *, what: str, required: bool = False):
        self.by_key = {}
        for value, label in choices:
            self.by_key[fold(str(value))] = value
            self.by_key[fold(str(label))] = value
        # The labels as text once (not a lazy translation per cell of a 2,000-row export).
        self.labels = {value: str(label) for value, label in choices}
        self.what = what
        self.required = required

    def clean(self, value, row=None, **kwargs):
        key = fold(str(value or ""))
        if not key:
            if self.required:
                raise ValueError(f"Chưa ghi {self.what}.")
            return ""
        if key not in self.by_key:
            allowed = ", ".join(str(label) for label in self.labels.values())
            raise ValueError(f"“{value}” không hợp lệ; ghi một trong: {allowed}.")
        return self.by_key[key]

    def render(self, value, obj=None, **kwargs):
        return self.labels.get(value) or str(value or "")


class YearWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        try:
            return int(float(str(value).strip()))
        except ValueError:
            raise ValueError("Năm sinh phải là số, ví dụ 1980.") from None

    def render(self, value, obj=None, **kwargs):
        return value or ""


class NoBlankYesNo(YesNoWidget):
    """Blank means "Không" here (most delegates do not work directly in production)."""

    def clean(self, value, row=None, **kwargs):
        return False if value in (None, "") else super().clean(value, row, **kwargs)


def _field(attribute, column, widget):
    return fields.Field(attribute=attribute, column_name=column, widget=widget)


class DelegateResource(resources.ModelResource):
    category = fields.Field(column_name=COL_CATEGORY, widget=TextWidget())
    title = _field("title", COL_TITLE, LabelWidget(Title.choices, what="danh xưng"))
    full_name = _field("full_name", COL_NAME, TextWidget())
    gender = _field(
        "gender", COL_GENDER, LabelWidget(Gender.choices, what="giới tính", required=True)
    )
    birth_year = _field("birth_year", COL_BIRTH, YearWidget())
    ethnicity = _field("ethnicity", COL_ETHNICITY, EthnicityWidget())
    position = _field("position", COL_POSITION, TextWidget())
    sector = _field("sector", COL_SECTOR, LabelWidget(Sector.choices, what="lĩnh vực"))
    works_directly_in_production = _field(
        "works_directly_in_production", COL_PRODUCER, NoBlankYesNo()
    )
    phone = _field("phone", COL_PHONE, TextWidget())

    class Meta:
        model = Delegate
        fields = (
            "category",
            "title",
            "full_name",
            "gender",
            "birth_year",
            "ethnicity",
            "position",
            "sector",
            "works_directly_in_production",
            "phone",
        )

    def dehydrate_category(self, delegate):
        return delegate.category.title


class RegisterResource(DelegateResource):
    """The register as an Excel list (export only)."""

    unit = fields.Field(column_name="Đơn vị")
    source = _field("source", "Nguồn", LabelWidget(Source.choices, what="nguồn"))
    invitation_status = _field(
        "invitation_status",
        "Tình trạng mời",
        LabelWidget(InvitationStatus.choices, what="tình trạng"),
    )
    present = fields.Field(column_name="Có mặt")
    seat_or_zone = _field("seat_or_zone", "Chỗ ngồi, khu vực", TextWidget())

    class Meta(DelegateResource.Meta):
        fields = (
            *DelegateResource.Meta.fields,
            "unit",
            "source",
            "invitation_status",
            "present",
            "seat_or_zone",
        )

    def dehydrate_unit(self, delegate):
        return delegate.unit_label

    def dehydrate_seat_or_zone(self, delegate):
        return delegate.place_label

    def dehydrate_present(self, delegate):
        return delegate.present_at.strftime("%H:%M %d/%m/%Y") if delegate.present_at else ""
