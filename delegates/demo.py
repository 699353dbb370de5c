"""Demo data: the delegate composition of each reference plan, seat allocations and about
thirty delegates for Thượng Hồng. Idempotent: what exists is left as it is."""

import datetime as dt

from django.utils import timezone

from conferences.models import Conference, Unit

from . import demo_data as data
from .models import (
    CompositionRule,
    Delegate,
    DelegateCategory,
    DelegateRound,
    InvitationStatus,
    SeatAllocation,
    Source,
)


def _unit(code, name, short_name, kind, parent=None) -> Unit:
    """Get-or-create by code: another app's seeder may have made it already."""
    unit = Unit.objects.filter(code=code).first()
    if unit is not None:
        return unit
    unit = Unit(code=code, name=name, short_name=short_name, kind=kind)
    return (
        Unit.objects.add_child(parent, instance=unit)
        if parent
        else Unit.objects.add_root(instance=unit)
    )


def _conference(organiser, title, **defaults) -> Conference:
    existing = Conference.objects.filter(organiser=organiser, title__startswith=title[:60]).first()
    return existing or Conference.objects.create(organiser=organiser, title=title, **defaults)


def _categories(conference, rows, parent=None) -> list[DelegateCategory]:
    made = []
    for order, (title, kind, low, high, share, noun, honoree, lines, subs) in enumerate(
        rows, start=1
    ):
        category, _ = DelegateCategory.objects.get_or_create(
            conference=conference,
            parent=parent,
            title=title,
            defaults={
                "order": order,
                "target_kind": kind,
                "target_min": low,
                "target_max": high,
                "share_percent": share,
                "noun": noun,
                "is_honoree_category": honoree,
                "description": "\n".join(lines),
            },
        )
        made.append(category)
        _categories(conference, subs, parent=category)
    return made


def _seed_thanh_tri() -> None:
    conference = Conference.objects.filter(
        organiser__code="HN-TT", title__startswith=data.THANH_TRI_TITLE_START
    ).first()
    if conference is not None:
        _categories(conference, data.THANH_TRI)


def _seed_van_yen() -> None:
    province = _unit("HT", "Ủy ban nhân dân tỉnh Hà Tĩnh", "UBND tỉnh Hà Tĩnh", "province")
    ward = _unit(
        "HT-VY", "Ủy ban nhân dân phường Văn Yên", "UBND phường Văn Yên", "commune", province
    )
    conference = _conference(
        ward,
        "Hội nghị điển hình tiên tiến phường Văn Yên giai đoạn 2020 - 2025",
        kind=Conference.Kind.EXEMPLAR_FIVE_YEAR,
        start_year=2020,
        end_year=2025,
        length=Conference.Length.SESSION,
        date_precision=Conference.DatePrecision.QUARTER,
        date=dt.date(2020, 3, 31),
    )
    _categories(conference, data.VAN_YEN)
    CompositionRule.objects.get_or_create(
        conference=conference,
        kind=CompositionRule.Kind.TOTAL,
        defaults={"total_max": 100, "note": data.VAN_YEN_TOTAL_NOTE},
    )
    DelegateRound.objects.get_or_create(conference=conference, defaults={"line_marker": "plus"})


DUC_GIANG_DATE_NOTE = (
    "Do tình hình dịch bệnh Covid - 19 đang diễn biến phức tạp, nên ngày tổ chức sẽ được "
    "thông báo sau"
)


def _seed_duc_giang() -> None:
    hanoi = Unit.objects.filter(code="HN").first()
    if hanoi is None:
        return
    ward = _unit(
        "HN-DG", "Ủy ban nhân dân phường Đức Giang", "UBND phường Đức Giang", "commune", hanoi
    )
    conference = _conference(
        ward,
        "Hội nghị điển hình tiên tiến phường Đức Giang tiến tới Đại hội thi đua yêu nước các cấp giai đoạn 2020-2025",
        kind=Conference.Kind.EXEMPLAR_FIVE_YEAR,
        start_year=2020,
        end_year=2025,
        length=Conference.Length.HALF_DAY,
        date_precision=Conference.DatePrecision.MONTH,
        date=dt.date(2020, 3, 1),
        date_note=DUC_GIANG_DATE_NOTE,
    )
    _categories(conference, data.DUC_GIANG)
    DelegateRound.objects.get_or_create(conference=conference, defaults={"line_marker": "plus"})


def _person(conference, key, category, **fields) -> None:
    Delegate.objects.get_or_create(
        conference=conference, source_key=f"demo:{key}", defaults={"category": category, **fields}
    )


