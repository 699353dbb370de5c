"""Whether a nominee may be awarded: the principles of NĐ 152/2025 Điều 4 (no award while the
person is under discipline review, inspection or complaint verification; achievements count
only after a discipline period ends), the conditions of the proposed title (AwardCondition:
earlier titles from the person's history in signed decisions, declarations the unit ticks),
and the objections of agencies asked for clearance that the office has not resolved.

Each failed check names its rule and its source. The office may let a nominee through a failed
check with a reason (EligibilityOverride); an agency's objection is resolved instead. The
checks of a whole round run in a constant number of queries.

Awards "đột xuất" and "theo chuyên đề" are not a basis for awards "công trạng" (NĐ 152/2025
Điều 4): when the proposed award is "công trạng", only "công trạng" awards of the history count.
Maternity leave counts as working time: nothing to check."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from conferences.models import Unit
from core.errors import DomainError

from .models import (
    AwardCondition,
    AwardDecision,
    AwardForm,
    AwardLine,
    ClearanceAnswer,
    EligibilityOverride,
    Nomination,
    NominationRound,
)

PRINCIPLES_SOURCE = (
    "Nghị định 152/2025/NĐ-CP, Điều 4 (nguyên tắc đã có từ Thông tư 08/2017/TT-BNV; "
    "lời văn của Nghị định 152 chưa đối chiếu)"
)
PRINCIPLES_VERIFIED = False
# rule code, the nomination's flag, what the result says
FLAGS = (
    ("flag.discipline_review", "discipline_review", "Đang bị xem xét kỷ luật"),
    ("flag.inspection", "under_inspection", "Đang bị thanh tra, kiểm tra"),
    ("flag.complaint", "complaint_pending", "Đang xác minh khiếu nại, tố cáo"),
)
DISCIPLINE_PERIOD = "flag.discipline_period"
CLEARANCE_SOURCE = "Ý kiến xác nhận, hiệp y của cơ quan được hỏi"
MERIT = AwardForm.Basis.MERIT


@dataclass(frozen=True)
class Finding:
    """One failed check: its rule (code and wording), its source, and the office's override
    when there is one. `overridable` is false for an agency's objection (the office resolves
    it on the clearance page instead)."""

    code: str
    text: str
    source: str
    verified: bool = True
    overridable: bool = True
    override: EligibilityOverride | None = None

    @property
    def blocks(self) -> bool:
        return self.override is None


@dataclass
class Result:
    """The checks of one nomination: `findings` lists the failed ones (overridden or not)."""

    nomination_id: int
    findings: list[Finding] = field(default_factory=list)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocks]

    @property
    def overridden(self) -> list[Finding]:
        return [f for f in self.findings if not f.blocks]

    @property
    def ok(self) -> bool:
        return not self.blocking

    def finding(self, code: str) -> Finding | None:
        return next((f for f in self.findings if f.code == code), None)


# --- Entry points ---------------------------------------------------------------------------------
def check_nomination(nomination: Nomination) -> Result:
    """The checks of one nomination (a constant number of queries)."""
    return _evaluate(nomination.round, [nomination], single=nomination.pk)[nomination.pk]


def check_round(
    round: NominationRound, nominations: list[Nomination] | None = None
) -> dict[int, Result]:
    """The checks of the round's nominations (all of them unless given), by nomination id, in
    a constant number of queries whatever their number."""
    if nominations is None:
        nominations = list(Nomination.objects.filter(round=round).select_related("proposed_award"))
    return _evaluate(round, nominations, single=None)


def preview(round: NominationRound, nominations: list[Nomination]) -> list[list[Finding]]:
    """The failed checks of unsaved nominations (an Excel list before it is sent), in their
    order: the flags, the conditions (declarations count as ticked when `declares_all` is set),
    the history; constant queries."""
    conditions = _conditions(nominations)
    keys = [n.name_key for n in nominations]
    history = _history(round, nominations, keys=keys) if _needs_history(conditions) else {}
    period_start, up_to = _period(round)
    found = []
    for nomination in nominations:
        own = conditions.get(nomination.proposed_award_id, [])
        ticked = {c.pk for c in own} if getattr(nomination, "declares_all", False) else set()
        found.append(
            _principles(nomination, period_start)
            + _conditions_failed(
                nomination, own, ticked, history.get(_person(nomination), []), up_to
            )
        )
    return found


def attach_results(round: NominationRound, nominations: list[Nomination]) -> list[Nomination]:
    """Set `eligibility` (a Result) on each nomination of the list, for the templates."""
    results = check_round(round, nominations)
    for nomination in nominations:
        nomination.eligibility = results.get(nomination.pk, Result(nomination.pk))
    return nominations


def check_approvable(nomination: Nomination) -> None:
    """Refuse approval while a check fails without an override, or an agency's objection is
    not resolved: the DomainError names each rule."""
    result = check_nomination(nomination)
    if result.ok:
        return
    rules = "; ".join(f"{f.text} ({f.source})" for f in result.blocking)
    raise DomainError(
        f"Chưa thể thông qua {nomination.display_name}: {rules}. Cơ quan thường trực xét vượt "
        "điều kiện (ghi lý do) hoặc xử lý ý kiến của cơ quan được hỏi trước khi thông qua."
    )


def overrides_for_round(round: NominationRound) -> list[EligibilityOverride]:
    """The office's overrides in the round, in order, with their nomination and author (for
    the council's minutes)."""
    return list(
        EligibilityOverride.objects.filter(nomination__round=round)
        .select_related("nomination", "created_by")
        .order_by("nomination__kind", "nomination_id", "created_at", "id")
    )


