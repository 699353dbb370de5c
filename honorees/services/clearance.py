"""Clearance requests (xác nhận, hiệp y): the office asks agencies whether they object to the
round's nominees; each agency answers per nominee; the office resolves objections."""

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from conferences.models import Membership, Role, Unit, User
from conferences.review_chain import staff_of
from conferences.services import log_activity
from core.errors import DomainError, PermissionDeniedError
from core.notifications import notify
from core.outbox import Letter, Outbox, SendReport, build_outbox
from core.vntext import nfc

from ..clearance_workflow import transition_answer
from ..models import ClearanceAnswer, ClearanceRequest, Nomination, NominationRound
from ..permissions import can_answer_clearance, can_manage_clearance, can_resolve_clearance

A = ClearanceAnswer.Status


def askable_agencies(round: NominationRound):
    """Agencies under the round's organiser that may be asked (active)."""
    organiser = round.conference.organiser
    return Unit.objects.filter(
        path__startswith=organiser.path, kind=Unit.Kind.AGENCY, active=True
    ).order_by("path")


SUBJECT = "Đề nghị cho ý kiến về người được khen thưởng"


def _check_request(
    round: NominationRound, by: User, agencies: Sequence[Unit], deadline: dt.date
) -> int:
    """The rules of a request, before the preview and again at sending. Returns how many
    nominees it asks about."""
    if not can_manage_clearance(by, round):
        raise PermissionDeniedError("Bạn không có quyền xin ý kiến các cơ quan.")
    if not agencies:
        raise DomainError("Hãy chọn ít nhất một cơ quan.", field="agencies")
    allowed = set(askable_agencies(round).values_list("pk", flat=True))
    if any(agency.pk not in allowed for agency in agencies):
        raise DomainError("Chỉ hỏi ý kiến cơ quan thuộc địa bàn của đợt.", field="agencies")
    if deadline < timezone.localdate():
        raise DomainError("Hạn trả lời không được trước hôm nay.", field="deadline")
    count = Nomination.objects.filter(round=round, status=Nomination.Status.SUBMITTED).count()
    if not count:
        raise DomainError("Chưa có hồ sơ nào đã gửi và đang chờ xét để xin ý kiến.")
    return count


def _clean_note(note: str) -> str:
    """The office's note as the letters carry it (a browser sends a text area's lines with
    CR LF; the preview and the confirmation must read the same text)."""
    return nfc(note or "").replace("\r\n", "\n").strip()


def clearance_outbox(
    *,
    round: NominationRound,
    by: User,
    agencies: Sequence[Unit],
    deadline: dt.date,
    note: str = "",
) -> Outbox:
    """The letters a request would send now, one per agency to its reporters (checked like
    the request; no side effect). The round's requests so far are part of the fingerprint:
    a confirmation made before another request (or a second click) is stale."""
    count = _check_request(round, by, agencies, deadline)
    note = _clean_note(note)
    reporters: dict[int, list[User]] = {}
    for membership in Membership.objects.filter(
        unit__in=[a.pk for a in agencies], role=Role.REPORTER
    ).select_related("user"):
        reporters.setdefault(membership.unit_id, []).append(membership.user)
    organiser = round.conference.organiser
    link = reverse("honorees:clearance_inbox")
    letters = [
        Letter(
            recipient=agency.name,
            users=tuple(reporters.get(agency.pk, ())),
            subject=SUBJECT,
            body=(
                f"{organiser.name} đề nghị {agency.name} cho ý kiến về {count} tập thể, cá nhân "
                f"được đề nghị khen thưởng trong đợt “{round.title}” trước ngày "
                f"{deadline:%d/%m/%Y}." + (f"\n\n{note}" if note else "")
            ),
            link=link,
        )
        for agency in sorted(agencies, key=lambda a: a.path)
    ]
    asked = ClearanceRequest.objects.filter(round=round).order_by("pk").values_list("pk", flat=True)
    return build_outbox(letters, state=",".join(map(str, asked)))


