"""Writing plans: create (from a template or an earlier conference), edit sections, and the
approval workflow draft -> pending_approval -> approved -> issued (pending_approval ->
returned -> pending_approval; issued -> draft for an amendment).

Every service is atomic, checks permission and state, logs an activity row and notifies the
people concerned after commit."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from conferences import review_chain
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
from conferences.selectors import holders_over
from conferences.services import diff_fields, log_activity
from core.errors import DomainError, PermissionDeniedError, require_permission
from core.notifications import notify
from core.signers import SIGNER_FIELDS, default_signer
from core.vntext import nfc

from . import content as C
from . import permissions as perms
from . import workflow
from .copying import shift_years
from .selectors import changed_since_approval, latest_submission, snapshot
from .templates import template_for
from .workflow import transition_plan

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
# "3.2": the 2nd duty of the 3rd agency (PlanSection.after_duty).
DUTY_REF = re.compile(r"[1-9][0-9]{0,2}\.[1-9][0-9]{0,2}")
SECTION_FIELDS = ("heading", "level", "number", "inline", "nest", "after_duty", "content")


def _people(plan: Plan, roles: set[str]) -> list[User]:
    return holders_over(plan.conference.organiser, roles)


def _notify(plan: Plan, roles: set[str], subject: str, body: str, also=(), page="plan_detail"):
    users = {u.pk: u for u in [*_people(plan, roles), *[u for u in also if u]]}
    notify(
        users=users.values(),
        subject=subject,
        body=f"{body}\n\nHội nghị: {plan.conference}",
        link=reverse(page, args=[plan.pk]),
    )


def approvers(plan: Plan) -> list[User]:
    """The people a plan sent for approval reaches first: the drafting office's reviewers
    where the organiser has them, otherwise the leaders of the organiser or above."""
    organiser = plan.conference.organiser
    if review_chain.review_required(organiser):
        return review_chain.reviewers(organiser)
    return _people(plan, {Role.LEADER})


def _check_editable(plan: Plan, by: User) -> None:
    if not workflow.plan_is_editable(plan):
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


# The organiser's header (bodies, place, signer): other documents of the conference (the
# summary report) start from it too.
default_header = _default_header


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
    log_activity(
        actor=by,
        action="plan.created",
        summary=f"Lập kế hoạch từ mẫu “{spec['label']}”",
        target=plan,
        conference=plan.conference,
    )
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
            after_duty=s.get("after_duty", ""),
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
            "after_duty": s.after_duty,
            "content": s.content if s.kind == "legal_basis" else shift_years(s.content, years),
        }
        for s in original.sections.all()
    ]
    _add_sections(plan, specs)
    log_activity(
        actor=by,
        action="plan.created",
        summary=f"Sao chép kế hoạch từ “{source}” (lùi/tiến {years} năm)",
        target=plan,
        conference=plan.conference,
    )
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
        log_activity(
            actor=by,
            action="plan.header_updated",
            summary="Sửa phần đầu, nơi nhận, người ký",
            target=plan,
            conference=plan.conference,
            changes=changes,
        )
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
    log_activity(
        actor=by,
        action="plan.section_added",
        summary=f"Thêm mục “{section}”",
        target=plan,
        conference=plan.conference,
    )
    return section


class StaleSectionError(DomainError):
    """The section was saved by someone else after this edit was opened."""

    def __init__(self, section: PlanSection) -> None:
        who = section.updated_by or "một người khác"
        when = timezone.localtime(section.updated_at) if section.updated_at else None
        at = f" lúc {when:%H:%M ngày %d/%m/%Y}" if when else ""
        super().__init__(
            f"Mục “{section}” vừa được {who} sửa{at}, sau khi bạn mở để sửa. Nội dung bạn nhập "
            "chưa được lưu và vẫn ở dưới đây; bản hiện tại ở phía trên. Hãy đối chiếu, sửa "
            "lại nếu cần rồi bấm “Lưu” lần nữa để thay bằng nội dung của bạn."
        )
        self.section = section


@transaction.atomic
def update_section(
    *, section: PlanSection, by: User, expected_version: int | None = None, **fields: Any
) -> PlanSection:
    """Heading, level, number, inline and the kind's content (cleaned to its schema).
    `expected_version`: the version the editor opened; when the section has been saved
    since (by a colleague), StaleSectionError and nothing is written.
    Side effects: the section row (its version raised), a log row with the previous values."""
    unknown = set(fields) - set(SECTION_FIELDS)
    if unknown:
        raise TypeError(f"unknown section fields: {sorted(unknown)}")
    plan = Plan.objects.select_for_update().get(pk=section.plan_id)
    _check_editable(plan, by)
    section = PlanSection.objects.select_related("updated_by").get(pk=section.pk)
    cleaned = dict(fields)
    if "content" in cleaned:
        cleaned["content"] = C.clean(section.kind, cleaned["content"])
    for key in ("heading", "number", "after_duty"):
        if key in cleaned:
            cleaned[key] = nfc(cleaned[key] or "").strip()
    if cleaned.get("after_duty") and not DUTY_REF.fullmatch(cleaned["after_duty"]):
        raise DomainError(
            "Ghi vị trí nhiệm vụ theo dạng số cơ quan.số nhiệm vụ, ví dụ 3.2.", field="after_duty"
        )
    if "level" in cleaned and cleaned["level"] not in (0, 1, 2, 3, 4):
        raise DomainError("Cấp mục không hợp lệ.", field="level")
    if "nest" in cleaned and cleaned["nest"] not in range(C.MAX_LEVEL + 1):
        raise DomainError("Số cấp thụt vào không hợp lệ.", field="nest")
    changes = diff_fields(section, cleaned)
    if not changes:
        return section
    if expected_version is not None and expected_version != section.version:
        raise StaleSectionError(section)
    for name, value in cleaned.items():
        setattr(section, name, value)
    section.version += 1
    section.updated_by, section.updated_at = by, timezone.now()
    section.save()
    log_activity(
        actor=by,
        action="plan.section_updated",
        summary=f"Sửa mục “{section}”",
        target=plan,
        conference=plan.conference,
        changes=changes,
    )
    return section


@transaction.atomic
def delete_section(*, section: PlanSection, by: User) -> None:
    plan = Plan.objects.select_for_update().get(pk=section.plan_id)
    _check_editable(plan, by)
    label = str(section)
    section.delete()
    log_activity(
        actor=by,
        action="plan.section_deleted",
        summary=f"Xóa mục “{label}”",
        target=plan,
        conference=plan.conference,
    )


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
    log_activity(
        actor=by,
        action="plan.sections_reordered",
        summary="Sắp xếp lại các mục",
        target=plan,
        conference=plan.conference,
    )


def move_section(*, section: PlanSection, by: User, step: int) -> None:
    """One place up (step=-1) or down (step=1)."""
    ids = list(section.plan.sections.values_list("pk", flat=True))
    index = ids.index(section.pk)
    target = min(max(index + step, 0), len(ids) - 1)
    ids.insert(target, ids.pop(index))
    reorder_sections(plan=section.plan, by=by, ids=ids)


# --- Workflow: every status change goes through workflow.transition_plan -------------------


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
    """Send for approval (a draft, a returned plan, or an approved plan whose content changed
    since). Side effects: a frozen revision, status pending_approval, a log row, an email to
    the organiser's leaders."""
    plan = _locked(plan)
    require_permission(perms.may_send_plan(by, plan), "Bạn không có quyền gửi duyệt kế hoạch này.")
    problem = workflow.submission_problem(plan)
    if problem:
        raise DomainError(problem)
    revision = _freeze(plan, by, PlanRevision.Event.SUBMITTED)
    transition_plan(
        plan=plan,
        to=PlanStatus.PENDING_APPROVAL,
        by=by,
        action="plan.submitted",
        summary=f"Gửi duyệt kế hoạch (phiên bản {revision.number})",
        fields=review_chain.cleared(),
    )
    organiser = plan.conference.organiser
    if review_chain.review_required(organiser):
        notify(
            users=review_chain.reviewers(organiser),
            subject="Kế hoạch chờ kiểm tra trước khi trình lãnh đạo",
            body=f"{by} đã gửi kế hoạch (phiên bản {revision.number}). Hãy kiểm tra rồi "
            f"trình lãnh đạo duyệt, hoặc trả lại để sửa.\n\nHội nghị: {plan.conference}",
            link=reverse("plan_review", args=[plan.pk]),
        )
    else:
        _notify(
            plan,
            {Role.LEADER},
            "Kế hoạch chờ duyệt",
            f"{by} đã gửi kế hoạch (phiên bản {revision.number}) để lãnh đạo duyệt.",
            page="plan_review",
        )
    return revision


