from django.contrib import admin

from .models import DutyTemplate, DutyTemplateItem


class DutyTemplateItemInline(admin.TabularInline):
    model = DutyTemplateItem
    extra = 1


@admin.register(DutyTemplate)
class DutyTemplateAdmin(admin.ModelAdmin):
    """The system administrator keeps the typical duties per kind of agency."""

    list_display = ["name", "key", "order"]
    inlines = [DutyTemplateItemInline]
