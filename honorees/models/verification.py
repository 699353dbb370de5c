"""Verification of issued awards: a short code per issued decision and per certificate (each
reissue gets its own), printed with a QR code and opened on a public page; the revoking
decisions (thu hồi) and the handover of each certificate."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: a code read aloud or typed from paper is not mistaken.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10


class Revocation(models.Model):
    """Quyết định thu hồi: revokes some awards (lines) of an issued decision."""

    decision = models.ForeignKey(
        "honorees.AwardDecision", on_delete=models.PROTECT, related_name="revocations"
    )
    number = models.CharField(_("số quyết định thu hồi"), max_length=50)
    date = models.DateField(_("ngày quyết định thu hồi"))
    issuer = models.CharField(_("người, cơ quan ký quyết định thu hồi"), max_length=200)
    reason = models.TextField(_("lý do thu hồi"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định thu hồi khen thưởng")
        verbose_name_plural = _("quyết định thu hồi khen thưởng")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"Quyết định thu hồi số {self.number} ngày {self.date:%d/%m/%Y}"


class VerificationCode(models.Model):
    """A code opening the public verification page: of a decision (line empty) or of one
    certificate of a line (issue 0 the original, n the n-th reissue). The handover of a
    certificate is recorded on its row."""

    class ReissueReason(models.TextChoices):
        DAMAGED = "damaged", _("Bị hỏng")
        MISPRINTED = "misprinted", _("In sai tên, thông tin")
        LOST = "lost", _("Bị mất")
        OTHER = "other", _("Lý do khác")

    code = models.CharField(_("mã xác minh"), max_length=16, unique=True)
    decision = models.ForeignKey(
        "honorees.AwardDecision", on_delete=models.CASCADE, related_name="verification_codes"
    )
    line = models.ForeignKey(
        "honorees.AwardLine",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="certificates",
    )
    issue = models.PositiveSmallIntegerField(_("lần cấp lại"), default=0)
    reissue_reason = models.CharField(
        _("lý do cấp lại"), max_length=20, choices=ReissueReason.choices, blank=True
    )
    reissue_note = models.CharField(_("ghi rõ lý do"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    hits = models.PositiveIntegerField(_("số lần tra cứu"), default=0)
    last_hit_at = models.DateTimeField(null=True, blank=True)
    handed_to = models.CharField(_("người nhận"), max_length=150, blank=True)
    handed_at = models.DateTimeField(_("thời điểm nhận"), null=True, blank=True)
    handed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The first page of the certificate as issued, rasterised once (on the first request).
    image = models.FileField(upload_to="honorees/verification/", blank=True)

    class Meta:
        verbose_name = _("mã xác minh")
        verbose_name_plural = _("mã xác minh")
        ordering = ["decision", "line", "issue"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision"],
                condition=models.Q(line__isnull=True),
                name="verification_one_per_decision",
            ),
            models.UniqueConstraint(fields=["line", "issue"], name="verification_issue_once"),
            models.CheckConstraint(
                condition=models.Q(issue=0, reissue_reason="")
                | models.Q(issue__gt=0, line__isnull=False) & ~models.Q(reissue_reason=""),
                name="verification_reissue_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(handed_at__isnull=True, handed_to="")
                | models.Q(handed_at__isnull=False, line__isnull=False) & ~models.Q(handed_to=""),
                name="verification_handover_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def is_certificate(self) -> bool:
        return self.line_id is not None

    @property
    def code_text(self) -> str:
        """ "ABCDE-FGHJK": easier to read from paper (the dash is ignored when typed)."""
        half = len(self.code) // 2
        return f"{self.code[:half]}-{self.code[half:]}"

    @property
    def reissue_reason_text(self) -> str:
        if self.reissue_reason == self.ReissueReason.OTHER and self.reissue_note:
            return self.reissue_note
        label = str(self.get_reissue_reason_display())
        return f"{label}: {self.reissue_note}" if self.reissue_note else label
