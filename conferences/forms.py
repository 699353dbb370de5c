from dataclasses import dataclass

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.forms.models import fields_for_model, model_to_dict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.importing import ImportReport, has_more_rows_than, no_progress, preview_table
from core.jobs import get_importer, hold_checked_file, start_import_job
from core.models import ImportJob

from .models import Conference, Role, Unit, User
from .selectors import organiser_units

MAX_XLSX_BYTES = 10 * 1024 * 1024


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["name", "short_name", "code", "kind", "active"]

    def __init__(self, *args, can_deactivate: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_deactivate:
            self.fields["active"].disabled = True
            self.fields["active"].help_text = _(
                "Đơn vị của bạn hoặc đơn vị cấp trên: chỉ quản trị hệ thống ngừng hoạt động được."
            )

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()


class DraftingForForm(forms.Form):
    """Which organiser above it an office drafts for (conferences.review_chain)."""

    organiser = forms.ModelChoiceField(
        label=_("Tham mưu cho"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("Không tham mưu cho cơ quan tổ chức nào"),
        help_text=_(
            "Ví dụ Ban Thi đua - Khen thưởng (Sở Nội vụ) tham mưu cho UBND tỉnh: cán bộ của "
            "đơn vị làm việc như cán bộ thi đua của cơ quan tổ chức; lãnh đạo đơn vị kiểm tra "
            "kế hoạch và dự thảo quyết định khen thưởng trước khi trình lãnh đạo cơ quan tổ chức."
        ),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = Unit.objects.filter(pk__in=[u.pk for u in candidates])


class UnitMoveForm(forms.Form):
    """The new parent of a unit, by its code (as the Excel import's "Mã đơn vị cấp trên")."""

    parent = forms.CharField(label=_("Mã đơn vị cấp trên mới"), max_length=50)

    def __init__(self, *args, units, **kwargs):
        """`units`: the units the user may see; the service checks the rest."""
        super().__init__(*args, **kwargs)
        self.units = units

    def clean_parent(self):
        code = self.cleaned_data["parent"].strip().upper()
        parent = self.units.filter(code=code).first()
        if parent is None:
            raise forms.ValidationError(
                _("Không có đơn vị nào mang mã “%(code)s”.") % {"code": code}
            )
        return parent


# The rules (years and times in order, a day for "in the month/quarter") live in the service,
# which names them in words; a ModelForm would run the table's CHECK constraints first and
# answer with their names. So this is a plain form built from the model's fields.
CONFERENCE_FORM_FIELDS = (
    "organiser",
    "kind",
    "title",
    "start_year",
    "end_year",
    "ordinal",
    "date_precision",
    "date",
    "date_is_expected",
    "date_note",
    "length",
    "start_time",
    "end_time",
    "venue",
)
_CONFERENCE_WIDGETS = {
    "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
}
_CONFERENCE_HELP = {
    "organiser": _("Ủy ban nhân dân mà bạn là cán bộ thi đua - khen thưởng."),
    "title": _("Ví dụ: Hội nghị điển hình tiên tiến xã Thượng Hồng giai đoạn 2020 - 2025."),
    "start_year": _("Hội nghị của một năm: để năm bắt đầu và năm kết thúc bằng nhau."),
    "end_year": _("Để trống nếu hội nghị chỉ của một năm."),
    "ordinal": _("Chỉ ghi số, ví dụ I, II hoặc VI; phần mềm tự thêm chữ “lần thứ”."),
    "date": _("Với “Sẽ thông báo sau”, có thể để trống."),
    "date_is_expected": _("In chữ “dự kiến” trước thời gian trong kế hoạch."),
    "length": _("Để trống nếu chưa định."),
    "start_time": _("Để trống nếu chưa định."),
    "end_time": _("Để trống nếu chưa định."),
    "venue": _("Ví dụ: Hội trường Ủy ban nhân dân xã."),
}


def _conference_defaults() -> dict:
    this_year = timezone.localdate().year
    return {
        "start_year": this_year,
        "end_year": this_year,
        "kind": Conference.Kind.EXEMPLAR_FIVE_YEAR,
        "date_precision": Conference.DatePrecision.DAY,
        "date_is_expected": True,
    }


class ConferenceForm(forms.Form):
    """Create or edit a conference. The organiser is one of the people's committees the user
    is staff of (plus the current one on an edit)."""

    def __init__(self, *args, user: User, conference: Conference | None = None, **kwargs):
        if conference is not None:
            kwargs.setdefault("initial", model_to_dict(conference, CONFERENCE_FORM_FIELDS))
        else:
            kwargs.setdefault("initial", _conference_defaults())
        super().__init__(*args, **kwargs)
        self.fields.update(_conference_fields())
        include = conference.organiser_id if conference else None
        organisers = organiser_units(user, include=include)
        self.fields["organiser"].queryset = organisers
        if conference is None and len(organisers) == 1:
            self.initial.setdefault("organiser", organisers[0].pk)
        self.helper = _conference_helper()


def _conference_fields() -> dict[str, forms.Field]:
    fields = fields_for_model(
        Conference,
        fields=CONFERENCE_FORM_FIELDS,
        widgets=_CONFERENCE_WIDGETS,
        help_texts=_CONFERENCE_HELP,
    )
    fields["end_year"].required = False
    return fields


def _conference_helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True  # the template's <form> has the token
    helper.layout = Layout(
        Fieldset(
            _("Thông tin chung"),
            "organiser",
            "kind",
            "title",
            Row(
                Column("start_year", css_class="col-sm-4"),
                Column("end_year", css_class="col-sm-4"),
                Column("ordinal", css_class="col-sm-4"),
            ),
            css_class="mb-3",
        ),
        Fieldset(
            _("Thời gian"),
            Row(
                Column("date_precision", css_class="col-sm-6"),
                Column("date", css_class="col-sm-6"),
            ),
            "date_is_expected",
            "date_note",
            Row(
                Column("length", css_class="col-sm-4"),
                Column("start_time", css_class="col-sm-4"),
                Column("end_time", css_class="col-sm-4"),
            ),
            css_class="mb-3",
        ),
        Fieldset(_("Địa điểm"), "venue", css_class="mb-3"),
    )
    return helper


class XlsxUploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Chỉ nhận tệp Excel .xlsx."))
        if upload.size > MAX_XLSX_BYTES:
            raise forms.ValidationError(_("Tệp lớn hơn 10 MB."))
        return upload


def _limit_roles(form: forms.Form, roles: list[str] | None) -> None:
    """Offer only the roles the user may give (permissions.grantable_roles)."""
    if roles is not None:
        form.fields["role"].choices = [(v, label) for v, label in Role.choices if v in roles]


class NewUserForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    username = forms.SlugField(label=_("Tên đăng nhập"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20, required=False)
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    password = forms.CharField(label=_("Mật khẩu ban đầu"), widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, roles: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        _limit_roles(self, roles)

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

    def __init__(self, *args, roles: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        _limit_roles(self, roles)

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


@dataclass
class Upload:
    """What an import page's POST led to: a report (the file was small enough to import
    here), a job (the worker runs it; the page sends the user to the job's page), or
    nothing (no valid file, or a rule refused the whole file: the form shows it)."""

    report: ImportReport | None = None
    confirmed: bool = False
    job: ImportJob | None = None
    # The check's table (first rows, with their errors), and the checked file kept so that
    # "Ghi vào hệ thống" writes it without the file being chosen again.
    preview: dict | None = None
    held: ImportJob | None = None


def run_upload(request, form: XlsxUploadForm, *, kind: str, params: dict) -> Upload:
    """The Excel upload flow of every import page, for a valid POSTed file: the import
    registered as `kind` (core.jobs), with `params` (ids), a preview unless the user pressed
    "confirm". A file of more than IMPORT_BACKGROUND_ROWS rows is not read here: it becomes
    an import job for the worker. A rule broken by the file becomes a form error (nothing is
    written); a permission refusal answers 403."""
    from django.core.exceptions import PermissionDenied

    from core import uploads
    from core.errors import DomainError, PermissionDeniedError

    if request.method != "POST" or not form.is_valid():
        return Upload()
    confirm = "confirm" in request.POST
    upload = form.cleaned_data["file"]
    data = upload.read()
    try:
        # A hostile file (a zip bomb, a million rows) is refused here, before it is kept for
        # the worker or read: the container and the row count are judged from the zip.
        uploads.check_xlsx(data, max_rows=settings.IMPORT_EXPORT_MAX_ROWS)
        if has_more_rows_than(data, settings.IMPORT_BACKGROUND_ROWS + 1):  # and the header
            job = start_import_job(kind=kind, params=params, data=data, filename=upload.name,
                                   by=request.user, dry_run=not confirm)  # fmt: skip
            return Upload(job=job, confirmed=confirm)
        importer = get_importer(kind)
        report = importer.run(data=data, by=request.user, dry_run=not confirm,
                              progress=no_progress, **params)  # fmt: skip
        if confirm:
            return Upload(report=report, confirmed=True)
        held = None
        if report.ok:
            held = hold_checked_file(kind=kind, params=params, data=data, filename=upload.name,
                                     by=request.user, report=report)  # fmt: skip
        return Upload(report=report, preview=preview_table(data, report), held=held)
    except PermissionDeniedError as exc:
        raise PermissionDenied(exc.message) from exc
    except DomainError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return Upload()


class OfficialUnitsForm(forms.Form):
    """Choose a province whose communes to create from the official register."""

    province = forms.ChoiceField(label=_("Tỉnh, thành phố"))

    def __init__(self, *args, **kwargs):
        from .official_units import official_provinces

        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [
            ("", "— Chọn tỉnh, thành phố —"),
            *[
                (p.code, f"{p.code} - {p.place[:1].upper()}{p.place[1:]}")
                for p in official_provinces()
            ],
        ]
