"""Reads for honorees, scoped to what the user may see (404 outside it)."""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Max,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from conferences.models import Membership, Role, Unit, User
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import memberships_of
from conferences.selectors import visible_conferences
from core.sorting import DATE_WORDS, NAME_WORDS, Sorting, SortOption
from core.vntext import format_date_short, name_sort_key, sort_names

from . import permissions
from .models import (
    AwardDecision,
    AwardForm,
    AwardLine,
    ClearanceAnswer,
    ClearanceRequest,
    CouncilSitting,
    CouncilVote,
    EligibilityOverride,
    Nomination,
    NominationRound,
    Revocation,
    RoundQuota,
    VerificationCode,
)
from .ordering import in_list_order as in_list_order  # the award list's order, for documents


def visible_rounds(user) -> QuerySet[NominationRound]:
    return NominationRound.objects.filter(conference__in=visible_conferences(user)).select_related(
        "conference__organiser"
    )


def get_round(user, pk: int) -> NominationRound:
    return get_object_or_404(visible_rounds(user), pk=pk)


def conference_rounds(conference) -> QuerySet[NominationRound]:
    return conference.nomination_rounds.select_related("conference__organiser").order_by(
        "-deadline"
    )


def submitter_units(user, round: NominationRound) -> list[Unit]:
    """The units under the round's organiser for which the user submits."""
    organiser_path = round.conference.organiser.path
    return [
        m.unit
        for m in memberships_of(user)
        if m.role == Role.SUBMITTER and m.unit.path.startswith(organiser_path)
    ]


def get_round_unit(user, round: NominationRound, unit_pk: int) -> Unit:
    """A unit under the round's organiser whose page the user may open."""
    unit = get_object_or_404(
        Unit.objects.filter(path__startswith=round.conference.organiser.path), pk=unit_pk
    )
    if not permissions.can_view_unit_page(user, round, unit):
        raise Http404
    return unit


def _office_paths(user) -> list[str]:
    return [m.unit.path for m in memberships_of(user) if m.role in OFFICE_ROLES]


def visible_nominations(user) -> QuerySet[Nomination]:
    """Office users: nominations of rounds organised in their subtree; unit submitters:
    their own unit's nominations."""
    qs = Nomination.objects.select_related("round__conference__organiser", "unit", "proposed_award")
    if user.is_superuser:
        return qs
    q = Q(unit_id__in=[m.unit_id for m in memberships_of(user) if m.role == Role.SUBMITTER])
    for path in _office_paths(user):
        q |= Q(round__conference__organiser__path__startswith=path)
    return qs.filter(q)


def get_nomination(user, pk: int) -> Nomination:
    return get_object_or_404(visible_nominations(user), pk=pk)


def get_override(user, pk: int) -> EligibilityOverride:
    """An override of a dossier the user may see (404 otherwise)."""
    return get_object_or_404(
        EligibilityOverride.objects.select_related("nomination__round__conference__organiser"),
        pk=pk,
        nomination__in=visible_nominations(user),
    )


@dataclass(frozen=True)
class QuotaLine:
    kind: str
    label: str
    limit: int
    used: int

    @property
    def left(self) -> int:
        return max(self.limit - self.used, 0)


def counted_nominations(round: NominationRound, unit: Unit, kind: str) -> int:
    """Nominations taking a place of the quota `kind` counts in (households: individuals')."""
    quota_kind = Nomination.QUOTA_KIND[kind]
    kinds = [k for k, q in Nomination.QUOTA_KIND.items() if q == quota_kind]
    return Nomination.objects.filter(
        round=round, unit=unit, kind__in=kinds, status__in=Nomination.COUNTED
    ).count()


QUOTA_LABELS = {
    Nomination.Kind.INDIVIDUAL: "Cá nhân (kể cả hộ gia đình)",
    Nomination.Kind.COLLECTIVE: "Tập thể",
}


