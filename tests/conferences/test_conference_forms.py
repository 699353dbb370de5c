"""Creating and editing a conference in the browser: the form, the services behind it and who
may use them. The answer of every persona on the two URLs is in authz_cases.py."""

import datetime as dt
import unicodedata

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from conferences import services
from conferences.models import ActivityEntry, Conference
from core.errors import DomainError, PermissionDeniedError
from tests.factories import ConferenceFactory

pytestmark = pytest.mark.django_db

TITLE = "Hội nghị điển hình tiên tiến xã An Thịnh giai đoạn 2025 - 2030"


def _data(organiser, **overrides) -> dict:
    """A filled-in form; an override of None leaves the field out (an unticked box)."""
    data = {
        "organiser": organiser.pk,
        "kind": Conference.Kind.EXEMPLAR_FIVE_YEAR,
        "title": TITLE,
        "start_year": "2025",
        "end_year": "2030",
        "ordinal": "II",
        "date_precision": Conference.DatePrecision.DAY,
        "date": "2030-10-08",
        "date_is_expected": "on",
        "date_note": "",
        "length": Conference.Length.HALF_DAY,
        "start_time": "08:00",
        "end_time": "11:30",
        "venue": "Hội trường Ủy ban nhân dân xã An Thịnh",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _entries(action: str, conference) -> list[ActivityEntry]:
    return list(ActivityEntry.objects.filter(action=action, object_id=str(conference.pk)))


def _create(client, user, data):
    client.force_login(user)
    return client.post(reverse("conference_create"), data)


def _edit(client, user, conference, data):
    client.force_login(user)
    return client.post(reverse("conference_edit", kwargs={"pk": conference.pk}), data)


# --- Create -----------------------------------------------------------------------------------
def test_conference_create_saves_and_redirects(client, world):
    staff, office_a = world["users"]["staff"], world["office_a"]

    response = _create(client, staff, _data(office_a))

    conference = Conference.objects.get(title=TITLE)
    assert response.status_code == 302
    assert response.url == reverse("conference_detail", kwargs={"pk": conference.pk})
    assert conference.organiser == office_a
    assert conference.created_by == staff
    assert (conference.start_year, conference.end_year, conference.ordinal) == (2025, 2030, "II")
    assert conference.date == dt.date(2030, 10, 8)
    assert conference.start_time == dt.time(8, 0) and conference.end_time == dt.time(11, 30)
    assert conference.length == Conference.Length.HALF_DAY
    assert conference.venue == "Hội trường Ủy ban nhân dân xã An Thịnh"
    assert _messages(response) == [f"Đã thêm hội nghị {TITLE}."]
    [entry] = _entries("conference.created", conference)
    assert (entry.actor, entry.scope_unit, entry.conference) == (staff, office_a, conference)


def test_conference_create_normalises_text_and_single_year(client, world):
    decomposed = unicodedata.normalize("NFD", "Hội nghị biểu dương người tốt, việc tốt")
    data = _data(
        world["office_a"],
        kind=Conference.Kind.GOOD_DEEDS,
        title=f"  {decomposed}  ",
        start_year="2026",
        end_year="",
        ordinal="lần thứ  III",
    )

    _create(client, world["users"]["staff"], data)

    conference = Conference.objects.get(kind=Conference.Kind.GOOD_DEEDS)
    assert conference.title == "Hội nghị biểu dương người tốt, việc tốt"
    assert (conference.start_year, conference.end_year) == (2026, 2026)
    assert conference.ordinal == "III"


def test_conference_create_form_has_defaults_and_own_committees(client, world):
    client.force_login(world["users"]["staff"])

    response = client.get(reverse("conference_create"))

    form = response.context["form"]
    this_year = timezone.localdate().year
    assert form.initial["start_year"] == form.initial["end_year"] == this_year
    assert form.initial["kind"] == Conference.Kind.EXEMPLAR_FIVE_YEAR
    assert form.initial["date_precision"] == Conference.DatePrecision.DAY
    assert form.initial["date_is_expected"] is True
    # The commune, not the school or the agency under it, nor the other commune.
    assert list(form.fields["organiser"].queryset) == [world["office_a"]]
    assert form.initial["organiser"] == world["office_a"].pk
    html = response.content.decode()
    for legend in ("Thông tin chung", "Thời gian", "Địa điểm"):
        assert f"<legend>{legend}</legend>" in html
    assert 'type="date" name="date"' in html
    assert 'type="time" name="start_time"' in html
    assert f'name="start_year" value="{this_year}"' in html


def test_conference_create_offers_superuser_every_committee(client, world):
    client.force_login(world["users"]["superuser"])

    response = client.get(reverse("conference_create"))

    offered = set(response.context["form"].fields["organiser"].queryset)
    assert offered == {world["province"], world["office_a"], world["office_b"]}


def test_conference_create_end_year_before_start_keeps_typed_values(client, world):
    count = Conference.objects.count()

    response = _create(
        client,
        world["users"]["staff"],
        _data(world["office_a"], start_year="2025", end_year="2020"),
    )

    assert response.status_code == 200
    message = "Năm kết thúc (2020) không được trước năm bắt đầu (2025)."
    assert response.context["form"].errors["end_year"] == [message]
    html = response.content.decode()
    assert message in html
    assert f'value="{TITLE}"' in html
    assert 'value="2030-10-08"' in html
    assert Conference.objects.count() == count


def test_conference_create_end_time_before_start_time_refused(client, world):
    count = Conference.objects.count()

    response = _create(
        client,
        world["users"]["staff"],
        _data(world["office_a"], start_time="14:00", end_time="08:00"),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["end_time"] == ["Giờ kết thúc phải sau giờ bắt đầu."]
    assert 'value="14:00"' in response.content.decode()
    assert Conference.objects.count() == count


def test_conference_create_month_without_date_refused(client, world):
    count = Conference.objects.count()

    response = _create(
        client,
        world["users"]["staff"],
        _data(world["office_a"], date_precision=Conference.DatePrecision.MONTH, date=""),
    )

    assert response.status_code == 200
    [error] = response.context["form"].errors["date"]
    assert "trong tháng" in error and "một ngày bất kỳ" in error
    assert error in response.content.decode()
    assert Conference.objects.count() == count


def test_conference_create_month_with_any_day_prints_month(client, world):
    data = _data(
        world["office_a"],
        date_precision=Conference.DatePrecision.MONTH,
        date="2026-03-17",
        date_note="Do tình hình dịch bệnh.",
    )

    _create(client, world["users"]["staff"], data)

    conference = Conference.objects.get(title=TITLE)
    expected = "Dự kiến trong tháng 3 năm 2026 (Do tình hình dịch bệnh)"
    assert conference.date_wording() == expected


def test_conference_create_organiser_of_other_office_refused(client, world):
    count = Conference.objects.count()

    response = _create(client, world["users"]["staff"], _data(world["office_b"]))

    assert response.status_code == 200
    assert response.context["form"].errors["organiser"]
    assert Conference.objects.count() == count


# --- Edit -------------------------------------------------------------------------------------
def test_conference_edit_form_shows_current_values(client, world):
    conference = world["conference_a"]
    Conference.objects.filter(pk=conference.pk).update(
        date=dt.date(2030, 10, 8), start_time=dt.time(8, 0), venue="Nhà văn hóa xã"
    )
    client.force_login(world["users"]["staff"])

    response = client.get(reverse("conference_edit", kwargs={"pk": conference.pk}))

    html = response.content.decode()
    assert 'value="2030-10-08"' in html
    assert 'value="08:00"' in html
    assert 'value="Nhà văn hóa xã"' in html
    assert f'value="{conference.title}"' in html


def test_conference_edit_saves_and_logs_changes(client, world):
    conference = world["conference_a"]
    staff = world["users"]["staff"]
    data = _data(world["office_a"], title=conference.title, ordinal="", date="2030-11-20")

    response = _edit(client, staff, conference, data)

    assert response.status_code == 302
    assert response.url == reverse("conference_detail", kwargs={"pk": conference.pk})
    assert _messages(response) == ["Đã lưu thông tin hội nghị."]
    conference.refresh_from_db()
    assert conference.date == dt.date(2030, 11, 20)
    assert conference.venue == "Hội trường Ủy ban nhân dân xã An Thịnh"
    [entry] = _entries("conference.updated", conference)
    assert entry.actor == staff
    assert entry.changes["date"] == [None, "2030-11-20"]
    assert entry.changes["venue"] == ["", "Hội trường Ủy ban nhân dân xã An Thịnh"]
    assert "title" not in entry.changes and "start_year" not in entry.changes


def test_conference_edit_invalid_keeps_typed_values_and_row(client, world):
    conference = world["conference_a"]
    data = _data(world["office_a"], title="Tên mới chưa lưu", start_time="10:00", end_time="10:00")

    response = _edit(client, world["users"]["staff"], conference, data)

    assert response.status_code == 200
    assert "Giờ kết thúc phải sau giờ bắt đầu." in response.content.decode()
    assert 'value="Tên mới chưa lưu"' in response.content.decode()
    conference.refresh_from_db()
    assert conference.title != "Tên mới chưa lưu"
    assert not _entries("conference.updated", conference)


def test_conference_edit_keeps_organiser_outside_the_offer(client, world):
    """A conference held by a unit that is not a people's committee (older data) can still be
    edited: its organiser stays selectable."""
    conference = ConferenceFactory(organiser=world["school"])
    data = _data(world["school"], title="Hội nghị của trường")

    response = _edit(client, world["users"]["staff"], conference, data)

    assert response.status_code == 302
    conference.refresh_from_db()
    assert (conference.title, conference.organiser) == ("Hội nghị của trường", world["school"])


# --- Who may ----------------------------------------------------------------------------------
@pytest.mark.parametrize("persona", ["stranger", "submitter", "reporter", "leader", "admin"])
def test_conference_create_refused_without_staff_role(client, world, persona):
    count = Conference.objects.count()

    response = _create(client, world["users"][persona], _data(world["office_a"]))

    assert response.status_code == 403
    assert Conference.objects.count() == count


@pytest.mark.parametrize(
    ("persona", "status"),
    [("other_office", 404), ("stranger", 404), ("submitter", 403), ("leader", 403)],
)
def test_conference_edit_refused_to_others(client, world, persona, status):
    conference = world["conference_a"]
    before = conference.title

    response = _edit(client, world["users"][persona], conference, _data(world["office_a"]))

    assert response.status_code == status
    conference.refresh_from_db()
    assert conference.title == before
    assert not _entries("conference.updated", conference)


def test_conference_list_offers_create_to_staff_only(client, world):
    url = reverse("conference_create")
    client.force_login(world["users"]["staff"])
    assert url in client.get(reverse("conference_list")).content.decode()

    client.force_login(world["users"]["submitter"])
    response = client.get(reverse("conference_list"))

    assert world["conference_a"].title in response.content.decode()
    assert url not in response.content.decode()


def test_conference_detail_offers_edit_to_manager_only(client, world):
    conference = world["conference_a"]
    detail = reverse("conference_detail", kwargs={"pk": conference.pk})
    edit = reverse("conference_edit", kwargs={"pk": conference.pk})
    client.force_login(world["users"]["staff"])
    assert edit in client.get(detail).content.decode()

    client.force_login(world["users"]["leader"])

    assert edit not in client.get(detail).content.decode()


def test_conference_pages_show_date_wording(client, world):
    conference = world["conference_a"]
    Conference.objects.filter(pk=conference.pk).update(
        date=dt.date(2024, 10, 8), date_precision=Conference.DatePrecision.DAY
    )
    quarterly = ConferenceFactory(
        organiser=world["office_a"],
        date=dt.date(2026, 5, 2),
        date_precision=Conference.DatePrecision.QUARTER,
        date_is_expected=False,
    )
    client.force_login(world["users"]["staff"])

    listing = client.get(reverse("conference_list")).content.decode()
    detail = client.get(reverse("conference_detail", kwargs={"pk": conference.pk}))

    assert "Dự kiến ngày 08 tháng 10 năm 2024 (Thứ ba)" in listing
    assert "Trong Quý II năm 2026" in listing
    assert "Dự kiến ngày 08 tháng 10 năm 2024 (Thứ ba)" in detail.content.decode()
    assert quarterly.date_wording() == "Trong Quý II năm 2026"


# --- Services ---------------------------------------------------------------------------------
def _fields(**overrides) -> dict:
    fields = {"kind": Conference.Kind.ANNUAL_REVIEW, "title": "Tổng kết", "start_year": 2026}
    fields.update(overrides)
    return fields


def test_create_conference_refuses_organiser_user_is_not_staff_of(world):
    with pytest.raises(PermissionDeniedError) as exc:
        services.create_conference(
            organiser=world["office_a"], by=world["users"]["other_office"], **_fields()
        )

    assert exc.value.field == "organiser"
    assert not Conference.objects.filter(title="Tổng kết").exists()


def test_create_conference_refuses_organiser_that_is_not_a_committee(world):
    with pytest.raises(DomainError) as exc:
        services.create_conference(
            organiser=world["school"], by=world["users"]["staff"], **_fields()
        )

    assert exc.value.message == "Đơn vị tổ chức phải là Ủy ban nhân dân cấp tỉnh, huyện hoặc xã."
    assert not Conference.objects.filter(title="Tổng kết").exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "   "}, "title"),
        ({"start_year": 202}, "start_year"),
        ({"kind": "hop-chi-bo"}, "kind"),
        ({"date_precision": "quarter"}, "date"),
    ],
)
def test_create_conference_refuses_bad_values(world, overrides, field):
    with pytest.raises(DomainError) as exc:
        services.create_conference(
            organiser=world["office_a"], by=world["users"]["staff"], **_fields(**overrides)
        )

    assert exc.value.field == field
    assert not ActivityEntry.objects.filter(action="conference.created").exists()


def test_update_conference_refuses_move_to_other_office(world):
    conference = world["conference_a"]

    with pytest.raises(PermissionDeniedError):
        services.update_conference(
            conference=conference, by=world["users"]["staff"], organiser=world["office_b"]
        )

    conference.refresh_from_db()
    assert conference.organiser == world["office_a"]


def test_update_conference_refused_to_leader(world):
    conference = world["conference_a"]

    with pytest.raises(PermissionDeniedError):
        services.update_conference(conference=conference, by=world["users"]["leader"], venue="X")

    conference.refresh_from_db()
    assert conference.venue == ""


def test_update_conference_without_changes_logs_nothing(world):
    conference = world["conference_a"]

    services.update_conference(
        conference=conference,
        by=world["users"]["staff"],
        title=f" {conference.title} ",
        end_year=conference.end_year,
    )

    assert not _entries("conference.updated", conference)
