"""Clearance before the council (xác nhận, hiệp y): the office asks an outside agency (Công an,
Thuế, BHXH, Thanh tra...) whether it objects to any nominee of a round, by a deadline; the
agency answers per nominee, and an objection holds the nominee until the office resolves it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ClearanceRequest(models.Model):
    """One agency asked about the nominees of a round sent at the time of asking."""

    round = models.ForeignKey(
        "honorees.NominationRound", on_delete=models.CASCADE, related_name="clearance_requests"
    )
    agency = models.ForeignKey(
        "conferences.Unit",
        on_delete=models.PROTECT,
        related_name="clearance_requests",
        verbose_name=_("cơ quan được hỏi ý kiến"),
    )
    deadline = models.DateField(_("hạn trả lời"))
    note = models.TextField(_("nội dung đề nghị"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The last day the agency was reminded of its answers still missing (once a day at most).
    reminded_on = models.DateField(_("ngày nhắc gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("đề nghị xác nhận, hiệp y")
        verbose_name_plural = _("đề nghị xác nhận, hiệp y")
        ordering = ["deadline", "agency__path", "id"]

    def __str__(self) -> str:
        return f"{self.agency} — {self.round}"

    @property
    def is_past_deadline(self) -> bool:
        return timezone.localdate() > self.deadline


class ClearanceAnswer(models.Model):
    """The agency's answer about one nominee; an objection waits for the office's resolution."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chưa trả lời")
        CLEARED = "cleared", _("Không có ý kiến khác")
        OBJECTED = "objected", _("Có ý kiến không đồng ý")
        RESOLVED = "resolved", _("Ý kiến đã được xử lý")

    BADGES = {
        Status.PENDING: "secondary",
        Status.CLEARED: "success",
        Status.OBJECTED: "danger",
        Status.RESOLVED: "info",
    }

    request = models.ForeignKey(ClearanceRequest, on_delete=models.CASCADE, related_name="answers")
    nomination = models.ForeignKey(
        "honorees.Nomination", on_delete=models.CASCADE, related_name="clearance_answers"
    )
    status = models.CharField(
        _("ý kiến"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(_("lý do không đồng ý"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    resolution = models.TextField(_("kết quả xử lý ý kiến"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ý kiến về người được đề nghị")
        verbose_name_plural = _("ý kiến về người được đề nghị")
        ordering = ["request", "nomination__kind", "nomination_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "nomination"], name="clearance_answer_one_per_nominee"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["pending", "cleared", "objected", "resolved"]),
                name="clearance_answer_status_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["objected", "resolved"]) | ~models.Q(reason=""),
                name="clearance_objection_has_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="resolved") | ~models.Q(resolution=""),
                name="clearance_resolution_has_note",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request.agency}: {self.nomination} — {self.get_status_display()}"

    @property
    def status_badge(self) -> str:
        return self.BADGES.get(self.status, "secondary")
