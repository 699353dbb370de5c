"""Clearance requests (xác nhận, hiệp y): the office asks agencies whether they object to the
round's nominees; each agency answers per nominee; the office resolves objections."""

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from conferences.models import Role, Unit, User
from conferences.services import log_activity
from core.errors import DomainError, PermissionDeniedError
from core.notifications import notify
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


@transaction.atomic
def request_clearance(
    *,
    round: NominationRound,
    by: User,
    agencies: Sequence[Unit],
    deadline: dt.date,
    note: str = "",
) -> list[ClearanceRequest]:
    """Ask each agency about every nominee of the round sent to the office and not yet
    decided, by `deadline`. Side effects: one ClearanceRequest per agency with one pending
    ClearanceAnswer per nominee, a log entry, an email to the agencies' reporters."""
    if not can_manage_clearance(by, round):
        raise PermissionDeniedError("Bạn không có quyền xin ý kiến các cơ quan.")
    allowed = set(askable_agencies(round).values_list("pk", flat=True))
    if not agencies:
        raise DomainError("Hãy chọn ít nhất một cơ quan.", field="agencies")
    if any(agency.pk not in allowed for agency in agencies):
        raise DomainError("Chỉ hỏi ý kiến cơ quan thuộc địa bàn của đợt.", field="agencies")
    if deadline < timezone.localdate():
        raise DomainError("Hạn trả lời không được trước hôm nay.", field="deadline")
    nominees = list(
        Nomination.objects.filter(round=round, status=Nomination.Status.SUBMITTED).only("pk")
    )
    if not nominees:
        raise DomainError("Chưa có hồ sơ nào đã gửi và đang chờ xét để xin ý kiến.")
    note = nfc(note or "").strip()
    requests = ClearanceRequest.objects.bulk_create(
        ClearanceRequest(round=round, agency=a, deadline=deadline, note=note, created_by=by)
        for a in agencies
    )
    ClearanceAnswer.objects.bulk_create(
        ClearanceAnswer(request=r, nomination=n) for r in requests for n in nominees
    )
    names = ", ".join(a.name for a in agencies)
    log_activity(
        actor=by,
        action="clearance.requested",
        summary=f"Xin ý kiến {names} về {len(nominees)} người, tập thể được đề nghị khen "
        f"thưởng (hạn {deadline:%d/%m/%Y})",
        target=round,
        conference=round.conference,
    )
    for request in requests:
        _notify_agency(request, len(nominees))
    return requests


def _notify_agency(request: ClearanceRequest, count: int) -> None:
    users = User.objects.filter(
        memberships__unit=request.agency, memberships__role=Role.REPORTER, is_active=True
    ).distinct()
    url = reverse("honorees:clearance_detail", kwargs={"pk": request.pk})
    body = (
        f"{request.round.conference.organiser.name} đề nghị {request.agency.name} cho ý kiến về "
        f"{count} tập thể, cá nhân được đề nghị khen thưởng trong đợt “{request.round.title}” "
        f"trước ngày {request.deadline:%d/%m/%Y}.\n\n{request.note}\n\nTrả lời tại: {url}"
    )
    notify(users=list(users), subject="Đề nghị cho ý kiến về người được khen thưởng", body=body)


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
    url = reverse("honorees:clearance_detail", kwargs={"pk": answer.request_id})
    notify(
        users=list(users),
        subject=f"Ý kiến không đồng ý: {answer.nomination.display_name}",
        body=f"{summary}\n\nHồ sơ chưa được thông qua cho đến khi ý kiến được xử lý: {url}",
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
