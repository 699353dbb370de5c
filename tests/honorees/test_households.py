"""Households (hộ gia đình) as recipients: named by the head of household, a place in the
individuals' quota, read from the Excel list, printed in their own part of the award list."""

import pytest
from django.urls import reverse

from core.errors import DomainError
from honorees import services
from honorees.excel import export_nominations
from honorees.models import Nomination
from tests.honorees.factories import NominationFactory, award
from tests.honorees.xlsx import person_row, workbook


@pytest.fixture
def household_round(office):
    office["round"].allowed_forms.add(award("gd-vh"))
    return office


def _household(office, name="Nguyễn Văn Hộ", **fields):
    return services.create_nomination(
        round=office["round"], unit=office["school"], kind=Nomination.Kind.HOUSEHOLD,
        by=office["submitter"], full_name=name, gender="male", birth_year=1970,
        achievement_summary="Gia đình văn hóa tiêu biểu nhiều năm.",
        proposed_award=award("gd-vh"), **fields,
    )  # fmt: skip


def test_household_is_named_by_its_head(household_round):
    nomination = _household(household_round, unit_name="Thôn Đông", member_count=5)
    assert nomination.display_name == "Hộ ông Nguyễn Văn Hộ"
    assert (nomination.sort_name, nomination.member_count) == ("Nguyễn Văn Hộ", 5)


def test_household_needs_an_award_given_to_households(household_round):
    with pytest.raises(DomainError, match="không tặng cho hộ gia đình"):
        services.create_nomination(
            round=household_round["round"], unit=household_round["school"],
            kind=Nomination.Kind.HOUSEHOLD, by=household_round["submitter"],
            full_name="Trần Văn Tư", achievement_summary="...", proposed_award=award("ldtt"),
        )  # fmt: skip


def test_household_takes_a_place_of_the_individuals_quota(household_round):
    office = household_round  # the school may propose 3 individuals
    for _i in range(2):
        NominationFactory(round=office["round"], unit=office["school"], status="submitted")
    first = _household(office, "Lê Văn Một")
    services.submit_nomination(nomination=first, by=office["submitter"])
    second = _household(office, "Lê Văn Hai")
    with pytest.raises(DomainError, match="hộ gia đình, tính vào chỉ tiêu cá nhân: thứ 4"):
        services.submit_nomination(nomination=second, by=office["submitter"])
    assert Nomination.objects.get(pk=second.pk).status == "draft"


def test_household_form_creates_and_sends(client, household_round):
    office = household_round
    client.force_login(office["submitter"])
    url = reverse(
        "honorees:nomination_create",
        kwargs={"pk": office["round"].pk, "unit_pk": office["school"].pk, "kind": "household"},
    )
    page = client.get(url)
    assert "Đề nghị khen thưởng hộ gia đình" in page.content.decode()
    assert "Họ và tên chủ hộ" in page.content.decode()
    response = client.post(url, {
        "full_name": "Phạm Thị Nhà", "gender": "female", "birth_year": 1975,
        "unit_name": "Thôn Đông", "member_count": 4, "achievement_summary": "Tiêu biểu.",
        "proposed_award": award("gd-vh").pk, "submit": "1",
    })  # fmt: skip
    assert response.status_code == 302
    saved = Nomination.objects.get(kind="household")
    assert (saved.display_name, saved.status) == ("Hộ bà Phạm Thị Nhà", "submitted")
    unit_page = client.get(
        reverse("honorees:unit_round", args=[office["round"].pk, office["school"].pk])
    ).content.decode()
    assert "Thêm hộ gia đình" in unit_page and "Cá nhân (kể cả hộ gia đình)" in unit_page


def test_household_rows_import_and_export(household_round):
    office = household_round
    row = person_row(1, **{"Cá nhân/Tập thể": "Hộ gia đình", "Họ và tên": "Đỗ Văn Gia",
                           "Đơn vị": "Thôn Đông", "Số thành viên (tập thể)": 6,
                           "Hình thức đề nghị": "Gia đình văn hóa"})  # fmt: skip
    report = services.import_nominations(
        round=office["round"],
        unit=office["school"],
        data=workbook([row, person_row(2)]),
        by=office["submitter"],
        dry_run=False,
    )
    assert report.ok, report.errors
    assert report.details == {"individuals": 1, "collectives": 0, "households": 1}
    household = Nomination.objects.get(kind="household")
    assert (household.full_name, household.unit_name, household.member_count) == (
        "Đỗ Văn Gia",
        "Thôn Đông",
        6,
    )
    assert household.position == ""  # an individual's column is not a household's field
    from core.importing import read_xlsx

    exported = read_xlsx(export_nominations(Nomination.objects.order_by("kind")))
    kinds_names = {(r[2], r[3]) for r in exported}
    assert ("Hộ gia đình", "Đỗ Văn Gia") in kinds_names


def test_approved_household_joins_the_delegates_named_once_without_a_second_title(
    household_round,
):
    from delegates.models import Delegate
    from honorees.services.delegates_join import join_delegate_register, source_key

    office = household_round
    nomination = _household(office)
    join_delegate_register(nomination, by=office["staff"])
    delegate = Delegate.objects.get(source_key=source_key(nomination))
    assert (delegate.title, delegate.full_name) == ("", "Hộ ông Nguyễn Văn Hộ")
    assert str(delegate) == "Hộ ông Nguyễn Văn Hộ"
    # A row an earlier version titled "Ông Hộ ông …" reads right after the next refresh.
    Delegate.objects.filter(pk=delegate.pk).update(title="Ông")
    join_delegate_register(nomination, by=office["staff"])
    delegate.refresh_from_db()
    assert str(delegate) == "Hộ ông Nguyễn Văn Hộ"
    # A person (not a household) keeps the title the head's gender gives.
    person = NominationFactory(
        round=office["round"], unit=office["school"], full_name="Trần Văn Tư", gender="male"
    )
    join_delegate_register(person, by=office["staff"])
    assert str(Delegate.objects.get(source_key=source_key(person))) == "Ông Trần Văn Tư"
