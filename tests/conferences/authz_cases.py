from django.contrib.auth.tokens import default_token_generator
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from conferences.models import Conference, Membership, Unit, User
from tests.authz import CASES, EVERYONE_LOGGED_IN, OFFICE_A, Case
from tests.factories import PASSWORD

UNIT_MANAGERS = ("staff", "admin", "superuser")
OFFICE_READ_ONLY = {"leader": 403, "council": 403}
CONFERENCE_NOT_MANAGERS = {**OFFICE_READ_ONLY, "admin": 403, "submitter": 403, "reporter": 403}
NEW_PASSWORD = "Mat-khau-moi-2025!"


def _membership_of_submitter(w):
    return {"pk": w["users"]["submitter"].memberships.get().pk}


def _staff_uid(w) -> str:
    return urlsafe_base64_encode(force_bytes(w["users"]["staff"].pk))


def _open_reset_link(client, w, kw):
    """The e-mailed link first: Django keeps its token in the session, then shows the form."""
    token = default_token_generator.make_token(w["users"]["staff"])
    client.get(reverse("password_reset_confirm", kwargs={**kw, "token": token}))


# --- what each POST changes (the POST harness, tests/authz.py) ---------------------------------
def _passwords(w, kw):
    return sorted(User.objects.values_list("pk", "password"))


def _staff_password(w, kw):
    return User.objects.get(pk=w["users"]["staff"].pk).password


def _unit(w, kw):
    return Unit.objects.filter(pk=kw["pk"]).values_list("name", "short_name").get()


def _conference(w, kw):
    return Conference.objects.filter(pk=kw["pk"]).values_list("title", "venue").get()


def _unit_data(w):
    return {
        "name": "Ủy ban nhân dân xã An Thịnh Mới",
        "code": w["office_a"].code,
        "kind": "commune",
        "active": "on",
    }


def _new_unit_data(w):
    return {"name": "Thôn Đông", "code": "thon-dong", "kind": "village", "active": "on"}


def _import_data(w):
    from tests.conferences.test_import_export import row, xlsx

    data = xlsx([row("THON-DONG", "Thôn Đông", w["office_a"].code)])
    upload = SimpleUploadedFile("don-vi.xlsx", data, content_type="application/octet-stream")
    return {"file": upload, "confirm": ""}


def _new_user_data(w):
    return {
        "create": "",
        "new-full_name": "Lê Thị Hồng",
        "new-username": "lethihong",
        "new-role": "staff",
        "new-password": "Truong-hoc-2025",
    }


def _conference_data(w):
    return {
        "organiser": w["office_a"].pk,
        "kind": Conference.Kind.EXEMPLAR_FIVE_YEAR,
        "title": "Hội nghị điển hình tiên tiến xã An Thịnh lần thứ II",
        "start_year": "2025",
        "end_year": "2030",
        "date_precision": Conference.DatePrecision.DAY,
        "date": "2030-10-08",
        "length": Conference.Length.HALF_DAY,
        "venue": "Hội trường Ủy ban nhân dân xã An Thịnh",
    }


def _lock_out_submitter(client, w, kw):
    """Five wrong passwords of the school's submitter from one address: locked out."""
    from axes.models import AccessAttempt

    AccessAttempt.objects.create(
        username=w["users"]["submitter"].username.lower(),
        ip_address="203.0.113.7",
        user_agent="",
        failures_since_start=5,
    )


def _attempts(w):
    from axes.models import AccessAttempt

    name = w["users"]["submitter"].username.lower()
    return AccessAttempt.objects.filter(username=name).count()


def _office_a(w):
    return {"pk": w["office_a"].pk}


def _memberships(w, kw=None):
    return sorted(Membership.objects.values_list("user_id", "unit_id", "role"))


def _grant(persona: str, role: str):
    """The role form of member_add: give `role` at office A to `persona`'s account."""
    return lambda w: {
        "grant": "1",
        "role-username": w["users"][persona].username,
        "role-role": role,
        "role-position": "",
    }


# Refused grants: only the system administrator may make them. A unit user administrator
# sees the form again with the reason (200); the memberships stay as they were.
GRANT_REFUSED = {
    "kwargs": _office_a,
    "method": "post",
    "ok": 302,
    "allowed": ("superuser",),
    "overrides": {"admin": 200, "staff": 403, **OFFICE_READ_ONLY},
    "state": _memberships,
}


def _unit_form(w, unit: str, active: bool) -> dict:
    u = w[unit]
    data = {"name": u.name, "short_name": u.short_name, "code": u.code, "kind": u.kind}
    return {**data, "active": "on"} if active else data


def _active_flags(w, kw=None):
    return dict(Unit.objects.values_list("code", "active"))


