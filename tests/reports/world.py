"""A conference of office A with data for the report and the budget: a nomination round with
dossiers in several states, a draft and an issued decision (explicit prize amounts), and
delegates invited and present. Shared by tests/reports and tests/finance."""

import datetime as dt
import itertools

from django.utils import timezone

from honorees.models import AwardDecision, AwardLine, Nomination
from tests.delegates.factories import CategoryFactory, DelegateFactory
from tests.honorees.factories import DecisionFactory, NominationFactory, RoundFactory, award

S = Nomination.Status
_collectives = itertools.count(1)


def line(decision, *, kind="individual", gender="male", sector="Giáo dục", form="gk-xa",
         amount=710_000, status=S.APPROVED):  # fmt: skip
    """One honouree in `decision`, with a nomination of the decision's round."""
    nomination = NominationFactory(
        round=decision.round, kind=kind, gender=gender if kind != "collective" else "",
        sector=sector, status=status, proposed_award=award(form),
        collective_name=f"Tổ công tác số {next(_collectives)}" if kind == "collective" else "",
    )  # fmt: skip
    return AwardLine.objects.create(
        decision=decision, nomination=nomination, award_form=award(form), amount=amount
    )


def build(cast) -> dict:
    conference = cast["conference_a"]
    round = RoundFactory(conference=conference)
    RoundFactory(conference=conference, title="Đợt bổ sung")
    for status in (S.DRAFT, S.SUBMITTED, S.REJECTED, S.WITHDRAWN):
        NominationFactory(round=round, status=status)
    draft = DecisionFactory(round=round)
    line(draft, kind="collective", form="tt-ldtt", amount=1_880_000, sector="Y tế")
    line(draft, gender="female", amount=710_000)
    issued = DecisionFactory(round=round, subject="Về việc khen thưởng đợt bổ sung")
    AwardDecision.objects.filter(pk=issued.pk).update(
        status=AwardDecision.Status.ISSUED, number=7, signed_at=timezone.now(),
        issued_at=timezone.now(), date=dt.date(2025, 9, 1),
    )  # fmt: skip
    issued.refresh_from_db()
    line(issued, gender="female", amount=710_000, status=S.AWARDED)
    line(issued, gender="male", amount=710_000, status=S.AWARDED, sector="")
    category = CategoryFactory(conference=conference)
    for status, present in (("invited", True), ("confirmed", False), ("declined", False),
                            ("to_invite", False)):  # fmt: skip
        DelegateFactory(
            category=category, invitation_status=status,
            present_at=timezone.now() if present else None,
        )  # fmt: skip
    return {"conference": conference, "round": round, "draft": draft, "issued": issued}
