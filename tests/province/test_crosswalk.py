"""The crosswalk: old districts and communes roll up into today's commune."""

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from conferences.models import Role
from core.errors import DomainError
from honorees.models import AwardLine
from province.crosswalk import add_succession, import_successions
from province.models import UnitSuccession
from province.rollup import RollupFilter, build_rollup
from province.statistics import build_statistics
from tests.factories import ConferenceFactory, UnitFactory, UserFactory, member
from tests.honorees.factories import DecisionFactory, NominationFactory, RoundFactory, award

pytestmark = pytest.mark.django_db
PERIOD = RollupFilter(2024, 2025)


def _old_commune_with_awards(province, name: str, lines: int = 3):
    old = UnitFactory(parent=province, name=f"Ủy ban nhân dân xã {name}", code=f"CU-{name}")
    round = RoundFactory(
        conference=ConferenceFactory(organiser=old, start_year=2024, end_year=2024)
    )
    decision = DecisionFactory(
        round=round,
        status="issued",
        number=3,
        signed_at=timezone.now(),
        issued_at=timezone.now(),
        date=dt.date(2024, 6, 1),
    )
    for _ in range(lines):
        AwardLine.objects.create(
            decision=decision,
            nomination=NominationFactory(round=round, unit=old, status="awarded"),
            award_form=award("gk-xa"),
            amount=710_000,
        )
    return old


def test_an_old_communes_awards_roll_up_into_the_new_commune(small_province):
    province, new = small_province.province, small_province.communes[0]
    old = _old_commune_with_awards(province, "Cũ")
    before = build_rollup(province, PERIOD)
    assert before.row_for(old.pk).figures.honourees == 3
    own = before.row_for(new.pk).figures.honourees
    add_succession(scope=province, old_unit=old, new_unit=new, by=UserFactory(is_superuser=True))
    after = build_rollup(province, PERIOD)
    assert after.row_for(old.pk) is None
    assert after.row_for(new.pk).figures.honourees == own + 3
    assert after.row_for(new.pk).figures.conferences == 3
    assert after.totals.honourees == before.totals.honourees
    assert build_rollup(new, PERIOD).totals.honourees == own + 3  # the commune's own view too
    stats = build_statistics(new, date_from=dt.date(2024, 1, 1), date_to=dt.date(2025, 12, 31))
    assert stats.forms[3].total[0] == own + 3 and stats.all_agree


def test_a_merger_chain_and_a_loop(small_province):
    province, new = small_province.province, small_province.communes[0]
    admin = UserFactory(is_superuser=True)
    oldest = _old_commune_with_awards(province, "Xưa", lines=2)
    middle = _old_commune_with_awards(province, "Giữa", lines=1)
    add_succession(scope=province, old_unit=oldest, new_unit=middle, by=admin)
    add_succession(scope=province, old_unit=middle, new_unit=new, by=admin)
    row = build_rollup(province, PERIOD).row_for(new.pk)
    assert row.figures.honourees == 20 + 3
    with pytest.raises(DomainError, match="vòng lặp"):
        add_succession(scope=province, old_unit=new, new_unit=oldest, by=admin)
    with pytest.raises(DomainError, match="đã được ghi"):
        add_succession(scope=province, old_unit=oldest, new_unit=new, by=admin)


def test_a_commune_cannot_take_over_a_unit_it_does_not_manage(client, small_province):
    mine, sibling = small_province.communes[:2]
    staff = member(mine, Role.STAFF)
    with pytest.raises(DomainError, match="không quản lý"):
        add_succession(scope=mine, old_unit=sibling, new_unit=mine, by=staff)
    client.force_login(staff)
    url = reverse("province:successions", args=[mine.pk])
    response = client.post(url, {"old_code": sibling.code, "new_unit": mine.pk})
    assert response.status_code == 200 and not UnitSuccession.objects.exists()
    assert "Bạn không quản lý đơn vị" in response.content.decode()


def _xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Mã đơn vị cũ", "Mã đơn vị mới", "Ghi chú"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_import_is_all_or_nothing_with_row_numbers(small_province):
    province = small_province.province
    first, second = small_province.communes[:2]
    a = _old_commune_with_awards(province, "A", lines=1)
    b = _old_commune_with_awards(province, "B", lines=1)
    admin = UserFactory(is_superuser=True)
    bad = _xlsx([[a.code, first.code, "NQ 1656"], [b.code, "KHONG-CO", ""]])
    result = import_successions(scope=province, data=bad, by=admin)
    assert result.created == 0
    assert result.errors == ["Dòng 3: không tìm thấy đơn vị theo cột “Mã đơn vị mới”."]
    assert not UnitSuccession.objects.exists()
    good = _xlsx([[a.code, first.code, "NQ 1656"], [b.code.lower(), second.code, None]])
    assert import_successions(scope=province, data=good, by=admin).created == 2
    assert dict(UnitSuccession.objects.values_list("old_unit", "new_unit")) == {
        a.pk: first.pk,
        b.pk: second.pk,
    }


def test_import_page_shows_the_errors(client, small_province):
    province = small_province.province
    client.force_login(member(province, Role.STAFF))
    upload = io.BytesIO(_xlsx([["KHONG-CO", small_province.communes[0].code, ""]]))
    upload.name = "sap-nhap.xlsx"
    url = reverse("province:successions_import", args=[province.pk])
    response = client.post(url, {"file": upload})
    html = response.content.decode()
    assert "Tệp có lỗi, chưa ghi dòng nào." in html
    assert "Dòng 2: không tìm thấy đơn vị theo cột “Mã đơn vị cũ”." in html
