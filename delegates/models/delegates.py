import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.sorting import SortKeyed, SortKeyField, SortKeyQuerySet
from core.vntext import name_sort_string
from core.vocabulary import Sector


class Title(models.TextChoices):
    MR = "Ông", _("Ông")
    MRS = "Bà", _("Bà")


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class Source(models.TextChoices):
    GUEST = "guest", _("Khách mời")
    UNIT = "unit", _("Đơn vị cử")
    HONOREE = "honoree", _("Được biểu dương, khen thưởng")


class InvitationStatus(models.TextChoices):
    """Moved only by delegates.workflow (its table lists the moves)."""

    TO_INVITE = "to_invite", _("Chưa mời")
    INVITED = "invited", _("Đã mời")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    DECLINED = "declined", _("Từ chối")


def new_invitation_token() -> str:
    return secrets.token_urlsafe(16)


class Delegate(SortKeyed, models.Model):
    """A person (or a collective's representative) in the conference's register."""

    Title = Title
    Gender = Gender
    Sector = Sector
    Source = Source
    Status = InvitationStatus

    conference = models.ForeignKey(
        "conferences.Conference",
        on_delete=models.CASCADE,
        related_name="delegates",
        verbose_name=_("hội nghị"),
    )
    category = models.ForeignKey(
        "delegates.DelegateCategory",
        on_delete=models.PROTECT,
        related_name="delegates",
        verbose_name=_("thành phần"),
    )
    title = models.CharField(_("danh xưng"), max_length=3, choices=Title.choices, blank=True)
    full_name = models.CharField(_("họ và tên"), max_length=300)
    is_collective = models.BooleanField(_("là tập thể"), default=False)
    # name_sort_string(full_name): the register's name order (a collective's name as written);
    # kept current by SortKeyed on every write.
    sort_key = SortKeyField()
    gender = models.CharField(_("giới tính"), max_length=6, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    ethnicity = models.CharField(_("dân tộc"), max_length=50, default="Kinh", blank=True)
    position = models.CharField(_("chức vụ"), max_length=300, blank=True)
    unit = models.ForeignKey(
        "conferences.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegates",
        verbose_name=_("đơn vị"),
    )
    unit_name = models.CharField(_("tên đơn vị"), max_length=300, blank=True)
    sector = models.CharField(_("lĩnh vực"), max_length=12, choices=Sector.choices, blank=True)
    works_directly_in_production = models.BooleanField(
        _("trực tiếp sản xuất, lao động"), default=False
    )
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    source = models.CharField(_("nguồn"), max_length=10, choices=Source.choices)
    # Who registered this person from another app ("honorees.nomination:12"): one row each.
    source_key = models.CharField(_("mã nguồn"), max_length=100, blank=True)
    invitation_status = models.CharField(
        _("tình trạng mời"),
        max_length=10,
        choices=InvitationStatus.choices,
        default=InvitationStatus.TO_INVITE,
    )
    invitation_token = models.CharField(
        _("mã giấy mời"), max_length=40, unique=True, default=new_invitation_token, editable=False
    )
    present_at = models.DateTimeField(_("có mặt lúc"), null=True, blank=True)
    seat_or_zone = models.CharField(_("chỗ ngồi, khu vực"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SortKeyQuerySet.as_manager()

    SORT_KEY_SOURCES = ("full_name", "is_collective")

    class Meta:
        verbose_name = _("đại biểu")
        verbose_name_plural = _("đại biểu")
        ordering = ["category__order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "source_key"],
                condition=~Q(source_key=""),
                name="delegate_source_key_unique",
            ),
            models.CheckConstraint(
                condition=Q(invitation_status__in=InvitationStatus.values),
                name="delegate_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(source__in=Source.values), name="delegate_source_valid"
            ),
            models.CheckConstraint(condition=~Q(full_name=""), name="delegate_name_not_blank"),
        ]
        indexes = [
            models.Index(fields=["conference", "category", "unit"]),
            models.Index(fields=["conference", "sort_key"], name="delegate_name_order"),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.full_name}".strip()

    def make_sort_key(self) -> str:
        return name_sort_string(self.full_name, as_written=self.is_collective)

    @property
    def place_label(self) -> str:
        """Where the delegate sits, for lists: the seat of the seating plan ("Khu B, hàng 2,
        ghế 5") when there is one, otherwise what the office wrote (seat or zone). Read with
        select_related("seat__block")."""
        seat = getattr(self, "seat", None)  # none: Django raises an AttributeError subclass
        return seat.desk_label if seat is not None else self.seat_or_zone

    @property
    def unit_label(self) -> str:
        return self.unit_name or (self.unit.name if self.unit_id else "")

    @property
    def is_present(self) -> bool:
        return self.present_at is not None

    @property
    def has_declined(self) -> bool:
        return self.invitation_status == InvitationStatus.DECLINED
