"""The quota allocation notice (Thông báo phân bổ số lượng đại biểu): to one unit, or to every
unit with seats (one notice per unit, each on its own page). Seats come from the delegates
selectors; the nomination quotas of the same conference, when it has any, from the honorees
selectors."""

from django.utils import timezone

from conferences.models import Conference, Unit
from conferences.plans.selectors import conference_signer
from core.vntext import format_date_vn

from .base import (
    ConferenceBuilder,
    Progress,
    Rendered,
    render_single,
)
from .lists import header_fields

NUMBER_LINE = "Số:      /TB-UBND"


def _when(moment) -> str:
    """ "17 giờ 00, ngày 05 tháng 10 năm 2025" for a deadline (local time)."""
    local = timezone.localtime(moment)
    return f"{local:%H} giờ {local:%M}, {format_date_vn(local.date())}"


def _conference_time(conference: Conference) -> str:
    if not conference.date:
        return conference.date_note
    start = conference.start_time
    clock = f"{start:%H} giờ {start:%M}, " if start else ""
    return f"{clock}{format_date_vn(conference.date)}"


def _seat_lines(conference: Conference, unit: Unit) -> list[dict]:
    from delegates.selectors import unit_allocations

    allocations = [a.allocation for a in unit_allocations(conference, unit)]
    return [
        {"category": a.category.title, "seats": a.seats, "noun": a.category.noun}
        for a in allocations
        if a.seats
    ]


def _honoree_quotas(conference: Conference, unit: Unit) -> list[dict]:
    from honorees.selectors import conference_rounds, unit_quota_lines

    quotas = []
    for round in conference_rounds(conference):
        limits = {line.kind: line.limit for line in unit_quota_lines(round, unit)}
        if any(limits.values()):
            quotas.append(
                {
                    "round": round.title,
                    "individuals": limits.get("individual", 0),
                    "collectives": limits.get("collective", 0),
                    "deadline": _when(round.deadline),
                }
            )
    return quotas


def _notice(conference: Conference, unit: Unit) -> dict:
    return {
        "unit": unit.name,
        "seats": _seat_lines(conference, unit),
        "honoree_quotas": _honoree_quotas(conference, unit),
    }


def _chosen_units(conference: Conference, unit_param) -> list[Unit] | None:
    """The units with seats, or the one asked for; None when that one has no seats."""
    from delegates.selectors import units_with_allocations

    units = units_with_allocations(conference)
    if unit_param in (None, ""):
        return units
    chosen = [u for u in units if str(u.pk) == str(unit_param)]
    return chosen or None


def _round_fields(conference: Conference) -> dict:
    from delegates.selectors import round_of

    delegate_round = round_of(conference)
    deadline = delegate_round.deadline if delegate_round else None
    instructions = delegate_round.instructions if delegate_round else ""
    return {
        "deadline": _when(deadline) if deadline else "",
        "instructions": [line.strip() for line in instructions.splitlines() if line.strip()],
    }


# --- the document ------------------------------------------------------------------------------
def _seat_items(seats: list[dict]):
    from documents.engine.blocks import items

    texts = [f"{s['category']}: {s['seats']:02d} {s['noun']}" for s in seats]
    return items([f"{t};" for t in texts[:-1]] + [f"{t}." for t in texts[-1:]])


def _quota_paragraphs(notice: dict) -> list:
    from documents.engine.blocks import para

    return [
        para(
            f"Số lượng đề nghị khen thưởng ({q['round']}): tối đa {q['individuals']} cá nhân "
            f"và {q['collectives']} tập thể; hồ sơ gửi trước {q['deadline']}."
        )
        for q in notice["honoree_quotas"]
    ]


def _opening(payload: dict, notice: dict) -> list:
    from documents.engine.blocks import para

    event = payload["conference"]
    if payload["time"]:
        event += f" vào {payload['time']}"
    if payload["venue"]:
        event += f" tại {payload['venue']}"
    organiser = payload["issuing_name"]
    return [
        para(f"{organiser} tổ chức {event}."),
        para(f"{organiser} thông báo số lượng đại biểu phân bổ cho {notice['unit']} như sau:"),
    ]


def notice_blocks(payload: dict, notice: dict) -> list:
    """One unit's notice, from the header to the signature."""
    from documents.engine.blocks import Header, Signature, Title, para

    total = sum(s["seats"] for s in notice["seats"])
    organiser, unit = payload["issuing_name"], notice["unit"]
    return [
        Header(payload["issuing_body"], payload["parent_body"], NUMBER_LINE, payload["place_date"]),
        Title("THÔNG BÁO", (f"Phân bổ số lượng đại biểu dự {payload['conference']}",)),
        *_opening(payload, notice),
        _seat_items(notice["seats"]),
        para(f"Tổng số: {total:02d} đại biểu.", bold=True),
        *_quota_paragraphs(notice),
        para(
            f"Đề nghị {unit} lựa chọn, cử đại biểu đúng thành phần, số lượng nêu trên và gửi "
            f"danh sách (họ và tên, chức vụ, đơn vị) về {organiser} trước {payload['deadline']}."
        ),
        *(para(line) for line in payload["instructions"]),
        para(f"{organiser} thông báo để {unit} biết, thực hiện./."),
        Signature(
            authority=tuple(payload["signer"]["lines"]),
            signer=payload["signer"]["name"],
            recipients=(unit, "Lưu: VT, VHXH"),
        ),
    ]


def quota_notice_document(payload: dict):
    from documents.engine.blocks import Document, PageBreak

    blocks = []
    for index, notice in enumerate(payload["notices"]):
        if index:
            blocks.append(PageBreak())
        blocks.extend(notice_blocks(payload, notice))
    # Several one-page notices in one file: a page number would run on from the previous one.
    numbers = 2 if len(payload["notices"]) == 1 else 0
    return Document(blocks=tuple(blocks), page_numbers_from=numbers, title="Thông báo")


class QuotaNoticeBuilder(ConferenceBuilder):
    kind = "quota_notice"
    label = "Thông báo phân bổ số lượng đại biểu"

    def title(self, target) -> str:
        return f"Thông báo phân bổ đại biểu — {target.title}"

    def collect(self, target, params: dict) -> dict:
        """params: unit (id) for one unit's notice; none or empty for every unit with seats."""
        units = _chosen_units(target, params.get("unit"))
        return {
            **header_fields(target.organiser),
            **_round_fields(target),
            "signer": conference_signer(target),
            "conference": target.title,
            "time": _conference_time(target),
            "venue": target.venue,
            "unit_has_no_seats": units is None,
            "notices": [_notice(target, unit) for unit in units or []],
        }

    def missing(self, payload) -> list[str]:
        problems = []
        if payload["unit_has_no_seats"]:
            problems.append("đơn vị này chưa được phân bổ đại biểu")
        elif not payload["notices"]:
            problems.append("chưa phân bổ đại biểu cho đơn vị nào")
        if not payload["deadline"]:
            problems.append("chưa đặt hạn đơn vị gửi danh sách đại biểu")
        return problems

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        from documents.engine.textutil import ascii_slug

        notices = payload["notices"]
        who = ascii_slug(notices[0]["unit"], 40).lower() if len(notices) == 1 else "cac-don-vi"
        document = quota_notice_document(payload)
        return render_single(document, fmt, f"thong-bao-phan-bo-{who}", progress)
