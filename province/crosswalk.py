"""The crosswalk from pre-merger districts and communes to today's units: entered one by
one by the office, or loaded from an Excel file (all or nothing, errors by row)."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from conferences.models import Unit, User
from conferences.selectors import office_units
from conferences.services import log_activity
from core.errors import DomainError, require_permission
from core.importing import read_xlsx
from core.vntext import nfc

from .models import UnitSuccession
from .permissions import can_manage_successions
from .selectors import succession_map

OLD_KINDS = (Unit.Kind.DISTRICT, Unit.Kind.COMMUNE)
HEADERS = ("Mã đơn vị cũ", "Mã đơn vị mới", "Ghi chú")


def find_unit(code: str) -> Unit | None:
    """A unit by its code in the system or its official (national) code."""
    code = (nfc(str(code or "")) or "").strip()
    if not code:
        return None
    return Unit.objects.filter(Q(code__iexact=code) | Q(official_code=code)).first()


def _check(scope: Unit, old: Unit, new: Unit, by: User, successors: dict[int, int]) -> None:
    if not new.path.startswith(scope.path) or new.kind not in OLD_KINDS:
        raise DomainError(f"“{new.name}” không phải xã, phường (hoặc huyện) thuộc {scope.name}.")
    if old.kind not in OLD_KINDS:
        raise DomainError(f"“{old.name}” không phải đơn vị hành chính cấp huyện, cấp xã.")
    if old.pk == new.pk:
        raise DomainError("Đơn vị cũ và đơn vị mới phải khác nhau.")
    if not by.is_superuser and not office_units(by).filter(pk=old.pk).exists():
        raise DomainError(f"Bạn không quản lý đơn vị “{old.name}”.")
    if old.pk in successors:
        raise DomainError(f"“{old.name}” đã được ghi là sáp nhập vào đơn vị khác.")
    target, seen = new.pk, set()
    while target in successors and target not in seen:
        seen.add(target)
        target = successors[target]
    if target == old.pk:
        raise DomainError("Ghi như vậy tạo thành vòng lặp sáp nhập.")


@transaction.atomic
def add_succession(*, scope: Unit, old_unit: Unit, new_unit: Unit, note: str = "", by: User):
    """Record that `old_unit` became part of `new_unit`. Side effects: the row, a log entry."""
    require_permission(
        can_manage_successions(by, scope), "Chỉ cán bộ thi đua - khen thưởng được ghi sáp nhập."
    )
    _check(scope, old_unit, new_unit, by, succession_map())
    row = UnitSuccession.objects.create(
        old_unit=old_unit, new_unit=new_unit, note=nfc(note) or "", created_by=by
    )
    _log(by, scope, row, f"Ghi {old_unit.name} sáp nhập vào {new_unit.name}")
    return row


@transaction.atomic
def remove_succession(*, scope: Unit, succession: UnitSuccession, by: User) -> None:
    require_permission(
        can_manage_successions(by, scope), "Chỉ cán bộ thi đua - khen thưởng được sửa sáp nhập."
    )
    _log(by, scope, succession, f"Bỏ ghi {succession.old_unit.name} → {succession.new_unit.name}")
    succession.delete()


def _log(by: User, scope: Unit, row: UnitSuccession, summary: str) -> None:
    log_activity(actor=by, action="unit.succession", summary=summary, target=row, scope_unit=scope)


@dataclass
class CrosswalkImport:
    created: int = 0
    errors: list[str] = field(default_factory=list)


@transaction.atomic
def import_successions(*, scope: Unit, data: bytes, by: User) -> CrosswalkImport:
    """Every row of the file, or none: an error on any row rolls the whole file back.
    Side effects: the rows and their log entries when the file has no error."""
    require_permission(
        can_manage_successions(by, scope), "Chỉ cán bộ thi đua - khen thưởng được ghi sáp nhập."
    )
    dataset = read_xlsx(data)
    missing = [h for h in HEADERS[:2] if h not in dataset.headers]
    if missing:
        raise DomainError("Tệp thiếu cột: " + ", ".join(missing) + ".")
    result = CrosswalkImport()
    successors = succession_map()
    for number, row in zip(dataset.excel_rows, dataset.dict, strict=True):
        try:
            _import_row(scope, row, by, successors)
            result.created += 1
        except DomainError as exc:
            result.errors.append(f"Dòng {number}: {exc.message}")
    if result.errors:
        transaction.set_rollback(True)
        result.created = 0
    return result


def _import_row(scope: Unit, row: dict, by: User, successors: dict[int, int]) -> None:
    old, new = find_unit(row.get(HEADERS[0])), find_unit(row.get(HEADERS[1]))
    if old is None or new is None:
        which = HEADERS[0] if old is None else HEADERS[1]
        raise DomainError(f"không tìm thấy đơn vị theo cột “{which}”.")
    _check(scope, old, new, by, successors)
    note = nfc(str(row.get(HEADERS[2]) or "")) or ""
    created = UnitSuccession.objects.create(old_unit=old, new_unit=new, note=note, created_by=by)
    successors[old.pk] = new.pk
    _log(by, scope, created, f"Ghi {old.name} sáp nhập vào {new.name} (nhập từ Excel)")
