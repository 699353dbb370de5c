import pytest

from tests.ceremony.factories import make_issued


@pytest.fixture
def issued(cast):
    return make_issued(cast)
