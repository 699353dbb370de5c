"""Services: seats are enforced, deadlines respected, honorees registered once, statuses move
along the allowed transitions, check-in is recorded."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from conferences.models import ActivityEntry
from core.errors import DomainError, PermissionDeniedError
from delegates import services
from delegates.models import Delegate, DelegateCategory, InvitationStatus, Source
from tests.delegates.factories import CategoryFactory, DelegateFactory, RoundFactory

pytestmark = pytest.mark.django_db


def _add(s, by, unit=None, name="Nguyễn Văn An", **extra):
    return services.add_delegate(
        conference=s["conference"],
        category=s["category"],
        unit=unit or s["school_a"],
        by=by,
        full_name=name,
        gender="male",
        **extra,
    )


def test_add_delegate_within_allocation_saves_and_logs(setup):
    delegate = _add(setup, setup["submitter_a"], name="Nguyễn  Thị   Bình")
    assert delegate.full_name == "Nguyễn Thị Bình"
    assert (delegate.title, delegate.ethnicity, delegate.unit_name) == (
        "Ông",
        "Kinh",
        "Trường Tiểu học An Thịnh",
    )
    assert len(delegate.invitation_token) >= 20
    assert ActivityEntry.objects.filter(
        action="delegate.added", object_id=str(delegate.pk)
    ).exists()


def test_add_delegate_over_allocation_refused_with_message(setup):
    _add(setup, setup["submitter_a"], name="Một")
    _add(setup, setup["submitter_a"], name="Hai")
    with pytest.raises(DomainError) as exc:
        _add(setup, setup["submitter_a"], name="Ba")
    assert exc.value.message == "Đơn vị đã đủ 2/2 đại biểu được phân bổ cho “Đại biểu cơ sở”."
    assert Delegate.objects.count() == 2


def test_add_delegate_declined_frees_a_seat(setup):
    first = _add(setup, setup["submitter_a"], name="Một")
    _add(setup, setup["submitter_a"], name="Hai")
    Delegate.objects.filter(pk=first.pk).update(invitation_status=InvitationStatus.DECLINED)
    assert _add(setup, setup["submitter_a"], name="Ba").pk


def test_add_delegate_office_also_bound_by_allocation(setup):
    _add(setup, setup["staff"], name="Một")
    _add(setup, setup["staff"], name="Hai")
    with pytest.raises(DomainError, match="đã đủ 2/2"):
        _add(setup, setup["staff"], name="Ba")


def test_add_delegate_submitter_of_other_unit_refused(setup):
    with pytest.raises(PermissionDeniedError):
        _add(setup, setup["submitter_b"], unit=setup["school_a"])


def test_add_delegate_unit_without_allocation_refused_for_submitter(setup):
    with pytest.raises(DomainError, match="chưa được phân bổ"):
        _add(setup, setup["submitter_b"], unit=setup["school_b"])


def test_add_delegate_after_deadline_refused_for_submitter_not_office(setup):
    RoundFactory(conference=setup["conference"], deadline=timezone.now() - dt.timedelta(hours=1))
    with pytest.raises(PermissionDeniedError, match="hết hạn"):
        _add(setup, setup["submitter_a"])
    assert _add(setup, setup["staff"]).pk


def test_add_delegate_leader_cannot_write(setup):
    with pytest.raises(PermissionDeniedError):
        _add(setup, setup["leader"])


def test_update_delegate_moving_category_checks_seats(setup):
    other = CategoryFactory(conference=setup["conference"], title="Đại biểu khác")
    delegate = _add(setup, setup["submitter_a"])
    with pytest.raises(DomainError, match="chưa được phân bổ"):
        services.update_delegate(
            delegate=delegate, by=setup["submitter_a"], category=other, full_name="X"
        )
    updated = services.update_delegate(
        delegate=delegate, by=setup["submitter_a"], full_name="Lê Văn Cường", gender="male"
    )
    assert Delegate.objects.get(pk=delegate.pk).full_name == "Lê Văn Cường" == updated.full_name


def test_allocate_seats_below_used_refused(setup):
    _add(setup, setup["staff"], name="Một")
    _add(setup, setup["staff"], name="Hai")
    with pytest.raises(DomainError, match="không thể giảm còn 1"):
        services.allocate_seats(
            category=setup["category"], unit=setup["school_a"], seats=1, by=setup["staff"]
        )
    setup["allocation"].refresh_from_db()
    assert setup["allocation"].seats == 2


def test_save_allocation_grid_creates_updates_and_removes(setup):
    s = setup
    changed = services.save_allocation_grid(
        conference=s["conference"],
        by=s["staff"],
        seats={(s["category"].pk, s["school_a"].pk): 0, (s["category"].pk, s["school_b"].pk): 4},
    )
    assert changed == 2
    assert list(s["category"].allocations.values_list("unit_id", "seats")) == [
        (s["school_b"].pk, 4)
    ]


def test_allocate_seats_to_unit_outside_organiser_refused(setup):
    from tests.factories import UnitFactory

    with pytest.raises(DomainError, match="không thuộc"):
        services.allocate_seats(
            category=setup["category"], unit=UnitFactory(), seats=2, by=setup["staff"]
        )


def _notify_confirmed(setup):
    """Send the allocation notice as the office does: on the preview's count and fingerprint."""
    outbox = services.allocation_outbox(setup["conference"])
    return services.notify_units(
        conference=setup["conference"],
        by=setup["staff"],
        count=outbox.count,
        fingerprint=outbox.fingerprint,
    )


