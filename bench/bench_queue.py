"""Fair work at the December peak: how long a plan's PDF takes from click to file while a large
certificate batch runs on the same machine.

Run: ``PYTHONPATH=. .venv/bin/python bench/bench_queue.py [--quick]``

On a PostgreSQL database (``BENCH_DATABASE_URL``, default ``postgres://postgres@127.0.0.1:5432``)
and the embedded broker in a temporary folder, the script makes an issued decision with 3,000
honourees (``--quick``: 600) and a plan. It asks for the certificates, waits until the batch is
rendering, then asks for the plan's PDF and times it until the file is ready:
- as deployed (README, "Workers"): one worker on ``default,documents`` and one on ``batches``;
- the baseline in the same run: one worker on every queue, as before batches had their own.
The output ends with ``plan_latency_during_batch_s`` (target: under 2 s), the baseline and their
ratio.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432")
DB_NAME = "thidua_bench_queue"


def setup(folder: Path) -> dict:
    import psycopg

    with psycopg.connect(f"{BASE_URL}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}"')
        connection.execute(f'CREATE DATABASE "{DB_NAME}"')
    env = {
        **os.environ,
        "DATABASE_URL": f"{BASE_URL}/{DB_NAME}",
        "REDIS_URL": "",
        "CELERY_BROKER_DIR": str(folder / "broker"),
        "MEDIA_ROOT": str(folder / "media"),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "PYTHONPATH": str(ROOT),
    }
    (folder / "media").mkdir()
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return env


def make_data(count: int):
    from conferences.models import Role
    from core.vntext import fold
    from honorees import services as honorees
    from honorees.models import Nomination
    from tests.factories import ConferenceFactory, UnitFactory, member
    from tests.honorees.factories import RoundFactory, award
    from tests.honorees.test_services import DECISION
    from tests.plans.factories import plan_for

    commune = UnitFactory(name="Ủy ban nhân dân xã Thử")
    school = UnitFactory(parent=commune, name="Trường Tiểu học Thử", kind="school")
    round = RoundFactory(conference=ConferenceFactory(organiser=commune))
    Nomination.objects.bulk_create(
        Nomination(
            round=round, unit=school, kind="individual", full_name=f"Nguyễn Văn Khen {i}",
            name_key=fold(f"Nguyễn Văn Khen {i}"), gender="male", birth_year=1980,
            achievement_summary="Hoàn thành xuất sắc nhiệm vụ.", proposed_award=award("gk-xa"),
            status="approved",
        )
        for i in range(count)
    )  # fmt: skip
    staff, leader = member(commune, Role.STAFF), member(commune, Role.LEADER)
    clerk = member(commune, Role.CLERK)
    decision = honorees.create_decision(round=round, by=staff, **DECISION)
    honorees.approve_decision(decision=decision, by=leader)
    honorees.issue_decision(decision=decision, by=clerk, date=decision.date)
    decision.refresh_from_db()
    plan = plan_for(ConferenceFactory(organiser=commune))
    return decision, staff, plan


def start(env: dict, queues: str, name: str) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queues,
         "--concurrency", "1", "-n", f"{name}@%h", "--loglevel", "WARNING",
         "--without-gossip", "--without-mingle"],
        cwd=ROOT, env=env,
    )  # fmt: skip


def wait(document, states: tuple[str, ...], timeout: float = 900) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        document.refresh_from_db()
        if document.status in states:
            return
        time.sleep(0.05)
    raise SystemExit(f"document {document.pk} still {document.status}")


def measure(env: dict, workers: list[tuple[str, str]], decision, staff, plan, run: int) -> float:
    from documents.models import GeneratedDocument
    from documents.services import request_document

    GeneratedDocument.objects.all().delete()
    processes = [start(env, queues, f"{name}{run}") for name, queues in workers]
    try:
        batch = request_document(kind="award_certificates", target=decision, fmt="pdf", by=staff)
        wait(batch, ("rendering", "ready"))
        began = time.monotonic()
        pdf = request_document(kind="plan", target=plan, fmt="pdf", by=staff)
        wait(pdf, ("ready", "failed"))
        latency = time.monotonic() - began
        assert pdf.status == "ready", pdf.error
        return latency
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    count = 600 if args.quick else 3000
    with tempfile.TemporaryDirectory() as folder:
        env = setup(Path(folder))
        decision, staff, plan = make_data(count)
        deployed = measure(
            env, [("main", "default,documents"), ("batches", "batches")], decision, staff, plan, 1
        )
        baseline = measure(env, [("all", "default,documents,batches")], decision, staff, plan, 2)
    print(f"certificates in the batch: {count}")
    print(f"plan_latency_during_batch_baseline_s {baseline:.2f} s (one worker on every queue)")
    print(f"plan_latency_during_batch_s {deployed:.2f} s (batches on their own worker)")
    print(f"plan_latency_speedup {baseline / deployed:.1f} x")


if __name__ == "__main__":
    main()
