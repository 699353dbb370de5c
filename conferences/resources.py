"""Excel columns for units (django-import-export)."""

from import_export import fields, resources, widgets

from core.vntext import fold, nfc, single_line

from .models import Unit

COL_CODE = "Mã đơn vị"
COL_NAME = "Tên đơn vị"
COL_SHORT = "Tên viết tắt"
COL_KIND = "Loại đơn vị"
COL_PARENT = "Mã đơn vị cấp trên"
COL_ACTIVE = "Đang hoạt động"
UNIT_COLUMNS = [COL_CODE, COL_NAME, COL_SHORT, COL_KIND, COL_PARENT, COL_ACTIVE]
REQUIRED_UNIT_COLUMNS = [COL_CODE, COL_NAME, COL_KIND, COL_PARENT]

_YES = {"co", "x", "1", "true", "yes", "dang hoat dong"}
_NO = {"khong", "0", "false", "no", "ngung", "ngung hoat dong"}


class TextWidget(widgets.CharWidget):
    """Cells as NFC text, trimmed, without invisible characters; numbers typed in Excel keep
    their digits ("01" stays "01" only if the cell is text, so codes are read as text).
    `one_line` joins the lines of a cell (Alt+Enter in Excel) for names and codes."""

    def __init__(self, *args, one_line: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.one_line = one_line

    def clean(self, value, row=None, **kwargs):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = nfc(str(value)) or ""
        return single_line(text) if self.one_line else text


class EthnicityWidget(TextWidget):
    """An ethnic group as the 54-group list writes it ("H'Mông" reads "Mông"); a name not in
    the list is the row's error."""

    def clean(self, value, row=None, **kwargs):
        from core.errors import DomainError
        from core.vocabulary import ethnic_group

        try:
            return ethnic_group(super().clean(value, row, **kwargs))
        except DomainError as exc:
            raise ValueError(exc.message) from exc


class SectorWidget(TextWidget):
    """A field of work by its name in the list ("Kinh tế") or its code; the export writes the
    name. Anything else is the row's error."""

    def clean(self, value, row=None, **kwargs):
        from core.errors import DomainError
        from core.vocabulary import sector_value

        try:
            return sector_value(super().clean(value, row, **kwargs))
        except DomainError as exc:
            raise ValueError(exc.message) from exc

    def render(self, value, obj=None, **kwargs):
        from core.vocabulary import Sector

        return str(Sector(value).label) if value in Sector.values else (value or "")


class YesNoWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value is None or value == "":
            return True
        if isinstance(value, bool):
            return value
        text = fold(str(value))
        if text in _YES:
            return True
        if text in _NO:
            return False
        raise ValueError("Ghi “Có” hoặc “Không”.")

    def render(self, value, obj=None, **kwargs):
        return "Có" if value else "Không"


class ChoiceWidget(widgets.Widget):
    """Accepts a choice's Vietnamese label or its code; writes the label."""

    def __init__(self, choices):
        self.by_key = {}
        for value, label in choices:
            self.by_key[fold(str(value))] = value
            self.by_key[fold(str(label))] = value
        self.labels = dict(choices)

    def clean(self, value, row=None, **kwargs):
        key = fold(str(value or ""))
        if not key:
            raise ValueError("Chưa ghi loại đơn vị.")
        if key not in self.by_key:
            raise ValueError(f"“{value}” không phải là một loại đơn vị trong danh mục.")
        return self.by_key[key]

    def render(self, value, obj=None, **kwargs):
        return str(self.labels.get(value, value))


class UnitResource(resources.ModelResource):
    code = fields.Field(attribute="code", column_name=COL_CODE, widget=TextWidget(one_line=True))
    name = fields.Field(attribute="name", column_name=COL_NAME, widget=TextWidget(one_line=True))
    short_name = fields.Field(
        attribute="short_name", column_name=COL_SHORT, widget=TextWidget(one_line=True)
    )
    kind = fields.Field(
        attribute="kind", column_name=COL_KIND, widget=ChoiceWidget(Unit.Kind.choices)
    )
    parent_code = fields.Field(column_name=COL_PARENT, widget=TextWidget())
    active = fields.Field(attribute="active", column_name=COL_ACTIVE, widget=YesNoWidget())

    class Meta:
        model = Unit
        fields = ("code", "name", "short_name", "kind", "parent_code", "active")
        import_id_fields = ("code",)
        skip_diff = True
        clean_model_instances = False

    def __init__(self, *, root=None):
        """`root`: the subtree an export writes. Imports read the columns through the
        widgets (core.importing.clean_rows) and go through conferences.unit_import."""
        super().__init__()
        self.root = root
        self._codes_by_path: dict[str, str] = {}

    # --- export ---
    def get_queryset(self):
        qs = Unit.objects.order_by("path")
        return qs.filter(path__startswith=self.root.path) if self.root else qs

    def before_export(self, queryset, **kwargs):
        self._codes_by_path = dict(Unit.objects.values_list("path", "code"))

    def dehydrate_parent_code(self, unit):
        return self._codes_by_path.get(unit.path[: -Unit.steplen], "")
