from conferences.models import Membership, Unit
from tests.authz import CASES, EVERYONE_LOGGED_IN, OFFICE_A, Case

UNIT_MANAGERS = ("staff", "admin", "superuser")
OFFICE_READ_ONLY = {"leader": 403, "council": 403}


def _membership_of_submitter(w):
    return {"pk": w["users"]["submitter"].memberships.get().pk}


def _office_a(w):
    return {"pk": w["office_a"].pk}


def _memberships(w):
    return sorted(Membership.objects.values_list("user_id", "unit_id", "role"))


def _grant(persona: str, role: str):
    """The role form of member_add: give `role` at office A to `persona`'s account."""
    return lambda w: {
        "grant": "1",
        "role-username": w["users"][persona].username,
        "role-role": role,
        "role-position": "",
    }


# Refused grants: only the system administrator may make them. A unit user administrator
# sees the form again with the reason (200); the memberships stay as they were.
GRANT_REFUSED = {
    "kwargs": _office_a,
    "method": "post",
    "ok": 302,
    "allowed": ("superuser",),
    "overrides": {"admin": 200, "staff": 403, **OFFICE_READ_ONLY},
    "state": _memberships,
}


def _unit_form(w, unit: str, active: bool) -> dict:
    u = w[unit]
    data = {"name": u.name, "short_name": u.short_name, "code": u.code, "kind": u.kind}
    return {**data, "active": "on"} if active else data


def _active_flags(w):
    return dict(Unit.objects.values_list("code", "active"))


CASES += [
    Case("login", public=True, overrides=dict.fromkeys(EVERYONE_LOGGED_IN, 302)),
    Case("logout", method="post", public=True, ok=302),
    Case("password_change", allowed=EVERYONE_LOGGED_IN),
    Case("password_change_done", allowed=EVERYONE_LOGGED_IN),
    Case("password_reset", public=True),
    Case("password_reset_done", public=True),
    Case(
        "password_reset_confirm", kwargs=lambda w: {"uidb64": "MQ", "token": "sai-ma"}, public=True
    ),
    Case("password_reset_complete", public=True),
    Case("healthz", public=True),
    Case("home", allowed=EVERYONE_LOGGED_IN),
    Case("unit_list", allowed=EVERYONE_LOGGED_IN),
    Case("unit_template", allowed=EVERYONE_LOGGED_IN),
    Case("unit_import", allowed=(*UNIT_MANAGERS, "other_office"), denied=403),
    Case("unit_detail", kwargs=lambda w: {"pk": w["office_a"].pk}),
    Case("unit_detail", kwargs=lambda w: {"pk": w["school"].pk}, allowed=(*OFFICE_A, "submitter")),
    Case(
        "unit_edit",
        kwargs=lambda w: {"pk": w["office_a"].pk},
        allowed=UNIT_MANAGERS,
        overrides=OFFICE_READ_ONLY,
    ),
    # Staff and administrators of office A cannot switch their own office off (the box is
    # disabled, what they send for it is ignored); they may switch off a unit below it.
    Case(
        "unit_edit",
        kwargs=_office_a,
        method="post",
        data=lambda w: _unit_form(w, "office_a", active=False),
        ok=302,
        allowed=UNIT_MANAGERS,
        overrides=OFFICE_READ_ONLY,
        state=_active_flags,
        changers=("superuser",),
    ),
    Case(
        "unit_edit",
        kwargs=lambda w: {"pk": w["school"].pk},
        method="post",
        data=lambda w: _unit_form(w, "school", active=False),
        ok=302,
        allowed=UNIT_MANAGERS,
        overrides={**OFFICE_READ_ONLY, "submitter": 403},
        state=_active_flags,
    ),
    Case(
        "unit_create",
        kwargs=lambda w: {"parent_pk": w["office_a"].pk},
        allowed=UNIT_MANAGERS,
        overrides=OFFICE_READ_ONLY,
    ),
    Case("unit_export", kwargs=lambda w: {"pk": w["office_a"].pk}),
    Case(
        "member_add",
        kwargs=lambda w: {"pk": w["office_a"].pk},
        allowed=("admin", "superuser"),
        overrides={"staff": 403, **OFFICE_READ_ONLY},
    ),
    # A leader's role is above a user administrator's.
    Case("member_add", data=_grant("council", "leader"), **GRANT_REFUSED),
    # Only the system administrator makes administrators.
    Case("member_add", data=_grant("council", "admin"), **GRANT_REFUSED),
    # Never to oneself (the superuser persona gives the admin's account a role: allowed).
    Case("member_add", data=_grant("admin", "council"), **GRANT_REFUSED),
    # Not an account of another office.
    Case("member_add", data=_grant("other_office", "council"), **GRANT_REFUSED),
    # A role at or below their own, to a person of their office: granted.
    Case(
        "member_add",
        kwargs=_office_a,
        method="post",
        data=_grant("submitter", "council"),
        ok=302,
        allowed=("admin", "superuser"),
        overrides={"staff": 403, **OFFICE_READ_ONLY},
        state=_memberships,
    ),
    Case(
        "membership_remove",
        kwargs=_membership_of_submitter,
        method="post",
        ok=302,
        allowed=("admin", "superuser"),
        overrides={"staff": 403, "submitter": 403, **OFFICE_READ_ONLY},
    ),
    Case(
        "member_unlock",
        kwargs=_membership_of_submitter,
        method="post",
        ok=302,
        allowed=("admin", "superuser"),
        overrides={"staff": 403, "submitter": 403, **OFFICE_READ_ONLY},
    ),
    Case("conference_list", allowed=EVERYONE_LOGGED_IN),
    Case(
        "conference_detail",
        kwargs=lambda w: {"pk": w["conference_a"].pk},
        allowed=(*OFFICE_A, "submitter", "reporter"),
    ),
    Case(
        "conference_create",
        allowed=("staff", "other_office", "superuser"),
        denied=403,
    ),
    Case(
        "conference_edit",
        kwargs=lambda w: {"pk": w["conference_a"].pk},
        allowed=("staff", "superuser"),
        overrides={**OFFICE_READ_ONLY, "admin": 403, "submitter": 403, "reporter": 403},
    ),
    Case(
        "conference_edit",
        kwargs=lambda w: {"pk": w["conference_a"].pk},
        method="post",
        data=lambda w: {"title": ""},
        allowed=("staff", "superuser"),
        overrides={**OFFICE_READ_ONLY, "admin": 403, "submitter": 403, "reporter": 403},
    ),
    Case("activity_list", allowed=(*OFFICE_A, "other_office"), denied=403),
]
