"""API tokens: a key for another system (document management, personnel database) to read an
office's data through the JSON API, limited to the office's subtree."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "tdkt_"  # noqa: S105 (a visible prefix, not a secret)


def hash_token(raw: str) -> str:
    """Tokens are long random strings, so one SHA-256 is enough (no salt needed): the
    database never holds a usable key."""
    return hashlib.sha256(raw.encode()).hexdigest()


def new_raw_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class ApiToken(models.Model):
    unit = models.ForeignKey(
        "conferences.Unit",
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("đơn vị được đọc"),
    )
    name = models.CharField(_("tên hệ thống sử dụng"), max_length=150)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters, to tell tokens apart in the list without showing the key.
    hint = models.CharField(_("nhận dạng"), max_length=16, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked = models.BooleanField(_("đã thu hồi"), default=False)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(_("dùng gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(revoked=False) | models.Q(revoked_at__isnull=False),
                name="apitoken_revoked_has_time",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…) — {self.unit}"


class UnitSuccession(models.Model):
    """The crosswalk of the 2025 reorganisation: an old unit (a district or commune before
    1 July 2025) and the unit that took it over, so the old unit's conferences and awards
    roll up into today's commune."""

    old_unit = models.OneToOneField(
        "conferences.Unit",
        on_delete=models.CASCADE,
        related_name="succession",
        verbose_name=_("đơn vị cũ"),
    )
    new_unit = models.ForeignKey(
        "conferences.Unit",
        on_delete=models.CASCADE,
        related_name="predecessors",
        verbose_name=_("đơn vị mới"),
    )
    note = models.CharField(_("căn cứ, ghi chú"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đơn vị sáp nhập")
        verbose_name_plural = _("đơn vị sáp nhập")
        ordering = ["new_unit__path", "old_unit__path"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(old_unit=models.F("new_unit")),
                name="succession_not_itself",
            )
        ]

    def __str__(self) -> str:
        return f"{self.old_unit} → {self.new_unit}"
