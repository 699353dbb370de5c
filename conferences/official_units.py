"""The official register of administrative units: a province and its communes (xã, phường, đặc
khu) with their national codes, as the `vietnam-provinces` package ships them (the units in force
since 1 July 2025, codes of QĐ 19/2025/QĐ-TTg).

Loading is idempotent and keeps what the office already has: a unit that already carries the
official code is left alone; a unit of the same kind and name (compared without diacritics, so
"Thuỷ" and "Thủy" agree) gets the code attached instead of a twin; only the rest is created."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from core.errors import DomainError, require_permission
from core.vntext import fold

from .models import Unit, User
from .services import log_activity

BODY = "Ủy ban nhân dân"
SHORT_BODY = "UBND"


@dataclass(frozen=True)
class OfficialUnit:
    """One administrative unit of the register, in the words our units use."""

    code: str  # "01" for a province, "00004" for a commune
    kind: str  # Unit.Kind value
    place: str  # "thành phố Hà Nội", "tỉnh Cao Bằng", "xã Thượng Hồng"

    @property
    def name(self) -> str:
        return f"{BODY} {self.place}"

    @property
    def short_name(self) -> str:
        return f"{SHORT_BODY} {self.place}"

    @property
    def unit_code(self) -> str:
        return f"DVHC-{self.code}"


@dataclass
class LoadReport:
    province: Unit | None = None
    created: list[str] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def summary(self) -> str:
        return (
            f"{len(self.created)} đơn vị mới, {len(self.matched)} đơn vị có sẵn được gắn mã, "
            f"{self.unchanged} đơn vị đã có mã"
        )


def official_provinces() -> list[OfficialUnit]:
    """The 34 provinces and centrally-run cities, by code."""
    from vietnam_provinces import Province, VietNamDivisionType

    def place(p) -> str:
        if p.division_type == VietNamDivisionType.TINH:
            return f"tỉnh {p.name.removeprefix('Tỉnh ')}"
        return "thành phố " + p.name.removeprefix("Thành phố ")

    provinces = [
        OfficialUnit(code=f"{int(p.code):02d}", kind=Unit.Kind.PROVINCE, place=place(p))
        for p in Province.iter_all()
    ]
    return sorted(provinces, key=lambda u: u.code)


def official_communes(province_code: str) -> list[OfficialUnit]:
    """The communes, wards and special zones of one province, by code."""
    from vietnam_provinces import Ward

    communes = [
        OfficialUnit(
            code=f"{int(w.code):05d}",
            kind=Unit.Kind.COMMUNE,
            place=w.name[:1].lower() + w.name[1:],  # "Xã Thượng Hồng" -> "xã Thượng Hồng"
        )
        for w in Ward.iter_by_province(int(province_code))
    ]
    return sorted(communes, key=lambda u: u.code)


def find_province(code: str) -> OfficialUnit:
    code = code.strip().zfill(2)
    for province in official_provinces():
        if province.code == code:
            return province
    raise DomainError(f"Không có tỉnh, thành phố nào mang mã {code}.", field="province")


def _match_key(kind: str, name: str) -> tuple[str, str]:
    return kind, fold(name.removeprefix(BODY).strip())


@transaction.atomic
def load_official_units(*, province_code: str, by: User | None) -> LoadReport:
    """Create (or find) the province and every commune of it in the register.
    `by` is the system administrator doing it; None when a management command runs it.
    Side effects: unit rows (new ones, or the official code on existing ones), one activity
    entry for the whole load."""
    if by is not None:
        require_permission(by.is_superuser, "Chỉ quản trị hệ thống được nạp danh mục đơn vị.")
    official = find_province(province_code)
    report = LoadReport()
    province = _ensure(
        official, parent=None, candidates=Unit.objects.get_root_nodes(), report=report
    )
    report.province = province
    existing = list(Unit.objects.get_tree(province).filter(kind=Unit.Kind.COMMUNE))
    for commune in official_communes(official.code):
        _ensure(commune, parent=province, candidates=existing, report=report)
    log_activity(
        actor=by,
        action="unit.official_loaded",
        summary=f"Nạp danh mục đơn vị hành chính {official.place}: {report.summary}",
        target=province,
        scope_unit=province,
    )
    return report


def _ensure(official: OfficialUnit, *, parent: Unit | None, candidates, report: LoadReport):
    coded = Unit.objects.filter(official_code=official.code).first()
    if coded is not None:
        report.unchanged += 1
        return coded
    key = (official.kind, fold(official.place))
    for unit in candidates:
        if not unit.official_code and _match_key(unit.kind, unit.name) == key:
            unit.official_code = official.code
            unit.save(update_fields=["official_code"])
            report.matched.append(unit.name)
            return unit
    if Unit.objects.filter(code=official.unit_code).exists():
        raise DomainError(f"Mã đơn vị {official.unit_code} đã được dùng cho đơn vị khác.")
    unit = Unit(
        name=official.name,
        short_name=official.short_name,
        code=official.unit_code,
        official_code=official.code,
        kind=official.kind,
    )
    unit = (
        Unit.objects.add_child(parent, instance=unit)
        if parent
        else Unit.objects.add_root(instance=unit)
    )
    if parent is not None:
        parent.refresh_from_db(fields=["numchild"])
    report.created.append(unit.name)
    return unit
