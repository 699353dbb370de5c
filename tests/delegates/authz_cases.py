import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from delegates.models import (
    CompositionRule,
    Delegate,
    DelegateCategory,
    DelegateRound,
    SeatAllocation,
)
from delegates.services import allocation_outbox
from documents.models import GeneratedDocument
from tests.authz import CASES, OFFICE_A, Case
from tests.delegates.factories import (
    AllocationFactory,
    CategoryFactory,
    DelegateFactory,
    RuleFactory,
)

MANAGERS = ("staff", "superuser")
READ_ONLY = {"leader": 403, "council": 403, "admin": 403}
UNIT_PEOPLE = {"submitter": 403, "reporter": 403}
UNIT_SIDE = (*MANAGERS, "submitter")
UNIT_SIDE_DENIED = {**READ_ONLY, "reporter": 403}


def _c(w) -> dict:
    return {"conference_pk": w["conference_a"].pk}


def _category(w, **fields):
    return CategoryFactory(conference=w["conference_a"], **fields)


def _school(w) -> dict:
    AllocationFactory(category=_category(w, title="Đại biểu cơ sở"), unit=w["school"], seats=3)
    return {**_c(w), "unit_pk": w["school"].pk}


def _school_delegate(w) -> dict:
    allocation = AllocationFactory(category=_category(w), unit=w["school"], seats=3)
    delegate = DelegateFactory(category=allocation.category, unit=w["school"], source="unit")
    return {**_c(w), "pk": delegate.pk}


def _delegate(w) -> dict:
    return {**_c(w), "pk": DelegateFactory(category=_category(w)).pk}


def _present_delegate(w) -> dict:
    delegate = DelegateFactory(category=_category(w), present_at="2026-12-18T08:00:00+07:00")
    return {**_c(w), "pk": delegate.pk}


def _twins(w) -> dict:
    keep = DelegateFactory(category=_category(w), full_name="Trần Thị Hòa", birth_year=1980)
    drop = DelegateFactory(category=_category(w), full_name="Trần Thị Hoà", birth_year=None)
    return {**_c(w), "pk": keep.pk, "other_pk": drop.pk}


def _twin_rows(w, kw):
    return sorted(
        Delegate.objects.filter(pk__in=[kw["pk"], kw["other_pk"]]).values_list("pk", "birth_year")
    )


def _allocated(w) -> dict:
    AllocationFactory(category=_category(w), unit=w["school"], seats=3)
    return _c(w)


def _confirmed_notice(w) -> dict:
    """What the preview of the allocation notice posts: its count and fingerprint."""
    outbox = allocation_outbox(w["conference_a"])
    return {"count": outbox.count, "fingerprint": outbox.fingerprint}


def _ready_to_invite(w) -> dict:
    """A delegate, and a conference with what an invitation prints (its venue and day)."""
    conference = w["conference_a"]
    conference.venue, conference.date = "Hội trường xã An Thịnh", dt.date(2030, 10, 8)
    conference.save(update_fields=["venue", "date"])
    DelegateFactory(category=_category(w))
    return _c(w)


def _view(name, **kw):
    return Case(name, kwargs=kw.pop("kwargs", _c), overrides=UNIT_PEOPLE, **kw)


def _manage(name, **kw):
    return Case(
        name,
        kwargs=kw.pop("kwargs", _c),
        allowed=MANAGERS,
        overrides={**READ_ONLY, **UNIT_PEOPLE},
        **kw,
    )


# --- what each POST changes (the POST harness, tests/authz.py) ---------------------------------
def _conference_categories(w, kw):
    return sorted(
        DelegateCategory.objects.filter(conference_id=kw["conference_pk"]).values_list(
            "title", "target_kind", "target_min"
        )
    )


def _seats(w, kw):
    return sorted(
        SeatAllocation.objects.filter(category__conference_id=kw["conference_pk"]).values_list(
            "category_id", "unit_id", "seats"
        )
    )


def _delegate_row(w, kw):
    return (
        Delegate.objects.filter(pk=kw["pk"])
        .values_list("full_name", "invitation_status", "present_at")
        .first()
    )


def _delegates_of(w, kw):
    return sorted(
        Delegate.objects.filter(conference_id=kw["conference_pk"]).values_list(
            "full_name", "present_at"
        )
    )


def _round(w, kw):
    return (
        DelegateRound.objects.filter(conference_id=kw["conference_pk"])
        .values_list("deadline", "instructions", "notified_at")
        .first()
    )


def _category_data(w):
    return {
        "title": "Đại biểu khách mời",
        "order": 5,
        "target_kind": "exact",
        "target_min": 5,
        "target_max": 5,
        "noun": "đại biểu",
    }


def _grid_data(w):
    category = DelegateCategory.objects.filter(conference=w["conference_a"]).first()
    return {f"seats-{category.pk}-{w['school'].pk}": "5"}


