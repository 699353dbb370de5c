from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SeatAllocation(models.Model):
    """How many delegates of a category a unit sends. The unit's submitter names them."""

    category = models.ForeignKey(
        "delegates.DelegateCategory",
        on_delete=models.CASCADE,
        related_name="allocations",
        verbose_name=_("thành phần"),
    )
    unit = models.ForeignKey(
        "conferences.Unit",
        on_delete=models.CASCADE,
        related_name="seat_allocations",
        verbose_name=_("đơn vị"),
    )
    seats = models.PositiveIntegerField(_("số đại biểu được phân bổ"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phân bổ đại biểu")
        verbose_name_plural = _("phân bổ đại biểu")
        ordering = ["category__order", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["category", "unit"], name="allocation_unique_unit"),
            models.CheckConstraint(
                condition=Q(seats__gte=0),
                name="allocation_seats_not_negative",
                violation_error_message=_("Số đại biểu không được âm."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.category}: {self.seats}"
