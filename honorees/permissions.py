"""Who may do what with nomination rounds, nominations and award decisions. The state part
of each predicate reads the tables in honorees.workflow, never status strings."""

from dataclasses import dataclass

from conferences.models import Role, Unit
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import has_any_role, has_role_over, memberships_of
from conferences.review_chain import awaits_review, is_reviewer

from . import clearance_workflow, workflow
from .models import AwardDecision, Nomination, NominationRound

S = Nomination.Status
R = NominationRound.State
D = AwardDecision.Status


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


def can_add_nominations(user, round: NominationRound, unit: Unit) -> bool:
    """Write new nominations for the unit: a submitter of it, while the round is not closed."""
    return workflow.round_is_open(round) and can_act_for_unit(user, unit)


def can_edit_nomination(user, nomination: Nomination) -> bool:
    """Change and send: a draft or a returned nomination, while the round is not closed."""
    return (
        workflow.nomination_is_editable(nomination)
        and workflow.round_is_open(nomination.round)
        and can_act_for_unit(user, nomination.unit)
    )


def can_withdraw_nomination(user, nomination: Nomination) -> bool:
    return workflow.nomination_can_move(nomination, S.WITHDRAWN) and can_act_for_unit(
        user, nomination.unit
    )


def can_restore_nomination(user, nomination: Nomination) -> bool:
    """Undo a withdrawal: the unit's submitter, back to a draft, while the round takes
    nominations."""
    return workflow.nomination_can_move(nomination, S.DRAFT) and can_add_nominations(
        user, nomination.round, nomination.unit
    )


def can_return_nomination(user, nomination: Nomination) -> bool:
    """The office sends a nomination back to the unit for correction."""
    return workflow.nomination_can_move(nomination, S.RETURNED) and can_manage_round(
        user, nomination.round
    )


def can_finalise_nomination(user, nomination: Nomination) -> bool:
    """The office records the council's result."""
    return workflow.nomination_under_review(nomination) and can_manage_round(user, nomination.round)


def can_vote_nomination(user, nomination: Nomination) -> bool:
    return workflow.nomination_under_review(nomination) and is_council_member(
        user, nomination.round
    )


@dataclass(frozen=True)
class NominationActions:
    """What a user may do with one nomination, for the templates (which compare no status)."""

    edit: bool
    submit: bool
    resend: bool  # the button says "Gửi lại": the office returned it
    withdraw: bool
    restore: bool
    send_back: bool
    finalise: bool
    vote: bool