def test_notify_units_records_notice(setup):
    report = _notify_confirmed(setup)
    assert report.letters == 1 and report.emails == 1 and not report.unreached
    assert setup["conference"].delegate_round.notified_at is not None


def test_notify_units_sends_mail_after_commit(setup, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _notify_confirmed(setup)
    [message] = mail.outbox
    assert message.to == [setup["submitter_a"].email]
    assert "- Đại biểu cơ sở: 2 đại biểu" in message.body


def test_upsert_honoree_delegate_is_idempotent_and_creates_category(setup):
    s = setup
    kwargs = {
        "conference": s["conference"],
        "source_key": "honorees.nomination:12",
        "by": s["leader"],
        "is_collective": False,
    }
    first = services.upsert_honoree_delegate(
        full_name="Phạm Thị Dung", gender="female", birth_year=1975, **kwargs
    )
    again = services.upsert_honoree_delegate(
        full_name="Phạm Thị Dung", gender="female", position="Nông dân", **kwargs
    )
    assert first.pk == again.pk
    assert Delegate.objects.filter(source_key="honorees.nomination:12").count() == 1
    again.refresh_from_db()
    assert (again.position, again.title, again.source) == ("Nông dân", "Bà", Source.HONOREE)
    category = again.category
    assert (category.title, category.is_honoree_category) == (
        "Đại biểu được biểu dương, khen thưởng",
        True,
    )


def test_upsert_honoree_delegate_uses_flagged_category_and_collective(setup):
    s = setup
    flagged = CategoryFactory(
        conference=s["conference"], is_honoree_category=True, title="Khen thưởng"
    )
    delegate = services.upsert_honoree_delegate(
        conference=s["conference"],
        source_key="honorees.nomination:3",
        full_name="Hợp tác xã An Phú",
        is_collective=True,
        by=s["staff"],
        gender="male",
    )
    assert delegate.category == flagged
    assert (delegate.is_collective, delegate.gender, delegate.ethnicity) == (True, "", "")


def test_upsert_honoree_delegate_needs_office_role(setup):
    with pytest.raises(PermissionDeniedError):
        services.upsert_honoree_delegate(
            conference=setup["conference"],
            source_key="k",
            full_name="A",
            is_collective=False,
            by=setup["submitter_a"],
        )


def test_remove_honoree_delegate(setup):
    s = setup
    services.upsert_honoree_delegate(
        conference=s["conference"],
        source_key="k:1",
        full_name="A",
        is_collective=False,
        by=s["staff"],
    )
    assert (
        services.remove_honoree_delegate(
            conference=s["conference"], source_key="k:1", by=s["staff"]
        )
        is True
    )
    assert (
        services.remove_honoree_delegate(
            conference=s["conference"], source_key="k:1", by=s["staff"]
        )
        is False
    )
    assert not Delegate.objects.filter(source_key="k:1").exists()


def test_change_invitation_status_follows_transitions(setup):
    delegate = DelegateFactory(category=setup["category"])
    services.change_invitation_status(delegate=delegate, status="invited", by=setup["staff"])
    services.change_invitation_status(delegate=delegate, status="confirmed", by=setup["staff"])
    with pytest.raises(DomainError, match="Không thể chuyển"):
        services.change_invitation_status(delegate=delegate, status="to_invite", by=setup["staff"])
    delegate.refresh_from_db()
    assert delegate.invitation_status == "confirmed"


def test_declined_back_to_invited_needs_a_seat(setup):
    s = setup
    declined = _add(s, s["staff"], name="Một")
    services.change_invitation_status(delegate=declined, status="declined", by=s["staff"])
    _add(s, s["staff"], name="Hai")
    _add(s, s["staff"], name="Ba")
    with pytest.raises(DomainError, match="đã đủ 2/2"):
        services.change_invitation_status(delegate=declined, status="invited", by=s["staff"])


def test_mark_invited_changes_only_to_invite(setup):
    a = DelegateFactory(category=setup["category"])
    b = DelegateFactory(category=setup["category"], invitation_status="confirmed")
    assert (
        services.mark_invited(conference=setup["conference"], delegates=[a, b], by=setup["staff"])
        == 1
    )
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.invitation_status, b.invitation_status) == ("invited", "confirmed")


