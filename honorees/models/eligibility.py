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


class AwardCondition(models.Model):
    """One condition of an award form, as the law words it, kept as data an administrator
    edits: earlier titles from the person's history in signed decisions (for example three
    "Chiến sĩ thi đua cơ sở" in a row), or a declaration the unit ticks on the nomination
    (an initiative recognised, 70% of members "Lao động tiên tiến")."""

    class Kind(models.TextChoices):
        HISTORY = "history", _("Danh hiệu, hình thức đã được tặng (theo quyết định đã ký)")
        DECLARATION = "declaration", _("Đơn vị xác nhận khi đề nghị")

    award_form = models.ForeignKey(
        "honorees.AwardForm",
        on_delete=models.CASCADE,
        related_name="conditions",
        verbose_name=_("hình thức khen thưởng"),
    )
    code = models.SlugField(_("mã điều kiện"), max_length=50, unique=True)
    kind = models.CharField(_("loại điều kiện"), max_length=20, choices=Kind.choices)
    text = models.CharField(
        _("điều kiện (lời văn của quy định)"),
        max_length=500,
        help_text=_("Với điều kiện xác nhận: câu đơn vị đánh dấu trên hồ sơ."),
    )
    required_form = models.ForeignKey(
        "honorees.AwardForm",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hình thức đã được tặng"),
        help_text=_(
            "Điều kiện theo lịch sử: hình thức phải có trong các năm trước; bỏ trống là bất kỳ "
            "hình thức khen thưởng công trạng nào."
        ),
    )
    count = models.PositiveSmallIntegerField(_("số năm, số lần"), default=1)
    consecutive = models.BooleanField(_("liên tục"), default=True)
    source = models.CharField(_("căn cứ (văn bản, điều, khoản)"), max_length=300, blank=True)
    verified = models.BooleanField(_("đã đối chiếu văn bản"), default=False)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=10)
    active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        verbose_name = _("điều kiện của hình thức khen thưởng")
        verbose_name_plural = _("điều kiện của hình thức khen thưởng")
        ordering = ["award_form__order", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["history", "declaration"]),
                name="awardcondition_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(count__gte=1), name="awardcondition_count_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_form}: {self.text}"

    @property
    def rule_code(self) -> str:
        """The code an EligibilityOverride of this condition carries."""
        return f"cond.{self.code}"
