from django.contrib import admin

from .models import AwardCondition, AwardForm, BaseSalary, PrizeRule


class PrizeRuleInline(admin.TabularInline):
    model = PrizeRule
    extra = 0


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
        "is_contest_prize",
        "pays_prize",
        "active",
    )
    list_filter = ("level", "is_contest_prize", "active")
    search_fields = ("name", "code")
    inlines = [PrizeRuleInline, AwardConditionInline]


@admin.register(PrizeRule)
class PrizeRuleAdmin(admin.ModelAdmin):
    list_display = (
        "award_form",
        "rule_set",
        "effective_from",
        "coefficient_individual",
        "coefficient_collective",
        "note",
    )
    list_filter = ("rule_set",)


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    list_display = ("amount", "effective_from", "legal_basis")


@admin.register(AwardCondition)
class AwardConditionAdmin(admin.ModelAdmin):
    list_display = ("award_form", "text", "kind", "required_form", "count", "verified", "active")
    list_filter = ("kind", "verified", "active", "award_form")
    search_fields = ("code", "text", "source")
