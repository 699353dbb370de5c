"""Document numbers from the organiser's register (sổ đăng ký văn bản)."""

from django.db import transaction

from .models import DocumentNumberRegister, Unit


def next_number(*, unit: Unit, year: int, type_code: str) -> int:
    """The next number of the unit's register for `type_code` in `year`.

    The register row is created if missing, then locked (SELECT ... FOR UPDATE), so
    concurrent callers get distinct numbers; the lock is held until the caller's transaction
    ends. Side effects: the register row."""
    with transaction.atomic():
        DocumentNumberRegister.objects.get_or_create(unit=unit, year=year, type_code=type_code)
        register = DocumentNumberRegister.objects.select_for_update().get(
            unit=unit, year=year, type_code=type_code
        )
        register.last_number += 1
        register.save(update_fields=["last_number"])
        return register.last_number
