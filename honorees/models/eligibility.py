from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EligibilityOverride(models.Model):
    """The office's decision to let a nominee through a failed eligibility check, with the
    reason the council's minutes print. One per nominee and check."""

    nomination = models.ForeignKey(
        "honorees.Nomination", on_delete=models.CASCADE, related_name="overrides"
    )
    rule_code = models.CharField(_("mã điều kiện"), max_length=60)
    rule_text = models.CharField(_("điều kiện không đạt"), max_length=300)
    reason = models.TextField(_("lý do vẫn xét"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("xét vượt điều kiện")
        verbose_name_plural = _("xét vượt điều kiện")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "rule_code"], name="override_one_per_rule"
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="override_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.nomination}: {self.rule_text}"
