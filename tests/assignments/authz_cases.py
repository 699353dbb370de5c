"""Authorisation cases for assignments (see tests/authz.py).

Office roles over the organiser see the board and duties; only staff edit (the other office
roles get 403 from the service); the agency's reporter sees and reports on its own duties."""

from django.core.files.base import ContentFile

from tests.assignments.factories import (
    AssignmentFactory,
    DutyFactory,
    DutyUpdateFactory,
    MilestoneFactory,
)
from tests.authz import CASES, EVERYONE_LOGGED_IN, OFFICE_A, Case

EDITORS = ("staff", "superuser")
OFFICE_NOT_STAFF = {"leader": 403, "council": 403, "admin": 403}
UNIT_USERS_FORBIDDEN = {"submitter": 403, "reporter": 403}


def _conf(w):
    return {"conference_pk": w["conference_a"].pk}


def _assignment(w):
    return AssignmentFactory(conference=w["conference_a"], unit=w["agency"])


def _duty(w):
    return DutyFactory(assignment=_assignment(w))


def _milestone(w):
    return {"pk": MilestoneFactory(conference=w["conference_a"]).pk}


def _update_with_file(w):
    update = DutyUpdateFactory(duty=_duty(w))
    update.file.save("bao-cao.pdf", ContentFile(b"%PDF-1.4 thu"))
    return {"pk": update.pk}


def _template_data(w):
    from assignments.models import DutyTemplate

    return {"template": DutyTemplate.objects.first().pk}


def _status_data(w):
    return {"status": "in_progress", "note": "Đã bắt đầu."}


CASES += [
    Case(
        "assignment_board",
        kwargs=_conf,
        allowed=OFFICE_A,
        overrides=UNIT_USERS_FORBIDDEN,
    ),
    Case(
        "assignment_create",
        kwargs=_conf,
        allowed=EDITORS,
        overrides={**OFFICE_NOT_STAFF, **UNIT_USERS_FORBIDDEN},
    ),
    Case(
        "assignment_timeline",
        kwargs=_conf,
        allowed=(*OFFICE_A, "submitter", "reporter"),
    ),
    Case(
        "milestone_create",
        kwargs=_conf,
        allowed=EDITORS,
        overrides={**OFFICE_NOT_STAFF, **UNIT_USERS_FORBIDDEN},
    ),
    Case(
        "assignment_edit",
        kwargs=lambda w: {"pk": _assignment(w).pk},
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
    ),
    Case(
        "assignment_delete",
        kwargs=lambda w: {"pk": _assignment(w).pk},
        method="post",
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
    ),
    Case(
        "assignment_move",
        kwargs=lambda w: {"pk": _assignment(w).pk, "direction": "up"},
        method="post",
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
    ),
    Case(
        "template_apply",
        kwargs=lambda w: {"pk": _assignment(w).pk},
        method="post",
        data=_template_data,
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
    ),
    Case(
        "duty_create",
        kwargs=lambda w: {"assignment_pk": _assignment(w).pk},
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
    ),
    Case(
        "duty_reorder",
        kwargs=lambda w: {"assignment_pk": _assignment(w).pk},
        method="post",
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
    ),
    Case("my_duties", allowed=EVERYONE_LOGGED_IN),
    Case(
        "unit_duties",
        kwargs=lambda w: {"unit_pk": w["agency"].pk},
        allowed=(*OFFICE_A, "reporter"),
    ),
    Case(
        "duty_report",
        kwargs=lambda w: {"pk": _duty(w).pk},
        allowed=(*OFFICE_A, "reporter"),
    ),
    Case(
        "duty_report",
        kwargs=lambda w: {"pk": _duty(w).pk},
        method="post",
        data=_status_data,
        ok=302,
        allowed=("staff", "superuser", "reporter"),
        overrides=OFFICE_NOT_STAFF,
    ),
    Case(
        "duty_edit",
        kwargs=lambda w: {"pk": _duty(w).pk},
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
    ),
    Case(
        "duty_delete",
        kwargs=lambda w: {"pk": _duty(w).pk},
        method="post",
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
    ),
    Case(
        "duty_move",
        kwargs=lambda w: {"pk": _duty(w).pk, "direction": "down"},
        method="post",
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
    ),
    Case(
        "duty_update_file",
        kwargs=_update_with_file,
        allowed=(*OFFICE_A, "reporter"),
    ),
    Case(
        "milestone_edit",
        kwargs=_milestone,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
    ),
    Case(
        "milestone_delete",
        kwargs=_milestone,
        method="post",
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
    ),
    Case(
        "milestone_move",
        kwargs=lambda w: {**_milestone(w), "direction": "up"},
        method="post",
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
    ),
]
