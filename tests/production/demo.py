"""The authorisation harness's URLs (tests/authz.py), resolved against the demo data for the
production crawl: which pages each demo user can reach, and the objects in their URLs.

The harness builds its own small world with factories; the crawl runs on a server loaded with
`seed_demo`, so each demo user gets a `DemoWorld` shaped like the harness's (their office, its
conference, a submitting unit, an agency) and each URL argument is looked up in it."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.tokens import default_token_generator
from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.urls import get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from assignments.models import Assignment, Duty, DutyUpdate, Milestone
from ceremony.models import CeremonySetting
from conferences.models import Conference, Membership, Plan, PlanSection, Role, Unit, User
from core.models import ImportJob
from delegates.models import Delegate, DelegateCategory
from documents.models import CertificateSetting, GeneratedDocument, SignedCopy
from honorees.models import (
    AwardDecision,
    AwardLine,
    ClearanceRequest,
    Nomination,
    NominationRound,
    VerificationCode,
)
from tests.authz import CASES, Case, load_cases

OFFICE_ROLES = (Role.STAFF, Role.LEADER, Role.COUNCIL, Role.ADMIN)

# The model a URL's `pk` names, by the URL name's prefix (the first that matches).
PK_MODELS = (
    ("province:", Unit),  # the office whose communes are rolled up
    ("import_job", ImportJob),
    ("honorees:nomination_create", NominationRound),
    ("honorees:nomination_import", NominationRound),
    ("honorees:nomination_", Nomination),
    ("honorees:decision_", AwardDecision),
    ("honorees:clearance_list", NominationRound),
    ("honorees:clearance_send", NominationRound),
    ("honorees:clearance_", ClearanceRequest),
    ("honorees:", NominationRound),
    ("plan_section_", PlanSection),
    ("plan_", Plan),
    ("delegates_category_", DelegateCategory),
    ("delegates_", Delegate),
    ("duty_update_", DutyUpdate),
    ("duty_", Duty),
    ("milestone_", Milestone),
    ("assignment_", Assignment),
    ("document_", GeneratedDocument),
    ("conference_", Conference),
    ("membership_", Membership),
    ("unit_", Unit),
    ("member_", Unit),
)


@dataclass
class DemoWorld:
    """What the harness calls office_a, conference_a, school and agency, for one demo user."""

    user: User
    persona: str  # the harness's name for the user's role (tests/authz.py PERSONAS)
    unit: Unit  # the user's own unit (the office for a system administrator)
    office: Unit
    conference: Conference
    school: Unit  # a unit that submits nominations and delegates
    agency: Unit  # an agency with duties


def world_for(user: User) -> DemoWorld:
    if user.is_superuser:
        conference = _busiest_conference(Conference.objects.all())
        persona, unit, office = "superuser", conference.organiser, conference.organiser
    else:
        membership = user.memberships.select_related("unit__drafting_for").get()
        persona, unit = membership.role, membership.unit
        own_office = membership.role in (*OFFICE_ROLES, Role.CLERK)  # a văn thư: its office
        office = unit if own_office else Unit.objects.get_parent(unit)
        if unit.drafting_for is not None:  # an office drafting for a UBND: works as its staff
            persona, office = Role.STAFF, unit.drafting_for
        conference = _busiest_conference(Conference.objects.filter(organiser=office))
    return DemoWorld(
        user=user,
        persona=persona,
        unit=unit,
        office=office,
        conference=conference,
        school=unit if persona == Role.SUBMITTER else _submitting_unit(conference),
        agency=unit if persona == Role.REPORTER else _agency(conference),
    )


def _busiest_conference(conferences) -> Conference:
    counted = conferences.annotate(n=Count("nomination_rounds__nominations", distinct=True))
    return counted.order_by("-n", "pk").first()


def _submitting_unit(conference: Conference) -> Unit | None:
    units = Unit.objects.filter(nominations__round__conference=conference)
    counted = units.annotate(
        dossiers=Count("nominations", filter=~Q(nominations__dossier=""), distinct=True),
        submitters=Count("memberships", filter=Q(memberships__role=Role.SUBMITTER), distinct=True),
        n=Count("nominations", distinct=True),
    )
    return counted.order_by("-dossiers", "-submitters", "-n", "pk").first()


def _agency(conference: Conference) -> Unit | None:
    units = Unit.objects.filter(assignments__conference=conference).annotate(
        reporters=Count("memberships", filter=Q(memberships__role=Role.REPORTER))
    )
    return units.order_by("-reporters", "pk").first()


# --- URLs ----------------------------------------------------------------------------------------
def get_cases() -> list[Case]:
    """Every GET case of the harness, one per URL name (the first)."""
    load_cases()
    seen: dict[str, Case] = {}
    for case in CASES:
        if case.method == "get":
            seen.setdefault(case.name, case)
    return list(seen.values())


def reachable(case: Case, persona: str) -> bool:
    """The harness expects this persona to get the page itself (not a redirect or a refusal)."""
    return case.ok == 200 and case.expected(persona) == 200


def targets(world: DemoWorld) -> list[tuple[str, str]]:
    """(URL name, path) of every harness page the user's role can reach, from the demo data
    (the production crawl and the every-page browser test open the same list)."""
    found = []
    for case in get_cases():
        if reachable(case, world.persona):
            kwargs = resolve(case.name, world)
            if kwargs is not None:
                found.append((case.name, reverse(case.name, kwargs=kwargs) + case.query))
    return found


def url_arguments(name: str) -> list[str]:
    resolver = get_resolver()
    *namespaces, short = name.split(":")
    for namespace in namespaces:
        resolver = resolver.namespace_dict[namespace][1]
    possibilities = resolver.reverse_dict.getlist(short)[0][0]
    return list(possibilities[0][1])


def resolve(name: str, world: DemoWorld) -> dict | None:
    """The URL's arguments from the demo data, or None when the world has no such object."""
    kwargs = {}
    for argument in url_arguments(name):
        value = _argument(name, argument, world)
        if value is None:
            return None
        kwargs[argument] = value
    return kwargs


