"""A unit's delegate list from Excel: every row or none."""

from core.importing import ImportReport, check_headers, read_xlsx, run_import

from ..models import SeatAllocation
from ..resources import REQUIRED_COLUMNS, DelegateResource


def import_unit_delegates(*, conference, unit, data: bytes, by, dry_run: bool) -> ImportReport:
    """Add the delegates listed in an .xlsx file to `unit`'s seats. All or nothing: any row
    with an error (a missing name, an unknown category, no seat left) writes nothing, and
    every error names its Excel row and column.
    Side effects (when not a dry run and the file is clean): delegate rows and their
    activity entries, as add_delegate."""
    categories = [
        a.category
        for a in SeatAllocation.objects.filter(
            category__conference=conference, unit=unit
        ).select_related("category")
    ]
    dataset = read_xlsx(data)
    resource = DelegateResource(conference=conference, unit=unit, user=by, categories=categories)
    check_headers(resource, dataset, REQUIRED_COLUMNS)
    return run_import(resource, dataset, dry_run=dry_run)
