"""Demo data for signed copies: a made-up certificate authority (named as such, registered as a
trust root) and a signed copy of the Thanh Trì demo decision, signed here as the leader's token
would sign it. The demo CA's keys live only while the seeder runs; nothing here is used outside
the demo."""

from __future__ import annotations

import datetime as dt
import io

DEMO_CA_NAME = "CA thử nghiệm (chỉ cho dữ liệu mẫu, không phải của Ban Cơ yếu)"


def _name(common: str, organisation: str):
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


def _certificate(subject, issuer, public_key, signing_key, *, ca: bool, days: int):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=not ca,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )  # fmt: skip
        .sign(signing_key, hashes.SHA256())
    )


def demo_sign(pdf: bytes, *, signer: str, organisation: str) -> tuple[bytes, bytes]:
    """(`pdf` signed by a new demo certificate, the DER of the demo CA that issued it)."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    from .signed import outside_event_loop

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("CA thử nghiệm", "Dữ liệu mẫu")
    ca_cert = _certificate(ca_name, ca_name, ca_key.public_key(), ca_key, ca=True, days=3650)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _certificate(
        _name(signer, organisation), ca_name, key.public_key(), ca_key, ca=False, days=365
    )
    der = serialization.Encoding.DER
    key_der = key.private_bytes(
        der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    ca_der = ca_cert.public_bytes(der)
    cms_signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(cert.public_bytes(der)),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs([asn1_x509.Certificate.load(ca_der)]),
    )
    meta = signers.PdfSignatureMetadata(
        field_name="ChuKyLanhDao", subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256"
    )
    out = outside_event_loop(
        signers.sign_pdf, IncrementalPdfFileWriter(io.BytesIO(pdf)), meta, signer=cms_signer
    )
    return out.getvalue(), ca_der


def seed_demo_signed_copies(stdout) -> None:
    """A valid signed copy of the first issued demo decision that has none (idempotent)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from conferences.models import Role
    from honorees.models import AwardDecision

    from . import services
    from .builders import get_builder
    from .models import TrustRoot
    from .signed import read_certificate

    issued = AwardDecision.objects.filter(status=AwardDecision.Status.ISSUED)
    for decision in issued.select_related("round__conference__organiser").order_by("pk"):
        if services.signed_copies_of(decision):
            continue
        clerk = decision.round.conference.organiser.memberships.filter(role=Role.CLERK).first()
        if clerk is None:
            continue
        builder = get_builder("award_decision")
        pdf = builder.render(builder.collect(decision, {}), "pdf", lambda *a: None).content
        signed, ca_der = demo_sign(
            pdf, signer=decision.signer_name, organisation=decision.round.conference.organiser.name
        )
        root = read_certificate(ca_der)
        TrustRoot.objects.create(
            name=DEMO_CA_NAME, certificate=root.der, subject=root.subject,
            fingerprint=root.fingerprint, not_after=root.not_after,
        )  # fmt: skip
        upload = SimpleUploadedFile("quyet-dinh-da-ky-so.pdf", signed, "application/pdf")
        copy = services.upload_signed_copy(target=decision, upload=upload, by=clerk.user)
        stdout.write(f"Bản ký số: quyết định {decision.number_text} ({copy.get_status_display()}).")
        return