@transaction.atomic
def request_clearance(
    *,
    round: NominationRound,
    by: User,
    agencies: Sequence[Unit],
    deadline: dt.date,
    note: str = "",
    count,
    fingerprint: str,
) -> tuple[list[ClearanceRequest], SendReport]:
    """Ask each agency about every nominee of the round sent to the office and not yet
    decided, by `deadline`, once the office has confirmed the preview (`count` letters,
    `fingerprint`; see `clearance_outbox`): a stale confirmation is refused (`StaleOutbox`)
    and nothing is created or sent. Returns the requests and the honest report (agencies
    without a reporter who has an address need the paper).
    Side effects: one ClearanceRequest per agency with one pending ClearanceAnswer per nominee,
    a log entry, an email to the agencies' reporters (after commit)."""
    NominationRound.objects.select_for_update().filter(pk=round.pk).first()
    outbox = clearance_outbox(round=round, by=by, agencies=agencies, deadline=deadline, note=note)
    outbox.check(count=count, fingerprint=fingerprint)
    note = _clean_note(note)
    nominees = list(
        Nomination.objects.filter(round=round, status=Nomination.Status.SUBMITTED).only("pk")
    )
    requests = ClearanceRequest.objects.bulk_create(
        ClearanceRequest(round=round, agency=a, deadline=deadline, note=note, created_by=by)
        for a in agencies
    )
    ClearanceAnswer.objects.bulk_create(
        ClearanceAnswer(request=r, nomination=n) for r in requests for n in nominees
    )
    report = outbox.send()
    names = ", ".join(a.name for a in agencies)
    unreached = (
        f"; {len(report.unreached)} cơ quan chưa có tài khoản nhận thư" if report.unreached else ""
    )
    log_activity(
        actor=by,
        action="clearance.requested",
        summary=f"Xin ý kiến {names} về {len(nominees)} người, tập thể được đề nghị khen "
        f"thưởng (hạn {deadline:%d/%m/%Y}); {report.letters} cơ quan nhận thư{unreached}",
        target=round,
        conference=round.conference,
    )
    return requests, report


def _locked_answer(answer: ClearanceAnswer) -> ClearanceAnswer:
    return (
        ClearanceAnswer.objects.select_for_update(of=("self",))
        .select_related("request__agency", "request__round__conference__organiser", "nomination")
        .get(pk=answer.pk)
    )


@transaction.atomic
def answer_clearance(
    *, answer: ClearanceAnswer, by: User, objects: bool, reason: str = ""
) -> ClearanceAnswer:
    """The agency's answer about one nominee: no objection, or an objection with its reason
    (which holds the nominee until the office resolves it). Side effects: the answer's
    status, a log entry; for an objection, an email to the organiser's staff."""
    answer = _locked_answer(answer)
    if not can_answer_clearance(by, answer):
        raise PermissionDeniedError("Bạn không trả lời được ý kiến này.")
    reason = nfc(reason or "").strip()
    if objects and not reason:
        raise DomainError("Hãy ghi lý do không đồng ý.", field="reason")
    agency, name = answer.request.agency.name, answer.nomination.display_name
    if objects:
        summary = f"{agency} không đồng ý khen thưởng {name}: {reason}"
    else:
        summary = f"{agency} không có ý kiến khác về {name}"
    transition_answer(
        answer=answer,
        to=A.OBJECTED if objects else A.CLEARED,
        by=by,
        summary=summary,
        fields={"reason": reason if objects else ""},
    )
    if objects:
        _notify_office(answer, summary)
    return answer


def _notify_office(answer: ClearanceAnswer, summary: str) -> None:
    """The organiser's staff learn of an objection: it holds the nominee until they act."""
    organiser = answer.request.round.conference.organiser
    users = User.objects.filter(
        memberships__unit=organiser, memberships__role=Role.STAFF, is_active=True
    ).distinct()
    notify(
        users=[*users, *staff_of(organiser)],
        subject=f"Ý kiến không đồng ý: {answer.nomination.display_name}",
        body=f"{summary}\n\nHồ sơ chưa được thông qua cho đến khi ý kiến được xử lý.",
        link=reverse("honorees:clearance_detail", kwargs={"pk": answer.request_id}),
    )


@transaction.atomic
def resolve_clearance(*, answer: ClearanceAnswer, by: User, resolution: str) -> ClearanceAnswer:
    """The office settles an agency's objection with a note (after checking with the agency,
    correcting the nominee's flags, or deciding to go on); the nominee is no longer held by
    it. Side effects: the answer's status and note, a log entry."""
    answer = _locked_answer(answer)
    if not can_resolve_clearance(by, answer):
        raise PermissionDeniedError("Bạn không có quyền xử lý ý kiến này.")
    resolution = nfc(resolution or "").strip()
    if not resolution:
        raise DomainError("Hãy ghi kết quả xử lý ý kiến.", field="resolution")
    return transition_answer(
        answer=answer,
        to=A.RESOLVED,
        by=by,
        summary=f"Xử lý ý kiến của {answer.request.agency.name} về "
        f"{answer.nomination.display_name}: {resolution}",
        fields={"resolution": resolution},
    )
