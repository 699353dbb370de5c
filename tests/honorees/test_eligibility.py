"""Eligibility by the law (honorees.eligibility): the principles of NĐ 152/2025 Điều 4 on the
nominee's flags, the conditions of titles from the person's history in signed decisions and
from the unit's declarations, the approval gate and the office's reasoned overrides."""

import datetime as dt

import pytest
from django.utils import timezone

from conferences.models import ActivityEntry
from core.errors import DomainError
from honorees import eligibility, services
from honorees.conditions_seed import seed_conditions
from honorees.models import (
    AwardCondition,
    AwardForm,
    AwardLine,
    EligibilityOverride,
    Nomination,
)
from tests.factories import ConferenceFactory
from tests.honorees.factories import (
    DecisionFactory,
    NominationFactory,
    RoundFactory,
    VoteFactory,
    award,
)
from tests.honorees.xlsx import person_row, workbook
from tests.queries import count_queries

S = Nomination.Status


def _submitted(office, **kw):
    return NominationFactory(round=office["round"], unit=office["school"], status=S.SUBMITTED, **kw)


def _votes_for(office, nomination):
    for member in office["council"]:
        VoteFactory(nomination=nomination, member=member)


def _approve(office, nomination):
    return services.finalise_nomination(
        nomination=nomination, by=office["staff"], outcome=S.APPROVED
    )


# --- Principles (NĐ 152/2025 Điều 4) --------------------------------------------------------------
def test_pending_discipline_blocks_approval_until_overridden_with_a_reason(office):
    nomination = _submitted(office, discipline_review=True)
    _votes_for(office, nomination)
    with pytest.raises(DomainError, match="Đang bị xem xét kỷ luật") as refused:
        _approve(office, nomination)
    assert "Nghị định 152/2025/NĐ-CP, Điều 4" in refused.value.message
    with pytest.raises(DomainError, match="lý do"):
        services.override_eligibility(
            nomination=nomination, by=office["staff"], rule_code="flag.discipline_review",
            reason="   ",
        )  # fmt: skip
    assert Nomination.objects.get(pk=nomination.pk).status == S.SUBMITTED
    services.override_eligibility(
        nomination=nomination, by=office["staff"], rule_code="flag.discipline_review",
        reason="Cơ quan có thẩm quyền đã kết luận không kỷ luật ngày 20/11.",
    )  # fmt: skip
    _approve(office, nomination)
    assert Nomination.objects.get(pk=nomination.pk).status == S.APPROVED
    override = EligibilityOverride.objects.get(nomination=nomination)
    assert override.rule_text.startswith("Đang bị xem xét kỷ luật")
    assert override.created_by == office["staff"]
    entry = ActivityEntry.objects.get(action="nomination.eligibility_override")
    assert "Xét vượt điều kiện" in entry.summary and "kết luận không kỷ luật" in entry.summary
    assert eligibility.overrides_for_round(office["round"]) == [override]


def test_override_refused_for_a_check_that_passes_and_for_others_than_the_office(office):
    nomination = _submitted(office, under_inspection=True)
    with pytest.raises(DomainError, match="không còn là điều kiện chưa đạt"):
        services.override_eligibility(
            nomination=nomination, by=office["staff"], rule_code="flag.complaint", reason="x"
        )
    with pytest.raises(DomainError, match="không có quyền"):
        services.override_eligibility(
            nomination=nomination, by=office["submitter"], rule_code="flag.inspection",
            reason="Đã xong thanh tra.",
        )  # fmt: skip
    assert not EligibilityOverride.objects.exists()


def test_an_override_taken_back_blocks_the_dossier_again(office, client):
    """ "Bỏ xét vượt": the nominee's page offers it with a confirmation, the check blocks the
    approval again, the log keeps the reason that was withdrawn, a second click is told."""
    from django.urls import reverse

    nomination = _submitted(office, discipline_review=True)
    _votes_for(office, nomination)
    override = services.override_eligibility(
        nomination=nomination, by=office["staff"], rule_code="flag.discipline_review",
        reason="Nhập nhầm hồ sơ.",
    )  # fmt: skip
    client.force_login(office["staff"])
    page = client.get(reverse("honorees:nomination_detail", args=[nomination.pk]))
    assert 'data-testid="override-withdraw"' in page.content.decode()
    assert (
        "data-confirm=" in page.content.decode().split('data-testid="override-withdraw"')[1][:300]
    )
    url = reverse("honorees:override_withdraw", args=[override.pk])
    assert client.post(url).status_code == 302
    assert not EligibilityOverride.objects.filter(nomination=nomination).exists()
    entry = ActivityEntry.objects.get(action="nomination.eligibility_override_withdrawn")
    assert "Bỏ xét vượt điều kiện" in entry.summary and "Nhập nhầm hồ sơ." in entry.summary
    with pytest.raises(DomainError, match="Đang bị xem xét kỷ luật"):
        _approve(office, nomination)
    # The same click again: the override is gone, the page says nothing was left to take back.
    assert client.post(url).status_code == 404
    # Others than the office's staff may not.
    again = services.override_eligibility(
        nomination=nomination, by=office["staff"], rule_code="flag.discipline_review",
        reason="Đã có kết luận.",
    )  # fmt: skip
    with pytest.raises(DomainError, match="không có quyền"):
        services.withdraw_override(override=again, by=office["submitter"])
    assert EligibilityOverride.objects.filter(pk=again.pk).exists()


