from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class GeneratedDocument(models.Model):
    """One rendering of one document kind for one target, in one format.

    Rendered by a worker; the page polls `status` and `progress_*`. A READY row with the
    same `content_hash` is reused instead of rendering the same content again."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ")
        RENDERING = "rendering", _("Đang tạo")
        READY = "ready", _("Đã xong")
        FAILED = "failed", _("Lỗi")

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"
        # A batch of one file per person (certificates) or a folder (the honour board).
        ZIP = "zip", _("ZIP")
        XLSX = "xlsx", _("Excel (XLSX)")
        PPTX = "pptx", _("PowerPoint (PPTX)")

    kind = models.CharField(_("loại văn bản"), max_length=50)
    fmt = models.CharField(_("định dạng"), max_length=10, choices=Format.choices)
    title = models.CharField(_("tên văn bản"), max_length=300)
    params = models.JSONField(default=dict, blank=True)
    scope_unit = models.ForeignKey("conferences.Unit", on_delete=models.CASCADE, related_name="+")
    conference = models.ForeignKey(
        "conferences.Conference",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.CharField(max_length=64)
    content_hash = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    warnings = models.JSONField(default=list, blank=True)
    file = models.FileField(upload_to="documents/", blank=True, max_length=300)
    filename = models.CharField(max_length=200, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # The lease of the render: the worker refreshes it while it works; a rendering row whose
    # heartbeat is older than DOCUMENTS_LEASE_SECONDS lost its worker (kill -9, power cut)
    # and is queued again (services.recover_stalled_documents).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    # The Celery task id of the current dispatch: a message redelivered after a lost worker
    # carries it and may take the row over; any other copy waits for the lease to expire.
    task_id = models.CharField(max_length=64, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("văn bản đã tạo")
        verbose_name_plural = _("văn bản đã tạo")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress_done__lte=models.F("progress_total"))
                | models.Q(progress_total=0),
                name="document_progress_bounded",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="ready") | ~models.Q(file=""),
                name="document_ready_has_file",
            ),
            # One render at a time of the same content: a double-clicked print button (even
            # two clicks at once) gets the same job.
            models.UniqueConstraint(
                fields=["content_hash", "fmt"],
                condition=models.Q(status__in=["pending", "rendering"]),
                name="document_one_active_render",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_fmt_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RENDERING)

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY

    @property
    def is_failed(self) -> bool:
        return self.status == self.Status.FAILED

    @property
    def status_badge(self) -> str:
        return {self.Status.READY: "success", self.Status.FAILED: "danger"}.get(
            self.status, "secondary"
        )

    @property
    def percent(self) -> int:
        if self.status == self.Status.READY:
            return 100
        return int(100 * self.progress_done / self.progress_total) if self.progress_total else 0


class CertificateSetting(models.Model):
    """How an organiser prints one kind of certificate: its own full design (optionally on
    an uploaded background) or only the variable fields on pre-printed blanks, with the
    millimetre adjustments the office found with the calibration page."""

    class Kind(models.TextChoices):
        MERIT = "giay_khen", _("Giấy khen")
        RECOGNITION = "giay_chung_nhan", _("Giấy chứng nhận")
        RECOGNITION_DIPLOMA = "bang_chung_nhan", _("Bằng chứng nhận")

    class Mode(models.TextChoices):
        DESIGN = "design", _("In toàn bộ mẫu (viền, quốc huy, tiêu đề)")
        BLANK = "blank", _("In lên phôi có sẵn (chỉ in phần thông tin)")

    organiser = models.ForeignKey(
        "conferences.Unit", on_delete=models.CASCADE, related_name="certificate_settings"
    )
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.MERIT)
    mode = models.CharField(_("cách in"), max_length=10, choices=Mode.choices, default=Mode.DESIGN)
    issuer_title = models.CharField(
        _("dòng chức danh người tặng"),
        max_length=200,
        help_text=_("Ví dụ: CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG"),
    )
    background = models.FileField(
        _("ảnh nền riêng (JPEG/PNG, khổ A4 ngang)"),
        upload_to="certificate-backgrounds/",
        blank=True,
    )
    shift_x_mm = models.DecimalField(
        _("dịch cả trang sang phải (mm)"), max_digits=5, decimal_places=1, default=0
    )
    shift_y_mm = models.DecimalField(
        _("dịch cả trang xuống dưới (mm)"), max_digits=5, decimal_places=1, default=0
    )
    offsets = models.JSONField(_("dịch từng trường (mm)"), default=dict, blank=True)

    class Meta:
        verbose_name = _("mẫu in giấy khen")
        verbose_name_plural = _("mẫu in giấy khen")
        constraints = [
            models.UniqueConstraint(
                fields=["organiser", "kind"], name="certificate_setting_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    shift_x_mm__gte=-50, shift_x_mm__lte=50, shift_y_mm__gte=-50, shift_y_mm__lte=50
                ),
                name="certificate_shift_reasonable",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.organiser}"


class TrustRoot(models.Model):
    """A root (or intermediate) CA certificate that signed copies are checked against, uploaded
    by an administrator (the Ban Cơ yếu's roots are not shipped with the program). Only active
    ones are trusted."""

    name = models.CharField(_("tên"), max_length=200)
    certificate = models.BinaryField(_("chứng thư (DER)"))
    subject = models.CharField(_("chủ thể"), max_length=500, blank=True)
    fingerprint = models.CharField(_("dấu vân tay SHA-256"), max_length=64, unique=True)
    not_after = models.DateTimeField(_("hết hạn"), null=True, blank=True)
    active = models.BooleanField(_("đang dùng"), default=True)
    created_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    class Meta:
        verbose_name = _("chứng thư gốc tin cậy")
        verbose_name_plural = _("chứng thư gốc tin cậy")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SignedCopy(models.Model):
    """A signed PDF of an issued document (a plan, an award decision) that the văn thư
    uploaded, with what the server found when it checked it. A valid one is the official
    file; an invalid one is kept with its reason."""

    class Status(models.TextChoices):
        VALID = "valid", _("Hợp lệ")
        INVALID = "invalid", _("Không hợp lệ")

    kind = models.CharField(_("loại văn bản"), max_length=50)
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.CharField(max_length=64)
    scope_unit = models.ForeignKey("conferences.Unit", on_delete=models.CASCADE, related_name="+")
    # The number of the issue the copy was checked against ("05/QĐ-UBND"): an amended plan
    # takes a new number and its old signed copies stop being official.
    number_text = models.CharField(_("số, ký hiệu"), max_length=100)
    file = models.FileField(upload_to="signed/%Y/%m/", max_length=300)
    filename = models.CharField(_("tên tệp"), max_length=200)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    status = models.CharField(_("kết quả"), max_length=10, choices=Status.choices)
    reason = models.TextField(_("lý do"), blank=True)
    # One dict per signature: field, intact, coverage, signer, organisation, time, trusted,
    # messages (Vietnamese).
    signatures = models.JSONField(default=list, blank=True)
    # The comparison with the issued text: number, date, subject found; body lines found/total.
    text_check = models.JSONField(default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    class Meta:
        verbose_name = _("bản ký số")
        verbose_name_plural = _("bản ký số")
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["valid", "invalid"]), name="signedcopy_status"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="invalid") | ~models.Q(reason=""),
                name="signedcopy_invalid_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Bản ký số {self.number_text} ({self.get_status_display()})"

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID
