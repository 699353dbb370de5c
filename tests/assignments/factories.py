import factory

from assignments.models import Assignment, DeadlineKind, Duty, DutyUpdate, Milestone
from tests.factories import ConferenceFactory, UnitFactory, UserFactory


class AssignmentFactory(factory.django.DjangoModelFactory):
    """An assignment of a new unit under the conference's organiser."""

    class Meta:
        model = Assignment

    conference = factory.SubFactory(ConferenceFactory)
    unit = factory.LazyAttribute(lambda a: UnitFactory(parent=a.conference.organiser))
    role = Assignment.Role.LEAD
    order = factory.Sequence(lambda n: n + 1)
    heading = factory.LazyAttribute(lambda a: a.unit.name)


class DutyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Duty

    assignment = factory.SubFactory(AssignmentFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Nhiệm vụ thử số {n}.")
    deadline_kind = DeadlineKind.NONE


def relative_duty(assignment, offset: int, **fields) -> Duty:
    return DutyFactory(
        assignment=assignment, deadline_kind=DeadlineKind.RELATIVE, offset_days=offset, **fields
    )


def absolute_duty(assignment, date, **fields) -> Duty:
    return DutyFactory(
        assignment=assignment, deadline_kind=DeadlineKind.ABSOLUTE, deadline_date=date, **fields
    )


class DutyUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DutyUpdate

    duty = factory.SubFactory(DutyFactory)
    by = factory.SubFactory(UserFactory)
    status = "in_progress"
    note = "Đang triển khai."


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    conference = factory.SubFactory(ConferenceFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Bước chuẩn bị số {n}.")
