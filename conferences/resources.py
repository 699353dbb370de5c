"""Excel columns for units (django-import-export)."""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from .errors import DomainError
from .models import Unit
from .permissions import can_manage_unit
from .vntext import fold, nfc

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
    """Cells as NFC text, trimmed; numbers typed in Excel keep their digits ("01" stays "01"
    only if the cell is text, so codes are read as text)."""

    def clean(self, value, row=None, **kwargs):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return nfc(str(value)) or ""


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
    code = fields.Field(attribute="code", column_name=COL_CODE, widget=TextWidget())
    name = fields.Field(attribute="name", column_name=COL_NAME, widget=TextWidget())
    short_name = fields.Field(attribute="short_name", column_name=COL_SHORT, widget=TextWidget())
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

    def __init__(self, *, user=None, root=None):
        super().__init__()
        self.user = user
        self.root = root  # exports: the subtree to write
        self._codes_by_path: dict[str, str] = {}

    # --- export ---
    def get_queryset(self):
        qs = Unit.objects.order_by("path")
        return qs.filter(path__startswith=self.root.path) if self.root else qs

    def before_export(self, queryset, **kwargs):
        self._codes_by_path = dict(Unit.objects.values_list("path", "code"))

    def dehydrate_parent_code(self, unit):
        return self._codes_by_path.get(unit.path[: -Unit.steplen], "")

    # --- import ---
    def before_import_row(self, row, **kwargs):
        code = TextWidget().clean(row.get(COL_CODE)).upper()
        row[COL_CODE] = code
        row[COL_PARENT] = TextWidget().clean(row.get(COL_PARENT)).upper()

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        for attribute, column in (("code", COL_CODE), ("name", COL_NAME)):
            if attribute not in errors and not getattr(instance, attribute):
                errors[attribute] = [f"Chưa ghi “{column}”."]
        try:
            instance._import_parent = self._resolve_parent(instance, row[COL_PARENT])
        except ValueError as exc:
            errors["parent_code"] = [str(exc)]
        if errors:
            raise ValidationError(errors)

    def _resolve_parent(self, instance, parent_code: str):
        if not parent_code:
            if self.user is not None and not self.user.is_superuser:
                raise ValueError("Chưa ghi mã đơn vị cấp trên.")
            return None
        parent = Unit.objects.filter(code=parent_code).first()
        if parent is None:
            raise ValueError(
                f"Không có đơn vị nào mang mã “{parent_code}” (ở trên dòng này hoặc trong hệ thống)."
            )
        if instance.pk and parent.path.startswith(instance.path):
            raise ValueError("Không thể đặt một đơn vị vào bên trong chính nó.")
        # A unit that stays where it is (the top row of an exported subtree) needs no right
        # over its parent; save_instance checks the right to edit the unit itself.
        stays = instance.pk is not None and instance.path[: -Unit.steplen] == parent.path
        if self.user is not None and not stays and not can_manage_unit(self.user, parent):
            raise ValueError(f"Bạn không có quyền thêm đơn vị vào “{parent.name}”.")
        return parent

    def save_instance(self, instance, is_create, row, **kwargs):
        parent = instance._import_parent
        if is_create:
            if parent is None:
                Unit.objects.add_root(instance=instance)
            else:
                Unit.objects.add_child(parent, instance=instance)
            self._log(instance, parent, "unit.imported", f"Nhập đơn vị {instance.name} từ Excel")
            return
        if self.user is not None and not can_manage_unit(self.user, instance):
            raise ValidationError({"code": [f"Bạn không có quyền sửa đơn vị “{instance.name}”."]})
        if self.user is not None and not instance.active:
            self._check_deactivate(instance)
        instance.save()
        current_parent = Unit.objects.get_parent(instance, update=True)
        if parent is not None and (current_parent is None or current_parent.pk != parent.pk):
            Unit.objects.move(instance, parent, "last-child")
        self._log(instance, parent, "unit.reimported", f"Cập nhật đơn vị {instance.name} từ Excel")

    def _check_deactivate(self, instance):
        from .services import check_can_deactivate

        try:
            check_can_deactivate(self.user, instance)
        except DomainError as exc:
            raise ValidationError({"active": [exc.message]}) from exc

    def _log(self, unit, parent, action, summary):
        from .services import log_activity

        log_activity(
            actor=self.user, action=action, summary=summary, target=unit, scope_unit=parent or unit
        )
