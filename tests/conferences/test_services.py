"""Services of the base app: the state they leave behind (rows, tree, activity, email)."""

import pytest

from conferences import services
from conferences.models import ActivityEntry, Membership, Role, Unit, User
from core.errors import DomainError, PermissionDeniedError
from tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def _entries(action: str, target) -> list[ActivityEntry]:
    return list(ActivityEntry.objects.filter(action=action, object_id=str(target.pk)))


# --- create_unit ------------------------------------------------------------------------------
def test_create_unit_adds_child_under_parent(world):
    office_a = world["office_a"]

    unit = services.create_unit(
        parent=office_a,
        by=world["users"]["staff"],
        name="Thôn Đông",
        code="thon-dong",
        kind=Unit.Kind.VILLAGE,
    )

    unit.refresh_from_db()
    assert Unit.objects.get_parent(unit) == office_a
    assert unit.path.startswith(office_a.path)
    assert unit.depth == office_a.depth + 1
    assert unit in Unit.objects.get_children(Unit.objects.get(pk=office_a.pk))
    [entry] = _entries("unit.created", unit)
    assert entry.actor == world["users"]["staff"]
    assert entry.scope_unit == office_a


def test_create_unit_upper_cases_code(world):
    unit = services.create_unit(
        parent=world["office_a"],
        by=world["users"]["staff"],
        name="Thôn Tây",
        code="ht-tay",
        kind=Unit.Kind.VILLAGE,
    )

    assert Unit.objects.get(pk=unit.pk).code == "HT-TAY"


def test_create_unit_refuses_duplicate_code(world):
    taken = world["school"].code
    count = Unit.objects.count()

    with pytest.raises(DomainError) as exc:
        services.create_unit(
            parent=world["office_a"],
            by=world["users"]["staff"],
            name="Trường trùng mã",
            code=taken.lower(),
            kind=Unit.Kind.SCHOOL,
        )

    assert exc.value.field == "code"
    assert "đã được dùng" in exc.value.message
    assert Unit.objects.count() == count


def test_create_unit_root_needs_superuser(world):
    count = Unit.objects.count()

    with pytest.raises(PermissionDeniedError):
        services.create_unit(
            parent=None,
            by=world["users"]["staff"],
            name="Ủy ban nhân dân tỉnh Mới",
            code="TM",
            kind=Unit.Kind.PROVINCE,
        )
    assert Unit.objects.count() == count

    root = services.create_unit(
        parent=None,
        by=world["users"]["superuser"],
        name="Ủy ban nhân dân tỉnh Mới",
        code="TM",
        kind=Unit.Kind.PROVINCE,
    )
    assert Unit.objects.get(pk=root.pk).is_root()


def test_create_unit_refused_for_leader(world):
    count = Unit.objects.count()

    with pytest.raises(PermissionDeniedError):
        services.create_unit(
            parent=world["office_a"],
            by=world["users"]["leader"],
            name="Thôn Nam",
            code="THON-NAM",
            kind=Unit.Kind.VILLAGE,
        )

    assert Unit.objects.count() == count
    assert not ActivityEntry.objects.filter(action="unit.created").exists()


def test_create_unit_refused_under_other_office(world):
    with pytest.raises(PermissionDeniedError):
        services.create_unit(
            parent=world["office_b"],
            by=world["users"]["staff"],
            name="Thôn Bắc",
            code="THON-BAC",
            kind=Unit.Kind.VILLAGE,
        )

    assert not Unit.objects.filter(code="THON-BAC").exists()


# --- update_unit ------------------------------------------------------------------------------
def test_update_unit_logs_previous_and_new_values(world):
    school = world["school"]
    old_name = school.name

    services.update_unit(
        unit=school,
        by=world["users"]["staff"],
        name="Trường Tiểu học An Thịnh mới",
        short_name=school.short_name,
        code=school.code,
        kind=school.kind,
        active=False,
    )

    school.refresh_from_db()
    assert school.name == "Trường Tiểu học An Thịnh mới"
    assert school.active is False
    [entry] = _entries("unit.updated", school)
    assert entry.changes == {
        "name": [old_name, "Trường Tiểu học An Thịnh mới"],
        "active": [True, False],
    }
    assert entry.actor == world["users"]["staff"]


def test_update_unit_without_change_logs_nothing(world):
    school = world["school"]

    services.update_unit(
        unit=school,
        by=world["users"]["staff"],
        name=school.name,
        short_name=school.short_name,
        code=school.code.lower(),
        kind=school.kind,
        active=school.active,
    )

    assert not ActivityEntry.objects.filter(action="unit.updated").exists()


