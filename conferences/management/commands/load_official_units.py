"""Create a province's communes (xã, phường, đặc khu) with their official codes. Safe to run
again: units already there are kept and get the code attached."""

from django.core.management.base import BaseCommand, CommandError

from conferences.official_units import load_official_units, official_provinces
from core.errors import DomainError


class Command(BaseCommand):
    help = "Nạp danh mục đơn vị hành chính (tỉnh và các xã, phường, đặc khu) theo mã chính thức."

    def add_arguments(self, parser):
        parser.add_argument("--province", help="Mã tỉnh, thành phố (ví dụ 01 là Hà Nội).")
        parser.add_argument("--list", action="store_true", help="In danh sách mã các tỉnh.")

    def handle(self, *args, **options):
        if options["list"] or not options["province"]:
            for province in official_provinces():
                self.stdout.write(f"{province.code}  {province.place}")
            if not options["list"]:
                raise CommandError("Hãy chọn một tỉnh: --province <mã>.")
            return
        try:
            report = load_official_units(province_code=options["province"], by=None)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"{report.province.name}: {report.summary}.")
