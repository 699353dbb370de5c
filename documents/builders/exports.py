"""Excel lists too long to write while the user waits (a province's register, a round of
thousands of dossiers): the request only fingerprints the data, the worker reads the rows
through the app's selector and writes the file with a progress bar. The views stream short
lists themselves and hand a list past settings.EXPORT_IN_WORKER_ROWS to these builders."""

import tablib

from core.importing import export_xlsx

from .base import CollectedInWorker, ConferenceBuilder, Progress, Rendered


def _xlsx(payload: dict, stem: str, progress: Progress) -> Rendered:
    dataset = tablib.Dataset(*[tuple(row) for row in payload["rows"]], headers=payload["headers"])
    progress(0, len(dataset) or 1)
    content = export_xlsx(dataset, sheet=payload["sheet"], progress=progress)
    return Rendered(content, f"{stem}.xlsx")


# The filters of the register a request may carry (the register page's own).
REGISTER_FILTERS = ("q", "category", "unit", "invitation_status", "source")


def _register_filters(params: dict) -> dict:
    filters = {key: params.get(key) or None for key in REGISTER_FILTERS}
    for key in ("category", "unit"):
        filters[key] = int(filters[key]) if filters[key] else None
    return filters


class RegisterExportBuilder(CollectedInWorker, ConferenceBuilder):
    kind = "delegates_register_xlsx"
    label = "Danh sách đại biểu (Excel)"
    formats = ("xlsx",)

    def can_request(self, user, target) -> bool:
        from delegates.permissions import can_view_delegates

        return can_view_delegates(user, target)

    def title(self, target) -> str:
        return f"Danh sách đại biểu (Excel) — {target.title}"

    def fingerprint(self, target, params: dict) -> list:
        from delegates.selectors import register_export_fingerprint

        return register_export_fingerprint(target, _register_filters(params))

    def collect(self, target, params: dict) -> dict:
        from delegates.selectors import register_export_table

        return register_export_table(target, _register_filters(params), params.get("sort"))

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        return _xlsx(payload, "dai-bieu", progress)


class RoundExportBuilder(CollectedInWorker):
    kind = "round_nominations_xlsx"
    label = "Danh sách đề nghị khen thưởng (Excel)"
    formats = ("xlsx",)

    @property
    def target_model(self):
        from honorees.models import NominationRound

        return NominationRound

    def can_request(self, user, target) -> bool:
        from honorees.permissions import can_view_round_office

        return can_view_round_office(user, target)

    def scope_unit(self, target):
        return target.conference.organiser

    def conference(self, target):
        return target.conference

    def title(self, target) -> str:
        return f"Danh sách đề nghị khen thưởng (Excel) — {target.title}"

    def fingerprint(self, target, params: dict) -> list:
        from honorees.selectors import round_export_fingerprint

        return round_export_fingerprint(target)

    def collect(self, target, params: dict) -> dict:
        from honorees.selectors import round_export_table

        return round_export_table(target)

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        return _xlsx(payload, "de-nghi-khen-thuong", progress)
