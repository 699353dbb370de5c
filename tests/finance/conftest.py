import pytest

from tests.reports.world import build


@pytest.fixture
def world_data(cast):
    return build(cast)
