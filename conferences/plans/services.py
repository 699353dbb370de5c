"""Writing plans: create (from a template or an earlier conference), edit sections, and the
approval workflow draft -> pending_approval -> approved -> issued (pending_approval ->
returned -> pending_approval; issued -> draft for an amendment).

Every service is atomic, checks permission and state, logs an activity row and notifies the
people concerned after commit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from conferences.models import (
    Conference,
    Plan,
    PlanComment,
    PlanRevision,
    PlanRevisionSeen,
    PlanSection,
    PlanStatus,
    Role,
    Unit,
    User,
)
from conferences.numbering import next_number
from conferences.services import diff_fields, log_activity
from core.errors import DomainError, PermissionDeniedError, require_permission
from core.notifications import notify
from core.signers import SIGNER_FIELDS, default_signer
from core.vntext import nfc

from . import content as C
from . import permissions as perms
from .copying import shift_years
from .diff import diff_snapshots
from .outline import build_outline
from .templates import template_for

TRANSITIONS: dict[str, set[str]] = {
    PlanStatus.DRAFT: {PlanStatus.PENDING_APPROVAL},
    PlanStatus.RETURNED: {PlanStatus.PENDING_APPROVAL},
    PlanStatus.PENDING_APPROVAL: {PlanStatus.APPROVED, PlanStatus.RETURNED},
    # An approved plan whose generated sections changed (delegates, assignments, the
    # conference's date) goes back to the leader before it can be issued.
    PlanStatus.APPROVED: {PlanStatus.ISSUED, PlanStatus.PENDING_APPROVAL},
    PlanStatus.ISSUED: {PlanStatus.DRAFT},
}
HEADER_FIELDS = (
    "parent_body",
    "issuing_body",
    "type_code",
    "place",
    "subject",
    "recipients",
    "undated_month",
    *SIGNER_FIELDS,
)
SECTION_FIELDS = ("heading", "level", "number", "inline", "nest", "content")


def move_plan(plan: Plan, to: str) -> None:
    """The one place a plan's status changes."""
    if to not in TRANSITIONS.get(plan.status, set()):
        raise DomainError(
            f"Kế hoạch đang ở trạng thái “{plan.get_status_display()}”, không thể chuyển sang "
            f"“{PlanStatus(to).label}”."
        )
    plan.status = to


def _log(plan: Plan, by: User, action: str, summary: str, changes=None) -> None:
    log_activity(
        actor=by,
        action=f"plan.{action}",
        summary=summary,
        target=plan,
        scope_unit=plan.conference.organiser,
        conference=plan.conference,
        changes=changes,
    )


def _people(plan: Plan, roles: set[str]) -> list[User]:
    """Users holding `roles` in the organiser or a unit above it."""
    unit = plan.conference.organiser
    paths = [unit.path[:i] for i in range(Unit.steplen, len(unit.path) + 1, Unit.steplen)]
    return list(
        User.objects.filter(
            is_active=True, memberships__unit__path__in=paths, memberships__role__in=roles
        ).distinct()
    )


def _notify(plan: Plan, roles: set[str], subject: str, body: str, also=()) -> None:
    users = {u.pk: u for u in [*_people(plan, roles), *[u for u in also if u]]}
    notify(users=users.values(), subject=subject, body=f"{body}\n\nHội nghị: {plan.conference}")


def _check_editable(plan: Plan, by: User) -> None:
    if plan.status not in perms.PLAN_EDITABLE:
        raise DomainError(
            f"Kế hoạch “{plan.get_status_display().lower()}” không sửa được. "
            "Sau khi ban hành, hãy lập văn bản sửa đổi, bổ sung."
        )
    require_permission(perms.can_edit_plan(by, plan), "Bạn không có quyền sửa kế hoạch này.")


# --- Creating --------------------------------------------------------------------------------


