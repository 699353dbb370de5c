"""seed_demo: the demo world loads, loads again without duplicates, and its logins work."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from conferences.demo.units import USERS
from conferences.models import Conference, Membership, Unit, User

pytestmark = pytest.mark.django_db


def _seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in (Unit, User, Membership, Conference)}


def _printed_logins(output: str) -> tuple[str, list[str]]:
    password = re.search(r"mật khẩu chung: (\S+)\)", output).group(1)
    usernames = re.findall(r"^  (\S+)\s", output, flags=re.MULTILINE)
    return password, usernames


def test_seed_demo_twice_creates_no_duplicates():
    _seed("--quiet-logins")
    first = _counts()

    _seed("--quiet-logins")

    assert _counts() == first
    assert first["User"] == len(USERS) + 1
    assert first["Membership"] == len(USERS)
    assert (
        first["Conference"] >= 2
    )  # apps' demo seeders add their own (delegates: Văn Yên, Đức Giang)


def test_seed_demo_prints_every_login():
    output = _seed()

    password, usernames = _printed_logins(output)
    assert usernames == ["admin", *(u[0] for u in USERS)]
    assert password
    assert "Ủy ban nhân dân xã Thượng Hồng" in output


def test_seed_demo_quiet_prints_no_logins():
    assert "mật khẩu" not in _seed("--quiet-logins")


def test_seed_demo_users_log_in_with_printed_password(client):
    password, _printed = _printed_logins(_seed())

    for username in ["admin", *(u[0] for u in USERS)]:
        # Through the login page: django-axes checks every login against its request.
        client.post(reverse("login"), {"username": username, "password": password})
        assert "_auth_user_id" in client.session, username
        client.logout()
    assert User.objects.get(username="admin").is_superuser


def test_seed_demo_builds_tree_and_roles():
    _seed("--quiet-logins")

    commune = Unit.objects.get(code="HP-TH")
    assert Unit.objects.get_parent(commune).code == "HP"
    assert Unit.objects.get(code="HP-TH-TH").path.startswith(commune.path)
    assert Membership.objects.get(user__username="canbo").unit == commune
    assert Membership.objects.get(user__username="truonghoc").unit.code == "HP-TH-TH"


def test_seed_demo_creates_both_demo_conferences():
    _seed("--quiet-logins")

    conferences = {c.organiser.code: c for c in Conference.objects.select_related("organiser")}
    assert {"HN-TT", "HP-TH"} <= set(conferences)
    assert conferences["HN-TT"].kind == Conference.Kind.GOOD_DEEDS_CONTEST
    assert conferences["HN-TT"].period_label == "2024"
    assert conferences["HP-TH"].kind == Conference.Kind.EXEMPLAR_FIVE_YEAR
    assert conferences["HP-TH"].period_label == "2025 - 2030"


def test_seed_demo_has_an_office_drafting_for_the_district():
    """Thanh Trì's Phòng Nội vụ drafts for the UBND huyện: its head checks before the Chủ tịch."""
    from conferences.review_chain import reviewers

    _seed("--quiet-logins")
    office = Unit.objects.get(code="HN-TT-NV")
    assert office.drafting_for == Unit.objects.get(code="HN-TT")
    assert [u.username for u in reviewers(office.drafting_for)] == ["thanhtri.noivu"]
