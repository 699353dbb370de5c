"""Authorisation cases for assignments (see tests/authz.py).

Office roles over the organiser see the board and duties; only staff edit (the other office
roles get 403 from the service); the agency's reporter sees and reports on its own duties."""

from django.core.files.base import ContentFile

from assignments.models import Assignment, Duty, Milestone
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


def _second_assignment(w):
    """The second of two assignments (so moving it up changes the order)."""
    AssignmentFactory(conference=w["conference_a"], unit=w["school"])
    return {"pk": _assignment(w).pk}


def _first_of_two_duties(w):
    first = _duty(w)
    DutyFactory(assignment=first.assignment)
    return {"pk": first.pk}


def _second_milestone(w):
    MilestoneFactory(conference=w["conference_a"])
    return _milestone(w)


def _assignment_with_two_duties(w):
    first = _duty(w)
    DutyFactory(assignment=first.assignment)
    return {"assignment_pk": first.assignment_id}


def _reversed_duties(w):
    ids = Duty.objects.filter(assignment__conference=w["conference_a"]).order_by("order")
    return {"ids": list(ids.values_list("pk", flat=True))[::-1]}


# --- what each POST changes (the POST harness, tests/authz.py) ---------------------------------
def _assignments(w, kw):
    return list(
        Assignment.objects.filter(conference=w["conference_a"]).values_list(
            "pk", "order", "heading"
        )
    )


def _duties(w, kw):
    return list(
        Duty.objects.filter(assignment__conference=w["conference_a"]).values_list(
            "pk", "order", "text", "status"
        )
    )


def _milestones(w, kw):
    return list(
        Milestone.objects.filter(conference=w["conference_a"]).values_list("pk", "order", "title")
    )


def _assignment_data(w):
    return {"unit": w["agency"].pk, "role": "lead", "heading": "Đề nghị Công an xã phối hợp"}


def _duty_data(w):
    return {"text": "Bố trí lực lượng bảo vệ.", "deadline_kind": "none"}


def _milestone_data(w):
    return {"title": "Họp Hội đồng.", "deadline_kind": "none", "units": [w["school"].pk]}


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
        "assignment_duties",
        kwargs=lambda w: {"pk": _assignment(w).pk},
        allowed=OFFICE_A,
        ok=302,  # a list for the board (HTMX); opened as a page, the board itself
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
        state=_assignments,
    ),
    Case(
        "assignment_move",
        kwargs=lambda w: {**_second_assignment(w), "direction": "up"},
        method="post",
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
        state=_assignments,
    ),
    Case(
        "template_apply",
        kwargs=lambda w: {"pk": _assignment(w).pk},
        method="post",
        data=_template_data,
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
        state=_duties,
    ),
    Case(
        "duty_create",
        kwargs=lambda w: {"assignment_pk": _assignment(w).pk},
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
    ),
    Case(
        "duty_reorder",
        kwargs=_assignment_with_two_duties,
        method="post",
        data=_reversed_duties,
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
        state=_duties,
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
        state=_duties,
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
        state=_duties,
    ),
    Case(
        "duty_move",
        kwargs=lambda w: {**_first_of_two_duties(w), "direction": "down"},
        method="post",
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
        state=_duties,
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
        state=_milestones,
    ),
    Case(
        "milestone_move",
        kwargs=lambda w: {**_second_milestone(w), "direction": "up"},
        method="post",
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
        state=_milestones,
    ),
    # Form pages: their POST with valid data.
    Case(
        "assignment_create",
        kwargs=_conf,
        method="post",
        data=_assignment_data,
        ok=302,
        allowed=EDITORS,
        overrides={**OFFICE_NOT_STAFF, **UNIT_USERS_FORBIDDEN},
        state=_assignments,
    ),
    Case(
        "assignment_edit",
        kwargs=lambda w: {"pk": _assignment(w).pk},
        method="post",
        data=_assignment_data,
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
        state=_assignments,
    ),
    Case(
        "duty_create",
        kwargs=lambda w: {"assignment_pk": _assignment(w).pk},
        method="post",
        data=_duty_data,
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
        state=_duties,
    ),
    Case(
        "duty_edit",
        kwargs=lambda w: {"pk": _duty(w).pk},
        method="post",
        data=_duty_data,
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
        state=_duties,
    ),
    Case(
        "milestone_create",
        kwargs=_conf,
        method="post",
        data=_milestone_data,
        ok=302,
        allowed=EDITORS,
        overrides={**OFFICE_NOT_STAFF, **UNIT_USERS_FORBIDDEN},
        state=_milestones,
    ),
    Case(
        "milestone_edit",
        kwargs=_milestone,
        method="post",
        data=_milestone_data,
        ok=302,
        allowed=EDITORS,
        overrides=OFFICE_NOT_STAFF,
        state=_milestones,
    ),
]
