"""The organiser's reward fund ledger (sổ quỹ thi đua, khen thưởng): income and spending
entries by date. A year's opening balance is what the entries before it leave; the prize
money of each issued award decision is entered as spending by itself (one entry a decision)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FundEntry(models.Model):
    class Kind(models.TextChoices):
        INCOME = "income", _("Khoản thu")
        SPENDING = "spending", _("Khoản chi")

    unit = models.ForeignKey(
        "conferences.Unit", on_delete=models.PROTECT, related_name="fund_entries"
    )
    date = models.DateField(_("ngày"))
    kind = models.CharField(_("thu hay chi"), max_length=10, choices=Kind.choices)
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    description = models.CharField(_("nội dung"), max_length=500)
    voucher = models.CharField(_("số chứng từ"), max_length=50, blank=True)
    # The decision whose prize money this entry is (entered automatically, once).
    decision = models.OneToOneField(
        "honorees.AwardDecision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fund_entry",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bút toán quỹ thi đua, khen thưởng")
        verbose_name_plural = _("sổ quỹ thi đua, khen thưởng")
        ordering = ["unit", "date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["income", "spending"]), name="fundentry_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(decision__isnull=True) | models.Q(kind="spending"),
                name="fundentry_decision_is_spending",
            ),
        ]
        indexes = [models.Index(fields=["unit", "date"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount} — {self.description}"

    @property
    def signed_amount(self) -> int:
        return self.amount if self.kind == self.Kind.INCOME else -self.amount