def unit_quota_lines(round: NominationRound, unit: Unit) -> list[QuotaLine]:
    """One line per quota (individuals with households, collectives)."""
    quota = RoundQuota.objects.filter(round=round, unit=unit).first()
    used: dict[str, int] = {}
    for kind, n in (
        Nomination.objects.filter(round=round, unit=unit, status__in=Nomination.COUNTED)
        .values_list("kind")
        .annotate(n=Count("id"))
    ):
        quota_kind = Nomination.QUOTA_KIND.get(kind, kind)
        used[quota_kind] = used.get(quota_kind, 0) + n
    return [
        QuotaLine(kind, label, quota.limit_for(kind) if quota else 0, used.get(kind, 0))
        for kind, label in QUOTA_LABELS.items()
    ]


def unit_nominations(round: NominationRound, unit: Unit) -> QuerySet[Nomination]:
    return (
        Nomination.objects.filter(round=round, unit=unit)
        .select_related("proposed_award")
        .order_by("kind", "id")
    )


def _rank(field: str, values) -> Case:
    """`field`'s value as its place in `values` (unknown values last), for order_by."""
    whens = (When(**{field: value}, then=Value(rank)) for rank, value in enumerate(values))
    return Case(*whens, default=Value(len(values)), output_field=IntegerField())


# The orders of a round's nominations page (core.sorting). By default each unit (in the
# tree's order) lists its collectives, individuals then households, each in name order.
ROUND_SORTS = Sorting(
    {
        "don-vi": SortOption(
            "Đơn vị", ("unit__path",), (_rank("kind", Nomination.LIST_ORDER), "sort_key")
        ),
        "ten": SortOption("Họ tên / tên tập thể", ("sort_key",), words=NAME_WORDS),
        "hinh-thuc": SortOption(
            "Hình thức đề nghị", ("proposed_award__order", "proposed_award_id"), ("sort_key",)
        ),
        "trang-thai": SortOption(
            "Trạng thái", (_rank("status", Nomination.Status.values),), ("sort_key",)
        ),
        "ngay-nhan": SortOption(
            "Ngày nhận", ("submitted_at",), words=DATE_WORDS, descending_first=True
        ),
    },
    default="don-vi",
)


def round_nominations(round: NominationRound) -> QuerySet[Nomination]:
    return (
        Nomination.objects.filter(round=round)
        .exclude(status=Nomination.Status.DRAFT)
        .select_related("unit", "proposed_award")
        .order_by("unit__path", "kind", "id")
    )


def round_quotas(round: NominationRound) -> QuerySet[RoundQuota]:
    return round.quotas.select_related("unit").order_by("unit__path")


def _council_memberships(round: NominationRound) -> QuerySet[Membership]:
    path = round.conference.organiser.path
    ancestor_paths = [path[:i] for i in range(Unit.steplen, len(path) + 1, Unit.steplen)]
    return Membership.objects.filter(role=Role.COUNCIL, unit__path__in=ancestor_paths)


def council_size(round: NominationRound) -> int:
    """Members holding the council role at the organiser or above it."""
    return _council_memberships(round).values("user").distinct().count()


def council_members(round: NominationRound) -> list[User]:
    """The council's members (the council role at the organiser or above), in name order."""
    users = User.objects.filter(pk__in=_council_memberships(round).values("user"))
    return sort_names(users, key=lambda u: u.full_name or u.username)


def council_positions(round: NominationRound) -> dict[int, str]:
    """Each council member's position as written on their council membership."""
    positions: dict[int, str] = {}
    for user_id, position in _council_memberships(round).values_list("user_id", "position"):
        positions[user_id] = positions.get(user_id) or position
    return positions


def council_minutes_data(sitting) -> dict:
    """Everything the minutes of a council sitting print, as plain data (`honorees.minutes`):
    the documents app reads a sitting through here."""
    from .minutes import minutes_data

    return minutes_data(sitting)


def get_sitting(round: NominationRound):
    """The round's council sitting, or None before the office records it."""
    return CouncilSitting.objects.filter(round=round).select_related("chair").first()


def council_queue(round: NominationRound, user) -> QuerySet[Nomination]:
    """Submitted nominations with the user's own vote prefetched as `my_votes`."""
    return (
        round_nominations(round)
        .filter(status=Nomination.Status.SUBMITTED)
        .prefetch_related(
            Prefetch("votes", queryset=CouncilVote.objects.filter(member=user), to_attr="my_votes")
        )
    )


