"""A unit's Excel list of nominees: every row checked with the rules of the nomination forms
(nominations.py: required values, the round's awards, duplicates, the quota), then the whole
list sent with submit_new_nominations, or nothing."""

from collections import Counter

from django.urls import reverse

from conferences.models import Unit, User
from core.errors import DomainError
from core.importing import (
    PROGRESS_EVERY,
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
from core.vntext import format_number

from .. import eligibility
from ..models import Nomination, NominationRound
from ..resources import (
    COL_AWARD,
    COL_BIRTH,
    COL_GENDER,
    COL_NAME,
    COL_SUMMARY,
    REQUIRED_COLUMNS,
    NominationResource,
)
from .nominations import (
    COLLECTIVE_FIELDS,
    COMMON_FIELDS,
    HOUSEHOLD_FIELDS,
    INDIVIDUAL_FIELDS,
    NO_QUOTA,
    RoundBook,
    check_deadline,
    check_may_nominate,
    new_nomination,
    submit_new_nominations,
)

K = Nomination.Kind
# The column each field of a rule's error is shown in.
COLUMNS = {
    "full_name": COL_NAME,
    "collective_name": COL_NAME,
    "birth_year": COL_BIRTH,
    "gender": COL_GENDER,
    "achievement_summary": COL_SUMMARY,
    "proposed_award": COL_AWARD,
}
FIELDS_OF = {
    K.INDIVIDUAL: set(INDIVIDUAL_FIELDS + COMMON_FIELDS),
    K.COLLECTIVE: set(COLLECTIVE_FIELDS + COMMON_FIELDS),
    K.HOUSEHOLD: set(HOUSEHOLD_FIELDS + COMMON_FIELDS),
}


def import_nominations(
    *,
    round: NominationRound,
    unit: Unit,
    data: bytes,
    by: User,
    dry_run: bool,
    progress: Progress = no_progress,
) -> ImportReport:
    """Read the unit's Excel list and send every row, or none: each error is named by row and
    column. `details` counts the individuals and collectives of a clean file.
    Side effects (not a dry run, a clean file): those of submit_new_nominations."""
    check_may_nominate(by, round, unit)
    check_deadline(round=round, status=Nomination.Status.DRAFT)
    progress("read", 0, 0)
    dataset = read_xlsx(data)
    resource = NominationResource(forms=list(round.allowed_forms.all()))
    check_headers(resource, dataset, REQUIRED_COLUMNS)
    rows = clean_rows(resource, dataset, progress=progress)
    book = RoundBook.load(round, unit, lock=False)
    if book.quota is None:
        raise DomainError(NO_QUOTA)
    nominations = _check_rows(rows, book, progress, round=round, unit=unit, by=by)
    kinds = Counter(n.kind for n in nominations)
    details = {
        "individuals": kinds[K.INDIVIDUAL],
        "collectives": kinds[K.COLLECTIVE],
        "households": kinds[K.HOUSEHOLD],
    }
    if dry_run and nominations:
        # Sent anyway: the preview says how many would wait for the office's override.
        ineligible = sum(bool(found) for found in eligibility.preview(round, nominations))
        if ineligible:
            details["ineligible"] = ineligible
    report = report_of(rows, new=len(nominations), details=details)
    if not report.ok or dry_run:
        return report
    progress("write", 0, len(nominations))
    try:
        submit_new_nominations(
            round=round, unit=unit, by=by, nominations=nominations, comment="Nhập từ Excel"
        )
    except DomainError as exc:  # the round changed since the check (another submission)
        return report_of(rows, file_errors=[exc.message])
    return report


def _check_rows(rows: list[ImportRow], book: RoundBook, progress: Progress, **owner):
    seen: dict[tuple[str, int | None], int] = {}
    nominations = []
    for count, row in enumerate(rows):
        if count % PROGRESS_EVERY == 0:
            progress("check", count, len(rows))
        nomination = _nomination(row, **owner)
        key = (nomination.name_key, nomination.birth_year)
        if nomination.name_key and key in seen:
            row.refuse(COL_NAME, f"Trùng với dòng {seen[key]} trong tệp.")
        elif nomination.name_key:
            seen[key] = row.number
        refused = {e.column for e in row.errors}  # a cell already refused says it once
        for exc in book.problems(nomination, quota=row.ok):
            if COLUMNS.get(exc.field or "") not in refused:
                row.refuse_rule(exc, COLUMNS)
        if row.ok:
            book.take(nomination)
            nominations.append(nomination)
    return nominations


def _nomination(row: ImportRow, **owner) -> Nomination:
    """The row as a draft, with the fields of its kind (one name column for every kind: a
    household's is its head's name)."""
    kind = row.values.get("kind") or K.INDIVIDUAL
    fields = {k: v for k, v in row.values.items() if k in FIELDS_OF[kind]}
    if kind == K.COLLECTIVE:
        fields["collective_name"] = row.values.get("full_name", "")
    nomination = new_nomination(kind=kind, **owner, **fields)
    nomination.declares_all = bool(row.values.get("declares_all"))
    return nomination


def _run_job(*, round: int, unit: int, **kwargs) -> ImportReport:
    return import_nominations(
        round=NominationRound.objects.select_related("conference__organiser").get(pk=round),
        unit=Unit.objects.get(pk=unit),
        **kwargs,
    )


def _describe(report: ImportReport) -> str:
    people, groups = report.details.get("individuals", 0), report.details.get("collectives", 0)
    return f"{format_number(people)} cá nhân, {format_number(groups)} tập thể"


def unit_eligibility_warning(round, unit) -> str:
    """After a list is sent: how many of the unit's nominations fail a check (the unit's page
    names each rule), or ""."""
    from .. import eligibility, selectors

    results = eligibility.check_round(round, list(selectors.unit_nominations(round, unit)))
    failing = sum(not result.ok for result in results.values())
    if not failing:
        return ""
    return (
        f"{failing} hồ sơ của đơn vị chưa đủ điều kiện khen thưởng (xem từng hồ sơ bên dưới). "
        "Hồ sơ vẫn được gửi; Hội đồng chỉ thông qua khi cơ quan thường trực xét vượt điều "
        "kiện có lý do."
    )


def _warning(params: dict) -> str:
    from conferences.models import Unit

    from ..models import NominationRound

    round = NominationRound.objects.get(pk=params["round"])
    return unit_eligibility_warning(round, Unit.objects.get(pk=params["unit"]))


IMPORTER = Importer(
    title="Gửi danh sách đề nghị bằng Excel",
    run=_run_job,
    page=lambda p: reverse(
        "honorees:nomination_import", kwargs={"pk": p["round"], "unit_pk": p["unit"]}
    ),
    after=lambda p: reverse("honorees:unit_round", kwargs={"pk": p["round"], "unit_pk": p["unit"]}),
    describe=_describe,
    warning=_warning,
)
