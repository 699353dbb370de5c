"""Decisions signed before the văn thư's path become issued: the signer's time stands for the
issue, a typed "số sổ vàng" that is a number is kept, lines without one are numbered 1..n in the
list's order, and each line records the rule and base its prize came from."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

# The decision branch before its last steps, with the council's and eligibility's branches
# (merged later) left as they are.
BEFORE = [
    ("honorees", "0011_prize_base_series"),
    ("honorees", "0010_merge"),
    ("conferences", "0007_merge"),
]
AFTER = [("honorees", "0013_backfill_issued_lines")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _signed_decision(apps, code: str, names: list[tuple[str, str]], typed: list[str]):
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
    signed = dt.datetime(2025, 8, 15, 9, tzinfo=dt.UTC)
    decision = apps.get_model("honorees", "AwardDecision").objects.create(
        round=round, status="signed", number=4, signed_at=signed, date=dt.date(2025, 8, 15),
        place="A", subject="Về việc", authority="CHỦ TỊCH", legal_bases="Căn cứ",
        proposing_body="Phòng", signer_name="Trần B",
    )  # fmt: skip
    form = apps.get_model("honorees", "AwardForm").objects.get(code="gk-xa")
    Nomination = apps.get_model("honorees", "Nomination")
    for (kind, name), gold in zip(names, typed, strict=True):
        nomination = Nomination.objects.create(
            round=round, unit=unit, kind=kind, status="awarded", proposed_award=form,
            achievement_summary="…", name_key=name.lower(),
            **({"collective_name": name} if kind == "collective" else {"full_name": name}),
        )  # fmt: skip
        decision.lines.create(
            nomination=nomination, award_form=form, amount=710_000, gold_book_number=gold
        )
    return decision.pk


def test_signed_decisions_become_issued_with_gold_book_and_prize_record():
    try:
        apps = _migrate(BEFORE)
        untyped = _signed_decision(
            apps, "A1", [("individual", "Trần Văn Bình"), ("collective", "Tổ Toán"),
                         ("individual", "Nguyễn Thị An")], ["", "", ""],
        )  # fmt: skip
        typed = _signed_decision(apps, "B1", [("individual", "Lê Văn Cường")], ["125"])

        apps = _migrate(AFTER)
        Decision = apps.get_model("honorees", "AwardDecision")
        decision = Decision.objects.get(pk=untyped)
        assert (decision.status, decision.issued_at) == ("issued", decision.signed_at)
        lines = decision.lines.order_by("gold_book_number")
        assert [
            (line.gold_book_number, line.nomination.full_name or line.nomination.collective_name)
            for line in lines
        ] == [(1, "Tổ Toán"), (2, "Nguyễn Thị An"), (3, "Trần Văn Bình")]
        first = lines.filter(nomination__kind="individual").first()
        assert (first.coefficient, first.base_amount, first.base_series, first.rule_set) == (
            Decimal("0.30"), 2_340_000, "Lương cơ sở", "Nghị định 152/2025/NĐ-CP",
        )  # fmt: skip
        kept = Decision.objects.get(pk=typed).lines.get()
        assert kept.gold_book_number == 125
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
