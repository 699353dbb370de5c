"""Writes for the base app. Each service is atomic, checks permission and state, writes and
logs. Side effects are listed in each docstring."""

import re
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Max, Model
from django.db.models.functions import Length, Substr
from django.urls import reverse

from core.errors import DomainError, PermissionDeniedError
from core.importing import ImportReport, Progress, no_progress
from core.notifications import notify
from core.vntext import nfc, single_line

from .models import ActivityEntry, Conference, Membership, Role, Unit, User
from .permissions import (
    can_deactivate_unit,
    can_manage_account,
    can_manage_conference,
    can_manage_members,
    can_manage_unit,
    grantable_roles,
    has_role_over,
)


def _jsonable(value: Any) -> Any:
    """What the log keeps of a value: scalars as they are, lists and dicts as JSON (a plan
    section's content stays readable), anything else (a date, a related row) as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


def diff_fields(obj: Model, new_values: dict[str, Any]) -> dict[str, list]:
    """{field: [old, new]} for the fields whose value changes."""
    return {
        name: [_jsonable(getattr(obj, name)), _jsonable(value)]
        for name, value in new_values.items()
        if getattr(obj, name) != value
    }


def activity_entry(
    *,
    actor: User | None,
    action: str,
    summary: str,
    target: Model,
    conference: Conference | None = None,
    scope_unit: Unit | None = None,
    changes: dict | None = None,
) -> ActivityEntry:
    """An unsaved entry, the one shape of the activity log: `log_activity` saves one, bulk
    services save many with one query. The entry belongs to `scope_unit`, by default the
    organiser of `conference` (one of the two is needed)."""
    if scope_unit is None:
        if conference is None:
            raise TypeError("log_activity needs a conference or a scope_unit")
        scope_unit = conference.organiser
    return ActivityEntry(
        actor=actor if actor and actor.is_authenticated else None,
        action=action,
        summary=summary[:500],
        scope_unit=scope_unit,
        conference=conference,
        content_type=ContentType.objects.get_for_model(target),
        object_id=str(target.pk),
        object_repr=str(target)[:300],
        changes=changes or {},
    )


def mark_home_seen(*, user: User) -> None:
    """Side effects: the user's home_seen_at set to now (not logged: a visit, not an act)."""
    from django.utils import timezone

    if user.is_authenticated:
        User.objects.filter(pk=user.pk).update(home_seen_at=timezone.now())


def log_activity(**entry: Any) -> ActivityEntry:
    """Takes the arguments of `activity_entry`. Side effects: one ActivityEntry row."""
    saved = activity_entry(**entry)
    saved.save()
    return saved


def log_activities(entries: list[ActivityEntry]) -> None:
    """Side effects: the entries, saved in bulk."""
    ActivityEntry.objects.bulk_create(entries, batch_size=BATCH)


# --- Units: the rules the forms and the Excel import share ----------------------------------
MOVE_INTO_ITSELF = "Không thể chuyển một đơn vị vào bên trong chính nó."
BATCH = 500  # rows per INSERT/UPDATE statement in bulk writes
UNIT_TEXT = ("name", "short_name", "code")


def clean_unit(unit: Unit) -> Unit:
    """NFC text, an upper-case code: what every unit is saved with."""
    for name in UNIT_TEXT:
        setattr(unit, name, nfc(getattr(unit, name)) or "")
    unit.code = unit.code.upper()
    return unit


def _clean_unit_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """NFC text; names and the code on one line (they go into e-mail subjects and lists)."""
    cleaned = {k: nfc(v) if isinstance(v, str) else v for k, v in fields.items()}
    for name in ("name", "short_name", "code"):
        if isinstance(cleaned.get(name), str):
            cleaned[name] = single_line(cleaned[name])
    if "code" in cleaned:
        cleaned["code"] = cleaned["code"].upper()
    return cleaned


def check_may_add_unit(by: User, parent: Unit | None) -> None:
    """Only a system administrator makes a top unit; under a unit, those who manage it."""
    if parent is None and not by.is_superuser:
        raise PermissionDeniedError(
            "Chỉ quản trị hệ thống được tạo đơn vị cấp cao nhất.", field="parent"
        )
    if parent is not None and not can_manage_unit(by, parent):
        raise PermissionDeniedError(
            f"Bạn không có quyền thêm đơn vị vào “{parent.name}”.", field="parent"
        )


