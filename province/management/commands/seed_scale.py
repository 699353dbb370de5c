"""Generate a province at the size of a real December (communes with their units, a
conference per commune, the province's conference with its delegates, nominations, council
votes and duties), to measure the pages and the web bench. Not for production databases."""

from django.core.management.base import BaseCommand, CommandError

from conferences.models import Unit
from province.scale import ScaleSizes, generate_scale

DEFAULT_PASSWORD = "thidua2025"  # noqa: S105 - printed with the logins; generated data only


class Command(BaseCommand):
    help = (
        "Tạo một tỉnh mẫu cỡ thật (xã và đơn vị, hội nghị, đại biểu, hồ sơ đề nghị, phiếu "
        "Hội đồng, nhiệm vụ) để đo tốc độ các trang."
    )

    def add_arguments(self, parser):
        defaults = ScaleSizes()
        sizes = (
            ("communes", "Số xã"),
            ("units_per_commune", "Số đơn vị mỗi xã"),
            ("delegates", "Số đại biểu của hội nghị tỉnh"),
            ("nominations", "Số hồ sơ đề nghị (ba đợt)"),
            ("council", "Số thành viên Hội đồng bỏ phiếu"),
            ("duties", "Số nhiệm vụ"),
        )
        for name, text in sizes:
            default = getattr(defaults, name)
            parser.add_argument(
                f"--{name.replace('_', '-')}", type=int, default=default,
                help=f"{text} (mặc định {default}).",
            )  # fmt: skip
        parser.add_argument("--prefix", default="QM", help="Mã tỉnh mẫu (mặc định QM).")
        parser.add_argument("--password", default=DEFAULT_PASSWORD, help="Mật khẩu chung.")

    def handle(self, *args, **options):
        sizes = ScaleSizes(
            **{name: options[name] for name in ScaleSizes.__dataclass_fields__ if name != "year"}
        )
        if sizes.communes < 1 or min(
            sizes.units_per_commune, sizes.delegates, sizes.nominations, sizes.council,
            sizes.duties,
        ) < 0:  # fmt: skip
            raise CommandError("Số xã phải từ 1 trở lên; các số khác không âm.")
        prefix = options["prefix"].upper()
        if Unit.objects.filter(code=prefix).exists():
            raise CommandError(f"Đã có đơn vị mang mã {prefix}: chọn --prefix khác.")
        result = generate_scale(sizes=sizes, prefix=prefix, password=options["password"])
        conference = result.conference
        self.stdout.write(
            f"{result.province.name}: {len(result.communes)} xã, {result.units} đơn vị; "
            f"hội nghị tỉnh #{conference.pk} “{conference.title}”: {sizes.delegates} đại biểu, "
            f"{sizes.nominations} hồ sơ trong {len(result.rounds)} đợt, "
            f"{sizes.council} thành viên Hội đồng, {sizes.duties} nhiệm vụ."
        )
        logins = ", ".join(
            u.username for role in ("staff", "leader") for u in result.users.get(role, [])
        )
        council = result.users.get("council", [])
        self.stdout.write(
            f"Đăng nhập (mật khẩu {options['password']}): {logins}"
            + (f", {council[0].username}..{council[-1].username} (Hội đồng)" if council else "")
            + f", {prefix.lower()}-xa001.. (cán bộ xã), {prefix.lower()}-cq01.. (cơ quan)"
        )
