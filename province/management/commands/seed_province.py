"""Generate a province of communes with years of conferences and signed decisions, for
trying the roll-up and measuring it. Not for production databases."""

from django.core.management.base import BaseCommand, CommandError

from conferences.models import Unit
from province.generator import generate_province


class Command(BaseCommand):
    help = "Tạo một tỉnh mẫu (các xã, hội nghị, quyết định khen thưởng) để thử và đo tốc độ."

    def add_arguments(self, parser):
        parser.add_argument("--communes", type=int, default=120, help="Số xã (mặc định 120).")
        parser.add_argument("--years", type=int, default=5, help="Số năm (mặc định 5).")
        parser.add_argument(
            "--lines", type=int, default=420, help="Số người được khen mỗi xã mỗi năm (420)."
        )
        parser.add_argument("--last-year", type=int, default=2025, help="Năm cuối (2025).")
        parser.add_argument("--prefix", default="MAU", help="Mã tỉnh mẫu (mặc định MAU).")

    def handle(self, *args, **options):
        if options["communes"] < 1 or options["years"] < 1 or options["lines"] < 0:
            raise CommandError("Số xã, số năm phải từ 1 trở lên; số người được khen không âm.")
        if Unit.objects.filter(code=options["prefix"]).exists():
            raise CommandError(f"Đã có đơn vị mang mã {options['prefix']}: chọn --prefix khác.")
        result = generate_province(
            communes=options["communes"],
            years=options["years"],
            lines_per_commune=options["lines"],
            last_year=options["last_year"],
            prefix=options["prefix"],
        )
        self.stdout.write(
            f"{result.province.name}: {len(result.communes)} xã, {len(result.years)} năm "
            f"({result.years[0]}-{result.years[-1]}), {len(result.conferences)} hội nghị, "
            f"{result.lines} người, tập thể được khen."
        )
