"""NormalizeInputMiddleware: what users type arrives in NFC; secrets arrive untouched."""

import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from conferences.models import Role, Unit, User
from core.middleware import NormalizeInputMiddleware

TEXT = "Trường Tiểu học Thượng Hồng"
NFD = unicodedata.normalize("NFD", TEXT)
SECRET = unicodedata.normalize("NFD", "mật-khẩu-Đặc-biệt-2025")


def _through_middleware(request):
    seen = {}

    def get_response(req):
        seen["request"] = req
        return None

    NormalizeInputMiddleware(get_response)(request)
    return seen["request"]


def test_middleware_normalises_post_to_nfc():
    assert NFD != TEXT
    request = RequestFactory().post(
        "/", {"name": NFD, "names": [NFD, "Thôn"], "password": SECRET, "new_password1": SECRET}
    )

    request = _through_middleware(request)

    assert request.POST["name"] == TEXT
    assert request.POST.getlist("names") == [TEXT, "Thôn"]
    assert request.POST["password"] == SECRET
    assert request.POST["new_password1"] == SECRET
    assert not request.POST._mutable


def test_middleware_normalises_multipart_post_and_keeps_files():
    upload = SimpleUploadedFile("tep.xlsx", b"abc")
    request = RequestFactory().post("/", {"name": NFD, "file": upload})

    request = _through_middleware(request)

    assert request.POST["name"] == TEXT
    assert request.FILES["file"].read() == b"abc"


def test_middleware_normalises_get_query():
    request = RequestFactory().get("/", {"q": NFD})

    request = _through_middleware(request)

    assert request.GET["q"] == TEXT


def test_middleware_leaves_json_body_alone():
    body = f'{{"name": "{NFD}"}}'.encode()
    request = RequestFactory().post("/", body, content_type="application/json")

    request = _through_middleware(request)

    assert request.body == body


@pytest.mark.django_db
def test_unit_edit_saves_nfd_name_as_nfc(client, world):
    school = world["school"]
    client.force_login(world["users"]["staff"])

    response = client.post(
        reverse("unit_edit", kwargs={"pk": school.pk}),
        {"name": NFD, "short_name": "", "code": school.code, "kind": school.kind, "active": "on"},
    )

    assert response.status_code == 302
    assert Unit.objects.get(pk=school.pk).name == TEXT


@pytest.mark.django_db
def test_member_add_keeps_password_bytes(client, world):
    client.force_login(world["users"]["admin"])

    response = client.post(
        reverse("member_add", kwargs={"pk": world["school"].pk}),
        {
            "create": "",
            "new-full_name": unicodedata.normalize("NFD", "Lê Thị Hồng"),
            "new-username": "lethihong",
            "new-role": Role.SUBMITTER,
            "new-password": SECRET,
        },
    )

    assert response.status_code == 302
    user = User.objects.get(username="lethihong")
    assert user.full_name == "Lê Thị Hồng"
    assert user.check_password(SECRET)
    assert not user.check_password(unicodedata.normalize("NFC", SECRET))
