import pytest
from django.conf import settings

from config.celery import app as celery_app

# Fast hashing in tests; real hashing is Django's default everywhere else.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

pytest_plugins = ["tests.authz"]


@pytest.fixture(autouse=True, scope="session")
def _celery_eager_for_unit_tests():
    """Unit tests run tasks in-process; the worker suite's `celery_worker` fixture turns this
    off and runs a real worker process."""
    celery_app.conf.update(task_always_eager=True, task_eager_propagates=True)
    yield


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
