"""One-time form tokens (conferences.idempotency): the work runs once per token, a failed
attempt does not use the token up, and two requests at the same moment still run it once."""

import threading

import pytest
from django.db import connection
from django.test import RequestFactory

from conferences.idempotency import new_token, submit_once
from conferences.models import ActivityEntry, FormSubmission
from conferences.services import log_activity
from core.errors import DomainError
from tests.factories import UnitFactory, UserFactory


def _request(user, token):
    request = RequestFactory().post("/", {"form_token": token} if token is not None else {})
    request.user = user
    return request


def _work(unit):
    def work() -> str:
        log_activity(actor=None, action="test.once", summary="x", target=unit, scope_unit=unit)
        return "/xong/"

    return work


@pytest.mark.django_db
def test_submit_once_runs_the_work_once_per_token():
    user, unit, token = UserFactory(), UnitFactory(), new_token()

    first = submit_once(_request(user, token), _work(unit))
    second = submit_once(_request(user, token), _work(unit))
    other = submit_once(_request(user, new_token()), _work(unit))

    assert first == ("/xong/", False) and second == ("/xong/", True) and other[1] is False
    assert ActivityEntry.objects.filter(action="test.once").count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("token", [None, "", "ngắn", "x" * 65, "a b c d e f g h i j k"])
def test_submit_once_without_a_proper_token_just_runs(token):
    user, unit = UserFactory(), UnitFactory()

    assert submit_once(_request(user, token), _work(unit)) == ("/xong/", False)
    assert submit_once(_request(user, token), _work(unit)) == ("/xong/", False)
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_submit_once_failed_work_leaves_the_token_unused():
    user, unit, token = UserFactory(), UnitFactory(), new_token()

    def refused() -> str:
        _work(unit)()
        raise DomainError("Không được.")

    with pytest.raises(DomainError):
        submit_once(_request(user, token), refused)

    assert not ActivityEntry.objects.filter(action="test.once").exists()
    assert submit_once(_request(user, token), _work(unit)) == ("/xong/", False)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_submit_once_five_requests_at_the_same_moment_run_the_work_once():
    user, unit, token = UserFactory(), UnitFactory(), new_token()
    barrier, outcomes = threading.Barrier(5), []

    def click():
        try:
            barrier.wait()
            outcomes.append(submit_once(_request(user, token), _work(unit)))
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert sorted(outcomes) == [("/xong/", False)] + [("/xong/", True)] * 4
    assert ActivityEntry.objects.filter(action="test.once").count() == 1
