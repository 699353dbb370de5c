"""The demo seeder: idempotent, the Thượng Hồng police reporter sees tasks."""

from io import StringIO
from unittest.mock import patch

import pytest
from django.core.management import call_command

from assignments.demo import seed_demo_assignments
from assignments.models import Assignment, Duty, Milestone
from assignments.selectors import my_open_duties
from conferences.models import User

pytestmark = pytest.mark.django_db


def _seed() -> None:
    """The base demo world plus this app's seeder only (other apps' seeders are theirs to test)."""
    with patch(
        "conferences.management.commands.seed_demo.demo_seeders",
        return_value=[seed_demo_assignments],
    ):
        call_command("seed_demo", "--quiet-logins", stdout=StringIO())


def _counts():
    return (Assignment.objects.count(), Duty.objects.count(), Milestone.objects.count())


def test_seed_demo_assignments_twice_creates_no_duplicates():
    _seed()
    first = _counts()
    _seed()
    assert _counts() == first
    assert first[0] == 10 + 3 + 5


def test_seed_demo_congan_has_open_duties():
    _seed()
    congan = User.objects.get(username="congan")

    duties = my_open_duties(congan)

    assert len(duties) >= 3
    assert {d.assignment.unit.code for d in duties} == {"HP-TH-CA"}
