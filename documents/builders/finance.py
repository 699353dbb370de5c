"""The Tờ trình asking for the conference's funds, with the estimate table attached (dự trù
kinh phí), in the national layout. Reads finance through finance.selectors."""

from __future__ import annotations

from finance.models import BudgetEstimate, LineGroup

from .base import ConferencePartBuilder, Progress, Rendered, render_single


def _number(value) -> str:
    """A quantity: "120", "2,5"."""
    from decimal import Decimal

    from core.vntext import format_number

    number = Decimal(value)
    return format_number(number, 0 if number == number.to_integral_value() else 2)


def estimate_table(rows: list[dict], total: int):
    from core.vntext import format_number
    from documents.engine.blocks import Cell, Table

    body: list = []
    numerals = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
    groups = [g for g in LineGroup.values if any(r["group"] == g for r in rows)]
    for index, group in enumerate(groups):
        lines = [r for r in rows if r["group"] == group]
        subtotal = sum(r["amount"] for r in lines)
        body.append((
            Cell(numerals[index], bold=True), Cell(LineGroup(group).label, colspan=4, bold=True),
            Cell(format_number(subtotal), bold=True),
        ))  # fmt: skip
        for n, r in enumerate(lines, start=1):
            body.append((str(n), r["description"], r["unit_label"], _number(r["quantity"]),
                         format_number(r["unit_price"]), format_number(r["amount"])))  # fmt: skip
    body.append((Cell("Tổng cộng", colspan=5, bold=True), Cell(format_number(total), bold=True)))
    return Table(
        ("STT", "Nội dung chi", "ĐVT", "Số lượng", "Đơn giá (đồng)", "Thành tiền (đồng)"),
        tuple(body),
        widths=(0.7, 4, 1, 1.1, 1.7, 1.9),
        align=("center", "left", "center", "right", "right", "right"),
        font_size=11,
    )


def funding_request_document(payload: dict):
    from core.vntext import format_money, money_in_words
    from documents.engine.blocks import (
        Document,
        Header,
        Heading,
        PageBreak,
        Paragraph,
        Run,
        Signature,
        Title,
        para,
    )  # fmt: skip

    total = payload["total"]
    body = [
        Paragraph(
            (Run("Kính gửi: ", bold=False), Run(payload["addressee"], bold=True)), "centered"
        ),
        *[para(line) for line in payload["reason"]],
        para(f"Tổng kinh phí đề nghị: {format_money(total)}.", bold=True),
        para(f"(Bằng chữ: {money_in_words(total)}.)", italic=True),
        para("(Có dự trù kinh phí chi tiết kèm theo)", "centered", italic=True),
    ]
    if payload["funding_source"]:
        body.append(para(f"Nguồn kinh phí: {payload['funding_source']}."))
    body.append(para(f"{payload['issuing_body_name']} kính trình {payload['addressee']} xem xét, "
                     "phê duyệt./."))  # fmt: skip
    return Document(
        title="Tờ trình đề nghị cấp kinh phí",
        blocks=(
            Header(
                payload["issuing_body"],
                payload["parent_body"],
                payload["number_line"],
                payload["place_date"],
            ),  # fmt: skip
            Title("TỜ TRÌNH", (payload["subject"],)),
            *body,
            Signature(
                tuple(payload["signer"]), payload["signer_name"], tuple(payload["recipients"])
            ),  # fmt: skip
            PageBreak(),
            Title("DỰ TRÙ KINH PHÍ", (f"(Kèm theo Tờ trình {payload['number_line'][4:]})",)),
            Heading(3, payload["conference_title"]),
            estimate_table(payload["rows"], total),
            para(f"Bằng chữ: {money_in_words(total)}.", italic=True),
        ),
    )


class FundingRequestBuilder(ConferencePartBuilder):
    kind = "funding_request"
    label = "Tờ trình đề nghị cấp kinh phí"
    target_model = BudgetEstimate

    def can_request(self, user, target) -> bool:
        from finance.permissions import can_view_budget

        return can_view_budget(user, target.conference)

    def title(self, target) -> str:
        return f"Tờ trình kinh phí — {target.conference}"

    def collect(self, target, params):
        """Plain data: the header, the text and the rows (live prize lines while a draft)."""
        from core.vntext import format_place_date
        from finance.selectors import estimate_document_data

        data = estimate_document_data(target)
        estimate = data["estimate"]
        return {
            "issuing_body": estimate.issuing_body.upper(),
            "issuing_body_name": estimate.issuing_body,
            "parent_body": estimate.parent_body.upper(),
            "number_line": estimate.number_line,
            "place_date": format_place_date(
                estimate.place,
                estimate.submitted_on or _today(),
                blank_day=not estimate.submitted_on,
            ),
            "subject": estimate.subject,
            "addressee": estimate.addressee,
            "reason": [line.strip() for line in estimate.reason.splitlines() if line.strip()],
            "funding_source": estimate.funding_source,
            "recipients": list(estimate.recipients),
            "signer": list(estimate.signer_lines),
            "signer_name": estimate.signer_name,
            "conference_title": estimate.conference.title,
            "rows": [
                {
                    "group": r.group,
                    "description": r.description,
                    "unit_label": r.unit_label,
                    "quantity": str(r.quantity),
                    "unit_price": r.unit_price,
                    "amount": r.amount,
                }
                for r in data["rows"]
            ],  # fmt: skip
            "total": data["total"],
        }

    def missing(self, payload) -> list[str]:
        return [] if payload["rows"] else ["dự trù chưa có dòng nào"]

    def render(self, payload, fmt, progress: Progress) -> Rendered:
        return render_single(funding_request_document(payload), fmt, "to-trinh-kinh-phi", progress)


def _today():
    from django.utils import timezone

    return timezone.localdate()
