"""Scoped reads for assignments (404 for what the user may not see), and the two plan
sections that the plan document prints from here."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from conferences.models import Conference, Role, Unit
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import memberships_of
from conferences.selectors import visible_conferences

from . import wording
from .models import Assignment, Duty, DutyStatus, DutyUpdate, Milestone

DUTY_RELATED = ("assignment__conference__organiser", "assignment__unit")


def today() -> dt.date:
    return timezone.localdate()


# --- Scoping ------------------------------------------------------------------------------------
def _office_conferences_q(user, prefix: str) -> Q:
    paths = [m.unit.path for m in memberships_of(user) if m.role in OFFICE_ROLES]
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(**{f"{prefix}organiser__path__startswith": path})
    return q


def reporter_unit_ids(user) -> list[int]:
    return [m.unit_id for m in memberships_of(user) if m.role == Role.REPORTER]


def visible_duties(user) -> QuerySet[Duty]:
    """Office roles: duties of conferences organised in their subtree. Reporters: their
    agency's duties."""
    qs = Duty.objects.select_related(*DUTY_RELATED)
    if user.is_superuser:
        return qs
    q = _office_conferences_q(user, "assignment__conference__")
    q |= Q(assignment__unit_id__in=reporter_unit_ids(user))
    return qs.filter(q)


def get_duty(user, pk: int) -> Duty:
    return get_object_or_404(visible_duties(user), pk=pk)


def get_update(user, pk: int) -> DutyUpdate:
    duties = visible_duties(user)
    return get_object_or_404(
        DutyUpdate.objects.select_related("duty", "by").filter(duty__in=duties), pk=pk
    )


def office_assignments(user) -> QuerySet[Assignment]:
    """Assignments of conferences the user works on for the office (404 scope for editing)."""
    qs = Assignment.objects.select_related("conference__organiser", "unit")
    if user.is_superuser:
        return qs
    return qs.filter(_office_conferences_q(user, "conference__"))


def get_assignment(user, pk: int) -> Assignment:
    return get_object_or_404(office_assignments(user), pk=pk)


def get_office_duty(user, pk: int) -> Duty:
    return get_object_or_404(
        Duty.objects.select_related(*DUTY_RELATED).filter(assignment__in=office_assignments(user)),
        pk=pk,
    )


def get_milestone(user, pk: int) -> Milestone:
    qs = Milestone.objects.select_related("conference__organiser")
    if not user.is_superuser:
        qs = qs.filter(_office_conferences_q(user, "conference__"))
    return get_object_or_404(qs, pk=pk)


# --- Board ----------------------------------------------------------------------------------------
def board_assignments(conference: Conference) -> list[Assignment]:
    """The conference's assignments in order, with units, supported assignment and duties."""
    duties = Duty.objects.order_by("order", "id")
    assignments = list(
        conference.assignments.select_related("unit", "supports")
        .prefetch_related(Prefetch("duties", queryset=duties))
        .order_by("order", "id")
    )
    for assignment in assignments:
        assignment.conference = conference  # duties compute deadlines without a query
    return assignments


def duties_by_status(assignments: list[Assignment]) -> dict[str, list[Duty]]:
    columns: dict[str, list[Duty]] = {status: [] for status in DutyStatus.values}
    for assignment in assignments:
        for duty in assignment.duties.all():
            columns[duty.status].append(duty)
    return columns


def conference_milestones(conference: Conference) -> list[Milestone]:
    return list(
        conference.milestones.prefetch_related("units").order_by("order", "id"),
    )


def annotate_duties(duties: list[Duty], today: dt.date) -> None:
    """Attach what templates show: `late_days` and `deadline_text`."""
    for duty in duties:
        duty.late_days = duty.days_late(today)
        duty.late_text = wording.days_late(duty.late_days)
        duty.deadline_text = duty.deadline_wording(duty.assignment.conference.date)


def annotate_milestones(conference: Conference) -> list[Milestone]:
    """The milestones with `date_wording` and `who` attached (board and timeline)."""
    milestones = conference_milestones(conference)
    for milestone in milestones:
        milestone.date_wording = step_date_wording(milestone, conference)
        milestone.who = responsible_wording(milestone)
    return milestones


# --- The agency's page ------------------------------------------------------------------------------
def open_duties_of_units(unit_ids: list[int]) -> QuerySet[Duty]:
    return (
        Duty.objects.select_related(*DUTY_RELATED)
        .filter(assignment__unit_id__in=unit_ids)
        .order_by(
            "-assignment__conference__date",
            "assignment__conference_id",
            "assignment__order",
            "order",
            "id",
        )
    )


def sort_by_deadline(duties) -> list[Duty]:
    far = dt.date.max
    return sorted(duties, key=lambda d: (d.status == DutyStatus.DONE, d.deadline or far, d.pk))


def my_open_duties(user) -> list[Duty]:
    """The reporter's open duties, the most urgent first (home page)."""
    duties = open_duties_of_units(reporter_unit_ids(user)).exclude(status=DutyStatus.DONE)
    return sort_by_deadline(duties)


