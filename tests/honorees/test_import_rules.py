"""The nomination form and the Excel import refuse the same nominee with the same words: both
call the rule functions of honorees/services/nominations.py. Each test makes one rule fail,
sends the person through the form and through the import, and compares the messages."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conferences.models import ActivityEntry
from honorees import services
from honorees.models import Nomination, NominationEvent, NominationRound
from tests.honorees.factories import NominationFactory, award
from tests.honorees.xlsx import person_row, workbook

S = Nomination.Status


def _form(client, office, **values):
    """The individual form, "Lưu và gửi" pressed: returns the page (refused) or None."""
    client.force_login(office["submitter"])
    url = reverse(
        "honorees:nomination_create",
        kwargs={"pk": office["round"].pk, "unit_pk": office["school"].pk, "kind": "individual"},
    )
    data = {
        "full_name": "Phạm Thị Mai", "gender": "female", "birth_year": 1985,
        "achievement_summary": "Giáo viên dạy giỏi.", "proposed_award": award("gk-xa").pk,
        "submit": "1", **values,
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 200, "the form should have been refused"
    return response.content.decode()


def _import(office, **cells):
    row = person_row(1, **{"Họ và tên": "Phạm Thị Mai", "Năm sinh": 1985, **cells})
    return services.import_nominations(
        round=office["round"], unit=office["school"], data=workbook([row]),
        by=office["submitter"], dry_run=False,
    )  # fmt: skip


def test_over_quota_refused_by_form_and_import_alike(client, office):
    for _ in range(3):  # the school's quota is 3 individuals
        NominationFactory(round=office["round"], unit=office["school"], status=S.SUBMITTED)

    [error] = _import(office).errors
    page = _form(client, office)

    assert error.message == (
        "Vượt chỉ tiêu: đơn vị được đề nghị tối đa 3 cá nhân; hồ sơ này là cá nhân thứ 4."
    )
    assert (error.row, error.column) == (2, "")
    assert error.message in page
    assert Nomination.objects.filter(status=S.SUBMITTED).count() == 3


def test_after_deadline_refused_by_form_and_import_alike(client, office):
    NominationRound.objects.filter(pk=office["round"].pk).update(
        deadline=timezone.make_aware(dt.datetime(2025, 3, 10, 17, 0))
    )
    office["round"].refresh_from_db()
    expected = (
        "Đã quá hạn gửi hồ sơ (17:00 ngày 10/03/2025). "
        "Hãy liên hệ cơ quan thường trực để được gia hạn."
    )

    page = _form(client, office)
    import_page = client.post(
        reverse("honorees:nomination_import",
                kwargs={"pk": office["round"].pk, "unit_pk": office["school"].pk}),
        {"file": SimpleUploadedFile("ds.xlsx", workbook([person_row(1)])), "confirm": "1"},
    )  # fmt: skip

    assert expected in page
    assert expected in import_page.content.decode()
    assert not Nomination.objects.filter(status=S.SUBMITTED).exists()


def test_duplicate_person_refused_by_form_and_import_alike(client, office):
    NominationFactory(round=office["round"], unit=office["village"], full_name="Phạm Thị Mai",
                      birth_year=1985, status=S.SUBMITTED)  # fmt: skip
    expected = "“Phạm Thị Mai” đã được đề nghị trong đợt này (đơn vị Thôn Đông)."

    [error] = _import(office, **{"Họ và tên": "PHAM THI MAI"}).errors
    page = _form(client, office, full_name="Phạm Thị  Mai")

    assert (str(error), expected in page) == (f"Dòng 2, cột “Họ và tên”: {expected}", True)
    assert Nomination.objects.filter(unit=office["school"]).count() == 0


def test_missing_gender_refused_by_import_as_the_form_requires_it(office):
    [error] = _import(office, **{"Giới tính (Nam/Nữ)": None}).errors

    assert str(error) == "Dòng 2, cột “Giới tính (Nam/Nữ)”: Chưa ghi giới tính."


def test_import_writes_through_submit_new_nominations(office):
    report = _import(office)

    assert report.ok, report.errors
    nomination = Nomination.objects.get()
    assert (nomination.status, nomination.created_by) == (S.SUBMITTED, office["submitter"])
    event = NominationEvent.objects.get(nomination=nomination)
    assert (event.from_status, event.to_status, event.comment) == (
        S.DRAFT, S.SUBMITTED, "Nhập từ Excel",
    )  # fmt: skip
    [entry] = ActivityEntry.objects.filter(action="nomination.imported")
    assert entry.summary == f"{office['school'].name} gửi 1 hồ sơ"


def _submit_many(office, count: int) -> int:
    nominations = [
        services.nominations.new_nomination(
            round=office["round"], unit=office["school"], kind="individual", by=office["submitter"],
            full_name=f"Người số {i}", gender="male", birth_year=1980,
            achievement_summary="Tốt.", proposed_award=award("gk-xa"),
        )
        for i in range(count)
    ]  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        services.submit_new_nominations(
            round=office["round"], unit=office["school"], by=office["submitter"],
            nominations=nominations, comment="",
        )  # fmt: skip
    return len(queries)


def test_submit_new_nominations_queries_do_not_grow_with_the_list(office):
    office["quota"].max_individuals = 50
    office["quota"].save()

    _submit_many(office, 1)  # content types cached
    Nomination.objects.all().delete()
    one = _submit_many(office, 1)
    Nomination.objects.all().delete()
    thirty = _submit_many(office, 30)  # one INSERT: SQLite takes 999 values a statement

    assert one == thirty
    assert Nomination.objects.filter(status=S.SUBMITTED).count() == 30


def test_large_list_is_checked_then_sent_by_the_worker(
    client, office, settings, django_capture_on_commit_callbacks
):
    from core.models import ImportJob

    settings.IMPORT_BACKGROUND_ROWS = 2
    office["quota"].max_individuals = 5
    office["quota"].save()
    client.force_login(office["submitter"])
    url = reverse("honorees:nomination_import",
                  kwargs={"pk": office["round"].pk, "unit_pk": office["school"].pk})  # fmt: skip
    upload = SimpleUploadedFile("ds.xlsx", workbook([person_row(i) for i in range(1, 5)]))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"file": upload, "preview": "1"})
    job = ImportJob.objects.get()
    page = client.get(response.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("import_job_run", args=[job.pk]))

    assert "Tệp hợp lệ: 4 dòng — 4 cá nhân, 0 tập thể." in page
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert Nomination.objects.filter(status=S.SUBMITTED, unit=office["school"]).count() == 4
    done = client.get(response.url).content.decode()
    unit_page = reverse("honorees:unit_round",
                        kwargs={"pk": office["round"].pk, "unit_pk": office["school"].pk})  # fmt: skip
    assert f'href="{unit_page}"' in done
