from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NominationRound(models.Model):
    """A call for nominations within a conference: what may be proposed and by when. How the
    council decides comes from each nominee's proposed award form (AwardForm.vote_*)."""

    class State(models.TextChoices):
        OPEN = "open", _("Đang nhận hồ sơ")
        EXTENDED = "extended", _("Đã gia hạn")
        CLOSED = "closed", _("Đã khóa")

    conference = models.ForeignKey(
        "conferences.Conference",
        on_delete=models.CASCADE,
        related_name="nomination_rounds",
        verbose_name=_("hội nghị"),
    )
    title = models.CharField(_("tên đợt"), max_length=300)
    criteria = models.TextField(_("tiêu chuẩn, đối tượng"), blank=True)
    deadline = models.DateTimeField(_("hạn gửi hồ sơ"))
    state = models.CharField(
        _("trạng thái"), max_length=20, choices=State.choices, default=State.OPEN
    )
    allowed_forms = models.ManyToManyField(
        "honorees.AwardForm", related_name="rounds", verbose_name=_("hình thức được đề nghị")
    )
    prize_first = models.PositiveIntegerField(_("tiền Giải Nhất"), null=True, blank=True)
    prize_second = models.PositiveIntegerField(_("tiền Giải Nhì"), null=True, blank=True)
    prize_third = models.PositiveIntegerField(_("tiền Giải Ba"), null=True, blank=True)
    prize_consolation = models.PositiveIntegerField(
        _("tiền Giải Khuyến khích"), null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đợt đề nghị khen thưởng")
        verbose_name_plural = _("đợt đề nghị khen thưởng")
        ordering = ["-deadline", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=["open", "extended", "closed"]),
                name="round_state_valid",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def organiser(self):
        return self.conference.organiser

    @property
    def is_past_deadline(self) -> bool:
        return timezone.now() > self.deadline

    @property
    def accepts_submissions(self) -> bool:
        return self.state != self.State.CLOSED and not self.is_past_deadline

    def contest_amount(self, rank: str) -> int | None:
        return getattr(self, f"prize_{rank}", None)


class RoundQuota(models.Model):
    """How many individuals and collectives a unit may propose in a round."""

    round = models.ForeignKey(NominationRound, on_delete=models.CASCADE, related_name="quotas")
    unit = models.ForeignKey(
        "conferences.Unit",
        on_delete=models.CASCADE,
        related_name="nomination_quotas",
        verbose_name=_("đơn vị"),
    )
    max_individuals = models.PositiveIntegerField(_("số cá nhân tối đa"), default=0)
    max_collectives = models.PositiveIntegerField(_("số tập thể tối đa"), default=0)

    class Meta:
        verbose_name = _("chỉ tiêu đề nghị")
        verbose_name_plural = _("chỉ tiêu đề nghị")
        constraints = [
            models.UniqueConstraint(fields=["round", "unit"], name="roundquota_one_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.max_individuals} cá nhân, {self.max_collectives} tập thể"

    def limit_for(self, kind: str) -> int:
        """The limit of the quota `kind` takes a place in (a household: the individuals')."""
        return self.max_collectives if kind == "collective" else self.max_individuals
