"""The unit tree from Excel: every row checked with the rules of the unit forms, then the file
written through the same services (create_units, update_units, move_unit), all or nothing.

The rows are checked in order against the tree as it will be after the rows above them: a
row may name as its parent a unit created or moved higher up. The check runs in memory on
the units the file names (and their ancestors), loaded with a few queries; nothing is locked
while the file is read and checked. Only the write takes row locks, on the parents that
receive new units, for the seconds the bulk insert lasts."""

from dataclasses import dataclass, field

from django.db import transaction
from django.urls import reverse

from core.errors import DomainError
from core.importing import (
    PROGRESS_EVERY,
    ImportReport,
    ImportRow,
    Progress,
    check_headers,
    clean_rows,
    read_xlsx,
    report_of,
)
from core.jobs import Importer
from core.vntext import format_number

from . import services
from .models import Unit, User
from .resources import COL_CODE, COL_NAME, COL_PARENT, REQUIRED_UNIT_COLUMNS, UnitResource

COLUMNS = {"code": COL_CODE, "name": COL_NAME, "parent": COL_PARENT}
FIELDS = ("name", "short_name", "kind", "active")
WRITE_CHUNK = 2000  # new units per create_units call, between two progress reports


def import_unit_tree(*, data: bytes, by: User, dry_run: bool, progress: Progress) -> ImportReport:
    progress("read", 0, 0)
    dataset = read_xlsx(data)
    check_headers(UnitResource(), dataset, REQUIRED_UNIT_COLUMNS)
    rows = clean_rows(UnitResource(), dataset, progress=progress)
    plan = TreePlan.load(rows, by)
    for count, row in enumerate(rows):
        if count % PROGRESS_EVERY == 0:
            progress("check", count, len(rows))
        plan.add(row)
    report = report_of(rows, new=len(plan.new), updated=len(plan.existing))
    if not report.ok or dry_run:
        return report
    try:
        with transaction.atomic():
            plan.write(progress)
    except DomainError as exc:  # the tree changed since the check (another user's edit)
        return report_of(rows, file_errors=[exc.message])
    return report


def _code(value) -> str:
    return (value or "").upper()


