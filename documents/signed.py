"""Checking a signed PDF: its PAdES signatures (pyHanko, offline, against the trust roots the
administrator uploaded) and its text against the issued document (pypdf). No Django models
here: the service (documents.services) feeds it bytes and the expected text and stores what it
finds."""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import unicodedata
from dataclasses import asdict, dataclass, field

from core.errors import DomainError

logger = logging.getLogger(__name__)

# The PDF header must start within the first 1024 bytes (ISO 32000-1, 7.5.2).
PDF_MAGIC = b"%PDF-"
# Pages read for the text comparison: an issued plan or decision with its list.
TEXT_PAGES = 60
# The share of the body's lines that must be found in the PDF.
BODY_SHARE = 0.6
# Lines shorter than this (normalised) say too little to compare ("I.", "Điều 2").
BODY_MIN_CHARS = 12

OK_TEXT = "Chữ ký hợp lệ, toàn vẹn"
MODIFIED = "Tài liệu đã bị sửa sau khi ký"
BAD_SIGNATURE = "Chữ ký không đúng với chứng thư kèm theo"
NOT_COVERED = "Chữ ký không bao phủ toàn bộ tài liệu (có nội dung thêm vào sau khi ký)"
UNTRUSTED = "Chứng thư không được tin cậy"
NOT_MATCHING = "Không khớp với văn bản đã ban hành"
OFFLINE_NOTE = (
    "Kiểm tra ngoại tuyến: máy chủ không tải danh sách thu hồi (CRL) hay hỏi OCSP, nên chưa "
    "kiểm tra chứng thư có bị thu hồi hay không."
)


@dataclass(frozen=True)
class Expected:
    """What the issued document prints, to find in the signed PDF."""

    number: str  # "05/QĐ-UBND"
    date_text: str  # "ngày 05 tháng 12 năm 2026"
    subject: tuple[str, ...]
    body: tuple[str, ...]


@dataclass
class SignatureCheck:
    field: str
    intact: bool
    valid: bool
    whole: bool
    trusted: bool
    signer: str
    organisation: str
    signed_at: str  # ISO 8601, or "" when the signature carries no time
    coverage: str
    messages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.whole and self.trusted


@dataclass
class Outcome:
    valid: bool
    reason: str
    signatures: list[dict]
    text_check: dict


def too_large(size: int, max_bytes: int) -> DomainError:
    return DomainError(
        f"Tệp quá lớn ({size / 1048576:.1f} MB); chỉ nhận tệp PDF đến {max_bytes / 1048576:g} MB."
    )


def outside_event_loop(function, *args, **kwargs):
    """`function(*args, **kwargs)`, in a thread of its own when this thread runs an asyncio
    loop: pyHanko's synchronous calls start their own loop (asyncio.run), which cannot nest
    (an ASGI server's thread, a browser test driving Playwright)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args, **kwargs).result()


def check_upload(data: bytes, *, max_bytes: int) -> None:
    """Refuse what is not worth parsing: too large, empty, or not a PDF by its magic bytes."""
    if not data:
        raise DomainError("Tệp rỗng. Hãy chọn tệp PDF đã ký số.")
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    if PDF_MAGIC not in data[:1024]:
        raise DomainError("Tệp không phải PDF. Hãy tải lên bản PDF đã ký số của văn bản.")


# --- signatures ---------------------------------------------------------------------------------
def _name_part(subject: dict, *keys: str) -> str:
    for key in keys:
        value = subject.get(key)
        if value:
            return ", ".join(value) if isinstance(value, list | tuple) else str(value)
    return ""


def _iso(moment: dt.datetime | None) -> str:
    return moment.isoformat() if moment else ""


def _signature_check(embedded, context_for) -> SignatureCheck:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    name = embedded.field_name or ""
    try:
        status = validate_pdf_signature(embedded, context_for())
    except Exception as exc:  # a broken or hostile signature: that signature is not valid
        logger.info("signature %s could not be validated: %s", name, exc)
        return SignatureCheck(
            field=name,
            intact=False,
            valid=False,
            whole=False,
            trusted=False,
            signer="",
            organisation="",
            signed_at="",
            coverage="",
            messages=["Không đọc được chữ ký (cấu trúc chữ ký hỏng hoặc không được hỗ trợ)"],
        )
    subject = status.signing_cert.subject.native
    level = status.modification_level
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE or (
        status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
        # Later revisions that only add signatures, timestamps or validation data.
        and level
        in (
            ModificationLevel.NONE,
            ModificationLevel.LTA_UPDATES,
            ModificationLevel.FORM_FILLING,
        )  # fmt: skip
    )
    moment = status.signer_reported_dt
    timestamp = getattr(status, "timestamp_validity", None)
    if timestamp is not None and getattr(timestamp, "timestamp", None):
        moment = timestamp.timestamp
    check = SignatureCheck(
        field=name,
        intact=bool(status.intact),
        valid=bool(status.valid),
        whole=bool(whole),
        trusted=bool(status.trusted),
        signer=_name_part(subject, "common_name", "pseudonym", "surname"),
        organisation=_name_part(subject, "organization_name", "organizational_unit_name"),
        signed_at=_iso(moment),
        coverage=status.coverage.name if status.coverage else "",
    )
    if not check.intact:
        check.messages.append(MODIFIED)
    elif not check.valid:
        check.messages.append(BAD_SIGNATURE)
    if check.intact and not check.whole:
        check.messages.append(NOT_COVERED)
    if not check.trusted:
        check.messages.append(
            UNTRUSTED + " (không nối được tới chứng thư gốc nào quản trị viên đã tải lên)"
        )
    if check.ok:
        check.messages.append(OK_TEXT)
    return check


def check_signatures(data: bytes, trust_roots: list[bytes]) -> list[SignatureCheck]:
    """Every embedded signature of the PDF, validated offline against `trust_roots` (DER)
    only: never the operating system's store, never the network."""
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.registry import SimpleTrustManager

    roots = [asn1_x509.Certificate.load(der) for der in trust_roots]

    def context_for():
        return ValidationContext(
            trust_manager=SimpleTrustManager.build(trust_roots=roots),
            allow_fetching=False,
            revocation_mode="soft-fail",
        )

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    return [_signature_check(embedded, context_for) for embedded in reader.embedded_signatures]


