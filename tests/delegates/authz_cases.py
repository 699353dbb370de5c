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


def _c(w) -> dict:
    return {"conference_pk": w["conference_a"].pk}


def _category(w):
    return CategoryFactory(conference=w["conference_a"])


def _school(w) -> dict:
    AllocationFactory(category=_category(w), unit=w["school"], seats=3)
    return {**_c(w), "unit_pk": w["school"].pk}


def _school_delegate(w) -> dict:
    allocation = AllocationFactory(category=_category(w), unit=w["school"], seats=3)
    delegate = DelegateFactory(category=allocation.category, unit=w["school"], source="unit")
    return {**_c(w), "pk": delegate.pk}


def _delegate(w) -> dict:
    return {**_c(w), "pk": DelegateFactory(category=_category(w)).pk}


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


CASES += [
    _view("delegates_composition"),
    _view("delegates_checks"),
    _view("delegates_allocation"),
    _view("delegates_register"),
    _view("delegates_export"),
    _manage("delegates_invitations"),
    _view("delegates_report"),
    _manage("delegates_category_create"),
    _manage("delegates_category_edit", kwargs=lambda w: {**_c(w), "pk": _category(w).pk}),
    _manage(
        "delegates_category_delete",
        kwargs=lambda w: {**_c(w), "pk": _category(w).pk},
        method="post",
        ok=302,
    ),
    _manage(
        "delegates_category_target",
        kwargs=lambda w: {**_c(w), "pk": _category(w).pk},
        method="post",
        data=lambda w: {"target_kind": "exact", "target_min": "5"},
    ),
    _manage(
        "delegates_rule_create",
        method="post",
        ok=302,
        data=lambda w: {"kind": "total", "total_max": "100"},
    ),
    _manage(
        "delegates_rule_delete",
        kwargs=lambda w: {**_c(w), "pk": RuleFactory(conference=w["conference_a"]).pk},
        method="post",
        ok=302,
    ),
    _manage("delegates_round_edit", method="post", ok=302),
    _manage("delegates_notify", method="post", ok=302),
    _manage("delegates_create"),
    _manage(
        "delegates_status",
        kwargs=_delegate,
        method="post",
        ok=302,
        data=lambda w: {"status": "invited"},
    ),
    _manage("delegates_checkin"),
    _manage("delegates_checkin_search", query="?q=tran"),
    _manage("delegates_checkin_counts"),
    _manage("delegates_check_in", kwargs=_delegate, method="post"),
    _manage("delegates_check_in_token", method="post", data=lambda w: {"token": "khong-co"}),
    Case(
        "delegates_unit",
        kwargs=_school,
        allowed=(*OFFICE_A, "submitter"),
        overrides={"reporter": 403},
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
        allowed=(*MANAGERS, "submitter"),
        overrides={**READ_ONLY, "reporter": 403},
    ),
    Case(
        "delegates_edit",
        kwargs=_school_delegate,
        allowed=(*MANAGERS, "submitter"),
        overrides={**READ_ONLY, "reporter": 403},
    ),
    Case(
        "delegates_delete",
        kwargs=_school_delegate,
        method="post",
        ok=302,
        allowed=(*MANAGERS, "submitter"),
        overrides={**READ_ONLY, "reporter": 403},
    ),
]
