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
        if persona == "clerk":
            return CLERK_ELSEWHERE.get((self.name, self.method), self.denied)
        return self.denied


CASES: list[Case] = []

# The văn thư (persona "clerk") holds a role of its own office's unit only: on the pages of
# other features, unless a case names it, it answers as a member of that unit does (it sees
# the office's conferences and its own unit; office work is refused with 403). Recorded here
# once instead of in every app's cases.
CLERK_ELSEWHERE: dict[tuple[str, str], int] = {
    ("delegates_check_in_undo", "post"): 403,
    ("delegates_merge", "post"): 403,
    ("honorees:clearance_list", "get"): 403,
    ("honorees:clearance_send", "get"): 403,
    ("honorees:clearance_send", "post"): 403,
    ("honorees:council_finalise", "post"): 403,
    ("honorees:council_sitting", "get"): 403,
    ("honorees:council_sitting", "post"): 403,
    ("honorees:council_votes", "post"): 403,
    ("honorees:council_written_votes", "post"): 403,
    ("honorees:round_award_limits", "post"): 403,
    ("assignment_board", "get"): 403,
    ("assignment_create", "get"): 403,
    ("assignment_create", "post"): 403,
    ("assignment_timeline", "get"): 200,
    ("certificate_settings", "get"): 403,
    ("certificate_settings", "post"): 403,
    ("conference_detail", "get"): 200,
    ("conference_documents", "get"): 200,
    ("conference_edit", "get"): 403,
    ("conference_edit", "post"): 403,
    ("delegates_allocation", "get"): 403,
    ("delegates_allocation", "post"): 403,
    ("delegates_category_create", "get"): 403,
    ("delegates_category_create", "post"): 403,
    ("delegates_category_delete", "post"): 403,
    ("delegates_category_edit", "get"): 403,
    ("delegates_category_edit", "post"): 403,
    ("delegates_category_target", "post"): 403,
    ("delegates_check_in", "post"): 403,
    ("delegates_check_in_token", "post"): 403,
    ("delegates_checkin", "get"): 403,
    ("delegates_checkin_counts", "get"): 403,
    ("delegates_checkin_search", "get"): 403,
    ("delegates_checks", "get"): 403,
    ("delegates_composition", "get"): 403,
    ("delegates_create", "get"): 403,
    ("delegates_create", "post"): 403,
    ("delegates_delete", "post"): 403,
    ("delegates_edit", "get"): 403,
    ("delegates_edit", "post"): 403,
    ("delegates_export", "get"): 403,
    ("delegates_invitations", "get"): 403,
    ("delegates_invitations", "post"): 403,
    ("delegates_notify", "get"): 403,
    ("delegates_notify", "post"): 403,
    ("delegates_register", "get"): 403,
    ("delegates_report", "get"): 403,
    ("delegates_round_edit", "post"): 403,
    ("delegates_invitation_date", "post"): 403,
    ("delegates_rule_create", "post"): 403,
    ("delegates_rule_delete", "post"): 403,
    ("delegates_status", "post"): 403,
    ("delegates_status_bulk", "post"): 403,
    ("delegates_unit", "get"): 403,
    ("delegates_unit", "post"): 403,
    ("delegates_unit_import", "get"): 403,
    ("delegates_unit_import", "post"): 403,
    ("delegates_unit_template", "get"): 403,
    ("honorees:council_list", "get"): 403,
    ("honorees:decision_create", "get"): 403,
    ("honorees:decision_create", "post"): 403,
    ("honorees:decision_edit", "get"): 403,
    ("honorees:decision_edit", "post"): 403,
    ("honorees:delegates_above", "get"): 403,
    ("honorees:delegates_export", "get"): 403,
    ("honorees:review_tally", "get"): 403,
    ("honorees:round_create", "get"): 403,
    ("honorees:round_create", "post"): 403,
    ("honorees:round_detail", "get"): 403,
    ("honorees:round_edit", "get"): 403,
    ("honorees:round_edit", "post"): 403,
    ("honorees:round_export", "get"): 403,
    ("honorees:round_list", "get"): 200,
    ("honorees:round_quotas", "get"): 403,
    ("honorees:round_quotas", "post"): 403,
    ("honorees:round_state", "post"): 403,
    ("honorees:round_template", "get"): 200,
    ("member_add", "get"): 403,
    ("member_add", "post"): 403,
    ("milestone_create", "get"): 403,
    ("milestone_create", "post"): 403,
    ("plan_start", "get"): 403,
    ("plan_start", "post"): 403,
    ("unit_create", "get"): 403,
    ("unit_create", "post"): 403,
    ("unit_edit", "get"): 403,
    ("unit_export", "get"): 403,
}


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
