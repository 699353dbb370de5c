"""The production path: static files collected with DEBUG=false and served by WhiteNoise."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from django.conf import settings as django_settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.urls import reverse

from config.settings import Env
from tests.factories import UserFactory

STATIC_LINK = re.compile(r'(?:href|src)="(/static/[^"]+)"')
HASHED = re.compile(r"\.[0-9a-f]{12}\.\w+$")
SOURCE_MAP = re.compile(r"sourceMappingURL=(\S+?)(?:\s|\*/|$)")


def _collect_static_as_in_production(settings, root: Path) -> None:
    settings.DEBUG = False
    settings.STATIC_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": django_settings.PRODUCTION_STATIC_STORAGE},
    }
    # The gzip/brotli copies take most of collectstatic's time and rename nothing; the CI
    # production stage makes them. Every other step (hashing, the strict manifest) runs.
    settings.WHITENOISE_SKIP_COMPRESS_EXTENSIONS = sorted(
        {Path(path).suffix.lstrip(".") for finder in get_finders() for path, _ in finder.list([])}
    )
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.mark.django_db
def test_collectstatic_debug_off_pages_link_hashed_files_all_served(client, settings, tmp_path):
    _collect_static_as_in_production(settings, tmp_path / "static")
    client.force_login(UserFactory())

    html = client.get(reverse("home")).content.decode()

    links = STATIC_LINK.findall(html)
    assert any("bootstrap.bundle.min" in link for link in links)
    assert all(HASHED.search(link) for link in links), links
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, link
        if "/vendor/bootstrap/" in link:
            # Bootstrap's files name their source maps; browsers' developer tools fetch them.
            body = b"".join(response.streaming_content).decode()
            source_map = urljoin(link, SOURCE_MAP.search(body).group(1))
            assert HASHED.search(source_map), source_map
            assert client.get(source_map).status_code == 200, source_map


# --- manage.py check --deploy -------------------------------------------------------------------
def _check_deploy(**variables: str) -> subprocess.CompletedProcess:
    """`manage.py check --deploy` in a fresh process with the given environment, on top of
    ours without any variable that configures security."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(SECURITY_VARIABLES)}
    env.update(variables)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


# Ours, and Django's own (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process).
SECURITY_VARIABLES = (
    "DEBUG",
    "SECRET_KEY",
    "SECURE_",
    "BEHIND_TLS_PROXY",
    "ALLOWED_HOSTS",
    "DJANGO_",
)
# The variables README's "Production deployment" sets (step 2); the others as .env.example
# leaves them: set to nothing, which means their default.
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "thidua.example.gov.vn",
    "BEHIND_TLS_PROXY": "true",
    "SECURE_COOKIES": "",
    "SECURE_HSTS_SECONDS": "",
}


def test_check_deploy_production_variables_report_nothing():
    result = _check_deploy(**PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stderr


def test_check_deploy_each_insecure_override_is_reported():
    insecure = {"BEHIND_TLS_PROXY": "false", "SECURE_COOKIES": "false", "SECURE_HSTS_SECONDS": "0"}
    result = _check_deploy(**{**PRODUCTION, **insecure})

    assert result.returncode != 0
    # No redirect to HTTPS and no proxy doing it; no HSTS; session and CSRF cookies over HTTP.
    for warning in ("security.W008", "security.W004", "security.W012", "security.W016"):
        assert warning in result.stderr


def test_env_variable_set_to_nothing_takes_its_default(monkeypatch):
    monkeypatch.setenv("THIDUA_TEST_FLAG", "")
    monkeypatch.setenv("THIDUA_TEST_FOLDER", "")
    monkeypatch.setenv("THIDUA_TEST_SECONDS", "")
    env = Env()

    assert env.bool("THIDUA_TEST_FLAG", default=True) is True
    assert env.str("THIDUA_TEST_FOLDER", default="var/static") == "var/static"
    assert env.int("THIDUA_TEST_SECONDS", default=60) == 60
    assert os.environ["THIDUA_TEST_FLAG"] == ""


def test_env_variable_set_to_a_value_keeps_it(monkeypatch):
    monkeypatch.setenv("THIDUA_TEST_FLAG", "false")

    assert Env().bool("THIDUA_TEST_FLAG", default=True) is False
