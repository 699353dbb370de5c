"""The summary report of the emulation movement (Báo cáo tổng kết phong trào thi đua): a header
like the plan's, ordered sections whose text may carry live figures ([[key]] tokens, see
reports.figures), and the figures frozen when the report is issued."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from conferences.plans.models import (
    DocumentStatus,
    IssuedDocument,
    subject_field,
    type_code_field,
)

# The plan's path: drafted, approved by a leader, issued under a number.
ReportStatus = DocumentStatus


class SummaryReport(IssuedDocument):
    """One summary report per conference. Its figures are computed from the data at each
    preview and print until it is issued; issuing freezes them in `frozen_figures`."""

    conference = models.OneToOneField(
        "conferences.Conference", on_delete=models.CASCADE, related_name="summary_report"
    )
    type_code = type_code_field("BC-UBND", _("Phần sau dấu gạch chéo của số, ví dụ BC-UBND."))
    subject = subject_field(_("Mỗi dòng là một dòng của trích yếu dưới chữ BÁO CÁO."))
    return_comment = models.TextField(_("ý kiến trả lại của lãnh đạo"), blank=True)
    # The figures as they were when the report was issued (None before): what it prints then.
    frozen_figures = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("báo cáo tổng kết")
        verbose_name_plural = _("báo cáo tổng kết")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ReportStatus.values), name="report_status_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="issued")
                | models.Q(
                    number__isnull=False, issued_on__isnull=False, frozen_figures__isnull=False
                ),
                name="report_issued_has_number_date_figures",
            ),
        ]

    def __str__(self) -> str:
        return f"Báo cáo tổng kết: {self.conference}"


class ReportSection(models.Model):
    """One section of the report: a heading and text items (the plan's text content,
    conferences.plans.content), or the table of awards by form."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Nội dung (đoạn văn, gạch đầu dòng, số liệu)")
        AWARDS_TABLE = "awards_table", _("Bảng kết quả khen thưởng theo hình thức")

    report = models.ForeignKey(SummaryReport, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    level = models.PositiveSmallIntegerField(
        _("cấp mục"),
        default=1,
        choices=[(0, _("Không đánh số")), (1, _("Mục lớn (I, II)")), (2, _("Mục (1, 2)")),
                 (3, _("Tiểu mục (2.1)"))],
    )  # fmt: skip
    kind = models.CharField(_("loại mục"), max_length=20, choices=Kind.choices, default="text")
    heading = models.CharField(_("tiêu đề mục"), max_length=300, blank=True)
    content = models.JSONField(_("nội dung"), default=dict, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mục báo cáo")
        verbose_name_plural = _("mục báo cáo")
        ordering = ["report", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__lte=3), name="reportsection_level_at_most_3"
            ),
        ]

    def __str__(self) -> str:
        return self.heading or self.get_kind_display()