def test_check_in_by_token_marks_present_once(setup):
    delegate = DelegateFactory(category=setup["category"])
    first = services.check_in_by_token(
        conference=setup["conference"], token=delegate.invitation_token, by=setup["staff"]
    )
    again = services.check_in(delegate=delegate, by=setup["staff"])
    assert first.present_at is not None and again.present_at == first.present_at
    assert ActivityEntry.objects.filter(action="delegate.checked_in").count() == 1


def test_check_in_by_wrong_token_refused(setup):
    with pytest.raises(DomainError, match="Mã giấy mời không đúng"):
        services.check_in_by_token(conference=setup["conference"], token="sai", by=setup["staff"])


def test_save_category_validates_target_and_single_honoree(setup):
    s = setup
    with pytest.raises(DomainError) as exc:
        services.save_category(
            conference=s["conference"],
            by=s["staff"],
            title="X",
            target_kind="range",
            target_min=80,
            target_max=70,
        )
    assert exc.value.field == "target_max"
    made = services.save_category(
        conference=s["conference"],
        by=s["staff"],
        title="Khen",
        target_kind="share",
        share_percent=70,
        is_honoree_category=True,
    )
    assert (made.target_text, made.target_min) == ("70%", None)
    with pytest.raises(DomainError, match="đã có thành phần được khen thưởng"):
        services.save_category(
            conference=s["conference"],
            by=s["staff"],
            title="Khen 2",
            target_kind="none",
            is_honoree_category=True,
        )


def test_delete_category_with_delegates_refused(setup):
    DelegateFactory(category=setup["category"])
    with pytest.raises(DomainError, match="đã có đại biểu"):
        services.delete_category(category=setup["category"], by=setup["staff"])
    assert DelegateCategory.objects.filter(pk=setup["category"].pk).exists()


def test_the_notice_report_is_honest_about_units_without_an_account(
    client, setup, django_capture_on_commit_callbacks, settings
):
    from tests.delegates.factories import AllocationFactory
    from tests.factories import UnitFactory

    settings.SITE_URL = "https://thidua.example.gov.vn"
    AllocationFactory(category=setup["category"], unit=setup["school_b"], seats=1)
    setup["submitter_b"].email = ""
    setup["submitter_b"].save()
    lonely = UnitFactory(parent=setup["office"], name="Thôn Không Tài Khoản")
    AllocationFactory(category=setup["category"], unit=lonely, seats=1)
    client.force_login(setup["staff"])
    page = client.get(reverse("delegates_allocation", args=[setup["conference"].pk]))
    audience = page.content.decode()
    assert "Thông báo sẽ đến 3 đơn vị: 1 đơn vị có người nhận thư; 2 đơn vị chưa có" in audience

    url = reverse("delegates_notify", args=[setup["conference"].pk])
    preview = client.get(url).context["outbox"]
    confirm = {"count": preview.count, "fingerprint": preview.fingerprint}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, confirm, follow=True)
    text = response.content.decode()
    assert (
        "1 đơn vị đã nhận thư thông báo phân bổ (1 thư điện tử tới cán bộ của các đơn vị)." in text
    )
    assert "2 đơn vị chưa có tài khoản nhận thư: Trường B, Thôn Không Tài Khoản" in text
    [message] = mail.outbox
    school = setup["school_a"].pk
    assert message.body.endswith(
        f"https://thidua.example.gov.vn/hoi-nghi/{setup['conference'].pk}/dai-bieu/don-vi/{school}/"
    )
