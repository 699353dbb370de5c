from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from .models import Role, Unit, User

MAX_XLSX_BYTES = 10 * 1024 * 1024


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["name", "short_name", "code", "kind", "active"]

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()


class XlsxUploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Chỉ nhận tệp Excel .xlsx."))
        if upload.size > MAX_XLSX_BYTES:
            raise forms.ValidationError(_("Tệp lớn hơn 10 MB."))
        return upload


class NewUserForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    username = forms.SlugField(label=_("Tên đăng nhập"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20, required=False)
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    password = forms.CharField(label=_("Mật khẩu ban đầu"), widget=forms.PasswordInput, strip=False)

    def clean(self):
        data = super().clean()
        if data.get("password"):
            candidate = User(username=data.get("username", ""), full_name=data.get("full_name", ""))
            try:
                validate_password(data["password"], candidate)
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data


class AddRoleForm(forms.Form):
    username = forms.CharField(label=_("Tên đăng nhập của người đã có tài khoản"), max_length=150)
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        user = User.objects.filter(username__iexact=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("Không có tài khoản nào mang tên đăng nhập này."))
        return user


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa và chữ thường."
        ),
        "inactive": _("Tài khoản này đã bị khóa. Hãy liên hệ cán bộ quản trị của đơn vị."),
    }


def run_upload(request, form: XlsxUploadForm, importer):
    """The Excel upload flow of every import page: for a valid POSTed file, run
    `importer(data=..., dry_run=...)`, a preview unless the user pressed "confirm".
    Returns (result, confirmed); (None, False) when nothing ran. A rule broken by the file
    becomes a form error (nothing is written); a permission refusal answers 403."""
    from django.core.exceptions import PermissionDenied

    from .errors import DomainError, PermissionDeniedError

    if request.method != "POST" or not form.is_valid():
        return None, False
    confirm = "confirm" in request.POST
    try:
        return importer(data=form.cleaned_data["file"].read(), dry_run=not confirm), confirm
    except PermissionDeniedError as exc:
        raise PermissionDenied(exc.message) from exc
    except DomainError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return None, False
