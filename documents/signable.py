"""The issued documents a signed copy may be uploaded for (an issued plan, an issued award
decision: documents.builders.signables): for each, who sees it, who uploads (the văn thư),
whether it is issued, and what it prints (to compare with the signed PDF)."""

from __future__ import annotations

import datetime as dt
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
class Signable:
    kind: str  # the builder's kind, also the URL's
    label: str

    @property
    def model(self):
        raise NotImplementedError

    def get(self, user, pk: int):
        """The target if `user` may see it; Http404 otherwise."""
        raise NotImplementedError

    def can_upload(self, user, target) -> bool:
        raise NotImplementedError

    def is_issued(self, target) -> bool:
        raise NotImplementedError

    def number_text(self, target) -> str:
        raise NotImplementedError

    def issued_at(self, target) -> dt.datetime | None:
        raise NotImplementedError

    def expected(self, target) -> Expected:
        raise NotImplementedError

    def scope_unit(self, target):
        raise NotImplementedError

    def page_url(self, target) -> str:
        raise NotImplementedError


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
