"""Views of the base app: forms save through services and redirect; errors keep what was
typed; list views do not grow queries with their items. Permission answers are in
tests/test_authz.py."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.urls import reverse

from conferences.models import ActivityEntry, Membership, Role, Unit, User
from conferences.services import log_activity
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _unit_data(**overrides) -> dict:
    data = {"name": "Thôn Đông", "short_name": "", "code": "thon-dong", "kind": "village"}
    data.update(overrides)
    return {**data, "active": "on"}


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- unit_create / unit_edit ------------------------------------------------------------------
def test_unit_create_saves_under_parent_and_redirects(client, world):
    office_a = world["office_a"]
    client.force_login(world["users"]["staff"])

    response = client.post(reverse("unit_create", kwargs={"parent_pk": office_a.pk}), _unit_data())

    unit = Unit.objects.get(code="THON-DONG")
    assert response.status_code == 302
    assert response.url == reverse("unit_detail", kwargs={"pk": unit.pk})
    assert unit.name == "Thôn Đông"
    assert unit.kind == Unit.Kind.VILLAGE
    assert Unit.objects.get_parent(unit).pk == office_a.pk
    assert _messages(response) == ["Đã thêm đơn vị Thôn Đông."]
    assert ActivityEntry.objects.filter(action="unit.created", object_id=str(unit.pk)).exists()


def test_unit_create_duplicate_code_keeps_typed_values(client, world):
    client.force_login(world["users"]["staff"])
    count = Unit.objects.count()
    data = _unit_data(name="Trường Mầm non An Thịnh", code=world["school"].code.lower())

    response = client.post(reverse("unit_create", kwargs={"parent_pk": world["office_a"].pk}), data)

    assert response.status_code == 200
    [error] = response.context["form"].errors["code"]
    assert "Mã đơn vị đã tồn tại" in error
    html = response.content.decode()
    assert error in html
    assert 'value="Trường Mầm non An Thịnh"' in html
    assert Unit.objects.count() == count


def test_unit_create_missing_name_shows_form_error(client, world):
    client.force_login(world["users"]["staff"])

    response = client.post(
        reverse("unit_create", kwargs={"parent_pk": world["office_a"].pk}),
        _unit_data(name="", code="MOI"),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert 'value="MOI"' in response.content.decode()
    assert not Unit.objects.filter(code="MOI").exists()


def test_unit_edit_saves_and_redirects(client, world):
    school = world["school"]
    client.force_login(world["users"]["admin"])

    response = client.post(
        reverse("unit_edit", kwargs={"pk": school.pk}),
        {
            "name": "Trường Tiểu học An Thịnh A",
            "short_name": "TH A",
            "code": "th-a",
            "kind": "school",
        },
    )

    assert response.status_code == 302
    assert response.url == reverse("unit_detail", kwargs={"pk": school.pk})
    school.refresh_from_db()
    assert (school.name, school.short_name, school.code, school.active) == (
        "Trường Tiểu học An Thịnh A",
        "TH A",
        "TH-A",
        False,
    )
    entry = ActivityEntry.objects.get(action="unit.updated")
    assert entry.changes["code"][1] == "TH-A"
    assert entry.changes["active"] == [True, False]


def test_unit_edit_duplicate_code_keeps_typed_values(client, world):
    school = world["school"]
    client.force_login(world["users"]["staff"])

    response = client.post(
        reverse("unit_edit", kwargs={"pk": school.pk}),
        _unit_data(name="Tên mới đang gõ", code=world["agency"].code, kind="school"),
    )

    assert response.status_code == 200
    [error] = response.context["form"].errors["code"]
    assert "Mã đơn vị đã tồn tại" in error
    html = response.content.decode()
    assert error in html
    assert 'value="Tên mới đang gõ"' in html
    school.refresh_from_db()
    assert school.name == "Trường Tiểu học An Thịnh"
    assert not ActivityEntry.objects.exists()


# --- member_add / membership_remove -----------------------------------------------------------
def test_member_add_creates_user_with_role(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    school = world["school"]
    client.force_login(world["users"]["admin"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("member_add", kwargs={"pk": school.pk}),
            {
                "create": "",
                "new-full_name": "Lê Thị Hồng",
                "new-username": "lethihong",
                "new-email": "hong@example.test",
                "new-position": "Hiệu trưởng",
                "new-role": Role.SUBMITTER,
                "new-password": "Truong-hoc-2025",
            },
        )

    assert response.status_code == 302
    assert response.url == reverse("unit_detail", kwargs={"pk": school.pk})
    user = User.objects.get(username="lethihong")
    assert user.full_name == "Lê Thị Hồng"
    assert user.check_password("Truong-hoc-2025")
    membership = Membership.objects.get(user=user)
    assert (membership.unit, membership.role, membership.position) == (
        school,
        Role.SUBMITTER,
        "Hiệu trưởng",
    )
    assert [m.to for m in mailoutbox] == [["hong@example.test"]]


def test_member_add_existing_username_keeps_typed_values(client, world):
    UserFactory(username="lethihong")
    client.force_login(world["users"]["admin"])
    count = User.objects.count()

    response = client.post(
        reverse("member_add", kwargs={"pk": world["school"].pk}),
        {
            "create": "",
            "new-full_name": "Lê Thị Hồng",
            "new-username": "LeThiHong",
            "new-role": Role.SUBMITTER,
            "new-password": "Truong-hoc-2025",
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "đã có người dùng" in html
    assert 'value="Lê Thị Hồng"' in html
    assert User.objects.count() == count


def test_member_add_grants_role_to_existing_user(client, world):
    person = world["users"]["submitter"]
    agency = world["agency"]
    client.force_login(world["users"]["admin"])

    response = client.post(
        reverse("member_add", kwargs={"pk": agency.pk}),
        {
            "grant": "",
            "role-username": person.username.upper(),
            "role-role": Role.REPORTER,
            "role-position": "Đầu mối",
        },
    )

    assert response.status_code == 302
    membership = Membership.objects.get(user=person, unit=agency)
    assert (membership.role, membership.position) == (Role.REPORTER, "Đầu mối")
    assert person.memberships.count() == 2


def test_member_add_grant_unknown_username_shows_error(client, world):
    client.force_login(world["users"]["admin"])
    count = Membership.objects.count()

    response = client.post(
        reverse("member_add", kwargs={"pk": world["agency"].pk}),
        {"grant": "", "role-username": "khongco", "role-role": Role.REPORTER},
    )

    assert response.status_code == 200
    assert "Không có tài khoản nào mang tên đăng nhập này." in response.content.decode()
    assert Membership.objects.count() == count


def test_member_add_grant_duplicate_role_shows_error(client, world):
    client.force_login(world["users"]["admin"])
    count = Membership.objects.count()

    response = client.post(
        reverse("member_add", kwargs={"pk": world["school"].pk}),
        {
            "grant": "",
            "role-username": world["users"]["submitter"].username,
            "role-role": Role.SUBMITTER,
        },
    )

    assert response.status_code == 200
    assert "Người này đã có vai trò đó trong đơn vị." in response.content.decode()
    assert Membership.objects.count() == count


def test_membership_remove_deletes_and_redirects(client, world):
    membership = world["users"]["submitter"].memberships.get()
    client.force_login(world["users"]["admin"])

    response = client.post(reverse("membership_remove", kwargs={"pk": membership.pk}))

    assert response.status_code == 302
    assert response.url == reverse("unit_detail", kwargs={"pk": world["school"].pk})
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert _messages(response) == ["Đã gỡ vai trò."]


def test_membership_remove_own_role_refused_with_message(client, world):
    admin = world["users"]["admin"]
    membership = admin.memberships.get()
    client.force_login(admin)

    response = client.post(reverse("membership_remove", kwargs={"pk": membership.pk}))

    assert response.status_code == 302
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert _messages(response) == ["Bạn không thể tự gỡ vai trò của chính mình."]


def test_unit_detail_lists_members_for_office(client, world):
    client.force_login(world["users"]["leader"])

    response = client.get(reverse("unit_detail", kwargs={"pk": world["school"].pk}))

    assert [m.user for m in response.context["members"]] == [world["users"]["submitter"]]
    assert world["users"]["submitter"].username in response.content.decode()


def test_unit_detail_hides_members_from_unit_user(client, world):
    client.force_login(world["users"]["submitter"])

    response = client.get(reverse("unit_detail", kwargs={"pk": world["school"].pk}))

    assert response.context["members"] is None
    assert "Người dùng và vai trò" not in response.content.decode()


# --- activity_list filters --------------------------------------------------------------------
@pytest.fixture
def activity(world):
    users = world["users"]
    school, agency = world["school"], world["agency"]
    return {
        "conference": log_activity(
            actor=users["staff"],
            action="test.conference",
            summary="Sửa hội nghị",
            target=world["conference_a"],
            scope_unit=world["office_a"],
            conference=world["conference_a"],
        ),
        "school": log_activity(
            actor=users["admin"],
            action="test.school",
            summary="Sửa trường",
            target=school,
            scope_unit=school,
        ),
        "agency": log_activity(
            actor=users["staff"],
            action="test.agency",
            summary="Sửa công an",
            target=agency,
            scope_unit=agency,
        ),
    }


def _activity(client, user, **params) -> set[int]:
    client.force_login(user)
    response = client.get(reverse("activity_list"), params)
    assert response.status_code == 200
    return {e.pk for e in response.context["page"]}


def _pks(activity, *keys) -> set[int]:
    return {activity[k].pk for k in keys}


def test_activity_list_without_filter_shows_scope(client, world, activity):
    assert _activity(client, world["users"]["leader"]) == _pks(
        activity, "conference", "school", "agency"
    )
    assert _activity(client, world["users"]["other_office"]) == set()


def test_activity_list_filters_by_conference(client, world, activity):
    shown = _activity(client, world["users"]["leader"], conference=world["conference_a"].pk)

    assert shown == _pks(activity, "conference")


def test_activity_list_filters_by_actor(client, world, activity):
    shown = _activity(client, world["users"]["leader"], actor=world["users"]["staff"].pk)

    assert shown == _pks(activity, "conference", "agency")


def test_activity_list_filters_by_object(client, world, activity):
    unit_type = ContentType.objects.get_for_model(Unit)

    shown = _activity(
        client,
        world["users"]["leader"],
        content_type=unit_type.pk,
        object_id=str(world["school"].pk),
    )

    assert shown == _pks(activity, "school")


def test_activity_list_shows_changes(client, world):
    log_activity(
        actor=world["users"]["staff"],
        action="unit.updated",
        summary="Sửa thông tin đơn vị",
        target=world["school"],
        scope_unit=world["school"],
        changes={"name": ["Tên cũ", "Tên mới"]},
    )
    client.force_login(world["users"]["leader"])

    html = client.get(reverse("activity_list")).content.decode()

    assert "<b>Tên đơn vị</b>: Tên cũ → Tên mới" in html


# --- role grants and deactivation, as the forms offer them -------------------------------------
def _role_options(html: str, prefix: str) -> set[str]:
    import re

    select = re.search(rf'<select name="{prefix}-role".*?</select>', html, re.S).group(0)
    return set(re.findall(r'<option value="([^"]+)"', select))


def test_member_add_offers_only_roles_the_administrator_may_give(client, world):
    client.force_login(world["users"]["admin"])

    html = client.get(reverse("member_add", kwargs={"pk": world["office_a"].pk})).content.decode()

    expected = {Role.STAFF, Role.COUNCIL, Role.SUBMITTER, Role.REPORTER, Role.CLERK}
    assert _role_options(html, "new") == expected
    assert _role_options(html, "role") == expected


def test_member_add_offers_every_role_to_the_system_administrator(client, world):
    client.force_login(world["users"]["superuser"])

    html = client.get(reverse("member_add", kwargs={"pk": world["office_a"].pk})).content.decode()

    assert _role_options(html, "role") == set(Role.values)


def test_member_add_refused_grant_shows_the_reason(client, world):
    client.force_login(world["users"]["admin"])
    before = Membership.objects.count()

    response = client.post(
        reverse("member_add", kwargs={"pk": world["office_a"].pk}),
        {"grant": "1", "role-username": world["users"]["admin"].username, "role-role": "staff"},
    )

    assert response.status_code == 200
    assert "tự giao vai trò cho chính mình" in response.content.decode()
    assert Membership.objects.count() == before


def test_unit_edit_of_own_office_disables_the_active_box(client, world):
    client.force_login(world["users"]["staff"])
    office = world["office_a"]

    html = client.get(reverse("unit_edit", kwargs={"pk": office.pk})).content.decode()
    client.post(
        reverse("unit_edit", kwargs={"pk": office.pk}),
        {"name": office.name, "short_name": "", "code": office.code, "kind": office.kind},
    )

    assert 'name="active"' in html and "disabled" in html.split('name="active"')[1][:200]
    assert Unit.objects.get(pk=office.pk).active


def test_unit_edit_of_a_unit_below_keeps_the_active_box(client, world):
    client.force_login(world["users"]["staff"])

    html = client.get(reverse("unit_edit", kwargs={"pk": world["school"].pk})).content.decode()

    assert "disabled" not in html.split('name="active"')[1][:200]
