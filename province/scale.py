"""A province at the size of a real December: for measuring pages and the web bench
(`python manage.py seed_scale`), and, with small sizes, for tests.

What it builds (defaults of the command in brackets):
- the province and its communes [100], each with its offices, schools and villages [30 units],
  through `conferences.services.create_units` (one INSERT per batch, an activity entry each);
- one annual conference per commune with an issued plan, delegates, a closed round and a
  signed decision (`province.generator`, the roll-up's own generator, for one year);
- the province's own conference with a draft plan: delegate categories, seats allocated to
  the communes and the delegates they sent [2,000]; nominations [5,000] in three rounds, the
  first closed and under the council's review, with the votes of its members [9]; duties
  [300] assigned to the province's agencies;
- logins: the province's staff, leader, council members, one submitter per commune and one
  reporter per agency, all with the same password.

Rows are written in bulk where the services would take minutes, with the values the services
would give them (statuses and their timestamps, name keys, titles, seats never below the
delegates that take them, one vote per member and nomination). Deterministic for a seed.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from assignments.models import Assignment, DeadlineKind, Duty, DutyStatus
from conferences.models import Conference, Membership, Role, Unit, User
from conferences.plans.models import Plan, PlanStatus
from conferences.services import create_units
from core.vntext import fold
from delegates.models import Delegate, DelegateCategory, DelegateRound, SeatAllocation
from honorees.models import AwardForm, CouncilVote, Nomination, NominationEvent, NominationRound

from . import generator

OFFICES = (
    (Unit.Kind.OFFICE, "Văn phòng HĐND và UBND"),
    (Unit.Kind.OFFICE, "Phòng Kinh tế"),
    (Unit.Kind.OFFICE, "Phòng Văn hóa - Xã hội"),
    (Unit.Kind.AGENCY, "Công an"),
    (Unit.Kind.AGENCY, "Ban Chỉ huy Quân sự"),
    (Unit.Kind.ORGANISATION, "Ủy ban Mặt trận Tổ quốc"),
    (Unit.Kind.ORGANISATION, "Hội Liên hiệp Phụ nữ"),
    (Unit.Kind.ORGANISATION, "Đoàn Thanh niên"),
    (Unit.Kind.SCHOOL, "Trường Mầm non"),
    (Unit.Kind.SCHOOL, "Trường Tiểu học"),
    (Unit.Kind.SCHOOL, "Trường Trung học cơ sở"),
)
AGENCIES = (
    "Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính", "Công an tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh", "Công ty Điện lực", "Báo tỉnh", "Đài Phát thanh và Truyền hình",
    "Sở Y tế", "Sở Giáo dục và Đào tạo",
)  # fmt: skip
DUTY_TEXTS = (
    "Chuẩn bị hội trường, âm thanh, ánh sáng",
    "Tổng hợp danh sách đại biểu, gửi giấy mời",
    "Bảo đảm an ninh trật tự khu vực hội nghị",
    "Bảo đảm điện trong thời gian hội nghị",
    "Đưa tin, tuyên truyền về hội nghị",
    "Chuẩn bị hồ sơ khen thưởng trình Hội đồng",
    "In giấy khen, chuẩn bị khung, hoa",
    "Bố trí xe đưa đón đại biểu",
    "Chuẩn bị phim tư liệu điển hình tiên tiến",
    "Bố trí y tế trực tại hội nghị",
)
AWARDS_PER_COMMUNE = 10  # in each commune's signed decision of the year
ROUND_SHARES = (0.4, 0.35, 0.25)  # of the nominations, per round
INDIVIDUAL_FORMS = ("gk-xa", "ldtt", "cstd-cs")
COLLECTIVE_FORMS = ("gk-xa", "tt-ldtt", "tt-ldxs")
ACHIEVEMENT = "Hoàn thành xuất sắc nhiệm vụ được giao; tích cực tham gia phong trào thi đua."


@dataclass(frozen=True)
class ScaleSizes:
    communes: int = 100
    units_per_commune: int = 30
    delegates: int = 2000
    nominations: int = 5000
    council: int = 9
    duties: int = 300
    year: int = 2025


@dataclass
class ScaleProvince:
    province: Unit
    communes: list[Unit]
    conference: Conference  # the province's own, with everything at its size
    rounds: list[NominationRound]
    users: dict[str, list[User]] = field(default_factory=dict)
    units: int = 0


@transaction.atomic
def generate_scale(*, sizes: ScaleSizes, prefix: str, password: str, seed: int = 2025):
    """Build the province described in the module docstring. Side effects: those rows."""
    rng = random.Random(seed)
    admin = User.objects.create_superuser(f"{prefix.lower()}-quantri", "", password)
    province, communes, total = _units(prefix, sizes, by=admin)
    year = sizes.year
    generator.add_year(
        communes, year, lines_per_commune=AWARDS_PER_COMMUNE, delegates_per_conference=12, rng=rng
    )
    conference = _province_conference(province, year)
    users = _users(prefix, province, communes, sizes, password)
    result = ScaleProvince(province, communes, conference, [], users, total)
    _delegate_register(conference, communes, sizes.delegates, rng)
    result.rounds = _nominations(conference, communes, sizes, users, rng)
    _duties(conference, province, sizes.duties, prefix, users, rng)
    return result


# --- units and people --------------------------------------------------------------------------
def _units(prefix: str, sizes: ScaleSizes, *, by: User) -> tuple[Unit, list[Unit], int]:
    province = Unit(
        name=f"Ủy ban nhân dân tỉnh Quy Mô {prefix}", short_name=f"UBND tỉnh {prefix}",
        code=prefix, kind=Unit.Kind.PROVINCE,
    )  # fmt: skip
    pairs: list[tuple[Unit, Unit | None]] = [(province, None)]
    pairs += [
        (Unit(name=name, code=f"{prefix}-CQ{i:02d}", kind=Unit.Kind.AGENCY), province)
        for i, name in enumerate(AGENCIES, start=1)
    ]
    communes = []
    for c in range(1, sizes.communes + 1):
        commune = Unit(
            name=f"Ủy ban nhân dân xã Quy Mô {c:03d}", short_name=f"Xã Quy Mô {c:03d}",
            code=f"{prefix}-X{c:03d}", kind=Unit.Kind.COMMUNE,
        )  # fmt: skip
        communes.append(commune)
        pairs.append((commune, province))
        for u in range(sizes.units_per_commune):
            kind, name = OFFICES[u] if u < len(OFFICES) else (Unit.Kind.VILLAGE, "Thôn")
            label = f"{name} {u - len(OFFICES) + 1}" if u >= len(OFFICES) else name
            unit = Unit(
                name=f"{label} xã Quy Mô {c:03d}", code=f"{prefix}-X{c:03d}-{u + 1:02d}", kind=kind
            )
            pairs.append((unit, commune))
    create_units(units=pairs, by=by)
    return province, communes, len(pairs)


def _users(prefix, province, communes, sizes: ScaleSizes, password) -> dict[str, list[User]]:
    """Logins: "<prefix>-canbo", "-lanhdao", "-hoidong1".., "-xa001".. (submitters),
    "-cq01".. (agency reporters)."""
    p = prefix.lower()
    roles = [(f"{p}-canbo", Role.STAFF, province), (f"{p}-lanhdao", Role.LEADER, province)]
    roles += [(f"{p}-hoidong{i}", Role.COUNCIL, province) for i in range(1, sizes.council + 1)]
    roles += [(f"{p}-xa{i:03d}", Role.SUBMITTER, c) for i, c in enumerate(communes, start=1)]
    agencies = Unit.objects.filter(code__startswith=f"{prefix}-CQ").order_by("code")
    roles += [(f"{p}-cq{i:02d}", Role.REPORTER, a) for i, a in enumerate(agencies, start=1)]
    hashed = User(username="x")
    hashed.set_password(password)  # one hash for all: hashing thousands would take minutes
    created = User.objects.bulk_create(
        User(username=name, password=hashed.password, full_name=f"Người dùng {name}")
        for name, _role, _unit in roles
    )
    Membership.objects.bulk_create(
        Membership(user=user, unit=unit, role=role)
        for user, (_name, role, unit) in zip(created, roles, strict=True)
    )
    users: dict[str, list[User]] = {}
    for user, (_name, role, _unit) in zip(created, roles, strict=True):
        users.setdefault(role, []).append(user)
    return users


# --- the province's conference -----------------------------------------------------------------
def _province_conference(province: Unit, year: int) -> Conference:
    conference = Conference.objects.create(
        organiser=province, kind=Conference.Kind.EXEMPLAR_FIVE_YEAR, start_year=year - 4,
        end_year=year, title=f"Đại hội Thi đua yêu nước tỉnh lần thứ VI ({year - 4}-{year})",
        date=dt.date(year, 12, 20), date_is_expected=False, venue="Trung tâm Hội nghị tỉnh",
    )  # fmt: skip
    Plan.objects.create(
        conference=conference, status=PlanStatus.DRAFT, issuing_body=province.name.upper(),
        place=province.place_name, subject=f"Tổ chức {conference.title}",
    )  # fmt: skip
    return conference


def _delegate_register(conference, communes: list[Unit], count: int, rng) -> None:
    """Guests (a tenth) and the delegates each commune sent within its seats."""
    guests_cat, units_cat = DelegateCategory.objects.bulk_create(
        [
            DelegateCategory(conference=conference, order=1, title="Đại biểu khách mời",
                             target_kind="range", target_min=0, target_max=count)
            , DelegateCategory(conference=conference, order=2, title="Đại biểu các đơn vị",
                               target_kind="range", target_min=0, target_max=count)
        ]
    )  # fmt: skip
    DelegateRound.objects.create(
        conference=conference, deadline=timezone.make_aware(dt.datetime(2025, 12, 1, 17, 0))
    )
    guests = count // 10
    sent = count - guests
    per_commune = [sent // len(communes) + (i < sent % len(communes)) for i in range(len(communes))]
    SeatAllocation.objects.bulk_create(
        SeatAllocation(category=units_cat, unit=c, seats=n + 2)
        for c, n in zip(communes, per_commune, strict=True)
    )
    people = [(guests_cat, None, "guest") for _ in range(guests)]
    people += [
        (units_cat, c, "unit") for c, n in zip(communes, per_commune, strict=True) for _ in range(n)
    ]
    Delegate.objects.bulk_create(
        [_delegate(conference, category, unit, source, j, rng)
         for j, (category, unit, source) in enumerate(people)],
        batch_size=1000,
    )  # fmt: skip


def _delegate(conference, category, unit, source, j: int, rng) -> Delegate:
    name, gender, born = generator.person(j % 97, j)
    return Delegate(
        conference=conference, category=category, unit=unit,
        unit_name="" if unit else "Sở Nội vụ", source=source,
        title="Bà" if gender == "female" else "Ông", full_name=f"{name} {j + 1:04d}",
        gender=gender, birth_year=born, ethnicity=rng.choice(generator.ETHNICITIES),
        position=rng.choice(("Bí thư Chi bộ", "Trưởng thôn", "Giáo viên", "Nông dân")),
        invitation_status=rng.choice(("to_invite", "to_invite", "invited", "confirmed")),
    )  # fmt: skip


# --- nominations and the council ---------------------------------------------------------------
def _nominations(conference, communes, sizes: ScaleSizes, users, rng) -> list[NominationRound]:
    forms = {
        f.code: f for f in AwardForm.objects.filter(code__in={*INDIVIDUAL_FORMS, *COLLECTIVE_FORMS})
    }
    year = sizes.year
    rounds = NominationRound.objects.bulk_create(
        NominationRound(
            conference=conference, title=title, state=state,
            deadline=timezone.make_aware(dt.datetime(year, 11, day, 17, 0)),
        )
        for title, state, day in (
            ("Đợt 1: khen thưởng tổng kết 5 năm", NominationRound.State.CLOSED, 10),
            ("Đợt 2: điển hình tiên tiến", NominationRound.State.OPEN, 25),
            ("Đợt 3: người tốt, việc tốt", NominationRound.State.OPEN, 28),
        )
    )  # fmt: skip
    for r in rounds:
        r.allowed_forms.set(forms.values())
    counts = [int(sizes.nominations * share) for share in ROUND_SHARES]
    counts[0] += sizes.nominations - sum(counts)
    submitters = {m.unit_id: m.user for m in Membership.objects.filter(
        unit__in=communes, role=Role.SUBMITTER).select_related("user")}  # fmt: skip
    made = []
    for index, (r, count) in enumerate(zip(rounds, counts, strict=True)):
        made += _round_nominations(r, index, count, communes, forms, submitters, rng)
    Nomination.objects.bulk_create(made, batch_size=1000)
    _events(made)
    _votes(rounds[0], users.get(Role.COUNCIL, []), rng)
    return rounds


def _status(round_index: int, j: int) -> str:
    """The first round: closed, mostly under review, some decided or sent back; the others
    open, some still drafts."""
    S = Nomination.Status
    if round_index == 0:
        return (S.APPROVED, S.REJECTED, S.RETURNED)[j % 3] if j % 10 == 9 else S.SUBMITTED
    return S.DRAFT if j % 4 == 0 else S.SUBMITTED


def _round_nominations(r, index, count, communes, forms, submitters, rng) -> list[Nomination]:
    made, seen = [], set()
    sent = timezone.make_aware(dt.datetime(2025, 11, 1, 9, 0))
    for j in range(count):
        c = j % len(communes)
        commune = communes[c]
        status = _status(index, j)
        row = Nomination(
            round=r, unit=commune, status=status, achievement_summary=ACHIEVEMENT,
            sector=generator.SECTORS[j % len(generator.SECTORS)], created_by=submitters.get(commune.pk),
            submitted_at=None if status == Nomination.Status.DRAFT else sent,
            return_comment="Bổ sung minh chứng thành tích." if status == "returned" else "",
        )  # fmt: skip
        if j % 7 == 6:
            row.kind, row.collective_name = "collective", f"Tập thể số {j + 1} — {commune.label}"
            row.proposed_award = forms[COLLECTIVE_FORMS[j % 3]]
            row.name_key = fold(row.collective_name)
        else:
            name, gender, born = generator.person(c, j // len(communes))
            while (fold(name), born) in seen:  # one alive nomination per person and round
                born += 1
            row.kind, row.full_name, row.gender, row.birth_year = "individual", name, gender, born
            row.name_key = fold(name)
            row.ethnicity = rng.choice(generator.ETHNICITIES)
            row.position, row.unit_name = "Trưởng thôn", commune.name
            row.proposed_award = forms[INDIVIDUAL_FORMS[j % 3]]
        seen.add((row.name_key, row.birth_year))
        made.append(row)
    return made


def _events(nominations: list[Nomination]) -> None:
    """The moves the services log: draft -> submitted, then the decision or the return."""
    events = []
    for n in nominations:
        if n.status == Nomination.Status.DRAFT:
            continue
        events.append(NominationEvent(nomination=n, actor=n.created_by, from_status="draft",
                                      to_status="submitted"))  # fmt: skip
        if n.status != Nomination.Status.SUBMITTED:
            events.append(NominationEvent(nomination=n, from_status="submitted",
                                          to_status=n.status, comment=n.return_comment))  # fmt: skip
    NominationEvent.objects.bulk_create(events, batch_size=2000)


def _votes(first_round, members: list[User], rng) -> None:
    """Every member's opinion on every dossier under review in the closed round."""
    under_review = first_round.nominations.filter(status=Nomination.Status.SUBMITTED)
    choices = ("agree",) * 8 + ("disagree", "abstain")
    CouncilVote.objects.bulk_create(
        (
            CouncilVote(nomination_id=pk, member=m, choice=rng.choice(choices))
            for pk in under_review.values_list("pk", flat=True)
            for m in members
        ),
        batch_size=2000,
    )


