"""Excel import and export of the unit tree: every row or none, errors by Excel row and column."""

import unicodedata
from io import BytesIO

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conferences import services
from conferences.models import ActivityEntry, Unit
from conferences.resources import (
    COL_ACTIVE,
    COL_CODE,
    COL_KIND,
    COL_NAME,
    COL_PARENT,
    COL_SHORT,
    UNIT_COLUMNS,
)
from core.errors import DomainError
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

VILLAGE = "Thôn, tổ dân phố"


def xlsx(rows: list[dict], headers: list[str] = UNIT_COLUMNS) -> bytes:
    """A workbook as an office would type it: a header row, then one row per dict (None for
    a blank line)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append([None] * len(headers) if row is None else [row.get(h) for h in headers])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def row(code, name, parent, kind=VILLAGE, short="", active="Có") -> dict:
    return {
        COL_CODE: code,
        COL_NAME: name,
        COL_SHORT: short,
        COL_KIND: kind,
        COL_PARENT: parent,
        COL_ACTIVE: active,
    }


def _import(world, rows, persona="staff", dry_run=False):
    return services.import_units(data=xlsx(rows), by=world["users"][persona], dry_run=dry_run)


def _snapshot() -> list[tuple]:
    return list(Unit.objects.order_by("path").values_list("code", "name", "path", "active"))


def _parent_code(code: str) -> str:
    return Unit.objects.get_parent(Unit.objects.get(code=code)).code


# --- import service ---------------------------------------------------------------------------
def test_import_units_creates_tree_with_parents_from_same_file(world):
    a = world["office_a"].code

    report = _import(
        world,
        [
            row("thon-dong", "Thôn Đông", a),
            row("TO-1", "Tổ tự quản số 1", "THON-DONG", kind="village"),
            row("TO-2", "Tổ tự quản số 2", "thon-dong", active="Không"),
        ],
    )

    assert report.ok, report.errors
    assert (report.total, report.new, report.updated) == (3, 3, 0)
    assert _parent_code("THON-DONG") == a
    assert _parent_code("TO-1") == "THON-DONG"
    assert _parent_code("TO-2") == "THON-DONG"
    assert Unit.objects.get(code="TO-2").active is False
    assert Unit.objects.get(code="TO-1").kind == Unit.Kind.VILLAGE
    imported = ActivityEntry.objects.filter(action="unit.created")
    assert sorted(imported.values_list("object_repr", flat=True)) == [
        "Thôn Đông",
        "Tổ tự quản số 1",
        "Tổ tự quản số 2",
    ]
    assert {e.actor for e in imported} == {world["users"]["staff"]}


@pytest.mark.parametrize(
    ("bad", "column"),
    [
        (row("TO-9", "Tổ số 9", "KHONG-CO"), COL_PARENT),
        (row("TO-9", "Tổ số 9", "THON-DONG", kind="Hợp tác xã"), COL_KIND),
        (row("TO-9", "", "THON-DONG"), COL_NAME),
        (row("TO-9", "Tổ số 9", "THON-DONG", active="có lẽ"), COL_ACTIVE),
    ],
    ids=["unknown-parent", "unknown-kind", "missing-name", "bad-yes-no"],
)
def test_import_units_bad_row_writes_nothing(world, bad, column):
    before = _snapshot()
    rows = [row("THON-DONG", "Thôn Đông", world["office_a"].code), row("TO-1", "Tổ 1", "THON-DONG")]

    report = _import(world, [*rows, bad, row("TO-2", "Tổ 2", "THON-DONG")])

    assert not report.ok
    assert [(e.row, e.column) for e in report.errors] == [(4, column)]
    assert str(report.errors[0]).startswith(f"Dòng 4, cột “{column}”: ")
    assert _snapshot() == before
    assert not ActivityEntry.objects.exists()


def test_import_units_error_names_excel_row_after_blank_line(world):
    report = _import(
        world,
        [
            row("THON-DONG", "Thôn Đông", world["office_a"].code),
            None,
            None,
            row("TO-9", "Tổ số 9", "KHONG-CO"),
        ],
    )

    assert [(e.row, e.column) for e in report.errors] == [(5, COL_PARENT)]
    assert not Unit.objects.filter(code="THON-DONG").exists()


def test_import_units_several_errors_all_reported(world):
    report = _import(
        world,
        [row("TO-1", "", "KHONG-CO"), row("TO-2", "Tổ 2", world["office_a"].code, kind="?")],
    )

    assert {(e.row, e.column) for e in report.errors} == {
        (2, COL_NAME),
        (2, COL_PARENT),
        (3, COL_KIND),
    }


def test_import_units_dry_run_writes_nothing(world):
    before = _snapshot()

    report = _import(
        world,
        [row("THON-DONG", "Thôn Đông", world["office_a"].code), row("TO-1", "Tổ 1", "THON-DONG")],
        dry_run=True,
    )

    assert report.ok
    assert (report.new, report.updated) == (2, 0)
    assert _snapshot() == before
    assert not ActivityEntry.objects.exists()


def test_import_units_updates_existing_and_moves_it(world):
    school, agency = world["school"], world["agency"]

    report = _import(
        world,
        [row(school.code.lower(), "Trường Tiểu học An Thịnh 2", agency.code, kind="school")],
    )

    assert report.ok, report.errors
    assert (report.new, report.updated) == (0, 1)
    school.refresh_from_db()
    assert school.name == "Trường Tiểu học An Thịnh 2"
    assert Unit.objects.get_parent(school).pk == agency.pk
    assert Unit.objects.filter(code=school.code).count() == 1
    assert ActivityEntry.objects.filter(action="unit.updated", object_id=str(school.pk)).exists()


def test_import_units_cannot_move_unit_into_itself(world):
    office_a, school = world["office_a"], world["school"]
    before = _snapshot()

    report = _import(world, [row(office_a.code, office_a.name, school.code, kind="commune")])

    assert [(e.row, e.column) for e in report.errors] == [(2, COL_PARENT)]
    assert _snapshot() == before


def test_import_units_parent_outside_scope_refused(world):
    before = _snapshot()

    report = _import(world, [row("THON-B", "Thôn của xã Bình Minh", world["office_b"].code)])

    assert [(e.row, e.column) for e in report.errors] == [(2, COL_PARENT)]
    assert "không có quyền" in report.errors[0].message
    assert _snapshot() == before


@pytest.mark.parametrize("parent", ["office_b", "office_a"], ids=["moved", "kept"])
def test_import_units_existing_unit_outside_scope_refused(world, parent):
    school = world["school"]
    before = _snapshot()

    report = _import(
        world,
        [row(school.code, "Chiếm trường", world[parent].code, kind="school")],
        persona="other_office",
    )

    assert not report.ok
    assert [e.row for e in report.errors] == [2]
    assert _snapshot() == before


def test_import_units_blank_parent_needs_superuser(world):
    report = _import(world, [row("TINH-MOI", "Ủy ban nhân dân tỉnh Mới", "", kind="province")])
    assert [(e.row, e.column) for e in report.errors] == [(2, COL_PARENT)]
    assert not Unit.objects.filter(code="TINH-MOI").exists()

    report = _import(
        world,
        [row("TINH-MOI", "Ủy ban nhân dân tỉnh Mới", "", kind="province")],
        persona="superuser",
    )
    assert report.ok
    assert Unit.objects.get(code="TINH-MOI").is_root()


def test_import_units_stores_nfd_text_as_nfc(world):
    name = "Thôn Thượng Hồng"
    nfd = unicodedata.normalize("NFD", name)
    assert nfd != name

    report = _import(
        world,
        [
            row(
                "THON-TH",
                nfd,
                world["office_a"].code,
                kind=unicodedata.normalize("NFD", VILLAGE),
                short=unicodedata.normalize("NFD", "Thôn TH"),
            )
        ],
    )

    assert report.ok, report.errors
    unit = Unit.objects.get(code="THON-TH")
    assert unit.name == name
    assert unit.short_name == "Thôn TH"
    assert Unit.objects.filter(name=name).exists()


def test_import_units_numeric_code_kept_as_digits(world):
    report = _import(world, [row(123, "Thôn 123", world["office_a"].code)])

    assert report.ok, report.errors
    assert Unit.objects.filter(code="123").exists()


def test_import_units_non_xlsx_refused_in_vietnamese(world):
    with pytest.raises(DomainError) as exc:
        services.import_units(data=b"ma,ten\nA,B\n", by=world["users"]["staff"], dry_run=True)

    assert "Không đọc được tệp" in exc.value.message


def test_import_units_missing_columns_named(world):
    data = xlsx([{COL_CODE: "X", COL_NAME: "Y"}], headers=[COL_CODE, COL_NAME, COL_SHORT])

    with pytest.raises(DomainError) as exc:
        services.import_units(data=data, by=world["users"]["staff"], dry_run=True)

    assert f"“{COL_KIND}”" in exc.value.message
    assert f"“{COL_PARENT}”" in exc.value.message
    assert f"“{COL_NAME}”" not in exc.value.message


def test_import_units_without_active_column_keeps_units_active(world):
    headers = [COL_CODE, COL_NAME, COL_KIND, COL_PARENT]

    report = services.import_units(
        data=xlsx([row("THON-DONG", "Thôn Đông", world["office_a"].code)], headers=headers),
        by=world["users"]["staff"],
        dry_run=False,
    )

    assert report.ok, report.errors
    assert Unit.objects.get(code="THON-DONG").active is True


# --- export -----------------------------------------------------------------------------------
def _export(client, world, persona="staff", unit="office_a") -> openpyxl.Workbook:
    client.force_login(world["users"][persona])
    response = client.get(reverse("unit_export", kwargs={"pk": world[unit].pk}))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="don-vi-')
    return openpyxl.load_workbook(BytesIO(response.content))


def _sheet_rows(book) -> list[dict]:
    rows = list(book.active.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_unit_export_writes_subtree_with_parent_codes(client, world):
    rows = _sheet_rows(_export(client, world))

    assert [r[COL_CODE] for r in rows] == [world[k].code for k in ("office_a", "school", "agency")]
    assert [r[COL_PARENT] for r in rows] == [
        world["province"].code,
        world["office_a"].code,
        world["office_a"].code,
    ]
    assert rows[1][COL_KIND] == str(Unit.Kind.SCHOOL.label)
    assert rows[1][COL_ACTIVE] == "Có"


def test_unit_export_round_trip_reimports_cleanly(client, world):
    UnitFactory(parent=world["school"], name="Tổ khối 1", kind=Unit.Kind.OFFICE, active=False)
    before = _snapshot()
    book = _export(client, world)
    out = BytesIO()
    book.save(out)

    report = services.import_units(data=out.getvalue(), by=world["users"]["staff"], dry_run=False)

    assert report.ok, report.errors
    assert (report.total, report.new, report.updated) == (4, 0, 4)
    assert _snapshot() == before


def test_unit_export_cell_starting_with_equals_is_not_a_formula(client, world):
    school = world["school"]
    school.name = '=HYPERLINK("http://example.test","Bấm vào")'
    school.short_name = "=1+1"
    school.save()

    book = _export(client, world)

    cells = {c.value: c for r in book.active.iter_rows() for c in r}
    for text in (school.name, school.short_name):
        assert text in cells
        assert cells[text].data_type != "f"
    out = BytesIO()
    book.save(out)
    report = services.import_units(data=out.getvalue(), by=world["users"]["staff"], dry_run=False)
    assert report.ok, report.errors
    assert Unit.objects.get(pk=school.pk).short_name == "=1+1"


def test_unit_template_has_only_headers(client, world):
    client.force_login(world["users"]["submitter"])

    response = client.get(reverse("unit_template"))

    rows = list(
        openpyxl.load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True)
    )
    assert rows == [tuple(UNIT_COLUMNS)]


# --- import view ------------------------------------------------------------------------------
def _upload(data: bytes, name: str = "don-vi.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_unit_import_view_preview_shows_errors(client, world):
    client.force_login(world["users"]["staff"])
    data = xlsx([row("THON-DONG", "Thôn Đông", world["office_a"].code), row("TO-9", "", "X")])
    before = _snapshot()

    response = client.post(reverse("unit_import"), {"file": _upload(data), "preview": ""})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="import-errors"' in html
    assert f"Dòng 3, cột “{COL_NAME}”" in html
    assert f"Dòng 3, cột “{COL_PARENT}”" in html
    assert _snapshot() == before


def test_unit_import_view_preview_of_good_file_writes_nothing(client, world):
    client.force_login(world["users"]["staff"])
    data = xlsx([row("THON-DONG", "Thôn Đông", world["office_a"].code)])

    response = client.post(reverse("unit_import"), {"file": _upload(data), "preview": ""})

    assert 'data-testid="import-preview"' in response.content.decode()
    assert not Unit.objects.filter(code="THON-DONG").exists()


def test_unit_import_view_confirm_creates_units(client, world):
    client.force_login(world["users"]["staff"])
    data = xlsx(
        [row("THON-DONG", "Thôn Đông", world["office_a"].code), row("TO-1", "Tổ 1", "THON-DONG")]
    )

    response = client.post(reverse("unit_import"), {"file": _upload(data), "confirm": ""})

    assert response.status_code == 302
    assert response.url == reverse("unit_list")
    assert _parent_code("TO-1") == "THON-DONG"
    assert _parent_code("THON-DONG") == world["office_a"].code


def test_unit_import_view_confirm_with_errors_writes_nothing(client, world):
    client.force_login(world["users"]["staff"])
    data = xlsx([row("THON-DONG", "Thôn Đông", world["office_a"].code), row("TO-9", "T", "X")])

    response = client.post(reverse("unit_import"), {"file": _upload(data), "confirm": ""})

    assert response.status_code == 200
    assert "Dòng 3" in response.content.decode()
    assert not Unit.objects.filter(code="THON-DONG").exists()


def test_unit_import_view_refuses_other_file_types(client, world):
    client.force_login(world["users"]["staff"])

    response = client.post(
        reverse("unit_import"), {"file": _upload(b"ma,ten\n", "don-vi.csv"), "preview": ""}
    )

    assert response.status_code == 200
    assert "Chỉ nhận tệp Excel .xlsx." in response.content.decode()


def test_unit_import_view_unreadable_xlsx_shows_vietnamese_error(client, world):
    client.force_login(world["users"]["staff"])

    response = client.post(
        reverse("unit_import"), {"file": _upload(b"not a workbook"), "preview": ""}
    )

    assert response.status_code == 200
    assert "Không đọc được tệp" in response.content.decode()


def test_import_units_refuses_to_deactivate_own_office(world):
    office = world["office_a"]
    before = _snapshot()

    report = _import(
        world,
        [row(office.code, office.name, world["province"].code, kind="commune", active="Không")],
    )

    assert not report.ok
    assert "Không thể ngừng hoạt động" in " ".join(e.message for e in report.errors)
    assert _snapshot() == before