def check_may_edit_unit(by: User, unit: Unit) -> None:
    if not can_manage_unit(by, unit):
        raise PermissionDeniedError(f"Bạn không có quyền sửa đơn vị “{unit.name}”.", field="code")


def check_can_deactivate(by: User, unit: Unit) -> None:
    """An office cannot stop its own unit or one above it (every account of it would be
    locked out); a system administrator may."""
    if not can_deactivate_unit(by, unit):
        raise DomainError(
            f"Không thể ngừng hoạt động “{unit.name}”: đây là đơn vị của bạn hoặc đơn vị cấp "
            "trên, mọi tài khoản của đơn vị sẽ không đăng nhập được. Hãy nhờ quản trị hệ thống.",
            field="active",
        )


def check_code_free(code: str, *, holder: Unit | None, unit: Unit | None = None) -> None:
    """`holder`: the unit that has `code` now, if any; `unit`: the one that wants it."""
    if holder is not None and (unit is None or holder.pk != unit.pk):
        raise DomainError(f"Mã đơn vị “{code}” đã được dùng cho đơn vị khác.", field="code")


def check_move(*, unit: Unit, parent: Unit) -> None:
    """A unit cannot go under itself or under one of its own descendants."""
    if parent.path.startswith(unit.path):
        raise DomainError(MOVE_INTO_ITSELF, field="parent")


def units_by_code(codes: Iterable[str]) -> dict[str, Unit]:
    """The units that hold these codes, a query per BATCH codes."""
    codes = list(codes)
    return {
        u.code: u
        for start in range(0, len(codes), BATCH)
        for u in Unit.objects.filter(code__in=codes[start : start + BATCH])
    }


@transaction.atomic
def create_unit(*, parent: Unit | None, by: User, **fields: Any) -> Unit:
    """Create a unit under `parent` (a root needs a superuser).
    Side effects: the unit row, the parent's child count, an activity entry."""
    return create_units(units=[(Unit(**fields), parent)], by=by)[0]


@transaction.atomic
def create_units(*, units: list[tuple[Unit, Unit | None]], by: User) -> list[Unit]:
    """Create units in one go: the queries do not grow with each unit (one INSERT per batch).
    Each pair is (an unsaved unit, its parent): a saved unit, a unit earlier in the list, or
    None for a top unit. The saved parents are locked while the paths are given out, so a
    unit added at the same moment cannot take the same path; nothing else is locked.
    Side effects: the unit rows, the parents' child counts, one activity entry per unit."""
    for unit, _parent in units:
        clean_unit(unit)
    _check_new_codes([unit for unit, _parent in units])
    saved = _lock_parents([p for _u, p in units if p is not None and p.pk is not None])
    tree = _PathGiver(saved, roots=any(parent is None for _u, parent in units))
    for unit, parent in units:
        parent = saved.get(parent.pk, parent) if parent is not None else None
        check_may_add_unit(by, parent)
        tree.place(unit, parent)
    Unit.objects.bulk_create([unit for unit, _parent in units], batch_size=BATCH)
    Unit.objects.bulk_update(list(saved.values()), ["numchild"], batch_size=BATCH)
    log_activities(
        [
            activity_entry(
                actor=by,
                action="unit.created",
                summary=f"Thêm đơn vị {unit.name}",
                target=unit,
                scope_unit=parent or unit,
            )
            for unit, parent in units
        ]
    )
    return [unit for unit, _parent in units]


def _check_new_codes(units: list[Unit]) -> None:
    holders = units_by_code(u.code for u in units)
    seen: set[str] = set()
    for unit in units:
        check_code_free(unit.code, holder=holders.get(unit.code))
        if unit.code in seen:
            raise DomainError(f"Mã đơn vị “{unit.code}” có hai lần trong danh sách.", field="code")
        seen.add(unit.code)


def _lock_parents(parents: list[Unit]) -> dict[int, Unit]:
    """The saved parents read again under a row lock: their current path and child count."""
    pks = list({p.pk for p in parents})
    return {
        u.pk: u
        for start in range(0, len(pks), BATCH)
        for u in Unit.objects.select_for_update().filter(pk__in=pks[start : start + BATCH])
    }


