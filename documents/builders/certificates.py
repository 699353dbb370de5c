"""Certificates (Giấy khen, Giấy chứng nhận): the office's print settings turned into the
engine's layout, and the test sheet the office prints to adjust them."""

import hashlib
from decimal import Decimal
from pathlib import Path

from conferences.permissions import can_manage_unit
from core.errors import DomainError

from ..models import CertificateSetting
from ..pdfutil import concatenate
from .base import Builder, Progress, Rendered

SAMPLE_PEOPLE = [
    {
        "name": "Nguyễn Thị Thu Hà",
        "unit": "Trường Tiểu học Thượng Hồng",
        "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước giai đoạn 2020 - 2025",
        "decision": "05/QĐ-UBND ngày 10/12/2025",
        "gold_book": "125",
    },
    {
        "name": "Tập thể Chi hội Phụ nữ Thôn Trung, xã Thượng Hồng, thành phố Hải Phòng (tên rất dài để thử)",
        "unit": "Hội Liên hiệp Phụ nữ xã Thượng Hồng",
        "achievement": "Đã có thành tích tiêu biểu trong phong trào thi đua “Người tốt, việc tốt”, "
        "giúp đỡ hộ nghèo, xây dựng nông thôn mới kiểu mẫu, giữ gìn an ninh trật tự, "
        "vệ sinh môi trường và nhiều hoạt động thiện nguyện khác trong năm 2025",
        "decision": "05/QĐ-UBND ngày 10/12/2025",
        "gold_book": "126",
    },
]


def _mm(value) -> str:
    """Millimetres as canonical text ("0.0"), whether the value came from a form or the database."""
    return str(Decimal(str(value)).quantize(Decimal("0.1")))


def _check_stored_background(path: Path) -> None:
    """A background kept from before the upload checks may be too big to decode: say so
    instead of failing every certificate."""
    from core import uploads

    with path.open("rb") as file:
        try:
            uploads.check_image(file)
        except DomainError as exc:
            raise DomainError(
                f"Ảnh nền của mẫu in không dùng được: {exc.message} "
                "Hãy tải ảnh nền khác trong “Mẫu in giấy khen”."
            ) from exc


# The layout each kind of paper is printed on (the test sheet uses the same one).
_LAYOUT_OF_KIND = {CertificateSetting.Kind.RECOGNITION_DIPLOMA: "diploma"}


def setting_payload(setting: CertificateSetting) -> dict:
    """Everything about the print settings that changes the output (a new background file
    changes its digest, so the same settings are never rendered twice)."""
    background = ""
    digest = ""
    if setting.mode == CertificateSetting.Mode.DESIGN and setting.background:
        background = setting.background.path
        _check_stored_background(Path(background))
        digest = hashlib.sha256(Path(background).read_bytes()).hexdigest()
    return {
        "mode": setting.mode,
        "issuer_title": setting.issuer_title,
        "award_title": setting.get_kind_display().upper(),
        "shift": [_mm(setting.shift_x_mm), _mm(setting.shift_y_mm)],
        "offsets": {
            name: [_mm(dx), _mm(dy)] for name, (dx, dy) in sorted((setting.offsets or {}).items())
        },
        "background": background,
        "background_digest": digest,
        "layout": _LAYOUT_OF_KIND.get(setting.kind, "default"),
    }


def layout_from(payload: dict):
    """The layout a paper uses (a Bằng chứng nhận has its own), moved as the office set."""
    from documents.engine.cert_layout import LAYOUTS

    base = LAYOUTS.get(payload.get("layout", "default"), LAYOUTS["default"])()
    layout = base.shifted(*(float(Decimal(v)) for v in payload["shift"]))
    offsets = {name: (float(dx), float(dy)) for name, (dx, dy) in payload["offsets"].items()}
    return layout.with_offsets(offsets) if offsets else layout


def background_from(payload: dict):
    from documents.engine.cert_layout import CertificateDesign

    if payload["mode"] == CertificateSetting.Mode.BLANK:
        return None
    if payload["background"]:
        return Path(payload["background"])
    return CertificateDesign(
        issuer_title=payload["issuer_title"], award_title=payload["award_title"]
    )


class CertificateTestBuilder(Builder):
    kind = "certificate_test"
    label = "Trang in thử giấy khen"
    formats = ("pdf", "docx")
    target_model = CertificateSetting

    def can_request(self, user, target) -> bool:
        return can_manage_unit(user, target.organiser)

    def title(self, target) -> str:
        return f"Trang in thử {target.get_kind_display().lower()} — {target.organiser}"

    def collect(self, target, params):
        return {"setting": setting_payload(target), "people": SAMPLE_PEOPLE}

    def render(self, payload, fmt, progress: Progress) -> Rendered:
        from documents.engine import certificates

        layout = layout_from(payload["setting"])
        progress(0, 2)
        if fmt == "docx":
            content = certificates.render_certificate_docx(layout, payload["people"][0])
            progress(2, 2)
            return Rendered(content, "giay-khen-in-thu.docx")
        warnings = []
        grid = certificates.render_calibration_page(layout, payload["people"][0])
        progress(1, 2)
        samples = certificates.render_certificates_pdf(
            layout, payload["people"], background_from(payload["setting"]), warnings=warnings
        )
        progress(2, 2)
        return Rendered(
            concatenate([grid, samples]), "giay-khen-in-thu.pdf", [str(w) for w in warnings]
        )
