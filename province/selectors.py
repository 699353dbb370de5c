"""Reads of the province view, scoped to the user's office subtree (404 outside it)."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from conferences.models import Role, Unit
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import memberships_of
from conferences.selectors import office_units

from . import permissions
from .models import ApiToken, UnitSuccession

# The units whose conferences a roll-up lists, one row each.
ROW_KINDS = (Unit.Kind.DISTRICT, Unit.Kind.COMMUNE)


def rollup_scopes(user) -> list[Unit]:
    """The people's committees where the user holds an office role (or every root for the
    system administrator): the starting points of their roll-ups."""
    if user.is_superuser:
        return list(Unit.objects.filter(depth=1, kind__in=Unit.ORGANISER_KINDS).order_by("path"))
    units = {m.unit.pk: m.unit for m in memberships_of(user) if m.role in OFFICE_ROLES}
    return sorted((u for u in units.values() if u.is_organiser), key=lambda u: u.path)


def get_scope(user, pk: int) -> Unit:
    """A people's committee inside the user's office subtree."""
    unit = get_object_or_404(office_units(user), pk=pk)
    if not permissions.can_view_rollup(user, unit):
        raise Http404
    return unit


def row_units(scope: Unit):
    """Districts (historic) and communes under the scope, or the commune itself."""
    if scope.kind == Unit.Kind.COMMUNE:
        return Unit.objects.filter(pk=scope.pk)
    return Unit.objects.filter(
        path__startswith=scope.path, depth__gt=scope.depth, kind__in=ROW_KINDS
    ).exclude(succession__isnull=False)  # merged units count in their successor's row


def succession_map() -> dict[int, int]:
    """Old unit id -> new unit id, for every merger recorded."""
    return dict(UnitSuccession.objects.values_list("old_unit_id", "new_unit_id"))


def get_row_unit(scope: Unit, pk: int) -> Unit:
    return get_object_or_404(row_units(scope), pk=pk)


def token_units(user):
    """People's committees where the user may create API tokens."""
    units = Unit.objects.filter(kind__in=Unit.ORGANISER_KINDS, active=True).order_by("path")
    if user.is_superuser:
        return units
    q = Q(pk__in=[])
    for m in memberships_of(user):
        if m.role == Role.ADMIN:
            q |= Q(path__startswith=m.unit.path)
    return units.filter(q)


def visible_tokens(user):
    return ApiToken.objects.filter(unit__in=office_units(user)).select_related("unit", "created_by")


def get_token(user, pk: int) -> ApiToken:
    return get_object_or_404(visible_tokens(user), pk=pk)


def scope_successions(scope: Unit):
    """Mergers into the units of the scope's subtree."""
    return UnitSuccession.objects.filter(new_unit__path__startswith=scope.path).select_related(
        "old_unit", "new_unit", "created_by"
    )


def get_succession(scope: Unit, pk: int) -> UnitSuccession:
    return get_object_or_404(scope_successions(scope), pk=pk)


def statistics_payload(scope: Unit, *, from_year: int, to_year: int) -> dict:
    """The statistical forms of a period as plain data (the PDF is rendered by a worker)."""
    import datetime as dt

    from .statistics import build_statistics

    stats = build_statistics(
        scope, date_from=dt.date(from_year, 1, 1), date_to=dt.date(to_year, 12, 31)
    )
    return stats.as_payload()
