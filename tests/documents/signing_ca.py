"""A throwaway certificate authority for the signed-copy tests: a root CA and a signer
certificate made with `cryptography`, and a PDF signed in memory with pyHanko's signers API
(as an office's USB token would sign it on the leader's computer)."""

import datetime as dt
import io
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


@dataclass
class TestCA:
    name: str
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    @property
    def der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)


@dataclass
class TestSigner:
    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate
    ca: TestCA


def _name(common: str, organisation: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def make_ca(common: str = "Test Root CA (thử nghiệm)") -> TestCA:
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(common, "Ban thử nghiệm chứng thư")
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(_now() - dt.timedelta(days=1))
        .not_valid_after(_now() + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return TestCA(common, key, cert)


def make_signer(ca: TestCA, common: str, organisation: str) -> TestSigner:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common, organisation))
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(_now() - dt.timedelta(days=1))
        .not_valid_after(_now() + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()),
            critical=False,
        )
        .sign(ca.key, hashes.SHA256())
    )
    return TestSigner(key, cert, ca)


def sign_pdf(pdf: bytes, signer: TestSigner, field_name: str = "ChuKyLanhDao") -> bytes:
    """`pdf` with a PAdES signature of `signer` over the whole file (an incremental update)."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    from documents.signed import outside_event_loop

    der = serialization.Encoding.DER
    key_der = signer.key.private_bytes(
        der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    cms_signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(signer.cert.public_bytes(der)),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs(
            [asn1_x509.Certificate.load(signer.ca.der)]
        ),
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256"
    )
    # In a thread of its own when a loop runs here (a browser test): pyHanko runs its own.
    out = outside_event_loop(signers.sign_pdf, writer, meta, signer=cms_signer)
    return out.getvalue()


def flip_byte_in_signed_range(signed: bytes, marker: bytes = b"Producer") -> bytes:
    """The signed PDF with one byte changed inside the signed range: a letter of the first
    `marker` (the document information's producer, written before the signature), so the
    file still parses and only the signature can tell."""
    data = bytearray(signed)
    at = signed.index(marker) + 1
    assert at < signed.index(b"/ByteRange")
    data[at] ^= 0x20  # "r" -> "R"
    return bytes(data)


def add_text_after_signing(signed: bytes, text: bytes = b"Da sua") -> bytes:
    """An incremental update after the signature that draws more text on page 1 (the signed
    bytes stay intact; the signature no longer covers what the reader sees)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    added = writer.add_object(
        generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 600 Td (" + text + b") Tj ET")
    )
    contents = page["/Contents"]
    if isinstance(contents, generic.ArrayObject):
        contents.append(added)
    else:
        page["/Contents"] = generic.ArrayObject([page.raw_get("/Contents"), added])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
