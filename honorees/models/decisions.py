from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from conferences.models.review import ReviewFields
from core.signers import SignerFields


class AwardDecision(SignerFields, ReviewFields):
    """Quyết định khen thưởng: who is honoured, with what, and the money. The office drafts it,
    the leader approves (signs) or returns it with a reason, the văn thư issues it: the number
    from the register and the date are given at issue."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        APPROVED = "approved", _("Lãnh đạo đã duyệt, chờ văn thư ban hành")
        ISSUED = "issued", _("Đã ban hành")

    round = models.ForeignKey(
        "honorees.NominationRound", on_delete=models.PROTECT, related_name="decisions"
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    return_reason = models.TextField(_("lý do lãnh đạo trả lại"), blank=True)
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    type_code = models.CharField(_("mã loại văn bản"), max_length=10, default="QĐ")
    issuer_code = models.CharField(_("mã cơ quan ban hành"), max_length=30, default="UBND")
    date = models.DateField(_("ngày quyết định"))
    place = models.CharField(_("địa danh"), max_length=100)
    subject = models.CharField(_("trích yếu"), max_length=300)
    authority = models.CharField(
        _("thẩm quyền ban hành"),
        max_length=200,
        help_text=_("Ví dụ: CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG"),
    )
    legal_bases = models.TextField(_("căn cứ ban hành (mỗi dòng một căn cứ)"))
    proposing_body = models.CharField(_("cơ quan đề nghị"), max_length=300)
    prize_source = models.CharField(_("nguồn kinh phí khen thưởng"), max_length=300, blank=True)
    executors = models.TextField(_("cơ quan, cá nhân thi hành (Điều 3)"), blank=True)
    recipients = models.TextField(_("nơi nhận (mỗi dòng một nơi)"), blank=True)
    # The signer block's fields come from core.signers.SignerFields.
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    signed_at = models.DateTimeField(null=True, blank=True)
    # The văn thư who gave the number and issued the decision.
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The office may switch the public verification page of the decision and its
    # certificates off (the page then reads as an unknown code).
    publish_verification = models.BooleanField(_("công khai trang xác minh"), default=True)

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="draft", number__isnull=True)
                | models.Q(status="approved", number__isnull=True, signed_at__isnull=False)
                | models.Q(
                    status="issued",
                    number__isnull=False,
                    signed_at__isnull=False,
                    issued_at__isnull=False,
                ),
                name="decision_number_only_when_issued",
            )
        ]

    def __str__(self) -> str:
        return f"Quyết định {self.number_text or '(chưa có số)'}: {self.subject}"

    @property
    def number_text(self) -> str:
        """ "05/QĐ-UBND": numbers below 10 take a leading zero."""
        return self.format_number(self.number)

    def format_number(self, number: int | None) -> str:
        """How `number` reads on this decision ("" for none)."""
        if number is None:
            return ""
        return f"{number:02d}/{self.type_code}-{self.issuer_code}"


class AwardLine(models.Model):
    """One honouree in a decision, with the award and the money fixed for it."""

    decision = models.ForeignKey(AwardDecision, on_delete=models.CASCADE, related_name="lines")
    nomination = models.OneToOneField(
        "honorees.Nomination", on_delete=models.PROTECT, related_name="award_line"
    )
    award_form = models.ForeignKey("honorees.AwardForm", on_delete=models.PROTECT, related_name="+")
    amount = models.PositiveIntegerField(_("tiền thưởng (đồng)"), default=0)
    # The honouree's sequence number within the decision (NĐ 98/2023 Điều 104), given 1..n in
    # the list's order when the decision is issued; printed on the certificate.
    gold_book_number = models.PositiveIntegerField(_("số sổ vàng"), null=True, blank=True)
    # How the amount was computed on the decision's date, kept as it was: a later change of
    # the rules or of the base does not alter an issued decision.
    coefficient = models.DecimalField(
        _("hệ số"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    base_amount = models.PositiveIntegerField(_("mức cơ sở (đồng)"), null=True, blank=True)
    base_series = models.CharField(_("tên mức cơ sở"), max_length=100, blank=True)
    rule_set = models.CharField(_("văn bản quy định mức thưởng"), max_length=100, blank=True)
    # Set when a revoking decision (thu hồi) takes the award back.
    revocation = models.ForeignKey(
        "honorees.Revocation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lines",
        verbose_name=_("quyết định thu hồi"),
    )

    class Meta:
        verbose_name = _("người, tập thể được khen")
        verbose_name_plural = _("người, tập thể được khen")
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "gold_book_number"], name="awardline_gold_book_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nomination} — {self.award_form}"
