from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from core.sorting import SortKeyed, SortKeyField, SortKeyQuerySet
from core.vntext import name_sort_string
from core.vocabulary import Sector


class Nomination(SortKeyed, models.Model):
    """A unit's proposal to honour one individual, one collective or one household (named by
    the head of household, whose name is kept in `full_name`)."""

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("Cá nhân")
        COLLECTIVE = "collective", _("Tập thể")
        HOUSEHOLD = "household", _("Hộ gia đình")

    # The order of the kinds in an award list (NĐ 152/2025: collectives, individuals, then
    # households) and the quota each kind takes a place in: a household takes a place of the
    # individuals' quota (a round has two limits; households are few beside them).
    LIST_ORDER = (Kind.COLLECTIVE, Kind.INDIVIDUAL, Kind.HOUSEHOLD)
    QUOTA_KIND = {
        Kind.INDIVIDUAL: Kind.INDIVIDUAL,
        Kind.HOUSEHOLD: Kind.INDIVIDUAL,
        Kind.COLLECTIVE: Kind.COLLECTIVE,
    }

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã gửi")
        RETURNED = "returned", _("Bị trả lại")
        APPROVED = "approved", _("Được Hội đồng thông qua")
        REJECTED = "rejected", _("Không được thông qua")
        WITHDRAWN = "withdrawn", _("Đã rút")
        AWARDED = "awarded", _("Đã có quyết định khen thưởng")

    class Gender(models.TextChoices):
        MALE = "male", _("Nam")
        FEMALE = "female", _("Nữ")

    # States that hold a place in the unit's quota.
    COUNTED = (Status.SUBMITTED, Status.APPROVED, Status.AWARDED)
    # Bootstrap colour of each status's badge (the others are grey).
    BADGES = {
        Status.APPROVED: "success",
        Status.AWARDED: "success",
        Status.RETURNED: "warning",
        Status.REJECTED: "danger",
        Status.SUBMITTED: "primary",
    }

    round = models.ForeignKey(
        "honorees.NominationRound", on_delete=models.CASCADE, related_name="nominations"
    )
    unit = models.ForeignKey(
        "conferences.Unit",
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("đơn vị đề nghị"),
    )
    kind = models.CharField(_("đối tượng"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    ethnicity = models.CharField(_("dân tộc"), max_length=50, blank=True)
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    unit_name = models.CharField(_("đơn vị công tác"), max_length=255, blank=True)
    sector = models.CharField(
        _("lĩnh vực"), max_length=150, choices=Sector.choices, blank=True
    )  # the delegates' list (core.vocabulary), so one report counts both
    works_directly_in_production = models.BooleanField(
        _("trực tiếp lao động, sản xuất, công tác"), default=False
    )
    collective_name = models.CharField(_("tên tập thể"), max_length=255, blank=True)
    head_name = models.CharField(_("người đứng đầu"), max_length=150, blank=True)
    member_count = models.PositiveIntegerField(_("số thành viên"), null=True, blank=True)
    achievement_summary = models.TextField(_("tóm tắt thành tích"))
    proposed_award = models.ForeignKey(
        "honorees.AwardForm",
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("hình thức đề nghị"),
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    dossier = models.FileField(_("hồ sơ kèm theo"), upload_to="honorees/dossiers/%Y/", blank=True)
    # fold(name): finds the same person or collective proposed twice in a round.
    name_key = models.CharField(max_length=255, db_index=True, editable=False)
    # name_sort_string(sort_name): the lists' name order, a collective's name as written (not
    # given name first); kept current by SortKeyed on every write.
    sort_key = SortKeyField()
    return_comment = models.TextField(_("lý do trả lại"), blank=True)
    is_delegate_above = models.BooleanField(_("đại biểu dự hội nghị cấp trên"), default=False)
    # NĐ 152/2025 Điều 4: no award while one of these holds (the unit records them, the office
    # corrects them, e.g. from an agency's answer); honorees.eligibility checks them.
    discipline_review = models.BooleanField(
        _("đang bị xem xét kỷ luật"),
        default=False,
        help_text=_("Cơ quan có thẩm quyền đang xem xét thi hành kỷ luật."),
    )
    under_inspection = models.BooleanField(
        _("đang bị thanh tra, kiểm tra"),
        default=False,
        help_text=_("Đang bị điều tra, thanh tra, kiểm tra khi có dấu hiệu vi phạm."),
    )
    complaint_pending = models.BooleanField(
        _("đang xác minh khiếu nại, tố cáo"),
        default=False,
        help_text=_("Có đơn thư khiếu nại, tố cáo đang được xác minh, làm rõ."),
    )
    discipline_until = models.DateField(
        _("hết thời hạn kỷ luật ngày"),
        null=True,
        blank=True,
        help_text=_(
            "Bỏ trống nếu không bị kỷ luật. Thành tích chỉ được tính từ sau khi hết thời hạn "
            "kỷ luật. Thời gian nghỉ thai sản vẫn được tính là thời gian công tác, không cần ghi."
        ),
    )
    # The declarations the unit ticks for the proposed award (AwardCondition of kind
    # "declaration": an initiative recognised, 70% of members "Lao động tiên tiến"...).
    declarations = models.ManyToManyField(
        "honorees.AwardCondition",
        blank=True,
        related_name="declared_by",
        verbose_name=_("điều kiện đơn vị xác nhận đã đạt"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = SortKeyQuerySet.as_manager()

    SORT_KEY_SOURCES = ("kind", "full_name", "collective_name")

    class Meta:
        verbose_name = _("hồ sơ đề nghị khen thưởng")
        verbose_name_plural = _("hồ sơ đề nghị khen thưởng")
        ordering = ["round", "unit", "kind", "id"]
        indexes = [
            models.Index(fields=["round", "unit", "kind", "status"]),
            models.Index(fields=["round", "sort_key"], name="nomination_name_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    status__in=[
                        "draft",
                        "submitted",
                        "returned",
                        "approved",
                        "rejected",
                        "withdrawn",
                        "awarded",
                    ]
                ),
                name="nomination_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["individual", "household"]) & ~models.Q(full_name="")
                | models.Q(kind="collective") & ~models.Q(collective_name=""),
                name="nomination_has_name_for_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(birth_year__isnull=True)
                | models.Q(birth_year__gte=1900, birth_year__lte=2100),
                name="nomination_birth_year_range",
            ),
            models.CheckConstraint(
                condition=models.Q(is_delegate_above=False)
                | models.Q(status__in=["approved", "awarded"]),
                name="nomination_delegate_only_approved",
            ),
            # One person (or collective) once per round while the nomination is alive: a
            # double-clicked form cannot take two quota places, even when both clicks run at
            # the same time. The birth year counts as 0 when missing.
            models.UniqueConstraint(
                "round",
                "name_key",
                Coalesce("birth_year", 0),
                condition=models.Q(
                    status__in=["draft", "submitted", "returned", "approved", "awarded"]
                ),
                name="nomination_unique_alive_name",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """A household reads "Hộ ông Nguyễn Văn An" (or "Hộ bà …", "Hộ gia đình …" when the
        head's gender is not recorded)."""
        if self.kind == self.Kind.COLLECTIVE:
            return self.collective_name
        if self.kind == self.Kind.HOUSEHOLD:
            title = {self.Gender.MALE: "ông", self.Gender.FEMALE: "bà"}.get(self.gender, "gia đình")
            return f"Hộ {title} {self.full_name}"
        return self.full_name

    @property
    def sort_name(self) -> str:
        """The name a list sorts by and the Excel list's name column holds: a household's is
        its head's own name."""
        return self.collective_name if self.kind == self.Kind.COLLECTIVE else self.full_name

    @property
    def is_collective(self) -> bool:
        return self.kind == self.Kind.COLLECTIVE

    def make_sort_key(self) -> str:
        return name_sort_string(self.sort_name, as_written=self.is_collective)

    @property
    def is_household(self) -> bool:
        return self.kind == self.Kind.HOUSEHOLD

    @property
    def quota_kind(self) -> str:
        return self.QUOTA_KIND[self.kind]

    @property
    def status_badge(self) -> str:
        return self.BADGES.get(self.status, "secondary")


class NominationEvent(models.Model):
    """One change of a nomination's state, with the comment given."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    from_status = models.CharField(max_length=20, choices=Nomination.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Nomination.Status.choices)
    comment = models.TextField(blank=True)

    class Meta:
        verbose_name = _("diễn biến hồ sơ")
        verbose_name_plural = _("diễn biến hồ sơ")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.nomination}: {self.from_status or '-'} -> {self.to_status}"


class CouncilVote(models.Model):
    """A council member's opinion on one nomination; changeable until the office finalises."""

    class Choice(models.TextChoices):
        AGREE = "agree", _("Đồng ý")
        DISAGREE = "disagree", _("Không đồng ý")
        ABSTAIN = "abstain", _("Không biểu quyết")

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="council_votes"
    )
    choice = models.CharField(_("ý kiến"), max_length=10, choices=Choice.choices)
    comment = models.CharField(_("nhận xét"), max_length=500, blank=True)
    # A written vote (phiếu bằng văn bản) of a member absent from the sitting, entered by the
    # office; it counts only when the award form says so (AwardForm.written_votes_count).
    in_writing = models.BooleanField(_("phiếu bằng văn bản"), default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phiếu bình xét")
        verbose_name_plural = _("phiếu bình xét")
        constraints = [
            models.UniqueConstraint(fields=["nomination", "member"], name="vote_one_per_member"),
            models.CheckConstraint(
                condition=models.Q(choice__in=["agree", "disagree", "abstain"]),
                name="vote_choice_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.get_choice_display()} — {self.nomination}"
