from django import forms
from django.utils.translation import gettext_lazy as _

from core import uploads

from .models import CertificateSetting

FIELD_LABELS = {
    "name": _("Họ tên người được khen"),
    "unit": _("Đơn vị"),
    "achievement": _("Thành tích"),
    "place_date": _("Địa danh, ngày tháng"),
    "signer_title": _("Chức danh người ký"),
    "signer_name": _("Họ tên người ký"),
    "decision": _("Số quyết định"),
    "gold_book": _("Số sổ vàng"),
    "verify_url": _("Mã QR xác minh"),
    "verify_code": _("Mã xác minh (chữ)"),
    "reissue_mark": _("Dòng “Cấp lại lần …”"),
}
MAX_BACKGROUND_BYTES = 8 * 1024 * 1024


class CertificateSettingForm(forms.ModelForm):
    class Meta:
        model = CertificateSetting
        fields = ["mode", "issuer_title", "background", "shift_x_mm", "shift_y_mm"]
        widgets = {"mode": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offsets = self.instance.offsets or {}
        for name, label in FIELD_LABELS.items():
            dx, dy = offsets.get(name, (0, 0))
            self.fields[f"dx_{name}"] = forms.DecimalField(
                label=_("%(f)s: sang phải (mm)") % {"f": label},
                initial=dx,
                max_digits=5,
                decimal_places=1,
                min_value=-50,
                max_value=50,
                required=False,
            )
            self.fields[f"dy_{name}"] = forms.DecimalField(
                label=_("%(f)s: xuống dưới (mm)") % {"f": label},
                initial=dy,
                max_digits=5,
                decimal_places=1,
                min_value=-50,
                max_value=50,
                required=False,
            )

    def clean_background(self):
        upload = self.cleaned_data.get("background")
        if not upload or not hasattr(upload, "content_type"):
            return upload
        head = upload.read(8)
        upload.seek(0)
        if not (head.startswith(b"\xff\xd8\xff") or head.startswith(b"\x89PNG")):
            raise forms.ValidationError(_("Ảnh nền phải là tệp JPEG hoặc PNG."))
        if upload.size > MAX_BACKGROUND_BYTES:
            raise forms.ValidationError(_("Ảnh nền lớn hơn 8 MB."))
        uploads.as_form_error(uploads.check_image, upload)
        return upload

    def offsets(self) -> dict:
        data = self.cleaned_data
        result = {}
        for name in FIELD_LABELS:
            dx, dy = data.get(f"dx_{name}") or 0, data.get(f"dy_{name}") or 0
            if dx or dy:
                result[name] = [str(dx), str(dy)]
        return result
