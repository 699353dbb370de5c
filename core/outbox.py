"""The outbox: a send to many recipients, shown before it goes.

DESIGN: a bulk send made by a user (the allocation notice to units, the clearance request to
agencies) is built as a list of `Letter`s by the app's service, with no side effect; the office
sees the preview (how many letters, to whom, the text of each exactly as it will go out) and
confirms with the count and the `fingerprint` of what it saw. The service builds the letters
again at the moment of sending and refuses (`StaleOutbox`) when they are no longer the ones
previewed: someone got an account or an address, a quota changed, or the letters have been
sent already (a second click). Only then does `send()` call `notify()` for each letter that
reaches someone, and the report says honestly who was not reached (they need the paper
notice). Automatic reminders (Celery beat) do not go through here.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import DomainError
from .notifications import absolute_url, email_body, email_subject, notify

STALE = (
    "Danh sách thư đã thay đổi từ lúc xem trước (có người vừa có tài khoản hoặc địa chỉ thư, "
    "nội dung thư đã đổi, hoặc thư vừa được gửi). Chưa gửi thư nào: hãy xem lại bản xem trước "
    "mới dưới đây rồi xác nhận lần nữa."
)


class StaleOutbox(DomainError):
    """The confirmation was made on a preview that is no longer what would be sent."""

    def __init__(self, message: str = STALE) -> None:
        super().__init__(message)


@dataclass(frozen=True)
class Paper:
    """Where the printable paper notice for a recipient the e-mail cannot reach is made: a
    page to open, or, with `fields`, a form posted there (a document request)."""

    url: str
    fields: tuple[tuple[str, str], ...] = ()
    label: str = "In thông báo giấy"


@dataclass(frozen=True)
class Letter:
    """One letter: `recipient` names who it is for (a unit, an agency, a person); `users` are
    the accounts it goes to (one e-mail each); `link` is a path of the site that ends it."""

    recipient: str
    users: tuple = ()
    subject: str = ""
    body: str = ""
    link: str = ""
    paper: Paper | None = None

    @property
    def addressees(self) -> tuple:
        """The users the e-mail reaches: active, with an address, each once (by id)."""
        people = {u.pk: u for u in self.users if u is not None and u.is_active and u.email}
        return tuple(people[pk] for pk in sorted(people))

    @property
    def reached(self) -> bool:
        return bool(self.addressees)

    @property
    def email_subject(self) -> str:
        return email_subject(self.subject)

    @property
    def email_body(self) -> str:
        return email_body(self.body, self.link)

    @property
    def absolute_link(self) -> str:
        return absolute_url(self.link)

    def _signature(self) -> list:
        return [
            self.recipient,
            [[u.pk, u.email] for u in self.addressees],
            self.subject,
            self.body,
            self.link,
        ]


@dataclass(frozen=True)
class SendReport:
    """What `Outbox.send()` did: the letters that went, how many e-mails, and the recipients
    that have nobody to receive one (they need the paper notice)."""

    sent: tuple[Letter, ...] = ()
    unreached: tuple[Letter, ...] = ()
    emails: int = 0

    @property
    def letters(self) -> int:
        return len(self.sent)


@dataclass(frozen=True)
class Outbox:
    """The letters of one bulk send. `state` is anything else whose change makes a preview
    stale (e.g. when the notice was last sent, so a second click is refused)."""

    letters: tuple[Letter, ...] = ()
    state: str = ""

    @property
    def reached(self) -> tuple[Letter, ...]:
        return tuple(letter for letter in self.letters if letter.reached)

    @property
    def unreached(self) -> tuple[Letter, ...]:
        return tuple(letter for letter in self.letters if not letter.reached)

    @property
    def count(self) -> int:
        """How many letters go (the number the office confirms)."""
        return len(self.reached)

    @property
    def emails(self) -> int:
        return sum(len(letter.addressees) for letter in self.reached)

    @property
    def fingerprint(self) -> str:
        """A short hash of the recipients, subjects and texts (and `state`): equal only when
        the same letters would go to the same people."""
        material = json.dumps(
            [self.state, [letter._signature() for letter in self.letters]],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]

    def shown(self, index) -> tuple[int, Letter | None]:
        """The letter the preview shows: the one chosen (its position, from a query string),
        else the first that is sent, else the first."""
        try:
            chosen = int(index)
        except (TypeError, ValueError):
            chosen = -1
        if 0 <= chosen < len(self.letters):
            return chosen, self.letters[chosen]
        for position, letter in enumerate(self.letters):
            if letter.reached:
                return position, letter
        return (0, self.letters[0]) if self.letters else (0, None)

    def check(self, *, count, fingerprint) -> None:
        """Refuse a confirmation made on another preview than this one."""
        if str(count).strip() != str(self.count) or (fingerprint or "").strip() != (
            self.fingerprint
        ):
            raise StaleOutbox()

    def send(self) -> SendReport:
        """One e-mail per addressee of each letter that reaches someone (queued after the
        current transaction commits). Side effects: see `notify()`."""
        sent, emails = [], 0
        for letter in self.reached:
            delivery = notify(
                users=letter.addressees, subject=letter.subject, body=letter.body, link=letter.link
            )
            emails += delivery.sent
            sent.append(letter)
        return SendReport(sent=tuple(sent), unreached=self.unreached, emails=emails)


def build_outbox(letters: Iterable[Letter], *, state: str = "") -> Outbox:
    """The outbox of `letters`, in their order (pure: reads nothing, sends nothing)."""
    return Outbox(letters=tuple(letters), state=state)
