"""The văn thư on a phone (390 px wide) uploads the decision's signed PDF and sees each
signature's result in Vietnamese and the official download; a tampered copy is kept with its
reason. No page scrolls sideways."""

import pytest
from django.urls import reverse

from documents.models import SignedCopy
from tests.documents.signing_ca import flip_byte_in_signed_range, sign_pdf
from tests.documents.test_signed_copies import _issued_decision, _pdf, authority, trusted  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _upload(page, name: str, content: bytes) -> None:
    section = page.get_by_test_id("signed-copies")
    section.get_by_label("Tải lên bản PDF đã ký số").set_input_files(
        {"name": name, "mimeType": "application/pdf", "buffer": content}
    )
    section.get_by_role("button", name="Tải lên và kiểm tra").click()


def test_the_clerk_uploads_a_signed_decision_on_a_phone(as_user, cast, authority, trusted):  # noqa: F811
    import datetime as dt

    decision = _issued_decision(cast, "Về việc khen thưởng năm 2026", ["Trần Thị Bình"],
                                dt.date(2026, 12, 1))  # fmt: skip
    signed = sign_pdf(_pdf(decision), authority["leader"])

    clerk = as_user(cast["users"]["clerk"])
    clerk.set_viewport_size(PHONE)
    clerk.goto(reverse("honorees:decision_detail", args=[decision.pk]))
    _upload(clerk, "quyet-dinh-da-ky.pdf", signed)
    clerk.get_by_text("Bản ký số hợp lệ: đã thành bản chính thức của văn bản.").wait_for()
    result = clerk.get_by_test_id("signature-result").first.inner_text()
    assert "Nguyễn Văn Ký" in result and "Chữ ký hợp lệ, toàn vẹn" in result
    assert _fits(clerk)
    with clerk.expect_download() as download:
        clerk.get_by_test_id("signed-official-download").click()
    assert download.value.suggested_filename == "quyet-dinh-da-ky.pdf"

    _upload(clerk, "ban-bi-sua.pdf", flip_byte_in_signed_range(signed))
    clerk.get_by_test_id("signed-copy-reason").first.wait_for()
    assert (
        "Tài liệu đã bị sửa sau khi ký" in clerk.get_by_test_id("signed-copy-reason").inner_text()
    )
    assert _fits(clerk)
    assert SignedCopy.objects.filter(status="valid").count() == 1
