"""A unit's delegate list from Excel: all or nothing, errors by row and column, seats kept."""

from io import BytesIO

import openpyxl
import pytest
from django.urls import reverse

from delegates import services
from delegates.models import Delegate
from delegates.resources import DelegateResource

pytestmark = pytest.mark.django_db

HEADERS = [
    "Thành phần",
    "Danh xưng",
    "Họ và tên",
    "Giới tính",
    "Năm sinh",
    "Dân tộc",
    "Chức vụ",
    "Lĩnh vực",
    "Trực tiếp sản xuất",
    "Số điện thoại",
]


def _xlsx(*rows, headers=HEADERS) -> bytes:
    book = openpyxl.Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(list(row))
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _row(
    name="Nguyễn Văn An",
    category="Đại biểu cơ sở",
    gender="Nam",
    year=1980,
    sector="Kinh tế",
    producer="Có",
):
    return [category, "", name, gender, year, "", "Nông dân", sector, producer, "0912345678"]


def _import(s, data, dry_run=False):
    return services.import_unit_delegates(
        conference=s["conference"],
        unit=s["school_a"],
        data=data,
        by=s["submitter_a"],
        dry_run=dry_run,
    )


def test_import_adds_rows_with_values(setup):
    report = _import(
        setup, _xlsx(_row(), _row("Trần Thị Bình", gender="Nữ", sector="", producer=""))
    )
    assert report.ok and report.new == 2
    a, b = Delegate.objects.order_by("id")
    assert (a.title, a.sector, a.works_directly_in_production, a.ethnicity, a.phone, a.unit) == (
        "Ông",
        "economy",
        True,
        "Kinh",
        "0912345678",
        setup["school_a"],
    )
    assert (b.title, b.gender, b.sector, b.works_directly_in_production) == (
        "Bà",
        "female",
        "",
        False,
    )


def test_import_dry_run_writes_nothing(setup):
    report = _import(setup, _xlsx(_row()), dry_run=True)
    assert report.ok and Delegate.objects.count() == 0


def test_import_over_allocation_refuses_whole_file(setup):
    report = _import(setup, _xlsx(_row("Một"), _row("Hai"), _row("Ba")))
    assert not report.ok
    assert [str(e) for e in report.errors] == [
        "Dòng 4, cột “Thành phần”: Đơn vị đã đủ 2/2 đại biểu được phân bổ cho “Đại biểu cơ sở”."
    ]
    assert Delegate.objects.count() == 0


def test_import_row_and_column_errors_in_vietnamese(setup):
    report = _import(
        setup,
        _xlsx(_row(name=""), _row(category="Khách mời"), _row(gender="Khác"), _row(year="năm")),
    )
    messages = [str(e) for e in report.errors]
    assert "Dòng 2, cột “Họ và tên”: Hãy ghi họ và tên." in messages
    assert "Dòng 3, cột “Thành phần”: Hội nghị không có thành phần “Khách mời”." in messages
    assert any(m.startswith("Dòng 4, cột “Giới tính”: “Khác” không hợp lệ") for m in messages)
    assert "Dòng 5, cột “Năm sinh”: Năm sinh phải là số, ví dụ 1980." in messages
    assert Delegate.objects.count() == 0


def test_import_missing_column_refused(setup):
    from core.errors import DomainError

    with pytest.raises(DomainError, match="Tệp thiếu cột: “Giới tính”"):
        _import(setup, _xlsx(["Đại biểu cơ sở", "A"], headers=["Thành phần", "Họ và tên"]))


def test_template_has_the_import_columns():
    dataset = DelegateResource().export(queryset=Delegate.objects.none())
    assert dataset.headers == HEADERS