# --- duties -------------------------------------------------------------------------------------
def _duties(conference, province, count: int, prefix, users, rng) -> None:
    agencies = list(Unit.objects.filter(code__startswith=f"{prefix}-CQ").order_by("code"))
    assignments = Assignment.objects.bulk_create(
        Assignment(conference=conference, unit=a, order=i, heading=a.name,
                   role=Assignment.Role.LEAD)
        for i, a in enumerate(agencies, start=1)
    )  # fmt: skip
    done_at = timezone.make_aware(dt.datetime(2025, 12, 1, 10, 0))
    duties = []
    for j in range(count):
        status = (DutyStatus.TODO, DutyStatus.IN_PROGRESS, DutyStatus.DONE)[j % 3]
        relative = j % 2 == 0
        duties.append(
            Duty(
                assignment=assignments[j % len(assignments)], order=j // len(assignments),
                text=f"{DUTY_TEXTS[j % len(DUTY_TEXTS)]} (việc {j + 1})", status=status,
                done_at=done_at if status == DutyStatus.DONE else None,
                deadline_kind=DeadlineKind.RELATIVE if relative else DeadlineKind.ABSOLUTE,
                offset_days=-(j % 20) if relative else None,
                deadline_date=None if relative else dt.date(2025, 12, 1 + j % 19),
            )
        )  # fmt: skip
    Duty.objects.bulk_create(duties, batch_size=1000)
