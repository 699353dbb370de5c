from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityEntry(models.Model):
    """Who did what to which object, when, with the previous values.

    Written by services (never by signals), so each entry names a domain action
    ("plan.submitted") rather than a bare row change."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activity",
        verbose_name=_("người thực hiện"),
    )
    action = models.CharField(_("thao tác"), max_length=60)
    summary = models.CharField(_("nội dung"), max_length=500)
    # The organising unit whose world this belongs to: scoping reads it.
    scope_unit = models.ForeignKey(
        "conferences.Unit",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("đơn vị"),
    )
    conference = models.ForeignKey(
        "conferences.Conference",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="activity",
        verbose_name=_("hội nghị"),
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("đối tượng"), max_length=300)
    changes = models.JSONField(_("giá trị trước và sau"), default=dict, blank=True)

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%d/%m/%Y %H:%M} {self.actor}: {self.summary}"
