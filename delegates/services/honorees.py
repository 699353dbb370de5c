"""The door for the honorees app: an approved nominee joins the register without retyping."""

from django.db import transaction

from conferences.models.users import OFFICE_ROLES
from conferences.permissions import has_role_over
from conferences.services import log_activity
from core.errors import PermissionDeniedError

from ..models import Delegate, DelegateCategory, Source, TargetKind
from .common import clean_text

DEFAULT_HONOREE_TITLE = "Đại biểu được biểu dương, khen thưởng"


def _honoree_category(conference) -> DelegateCategory:
    category = DelegateCategory.objects.filter(
        conference=conference, is_honoree_category=True
    ).first()
    if category is not None:
        return category
    last = (
        DelegateCategory.objects.filter(conference=conference, parent=None)
        .order_by("-order")
        .first()
    )
    return DelegateCategory.objects.create(
        conference=conference,
        title=DEFAULT_HONOREE_TITLE,
        order=(last.order + 1) if last else 1,
        target_kind=TargetKind.NONE,
        is_honoree_category=True,
    )


def _require_office(by, conference) -> None:
    if not has_role_over(by, conference.organiser, OFFICE_ROLES):
        raise PermissionDeniedError("Bạn không có quyền ghi đại biểu cho hội nghị này.")


@transaction.atomic
def upsert_honoree_delegate(
    *,
    conference,
    source_key: str,
    full_name: str,
    is_collective: bool,
    by,
    gender: str = "",
    birth_year: int | None = None,
    ethnicity: str = "",
    position: str = "",
    unit=None,
    unit_name: str = "",
    sector: str = "",
    works_directly_in_production: bool = False,
    is_household: bool = False,
) -> Delegate:
    """Register (or refresh) an honoree as a delegate; idempotent by `source_key`
    (e.g. "honorees.nomination:12"), so a nominee is in the register once.

    Interface for the honorees app: call it when a nomination is approved. `by` needs an
    office role over the organiser. The person goes into the conference's honoree category
    (one flagged `is_honoree_category`; a default "Đại biểu được biểu dương, khen thưởng" is
    created if none is). A later call updates the details and keeps the category, status and
    attendance. Not limited by seat allocations. A household's `full_name` already names it
    ("Hộ ông …"): with `is_household` it takes no title (Ông, Bà) before it.
    Side effects: the delegate row (and perhaps the category row), an activity entry."""
    _require_office(by, conference)
    details = clean_text(
        {
            "full_name": full_name,
            "is_collective": is_collective,
            "gender": "" if is_collective else gender,
            "birth_year": None if is_collective else birth_year,
            "ethnicity": "" if is_collective else (ethnicity or "Kinh"),
            "position": position,
            "unit": unit,
            "unit_name": unit_name or (unit.name if unit else ""),
            "sector": sector,
            "works_directly_in_production": works_directly_in_production,
        }
    )
    if is_household:
        # A household's name already says whose it is ("Hộ ông Nguyễn Văn An"): no title
        # before it (a refresh clears one an earlier version put there).
        details["title"] = ""
    elif not is_collective and gender:
        details["title"] = "Bà" if gender == "female" else "Ông"
    delegate = (
        Delegate.objects.select_for_update()
        .filter(conference=conference, source_key=source_key)
        .first()
    )
    if delegate is None:
        delegate = _already_listed(conference, source_key, details)
        if delegate is not None:
            return delegate
        delegate = Delegate.objects.create(
            conference=conference,
            category=_honoree_category(conference),
            source=Source.HONOREE,
            source_key=source_key,
            created_by=by,
            **details,
        )
        action = "delegate.honoree_added"
    else:
        for name, value in details.items():
            setattr(delegate, name, value)
        delegate.save(update_fields=[*details, "updated_at"])
        action = "delegate.honoree_updated"
    log_activity(
        actor=by,
        conference=conference,
        action=action,
        summary=f"Đại biểu được khen thưởng: {delegate.full_name}",
        target=delegate,
    )
    return delegate


def _already_listed(conference, source_key: str, details: dict) -> Delegate | None:
    """An honouree the register already holds (a unit sent the same person as its delegate):
    that row takes the nomination's key, so one person has one invitation and one check-in.
    Side effects: the row's source key, an activity entry."""
    from ..selectors import same_person_as

    if details["is_collective"]:
        return None
    same = [
        d
        for d in same_person_as(
            conference,
            full_name=details["full_name"],
            birth_year=details["birth_year"],
            unit=details["unit"],
        )
        if not d.source_key
    ]
    if not same:
        return None
    delegate = Delegate.objects.select_for_update().get(pk=same[0].pk)
    delegate.source_key = source_key
    delegate.save(update_fields=["source_key", "updated_at"])
    log_activity(
        actor=None,
        conference=conference,
        action="delegate.honoree_linked",
        summary=f"Người được khen thưởng {delegate.full_name} đã có trong danh sách đại biểu",
        target=delegate,
    )
    return delegate


@transaction.atomic
def remove_honoree_delegate(*, conference, source_key: str, by) -> bool:
    """Take an honoree out of the register (the nomination was withdrawn or rejected).
    Idempotent: returns False when there was nobody with that key.
    Side effects: deletes the delegate, an activity entry."""
    _require_office(by, conference)
    delegate = Delegate.objects.filter(conference=conference, source_key=source_key).first()
    if delegate is None:
        return False
    log_activity(
        actor=by,
        conference=conference,
        action="delegate.honoree_removed",
        summary=f"Bỏ đại biểu được khen thưởng: {delegate.full_name}",
        target=conference,
    )
    delegate.delete()
    return True