def _person(w, category=None) -> dict:
    category = category or DelegateCategory.objects.filter(conference=w["conference_a"]).first()
    return {
        "category": category.pk,
        "source": "guest",
        "title": "Bà",
        "full_name": "Lê Thị Khách Mời",
        "gender": "female",
        "birth_year": 1975,
        "ethnicity": "Kinh",
        "unit": w["school"].pk,
    }


def _new_guest(w):
    return _person(w, _category(w))


def _token(w):
    delegate = DelegateFactory(category=_category(w))
    return {"token": delegate.invitation_token}


def _unit_import_data(w):
    from tests.delegates.test_import import _row, _xlsx

    return {"file": SimpleUploadedFile("ds.xlsx", _xlsx(_row())), "confirm": "1"}


def _documents(w, kw):
    return GeneratedDocument.objects.filter(conference_id=kw["conference_pk"]).count()


CASES += [
    _view("delegates_composition"),
    _view("delegates_checks"),
    _view("delegates_allocation"),
    Case(
        "delegates_allocation",
        kwargs=_allocated,
        method="post",
        data=_grid_data,
        ok=302,
        allowed=MANAGERS,
        # the office's other roles see the grid; their POST is not saved
        overrides={"leader": 200, "council": 200, "admin": 200, **UNIT_PEOPLE},
        state=_seats,
    ),
    _view("delegates_register"),
    _view("delegates_export"),
    _manage("delegates_invitations"),
    _manage(
        "delegates_invitations",
        kwargs=_ready_to_invite,
        method="post",
        data=lambda w: {"status": ""},
        ok=302,
        state=_documents,
    ),
    _view("delegates_report"),
    _manage("delegates_category_create"),
    _manage(
        "delegates_category_create",
        method="post",
        data=_category_data,
        ok=302,
        state=_conference_categories,
    ),
    _manage("delegates_category_edit", kwargs=lambda w: {**_c(w), "pk": _category(w).pk}),
    _manage(
        "delegates_category_edit",
        kwargs=lambda w: {**_c(w), "pk": _category(w).pk},
        method="post",
        data=_category_data,
        ok=302,
        state=_conference_categories,
    ),
    _manage(
        "delegates_category_delete",
        kwargs=lambda w: {**_c(w), "pk": _category(w).pk},
        method="post",
        ok=302,
        state=_conference_categories,
    ),
    _manage(
        "delegates_category_target",
        kwargs=lambda w: {**_c(w), "pk": _category(w).pk},
        method="post",
        data=lambda w: {"target_kind": "exact", "target_min": "5"},
        state=_conference_categories,
    ),
    _manage(
        "delegates_rule_create",
        method="post",
        ok=302,
        data=lambda w: {"kind": "total", "total_max": "100"},
        state=lambda w, kw: CompositionRule.objects.filter(
            conference_id=kw["conference_pk"]
        ).count(),
    ),
    _manage(
        "delegates_rule_delete",
        kwargs=lambda w: {**_c(w), "pk": RuleFactory(conference=w["conference_a"]).pk},
        method="post",
        ok=302,
        state=lambda w, kw: CompositionRule.objects.filter(pk=kw["pk"]).exists(),
    ),
    _manage(
        "delegates_round_edit",
        method="post",
        ok=302,
        data=lambda w: {
            "deadline": "2031-01-01T17:00",
            "instructions": "Gửi đúng hạn.",
            "line_marker": "plus",
        },
        state=_round,
    ),
    _manage("delegates_notify", kwargs=_allocated),
    _manage(
        "delegates_notify",
        kwargs=_allocated,
        method="post",
        data=_confirmed_notice,
        ok=302,
        state=_round,
    ),
    _manage("delegates_create"),
    _manage("delegates_create", method="post", data=_new_guest, ok=302, state=_delegates_of),
    _manage(
        "delegates_status",
        kwargs=_delegate,
        method="post",
        ok=302,
        data=lambda w: {"status": "invited"},
        state=_delegate_row,
    ),
    _manage("delegates_checkin"),
    _manage("delegates_checkin_search", query="?q=tran"),
    _manage("delegates_checkin_counts"),
    _manage("delegates_check_in", kwargs=_delegate, method="post", state=_delegate_row),
    _manage(
        "delegates_check_in_undo", kwargs=_present_delegate, method="post", state=_delegate_row
    ),
    _manage("delegates_merge", kwargs=_twins, method="post", ok=302, state=_twin_rows),
    _manage(
        "delegates_status_bulk",
        method="post",
        ok=302,
        data=lambda w: {
            "status": "invited",
            "chon": [DelegateFactory(category=_category(w)).pk],
        },
        state=lambda w, kw: sorted(
            Delegate.objects.filter(conference=w["conference_a"]).values_list(
                "pk", "invitation_status"
            )
        ),
    ),
    _manage("delegates_check_in_token", method="post", data=lambda w: {"token": "khong-co"}),
    _manage("delegates_check_in_token", method="post", data=_token, state=_delegates_of),
    Case(
        "delegates_unit",
        kwargs=_school,
        allowed=(*OFFICE_A, "submitter"),
        overrides={"reporter": 403},
    ),
    Case(
        "delegates_unit",
        kwargs=_school,
        method="post",
        data=_person,
        ok=302,
        allowed=UNIT_SIDE,
        overrides=UNIT_SIDE_DENIED,
        state=_delegates_of,
    ),
    Case(
        "delegates_unit_template",
        kwargs=_school,
        allowed=(*OFFICE_A, "submitter"),
        overrides={"reporter": 403},
    ),
    Case(
        "delegates_unit_import",
        kwargs=_school,
        allowed=UNIT_SIDE,
        overrides=UNIT_SIDE_DENIED,
    ),
    Case(
        "delegates_unit_import",
        kwargs=_school,
        method="post",
        data=_unit_import_data,
        ok=302,
        allowed=UNIT_SIDE,
        overrides=UNIT_SIDE_DENIED,
        state=_delegates_of,
    ),
    Case(
        "delegates_edit",
        kwargs=_school_delegate,
        allowed=UNIT_SIDE,
        overrides=UNIT_SIDE_DENIED,
    ),
    Case(
        "delegates_edit",
        kwargs=_school_delegate,
        method="post",
        data=lambda w: {**_person(w), "source": "unit"},
        ok=302,
        allowed=UNIT_SIDE,
        overrides=UNIT_SIDE_DENIED,
        state=_delegate_row,
    ),
    Case(
        "delegates_delete",
        kwargs=_school_delegate,
        method="post",
        ok=302,
        allowed=UNIT_SIDE,
        overrides=UNIT_SIDE_DENIED,
        state=_delegate_row,
    ),
]


