"""Who may do what with nomination rounds, nominations and award decisions."""

from conferences.models import Role, Unit
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import has_role_over, memberships_of

from .models import AwardDecision, Nomination, NominationRound


def can_manage_round(user, round: NominationRound) -> bool:
    """Open, extend, close a round; set quotas; return and finalise nominations."""
    return has_role_over(user, round.conference.organiser, {Role.STAFF})


def can_create_round(user, conference) -> bool:
    return has_role_over(user, conference.organiser, {Role.STAFF})


def can_view_round_office(user, round: NominationRound) -> bool:
    """The office's view of a round: every unit's nominations."""
    return has_role_over(user, round.conference.organiser, OFFICE_ROLES)


def can_act_for_unit(user, unit: Unit) -> bool:
    """Write and submit the unit's own nominations."""
    return has_role_over(user, unit, {Role.SUBMITTER})


def can_view_unit_page(user, round: NominationRound, unit: Unit) -> bool:
    return can_act_for_unit(user, unit) or can_view_round_office(user, round)


def can_edit_nomination(user, nomination: Nomination) -> bool:
    return (
        nomination.status in Nomination.EDITABLE
        and can_act_for_unit(user, nomination.unit)
        and nomination.round.state != nomination.round.State.CLOSED
    )


def is_council_member(user, round: NominationRound) -> bool:
    """A council role over the organiser, held for real (a superuser does not vote)."""
    organiser = round.conference.organiser
    return any(
        m.role == Role.COUNCIL and organiser.path.startswith(m.unit.path)
        for m in memberships_of(user)
    )


def can_view_council_page(user, round: NominationRound) -> bool:
    return is_council_member(user, round) or can_manage_round(user, round)


def can_manage_decisions(user, round: NominationRound) -> bool:
    return has_role_over(user, round.conference.organiser, {Role.STAFF})


def can_print_decision(user, decision: AwardDecision) -> bool:
    """Print the decision with its list, and its certificates: the office's staff and leaders,
    whatever the decision's state (the builder says what is missing before it prints)."""
    return has_role_over(user, decision.round.conference.organiser, {Role.STAFF, Role.LEADER})


def can_sign_decision(user, decision: AwardDecision) -> bool:
    return decision.status == AwardDecision.Status.DRAFT and has_role_over(
        user, decision.round.conference.organiser, {Role.LEADER}
    )


def can_edit_decision(user, decision: AwardDecision) -> bool:
    return decision.status == AwardDecision.Status.DRAFT and can_manage_decisions(
        user, decision.round
    )
