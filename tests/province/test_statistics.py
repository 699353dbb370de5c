"""The statutory statistics: forms agree with each other and with the decisions."""

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from conferences.models import Role
from documents.models import GeneratedDocument
from honorees.models import AwardDecision, AwardLine
from province.statistics import build_statistics
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import DecisionFactory, NominationFactory, RoundFactory, award

pytestmark = pytest.mark.django_db


def _stats(scope, start=2024, end=2025):
    return build_statistics(scope, date_from=dt.date(start, 1, 1), date_to=dt.date(end, 12, 31))


def test_forms_agree_with_each_other_and_with_the_decisions(small_province):
    stats = _stats(small_province.province)
    assert [f.code for f in stats.forms] == ["0601", "0602", "0603", "0604", "0605"]
    assert stats.all_agree, [(c.label, c.left, c.right) for c in stats.checks]
    forms = {f.code: f for f in stats.forms}
    lines = AwardLine.objects.filter(decision__status=AwardDecision.Status.ISSUED)
    assert forms["0604"].total[0] == lines.count() == 240
    assert forms["0605"].total[-1] == sum(lines.values_list("amount", flat=True))
    assert forms["0602"].total[-1] + forms["0603"].total[-1] == 240
    assert forms["0601"].total[-1] == 24  # one conference a commune a year
    for form in stats.forms:
        assert len(form.rows) == 13  # the province itself, then its 12 communes
        for _, values in form.rows:
            assert len(values) == len(form.columns)


def test_each_communes_row_equals_its_own_statistics(small_province):
    province_stats = _stats(small_province.province)
    for commune in small_province.communes[:3]:
        own = _stats(commune)
        for whole, mine in zip(province_stats.forms, own.forms, strict=True):
            row = next(values for unit, values in whole.rows if unit == commune)
            assert row == mine.total


def test_statistics_follow_the_decision_dates(small_province):
    one_year = _stats(small_province.province, 2025, 2025)
    forms = {f.code: f for f in one_year.forms}
    assert forms["0604"].total[0] == 120 and one_year.all_agree
    assert _stats(small_province.province, 2019, 2020).forms[3].total[0] == 0


def test_a_decision_left_out_of_the_forms_shows_as_a_disagreement(small_province):
    commune = small_province.communes[0]
    school = UnitFactory(parent=commune, kind="school", name="Trường Tiểu học Mẫu")
    round = RoundFactory(conference=ConferenceFactory(organiser=school, start_year=2025))
    decision = DecisionFactory(
        round=round,
        status="issued",
        number=7,
        signed_at=timezone.now(),
        issued_at=timezone.now(),
        date=dt.date(2025, 5, 1),
    )
    AwardLine.objects.create(
        decision=decision,
        nomination=NominationFactory(round=round, unit=school, status="awarded"),
        award_form=award("gk-xa"),
        amount=710_000,
    )
    stats = _stats(small_province.province)
    assert not stats.all_agree
    failed = {c.label: (c.left, c.right) for c in stats.checks if not c.ok}
    assert failed == {
        "Biểu 0604 = số tập thể, cá nhân trong các quyết định": (240, 241),
        "Biểu 0605 = tiền thưởng trong các quyết định": (
            stats.forms[4].total[-1],
            stats.forms[4].total[-1] + 710_000,
        ),
    }


def test_the_offices_own_decisions_are_its_first_row(small_province):
    province = small_province.province
    round = RoundFactory(conference=ConferenceFactory(organiser=province, start_year=2025))
    decision = DecisionFactory(
        round=round,
        status="issued",
        number=1,
        signed_at=timezone.now(),
        issued_at=timezone.now(),
        date=dt.date(2025, 6, 1),
    )
    AwardLine.objects.create(
        decision=decision,
        nomination=NominationFactory(
            round=round, unit=small_province.communes[0], status="awarded"
        ),
        award_form=award("bk-tinh"),
        amount=3_510_000,
    )
    stats = _stats(province)
    assert stats.all_agree
    assert stats.forms[3].rows[0] == (province, [1, 0, 1, 0, 0, 0])
    assert stats.forms[3].total[0] == 241


def test_statistics_page_excel_and_pdf(client, small_province, django_capture_on_commit_callbacks):
    client.force_login(member(small_province.province, Role.STAFF))
    pk = small_province.province.pk
    query = {"from_year": 2024, "to_year": 2025}
    page = client.get(reverse("province:statistics", args=[pk]), query)
    assert page.status_code == 200
    assert "Số liệu các biểu khớp nhau và khớp với các quyết định." in page.content.decode()
    response = client.get(reverse("province:statistics_export", args=[pk]), query)
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames[:5] == [f"Biểu 060{i}" for i in range(1, 6)]
    total = list(book["Biểu 0604"].iter_rows(values_only=True))[-1]
    assert total[1] == "Tổng cộng" and total[3] == 240
    assert all(row[3] == "Khớp" for row in list(book["Kiểm tra"].iter_rows(values_only=True))[1:])
    # The PDF is rendered by the worker: the click opens the document's page.
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.get(reverse("province:statistics_pdf", args=[pk]), query)
    document = GeneratedDocument.objects.get(kind="province_statistics")
    assert asked["Location"] == reverse("document_detail", args=[document.pk])
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY, document.error
    assert document.params == {"from_year": 2024, "to_year": 2025}
    pdf = client.get(reverse("document_download", args=[document.pk]))
    content = b"".join(pdf.streaming_content)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert "0604.N/BNV-TĐKT" in text and "Tổng cộng" in text
    assert f"Tổng cộng {_stats(small_province.province).forms[3].total[0]}" in text


def test_households_count_with_individuals_and_the_forms_still_agree(small_province):
    commune = small_province.communes[0]
    round = RoundFactory(conference=ConferenceFactory(organiser=commune, start_year=2025))
    decision = DecisionFactory(
        round=round, status="issued", number=9, signed_at=timezone.now(),
        issued_at=timezone.now(), date=dt.date(2025, 9, 1),
    )  # fmt: skip
    for code, amount in (("gd-vh", 0), ("gk-xa", 1_060_000)):
        AwardLine.objects.create(
            decision=decision,
            nomination=NominationFactory(
                round=round,
                unit=commune,
                status="awarded",
                kind="household",
                full_name=f"Chủ hộ {code}",
                proposed_award=award(code),
            ),  # fmt: skip
            award_form=award(code),
            amount=amount,
        )
    before = _stats(small_province.province)
    assert before.all_agree, [(c.label, c.left, c.right) for c in before.checks if not c.ok]
    form_0604 = {f.code: f for f in before.forms}["0604"]
    assert form_0604.total[0] == 242
