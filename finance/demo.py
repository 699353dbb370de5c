"""Demo data: an estimate for Thượng Hồng's conference (hall, decoration, printing, meals,
gifts; the prize lines follow its decision), and Thượng Hồng's fund book with this year's
balance brought forward and a grant. Thanh Trì's 2024 book has a grant and its decision's prize
money, entered when the decision was issued. Idempotent."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from conferences.models import Conference, Unit, User

from .models import BudgetEstimate, FundEntry
from .services import add_fund_entry, create_estimate, save_line

LINES = [
    ("hall", "Thuê hội trường, âm thanh, ánh sáng", "buổi", 1, 3_000_000),
    ("decoration", "Makét, phông sân khấu, hoa tươi", "gói", 1, 2_500_000),
    ("printing", "In giấy mời, giấy khen, tài liệu", "bộ", 120, 15_000),
    ("catering", "Nước uống đại biểu", "suất", 150, 20_000),
    ("gifts", "Khung giấy khen", "cái", 40, 45_000),
    ("other", "Chi khác (văn phòng phẩm)", "gói", 1, 500_000),
]


def seed_demo_finance(stdout) -> None:
    conference = (
        Conference.objects.filter(organiser__code="HP-TH", nomination_rounds__isnull=False)
        .order_by("pk")
        .first()
    )
    canbo = User.objects.filter(username="canbo").first()
    if conference is None or canbo is None:
        return
    if not BudgetEstimate.objects.filter(conference=conference).exists():
        estimate = create_estimate(conference=conference, by=canbo)
        for group, description, unit_label, quantity, price in LINES:
            save_line(
                estimate=estimate, by=canbo, group=group, description=description,
                unit_label=unit_label, quantity=Decimal(quantity), unit_price=price,
            )  # fmt: skip
        stdout.write(f"Kinh phí: dự trù cho “{conference.title}”.")
    office = Unit.objects.get(pk=conference.organiser_id)
    if not FundEntry.objects.filter(unit=office, decision__isnull=True).exists():
        year = timezone.localdate().year
        add_fund_entry(
            unit=office, by=canbo, date=dt.date(year, 1, 2), kind=FundEntry.Kind.INCOME,
            amount=25_000_000, description="Số dư quỹ năm trước chuyển sang", voucher="PT01",
        )  # fmt: skip
        add_fund_entry(
            unit=office, by=canbo, date=dt.date(year, 3, 15), kind=FundEntry.Kind.INCOME,
            amount=30_000_000, description="Ngân sách xã cấp bổ sung quỹ thi đua, khen thưởng",
            voucher="PT02",
        )  # fmt: skip
        stdout.write("Kinh phí: sổ quỹ thi đua, khen thưởng của xã Thượng Hồng.")
    _seed_thanh_tri_fund()


def _seed_thanh_tri_fund() -> None:
    """Thanh Trì's 2024 book: the grant before its decision's prize money (entered at issue)."""
    office = Unit.objects.filter(code="HN-TT").first()
    officer = User.objects.filter(username="thanhtri").first()
    if office is None or officer is None:
        return
    if FundEntry.objects.filter(unit=office, decision__isnull=True).exists():
        return
    add_fund_entry(
        unit=office, by=officer, date=dt.date(2024, 1, 15), kind=FundEntry.Kind.INCOME,
        amount=40_000_000, description="Ngân sách huyện cấp quỹ thi đua, khen thưởng năm 2024",
        voucher="PT01",
    )  # fmt: skip
