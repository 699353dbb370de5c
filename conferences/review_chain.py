"""The check before the leader (approval chain per organiser).

At a province the Ban Thi đua - Khen thưởng of the Sở Nội vụ drafts for the UBND tỉnh; at a
historic district the Phòng Nội vụ drafted for the UBND huyện. Such an office is a unit with
`drafting_for` set to the organiser it works for:
- its staff and leaders count as the organiser's staff (conferences.permissions.memberships_of);
- its leaders are the organiser's reviewers: a plan or an award decision sent to the leader is
  first checked by one of them ("Đã kiểm tra, trình lãnh đạo"), and the leader approves only
  what was checked. An organiser without a reviewer keeps the one-step approval.

The documents that pass the check carry `reviewed_by`/`reviewed_at`
(conferences.models.review.ReviewFields), cleared each time they are sent again."""

from __future__ import annotations

from django.utils import timezone

from .models import Role, Unit, User
from .permissions import DRAFTING_ROLES, memberships_of

REVIEWER_ROLE = Role.LEADER


def drafting_offices(organiser: Unit) -> list[Unit]:
    """The active offices that draft for `organiser`, by name."""
    return list(Unit.objects.filter(drafting_for=organiser, active=True).order_by("name"))


def reviewers(organiser: Unit) -> list[User]:
    """The active leaders of the offices drafting for `organiser` (read once per unit object)."""
    cached = getattr(organiser, "_reviewers", None)
    if cached is None:
        cached = list(
            User.objects.filter(
                is_active=True,
                memberships__role=REVIEWER_ROLE,
                memberships__unit__drafting_for=organiser,
                memberships__unit__active=True,
            )
            .distinct()
            .order_by("full_name", "pk")
        )
        organiser._reviewers = cached
    return cached


def prime_reviewers(organisers) -> None:
    """Read the reviewers of many organisers in one query (a list of documents asks each
    organiser): afterwards `reviewers(o)` reads nothing for those unit objects."""
    from .models import Membership

    organisers = [o for o in organisers if getattr(o, "_reviewers", None) is None]
    if not organisers:
        return
    found: dict[int, dict[int, User]] = {o.pk: {} for o in organisers}
    memberships = Membership.objects.filter(
        role=REVIEWER_ROLE,
        unit__drafting_for__in=list(found),
        unit__active=True,
        user__is_active=True,
    ).select_related("user", "unit")
    for m in memberships:
        found[m.unit.drafting_for_id][m.user.pk] = m.user
    for organiser in organisers:
        people = found[organiser.pk].values()
        organiser._reviewers = sorted(people, key=lambda u: (u.full_name, u.pk))


def review_required(organiser: Unit) -> bool:
    """The organiser has someone to check before its leader decides."""
    return bool(reviewers(organiser))


def is_reviewer(user, organiser: Unit) -> bool:
    """A leader of an office drafting for `organiser` (held for real: a superuser is not)."""
    return any(
        m.pk is not None and m.role == REVIEWER_ROLE and m.unit.drafting_for_id == organiser.pk
        for m in memberships_of(user)
    )


def awaits_review(document, organiser: Unit) -> bool:
    """Sent, and the drafting office has not checked it yet (only where it has a reviewer)."""
    return document.reviewed_at is None and review_required(organiser)


def cleared() -> dict:
    """The fields that forget an earlier check (a document sent again)."""
    return {"reviewed_by": None, "reviewed_at": None}


def checked_by(user) -> dict:
    return {"reviewed_by": user, "reviewed_at": timezone.now()}


def candidate_organisers(unit: Unit) -> list[Unit]:
    """Whom an office may draft for: the organisers above it (its UBND, the province)."""
    return [u for u in Unit.objects.get_ancestors(unit) if u.is_organiser and u.active][::-1]


def staff_of(organiser: Unit) -> list[User]:
    """Active staff and leaders of the offices drafting for `organiser` (they hear what the
    organiser's staff hear)."""
    return list(
        User.objects.filter(
            is_active=True,
            memberships__role__in=DRAFTING_ROLES,
            memberships__unit__drafting_for=organiser,
            memberships__unit__active=True,
        ).distinct()
    )
