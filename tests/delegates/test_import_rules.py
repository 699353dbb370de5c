"""The unit's delegate form and the Excel import refuse the same person with the same words
(the seat rule of allocation.py), and the import writes through add_delegates."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conferences.models import ActivityEntry
from delegates import services
from delegates.models import Delegate
from tests.delegates.factories import DelegateFactory
from tests.delegates.test_import import _import, _row, _xlsx

pytestmark = pytest.mark.django_db


def test_no_seat_left_refused_by_form_and_import_alike(client, setup):
    DelegateFactory(category=setup["category"], unit=setup["school_a"])
    DelegateFactory(category=setup["category"], unit=setup["school_a"])  # 2 seats, both taken
    expected = "Đơn vị đã đủ 2/2 đại biểu được phân bổ cho “Đại biểu cơ sở”."
    client.force_login(setup["submitter_a"])

    page = client.post(
        reverse("delegates_unit", kwargs={"conference_pk": setup["conference"].pk,
                                          "unit_pk": setup["school_a"].pk}),
        {"category": setup["category"].pk, "full_name": "Người Thứ Ba", "gender": "male",
         "birth_year": "1980", "ethnicity": "Kinh"},
    )  # fmt: skip
    [error] = _import(setup, _xlsx(_row("Người Thứ Ba"))).errors

    assert expected in page.content.decode()
    assert str(error) == f"Dòng 2, cột “Thành phần”: {expected}"
    assert Delegate.objects.count() == 2


def test_category_without_seats_refused_by_service_and_import_alike(setup):
    from core.errors import DomainError
    from tests.delegates.factories import CategoryFactory

    guests = CategoryFactory(conference=setup["conference"], title="Khách mời")
    with pytest.raises(DomainError) as refused:
        services.add_delegate(conference=setup["conference"], category=guests,
                              unit=setup["school_a"], by=setup["submitter_a"],
                              full_name="Khách", gender="male")  # fmt: skip
    [error] = _import(setup, _xlsx(_row("Khách", category="Khách mời"))).errors

    assert (error.column, error.message) == ("Thành phần", refused.value.message)


def test_import_writes_through_add_delegates(setup):
    report = _import(setup, _xlsx(_row("Nguyễn Văn An"), _row("Trần Thị Bình", gender="Nữ")))

    assert report.ok, report.errors
    added = ActivityEntry.objects.filter(action="delegate.added").order_by("id")
    assert [e.object_repr for e in added] == ["Ông Nguyễn Văn An", "Bà Trần Thị Bình"]
    assert set(Delegate.objects.values_list("unit_name", flat=True)) == {setup["school_a"].name}


def _add(setup, count: int) -> int:
    people = [(setup["category"], {"full_name": f"Người {i}", "gender": "male"})
              for i in range(count)]  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        services.add_delegates(conference=setup["conference"], unit=setup["school_a"],
                               by=setup["submitter_a"], people=people)  # fmt: skip
    return len(queries)


def test_add_delegates_queries_do_not_grow_with_the_list(setup):
    setup["allocation"].seats = 20
    setup["allocation"].save()

    _add(setup, 1)  # content types cached
    one = _add(setup, 1)
    twelve = _add(setup, 12)

    assert one == twelve
    assert Delegate.objects.count() == 14


def test_large_list_over_the_seats_is_refused_by_the_worker(
    client, setup, settings, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.models import ImportJob

    settings.IMPORT_BACKGROUND_ROWS = 2
    client.force_login(setup["submitter_a"])
    url = reverse("delegates_unit_import", kwargs={"conference_pk": setup["conference"].pk,
                                                   "unit_pk": setup["school_a"].pk})  # fmt: skip
    data = _xlsx(_row("Một"), _row("Hai"), _row("Ba"))  # 2 seats

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"file": SimpleUploadedFile("ds.xlsx", data), "confirm": "1"})

    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.REFUSED
    page = client.get(response.url).content.decode()
    assert "Dòng 4, cột “Thành phần”: Đơn vị đã đủ 2/2 đại biểu" in page
    assert Delegate.objects.count() == 0
