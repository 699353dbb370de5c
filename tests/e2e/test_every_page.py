"""Every page of the authorisation harness, opened in Chromium as each role allowed to see it
(the demo users, on the demo data), on a phone (390x844) and a desk (1366x768): nothing wider
than the screen, no console error, no English word Django prints by default, every form field
labelled. Tables may scroll inside their own box (.table-responsive); the page may not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Error as PlaywrightError

from conferences.management.commands.seed_demo import DEMO_PASSWORD
from conferences.models import User
from tests.e2e.conftest import log_in
from tests.production.demo import targets, world_for

pytestmark = pytest.mark.e2e

VIEWPORTS = {"phone": (390, 844), "desk": (1366, 768)}
# With SCREENSHOTS_DIR set (e.g. docs/anh), the pages the user guide shows are saved there as
# <name>-<viewport>.png, from the first role that opens them.
SCREENSHOTS = os.environ.get("SCREENSHOTS_DIR", "")
SCREENS = {
    "home": "trang-chu",
    "conference_detail": "hoi-nghi",
    "activity_list": "nhat-ky",
    "honorees:council_list": "binh-xet",
    "honorees:unit_round": "don-vi-gui-ho-so",
    "delegates_register": "danh-sach-dai-bieu",
    "delegates_allocation": "phan-bo-dai-bieu",
    "my_duties": "nhiem-vu-cua-toi",
    "plan_review": "duyet-ke-hoach",
    "honorees:decision_detail": "quyet-dinh-khen-thuong",
    "honorees:verify_code": "xac-minh-giay-khen",
    "delegates_seating": "so-do-cho-ngoi",
    "ceremony:script": "kich-ban-trao-thuong",
    "reports:detail": "bao-cao-tong-ket",
    "finance:estimate": "du-tru-kinh-phi",
    "finance:fund": "so-quy-thi-dua",
}
# Words Django and its widgets print in English when a template or a form forgets to say
# them in Vietnamese (whole words, case as Django writes them).
ENGLISH = (
    "This field is required",
    "Enter a valid",
    "Select a valid choice",
    "Ensure this value",
    "Currently",
    "Change:",
    "Clear",
    "Unknown",
    "Yes",
    "No",
    "None",
    "True",
    "False",
    "Submit",
    "Search",
    "Next",
    "Previous",
    "Page not found",
    "Server Error",
    "Forbidden",
    "Log in",
    "Log out",
    "Username",
    "Password",
    "Filter",
    "Delete",
    "Save",
    "Cancel",
    "Loading",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Tablib Dataset",
)

CHECKS = """
(english) => {
  const problems = [];
  const width = window.innerWidth;
  const scroll = document.documentElement.scrollWidth;
  if (scroll > width) {
    const inBox = (e) => e.closest(".table-responsive, .overflow-auto, .overflow-x-auto");
    const wide = Array.from(document.querySelectorAll("body *"))
      .filter((e) => !inBox(e) && e.getBoundingClientRect().right > width + 1)
      .filter((e) => !Array.from(e.children).some((c) => c.getBoundingClientRect().right > width + 1))
      .slice(0, 3)
      .map((e) => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).trim().split(/\\s+/).join(".") : "")
        + " (" + Math.round(e.getBoundingClientRect().right) + "px)");
    problems.push("rộng " + scroll + "px > " + width + "px: " + wide.join(", "));
  }
  for (const field of document.querySelectorAll("input, select, textarea")) {
    if (["hidden", "submit", "button", "reset", "image"].includes(field.type)) continue;
    const byFor = field.id && document.querySelector('label[for="' + CSS.escape(field.id) + '"]');
    const named = byFor || field.closest("label") || field.getAttribute("aria-label")
      || field.getAttribute("aria-labelledby") || field.getAttribute("title");
    if (!named) problems.push("ô nhập không có nhãn: " + (field.name || field.id || field.outerHTML.slice(0, 80)));
  }
  const text = document.body ? document.body.innerText : "";
  for (const word of english) {
    const escaped = word.replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&");
    if (new RegExp("(^|[^\\\\p{L}])" + escaped + "($|[^\\\\p{L}])", "u").test(text)) {
      problems.push("chữ tiếng Anh: " + word);
    }
  }
  return problems;
}
"""


def _screenshot(page, name: str, viewport: str) -> None:
    if not SCREENSHOTS or name not in SCREENS:
        return
    path = Path(SCREENSHOTS) / f"{SCREENS[name]}-{viewport}.png"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path))


def _crawl_as(browser, live_server, username: str, targets, size, viewport) -> list[str]:
    width, height = size
    context = browser.new_context(
        locale="en-US", base_url=live_server.url, viewport={"width": width, "height": height}
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems: list[str] = []
    current = {"path": ""}
    page.on(
        "console",
        lambda m: (
            m.type == "error"
            and "Failed to load resource" not in m.text
            and problems.append(f"{current['path']}: console: {m.text}")
        ),
    )
    page.on("pageerror", lambda e: problems.append(f"{current['path']}: JavaScript: {e}"))
    log_in(page, username, DEMO_PASSWORD)
    page.wait_for_url(live_server.url + "/")
    for name, path in targets:
        current["path"] = path
        try:
            response = page.goto(path)
        except PlaywrightError as exc:
            if "Download is starting" in str(exc):
                continue
            raise
        if response is None or response.status != 200:
            continue  # a state of the demo data refuses it (the production crawl counts those)
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        problems += [f"{path} ({name}): {p}" for p in page.evaluate(CHECKS, list(ENGLISH))]
        _screenshot(page, name, viewport)
    context.close()
    return problems


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_fits_speaks_vietnamese_and_labels_its_fields(
    viewport, browser, live_server, transactional_db
):
    call_command("seed_demo", verbosity=0)
    crawled: set[tuple[str, int]] = set()
    problems: list[str] = []
    opened = 0
    for user in User.objects.filter(is_active=True).order_by("pk"):
        world = world_for(user)
        if world.conference is None or (world.persona, world.unit.pk) in crawled:
            continue
        crawled.add((world.persona, world.unit.pk))
        pages = targets(world)
        opened += len(pages)
        problems += [
            f"{user.username}: {p}"
            for p in _crawl_as(
                browser, live_server, user.username, pages, VIEWPORTS[viewport], viewport
            )
        ]
    assert opened > 100
    assert not problems, "\n".join(problems)