def _argument(name: str, argument: str, world: DemoWorld):
    if (
        name == "ceremony:background"
        and not CeremonySetting.objects.filter(
            conference=world.conference, background__gt=""
        ).exists()
    ):
        return None  # no background uploaded for this conference: nothing to open
    simple = {
        "conference_pk": world.conference.pk,
        "parent_pk": world.unit.pk,
        "page": 1,
        "kind": "individual" if name.startswith("honorees:") else CertificateSetting.Kind.values[0],
        "uidb64": urlsafe_base64_encode(force_bytes(world.user.pk)),
        "token": default_token_generator.make_token(world.user),
    }
    if name.startswith("signed_"):  # a signed copy's pages: an issued decision's official file
        return _signed_argument(argument, world)
    if argument in simple:
        return simple[argument]
    if argument == "unit_pk" and name.startswith("province:"):
        return world.office.pk  # a commune's own page in its roll-up
    if argument == "unit_pk":
        unit = {"unit_duties": world.agency, "certificate_settings": world.office}.get(name)
        return _pk(unit or world.school)
    if argument == "line_pk" and name.startswith("ceremony:"):
        return _pk(_ceremony_line(world))
    if argument in ("code", "source_key", "line_pk"):
        return _after_issue(argument, world)
    if argument == "pk" and name == "honorees:decision_awards":
        return _pk(_issued_decision(world))
    if argument == "assignment_pk":
        return _pk(_object(Assignment, world))
    if argument == "pk":
        model = next(model for prefix, model in PK_MODELS if name.startswith(prefix))
        return _pk(_object(model, world))
    raise LookupError(f"No demo value for the argument {argument!r} of {name!r}")


