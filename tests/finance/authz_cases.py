"""The budget's and the fund's pages in the authorisation harness (tests/authz.py)."""

from decimal import Decimal

from finance import services
from finance.models import BudgetEstimate, BudgetLine, FundEntry
from tests.authz import CASES, Case

READERS = ("staff", "leader", "council", "admin", "clerk", "superuser")
EDITORS = ("staff", "superuser")
NOT_EDITORS = dict.fromkeys(("leader", "council", "admin", "clerk", "submitter", "reporter"), 403)
LEADERS = ("leader", "superuser")
NOT_LEADERS = dict.fromkeys(("staff", "council", "admin", "clerk", "submitter", "reporter"), 403)
UNITS = {"submitter": 403, "reporter": 403}
NO_BOOK = {"stranger": 403, "submitter": 403, "reporter": 403}


def _estimate(w, status="draft") -> BudgetEstimate:
    conference = w["conference_a"]
    estimate = BudgetEstimate.objects.filter(conference=conference).first()
    if estimate is None:
        staff = w["users"]["staff"]
        estimate = services.create_estimate(conference=conference, by=staff)
        services.save_line(
            estimate=estimate, by=staff, group="hall", description="Thuê hội trường",
            quantity=Decimal(1), unit_price=2_000_000,
        )  # fmt: skip
    if status != "draft":
        BudgetEstimate.objects.filter(pk=estimate.pk).update(
            status=status, number=1, submitted_on="2026-11-02"
        )
    return estimate


def _conference(status="draft"):
    return lambda w: {"conference_pk": _estimate(w, status).conference_id}


def _line(status="draft"):
    return lambda w: {"pk": _estimate(w, status).lines.first().pk}


def _status(w, kw):
    return BudgetEstimate.objects.get(conference_id=kw["conference_pk"]).status


def _lines(w, kw):
    return list(
        BudgetLine.objects.filter(estimate__conference_id=kw["conference_pk"]).values_list(
            "description", "unit_price"
        )
    )


def _line_row(w, kw):
    return (
        BudgetLine.objects.filter(pk=kw["pk"])
        .values_list("description", "unit_price", "actual_amount")
        .first()
    )


def _header(w, kw):
    return (
        BudgetEstimate.objects.filter(conference_id=kw["conference_pk"])
        .values_list("addressee", "subject")
        .get()
    )


def _header_data(w):
    return {
        "issuing_body": "Phòng Văn hóa - Xã hội", "type_code": "TTr-VHXH", "place": "An Thịnh",
        "addressee": "Ủy ban nhân dân xã An Thịnh", "subject": "Về việc cấp kinh phí hội nghị",
        "recipients": "- Như trên;\n- Lưu: VT.",
    }  # fmt: skip


def _line_data(prefix):
    return lambda w: {f"{prefix}-group": "printing", f"{prefix}-description": "In giấy mời",
                      f"{prefix}-quantity": "100", f"{prefix}-unit_price": "5000"}  # fmt: skip


def _edit_data(w):
    return _line_data(f"l{_line()(w)['pk']}")(w)


def _actual_data(w):
    return {f"a{_line('submitted')(w)['pk']}-actual_amount": "1900000"}


CASES += [
    Case("finance:estimate_start", kwargs=lambda w: {"conference_pk": w["conference_a"].pk}, allowed=EDITORS, overrides=NOT_EDITORS),
    Case("finance:estimate_start", kwargs=lambda w: {"conference_pk": w["conference_a"].pk}, method="post", ok=302, allowed=EDITORS, overrides=NOT_EDITORS, state=lambda w, kw: BudgetEstimate.objects.filter(conference_id=kw["conference_pk"]).count()),
    Case("finance:estimate", kwargs=_conference(), allowed=READERS, overrides=UNITS),
    Case("finance:estimate_header", kwargs=_conference(), method="post", data=_header_data, ok=302, allowed=EDITORS, overrides=NOT_EDITORS, state=_header),
    Case("finance:line_add", kwargs=_conference(), method="post", data=_line_data("new"), ok=302, allowed=EDITORS, overrides=NOT_EDITORS, state=_lines),
    Case("finance:line_edit", kwargs=_line(), method="post", data=_edit_data, ok=302, allowed=EDITORS, overrides=NOT_EDITORS, state=_line_row),
    Case("finance:line_delete", kwargs=_line(), method="post", ok=302, allowed=EDITORS, overrides=NOT_EDITORS, state=lambda w, kw: BudgetLine.objects.filter(pk=kw["pk"]).exists()),
    Case("finance:line_actual", kwargs=_line("submitted"), method="post", data=_actual_data, ok=302, allowed=EDITORS, overrides=NOT_EDITORS, state=_line_row),
    Case("finance:estimate_submit", kwargs=_conference(), method="post", ok=302, allowed=EDITORS, overrides=NOT_EDITORS, state=_status),
    Case("finance:estimate_approve", kwargs=_conference("submitted"), method="post", ok=302, allowed=LEADERS, overrides=NOT_LEADERS, state=_status),
    Case("finance:estimate_return", kwargs=_conference("submitted"), method="post", data=lambda w: {"comment": "Giảm chi"}, ok=302, allowed=LEADERS, overrides=NOT_LEADERS, state=_status),
    # The book of the user's own office (another office's staff see theirs).
    Case("finance:fund", allowed=(*READERS, "other_office"), overrides=NO_BOOK),
    Case("finance:fund", method="post", data=lambda w: {"date": "2026-03-01", "kind": "income", "amount": "1000000", "description": "Ngân sách cấp"}, ok=302, allowed=("staff", "other_office", "superuser"), overrides={**NO_BOOK, "leader": 403, "council": 403, "admin": 403, "clerk": 403}, state=lambda w, kw: FundEntry.objects.count()),
]  # fmt: skip
