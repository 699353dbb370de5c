"""Views: forms save through services, errors keep what was typed, HTMX fragments, and list
views whose queries do not grow with their rows. Permission answers: tests/test_authz.py."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from conferences.models import ActivityEntry
from delegates.models import Delegate, DelegateCategory, SeatAllocation
from tests.delegates.factories import CategoryFactory, DelegateFactory

pytestmark = pytest.mark.django_db


def _url(name, s, **kw):
    return reverse(name, kwargs={"conference_pk": s["conference"].pk, **kw})


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _person(**extra) -> dict:
    data = {
        "title": "",
        "full_name": "Đỗ Thị Hoa",
        "gender": "female",
        "birth_year": "1985",
        "ethnicity": "Kinh",
        "position": "Giáo viên",
        "sector": "culture",
        "phone": "",
    }
    return {**data, **extra}


def test_unit_page_submitter_adds_delegate(client, setup):
    client.force_login(setup["submitter_a"])
    data = _person(category=setup["category"].pk)
    response = client.post(_url("delegates_unit", setup, unit_pk=setup["school_a"].pk), data)
    assert response.status_code == 302
    delegate = Delegate.objects.get()
    assert (delegate.full_name, delegate.title, delegate.unit, delegate.source) == (
        "Đỗ Thị Hoa",
        "Bà",
        setup["school_a"],
        "unit",
    )


def test_unit_page_over_allocation_shows_message_and_keeps_input(client, setup):
    DelegateFactory(category=setup["category"], unit=setup["school_a"])
    DelegateFactory(category=setup["category"], unit=setup["school_a"])
    client.force_login(setup["submitter_a"])
    response = client.post(
        _url("delegates_unit", setup, unit_pk=setup["school_a"].pk),
        _person(category=setup["category"].pk, full_name="Người Thứ Ba"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đơn vị đã đủ 2/2 đại biểu được phân bổ cho “Đại biểu cơ sở”." in html
    assert 'value="Người Thứ Ba"' in html
    assert Delegate.objects.count() == 2


def test_unit_page_shows_notice(client, setup):
    client.force_login(setup["submitter_a"])
    html = client.get(_url("delegates_unit", setup, unit_pk=setup["school_a"].pk)).content.decode()
    assert "Đại biểu cơ sở" in html and "Thêm đại biểu" in html


def test_allocation_grid_saves(client, setup):
    client.force_login(setup["staff"])
    c, a, b = setup["category"].pk, setup["school_a"].pk, setup["school_b"].pk
    response = client.post(
        _url("delegates_allocation", setup), {f"seats-{c}-{a}": "5", f"seats-{c}-{b}": "3"}
    )
    assert response.status_code == 302
    assert dict(SeatAllocation.objects.values_list("unit_id", "seats")) == {a: 5, b: 3}


def test_allocation_grid_rejects_negative_and_changes_nothing(client, setup):
    client.force_login(setup["staff"])
    c, a = setup["category"].pk, setup["school_a"].pk
    response = client.post(_url("delegates_allocation", setup), {f"seats-{c}-{a}": "-1"})
    assert response.status_code == 200
    assert "Số đại biểu phải là số không âm" in response.content.decode()
    assert SeatAllocation.objects.get().seats == 2


def test_category_create_and_target_htmx(client, setup):
    client.force_login(setup["staff"])
    response = client.post(
        _url("delegates_category_create", setup),
        {
            "title": "Đại biểu Thành phố",
            "order": "1",
            "target_kind": "exact",
            "target_min": "10",
            "noun": "đại biểu",
            "description": "- Dòng một\n- Dòng hai",
        },
    )
    assert response.status_code == 302
    category = DelegateCategory.objects.get(title="Đại biểu Thành phố")
    assert category.description_lines == ["- Dòng một", "- Dòng hai"]
    response = client.post(
        _url("delegates_category_target", setup, pk=category.pk),
        {"target_kind": "range", "target_min": "8", "target_max": "12"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and response["HX-Trigger"] == "composition-changed"
    category.refresh_from_db()
    assert category.target_text == "8-12 đại biểu"


def test_category_target_error_shown_in_row(client, setup):
    client.force_login(setup["staff"])
    response = client.post(
        _url("delegates_category_target", setup, pk=setup["category"].pk),
        {"target_kind": "range", "target_min": "9", "target_max": "3"},
    )
    assert "Số “đến” phải không nhỏ hơn số “từ”." in response.content.decode()
    setup["category"].refresh_from_db()
    assert setup["category"].target_text == "130 đại biểu"


def test_checks_panel_lists_violations(client, setup):
    DelegateFactory.create_batch(
        3, category=CategoryFactory(conference=setup["conference"], title="Nhỏ", target_min=2)
    )
    client.force_login(setup["leader"])
    html = client.get(_url("delegates_checks", setup)).content.decode()
    assert "“Nhỏ” có 3 đại biểu, vượt chỉ tiêu 2 đại biểu." in html
    assert "1. Đại biểu cơ sở: 130 đại biểu" in html


def test_register_filters_by_status_and_folded_name(client, setup):
    DelegateFactory(
        category=setup["category"], full_name="Nguyễn Văn Đức", invitation_status="invited"
    )
    DelegateFactory(category=setup["category"], full_name="Lê Thị Hoa")
    client.force_login(setup["leader"])
    response = client.get(_url("delegates_register", setup), {"q": "van duc"})
    assert [d.full_name for d in response.context["page"]] == ["Nguyễn Văn Đức"]
    response = client.get(_url("delegates_register", setup), {"invitation_status": "to_invite"})
    assert [d.full_name for d in response.context["page"]] == ["Lê Thị Hoa"]


def test_register_export_is_xlsx_with_rows(client, setup):
    DelegateFactory(category=setup["category"], full_name="Nguyễn Văn Đức")
    client.force_login(setup["staff"])
    response = client.get(_url("delegates_export", setup))
    from io import BytesIO

    import openpyxl

    sheet = openpyxl.load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Thành phần", "Danh xưng", "Họ và tên")
    assert rows[1][0] == "Đại biểu cơ sở" and rows[1][2] == "Nguyễn Văn Đức"


def test_report_shows_structure(client, setup):
    DelegateFactory(category=setup["category"], gender="female", birth_year=1999)
    DelegateFactory(
        category=setup["category"], gender="male", birth_year=1950, invitation_status="declined"
    )
    client.force_login(setup["leader"])
    response = client.get(_url("delegates_report", setup))
    sections = {s.title: {b.label: b.count for b in s.bars} for s in response.context["sections"]}
    assert sections["Giới tính"] == {"Nữ": 1}
    assert response.context["total_actual"] == 1


def test_status_change_view(client, setup):
    delegate = DelegateFactory(category=setup["category"])
    client.force_login(setup["staff"])
    client.post(_url("delegates_status", setup, pk=delegate.pk), {"status": "invited"})
    delegate.refresh_from_db()
    assert delegate.invitation_status == "invited"


def test_checkin_search_without_diacritics_and_mark_present(client, setup):
    delegate = DelegateFactory(category=setup["category"], full_name="Nguyễn Thị Phượng")
    client.force_login(setup["staff"])
    response = client.get(_url("delegates_checkin_search", setup), {"q": "thi phuong"})
    assert [d.pk for d in response.context["results"]] == [delegate.pk]
    response = client.post(_url("delegates_check_in", setup, pk=delegate.pk))
    assert "Có mặt" in response.content.decode() and response["HX-Trigger"] == "checked-in"
    delegate.refresh_from_db()
    assert delegate.present_at is not None


def test_a_check_in_made_by_mistake_is_undone(client, setup):
    delegate = DelegateFactory(category=setup["category"], full_name="Lê Văn Tám")
    client.force_login(setup["staff"])
    client.post(_url("delegates_check_in", setup, pk=delegate.pk))
    response = client.post(_url("delegates_check_in_undo", setup, pk=delegate.pk))
    delegate.refresh_from_db()
    assert delegate.present_at is None
    assert ">Có mặt</button>" in response.content.decode()
    assert ActivityEntry.objects.filter(action="delegate.check_in_undone").count() == 1


def test_checkin_search_takes_the_words_in_any_order(client, setup):
    dao = DelegateFactory(category=setup["category"], full_name="Nguyễn Thị Nguyệt Đào")
    DelegateFactory(category=setup["category"], full_name="Đào Văn Hùng")
    client.force_login(setup["staff"])
    for typed in ("dao nguyet", "Nguyệt  Đào", "nguyen dao"):
        response = client.get(_url("delegates_checkin_search", setup), {"q": typed})
        assert [d.pk for d in response.context["results"]] == [dao.pk], typed


def test_check_in_token_view(client, setup):
    delegate = DelegateFactory(category=setup["category"])
    client.force_login(setup["staff"])
    ok = client.post(_url("delegates_check_in_token", setup), {"token": delegate.invitation_token})
    bad = client.post(_url("delegates_check_in_token", setup), {"token": "khong-dung"})
    assert "Đã đánh dấu có mặt" in ok.content.decode()
    assert "Mã giấy mời không đúng" in bad.content.decode()


def test_checkin_counts(client, setup):
    DelegateFactory(category=setup["category"])
    DelegateFactory(category=setup["category"], present_at="2026-12-18T08:00:00+07:00")
    client.force_login(setup["staff"])
    [row] = client.get(_url("delegates_checkin_counts", setup)).context["counts"]
    assert (row.present, row.expected) == (1, 2)


def test_delegate_edit_by_submitter_after_deadline_forbidden(client, setup):
    import datetime as dt

    from django.utils import timezone

    from tests.delegates.factories import RoundFactory

    RoundFactory(conference=setup["conference"], deadline=timezone.now() - dt.timedelta(days=1))
    delegate = DelegateFactory(category=setup["category"], unit=setup["school_a"])
    client.force_login(setup["submitter_a"])
    assert client.get(_url("delegates_edit", setup, pk=delegate.pk)).status_code == 403
    client.force_login(setup["staff"])
    assert client.get(_url("delegates_edit", setup, pk=delegate.pk)).status_code == 200


def test_invitation_status_for_the_checked_rows(client, setup):
    a, b, c = (DelegateFactory(category=setup["category"]) for _ in range(3))
    client.force_login(setup["staff"])
    page = client.get(_url("delegates_register", setup)).content.decode()
    assert 'data-testid="bulk-status"' in page and f'aria-label="Chọn {a}"' in page
    response = client.post(
        _url("delegates_status_bulk", setup),
        {"status": "invited", "chon": [a.pk, b.pk], "query": "q=xyz"},
    )
    assert response["Location"].endswith("?q=xyz")
    statuses = dict(Delegate.objects.values_list("pk", "invitation_status"))
    assert statuses == {a.pk: "invited", b.pk: "invited", c.pk: "to_invite"}