def approved_nominations(round: NominationRound) -> QuerySet[Nomination]:
    return round_nominations(round).filter(
        status__in=(Nomination.Status.APPROVED, Nomination.Status.AWARDED)
    )


def visible_decisions(user) -> QuerySet[AwardDecision]:
    qs = AwardDecision.objects.select_related("round__conference__organiser")
    if user.is_superuser:
        return qs
    q = Q(round__conference__organiser_id__in=_clerk_units(user))
    for path in _office_paths(user):
        q |= Q(round__conference__organiser__path__startswith=path)
    return qs.filter(q)


def _clerk_units(user) -> list[int]:
    """The offices whose văn thư the user is (it sees and issues their decisions)."""
    return [m.unit_id for m in memberships_of(user) if m.role == Role.CLERK]


def decisions_to_issue(user) -> QuerySet[AwardDecision]:
    """Approved decisions of the offices whose văn thư the user is, waiting for a number."""
    return (
        AwardDecision.objects.filter(
            status=AwardDecision.Status.APPROVED,
            round__conference__organiser_id__in=_clerk_units(user),
        )
        .select_related("round")
        .order_by("signed_at", "id")
    )


def get_decision(user, pk: int) -> AwardDecision:
    return get_object_or_404(visible_decisions(user), pk=pk)


def decision_lines(decision: AwardDecision) -> QuerySet[AwardLine]:
    return decision.lines.select_related("nomination__unit", "award_form")


def decision_document_data(decision: AwardDecision):
    """Everything printing needs of a decision, its list and its certificates, as plain frozen
    data (`documents_data.DecisionData`): the documents app reads a decision through here."""
    from .documents_data import decision_document_data as data

    return data(decision)


# --- Roll-ups for offices above the organiser (the province view) ------------------------------
# Individuals of an ethnic minority: a recorded ethnicity other than Kinh.
MINORITY = ~Q(nomination__ethnicity__in=["", "Kinh"])
INDIVIDUAL = Q(nomination__kind=Nomination.Kind.INDIVIDUAL)
COLLECTIVE = Q(nomination__kind=Nomination.Kind.COLLECTIVE)
AWARD_DIMENSIONS = {
    "award_form": "award_form_id",
    "sector": "nomination__sector",
    "ethnicity": "nomination__ethnicity",
}


def signed_award_lines(conferences: QuerySet) -> QuerySet[AwardLine]:
    """Lines of signed decisions of rounds of these conferences (a queryset, used as a
    subquery: the query count does not grow with the number of conferences)."""
    return AwardLine.objects.filter(
        decision__status=AwardDecision.Status.ISSUED,
        decision__round__conference__in=conferences,
    )


def award_breakdown_by_conference(conferences: QuerySet) -> list[dict]:
    """One row per conference, award form and sector (as written) with the honourees
    (lines), individuals, collectives, women, men, ethnic minorities and direct producers
    among individuals, and the prize money: one pass over the lines for every figure."""
    return list(
        signed_award_lines(conferences)
        .values(
            "award_form_id",
            conference_id=F("decision__round__conference_id"),
            sector=F("nomination__sector"),
        )
        .annotate(
            lines=Count("id"),
            # A household counts with the individuals (the forms have two columns).
            individuals=Count("id", filter=~COLLECTIVE),
            collectives=Count("id", filter=COLLECTIVE),
            female=Count("id", filter=INDIVIDUAL & Q(nomination__gender=Nomination.Gender.FEMALE)),
            male=Count("id", filter=INDIVIDUAL & Q(nomination__gender=Nomination.Gender.MALE)),
            minority=Count("id", filter=INDIVIDUAL & MINORITY),
            direct=Count(
                "id", filter=INDIVIDUAL & Q(nomination__works_directly_in_production=True)
            ),
            amount=Coalesce(Sum("amount"), 0),
        )
        .order_by()
    )


