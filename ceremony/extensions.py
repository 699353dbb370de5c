"""The ceremony's card on the conference page."""

from django.urls import reverse

from core.extensions import ConferenceLink

from .permissions import can_view_ceremony


def conference_links(user, conference) -> list[ConferenceLink]:
    if not can_view_ceremony(user, conference):
        return []
    return [
        ConferenceLink(
            "Lễ trao thưởng",
            reverse("ceremony:script", kwargs={"conference_pk": conference.pk}),
            "Kịch bản trao thưởng, phiếu xếp hàng, trình chiếu, ảnh và bảng vinh danh.",
            order=75,
        )
    ]
