"""Assignments of a conference: which agency does what, by when, and how far it has got.

A deadline is either absent, a fixed date, or an offset in days from the conference date.
The effective date of a relative deadline is computed when it is read, so moving the
conference moves it. Whether a duty is late is derived (deadline passed and not done),
never stored."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import wording


class DeadlineKind(models.TextChoices):
    NONE = "none", _("Không có thời hạn")
    ABSOLUTE = "absolute", _("Đến ngày")
    RELATIVE = "relative", _("Tính theo ngày hội nghị")


def deadline_constraints(prefix: str) -> list[models.CheckConstraint]:
    """The three deadline fields agree with the kind (one rule per model, named by prefix)."""
    valid = (
        Q(deadline_kind=DeadlineKind.NONE, deadline_date__isnull=True, offset_days__isnull=True)
        | Q(
            deadline_kind=DeadlineKind.ABSOLUTE,
            deadline_date__isnull=False,
            offset_days__isnull=True,
        )
        | Q(
            deadline_kind=DeadlineKind.RELATIVE,
            deadline_date__isnull=True,
            offset_days__isnull=False,
        )
    )
    return [models.CheckConstraint(condition=valid, name=f"{prefix}_deadline_consistent")]


class Deadline(models.Model):
    """Abstract: a deadline that is none, a date, or `offset_days` from the conference date
    (negative = before, 0 = on the day, positive = after)."""

    deadline_kind = models.CharField(
        _("loại thời hạn"), max_length=10, choices=DeadlineKind.choices, default=DeadlineKind.NONE
    )
    deadline_date = models.DateField(_("ngày hạn"), null=True, blank=True)
    offset_days = models.SmallIntegerField(
        _("số ngày so với ngày hội nghị"),
        null=True,
        blank=True,
        help_text=_("Số âm: trước ngày hội nghị; 0: đúng ngày; số dương: sau ngày hội nghị."),
    )

    class Meta:
        abstract = True

    def deadline_on(self, conference_date: dt.date | None) -> dt.date | None:
        """The date this deadline falls on for a conference held on `conference_date`."""
        if self.deadline_kind == DeadlineKind.ABSOLUTE:
            return self.deadline_date
        if self.deadline_kind == DeadlineKind.RELATIVE and conference_date is not None:
            return conference_date + dt.timedelta(days=self.offset_days)
        return None

    def deadline_wording(self, conference_date: dt.date | None) -> str:
        """How the deadline reads in Vietnamese ("" when there is none)."""
        if self.deadline_kind == DeadlineKind.NONE:
            return ""
        if self.deadline_kind == DeadlineKind.ABSOLUTE:
            return wording.short_date(self.deadline_date)
        return wording.relative(self.offset_days, conference_date)


class Assignment(models.Model):
    """An agency's part in a conference: lead or in support of another agency's assignment."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Chủ trì")
        SUPPORT = "support", _("Phối hợp")

    conference = models.ForeignKey(
        "conferences.Conference",
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("hội nghị"),
    )
    unit = models.ForeignKey(
        "conferences.Unit",
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name=_("cơ quan, đơn vị"),
    )
    role = models.CharField(_("vai trò"), max_length=10, choices=Role.choices, default=Role.LEAD)
    supports = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supporters",
        verbose_name=_("phối hợp với"),
    )
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    heading = models.CharField(
        _("tiêu đề như in trong kế hoạch"),
        max_length=300,
        help_text=_("Ví dụ: Phòng Nội vụ; Đề nghị Công ty Điện lực Thanh Trì."),
    )
    note = models.TextField(
        _("đoạn ghi chú"),
        blank=True,
        help_text=_("In sau các nhiệm vụ, ví dụ: (Kinh phí thực hiện chi từ ...)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phân công")
        verbose_name_plural = _("phân công")
        ordering = ["conference", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "unit"], name="assignment_unit_once_per_conference"
            ),
            models.CheckConstraint(
                condition=~Q(supports=models.F("id")), name="assignment_not_supporting_itself"
            ),
            models.CheckConstraint(
                condition=Q(role__in=["lead", "support"]), name="assignment_role_valid"
            ),
            models.CheckConstraint(condition=~Q(heading=""), name="assignment_heading_not_blank"),
        ]

    def __str__(self) -> str:
        return self.heading


class DutyStatus(models.TextChoices):
    """Moved only by assignments.workflow.transition_duty (its table lists the moves)."""

    TODO = "todo", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")


# Bootstrap classes of each status's badge.
STATUS_BADGES = {
    DutyStatus.TODO: "text-bg-light border",
    DutyStatus.IN_PROGRESS: "text-bg-info",
    DutyStatus.DONE: "text-bg-success",
}


