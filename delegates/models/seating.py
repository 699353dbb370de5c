"""The hall of the conference: blocks of rows and seats in front of the stage, and who sits
where. Row 1 is the front row (nearest the stage); seats are numbered from the left as seen
from the hall, facing the stage."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AisleSide(models.TextChoices):
    LEFT = "left", _("Bên trái khu")
    RIGHT = "right", _("Bên phải khu")
    BOTH = "both", _("Cả hai bên")


class SeatingPlan(models.Model):
    """One per conference: the stage's label and which categories sit in the front rows
    (leaders, guests)."""

    conference = models.OneToOneField(
        "conferences.Conference",
        on_delete=models.CASCADE,
        related_name="seating_plan",
        verbose_name=_("hội nghị"),
    )
    stage_label = models.CharField(_("chữ ghi ở sân khấu"), max_length=100, default="SÂN KHẤU")
    front_categories = models.ManyToManyField(
        "delegates.DelegateCategory",
        blank=True,
        related_name="+",
        verbose_name=_("thành phần ngồi hàng đầu (lãnh đạo, khách mời)"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("sơ đồ chỗ ngồi")
        verbose_name_plural = _("sơ đồ chỗ ngồi")

    def __str__(self) -> str:
        return f"Sơ đồ chỗ ngồi — {self.conference}"


class HallBlock(models.Model):
    """A block of seats ("Khu B (giữa)"): `rows` rows of `seats_per_row` seats, the aisle on
    `aisle_side` (where "near the aisle" is), the first `reserved_rows` rows kept for the
    front categories."""

    plan = models.ForeignKey(
        SeatingPlan, on_delete=models.CASCADE, related_name="blocks", verbose_name=_("sơ đồ")
    )
    order = models.PositiveSmallIntegerField(_("thứ tự từ trái sang phải"), default=1)
    name = models.CharField(_("tên khu"), max_length=60)
    rows = models.PositiveSmallIntegerField(_("số hàng"))
    seats_per_row = models.PositiveSmallIntegerField(_("số ghế mỗi hàng"))
    aisle_side = models.CharField(
        _("lối đi"), max_length=5, choices=AisleSide.choices, default=AisleSide.BOTH
    )
    reserved_rows = models.PositiveSmallIntegerField(
        _("số hàng đầu dành cho lãnh đạo, khách mời"), default=0
    )

    class Meta:
        verbose_name = _("khu ghế")
        verbose_name_plural = _("khu ghế")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "order"], name="hallblock_order_unique"),
            models.UniqueConstraint(fields=["plan", "name"], name="hallblock_name_unique"),
            models.CheckConstraint(
                condition=Q(rows__gte=1, rows__lte=60, seats_per_row__gte=1, seats_per_row__lte=60),
                name="hallblock_size_sane",
                violation_error_message=_("Mỗi khu có từ 1 đến 60 hàng, mỗi hàng từ 1 đến 60 ghế."),
            ),
            models.CheckConstraint(
                condition=Q(aisle_side__in=AisleSide.values), name="hallblock_aisle_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def short_name(self) -> str:
        """ "Khu B" of "Khu B (giữa)"."""
        return self.name.split(" (")[0].strip() or self.name

    def aisle_distance(self, number: int) -> int:
        """How many seats lie between this seat and the aisle (0: on the aisle)."""
        left, right = number - 1, self.seats_per_row - number
        if self.aisle_side == AisleSide.LEFT:
            return left
        if self.aisle_side == AisleSide.RIGHT:
            return right
        return min(left, right)


class Seat(models.Model):
    """A seat, and the delegate sitting there (one seat per delegate: the one-to-one).
    `by_hand`: the delegate was put here by a person; automatic placement keeps it."""

    block = models.ForeignKey(
        HallBlock, on_delete=models.CASCADE, related_name="seats", verbose_name=_("khu")
    )
    row = models.PositiveSmallIntegerField(_("hàng"))
    number = models.PositiveSmallIntegerField(_("ghế số"))
    reserved = models.BooleanField(_("dành cho lãnh đạo, khách mời"), default=False)
    delegate = models.OneToOneField(
        "delegates.Delegate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="seat",
        verbose_name=_("đại biểu"),
    )
    by_hand = models.BooleanField(_("xếp tay"), default=False)

    class Meta:
        verbose_name = _("ghế")
        verbose_name_plural = _("ghế")
        ordering = ["block__order", "row", "number"]
        constraints = [
            models.UniqueConstraint(fields=["block", "row", "number"], name="seat_unique_position"),
            models.CheckConstraint(
                condition=Q(row__gte=1, number__gte=1), name="seat_numbers_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """ "Khu B – Hàng 2 – Ghế 5" (the place card's line)."""
        return f"{self.block.short_name} – Hàng {self.row} – Ghế {self.number}"

    @property
    def desk_label(self) -> str:
        """ "Khu B, hàng 2, ghế 5" (what the check-in desk tells the delegate)."""
        return f"{self.block.short_name}, hàng {self.row}, ghế {self.number}"
