"""The conference's budget estimate (dự trù kinh phí) with its Tờ trình asking for it, and the
money actually spent against each line afterwards (thực chi)."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.signers import SignerFields


class LineGroup(models.TextChoices):
    HALL = "hall", _("Thuê hội trường")
    DECORATION = "decoration", _("Trang trí")
    PRINTING = "printing", _("In ấn")
    CATERING = "catering", _("Ăn uống, nước uống")
    GIFTS = "gifts", _("Quà tặng")
    PRIZES = "prizes", _("Tiền thưởng")
    OTHER = "other", _("Khác")


class BudgetEstimate(SignerFields):
    """One estimate per conference. While a draft, its prize lines are computed from the award
    decisions at each look; sending the Tờ trình stores them as they are (and takes its number)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SUBMITTED = "submitted", _("Đã trình, chờ duyệt")
        APPROVED = "approved", _("Lãnh đạo đã duyệt")

    conference = models.OneToOneField(
        "conferences.Conference", on_delete=models.CASCADE, related_name="budget_estimate"
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # The Tờ trình's header and text.
    parent_body = models.CharField(_("cơ quan chủ quản"), max_length=200, blank=True)
    issuing_body = models.CharField(_("cơ quan trình"), max_length=200)
    type_code = models.CharField(
        _("ký hiệu văn bản"), max_length=30, default="TTr-VHXH", help_text=_("Ví dụ: TTr-VHXH.")
    )
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    place = models.CharField(_("địa danh"), max_length=100)
    submitted_on = models.DateField(_("ngày trình"), null=True, blank=True)
    addressee = models.CharField(_("kính gửi"), max_length=300)
    subject = models.CharField(_("trích yếu"), max_length=300)
    reason = models.TextField(
        _("nội dung trình"), blank=True, help_text=_("Mỗi dòng một đoạn: căn cứ, sự cần thiết.")
    )
    funding_source = models.CharField(_("nguồn kinh phí"), max_length=300, blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    return_comment = models.TextField(_("ý kiến trả lại của lãnh đạo"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("dự trù kinh phí")
        verbose_name_plural = _("dự trù kinh phí")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="draft")
                | models.Q(number__isnull=False, submitted_on__isnull=False),
                name="estimate_sent_has_number_and_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Dự trù kinh phí: {self.conference}"

    @property
    def number_line(self) -> str:
        number = f"{self.number:02d}" if self.number else "      "
        return f"Số: {number}/{self.type_code}"


class BudgetLine(models.Model):
    """quantity × unit price = the estimate; `actual_amount` is what was spent (None: not yet
    recorded). Prize lines are stored only when the Tờ trình is sent."""

    estimate = models.ForeignKey(BudgetEstimate, on_delete=models.CASCADE, related_name="lines")
    group = models.CharField(_("nhóm chi"), max_length=12, choices=LineGroup.choices)
    description = models.CharField(_("nội dung chi"), max_length=300)
    unit_label = models.CharField(_("đơn vị tính"), max_length=30, blank=True)
    quantity = models.DecimalField(_("số lượng"), max_digits=10, decimal_places=2, default=1)
    unit_price = models.PositiveBigIntegerField(_("đơn giá (đồng)"), default=0)
    actual_amount = models.PositiveBigIntegerField(_("thực chi (đồng)"), null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("dòng dự trù")
        verbose_name_plural = _("dòng dự trù")
        ordering = ["estimate", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gte=0), name="budgetline_quantity_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def amount(self) -> int:
        """Thành tiền, rounded to the đồng."""
        return int((Decimal(self.quantity) * self.unit_price).quantize(0, ROUND_HALF_UP))