@pytest.mark.parametrize(
    ("until", "fails"), [(dt.date(2024, 12, 31), False), (dt.date(2025, 3, 1), True)]
)
def test_discipline_period_counts_achievements_only_after_it_ends(office, until, fails):
    nomination = _submitted(office, discipline_until=until)  # the period reviewed: from 2025
    finding = eligibility.check_nomination(nomination).finding("flag.discipline_period")
    assert (finding is not None) == fails
    if fails:
        assert "01/03/2025" in finding.text and "01/01/2025" in finding.text


def test_office_corrects_flags_and_the_change_is_logged(office):
    nomination = _submitted(office)
    services.record_nominee_flags(
        nomination=nomination, by=office["staff"], discipline_review=False,
        under_inspection=False, complaint_pending=True, discipline_until=None,
    )  # fmt: skip
    nomination.refresh_from_db()
    assert nomination.complaint_pending
    entry = ActivityEntry.objects.get(action="nomination.flags")
    assert "đang xác minh khiếu nại, tố cáo: không → có" in entry.summary
    assert not eligibility.check_nomination(nomination).ok


# --- Declarations ---------------------------------------------------------------------------------
def test_cstdcs_needs_the_units_declarations(office):
    plain = _submitted(office, proposed_award=award("cstd-cs"))
    result = eligibility.check_nomination(plain)
    assert {f.code for f in result.blocking} == {"cond.cstdcs-ldtt", "cond.cstdcs-sang-kien"}
    assert all("Điều 21" in f.source and f.verified for f in result.blocking)
    ticked = services.create_nomination(
        round=office["round"], unit=office["school"], kind="individual", by=office["submitter"],
        full_name="Trần Văn Giỏi", birth_year=1979, achievement_summary="Có sáng kiến.",
        proposed_award=award("cstd-cs"),
        declarations=list(AwardCondition.objects.filter(award_form__code__in=["cstd-cs", "tt-ldtt"])),
    )  # fmt: skip
    assert set(ticked.declarations.values_list("award_form__code", flat=True)) == {"cstd-cs"}
    assert eligibility.check_nomination(ticked).ok


def test_unverified_conditions_are_labelled(office):
    group = _submitted(
        office, kind="collective", collective_name="Tổ khối 5", full_name="", birth_year=None,
        proposed_award=award("tt-ldtt"),
    )  # fmt: skip
    findings = eligibility.check_nomination(group).blocking
    assert findings and not any(f.verified for f in findings)
    assert all("Bắc Ninh" in f.source for f in findings)


# --- History from signed decisions ----------------------------------------------------------------
def _province_title():
    """The province's "Chiến sĩ thi đua", seeded with its two conditions by the migrations;
    seeding again adds nothing (idempotent by code)."""
    form = AwardForm.objects.get(code="cstd-tinh")
    assert AwardCondition.objects.filter(award_form=form).count() == 2
    assert seed_conditions(AwardForm, AwardCondition) == 0
    return form


def _signed_award(office, *, year: int, form: str, name="Lê Thị Bền", birth_year=1980):
    """A signed decision of `year` awarding `form` to the person, in the province's tree."""
    round = RoundFactory(conference=ConferenceFactory(organiser=office["commune"]))
    past = NominationFactory(
        round=round, unit=office["school"], full_name=name, birth_year=birth_year,
        status=S.AWARDED, proposed_award=award(form),
    )  # fmt: skip
    decision = DecisionFactory(
        round=round, date=dt.date(year, 12, 20), status="issued", number=year,
        signed_at=timezone.now(), issued_at=timezone.now(),
    )  # fmt: skip
    AwardLine.objects.create(decision=decision, nomination=past, award_form=award(form))