def late_counts_by_conference(user) -> list[tuple[Conference, int, int]]:
    """(conference, open duties, late duties) for conferences the user staffs."""
    managed = visible_conferences(user).filter(_staff_q(user))
    duties = (
        Duty.objects.select_related("assignment__conference")
        .filter(assignment__conference__in=managed)
        .exclude(status=DutyStatus.DONE)
    )
    counts: dict[int, list] = {}
    now = today()
    for duty in duties:
        conference = duty.assignment.conference
        row = counts.setdefault(conference.pk, [conference, 0, 0])
        row[1] += 1
        row[2] += duty.days_late(now) > 0
    return [tuple(row) for row in counts.values()]


def new_reports_by_conference(user, since) -> dict[int, int]:
    """{conference pk: reports agencies sent after `since`} for conferences the user staffs
    (all reports when the user has never opened the home page)."""
    managed = visible_conferences(user).filter(_staff_q(user))
    updates = DutyUpdate.objects.filter(duty__assignment__conference__in=managed).exclude(by=user)
    if since is not None:
        updates = updates.filter(created_at__gt=since)
    rows = updates.values_list("duty__assignment__conference").annotate(n=Count("id"))
    return dict(rows.order_by())


def _staff_q(user) -> Q:
    if user.is_superuser:
        return Q()
    q = Q(pk__in=[])
    for m in memberships_of(user):
        if m.role == Role.STAFF:
            q |= Q(organiser__path__startswith=m.unit.path)
    return q


# --- Timeline --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TimelineEntry:
    date: dt.date | None
    kind: str  # "milestone" | "duty" | "conference"
    title: str
    who: str = ""
    late_days: int = 0
    done: bool = False
    wording: str = ""


def timeline(conference: Conference, *, duties: list[Duty], start: dt.date) -> list:
    """Milestones and duty deadlines from `start` to the conference day, in date order; late
    open duties are kept (they are what matters most). Undated entries come last."""
    entries = [_milestone_entry(m, conference) for m in conference_milestones(conference)]
    entries += [_duty_entry(d, start) for d in duties if d.deadline_kind != "none"]
    if conference.date:
        entries.append(TimelineEntry(conference.date, "conference", conference.title))
    kept = [e for e in entries if e.date is None or e.date >= start or e.late_days]
    return sorted(kept, key=lambda e: (e.date is None, e.date or dt.date.max, e.kind))


def _milestone_entry(milestone: Milestone, conference: Conference) -> TimelineEntry:
    return TimelineEntry(
        date=milestone.deadline_on(conference.date),
        kind="milestone",
        title=milestone.title,
        who=responsible_wording(milestone),
        wording=milestone.date_label or milestone.deadline_wording(conference.date),
    )


def _duty_entry(duty: Duty, start: dt.date) -> TimelineEntry:
    return TimelineEntry(
        date=duty.deadline,
        kind="duty",
        title=duty.text,
        who=duty.assignment.heading,
        late_days=duty.days_late(start),
        done=duty.status == DutyStatus.DONE,
        wording=duty.deadline_wording(duty.assignment.conference.date),
    )


def responsible_wording(milestone: Milestone) -> str:
    names = [u.name for u in milestone.units.all()]
    if milestone.responsible_text:
        names.append(milestone.responsible_text)
    return "; ".join(names)


# --- Plan sections ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class DutyLine:
    """One duty as the plan prints it: `text`, and `deadline` ("" when none), e.g.
    "3/10/2024 (5 ngày trước ngày hội nghị)"."""

    text: str
    deadline: str = ""
    label: str = ""  # the deadline in the plan's words, when the office wrote them

    @property
    def line(self) -> str:
        """The duty, then its deadline in an italic bracket after the duty's punctuation moves
        behind it: the plan's words when given, else "Thời hạn: 3/10/2024, 5 ngày trước ..."."""
        wording = self.label or (f"Thời hạn: {_flat(self.deadline)}" if self.deadline else "")
        if not wording:
            return self.text
        head, _, more = self.text.partition("\n")
        body = head.rstrip(";.,")
        tail = head[len(body) :]
        return f"{body} *({wording})*{tail}" + (f"\n{more}" if more else "")


def _flat(deadline: str) -> str:
    """ "3/10/2024 (5 ngày trước ngày hội nghị)" -> "3/10/2024, 5 ngày trước ngày hội nghị"."""
    return deadline.replace(" (", ", ").rstrip(")") if " (" in deadline else deadline


@dataclass(frozen=True)
class ImplementationBlock:
    """One agency's block of "Tổ chức thực hiện".

    heading: "1. Phòng Nội vụ" (number + the heading as printed); title: the heading alone;
    role: "lead" | "support"; role_wording: "Chủ trì" or "Phối hợp với <heading>";
    items: the duties in order; note: the closing paragraph ("" if none);
    bulleted: the plans print several duties as "- " items and a single one as a paragraph.
    """

    number: int
    heading: str
    title: str
    role: str
    role_wording: str
    items: tuple[DutyLine, ...] = field(default_factory=tuple)
    note: str = ""

    @property
    def bulleted(self) -> bool:
        return len(self.items) > 1


