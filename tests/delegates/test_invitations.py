"""The invitation builder: who is invited, and a PDF with one page per delegate."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from documents.builders import get_builder
from documents.builders.invitations import InvitationBuilder
from tests.delegates.factories import DelegateFactory

pytestmark = pytest.mark.django_db


def test_invitation_builder_registered_and_collects(setup):
    s = setup
    s["conference"].venue = "Hội trường xã"
    DelegateFactory(
        category=s["category"],
        full_name="Nguyễn Văn An",
        position="Hiệu trưởng",
        unit=s["school_a"],
        unit_name="Trường A",
    )
    DelegateFactory(category=s["category"], full_name="Lê Thị Bình", invitation_status="declined")
    builder = get_builder("delegate_invitations")
    assert isinstance(builder, InvitationBuilder)
    assert builder.can_request(s["staff"], s["conference"]) and not builder.can_request(
        s["leader"], s["conference"]
    )
    payload = builder.collect(s["conference"], {})
    assert [p["invitee"] for p in payload["people"]] == ["Ông Nguyễn Văn An, Hiệu trưởng, Trường A"]
    assert builder.missing(payload) == []


def test_invitation_builder_renders_a_page_per_delegate(setup):
    s = setup
    s["conference"].venue = "Hội trường xã"
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        DelegateFactory(category=s["category"], full_name=name)
    builder = InvitationBuilder()
    rendered = builder.render(builder.collect(s["conference"], {}), "pdf", lambda done, total: None)
    reader = PdfReader(BytesIO(rendered.content))
    assert len(reader.pages) == 2
    assert "Trần Thị Bình" in reader.pages[1].extract_text()


def _printed_header(conference) -> str:
    builder = InvitationBuilder()
    rendered = builder.render(builder.collect(conference, {}), "pdf", lambda done, total: None)
    return PdfReader(BytesIO(rendered.content)).pages[0].extract_text()


def _invitable(s, date):
    conference = s["conference"]
    conference.venue = "Hội trường xã"
    conference.date = date
    conference.date_precision = conference.DatePrecision.DAY if date else conference.date_precision
    conference.save()
    DelegateFactory(category=s["category"], full_name="Nguyễn Văn An")
    return conference


def test_invitation_prints_blank_day_of_the_month_before_the_conference(setup):
    """Unset, the date line is the month before the conference (never the month of
    printing), the day left for the signer: a 10 January 2027 conference prints December."""
    import datetime as dt

    conference = _invitable(setup, dt.date(2027, 1, 10))
    place = conference.organiser.place_name
    text = _printed_header(conference)
    assert f"{place}, ngày tháng 12 năm 2026" in " ".join(text.split())


def test_invitation_prints_the_place_and_date_the_office_chose(setup, client):
    """The office sets place and date on the invitations page; the printed line follows it,
    the day blank or written as chosen."""
    import datetime as dt

    from django.urls import reverse

    from delegates.models import DelegateRound

    conference = _invitable(setup, dt.date(2027, 1, 10))
    client.force_login(setup["staff"])
    url = reverse("delegates_invitation_date", args=[conference.pk])
    response = client.post(
        url, {"invitation_place": "Thanh Trì", "invitation_date": "2027-01-03"}
    )  # the box "để trống ngày" unticked: the day is written
    assert response.status_code == 302
    delegate_round = DelegateRound.objects.get(conference=conference)
    assert (delegate_round.invitation_date, delegate_round.invitation_day_blank) == (
        dt.date(2027, 1, 3),
        False,
    )
    text = " ".join(_printed_header(conference).split())
    assert "Thanh Trì, ngày 03 tháng 01 năm 2027" in text

    client.post(
        url,
        {
            "invitation_place": "",
            "invitation_date": "2026-12-20",
            "invitation_day_blank": "on",
        },
    )
    text = " ".join(_printed_header(conference).split())
    assert f"{conference.organiser.place_name}, ngày tháng 12 năm 2026" in text
    page = client.get(reverse("delegates_invitations", args=[conference.pk])).content.decode()
    assert "ngày    tháng 12 năm 2026" in page


def test_invitation_of_an_undated_conference_leaves_the_whole_date_to_the_signer(setup):
    conference = _invitable(setup, None)
    conference.refresh_from_db()
    assert conference.date is None
    text = " ".join(_printed_header(conference).split())
    assert "ngày tháng năm" in text
