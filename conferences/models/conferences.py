from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Conference(models.Model):
    """A conference an organiser unit holds. The plan and its parts hang off it."""

    class Kind(models.TextChoices):
        EXEMPLAR_FIVE_YEAR = "exemplar", _("Hội nghị điển hình tiên tiến (5 năm)")
        ANNUAL_REVIEW = "annual_review", _("Tổng kết và phát động phong trào thi đua")
        GOOD_DEEDS = "good_deeds", _("Biểu dương người tốt, việc tốt")
        GOOD_DEEDS_CONTEST = (
            "good_deeds_contest",
            _("Biểu dương người tốt, việc tốt và cuộc thi viết"),
        )
        OTHER = "other", _("Khác")

    class Length(models.TextChoices):
        HALF_DAY = "half_day", _("1/2 ngày")
        SESSION = "session", _("Một buổi")
        FULL_DAY = "full_day", _("Một ngày")

    organiser = models.ForeignKey(
        "conferences.Unit",
        on_delete=models.PROTECT,
        related_name="conferences",
        verbose_name=_("đơn vị tổ chức"),
    )
    kind = models.CharField(_("loại hội nghị"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("tên hội nghị"), max_length=500)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    ordinal = models.CharField(_("lần thứ"), max_length=20, blank=True)
    date = models.DateField(_("ngày tổ chức"), null=True, blank=True)
    date_is_expected = models.BooleanField(_("ngày dự kiến"), default=True)
    date_note = models.CharField(
        _("ghi chú về thời gian"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: dự kiến trong tháng 3; ngày tổ chức sẽ được thông báo sau."),
    )
    length = models.CharField(_("thời lượng"), max_length=20, choices=Length.choices, blank=True)
    start_time = models.TimeField(_("giờ bắt đầu"), null=True, blank=True)
    end_time = models.TimeField(_("giờ kết thúc"), null=True, blank=True)
    venue = models.CharField(_("địa điểm"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("hội nghị")
        verbose_name_plural = _("hội nghị")
        ordering = ["-end_year", "-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="conference_years_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | models.Q(start_time__isnull=True)
                | models.Q(end_time__gt=models.F("start_time")),
                name="conference_times_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def period_label(self) -> str:
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year} - {self.end_year}"
