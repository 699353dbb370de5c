"""The production crawl, run by .ci/production against gunicorn serving config.wsgi with
DEBUG=false, PostgreSQL, a Celery worker on Redis and the demo data (loaded for the crawl
only). Debian's Chromium logs in as each demo user and opens every page of the authorisation
harness (tests/authz.py) that user's role can reach: no answer 5xx, no console error (a
Content-Security-Policy violation is one), no static file missing.

Before the crawl, a few things the demo data lacks are made through the browser, as users
would: a plan for Thượng Hồng, its PDF (rendered by the worker), a duty report with a file, a
nomination dossier."""

import os
from collections import defaultdict

import pytest
from playwright.sync_api import Error as PlaywrightError

from conferences.demo.units import USERS
from conferences.management.commands.seed_demo import ADMIN_USERNAME, DEMO_PASSWORD
from conferences.models import Role, User
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, log_in
from tests.production.demo import get_cases, reachable, targets, world_for
from tests.production.prepare import make_missing_objects

pytestmark = pytest.mark.production

BASE_URL = os.environ.get("PRODUCTION_URL", "")
DEMO_USERNAMES = [ADMIN_USERNAME, *(username for username, *_ in USERS)]
# Where a page opened (URL name -> [(username, status)]), for the coverage test at the end.
OPENED: dict[str, list[tuple[str, int]]] = defaultdict(list)
# The first demo user crawled for each (role, unit): another with the same sees the same pages.
CRAWLED: dict[tuple[str, int], str] = {}


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not BASE_URL:
        pytest.fail("PRODUCTION_URL is not set: run this through .ci/production")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def new_page(browser):
    """new_page(username): a page of a new browser context logged in as the demo user, and
    the watcher of everything that must not happen on it."""
    contexts = []

    def open_as(username: str):
        context = browser.new_context(base_url=BASE_URL, locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        watcher = Watcher(page)
        log_in(page, username, DEMO_PASSWORD)
        page.wait_for_url(BASE_URL + "/")
        return page, watcher

    yield open_as
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def demo_ready(new_page, django_db_blocker):
    """The objects the demo data lacks, made once through the browser."""
    with django_db_blocker.unblock():
        problems = make_missing_objects(new_page)
    assert not problems, "\n".join(problems)


class Watcher:
    """Collects what must not happen on a page: a server error on any request, a console
    error (CSP violations are reported there), an uncaught script error, a static file that
    fails to load."""

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []
        # The page on screen is one of ours (HTML), not a file the browser shows itself (an
        # image, JSON) in a viewer of its own, whose console lines are the browser's.
        self.showing_html = True
        self.refused: set[str] = set()  # pages answered 4xx: their console line is expected
        page.on("console", self._console)
        page.on("pageerror", lambda error: self._add(f"lỗi JavaScript: {error}"))
        page.on("response", self._response)
        page.on("requestfailed", self._failed)

    def _add(self, problem: str) -> None:
        self.problems.append(f"{self.page.url}: {problem}")

    def _console(self, message) -> None:
        refused_page = message.location.get("url") in self.refused
        if message.type != "error" or not self.showing_html:
            return
        if not (refused_page and "Failed to load" in message.text):
            self._add(f"console: {message.text}")

    def _response(self, response) -> None:
        if response.request.is_navigation_request() and response.frame == self.page.main_frame:
            self.showing_html = response.headers.get("content-type", "").startswith("text/html")
            if 400 <= response.status < 500:
                self.refused.add(response.url)
        static = "/static/" in response.url
        if response.status >= 500 or (static and response.status >= 400):
            self._add(f"{response.status} cho {response.url}")

    def _failed(self, request) -> None:
        # ERR_ABORTED: the next page was opened before this request ended (a favicon, a poll).
        if "ERR_ABORTED" not in (request.failure or ""):
            self._add(f"yêu cầu thất bại {request.url}: {request.failure}")

    def open(self, path: str) -> int:
        """Open `path` as a user would; the status of the page (or of the file it downloads)."""
        try:
            response = self.page.goto(path)
        except PlaywrightError as exc:
            if "Download is starting" not in str(exc):
                raise
            return self.page.request.get(path).status
        return response.status if response else 0


@pytest.mark.parametrize("username", DEMO_USERNAMES)
def test_production_crawl_role_pages_answer_without_errors(
    username, demo_ready, new_page, django_db_blocker
):
    with django_db_blocker.unblock():
        world = world_for(User.objects.get(username=username))
        twin = CRAWLED.setdefault((world.persona, world.unit.pk), username)
        pages = targets(world)
    if twin != username:
        pytest.skip(f"cùng vai trò, cùng đơn vị với {twin}: các trang như nhau")
    page, watcher = new_page(username)

    for name, path in pages:
        status = watcher.open(path)
        OPENED[name].append((username, status))
        if status >= 500:
            watcher.problems.append(f"{path}: {status}")
    page.context.close()

    assert pages
    assert not watcher.problems, "\n".join(watcher.problems)


# Pages whose object the demo data and the set-up do not make. Each is opened by the
# authorisation harness and by its own tests; here they would need a file uploaded first.
NOT_IN_DEMO = {
    "import_job",  # a job exists once a file of more than IMPORT_BACKGROUND_ROWS rows is sent
    "import_job_progress",  # (the worker suite runs one: tests/worker/test_import_worker.py)
}


def test_production_crawl_opened_every_harness_page_somewhere():
    """Every GET page of the harness that some role may open was opened with 200 by a demo
    user (runs after the crawl above): the demo data and the set-up leave no page unvisited."""
    _print_summary()
    personas = {"superuser", *Role.values}  # the roles of the demo users
    expected = {c.name for c in get_cases() if any(reachable(c, p) for p in personas)}
    expected -= NOT_IN_DEMO
    opened = {name for name, answers in OPENED.items() if any(s == 200 for _, s in answers)}

    assert not expected - opened, {
        name: OPENED.get(name, "không mở được trang nào") for name in sorted(expected - opened)
    }


def _print_summary() -> None:
    """One line per demo user: pages opened, and those not answered 200 (a state the demo
    data is in, e.g. an issued plan is no longer edited: 403)."""
    by_user: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for name, answers in OPENED.items():
        for username, status in answers:
            by_user[username].append((name, status))
    for username, pages in by_user.items():
        others = ", ".join(f"{name} {status}" for name, status in pages if status != 200)
        print(f"{username}: {len(pages)} trang" + (f"; khác 200: {others}" if others else ""))
