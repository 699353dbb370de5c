"""Decisions issued before verification codes get theirs from the data migration: one for the
decision and one per line, random and unique; drafts get none."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from honorees.models.verification import CODE_ALPHABET, CODE_LENGTH

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("honorees", "0015_verification")]
AFTER = [("honorees", "0016_backfill_verification_codes")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _decision(apps, code: str, status: str, names: list[str]) -> int:
    Unit = apps.get_model("conferences", "Unit")
    unit = Unit.objects.create(
        path=f"{code:0>4}"[:4], depth=1, name=f"Ủy ban nhân dân xã {code}", code=code,
        kind="commune",
    )  # fmt: skip
    conference = apps.get_model("conferences", "Conference").objects.create(
        organiser=unit, kind="good_deeds", title="Hội nghị", start_year=2025, end_year=2025
    )
    round = apps.get_model("honorees", "NominationRound").objects.create(
        conference=conference, title="Đợt", deadline=dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    )
    when = dt.datetime(2025, 8, 15, 9, tzinfo=dt.UTC)
    issued = status == "issued"
    decision = apps.get_model("honorees", "AwardDecision").objects.create(
        round=round, status=status, number=4 if issued else None, signed_at=when if issued else None,
        issued_at=when if issued else None, date=dt.date(2025, 8, 15), place="A", subject="Về việc",
        authority="CHỦ TỊCH", legal_bases="Căn cứ", proposing_body="Phòng", signer_name="Trần B",
    )  # fmt: skip
    form = apps.get_model("honorees", "AwardForm").objects.get(code="gk-xa")
    Nomination = apps.get_model("honorees", "Nomination")
    for number, name in enumerate(names, start=1):
        nomination = Nomination.objects.create(
            round=round, unit=unit, kind="individual", status="awarded" if issued else "approved",
            proposed_award=form, achievement_summary="…", name_key=name.lower(), full_name=name,
        )  # fmt: skip
        decision.lines.create(nomination=nomination, award_form=form, gold_book_number=number)
    return decision.pk


def test_issued_decisions_get_their_codes():
    apps = _migrate(BEFORE)
    issued = _decision(apps, "91", "issued", ["Nguyễn Văn A", "Trần Thị B"])
    draft = _decision(apps, "92", "draft", ["Lê Văn C"])
    apps = _migrate(AFTER)
    Code = apps.get_model("honorees", "VerificationCode")
    codes = list(Code.objects.filter(decision_id=issued))
    assert sorted(c.line_id is None for c in codes) == [False, False, True]
    assert all(len(c.code) == CODE_LENGTH and set(c.code) <= set(CODE_ALPHABET) for c in codes)
    assert len({c.code for c in codes}) == 3
    assert not Code.objects.filter(decision_id=draft).exists()
