"""The ceremony's card on the conference page."""

from django.urls import reverse

from core.extensions import ConferenceLink

from .permissions import can_view_ceremony, submitting_unit_ids


def conference_links(user, conference) -> list[ConferenceLink]:
    if not can_view_ceremony(user, conference):
        if not submitting_unit_ids(user):
            return []
        url = reverse("ceremony:honourees", kwargs={"conference_pk": conference.pk})
        text = "Ảnh, câu chuyện của người được khen do đơn vị đề nghị (sau khi có quyết định)."
        return [ConferenceLink("Ảnh người được khen", url, text, order=75)]
    return [
        ConferenceLink(
            "Lễ trao thưởng",
            reverse("ceremony:script", kwargs={"conference_pk": conference.pk}),
            "Kịch bản trao thưởng, phiếu xếp hàng, trình chiếu, ảnh và bảng vinh danh.",
            order=75,
        )
    ]
