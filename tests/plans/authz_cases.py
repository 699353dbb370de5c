from conferences.models import Plan, PlanSection
from tests.authz import CASES, OFFICE_A, Case
from tests.plans.factories import plan_for

EDITORS = ("staff", "superuser")
READERS_ONLY = {"leader": 403, "council": 403, "admin": 403}
NOT_EDITORS = {**READERS_ONLY, "submitter": 404, "reporter": 404}
LEADERS = ("leader", "superuser")
NOT_LEADERS = {"staff": 403, "council": 403, "admin": 403}


def _plan(w, status="draft"):
    return {
        "pk": plan_for(
            w["conference_a"], status, staff=w["users"]["staff"], leader=w["users"]["leader"]
        ).pk
    }


def _section(w):
    plan = Plan.objects.get(pk=_plan(w)["pk"])
    return {"pk": plan.sections.first().pk}


def _text_section(w):
    plan = Plan.objects.get(pk=_plan(w)["pk"])
    return {"pk": plan.sections.filter(kind="text").first().pk}


def _move(w):
    return {**_section(w), "direction": "xuong"}


def _reorder(w):
    plan = Plan.objects.get(pk=_plan(w)["pk"])
    return {"ids": list(plan.sections.values_list("pk", flat=True))[::-1]}


# --- what each POST changes (the POST harness, tests/authz.py) ---------------------------------
def _status(w, kw):
    return Plan.objects.get(pk=kw["pk"]).status


def _order(w, kw):
    plan_id = PlanSection.objects.get(pk=kw["pk"]).plan_id if "direction" in kw else kw["pk"]
    return list(PlanSection.objects.filter(plan_id=plan_id).values_list("pk", flat=True))


def _section_row(w, kw):
    return PlanSection.objects.filter(pk=kw["pk"]).values_list("heading", "content").first()


def _header(w, kw):
    return Plan.objects.filter(pk=kw["pk"]).values_list("place", "subject").get()


def _header_data(w):
    return {
        "issuing_body": "ỦY BAN NHÂN DÂN XÃ AN THỊNH",
        "type_code": "KH-UBND",
        "place": "Thôn Đông",
        "subject": "Tổ chức Hội nghị điển hình tiên tiến",
        "recipients": "- Như trên;\nLưu: VT, VHXH.",
    }


def _text_section_data(w):
    pk = _text_section(w)["pk"]
    return {f"s{pk}-heading": "Mục mới", f"s{pk}-level": "2", f"s{pk}-items_text": "- Ý mới"}


CASES += [
    Case(
        "plan_start",
        kwargs=lambda w: {"conference_pk": w["conference_a"].pk},
        allowed=EDITORS,
        overrides={**READERS_ONLY, "submitter": 403, "reporter": 403},
    ),
    Case(
        "plan_start",
        kwargs=lambda w: {"conference_pk": w["conference_a"].pk},
        method="post",
        data=lambda w: {"template": "good_deeds"},
        ok=302,
        allowed=EDITORS,
        overrides={**READERS_ONLY, "submitter": 403, "reporter": 403},
        state=lambda w, kw: Plan.objects.filter(conference_id=kw["conference_pk"]).count(),
    ),
    Case("plan_detail", kwargs=_plan),
    Case("plan_preview", kwargs=_plan),
    Case("plan_header", kwargs=_plan, allowed=EDITORS, overrides=READERS_ONLY),
    Case("plan_header", kwargs=_plan, method="post", data=_header_data, allowed=EDITORS, overrides=READERS_ONLY, state=_header),
    Case("plan_section_add", kwargs=_plan, method="post", data=lambda w: {"kind": "text", "level": 1, "heading": "KINH PHÍ"}, ok=302, allowed=EDITORS, overrides=READERS_ONLY, state=lambda w, kw: PlanSection.objects.filter(plan_id=kw["pk"]).count()),
    Case("plan_sections_reorder", kwargs=_plan, method="post", data=_reorder, ok=302, allowed=EDITORS, overrides=READERS_ONLY, state=_order),
    Case("plan_section_edit", kwargs=_section, allowed=EDITORS, overrides=READERS_ONLY),
    Case("plan_section_edit", kwargs=_text_section, method="post", data=_text_section_data, allowed=EDITORS, overrides=READERS_ONLY, state=_section_row),
    Case("plan_section_move", kwargs=_move, method="post", ok=302, allowed=EDITORS, overrides=READERS_ONLY, state=_order),
    Case("plan_section_delete", kwargs=_section, method="post", ok=302, allowed=EDITORS, overrides=READERS_ONLY, state=lambda w, kw: PlanSection.objects.filter(pk=kw["pk"]).exists()),
    Case("plan_submit", kwargs=_plan, method="post", ok=302, allowed=EDITORS, overrides=READERS_ONLY, state=_status),
    Case("plan_review", kwargs=lambda w: _plan(w, "pending_approval")),
    Case("plan_comment", kwargs=lambda w: _plan(w, "pending_approval"), method="post", data=lambda w: {"text": "Sửa mục II"}, ok=302, allowed=("staff", "leader", "superuser"), overrides={"council": 403, "admin": 403}, state=lambda w, kw: Plan.objects.get(pk=kw["pk"]).comments.count()),
    Case("plan_approve", kwargs=lambda w: _plan(w, "pending_approval"), method="post", ok=302, allowed=LEADERS, overrides=NOT_LEADERS, state=_status),
    Case("plan_return", kwargs=lambda w: _plan(w, "pending_approval"), method="post", data=lambda w: {"comment": "Bổ sung"}, ok=302, allowed=LEADERS, overrides=NOT_LEADERS, state=_status),
    Case("plan_check", kwargs=lambda w: _plan(w, "pending_approval"), method="post", ok=302, allowed=(), overrides=dict.fromkeys(("staff", "leader", "council", "admin", "superuser"), 403), state=lambda w, kw: Plan.objects.get(pk=kw["pk"]).reviewed_at),
    Case("plan_issue", kwargs=lambda w: _plan(w, "approved"), method="post", data=lambda w: {"issued_on": "2026-03-02"}, ok=302, allowed=("staff", "leader", "superuser"), overrides={"council": 403, "admin": 403}, state=_status),
    Case("plan_amend", kwargs=lambda w: _plan(w, "issued"), method="post", ok=302, allowed=EDITORS, overrides={**READERS_ONLY, "clerk": 403}, state=_status),
    # The văn thư opens the issued plan (to file the signed copy), not a draft.
    Case("plan_detail", kwargs=lambda w: _plan(w, "issued"), allowed=(*OFFICE_A, "clerk")),
]  # fmt: skip
