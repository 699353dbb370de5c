"""What the plan says about who attends: categories with targets, conference-wide rules and
the per-conference round (deadline, how the plan lists the categories)."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..wording import target_wording


class TargetKind(models.TextChoices):
    EXACT = "exact", _("Số lượng cụ thể")
    RANGE = "range", _("Khoảng (từ ... đến ...)")
    SHARE = "share", _("Tỷ lệ trên tổng số")
    NONE = "none", _("Không ghi số lượng")


class LineMarker(models.TextChoices):
    """How one line of the composition is marked (overrides the round's choice)."""

    DEFAULT = "", _("Theo cách chung của hội nghị")
    NUMBERED = "numbered", _("Đánh số 1. / 1.1. / 1.1.1.")
    DASH = "-", _("Gạch đầu dòng -")
    PLUS = "+", _("Dấu +")
    STAR = "*", _("Dấu *")
    NONE = "none", _("Không đánh dấu")


class DelegateCategory(models.Model):
    """A line of the plan's "THÀNH PHẦN, SỐ LƯỢNG" section ("Đại biểu Thành phố: 10 đại biểu"),
    or a sub-line inside one ("Bí thư chi bộ thôn: 10"), three levels deep, with the lines
    that describe it and a note after it."""

    conference = models.ForeignKey(
        "conferences.Conference",
        on_delete=models.CASCADE,
        related_name="delegate_categories",
        verbose_name=_("hội nghị"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sublines",
        verbose_name=_("thuộc thành phần"),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    title = models.CharField(_("tên thành phần"), max_length=300)
    description = models.TextField(
        _("mô tả"),
        blank=True,
        help_text=_("Mỗi dòng một ý, ghi đúng như kế hoạch, ví dụ: - Thường trực Huyện ủy;"),
    )
    target_kind = models.CharField(
        _("cách ghi số lượng"), max_length=10, choices=TargetKind.choices, default=TargetKind.EXACT
    )
    target_min = models.PositiveIntegerField(_("số lượng (từ)"), null=True, blank=True)
    target_max = models.PositiveIntegerField(_("số lượng (đến)"), null=True, blank=True)
    share_percent = models.PositiveSmallIntegerField(_("tỷ lệ (%)"), null=True, blank=True)
    noun = models.CharField(
        _("đơn vị tính"),
        max_length=30,
        default="đại biểu",
        blank=True,
        help_text=_("Ví dụ: đại biểu, tập thể, đồng chí. Để trống khi kế hoạch chỉ ghi số."),
    )
    zero_pad = models.BooleanField(
        _("ghi số dưới 10 có số 0 (03)"),
        default=False,
        help_text=_("Như kế hoạch ghi: “03 đại biểu”."),
    )
    marker = models.CharField(
        _("đánh dấu dòng"), max_length=10, choices=LineMarker.choices, blank=True
    )
    note = models.CharField(
        _("ghi chú sau dòng"),
        max_length=300,
        blank=True,
        help_text=_("In sau số lượng, ví dụ: (dự và đưa tin). Gõ *...* để in nghiêng."),
    )
    is_honoree_category = models.BooleanField(
        _("thành phần được biểu dương, khen thưởng"),
        default=False,
        help_text=_("Người được khen thưởng duyệt ở mục Khen thưởng tự vào thành phần này."),
    )

    class Meta:
        verbose_name = _("thành phần đại biểu")
        verbose_name_plural = _("thành phần đại biểu")
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_kind__in=TargetKind.values), name="category_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(target_kind=TargetKind.EXACT)
                | Q(target_min__isnull=False, target_max=F("target_min")),
                name="category_exact_has_number",
                violation_error_message=_("Hãy ghi số lượng."),
            ),
            models.CheckConstraint(
                condition=~Q(target_kind=TargetKind.RANGE)
                | Q(target_min__isnull=False, target_max__isnull=True)
                | Q(target_min__isnull=True, target_max__isnull=False)
                | Q(target_max__gte=F("target_min")),
                name="category_range_ordered",
                violation_error_message=_("Số “đến” phải không nhỏ hơn số “từ”."),
            ),
            models.CheckConstraint(
                condition=~Q(target_kind=TargetKind.SHARE)
                | Q(share_percent__gte=1, share_percent__lte=100),
                name="category_share_is_percent",
                violation_error_message=_("Tỷ lệ phải từ 1 đến 100%."),
            ),
            models.UniqueConstraint(
                fields=["conference"],
                condition=Q(is_honoree_category=True),
                name="category_one_honoree_per_conference",
                violation_error_message=_("Hội nghị đã có thành phần được khen thưởng."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    TARGET_CHOICES = TargetKind.choices

    @property
    def description_lines(self) -> list[str]:
        return [line for line in self.description.split("\n") if line.strip()]

    @property
    def target_text(self) -> str:
        """As the plan writes it: "10 đại biểu", "120-150 đại biểu", "70%"."""
        return target_wording(
            self.target_kind,
            self.target_min,
            self.target_max,
            self.share_percent,
            self.noun,
            pad=self.zero_pad,
        )


class CompositionRule(models.Model):
    """A conference-wide rule: the total ("tối đa 100", "120-150") or the balance of the
    register (at least 30% women, at least 20% people working directly in production...).
    Shares between categories ("70% / 30%") are the categories' own share targets."""

    class Kind(models.TextChoices):
        TOTAL = "total", _("Tổng số đại biểu")
        STRUCTURE = "structure", _("Cơ cấu (tỷ lệ trong tổng số)")

    class Attribute(models.TextChoices):
        FEMALE = "female", _("Nữ")
        DIRECT_PRODUCER = "direct_producer", _("Người trực tiếp sản xuất, lao động")
        ETHNIC_MINORITY = "ethnic_minority", _("Người dân tộc thiểu số")
        UNDER_35 = "under_35", _("Dưới 35 tuổi")

    conference = models.ForeignKey(
        "conferences.Conference",
        on_delete=models.CASCADE,
        related_name="composition_rules",
        verbose_name=_("hội nghị"),
    )
    kind = models.CharField(_("loại quy định"), max_length=12, choices=Kind.choices)
    total_min = models.PositiveIntegerField(_("tổng số tối thiểu"), null=True, blank=True)
    total_max = models.PositiveIntegerField(_("tổng số tối đa"), null=True, blank=True)
    attribute = models.CharField(
        _("tiêu chí cơ cấu"), max_length=20, choices=Attribute.choices, blank=True
    )
    min_percent = models.PositiveSmallIntegerField(_("tỷ lệ tối thiểu (%)"), null=True, blank=True)
    max_percent = models.PositiveSmallIntegerField(_("tỷ lệ tối đa (%)"), null=True, blank=True)
    expected = models.BooleanField(_("ghi “Dự kiến” trước tổng số"), default=False)
    note = models.CharField(
        _("ghi chú in trong kế hoạch"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: do đề xuất của Thường trực Hội đồng Thi đua - Khen thưởng"),
    )

    class Meta:
        verbose_name = _("quy định về thành phần")
        verbose_name_plural = _("quy định về thành phần")
        ordering = ["kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["total", "structure"]), name="rule_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind="total")
                | (Q(total_min__isnull=False) | Q(total_max__isnull=False))
                & (
                    Q(total_min__isnull=True)
                    | Q(total_max__isnull=True)
                    | Q(total_max__gte=F("total_min"))
                ),
                name="rule_total_has_bounds",
                violation_error_message=_(
                    "Hãy ghi tổng số tối thiểu, tối đa (tối đa không nhỏ hơn tối thiểu)."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(kind="structure")
                | ~Q(attribute="") & (Q(min_percent__isnull=False) | Q(max_percent__isnull=False)),
                name="rule_structure_has_bounds",
                violation_error_message=_("Hãy chọn tiêu chí và ghi tỷ lệ tối thiểu hoặc tối đa."),
            ),
            models.CheckConstraint(
                condition=Q(min_percent__isnull=True) | Q(min_percent__lte=100),
                name="rule_min_percent_le_100",
            ),
            models.CheckConstraint(
                condition=Q(max_percent__isnull=True) | Q(max_percent__lte=100),
                name="rule_max_percent_le_100",
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class DelegateRound(models.Model):
    """The delegate work of one conference: the units' submission deadline, the note sent
    with the allocation, and how the plan marks its composition lines."""

    class LineMarker(models.TextChoices):
        NUMBERS = "numbers", _("Đánh số 1., 2., 3.")
        PLUS = "plus", _("Gạch đầu dòng +")
        DASH = "dash", _("Gạch đầu dòng -")

    conference = models.OneToOneField(
        "conferences.Conference",
        on_delete=models.CASCADE,
        related_name="delegate_round",
        verbose_name=_("hội nghị"),
    )
    deadline = models.DateTimeField(_("hạn đơn vị gửi danh sách đại biểu"), null=True, blank=True)
    instructions = models.TextField(_("lưu ý gửi các đơn vị"), blank=True)
    line_marker = models.CharField(
        _("cách đánh dấu các thành phần trong kế hoạch"),
        max_length=10,
        choices=LineMarker.choices,
        default=LineMarker.NUMBERS,
    )
    notified_at = models.DateTimeField(_("đã thông báo phân bổ lúc"), null=True, blank=True)
    # The place and date line of the invitations (mẫu 1.7), chosen by the office; left
    # empty, the invitations print the organiser's place and "ngày    tháng <m> năm <y>"
    # for the month before the conference (see selectors.invitation_place_date).
    invitation_place = models.CharField(
        _("địa danh ghi trên giấy mời"),
        max_length=100,
        blank=True,
        help_text=_("Để trống: lấy địa danh của cơ quan tổ chức."),
    )
    invitation_date = models.DateField(
        _("ngày ký giấy mời"),
        null=True,
        blank=True,
        help_text=_("Để trống: in “ngày    tháng … năm …” của tháng trước hội nghị."),
    )
    invitation_day_blank = models.BooleanField(
        _("để trống ngày cho người ký điền tay"),
        default=True,
        help_text=_("In “ngày    tháng 12 năm 2026”: chỉ giữ tháng và năm của ngày ký đã chọn."),
    )

    class Meta:
        verbose_name = _("đợt đăng ký đại biểu")
        verbose_name_plural = _("đợt đăng ký đại biểu")

    def __str__(self) -> str:
        return f"Đại biểu — {self.conference}"