def nomination_actions(user, nomination: Nomination) -> NominationActions:
    edit = can_edit_nomination(user, nomination)
    return NominationActions(
        edit=edit,
        submit=edit,
        resend=edit and nomination.status == S.RETURNED,
        withdraw=can_withdraw_nomination(user, nomination),
        restore=can_restore_nomination(user, nomination),
        send_back=can_return_nomination(user, nomination),
        finalise=can_finalise_nomination(user, nomination),
        vote=can_vote_nomination(user, nomination),
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
    """Print the decision with its list, and its certificates: the office's staff, leaders and
    văn thư, whatever the decision's state (the builder says what is missing before it prints)."""
    return has_role_over(
        user, decision.round.conference.organiser, {Role.STAFF, Role.LEADER, Role.CLERK}
    )


def _is_leader(user, decision: AwardDecision) -> bool:
    return has_role_over(user, decision.round.conference.organiser, {Role.LEADER})


def decision_awaits_check(decision: AwardDecision) -> bool:
    """A draft the office drafting for the organiser has not checked yet (only where the
    organiser has such an office with a leader: conferences.review_chain)."""
    return workflow.decision_is_draft(decision) and awaits_review(
        decision, decision.round.conference.organiser
    )


def is_decision_reviewer(user, decision: AwardDecision) -> bool:
    return is_reviewer(user, decision.round.conference.organiser)


def can_check_decision(user, decision: AwardDecision) -> bool:
    """The drafting office's leader checks the draft before the organiser's leader signs."""
    return (
        workflow.decision_is_draft(decision)
        and decision.reviewed_at is None
        and is_decision_reviewer(user, decision)
    )


def can_approve_decision(user, decision: AwardDecision) -> bool:
    """The leader approves (signs) a draft, once it is checked where a check is due."""
    return (
        workflow.decision_can_move(decision, D.APPROVED)
        and _is_leader(user, decision)
        and not decision_awaits_check(decision)
    )


def can_return_decision(user, decision: AwardDecision) -> bool:
    """The leader sends a draft, or an approved decision not yet issued, back with a reason;
    the checking office's leader sends back a draft it has not passed on."""
    return workflow.decision_can_move(decision, D.DRAFT) and (
        _is_leader(user, decision) or can_check_decision(user, decision)
    )


def is_decision_clerk(user, decision: AwardDecision) -> bool:
    """The văn thư of the decision's organiser (or the system administrator)."""
    return has_role_over(user, decision.round.conference.organiser, {Role.CLERK})


def can_issue_decision(user, decision: AwardDecision) -> bool:
    """Only the organiser's văn thư issues an approved decision: number and date."""
    return workflow.decision_can_move(decision, D.ISSUED) and is_decision_clerk(user, decision)


@dataclass(frozen=True)
class DecisionActions:
    """What a user may do with a decision, for the templates (which compare no status)."""

    edit: bool
    approve: bool
    send_back: bool
    issue: bool
    print: bool
    after_issue: bool = False  # verification, handover, reissue, revocation
    check: bool = False  # the drafting office's check before the leader
    awaits_check: bool = False


def decision_actions(user, decision: AwardDecision) -> DecisionActions:
    return DecisionActions(
        edit=can_edit_decision(user, decision),
        approve=can_approve_decision(user, decision),
        send_back=can_return_decision(user, decision),
        issue=can_issue_decision(user, decision),
        print=can_print_decision(user, decision),
        after_issue=can_manage_issued_awards(user, decision),
        check=can_check_decision(user, decision),
        awaits_check=decision_awaits_check(decision),
    )


def can_edit_decision(user, decision: AwardDecision) -> bool:
    return workflow.decision_is_draft(decision) and can_manage_decisions(user, decision.round)


def can_extend_round(user, round: NominationRound) -> bool:
    """Give a new deadline (a closed round reopens)."""
    return workflow.round_can_move(round, R.EXTENDED) and can_manage_round(user, round)


def can_close_round(user, round: NominationRound) -> bool:
    return workflow.round_can_move(round, R.CLOSED) and can_manage_round(user, round)


# --- Eligibility and clearance (xác nhận, hiệp y) ----------------------------------------------
def can_override_eligibility(user, nomination: Nomination) -> bool:
    """Let a nominee through a failed check with a reason, or correct the nominee's flags:
    the office's staff while the council has not decided."""
    return workflow.nomination_under_review(nomination) and can_manage_round(user, nomination.round)


def can_record_flags(user, nomination: Nomination) -> bool:
    return can_override_eligibility(user, nomination)


def can_manage_clearance(user, round: NominationRound) -> bool:
    """Ask agencies to confirm the round's nominees."""
    return can_manage_round(user, round)


def can_view_clearance_request(user, request) -> bool:
    """The asked agency's reporters and the office over the round."""
    return has_role_over(user, request.agency, {Role.REPORTER}) or can_view_round_office(
        user, request.round
    )


def can_answer_clearance(user, answer) -> bool:
    """The agency's reporter, while the nominee is under review and the answer not resolved."""
    return (
        clearance_workflow.answer_is_open(answer)
        and workflow.nomination_under_review(answer.nomination)
        and has_role_over(user, answer.request.agency, {Role.REPORTER})
    )


def can_resolve_clearance(user, answer) -> bool:
    """The office settles an agency's objection (with a note)."""
    return clearance_workflow.answer_awaits_resolution(answer) and can_manage_round(
        user, answer.request.round
    )


# --- The council's sitting ---------------------------------------------------------------------
def can_record_sitting(user, round: NominationRound, sitting) -> bool:
    """Record or change the sitting (time, place, chair, secretary, attendance) and the written
    votes of absent members: the office's staff, until the sitting's results are finalised."""
    return (sitting is None or workflow.sitting_is_open(sitting)) and can_manage_round(user, round)


def can_enter_written_votes(user, round: NominationRound, sitting) -> bool:
    return workflow.sitting_is_open(sitting) and can_manage_round(user, round)


def can_finalise_sitting(user, round: NominationRound, sitting) -> bool:
    """Finalise every nominee under review at once, by the vote and the ranking."""
    return workflow.sitting_is_open(sitting) and can_manage_round(user, round)


def can_set_award_limits(user, round: NominationRound) -> bool:
    """Set how many of each award form the round may honour (số lượng được khen)."""
    return can_manage_round(user, round)


def can_print_minutes(user, sitting) -> bool:
    """Print the sitting's minutes: the office (staff, leaders, council members)."""
    return can_view_round_office(user, sitting.round)


# --- After issue: verification, revocation, reissue, handover, lookup ---------------------------
def can_manage_issued_awards(user, decision: AwardDecision) -> bool:
    """Revoke awards, reissue a certificate, record handovers, switch the public verification
    page: the organiser's office staff, once the decision is issued."""
    return workflow.decision_is_issued(decision) and can_manage_decisions(user, decision.round)


def can_lookup_awards(user) -> bool:
    """The staff lookup of a person's awards: office staff and leaders (of their subtree)."""
    return has_any_role(user, {Role.STAFF, Role.LEADER})


def lookup_paths(user) -> list[str] | None:
    """The unit paths whose decisions the lookup reads (None: all, for a superuser)."""
    if getattr(user, "is_superuser", False):
        return None
    return [m.unit.path for m in memberships_of(user) if m.role in {Role.STAFF, Role.LEADER}]