def award_tally_by_conference(conferences: QuerySet, *, dimension: str) -> list[dict]:
    """Rows (conference_id, key, lines, amount) grouped by one dimension: the award form's
    id, the nominee's sector or ethnicity as written."""
    return list(
        signed_award_lines(conferences)
        .values(
            conference_id=F("decision__round__conference_id"),
            key=F(AWARD_DIMENSIONS[dimension]),
        )
        .annotate(lines=Count("id"), amount=Coalesce(Sum("amount"), 0))
        .order_by()
    )


def award_forms_by_id() -> dict[int, AwardForm]:
    return {form.pk: form for form in AwardForm.objects.all()}


def signed_decisions_under(unit: Unit) -> QuerySet[AwardDecision]:
    """Signed decisions of conferences organised in the unit's subtree, with their number of
    lines and prize money."""
    return (
        AwardDecision.objects.filter(
            status=AwardDecision.Status.ISSUED,
            round__conference__organiser__path__startswith=unit.path,
        )
        .select_related("round__conference__organiser")
        .annotate(line_count=Count("lines"), amount_total=Coalesce(Sum("lines__amount"), 0))
        .order_by("-date", "-id")
    )


def award_breakdown_by_organiser(organisers: QuerySet, *, date_from, date_to) -> list[dict]:
    """Lines of decisions signed by these organisers (a queryset) dated within the period,
    one row per organiser, award form and kind (individual or collective): lines, women,
    ethnic minorities and direct producers among individuals, prize money."""
    return list(
        AwardLine.objects.filter(
            decision__status=AwardDecision.Status.ISSUED,
            decision__date__gte=date_from,
            decision__date__lte=date_to,
            decision__round__conference__organiser__in=organisers,
        )
        .values(
            "award_form_id",
            organiser_id=F("decision__round__conference__organiser_id"),
            kind=F("nomination__kind"),
        )
        .annotate(
            lines=Count("id"),
            female=Count("id", filter=INDIVIDUAL & Q(nomination__gender=Nomination.Gender.FEMALE)),
            minority=Count("id", filter=INDIVIDUAL & MINORITY),
            direct=Count(
                "id", filter=INDIVIDUAL & Q(nomination__works_directly_in_production=True)
            ),
            amount=Coalesce(Sum("amount"), 0),
        )
        .order_by()
    )


def signed_decision_totals(organisers: QuerySet, *, date_from, date_to) -> dict:
    """What the decisions themselves say, counted apart from any breakdown: decisions,
    lines and prize money of decisions signed by these organisers within the period."""
    decisions = AwardDecision.objects.filter(
        status=AwardDecision.Status.ISSUED,
        date__gte=date_from,
        date__lte=date_to,
        round__conference__organiser__in=organisers,
    )
    lines = AwardLine.objects.filter(decision__in=decisions).aggregate(
        lines=Count("id"), amount=Coalesce(Sum("amount"), 0)
    )
    return {"decisions": decisions.count(), **lines}


# --- A person's award history --------------------------------------------------------------------
CSTDCS_CODE = "cstd-cs"


def person_award_history(nomination: Nomination) -> list[AwardLine]:
    """Awards in signed decisions to the same person (the same name, compared without
    diacritics or tone placement, as `name_key` stores it, and the same birth year) across
    the province: every conference organised in the tree of the nomination's organiser's
    top unit, every year. Merged units kept in that tree are included. Newest first; the
    nomination's own line is left out. Empty for collectives and without a birth year."""
    if nomination.is_collective or not nomination.birth_year or not nomination.name_key:
        return []
    root_path = nomination.round.conference.organiser.path[: Unit.steplen]
    return list(
        AwardLine.objects.filter(
            decision__status=AwardDecision.Status.ISSUED,
            decision__round__conference__organiser__path__startswith=root_path,
            nomination__kind=Nomination.Kind.INDIVIDUAL,
            nomination__name_key=nomination.name_key,
            nomination__birth_year=nomination.birth_year,
        )
        .exclude(nomination=nomination)
        .select_related("decision__round__conference__organiser", "award_form", "nomination__unit")
        .order_by("-decision__date", "-id")
    )


def consecutive_years(lines: list[AwardLine], *, award_code: str, up_to: int) -> int:
    """How many years in a row, ending with `up_to`, the person received `award_code`
    (for example "Chiến sĩ thi đua cơ sở" three years running before the province's title)."""
    years = {line.decision.date.year for line in lines if line.award_form.code == award_code}
    count = 0
    while up_to - count in years:
        count += 1
    return count


