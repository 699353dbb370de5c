from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """An Excel file too large to import while the page waits: the worker checks it (a dry
    run) and, once the user confirms, writes it. The file stays under MEDIA_ROOT until the
    job is over; the report (totals and row errors) is kept on the row."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang chạy")
        CHECKED = "checked", _("Tệp hợp lệ, chờ ghi")
        REFUSED = "refused", _("Tệp có lỗi, chưa ghi gì")
        DONE = "done", _("Đã ghi vào hệ thống")
        FAILED = "failed", _("Lỗi")

    kind = models.CharField(_("loại dữ liệu"), max_length=40)
    params = models.JSONField(default=dict, blank=True)
    file = models.FileField(upload_to="imports/", blank=True, max_length=300)
    filename = models.CharField(_("tên tệp"), max_length=255)
    dry_run = models.BooleanField(default=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lượt nhập Excel")
        verbose_name_plural = _("lượt nhập Excel")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    status__in=["queued", "running", "checked", "refused", "done", "failed"]
                ),
                name="import_job_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.filename

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("import_job", kwargs={"pk": self.pk})

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
