"""The award ceremony of a conference: how the office groups the honoured on stage, what the
MC says for each group, and each honouree's photo, slide line, story and consent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_GROUP_SIZE = 10


class CeremonySetting(models.Model):
    """The office's choices for one conference's ceremony (one row, made on first edit)."""

    conference = models.OneToOneField(
        "conferences.Conference", on_delete=models.CASCADE, related_name="ceremony_setting"
    )
    group_size = models.PositiveSmallIntegerField(
        _("số người mỗi lượt lên sân khấu"),
        default=DEFAULT_GROUP_SIZE,
        help_text=_("Thường 8 đến 12 người, vừa một hàng trên sân khấu."),
    )
    background = models.FileField(
        _("ảnh nền trình chiếu (JPEG, không bắt buộc)"),
        upload_to="ceremony/backgrounds/",
        blank=True,
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("thiết lập lễ trao thưởng")
        verbose_name_plural = _("thiết lập lễ trao thưởng")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(group_size__gte=1, group_size__lte=50),
                name="ceremony_group_size_range",
            )
        ]

    def __str__(self) -> str:
        return f"Lễ trao thưởng — {self.conference}"


class CeremonyGroupNote(models.Model):
    """What the office set for the n-th group on stage: its presenter (a leader of the
    organiser, or a name typed in) and the MC's words when edited by hand (blank: the words
    generated from the data are read)."""

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="ceremony_groups"
    )
    number = models.PositiveSmallIntegerField(_("lượt"))
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lãnh đạo trao thưởng"),
    )
    presenter_text = models.CharField(
        _("hoặc ghi tên, chức vụ người trao"), max_length=200, blank=True
    )
    words = models.TextField(_("lời dẫn của người dẫn chương trình"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lượt trao thưởng")
        verbose_name_plural = _("lượt trao thưởng")
        ordering = ["conference", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "number"], name="ceremony_group_once_per_number"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="ceremony_group_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"Lượt {self.number} — {self.conference}"


class HonoureeProfile(models.Model):
    """An honouree of an issued decision as shown on stage and on the honour board."""

    line = models.OneToOneField(
        "honorees.AwardLine", on_delete=models.CASCADE, related_name="ceremony_profile"
    )
    photo = models.FileField(_("ảnh chân dung"), upload_to="ceremony/photos/%Y/", blank=True)
    photo_width = models.PositiveSmallIntegerField(default=0, editable=False)
    photo_height = models.PositiveSmallIntegerField(default=0, editable=False)
    slide_line = models.CharField(
        _("thành tích tóm tắt (một dòng trên màn hình)"), max_length=200, blank=True
    )
    story = models.TextField(_("câu chuyện ngắn (bảng vinh danh)"), max_length=3000, blank=True)
    consent = models.BooleanField(
        _("đồng ý công khai ảnh và câu chuyện"),
        default=False,
        help_text=_("Chỉ người đã đồng ý mới hiện trên bảng vinh danh công khai."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("hồ sơ vinh danh")
        verbose_name_plural = _("hồ sơ vinh danh")

    def __str__(self) -> str:
        return f"Hồ sơ vinh danh — {self.line.nomination}"