class _PathGiver:
    """Gives each new unit the next free materialised path under its parent, as
    treebeard's add_child would (after the last child, gaps left by deletions kept)."""

    def __init__(self, saved: dict[int, Unit], *, roots: bool) -> None:
        self.last = _last_child_steps([u.path for u in saved.values()])
        if roots:
            self.last[""] = self._last_root()

    @staticmethod
    def _last_root() -> int:
        path = Unit.objects.filter(depth=1).aggregate(last=Max("path"))["last"]
        return Unit._str2int(path) if path else 0

    def place(self, unit: Unit, parent: Unit | None) -> None:
        base = parent.path if parent is not None else ""
        step = self.last.get(base, 0) + 1
        self.last[base] = step
        unit.path = Unit._get_path(base, len(base) // Unit.steplen + 1, step)
        if len(unit.path) != len(base) + Unit.steplen:
            where = f"“{parent.name}”" if parent is not None else "Cấp cao nhất"
            raise DomainError(f"{where} đã có quá nhiều đơn vị trực thuộc.")
        unit.depth, unit.numchild = len(unit.path) // Unit.steplen, 0
        if parent is not None:
            parent.numchild += 1


def _last_child_steps(paths: list[str]) -> dict[str, int]:
    """{parent path: the step of its last child} for the parents that have children."""
    steps: dict[str, int] = {}
    parent_path = Substr("path", 1, Length("path") - Unit.steplen)
    for start in range(0, len(paths), BATCH):
        rows = (
            Unit.objects.annotate(parent_path=parent_path)
            .filter(parent_path__in=paths[start : start + BATCH], depth__gt=1)
            .values("parent_path")
            .annotate(last=Max("path"))
        )
        steps.update({r["parent_path"]: Unit._str2int(r["last"][-Unit.steplen :]) for r in rows})
    return steps


@transaction.atomic
def update_unit(*, unit: Unit, by: User, **fields: Any) -> Unit:
    """Change a unit's own fields (not its place in the tree).
    Side effects: the unit row, an activity entry with the previous values."""
    return update_units(changes=[(unit, fields)], by=by)[0]


@transaction.atomic
def update_units(*, changes: list[tuple[Unit, dict[str, Any]]], by: User) -> list[Unit]:
    """Change the fields of many units, one UPDATE per batch of units; a unit whose values
    are the same is left alone. Side effects: the changed unit rows, one activity entry per
    changed unit with its previous values."""
    for unit, _fields in changes:
        check_may_edit_unit(by, unit)
    changes = [(unit, _clean_unit_fields(fields)) for unit, fields in changes]
    for unit, fields in changes:
        if unit.active and fields.get("active") is False:
            check_can_deactivate(by, unit)
    wanted = [(f["code"], u) for u, f in changes if f.get("code", u.code) != u.code]
    holders = units_by_code(code for code, _unit in wanted)
    for code, unit in wanted:
        check_code_free(code, holder=holders.get(code), unit=unit)
        holders[code] = unit  # a second unit asking for the same new code is refused
    changed, entries, names = [], [], set()
    for unit, fields in changes:
        diff = diff_fields(unit, fields)
        if diff:
            for name in diff:
                setattr(unit, name, fields[name])
            changed.append(unit)
            entries.append(_unit_updated(unit, by, diff))
            names |= set(diff)
    if changed:
        Unit.objects.bulk_update(changed, sorted(names), batch_size=BATCH)
        log_activities(entries)
    return [unit for unit, _fields in changes]


@transaction.atomic
def set_drafting_for(*, unit: Unit, organiser: Unit | None, by: User) -> Unit:
    """Make `unit` the office that drafts for `organiser` (one of the organisers above it),
    or stop it (None): its staff and leaders then work as the organiser's staff and its
    leaders check plans and award decisions before the organiser's leader
    (conferences.review_chain). It gives rights over the organiser, so the user must manage
    the organiser too. Side effects: the unit row, an activity entry."""
    from .review_chain import candidate_organisers

    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    check_may_edit_unit(by, unit)
    if unit.is_organiser:
        raise DomainError(
            "Ủy ban nhân dân là cơ quan tổ chức, không tham mưu cho cơ quan khác.",
            field="organiser",
        )
    for affected in (organiser, unit.drafting_for):
        if affected is not None and not can_manage_unit(by, affected):
            raise PermissionDeniedError(
                f"Chỉ cán bộ hoặc quản trị của {affected.name} giao được việc tham mưu cho đơn vị này."
            )
    if organiser is not None and organiser.pk not in {u.pk for u in candidate_organisers(unit)}:
        raise DomainError(
            "Chỉ tham mưu được cho Ủy ban nhân dân cấp trên của đơn vị.", field="organiser"
        )
    if unit.drafting_for_id == (organiser.pk if organiser else None):
        return unit
    before = unit.drafting_for
    unit.drafting_for = organiser
    unit.save(update_fields=["drafting_for"])
    log_activity(
        actor=by,
        action="unit.drafting_for",
        summary=(
            f"{unit.name} tham mưu cho {organiser.name}: cán bộ làm việc như cán bộ thi đua của "
            "cơ quan tổ chức, lãnh đạo kiểm tra kế hoạch, quyết định trước khi trình"
            if organiser
            else f"{unit.name} thôi tham mưu cho {before.name if before else '—'}"
        ),
        target=unit,
        scope_unit=organiser or before or unit,
        changes={
            "drafting_for": [str(before) if before else None, str(organiser) if organiser else None]
        },
    )
    return unit


def _unit_updated(unit: Unit, by: User, diff: dict) -> ActivityEntry:
    return activity_entry(
        actor=by,
        action="unit.updated",
        summary=f"Sửa thông tin đơn vị {unit.name}",
        target=unit,
        scope_unit=unit,
        changes=diff,
    )


@transaction.atomic
def move_unit(*, unit: Unit, parent: Unit, by: User) -> Unit:
    """Put a unit (and its subtree) under another parent.
    Side effects: the tree paths of the subtree, an activity entry."""
    check_may_edit_unit(by, unit)
    check_may_add_unit(by, parent)
    check_move(unit=unit, parent=parent)
    old_parent = Unit.objects.get_parent(unit)
    Unit.objects.move(unit, parent, "last-child")
    unit.refresh_from_db()
    log_activity(
        actor=by,
        action="unit.moved",
        summary=f"Chuyển đơn vị {unit.name} về {parent.name}",
        target=unit,
        scope_unit=parent,
        changes={"parent": [str(old_parent), str(parent)]},
    )
    return unit


@transaction.atomic
def add_member(*, unit: Unit, user: User, role: str, by: User, position: str = "") -> Membership:
    """Give `user` a role in `unit`.
    Side effects: a membership row, an activity entry, an email to the user (after commit)."""
    if not can_manage_members(by, unit):
        raise PermissionDeniedError("Bạn không có quyền phân vai trò trong đơn vị này.")
    _check_grant(by=by, user=user, unit=unit, role=role)
    if Membership.objects.filter(user=user, unit=unit, role=role).exists():
        raise DomainError("Người này đã có vai trò đó trong đơn vị.", field="role")
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                user=user, unit=unit, role=role, position=nfc(position) or ""
            )
    except IntegrityError as exc:  # a concurrent request gave the same role first
        raise DomainError("Người này đã có vai trò đó trong đơn vị.", field="role") from exc
    log_activity(
        actor=by,
        action="membership.added",
        summary=f"Giao vai trò “{membership.get_role_display()}” cho {user} tại {unit.name}",
        target=membership,
        scope_unit=unit,
    )
    notify(
        users=[user],
        subject=f"Bạn được giao vai trò tại {unit.name}",
        body=(
            f"Bạn được giao vai trò “{membership.get_role_display()}” tại {unit.name}.\n"
            f"Tên đăng nhập của bạn: {user.username}."
        ),
        link=reverse("home"),
    )
    return membership


