"""Render one document from a script, without a worker: the same builder code as the site."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.errors import DomainError
from documents.builders import all_builders, get_builder
from documents.services import cut_for_preview, preview_count


class Command(BaseCommand):
    help = "Tạo một văn bản (loại, đối tượng, định dạng) và ghi ra tệp."

    def add_arguments(self, parser):
        kinds = ", ".join(sorted(b.kind for b in all_builders()))
        parser.add_argument("kind", help=f"loại văn bản: {kinds}")
        parser.add_argument("target", type=int, help="mã (id) của đối tượng")
        parser.add_argument("--format", default="pdf", dest="fmt")
        parser.add_argument("--output", required=True, help="đường dẫn tệp ghi ra")
        parser.add_argument(
            "--param", action="append", default=[], help="tham số dạng khóa=giá trị"
        )

    def handle(self, *args, kind, target, fmt, output, param, **options):
        builder = get_builder(kind)
        if builder is None:
            raise CommandError(f"Không có loại văn bản “{kind}”.")
        if fmt not in builder.formats:
            raise CommandError(f"{builder.label} chỉ in được: {', '.join(builder.formats)}.")
        obj = builder.target_model.objects.filter(pk=target).first()
        if obj is None:
            raise CommandError(f"Không tìm thấy đối tượng có mã {target}.")
        params = dict(p.split("=", 1) for p in param)
        payload = builder.collect(obj, params)
        missing = builder.missing(payload)
        if missing:
            raise CommandError("Chưa đủ thông tin: " + "; ".join(missing))
        try:  # --param preview=3: the first pages of a batch only, as on the site
            payload = cut_for_preview(builder, payload, preview_count(params), fmt)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        rendered = builder.render(payload, fmt, lambda done, total: None)
        Path(output).write_bytes(rendered.content)
        for warning in rendered.warnings:
            self.stderr.write(warning)
        self.stdout.write(f"Đã ghi {output} ({len(rendered.content)} byte).")
