"""The seating plan printed: the chart of the hall with each delegate's name in their seat,
and the place cards ("Khu B – Hàng 2 – Ghế 5"). Reads the delegates app through
`delegates.selectors` and asks `delegates.permissions` who may print."""

from conferences.models import Conference
from delegates import permissions, selectors

from .base import Builder, Progress, Rendered


class _SeatingBuilder(Builder):
    formats = ("pdf",)
    target_model = Conference

    def can_request(self, user, target) -> bool:
        return permissions.can_edit_seating(user, target)

    def conference(self, target):
        return target


class SeatingChartBuilder(_SeatingBuilder):
    kind = "seating_chart"
    label = "Sơ đồ chỗ ngồi"

    def collect(self, target, params: dict) -> dict:
        """params: paper "A4" or "A3" (landscape)."""
        return {
            **selectors.seating_chart_data(target),
            "title": target.title,
            "paper": "A3" if params.get("paper") == "A3" else "A4",
        }

    def missing(self, payload) -> list[str]:
        return [] if payload["blocks"] else ["chưa thiết lập hội trường"]

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        from documents.engine.seating import render_chart_pdf

        if fmt != "pdf":
            raise ValueError(f"{self.kind} cannot render {fmt}")
        progress(0, 1)
        content = render_chart_pdf(payload)
        progress(1, 1)
        return Rendered(content, "so-do-cho-ngoi.pdf")


class PlaceCardsBuilder(_SeatingBuilder):
    kind = "place_cards"
    label = "Thẻ chỗ ngồi"
    batch = True

    def collect(self, target, params: dict) -> dict:
        """params: layout "folded" (one folded A4 each) or "sheet" (eight to an A4)."""
        return {
            "people": selectors.place_card_data(target),
            "layout": "sheet" if params.get("layout") == "sheet" else "folded",
        }

    def missing(self, payload) -> list[str]:
        return [] if payload["people"] else ["chưa có đại biểu nào được xếp chỗ"]

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        from documents.engine.seating import render_cards_pdf

        if fmt != "pdf":
            raise ValueError(f"{self.kind} cannot render {fmt}")
        progress(0, 1)
        content = render_cards_pdf(payload)
        progress(1, 1)
        return Rendered(content, "the-cho-ngoi.pdf")