def _role_label(role: str) -> str:
    return Role(role).label if role in Role.values else role


def _check_role_grantable(by: User, unit: Unit, role: str) -> None:
    if role not in grantable_roles(by, unit):
        raise DomainError(
            f"Bạn không giao được vai trò “{_role_label(role)}”: chỉ giao vai trò ngang hoặc "
            "thấp hơn vai trò của mình; vai trò quản trị người dùng do quản trị hệ thống giao.",
            field="role",
        )


def _check_grant(*, by: User, user: User, unit: Unit, role: str) -> None:
    """A user administrator gives roles up to their own, to other people of their office."""
    if user.pk == by.pk and not by.is_superuser:
        raise DomainError(
            "Bạn không thể tự giao vai trò cho chính mình; hãy nhờ quản trị hệ thống.",
            field="username",
        )
    _check_role_grantable(by, unit, role)
    if not can_manage_account(by, user):
        raise DomainError(
            f"Tài khoản “{user.username}” có vai trò ở đơn vị ngoài phạm vi bạn quản lý; "
            "không giao thêm vai trò cho tài khoản này được.",
            field="username",
        )


@transaction.atomic
def create_user(
    *,
    username: str,
    full_name: str,
    email: str,
    password: str,
    unit: Unit,
    role: str,
    by: User,
    position: str = "",
    phone: str = "",
) -> User:
    """Create a login for a person and give them a role in `unit`.
    Side effects: the user row, a membership, two activity entries, an email to the user
    (after commit)."""
    if not can_manage_members(by, unit):
        raise PermissionDeniedError("Bạn không có quyền thêm người dùng vào đơn vị này.")
    _check_role_grantable(by, unit, role)
    username = nfc(username).lower()
    if User.objects.filter(username__iexact=username).exists():
        raise DomainError(f"Tên đăng nhập “{username}” đã có người dùng.", field="username")
    user = User.objects.create_user(
        username=username,
        email=nfc(email) or "",
        password=password,
        full_name=nfc(full_name) or "",
        phone=nfc(phone) or "",
    )
    log_activity(
        actor=by,
        action="user.created",
        summary=f"Tạo tài khoản {user.username} ({user})",
        target=user,
        scope_unit=unit,
    )
    add_member(unit=unit, user=user, role=role, by=by, position=position)
    return user


