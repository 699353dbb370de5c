"""Signed copies (bản ký số): the văn thư uploads the PDF the leader signed with a token; the
server checks each PAdES signature offline against the administrator's trust roots and the
text against the issued document; a valid copy becomes the official download. And the văn
thư's issue stamp printed at the top right of page 1."""

import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from conferences.models import ActivityEntry
from documents import services
from documents.builders import get_builder
from documents.models import SignedCopy, TrustRoot
from documents.signed import read_certificate
from honorees import services as honoree_services
from honorees.models import Nomination
from tests.documents.signing_ca import (
    add_text_after_signing,
    flip_byte_in_signed_range,
    make_ca,
    make_signer,
    sign_pdf,
)
from tests.honorees.factories import NominationFactory, RoundFactory, approve_and_issue, award

pytestmark = pytest.mark.django_db

DECISION = {
    "place": "An Thịnh",
    "subject": "Về việc khen thưởng thành tích phong trào thi đua năm 2026",
    "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THỊNH",
    "legal_bases": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022\n"
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ",
    "proposing_body": "Hội đồng Thi đua - Khen thưởng xã",
    "signer_head_title": "CHỦ TỊCH",
    "signer_name": "Nguyễn Văn Ký",
}


@pytest.fixture(scope="module")
def authority():
    """A test CA (as if the Ban Cơ yếu's root) and the leader's certificate under it; a second
    CA nobody uploaded, with a signer of its own."""
    ca = make_ca("Test Root CA Cơ yếu")
    rogue = make_ca("Rogue CA")
    return {
        "ca": ca,
        "leader": make_signer(ca, "Nguyễn Văn Ký", "Ủy ban nhân dân xã An Thịnh"),
        "rogue": make_signer(rogue, "Nguyễn Văn Ký", "Ủy ban nhân dân xã An Thịnh"),
    }


@pytest.fixture
def trusted(authority):
    root = read_certificate(authority["ca"].pem)
    return TrustRoot.objects.create(
        name="Test Root CA", certificate=root.der, subject=root.subject,
        fingerprint=root.fingerprint, not_after=root.not_after,
    )  # fmt: skip


def _issued_decision(cast, subject: str, names: list[str], date: dt.date):
    users = cast["users"]
    round = RoundFactory(conference=cast["conference_a"])
    for name in names:
        NominationFactory(
            round=round, unit=cast["school"], status=Nomination.Status.APPROVED,
            kind="individual", full_name=name, proposed_award=award("gk-xa"),
        )  # fmt: skip
    decision = honoree_services.create_decision(
        round=round, by=users["staff"], **{**DECISION, "subject": subject, "date": date}
    )
    office = {"leader": users["leader"], "clerk": users["clerk"]}
    decision = approve_and_issue(decision, office)
    decision.refresh_from_db()
    return decision


@pytest.fixture
def decision(cast):
    return _issued_decision(
        cast, DECISION["subject"], ["Trần Thị Bình", "Lê Văn Cường"], dt.date(2026, 12, 1)
    )


def _pdf(decision, params=None) -> bytes:
    builder = get_builder("award_decision")
    payload = builder.collect(decision, params or {})
    return builder.render(payload, "pdf", lambda *a: None).content


def _upload(client, user, decision, content: bytes, name="quyet-dinh-da-ky.pdf"):
    client.force_login(user)
    url = reverse("signed_copy_upload", args=["award_decision", decision.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content, "application/pdf")})


def _page(client, decision) -> str:
    return client.get(reverse("honorees:decision_detail", args=[decision.pk])).content.decode()


