"""The register's Excel export at conference scale: 2,000 rows streamed onto a sheet named
in Vietnamese, with a constant number of queries."""

import io
from time import perf_counter

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from delegates.models import Delegate

pytestmark = pytest.mark.django_db
ROWS = 2000


def test_register_export_of_2000_delegates(client, setup):
    conference, category = setup["conference"], setup["category"]
    Delegate.objects.bulk_create(
        Delegate(
            conference=conference, category=category, unit=setup["school_a"],
            full_name=f"Nguyễn Văn Số {i:04d}", title="Ông", gender="male", birth_year=1980,
            source="unit", position="=Trưởng thôn" if i == 7 else "Trưởng thôn",
        )
        for i in range(ROWS)
    )  # fmt: skip
    client.force_login(setup["staff"])
    url = reverse("delegates_export", kwargs={"conference_pk": conference.pk})
    with CaptureQueriesContext(connection) as queries:
        started = perf_counter()
        response = client.get(url)
        seconds = perf_counter() - started
    print(f"register export of {ROWS} rows: {seconds:.2f} s, {len(queries)} queries")
    assert response.status_code == 200
    assert len(queries) < 20
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    assert book.sheetnames == ["Đại biểu"]
    rows = list(book.active.iter_rows(values_only=True))
    assert len(rows) == ROWS + 1
    assert rows[0][:3] == ("Thành phần", "Danh xưng", "Họ và tên")
    assert rows[1][2] == "Nguyễn Văn Số 0000" and rows[-1][2] == f"Nguyễn Văn Số {ROWS - 1:04d}"
    assert rows[8][6] == "=Trưởng thôn"  # formula-like text stays text
