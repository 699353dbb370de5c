"""The unit forms (services) and the Excel import refuse the same unit with the same words,
and the import writes through create_units, update_units and move_unit: rows are checked
against the tree as the rows above leave it, then written in bulk."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conferences import services
from conferences.models import ActivityEntry, Unit
from conferences.resources import COL_CODE, COL_PARENT
from core.errors import DomainError, PermissionDeniedError
from tests.conferences.test_import_export import VILLAGE, row, xlsx

pytestmark = pytest.mark.django_db


def _import(world, rows, persona="staff"):
    return services.import_units(data=xlsx(rows), by=world["users"][persona], dry_run=False)


def _tree() -> list[tuple[str, str | None]]:
    """(code, parent code) of every unit, and the tree's own consistency check."""
    assert Unit.objects.find_problems() == ([], [], [], [], [])
    units = {u.path: u for u in Unit.objects.all()}
    return sorted((u.code, getattr(units.get(u.path[:-4]), "code", None)) for u in units.values())


# --- the same rule, the same message ------------------------------------------------------------
def test_unit_moved_under_its_own_child_refused_by_form_and_import_alike(client, world):
    office_a, school = world["office_a"], world["school"]
    client.force_login(world["users"]["staff"])
    before = _tree()

    page = client.post(reverse("unit_move", kwargs={"pk": office_a.pk}), {"parent": school.code})
    [error] = _import(
        world, [row(office_a.code, office_a.name, school.code, kind="commune")]
    ).errors

    assert error.message == services.MOVE_INTO_ITSELF
    assert (error.row, error.column) == (2, COL_PARENT)
    assert services.MOVE_INTO_ITSELF in page.content.decode()
    assert _tree() == before


def test_unit_under_another_office_refused_by_service_and_import_alike(world):
    office_b = world["office_b"]
    expected = f"Bạn không có quyền thêm đơn vị vào “{office_b.name}”."

    with pytest.raises(PermissionDeniedError, match=expected):
        services.create_unit(
            parent=office_b, by=world["users"]["staff"], name="Thôn B", code="THON-B", kind=VILLAGE
        )
    [error] = _import(world, [row("THON-B", "Thôn B", office_b.code)]).errors

    assert (error.column, error.message) == (COL_PARENT, expected)
    assert not Unit.objects.filter(code="THON-B").exists()


def test_top_unit_refused_by_service_and_import_alike(world):
    with pytest.raises(PermissionDeniedError) as refused:
        services.create_unit(
            parent=None, by=world["users"]["staff"], name="Tỉnh Mới", code="TM", kind="province"
        )
    [error] = _import(world, [row("TM", "Tỉnh Mới", "", kind="province")]).errors

    assert (error.column, error.message) == (COL_PARENT, refused.value.message)


def test_unit_of_another_office_refused_by_service_and_import_alike(world):
    school = world["school"]

    with pytest.raises(PermissionDeniedError) as refused:
        services.update_unit(unit=school, by=world["users"]["other_office"], name="Chiếm")
    [error] = _import(
        world, [row(school.code, "Chiếm", world["office_a"].code, kind="school")], "other_office"
    ).errors

    assert (error.column, error.message) == (COL_CODE, refused.value.message)


# --- the rows, in order, against the tree as they leave it -----------------------------------
def test_import_moves_through_move_unit_and_creates_under_moved_unit(world):
    school, agency = world["school"], world["agency"]

    report = _import(
        world,
        [
            row("THON-1", "Thôn 1", school.code),  # new, under a unit the next row moves
            row(school.code, school.name, agency.code, kind="school"),
            row("TO-1", "Tổ 1", "THON-1"),
        ],
    )

    assert report.ok, report.errors
    tree = dict(_tree())
    assert (tree[school.code], tree["THON-1"], tree["TO-1"]) == (agency.code, school.code, "THON-1")
    moved = ActivityEntry.objects.get(action="unit.moved")
    assert moved.changes == {"parent": [world["office_a"].name, agency.name]}
    assert ActivityEntry.objects.filter(action="unit.created").count() == 2


def test_import_refuses_a_cycle_made_across_rows(world):
    school, agency = world["school"], world["agency"]
    before = _tree()

    report = _import(
        world,
        [
            row(school.code, school.name, agency.code, kind="school"),
            row(agency.code, agency.name, school.code, kind="agency"),
        ],
    )

    assert [(e.row, e.column, e.message) for e in report.errors] == [
        (3, COL_PARENT, services.MOVE_INTO_ITSELF)
    ]
    assert _tree() == before


def test_import_refuses_a_code_twice_in_the_file(world):
    a = world["office_a"].code

    report = _import(world, [row("THON-1", "Thôn 1", a), row("thon-1", "Thôn Một", a)])

    assert [str(e) for e in report.errors] == [
        "Dòng 3, cột “Mã đơn vị”: Mã đơn vị “THON-1” đã có ở dòng 2."
    ]


def test_import_refuses_a_name_longer_than_the_form_allows(world):
    report = _import(world, [row("THON-1", "T" * 256, world["office_a"].code)])

    [error] = report.errors
    assert error.column == "Tên đơn vị"
    assert "255" in error.message


def test_import_leaves_fields_of_missing_columns_alone(world):
    school = world["school"]
    Unit.objects.filter(pk=school.pk).update(active=False, short_name="TH")
    headers = [COL_CODE, "Tên đơn vị", "Loại đơn vị", COL_PARENT]
    data = xlsx([row(school.code, "Trường mới", world["office_a"].code, kind="school")], headers)

    report = services.import_units(data=data, by=world["users"]["staff"], dry_run=False)

    assert report.ok, report.errors
    school.refresh_from_db()
    assert (school.name, school.active, school.short_name) == ("Trường mới", False, "TH")


def test_new_units_take_paths_after_the_last_child_left_by_a_deletion(world):
    office_a = Unit.objects.get(pk=world["office_a"].pk)
    extra = services.create_unit(parent=office_a, by=world["users"]["staff"], name="X",
                                 code="X", kind=Unit.Kind.VILLAGE)  # fmt: skip
    Unit.objects.get(pk=world["agency"].pk).delete()  # a gap before the last child

    report = _import(world, [row("THON-1", "Thôn 1", office_a.code)])

    assert report.ok, report.errors
    new = Unit.objects.get(code="THON-1")
    assert new.path > Unit.objects.get(pk=extra.pk).path
    _tree()


# --- bulk writes: queries do not grow with the rows ----------------------------------------------
def _import_queries(world, count: int, prefix: str) -> int:
    offices = [world["office_a"], world["school"], world["agency"]]
    rows = [row(f"{prefix}{i}", f"Thôn {i}", offices[i % 3].code) for i in range(count)]
    with CaptureQueriesContext(connection) as queries:
        report = _import(world, rows)
    assert report.ok, report.errors
    return len(queries)


def test_unit_import_queries_do_not_grow_with_the_rows(world):
    _import_queries(world, 1, "WARM")  # content types and memberships cached
    three = _import_queries(world, 3, "A")
    sixty = _import_queries(world, 60, "B")

    assert sixty == three
    _tree()


def test_create_units_refuses_a_taken_code_and_writes_nothing(world):
    count = Unit.objects.count()

    with pytest.raises(DomainError, match="đã được dùng"):
        services.create_units(
            units=[(Unit(name="A", code="NEW-A", kind=Unit.Kind.VILLAGE), world["office_a"]),
                   (Unit(name="B", code=world["school"].code, kind=Unit.Kind.VILLAGE), world["office_a"])],
            by=world["users"]["staff"],
        )  # fmt: skip

    assert Unit.objects.count() == count
