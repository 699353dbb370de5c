import pytest
from django.urls import reverse

from core import extensions
from core.extensions import ConferenceLink, HomeItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def clean_registry(monkeypatch):
    monkeypatch.setattr(extensions, "_home_items", extensions.defaultdict(list))
    monkeypatch.setattr(extensions, "_conference_links", [])
    monkeypatch.setattr(extensions, "_demo_seeders", [])


def test_home_items_appear_in_the_panel_of_their_role(client, world, clean_registry):
    extensions.register_home_items(
        "reporter", lambda user: [HomeItem("Đảm bảo an ninh", "/x/", badge="Quá hạn")]
    )
    client.force_login(world["users"]["reporter"])
    html = client.get(reverse("home")).content.decode()
    assert 'data-testid="home-extra-reporter"' in html
    assert "Đảm bảo an ninh" in html and "Quá hạn" in html
    client.force_login(world["users"]["staff"])
    assert "Đảm bảo an ninh" not in client.get(reverse("home")).content.decode()


def test_conference_links_are_sorted_and_asked_per_user(client, world, clean_registry):
    def provider(user, conference):
        if user != world["users"]["staff"]:
            return []
        return [
            ConferenceLink("Đại biểu", "/b/", order=20),
            ConferenceLink("Kế hoạch", "/a/", order=10),
        ]

    extensions.register_conference_links(provider)
    extensions.register_conference_links(provider)  # registering twice keeps one
    url = reverse("conference_detail", args=[world["conference_a"].pk])
    client.force_login(world["users"]["staff"])
    html = client.get(url).content.decode()
    assert html.index("Kế hoạch") < html.index("Đại biểu")
    assert html.count('card-title">Đại biểu</h2>') == 1
    client.force_login(world["users"]["leader"])
    assert "Đại biểu" not in client.get(url).content.decode()


def test_seed_demo_runs_registered_seeders(clean_registry):
    from django.core.management import call_command

    seen = []
    extensions.register_demo_seeder(lambda stdout: seen.append("delegates"))
    call_command("seed_demo", "--quiet-logins")
    assert seen == ["delegates"]
