"""The council's sitting (phiên họp Hội đồng Thi đua - Khen thưởng): when and where it met, who
chaired it, who was there; how many of each award form the round may honour; and each
nominee's result as the council decided it (kept, so the minutes print what was decided even
when the council's membership changes later)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CouncilSitting(models.Model):
    """One sitting per round. The office records the attendance; it may change until the office
    closes the sitting by finalising its results (honorees.workflow.close_sitting)."""

    round = models.OneToOneField(
        "honorees.NominationRound", on_delete=models.CASCADE, related_name="sitting"
    )
    held_at = models.DateTimeField(_("thời gian họp"))
    place = models.CharField(_("địa điểm"), max_length=300)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("chủ trì"),
    )
    secretary_name = models.CharField(_("thư ký"), max_length=150)
    secretary_title = models.CharField(_("chức vụ của thư ký"), max_length=200, blank=True)
    present = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="council_sittings",
        blank=True,
        verbose_name=_("thành viên có mặt"),
    )
    closed_at = models.DateTimeField(_("chốt kết quả lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phiên họp Hội đồng Thi đua - Khen thưởng")
        verbose_name_plural = _("phiên họp Hội đồng Thi đua - Khen thưởng")

    def __str__(self) -> str:
        return f"Phiên họp Hội đồng ngày {self.held_at:%d/%m/%Y} — {self.round}"


class RoundAwardLimit(models.Model):
    """Số lượng được khen: how many nominees the round may honour with one award form. When more
    pass the vote, the highest share of agree votes win (honorees.council)."""

    round = models.ForeignKey(
        "honorees.NominationRound", on_delete=models.CASCADE, related_name="award_limits"
    )
    award_form = models.ForeignKey(
        "honorees.AwardForm",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("hình thức khen thưởng"),
    )
    seats = models.PositiveSmallIntegerField(_("số lượng được khen"))

    class Meta:
        verbose_name = _("số lượng được khen")
        verbose_name_plural = _("số lượng được khen")
        constraints = [
            models.UniqueConstraint(fields=["round", "award_form"], name="awardlimit_one_per_form"),
            models.CheckConstraint(condition=models.Q(seats__gt=0), name="awardlimit_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.award_form}: {self.seats}"


class CouncilResult(models.Model):
    """A nominee's result as finalised: the counted votes, the share against its base, the rule,
    and where the ranking put it when more passed than the round may honour."""

    class Ranking(models.TextChoices):
        NONE = "", _("Không giới hạn số lượng")
        WITHIN = "within", _("Trong số lượng được khen")
        BEYOND = "beyond", _("Ngoài số lượng được khen")
        CHAIR = "chair", _("Bằng phiếu, chọn theo ý kiến của Chủ tịch Hội đồng")
        OFFICE = "office", _("Bằng phiếu, cơ quan thường trực chọn (có lý do)")

    nomination = models.OneToOneField(
        "honorees.Nomination", on_delete=models.CASCADE, related_name="council_result"
    )
    agree = models.PositiveSmallIntegerField(_("đồng ý"))
    disagree = models.PositiveSmallIntegerField(_("không đồng ý"))
    abstain = models.PositiveSmallIntegerField(_("không biểu quyết"))
    written = models.PositiveSmallIntegerField(_("phiếu bằng văn bản được tính"), default=0)
    base = models.PositiveSmallIntegerField(_("số tính tỷ lệ"))
    members = models.PositiveSmallIntegerField(_("tổng số thành viên"))
    present = models.PositiveSmallIntegerField(_("số có mặt"), null=True, blank=True)
    rule_text = models.CharField(_("tỷ lệ cần đạt"), max_length=200)
    passed = models.BooleanField(_("đạt tỷ lệ"))
    rank = models.PositiveSmallIntegerField(_("xếp thứ"), null=True, blank=True)
    seats = models.PositiveSmallIntegerField(_("số lượng được khen"), null=True, blank=True)
    ranking = models.CharField(
        _("xếp hạng"), max_length=10, choices=Ranking.choices, blank=True, default=""
    )
    reason = models.TextField(_("lý do chọn khi bằng phiếu"), blank=True)
    note = models.CharField(_("ghi chú xếp hạng"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kết quả biểu quyết")
        verbose_name_plural = _("kết quả biểu quyết")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(ranking="office") | ~models.Q(reason=""),
                name="councilresult_office_choice_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nomination}: {self.agree}/{self.base}"
