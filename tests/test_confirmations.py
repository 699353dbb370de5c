"""Every step that cannot be undone asks first: each form or button of the templates that
posts to one of these URLs carries data-confirm (static/js/app.js asks the question)."""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
IRREVERSIBLE = {
    "assignment_delete",
    "duty_delete",
    "milestone_delete",
    "plan_section_delete",
    "plan_issue",
    "membership_remove",
    "province:succession_remove",
    "province:token_revoke",
    "delegates_category_delete",
    "delegates_delete",
    "delegates_rule_delete",
    "delegates_notify",
    "allocation_notify",
    "honorees:council_finalise",
    "honorees:decision_approve",
    "honorees:decision_issue",
    "signed_copy_upload",
    "honorees:decision_revoke",
    "honorees:line_reissue",
    "honorees:nomination_withdraw",
    "unit_deactivate",
}
POSTING = re.compile(
    r"<(form|button|a)\b[^>]*?(?:action|hx-post|formaction)=\"\{% url '([\w:]+)'[^>]*>", re.S
)


def _posts(text: str):
    for match in POSTING.finditer(text):
        element, name = match.groups()
        end = text.find("</form>", match.end()) if element == "form" else match.end()
        yield name, text[match.start() : end if end != -1 else match.end()]


def _irreversible_posts():
    for path in sorted(TEMPLATES.rglob("*.html")):
        for name, html in _posts(path.read_text(encoding="utf-8")):
            if name in IRREVERSIBLE:
                yield pytest.param(html, id=f"{path.relative_to(TEMPLATES)}:{name}")


@pytest.mark.parametrize("html", list(_irreversible_posts()))
def test_irreversible_step_asks_first(html):
    assert "data-confirm=" in html or "hx-confirm=" in html


def test_the_scan_finds_the_forms():
    """The list above names real forms: the scan is not silently empty."""
    found = {name for path in TEMPLATES.rglob("*.html") for name, _ in _posts(path.read_text())}
    assert {"plan_issue", "delegates_delete", "honorees:nomination_withdraw"} <= found
