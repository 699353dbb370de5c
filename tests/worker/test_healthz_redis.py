"""/healthz against the real Redis broker of the worker suite."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = [pytest.mark.worker, pytest.mark.django_db]


def test_healthz_reports_redis_broker_up(client):
    if not settings.REDIS_URL:
        pytest.skip("the worker suite needs REDIS_URL")

    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json()["checks"]["broker"]["ok"] is True
