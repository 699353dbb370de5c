from conferences.models import Plan
from tests.authz import CASES, Case
from tests.plans.factories import plan_for

EDITORS = ("staff", "superuser")
READERS_ONLY = {"leader": 403, "council": 403, "admin": 403}
NOT_EDITORS = {**READERS_ONLY, "submitter": 404, "reporter": 404}


def _plan(w, status="draft"):
    return {
        "pk": plan_for(
            w["conference_a"], status, staff=w["users"]["staff"], leader=w["users"]["leader"]
        ).pk
    }


def _section(w):
    plan = Plan.objects.get(pk=_plan(w)["pk"])
    return {"pk": plan.sections.first().pk}


def _move(w):
    return {**_section(w), "direction": "xuong"}


def _reorder(w):
    plan = Plan.objects.get(pk=_plan(w)["pk"])
    return {"ids": list(plan.sections.values_list("pk", flat=True))}


CASES += [
    Case(
        "plan_start",
        kwargs=lambda w: {"conference_pk": w["conference_a"].pk},
        allowed=EDITORS,
        overrides={**READERS_ONLY, "submitter": 403, "reporter": 403},
    ),
    Case("plan_detail", kwargs=_plan),
    Case("plan_preview", kwargs=_plan),
    Case("plan_header", kwargs=_plan, allowed=EDITORS, overrides=READERS_ONLY),
    Case("plan_section_add", kwargs=_plan, method="post", data=lambda w: {"kind": "text", "level": 1}, ok=302, allowed=EDITORS, overrides=READERS_ONLY),
    Case("plan_sections_reorder", kwargs=_plan, method="post", data=_reorder, ok=302, allowed=EDITORS, overrides=READERS_ONLY),
    Case("plan_section_edit", kwargs=_section, allowed=EDITORS, overrides=READERS_ONLY),
    Case("plan_section_move", kwargs=_move, method="post", ok=302, allowed=EDITORS, overrides=READERS_ONLY),
    Case("plan_section_delete", kwargs=_section, method="post", ok=302, allowed=EDITORS, overrides=READERS_ONLY),
    Case("plan_submit", kwargs=_plan, method="post", ok=302, allowed=EDITORS, overrides=READERS_ONLY),
    Case("plan_review", kwargs=lambda w: _plan(w, "pending_approval")),
    Case("plan_comment", kwargs=lambda w: _plan(w, "pending_approval"), method="post", data=lambda w: {"text": "Sửa mục II"}, ok=302, allowed=("staff", "leader", "superuser"), overrides={"council": 403, "admin": 403}),
    Case("plan_approve", kwargs=lambda w: _plan(w, "pending_approval"), method="post", ok=302, allowed=("leader", "superuser"), overrides={"staff": 403, "council": 403, "admin": 403}),
    Case("plan_return", kwargs=lambda w: _plan(w, "pending_approval"), method="post", data=lambda w: {"comment": "Bổ sung"}, ok=302, allowed=("leader", "superuser"), overrides={"staff": 403, "council": 403, "admin": 403}),
    Case("plan_issue", kwargs=lambda w: _plan(w, "approved"), method="post", data=lambda w: {"issued_on": "2026-03-02"}, ok=302, allowed=("staff", "leader", "superuser"), overrides={"council": 403, "admin": 403}),
    Case("plan_amend", kwargs=lambda w: _plan(w, "issued"), method="post", ok=302, allowed=EDITORS, overrides=READERS_ONLY),
]  # fmt: skip
