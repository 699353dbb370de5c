"""A real Celery worker process on the real broker (Redis in CI), reading and writing the
test database. Tests that use it must be transactional so the worker sees their rows."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from config.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[2]


def _database_url() -> str:
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("the worker suite needs DATABASE_URL pointing at PostgreSQL")
    user = db.get("USER") or "postgres"
    host = db.get("HOST") or "127.0.0.1"
    return f"postgres://{user}@{host}:{db.get('PORT') or 5432}/{connection.settings_dict['NAME']}"


def _wait_until_ready(process, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"worker exited with {process.returncode}")
        if celery_app.control.ping(timeout=0.5):
            return
    raise TimeoutError("worker did not answer a ping")


@pytest.fixture
def worker_env(tmp_path, transactional_db) -> dict:
    if not settings.REDIS_URL:
        pytest.skip("the worker suite needs REDIS_URL")
    celery_app.conf.update(task_always_eager=False)
    env = {**os.environ, "DATABASE_URL": _database_url(), "PYTHONPATH": str(ROOT)}
    env["EMAIL_URL"] = f"filemail:///{tmp_path / 'mail'}"
    env["MEDIA_ROOT"] = str(settings.MEDIA_ROOT)
    # SIGTERM stops a worker the way production's does: running tasks get the soft
    # shutdown timeout, then go back to the queue (see README, "Production deployment").
    env["REMAP_SIGTERM"] = "SIGQUIT"
    yield env
    celery_app.conf.update(task_always_eager=True)


def start_worker(
    env: dict, *extra: str, queues: str = "default,documents,batches"
) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "-Q",
        queues,
        "--loglevel",
        "INFO",
        "--without-gossip",
        "--without-mingle",
        *extra,
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
    _wait_until_ready(process)
    return process


def stop_worker(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def celery_worker(worker_env):
    celery_app.control.purge()
    process = start_worker(worker_env, "--concurrency", "2")
    yield process
    stop_worker(process)
