"""Text hygiene at the boundary: control, bidirectional-override and zero-width characters never
get in through a form or an Excel cell, never break an e-mail, and never fail an export."""

from io import BytesIO

import openpyxl
import pytest
from django.test import RequestFactory
from django.urls import reverse

from conferences import services
from conferences.models import Unit
from conferences.resources import COL_NAME, UNIT_COLUMNS
from core.middleware import NormalizeInputMiddleware
from core.notifications import SUBJECT_PREFIX, deliver_notification
from core.vntext import fold, nfc, single_line, strip_invisible
from tests.conferences.test_import_export import row, xlsx
from tests.factories import UserFactory

RLO, LRI, PDI, ZWSP, ZWJ, BOM = "\u202e", "\u2066", "\u2069", "\u200b", "\u200d", "\ufeff"


# --- the helper -----------------------------------------------------------------------------------
def test_strip_invisible_removes_controls_overrides_and_zero_width():
    dirty = f"Thôn\x00 Đông\x1b{RLO}gpj.exe{PDI}{LRI}{ZWSP}{ZWJ}{BOM}\x7f\x85Tây\u2028Nam"

    assert strip_invisible(dirty) == "Thôn Đônggpj.exe\nTây\nNam"


def test_strip_invisible_keeps_tabs_and_newlines_of_text_areas():
    assert strip_invisible("Dòng 1\r\nDòng 2\rDòng\t3") == "Dòng 1\nDòng 2\nDòng\t3"


def test_single_line_joins_lines_and_spaces():
    assert single_line(" Trường\nTiểu học\r\n\tThượng  Hồng \x00") == "Trường Tiểu học Thượng Hồng"


def test_nfc_and_fold_drop_invisible_characters():
    assert nfc(f"Nguye\u0302\u0303n{ZWSP} Văn{RLO} An") == "Nguyễn Văn An"
    assert fold(f"Ng{ZWSP}uyễn") == "nguyen"


# --- every form, through the middleware -------------------------------------------------------
def _through_middleware(request):
    seen = {}
    NormalizeInputMiddleware(lambda req: seen.setdefault("request", req))(request)
    return seen["request"]


def test_middleware_cleans_post_and_get_but_not_passwords():
    secret = "mật\x00khẩu" + RLO
    request = RequestFactory().post(
        "/?q=" + "Thôn%E2%80%AE",
        {"name": f"Thôn\x00 Đông{RLO}", "note": "a\tb\r\nc", "password": secret},
    )

    request = _through_middleware(request)

    assert request.POST["name"] == "Thôn Đông"
    assert request.POST["note"] == "a\tb\nc"
    assert request.POST["password"] == secret
    assert request.GET["q"] == "Thôn"


@pytest.mark.django_db
def test_unit_form_with_nul_and_override_saves_clean_name(client, world):
    school = world["school"]
    client.force_login(world["users"]["staff"])

    response = client.post(
        reverse("unit_edit", kwargs={"pk": school.pk}),
        {"name": f"Trường\x00 Tiểu học {RLO}An Thịnh", "short_name": "", "code": school.code,
         "kind": school.kind, "active": "on"},
    )  # fmt: skip

    assert response.status_code == 302
    assert Unit.objects.get(pk=school.pk).name == "Trường Tiểu học An Thịnh"


@pytest.mark.django_db
def test_login_with_nul_in_password_answers_in_vietnamese(client, world):
    response = client.post(
        reverse("login"), {"username": world["users"]["staff"].username, "password": "abc\x00"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Không được chứa ký tự rỗng (NUL)" in html
    assert "Null characters" not in html


# --- names on one line, e-mails always sent ---------------------------------------------------
@pytest.mark.django_db
def test_unit_name_with_newline_stored_on_one_line(world):
    unit = services.update_unit(
        unit=world["school"], by=world["users"]["staff"], name="Trường Tiểu học\nAn Thịnh"
    )

    assert Unit.objects.get(pk=unit.pk).name == "Trường Tiểu học An Thịnh"


@pytest.mark.django_db
def test_notification_about_a_name_with_newline_is_still_sent(mailoutbox):
    user = UserFactory(email="can-bo@example.test")

    sent = deliver_notification(
        user_ids=[user.pk], subject="Đơn vị Thôn\nĐông đã gửi danh sách", body="Dòng 1\nDòng 2"
    )

    assert sent == 1
    assert mailoutbox[0].subject == SUBJECT_PREFIX + "Đơn vị Thôn Đông đã gửi danh sách"
    assert mailoutbox[0].body == "Dòng 1\nDòng 2"


# --- Excel in and out ---------------------------------------------------------------------------
@pytest.mark.django_db
def test_unit_import_cells_lose_invisible_characters_and_line_breaks(world):
    name = f"Thôn{ZWSP} Đông\n{RLO}Mới"
    report = services.import_units(
        data=xlsx([row("THON-MOI", name, world["office_a"].code)]),
        by=world["users"]["staff"],
        dry_run=False,
    )

    assert report.ok, report.errors
    assert Unit.objects.get(code="THON-MOI").name == "Thôn Đông Mới"


@pytest.mark.django_db
def test_unit_export_with_escape_character_in_stored_name_succeeds(client, world):
    Unit.objects.filter(pk=world["school"].pk).update(name=f"Trường\x1b Tiểu học{RLO} An Thịnh")
    client.force_login(world["users"]["staff"])

    response = client.get(reverse("unit_export", kwargs={"pk": world["office_a"].pk}))

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(BytesIO(response.content)).active
    names = [r[UNIT_COLUMNS.index(COL_NAME)] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Trường Tiểu học An Thịnh" in names


@pytest.mark.django_db
def test_nomination_export_and_template_with_control_characters_succeed(client):
    from honorees.excel import export_nominations, template_xlsx
    from tests.honorees.factories import NominationFactory, RoundFactory

    round = RoundFactory(title="Đợt\x1b khen thưởng", criteria="Tiêu chuẩn\x07 1")
    nomination = NominationFactory(round=round, full_name="Lê Văn\x1b Tám", note="Ghi\x0bchú")

    exported = openpyxl.load_workbook(BytesIO(export_nominations([nomination]))).active
    template = openpyxl.load_workbook(BytesIO(template_xlsx(round)))["Hướng dẫn"]

    assert "Lê Văn Tám" in [c for r in exported.iter_rows(values_only=True) for c in r]
    assert "Đợt: Đợt khen thưởng" in [r[0] for r in template.iter_rows(values_only=True)]
