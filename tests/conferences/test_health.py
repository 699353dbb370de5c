"""/healthz: the database, the broker and the media folder, each really broken (a closed
port, a missing or read-only folder), never mocked."""

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

# Asks /healthz through Django's test client in a fresh process configured by the environment.
PROBE = """
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
response = Client().get("/healthz")
print(response.status_code)
print(response.content.decode())
"""


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _probe(tmp_path, prefix: list[str] | None = None, **env_vars) -> tuple[int, dict]:
    media, broker = tmp_path / "media-sub", tmp_path / "broker-sub"
    media.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'probe.sqlite3'}",
        "REDIS_URL": "",
        "MEDIA_ROOT": str(media),
        "CELERY_BROKER_DIR": str(broker),
        **env_vars,
    }
    command = [*(prefix or []), sys.executable, "-c", PROBE]
    out = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    status, body = out.stdout.strip().split("\n", 1)
    return int(status), json.loads(body)


def _failed(body: dict) -> set[str]:
    return {name for name, check in body["checks"].items() if not check["ok"]}


def test_healthz_answers_200_when_everything_works(client):
    response = client.get(reverse("healthz"))

    body = response.json()
    assert response.status_code == 200 and body["status"] == "ok"
    assert set(body["checks"]) == {"database", "broker", "media"}
    assert _failed(body) == set()


def test_healthz_answers_503_with_the_database_unreachable(tmp_path):
    url = f"postgres://postgres@127.0.0.1:{_closed_port()}/thidua_khong_co"

    status, body = _probe(tmp_path, DATABASE_URL=url)

    assert status == 503 and body["status"] == "error"
    assert _failed(body) == {"database"}
    assert body["checks"]["database"]["error"] == "Không truy vấn được cơ sở dữ liệu."
    assert "127.0.0.1" not in json.dumps(body)  # no connection details in the public answer


def test_healthz_answers_503_with_the_media_folder_missing(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "gone"

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert _failed(response.json()) == {"media"}


def test_healthz_answers_503_with_the_media_folder_read_only(tmp_path):
    media = tmp_path / "media-sub"
    media.mkdir()
    if os.geteuid() == 0:
        # root writes through file modes: mount the folder read-only in a private namespace.
        if not shutil.which("unshare"):
            pytest.skip("unshare is not installed")
        script = 'mount --bind -o ro "$0" "$0" && exec "$@"'
        prefix = ["unshare", "--mount", "sh", "-c", script, str(media)]
    else:
        media.chmod(0o555)
        prefix = None

    status, body = _probe(tmp_path, prefix=prefix)

    assert status == 503 and _failed(body) == {"media"}
    assert list(media.iterdir()) == []  # the probe file left nothing behind


def test_healthz_answers_503_with_the_broker_folder_missing(client, settings, tmp_path):
    settings.REDIS_URL = ""
    settings.BROKER_DIR = tmp_path / "no-broker"

    response = client.get(reverse("healthz"))

    assert response.status_code == 503 and _failed(response.json()) == {"broker"}


def test_healthz_answers_503_with_redis_unreachable(client, settings):
    settings.REDIS_URL = f"redis://127.0.0.1:{_closed_port()}/12"

    response = client.get(reverse("healthz"))

    assert response.status_code == 503 and _failed(response.json()) == {"broker"}
