"""Security headers every page carries: frames, and (below) the Content-Security-Policy."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from conferences.models import Role
from documents.builders.plans import styles_as_classes
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.plans.factories import plan_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_and_plan():
    office = UnitFactory()
    staff = member(office, Role.STAFF)
    return staff, plan_for(ConferenceFactory(organiser=office), staff=staff)


def test_frames_pages_refuse_to_be_framed(client, staff_and_plan):
    staff, plan = staff_and_plan
    client.force_login(staff)

    for url in (reverse("home"), reverse("plan_detail", args=[plan.pk]), reverse("login")):
        assert client.get(url)["X-Frame-Options"] == "DENY", url


def test_frames_plan_preview_may_be_framed_by_our_own_plan_page(client, staff_and_plan):
    staff, plan = staff_and_plan
    client.force_login(staff)

    response = client.get(reverse("plan_preview", args=[plan.pk]))

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"


# --- Content-Security-Policy ----------------------------------------------------------------------
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*["']""", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"""\son[a-z]+\s*=\s*["']""", re.IGNORECASE)


def _directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_csp_every_page_forbids_inline_scripts_and_styles(client, staff_and_plan):
    staff, plan = staff_and_plan
    anonymous = client.get(reverse("login"))
    client.force_login(staff)

    for response in (anonymous, client.get(reverse("plan_detail", args=[plan.pk]))):
        directives = _directives(response)
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert "unsafe" not in response["Content-Security-Policy"]


def test_csp_templates_hold_no_inline_script_style_or_event_handler():
    offenders = []
    for path in sorted((Path(settings.BASE_DIR) / "templates").rglob("*.html")):
        text = path.read_text()
        for pattern in (INLINE_SCRIPT, STYLE_ATTRIBUTE, STYLE_ELEMENT, EVENT_HANDLER):
            offenders += [f"{path.name}: {m.group(0).strip()}" for m in pattern.finditer(text)]
    assert not offenders


def test_csp_plan_preview_styles_only_through_the_nonce(client, staff_and_plan):
    staff, plan = staff_and_plan
    client.force_login(staff)

    response = client.get(reverse("plan_preview", args=[plan.pk]))

    html = response.content.decode()
    nonce = re.search(r'<style nonce="([^"]+)">', html).group(1)
    directives = _directives(response)
    assert directives["style-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert len(STYLE_ELEMENT.findall(html)) == 1
    assert not STYLE_ATTRIBUTE.search(html)
    assert "KẾ HOẠCH" in html


def test_csp_plan_preview_nonce_changes_with_each_response(client, staff_and_plan):
    staff, plan = staff_and_plan
    client.force_login(staff)
    url = reverse("plan_preview", args=[plan.pk])

    first, second = (_directives(client.get(url))["style-src"] for _ in range(2))

    assert first != second


def test_csp_styles_as_classes_moves_each_style_into_a_class():
    html = (
        '<div class="rule" style="width:12.0mm"></div><col style="width:30mm">'
        '<p style="text-align:center">a &quot;style=&quot; b</p><div style="width:12.0mm"></div>'
    )

    body, css = styles_as_classes(html)

    assert body == (
        '<div class="rule engine-style-1"></div><col class="engine-style-2">'
        '<p class="engine-style-3">a &quot;style=&quot; b</p><div class="engine-style-1"></div>'
    )
    assert css == (
        ".engine-style-1{width:12.0mm !important}.engine-style-2{width:30mm !important}"
        ".engine-style-3{text-align:center !important}"
    )