def _default_header(conference: Conference) -> dict[str, Any]:
    organiser = conference.organiser
    parent = Unit.objects.get_parent(organiser)
    return {
        "issuing_body": organiser.name.upper(),
        "parent_body": (parent.short_name or parent.name).upper() if parent else "",
        "place": organiser.place_name,
        "subject": f"Tổ chức {conference.title}",
        # A plan of the people's committee is signed for the collective (TM.).
        **default_signer(organiser.name),
    }


@transaction.atomic
def create_plan(
    *, conference: Conference, by: User, template: str = "", copy_from: Conference | None = None
) -> Plan:
    """A draft plan for `conference`: from the template of its kind (or `template`), or a copy
    of `copy_from`'s plan with years shifted by the difference in period. Side effects: the
    plan, its sections, a log row."""
    require_permission(
        perms.can_create_plan(by, conference), "Bạn không có quyền lập kế hoạch cho hội nghị này."
    )
    if Plan.objects.filter(conference=conference).exists():
        raise DomainError("Hội nghị này đã có kế hoạch.")
    if copy_from is not None:
        return _copy_plan(conference, copy_from, by)
    spec = template_for(template or conference.kind, conference)
    plan = Plan.objects.create(
        conference=conference, created_by=by, **{**_default_header(conference), **spec["header"]}
    )
    _add_sections(plan, spec["sections"])
    _log(plan, by, "created", f"Lập kế hoạch từ mẫu “{spec['label']}”")
    return plan


def _add_sections(plan: Plan, specs: list[dict]) -> None:
    PlanSection.objects.bulk_create(
        PlanSection(
            plan=plan,
            order=(i + 1) * 10,
            kind=s["kind"],
            heading=nfc(s.get("heading", "")),
            level=s.get("level", 1),
            number=s.get("number", ""),
            inline=s.get("inline", False),
            nest=s.get("nest", 0),
            content=C.clean(s["kind"], s.get("content")),
        )
        for i, s in enumerate(specs)
    )


def _copy_plan(conference: Conference, source: Conference, by: User) -> Plan:
    original = Plan.objects.filter(conference=source).first()
    if original is None:
        raise DomainError("Hội nghị được chọn chưa có kế hoạch để sao chép.")
    if not perms.can_view_plan(by, original):
        raise PermissionDeniedError("Bạn không xem được kế hoạch của hội nghị đó.")
    years = conference.start_year - source.start_year
    header = {f: getattr(original, f) for f in HEADER_FIELDS}
    header["subject"] = f"Tổ chức {conference.title}"
    plan = Plan.objects.create(conference=conference, created_by=by, **header)
    specs = [
        {
            "kind": s.kind,
            "heading": shift_years(s.heading, years),
            "level": s.level,
            "number": s.number,
            "inline": s.inline,
            "nest": s.nest,
            "content": s.content if s.kind == "legal_basis" else shift_years(s.content, years),
        }
        for s in original.sections.all()
    ]
    _add_sections(plan, specs)
    _log(plan, by, "created", f"Sao chép kế hoạch từ “{source}” (lùi/tiến {years} năm)")
    return plan


# --- Editing ---------------------------------------------------------------------------------


@transaction.atomic
def update_plan_header(*, plan: Plan, by: User, **fields: Any) -> Plan:
    """Header, subject, recipients and signer. Side effects: the plan row, a log row."""
    unknown = set(fields) - set(HEADER_FIELDS)
    if unknown:
        raise TypeError(f"unknown plan fields: {sorted(unknown)}")
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _check_editable(plan, by)
    cleaned = {k: _clean_value(v) for k, v in fields.items()}
    if "issuing_body" in cleaned and not cleaned["issuing_body"]:
        raise DomainError("Cần ghi tên cơ quan ban hành.", field="issuing_body")
    changes = diff_fields(plan, cleaned)
    for name, value in cleaned.items():
        setattr(plan, name, value)
    plan.save()
    if changes:
        _log(plan, by, "header_updated", "Sửa phần đầu, nơi nhận, người ký", changes)
    return plan


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value).strip()
    if isinstance(value, list):
        return [nfc(str(v)).strip() for v in value if str(v).strip()]
    return value


