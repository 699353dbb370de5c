from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count

from conferences.models import Unit, User
from conferences.services import log_activity
from core.errors import DomainError, PermissionDeniedError
from core.importing import ImportReport, check_headers, read_xlsx, run_import
from core.vntext import nfc

from ..models import AwardForm, Nomination, NominationRound, RoundQuota
from ..permissions import can_act_for_unit
from .nominations import ACTIVE, lock_quota

KIND_WORDS = {Nomination.Kind.INDIVIDUAL: "cá nhân", Nomination.Kind.COLLECTIVE: "tập thể"}


@dataclass
class ImportContext:
    """What every row is checked against, loaded once before the rows are read."""

    round: NominationRound
    unit: Unit
    user: User
    quota: RoundQuota
    forms: list[AwardForm]
    used: dict[str, int]
    taken: dict[tuple[str, int | None], str]  # (name key, birth year) -> unit name
    excel_rows: list[int] = field(default_factory=list)

    def excel_row(self, number: int) -> int:
        return self.excel_rows[number - 1] if self.excel_rows else number + 1

    def check(self, n: Nomination, errors: dict, seen: dict, excel_row: int) -> Iterator:
        if not n.display_name and "full_name" not in errors:
            yield "full_name", "Chưa ghi họ và tên (hoặc tên tập thể)."
        if not n.achievement_summary and "achievement_summary" not in errors:
            yield "achievement_summary", "Chưa ghi tóm tắt thành tích."
        individual = n.kind == Nomination.Kind.INDIVIDUAL
        if individual and n.birth_year is None and "birth_year" not in errors:
            yield "birth_year", "Chưa ghi năm sinh."
        award = n.proposed_award if "proposed_award" not in errors else None
        if award and not (award.for_individuals if individual else award.for_collectives):
            yield "proposed_award", f"“{award.name}” không tặng cho {KIND_WORDS[n.kind]}."
        if not n.name_key:
            return
        key = (n.name_key, n.birth_year)
        if key in seen:
            yield "full_name", f"Trùng với dòng {seen[key]} trong tệp."
        else:
            seen[key] = excel_row
        if key in self.taken:
            yield "full_name", f"Đã được đề nghị trong đợt này (đơn vị {self.taken[key]})."

    def quota_error(self, kind: str, in_file: int) -> str:
        limit = self.quota.limit_for(kind)
        used = self.used.get(kind, 0)
        if used + in_file <= limit:
            return ""
        return (
            f"Vượt chỉ tiêu: đơn vị được đề nghị tối đa {limit} {KIND_WORDS[kind]} "
            f"(đã gửi {used}); dòng này là {KIND_WORDS[kind]} thứ {used + in_file}."
        )


@dataclass(frozen=True)
class NominationImport:
    report: ImportReport
    individuals: int = 0
    collectives: int = 0


def _context(round: NominationRound, unit: Unit, by: User, quota: RoundQuota) -> ImportContext:
    used = dict(
        Nomination.objects.filter(round=round, unit=unit, status__in=Nomination.COUNTED)
        .values_list("kind")
        .annotate(n=Count("id"))
    )
    taken = {
        (key, year): unit_name
        for key, year, unit_name in Nomination.objects.filter(
            round=round, status__in=ACTIVE
        ).values_list("name_key", "birth_year", "unit__name")
    }
    return ImportContext(
        round=round,
        unit=unit,
        user=by,
        quota=quota,
        forms=list(round.allowed_forms.all()),
        used=used,
        taken=taken,
    )


def _check_may_import(round: NominationRound, unit: Unit, by: User) -> None:
    if not can_act_for_unit(by, unit) or not unit.path.startswith(round.conference.organiser.path):
        raise PermissionDeniedError("Bạn không có quyền gửi hồ sơ cho đơn vị này.")
    if not round.accepts_submissions:
        raise DomainError("Đợt đã hết hạn nhận hồ sơ hoặc đã khóa.")


@transaction.atomic
def import_nominations(
    *, round: NominationRound, unit: Unit, data: bytes, by: User, dry_run: bool
) -> NominationImport:
    """Read the unit's Excel list and submit every row, or none: each error is named by row
    and column. Rows are checked for values, the round's awards, duplicates (in the file and
    in the round) and the unit's quota.
    Side effects (not a dry run, clean file): submitted nominations, their events, one log
    entry."""
    from ..resources import REQUIRED_COLUMNS, NominationResource

    _check_may_import(round, unit, by)
    dataset = read_xlsx(data)
    dataset.headers = [nfc(str(h)) if h is not None else None for h in dataset.headers]
    check_headers(NominationResource, dataset, REQUIRED_COLUMNS)
    quota = lock_quota(round, unit)
    if quota is None:
        raise DomainError("Đơn vị chưa được giao chỉ tiêu trong đợt này.")
    context = _context(round, unit, by, quota)
    context.excel_rows = getattr(dataset, "excel_rows", [])
    resource = NominationResource(context=context)
    report = run_import(resource, dataset, dry_run=dry_run)
    counts = resource.file_counts
    if report.ok and not dry_run:
        log_activity(
            actor=by,
            action="nomination.imported",
            summary=f"{unit.name} gửi {report.new} hồ sơ từ Excel",
            target=round,
            conference=round.conference,
        )
    return NominationImport(
        report=report,
        individuals=counts[Nomination.Kind.INDIVIDUAL],
        collectives=counts[Nomination.Kind.COLLECTIVE],
    )
