"""Concurrent submissions against one quota (PostgreSQL: SQLite serialises all writers)."""

import threading

import pytest
from django.db import connection

from conferences.models import Role
from core.errors import DomainError
from honorees import services
from honorees.models import CouncilVote, Nomination, RoundAwardLimit
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import (
    NominationFactory,
    QuotaFactory,
    RoundFactory,
    award,
    sitting,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 50
QUOTA = 10


def _run_all(jobs):
    barrier = threading.Barrier(len(jobs))
    outcomes = []

    def worker(job):
        try:
            barrier.wait()
            job()
            outcomes.append("ok")
        except DomainError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


def test_submit_nomination_50_at_once_against_quota_10_accepts_exactly_10():
    commune = UnitFactory()
    school = UnitFactory(parent=commune, kind="school")
    round = RoundFactory(conference=ConferenceFactory(organiser=commune))
    QuotaFactory(round=round, unit=school, max_individuals=QUOTA)
    submitter = member(school, Role.SUBMITTER)
    drafts = [NominationFactory(round=round, unit=school) for _ in range(THREADS)]

    outcomes = _run_all(
        [lambda n=n: services.submit_nomination(nomination=n, by=submitter) for n in drafts]
    )

    assert outcomes.count("ok") == QUOTA
    assert outcomes.count("refused") == THREADS - QUOTA
    assert Nomination.objects.filter(status="submitted").count() == QUOTA


def test_same_nominee_sent_five_times_at_once_is_one_nomination():
    commune = UnitFactory()
    school = UnitFactory(parent=commune, kind="school")
    round = RoundFactory(conference=ConferenceFactory(organiser=commune))
    QuotaFactory(round=round, unit=school, max_individuals=QUOTA)
    submitter = member(school, Role.SUBMITTER)
    fields = {
        "full_name": "Phạm Thị Mai",
        "gender": "female",
        "birth_year": 1985,
        "achievement_summary": "Giáo viên dạy giỏi.",
        "proposed_award": award("gk-xa"),
    }

    outcomes = _run_all(
        [
            lambda: services.create_nomination(
                round=round, unit=school, kind="individual", by=submitter, **fields
            )
            for _ in range(5)
        ]
    )

    assert sorted(outcomes) == ["ok"] + ["refused"] * 4
    assert Nomination.objects.filter(full_name="Phạm Thị Mai").count() == 1


def test_two_offices_deciding_one_tied_place_at_once_approve_one():
    """Two nominees tied for the last place (the chair agreed with both): two staff approve one
    each, with a reason, at the same moment; the round's lock lets one through."""
    commune = UnitFactory()
    round = RoundFactory(conference=ConferenceFactory(organiser=commune))
    members = [member(commune, Role.COUNCIL) for _ in range(3)]
    sitting(round, members)
    RoundAwardLimit.objects.create(round=round, award_form=award("gk-xa"), seats=1)
    tied = [NominationFactory(round=round, status="submitted") for _ in range(2)]
    for nomination in tied:
        for voter in members:
            CouncilVote.objects.create(nomination=nomination, member=voter, choice="agree")
    staff = [member(commune, Role.STAFF) for _ in range(2)]

    outcomes = _run_all(
        [
            lambda n=n, by=by: services.finalise_nomination(
                nomination=n, by=by, outcome="approved", comment="Thành tích nổi bật hơn"
            )
            for n, by in zip(tied, staff, strict=True)
        ]
    )

    assert sorted(outcomes) == ["ok", "refused"]
    assert Nomination.objects.filter(round=round, status="approved").count() == 1