@transaction.atomic
def add_section(
    *,
    plan: Plan,
    by: User,
    kind: str,
    heading: str = "",
    level: int = 1,
    after: PlanSection | None = None,
) -> PlanSection:
    """A new section at the end, or right after `after`. Side effects: section rows
    renumbered, a log row."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _check_editable(plan, by)
    if kind not in PlanSection.Kind.values:
        raise DomainError("Loại mục không hợp lệ.", field="kind")
    sections = list(plan.sections.all())
    position = (
        sections.index(next(s for s in sections if s.pk == after.pk)) + 1
        if after
        else len(sections)
    )
    section = PlanSection(
        plan=plan,
        kind=kind,
        heading=nfc(heading).strip(),
        level=level,
        inline=kind in ("time", "venue"),
        content=C.clean(kind, {}),
    )
    section.save()
    sections.insert(position, section)
    _renumber(sections)
    _log(plan, by, "section_added", f"Thêm mục “{section}”")
    return section


@transaction.atomic
def update_section(*, section: PlanSection, by: User, **fields: Any) -> PlanSection:
    """Heading, level, number, inline and the kind's content (cleaned to its schema).
    Side effects: the section row, a log row with the previous values."""
    unknown = set(fields) - set(SECTION_FIELDS)
    if unknown:
        raise TypeError(f"unknown section fields: {sorted(unknown)}")
    plan = Plan.objects.select_for_update().get(pk=section.plan_id)
    _check_editable(plan, by)
    section = PlanSection.objects.get(pk=section.pk)
    cleaned = dict(fields)
    if "content" in cleaned:
        cleaned["content"] = C.clean(section.kind, cleaned["content"])
    for key in ("heading", "number"):
        if key in cleaned:
            cleaned[key] = nfc(cleaned[key] or "").strip()
    if "level" in cleaned and cleaned["level"] not in (0, 1, 2, 3, 4):
        raise DomainError("Cấp mục không hợp lệ.", field="level")
    if "nest" in cleaned and cleaned["nest"] not in range(C.MAX_LEVEL + 1):
        raise DomainError("Số cấp thụt vào không hợp lệ.", field="nest")
    changes = diff_fields(section, cleaned)
    for name, value in cleaned.items():
        setattr(section, name, value)
    section.save()
    if changes:
        _log(plan, by, "section_updated", f"Sửa mục “{section}”", changes)
    return section


@transaction.atomic
def delete_section(*, section: PlanSection, by: User) -> None:
    plan = Plan.objects.select_for_update().get(pk=section.plan_id)
    _check_editable(plan, by)
    label = str(section)
    section.delete()
    _log(plan, by, "section_deleted", f"Xóa mục “{label}”")


def _renumber(sections: list[PlanSection]) -> None:
    for index, section in enumerate(sections, start=1):
        section.order = index * 10
    PlanSection.objects.bulk_update(sections, ["order"])


@transaction.atomic
def reorder_sections(*, plan: Plan, by: User, ids: list[int]) -> None:
    """Put the sections in the order of `ids` (drag and drop). Every section must be named
    once. Side effects: orders, a log row."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _check_editable(plan, by)
    sections = {s.pk: s for s in plan.sections.all()}
    if sorted(ids) != sorted(sections):
        raise DomainError("Danh sách mục đã thay đổi, vui lòng tải lại trang.")
    _renumber([sections[i] for i in ids])
    _log(plan, by, "sections_reordered", "Sắp xếp lại các mục")


def move_section(*, section: PlanSection, by: User, step: int) -> None:
    """One place up (step=-1) or down (step=1)."""
    ids = list(section.plan.sections.values_list("pk", flat=True))
    index = ids.index(section.pk)
    target = min(max(index + step, 0), len(ids) - 1)
    ids.insert(target, ids.pop(index))
    reorder_sections(plan=section.plan, by=by, ids=ids)


