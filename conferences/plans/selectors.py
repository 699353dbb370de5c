"""Reading plans: scoped fetches (404 for what the user may not see) and the review view."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from conferences.models import (
    Plan,
    PlanComment,
    PlanRevision,
    PlanRevisionSeen,
    PlanSection,
    PlanStatus,
    Role,
)
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import has_role_over
from conferences.selectors import visible_conferences

from .diff import SectionDiff, diff_snapshots
from .outline import build_outline


def get_plan(user, pk: int) -> Plan:
    """A plan of a conference the user's office organises (or sits above); for the
    organiser's văn thư, its issued plan (to file the copy the leader signed)."""
    plan = (
        Plan.objects.select_related("conference__organiser")
        .filter(pk=pk, conference__in=visible_conferences(user))
        .first()
    )
    if plan is None:
        raise Http404
    organiser = plan.conference.organiser
    if not (
        has_role_over(user, organiser, OFFICE_ROLES)
        or (plan.status == PlanStatus.ISSUED and has_role_over(user, organiser, {Role.CLERK}))
    ):
        raise Http404
    return plan


def get_section(user, pk: int) -> PlanSection:
    section = PlanSection.objects.filter(pk=pk).only("pk", "plan_id").first()
    if section is None:
        raise Http404
    plan = get_plan(user, section.plan_id)
    section = plan.sections.get(pk=pk)
    section.plan = plan
    return section


def printable_outline(plan: Plan) -> dict:
    """What the plan prints, as plain data: the live outline; an issued plan prints the text
    frozen when it was issued, so a later change to the conference, its delegates or its
    duties cannot alter it."""
    if plan.status == PlanStatus.ISSUED:
        issued = plan.revisions.filter(event=PlanRevision.Event.ISSUED).order_by("-number").first()
        if issued is not None:
            return dict(issued.snapshot)
    return build_outline(plan).as_dict()


def plan_sections(plan: Plan) -> QuerySet[PlanSection]:
    return plan.sections.all()


def plan_comments(plan: Plan) -> QuerySet[PlanComment]:
    return plan.comments.select_related("author", "revision", "section")


@dataclass
class Review:
    revision: PlanRevision | None
    since: PlanRevision | None  # the revision the diff starts from (None: everything is new)
    diffs: list[SectionDiff]

    @property
    def changed(self) -> list[SectionDiff]:
        return [d for d in self.diffs if d.changed]


def review_for(plan: Plan, user) -> Review:
    """The latest revision sent for approval and what changed since the revision this user
    last looked at (or since the one before it, for a first look at a resubmission)."""
    revisions = list(plan.revisions.order_by("number"))
    if not revisions:
        return Review(None, None, [])
    latest = revisions[-1]
    seen = PlanRevisionSeen.objects.filter(plan=plan, user=user).select_related("revision").first()
    if seen and seen.revision.number < latest.number:
        since = seen.revision
    elif seen is None and len(revisions) > 1:
        since = revisions[-2]
    else:
        since = None if seen is None else _previous(revisions, latest)
    return Review(latest, since, diff_snapshots(since.snapshot if since else None, latest.snapshot))


def _previous(revisions: list[PlanRevision], revision: PlanRevision) -> PlanRevision | None:
    earlier = [r for r in revisions if r.number < revision.number]
    return earlier[-1] if earlier else None


def copy_sources(user, conference) -> QuerySet:
    """Earlier conferences with a plan the user may copy from: same organiser first."""
    return (
        visible_conferences(user)
        .filter(plan__isnull=False)
        .exclude(pk=conference.pk)
        .select_related("organiser")
        .order_by("-end_year", "-pk")
    )


def snapshot(plan: Plan) -> dict:
    """What a revision freezes: the resolved outline (as printed), section by section."""
    return build_outline(plan).as_dict()


def latest_submission(plan: Plan) -> PlanRevision | None:
    return plan.revisions.filter(event=PlanRevision.Event.SUBMITTED).order_by("-number").first()


def changed_since_approval(plan: Plan) -> list[str]:
    """Labels of the sections that no longer print as in the revision the leader approved
    (a quota, a duty or the conference's date may have changed since). Computed once per
    plan object: a page asks twice (the send button, the warning); services read the plan
    again under a lock, so they never see an older answer."""
    cached = getattr(plan, "_changed_since_approval", None)
    if cached is None:
        approved = latest_submission(plan)
        diffs = diff_snapshots(approved.snapshot, snapshot(plan)) if approved else []
        cached = plan._changed_since_approval = [d.label for d in diffs if d.changed]
    return cached


def conference_signer(conference) -> dict:
    """Who signs the conference's papers (invitations, notices): the plan's signer block when
    the conference has a plan, else the default block of the organiser (core.signers)."""
    from core.signers import default_signer, signer_lines

    plan = Plan.objects.filter(conference=conference).first()
    if plan is not None:
        return {"lines": plan.signer_lines, "name": plan.signer_name}
    return {"lines": signer_lines(**_block(default_signer(conference.organiser.name))), "name": ""}


def _block(fields: dict) -> dict:
    return {
        "body": fields["signer_body"],
        "capacity": fields["signer_capacity"],
        "head_title": fields["signer_head_title"],
    }
