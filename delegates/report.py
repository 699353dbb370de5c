"""The composition report: the register's structure by gender, age band, ethnicity, sector
and direct producers. Declined delegates are left out."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from conferences.models import Conference

from .models import Delegate, Gender, InvitationStatus, Sector

AGE_BANDS = (
    (0, 29, "Dưới 30 tuổi"),
    (30, 45, "Từ 30 đến 45 tuổi"),
    (46, 60, "Từ 46 đến 60 tuổi"),
    (61, 200, "Trên 60 tuổi"),
)
UNKNOWN = "Chưa rõ"
FIELDS = ("gender", "birth_year", "ethnicity", "sector", "works_directly_in_production")


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    total: int

    @property
    def percent(self) -> int:
        return round(self.count * 100 / self.total) if self.total else 0


@dataclass(frozen=True)
class Section:
    title: str
    bars: list[Bar]


def reference_year(conference: Conference) -> int:
    return (conference.date or timezone.localdate()).year


def age_band(birth_year: int | None, year: int) -> str:
    if not birth_year:
        return UNKNOWN
    age = year - birth_year
    return next((label for low, high, label in AGE_BANDS if low <= age <= high), UNKNOWN)


def _rows(conference: Conference) -> list[dict]:
    return list(
        Delegate.objects.filter(conference=conference)
        .filter(~Q(invitation_status=InvitationStatus.DECLINED))
        .values(*FIELDS)
    )


def _bars(counter: Counter, labels: list[str], total: int) -> list[Bar]:
    extra = [k for k in counter if k not in labels]
    return [Bar(label, counter[label], total) for label in [*labels, *extra] if counter[label]]


def structure(conference: Conference) -> list[Section]:
    rows = _rows(conference)
    total = len(rows)
    year = reference_year(conference)
    gender = dict(Gender.choices)
    sector = dict(Sector.choices)
    genders = Counter(str(gender.get(r["gender"], UNKNOWN)) for r in rows)
    ages = Counter(age_band(r["birth_year"], year) for r in rows)
    ethnicities = Counter(r["ethnicity"] or UNKNOWN for r in rows)
    sectors = Counter(str(sector.get(r["sector"], UNKNOWN)) for r in rows)
    producers = Counter(
        "Trực tiếp sản xuất, lao động" if r["works_directly_in_production"] else "Khác"
        for r in rows
    )
    return [
        Section("Giới tính", _bars(genders, ["Nam", "Nữ", UNKNOWN], total)),
        Section("Độ tuổi", _bars(ages, [b[2] for b in AGE_BANDS] + [UNKNOWN], total)),
        Section(
            "Dân tộc", _bars(ethnicities, sorted(ethnicities, key=lambda k: -ethnicities[k]), total)
        ),
        Section("Lĩnh vực", _bars(sectors, [str(v) for v in sector.values()] + [UNKNOWN], total)),
        Section(
            "Người trực tiếp sản xuất",
            _bars(producers, ["Trực tiếp sản xuất, lao động", "Khác"], total),
        ),
    ]


def attribute_counts(conference: Conference) -> dict[str, int]:
    """Counts for the structure rules (CompositionRule.Attribute)."""
    rows = _rows(conference)
    year = reference_year(conference)
    return {
        "female": sum(r["gender"] == Gender.FEMALE for r in rows),
        "direct_producer": sum(bool(r["works_directly_in_production"]) for r in rows),
        "ethnic_minority": sum(bool(r["ethnicity"]) and r["ethnicity"] != "Kinh" for r in rows),
        "under_35": sum(bool(r["birth_year"]) and year - r["birth_year"] < 35 for r in rows),
    }
