"""Benchmark of the Excel imports: the unit tree and the nominations list.

Run: ``PYTHONPATH=. .venv/bin/python bench/bench_import.py [--units N] [--nominations M]
[--baseline-rows B] [--quick]``

Sets up Django on a throw-away SQLite file (DEBUG off, as in production). Units: an N-row
workbook (20,000 by default: communes under a province, villages under each commune, parents
defined in the same file) imported as a dry run (the preview) and for real; the baseline, in
the same run, adds B units one by one through the unit form's service (create_unit).
Nominations: an M-row list (5,000 by default) imported as a dry run and for real; the
baseline submits B rows one by one through the form's services (create_nomination +
submit_nomination). Each speed-up compares rows per second. The reading of the workbook
(openpyxl) is part of every import figure and is also given on its own. The output ends with
one ``<name> <value> <unit>`` line per figure.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from io import BytesIO
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parents[1]
VILLAGES_PER_COMMUNE = 99


def setup_django(db_path: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.DEBUG = False  # no query log: the worker runs without it
    call_command("migrate", verbosity=0)


def timed(action) -> tuple[float, object]:
    started = perf_counter()
    result = action()
    return perf_counter() - started, result


# --- Units ------------------------------------------------------------------------------------
def unit_workbook(count: int, prefix: str, root_code: str) -> bytes:
    import openpyxl

    from conferences.resources import UNIT_COLUMNS

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(UNIT_COLUMNS)
    commune = ""
    for i in range(count):
        if i % (VILLAGES_PER_COMMUNE + 1) == 0:
            commune = f"{prefix}X{i}"
            sheet.append([commune, f"Ủy ban nhân dân xã Đo {i}", "", "Xã, phường, đặc khu",
                          root_code, "Có"])  # fmt: skip
        else:
            sheet.append([f"{commune}-{i}", f"Thôn Đo số {i}", "", "Thôn, tổ dân phố", commune,
                          "Có"])  # fmt: skip
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def bench_units(rows: int, baseline_rows: int) -> list[str]:
    from conferences import services
    from conferences.models import Unit, User
    from core.importing import read_xlsx

    root = Unit.objects.add_root(instance=Unit(name="Tỉnh Đo", code="BENCH", kind="province"))
    user = User.objects.create_user("bench-units", is_superuser=True)
    data = unit_workbook(rows, "U", root.code)
    read, _ = timed(lambda: read_xlsx(data))
    dry, report = timed(lambda: services.import_units(data=data, by=user, dry_run=True))
    assert report.ok and report.new == rows, report.errors[:3]
    real, report = timed(lambda: services.import_units(data=data, by=user, dry_run=False))
    assert report.ok and Unit.objects.count() == rows + 1, report.errors[:3]
    base = one_unit_at_a_time(root, user, baseline_rows)
    rate, base_rate = rows / real, baseline_rows / base
    return [
        f"units_read_xlsx_{rows}_s {read:.2f} s",
        f"units_import_dry_run_{rows}_s {dry:.2f} s",
        f"units_import_{rows}_s {real:.2f} s",
        f"units_import_rows_per_s {rate:.0f} rows/s",
        f"units_one_by_one_{baseline_rows}_s {base:.2f} s",
        f"units_one_by_one_rows_per_s {base_rate:.0f} rows/s",
        f"units_import_speedup {rate / base_rate:.1f} x",
    ]


def one_unit_at_a_time(root, user, count: int) -> float:
    """The baseline: each unit through create_unit, as the unit form adds it."""
    from conferences.services import create_unit

    def add_all():
        parent = None
        for i in range(count):
            if i % (VILLAGES_PER_COMMUNE + 1) == 0:
                parent = create_unit(parent=root, by=user, name=f"Xã mẫu {i}", code=f"BX{i}",
                                     kind="commune")  # fmt: skip
            else:
                create_unit(parent=parent, by=user, name=f"Thôn mẫu {i}", code=f"BX{i}",
                            kind="village")  # fmt: skip

    elapsed, _ = timed(add_all)
    return elapsed


# --- Nominations ------------------------------------------------------------------------------
def make_round(quota: int):
    from django.utils import timezone

    from conferences.models import Conference, Membership, Role, Unit, User
    from honorees.models import AwardForm, NominationRound, RoundQuota

    commune = Unit.objects.add_root(
        instance=Unit(name="UBND xã Đo", code="BENCH-N", kind="commune")
    )
    units = [
        Unit.objects.add_child(
            commune, instance=Unit(name=f"Đơn vị {i}", code=f"BN{i}", kind="school")
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
    user = User.objects.create_user("bench-nominations")
    for unit in units:
        RoundQuota.objects.create(round=round, unit=unit, max_individuals=quota)
        Membership.objects.create(user=user, unit=unit, role=Role.SUBMITTER)
    return round, units, user


def build_rows(count: int, prefix: str) -> list[dict]:
    from tests.honorees.xlsx import person_row

    return [person_row(i, **{"Họ và tên": f"{prefix} Văn Đo {i}"}) for i in range(1, count + 1)]


def bench_nominations(rows: int, baseline_rows: int) -> list[str]:
    from honorees.services import import_nominations
    from tests.honorees.xlsx import workbook

    round, (unit, other), user = make_round(quota=rows + baseline_rows)
    data = workbook(build_rows(rows, "Nguyễn"))

    def run(dry_run: bool):
        return import_nominations(round=round, unit=unit, data=data, by=user, dry_run=dry_run)

    dry, report = timed(lambda: run(True))
    assert report.ok, report.errors[:3]
    real, report = timed(lambda: run(False))
    assert report.ok and report.new == rows, report.errors[:3]
    base = one_nomination_at_a_time(round, other, user, build_rows(baseline_rows, "Trần"))
    rate, base_rate = rows / real, baseline_rows / base
    return [
        f"nominations_import_dry_run_{rows}_s {dry:.2f} s",
        f"nominations_import_{rows}_s {real:.2f} s",
        f"nominations_import_rows_per_s {rate:.0f} rows/s",
        f"nominations_one_by_one_{baseline_rows}_s {base:.2f} s",
        f"nominations_one_by_one_rows_per_s {base_rate:.0f} rows/s",
        f"nominations_import_speedup {rate / base_rate:.1f} x",
    ]


def one_nomination_at_a_time(round, unit, user, rows: list[dict]) -> float:
    from honorees.models import AwardForm
    from honorees.services import create_nomination, submit_nomination

    award = AwardForm.objects.get(code="gk-xa")

    def submit_all():
        for row in rows:
            nomination = create_nomination(
                round=round, unit=unit, kind="individual", by=user, full_name=row["Họ và tên"],
                birth_year=row["Năm sinh"], gender="male",
                achievement_summary=row["Tóm tắt thành tích"], proposed_award=award,
            )  # fmt: skip
            submit_nomination(nomination=nomination, by=user)

    elapsed, _ = timed(submit_all)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=20000)
    parser.add_argument("--nominations", type=int, default=5000)
    parser.add_argument("--baseline-rows", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="2,000 units, 500 nominees, 100")
    args = parser.parse_args()
    if args.quick:
        args.units, args.nominations, args.baseline_rows = 2000, 500, 100
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(f"# {os.cpu_count()} CPU cores, load average {load:.1f} at the start")
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(str(Path(tmp) / "bench.sqlite3"))
        lines = bench_units(args.units, args.baseline_rows)
        lines += bench_nominations(args.nominations, args.baseline_rows)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
