import pytest
from django.conf import settings

from config.celery import app as celery_app

# Fast hashing in tests; real hashing is Django's default everywhere else.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The shared cast (`cast`, and `world` for the older tests): tests/cast.py.
pytest_plugins = ["tests.cast"]


@pytest.fixture(autouse=True, scope="session")
def _celery_eager_for_unit_tests():
    """Unit tests run tasks in-process; the worker suite's `celery_worker` fixture turns this
    off and runs a real worker process."""
    celery_app.conf.update(task_always_eager=True, task_eager_propagates=True)
    yield


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()


@pytest.fixture(autouse=True)
def _cache_per_test(request, settings, tmp_path):
    """A fresh cache for each test: rate-limit counters never leak between tests or runs.
    Not for the worker suite: a real worker process and the test must share the cache (the
    import jobs' progress goes through it)."""
    if request.node.get_closest_marker("worker"):
        return
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": str(tmp_path),
        }
    }


def pytest_collection_modifyitems(items):
    """Transactional tests (concurrency, worker, browser) end with a flush that also removes
    the catalogues seeded by data migrations (award forms, prize rules, duty templates).
    Django's serialized rollback puts them back at the start of each such test."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = (marker and marker.kwargs.get("transaction")) or (
            "transactional_db" in getattr(item, "fixturenames", ())
            or "live_server" in getattr(item, "fixturenames", ())
        )
        if transactional:
            kwargs = {
                **(marker.kwargs if marker else {}),
                "transaction": True,
                "serialized_rollback": True,
            }
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)
