import factory
from django.contrib.auth.hashers import make_password

from conferences.models import Conference, Membership, Unit, User

PASSWORD = "mat-khau-thu-nghiem"


class UnitFactory(factory.django.DjangoModelFactory):
    """Pass parent=<Unit> for a child; without it the unit is a root."""

    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Ủy ban nhân dân xã Số {n}")
    short_name = ""
    code = factory.Sequence(lambda n: f"U{n:04d}")
    kind = Unit.Kind.COMMUNE

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            return model_class.objects.add_root(instance=model_class(**kwargs))
        return model_class.objects.add_child(parent, instance=model_class(**kwargs))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.test")
    password = factory.LazyFunction(lambda: make_password(PASSWORD))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    role = "staff"


class ConferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conference

    organiser = factory.SubFactory(UnitFactory)
    kind = Conference.Kind.EXEMPLAR_FIVE_YEAR
    title = factory.Sequence(lambda n: f"Hội nghị điển hình tiên tiến số {n}")
    start_year = 2025
    end_year = 2030


def member(unit: Unit, role: str, **user_fields) -> User:
    """A new user holding `role` in `unit`."""
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, unit=unit, role=role)
    return user
