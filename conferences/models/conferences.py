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

    class DatePrecision(models.TextChoices):
        DAY = "day", _("Ngày cụ thể")
        MONTH = "month", _("Trong tháng")
        QUARTER = "quarter", _("Trong quý")
        TBA = "tba", _("Sẽ thông báo sau")

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
    date_precision = models.CharField(
        _("mức xác định ngày"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_('Với "trong tháng" hoặc "trong quý", nhập một ngày bất kỳ của tháng, quý đó.'),
    )
    date_is_expected = models.BooleanField(_("ngày dự kiến"), default=True)
    date_note = models.CharField(
        _("lý do, ghi chú về thời gian"),
        max_length=300,
        blank=True,
        help_text=_(
            "In trong ngoặc sau thời gian. Ví dụ: Do tình hình dịch bệnh, ngày tổ chức sẽ được "
            "thông báo sau."
        ),
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
                condition=models.Q(date_precision__in=["day", "tba"])
                | models.Q(date__isnull=False),
                name="conference_month_quarter_has_date",
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

    def date_wording(self) -> str:
        """The time as the plan writes it: "Dự kiến ngày 08 tháng 10 năm 2024 (Thứ ba)",
        "dự kiến trong tháng 3 năm 2020", "dự kiến trong Quý I năm 2020", or "Thời gian
        sẽ được thông báo sau", then the note in brackets."""
        from core.vntext import format_date_vn, quarter_roman, weekday_vn

        precision, day = self.date_precision, self.date
        expected = "dự kiến " if self.date_is_expected else ""
        if precision == self.DatePrecision.TBA or day is None:
            text = "thời gian sẽ được thông báo sau"
        elif precision == self.DatePrecision.MONTH:
            text = f"{expected}trong tháng {day.month} năm {day.year}"
        elif precision == self.DatePrecision.QUARTER:
            text = f"{expected}trong Quý {quarter_roman(day)} năm {day.year}"
        else:
            text = f"{expected}{format_date_vn(day)} ({weekday_vn(day)})"
        if self.date_note:
            text = f"{text} ({self.date_note.strip().rstrip('.')})"
        return text[:1].upper() + text[1:]

    @property
    def exact_date(self):
        """The day of the conference when it is fixed to the day, else None."""
        return self.date if self.date_precision == self.DatePrecision.DAY else None
