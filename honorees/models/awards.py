"""The catalogue of award forms and the money rules, kept as data an administrator edits:
coefficients change with each decree and the base salary with each budget year."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardForm(models.Model):
    """An emulation title, a certificate of merit or a contest prize."""

    class Level(models.TextChoices):
        COMMUNE = "commune", _("Cấp xã")
        DISTRICT = "district", _("Cấp huyện (trước 01/7/2025)")
        PROVINCE = "province", _("Cấp tỉnh, bộ, ngành")
        LOCAL = "local", _("Hình thức của địa phương, cuộc thi")

    class Paper(models.TextChoices):
        MERIT = "giay_khen", _("Giấy khen")
        RECOGNITION = "giay_chung_nhan", _("Giấy chứng nhận")
        RECOGNITION_DIPLOMA = "bang_chung_nhan", _("Bằng chứng nhận")
        NONE = "", _("Không in giấy (chỉ tiền thưởng)")

    class ContestRank(models.TextChoices):
        FIRST = "first", _("Giải Nhất")
        SECOND = "second", _("Giải Nhì")
        THIRD = "third", _("Giải Ba")
        CONSOLATION = "consolation", _("Giải Khuyến khích")

    code = models.SlugField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên hình thức"), max_length=200)
    level = models.CharField(_("cấp khen"), max_length=20, choices=Level.choices)
    issuer = models.CharField(_("người, cơ quan tặng"), max_length=200, blank=True)
    for_individuals = models.BooleanField(_("tặng cá nhân"), default=True)
    for_collectives = models.BooleanField(_("tặng tập thể"), default=False)
    is_contest_prize = models.BooleanField(_("là giải của cuộc thi"), default=False)
    contest_rank = models.CharField(
        _("hạng giải"), max_length=20, choices=ContestRank.choices, blank=True
    )
    pays_prize = models.BooleanField(
        _("kèm tiền thưởng"),
        default=True,
        help_text=_("Bỏ chọn cho hình thức không kèm tiền thưởng (ví dụ Giấy chứng nhận)."),
    )
    paper = models.CharField(
        _("giấy in cho người được khen"),
        max_length=20,
        choices=Paper.choices,
        default=Paper.MERIT,
        blank=True,
        help_text=_("Bỏ trống cho hình thức chỉ có tiền thưởng, không in giấy."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("hình thức khen thưởng")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(for_individuals=True) | models.Q(for_collectives=True),
                name="awardform_has_recipient_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(is_contest_prize=False, contest_rank="")
                | models.Q(is_contest_prize=True) & ~models.Q(contest_rank=""),
                name="awardform_contest_rank_iff_prize",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PrizeRule(models.Model):
    """Coefficients of one award form under one rule set, in force from a date until the
    next rule of the same form."""

    award_form = models.ForeignKey(
        AwardForm, on_delete=models.CASCADE, related_name="rules", verbose_name=_("hình thức")
    )
    rule_set = models.CharField(_("văn bản quy định"), max_length=100)
    effective_from = models.DateField(_("áp dụng từ ngày"))
    coefficient_individual = models.DecimalField(
        _("hệ số cho cá nhân"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    coefficient_collective = models.DecimalField(
        _("hệ số cho tập thể"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    note = models.CharField(_("ghi chú"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("mức thưởng theo quy định")
        verbose_name_plural = _("mức thưởng theo quy định")
        ordering = ["award_form__order", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["award_form", "effective_from"], name="prizerule_one_per_date"
            ),
            models.CheckConstraint(
                condition=models.Q(coefficient_individual__gte=0)
                | models.Q(coefficient_individual__isnull=True),
                name="prizerule_individual_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(coefficient_collective__gte=0)
                | models.Q(coefficient_collective__isnull=True),
                name="prizerule_collective_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_form} — {self.rule_set} (từ {self.effective_from:%d/%m/%Y})"


class BaseSalary(models.Model):
    """Mức lương cơ sở: one row per change, in force until the next row."""

    amount = models.PositiveIntegerField(_("mức lương cơ sở (đồng/tháng)"))
    effective_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    legal_basis = models.CharField(_("văn bản quy định"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")
        ordering = ["-effective_from"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="basesalary_positive")
        ]

    def __str__(self) -> str:
        return f"{self.amount:,} đồng từ {self.effective_from:%d/%m/%Y}".replace(",", ".")
