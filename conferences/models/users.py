from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in. Vietnamese names are kept whole in `full_name`;
    first_name/last_name from Django are not used."""

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    # When the user last opened the home page: what came in after it is marked "mới".
    home_seen_at = models.DateTimeField(_("lần xem trang chủ gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or self.username


class Role(models.TextChoices):
    STAFF = "staff", _("Cán bộ thi đua - khen thưởng")
    LEADER = "leader", _("Lãnh đạo (duyệt, ký)")
    COUNCIL = "council", _("Thành viên Hội đồng Thi đua - Khen thưởng")
    SUBMITTER = "submitter", _("Cán bộ đơn vị (gửi đề nghị, đại biểu)")
    REPORTER = "reporter", _("Đầu mối cơ quan (báo cáo nhiệm vụ)")
    ADMIN = "admin", _("Quản trị người dùng của đơn vị")
    CLERK = "clerk", _("Văn thư (vào số, ban hành văn bản)")


# Roles whose holders work for the organising office and see the unit's whole subtree.
OFFICE_ROLES = frozenset({Role.STAFF, Role.LEADER, Role.COUNCIL, Role.ADMIN})
# Roles whose holders act for their own unit only. The văn thư numbers and issues the
# documents of the office it is a member of (its own unit), nothing else.
UNIT_ROLES = frozenset({Role.SUBMITTER, Role.REPORTER, Role.CLERK})


class Membership(models.Model):
    """A role a user holds in a unit. A user may hold several roles in several units."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(
        "conferences.Unit", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vai trò tại đơn vị")
        verbose_name_plural = _("vai trò tại đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique_role"),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="membership_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"

    @property
    def is_office_role(self) -> bool:
        return self.role in OFFICE_ROLES
