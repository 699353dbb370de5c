"""The organiser's register of document numbers: one counter per organiser, document type and
year, shared by plans, decisions and every numbered paper (conferences.numbering hands them out)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentNumberRegister(models.Model):
    """The organiser's register (sổ đăng ký văn bản) for one type of document in one year.
    `conferences.numbering.next_number` locks the row, so numbers never repeat."""

    unit = models.ForeignKey(
        "conferences.Unit", on_delete=models.CASCADE, related_name="number_registers"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    type_code = models.CharField(_("mã loại văn bản"), max_length=30)
    last_number = models.PositiveIntegerField(_("số đã cấp gần nhất"), default=0)

    class Meta:
        verbose_name = _("sổ đăng ký văn bản")
        verbose_name_plural = _("sổ đăng ký văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "type_code"], name="register_one_per_unit_type_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year} {self.type_code}: {self.last_number}"
