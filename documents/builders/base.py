"""The contract between an app's data and the documents engine."""

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model

# progress(done, total): called by renderers as they go; cheap to call often.
Progress = Callable[[int, int], None]


@dataclass
class Rendered:
    content: bytes
    filename: str  # with its extension
    warnings: list[str] = field(default_factory=list)


class Builder:
    """Subclass per document kind. `collect` reads everything the document needs into plain
    data (hashable as JSON: the same data is never rendered twice); `render` turns it into
    bytes in one format, with no database access, so it runs the same in a worker, a test
    and the `render_document` command."""

    kind: str = ""
    label: str = ""
    formats: tuple[str, ...] = ("pdf", "docx")
    target_model: type[Model]
    # One page per person (certificates, invitations): rendered on the batch queue, by its own
    # worker, so a province's thousands of pages never hold up another office's plan.
    batch: bool = False
    # A long list (an Excel export of thousands of rows): see CollectedInWorker.
    collect_in_worker: bool = False

    def can_request(self, user, target) -> bool:
        """Who may print it. Deny unless the builder says otherwise."""
        return False

    def scope_unit(self, target):
        """The organising unit whose world the document belongs to (for scoping)."""
        return target.organiser

    def conference(self, target):
        return None

    def title(self, target) -> str:
        return f"{self.label} — {target}"

    def collect(self, target, params: dict) -> Any:
        """Plain data (dicts, lists, str, numbers) for `render`."""
        return {}

    def missing(self, payload) -> list[str]:
        """What the office must fill in before printing, e.g. "Nguyễn Văn A: thiếu đơn vị"."""
        return []

    def preview_payload(self, payload, count: int):
        """The payload of a batch cut to its first `count` copies (one page each), to see
        before printing them all; None when the kind is not a batch. Batches keep their
        copies in `payload["people"]`; the "preview" key keeps the cut apart from the batch
        in the content hash."""
        if isinstance(payload, dict) and isinstance(payload.get("people"), list):
            return {**payload, "people": payload["people"][:count], "preview": count}
        return None

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        raise ValueError(f"{self.kind} cannot render {fmt}")


def render_single(document, fmt: str, filename: str, progress: Progress) -> Rendered:
    """One document (not a batch) as PDF or DOCX, saved as `filename`.<fmt>."""
    from documents.engine.docx_renderer import render_docx
    from documents.engine.pdf_renderer import render_pdf

    progress(0, 1)
    content = render_pdf(document) if fmt == "pdf" else render_docx(document)
    progress(1, 1)
    return Rendered(content, f"{filename}.{fmt}")


class ConferenceBuilder(Builder):
    """A document of a whole conference, printed by the organising office."""

    formats = ("pdf", "docx")

    @property
    def target_model(self):
        from conferences.models import Conference

        return Conference

    def can_request(self, user, target) -> bool:
        from conferences.models.users import OFFICE_ROLES
        from conferences.permissions import has_role_over

        return has_role_over(user, target.organiser, OFFICE_ROLES)

    def conference(self, target):
        return target


class CollectedInWorker(Builder, ABC):
    """A long list (an Excel export of thousands of rows): the request only fingerprints the
    data and the worker reads it all (`collect`), so the click answers at once."""

    collect_in_worker = True

    @abstractmethod
    def fingerprint(self, target, params: dict) -> Any:
        """Plain data that changes whenever what `collect` reads changes (counts, latest
        change), cheap to read in the request."""


class ConferencePartBuilder(Builder):
    """A document of something that belongs to a conference (`target.conference`): its plan,
    a nomination round. Printed by the organising office."""

    formats = ("pdf", "docx")

    def can_request(self, user, target) -> bool:
        from conferences.models.users import OFFICE_ROLES
        from conferences.permissions import has_role_over

        return has_role_over(user, target.conference.organiser, OFFICE_ROLES)

    def scope_unit(self, target):
        return target.conference.organiser

    def conference(self, target):
        return target.conference


# --- the văn thư's issue stamp ("Bản điện tử có dấu văn thư": param stamp=1) -----------------
STAMP_KEY = "issue_stamp"


def with_stamp(payload: dict, target, params: dict) -> dict:
    """The payload with the issue stamp when asked for (None when the document is not issued:
    `stamp_missing` says so)."""
    from documents.signable import issue_stamp, wants_stamp

    if not wants_stamp(params):
        return payload
    return {**payload, STAMP_KEY: issue_stamp(target) or None}


def stamp_missing(payload: dict) -> list[str]:
    from documents.signable import STAMP_NOT_ISSUED

    return [STAMP_NOT_ISSUED] if STAMP_KEY in payload and not payload[STAMP_KEY] else []


def stamped(rendered: Rendered, payload: dict, fmt: str) -> Rendered:
    """The PDF with the văn thư's stamp at the top right of page 1, when the payload has one."""
    stamp = payload.get(STAMP_KEY) if isinstance(payload, dict) else None
    if not stamp or fmt != "pdf":
        return rendered
    from documents.engine.stamp import stamp_issue, stamp_lines

    content = stamp_issue(rendered.content, stamp_lines(stamp["number"], stamp["time"]))
    stem = rendered.filename.rsplit(".", 1)[0]
    return Rendered(content, f"{stem}-dau-van-thu.pdf", rendered.warnings)
