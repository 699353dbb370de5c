"""A certificate verified from its QR code: the office prints the certificates of an issued
decision through the real document request, the QR code is read from a rendering of the PDF,
its address opens on a phone-sized window with the holder's name and "Còn hiệu lực"; the
office records a revoking decision in the browser and the same page then says "Đã thu hồi"."""

from pathlib import Path

import pypdfium2
import pytest
import zxingcpp

from conferences.models import Role
from honorees import services
from honorees.models import Nomination
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import NominationFactory, RoundFactory, award
from tests.honorees.test_services import DECISION

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def _issued_decision():
    commune = UnitFactory(name="Ủy ban nhân dân xã Tân Lập")
    school = UnitFactory(parent=commune, name="Trường Tiểu học Tân Lập", kind="school")
    round = RoundFactory(conference=ConferenceFactory(organiser=commune))
    staff = member(commune, Role.STAFF)
    NominationFactory(
        round=round, unit=school, status=Nomination.Status.APPROVED,
        full_name="Nguyễn Thị Hoa", birth_year=1979, proposed_award=award("gk-xa"),
    )  # fmt: skip
    decision = services.create_decision(round=round, by=staff, **DECISION)
    services.approve_decision(decision=decision, by=member(commune, Role.LEADER))
    services.issue_decision(decision=decision, by=member(commune, Role.CLERK))
    return decision, staff


def _qr_address(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=3).to_pil()
    document.close()
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1, f"{len(found)} QR codes on the certificate"
    return found[0].text


def test_certificate_qr_opens_its_page_and_revocation_shows(
    as_user, browser, live_server, settings
):
    settings.SITE_URL = live_server.url
    decision, staff = _issued_decision()
    office = as_user(staff)
    office.goto(f"/khen-thuong/quyet-dinh/{decision.pk}/")
    office.get_by_test_id("print-award_certificates-pdf").click()
    with office.expect_download() as download:
        office.get_by_test_id("download").click()
    pdf = Path(download.value.path()).read_bytes()

    address = _qr_address(pdf)
    assert address.startswith(f"{live_server.url}/xac-minh/")
    code = decision.verification_codes.get(line__isnull=False)
    assert address.endswith(f"/{code.code}/")

    context = browser.new_context(locale="vi-VN", viewport=PHONE)
    phone = context.new_page()
    phone.goto(address)
    assert phone.get_by_test_id("verify-holder").inner_text() == "Nguyễn Thị Hoa"
    assert phone.get_by_test_id("verify-status").inner_text() == "Còn hiệu lực"
    assert "1979" not in phone.content()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    office.goto(f"/khen-thuong/quyet-dinh/{decision.pk}/")
    office.get_by_test_id("decision-awards").click()
    office.get_by_text("Ghi quyết định thu hồi").click()
    form = office.locator('form[action$="/thu-hoi/"]')
    form.get_by_label("Nguyễn Thị Hoa").check()
    form.get_by_label("Số quyết định thu hồi").fill("15/QĐ-UBND")
    form.get_by_label("Ngày quyết định thu hồi").fill("2026-12-20")
    form.get_by_label("Lý do thu hồi").fill("Thành tích khai không đúng.")
    office.get_by_test_id("revoke-submit").click()
    office.get_by_test_id("row-revoked").wait_for()

    phone.reload()
    assert phone.get_by_test_id("verify-status").inner_text() == "Đã thu hồi"
    assert "15/QĐ-UBND" in phone.get_by_test_id("verify-revocation").inner_text()
    context.close()
