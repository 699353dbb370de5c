"""Every honorees page that lists things runs as many queries with three items as with one."""

import datetime as dt

import pytest
from django.urls import reverse

from conferences.models import Role
from honorees.models import (
    AwardCondition,
    AwardLine,
    ClearanceAnswer,
    ClearanceRequest,
    CouncilResult,
    CouncilVote,
    EligibilityOverride,
    Nomination,
    NominationEvent,
)
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import (
    DecisionFactory,
    NominationFactory,
    QuotaFactory,
    RoundFactory,
    award,
    sitting,
)
from tests.queries import assert_queries_constant

pytestmark = pytest.mark.django_db

S = Nomination.Status


def _round(c):
    """The cast's round (made once per test), with a quota for the school."""
    if "round" not in c:
        c["round"] = RoundFactory(conference=c["conference_a"])
        QuotaFactory(round=c["round"], unit=c["school"], max_individuals=9, max_collectives=9)
    return c["round"]


def _nominee(status):
    def add(c, i):
        name = f"Phạm Thị Đề Nghị {i}"
        NominationFactory(round=_round(c), unit=c["school"], status=status, full_name=name)
        return name

    return add


def _round_url(name):
    return lambda c: reverse(f"honorees:{name}", kwargs={"pk": _round(c).pk})


def _sorted(url, sort: str):
    return lambda c: f"{url(c)}?sort={sort}"


def _unit_round_url(c):
    return reverse("honorees:unit_round", kwargs={"pk": _round(c).pk, "unit_pk": c["school"].pk})


def _add_round(c, i):
    title = f"Đợt khen thưởng thử {i}"
    RoundFactory(conference=c["conference_a"], title=title)
    return title


def _add_quota(c, i):
    name = f"Thôn Chỉ Tiêu {i}"
    QuotaFactory(round=_round(c), unit=UnitFactory(parent=c["office_a"], name=name))
    return name


def _add_decision(c, i):
    subject = f"Về việc khen thưởng đợt thử {i}"
    DecisionFactory(round=_round(c), subject=subject)
    return subject


def _decision_url(c):
    if "decision" not in c:
        c["decision"] = DecisionFactory(round=_round(c))
    return reverse("honorees:decision_detail", kwargs={"pk": c["decision"].pk})


def _add_award_line(c, i):
    _decision_url(c)
    name = f"Lê Văn Được Khen {i}"
    nomination = NominationFactory(round=_round(c), unit=c["school"], status=S.APPROVED)
    nomination.full_name = name
    nomination.save(update_fields=["full_name"])
    AwardLine.objects.create(
        decision=c["decision"], nomination=nomination, award_form=nomination.proposed_award
    )
    return name


def _nomination_url(c):
    if "nomination" not in c:
        c["nomination"] = NominationFactory(round=_round(c), unit=c["school"], status=S.SUBMITTED)
    return reverse("honorees:nomination_detail", kwargs={"pk": c["nomination"].pk})


def _add_vote(c, i):
    _nomination_url(c)
    name = f"Hội Đồng Viên {i}"
    voter = member(c["office_a"], Role.COUNCIL, full_name=name)
    CouncilVote.objects.create(nomination=c["nomination"], member=voter, choice="agree")
    return name


def _add_event(c, i):
    _nomination_url(c)
    comment = f"Ghi chú bước {i}"
    actor = member(c["school"], Role.SUBMITTER)
    NominationEvent.objects.create(
        nomination=c["nomination"], actor=actor, to_status=S.SUBMITTED, comment=comment
    )
    return comment


def _sitting_url(c):
    """The round's sitting page, the cast's council member present (a nominee under review)."""
    if "sitting" not in c:
        c["sitting"] = sitting(_round(c), [c["users"]["council"]])
        NominationFactory(round=_round(c), unit=c["school"], status=S.SUBMITTED)
    return reverse("honorees:council_sitting", kwargs={"pk": _round(c).pk})


def _add_absent_member(c, i):
    """An absent council member who voted in writing."""
    _sitting_url(c)
    name = f"Thành Viên Vắng {i}"
    absent = member(c["office_a"], Role.COUNCIL, full_name=name)
    nomination = Nomination.objects.filter(round=_round(c)).first()
    CouncilVote.objects.create(
        nomination=nomination, member=absent, choice="agree", in_writing=True
    )
    return name


def _decided(c, i):
    name = f"Trần Văn Đã Chốt {i}"
    nomination = NominationFactory(
        round=_round(c), unit=c["school"], status=S.APPROVED, full_name=name
    )
    CouncilResult.objects.create(
        nomination=nomination, agree=2, disagree=0, abstain=0, base=2, members=2,
        rule_text="hơn một nửa", passed=True,
    )  # fmt: skip
    return name


def _home(c):
    return reverse("home")


def _round_list(c):
    return reverse("honorees:round_list", kwargs={"conference_pk": c["conference_a"].pk})


def _add_round_with_submitted(c, i):
    """A round of a new conference of office A, with a nomination waiting for the council."""
    title = f"Đợt bình xét thử {i}"
    round = RoundFactory(conference=ConferenceFactory(organiser=c["office_a"]), title=title)
    QuotaFactory(round=round, unit=c["school"])
    NominationFactory(round=round, unit=c["school"], status=S.SUBMITTED)
    return title


def _add_draft_decision(c, i):
    subject = f"Về việc khen thưởng chờ ký {i}"
    DecisionFactory(round=RoundFactory(conference=c["conference_a"]), subject=subject)
    return subject


