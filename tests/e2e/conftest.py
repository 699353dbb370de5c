"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import os
import shutil

import pytest

# Playwright's sync API keeps an event loop on the main thread; the ORM calls in these tests
# are ordinary blocking calls made between browser steps.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="vi-VN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    confirm_every_question(page)
    yield page
    context.close()


def confirm_every_question(page) -> None:
    """Answer "OK" to each confirmation (data-confirm) as the user who meant the click would;
    a test that wants the question itself listens for the dialog before clicking."""
    page.on("dialog", lambda dialog: dialog.accept())


def log_in(page, username: str, password: str) -> None:
    page.goto("/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


@pytest.fixture
def as_user(browser, live_server):
    """open_as(user): a new browser context logged in as `user` (several people at once)."""
    from tests.factories import PASSWORD

    contexts = []

    def open_as(user):
        context = browser.new_context(locale="vi-VN", base_url=live_server.url)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        confirm_every_question(page)
        log_in(page, user.username, PASSWORD)
        page.wait_for_url("**/")
        return page

    yield open_as
    for context in contexts:
        context.close()