@dataclass
class TreePlan:
    """The units the file names, as they will be after each row; what to write."""

    by: User
    units: dict[str, Unit]  # by code: the existing units loaded, then the new ones
    parents: dict[str, str | None]  # code -> parent code, as the rows leave it
    new: list[tuple[Unit, Unit | None]] = field(default_factory=list)
    existing: set[str] = field(default_factory=set)  # codes of existing units the file names
    updates: dict[int, dict] = field(default_factory=dict)  # pk -> fields
    moves: list[tuple[Unit, Unit]] = field(default_factory=list)
    rows_of: dict[str, int] = field(default_factory=dict)  # code -> the row that names it
    steps: int = 0

    @classmethod
    def load(cls, rows: list[ImportRow], by: User) -> "TreePlan":
        """The units named by code in the file, with all their ancestors (three queries)."""
        codes = {_code(r.values.get(k)) for r in rows for k in ("code", "parent_code")} - {""}
        named = list(services.units_by_code(codes).values())
        step = Unit.steplen
        prefixes = {u.path[:end] for u in named for end in range(step, len(u.path), step)}
        ancestors = _by_path(prefixes)
        units = {u.code: u for u in [*named, *ancestors.values()]}
        by_path = {u.path: u for u in units.values()}
        parents = {}
        for u in units.values():
            parent = by_path.get(u.path[: -Unit.steplen])
            parents[u.code] = parent.code if parent else None
        return cls(by=by, units=units, parents=parents)

    # --- checking, row by row -------------------------------------------------------------
    def add(self, row: ImportRow) -> None:
        code = _code(row.values.get("code"))
        for name, column in (("code", COL_CODE), ("name", COL_NAME)):
            if name in row.values and not row.values[name]:
                row.refuse(column, f"Chưa ghi “{column}”.")
        if code in self.rows_of:
            row.refuse(COL_CODE, f"Mã đơn vị “{code}” đã có ở dòng {self.rows_of[code]}.")
        elif code:
            self.rows_of[code] = row.number
        parent_code = _code(row.values.get("parent_code"))
        parent = self.units.get(parent_code) if parent_code else None
        if parent_code and parent is None:
            row.refuse(
                COL_PARENT,
                f"Không có đơn vị nào mang mã “{parent_code}” (ở trên dòng này hoặc trong hệ thống).",
            )
        if not row.ok:
            return
        if code in self.units:
            self._change(row, self.units[code], parent_code, parent)
        else:
            self._create(row, code, parent)

    def _create(self, row: ImportRow, code: str, parent: Unit | None) -> None:
        unit = Unit(code=code, **{n: row.values[n] for n in FIELDS if n in row.values})
        try:
            services.check_may_add_unit(self.by, parent)
        except DomainError as exc:
            row.refuse_rule(exc, COLUMNS)
            return
        unit.path = self._next_path(parent)
        self.units[code], self.parents[code] = unit, parent.code if parent else None
        self.new.append((unit, parent))

    def _change(self, row: ImportRow, unit: Unit, parent_code: str, parent: Unit | None) -> None:
        try:
            services.check_may_edit_unit(self.by, unit)
            if unit.active and row.values.get("active") is False:
                services.check_can_deactivate(self.by, unit)
        except DomainError as exc:
            row.refuse_rule(exc, COLUMNS)
            return
        self.existing.add(unit.code)
        self.updates[unit.pk] = {n: row.values[n] for n in FIELDS if n in row.values}
        if (parent_code or None) == self.parents[unit.code]:
            return  # stays where it is
        if parent is None:
            row.refuse(COL_PARENT, "Chưa ghi mã đơn vị cấp trên.")
            return
        try:
            services.check_may_add_unit(self.by, parent)
            services.check_move(unit=unit, parent=parent)
        except DomainError as exc:
            row.refuse_rule(exc, COLUMNS)
            return
        self._move(unit, parent)

    # --- the tree as the rows leave it ------------------------------------------------------
    def _next_path(self, parent: Unit | None) -> str:
        """A path for a unit placed by the file. "~" is not in treebeard's alphabet, so it
        cannot meet a stored path; enough for prefix tests (who is under whom) until the
        services give out the real paths."""
        self.steps += 1
        return f"{parent.path if parent else ''}~{self.steps:07d}"

    def _move(self, unit: Unit, parent: Unit) -> None:
        old, new = unit.path, self._next_path(parent)
        for other in self.units.values():
            if other.path.startswith(old):
                other.path = new + other.path[len(old) :]
        self.parents[unit.code] = parent.code
        self.moves.append((unit, parent))

    # --- writing --------------------------------------------------------------------------
    def write(self, progress: Progress) -> None:
        """Create, then update, then move: a new unit is made under its parent as the parent
        stands now, and a later move takes it along with its parent's subtree."""
        total = len(self.new) + len(self.updates) + len(self.moves)
        for start in range(0, len(self.new), WRITE_CHUNK):
            progress("write", start, total)
            services.create_units(units=self.new[start : start + WRITE_CHUNK], by=self.by)
        progress("write", len(self.new), total)
        self._write_updates()
        for count, (unit, parent) in enumerate(self.moves, start=len(self.new) + len(self.updates)):
            progress("write", count, total)
            fresh = Unit.objects.in_bulk([unit.pk, parent.pk])
            services.move_unit(unit=fresh[unit.pk], parent=fresh[parent.pk], by=self.by)
        progress("write", total, total)

    def _write_updates(self) -> None:
        pks = list(self.updates)
        for start in range(0, len(pks), WRITE_CHUNK):
            chunk = pks[start : start + WRITE_CHUNK]
            fresh = Unit.objects.select_for_update().in_bulk(chunk)
            services.update_units(
                changes=[(fresh[pk], self.updates[pk]) for pk in chunk], by=self.by
            )


def _by_path(paths: set[str]) -> dict[str, Unit]:
    paths = list(paths)
    return {
        u.path: u
        for start in range(0, len(paths), services.BATCH)
        for u in Unit.objects.filter(path__in=paths[start : start + services.BATCH])
    }


IMPORTER = Importer(
    title="Nhập đơn vị từ Excel",
    run=services.import_units,
    page=lambda params: reverse("unit_import"),
    after=lambda params: reverse("unit_list"),
    describe=lambda r: (
        f"{format_number(r.new)} đơn vị mới, {format_number(r.updated)} đơn vị được cập nhật"
    ),
)
