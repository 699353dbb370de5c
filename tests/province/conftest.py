import pytest

from province.generator import generate_province


@pytest.fixture
def small_province(db):
    """12 communes, 2 years (2024-2025), 10 award lines per commune and year."""
    return generate_province(communes=12, years=2, lines_per_commune=10, prefix="TST")
