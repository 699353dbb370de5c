"""What honorees adds to the base app's pages: conference cards and home-page items."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from conferences.models import Role
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import has_role_over, memberships_of
from conferences.review_chain import prime_reviewers
from core.extensions import ConferenceLink, HomeItem

from .models import AwardDecision, Nomination, NominationRound
from .selectors import reporter_clearance_requests

S = Nomination.Status


def conference_links(user, conference) -> list[ConferenceLink]:
    office = has_role_over(user, conference.organiser, OFFICE_ROLES)
    unit = any(
        m.role == Role.SUBMITTER and m.unit.path.startswith(conference.organiser.path)
        for m in memberships_of(user)
    )
    if not (office or unit):
        return []
    return [
        ConferenceLink(
            title="Khen thưởng",
            url=reverse("honorees:round_list", kwargs={"conference_pk": conference.pk}),
            description="Đợt đề nghị khen thưởng, hồ sơ của đơn vị, bình xét, quyết định khen thưởng.",
            order=40,
            figures=_figures(conference) if office else (),
        )
    ]


def _figures(conference) -> tuple[str, ...]:
    """Dossiers by state (those with one) and the council's votes cast."""
    from .models import CouncilVote

    counts = dict(
        Nomination.objects.filter(round__conference=conference)
        .exclude(status=S.DRAFT)
        .values_list("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    votes = CouncilVote.objects.filter(nomination__round__conference=conference).count()
    shown = [f"{counts[s]} {S(s).label.lower()}" for s in S.values if counts.get(s)]
    return (*shown, f"{votes} phiếu bình xét")


def _paths(user, roles) -> list[str]:
    return [m.unit.path for m in memberships_of(user) if m.role in roles]


def _organised_under(paths: list[str]) -> Q:
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(conference__organiser__path__startswith=path)
    return q


def _deadline_badge(round: NominationRound) -> tuple[str, str]:
    days = (round.deadline - timezone.now()).days
    if round.is_past_deadline:
        return "Quá hạn", "danger"
    return (f"Còn {days} ngày", "warning") if days < 3 else (f"Còn {days} ngày", "success")


def submitter_items(user) -> list[HomeItem]:
    items = []
    for m in memberships_of(user):
        if m.role != Role.SUBMITTER:
            continue
        step = m.unit.steplen
        ancestors = [m.unit.path[:i] for i in range(step, len(m.unit.path), step)]
        rounds = NominationRound.objects.filter(conference__organiser__path__in=ancestors).exclude(
            state=NominationRound.State.CLOSED
        )
        counts: dict[int, dict[str, int]] = {}
        for round_id, status, n in (
            Nomination.objects.filter(round__in=rounds, unit=m.unit)
            .values_list("round", "status")
            .annotate(n=Count("id"))
        ):
            counts.setdefault(round_id, {})[status] = n
        for round in rounds:
            badge, colour = _deadline_badge(round)
            summary = ", ".join(
                f"{S(k).label}: {v}" for k, v in sorted(counts.get(round.pk, {}).items())
            )
            items.append(
                HomeItem(
                    label=f"{round.title} — {m.unit.name}",
                    url=reverse(
                        "honorees:unit_round", kwargs={"pk": round.pk, "unit_pk": m.unit.pk}
                    ),
                    detail=f"Hạn gửi: {timezone.localtime(round.deadline):%H:%M %d/%m/%Y}. "
                    + (f"Hồ sơ của đơn vị: {summary}." if summary else "Chưa có hồ sơ."),
                    badge=badge,
                    badge_class=colour,
                )
            )
    return items


def council_items(user) -> list[HomeItem]:
    paths = _paths(user, {Role.COUNCIL})
    if not paths:
        return []
    # Two counts, not one with a negated filter: across the votes join, "not voted by me"
    # would count every nomination someone else voted on.
    rounds = NominationRound.objects.filter(_organised_under(paths)).annotate(
        submitted=Count("nominations", filter=Q(nominations__status=S.SUBMITTED), distinct=True),
        voted=Count(
            "nominations",
            filter=Q(nominations__status=S.SUBMITTED, nominations__votes__member=user),
            distinct=True,
        ),
    )
    for r in rounds:
        r.waiting = r.submitted - r.voted
    return [
        HomeItem(
            label=f"{r.waiting} hồ sơ chờ bạn cho ý kiến — {r.title}",
            url=reverse("honorees:council_list", kwargs={"pk": r.pk}),
            badge="Chờ bình xét",
            badge_class="warning",
        )
        for r in rounds
        if r.waiting
    ]


def leader_items(user) -> list[HomeItem]:
    """Draft decisions waiting for this user: to sign (the organiser's leader, once any check
    is done) or to check (the leader of an office drafting for the organiser)."""
    from .permissions import can_approve_decision, can_check_decision

    q = Q(pk__in=[])
    for path in _paths(user, {Role.LEADER}):
        q |= Q(round__conference__organiser__path__startswith=path)
    checked_for = [
        m.unit.drafting_for_id
        for m in memberships_of(user)
        if m.pk is not None and m.role == Role.LEADER and m.unit.drafting_for_id
    ]
    if checked_for:
        q |= Q(round__conference__organiser_id__in=checked_for)
    decisions = list(
        AwardDecision.objects.filter(q, status=AwardDecision.Status.DRAFT)
        .select_related("round__conference__organiser")
        .order_by("date", "pk")
    )
    prime_reviewers(d.round.conference.organiser for d in decisions)
    items = []
    for d in decisions:
        if can_check_decision(user, d):
            badge, label = "Chờ kiểm tra", "Dự thảo quyết định khen thưởng chờ kiểm tra"
        elif can_approve_decision(user, d):
            badge, label = "Chờ duyệt", "Quyết định khen thưởng chờ duyệt"
        else:
            continue
        items.append(
            HomeItem(
                label=f"{label}: {d.subject}",
                url=reverse("honorees:decision_detail", kwargs={"pk": d.pk}),
                detail=f"Ngày {d.date:%d/%m/%Y}"
                + (f" · đã trả lại: {d.return_reason}" if d.return_reason else ""),
                badge=badge,
                badge_class="warning",
            )
        )
        if len(items) == 10:
            break
    return items


def clerk_items(user) -> list[HomeItem]:
    """Decisions the leader approved, waiting for the văn thư's number."""
    from .selectors import decisions_to_issue

    return [
        HomeItem(
            label=f"Quyết định khen thưởng chờ vào số: {d.subject}",
            url=reverse("honorees:decision_detail", kwargs={"pk": d.pk}),
            detail=f"Lãnh đạo duyệt lúc {timezone.localtime(d.signed_at):%H:%M ngày %d/%m/%Y}",
            badge="Chờ ban hành",
            badge_class="warning",
        )
        for d in decisions_to_issue(user)[:10]
    ]


def staff_items(user) -> list[HomeItem]:
    paths = _paths(user, {Role.STAFF})
    rounds = NominationRound.objects.filter(_organised_under(paths)).annotate(
        submitted=Count("nominations", filter=Q(nominations__status=S.SUBMITTED)),
        returned=Count("nominations", filter=Q(nominations__status=S.RETURNED)),
    )
    return [
        HomeItem(
            label=r.title,
            url=reverse("honorees:round_detail", kwargs={"pk": r.pk}),
            detail=f"Đã gửi: {r.submitted} hồ sơ; bị trả lại chờ đơn vị sửa: {r.returned}.",
            badge=r.get_state_display(),
            badge_class="secondary" if r.state == NominationRound.State.CLOSED else "primary",
        )
        for r in rounds[:10]
    ]


def reporter_items(user) -> list[HomeItem]:
    """The agency's clearance requests still waiting for answers (late ones marked)."""
    requests = reporter_clearance_requests(user)
    items = [
        HomeItem(
            label=f"Cho ý kiến về người được đề nghị khen thưởng — {r.round.title}",
            url=reverse("honorees:clearance_detail", kwargs={"pk": r.pk}),
            detail=f"{r.round.conference.organiser.name}: còn {r.pending}/{r.total} hồ sơ chưa "
            f"trả lời, hạn {r.deadline:%d/%m/%Y}.",
            badge="Quá hạn" if r.is_past_deadline else "Chờ trả lời",
            badge_class="danger" if r.is_past_deadline else "warning",
        )
        for r in requests
        if r.pending
    ]
    if requests:
        items.append(
            HomeItem(
                label="Tất cả đề nghị cho ý kiến về người được khen thưởng",
                url=reverse("honorees:clearance_inbox"),
            )
        )
    return items