def declaration_conditions(award_forms) -> QuerySet[AwardCondition]:
    """The declarations a unit may tick for these award forms (the nomination form's boxes)."""
    return AwardCondition.objects.filter(
        award_form__in=award_forms, kind=AwardCondition.Kind.DECLARATION, active=True
    ).select_related("award_form")


# --- The evaluation -------------------------------------------------------------------------------
def _evaluate(
    round: NominationRound, nominations: list[Nomination], *, single: int | None
) -> dict[int, Result]:
    scope = {"nomination_id": single} if single else {"nomination__round": round}
    conditions = _conditions(nominations)
    declared = _declared(scope)
    overrides = {
        (o.nomination_id, o.rule_code): o for o in EligibilityOverride.objects.filter(**scope)
    }
    objections = _objections(scope)
    keys = [nominations[0].name_key] if single else None
    history = _history(round, nominations, keys=keys) if _needs_history(conditions) else {}
    period_start, up_to = _period(round)
    results = {}
    for nomination in nominations:
        findings = _principles(nomination, period_start)
        findings += _conditions_failed(
            nomination,
            conditions.get(nomination.proposed_award_id, []),
            declared.get(nomination.pk, set()),
            history.get(_person(nomination), []),
            up_to,
        )
        findings += objections.get(nomination.pk, [])
        results[nomination.pk] = Result(
            nomination.pk,
            [_with_override(f, overrides.get((nomination.pk, f.code))) for f in findings],
        )
    return results


def _period(round: NominationRound) -> tuple[dt.date, int]:
    """The first day of the period reviewed, and the year runs of titles end with: the
    period's last year, or this year for a period still running."""
    conference = round.conference
    start = dt.date(conference.start_year, 1, 1)
    return start, min(conference.end_year, timezone.localdate().year)


def _with_override(finding: Finding, override: EligibilityOverride | None) -> Finding:
    if override is None or not finding.overridable:
        return finding
    return Finding(**{**finding.__dict__, "override": override})


def _principles(nomination: Nomination, period_start: dt.date) -> list[Finding]:
    findings = [
        Finding(code, f"{label}: chưa xét khen thưởng", PRINCIPLES_SOURCE, PRINCIPLES_VERIFIED)
        for code, flag, label in FLAGS
        if getattr(nomination, flag)
    ]
    until = nomination.discipline_until
    if until is not None and until >= period_start:
        findings.append(
            Finding(
                DISCIPLINE_PERIOD,
                f"Thời hạn kỷ luật đến ngày {until:%d/%m/%Y}: thành tích chỉ được tính từ sau "
                f"ngày này (thời gian xét từ {period_start:%d/%m/%Y})",
                PRINCIPLES_SOURCE,
                PRINCIPLES_VERIFIED,
            )
        )
    return findings


def _conditions(nominations: list[Nomination]) -> dict[int, list[AwardCondition]]:
    forms = {n.proposed_award_id for n in nominations}
    by_form: dict[int, list[AwardCondition]] = defaultdict(list)
    rows = AwardCondition.objects.filter(award_form_id__in=forms, active=True).select_related(
        "award_form", "required_form"
    )
    for condition in rows:
        by_form[condition.award_form_id].append(condition)
    return by_form