def _checked_nominee(c, i):
    """A nominee failing checks of every kind: a flag (overridden), declarations, a history
    condition, an agency's objection."""
    if not AwardCondition.objects.filter(code="cstdcs-lich-su").exists():
        AwardCondition.objects.create(
            award_form=award("cstd-cs"), code="cstdcs-lich-su", kind="history",
            text="Hai năm Lao động tiên tiến", required_form=award("ldtt"), count=2,
        )  # fmt: skip
    name = f"Trần Văn Kiểm Tra {i}"
    nomination = NominationFactory(
        round=_round(c), unit=c["school"], status=S.SUBMITTED, full_name=name,
        proposed_award=award("cstd-cs"), discipline_review=True,
    )  # fmt: skip
    EligibilityOverride.objects.create(
        nomination=nomination, rule_code="flag.discipline_review", rule_text="x", reason="y"
    )
    request = ClearanceRequest.objects.create(
        round=_round(c), agency=c["agency"], deadline=dt.date(2030, 1, 1)
    )
    ClearanceAnswer.objects.create(
        request=request, nomination=nomination, status="objected", reason="Vi phạm."
    )
    return name


def _add_clearance_request(c, i):
    """A request to a new agency of office A about one nominee."""
    name = f"Cơ Quan Hỏi Ý Kiến {i}"
    agency = UnitFactory(parent=c["office_a"], name=name, kind="agency")
    nomination = c.get("nomination") or NominationFactory(
        round=_round(c), unit=c["school"], status=S.SUBMITTED
    )
    c.setdefault("nomination", nomination)
    request = ClearanceRequest.objects.create(
        round=_round(c), agency=agency, deadline=dt.date(2030, 1, 1)
    )
    ClearanceAnswer.objects.create(request=request, nomination=nomination)
    return name


def _add_request_to_reporter(c, i):
    title = f"Đợt hỏi ý kiến {i}"
    round = RoundFactory(conference=c["conference_a"], title=title)
    nomination = NominationFactory(round=round, unit=c["school"], status=S.SUBMITTED)
    request = ClearanceRequest.objects.create(
        round=round, agency=c["agency"], deadline=dt.date(2030, 1, 1)
    )
    ClearanceAnswer.objects.create(request=request, nomination=nomination)
    return title


PAGES = [
    pytest.param("staff", _round_list, _add_round, id="round_list"),
    pytest.param("submitter", _round_list, _add_round, id="round_list-unit"),
    pytest.param("staff", _round_url("round_detail"), _nominee(S.SUBMITTED), id="round_detail"),
    pytest.param(
        "staff",
        _sorted(_round_url("round_detail"), "-trang-thai"),
        _nominee(S.SUBMITTED),
        id="round_detail_by_status",
    ),  # fmt: skip
    pytest.param(
        "staff",
        _sorted(_round_url("round_detail"), "hinh-thuc"),
        _nominee(S.SUBMITTED),
        id="round_detail_by_award",
    ),  # fmt: skip
    pytest.param("staff", _round_url("round_detail"), _add_decision, id="decisions_list"),
    pytest.param("staff", _round_url("round_quotas"), _add_quota, id="round_quotas"),
    pytest.param("submitter", _unit_round_url, _nominee(S.DRAFT), id="unit_round"),
    pytest.param("council", _round_url("council_list"), _nominee(S.SUBMITTED), id="council"),
    pytest.param("staff", _round_url("review_tally"), _nominee(S.SUBMITTED), id="tally"),
    pytest.param("staff", _round_url("review_tally"), _decided, id="tally_results"),
    pytest.param("staff", _round_url("council_sitting"), _nominee(S.SUBMITTED), id="sitting"),
    pytest.param("staff", _sitting_url, _add_absent_member, id="sitting_absent"),
    pytest.param("staff", _round_url("delegates_above"), _nominee(S.APPROVED), id="above"),
    pytest.param("staff", _decision_url, _add_award_line, id="decision_detail"),
    pytest.param("staff", _nomination_url, _add_vote, id="nomination_votes"),
    pytest.param("staff", _nomination_url, _add_event, id="nomination_events"),
    pytest.param("council", _home, _add_round_with_submitted, id="home_council"),
    pytest.param("submitter", _home, _add_round_with_submitted, id="home_submitter"),
    pytest.param("staff", _home, _add_round_with_submitted, id="home_staff"),
    pytest.param("leader", _home, _add_draft_decision, id="home_leader"),
    pytest.param("council", _round_url("council_list"), _checked_nominee, id="council-checks"),
    pytest.param("staff", _round_url("review_tally"), _checked_nominee, id="tally-checks"),
    pytest.param("submitter", _unit_round_url, _checked_nominee, id="unit_round-checks"),
    pytest.param("staff", _round_url("round_detail"), _add_clearance_request, id="round-asked"),
    pytest.param("staff", _round_url("clearance_list"), _add_clearance_request, id="asked"),
    pytest.param("staff", _nomination_url, _add_clearance_request, id="nomination-asked"),
    pytest.param("reporter", _home, _add_request_to_reporter, id="home_reporter"),
]


@pytest.mark.parametrize(("persona", "url", "add"), PAGES)
def test_honorees_page_queries_do_not_grow(client, cast, persona, url, add):
    client.force_login(cast["users"][persona])
    assert_queries_constant(client, lambda: url(cast), lambda i: add(cast, i))