class Duty(Deadline):
    """One item of an assignment, printed as a line of the plan."""

    Status = DutyStatus

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="duties", verbose_name=_("phân công")
    )
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    text = models.TextField(_("nội dung nhiệm vụ"))
    deadline_label = models.CharField(
        _("thời hạn ghi trong kế hoạch"),
        max_length=200,
        blank=True,
        help_text=_(
            "Lời của kế hoạch, in nghiêng trong ngoặc sau nhiệm vụ, ví dụ: hoàn thành trước 07 "
            "ngày tổ chức Hội nghị; trong tháng 11 năm 2026. Thời hạn ở trên vẫn dùng để nhắc việc."
        ),
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=DutyStatus.choices, default=DutyStatus.TODO
    )
    done_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["assignment", "order", "id"]
        constraints = [
            *deadline_constraints("duty"),
            models.CheckConstraint(
                condition=Q(status__in=DutyStatus.values), name="duty_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=DutyStatus.DONE, done_at__isnull=False)
                | (~Q(status=DutyStatus.DONE) & Q(done_at__isnull=True)),
                name="duty_done_at_iff_done",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="duty_text_not_blank"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def status_badge(self) -> str:
        return STATUS_BADGES.get(self.status, "text-bg-light border")

    @property
    def deadline(self) -> dt.date | None:
        """The effective deadline (needs assignment and conference loaded)."""
        return self.deadline_on(self.assignment.conference.date)

    def days_late(self, today: dt.date) -> int:
        """Days past the deadline when not done; 0 when not late."""
        deadline = self.deadline
        if deadline is None or self.status == DutyStatus.DONE or deadline >= today:
            return 0
        return (today - deadline).days


def update_upload_to(instance, filename: str) -> str:
    return f"assignments/updates/{timezone.localdate():%Y/%m}/{filename}"


class DutyUpdate(models.Model):
    """A status report on a duty, with an optional note and file."""

    duty = models.ForeignKey(
        Duty, on_delete=models.CASCADE, related_name="updates", verbose_name=_("nhiệm vụ")
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("người báo cáo"),
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=DutyStatus.choices)
    note = models.TextField(_("ghi chú"), blank=True)
    file = models.FileField(_("tệp đính kèm"), upload_to=update_upload_to, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=DutyStatus.values), name="dutyupdate_status_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.duty}: {self.get_status_display()}"

    @property
    def file_name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""


class Milestone(Deadline):
    """A dated step of the preparation ("Ngày 23/3/2020: các đơn vị gửi báo cáo ...")."""

    conference = models.ForeignKey(
        "conferences.Conference",
        on_delete=models.CASCADE,
        related_name="milestones",
        verbose_name=_("hội nghị"),
    )
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    title = models.TextField(_("nội dung"))
    date_label = models.CharField(
        _("thời gian như in trong kế hoạch"),
        max_length=100,
        blank=True,
        help_text=_("Để trống để tự ghi theo ngày; ví dụ: Từ ngày 15-17/3/2020."),
    )
    units = models.ManyToManyField(
        "conferences.Unit", blank=True, related_name="+", verbose_name=_("đơn vị thực hiện")
    )
    responsible_text = models.CharField(
        _("đơn vị thực hiện (ghi thêm)"), max_length=500, blank=True
    )

    class Meta:
        verbose_name = _("mốc thời gian")
        verbose_name_plural = _("mốc thời gian")
        ordering = ["conference", "order", "id"]
        constraints = [
            *deadline_constraints("milestone"),
            models.CheckConstraint(condition=~Q(title=""), name="milestone_title_not_blank"),
        ]

    def __str__(self) -> str:
        return self.title[:80]


class DutyTemplate(models.Model):
    """Typical duties of one kind of agency, applied to an assignment with one click."""

    key = models.SlugField(_("mã mẫu"), max_length=50, unique=True)
    name = models.CharField(_("tên mẫu"), max_length=200)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("mẫu nhiệm vụ")
        verbose_name_plural = _("mẫu nhiệm vụ")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name


class DutyTemplateItem(models.Model):
    template = models.ForeignKey(DutyTemplate, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    text = models.TextField(_("nội dung nhiệm vụ"))
    offset_days = models.SmallIntegerField(_("số ngày so với ngày hội nghị"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhiệm vụ mẫu")
        verbose_name_plural = _("nhiệm vụ mẫu")
        ordering = ["template", "order", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class ReminderLog(models.Model):
    """One reminder about one duty to one agency on one day. The unique constraint is what
    makes the daily job send each reminder once however often (or concurrently) it runs."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Sắp đến hạn")
        OVERDUE = "overdue", _("Quá hạn")

    duty = models.ForeignKey(Duty, on_delete=models.CASCADE, related_name="reminders")
    agency = models.ForeignKey("conferences.Unit", on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("ngày nhắc"))
    kind = models.CharField(_("loại nhắc"), max_length=10, choices=Kind.choices)
    # Which run inserted the row: a run emails only what it inserted itself.
    run_id = models.UUIDField(db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lần nhắc hạn")
        verbose_name_plural = _("lần nhắc hạn")
        constraints = [
            models.UniqueConstraint(
                fields=["duty", "agency", "date", "kind"], name="reminder_once_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.agency_id}: {self.duty_id}"
