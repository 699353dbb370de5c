"""The catalogue of award forms and the money rules, kept as data an administrator edits:
coefficients change with each decree and the base salary with each budget year."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.vntext import format_money


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
        COMMENDATION = "bang_khen", _("Bằng khen")
        NONE = "", _("Không in giấy (chỉ tiền thưởng)")

    class Basis(models.TextChoices):
        # NĐ 152/2025 Điều 4: awards "đột xuất" and "theo chuyên đề" are not a basis for
        # awards "công trạng" (for achievements over a period).
        MERIT = "cong_trang", _("Công trạng, thành tích thường xuyên")
        SUDDEN = "dot_xuat", _("Đột xuất")
        THEMATIC = "chuyen_de", _("Theo chuyên đề")

    class VoteBase(models.TextChoices):
        ALL_MEMBERS = "all", _("Tổng số thành viên Hội đồng")
        PRESENT = "present", _("Số thành viên có mặt")

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
    framed = models.BooleanField(
        _("giấy in kèm khung"),
        default=False,
        help_text=_(
            "Chiến sĩ thi đua cơ sở, Tập thể lao động xuất sắc, thôn văn hóa: giấy kèm khung."
        ),
    )
    for_households = models.BooleanField(_("tặng hộ gia đình"), default=False)
    basis = models.CharField(
        _("loại khen thưởng"), max_length=20, choices=Basis.choices, default=Basis.MERIT
    )
    # Who awards it, to whom, with what paper: the source and whether it was read in the text.
    authority_source = models.CharField(
        _("căn cứ (thẩm quyền, đối tượng, giấy in)"), max_length=300, blank=True
    )
    authority_verified = models.BooleanField(_("căn cứ đã đối chiếu văn bản"), default=False)
    # The council's vote: agree votes / base >= (or >) numerator / denominator.
    vote_numerator = models.PositiveSmallIntegerField(_("tỷ lệ đồng ý: tử số"), default=1)
    vote_denominator = models.PositiveSmallIntegerField(_("tỷ lệ đồng ý: mẫu số"), default=2)
    vote_strict = models.BooleanField(
        _("phải vượt tỷ lệ"),
        default=True,
        help_text=_("Chọn khi cần “hơn” tỷ lệ (hơn một nửa); bỏ chọn khi “từ … trở lên”."),
    )
    vote_base = models.CharField(
        _("tính tỷ lệ trên"), max_length=10, choices=VoteBase.choices, default=VoteBase.ALL_MEMBERS
    )
    quorum_numerator = models.PositiveSmallIntegerField(
        _("số thành viên phải có mặt: tử số"), null=True, blank=True
    )
    quorum_denominator = models.PositiveSmallIntegerField(
        _("số thành viên phải có mặt: mẫu số"), null=True, blank=True
    )
    written_votes_count = models.BooleanField(
        _("tính phiếu bằng văn bản của thành viên vắng mặt"), default=True
    )
    vote_source = models.CharField(_("căn cứ (tỷ lệ biểu quyết)"), max_length=300, blank=True)
    vote_verified = models.BooleanField(_("tỷ lệ biểu quyết đã đối chiếu văn bản"), default=False)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("hình thức khen thưởng")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(for_individuals=True)
                | models.Q(for_collectives=True)
                | models.Q(for_households=True),
                name="awardform_has_recipient_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    vote_denominator__gt=0, vote_numerator__lte=models.F("vote_denominator")
                ),
                name="awardform_vote_share_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(quorum_numerator__isnull=True, quorum_denominator__isnull=True)
                | models.Q(
                    quorum_denominator__gt=0,
                    quorum_numerator__lte=models.F("quorum_denominator"),
                ),
                name="awardform_quorum_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(is_contest_prize=False, contest_rank="")
                | models.Q(is_contest_prize=True) & ~models.Q(contest_rank=""),
                name="awardform_contest_rank_iff_prize",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def vote_passes(self, agree: int, base: int) -> bool:
        """Whether `agree` votes out of `base` (all members, or those present) reach the form's
        share; integers only, so 2/3 of 9 is exactly 6."""
        if base <= 0:
            return False
        if self.vote_strict:
            return agree * self.vote_denominator > base * self.vote_numerator
        return agree * self.vote_denominator >= base * self.vote_numerator

    def quorum_met(self, present: int, members: int) -> bool:
        """Whether `present` of `members` is enough for the council to decide this form."""
        if self.quorum_numerator is None:
            return members > 0
        return members > 0 and present * self.quorum_denominator >= members * self.quorum_numerator

    @property
    def vote_rule_text(self) -> str:
        """ "từ 80% tổng số thành viên Hội đồng trở lên", "hơn 1/2 số thành viên có mặt"."""
        label = str(self.get_vote_base_display())
        base = label[:1].lower() + label[1:]
        share = _share_text(self.vote_numerator, self.vote_denominator)
        return f"hơn {share} {base}" if self.vote_strict else f"từ {share} {base} trở lên"

    @property
    def quorum_text(self) -> str:
        if self.quorum_numerator is None:
            return "không quy định"
        share = _share_text(self.quorum_numerator, self.quorum_denominator)
        return f"từ {share} tổng số thành viên trở lên có mặt"


def _share_text(numerator: int, denominator: int) -> str:
    """4/5 reads "80%", 1/2 "một nửa", 2/3 "hai phần ba"."""
    words = {(1, 2): "một nửa", (2, 3): "hai phần ba", (3, 4): "ba phần tư", (1, 1): "100%"}
    if (numerator, denominator) in words:
        return words[(numerator, denominator)]
    if (100 * numerator) % denominator == 0:
        return f"{100 * numerator // denominator}%"
    return f"{numerator}/{denominator}"


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
    coefficient_household = models.DecimalField(
        _("hệ số cho hộ gia đình"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("NĐ 152/2025 Điều 54: hộ gia đình được thưởng gấp 1,5 lần mức của cá nhân."),
    )
    article = models.CharField(_("điều, khoản"), max_length=100, blank=True)
    verified = models.BooleanField(_("đã đối chiếu văn bản"), default=False)
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
            models.CheckConstraint(
                condition=models.Q(coefficient_household__gte=0)
                | models.Q(coefficient_household__isnull=True),
                name="prizerule_household_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_form} — {self.rule_set} (từ {self.effective_from:%d/%m/%Y})"

    def coefficient_for(self, kind: str) -> Decimal | None:
        """The coefficient for a recipient kind (Nomination.Kind's value)."""
        return {
            "individual": self.coefficient_individual,
            "collective": self.coefficient_collective,
            "household": self.coefficient_household,
        }.get(kind)


class PrizeBase(models.Model):
    """Mức cơ sở tính tiền thưởng: the amount coefficients multiply, one row per change, in
    force until the next row. A named series: "Lương cơ sở" today; NĐ 158/2025 names a "Mức
    tham chiếu" to replace it when lương cơ sở is abolished (a new row with the new name)."""

    LUONG_CO_SO = "Lương cơ sở"

    series = models.CharField(
        _("tên mức cơ sở"),
        max_length=100,
        default=LUONG_CO_SO,
        help_text=_("“Lương cơ sở”; sau này “Mức tham chiếu” (Nghị định 158/2025/NĐ-CP)."),
    )
    amount = models.PositiveIntegerField(_("số tiền (đồng/tháng)"))
    effective_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    legal_basis = models.CharField(_("văn bản quy định"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("mức cơ sở tính tiền thưởng")
        verbose_name_plural = _("mức cơ sở tính tiền thưởng")
        ordering = ["-effective_from"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="prizebase_positive"),
            models.CheckConstraint(condition=~models.Q(series=""), name="prizebase_has_series"),
        ]

    def __str__(self) -> str:
        return f"{self.series}: {format_money(self.amount)} từ {self.effective_from:%d/%m/%Y}"
