"""The read-only JSON API for the province's other systems (document management, personnel
database). Every call carries `Authorization: Bearer <key>`; a key reads the subtree of the
unit it was made for, nothing else (404 outside it). OpenAPI: /api/v1/openapi.json, and the
docs page /api/v1/docs served from the project's own static files (no CDN)."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import HttpBearer

from conferences.selectors import conferences_under
from honorees.selectors import decision_lines, signed_decisions_under

from .rollup import ADDITIVE, RollupFilter, build_rollup
from .services import authenticate_token


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        api_token = authenticate_token(token)
        if api_token is not None:
            request.api_token = api_token
        return api_token


api = NinjaAPI(
    title="API Thi đua - Khen thưởng",
    version="1",
    description="Chỉ đọc: hội nghị, quyết định khen thưởng và số liệu tổng hợp của đơn vị.",
    auth=TokenAuth(),
    urls_namespace="api",
    docs_decorator=login_required,
)


class ConferenceOut(Schema):
    id: int
    title: str
    kind: str
    kind_label: str
    organiser_id: int
    organiser_name: str = Field(alias="organiser.name")
    organiser_official_code: str = Field(alias="organiser.official_code")
    start_year: int
    end_year: int
    date: dt.date | None
    date_precision: str
    venue: str
    plan_number: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_plan_number(obj) -> str:
        plan = getattr(obj, "plan", None)
        return f"{plan.number:02d}/{plan.type_code}" if plan and plan.number else ""


class DecisionOut(Schema):
    id: int
    number: str = Field(alias="number_text")
    date: dt.date
    subject: str
    conference_id: int = Field(alias="round.conference_id")
    organiser_name: str = Field(alias="round.conference.organiser.name")
    line_count: int
    amount_total: int


class LineOut(Schema):
    id: int
    kind: str
    name: str
    gender: str
    birth_year: int | None
    ethnicity: str
    sector: str
    direct_producer: bool
    unit_name: str
    award_form: str
    amount: int


class DecisionDetail(DecisionOut):
    lines: list[LineOut] = Field(alias="line_rows")


class UnitFigures(Schema):
    unit_id: int
    name: str
    official_code: str
    figures: dict[str, int]
    by_award_form: dict[str, int]


class StatisticsOut(Schema):
    unit_id: int
    unit_name: str
    from_year: int
    to_year: int
    kind: str
    totals: dict[str, int]
    by_award_form: dict[str, int]
    by_sector: dict[str, int]
    units: list[UnitFigures]


def _line(line) -> dict:
    n = line.nomination
    return {
        "id": line.pk, "kind": n.kind, "name": n.display_name, "gender": n.gender,
        "birth_year": n.birth_year, "ethnicity": n.ethnicity, "sector": n.get_sector_display(),
        "direct_producer": n.works_directly_in_production, "unit_name": n.unit.name,
        "award_form": line.award_form.name, "amount": line.amount,
    }  # fmt: skip


@api.get("/conferences", response=list[ConferenceOut], url_name="conferences")
@paginate(LimitOffsetPagination)
def list_conferences(request, year: int | None = None, kind: str = ""):
    """Hội nghị do đơn vị của khóa hoặc đơn vị trực thuộc tổ chức."""
    qs = conferences_under(request.api_token.unit).order_by("-end_year", "-date", "-id")
    if year is not None:
        qs = qs.filter(start_year__lte=year, end_year__gte=year)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


@api.get("/conferences/{conference_id}", response=ConferenceOut, url_name="conference")
def get_conference(request, conference_id: int):
    return get_object_or_404(conferences_under(request.api_token.unit), pk=conference_id)


@api.get("/decisions", response=list[DecisionOut], url_name="decisions")
@paginate(LimitOffsetPagination)
def list_decisions(request, year: int | None = None):
    """Quyết định khen thưởng đã ký."""
    qs = signed_decisions_under(request.api_token.unit)
    if year is not None:
        qs = qs.filter(date__year=year)
    return qs


@api.get("/decisions/{decision_id}", response=DecisionDetail, url_name="decision")
def get_decision(request, decision_id: int):
    """Một quyết định và danh sách tập thể, cá nhân được khen."""
    decision = get_object_or_404(signed_decisions_under(request.api_token.unit), pk=decision_id)
    decision.line_rows = [_line(line) for line in decision_lines(decision).order_by("id")]
    return decision


@api.get("/statistics", response=StatisticsOut, url_name="statistics")
def statistics(request, from_year: int, to_year: int, kind: str = ""):
    """Số liệu tổng hợp theo đơn vị (như trang Tổng hợp)."""
    unit = request.api_token.unit
    data = build_rollup(unit, RollupFilter(from_year=from_year, to_year=to_year, kind=kind))
    names = {f.pk: f.name for f in data.forms}
    return {
        "unit_id": unit.pk, "unit_name": unit.name, "from_year": from_year,
        "to_year": to_year, "kind": kind,
        "totals": {k: getattr(data.totals, k) for k in ADDITIVE},
        "by_award_form": {names[k]: v for k, v in data.totals.by_form.items() if k in names},
        "by_sector": dict(data.totals.by_sector),
        "units": [
            {
                "unit_id": r.unit.pk, "name": r.unit.name, "official_code": r.unit.official_code,
                "figures": {k: getattr(r.figures, k) for k in ADDITIVE},
                "by_award_form": {names[k]: v for k, v in r.figures.by_form.items() if k in names},
            }
            for r in data.rows
        ],
    }  # fmt: skip