@transaction.atomic
def remove_membership(*, membership: Membership, by: User) -> None:
    """Take a role away. Side effects: deletes the membership, an activity entry."""
    if not can_manage_members(by, membership.unit):
        raise PermissionDeniedError("Bạn không có quyền gỡ vai trò trong đơn vị này.")
    if membership.user_id == by.pk and not by.is_superuser:
        raise DomainError("Bạn không thể tự gỡ vai trò của chính mình.")
    if membership.role not in grantable_roles(by, membership.unit):
        raise DomainError(
            f"Bạn không gỡ được vai trò “{membership.get_role_display()}”: vai trò này cao hơn "
            "vai trò của bạn. Hãy nhờ quản trị hệ thống."
        )
    log_activity(
        actor=by,
        action="membership.removed",
        summary=f"Gỡ vai trò “{membership.get_role_display()}” của {membership.user} tại {membership.unit.name}",
        target=membership.user,
        scope_unit=membership.unit,
        changes={"role": [membership.role, None]},
    )
    membership.delete()


@transaction.atomic
def unlock_login(*, account: User, unit: Unit, by: User) -> int:
    """Let an account locked out for wrong passwords log in again, from every address.
    Returns how many failure records were cleared.
    Side effects: django-axes' attempt rows of the account deleted, an activity entry."""
    from axes.utils import reset

    if not (can_manage_members(by, unit) and can_manage_account(by, account)):
        raise PermissionDeniedError("Bạn không có quyền mở khóa tài khoản này.")
    cleared = reset(username=account.username.lower())
    log_activity(
        actor=by,
        action="user.unlocked",
        summary=f"Mở khóa đăng nhập cho tài khoản {account.username} ({account})",
        target=account,
        scope_unit=unit,
    )
    return cleared


def import_units(
    *, data: bytes, by: User, dry_run: bool, progress: Progress = no_progress
) -> ImportReport:
    """Read a unit tree from an .xlsx file: every row or none, each row checked with the
    rules above and the file written with create_units, update_units and move_unit.
    Side effects (not a dry run, a clean file): those of the three services."""
    from .unit_import import import_unit_tree

    return import_unit_tree(data=data, by=by, dry_run=dry_run, progress=progress)


# --- Conferences -------------------------------------------------------------------------------

CONFERENCE_FIELDS = (
    "organiser",
    "kind",
    "title",
    "start_year",
    "end_year",
    "ordinal",
    "date",
    "date_precision",
    "date_is_expected",
    "date_note",
    "length",
    "start_time",
    "end_time",
    "venue",
)
_CONFERENCE_TEXT = ("title", "ordinal", "date_note", "length", "venue")
_CONFERENCE_CHOICES = {
    "kind": Conference.Kind,
    "date_precision": Conference.DatePrecision,
    "length": Conference.Length,
}
_CONFERENCE_REQUIRED = {
    "kind": "Hãy chọn loại hội nghị.",
    "title": "Hãy nhập tên hội nghị.",
    "start_year": "Hãy nhập năm bắt đầu.",
    "end_year": "Hãy nhập năm kết thúc.",
}
YEAR_RANGE = (1945, 2100)
_ORDINAL_PREFIX = re.compile(r"^lần\s+thứ\s*", re.IGNORECASE)