def signed_decisions_stamp(conferences: QuerySet) -> dict:
    """A fingerprint of the signed decisions of these conferences: it changes when one is
    signed (a signed decision and its lines do not change afterwards)."""
    return AwardDecision.objects.filter(
        status=AwardDecision.Status.ISSUED, round__conference__in=conferences
    ).aggregate(n=Count("id"), ids=Sum("id"), signed=Max("issued_at"))


# --- Clearance requests (xác nhận, hiệp y) -------------------------------------------------------
def _with_answer_counts(qs: QuerySet[ClearanceRequest]) -> QuerySet[ClearanceRequest]:
    A = ClearanceAnswer.Status
    return qs.annotate(
        total=Count("answers"),
        pending=Count("answers", filter=Q(answers__status=A.PENDING)),
        answered=Count("answers", filter=~Q(answers__status=A.PENDING)),
        objected=Count("answers", filter=Q(answers__status=A.OBJECTED)),
    )


def visible_clearance_requests(user) -> QuerySet[ClearanceRequest]:
    """The office over the round sees its requests; an agency's reporter sees the agency's."""
    qs = ClearanceRequest.objects.select_related("agency", "round__conference__organiser")
    if user.is_superuser:
        return qs
    q = Q(agency_id__in=[m.unit_id for m in memberships_of(user) if m.role == Role.REPORTER])
    for path in _office_paths(user):
        q |= Q(round__conference__organiser__path__startswith=path)
    return qs.filter(q)


def get_clearance_request(user, pk: int) -> ClearanceRequest:
    return get_object_or_404(visible_clearance_requests(user), pk=pk)


def get_clearance_answer(user, pk: int) -> ClearanceAnswer:
    return get_object_or_404(
        ClearanceAnswer.objects.filter(request__in=visible_clearance_requests(user)).select_related(
            "request__agency", "request__round__conference__organiser", "nomination"
        ),
        pk=pk,
    )


def round_clearance_requests(round: NominationRound) -> list[ClearanceRequest]:
    """The round's requests with their answers counted (`total`, `pending`, `objected`)."""
    qs = round.clearance_requests.select_related("agency").order_by("deadline", "agency__path")
    return list(_with_answer_counts(qs))


def clearance_answers(request: ClearanceRequest) -> QuerySet[ClearanceAnswer]:
    return request.answers.select_related(
        "nomination__unit", "nomination__proposed_award", "nomination__round"
    ).order_by("nomination__kind", "nomination__unit__path", "nomination_id")


def reporter_clearance_requests(user) -> list[ClearanceRequest]:
    """The requests to the agencies the user reports for, latest deadline first."""
    agencies = [m.unit_id for m in memberships_of(user) if m.role == Role.REPORTER]
    qs = ClearanceRequest.objects.filter(agency_id__in=agencies).select_related(
        "agency", "round__conference__organiser"
    )
    return list(_with_answer_counts(qs).order_by("-deadline", "-id"))


def nomination_clearance_answers(nomination: Nomination) -> QuerySet[ClearanceAnswer]:
    return nomination.clearance_answers.select_related("request__agency").order_by(
        "request__agency__path", "id"
    )


# --- The round's Excel list, rendered by the worker past a few thousand rows ------------------
def round_export_fingerprint(round: NominationRound) -> list:
    """What changes whenever the round's list does: rows, latest change, latest id."""
    facts = round_nominations(round).aggregate(
        rows=Count("id"), changed=Max("updated_at"), last=Max("id")
    )
    changed = facts["changed"].isoformat() if facts["changed"] else ""
    return [facts["rows"], changed, facts["last"]]


def round_export_table(round: NominationRound) -> dict:
    """The round's list as plain rows (a documents builder writes the .xlsx)."""
    from .excel import nominations_table

    dataset = nominations_table(round_nominations(round))
    return {
        "sheet": "Danh sách",
        "headers": list(dataset.headers),
        "rows": [list(r) for r in dataset],
    }


