"""The authorisation harness: every URL of the project, with the answer expected for each
kind of visitor. Apps add their URLs by appending `Case`s to `CASES` in
`tests/<app>/authz_cases.py`; `test_authz.py` runs them all and fails when a URL of the
project has no case. The world and its personas are the shared test cast (tests/cast.py).

The POST harness rides on the same cases: a POST case with `state` gives valid data and a
function reading what the POST should change (a row's status, a count). The POST of each
persona allowed to act must change it; the POST of every other persona must leave it equal.
`test_authz.py` fails when a URL that takes a POST has no such case, so a view that stops
calling its service (or calls it for the wrong people) fails a test.
"""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.cast import EVERYONE_LOGGED_IN, OFFICE_A, PERSONAS

# The cases name personas through these (tests/<app>/authz_cases.py imports them from here).
__all__ = ["CASES", "EVERYONE_LOGGED_IN", "OFFICE_A", "PERSONAS", "Case"]

LOGIN_REDIRECT = "login"


@dataclass
class Case:
    """`allowed`: personas that get `ok` (200 unless said); the others get `denied`
    (a dict persona -> status, default 404 for a scoped object); anonymous visitors are sent
    to the login page unless `public`. `state`, when given, reads what the request may change:
    it must read the same after the request for every persona but `changers` (default: the
    allowed ones)."""

    name: str
    kwargs: Callable[[dict], dict] = lambda w: {}
    method: str = "get"
    data: Callable[[dict], dict] | None = None
    allowed: tuple[str, ...] = OFFICE_A
    ok: int = 200
    denied: int = 404
    overrides: dict[str, int] = field(default_factory=dict)
    public: bool = False
    query: str = ""
    # The POST harness: state(world, kwargs) -> a value the POST changes; `changers` are the
    # personas whose POST changes it (default: those that get `ok`, anonymous only if public);
    # prepare(client, world, kwargs) runs before the state is read (a step the POST needs).
    state: Callable[[dict, dict], Any] | None = None
    changers: tuple[str, ...] | None = None
    prepare: Callable[[Any, dict, dict], None] | None = None

    def changes_state(self, persona: str) -> bool:
        if self.changers is not None:
            return persona in self.changers
        if persona == "anonymous" and not self.public:
            return False
        return self.public or persona in self.allowed

    def expected(self, persona: str) -> int | str:
        if persona in self.overrides:
            return self.overrides[persona]
        if persona == "anonymous" and not self.public:
            return LOGIN_REDIRECT
        if self.public or persona in self.allowed:
            return self.ok
        return self.denied


CASES: list[Case] = []


def load_cases() -> list[Case]:
    """Import every tests/<app>/authz_cases.py (each appends its cases to CASES); once."""
    import tests

    for module in pkgutil.iter_modules(tests.__path__):
        if module.ispkg:
            try:
                importlib.import_module(f"tests.{module.name}.authz_cases")
            except ModuleNotFoundError as exc:
                if exc.name != f"tests.{module.name}.authz_cases":
                    raise
    return CASES


# URL names that are not ours to test here (Django's admin has its own permission model).
EXEMPT_PREFIXES = ("admin:",)
