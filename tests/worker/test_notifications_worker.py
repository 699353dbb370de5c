import email
import time
from email import policy
from pathlib import Path

import pytest

from core.notifications import notify
from tests.factories import UserFactory

pytestmark = pytest.mark.worker


def _read_mails(folder: Path) -> list[email.message.EmailMessage]:
    mails = []
    for path in sorted(folder.glob("*.log")) if folder.exists() else []:
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                mails.append(email.message_from_bytes(chunk.strip(), policy=policy.default))
    return mails


def _wait_for_mails(folder: Path, count: int, timeout: float = 30) -> list:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        mails = _read_mails(folder)
        if len(mails) >= count:
            return mails
        time.sleep(0.2)
    return _read_mails(folder)


def test_worker_delivers_notification_through_the_broker(celery_worker, worker_env):
    reader = UserFactory(email="canbo@example.test", full_name="Nguyễn Thị Hà")
    UserFactory(email="")  # no address: nothing is sent to them

    notify(
        users=[reader],
        subject="Kế hoạch đã được duyệt",
        body="Kế hoạch số 330/KH-UBND đã được duyệt.",
    )

    folder = Path(worker_env["EMAIL_URL"].removeprefix("filemail://"))
    mails = _wait_for_mails(folder, 1)
    assert len(mails) == 1
    assert mails[0]["To"] == "canbo@example.test"
    assert "Kế hoạch đã được duyệt" in mails[0]["Subject"]
    assert "330/KH-UBND" in mails[0].get_content()
