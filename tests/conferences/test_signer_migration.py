"""The migrations that give plans and decisions the signer block's fields turn the lines typed
before ("TM." + "ỦY BAN NHÂN DÂN" + "CHỦ TỊCH", "KT. CHỦ TỊCH" + "PHÓ CHỦ TỊCH") into them."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # Going back past three merged branches makes SQLite rebuild tables from a state that
    # mixes the branches (a known limit of Django's backward migrations on SQLite, not of
    # the forward path users run); PostgreSQL alters in place, so the PG suite runs it.
    pytest.mark.skipif(
        connection.vendor == "sqlite", reason="backward migrations across merges: PostgreSQL"
    ),
]

BEFORE = [("conferences", "0003_unit_official_code"), ("honorees", "0003_move_number_register")]
AFTER = [("conferences", "0004_signer_block"), ("honorees", "0004_signer_block")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _conference(apps, code: str):
    Unit = apps.get_model("conferences", "Unit")
    unit = Unit.objects.create(
        path=f"{code:0>4}"[:4],
        depth=1,
        name=f"Ủy ban nhân dân xã {code}",
        code=code,
        kind="commune",
    )
    return apps.get_model("conferences", "Conference").objects.create(
        organiser=unit, kind="good_deeds", title="Hội nghị", start_year=2026, end_year=2026
    )


def test_old_signer_lines_become_block_fields():
    try:
        apps = _migrate(BEFORE)
        Plan = apps.get_model("conferences", "Plan")
        plan = Plan.objects.create(
            conference=_conference(apps, "A1"), issuing_body="UBND", place="A", subject="X",
            signer_authority="TM.", signer_on_behalf="ỦY BAN NHÂN DÂN", signer_title="CHỦ TỊCH",
        )  # fmt: skip
        deputy = Plan.objects.create(
            conference=_conference(apps, "B1"), issuing_body="UBND", place="B", subject="X",
            signer_authority="KT.", signer_on_behalf="CHỦ TỊCH", signer_title="PHÓ CHỦ TỊCH",
        )  # fmt: skip
        Round = apps.get_model("honorees", "NominationRound")
        round = Round.objects.create(
            conference=plan.conference, title="Đợt", deadline=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        )
        decision = apps.get_model("honorees", "AwardDecision").objects.create(
            round=round, date=dt.date(2026, 1, 2), place="A", subject="Về việc", authority="CHỦ TỊCH",
            legal_bases="Căn cứ", proposing_body="Phòng", signer_authority="KT. CHỦ TỊCH",
            signer_title="PHÓ CHỦ TỊCH", signer_name="Trần B",
        )  # fmt: skip

        apps = _migrate(AFTER)
        Plan = apps.get_model("conferences", "Plan")
        fields = ("signer_body", "signer_capacity", "signer_head_title", "signer_title")
        assert Plan.objects.values_list(*fields).get(pk=plan.pk) == (
            "ỦY BAN NHÂN DÂN", "", "CHỦ TỊCH", "",
        )  # fmt: skip
        assert Plan.objects.values_list(*fields).get(pk=deputy.pk) == (
            "", "KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH",
        )  # fmt: skip
        Decision = apps.get_model("honorees", "AwardDecision")
        assert Decision.objects.values_list(*fields).get(pk=decision.pk) == (
            "", "KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH",
        )  # fmt: skip
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