# --- text ----------------------------------------------------------------------------------------
def normalise(text: str) -> str:
    """For comparing printed text: NFC, lower case, no spaces or line breaks at all (a PDF's
    extracted text breaks lines and spaces words its own way), "đ" kept."""
    text = unicodedata.normalize("NFC", text).lower()
    return re.sub(r"\s+", "", text)


def extract_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    texts = []
    for page in reader.pages[:TEXT_PAGES]:
        try:
            texts.append(page.extract_text() or "")
        except Exception as exc:  # one unreadable page: its text is simply not found
            logger.info("text of a signed copy's page not read: %r", exc)
    return "\n".join(texts)


def compare_text(text: str, expected: Expected) -> dict:
    """What of the issued document the PDF's text holds, and what is missing (Vietnamese)."""
    found = normalise(text)
    problems = []
    number_ok = normalise(expected.number) in found
    if not number_ok:
        problems.append(f"không thấy số, ký hiệu {expected.number}")
    date_ok = normalise(expected.date_text) in found
    if not date_ok:
        problems.append(f"không thấy {expected.date_text}")
    subject_ok = all(normalise(line) in found for line in expected.subject if line.strip())
    if not subject_ok:
        problems.append("trích yếu khác")
    body = [normalise(line) for line in expected.body]
    body = [line for line in body if len(line) >= BODY_MIN_CHARS]
    body_found = sum(1 for line in body if line in found)
    if body and body_found < BODY_SHARE * len(body):
        problems.append(f"nội dung khác (chỉ thấy {body_found}/{len(body)} đoạn của văn bản)")
    if not found:
        problems = [
            "không đọc được chữ trong tệp (bản quét chưa nhận dạng chữ): hãy ký bản PDF có lớp chữ"
        ]
    return {
        "number": number_ok,
        "date": date_ok,
        "subject": subject_ok,
        "body_found": body_found,
        "body_total": len(body),
        "problems": problems,
    }


def validate(data: bytes, *, expected: Expected, trust_roots: list[bytes]) -> Outcome:
    """The whole check of one uploaded PDF (already past `check_upload`). Raises DomainError
    with a Vietnamese message when the file cannot be read as a PDF at all."""
    try:
        signatures = outside_event_loop(check_signatures, data, trust_roots)
        text = extract_text(data)
    except DomainError:
        raise
    except Exception as exc:  # a hostile or broken file: any parser error is the file's fault
        logger.info("signed copy could not be parsed: %r", exc)
        raise DomainError(
            "Không đọc được tệp PDF (tệp hỏng hoặc không đúng định dạng). Hãy xuất lại bản PDF "
            "đã ký và tải lên lần nữa."
        ) from exc
    text_check = compare_text(text, expected)
    reasons = []
    if not signatures:
        reasons.append("Tệp không có chữ ký số nào")
    for number, check in enumerate(signatures, start=1):
        if not check.ok:
            who = check.signer or check.field or f"chữ ký {number}"
            failed = [m for m in check.messages if m != OK_TEXT]
            reasons.append(f"Chữ ký {number} ({who}): " + "; ".join(failed))
    if text_check["problems"]:
        reasons.append(f"{NOT_MATCHING}: " + "; ".join(text_check["problems"]))
    return Outcome(
        valid=not reasons,
        reason=". ".join(reasons),
        signatures=[{**asdict(check), "ok": check.ok} for check in signatures],
        text_check=text_check,
    )


# --- trust roots -------------------------------------------------------------------------------
@dataclass(frozen=True)
class RootCertificate:
    der: bytes
    subject: str
    fingerprint: str
    not_after: dt.datetime
    is_ca: bool


def read_certificate(data: bytes) -> RootCertificate:
    """One X.509 certificate from a PEM or DER file (a .cer/.crt the Ban Cơ yếu publishes);
    a DomainError in Vietnamese for anything else."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization

    try:
        if b"-----BEGIN" in data[:4096]:
            certs = x509.load_pem_x509_certificates(data)
            if len(certs) != 1:
                raise DomainError("Tệp PEM có nhiều chứng thư: hãy tải lên từng chứng thư một.")
            cert = certs[0]
        else:
            cert = x509.load_der_x509_certificate(data)
    except DomainError:
        raise
    except (ValueError, TypeError) as exc:
        raise DomainError(
            "Không đọc được chứng thư: cần tệp chứng thư X.509 dạng PEM hoặc DER (.cer, .crt)."
        ) from exc
    try:
        basic = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
        is_ca = basic.ca
    except x509.ExtensionNotFound:
        is_ca = False
    return RootCertificate(
        der=cert.public_bytes(serialization.Encoding.DER),
        subject=cert.subject.rfc4514_string()[:500],
        fingerprint=cert.fingerprint(hashes.SHA256()).hex(),
        not_after=cert.not_valid_after_utc,
        is_ca=is_ca,
    )
