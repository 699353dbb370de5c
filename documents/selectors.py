from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from conferences.selectors import office_units

from .models import CertificateSetting, GeneratedDocument


def visible_documents(user) -> QuerySet[GeneratedDocument]:
    qs = GeneratedDocument.objects.select_related("requested_by", "conference", "scope_unit")
    if user.is_superuser:
        return qs
    return qs.filter(Q(requested_by=user) | Q(scope_unit__in=office_units(user)))


def get_document(user, pk: int) -> GeneratedDocument:
    return get_object_or_404(visible_documents(user), pk=pk)


def conference_documents(user, conference) -> QuerySet[GeneratedDocument]:
    return visible_documents(user).filter(conference=conference)


def certificate_setting_for(organiser, kind: str) -> CertificateSetting:
    """The organiser's settings for a certificate kind, or unsaved defaults."""
    setting = CertificateSetting.objects.filter(organiser=organiser, kind=kind).first()
    if setting is None:
        label = CertificateSetting.Kind(kind).label
        setting = CertificateSetting(
            organiser=organiser, kind=kind, issuer_title=default_issuer_title(organiser)
        )
        setting._kind_label = label
    return setting


def default_issuer_title(organiser) -> str:
    """ "Ủy ban nhân dân xã Thượng Hồng" -> "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG"."""
    return f"CHỦ TỊCH {organiser.name.upper()}"
