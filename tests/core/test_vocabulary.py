"""One vocabulary: the 54 ethnic groups, shared by forms, imports, templates and reports."""

import io

import openpyxl
import pytest
from django.urls import reverse

from core.errors import DomainError
from core.vocabulary import ETHNIC_GROUPS, ethnic_group


def test_the_list_has_the_54_groups_once_each():
    assert len(ETHNIC_GROUPS) == 54 == len(set(ETHNIC_GROUPS))


@pytest.mark.parametrize(
    ("typed", "written"),
    [("H'Mông", "Mông"), ("hmong", "Mông"), ("Khơ-me", "Khmer"), ("ê đê", "Ê Đê"),
     ("Bru-Vân Kiều", "Bru - Vân Kiều"), ("  kinh ", "Kinh"), ("", "")],
)  # fmt: skip
def test_spellings_offices_use_are_written_as_the_list_does(typed, written):
    assert ethnic_group(typed) == written


def test_a_name_not_in_the_list_is_refused_in_vietnamese():
    with pytest.raises(DomainError, match="không có trong danh mục 54 dân tộc"):
        ethnic_group("Mường Lát")


@pytest.mark.django_db
def test_a_delegate_gets_the_lists_name_and_an_unknown_one_is_refused(cast):
    from delegates import services
    from tests.delegates.factories import CategoryFactory

    category = CategoryFactory(conference=cast["conference_a"])
    staff = cast["users"]["staff"]
    fields = {"full_name": "Hờ A Dình", "gender": "male"}
    delegate = services.add_delegate(
        conference=cast["conference_a"], category=category, by=staff, ethnicity="H'Mông", **fields
    )
    assert delegate.ethnicity == "Mông"
    with pytest.raises(DomainError, match="54 dân tộc"):
        services.add_delegate(
            conference=cast["conference_a"], category=category, by=staff, ethnicity="Mèo Vạc",
            full_name="Lý Thị Mai", gender="female",
        )  # fmt: skip


@pytest.mark.django_db
def test_the_units_template_offers_the_groups_in_a_drop_down(client, cast):
    from tests.delegates.factories import AllocationFactory, CategoryFactory

    category = CategoryFactory(conference=cast["conference_a"], title="Đại biểu tiêu biểu")
    AllocationFactory(category=category, unit=cast["school"], seats=2)
    client.force_login(cast["users"]["staff"])
    url = reverse(
        "delegates_unit_template",
        kwargs={"conference_pk": cast["conference_a"].pk, "unit_pk": cast["school"].pk},
    )
    book = openpyxl.load_workbook(io.BytesIO(client.get(url).content))
    assert book.sheetnames == ["Danh sách", "Danh mục", "Hướng dẫn"]
    lists = book["Danh mục"]
    assert [c.value for c in lists["B"][1:55]] == list(ETHNIC_GROUPS)
    assert lists["A2"].value == "Đại biểu tiêu biểu"
    formulas = {v.formula1 for v in book["Danh sách"].data_validations.dataValidation}
    assert "'Danh mục'!$B$2:$B$55" in formulas


def test_a_field_of_work_is_the_one_list_of_the_delegates_and_nominees():
    from core.vocabulary import Sector, sector_value
    from delegates.models import Sector as DelegateSector

    assert DelegateSector is Sector
    assert sector_value("  kinh te ") == "economy"
    assert sector_value("Xây dựng Đảng, chính quyền") == "party_state"
    assert sector_value("mass_org") == "mass_org"
    assert sector_value("") == ""
    with pytest.raises(DomainError, match="“Văn hóa - Xã hội” không có trong danh sách"):
        sector_value("Văn hóa - Xã hội")  # names two groups: the office chooses


def test_position_fields_suggest_the_usual_positions_and_accept_any_other(client, cast):
    from delegates.models import Delegate
    from tests.delegates.factories import CategoryFactory

    category = CategoryFactory(conference=cast["conference_a"], title="Khách mời")
    client.force_login(cast["users"]["staff"])
    url = reverse("delegates_create", kwargs={"conference_pk": cast["conference_a"].pk})
    html = client.get(url).content.decode()
    assert 'list="id_position-list"' in html and '<option value="Trưởng thôn">' in html
    data = {
        "category": category.pk, "source": "guest", "title": "", "full_name": "Lê Văn Tư",
        "gender": "male", "birth_year": "1970", "ethnicity": "Kinh", "sector": "",
        "position": "Trưởng ban Thanh tra nhân dân", "phone": "", "unit": "", "unit_name": "",
        "seat_or_zone": "",
    }  # fmt: skip
    assert client.post(url, data).status_code == 302
    assert Delegate.objects.get(full_name="Lê Văn Tư").position == "Trưởng ban Thanh tra nhân dân"
