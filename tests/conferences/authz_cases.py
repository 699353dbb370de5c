from tests.authz import CASES, EVERYONE_LOGGED_IN, OFFICE_A, Case

UNIT_MANAGERS = ("staff", "admin", "superuser")
OFFICE_READ_ONLY = {"leader": 403, "council": 403}


def _membership_of_submitter(w):
    return {"pk": w["users"]["submitter"].memberships.get().pk}


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
    Case(
        "unit_move",
        kwargs=lambda w: {"pk": w["school"].pk},
        allowed=UNIT_MANAGERS,
        overrides={**OFFICE_READ_ONLY, "submitter": 403},
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
    Case(
        "membership_remove",
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