def _province_nominee(office, form):
    conference = ConferenceFactory(organiser=office["commune"], start_year=2025, end_year=2025)
    round = RoundFactory(conference=conference, allowed_forms=["cstd-tinh"])
    return NominationFactory(
        round=round, unit=office["school"], full_name="Lê Thị Bền", birth_year=1980,
        status=S.SUBMITTED, proposed_award=form,
    )  # fmt: skip


def test_three_consecutive_cstdcs_from_signed_decisions_pass(office):
    form = _province_title()
    for year in (2023, 2024, 2025):
        _signed_award(office, year=year, form="cstd-cs")
    nominee = _province_nominee(office, form)
    result = eligibility.check_nomination(nominee)
    assert result.finding("cond.cstdtinh-3-cstdcs") is None
    assert {f.code for f in result.blocking} == {"cond.cstdtinh-sang-kien"}


def test_a_gap_in_the_cstdcs_years_fails_and_names_the_rule(office):
    form = _province_title()
    for year in (2021, 2023, 2024):  # 2022 missing: two in a row up to 2024
        _signed_award(office, year=year, form="cstd-cs")
    _signed_award(office, year=2022, form="cstd-cs", birth_year=1981)  # someone else
    finding = eligibility.check_nomination(_province_nominee(office, form)).finding(
        "cond.cstdtinh-3-cstdcs"
    )
    assert finding is not None and finding.blocks
    assert "03 lần liên tục" in finding.text and "2 năm liên tục" in finding.text
    assert "Điều 21" in finding.source


def test_sudden_awards_do_not_count_toward_merit_conditions(office):
    sudden = AwardForm.objects.create(
        code="gk-dot-xuat", name="Giấy khen đột xuất", level="commune",
        basis=AwardForm.Basis.SUDDEN,
    )  # fmt: skip
    AwardCondition.objects.create(
        award_form=award("gk-xa"), code="gkxa-mot-lan", kind="history",
        text="Đã được khen thưởng công trạng ít nhất một năm", count=1, consecutive=False,
        source="Quy chế thi đua, khen thưởng của xã", verified=False,
    )  # fmt: skip
    _signed_award(office, year=2025, form=sudden.code)
    nominee = _submitted(office, full_name="Lê Thị Bền", birth_year=1980)
    assert eligibility.check_nomination(nominee).finding("cond.gkxa-mot-lan") is not None
    _signed_award(office, year=2024, form="ldtt")
    assert eligibility.check_nomination(nominee).finding("cond.gkxa-mot-lan") is None


def test_round_checks_run_in_constant_queries(office):
    form = _province_title()
    conference = ConferenceFactory(organiser=office["commune"], start_year=2025, end_year=2025)
    round = RoundFactory(conference=conference, allowed_forms=["cstd-tinh", "cstd-cs", "gk-xa"])
    forms = [form, award("cstd-cs"), award("gk-xa")]

    def add(i):
        n = NominationFactory(
            round=round, unit=office["school"], status=S.SUBMITTED, proposed_award=forms[i],
            discipline_review=i == 2,
        )  # fmt: skip
        _signed_award(office, year=2024, form="cstd-cs", name=n.full_name)
        EligibilityOverride.objects.create(
            nomination=n, rule_code="cond.x", rule_text="x", reason="y"
        )

    add(0)
    one = count_queries(lambda: eligibility.check_round(round))
    add(1)
    add(2)
    results = {}
    three = count_queries(lambda: results.update(eligibility.check_round(round)))
    assert one == three
    assert len(results) == 3 and sum(not r.ok for r in results.values()) == 3


# --- Where the unit sees the checks ---------------------------------------------------------------
def test_unit_sees_a_warning_when_sending_and_the_result_on_its_page(client, office):
    client.force_login(office["submitter"])
    data = {
        "full_name": "Phạm Thị Mai", "gender": "female", "birth_year": 1985,
        "achievement_summary": "Giáo viên dạy giỏi.", "proposed_award": award("gk-xa").pk,
        "discipline_review": "on", "submit": "1",
    }  # fmt: skip
    url = f"/khen-thuong/dot/{office['round'].pk}/don-vi/{office['school'].pk}/them/individual/"
    response = client.post(url, data, follow=True)
    page = response.content.decode()
    assert Nomination.objects.get(full_name="Phạm Thị Mai").status == S.SUBMITTED
    assert "Điều kiện chưa đạt: Đang bị xem xét kỷ luật" in page
    assert "Chưa đủ điều kiện" in page


