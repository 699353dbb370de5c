"""Two people edit the same plan section: the second save, made from the version opened before
the first save, shows the conflict (who, when, the current text) and overwrites nothing."""

import pytest
from django.urls import reverse

from conferences.models import ActivityEntry, PlanSection, Role
from conferences.plans import services
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.plans.factories import plan_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    commune = UnitFactory(name="Ủy ban nhân dân xã An Thịnh")
    conference = ConferenceFactory(organiser=commune, venue="Hội trường xã")
    staff = member(commune, Role.STAFF, full_name="Nguyễn Thị Lan")
    colleague = member(commune, Role.STAFF, full_name="Trần Văn Minh")
    plan = plan_for(conference, staff=staff)
    return {
        "staff": staff,
        "colleague": colleague,
        "section": plan.sections.get(heading="Mục đích:"),
    }


def _post(client, section, text, version):
    prefix = f"s{section.pk}"
    data = {
        f"{prefix}-heading": "Mục đích:",
        f"{prefix}-level": "2",
        f"{prefix}-items_text": text,
        f"{prefix}-version": str(version),
    }
    return client.post(
        reverse("plan_section_edit", args=[section.pk]), data, HTTP_HX_REQUEST="true"
    )


def _texts(section) -> list[str]:
    section.refresh_from_db()
    return [item["text"] for item in section.content["items"]]


def test_section_form_carries_the_version_it_was_opened_at(client, office):
    section = office["section"]
    client.force_login(office["staff"])

    html = client.get(reverse("plan_section_edit", args=[section.pk])).content.decode()

    assert f'name="s{section.pk}-version" value="1"' in html


def test_section_save_raises_the_version_and_names_the_editor(client, office):
    section = office["section"]
    client.force_login(office["staff"])

    response = _post(client, section, "- Biểu dương người tốt", version=1)

    section.refresh_from_db()
    assert response.status_code == 200 and response["HX-Trigger"] == "plan-changed"
    assert (section.version, section.updated_by) == (2, office["staff"])


def test_stale_section_save_shows_the_conflict_and_keeps_the_colleagues_text(client, office):
    section = office["section"]
    client.force_login(office["colleague"])
    _post(client, section, "- Bản của anh Minh", version=1)
    client.force_login(office["staff"])

    response = _post(client, section, "- Bản của chị Lan", version=1)

    html = response.content.decode()
    assert response.status_code == 200 and "HX-Trigger" not in response
    assert "vừa được Trần Văn Minh sửa lúc" in html
    assert 'data-testid="section-current"' in html and "Bản của anh Minh" in html
    assert "- Bản của chị Lan" in html  # what she typed is still in the form
    assert f'name="s{section.pk}-version" value="2"' in html
    assert _texts(section) == ["Bản của anh Minh"]
    assert ActivityEntry.objects.filter(action="plan.section_updated").count() == 1


def test_saving_again_after_the_conflict_replaces_the_text(client, office):
    section = office["section"]
    client.force_login(office["colleague"])
    _post(client, section, "- Bản của anh Minh", version=1)
    client.force_login(office["staff"])
    _post(client, section, "- Bản của chị Lan", version=1)

    _post(client, section, "- Bản của chị Lan", version=2)

    assert _texts(section) == ["Bản của chị Lan"]
    assert PlanSection.objects.get(pk=section.pk).version == 3


def test_update_section_service_refuses_an_old_version(office):
    section = office["section"]
    services.update_section(section=section, by=office["colleague"], heading="Mục tiêu:")

    with pytest.raises(services.StaleSectionError) as exc:
        services.update_section(
            section=section, by=office["staff"], heading="Mục đích chung:", expected_version=1
        )

    section.refresh_from_db()
    assert section.heading == "Mục tiêu:" and section.version == 2
    assert "Trần Văn Minh" in exc.value.message


def test_stale_save_with_the_same_text_is_no_conflict(office):
    section = office["section"]
    services.update_section(section=section, by=office["colleague"], heading="Mục tiêu:")

    services.update_section(
        section=section, by=office["staff"], heading="Mục tiêu:", expected_version=1
    )

    section.refresh_from_db()
    assert section.version == 2 and section.updated_by == office["colleague"]