def _needs_history(conditions: dict[int, list[AwardCondition]]) -> bool:
    return any(c.kind == AwardCondition.Kind.HISTORY for cs in conditions.values() for c in cs)


def _declared(scope: dict) -> dict[int, set[int]]:
    through = Nomination.declarations.through.objects.filter(**scope)
    declared: dict[int, set[int]] = defaultdict(set)
    for nomination_id, condition_id in through.values_list("nomination_id", "awardcondition_id"):
        declared[nomination_id].add(condition_id)
    return declared


def _objections(scope: dict) -> dict[int, list[Finding]]:
    answers = (
        ClearanceAnswer.objects.filter(status=ClearanceAnswer.Status.OBJECTED, **scope)
        .select_related("request__agency")
        .order_by("request__agency__path", "id")
    )
    found: dict[int, list[Finding]] = defaultdict(list)
    for answer in answers:
        found[answer.nomination_id].append(
            Finding(
                f"clearance.{answer.pk}",
                f"{answer.request.agency.name} không đồng ý: {answer.reason}",
                CLEARANCE_SOURCE,
                overridable=False,
            )
        )
    return found


# --- A person's history: awards in signed decisions, matched by folded name and birth year ----
@dataclass(frozen=True)
class PastAward:
    nomination_id: int
    form_id: int
    basis: str
    year: int


def _person(nomination: Nomination) -> tuple[str, str, int | None]:
    return (nomination.kind, nomination.name_key, nomination.birth_year)


def _history(
    round: NominationRound, nominations: list[Nomination], *, keys: list[str] | None
) -> dict[tuple, list[PastAward]]:
    """Awards of signed decisions across the province (the tree of the organiser's top unit)
    to the same people (`keys`: their folded names; by default those of the whole round, as
    a subquery): one query."""
    root = round.conference.organiser.path[: Unit.steplen]
    if keys is None:
        keys = Nomination.objects.filter(round=round).values("name_key")
    lines = AwardLine.objects.filter(
        decision__status=AwardDecision.Status.ISSUED,
        decision__round__conference__organiser__path__startswith=root,
        nomination__name_key__in=keys,
    ).values_list(
        "nomination_id",
        "nomination__kind",
        "nomination__name_key",
        "nomination__birth_year",
        "award_form_id",
        "award_form__basis",
        "decision__date",
    )
    history: dict[tuple, list[PastAward]] = defaultdict(list)
    for pk, kind, key, year, form_id, basis, date in lines:
        history[(kind, key, year)].append(PastAward(pk, form_id, basis, date.year))
    return history


def _conditions_failed(
    nomination: Nomination,
    conditions: list[AwardCondition],
    declared: set[int],
    history: list[PastAward],
    up_to: int,
) -> list[Finding]:
    findings = []
    for condition in conditions:
        if condition.kind == AwardCondition.Kind.DECLARATION:
            if condition.pk not in declared:
                findings.append(_finding(condition, f"Đơn vị chưa xác nhận: {condition.text}"))
            continue
        years = _years(nomination, condition, history)
        have = _run(years, up_to) if condition.consecutive else len(years)
        if have < condition.count:
            found = f"{have} năm liên tục" if condition.consecutive else f"{have} lần"
            findings.append(
                _finding(condition, f"{condition.text} (lịch sử khen thưởng có {found})")
            )
    return findings


def _finding(condition: AwardCondition, text: str) -> Finding:
    return Finding(condition.rule_code, text, condition.source, condition.verified)


def _years(nomination: Nomination, condition: AwardCondition, history: list[PastAward]) -> set:
    """The years the person received what the condition asks for; for an award "công trạng",
    awards "đột xuất" or "theo chuyên đề" do not count."""
    merit_only = condition.award_form.basis == MERIT
    return {
        past.year
        for past in history
        if past.nomination_id != nomination.pk
        and (condition.required_form_id is None or past.form_id == condition.required_form_id)
        and (not merit_only or past.basis == MERIT)
    }


def _run(years: set[int], up_to: int) -> int:
    """The longest run of consecutive years ending with `up_to` or the year before (the title
    of the last year may be decided in the same year-end review or the next)."""

    def ending(year: int) -> int:
        count = 0
        while year - count in years:
            count += 1
        return count

    return max(ending(up_to), ending(up_to - 1))