@transaction.atomic
def check_plan(*, plan: Plan, by: User, comment: str = "") -> Plan:
    """The drafting office's leader has checked the sent plan and passes it to the
    organiser's leader (conferences.review_chain). Side effects: reviewed_by/at, the comment
    (if any), a log row, an email to the organiser's leaders."""
    plan = _locked(plan)
    require_permission(perms.can_check_plan(by, plan), "Bạn không có quyền kiểm tra kế hoạch này.")
    comment = (comment or "").strip()
    if comment:
        add_comment(plan=plan, by=by, text=comment)
    for name, value in review_chain.checked_by(by).items():
        setattr(plan, name, value)
    plan.save(update_fields=["reviewed_by", "reviewed_at", "updated_at"])
    log_activity(
        actor=by,
        action="plan.reviewed",
        summary="Kiểm tra kế hoạch, trình lãnh đạo duyệt"
        + (f": {comment[:200]}" if comment else ""),
        target=plan,
        conference=plan.conference,
    )
    _notify(
        plan,
        {Role.LEADER},
        "Kế hoạch chờ duyệt",
        f"{by} đã kiểm tra kế hoạch và trình lãnh đạo duyệt.",
        page="plan_review",
    )
    return plan


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
        revision=latest_submission(plan),
        section=section,
        section_label=str(section) if section else "",
        author=by,
        text=text,
    )
    where = f" về mục “{section}”" if section else ""
    log_activity(
        actor=by,
        action="plan.commented",
        summary=f"Góp ý{where}: {text[:200]}",
        target=plan,
        conference=plan.conference,
    )
    return comment


