"""The statutory statistical forms (Biểu 0601–0605.N/BNV-TĐKT) of a province's or a commune's
period as a PDF (A4 landscape; Liberation Serif standing in for Times New Roman), rendered by
the worker: a province's five years of decisions take longer than a page should wait."""

from pathlib import Path

from django.template.loader import render_to_string

from .base import Builder, Progress, Rendered


class StatisticsBuilder(Builder):
    kind = "province_statistics"
    label = "Biểu thống kê thi đua, khen thưởng"
    formats = ("pdf",)

    @property
    def target_model(self):
        from conferences.models import Unit

        return Unit

    def can_request(self, user, target) -> bool:
        from province.permissions import can_view_rollup

        return can_view_rollup(user, target)

    def scope_unit(self, target):
        return target

    def title(self, target) -> str:
        return f"Biểu thống kê thi đua, khen thưởng — {target.name}"

    def collect(self, target, params: dict) -> dict:
        from province.selectors import statistics_payload

        return statistics_payload(
            target, from_year=int(params["from_year"]), to_year=int(params["to_year"])
        )

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        from weasyprint import CSS, HTML

        from province.statistics import CIRCULAR

        progress(0, 1)
        html = render_to_string(
            "province/statistics_pdf.html", {"stats": payload, "circular": CIRCULAR}
        )
        stylesheet = CSS(filename=str(Path(__file__).with_name("statistics_pdf.css")))
        content = HTML(string=html).write_pdf(stylesheets=[stylesheet])
        progress(1, 1)
        first, last = payload["years"]
        code = payload["scope"]["code"]
        return Rendered(content, f"thong-ke-tdkt-{code}-{first}-{last}.pdf")
