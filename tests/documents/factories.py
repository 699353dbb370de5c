import factory

from documents.models import CertificateSetting
from tests.factories import UnitFactory


class CertificateSettingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateSetting

    organiser = factory.SubFactory(UnitFactory)
    kind = CertificateSetting.Kind.MERIT
    issuer_title = "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THỊNH"


def tiny_pdf() -> bytes:
    import io

    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, "Trang thu")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def make_document(*, scope_unit, requested_by, status="ready", conference=None):
    """A GeneratedDocument with a real PDF file, as a finished render leaves it."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from documents.models import GeneratedDocument

    document = GeneratedDocument.objects.create(
        kind="certificate_test",
        fmt="pdf",
        title="Trang in thử",
        scope_unit=scope_unit,
        conference=conference,
        target_type=ContentType.objects.get_for_model(scope_unit),
        target_id=str(scope_unit.pk),
        content_hash="0" * 64,
        requested_by=requested_by,
    )
    if status == "ready":
        relative = f"documents/{document.pk}/thu.pdf"
        path = settings.MEDIA_ROOT / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(tiny_pdf())
        document.file, document.filename = relative, "thu.pdf"
        document.expires_at = timezone.now() + timezone.timedelta(hours=1)
    document.status = status
    document.save()
    return document
