"""Writes after a decision is issued: its verification codes, the revoking decision (thu hồi),
a reissued certificate (cấp lại), the handover of certificates, the publication switch and the
count of verifications."""

import datetime as dt

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from conferences.models import User
from conferences.services import log_activity
from core.errors import DomainError, PermissionDeniedError
from core.vntext import nfc

from ..models import AwardDecision, AwardLine, Revocation, VerificationCode
from ..permissions import can_manage_issued_awards
from ..verification_codes import fresh_codes

R = VerificationCode.ReissueReason


def create_verification_codes(*, decision: AwardDecision, by: User | None) -> int:
    """A code for the decision and one for each line's certificate, where missing (called
    by issue_decision inside its transaction). Side effects: the code rows. Returns how many."""
    rows = []
    if not decision.verification_codes.filter(line__isnull=True).exists():
        rows.append(VerificationCode(decision=decision, created_by=by))
    lines = decision.lines.exclude(certificates__issue=0)
    rows.extend(VerificationCode(decision=decision, line=line, created_by=by) for line in lines)
    for row, code in zip(rows, fresh_codes(VerificationCode, len(rows)), strict=True):
        row.code = code
    VerificationCode.objects.bulk_create(rows)
    return len(rows)


def _check(by: User, decision: AwardDecision) -> None:
    if not can_manage_issued_awards(by, decision):
        raise PermissionDeniedError(
            "Chỉ cán bộ thi đua của cơ quan ban hành được làm việc này với quyết định đã ban hành."
        )


def _text(value: str | None) -> str:
    return (nfc(value) or "").strip()


@transaction.atomic
def revoke_awards(
    *,
    decision: AwardDecision,
    lines: list[AwardLine],
    by: User,
    number: str,
    date: dt.date,
    issuer: str,
    reason: str,
) -> Revocation:
    """Record a revoking decision taking back the chosen awards of an issued decision; their
    verification pages say "Đã thu hồi". Side effects: the revocation, the lines, a log entry."""
    _check(by, decision)
    number, issuer, reason = _text(number), _text(issuer), _text(reason)
    if not number or not issuer or not reason or date is None:
        raise DomainError("Hãy ghi số, ngày, người ký và lý do của quyết định thu hồi.")
    if date < decision.date:
        raise DomainError("Ngày thu hồi không thể trước ngày của quyết định khen thưởng.")
    pks = [line.pk for line in lines]
    chosen = list(
        AwardLine.objects.select_for_update()
        .filter(decision=decision, pk__in=pks)
        .select_related("nomination")
    )
    if not chosen or len(chosen) != len(set(pks)):
        raise DomainError("Hãy chọn người, tập thể bị thu hồi trong danh sách của quyết định.")
    already = [line.nomination.display_name for line in chosen if line.revocation_id]
    if already:
        raise DomainError(f"Đã thu hồi trước đó: {', '.join(already)}.")
    revocation = Revocation.objects.create(
        decision=decision, number=number, date=date, issuer=issuer, reason=reason, created_by=by
    )
    AwardLine.objects.filter(pk__in=[line.pk for line in chosen]).update(revocation=revocation)
    names = ", ".join(line.nomination.display_name for line in chosen)
    log_activity(
        actor=by,
        action="decision.awards_revoked",
        summary=f"Thu hồi khen thưởng theo quyết định số {number} ngày {date:%d/%m/%Y} "
        f"(quyết định {decision.number_text}): {names}. Lý do: {reason}",
        target=decision,
        conference=decision.round.conference,
    )
    return revocation


@transaction.atomic
def reissue_certificate(
    *, line: AwardLine, by: User, reason: str, note: str = ""
) -> VerificationCode:
    """A replacement certificate for a line (same "số sổ vàng"), with its own code; the old
    code's page points to it. Side effects: the new code row, a log entry."""
    line = (
        AwardLine.objects.select_for_update()
        .select_related("decision", "nomination")
        .get(pk=line.pk)
    )
    decision = line.decision
    _check(by, decision)
    if line.revocation_id:
        raise DomainError("Khen thưởng này đã bị thu hồi, không cấp lại giấy.")
    if reason not in R.values:
        raise DomainError("Hãy chọn lý do cấp lại.", field="reason")
    note = _text(note)
    if reason == R.OTHER and not note:
        raise DomainError("Hãy ghi rõ lý do cấp lại.", field="note")
    last = line.certificates.order_by("-issue").first()
    issue = (last.issue + 1) if last else 1
    (code,) = fresh_codes(VerificationCode, 1)
    certificate = VerificationCode.objects.create(
        code=code,
        decision=decision,
        line=line,
        issue=issue,
        reissue_reason=reason,
        reissue_note=note,
        created_by=by,
    )
    log_activity(
        actor=by,
        action="decision.certificate_reissued",
        summary=f"Cấp lại lần {issue} giấy của {line.nomination.display_name} (quyết định "
        f"{decision.number_text}, số sổ vàng {line.gold_book_number}): "
        f"{certificate.reissue_reason_text}",
        target=decision,
        conference=decision.round.conference,
    )
    return certificate


@transaction.atomic
def record_handover(
    *,
    decision: AwardDecision,
    certificates: list[VerificationCode],
    by: User,
    handed_to: str = "",
    at: dt.datetime | None = None,
) -> int:
    """Record that the chosen certificates were collected (by the honouree when `handed_to`
    is empty). Certificates already handed over keep their record; revoked awards are not
    handed over. Side effects: the code
    rows, a log entry. Returns how many were recorded."""
    _check(by, decision)
    handed_to = _text(handed_to)
    rows = list(
        VerificationCode.objects.select_for_update(of=("self",))
        .filter(
            decision=decision,
            pk__in=[c.pk for c in certificates],
            line__isnull=False,
            line__revocation__isnull=True,
            handed_at__isnull=True,
        )
        .select_related("line__nomination")
    )
    when = at or timezone.now()
    for row in rows:
        row.handed_to = handed_to or row.line.nomination.display_name
        row.handed_at, row.handed_by = when, by
    VerificationCode.objects.bulk_update(rows, ["handed_to", "handed_at", "handed_by"])
    if rows:
        names = ", ".join(
            f"{r.line.nomination.display_name} (người nhận: {r.handed_to})" for r in rows
        )
        log_activity(
            actor=by,
            action="decision.certificates_handed_over",
            summary=f"Bàn giao {len(rows)} giấy khen theo quyết định {decision.number_text}: {names}",
            target=decision,
            conference=decision.round.conference,
        )
    return len(rows)


@transaction.atomic
def set_verification_publication(*, decision: AwardDecision, by: User, publish: bool) -> None:
    """Switch the public verification pages of the decision and its certificates on or off.
    Side effects: the decision row, a log entry."""
    _check(by, decision)
    AwardDecision.objects.filter(pk=decision.pk).update(publish_verification=publish)
    decision.publish_verification = publish
    state = "Bật" if publish else "Tắt"
    log_activity(
        actor=by,
        action="decision.verification_published" if publish else "decision.verification_hidden",
        summary=f"{state} trang xác minh công khai của quyết định {decision.number_text}",
        target=decision,
        conference=decision.round.conference,
    )


def count_verification(*, code: VerificationCode) -> None:
    """One more verification of the code (a single UPDATE, safe under concurrent visits)."""
    VerificationCode.objects.filter(pk=code.pk).update(
        hits=F("hits") + 1, last_hit_at=timezone.now()
    )