def test_update_unit_refuses_code_of_another_unit(world):
    school = world["school"]

    with pytest.raises(DomainError) as exc:
        services.update_unit(unit=school, by=world["users"]["staff"], code=world["agency"].code)

    assert exc.value.field == "code"
    assert Unit.objects.get(pk=school.pk).code == school.code


def test_update_unit_refused_for_leader(world):
    school = world["school"]

    with pytest.raises(PermissionDeniedError):
        services.update_unit(unit=school, by=world["users"]["leader"], name="Đổi tên")

    assert Unit.objects.get(pk=school.pk).name == "Trường Tiểu học An Thịnh"


# --- move_unit --------------------------------------------------------------------------------
def test_move_unit_moves_subtree(world):
    school, agency = world["school"], world["agency"]
    classroom = UnitFactory(parent=school, name="Tổ khối 1", kind=Unit.Kind.OFFICE)

    services.move_unit(unit=school, parent=agency, by=world["users"]["staff"])

    school.refresh_from_db()
    classroom.refresh_from_db()
    assert Unit.objects.get_parent(school).pk == agency.pk
    assert Unit.objects.get_parent(classroom).pk == school.pk
    assert classroom.path.startswith(school.path)
    assert classroom.depth == school.depth + 1
    [entry] = _entries("unit.moved", school)
    assert entry.changes == {"parent": [world["office_a"].name, agency.name]}


def test_move_unit_into_own_descendant_refused(world):
    office_a, school = world["office_a"], world["school"]
    path = office_a.path

    with pytest.raises(DomainError) as exc:
        services.move_unit(unit=office_a, parent=school, by=world["users"]["superuser"])

    assert exc.value.field == "parent"
    assert Unit.objects.get(pk=office_a.pk).path == path
    assert not ActivityEntry.objects.filter(action="unit.moved").exists()


def test_move_unit_into_other_office_refused(world):
    school = world["school"]

    with pytest.raises(PermissionDeniedError):
        services.move_unit(unit=school, parent=world["office_b"], by=world["users"]["staff"])

    assert Unit.objects.get_parent(Unit.objects.get(pk=school.pk)).pk == world["office_a"].pk


