from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewFields(models.Model):
    """The drafting office's check before the leader decides (conferences.review_chain): who
    checked the document as sent, and when. Cleared each time it is sent again."""

    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người kiểm tra"),
    )
    reviewed_at = models.DateTimeField(_("thời điểm kiểm tra"), null=True, blank=True)

    class Meta:
        abstract = True
