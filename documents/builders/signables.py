"""The two kinds of issued document a signed copy is uploaded for: an issued plan
(conferences) and an issued award decision (honorees). Read through the apps' selectors,
permissions and models; registered in the documents AppConfig.ready."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from ..signable import Signable, date_part, plain, register_signable
from ..signed import Expected


class PlanSignable(Signable):
    @property
    def model(self):
        from conferences.models import Plan

        return Plan

    def get(self, user, pk: int):
        from conferences.plans.selectors import get_plan

        return get_plan(user, pk)

    def can_upload(self, user, target) -> bool:
        """The văn thư of the organiser, or its staff (who issue plans)."""
        from conferences.models import Role
        from conferences.permissions import has_role_over

        return self.is_issued(target) and has_role_over(
            user, target.conference.organiser, {Role.CLERK, Role.STAFF}
        )

    def is_issued(self, target) -> bool:
        from conferences.models import PlanStatus

        return target.status == PlanStatus.ISSUED and target.number is not None

    def number_text(self, target) -> str:
        return f"{target.number:02d}/{target.type_code}" if target.number else ""

    def issued_at(self, target) -> dt.datetime | None:
        from conferences.models import PlanRevision

        revision = (
            PlanRevision.objects.filter(plan=target, event=PlanRevision.Event.ISSUED)
            .order_by("-number")
            .only("created_at")
            .first()
        )
        if revision is not None:
            return revision.created_at
        if target.issued_on:
            return timezone.make_aware(dt.datetime.combine(target.issued_on, dt.time(8)))
        return None

    def expected(self, target) -> Expected:
        from conferences.plans.selectors import printable_outline

        outline = printable_outline(target)
        body = [
            plain(line.get("lead", "")) + " " + plain(line.get("text", ""))
            for section in outline["sections"]
            for line in section["lines"]
        ]
        return Expected(
            number=self.number_text(target),
            date_text=date_part(outline["place_date"]),
            subject=tuple(outline["subject"]),
            body=tuple(body),
        )

    def scope_unit(self, target):
        return target.conference.organiser

    def page_url(self, target) -> str:
        return reverse("plan_detail", args=[target.pk])


class DecisionSignable(Signable):
    @property
    def model(self):
        from honorees.models import AwardDecision

        return AwardDecision

    def get(self, user, pk: int):
        from honorees.selectors import get_decision

        return get_decision(user, pk)

    def can_upload(self, user, target) -> bool:
        from honorees.permissions import is_decision_clerk

        return self.is_issued(target) and is_decision_clerk(user, target)

    def is_issued(self, target) -> bool:
        return target.status == target.Status.ISSUED and target.number is not None

    def number_text(self, target) -> str:
        return target.number_text

    def issued_at(self, target) -> dt.datetime | None:
        return target.issued_at

    def expected(self, target) -> Expected:
        from honorees.selectors import decision_document_data

        data = decision_document_data(target)
        body = [
            *data.legal_bases,
            data.proposing_line,
            *(plain(article) for article in data.articles),
            *(f"{row.name}" for section in data.sections for row in section.rows),
        ]
        return Expected(
            number=self.number_text(target),
            date_text=date_part(data.place_date),
            subject=(data.subject,),
            body=tuple(body),
        )

    def scope_unit(self, target):
        return target.round.conference.organiser

    def page_url(self, target) -> str:
        return reverse("honorees:decision_detail", args=[target.pk])


def register_signables() -> None:
    register_signable(PlanSignable("plan", "Kế hoạch"))
    register_signable(DecisionSignable("award_decision", "Quyết định khen thưởng"))
