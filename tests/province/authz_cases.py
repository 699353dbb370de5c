from tests.authz import CASES, OFFICE_A, Case

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
