import factory

from delegates.models import (
    CompositionRule,
    Delegate,
    DelegateCategory,
    DelegateRound,
    SeatAllocation,
    Source,
)
from tests.factories import ConferenceFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DelegateCategory

    conference = factory.SubFactory(ConferenceFactory)
    title = factory.Sequence(lambda n: f"Đại biểu nhóm {n}")
    order = factory.Sequence(lambda n: n)
    target_kind = "exact"
    target_min = 10
    target_max = factory.LazyAttribute(lambda c: c.target_min if c.target_kind == "exact" else None)


class RuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompositionRule

    conference = factory.SubFactory(ConferenceFactory)
    kind = "total"
    total_max = 100


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DelegateRound

    conference = factory.SubFactory(ConferenceFactory)


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeatAllocation

    category = factory.SubFactory(CategoryFactory)
    unit = None  # pass a unit under the conference's organiser
    seats = 3


class DelegateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegate

    category = factory.SubFactory(CategoryFactory)
    conference = factory.LazyAttribute(lambda d: d.category.conference)
    full_name = factory.Sequence(lambda n: f"Trần Văn Đại Biểu {n}")
    title = "Ông"
    gender = "male"
    birth_year = 1980
    source = Source.GUEST