# --- Verification (public), revocation, reissue, handover, the staff lookup --------------------
@dataclass(frozen=True)
class PublicCertificate:
    holder: str
    award: str
    gold_book: str
    status: str  # "valid", "revoked", "reissued"
    reissue_mark: str  # "Cấp lại lần 1, ngày 02/12/2026" ("" for the original)
    revocation: Revocation | None
    replacement: VerificationCode | None
    has_image: bool

    @property
    def is_revoked(self) -> bool:
        return self.status == "revoked"

    @property
    def is_reissued(self) -> bool:
        return self.status == "reissued"


@dataclass(frozen=True)
class PublicDecision:
    subject: str
    honourees: int
    revoked: int
    status: str  # "valid", "revoked" (every award taken back), "partly_revoked"

    @property
    def is_revoked(self) -> bool:
        return self.status == "revoked"


@dataclass(frozen=True)
class PublicVerification:
    """What the public verification page shows: nothing about the person beyond the name."""

    code: VerificationCode
    number: str
    date: str
    issuer: str
    certificate: PublicCertificate | None
    decision: PublicDecision | None


def published_code(text: str) -> VerificationCode | None:
    """The code as typed or scanned, if it exists and its decision is issued and published;
    None in every other case (the page does not say which)."""
    from .verification_codes import normalise_code

    code = normalise_code(text)
    if not code:
        return None
    return (
        VerificationCode.objects.filter(
            code=code,
            decision__status=AwardDecision.Status.ISSUED,
            decision__publish_verification=True,
        )
        .select_related("decision", "line__nomination", "line__award_form", "line__revocation")
        .first()
    )


def reissue_mark(code: VerificationCode) -> str:
    if not code.issue:
        return ""
    return (
        f"Cấp lại lần {code.issue}, ngày {format_date_short(timezone.localdate(code.created_at))}"
    )


def public_verification(code: VerificationCode) -> PublicVerification:
    """The page's content for a published code: three queries whatever the decision's size."""
    decision = code.decision
    certificate = summary = None
    if code.line_id:
        line = code.line
        newest = line.certificates.order_by("-issue").first()
        replacement = newest if newest is not None and newest.issue > code.issue else None
        status = "revoked" if line.revocation_id else "reissued" if replacement else "valid"
        certificate = PublicCertificate(
            holder=line.nomination.display_name,
            award=line.award_form.name,
            gold_book=str(line.gold_book_number or ""),
            status=status,
            reissue_mark=reissue_mark(code),
            revocation=line.revocation,
            replacement=replacement,
            has_image=bool(line.award_form.paper),
        )
    else:
        counts = decision.lines.aggregate(
            total=Count("pk"), revoked=Count("pk", filter=Q(revocation__isnull=False))
        )
        total, revoked = counts["total"], counts["revoked"]
        status = "valid" if not revoked else "revoked" if revoked == total else "partly_revoked"
        summary = PublicDecision(decision.subject, total, revoked, status)
    return PublicVerification(
        code=code,
        number=decision.number_text,
        date=format_date_short(decision.date),
        issuer=decision.authority,
        certificate=certificate,
        decision=summary,
    )


def certificate_as_issued(code: VerificationCode):
    """The certificate of `code` as printed with that code (`documents_data.CertificateData`),
    None when the line prints no paper: what the verification page's image shows."""
    from .documents_data import certificate_as_issued as as_issued
    from .documents_data import decision_document_data as data

    for certificate in data(code.decision).certificates:
        if certificate.line_id == code.line_id and certificate.paper:
            return as_issued(certificate, code)
    return None


@dataclass(frozen=True)
class HandoverRow:
    line: AwardLine
    certificate: VerificationCode  # the newest certificate of the line


def handover_rows(decision: AwardDecision) -> list[HandoverRow]:
    """Each line of an issued decision with its current certificate (the newest issue) and
    its handover, in the list's order: two queries."""

    lines = in_list_order(
        decision.lines.select_related("nomination", "award_form", "revocation"),
        lambda line: line.nomination,
    )
    newest: dict[int, VerificationCode] = {}
    for code in (
        VerificationCode.objects.filter(decision=decision, line__isnull=False)
        .order_by("issue")
        .select_related("handed_by")
    ):
        newest[code.line_id] = code
    return [HandoverRow(line, newest[line.pk]) for line in lines if line.pk in newest]