def _clean_conference_fields(
    fields: dict[str, Any], *, current: Conference | None = None
) -> dict[str, Any]:
    """NFC text, "" for empty text, no "lần thứ" twice; an empty end year means one year."""
    unknown = set(fields) - set(CONFERENCE_FIELDS)
    if unknown:
        raise TypeError(f"unknown conference fields: {sorted(unknown)}")
    cleaned = {k: (nfc(v) or "") if k in _CONFERENCE_TEXT else v for k, v in fields.items()}
    if "ordinal" in cleaned:
        cleaned["ordinal"] = _ORDINAL_PREFIX.sub("", cleaned["ordinal"])
    if "end_year" in cleaned and cleaned["end_year"] is None:
        cleaned["end_year"] = cleaned.get("start_year", current and current.start_year)
    return cleaned


def _check_organiser(by: User, organiser: Unit) -> None:
    if not has_role_over(by, organiser, {Role.STAFF}):
        raise PermissionDeniedError(
            f"Bạn không có quyền tổ chức hội nghị cho {organiser.name}.", field="organiser"
        )
    if not organiser.is_organiser:
        raise DomainError(
            "Đơn vị tổ chức phải là Ủy ban nhân dân cấp tỉnh, huyện hoặc xã.", field="organiser"
        )


def _check_conference_values(c: Conference) -> None:
    """The rules every conference keeps, on the values about to be saved."""
    for name, message in _CONFERENCE_REQUIRED.items():
        if getattr(c, name) in (None, ""):
            raise DomainError(message, field=name)
    for name, choices in _CONFERENCE_CHOICES.items():
        value = getattr(c, name)
        if value and value not in choices.values:
            raise DomainError(f"Giá trị “{value}” không hợp lệ.", field=name)
    low, high = YEAR_RANGE
    for name in ("start_year", "end_year"):
        if not low <= getattr(c, name) <= high:
            raise DomainError(f"Năm phải trong khoảng {low} - {high}.", field=name)
    if c.end_year < c.start_year:
        raise DomainError(
            f"Năm kết thúc ({c.end_year}) không được trước năm bắt đầu ({c.start_year}).",
            field="end_year",
        )
    _check_conference_time(c)


def _check_conference_time(c: Conference) -> None:
    vague = (Conference.DatePrecision.MONTH, Conference.DatePrecision.QUARTER)
    if c.date_precision in vague and c.date is None:
        raise DomainError(
            "Thời gian “trong tháng” hoặc “trong quý” cần một ngày: hãy nhập một ngày bất kỳ "
            "của tháng hoặc quý đó.",
            field="date",
        )
    if c.start_time and c.end_time and c.end_time <= c.start_time:
        raise DomainError("Giờ kết thúc phải sau giờ bắt đầu.", field="end_time")


@transaction.atomic
def create_conference(*, organiser: Unit, by: User, **fields: Any) -> Conference:
    """A new conference held by `organiser`, a people's committee the user is staff of.
    Side effects: the conference row, an activity entry."""
    _check_organiser(by, organiser)
    fields = _clean_conference_fields({"end_year": None, **fields})
    conference = Conference(organiser=organiser, created_by=by, **fields)
    _check_conference_values(conference)
    conference.save()
    log_activity(
        actor=by,
        action="conference.created",
        summary=f"Thêm hội nghị {conference.title}",
        target=conference,
        conference=conference,
    )
    return conference


@transaction.atomic
def update_conference(*, conference: Conference, by: User, **fields: Any) -> Conference:
    """Change a conference's own fields (a new organiser must be one the user is staff of).
    Returns the saved row, read again under a lock, so changes are diffed against what is
    stored. Side effects: the conference row, an activity entry with the previous values."""
    conference = (
        Conference.objects.select_for_update(of=("self",))
        .select_related("organiser")
        .get(pk=conference.pk)
    )
    if not can_manage_conference(by, conference):
        raise PermissionDeniedError("Bạn không có quyền sửa hội nghị này.")
    fields = _clean_conference_fields(fields, current=conference)
    if fields.get("organiser", conference.organiser) != conference.organiser:
        _check_organiser(by, fields["organiser"])
    changes = diff_fields(conference, fields)
    if not changes:
        return conference
    for name in changes:
        setattr(conference, name, fields[name])
    _check_conference_values(conference)
    conference.save(update_fields=[*changes, "updated_at"])
    log_activity(
        actor=by,
        action="conference.updated",
        summary=f"Sửa thông tin hội nghị {conference.title}",
        target=conference,
        conference=conference,
        changes=changes,
    )
    return conference
