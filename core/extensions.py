"""Extension points. Apps that build on `conferences` plug into them in their
`AppConfig.ready()`, so the base app never imports them:

- `register_home_items(role, provider)`: provider(user) -> list[HomeItem] shown in that role's
  panel on the home page (plans to approve, my unit's nominations, my tasks...).
- `register_conference_links(provider)`: provider(user, conference) -> list[ConferenceLink]
  shown as cards on the conference page (return [] when the user may not go there).
- `register_demo_seeder(seeder)`: seeder(stdout) adds the app's demo data; `seed_demo` runs
  them after the base data, in registration order, and they must be idempotent. With
  `late=True` it runs after every other app's (it builds on their data: the seating plan
  places the honourees the awards app registered).
- `register_stage_order(provider)`: provider(conference) -> {delegate source_key: position}
  tells in which order the honourees go up on stage (the award decision's list order), so
  the seating plan puts them near the aisle in that order without reading the awards app.
- `register_decision_issued(handler)`: handler(decision) runs inside the transaction that
  issues an award decision (honorees calls `decision_issued`), so what it writes (the fund's
  spending entry) commits or rolls back with the issue; handlers must be idempotent.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomeItem:
    label: str
    url: str
    detail: str = ""
    badge: str = ""  # a short state, e.g. "Quá hạn"
    badge_class: str = "secondary"  # Bootstrap colour name


@dataclass(frozen=True)
class ConferenceLink:
    title: str
    url: str
    description: str = ""
    order: int = 100
    # The part's progress in numbers, for the office ("12 hồ sơ đã gửi", "3 nhiệm vụ quá hạn").
    figures: tuple[str, ...] = ()


_home_items: dict[str, list[Callable]] = defaultdict(list)
_conference_links: list[Callable] = []
_demo_seeders: list[Callable] = []
_late_demo_seeders: list[Callable] = []
_stage_orders: list[Callable] = []
_decision_issued: list[Callable] = []


def register_home_items(role: str, provider: Callable) -> None:
    if provider not in _home_items[role]:
        _home_items[role].append(provider)


def register_conference_links(provider: Callable) -> None:
    if provider not in _conference_links:
        _conference_links.append(provider)


def register_demo_seeder(seeder: Callable, *, late: bool = False) -> None:
    seeders = _late_demo_seeders if late else _demo_seeders
    if seeder not in seeders:
        seeders.append(seeder)


def register_decision_issued(handler: Callable) -> None:
    if handler not in _decision_issued:
        _decision_issued.append(handler)


def decision_issued(decision) -> None:
    for handler in _decision_issued:
        handler(decision)


def home_items(role: str, user) -> list[HomeItem]:
    return [item for provider in _home_items[role] for item in provider(user)]


def conference_links(user, conference) -> list[ConferenceLink]:
    links = [link for provider in _conference_links for link in provider(user, conference)]
    return sorted(links, key=lambda link: link.order)


def demo_seeders() -> list[Callable]:
    return [*_demo_seeders, *_late_demo_seeders]


def register_stage_order(provider: Callable) -> None:
    if provider not in _stage_orders:
        _stage_orders.append(provider)


def stage_order(conference) -> dict[str, int]:
    """{source_key: position on stage} from every provider (a later provider wins a key)."""
    order: dict[str, int] = {}
    for provider in _stage_orders:
        order.update(provider(conference))
    return order
