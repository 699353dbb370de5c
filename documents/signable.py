"""The issued documents a signed copy may be uploaded for (an issued plan, an issued award
decision: documents.builders.signables): for each, who sees it, who uploads (the văn thư),
whether it is issued, and what it prints (to compare with the signed PDF)."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from dataclasses import dataclass

from django.utils import timezone

from .signed import Expected


def plain(text: str) -> str:
    """Text as printed, without the staff's *italic* and **bold** markers."""
    from .engine.inline import plain_text

    return plain_text(text or "")


def date_part(place_date: str) -> str:
    """ "Thượng Hồng, ngày 05 tháng 12 năm 2026" -> "ngày 05 tháng 12 năm 2026"."""
    index = place_date.find("ngày")
    return place_date[index:] if index >= 0 else place_date


@dataclass(frozen=True)
class Signable(ABC):
    kind: str  # the builder's kind, also the URL's
    label: str

    @property
    @abstractmethod
    def model(self):
        """The model class of the targets."""

    @abstractmethod
    def get(self, user, pk: int):
        """The target if `user` may see it; Http404 otherwise."""

    @abstractmethod
    def can_upload(self, user, target) -> bool:
        """Whether `user` may upload a signed copy of `target` (its office's văn thư)."""

    @abstractmethod
    def is_issued(self, target) -> bool:
        """Whether `target` has been issued (only an issued document is signed)."""

    @abstractmethod
    def number_text(self, target) -> str:
        """The number and symbol as printed, e.g. "12/KH-UBND"."""

    @abstractmethod
    def issued_at(self, target) -> dt.datetime | None:
        """When `target` was issued, or None."""

    @abstractmethod
    def expected(self, target) -> Expected:
        """What the signed PDF must say: the number, date, subject and body as printed."""

    @abstractmethod
    def scope_unit(self, target):
        """The unit whose world `target` belongs to (for scoping and the activity log)."""

    @abstractmethod
    def page_url(self, target) -> str:
        """The page of `target` the upload returns to."""


# kind -> entry; filled in the documents AppConfig.ready (documents.builders.signables), like the
# builders, so that nothing importing documents.services imports the apps through it.
SIGNABLES: dict[str, Signable] = {}


def register_signable(signable: Signable) -> Signable:
    SIGNABLES[signable.kind] = signable
    return signable


def signable_for(kind: str) -> Signable | None:
    return SIGNABLES.get(kind)


def signable_of(target) -> Signable | None:
    """The entry whose model `target` is an instance of."""
    for signable in SIGNABLES.values():
        if isinstance(target, signable.model):
            return signable
    return None


STAMP_NOT_ISSUED = "Chỉ văn bản đã ban hành (có số, ngày) mới in được bản có dấu văn thư"


def issue_stamp(target) -> dict:
    """The văn thư's stamp of an issued plan or decision: {"number", "time"} with the issue
    time in ISO 8601 with its offset (2026-12-01T09:30:00+07:00); {} when it is not issued."""
    signable = signable_of(target)
    if signable is None or not signable.is_issued(target):
        return {}
    moment = signable.issued_at(target)
    if moment is None:
        return {}
    moment = timezone.localtime(moment).replace(microsecond=0)
    return {"number": signable.number_text(target), "time": moment.isoformat()}


def wants_stamp(params: dict) -> bool:
    return str((params or {}).get("stamp") or "") in ("1", "true", "on")
