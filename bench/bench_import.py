"""Benchmark of the nominations Excel import.

Run: ``PYTHONPATH=. .venv/bin/python bench/bench_import.py [--rows N] [--baseline-rows M]``

Sets up Django on a throw-away SQLite file, builds an N-row workbook (5,000 by default) and
times the dry run (preview) and the real import. The baseline, in the same run, submits M rows
one by one through the web-form services (create_nomination + submit_nomination); the speed-up
compares rows per second. The output ends with one ``<name> <value> <unit>`` line per figure.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parents[1]


def setup_django(db_path: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def make_world(quota: int):
    from django.utils import timezone

    from conferences.models import Conference, Membership, Role, Unit, User
    from honorees.models import AwardForm, NominationRound, RoundQuota

    commune = Unit.objects.add_root(instance=Unit(name="UBND xã Đo", code="BENCH", kind="commune"))
    units = [
        Unit.objects.add_child(
            commune, instance=Unit(name=f"Đơn vị {i}", code=f"B{i}", kind="school")
        )
        for i in range(2)
    ]
    conference = Conference.objects.create(
        organiser=commune, kind="exemplar", title="Hội nghị đo", start_year=2025, end_year=2030
    )
    round = NominationRound.objects.create(
        conference=conference, title="Đợt đo", deadline=timezone.now() + timezone.timedelta(days=9)
    )
    round.allowed_forms.set(AwardForm.objects.filter(code="gk-xa"))
    user = User.objects.create_user("bench")
    for unit in units:
        RoundQuota.objects.create(round=round, unit=unit, max_individuals=quota)
        Membership.objects.create(user=user, unit=unit, role=Role.SUBMITTER)
    return round, units, user


def build_rows(count: int, prefix: str) -> list[dict]:
    from tests.honorees.xlsx import person_row

    return [person_row(i, **{"Họ và tên": f"{prefix} Văn Đo {i}"}) for i in range(1, count + 1)]


def time_import(round, unit, user, data: bytes, *, dry_run: bool) -> float:
    from honorees.services import import_nominations

    started = perf_counter()
    result = import_nominations(round=round, unit=unit, data=data, by=user, dry_run=dry_run)
    elapsed = perf_counter() - started
    assert result.report.ok, result.report.errors[:3]
    return elapsed


def time_one_by_one(round, unit, user, rows: list[dict]) -> float:
    from honorees.models import AwardForm
    from honorees.services import create_nomination, submit_nomination

    award = AwardForm.objects.get(code="gk-xa")
    started = perf_counter()
    for row in rows:
        nomination = create_nomination(
            round=round, unit=unit, kind="individual", by=user, full_name=row["Họ và tên"],
            birth_year=row["Năm sinh"], gender="male", achievement_summary=row["Tóm tắt thành tích"],
            proposed_award=award,
        )  # fmt: skip
        submit_nomination(nomination=nomination, by=user)
    return perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--baseline-rows", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="500 rows against 100")
    args = parser.parse_args()
    if args.quick:
        args.rows, args.baseline_rows = 500, 100
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(str(Path(tmp) / "bench.sqlite3"))
        from tests.honorees.xlsx import workbook

        round, (unit, other), user = make_world(quota=args.rows + args.baseline_rows)
        data = workbook(build_rows(args.rows, "Nguyễn"))
        dry = time_import(round, unit, user, data, dry_run=True)
        real = time_import(round, unit, user, data, dry_run=False)
        base = time_one_by_one(round, other, user, build_rows(args.baseline_rows, "Trần"))
    rate, base_rate = args.rows / real, args.baseline_rows / base
    print(f"nominations_import_dry_run_{args.rows}_s {dry:.2f} s")
    print(f"nominations_import_{args.rows}_s {real:.2f} s")
    print(f"nominations_import_rows_per_s {rate:.0f} rows/s")
    print(f"nominations_one_by_one_{args.baseline_rows}_s {base:.2f} s")
    print(f"nominations_one_by_one_rows_per_s {base_rate:.0f} rows/s")
    print(f"nominations_import_speedup {rate / base_rate:.1f} x")


if __name__ == "__main__":
    main()
