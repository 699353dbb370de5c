"""The conference plan (Kế hoạch): header, ordered sections as structured data, revisions
frozen on each submission, leaders' comments, and the organiser's register of numbers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from conferences.models.review import ReviewFields
from core.signers import SignerFields


class DocumentStatus(models.TextChoices):
    """The path of a document the office drafts and a leader approves before it is issued:
    the plan's, and the summary report's (reports.models.ReportStatus)."""

    DRAFT = "draft", _("Dự thảo")
    PENDING_APPROVAL = "pending_approval", _("Chờ duyệt")
    RETURNED = "returned", _("Trả lại để sửa")
    APPROVED = "approved", _("Đã duyệt")
    ISSUED = "issued", _("Đã ban hành")


PlanStatus = DocumentStatus

# Bootstrap colour of each status's badge (the others are grey).
STATUS_BADGES = {
    DocumentStatus.ISSUED: "success",
    DocumentStatus.APPROVED: "primary",
    DocumentStatus.PENDING_APPROVAL: "warning",
    DocumentStatus.RETURNED: "danger",
}


def type_code_field(example: str, help_text) -> models.CharField:
    """The part of the number after the slash ("KH-UBND"), `example` by default."""
    return models.CharField(
        _("ký hiệu văn bản"), max_length=30, default=example, help_text=help_text
    )


def subject_field(help_text) -> models.TextField:
    return models.TextField(_("trích yếu"), help_text=help_text)


class IssuedDocument(SignerFields):
    """The header (thể thức) and status of a document a conference issues under a number: the
    plan, the summary report (reports.models.SummaryReport). A subclass adds its conference
    link, its `type_code` and `subject` (type_code_field, subject_field: the words differ by
    document) and its constraints."""

    status = models.CharField(
        _("trạng thái"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    # Header (thể thức): the two columns, number and place-date.
    parent_body = models.CharField(_("cơ quan chủ quản"), max_length=200, blank=True)
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200)
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    place = models.CharField(_("địa danh"), max_length=100)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    # Nơi nhận; the signer block's fields come from core.signers.SignerFields.
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    type_code: str
    subject: str

    class Meta:
        abstract = True

    @property
    def status_badge(self) -> str:
        return STATUS_BADGES.get(self.status, "secondary")

    @property
    def number_line(self) -> str:
        """ "Số: 330/KH-UBND", or blank before the number is taken."""
        number = f"{self.number:02d}" if self.number else "      "
        return f"Số: {number}/{self.type_code}"

    @property
    def subject_lines(self) -> list[str]:
        return [line.strip() for line in self.subject.splitlines() if line.strip()]


class Plan(IssuedDocument, ReviewFields):
    """One plan per conference. After issue it is read-only; an amendment reopens it as a
    draft with its own revisions and takes a new number when issued again."""

    conference = models.OneToOneField(
        "conferences.Conference", on_delete=models.CASCADE, related_name="plan"
    )
    type_code = type_code_field("KH-UBND", _("Phần sau dấu gạch chéo của số, ví dụ KH-UBND."))
    undated_month = models.DateField(
        _("tháng ghi trên bản chưa ban hành"),
        null=True,
        blank=True,
        help_text=_(
            "In “ngày    tháng <tháng> năm <năm>” khi kế hoạch chưa ban hành. Để trống: tháng "
            "gửi duyệt (trước khi gửi duyệt: tháng hiện tại)."
        ),
    )
    subject = subject_field(_("Mỗi dòng là một dòng của trích yếu dưới chữ KẾ HOẠCH."))
    amendment = models.PositiveSmallIntegerField(_("lần sửa đổi"), default=0)

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=PlanStatus.values), name="plan_status_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="issued")
                | models.Q(number__isnull=False, issued_on__isnull=False),
                name="plan_issued_has_number_and_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Kế hoạch: {self.conference}"


class PlanSection(models.Model):
    """One section of the plan. `content` holds the kind's structured data (see
    conferences.plans.content); numbering is computed from order and level unless
    `number` overrides it."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Nội dung (đoạn văn, gạch đầu dòng)")
        LEGAL_BASIS = "legal_basis", _("Căn cứ, văn bản thực hiện")
        TIME = "time", _("Thời gian (theo thông tin hội nghị)")
        VENUE = "venue", _("Địa điểm (theo thông tin hội nghị)")
        COMPOSITION = "composition", _("Thành phần, số lượng đại biểu (từ phần Đại biểu)")
        PROGRAMME = "programme", _("Chương trình hội nghị")
        DECORATION = "decoration", _("Makét, trang trí, khẩu hiệu")
        IMPLEMENTATION = "implementation", _("Tổ chức thực hiện (từ phần Phân công)")
        STEPS = "steps", _("Các bước, tiến độ (từ phần Phân công)")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    level = models.PositiveSmallIntegerField(
        _("cấp mục"),
        default=1,
        choices=[(0, _("Không đánh số")), (1, _("Mục lớn (I, II)")), (2, _("Mục (1, 2)")),
                 (3, _("Tiểu mục (2.1)")), (4, _("Ý có gạch đầu dòng (-)"))],
    )  # fmt: skip
    kind = models.CharField(_("loại mục"), max_length=20, choices=Kind.choices)
    heading = models.CharField(_("tiêu đề mục"), max_length=300, blank=True)
    number = models.CharField(
        _("số mục tự đặt"), max_length=10, blank=True, help_text=_("Để trống để đánh số tự động.")
    )
    inline = models.BooleanField(
        _("nội dung liền sau tiêu đề"),
        default=False,
        help_text=_('Ví dụ: "1. Thời gian: Dự kiến ngày ..." trên cùng một dòng.'),
    )
    nest = models.PositiveSmallIntegerField(
        _("đặt vào trong ý phía trên"),
        default=0,
        help_text=_(
            "Số cấp thụt vào: 1 đặt cả mục (makét, chương trình, các ý) vào trong ý đứng ngay "
            "trước nó, ví dụ trong nhiệm vụ của một cơ quan."
        ),
    )
    # "3.2": print this section right after the 2nd duty of the 3rd agency of "Tổ chức thực
    # hiện" (a maket or programme inside one agency's duties, before its next duty).
    after_duty = models.CharField(
        _("đặt sau nhiệm vụ"),
        max_length=10,
        blank=True,
        help_text=_(
            "Số thứ tự cơ quan và nhiệm vụ trong mục Tổ chức thực hiện, ví dụ 3.2: in mục này "
            "ngay sau nhiệm vụ thứ 2 của cơ quan thứ 3. Để trống: in đúng chỗ của mục."
        ),
    )
    content = models.JSONField(_("nội dung"), default=dict, blank=True)
    # Raised by each saved edit: an edit made from an older version is a conflict, not a
    # silent overwrite of a colleague's text.
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mục kế hoạch")
        verbose_name_plural = _("mục kế hoạch")
        ordering = ["plan", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__lte=4), name="plansection_level_at_most_4"
            ),
        ]

    def __str__(self) -> str:
        return self.heading or self.get_kind_display()


class PlanRevision(models.Model):
    """A frozen copy of the plan as sent for approval (or issued): what leaders compare."""

    class Event(models.TextChoices):
        SUBMITTED = "submitted", _("Gửi duyệt")
        ISSUED = "issued", _("Ban hành")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("lần"))
    event = models.CharField(max_length=20, choices=Event.choices, default=Event.SUBMITTED)
    amendment = models.PositiveSmallIntegerField(default=0)
    snapshot = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiên bản kế hoạch")
        verbose_name_plural = _("phiên bản kế hoạch")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="planrevision_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.plan} — phiên bản {self.number}"


class PlanRevisionSeen(models.Model):
    """The last revision a leader has looked at, so the next review shows only what changed."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(PlanRevision, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "user"], name="planrevisionseen_one_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} đã xem {self.revision}"


class PlanComment(models.Model):
    """A leader's comment on a section (or the whole plan) of a revision."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="comments")
    revision = models.ForeignKey(
        PlanRevision, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    section = models.ForeignKey(
        PlanSection, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments"
    )
    section_label = models.CharField(max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("ý kiến"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến về kế hoạch")
        verbose_name_plural = _("ý kiến về kế hoạch")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]
