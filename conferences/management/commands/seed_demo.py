"""Load the demo world. Safe to run again: what exists is left as it is."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.db import transaction

from conferences.demo.plans import seed_demo_plans
from conferences.demo.units import DRAFTING, TREE, USERS
from conferences.models import Conference, Membership, Unit, User
from core.extensions import demo_seeders

DEMO_PASSWORD = "thidua2025"  # noqa: S105 - printed for the demo; never used outside it
ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (đơn vị, người dùng mọi vai trò, hội nghị) và in thông tin đăng nhập."

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet-logins", action="store_true", help="Không in thông tin đăng nhập."
        )

    @transaction.atomic
    def handle(self, *args, **options):
        for node in TREE:
            self._ensure_unit(node, parent=None)
        self._ensure_users()
        self._ensure_conferences()
        for seeder in demo_seeders():
            seeder(self.stdout)
        # Plans last: the reference conferences come from the other apps' seeders.
        seed_demo_plans(self.stdout)
        # Last: the demo's plans and decisions above were made before the check existed.
        self._ensure_drafting()
        if not options["quiet_logins"]:
            self._print_logins()

    def _ensure_unit(self, node, parent):
        code, name, short_name, kind, children = node
        unit = Unit.objects.filter(code=code).first()
        if unit is None:
            unit = Unit(code=code, name=name, short_name=short_name, kind=kind)
            unit = (
                Unit.objects.add_child(parent, instance=unit)
                if parent
                else Unit.objects.add_root(instance=unit)
            )
        for child in children:
            self._ensure_unit(child, parent=unit)
        return unit

    def _ensure_drafting(self):
        for office, organiser in DRAFTING.items():
            Unit.objects.filter(code=office, drafting_for__isnull=True).update(
                drafting_for=Unit.objects.get(code=organiser)
            )

    def _ensure_users(self):
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            User.objects.create_superuser(
                ADMIN_USERNAME, "admin@localhost", DEMO_PASSWORD, full_name="Quản trị hệ thống"
            )
        for username, full_name, role, code, position in USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(
                    username,
                    f"{username.replace('.', '-')}@demo.local",
                    DEMO_PASSWORD,
                    full_name=full_name,
                )
            Membership.objects.get_or_create(
                user=user,
                unit=Unit.objects.get(code=code),
                role=role,
                defaults={"position": position},
            )

    def _ensure_conferences(self):
        thanh_tri = Unit.objects.get(code="HN-TT")
        Conference.objects.get_or_create(
            organiser=thanh_tri,
            title=(
                "Hội nghị biểu dương điển hình tiên tiến, người tốt, việc tốt; Tổng kết Cuộc thi viết "
                "về gương điển hình tiên tiến, người tốt, việc tốt trong phong trào thi đua yêu nước "
                "huyện Thanh Trì năm 2024"
            ),
            defaults={
                "kind": Conference.Kind.GOOD_DEEDS_CONTEST,
                "start_year": 2024,
                "end_year": 2024,
                "date": dt.date(2024, 10, 8),
                "date_is_expected": True,
                "start_time": dt.time(8, 0),
                "end_time": dt.time(11, 0),
                "length": Conference.Length.SESSION,
                "venue": "Trung tâm Văn hóa, Thông tin và Thể thao huyện Thanh Trì",
            },
        )
        Conference.objects.get_or_create(
            organiser=Unit.objects.get(code="HP-TH"),
            title="Hội nghị điển hình tiên tiến xã Thượng Hồng giai đoạn 2025 - 2030",
            defaults={
                "kind": Conference.Kind.EXEMPLAR_FIVE_YEAR,
                "start_year": 2025,
                "end_year": 2030,
                "ordinal": "I",
                "date": dt.date(2026, 12, 18),
                "date_is_expected": True,
                "start_time": dt.time(7, 30),
                "end_time": dt.time(11, 30),
                "length": Conference.Length.HALF_DAY,
                "venue": "Hội trường Ủy ban nhân dân xã Thượng Hồng",
            },
        )

    def _print_logins(self):
        self.stdout.write(
            self.style.SUCCESS(f"\nTài khoản dùng thử (mật khẩu chung: {DEMO_PASSWORD})")
        )
        rows = [(ADMIN_USERNAME, "Quản trị hệ thống (toàn quyền)", "")]
        rows += [(u, Membership(role=r).get_role_display(), c) for u, _n, r, c, _p in USERS]
        for username, role, code in rows:
            unit = Unit.objects.filter(code=code).values_list("name", flat=True).first() or ""
            self.stdout.write(f"  {username:<18} {role}{' — ' + unit if unit else ''}")
        self.stdout.write("")
