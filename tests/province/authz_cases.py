from tests.authz import CASES, EVERYONE_LOGGED_IN, OFFICE_A, PERSONAS, Case

OFFICES = (*OFFICE_A, "other_office")


def _scope(key):
    return lambda w: {"pk": w[key].pk}


CASES += [
    Case("province:index", allowed=OFFICES, denied=403),
    Case("province:rollup", kwargs=_scope("office_a")),
    Case("province:rollup", kwargs=_scope("province"), allowed=("superuser",)),
    Case("province:rollup", kwargs=_scope("school"), allowed=()),  # not a people's committee
    Case("province:rollup_export", kwargs=_scope("office_a")),
    Case("province:rollup_export", kwargs=_scope("province"), allowed=("superuser",)),
    Case(
        "province:commune", kwargs=lambda w: {"pk": w["office_a"].pk, "unit_pk": w["office_a"].pk}
    ),
    Case(
        "province:commune",
        kwargs=lambda w: {"pk": w["office_a"].pk, "unit_pk": w["office_b"].pk},
        allowed=(),  # a sibling is never a row of a commune's roll-up
    ),
    Case(
        "province:commune",
        kwargs=lambda w: {"pk": w["province"].pk, "unit_pk": w["office_b"].pk},
        allowed=("superuser",),
    ),
]

# The API answers with its token only: a logged-in session opens nothing (401 for everyone).
NO_TOKEN = dict.fromkeys(PERSONAS, 401)


def _tokens():
    from province.models import ApiToken

    return sorted(ApiToken.objects.values_list("pk", "revoked"))


def _token_of_a(w):
    from province.services import create_api_token

    token, _ = create_api_token(
        unit=w["office_a"], name="Hệ thống văn bản", by=w["users"]["superuser"]
    )
    return {"pk": token.pk}


CASES += [
    Case("province:token_list", allowed=("admin", "superuser"), denied=403),
    Case(
        "province:token_list",
        method="post",
        data=lambda w: {"unit": w["office_a"].pk, "name": "Hệ thống văn bản"},
        allowed=("admin", "superuser"),
        denied=403,
        state=lambda w, kw: _tokens(),
    ),
    Case(
        "province:token_revoke",
        kwargs=_token_of_a,
        method="post",
        ok=302,
        allowed=("admin", "superuser"),
        overrides={"staff": 403, "leader": 403, "council": 403},
        state=lambda w, kw: _tokens(),
    ),
    Case("api:api-root", overrides=dict.fromkeys(PERSONAS, 404)),
    Case("api:openapi-json", allowed=EVERYONE_LOGGED_IN),
    Case("api:openapi-view", allowed=EVERYONE_LOGGED_IN),
    Case("api:conferences", overrides=NO_TOKEN),
    Case(
        "api:conference",
        kwargs=lambda w: {"conference_id": w["conference_a"].pk},
        overrides=NO_TOKEN,
    ),
    Case("api:decisions", overrides=NO_TOKEN),
    Case("api:decision", kwargs=lambda w: {"decision_id": 1}, overrides=NO_TOKEN),
    Case("api:statistics", overrides=NO_TOKEN, query="?from_year=2025&to_year=2025"),
]

CASES += (
    [
        Case(name, kwargs=_scope("office_a"))
        for name in ("province:statistics", "province:statistics_export")
    ]
    + [
        # The PDF is asked of the worker: the answer is the document's page.
        Case("province:statistics_pdf", kwargs=_scope("office_a"), ok=302),
    ]
    + [
        Case(name, kwargs=_scope("province"), allowed=("superuser",))
        for name in ("province:statistics", "province:statistics_export")
    ]
)


def _succession_in_a(w):
    from province.models import UnitSuccession
    from tests.factories import UnitFactory

    old = UnitFactory(parent=w["office_a"], name="Ủy ban nhân dân xã Cũ")
    row = UnitSuccession.objects.create(old_unit=old, new_unit=w["office_a"])
    return {"pk": w["office_a"].pk, "succession_pk": row.pk}


def _successions():
    from province.models import UnitSuccession

    return sorted(UnitSuccession.objects.values_list("old_unit_id", "new_unit_id"))


def _succession_data(w):
    from tests.factories import UnitFactory

    old = UnitFactory(parent=w["office_a"], name="Ủy ban nhân dân xã Cũ", code="XA-CU")
    return {"old_code": old.code, "new_unit": w["office_a"].pk, "note": ""}


STAFF_ONLY = {"leader": 403, "council": 403, "admin": 403}
CASES += [
    Case("province:successions", kwargs=_scope("office_a")),
    Case(
        "province:successions",
        kwargs=_scope("office_a"),
        method="post",
        data=_succession_data,
        ok=302,
        allowed=("staff", "superuser"),
        overrides=STAFF_ONLY,
        state=lambda w, kw: _successions(),
    ),
    Case(
        "province:successions_import",
        kwargs=_scope("office_a"),
        method="post",
        allowed=("staff", "superuser"),
        overrides=STAFF_ONLY,
        # No file: refused for everyone (tests/province/test_crosswalk.py imports real files).
        state=lambda w, kw: _successions(),
        changers=(),
    ),
    Case(
        "province:succession_remove",
        kwargs=_succession_in_a,
        method="post",
        ok=302,
        allowed=("staff", "superuser"),
        overrides=STAFF_ONLY,
        state=lambda w, kw: _successions(),
    ),
]