@dataclass(frozen=True)
class StepLine:
    """One step of the timeline: "- Ngày 23/3/2020: các đơn vị gửi báo cáo ...".

    date_wording: the date as printed ("Ngày 23/3/2020", "Từ ngày 15-17/3/2020",
    "5 ngày trước ngày hội nghị"); responsible: unit names and free text joined by "; "."""

    number: int
    date_wording: str
    title: str
    responsible: str = ""
    date: dt.date | None = None

    @property
    def line(self) -> str:
        return f"- {self.date_wording}: {self.title}" if self.date_wording else f"- {self.title}"


def implementation_section(conference: Conference) -> list[ImplementationBlock]:
    """The "Tổ chức thực hiện" section: one block per assignment in the plan's order and
    wording. Three queries whatever the size."""
    blocks = []
    for number, assignment in enumerate(board_assignments(conference), start=1):
        items = tuple(
            DutyLine(d.text, d.deadline_wording(conference.date), d.deadline_label)
            for d in assignment.duties.all()
        )
        blocks.append(
            ImplementationBlock(
                number=number,
                heading=f"{number}. {assignment.heading}",
                title=assignment.heading,
                role=assignment.role,
                role_wording=_role_wording(assignment),
                items=items,
                note=assignment.note,
            )
        )
    return blocks


def _role_wording(assignment: Assignment) -> str:
    if assignment.role == Assignment.Role.SUPPORT and assignment.supports:
        return f"Phối hợp với {assignment.supports.heading}"
    return assignment.get_role_display()


def steps_section(conference: Conference) -> list[StepLine]:
    """The timeline of steps: milestones in order with their date wording and units."""
    return [
        StepLine(
            number=number,
            date_wording=step_date_wording(m, conference),
            title=m.title,
            responsible=responsible_wording(m),
            date=m.deadline_on(conference.date),
        )
        for number, m in enumerate(conference_milestones(conference), start=1)
    ]


def step_date_wording(milestone: Milestone, conference: Conference) -> str:
    if milestone.date_label:
        return milestone.date_label
    if milestone.deadline_kind == "absolute":
        return f"Ngày {wording.short_date(milestone.deadline_date)}"
    if milestone.deadline_kind == "relative":
        date = milestone.deadline_on(conference.date)
        if date:
            return f"Ngày {wording.short_date(date)}"
        return wording.offset_phrase(milestone.offset_days).capitalize()
    return ""


def agency_units(conference: Conference) -> QuerySet[Unit]:
    """Units that may receive an assignment: the organiser's subtree."""
    return Unit.objects.filter(path__startswith=conference.organiser.path, active=True).order_by(
        "path"
    )


# --- The plan's sections (conferences.plans.outline providers) -------------------------------


def implementation_plan_lines(conference: Conference, content: dict) -> list:
    """ "Tổ chức thực hiện": each agency as a heading ("1. Phòng Nội vụ", or unnumbered when
    the section says so) with its duties and note; with run-in heads an agency with one duty
    prints "6. Báo tỉnh: Tổ chức tuyên truyền ..." on one line. A duty's further lines nest
    under it as typed ("+ ...", "a) ...")."""
    from conferences.plans.outline import Line

    numbered = content.get("numbering", "numbered") != "none"
    first, last = content.get("first") or 1, content.get("last") or None
    lines = []
    for block in implementation_section(conference)[first - 1 : last]:
        number = f"{block.number}." if numbered else ""
        first, *rest = [
            _duty_lines(item.line, anchor=f"{block.number}.{index}")
            for index, item in enumerate(block.items, start=1)
        ] or [[]]
        if content.get("run_in") and len(block.items) == 1 and first:
            head = " ".join(p for p in (number, f"{block.title}:") if p)
            lines.append(Line("para", first[0].text, lead=head, anchor=first[0].anchor))
            lines += first[1:]
        else:
            lines.append(Line("h2", block.title, marker=number))
            for duty in [first, *rest] if block.items else []:
                lines += _bulleted(duty) if block.bulleted else duty
        if block.note:
            lines.append(Line("para", block.note))
    return lines


def _duty_lines(text: str, *, anchor: str) -> list:
    """A duty's first line, then its other lines as items one level down; the last line
    carries the duty's place ("3.2") for sections placed after it."""
    from dataclasses import replace

    from conferences.plans.content import items_from_text
    from conferences.plans.outline import Line, text_lines

    head, _, more = text.partition("\n")
    nested = [{**i, "level": i["level"] + 1} for i in items_from_text(more)]
    lines = [Line("para", head.strip()), *text_lines({"items": nested})]
    return [*lines[:-1], replace(lines[-1], anchor=anchor)]


def _bulleted(duty: list) -> list:
    from conferences.plans.outline import Line

    first = duty[0]
    return [Line("item", first.text, marker="-", anchor=first.anchor), *duty[1:]]


def steps_plan_lines(conference: Conference, content: dict) -> list:
    """The timeline: "- Ngày 23/3/2020: các đơn vị gửi báo cáo ..."."""
    from conferences.plans.outline import Line

    return [
        Line("item", step.line.removeprefix("- "), marker="-") for step in steps_section(conference)
    ]
