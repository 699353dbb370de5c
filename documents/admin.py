"""The administrator's trust roots (the Ban Cơ yếu's root and intermediate CA certificates):
uploaded here as PEM or DER files; signed copies are checked against the active ones. The
signed copies themselves are listed read-only."""

from django import forms
from django.contrib import admin

from core.errors import DomainError

from .models import SignedCopy, TrustRoot
from .signed import read_certificate


class TrustRootForm(forms.ModelForm):
    upload = forms.FileField(
        label="Tệp chứng thư (PEM hoặc DER: .cer, .crt, .pem)",
        required=False,
        help_text="Chứng thư gốc (Root CA) hoặc chứng thư trung gian của Ban Cơ yếu Chính phủ.",
    )

    class Meta:
        model = TrustRoot
        fields = ("name", "active")

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload is None:
            if not self.instance.pk:
                raise forms.ValidationError("Hãy chọn tệp chứng thư.")
            return cleaned
        if upload.size > 1024 * 1024:
            raise forms.ValidationError("Tệp chứng thư quá lớn (tối đa 1 MB).")
        try:
            certificate = read_certificate(upload.read())
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from exc
        if not certificate.is_ca:
            raise forms.ValidationError(
                "Đây không phải chứng thư của tổ chức cấp chứng thư (CA): hãy tải chứng thư gốc "
                "hoặc trung gian, không phải chứng thư của người ký."
            )
        duplicate = TrustRoot.objects.filter(fingerprint=certificate.fingerprint)
        if duplicate.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Chứng thư này đã có trong danh sách.")
        cleaned["certificate"] = certificate
        return cleaned

    def save(self, commit=True):
        certificate = self.cleaned_data.get("certificate")
        if certificate is not None:
            self.instance.certificate = certificate.der
            self.instance.subject = certificate.subject
            self.instance.fingerprint = certificate.fingerprint
            self.instance.not_after = certificate.not_after
        return super().save(commit)


@admin.register(TrustRoot)
class TrustRootAdmin(admin.ModelAdmin):
    form = TrustRootForm
    list_display = ("name", "subject", "not_after", "active")
    list_filter = ("active",)
    readonly_fields = ("subject", "fingerprint", "not_after", "created_at")


@admin.register(SignedCopy)
class SignedCopyAdmin(admin.ModelAdmin):
    list_display = ("number_text", "kind", "status", "uploaded_by", "uploaded_at")
    list_filter = ("status", "kind")
    readonly_fields = [f.name for f in SignedCopy._meta.fields]

    def has_add_permission(self, request):
        return False
