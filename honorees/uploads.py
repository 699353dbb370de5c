"""The optional dossier file: PDF or DOCX only, size-limited, checked by content, not by the
name the browser sends."""

import zipfile

from django import forms

MAX_DOSSIER_BYTES = 10 * 1024 * 1024
ALLOWED_EXTENSIONS = (".pdf", ".docx")


def _looks_like_docx(upload) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


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
    ok = head == b"%PDF-" if name.endswith(".pdf") else _looks_like_docx(upload)
    upload.seek(0)
    if not ok:
        raise forms.ValidationError("Nội dung tệp không phải PDF hoặc DOCX hợp lệ.")
