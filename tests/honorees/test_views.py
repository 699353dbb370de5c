from io import BytesIO

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conferences.models import Role
from core.extensions import home_items
from honorees import services
from honorees.models import Nomination
from tests.files import pdf_bytes
from tests.honorees.factories import DecisionFactory, NominationFactory, award
from tests.honorees.test_services import DECISION
from tests.honorees.xlsx import person_row, workbook

S = Nomination.Status


def _make(office, count, **kw):
    for _ in range(count):
        NominationFactory(round=office["round"], unit=office["school"], **kw)


def test_unit_page_shows_quota_left_and_deadline(client, office):
    _make(office, 1, status=S.SUBMITTED)
    client.force_login(office["submitter"])
    url = reverse(
        "honorees:unit_round", kwargs={"pk": office["round"].pk, "unit_pk": office["school"].pk}
    )
    html = client.get(url).content.decode()
    assert "Còn 2" in html and "Đã gửi 1 / chỉ tiêu 3" in html
    assert "data-countdown" in html


def _individual_post(**extra):
    return {
        "full_name": "Phạm Thị Mai", "gender": "female", "birth_year": 1985,
        "achievement_summary": "Giáo viên dạy giỏi.", "proposed_award": award("gk-xa").pk,
        "submit": "1", **extra,
    }  # fmt: skip


def test_nomination_create_and_submit_by_form(client, office):
    client.force_login(office["submitter"])
    url = reverse(
        "honorees:nomination_create",
        kwargs={"pk": office["round"].pk, "unit_pk": office["school"].pk, "kind": "individual"},
    )
    dossier = SimpleUploadedFile("hs.pdf", pdf_bytes(), content_type="application/pdf")
    response = client.post(url, _individual_post(dossier=dossier))
    assert response.status_code == 302
    n = Nomination.objects.get()
    assert (n.full_name, n.status) == ("Phạm Thị Mai", S.SUBMITTED)
    assert n.dossier.name.endswith(".pdf")


