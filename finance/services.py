"""Writes of the budget and the fund. Each service checks permission and state, writes, logs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from conferences.models import Conference, Unit, User
from conferences.numbering import next_number
from conferences.plans.services import default_header
from conferences.services import log_activity
from core.errors import DomainError, require_permission
from core.signers import SIGNER_FIELDS
from core.vntext import format_money, nfc
from honorees.selectors import decision_prize_total

from . import permissions as perms
from .models import BudgetEstimate, BudgetLine, FundEntry, LineGroup
from .selectors import live_prize_rows
from .workflow import transition_estimate

S = BudgetEstimate.Status
HEADER_FIELDS = ("parent_body", "issuing_body", "type_code", "place", "addressee", "subject",
                 "reason", "funding_source", "recipients", *SIGNER_FIELDS)  # fmt: skip
LINE_FIELDS = ("group", "description", "unit_label", "quantity", "unit_price")


@transaction.atomic
def create_estimate(*, conference: Conference, by: User) -> BudgetEstimate:
    """A draft estimate with the Tờ trình's header from the organiser. Side effects: the
    estimate, a log row."""
    require_permission(
        perms.can_create_estimate(by, conference), "Bạn không có quyền lập dự trù kinh phí."
    )
    if BudgetEstimate.objects.filter(conference=conference).exists():
        raise DomainError("Hội nghị này đã có dự trù kinh phí.")
    header = default_header(conference)
    organiser = conference.organiser
    estimate = BudgetEstimate.objects.create(
        conference=conference,
        created_by=by,
        parent_body=header["parent_body"],
        issuing_body="Phòng Văn hóa - Xã hội",
        place=header["place"],
        addressee=f"Ủy ban nhân dân {organiser.name.removeprefix('Ủy ban nhân dân ')}",
        subject=f"Về việc đề nghị cấp kinh phí tổ chức {conference.title}",
        reason=f"Thực hiện Kế hoạch tổ chức {conference.title}, Phòng Văn hóa - Xã hội kính "
        "trình Ủy ban nhân dân xem xét, cấp kinh phí tổ chức hội nghị như sau:",
        funding_source=f"Ngân sách xã và quỹ thi đua, khen thưởng năm {conference.end_year}",
        recipients=["- Như trên;", "- Lưu: VT, VHXH."],
        signer_head_title="TRƯỞNG PHÒNG",
    )
    log_activity(
        actor=by,
        action="budget.created",
        summary="Lập dự trù kinh phí",
        target=estimate,
        conference=conference,
    )
    return estimate


def _editable(estimate: BudgetEstimate, by: User) -> BudgetEstimate:
    """The estimate as it is now (locked until the edit commits), if `by` may still edit it."""
    estimate = _locked(estimate)
    require_permission(
        perms.can_edit_estimate(by, estimate), "Dự trù đã trình hoặc bạn không có quyền sửa."
    )
    return estimate


def _log(estimate: BudgetEstimate, by: User, action: str, summary: str) -> None:
    log_activity(
        actor=by, action=action, summary=summary, target=estimate, conference=estimate.conference
    )


@transaction.atomic
def update_estimate_header(*, estimate: BudgetEstimate, by: User, **fields) -> BudgetEstimate:
    estimate = _editable(estimate, by)
    unknown = set(fields) - set(HEADER_FIELDS)
    if unknown:
        raise TypeError(f"unknown estimate fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(estimate, name, nfc(value) if isinstance(value, str) else value)
    estimate.save(update_fields=[*fields, "updated_at"])
    _log(estimate, by, "budget.header_updated", "Sửa Tờ trình đề nghị cấp kinh phí")
    return estimate


@transaction.atomic
def save_line(
    *,
    estimate: BudgetEstimate,
    by: User,
    line: BudgetLine | None = None,
    group: str,
    description: str,
    unit_label: str = "",
    quantity: Decimal = Decimal(1),
    unit_price: int = 0,
) -> BudgetLine:
    """Add a line (no `line`) or change one. The prize lines come from the decisions, not from
    here. Side effects: the line, a log row."""
    estimate = _editable(estimate, by)
    if group == LineGroup.PRIZES:
        raise DomainError(
            "Tiền thưởng được tính từ các quyết định khen thưởng, không nhập tay.", field="group"
        )
    if quantity < 0:
        raise DomainError("Số lượng không được âm.", field="quantity")
    if line is None:
        last = estimate.lines.order_by("-order").values_list("order", flat=True).first() or 0
        line = BudgetLine(estimate=estimate, order=last + 10)
    line.group, line.description = group, nfc(description).strip()
    line.unit_label, line.quantity, line.unit_price = nfc(unit_label).strip(), quantity, unit_price
    line.save()
    _log(
        estimate,
        by,
        "budget.line_saved",
        f"Dự trù: {line.description} = {format_money(line.amount)}",
    )
    return line


@transaction.atomic
def delete_line(*, line: BudgetLine, by: User) -> None:
    estimate = _editable(line.estimate, by)
    description = line.description
    line.delete()
    _log(estimate, by, "budget.line_deleted", f"Xóa dòng dự trù “{description}”")


def _locked(estimate: BudgetEstimate) -> BudgetEstimate:
    return (
        BudgetEstimate.objects.select_for_update(of=("self",))
        .select_related("conference__organiser")
        .get(pk=estimate.pk)
    )


@transaction.atomic
def submit_estimate(
    *, estimate: BudgetEstimate, by: User, submitted_on: dt.date | None = None
) -> BudgetEstimate:
    """Send the Tờ trình: the prize lines are stored as the decisions give them now, the
    number is the next of the organiser's register for its type. Side effects: the prize
    lines, the register row, the estimate, a log row."""
    estimate = _locked(estimate)
    require_permission(perms.can_submit_estimate(by, estimate), "Bạn không trình được dự trù này.")
    prizes = live_prize_rows(estimate.conference)
    if not estimate.lines.exists() and not prizes:
        raise DomainError("Dự trù chưa có dòng nào.")
    last = estimate.lines.order_by("-order").values_list("order", flat=True).first() or 0
    BudgetLine.objects.bulk_create(
        BudgetLine(estimate=estimate, group=row.group, description=row.description,
                   unit_label=row.unit_label, quantity=row.quantity, unit_price=row.unit_price,
                   order=last + 10 * (i + 1))
        for i, row in enumerate(prizes)
    )  # fmt: skip
    # The stored line is quantity × unit price; when the amounts of one form differ (rules by
    # date), the remainder goes into one more line so the total equals the decisions'.
    for row in prizes:
        remainder = row.amount - int(row.quantity) * row.unit_price
        if remainder:
            BudgetLine.objects.create(
                estimate=estimate, group=row.group, description=f"{row.description} (chênh lệch)",
                unit_label="đồng", quantity=1, unit_price=remainder, order=last + 999,
            )  # fmt: skip
    submitted_on = submitted_on or timezone.localdate()
    number = next_number(
        unit=estimate.conference.organiser, year=submitted_on.year, type_code=estimate.type_code
    )
    return transition_estimate(
        estimate=estimate,
        to=S.SUBMITTED,
        by=by,
        action="budget.submitted",
        summary=f"Trình dự trù kinh phí, Tờ trình số {number:02d}/{estimate.type_code}",
        fields={"number": number, "submitted_on": submitted_on, "return_comment": ""},
    )


@transaction.atomic
def approve_estimate(*, estimate: BudgetEstimate, by: User) -> BudgetEstimate:
    estimate = _locked(estimate)
    require_permission(perms.can_review_estimate(by, estimate), "Chỉ lãnh đạo duyệt dự trù.")
    return transition_estimate(
        estimate=estimate,
        to=S.APPROVED,
        by=by,
        action="budget.approved",
        summary="Duyệt dự trù kinh phí",
        fields={},
    )


@transaction.atomic
def return_estimate(*, estimate: BudgetEstimate, by: User, comment: str) -> BudgetEstimate:
    """Back to a draft: the stored prize lines go (they are live again) and the number is
    given up (a new one is taken when the Tờ trình is sent again)."""
    estimate = _locked(estimate)
    require_permission(perms.can_review_estimate(by, estimate), "Chỉ lãnh đạo trả lại dự trù.")
    comment = nfc(comment).strip()
    if not comment:
        raise DomainError("Cần ghi lý do trả lại.")
    estimate.lines.filter(group=LineGroup.PRIZES).delete()
    return transition_estimate(
        estimate=estimate,
        to=S.DRAFT,
        by=by,
        action="budget.returned",
        summary=f"Trả lại dự trù kinh phí: {comment}",
        fields={"return_comment": comment, "number": None, "submitted_on": None},
    )


@transaction.atomic
def record_actual(*, line: BudgetLine, by: User, actual_amount: int | None) -> BudgetLine:
    estimate = _locked(line.estimate)
    require_permission(
        perms.can_record_actual(by, estimate), "Chỉ ghi thực chi sau khi đã trình dự trù."
    )
    line.actual_amount = actual_amount
    line.save(update_fields=["actual_amount"])
    shown = "chưa ghi" if actual_amount is None else format_money(actual_amount)
    _log(estimate, by, "budget.actual_recorded", f"Thực chi “{line.description}”: {shown}")
    return line


# --- The fund ----------------------------------------------------------------------------------
@transaction.atomic
def add_fund_entry(
    *, unit: Unit, by: User, date: dt.date, kind: str, amount: int, description: str,
    voucher: str = "",
) -> FundEntry:  # fmt: skip
    require_permission(perms.can_edit_fund(by, unit), "Bạn không có quyền ghi sổ quỹ này.")
    if amount <= 0:
        raise DomainError("Số tiền phải lớn hơn 0.", field="amount")
    entry = FundEntry.objects.create(
        unit=unit, date=date, kind=kind, amount=amount, description=nfc(description).strip(),
        voucher=nfc(voucher).strip(), created_by=by,
    )  # fmt: skip
    log_activity(
        actor=by,
        action="fund.entry_added",
        summary=f"Sổ quỹ: {entry.get_kind_display()} {format_money(amount)} — {entry.description}",
        target=entry,
        scope_unit=unit,
    )
    return entry


def record_decision_prize(decision) -> FundEntry | None:
    """The prize money of an issued decision, entered in its organiser's fund as spending:
    one entry per decision (a second call updates it, never adds one); none when the decision
    pays nothing. Called by honorees (core.extensions.register_decision_issued) inside the
    issuing transaction. Side effects: the entry."""
    total = decision_prize_total(decision)
    if not total:
        FundEntry.objects.filter(decision=decision).delete()
        return None
    entry, _ = FundEntry.objects.update_or_create(
        decision=decision,
        defaults={
            "unit": decision.round.conference.organiser,
            "date": decision.date,
            "kind": FundEntry.Kind.SPENDING,
            "amount": total,
            "description": f"Chi tiền thưởng theo Quyết định số {decision.number_text} ngày "
            f"{decision.date:%d/%m/%Y}",
            "voucher": decision.number_text,
        },
    )
    return entry
