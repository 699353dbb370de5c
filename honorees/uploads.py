"""The optional dossier file: PDF or DOCX only, size-limited, checked by content, not by the
name the browser sends, and refused when it carries anything that runs (core.uploads)."""

from django import forms

from core import uploads

MAX_DOSSIER_BYTES = 10 * 1024 * 1024
ALLOWED_EXTENSIONS = (".pdf", ".docx")


def check_dossier(upload) -> None:
    """Raise a form ValidationError unless `upload` is a real PDF or DOCX within the limit."""
    name = (upload.name or "").lower()
    if not name.endswith(ALLOWED_EXTENSIONS):
        raise forms.ValidationError("Chỉ nhận tệp PDF hoặc DOCX.")
    if upload.size > MAX_DOSSIER_BYTES:
        raise forms.ValidationError("Tệp lớn hơn 10 MB.")
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    is_pdf = name.endswith(".pdf")
    if is_pdf and head != b"%PDF-" or not is_pdf and not head.startswith(b"PK"):
        raise forms.ValidationError("Nội dung tệp không phải PDF hoặc DOCX hợp lệ.")
    uploads.as_form_error(uploads.check_pdf if is_pdf else uploads.check_docx, upload)
