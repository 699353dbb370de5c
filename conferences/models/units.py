from django.db import models
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh, thành phố trực thuộc trung ương")
    DISTRICT = "district", _("Huyện, quận, thị xã (trước 01/7/2025)")
    COMMUNE = "commune", _("Xã, phường, đặc khu")
    OFFICE = "office", _("Cơ quan, phòng, ban chuyên môn")
    ORGANISATION = "organisation", _("Tổ chức Đảng, Mặt trận, đoàn thể")
    VILLAGE = "village", _("Thôn, tổ dân phố")
    SCHOOL = "school", _("Trường học")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    AGENCY = "agency", _("Cơ quan ngoài (công an, quân sự, điện lực, báo chí...)")


# Longest first: "thành phố" before "thị xã"...
PLACE_LEVELS = (
    "thành phố",
    "thị trấn",
    "thị xã",
    "đặc khu",
    "phường",
    "huyện",
    "quận",
    "tỉnh",
    "xã",
)


class Unit(MP_Node):
    """An organisation in an office's world: a province, a commune, one of its offices,
    a village, a school, an outside agency. Units form a tree (materialised path), so the
    whole of an office's world is one prefix query."""

    Kind = UnitKind

    ORGANISER_KINDS = (Kind.PROVINCE, Kind.DISTRICT, Kind.COMMUNE)

    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    code = models.CharField(_("mã đơn vị"), max_length=50, unique=True)
    # The national code of an administrative unit (QĐ 19/2025/QĐ-TTg): 2 digits for a province,
    # 5 for a commune. Empty for offices, villages, schools and agencies.
    official_code = models.CharField(_("mã đơn vị hành chính"), max_length=10, blank=True)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=Kind.choices)
    active = models.BooleanField(_("đang hoạt động"), default=True)
    # An office that drafts for an organiser above it (the Ban Thi đua - Khen thưởng of the Sở
    # Nội vụ for the UBND tỉnh, the Phòng Nội vụ for a UBND huyện): its staff and leaders work
    # as the organiser's staff, and its leader checks the plan and the award decision before
    # the organiser's leader decides (conferences.review_chain).
    drafting_for = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="drafting_offices",
        verbose_name=_("tham mưu cho"),
    )

    node_order_by = None

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=UnitKind.values), name="unit_kind_valid"
            ),
            models.CheckConstraint(condition=~models.Q(code=""), name="unit_code_not_blank"),
            models.UniqueConstraint(
                fields=["official_code"],
                condition=~models.Q(official_code=""),
                name="unit_official_code_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_organiser(self) -> bool:
        """Province, district and commune people's committees organise conferences."""
        return self.kind in self.ORGANISER_KINDS

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def place_name(self) -> str:
        """The place a document is dated at: "Ủy ban nhân dân huyện Thanh Trì" -> "Thanh Trì"."""
        name = self.name
        for prefix in ("Ủy ban nhân dân ", "UBND "):
            name = name.removeprefix(prefix)
        for level in PLACE_LEVELS:
            if name.lower().startswith(level + " "):
                return name[len(level) + 1 :]
        return name