CASES += [
    Case("login", public=True, overrides=dict.fromkeys(EVERYONE_LOGGED_IN, 302)),
    Case(
        "login",
        method="post",
        public=True,
        ok=302,
        data=lambda w: {"username": w["users"]["staff"].username, "password": PASSWORD},
        state=lambda w, kw: User.objects.get(pk=w["users"]["staff"].pk).last_login,
        changers=("anonymous",),  # a logged-in visitor is sent on without logging in again
    ),
    Case(
        "logout",
        method="post",
        public=True,
        ok=302,
        state=lambda w, kw: Session.objects.count(),
        changers=EVERYONE_LOGGED_IN,
    ),
    Case("password_change", allowed=EVERYONE_LOGGED_IN),
    Case(
        "password_change",
        method="post",
        data=lambda w: {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        ok=302,
        allowed=EVERYONE_LOGGED_IN,
        state=_passwords,  # each persona changes its own password
    ),
    Case("password_change_done", allowed=EVERYONE_LOGGED_IN),
    Case("password_reset", public=True),
    Case(
        "password_reset",
        method="post",
        public=True,
        ok=302,
        data=lambda w: {"email": w["users"]["staff"].email},
        state=lambda w, kw: len(mail.outbox),
    ),
    Case("password_reset_done", public=True),
    Case(
        "password_reset_confirm", kwargs=lambda w: {"uidb64": "MQ", "token": "sai-ma"}, public=True
    ),
    Case(
        "password_reset_confirm",
        kwargs=lambda w: {"uidb64": _staff_uid(w), "token": "set-password"},
        method="post",
        public=True,
        ok=302,
        data=lambda w: {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        prepare=_open_reset_link,
        state=_staff_password,  # whoever holds the e-mailed link sets the password
    ),
    Case("password_reset_complete", public=True),
    Case("healthz", public=True),
    Case("home", allowed=EVERYONE_LOGGED_IN),
    Case("unit_list", allowed=EVERYONE_LOGGED_IN),
    Case("unit_template", allowed=EVERYONE_LOGGED_IN),
    Case("unit_import", allowed=(*UNIT_MANAGERS, "other_office"), denied=403),
    Case("official_units_load", allowed=("superuser",), denied=403),
    Case(
        "official_units_load",
        method="post",
        data=lambda w: {"province": "04"},
        ok=302,
        allowed=("superuser",),
        denied=403,
        state=lambda w, kw: Unit.objects.exclude(official_code="").count(),
    ),
    Case(
        "unit_import",
        method="post",
        data=_import_data,
        ok=302,
        allowed=UNIT_MANAGERS,
        denied=403,
        overrides={"other_office": 200},  # office A is not theirs: the file is refused
        state=lambda w, kw: Unit.objects.filter(code="THON-DONG").count(),
    ),
    # The văn thư sees its own unit's page.
    Case("unit_detail", kwargs=lambda w: {"pk": w["office_a"].pk}, allowed=(*OFFICE_A, "clerk")),
    # The tree's children on demand and the unit search field: the user's world only.
    Case("unit_children", kwargs=lambda w: {"pk": w["office_a"].pk}, allowed=(*OFFICE_A, "clerk")),
    Case(
        "unit_children",
        kwargs=lambda w: {"pk": w["school"].pk},
        allowed=(*OFFICE_A, "submitter"),
    ),
    Case("unit_search", allowed=EVERYONE_LOGGED_IN, query="?tim_don_vi=an+thinh"),
    Case(
        "unit_search",
        data=lambda w: {"tim_don_vi": "truong", "trong": w["office_a"].pk},
        allowed=(*OFFICE_A, "clerk"),
    ),
    Case("unit_detail", kwargs=lambda w: {"pk": w["school"].pk}, allowed=(*OFFICE_A, "submitter")),
    Case(
        "unit_edit",
        kwargs=lambda w: {"pk": w["office_a"].pk},
        allowed=UNIT_MANAGERS,
        overrides=OFFICE_READ_ONLY,
    ),
    # Staff and administrators of office A cannot switch their own office off (the box is
    # disabled, what they send for it is ignored); they may switch off a unit below it.
    Case(
        "unit_edit",
        kwargs=_office_a,
        method="post",
        data=lambda w: _unit_form(w, "office_a", active=False),
        ok=302,
        allowed=UNIT_MANAGERS,
        overrides={**OFFICE_READ_ONLY, "clerk": 403},
        state=_active_flags,
        changers=("superuser",),
    ),
    Case(
        "unit_edit",
        kwargs=lambda w: {"pk": w["school"].pk},
        method="post",
        data=lambda w: _unit_form(w, "school", active=False),
        ok=302,
        allowed=UNIT_MANAGERS,
        overrides={**OFFICE_READ_ONLY, "submitter": 403},
        state=_active_flags,
    ),
    Case(
        "unit_edit",
        kwargs=lambda w: {"pk": w["office_a"].pk},
        method="post",
        data=_unit_data,
        ok=302,
        allowed=UNIT_MANAGERS,
        overrides={**OFFICE_READ_ONLY, "clerk": 403},
        state=_unit,
    ),
    # An office drafting for the organiser above it (conferences.review_chain): the school
    # stands in for an office; staff who manage both may set it.
    Case(
        "unit_drafting_for",
        kwargs=lambda w: {"pk": w["school"].pk},
        method="post",
        data=lambda w: {"organiser": w["office_a"].pk},
        ok=302,
        allowed=UNIT_MANAGERS,
        overrides={**OFFICE_READ_ONLY, "submitter": 403},
        state=lambda w, kw: Unit.objects.get(pk=kw["pk"]).drafting_for_id,
    ),
    Case(
        "unit_move",
        kwargs=lambda w: {"pk": w["school"].pk},
        allowed=UNIT_MANAGERS,
        overrides={**OFFICE_READ_ONLY, "submitter": 403},
    ),
    Case(
        "unit_move",
        kwargs=lambda w: {"pk": w["school"].pk},
        method="post",
        data=lambda w: {"parent": w["agency"].code},
        ok=302,
        allowed=UNIT_MANAGERS,
        overrides={**OFFICE_READ_ONLY, "submitter": 403},
        state=lambda w, kw: Unit.objects.get(pk=w["school"].pk).path,
    ),
    Case(
        "unit_create",
        kwargs=lambda w: {"parent_pk": w["office_a"].pk},
        allowed=UNIT_MANAGERS,
        overrides=OFFICE_READ_ONLY,
    ),
    Case(
        "unit_create",
        kwargs=lambda w: {"parent_pk": w["office_a"].pk},
        method="post",
        data=_new_unit_data,
        ok=302,
        allowed=UNIT_MANAGERS,
        overrides=OFFICE_READ_ONLY,
        state=lambda w, kw: Unit.objects.get_children(Unit.objects.get(pk=kw["parent_pk"])).count(),
    ),
    Case("unit_export", kwargs=lambda w: {"pk": w["office_a"].pk}),
    Case(
        "member_add",
        kwargs=lambda w: {"pk": w["office_a"].pk},
        allowed=("admin", "superuser"),
        overrides={"staff": 403, **OFFICE_READ_ONLY},
    ),
    # A leader's role is above a user administrator's.
    Case("member_add", data=_grant("council", "leader"), **GRANT_REFUSED),
    # Only the system administrator makes administrators.
    Case("member_add", data=_grant("council", "admin"), **GRANT_REFUSED),
    # Never to oneself (the superuser persona gives the admin's account a role: allowed).
    Case("member_add", data=_grant("admin", "council"), **GRANT_REFUSED),
    # Not an account of another office.
    Case("member_add", data=_grant("other_office", "council"), **GRANT_REFUSED),
    # A role at or below their own, to a person of their office: granted.
    Case(
        "member_add",
        kwargs=_office_a,
        method="post",
        data=_grant("submitter", "council"),
        ok=302,
        allowed=("admin", "superuser"),
        overrides={"staff": 403, **OFFICE_READ_ONLY},
        state=_memberships,
    ),
    Case(
        "member_add",
        kwargs=lambda w: {"pk": w["office_a"].pk},
        method="post",
        data=_new_user_data,
        ok=302,
        allowed=("admin", "superuser"),
        overrides={"staff": 403, **OFFICE_READ_ONLY},
        state=lambda w, kw: Membership.objects.filter(unit_id=kw["pk"]).count(),
    ),
    Case(
        "membership_remove",
        kwargs=_membership_of_submitter,
        method="post",
        ok=302,
        allowed=("admin", "superuser"),
        overrides={"staff": 403, "submitter": 403, **OFFICE_READ_ONLY},
        state=lambda w, kw: Membership.objects.filter(pk=kw["pk"]).exists(),
    ),
    Case(
        "member_unlock",
        kwargs=_membership_of_submitter,
        method="post",
        ok=302,
        allowed=("admin", "superuser"),
        overrides={"staff": 403, "submitter": 403, **OFFICE_READ_ONLY},
        prepare=_lock_out_submitter,
        state=lambda w, kw: _attempts(w),
    ),
    Case("conference_list", allowed=EVERYONE_LOGGED_IN),
    Case(
        "conference_detail",
        kwargs=lambda w: {"pk": w["conference_a"].pk},
        allowed=(*OFFICE_A, "submitter", "reporter"),
    ),
    Case(
        "conference_create",
        allowed=("staff", "other_office", "superuser"),
        denied=403,
    ),
    Case(
        "conference_create",
        method="post",
        data=_conference_data,
        ok=302,
        allowed=("staff", "superuser"),
        denied=403,
        overrides={"other_office": 200},  # office A is not among the organisers they may pick
        state=lambda w, kw: Conference.objects.count(),
    ),
    Case(
        "conference_edit",
        kwargs=lambda w: {"pk": w["conference_a"].pk},
        allowed=("staff", "superuser"),
        overrides=CONFERENCE_NOT_MANAGERS,
    ),
    Case(
        "conference_edit",
        kwargs=lambda w: {"pk": w["conference_a"].pk},
        method="post",
        data=lambda w: {"title": ""},
        allowed=("staff", "superuser"),
        overrides=CONFERENCE_NOT_MANAGERS,
    ),
    Case(
        "conference_edit",
        kwargs=lambda w: {"pk": w["conference_a"].pk},
        method="post",
        data=_conference_data,
        ok=302,
        allowed=("staff", "superuser"),
        overrides=CONFERENCE_NOT_MANAGERS,
        state=_conference,
    ),
    Case("activity_list", allowed=(*OFFICE_A, "other_office"), denied=403),
]