# --- Workflow --------------------------------------------------------------------------------


def snapshot(plan: Plan) -> dict:
    """What a revision freezes: the resolved outline (as printed), section by section."""
    return build_outline(plan).as_dict()


def _freeze(plan: Plan, by: User, event: str) -> PlanRevision:
    last = plan.revisions.aggregate(n=Max("number"))["n"] or 0
    return PlanRevision.objects.create(
        plan=plan,
        number=last + 1,
        event=event,
        amendment=plan.amendment,
        snapshot=snapshot(plan),
        created_by=by,
    )


def _locked(plan: Plan) -> Plan:
    return Plan.objects.select_for_update().select_related("conference__organiser").get(pk=plan.pk)


@transaction.atomic
def submit_plan(*, plan: Plan, by: User) -> PlanRevision:
    """Send for approval. Side effects: a frozen revision, status pending_approval, a log row,
    an email to the organiser's leaders."""
    plan = _locked(plan)
    allowed = perms.can_edit_plan(by, plan) or perms.can_resubmit_plan(by, plan)
    require_permission(allowed, "Bạn không có quyền gửi duyệt kế hoạch này.")
    if not plan.sections.exists():
        raise DomainError("Kế hoạch chưa có mục nào.")
    move_plan(plan, PlanStatus.PENDING_APPROVAL)
    plan.save(update_fields=["status", "updated_at"])
    revision = _freeze(plan, by, PlanRevision.Event.SUBMITTED)
    _log(plan, by, "submitted", f"Gửi duyệt kế hoạch (phiên bản {revision.number})")
    _notify(
        plan,
        {Role.LEADER},
        "Kế hoạch chờ duyệt",
        f"{by} đã gửi kế hoạch (phiên bản {revision.number}) để lãnh đạo duyệt.",
    )
    return revision


def _latest_submission(plan: Plan) -> PlanRevision | None:
    return plan.revisions.filter(event=PlanRevision.Event.SUBMITTED).order_by("-number").first()


def changed_since_approval(plan: Plan) -> list[str]:
    """Labels of the sections that no longer print as in the revision the leader approved
    (a quota, a duty or the conference's date may have changed since)."""
    approved = _latest_submission(plan)
    if approved is None:
        return []
    diffs = diff_snapshots(approved.snapshot, snapshot(plan))
    return [d.label for d in diffs if d.changed]


@transaction.atomic
def add_comment(
    *, plan: Plan, by: User, text: str, section: PlanSection | None = None
) -> PlanComment:
    """A comment on a section (or the whole plan) of the revision under review."""
    require_permission(
        perms.can_comment_plan(by, plan), "Chỉ góp ý được khi kế hoạch đang chờ duyệt."
    )
    text = nfc(text or "").strip()
    if not text:
        raise DomainError("Cần nhập nội dung ý kiến.", field="text")
    comment = PlanComment.objects.create(
        plan=plan,
        revision=_latest_submission(plan),
        section=section,
        section_label=str(section) if section else "",
        author=by,
        text=text,
    )
    where = f" về mục “{section}”" if section else ""
    _log(plan, by, "commented", f"Góp ý{where}: {text[:200]}")
    return comment


@transaction.atomic
def return_plan(*, plan: Plan, by: User, comment: str = "") -> Plan:
    """Return for corrections. Side effects: status returned, the comment (if any), a log row,
    an email to the one who sent it and the organiser's staff."""
    plan = _locked(plan)
    require_permission(perms.can_review_plan(by, plan), "Bạn không có quyền duyệt kế hoạch này.")
    if comment.strip():
        add_comment(plan=plan, by=by, text=comment)
    move_plan(plan, PlanStatus.RETURNED)
    plan.save(update_fields=["status", "updated_at"])
    _log(
        plan,
        by,
        "returned",
        "Trả lại kế hoạch để sửa" + (f": {comment.strip()[:200]}" if comment.strip() else ""),
    )
    sent = _latest_submission(plan)
    _notify(
        plan,
        {Role.STAFF},
        "Kế hoạch bị trả lại",
        f"{by} đã trả lại kế hoạch để sửa.\n\n{comment.strip()}",
        also=[sent.created_by if sent else None],
    )
    return plan


