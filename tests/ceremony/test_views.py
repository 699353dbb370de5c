"""The ceremony's pages: the script with the words, the photo form, the slides in the browser,
and query counts that do not grow with the honourees."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ceremony import selectors, services
from ceremony.models import CeremonyGroupNote, HonoureeProfile
from tests.ceremony.factories import jpeg
from tests.queries import assert_queries_constant

pytestmark = pytest.mark.django_db


def _base(issued) -> str:
    return f"/hoi-nghi/{issued['conference'].pk}/le-trao-thuong/"


def test_script_page_shows_groups_and_words(issued, client):
    client.force_login(issued["users"]["leader"])
    html = client.get(_base(issued)).content.decode()
    groups = selectors.stage_groups(issued["conference"])
    assert html.count('data-testid="stage-group"') == len(groups) == 3
    assert groups[1].words in html
    assert "Sửa người trao, lời dẫn" not in html  # a leader sees, does not edit


def test_group_words_saved_and_regenerated_through_pages(issued, client):
    client.force_login(issued["staff"])
    conference = issued["conference"]
    leader = issued["users"]["leader"]
    client.post(
        f"{_base(issued)}luot/2/",
        {"g2-presenter": str(leader.pk), "g2-presenter_text": "", "g2-words": "Lời dẫn riêng."},
    )
    note = CeremonyGroupNote.objects.get(conference=conference, number=2)
    assert (note.presenter_id, note.words) == (leader.pk, "Lời dẫn riêng.")
    html = client.get(_base(issued)).content.decode()
    assert "Lời dẫn riêng." in html and 'data-testid="regenerate"' in html
    client.post(f"{_base(issued)}luot/2/tao-lai/")
    note.refresh_from_db()
    assert note.words == "" and note.presenter_id == leader.pk


def test_profile_form_uploads_and_refuses_non_image(issued, client):
    client.force_login(issued["staff"])
    line = selectors.stage_lines(issued["conference"])[2]
    url = f"{_base(issued)}nguoi-duoc-khen/{line.pk}/"
    fake = SimpleUploadedFile("anh.jpg", b"not an image at all", content_type="image/jpeg")
    response = client.post(url, {"slide_line": "Dòng", "story": "", "photo": fake})
    assert response.status_code == 200
    assert "Tệp không phải ảnh hợp lệ" in response.content.decode()
    assert not HonoureeProfile.objects.exists()
    response = client.post(
        url,
        {"slide_line": "Gương sáng", "story": "Chuyện", "consent": "on", "photo": jpeg(2400, 1600)},
    )
    assert response.status_code == 302
    profile = HonoureeProfile.objects.get(line=line)
    assert (profile.slide_line, profile.consent, profile.photo_width) == ("Gương sáng", True, 1200)


def test_slides_page_has_one_section_per_slide_and_no_inline_script(issued, client):
    client.force_login(issued["staff"])
    html = client.get(f"/hoi-nghi/{issued['conference'].pk}/trinh-chieu/").content.decode()
    assert html.count('data-testid="slide"') == 3 + 8
    assert "<script>" not in html and "<script src=" in html
    assert "style=" not in html


def _profile_item(issued):
    lines = selectors.stage_lines(issued["conference"])

    def add(i: int) -> str:
        services.save_profile(
            conference=issued["conference"], line=lines[i], by=issued["staff"], slide_line="",
            story=f"Câu chuyện số {i}", consent=True, photo=jpeg(60, 80),
        )  # fmt: skip
        return f"Câu chuyện số {i}"

    return add


def test_board_queries_constant(issued, client):
    assert_queries_constant(client, f"/vinh-danh/{issued['conference'].pk}/", _profile_item(issued))


def _photo_item(issued):
    add = _profile_item(issued)

    def item(i: int) -> str:
        add(i)
        return f"/anh/{selectors.stage_lines(issued['conference'])[i].pk}.jpg"

    return item


def test_honourees_page_queries_constant(issued, client):
    client.force_login(issued["staff"])
    assert_queries_constant(client, f"{_base(issued)}nguoi-duoc-khen/", _photo_item(issued))


def test_slides_queries_constant(issued, client):
    client.force_login(issued["staff"])
    url = f"/hoi-nghi/{issued['conference'].pk}/trinh-chieu/"
    assert_queries_constant(client, url, _photo_item(issued))


def test_submitting_unit_sees_and_edits_only_its_honourees(issued, client):
    from conferences.models import Role
    from tests.factories import UnitFactory, member

    conference = issued["conference"]
    lines = selectors.stage_lines(conference)
    village = UnitFactory(parent=issued["office_a"], name="Thôn Đoài")
    other = lines[-1].nomination
    other.unit = village
    other.save()
    client.force_login(issued["users"]["submitter"])  # the school's officer
    html = client.get(f"{_base(issued)}nguoi-duoc-khen/").content.decode()
    assert html.count('data-testid="honouree-row"') == len(lines) - 1
    assert other.display_name not in html
    url = f"{_base(issued)}nguoi-duoc-khen/{lines[0].pk}/"
    response = client.post(url, {"slide_line": "Của trường", "story": "", "photo": jpeg(200, 300)})
    assert response.status_code == 302
    assert HonoureeProfile.objects.get(line=lines[0]).slide_line == "Của trường"
    # Not the village's honouree, and not the office's script.
    assert client.get(f"{_base(issued)}nguoi-duoc-khen/{lines[-1].pk}/").status_code == 403
    assert client.get(_base(issued)).status_code == 403
    client.force_login(member(village, Role.SUBMITTER))
    html = client.get(f"{_base(issued)}nguoi-duoc-khen/").content.decode()
    assert html.count('data-testid="honouree-row"') == 1


def test_background_must_be_an_image(issued, client):
    from ceremony.models import CeremonySetting

    client.force_login(issued["staff"])
    fake = SimpleUploadedFile("nen.jpg", b"GIF89a but not really", content_type="image/jpeg")
    response = client.post(_base(issued), {"group_size": "6", "background": fake})
    assert response.status_code == 200
    assert "Tệp không phải ảnh hợp lệ" in response.content.decode()
    assert not CeremonySetting.objects.filter(conference=issued["conference"]).exists()
    response = client.post(_base(issued), {"group_size": "6", "background": jpeg(2400, 1350)})
    assert response.status_code == 302
    setting = CeremonySetting.objects.get(conference=issued["conference"])
    assert setting.group_size == 6 and setting.background


def test_conference_page_links_to_ceremony_and_saves_are_logged(issued, client):
    from conferences.models import ActivityEntry

    client.force_login(issued["staff"])
    html = client.get(f"/hoi-nghi/{issued['conference'].pk}/").content.decode()
    assert _base(issued) in html and "Lễ trao thưởng" in html
    line = selectors.stage_lines(issued["conference"])[0]
    client.post(f"{_base(issued)}nguoi-duoc-khen/{line.pk}/", {"slide_line": "A", "story": ""})
    entry = ActivityEntry.objects.filter(action="ceremony.profile_saved").get()
    assert entry.actor == issued["staff"] and entry.conference == issued["conference"]
