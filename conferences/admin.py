"""Django admin for the system administrator (superusers). Offices work in the app's own pages."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from .models import ActivityEntry, Conference, DocumentNumberRegister, Membership, Unit, User


@admin.register(Unit)
class UnitAdmin(TreeAdmin):
    form = movenodeform_factory(Unit, fields=["name", "short_name", "code", "kind", "active"])
    list_display = ("name", "code", "kind", "active")
    list_filter = ("kind", "active")
    search_fields = ("name", "short_name", "code")


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("unit",)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Thông tin cá nhân", {"fields": ("full_name", "email", "phone")}),
        ("Quyền", {"fields": ("is_active", "is_staff", "is_superuser")}),
        ("Thời gian", {"fields": ("last_login", "date_joined")}),
    )
    list_display = ("username", "full_name", "email", "is_active", "is_superuser")
    search_fields = ("username", "full_name", "email")
    inlines = [MembershipInline]


@admin.register(Conference)
class ConferenceAdmin(admin.ModelAdmin):
    list_display = ("title", "organiser", "kind", "start_year", "end_year", "date")
    list_filter = ("kind",)
    search_fields = ("title",)
    autocomplete_fields = ("organiser",)


@admin.register(ActivityEntry)
class ActivityEntryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor", "summary", "conference")
    list_filter = ("action",)
    search_fields = ("summary", "object_repr")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DocumentNumberRegister)
class DocumentNumberRegisterAdmin(admin.ModelAdmin):
    list_display = ("unit", "year", "type_code", "last_number")
    list_filter = ("year", "type_code")
