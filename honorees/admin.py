from django.contrib import admin

from .models import (
    AwardCondition,
    AwardForm,
    ClearanceAnswer,
    ClearanceRequest,
    CouncilResult,
    CouncilSitting,
    EligibilityOverride,
    PrizeBase,
    PrizeRule,
    Revocation,
    RoundAwardLimit,
    VerificationCode,
)


class PrizeRuleInline(admin.TabularInline):
    model = PrizeRule
    extra = 0
    fields = (
        "rule_set",
        "effective_from",
        "coefficient_individual",
        "coefficient_collective",
        "coefficient_household",
        "article",
        "verified",
        "note",
    )


class AwardConditionInline(admin.StackedInline):
    model = AwardCondition
    fk_name = "award_form"
    extra = 0
    fields = (
        ("code", "kind", "active", "order"),
        "text",
        ("required_form", "count", "consecutive"),
        ("source", "verified"),
    )


@admin.register(AwardForm)
class AwardFormAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "code",
        "level",
        "for_individuals",
        "for_collectives",
        "for_households",
        "paper",
        "pays_prize",
        "authority_verified",
        "vote_verified",
        "active",
    )
    list_filter = ("level", "paper", "authority_verified", "vote_verified", "active")
    search_fields = ("name", "code")
    inlines = [PrizeRuleInline, AwardConditionInline]
    fieldsets = (
        (None, {"fields": ("code", "name", "level", "issuer", "basis", "order", "active")}),
        (
            "Đối tượng, giấy in, tiền thưởng",
            {
                "fields": (
                    ("for_individuals", "for_collectives", "for_households"),
                    ("paper", "framed"),
                    "pays_prize",
                    ("is_contest_prize", "contest_rank"),
                    "authority_source",
                    "authority_verified",
                )
            },
        ),
        (
            "Biểu quyết của Hội đồng",
            {
                "fields": (
                    ("vote_numerator", "vote_denominator", "vote_strict", "vote_base"),
                    ("quorum_numerator", "quorum_denominator"),
                    "written_votes_count",
                    "vote_source",
                    "vote_verified",
                )
            },
        ),
    )


@admin.register(PrizeRule)
class PrizeRuleAdmin(admin.ModelAdmin):
    list_display = (
        "award_form",
        "rule_set",
        "effective_from",
        "coefficient_individual",
        "coefficient_collective",
        "coefficient_household",
        "article",
        "verified",
        "note",
    )
    list_filter = ("rule_set", "verified")


@admin.register(PrizeBase)
class PrizeBaseAdmin(admin.ModelAdmin):
    list_display = ("series", "amount", "effective_from", "legal_basis")
    list_filter = ("series",)


@admin.register(AwardCondition)
class AwardConditionAdmin(admin.ModelAdmin):
    list_display = ("award_form", "text", "kind", "required_form", "count", "verified", "active")
    list_filter = ("kind", "verified", "active", "award_form")
    search_fields = ("code", "text", "source")


class ReadOnlyRecord(admin.ModelAdmin):
    """The council's and the clearance's records, shown to the system administrator (and an
    inspector) as they were kept; they change only through the product's pages, whose services
    check the rules and log each step."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CouncilSitting)
class CouncilSittingAdmin(ReadOnlyRecord):
    list_display = ("round", "held_at", "place", "chair", "closed_at")
    search_fields = ("round__title", "place")


@admin.register(RoundAwardLimit)
class RoundAwardLimitAdmin(ReadOnlyRecord):
    list_display = ("round", "award_form", "seats")


@admin.register(CouncilResult)
class CouncilResultAdmin(ReadOnlyRecord):
    list_display = ("nomination", "agree", "base", "rule_text", "passed", "rank", "ranking")
    list_filter = ("passed",)


@admin.register(EligibilityOverride)
class EligibilityOverrideAdmin(ReadOnlyRecord):
    list_display = ("nomination", "rule_text", "reason", "created_by", "created_at")


@admin.register(ClearanceRequest)
class ClearanceRequestAdmin(ReadOnlyRecord):
    list_display = ("round", "agency", "deadline", "created_at")


@admin.register(ClearanceAnswer)
class ClearanceAnswerAdmin(ReadOnlyRecord):
    list_display = ("request", "nomination", "status", "reason")
    list_filter = ("status",)


@admin.register(Revocation)
class RevocationAdmin(ReadOnlyRecord):
    list_display = ("decision", "number", "date", "issuer", "reason", "created_by")
    search_fields = ("number", "reason")


@admin.register(VerificationCode)
class VerificationCodeAdmin(ReadOnlyRecord):
    list_display = ("code", "decision", "line", "issue", "hits", "handed_to", "handed_at")
    search_fields = ("code", "line__nomination__full_name", "line__nomination__collective_name")
    list_select_related = ("decision", "line__nomination", "line__award_form")