def test_excel_list_records_flags_and_declarations(office):
    office["round"].allowed_forms.add(award("cstd-cs"))
    rows = [
        person_row(1, **{"Đang bị thanh tra, kiểm tra": "Có", "Hết thời hạn kỷ luật ngày": "30/06/2024"}),
        person_row(2, **{"Hình thức đề nghị": "Chiến sĩ thi đua cơ sở",
                         "Đạt các điều kiện đơn vị xác nhận": "Có"}),
    ]  # fmt: skip
    report = services.import_nominations(
        round=office["round"], unit=office["school"], data=workbook(rows),
        by=office["submitter"], dry_run=False,
    )  # fmt: skip
    assert report.ok, report.errors
    first, second = Nomination.objects.order_by("full_name")
    assert first.sector == second.sector == "society"  # "Xã hội": the delegates' list
    assert first.under_inspection and first.discipline_until == dt.date(2024, 6, 30)
    assert second.declarations.count() == 2
    results = eligibility.check_round(office["round"])
    assert [f.code for f in results[first.pk].blocking] == ["flag.inspection"]
    assert results[second.pk].ok


def test_unit_is_warned_after_sending_an_excel_list(client, office):
    from django.core.files.uploadedfile import SimpleUploadedFile

    rows = [person_row(1, **{"Đang xác minh khiếu nại, tố cáo": "Có"}), person_row(2)]
    upload = SimpleUploadedFile("ds.xlsx", workbook(rows))
    client.force_login(office["submitter"])
    url = f"/khen-thuong/dot/{office['round'].pk}/don-vi/{office['school'].pk}/nhap-excel/"
    page = client.post(url, {"file": upload, "confirm": "1"}, follow=True).content.decode()
    assert "Đã gửi 2 hồ sơ từ tệp Excel." in page
    assert "1 hồ sơ của đơn vị chưa đủ điều kiện khen thưởng" in page
    assert "Đang xác minh khiếu nại, tố cáo: chưa xét khen thưởng" in page


def test_excel_preview_counts_the_rows_that_fail_a_check(office):
    office["round"].allowed_forms.add(award("cstd-cs"))
    rows = [
        person_row(1, **{"Đang bị xem xét kỷ luật": "Có"}),
        person_row(2, **{"Hình thức đề nghị": "Chiến sĩ thi đua cơ sở"}),  # nothing ticked
        person_row(3, **{"Hình thức đề nghị": "Chiến sĩ thi đua cơ sở",
                         "Đạt các điều kiện đơn vị xác nhận": "Có"}),
    ]  # fmt: skip
    report = services.import_nominations(
        round=office["round"], unit=office["school"], data=workbook(rows),
        by=office["submitter"], dry_run=True,
    )  # fmt: skip
    assert report.ok and report.details["ineligible"] == 2
    assert not Nomination.objects.exists()
    found = eligibility.preview(office["round"], [])
    assert found == []


def test_excel_preview_page_tells_the_unit(client, office):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "ds.xlsx", workbook([person_row(1, **{"Đang bị thanh tra, kiểm tra": "Có"})])
    )
    client.force_login(office["submitter"])
    url = f"/khen-thuong/dot/{office['round'].pk}/don-vi/{office['school'].pk}/nhap-excel/"
    page = client.post(url, {"file": upload, "preview": "1"}).content.decode()
    assert "1 hồ sơ chưa đủ điều kiện khen thưởng (vẫn gửi được" in page
    assert not Nomination.objects.exists()


def test_unit_is_warned_after_sending_the_checked_list_without_choosing_it_again(client, office):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.models import ImportJob

    rows = [person_row(1, **{"Đang xác minh khiếu nại, tố cáo": "Có"}), person_row(2)]
    client.force_login(office["submitter"])
    url = f"/khen-thuong/dot/{office['round'].pk}/don-vi/{office['school'].pk}/nhap-excel/"
    client.post(url, {"file": SimpleUploadedFile("ds.xlsx", workbook(rows))})
    job = ImportJob.objects.get(status=ImportJob.Status.CHECKED)
    page = client.post(f"/nhap-excel/{job.pk}/ghi/", follow=True).content.decode()
    assert "Đã ghi vào hệ thống: 2 cá nhân, 0 tập thể." in page
    assert "1 hồ sơ của đơn vị chưa đủ điều kiện khen thưởng" in page
    assert Nomination.objects.filter(round=office["round"]).count() == 2
