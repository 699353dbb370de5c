from django.contrib import admin

from .models import AwardForm, BaseSalary, PrizeRule


class PrizeRuleInline(admin.TabularInline):
    model = PrizeRule
    extra = 0


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
    inlines = [PrizeRuleInline]


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
