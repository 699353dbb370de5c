"""Who may do what with a summary report: the office's staff draft and send it, its leaders
approve or return it, its staff, leaders or văn thư issue it with a number; the office reads
it. Predicates read the workflow's table, never status strings."""

from conferences.models import Role
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import has_role_over

from . import workflow
from .models import ReportStatus as S

READERS = OFFICE_ROLES | {Role.CLERK}


def can_view_report(user, report) -> bool:
    return has_role_over(user, report.conference.organiser, READERS)


def can_create_report(user, conference) -> bool:
    return has_role_over(user, conference.organiser, {Role.STAFF})


def can_edit_report(user, report) -> bool:
    return workflow.is_editable(report) and has_role_over(
        user, report.conference.organiser, {Role.STAFF}
    )


def can_submit_report(user, report) -> bool:
    return workflow.can_move(report, S.PENDING_APPROVAL) and has_role_over(
        user, report.conference.organiser, {Role.STAFF}
    )


def can_review_report(user, report) -> bool:
    return workflow.can_move(report, S.APPROVED) and has_role_over(
        user, report.conference.organiser, {Role.LEADER}
    )


def can_issue_report(user, report) -> bool:
    return workflow.can_move(report, S.ISSUED) and has_role_over(
        user, report.conference.organiser, {Role.STAFF, Role.LEADER, Role.CLERK}
    )