def test_nomination_create_rejects_disguised_dossier(client, office):
    client.force_login(office["submitter"])
    url = reverse(
        "honorees:nomination_create",
        kwargs={"pk": office["round"].pk, "unit_pk": office["school"].pk, "kind": "individual"},
    )
    fake = SimpleUploadedFile("hs.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(url, _individual_post(dossier=fake))
    assert response.status_code == 200
    assert "không phải PDF hoặc DOCX" in response.content.decode()
    assert Nomination.objects.count() == 0


def test_nomination_import_view_previews_then_confirms(client, office):
    client.force_login(office["submitter"])
    url = reverse(
        "honorees:nomination_import",
        kwargs={"pk": office["round"].pk, "unit_pk": office["school"].pk},
    )
    data = workbook([person_row(1), person_row(2)])
    preview = client.post(url, {"file": SimpleUploadedFile("ds.xlsx", data), "preview": "1"})
    assert "2 cá nhân" in preview.content.decode()
    assert Nomination.objects.count() == 0
    done = client.post(url, {"file": SimpleUploadedFile("ds.xlsx", data), "confirm": "1"})
    assert done.status_code == 302
    assert Nomination.objects.filter(status=S.SUBMITTED).count() == 2


def test_round_export_keeps_formula_text_as_text(client, office):
    NominationFactory(round=office["round"], unit=office["school"], status=S.SUBMITTED,
                      full_name="=HYPERLINK(\"http://x\")")  # fmt: skip
    client.force_login(office["staff"])
    response = client.get(reverse("honorees:round_export", kwargs={"pk": office["round"].pk}))
    sheet = openpyxl.load_workbook(BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=4)
    assert cell.value.startswith("=HYPERLINK") and cell.data_type == "s"


def test_round_export_past_the_limit_is_written_by_the_worker(
    client, office, settings, django_capture_on_commit_callbacks
):
    from documents.models import GeneratedDocument

    settings.EXPORT_IN_WORKER_ROWS = 1
    for name in ("Trần Thị Bích", "Lê Văn An"):
        NominationFactory(
            round=office["round"], unit=office["school"], status=S.SUBMITTED, full_name=name
        )
    client.force_login(office["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("honorees:round_export", kwargs={"pk": office["round"].pk}))
    document = GeneratedDocument.objects.get(kind="round_nominations_xlsx")
    assert response["Location"] == reverse("document_detail", args=[document.pk])
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY, document.error
    with document.file.open("rb") as handle:
        sheet = openpyxl.load_workbook(BytesIO(handle.read())).active
    names = [sheet.cell(row=r, column=4).value for r in (2, 3)]
    assert sorted(names) == ["Lê Văn An", "Trần Thị Bích"] and sheet.max_row == 3
    assert (document.progress_done, document.progress_total) == (2, 2)
    page = client.get(response["Location"]).content.decode()
    assert "Excel (XLSX)" in page and reverse("document_download", args=[document.pk]) in page


def test_round_create_then_quota(client, office):
    client.force_login(office["staff"])
    url = reverse("honorees:round_create", kwargs={"conference_pk": office["conference"].pk})
    response = client.post(url, {
        "title": "Đợt hai", "deadline": "2031-01-01T17:00",
        "allowed_forms": [award("gk-xa").pk],
    })  # fmt: skip
    round = office["conference"].nomination_rounds.get(title="Đợt hai")
    assert response.status_code == 302
    quota_url = reverse("honorees:round_quotas", kwargs={"pk": round.pk})
    client.post(
        quota_url, {"unit": office["village"].pk, "max_individuals": 4, "max_collectives": 1}
    )
    assert round.quotas.get().max_individuals == 4


def test_return_then_vote_finalise_and_sign_through_views(client, office):
    n = NominationFactory(round=office["round"], unit=office["school"], status=S.SUBMITTED)
    client.force_login(office["staff"])
    client.post(reverse("honorees:nomination_return", kwargs={"pk": n.pk}), {"comment": "Thiếu"})
    n.refresh_from_db()
    assert n.status == S.RETURNED
    services.submit_nomination(nomination=n, by=office["submitter"])
    for m in office["council"]:
        client.force_login(m)
        client.post(reverse("honorees:nomination_vote", kwargs={"pk": n.pk}), {"choice": "agree"})
    client.force_login(office["staff"])
    client.post(
        reverse("honorees:nomination_finalise", kwargs={"pk": n.pk}), {"outcome": "approved"}
    )
    n.refresh_from_db()
    assert n.status == S.APPROVED
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    client.force_login(office["leader"])
    client.post(reverse("honorees:decision_approve", kwargs={"pk": decision.pk}))
    n.refresh_from_db()
    assert n.status == S.APPROVED
    client.force_login(office["clerk"])
    client.post(reverse("honorees:decision_issue", kwargs={"pk": decision.pk}))
    n.refresh_from_db()
    assert n.status == S.AWARDED


def test_home_items_for_each_role(office):
    NominationFactory(round=office["round"], unit=office["school"], status=S.SUBMITTED)
    DecisionFactory(round=office["round"])
    assert any("Đã gửi" in i.detail for i in home_items(Role.SUBMITTER, office["submitter"]))
    assert "1 hồ sơ chờ bạn" in home_items(Role.COUNCIL, office["council"][0])[0].label
    assert "chờ duyệt" in home_items(Role.LEADER, office["leader"])[0].label
    assert "Đã gửi: 1" in home_items(Role.STAFF, office["staff"])[0].detail


def test_conference_page_shows_awards_card(client, office):
    client.force_login(office["submitter"])
    html = client.get(
        reverse("conference_detail", kwargs={"pk": office["conference"].pk})
    ).content.decode()
    assert "Khen thưởng" in html
    assert reverse("honorees:round_list", kwargs={"conference_pk": office["conference"].pk}) in html