@transaction.atomic
def approve_plan(*, plan: Plan, by: User) -> Plan:
    plan = _locked(plan)
    require_permission(perms.can_review_plan(by, plan), "Bạn không có quyền duyệt kế hoạch này.")
    move_plan(plan, PlanStatus.APPROVED)
    plan.save(update_fields=["status", "updated_at"])
    _log(plan, by, "approved", "Duyệt kế hoạch")
    sent = _latest_submission(plan)
    _notify(
        plan,
        {Role.STAFF},
        "Kế hoạch đã được duyệt",
        f"{by} đã duyệt kế hoạch. Có thể ban hành.",
        also=[sent.created_by if sent else None],
    )
    return plan


@transaction.atomic
def issue_plan(*, plan: Plan, by: User, issued_on: dt.date | None = None) -> Plan:
    """Take the next number of the organiser's register for the plan's type and year, date
    the plan and make it read-only. Side effects: the register row (locked), the plan, an
    issued revision, a log row, an email to the organiser's staff and leaders."""
    plan = _locked(plan)
    require_permission(perms.can_issue_plan(by, plan), "Bạn không có quyền ban hành kế hoạch này.")
    changed = changed_since_approval(plan)
    if changed:
        raise DomainError(
            "Nội dung kế hoạch đã thay đổi sau khi lãnh đạo duyệt (mục: "
            f"{'; '.join(changed)}). Hãy gửi duyệt lại trước khi ban hành."
        )
    move_plan(plan, PlanStatus.ISSUED)
    plan.issued_on = issued_on or timezone.localdate()
    plan.number = next_number(
        unit=plan.conference.organiser, year=plan.issued_on.year, type_code=plan.type_code
    )
    plan.save(update_fields=["status", "issued_on", "number", "updated_at"])
    _freeze(plan, by, PlanRevision.Event.ISSUED)
    _log(plan, by, "issued", f"Ban hành kế hoạch số {plan.number}/{plan.type_code}")
    _notify(
        plan,
        {Role.STAFF, Role.LEADER},
        f"Kế hoạch số {plan.number}/{plan.type_code} đã ban hành",
        f"{by} đã ban hành kế hoạch ngày {plan.issued_on:%d/%m/%Y}.",
    )
    return plan


@transaction.atomic
def start_amendment(*, plan: Plan, by: User) -> Plan:
    """Reopen an issued plan as the draft of an amendment (sửa đổi, bổ sung). The issued
    revision keeps the old text and number; the amendment takes its own number when issued.
    Side effects: status draft, amendment counter, number and date cleared, a log row."""
    plan = _locked(plan)
    require_permission(perms.can_amend_plan(by, plan), "Bạn không có quyền sửa đổi kế hoạch này.")
    previous = f"{plan.number}/{plan.type_code}"
    move_plan(plan, PlanStatus.DRAFT)
    plan.amendment += 1
    plan.number = None
    plan.issued_on = None
    plan.save(update_fields=["status", "amendment", "number", "issued_on", "updated_at"])
    _log(
        plan,
        by,
        "amendment_started",
        f"Lập sửa đổi, bổ sung lần {plan.amendment} cho kế hoạch số {previous}",
    )
    return plan


def mark_seen(*, plan: Plan, user: User, revision: PlanRevision) -> None:
    """Remember the revision a leader has looked at (no log: reading is not an action)."""
    PlanRevisionSeen.objects.update_or_create(plan=plan, user=user, defaults={"revision": revision})