# --- add_member -------------------------------------------------------------------------------
def test_add_member_creates_membership_and_mails_user(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    person = UserFactory(email="giaovien@example.test")

    with django_capture_on_commit_callbacks(execute=True):
        membership = services.add_member(
            unit=world["school"],
            user=person,
            role=Role.SUBMITTER,
            position="Giáo viên",
            by=world["users"]["admin"],
        )

    assert Membership.objects.get(user=person, unit=world["school"]).role == Role.SUBMITTER
    assert membership.position == "Giáo viên"
    [entry] = _entries("membership.added", membership)
    assert entry.scope_unit == world["school"]
    [mail] = mailoutbox
    assert mail.to == ["giaovien@example.test"]
    assert world["school"].name in mail.body


def test_add_member_sends_nothing_before_commit(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    person = UserFactory(email="giaovien@example.test")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.add_member(
            unit=world["school"], user=person, role=Role.SUBMITTER, by=world["users"]["admin"]
        )

    assert len(callbacks) == 1
    assert mailoutbox == []


def test_add_member_refuses_duplicate(world, mailoutbox, django_capture_on_commit_callbacks):
    submitter = world["users"]["submitter"]

    with pytest.raises(DomainError) as exc, django_capture_on_commit_callbacks(execute=True):
        services.add_member(
            unit=world["school"], user=submitter, role=Role.SUBMITTER, by=world["users"]["admin"]
        )

    assert exc.value.field == "role"
    assert Membership.objects.filter(user=submitter).count() == 1
    assert mailoutbox == []


def test_add_member_refused_for_staff(world):
    person = UserFactory()

    with pytest.raises(PermissionDeniedError):
        services.add_member(
            unit=world["school"], user=person, role=Role.SUBMITTER, by=world["users"]["staff"]
        )

    assert not Membership.objects.filter(user=person).exists()


# --- create_user ------------------------------------------------------------------------------
def _create_user(world, **overrides):
    data = {
        "username": "TranVanBa",
        "full_name": "Trần Văn Ba",
        "email": "ba@example.test",
        "password": "mot-mat-khau-dai",
        "unit": world["school"],
        "role": Role.SUBMITTER,
        "by": world["users"]["admin"],
        "position": "Hiệu phó",
    }
    return services.create_user(**{**data, **overrides})


def test_create_user_sets_password_and_membership(world):
    user = _create_user(world)

    user = User.objects.get(pk=user.pk)
    assert user.username == "tranvanba"
    assert user.check_password("mot-mat-khau-dai")
    membership = Membership.objects.get(user=user)
    assert (membership.unit, membership.role, membership.position) == (
        world["school"],
        Role.SUBMITTER,
        "Hiệu phó",
    )
    assert _entries("user.created", user)
    assert _entries("membership.added", membership)


def test_create_user_username_unique_case_insensitively(world):
    UserFactory(username="tranvanba")
    count = User.objects.count()

    with pytest.raises(DomainError) as exc:
        _create_user(world, username="TRANVANBA")

    assert exc.value.field == "username"
    assert User.objects.count() == count


def test_create_user_refused_for_staff(world):
    count = User.objects.count()

    with pytest.raises(PermissionDeniedError):
        _create_user(world, by=world["users"]["staff"])

    assert User.objects.count() == count


# --- remove_membership ------------------------------------------------------------------------
def test_remove_membership_deletes_and_logs(world):
    submitter = world["users"]["submitter"]
    membership = submitter.memberships.get()

    services.remove_membership(membership=membership, by=world["users"]["admin"])

    assert not Membership.objects.filter(pk=membership.pk).exists()
    [entry] = _entries("membership.removed", submitter)
    assert entry.changes == {"role": [Role.SUBMITTER, None]}
    assert entry.actor == world["users"]["admin"]
    assert entry.scope_unit == world["school"]


def test_remove_membership_of_oneself_refused(world):
    admin = world["users"]["admin"]
    membership = admin.memberships.get()

    with pytest.raises(DomainError):
        services.remove_membership(membership=membership, by=admin)

    assert Membership.objects.filter(pk=membership.pk).exists()
    assert not ActivityEntry.objects.filter(action="membership.removed").exists()


def test_remove_membership_refused_for_staff(world):
    membership = world["users"]["submitter"].memberships.get()

    with pytest.raises(PermissionDeniedError):
        services.remove_membership(membership=membership, by=world["users"]["staff"])

    assert Membership.objects.filter(pk=membership.pk).exists()


# --- role grants: a user administrator gives roles up to their own, to their office ---------
def _rows():
    return sorted(Membership.objects.values_list("user_id", "unit_id", "role"))


def _refused_grant(world, *, user, role, unit=None, by="admin"):
    before = _rows()
    with pytest.raises(DomainError) as exc:
        services.add_member(
            unit=unit or world["office_a"], user=user, role=role, by=world["users"][by]
        )
    assert _rows() == before
    assert not ActivityEntry.objects.filter(action="membership.added").exists()
    return exc.value


def test_add_member_admin_cannot_grant_himself_leader(world):
    admin = world["users"]["admin"]

    error = _refused_grant(world, user=admin, role=Role.LEADER)

    assert "chính mình" in error.message


def test_add_member_admin_cannot_grant_himself_a_lower_role(world):
    error = _refused_grant(world, user=world["users"]["admin"], role=Role.STAFF)

    assert error.field == "username"


def test_add_member_admin_cannot_grant_leader_above_his_own_role(world):
    error = _refused_grant(world, user=world["users"]["council"], role=Role.LEADER)

    assert error.field == "role" and "Lãnh đạo" in error.message


def test_add_member_admin_cannot_make_administrators(world):
    _refused_grant(world, user=world["users"]["council"], role=Role.ADMIN)
    _refused_grant(world, user=world["users"]["submitter"], role=Role.ADMIN, unit=world["school"])


def test_add_member_admin_cannot_attach_account_of_another_office(world):
    error = _refused_grant(world, user=world["users"]["other_office"], role=Role.COUNCIL)

    assert error.field == "username" and "ngoài phạm vi" in error.message


def test_add_member_admin_cannot_attach_account_of_the_province_above(world):
    official = UserFactory()
    Membership.objects.create(user=official, unit=world["province"], role=Role.STAFF)

    _refused_grant(world, user=official, role=Role.COUNCIL)


def test_add_member_admin_grants_roles_up_to_his_own_in_his_office(world):
    admin, submitter = world["users"]["admin"], world["users"]["submitter"]

    services.add_member(unit=world["office_a"], user=submitter, role=Role.COUNCIL, by=admin)
    services.add_member(unit=world["agency"], user=UserFactory(), role=Role.REPORTER, by=admin)

    assert Membership.objects.filter(user=submitter, role=Role.COUNCIL).exists()
    assert Membership.objects.filter(unit=world["agency"], role=Role.REPORTER).count() == 2


def test_add_member_admin_who_is_also_leader_may_grant_leader(world):
    admin = world["users"]["admin"]
    Membership.objects.create(user=admin, unit=world["office_a"], role=Role.LEADER)

    services.add_member(
        unit=world["office_a"], user=world["users"]["council"], role=Role.LEADER, by=admin
    )

    assert Membership.objects.filter(user=world["users"]["council"], role=Role.LEADER).exists()


def test_add_member_superuser_makes_administrators(world):
    council = world["users"]["council"]

    services.add_member(
        unit=world["office_a"], user=council, role=Role.ADMIN, by=world["users"]["superuser"]
    )

    assert Membership.objects.filter(user=council, role=Role.ADMIN).exists()


def test_grantable_roles_of_a_unit_administrator(world):
    from conferences.permissions import grantable_roles

    roles = grantable_roles(world["users"]["admin"], world["office_a"])

    assert set(roles) == {Role.STAFF, Role.COUNCIL, Role.SUBMITTER, Role.REPORTER, Role.CLERK}
    assert grantable_roles(world["users"]["staff"], world["office_a"]) == []
    assert set(grantable_roles(world["users"]["superuser"], world["office_a"])) == set(Role)


def test_create_user_refuses_a_role_above_the_administrator(world):
    count = User.objects.count()

    with pytest.raises(DomainError) as exc:
        _create_user(world, unit=world["office_a"], role=Role.LEADER)

    assert exc.value.field == "role"
    assert User.objects.count() == count


def test_remove_membership_of_a_leader_refused_to_a_unit_administrator(world):
    membership = world["users"]["leader"].memberships.get()

    with pytest.raises(DomainError):
        services.remove_membership(membership=membership, by=world["users"]["admin"])

    assert Membership.objects.filter(pk=membership.pk).exists()


# --- an office cannot switch itself (or an office above it) off --------------------------------
def _unit_fields(unit, **changes):
    fields = {"name": unit.name, "short_name": unit.short_name, "code": unit.code}
    return {**fields, "kind": unit.kind, "active": unit.active, **changes}


@pytest.mark.parametrize("persona", ["staff", "admin"])
def test_update_unit_refuses_to_deactivate_own_office(world, persona):
    office = world["office_a"]

    with pytest.raises(DomainError) as exc:
        services.update_unit(
            unit=office, by=world["users"][persona], **_unit_fields(office, active=False)
        )

    assert exc.value.field == "active"
    assert Unit.objects.get(pk=office.pk).active
    assert not ActivityEntry.objects.filter(action="unit.updated").exists()


def test_update_unit_refuses_to_deactivate_an_office_above_own(world):
    province = world["province"]
    provincial_staff = UserFactory()
    Membership.objects.create(user=provincial_staff, unit=world["office_a"], role=Role.STAFF)
    Membership.objects.create(user=provincial_staff, unit=province, role=Role.STAFF)

    with pytest.raises(DomainError):
        services.update_unit(
            unit=province, by=provincial_staff, **_unit_fields(province, active=False)
        )

    assert Unit.objects.get(pk=province.pk).active


def test_update_unit_deactivates_a_unit_below_own_office(world):
    school = world["school"]

    services.update_unit(
        unit=school, by=world["users"]["staff"], **_unit_fields(school, active=False)
    )

    assert not Unit.objects.get(pk=school.pk).active


def test_update_unit_superuser_may_deactivate_any_office(world):
    office = world["office_a"]

    services.update_unit(
        unit=office, by=world["users"]["superuser"], **_unit_fields(office, active=False)
    )

    assert not Unit.objects.get(pk=office.pk).active


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Ủy ban nhân dân huyện Thanh Trì", "Thanh Trì"),
        ("Ủy ban nhân dân xã Thượng Hồng", "Thượng Hồng"),
        ("Ủy ban nhân dân thành phố Hà Nội", "Hà Nội"),
        ("Ủy ban nhân dân thị trấn Văn Điển", "Văn Điển"),
        ("UBND phường Văn Yên", "Văn Yên"),
        ("Trường Tiểu học Thượng Hồng", "Trường Tiểu học Thượng Hồng"),
    ],
)
def test_unit_place_name_drops_the_committee_and_level(name, place):
    from conferences.models import Unit

    assert Unit(name=name).place_name == place


def test_log_activity_belongs_to_the_conference_organiser():
    from tests.factories import ConferenceFactory

    conference = ConferenceFactory(organiser=UnitFactory())
    actor = UserFactory()

    entry = services.log_activity(
        actor=actor, action="conference.x", summary="Thử", target=conference, conference=conference
    )

    assert (entry.scope_unit, entry.conference, entry.actor) == (
        conference.organiser,
        conference,
        actor,
    )


def test_log_activity_needs_a_conference_or_a_scope():
    unit = UnitFactory()
    with pytest.raises(TypeError):
        services.log_activity(actor=None, action="unit.x", summary="Thử", target=unit)
    assert not ActivityEntry.objects.exists()