def decision_code(decision: AwardDecision) -> VerificationCode | None:
    return decision.verification_codes.filter(line__isnull=True).first()


def get_certificate(user, pk: int) -> VerificationCode:
    """A certificate (code row) of a decision the user sees."""

    return get_object_or_404(
        VerificationCode.objects.filter(
            decision__in=visible_decisions(user), line__isnull=False
        ).select_related("line__nomination", "decision__round__conference__organiser"),
        pk=pk,
    )


def lookup_awards(user, *, name: str, birth_year: int | None = None, year: int | None = None):
    """Awards of issued decisions in the user's office subtree(s) whose honouree's folded name
    contains the folded `name` (diacritics, case and tone placement ignored), newest first."""
    from core.vntext import fold

    qs = AwardLine.objects.filter(decision__status=AwardDecision.Status.ISSUED).select_related(
        "decision__round__conference__organiser", "nomination", "award_form", "revocation"
    )
    paths = permissions.lookup_paths(user)
    if paths is not None:
        if not paths:
            return qs.none()
        q = Q()
        for path in paths:
            q |= Q(decision__round__conference__organiser__path__startswith=path)
        qs = qs.filter(q)
    key = fold(name)
    if not key:
        return qs.none()
    qs = qs.filter(nomination__name_key__contains=key)
    if birth_year:
        qs = qs.filter(nomination__birth_year=birth_year)
    if year:
        qs = qs.filter(decision__date__year=year)
    return qs.order_by("-decision__date", "-decision_id", "gold_book_number", "pk")


# --- The ceremony's stage order, for the seating plan (core.extensions.register_stage_order) --
def stage_order(conference) -> dict[str, int]:
    """{delegate source_key: position} of the conference's approved and awarded honourees in
    the decision list's order: collectives first, then individuals, then households; within
    a kind by award form (the catalogue's order; the decision's form, else the proposed one),
    then by name (honorees.ordering)."""
    from .ordering import KIND_RANK
    from .services.delegates_join import source_key

    nominations = (
        Nomination.objects.filter(
            round__conference=conference,
            status__in=(Nomination.Status.APPROVED, Nomination.Status.AWARDED),
        )
        .select_related("proposed_award", "award_line__award_form")
        .order_by()
    )

    def key(n: Nomination) -> tuple:
        line = getattr(n, "award_line", None)
        form = line.award_form if line is not None else n.proposed_award
        form_key = (form.order, form.name) if form is not None else (10_000, "")
        return KIND_RANK.get(n.kind, len(KIND_RANK)), form_key, name_sort_key(n.sort_name), n.pk

    return {source_key(n): i for i, n in enumerate(sorted(nominations, key=key), start=1)}


# --- What comes after the awards (the summary report, the budget, the fund) reads these -------
def conference_award_lines(conference, *, statuses=None) -> QuerySet[AwardLine]:
    """The award lines of the conference's decisions (of every state unless `statuses`)."""
    lines = AwardLine.objects.filter(decision__round__conference=conference)
    return lines if statuses is None else lines.filter(decision__status__in=statuses)


def award_totals_by_form(conference, *, statuses=None) -> list[dict]:
    """One row per award form: name, honourees (lines), collectives and the prize money, in
    the catalogue's order; one query."""
    return list(
        conference_award_lines(conference, statuses=statuses)
        .values("award_form_id", name=F("award_form__name"))
        .annotate(
            lines=Count("id"),
            collectives=Count("id", filter=COLLECTIVE),
            amount=Coalesce(Sum("amount"), 0),
        )
        .order_by("award_form__order", "award_form_id")
    )


def conference_nomination_counts(conference) -> dict[str, int]:
    """Nominations of the conference's rounds by status (one query)."""
    rows = (
        Nomination.objects.filter(round__conference=conference)
        .values_list("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    return dict(rows)


def decision_prize_total(decision: AwardDecision) -> int:
    return decision.lines.aggregate(total=Coalesce(Sum("amount"), 0))["total"]
