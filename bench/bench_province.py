"""Benchmark of the province roll-up page.

Run: ``PYTHONPATH=. .venv/bin/python bench/bench_province.py [--quick]``

Sets up Django on a throw-away SQLite file and generates two provinces through
``province.generator``: the size the issue names (120 communes, 5 years, 420 award lines per
commune and year: about 50,000 lines a year) and a baseline of 12 communes with the same
years and lines per commune. The roll-up page (one year, then all five) and its Excel export
are requested through Django's test client as the province's staff; each figure is the median
of several requests after one warm-up. The ratio compares the large province with the
baseline measured in the same run. ``--quick`` uses 40 lines per commune and year. The
output ends with one ``<name> <value> <unit>`` line per figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parents[1]
YEARS = 5
LAST_YEAR = 2025


def setup_django(db_path: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def make_province(communes: int, lines: int, prefix: str):
    from conferences.models import Membership, Role, User
    from province.generator import generate_province

    started = perf_counter()
    result = generate_province(
        communes=communes, years=YEARS, lines_per_commune=lines, prefix=prefix
    )
    elapsed = perf_counter() - started
    user = User.objects.create_user(f"bench-{prefix.lower()}")
    Membership.objects.create(user=user, unit=result.province, role=Role.STAFF)
    print(f"# {prefix}: {communes} communes, {result.lines} award lines in {elapsed:.1f} s")
    return result, user


def time_get(user, url: str, repeat: int) -> tuple[float, float, int]:
    """Seconds of the first request (nothing cached), the median of `repeat` requests after
    it (the figures per conference cached), and the queries of the first."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    connection.queries_log.clear()  # each request resets the log; start from empty
    started = perf_counter()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    cold = perf_counter() - started
    assert response.status_code == 200, response.status_code
    times = []
    for _ in range(repeat):
        started = perf_counter()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        times.append(perf_counter() - started)
    return cold, statistics.median(times), len(ctx.captured_queries)


def measure(result, user, repeat: int) -> dict[str, float]:
    from django.urls import reverse

    page = reverse("province:rollup", args=[result.province.pk])
    export = reverse("province:rollup_export", args=[result.province.pk])
    one_year = f"?from_year={LAST_YEAR}&to_year={LAST_YEAR}"
    all_years = f"?from_year={LAST_YEAR - YEARS + 1}&to_year={LAST_YEAR}"
    year_cold, year_s, queries = time_get(user, page + one_year, repeat)
    all_cold, all_s, _ = time_get(user, page + all_years, repeat)
    _, export_s, _ = time_get(user, export + all_years, max(repeat // 2, 1))
    return {
        "year_cold": year_cold, "year": year_s, "all_cold": all_cold, "all": all_s,
        "export": export_s, "queries": queries,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="40 award lines per commune-year")
    parser.add_argument("--communes", type=int, default=120)
    parser.add_argument("--baseline-communes", type=int, default=12)
    args = parser.parse_args()
    lines = 40 if args.quick else 420
    repeat = 3 if args.quick else 5
    with tempfile.TemporaryDirectory() as folder:
        setup_django(os.path.join(folder, "bench.sqlite3"))
        base, base_user = make_province(args.baseline_communes, lines, "BASE")
        large, large_user = make_province(args.communes, lines, "LARGE")
        small = measure(base, base_user, repeat)
        big = measure(large, large_user, repeat)
    n, b = args.communes, args.baseline_communes
    print(f"province_rollup_{b}x{YEARS}_year_cold_ms {small['year_cold'] * 1000:.0f} ms")
    print(f"province_rollup_{b}x{YEARS}_year_ms {small['year'] * 1000:.0f} ms")
    print(f"province_rollup_{n}x{YEARS}_year_cold_ms {big['year_cold'] * 1000:.0f} ms")
    print(f"province_rollup_{n}x{YEARS}_year_ms {big['year'] * 1000:.0f} ms")
    print(f"province_rollup_{n}x{YEARS}_all_years_cold_ms {big['all_cold'] * 1000:.0f} ms")
    print(f"province_rollup_{n}x{YEARS}_all_years_ms {big['all'] * 1000:.0f} ms")
    print(f"province_rollup_{n}_vs_{b}_cold_ratio {big['year_cold'] / small['year_cold']:.2f} x")
    print(f"province_rollup_{n}_vs_{b}_ratio {big['year'] / small['year']:.2f} x")
    print(f"province_rollup_export_{n}x{YEARS}_ms {big['export'] * 1000:.0f} ms")
    print(f"province_rollup_queries_{b} {small['queries']} queries")
    print(f"province_rollup_queries_{n} {big['queries']} queries")
    print(f"province_award_lines_per_year {lines * n} lines")


if __name__ == "__main__":
    main()