def _signed_argument(argument: str, world: DemoWorld):
    if argument == "kind":
        return "award_decision"
    official = SignedCopy.objects.filter(
        kind="award_decision", status=SignedCopy.Status.VALID, scope_unit=world.office
    ).first()
    decision = (
        official
        and AwardDecision.objects.filter(
            pk=official.target_id, round__conference=world.conference
        ).first()
    )
    return _pk(decision)


def _issued_decision(world: DemoWorld):
    return (
        AwardDecision.objects.filter(
            round__conference=world.conference, status=AwardDecision.Status.ISSUED
        )
        .order_by("pk")
        .first()
    )


def _after_issue(argument: str, world: DemoWorld):
    """A published certificate code of the conference's issued decision, or its line."""
    code = (
        VerificationCode.objects.filter(
            decision=_issued_decision(world),
            line__isnull=False,
            decision__publish_verification=True,
        )
        .select_related("line")
        .order_by("pk")
        .first()
    )
    if code is None:
        return None
    return {
        "code": code.code,
        "source_key": f"honorees.nomination:{code.line.nomination_id}",
        "line_pk": code.line_id,
    }[argument]


def _ceremony_line(world: DemoWorld):
    """An honouree of the conference's issued decision whose photo is public (the demo's
    Thanh Trì decision has some)."""
    lines = AwardLine.objects.filter(
        decision__round__conference=world.conference, ceremony_profile__consent=True
    ).exclude(ceremony_profile__photo="")
    if world.persona == Role.SUBMITTER:
        lines = lines.filter(nomination__unit=world.school)  # a unit adds its own honourees'
    return lines.order_by("pk").first()


def _pk(instance) -> int | None:
    return instance.pk if instance is not None else None


def _object(model, world: DemoWorld):
    """The object of `model` a demo user would open in their world (the first by pk)."""
    conference = world.conference
    found = {
        Conference: Conference.objects.filter(pk=conference.pk),
        Unit: Unit.objects.filter(pk=world.unit.pk),
        Plan: Plan.objects.filter(conference=conference),
        PlanSection: PlanSection.objects.filter(plan__conference=conference),
        NominationRound: NominationRound.objects.filter(conference=conference),
        Nomination: Nomination.objects.filter(round__conference=conference, unit=world.school),
        AwardDecision: AwardDecision.objects.filter(round__conference=conference),
        # The agency's own request for its reporter; any of the conference's for the office.
        ClearanceRequest: ClearanceRequest.objects.filter(round__conference=conference).filter(
            Q(agency=world.agency) if world.persona == Role.REPORTER else Q()
        ),
        DelegateCategory: DelegateCategory.objects.filter(conference=conference),
        Delegate: Delegate.objects.filter(conference=conference, unit=world.school),
        Assignment: Assignment.objects.filter(conference=conference, unit=world.agency),
        Duty: Duty.objects.filter(assignment__conference=conference, assignment__unit=world.agency),
        DutyUpdate: DutyUpdate.objects.filter(
            duty__assignment__conference=conference, duty__assignment__unit=world.agency
        ).exclude(file=""),
        Milestone: Milestone.objects.filter(conference=conference),
        GeneratedDocument: GeneratedDocument.objects.filter(
            conference=conference, status=GeneratedDocument.Status.READY
        ),
        Membership: Membership.objects.filter(unit=world.school),
        ImportJob: ImportJob.objects.filter(requested_by=world.user),
    }[model]
    if model is Nomination:
        # A draft with a dossier (the crawl's set-up attaches one) opens every nomination page.
        found = found.annotate(
            has_dossier=ExpressionWrapper(~Q(dossier=""), output_field=BooleanField()),
            is_draft=ExpressionWrapper(
                Q(status=Nomination.Status.DRAFT), output_field=BooleanField()
            ),
        ).order_by("-has_dossier", "-is_draft")
    return found.order_by(*found.query.order_by, "pk").first()