def _invitation_date(w, kw):
    return (
        DelegateRound.objects.filter(conference_id=kw["conference_pk"])
        .values_list("invitation_place", "invitation_date", "invitation_day_blank")
        .first()
    )


CASES += [
    _manage(
        "delegates_invitation_date",
        method="post",
        ok=302,
        data=lambda w: {"invitation_place": "Thanh Trì", "invitation_date": "2031-01-03"},
        state=_invitation_date,
    ),
]


# --- the seating plan --------------------------------------------------------------------------
SEATING_READ = {**UNIT_PEOPLE, "clerk": 403}
SEATING_EDIT = {**READ_ONLY, **UNIT_PEOPLE, "clerk": 403}


def _hall(w) -> dict:
    """A hall of one block (2 rows of 3 seats) and one delegate, not yet seated."""
    from delegates.services import set_up_hall

    set_up_hall(
        conference=w["conference_a"], blocks=1, rows=2, seats_per_row=3, by=w["users"]["staff"]
    )
    return {**_c(w), "pk": DelegateFactory(category=_category(w)).pk}


def _hall_only(w) -> dict:
    kwargs = _hall(w)
    kwargs.pop("pk")
    return kwargs


def _placements(w, kw):
    from delegates.models import Seat

    return sorted(
        Seat.objects.filter(block__plan__conference_id=kw["conference_pk"]).values_list(
            "pk", "delegate_id", "by_hand"
        )
    )


def _halls(w, kw):
    from delegates.models import HallBlock

    return sorted(
        HallBlock.objects.filter(plan__conference_id=kw["conference_pk"]).values_list(
            "name", "rows", "seats_per_row"
        )
    )


def _move_data(w):
    from delegates.models import Delegate, Seat

    delegate = Delegate.objects.filter(conference=w["conference_a"]).last()
    seat = Seat.objects.filter(block__plan__conference=w["conference_a"]).last()
    return {"delegate": delegate.pk, "seat": seat.pk}


CASES += [
    Case("delegates_seating", kwargs=_hall_only, overrides=SEATING_READ),
    Case("delegates_seating_list", kwargs=_hall_only, overrides=SEATING_READ),
    Case("delegates_seating_setup", kwargs=_c, allowed=MANAGERS, overrides=SEATING_EDIT),
    Case(
        "delegates_seating_setup",
        kwargs=_c,
        method="post",
        data=lambda w: {
            "quick": "1",
            "blocks": 3,
            "rows": 12,
            "seats_per_row": 10,
            "reserved_rows": 1,
        },
        ok=302,
        allowed=MANAGERS,
        overrides=SEATING_EDIT,
        state=_halls,
    ),
    Case(
        "delegates_seating_auto",
        kwargs=_hall_only,
        method="post",
        ok=302,
        allowed=MANAGERS,
        overrides=SEATING_EDIT,
        state=_placements,
    ),
    Case(
        "delegates_seating_move",
        kwargs=_hall_only,
        method="post",
        data=_move_data,
        ok=302,
        allowed=MANAGERS,
        overrides=SEATING_EDIT,
        state=_placements,
    ),
]