def _seed_thuong_hong_people(conference, official, secretaries, honorees, guests, units) -> None:
    for i, (name, gender, year, ethnicity, position, sector, producer, code) in enumerate(
        data.THUONG_HONG_PEOPLE
    ):
        _person(
            conference,
            f"th:{i}",
            official,
            full_name=name,
            gender=gender,
            birth_year=year,
            title="Bà" if gender == "female" else "Ông",
            ethnicity=ethnicity,
            position=position,
            sector=sector,
            works_directly_in_production=producer,
            unit=units[code],
            unit_name=units[code].name,
            source=Source.UNIT,
            invitation_status=InvitationStatus.INVITED if i % 3 else InvitationStatus.CONFIRMED,
        )
    for i, (name, gender, year, code) in enumerate(data.THUONG_HONG_SECRETARIES):
        _person(
            conference,
            f"th:bt{i}",
            secretaries,
            full_name=name,
            gender=gender,
            birth_year=year,
            title="Ông",
            position="Bí thư chi bộ",
            sector="party_state",
            unit=units[code],
            unit_name=units[code].name,
            source=Source.UNIT,
        )
    for i, (name, gender, year, position, unit_name) in enumerate(data.THUONG_HONG_GUESTS):
        _person(
            conference,
            f"th:g{i}",
            guests,
            full_name=name,
            gender=gender,
            birth_year=year,
            title="Bà" if gender == "female" else "Ông",
            position=position,
            unit_name=unit_name,
            sector="party_state",
            source=Source.GUEST,
            invitation_status=InvitationStatus.INVITED,
        )
    collectives = honorees.sublines.get(title="Tập thể tiêu biểu")
    for i, name in enumerate(data.THUONG_HONG_COLLECTIVES):
        _person(
            conference,
            f"th:c{i}",
            collectives,
            full_name=name,
            is_collective=True,
            ethnicity="",
            unit_name=name,
            sector="economy",
            source=Source.HONOREE,
        )


def _seed_thuong_hong() -> None:
    conference = Conference.objects.filter(
        organiser__code="HP-TH", start_year=2025, end_year=2030
    ).first()
    if conference is None:
        return
    guests, official, honorees = _categories(conference, data.THUONG_HONG)
    secretaries = official.sublines.get(title__startswith="Bí thư")
    CompositionRule.objects.get_or_create(
        conference=conference, kind="total", defaults={"total_min": 120, "total_max": 150}
    )
    for attribute, low in (("female", 30), ("direct_producer", 20)):
        CompositionRule.objects.get_or_create(
            conference=conference,
            kind="structure",
            attribute=attribute,
            defaults={"min_percent": low},
        )
    deadline = timezone.make_aware(dt.datetime(2026, 12, 10, 17, 0))
    DelegateRound.objects.get_or_create(conference=conference, defaults={"deadline": deadline})
    codes = [*data.THUONG_HONG_SEATS, *data.VILLAGES]
    units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    for code, seats in data.THUONG_HONG_SEATS.items():
        SeatAllocation.objects.get_or_create(
            category=official, unit=units[code], defaults={"seats": seats}
        )
    for code in data.VILLAGES:
        SeatAllocation.objects.get_or_create(
            category=secretaries, unit=units[code], defaults={"seats": 1}
        )
    _seed_thuong_hong_people(conference, official, secretaries, honorees, guests, units)


def seed_demo_hall(stdout) -> None:
    """Thượng Hồng's hall (3 blocks of 8 rows of 10 seats, the front row for the leaders)
    with its delegates placed. Runs after the other apps' seeders (the awards app adds the
    honourees); a hall already there is kept, and placing again keeps the moves by hand."""
    from conferences.models import Membership, Role

    from .models import SeatingPlan
    from .services import place_automatically, set_up_hall

    conference = Conference.objects.filter(
        organiser__code="HP-TH", start_year=2025, end_year=2030
    ).first()
    staff = Membership.objects.filter(unit__code="HP-TH", role=Role.STAFF).first()
    if conference is None or staff is None:
        return
    if not SeatingPlan.objects.filter(conference=conference).exists():
        set_up_hall(
            conference=conference,
            blocks=3,
            rows=8,
            seats_per_row=10,
            reserved_rows=1,
            by=staff.user,
        )
    result = place_automatically(conference=conference, by=staff.user)
    stdout.write(f"Chỗ ngồi: hội trường xã Thượng Hồng, {result.placed} đại biểu đã xếp chỗ.")


def seed_demo_delegates(stdout) -> None:
    _seed_thanh_tri()
    _seed_van_yen()
    _seed_duc_giang()
    _seed_thuong_hong()
    stdout.write(
        "Đại biểu: thành phần của 4 kế hoạch mẫu, phân bổ và danh sách mẫu xã Thượng Hồng."
    )
