"""A unit's delegate list from Excel: every row checked with the rules of the delegate form
(register.py, allocation.py), then the whole list added with add_delegates, or nothing."""

from django.urls import reverse

from conferences.models import Conference, Unit
from core.errors import DomainError
from core.importing import (
    ImportReport,
    ImportRow,
    Progress,
    check_headers,
    clean_rows,
    no_progress,
    read_xlsx,
    report_of,
)
from core.jobs import Importer
from core.vntext import fold, format_number

from ..models import DelegateCategory, Source
from ..resources import COL_BIRTH, COL_CATEGORY, COL_NAME, REQUIRED_COLUMNS, DelegateResource
from .allocation import SeatBook
from .register import add_delegates, check_may_submit, clean_delegate_fields

COLUMNS = {"category": COL_CATEGORY, "full_name": COL_NAME, "birth_year": COL_BIRTH}


def import_unit_delegates(
    *, conference, unit, data: bytes, by, dry_run: bool, progress: Progress = no_progress
) -> ImportReport:
    """Add the delegates listed in an .xlsx file to `unit`'s seats. All or nothing: any row
    with an error (a missing name, an unknown category, no seat left) writes nothing, and
    every error names its Excel row and column.
    Side effects (not a dry run, a clean file): those of add_delegates."""
    office = check_may_submit(by, conference, unit)
    progress("read", 0, 0)
    dataset = read_xlsx(data)
    resource = DelegateResource()
    check_headers(resource, dataset, REQUIRED_COLUMNS)
    rows = clean_rows(resource, dataset, progress=progress)
    categories = {fold(c.title): c for c in DelegateCategory.objects.filter(conference=conference)}
    seats = SeatBook.load(conference=conference, unit=unit, lock=False)
    people = []
    for row in rows:
        person = _check_row(row, categories, seats, office)
        if person is not None:
            people.append(person)
    report = report_of(rows, new=len(people))
    if not report.ok or dry_run:
        return report
    try:
        add_delegates(conference=conference, unit=unit, by=by, people=people, source=Source.UNIT)
    except DomainError as exc:  # the seats changed since the check
        return report_of(rows, file_errors=[exc.message])
    return report


def _check_row(row: ImportRow, categories: dict, seats: SeatBook, office: bool):
    title = row.values.pop("category", "")
    category = categories.get(fold(title))
    if category is None:
        message = f"Hội nghị không có thành phần “{title}”." if title else "Chưa ghi thành phần."
        row.refuse(COL_CATEGORY, message)
    fields = {}
    try:
        fields = clean_delegate_fields(row.values)
        if category is not None and row.ok:
            seats.claim(category, by_office=office)
    except DomainError as exc:
        row.refuse_rule(exc, COLUMNS)
    return (category, fields) if row.ok else None


def _run_job(*, conference: int, unit: int, **kwargs) -> ImportReport:
    return import_unit_delegates(
        conference=Conference.objects.select_related("organiser").get(pk=conference),
        unit=Unit.objects.get(pk=unit),
        **kwargs,
    )


def _kwargs(params: dict) -> dict:
    return {"conference_pk": params["conference"], "unit_pk": params["unit"]}


IMPORTER = Importer(
    title="Nhập đại biểu từ Excel",
    run=_run_job,
    page=lambda p: reverse("delegates_unit_import", kwargs=_kwargs(p)),
    after=lambda p: reverse("delegates_unit", kwargs=_kwargs(p)),
    describe=lambda r: f"{format_number(r.new)} đại biểu",
)
