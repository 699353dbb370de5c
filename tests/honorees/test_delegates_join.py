import pytest

from delegates.models import Delegate
from honorees import services
from honorees.models import Nomination
from tests.honorees.test_services import _submitted

pytestmark = pytest.mark.django_db


def _approve(office, nomination):
    for member in office["council"]:
        services.cast_vote(nomination=nomination, by=member, choice="agree")
    services.finalise_nomination(nomination=nomination, by=office["staff"], outcome="approved")


def test_approved_honouree_joins_the_delegate_register_once(office):
    n = _submitted(office)
    Nomination.objects.filter(pk=n.pk).update(sector="culture", gender="female", birth_year=1980)
    n.refresh_from_db()
    _approve(office, n)

    delegate = Delegate.objects.get(source_key=f"honorees.nomination:{n.pk}")
    assert delegate.conference == office["round"].conference
    assert delegate.full_name == n.full_name and delegate.source == "honoree"
    assert delegate.category.is_honoree_category
    assert delegate.sector == "culture" and delegate.title == "Bà" and delegate.birth_year == 1980
    assert Delegate.objects.filter(source_key=f"honorees.nomination:{n.pk}").count() == 1


def test_rejected_or_returned_nomination_does_not_join(office):
    n = _submitted(office)
    services.finalise_nomination(nomination=n, by=office["staff"], outcome="rejected")
    m = _submitted(office)
    services.finalise_nomination(
        nomination=m, by=office["staff"], outcome="returned", comment="Bổ sung thành tích"
    )
    assert not Delegate.objects.exists()
