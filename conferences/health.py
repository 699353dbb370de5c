"""What /healthz checks: the database answers a query, the broker answers (Redis when
REDIS_URL is set, else the broker folder is writable) and the media folder is writable.
Each check raises on failure; `run_checks` turns that into a small report. Details go to
the log, never to the (public) answer."""

import logging
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)

REDIS_TIMEOUT_SECONDS = 2


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_broker() -> None:
    if settings.REDIS_URL:
        import redis

        client = redis.Redis.from_url(
            settings.REDIS_URL,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
        )
        try:
            client.ping()
        finally:
            client.close()
    else:
        check_writable(Path(settings.BROKER_DIR))


def check_media() -> None:
    check_writable(Path(settings.MEDIA_ROOT))


def check_writable(folder: Path) -> None:
    """A file can be written in `folder` and removed (a missing folder fails: a mount that
    went away is not silently replaced by an empty folder)."""
    if not folder.is_dir():
        raise FileNotFoundError(f"không có thư mục {folder}")
    probe = folder / f".healthz-{uuid.uuid4().hex}"
    try:
        probe.write_bytes(b"ok")
    finally:
        probe.unlink(missing_ok=True)


CHECKS: dict[str, tuple[Callable[[], None], str]] = {
    "database": (check_database, "Không truy vấn được cơ sở dữ liệu."),
    "broker": (check_broker, "Không kết nối được hàng đợi công việc (broker)."),
    "media": (check_media, "Không ghi được vào thư mục tệp (MEDIA_ROOT)."),
}


def _run(name: str, check: Callable[[], None], failure: str) -> dict:
    started = time.monotonic()
    try:
        check()
    except Exception as exc:  # any failure of a dependency is a failed check, not a 500
        logger.error("Kiểm tra /healthz: %s lỗi: %s: %s", name, type(exc).__name__, exc)
        return {"ok": False, "error": failure}
    return {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}


def run_checks() -> dict[str, dict]:
    return {name: _run(name, check, failure) for name, (check, failure) in CHECKS.items()}
