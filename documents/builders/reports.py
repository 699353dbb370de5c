"""The summary report (Báo cáo tổng kết): printed from the report's outline
(reports.selectors.printable_outline) in the plan's layout, with the awards table."""

from __future__ import annotations

from reports.models import SummaryReport

from .base import ConferencePartBuilder, Progress, Rendered, render_single
from .plans import line_blocks


def _awards_table(rows: list[dict]):
    from core.vntext import format_number
    from documents.engine.blocks import Cell, Table

    body = [
        (str(i), row["name"], format_number(row["collectives"]),
         format_number(row["lines"] - row["collectives"]), format_number(row["amount"]))
        for i, row in enumerate(rows, start=1)
    ]  # fmt: skip
    total = (
        Cell("Tổng cộng", colspan=2, bold=True),
        Cell(format_number(sum(r["collectives"] for r in rows)), bold=True),
        Cell(format_number(sum(r["lines"] - r["collectives"] for r in rows)), bold=True),
        Cell(format_number(sum(r["amount"] for r in rows)), bold=True),
    )
    return Table(
        ("STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Tiền thưởng (đồng)"),
        (*body, total),
        widths=(0.6, 4, 1.2, 1.2, 2),
        align=("center", "left", "center", "center", "right"),
        font_size=12,
    )


def report_document(outline: dict):
    from documents.engine.blocks import Document, Header, Signature, Title

    body: list = []
    for section in outline["sections"]:
        body += line_blocks(section["lines"])
        if section["kind"] == "awards_table" and outline["extra"]["awards_table"]:
            body.append(_awards_table(outline["extra"]["awards_table"]))
    return Document(
        title="Báo cáo " + " ".join(outline["subject"]),
        blocks=(
            Header(
                outline["issuing_body"],
                outline["parent_body"],
                outline["number_line"],
                outline["place_date"],
            ),
            Title(outline["title"], tuple(outline["subject"])),
            *body,
            Signature(
                tuple(outline["signer"]), outline["signer_name"], tuple(outline["recipients"])
            ),
        ),
    )


class SummaryReportBuilder(ConferencePartBuilder):
    kind = "summary_report"
    label = "Báo cáo tổng kết"
    target_model = SummaryReport

    def can_request(self, user, target) -> bool:
        from reports.permissions import can_view_report

        return can_view_report(user, target)

    def title(self, target) -> str:
        return f"Báo cáo tổng kết — {target.conference}"

    def collect(self, target, params):
        """The live figures until the report is issued, then the frozen ones."""
        from reports.selectors import printable_outline

        return printable_outline(target)

    def missing(self, payload) -> list[str]:
        return [] if payload["sections"] else ["báo cáo chưa có mục nào"]

    def render(self, payload, fmt, progress: Progress) -> Rendered:
        return render_single(report_document(payload), fmt, "bao-cao-tong-ket", progress)
