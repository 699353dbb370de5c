"""The office's side of eligibility: letting a nominee through a failed check with a reason
(EligibilityOverride, printed in the council's minutes) and correcting the nominee's flags."""

import datetime as dt

from django.db import IntegrityError, transaction

from conferences.models import User
from conferences.services import diff_fields, log_activity
from core.errors import DomainError, PermissionDeniedError
from core.vntext import nfc

from .. import eligibility
from ..models import EligibilityOverride, Nomination
from ..permissions import can_override_eligibility, can_record_flags

FLAG_FIELDS = ("discipline_review", "under_inspection", "complaint_pending", "discipline_until")


def _locked(nomination: Nomination) -> Nomination:
    return (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("round__conference__organiser", "proposed_award")
        .get(pk=nomination.pk)
    )


@transaction.atomic
def override_eligibility(
    *, nomination: Nomination, by: User, rule_code: str, reason: str
) -> EligibilityOverride:
    """Let the nominee through one failed check, for the reason given (required). An
    agency's objection is not overridden here: the office resolves it on the clearance page.
    Side effects: an EligibilityOverride row, a log entry."""
    nomination = _locked(nomination)
    if not can_override_eligibility(by, nomination):
        raise PermissionDeniedError("Bạn không có quyền xét vượt điều kiện cho hồ sơ này.")
    reason = nfc(reason or "").strip()
    if not reason:
        raise DomainError("Hãy ghi lý do vẫn đưa ra Hội đồng xét.", field="reason")
    finding = eligibility.check_nomination(nomination).finding(rule_code)
    if finding is None or not finding.blocks:
        raise DomainError("Điều kiện này không còn là điều kiện chưa đạt của hồ sơ.")
    if not finding.overridable:
        raise DomainError(
            "Ý kiến không đồng ý của cơ quan được hỏi phải được xử lý ở trang xin ý kiến."
        )
    try:
        with transaction.atomic():
            override = EligibilityOverride.objects.create(
                nomination=nomination,
                rule_code=rule_code,
                rule_text=finding.text[:300],
                reason=reason,
                created_by=by,
            )
    except IntegrityError:  # the same check overridden at the same moment (a double click)
        raise DomainError("Điều kiện này đã được xét vượt.") from None
    log_activity(
        actor=by,
        action="nomination.eligibility_override",
        summary=f"Xét vượt điều kiện cho {nomination.display_name}: “{finding.text}”. "
        f"Lý do: {reason}",
        target=nomination,
        conference=nomination.round.conference,
    )
    return override


@transaction.atomic
def withdraw_override(*, override: EligibilityOverride, by: User) -> Nomination:
    """Take back a "xét vượt" (entered by mistake, or the reason no longer holds): the check
    blocks again until it is met or overridden anew. Only while the council has not decided,
    like the override itself. Side effects: the row is deleted, a log entry keeps its reason."""
    nomination = _locked(override.nomination)
    if not can_override_eligibility(by, nomination):
        raise PermissionDeniedError("Bạn không có quyền bỏ xét vượt điều kiện của hồ sơ này.")
    deleted, _ = EligibilityOverride.objects.filter(pk=override.pk).delete()
    if not deleted:  # taken back a moment ago (a double click)
        raise DomainError("Xét vượt điều kiện này đã được bỏ trước đó.")
    log_activity(
        actor=by,
        action="nomination.eligibility_override_withdrawn",
        summary=f"Bỏ xét vượt điều kiện cho {nomination.display_name}: “{override.rule_text}” "
        f"(lý do đã ghi: {override.reason})",
        target=nomination,
        conference=nomination.round.conference,
    )
    return nomination


FLAG_LABELS = {name: str(Nomination._meta.get_field(name).verbose_name) for name in FLAG_FIELDS}


def _flag_text(value) -> str:
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, bool):
        return "có" if value else "không"
    return "không" if value is None else str(value)


@transaction.atomic
def record_nominee_flags(
    *,
    nomination: Nomination,
    by: User,
    discipline_review: bool,
    under_inspection: bool,
    complaint_pending: bool,
    discipline_until: dt.date | None,
) -> Nomination:
    """The office corrects what the unit recorded about the nominee (for example from an
    agency's answer) while the council has not decided. Side effects: the nomination's
    flags, a log entry with the changes."""
    nomination = _locked(nomination)
    if not can_record_flags(by, nomination):
        raise PermissionDeniedError("Bạn không có quyền sửa tình trạng của người được đề nghị.")
    new = {
        "discipline_review": discipline_review,
        "under_inspection": under_inspection,
        "complaint_pending": complaint_pending,
        "discipline_until": discipline_until,
    }
    changes = diff_fields(nomination, new)
    if not changes:
        return nomination
    listed = "; ".join(
        f"{FLAG_LABELS[name]}: {_flag_text(getattr(nomination, name))} → {_flag_text(new[name])}"
        for name in changes
    )
    for name, value in new.items():
        setattr(nomination, name, value)
    nomination.save(update_fields=[*FLAG_FIELDS, "updated_at"])
    log_activity(
        actor=by,
        action="nomination.flags",
        summary=f"Cập nhật tình trạng của {nomination.display_name}: {listed}",
        target=nomination,
        conference=nomination.round.conference,
        changes=changes,
    )
    return nomination
