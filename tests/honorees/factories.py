import datetime as dt

import factory
from django.utils import timezone

from core.vntext import fold
from honorees.models import (
    AwardDecision,
    AwardForm,
    CouncilSitting,
    CouncilVote,
    Nomination,
    NominationRound,
    RoundQuota,
)
from tests.factories import ConferenceFactory, UnitFactory, UserFactory

# Seeded by the data migration.
DEFAULT_FORMS = ("gk-xa", "ldtt", "cstd-cs", "tt-ldtt", "tt-ldxs", "giai-nhat", "gcn")


def award(code: str) -> AwardForm:
    return AwardForm.objects.get(code=code)


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NominationRound
        skip_postgeneration_save = True

    conference = factory.SubFactory(ConferenceFactory)
    title = factory.Sequence(lambda n: f"Đợt đề nghị khen thưởng số {n}")
    criteria = "Có thành tích tiêu biểu trong giai đoạn 2020 - 2025."
    deadline = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))

    @factory.post_generation
    def allowed_forms(self, create, extracted, **kwargs):
        codes = extracted if extracted is not None else DEFAULT_FORMS
        self.allowed_forms.set(AwardForm.objects.filter(code__in=codes))


class QuotaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoundQuota

    round = factory.SubFactory(RoundFactory)
    unit = factory.LazyAttribute(lambda q: UnitFactory(parent=q.round.conference.organiser))
    max_individuals = 5
    max_collectives = 2


class NominationFactory(factory.django.DjangoModelFactory):
    """An individual draft; pass kind="collective" with collective_name for a collective."""

    class Meta:
        model = Nomination

    round = factory.SubFactory(RoundFactory)
    unit = factory.LazyAttribute(lambda n: UnitFactory(parent=n.round.conference.organiser))
    kind = Nomination.Kind.INDIVIDUAL
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Khen {n}")
    collective_name = ""
    gender = Nomination.Gender.MALE
    birth_year = 1980
    achievement_summary = "Hoàn thành xuất sắc nhiệm vụ."
    proposed_award = factory.LazyFunction(lambda: award("gk-xa"))
    name_key = factory.LazyAttribute(lambda n: fold(n.collective_name or n.full_name))


class VoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilVote

    nomination = factory.SubFactory(NominationFactory, status=Nomination.Status.SUBMITTED)
    member = factory.SubFactory(UserFactory)
    choice = CouncilVote.Choice.AGREE


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardDecision

    round = factory.SubFactory(RoundFactory)
    date = dt.date(2025, 8, 15)
    place = "Thượng Hồng"
    subject = "Về việc khen thưởng các tập thể, cá nhân điển hình tiên tiến"
    authority = "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG"
    legal_bases = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
    proposing_body = "Trưởng phòng Văn hóa - Xã hội xã"
    signer_head_title = "CHỦ TỊCH"
    signer_name = "Phạm Văn Hùng"


def sitting(round, present, *, chair=None, **fields):
    """The round's council sitting with the `present` members (the first chairs unless said)."""
    record = CouncilSitting.objects.create(
        round=round,
        held_at=fields.pop("held_at", timezone.make_aware(dt.datetime(2026, 12, 5, 14, 0))),
        place=fields.pop("place", "Hội trường Ủy ban nhân dân xã"),
        chair=chair or present[0],
        secretary_name=fields.pop("secretary_name", "Lê Thị Thư"),
        secretary_title=fields.pop("secretary_title", "Công chức Văn hóa - Xã hội"),
        **fields,
    )
    record.present.set(present)
    return record


def approve_and_issue(decision: AwardDecision, office: dict, **kwargs) -> AwardDecision:
    """The leader approves, the văn thư issues (dated as drafted unless `date` is given)."""
    from honorees import services

    services.approve_decision(decision=decision, by=office["leader"])
    kwargs.setdefault("date", decision.date)
    return services.issue_decision(decision=decision, by=office["clerk"], **kwargs)
