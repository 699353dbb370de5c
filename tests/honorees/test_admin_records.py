"""The council's and clearance's records are in the admin for the system administrator to read,
never to change (they change only through the product's services)."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
MODELS = (
    "councilsitting",
    "roundawardlimit",
    "councilresult",
    "eligibilityoverride",
    "clearancerequest",
    "clearanceanswer",
    "revocation",
    "verificationcode",
)


@pytest.mark.parametrize("model", MODELS)
def test_records_are_listed_and_cannot_be_added(client, model):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(reverse(f"admin:honorees_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:honorees_{model}_add")).status_code == 403