@transaction.atomic
def return_plan(*, plan: Plan, by: User, comment: str = "") -> Plan:
    """Return for corrections. Side effects: status returned, the comment (if any), a log row,
    an email to the one who sent it and the organiser's staff."""
    plan = _locked(plan)
    require_permission(perms.can_return_plan(by, plan), "Bạn không có quyền duyệt kế hoạch này.")
    comment = comment.strip()
    if comment:
        add_comment(plan=plan, by=by, text=comment)
    transition_plan(
        plan=plan,
        to=PlanStatus.RETURNED,
        by=by,
        action="plan.returned",
        summary="Trả lại kế hoạch để sửa" + (f": {comment[:200]}" if comment else ""),
    )
    sent = latest_submission(plan)
    _notify(
        plan,
        {Role.STAFF},
        "Kế hoạch bị trả lại",
        f"{by} đã trả lại kế hoạch để sửa.\n\n{comment}",
        also=[sent.created_by if sent else None],
    )
    return plan


@transaction.atomic
def approve_plan(*, plan: Plan, by: User) -> Plan:
    """Side effects: status approved, a log row, an email to the one who sent it and the
    organiser's staff."""
    plan = _locked(plan)
    require_permission(perms.can_review_plan(by, plan), "Bạn không có quyền duyệt kế hoạch này.")
    if perms.plan_awaits_check(plan):
        offices = ", ".join(
            u.name for u in review_chain.drafting_offices(plan.conference.organiser)
        )
        raise DomainError(
            f"Kế hoạch chưa được {offices} kiểm tra. Lãnh đạo duyệt sau khi cơ quan tham mưu "
            "kiểm tra và trình."
        )
    transition_plan(
        plan=plan, to=PlanStatus.APPROVED, by=by, action="plan.approved", summary="Duyệt kế hoạch"
    )
    sent = latest_submission(plan)
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
    issued_on = issued_on or timezone.localdate()
    number = next_number(
        unit=plan.conference.organiser, year=issued_on.year, type_code=plan.type_code
    )
    transition_plan(
        plan=plan,
        to=PlanStatus.ISSUED,
        by=by,
        action="plan.issued",
        summary=f"Ban hành kế hoạch số {number}/{plan.type_code}",
        fields={"issued_on": issued_on, "number": number},
    )
    _freeze(plan, by, PlanRevision.Event.ISSUED)
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
    amendment = plan.amendment + 1
    transition_plan(
        plan=plan,
        to=PlanStatus.DRAFT,
        by=by,
        action="plan.amendment_started",
        summary=f"Lập sửa đổi, bổ sung lần {amendment} cho kế hoạch số {previous}",
        fields={"amendment": amendment, "number": None, "issued_on": None},
    )
    return plan


def mark_seen(*, plan: Plan, user: User, revision: PlanRevision) -> None:
    """Remember the revision a leader has looked at (no log: reading is not an action)."""
    PlanRevisionSeen.objects.update_or_create(plan=plan, user=user, defaults={"revision": revision})