def test_a_validly_signed_copy_validates_and_becomes_the_official_download(
    client, cast, decision, authority, trusted
):
    signed = sign_pdf(_pdf(decision), authority["leader"])
    before = timezone.now()

    response = _upload(client, cast["users"]["clerk"], decision, signed)

    assert response.status_code == 302
    copy = SignedCopy.objects.get()
    assert copy.status == SignedCopy.Status.VALID, copy.reason
    assert copy.number_text == decision.number_text == "01/QĐ-UBND"
    [signature] = copy.signatures
    assert signature["intact"] and signature["valid"] and signature["whole"]
    assert signature["trusted"] and signature["ok"]
    assert signature["coverage"] == "ENTIRE_FILE"
    assert signature["signer"] == "Nguyễn Văn Ký"
    assert signature["organisation"] == "Ủy ban nhân dân xã An Thịnh"
    signed_at = dt.datetime.fromisoformat(signature["signed_at"])
    assert before - dt.timedelta(minutes=1) <= signed_at <= timezone.now()
    assert copy.text_check["number"] and copy.text_check["date"] and copy.text_check["subject"]
    assert copy.text_check["body_found"] == copy.text_check["body_total"] > 3
    assert services.official_signed_copy(decision) == copy
    assert ActivityEntry.objects.filter(action="signed_copy.uploaded").get().summary == (
        "Tải lên bản ký số của quyết định khen thưởng số 01/QĐ-UBND: hợp lệ, thành bản chính thức"
    )

    page = _page(client, decision)
    assert "Chữ ký hợp lệ, toàn vẹn" in page
    assert "Tải bản chính thức đã ký số" in page
    # Everyone who sees the decision downloads the signed file itself, not the generated one.
    client.force_login(cast["users"]["leader"])
    download = client.get(reverse("signed_official_download", args=["award_decision", decision.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == signed
    assert "quyet-dinh-da-ky.pdf" in download["Content-Disposition"]


def test_one_byte_changed_inside_the_signed_range_fails(client, cast, decision, authority, trusted):
    signed = sign_pdf(_pdf(decision), authority["leader"])
    tampered = flip_byte_in_signed_range(signed)
    assert tampered != signed and len(tampered) == len(signed)

    _upload(client, cast["users"]["clerk"], decision, tampered)

    copy = SignedCopy.objects.get()
    assert copy.status == SignedCopy.Status.INVALID
    assert copy.signatures[0]["intact"] is False
    assert "Tài liệu đã bị sửa sau khi ký" in copy.reason
    assert services.official_signed_copy(decision) is None
    assert "Tài liệu đã bị sửa sau khi ký" in _page(client, decision)
    official = reverse("signed_official_download", args=["award_decision", decision.pk])
    assert client.get(official).status_code == 404


def test_the_leaders_and_the_clerks_signatures_both_validate(
    client, cast, decision, authority, trusted
):
    clerk = make_signer(
        authority["ca"], "Ủy ban nhân dân xã An Thịnh", "Ủy ban nhân dân xã An Thịnh"
    )
    leader_signed = sign_pdf(_pdf(decision), authority["leader"])
    both = sign_pdf(leader_signed, clerk, field_name="DauVanThu")

    _upload(client, cast["users"]["clerk"], decision, both)

    copy = SignedCopy.objects.get()
    assert copy.status == SignedCopy.Status.VALID, copy.reason
    assert [(s["signer"], s["coverage"], s["whole"]) for s in copy.signatures] == [
        ("Nguyễn Văn Ký", "ENTIRE_REVISION", True),  # only a signature was added after it
        ("Ủy ban nhân dân xã An Thịnh", "ENTIRE_FILE", True),
    ]
    assert _page(client, decision).count("Chữ ký hợp lệ, toàn vẹn") == 2


def test_content_added_after_signing_is_not_covered(client, cast, decision, authority, trusted):
    signed = sign_pdf(_pdf(decision), authority["leader"])

    _upload(client, cast["users"]["clerk"], decision, add_text_after_signing(signed))

    copy = SignedCopy.objects.get()
    [signature] = copy.signatures
    assert signature["intact"] and signature["trusted"] and not signature["whole"]
    assert copy.status == SignedCopy.Status.INVALID
    assert "Chữ ký không bao phủ toàn bộ tài liệu" in copy.reason
    assert "Chữ ký không bao phủ toàn bộ tài liệu" in _page(client, decision)


def test_a_copy_signed_under_a_ca_not_among_the_trust_roots_is_not_trusted(
    client, cast, decision, authority, trusted
):
    _upload(client, cast["users"]["clerk"], decision, sign_pdf(_pdf(decision), authority["rogue"]))

    copy = SignedCopy.objects.get()
    [signature] = copy.signatures
    assert signature["intact"] and signature["whole"] and not signature["trusted"]
    assert copy.status == SignedCopy.Status.INVALID
    assert "Chứng thư không được tin cậy" in copy.reason
    assert "không được tin cậy" in _page(client, decision)
    assert services.official_signed_copy(decision) is None


def test_an_inactive_trust_root_is_not_trusted(client, cast, decision, authority, trusted):
    trusted.active = False
    trusted.save()
    _upload(client, cast["users"]["clerk"], decision, sign_pdf(_pdf(decision), authority["leader"]))
    assert SignedCopy.objects.get().signatures[0]["trusted"] is False


def test_a_validly_signed_pdf_of_another_document_is_refused_as_not_matching(
    client, cast, decision, authority, trusted
):
    other = _issued_decision(
        cast, "Về việc khen thưởng phong trào xây dựng nông thôn mới", ["Phạm Văn Đông"],
        dt.date(2026, 11, 20),
    )  # fmt: skip
    assert other.number_text == "02/QĐ-UBND"

    _upload(client, cast["users"]["clerk"], decision, sign_pdf(_pdf(other), authority["leader"]))

    copy = SignedCopy.objects.get()
    assert copy.signatures[0]["ok"] is True  # the signature itself is fine
    assert copy.status == SignedCopy.Status.INVALID
    assert copy.reason.startswith("Không khớp với văn bản đã ban hành: ")
    assert "01/QĐ-UBND" in copy.reason and "ngày 01 tháng 12 năm 2026" in copy.reason
    assert copy.text_check["subject"] is False
    assert services.official_signed_copy(decision) is None
    assert "Không khớp với văn bản đã ban hành" in _page(client, decision)


def test_an_unsigned_pdf_of_the_decision_is_not_official(client, cast, decision, trusted):
    _upload(client, cast["users"]["clerk"], decision, _pdf(decision))
    copy = SignedCopy.objects.get()
    assert copy.status == SignedCopy.Status.INVALID
    assert copy.reason == "Tệp không có chữ ký số nào"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 a word file", "Tệp không phải PDF"),
        (b"", "Tệp rỗng"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%garbage" * 3, "Không đọc được tệp PDF"),
    ],
)
def test_a_file_that_is_not_a_readable_pdf_gets_a_vietnamese_error_and_is_not_kept(
    client, cast, decision, content, message
):
    response = _upload(client, cast["users"]["clerk"], decision, content)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert message in page
    assert not SignedCopy.objects.exists()


def test_an_oversized_upload_is_refused(client, cast, decision, settings):
    settings.SIGNED_COPY_MAX_BYTES = 1024 * 1024
    content = b"%PDF-1.7\n" + b"0" * (1024 * 1024)
    response = _upload(client, cast["users"]["clerk"], decision, content)
    assert (
        "Tệp quá lớn (1.0 MB); chỉ nhận tệp PDF đến 1 MB."
        in client.get(response["Location"]).content.decode()
    )
    assert not SignedCopy.objects.exists()


def test_only_the_clerk_uploads_and_only_for_an_issued_decision(client, cast, decision):
    response = _upload(client, cast["users"]["staff"], decision, b"%PDF-1.7")
    assert response.status_code == 403
    client.force_login(cast["users"]["clerk"])
    assert 'data-testid="signed-upload"' in _page(client, decision)
    client.force_login(cast["users"]["staff"])
    page = _page(client, decision)
    assert "Bản ký số" in page and 'data-testid="signed-upload"' not in page
    assert not SignedCopy.objects.exists()


def test_an_amended_number_leaves_the_old_copy_unofficial(cast, decision, authority, trusted):
    signed = sign_pdf(_pdf(decision), authority["leader"])
    copy = services.upload_signed_copy(
        target=decision,
        upload=SimpleUploadedFile("a.pdf", signed, "application/pdf"),
        by=cast["users"]["clerk"],
    )
    assert copy.is_valid and services.official_signed_copy(decision) == copy
    decision.number = 7  # what the office would print now (never saved)
    assert services.official_signed_copy(decision) is None


# --- the văn thư's issue stamp --------------------------------------------------------------
def _texts_with_positions(pdf: bytes, page: int = 0, fonts: dict | None = None):
    """(text, x, y) of each piece of text on the page; `fonts` collects text -> (font, size)."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x, y))
            if fonts is not None and font is not None:
                fonts[text.strip()] = (str(font.get("/BaseFont")), size * tm[0] * cm[0])

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return found


def test_the_electronic_copy_carries_the_clerks_stamp_at_the_top_right_of_page_one(decision):
    decision.issued_at = dt.datetime(2026, 12, 1, 2, 30, tzinfo=dt.UTC)
    decision.save(update_fields=["issued_at"])

    stamped = _pdf(decision, {"stamp": "1"})

    reader = PdfReader(io.BytesIO(stamped))
    width = float(reader.pages[0].mediabox.width)
    height = float(reader.pages[0].mediabox.height)
    fonts = {}
    positions = {text: (x, y) for text, x, y in _texts_with_positions(stamped, fonts=fonts)}
    assert "01/QĐ-UBND" in positions
    assert "2026-12-01T09:30:00+07:00" in positions
    for text in ("01/QĐ-UBND", "2026-12-01T09:30:00+07:00"):
        x, y = positions[text]
        assert x > width / 2 and y > height - 72 * 20 / 25.4  # in the top margin, right half
    assert positions["01/QĐ-UBND"][1] > positions["2026-12-01T09:30:00+07:00"][1]
    # Times New Roman's metrics (Liberation Serif), 10 pt.
    font, size = fonts["2026-12-01T09:30:00+07:00"]
    assert "LiberationSerif" in font and size == pytest.approx(10)
    assert "2026-12-01T09:30:00+07:00" not in " ".join(
        t for t, _x, _y in _texts_with_positions(_pdf(decision))
    )
    # The stamp does not move the page's own text: page 2 reads the same.
    plain = PdfReader(io.BytesIO(_pdf(decision))).pages[1].extract_text()
    assert reader.pages[1].extract_text() == plain


def test_the_stamp_is_refused_before_the_decision_is_issued(cast):
    users = cast["users"]
    round = RoundFactory(conference=cast["conference_a"])
    NominationFactory(
        round=round, unit=cast["school"], status=Nomination.Status.APPROVED,
        full_name="Trần Thị Bình", proposed_award=award("gk-xa"),
    )  # fmt: skip
    draft = honoree_services.create_decision(
        round=round, by=users["staff"], **{**DECISION, "date": dt.date(2026, 12, 1)}
    )
    builder = get_builder("award_decision")
    assert builder.missing(builder.collect(draft, {"stamp": "1"})) == [
        "Chỉ văn bản đã ban hành (có số, ngày) mới in được bản có dấu văn thư"
    ]
    assert builder.missing(builder.collect(draft, {})) == []


def test_the_stamped_print_button_shows_on_an_issued_decision(client, cast, decision):
    client.force_login(cast["users"]["clerk"])
    page = _page(client, decision)
    assert "Bản điện tử có dấu văn thư" in page
    assert re.search(r'name="param_stamp" value="1"', page)


# --- an issued plan ----------------------------------------------------------------------------
@pytest.fixture
def plan(cast):
    from conferences.models import PlanStatus
    from tests.plans.factories import plan_for

    users = cast["users"]
    return plan_for(cast["conference_a"], PlanStatus.ISSUED, users["staff"], users["leader"])


def _plan_pdf(plan, params=None) -> bytes:
    builder = get_builder("plan")
    return builder.render(builder.collect(plan, params or {}), "pdf", lambda *a: None).content


def test_a_signed_plan_validates_and_its_page_offers_the_official_file(
    client, cast, plan, authority, trusted
):
    signed = sign_pdf(_plan_pdf(plan), authority["leader"])
    client.force_login(cast["users"]["staff"])
    url = reverse("signed_copy_upload", args=["plan", plan.pk])
    client.post(url, {"file": SimpleUploadedFile("ke-hoach.pdf", signed, "application/pdf")})

    copy = SignedCopy.objects.get()
    assert copy.status == SignedCopy.Status.VALID, copy.reason
    assert copy.number_text == f"{plan.number:02d}/KH-UBND"
    assert copy.text_check["body_total"] > 10
    assert copy.text_check["body_found"] >= 0.6 * copy.text_check["body_total"]
    page = client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert "Chữ ký hợp lệ, toàn vẹn" in page and "Tải bản chính thức đã ký số" in page
    download = client.get(reverse("signed_official_download", args=["plan", plan.pk]))
    assert b"".join(download.streaming_content) == signed


def test_the_clerk_files_the_signed_plan_from_its_page(client, cast, plan, authority, trusted):
    """The organiser's văn thư opens the issued plan (not a draft) and uploads the copy."""
    signed = sign_pdf(_plan_pdf(plan), authority["leader"])
    client.force_login(cast["users"]["clerk"])
    page = client.get(reverse("plan_detail", args=[plan.pk]))
    assert page.status_code == 200
    assert 'data-testid="signed-upload"' in page.content.decode()
    assert 'data-testid="plan-issue"' not in page.content.decode()
    url = reverse("signed_copy_upload", args=["plan", plan.pk])
    client.post(url, {"file": SimpleUploadedFile("ke-hoach.pdf", signed, "application/pdf")})
    assert SignedCopy.objects.get().uploaded_by == cast["users"]["clerk"]
    from conferences.plans import services as plan_services

    plan_services.start_amendment(plan=plan, by=cast["users"]["staff"])
    assert client.get(reverse("plan_detail", args=[plan.pk])).status_code == 404


def test_a_plan_copy_with_another_number_does_not_match(cast, plan, authority, trusted):
    """The plan renumbered (an amendment issued again) no longer matches the signed text."""
    signed = sign_pdf(_plan_pdf(plan), authority["leader"])
    plan.number += 1
    copy = services.upload_signed_copy(
        target=plan,
        upload=SimpleUploadedFile("ke-hoach.pdf", signed, "application/pdf"),
        by=cast["users"]["staff"],
    )
    assert copy.status == SignedCopy.Status.INVALID
    assert f"không thấy số, ký hiệu {plan.number:02d}/KH-UBND" in copy.reason


def test_the_issued_plan_prints_with_the_clerks_stamp(plan):
    stamped = _plan_pdf(plan, {"stamp": "1"})
    texts = {text for text, _x, _y in _texts_with_positions(stamped)}
    assert f"{plan.number:02d}/KH-UBND" in texts
    iso = [t for t in texts if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", t)]
    assert len(iso) == 1


def test_the_demo_seeder_signs_an_issued_decision_once(decision):
    from documents.demo import DEMO_CA_NAME, seed_demo_signed_copies

    out = io.StringIO()
    seed_demo_signed_copies(out)
    seed_demo_signed_copies(out)

    copy = SignedCopy.objects.get()
    assert copy.is_valid, copy.reason
    assert services.official_signed_copy(decision) == copy
    assert list(TrustRoot.objects.values_list("name", flat=True)) == [DEMO_CA_NAME]
    assert out.getvalue().count("Bản ký số: quyết định 01/QĐ-UBND (Hợp lệ).") == 1


def test_the_stamped_copy_is_requested_like_any_print_and_named_apart(
    client, cast, decision, django_capture_on_commit_callbacks
):
    client.force_login(cast["users"]["clerk"])
    url = reverse("document_request", args=["award_decision", decision.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"fmt": "pdf", "param_stamp": "1"})
        client.post(url, {"fmt": "pdf"})

    from documents.models import GeneratedDocument

    stamped, plain = GeneratedDocument.objects.order_by("pk")
    assert (stamped.status, plain.status) == ("ready", "ready")
    assert stamped.filename == "quyet-dinh-khen-thuong-dau-van-thu.pdf"
    assert plain.filename == "quyet-dinh-khen-thuong.pdf"
    assert decision.number_text in PdfReader(stamped.file.path).pages[0].extract_text()
    moment = timezone.localtime(decision.issued_at).replace(microsecond=0).isoformat()
    assert moment in PdfReader(stamped.file.path).pages[0].extract_text()
    assert moment not in PdfReader(plain.file.path).pages[0].extract_text()


def test_a_printed_pdf_of_a_decision_with_an_official_copy_points_to_it(
    client, cast, decision, authority, trusted
):
    from django.contrib.contenttypes.models import ContentType

    from tests.documents.factories import make_document

    printed = make_document(scope_unit=cast["office_a"], requested_by=cast["users"]["leader"])
    printed.kind, printed.target_id = "award_decision", str(decision.pk)
    printed.target_type = ContentType.objects.get_for_model(decision)
    printed.save()
    client.force_login(cast["users"]["leader"])
    page = reverse("document_detail", args=[printed.pk])
    assert 'data-testid="official-note"' not in client.get(page).content.decode()

    _upload(client, cast["users"]["clerk"], decision, sign_pdf(_pdf(decision), authority["leader"]))
    client.force_login(cast["users"]["leader"])
    html = client.get(page).content.decode()
    assert 'data-testid="official-note"' in html
    assert reverse("signed_official_download", args=["award_decision", decision.pk]) in html


# --- trust roots in the admin ------------------------------------------------------------------
def _add_root(client, name, content, filename="root.cer"):
    upload = SimpleUploadedFile(filename, content, "application/pkix-cert")
    return client.post(
        reverse("admin:documents_trustroot_add"), {"name": name, "active": "on", "upload": upload}
    )


@pytest.mark.parametrize("encoding", ["pem", "der"])
def test_the_administrator_uploads_a_root_as_pem_or_der(admin_client, authority, encoding):
    ca = authority["ca"]
    response = _add_root(admin_client, "Root CA Cơ yếu", getattr(ca, encoding))
    assert response.status_code == 302
    root = TrustRoot.objects.get()
    assert bytes(root.certificate) == ca.der and root.active
    assert "Test Root CA Cơ yếu" in root.subject
    assert services.active_trust_roots() == [ca.der]
    change = admin_client.get(reverse("admin:documents_trustroot_change", args=[root.pk]))
    assert change.status_code == 200 and root.fingerprint in change.content.decode()


def test_a_signers_certificate_or_garbage_is_not_taken_as_a_root(admin_client, authority):
    from cryptography.hazmat.primitives import serialization

    signer_pem = authority["leader"].cert.public_bytes(serialization.Encoding.PEM)
    page = _add_root(admin_client, "Người ký", signer_pem).content.decode()
    assert "Đây không phải chứng thư của tổ chức cấp chứng thư (CA)" in page
    page = _add_root(admin_client, "Rác", b"not a certificate").content.decode()
    assert "Không đọc được chứng thư" in page
    assert not TrustRoot.objects.exists()


def test_the_public_verification_page_serves_the_official_signed_copy(
    client, cast, decision, authority, trusted
):
    """The decision's public page (no login) names the signers and serves the signed file;
    a certificate's page does not (it shows nothing beyond the certificate)."""
    from honorees.models import VerificationCode

    signed = sign_pdf(_pdf(decision), authority["leader"])
    _upload(client, cast["users"]["clerk"], decision, signed)
    client.logout()
    code = VerificationCode.objects.get(decision=decision, line__isnull=True).code
    page = client.get(reverse("honorees:verify_code", args=[code])).content.decode()
    assert "Bản chính thức đã ký số" in page and "Nguyễn Văn Ký" in page
    download = client.get(reverse("honorees:verify_signed", args=[code]))
    assert b"".join(download.streaming_content) == signed

    line_code = VerificationCode.objects.filter(decision=decision, line__isnull=False)[0].code
    assert (
        "Bản chính thức đã ký số"
        not in client.get(reverse("honorees:verify_code", args=[line_code])).content.decode()
    )
    assert client.get(reverse("honorees:verify_signed", args=[line_code])).status_code == 404
    decision.publish_verification = False
    decision.save(update_fields=["publish_verification"])
    assert client.get(reverse("honorees:verify_signed", args=[code])).status_code == 404


def test_the_public_page_of_a_decision_without_a_valid_copy_serves_none(client, decision):
    from honorees.models import VerificationCode

    code = VerificationCode.objects.get(decision=decision, line__isnull=True).code
    assert (
        "Bản chính thức đã ký số"
        not in client.get(reverse("honorees:verify_code", args=[code])).content.decode()
    )
    assert client.get(reverse("honorees:verify_signed", args=[code])).status_code == 404
