from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Văn bản, in ấn"

    def ready(self) -> None:
        from django.urls import reverse

        from conferences.models.users import OFFICE_ROLES
        from conferences.permissions import has_role_over
        from core.extensions import ConferenceLink, register_conference_links

        from .builders import register
        from .builders.assignments import AssignmentSheetBuilder
        from .builders.certificates import CertificateTestBuilder
        from .builders.council import CouncilMinutesBuilder
        from .builders.decisions import CertificatesBuilder, DecisionBuilder
        from .builders.invitations import InvitationBuilder
        from .builders.lists import DelegateListBuilder, HonoreeListBuilder
        from .builders.notices import QuotaNoticeBuilder

        register(CertificateTestBuilder())
        register(DecisionBuilder())
        register(CertificatesBuilder())
        register(AssignmentSheetBuilder())
        register(CouncilMinutesBuilder())

        from .builders.plans import MaketBuilder, PlanBuilder, ProgrammeBuilder

        register(PlanBuilder())
        register(ProgrammeBuilder())
        register(MaketBuilder())
        register(HonoreeListBuilder())
        register(DelegateListBuilder())
        register(QuotaNoticeBuilder())
        register(InvitationBuilder())

        from .builders.exports import RegisterExportBuilder, RoundExportBuilder

        register(RegisterExportBuilder())
        register(RoundExportBuilder())

        from .builders.statistics import StatisticsBuilder

        register(StatisticsBuilder())

        from .builders.signables import register_signables

        register_signables()

        from core.extensions import register_demo_seeder

        from .demo import seed_demo_signed_copies

        register_demo_seeder(seed_demo_signed_copies)

        from .builders.ceremony import (
            CallSheetsBuilder,
            CeremonyScriptBuilder,
            HonourBoardZipBuilder,
            PosterBuilder,
            SlidesBuilder,
        )

        register(CeremonyScriptBuilder())
        register(CallSheetsBuilder())
        register(PosterBuilder())
        register(SlidesBuilder())
        register(HonourBoardZipBuilder())

        from .builders.seating import PlaceCardsBuilder, SeatingChartBuilder

        register(SeatingChartBuilder())
        register(PlaceCardsBuilder())

        from .builders.finance import FundingRequestBuilder
        from .builders.reports import SummaryReportBuilder

        register(SummaryReportBuilder())
        register(FundingRequestBuilder())

        def documents_link(user, conference):
            if not has_role_over(user, conference.organiser, OFFICE_ROLES):
                return []
            from .models import GeneratedDocument

            url = reverse("conference_documents", args=[conference.pk])
            ready = GeneratedDocument.objects.filter(
                conference=conference, status=GeneratedDocument.Status.READY
            ).count()
            return [
                ConferenceLink(
                    "Văn bản đã in",
                    url,
                    "Các tệp DOCX, PDF đã tạo cho hội nghị.",
                    order=90,
                    figures=(f"{ready} tệp đã in",),
                )
            ]

        register_conference_links(documents_link)
