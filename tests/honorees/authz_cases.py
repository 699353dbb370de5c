from django.core.files.base import ContentFile

from honorees.models import Nomination
from tests.authz import CASES, OFFICE_A, Case
from tests.honorees.factories import DecisionFactory, NominationFactory, QuotaFactory, RoundFactory

S = Nomination.Status
UNIT_SIDE = ("submitter", "superuser")
STAFF = ("staff", "superuser")
OFFICE_OTHERS_403 = {"leader": 403, "council": 403, "admin": 403}
UNIT_USERS_403 = {"submitter": 403, "reporter": 403}


def _round(w):
    return RoundFactory(conference=w["conference_a"])


def _nomination(w, status=S.DRAFT, **extra):
    round = _round(w)
    QuotaFactory(round=round, unit=w["school"])
    return NominationFactory(round=round, unit=w["school"], status=status, **extra)


def _round_kw(w):
    return {"pk": _round(w).pk}


def _unit_kw(w, **extra):
    return {"pk": _round(w).pk, "unit_pk": w["school"].pk, **extra}


def _nom_kw(status=S.DRAFT, with_dossier=False):
    def kwargs(w):
        extra = {"dossier": _dossier()} if with_dossier else {}
        return {"pk": _nomination(w, status, **extra).pk}

    return kwargs


def _decision_kw(w):
    return {"pk": DecisionFactory(round=_round(w)).pk}


def _dossier():
    return ContentFile(b"%PDF-1.4 ho so", name="ho-so.pdf")


CASES += [
    Case(
        "honorees:round_list",
        kwargs=lambda w: {"conference_pk": w["conference_a"].pk},
        allowed=(*OFFICE_A, "submitter", "reporter"),
    ),
    Case(
        "honorees:round_create",
        kwargs=lambda w: {"conference_pk": w["conference_a"].pk},
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
    ),
    Case("honorees:round_detail", kwargs=_round_kw, overrides={"submitter": 302, "reporter": 403}),
    Case(
        "honorees:round_edit",
        kwargs=_round_kw,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
    ),
    Case(
        "honorees:round_state",
        kwargs=_round_kw,
        method="post",
        data=lambda w: {"state": "closed"},
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
    ),
    Case("honorees:round_quotas", kwargs=_round_kw, overrides=UNIT_USERS_403),
    Case("honorees:round_export", kwargs=_round_kw, overrides=UNIT_USERS_403),
    Case("honorees:round_template", kwargs=_round_kw, allowed=(*OFFICE_A, "submitter", "reporter")),
    Case(
        "honorees:council_list",
        kwargs=_round_kw,
        allowed=("staff", "council", "superuser"),
        overrides={"leader": 403, "admin": 403, **UNIT_USERS_403},
    ),
    Case("honorees:review_tally", kwargs=_round_kw, overrides=UNIT_USERS_403),
    Case("honorees:delegates_above", kwargs=_round_kw, overrides=UNIT_USERS_403),
    Case("honorees:delegates_export", kwargs=_round_kw, overrides=UNIT_USERS_403),
    Case(
        "honorees:decision_create",
        kwargs=_round_kw,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
    ),
    Case("honorees:unit_round", kwargs=_unit_kw, allowed=(*OFFICE_A, "submitter")),
    Case(
        "honorees:nomination_create",
        kwargs=lambda w: _unit_kw(w, kind="individual"),
        allowed=UNIT_SIDE,
        overrides={"staff": 403, **OFFICE_OTHERS_403},
    ),
    Case(
        "honorees:nomination_import",
        kwargs=_unit_kw,
        allowed=UNIT_SIDE,
        overrides={"staff": 403, **OFFICE_OTHERS_403},
    ),
    Case("honorees:nomination_detail", kwargs=_nom_kw(), allowed=(*OFFICE_A, "submitter")),
    Case(
        "honorees:nomination_edit",
        kwargs=_nom_kw(),
        allowed=UNIT_SIDE,
        overrides={"staff": 403, **OFFICE_OTHERS_403},
    ),
    Case(
        "honorees:nomination_submit",
        kwargs=_nom_kw(),
        method="post",
        ok=302,
        allowed=UNIT_SIDE,
        overrides={"staff": 403, **OFFICE_OTHERS_403},
    ),
    Case(
        "honorees:nomination_withdraw",
        kwargs=_nom_kw(),
        method="post",
        ok=302,
        allowed=UNIT_SIDE,
        overrides={"staff": 403, **OFFICE_OTHERS_403},
    ),
    Case(
        "honorees:nomination_return",
        kwargs=_nom_kw(S.SUBMITTED),
        method="post",
        data=lambda w: {"comment": "Bổ sung số liệu."},
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, "submitter": 403},
    ),
    Case(
        "honorees:nomination_vote",
        kwargs=_nom_kw(S.SUBMITTED),
        method="post",
        data=lambda w: {"choice": "agree"},
        ok=302,
        allowed=("council",),
        overrides={"staff": 403, "leader": 403, "admin": 403, "superuser": 403, "submitter": 403},
    ),
    Case(
        "honorees:nomination_finalise",
        kwargs=_nom_kw(S.SUBMITTED),
        method="post",
        data=lambda w: {"outcome": "rejected"},
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, "submitter": 403},
    ),
    Case(
        "honorees:nomination_delegate",
        kwargs=_nom_kw(S.APPROVED),
        method="post",
        data=lambda w: {"chosen": "1"},
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, "submitter": 403},
    ),
    Case(
        "honorees:nomination_dossier",
        kwargs=_nom_kw(S.SUBMITTED, with_dossier=True),
        allowed=(*OFFICE_A, "submitter"),
    ),
    Case("honorees:decision_detail", kwargs=_decision_kw),
    Case(
        "honorees:decision_edit",
        kwargs=_decision_kw,
        allowed=STAFF,
        overrides=OFFICE_OTHERS_403,
    ),
    Case(
        "honorees:decision_sign",
        kwargs=_decision_kw,
        method="post",
        ok=302,
        allowed=("leader", "superuser"),
        overrides={"staff": 403, "council": 403, "admin": 403},
    ),
]
