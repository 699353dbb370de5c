"""On PostgreSQL the register's name order is Python's (name_sort_key), whatever the
collation: the column is COLLATE "C", and its digits-only values sort the same under the
locales a server may run with (ICU's root, Vietnamese, Danish with its "aa", Czech with its
"ch")."""

import random

import pytest
from django.db import connection

from core.vntext import name_sort_key
from delegates import selectors
from delegates.models import Delegate, Source
from tests.core.test_sorting import FIXED, _name
from tests.delegates.factories import CategoryFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

COLLATIONS = ["C", "POSIX", "und-x-icu", "vi-x-icu", "en-x-icu", "da-x-icu", "cs-x-icu"]


@pytest.fixture
def register():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run by .ci/run)")
    category = CategoryFactory()
    rng = random.Random(11)
    names = FIXED + [_name(rng) for _ in range(1500)]
    rows = [
        Delegate(
            conference=category.conference, category=category, full_name=name,
            source=Source.GUEST,
        )
        for name in names
    ]  # fmt: skip
    delegates = Delegate.objects.bulk_create(rows)
    expected = [d.pk for d in sorted(delegates, key=lambda d: (name_sort_key(d.full_name), d.pk))]
    return category.conference, expected


def test_register_order_on_postgresql_is_the_python_order(register):
    conference, expected = register
    shown = list(selectors.register(conference, sort="ten").values_list("pk", flat=True))
    assert shown == expected
    backwards = selectors.register(conference, sort="-ten").values_list("pk", flat=True)
    assert list(backwards) == expected[::-1]


def test_sort_key_column_is_collate_c():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT collation_name FROM information_schema.columns"
            " WHERE table_name = 'delegates_delegate' AND column_name = 'sort_key'"
        )
        assert cursor.fetchone() == ("C",)


def test_the_keys_sort_the_same_under_other_collations(register):
    conference, expected = register
    with connection.cursor() as cursor:
        cursor.execute("SELECT collname FROM pg_collation WHERE collname = ANY(%s)", [COLLATIONS])
        available = [row[0] for row in cursor.fetchall()]
        assert "C" in available
        for collation in available:
            cursor.execute(
                f"SELECT id FROM delegates_delegate WHERE conference_id = %s"  # noqa: S608
                f' ORDER BY sort_key COLLATE "{collation}", id',
                [conference.pk],
            )
            assert [row[0] for row in cursor.fetchall()] == expected, collation