def test_import_view_preview_then_confirm(client, setup):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(setup["submitter_a"])
    url = reverse(
        "delegates_unit_import",
        kwargs={"conference_pk": setup["conference"].pk, "unit_pk": setup["school_a"].pk},
    )
    upload = lambda: SimpleUploadedFile("ds.xlsx", _xlsx(_row()))  # noqa: E731
    preview = client.post(url, {"file": upload(), "preview": "1"})
    assert "Tệp hợp lệ: 1 đại biểu" in preview.content.decode()
    assert Delegate.objects.count() == 0
    response = client.post(url, {"file": upload(), "confirm": "1"})
    assert response.status_code == 302 and Delegate.objects.count() == 1


def _import_url(setup):
    return reverse(
        "delegates_unit_import",
        kwargs={"conference_pk": setup["conference"].pk, "unit_pk": setup["school_a"].pk},
    )


def test_checked_file_shows_its_rows_and_is_written_without_choosing_it_again(client, setup):
    """The check shows the file's rows as a table and keeps the file: "Ghi vào hệ thống"
    writes it once; a second click writes nothing more; another user cannot write it."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.models import ImportJob

    client.force_login(setup["submitter_a"])
    data = _xlsx(_row("Nguyễn Văn An"), _row("Trần Thị Bình", gender="Nữ"))
    preview = client.post(_import_url(setup), {"file": SimpleUploadedFile("ds.xlsx", data)})
    html = preview.content.decode()
    assert 'data-testid="import-table"' in html
    assert html.index("Nguyễn Văn An") < html.index("Trần Thị Bình")
    job = ImportJob.objects.get(status=ImportJob.Status.CHECKED)
    write = reverse("import_held_write", args=[job.pk])
    assert write in html and Delegate.objects.count() == 0

    client.force_login(setup["submitter_b"])
    assert client.post(write).status_code == 404
    assert Delegate.objects.count() == 0

    client.force_login(setup["submitter_a"])
    done = client.post(write)
    assert done["Location"] == reverse(
        "delegates_unit",
        kwargs={"conference_pk": setup["conference"].pk, "unit_pk": setup["school_a"].pk},
    )
    assert sorted(Delegate.objects.values_list("full_name", flat=True)) == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
    ]
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and not job.file
    client.post(write)
    assert Delegate.objects.count() == 2


def test_checked_file_with_errors_marks_its_rows_and_keeps_nothing(client, setup):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.models import ImportJob

    client.force_login(setup["submitter_a"])
    data = _xlsx(_row("Nguyễn Văn An"), _row("Lê Văn Cường", gender="Không rõ"))
    html = client.post(
        _import_url(setup), {"file": SimpleUploadedFile("ds.xlsx", data)}
    ).content.decode()
    assert 'data-testid="import-table"' in html and 'data-testid="import-held"' not in html
    marked = html[html.index("Lê Văn Cường") :]
    assert "table-danger" in html[: html.index("Lê Văn Cường")].rsplit("<tr", 1)[1]
    assert "Giới tính" in marked[: marked.index("</tr>", marked.index("</tr>") + 1)]
    assert not ImportJob.objects.exists()


def test_checked_file_refused_when_the_seats_filled_in_between(client, setup):
    """Checked against the seats left; meanwhile the unit filled them by hand: writing the
    kept file checks again and writes nothing."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.models import ImportJob

    client.force_login(setup["submitter_a"])
    data = _xlsx(_row("Nguyễn Văn An"), _row("Trần Thị Bình", gender="Nữ"))
    client.post(_import_url(setup), {"file": SimpleUploadedFile("ds.xlsx", data)})
    job = ImportJob.objects.get(status=ImportJob.Status.CHECKED)
    _import(setup, _xlsx(_row("Phạm Văn Dũng"), _row("Hoàng Văn Em")))
    response = client.post(reverse("import_held_write", args=[job.pk]))
    assert response["Location"] == reverse("import_job", args=[job.pk])
    assert set(Delegate.objects.values_list("full_name", flat=True)) == {
        "Phạm Văn Dũng",
        "Hoàng Văn Em",
    }
    job.refresh_from_db()
    assert job.status == ImportJob.Status.REFUSED
