"""A province's board (more duties than BOARD_OPEN_DUTIES) opens each agency's duty list on
demand: the page stays small, an opened list stays open for the user through the board's
changes, and a small board still shows every duty."""

import pytest
from django.urls import reverse

from assignments.models import Duty
from assignments.views.office import BOARD_OPEN_DUTIES
from tests.assignments.factories import AssignmentFactory, DutyFactory

pytestmark = pytest.mark.django_db


def _board(cast, duties_each: int, agencies: int = 3):
    conference = cast["conference_a"]
    assignments = [AssignmentFactory(conference=conference) for _ in range(agencies)]
    for assignment in assignments:
        Duty.objects.bulk_create(
            Duty(assignment=assignment, order=i, text=f"Việc {assignment.pk}-{i}.")
            for i in range(duties_each)
        )
    return conference, assignments


def _get_board(client, conference):
    return client.get(reverse("assignment_board", kwargs={"conference_pk": conference.pk}))


def test_large_board_opens_lists_on_demand_and_keeps_them_open(cast, client):
    client.force_login(cast["users"]["staff"])
    per = BOARD_OPEN_DUTIES // 2
    conference, (first, second, third) = _board(cast, per)
    page = _get_board(client, conference).content.decode()
    assert 'data-testid="duty"' not in page
    assert page.count('data-testid="open-duties"') == 3
    assert f"Xem {per} nhiệm vụ" in page

    opened = client.get(reverse("assignment_duties", args=[second.pk]), HTTP_HX_REQUEST="true")
    assert opened.content.decode().count('data-testid="duty"') == per
    # A change on the board (HTMX) answers with the board: the opened list is still open.
    duty = second.duties.order_by("order").first()
    moved = client.post(reverse("duty_move", args=[duty.pk, "down"]), HTTP_HX_REQUEST="true")
    body = moved.content.decode()
    assert body.count('data-testid="duty"') == per
    assert f"Việc {second.pk}-0." in body and f"Việc {first.pk}-0." not in body
    # Creating a duty opens its list too; closing one closes it for the next visit.
    client.post(
        reverse("duty_create", args=[third.pk]),
        {"text": "Việc mới của cơ quan thứ ba.", "deadline_kind": "none"},
        HTTP_HX_REQUEST="true",
    )
    client.get(reverse("assignment_duties", args=[second.pk]) + "?an=1", HTTP_HX_REQUEST="true")
    page = _get_board(client, conference).content.decode()
    assert "Việc mới của cơ quan thứ ba." in page
    assert f"Việc {second.pk}-0." not in page


def test_small_board_shows_every_duty(cast, client):
    client.force_login(cast["users"]["staff"])
    conference, _assignments = _board(cast, 3)
    DutyFactory(assignment=_assignments[0], text="Một việc nữa.")
    page = _get_board(client, conference).content.decode()
    assert page.count('data-testid="duty"') == 10
    assert 'data-testid="open-duties"' not in page


def test_an_agency_cannot_open_another_conference_list(cast, client):
    _conference, (assignment, *_rest) = _board(cast, 1, agencies=1)
    client.force_login(cast["users"]["other_office"])
    assert client.get(reverse("assignment_duties", args=[assignment.pk])).status_code == 404


def test_a_list_opened_as_a_page_opens_the_board_with_it(cast, client):
    client.force_login(cast["users"]["staff"])
    conference, (first, *_rest) = _board(cast, BOARD_OPEN_DUTIES)
    response = client.get(reverse("assignment_duties", args=[first.pk]))
    board = reverse("assignment_board", kwargs={"conference_pk": conference.pk})
    assert response["Location"] == f"{board}#assignment-{first.pk}"
    assert f"Việc {first.pk}-0." in client.get(board).content.decode()
