"""Printed lists: the honourees of a nomination round, grouped by award form, and the
delegates of a conference, grouped by category in the plan's order. Data comes from the
honorees and delegates selectors; the document functions take plain payloads only."""

from django.utils import timezone

from conferences.models import Unit
from conferences.selectors import parent_unit
from core.vntext import format_place_date

from .base import (
    ConferenceBuilder,
    ConferencePartBuilder,
    Progress,
    Rendered,
    render_single,
)

ROMAN_DIGITS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def roman(number: int) -> str:
    """Section numbers of lists and plans: 1 -> "I", 14 -> "XIV"."""
    text = ""
    for value, digits in ROMAN_DIGITS:
        count, number = divmod(number, value)
        text += digits * count
    return text


def header_fields(organiser: Unit) -> dict:
    """The national header's fields; the date line waits for the signer's day
    ("Thượng Hồng, ngày    tháng 10 năm 2025")."""
    parent = parent_unit(organiser)
    return {
        "issuing_body": organiser.name.upper(),
        "issuing_name": organiser.name,
        "parent_body": parent.name.upper() if parent else "",
        "place_date": format_place_date(organiser.place_name, timezone.localdate(), blank_day=True),
    }


# --- honourees ---------------------------------------------------------------------------------
def _honoree_row(nomination) -> dict:
    return {
        "name": nomination.display_name,
        "position": "" if nomination.is_collective else nomination.position,
        "unit": nomination.unit_name or nomination.unit.name,
        "achievement": nomination.achievement_summary,
    }


def _award_of(nomination):
    """The award in the signed decision when there is one, else the one proposed."""
    line = getattr(nomination, "award_line", None)
    return line.award_form if line is not None else nomination.proposed_award


def _sorted_rows(members: list, kind: str) -> list[dict]:
    from honorees.selectors import in_list_order

    return [_honoree_row(n) for n in in_list_order(n for n in members if n.kind == kind)]


def honoree_groups(nominations) -> list[dict]:
    """Per award form (catalogue order): collectives, individuals, then households, each in
    name order (honorees.ordering)."""
    by_form: dict[int, tuple] = {}
    for n in nominations:
        form = _award_of(n)
        by_form.setdefault(form.pk, (form, []))[1].append(n)
    return [
        {
            "award": form.name,
            "collectives": _sorted_rows(members, "collective"),
            "individuals": _sorted_rows(members, "individual"),
            "households": _sorted_rows(members, "household"),
        }
        for form, members in sorted(by_form.values(), key=lambda g: (g[0].order, g[0].name))
    ]


def _honoree_rows(index: int, group: dict) -> list[tuple]:
    from documents.engine.blocks import Cell

    rows = [
        (Cell(f"{roman(index)}. {group['award'].upper()}", colspan=5, bold=True, align="left"),)
    ]
    parts = (
        ("Tập thể", group["collectives"]),
        ("Cá nhân", group["individuals"]),
        ("Hộ gia đình", group.get("households", [])),
    )
    several = sum(1 for _label, people in parts if people) > 1
    number = 0
    for label, people in parts:
        if several:
            rows.append((Cell(label, colspan=5, bold=True, italic=True, align="left"),))
        for p in people:
            number += 1
            rows.append((str(number), p["name"], p["position"], p["unit"], p["achievement"]))
    return rows


def _honoree_table(groups: list[dict]):
    from documents.engine.blocks import Table

    rows = [row for i, group in enumerate(groups, start=1) for row in _honoree_rows(i, group)]
    return Table(
        ("STT", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Thành tích tóm tắt"),
        tuple(rows),
        widths=(1.2, 5, 3.6, 4.6, 9.6),
        align=("center", "left", "left", "left", "justify"),
        font_size=12,
    )


def honoree_list_document(payload: dict):
    """DANH SÁCH tập thể, cá nhân được biểu dương, khen thưởng: A4 landscape (a wide table)."""
    from documents.engine.blocks import Document, Header, PageSetup, Title, para

    collectives = sum(len(g["collectives"]) for g in payload["groups"])
    individuals = sum(len(g["individuals"]) for g in payload["groups"])
    households = sum(len(g.get("households", [])) for g in payload["groups"])
    whom = f"{collectives} tập thể và {individuals} cá nhân"
    if households:
        whom = f"{collectives} tập thể, {individuals} cá nhân và {households} hộ gia đình"
    blocks = [
        Header(payload["issuing_body"], payload["parent_body"], "", payload["place_date"]),
        Title(
            "DANH SÁCH",
            ("Tập thể, cá nhân được biểu dương, khen thưởng", f"tại {payload['conference']}"),
        ),
        para(f"({payload['round']})", "centered", italic=True),
        _honoree_table(payload["groups"]),
        para(f"Danh sách có {whom}./.", "plain"),
    ]
    page = PageSetup(orientation="landscape", top_mm=20, bottom_mm=20, left_mm=30, right_mm=15)
    return Document(page=page, blocks=tuple(blocks), title="Danh sách khen thưởng")


def _honoree_target():
    from honorees.models import NominationRound

    return NominationRound


class HonoreeListBuilder(ConferencePartBuilder):
    kind = "honoree_list"
    label = "Danh sách khen thưởng"

    @property
    def target_model(self):
        return _honoree_target()

    def title(self, target) -> str:
        return f"Danh sách khen thưởng — {target.title}"

    def collect(self, target, params: dict) -> dict:
        from honorees.selectors import approved_nominations

        nominations = approved_nominations(target).select_related("award_line__award_form")
        return {
            **header_fields(target.conference.organiser),
            "conference": target.conference.title,
            "round": target.title,
            "groups": honoree_groups(nominations),
        }

    def missing(self, payload) -> list[str]:
        if payload["groups"]:
            return []
        return ["đợt khen thưởng chưa có hồ sơ nào được Hội đồng thông qua"]

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        return render_single(honoree_list_document(payload), fmt, "danh-sach-khen-thuong", progress)


# --- delegates ---------------------------------------------------------------------------------
def _delegate_row(delegate) -> dict:
    return {
        "name": delegate.full_name,
        "gender": "" if delegate.is_collective else delegate.get_gender_display(),
        "position": delegate.position,
        "unit": delegate.unit_label,
        "note": delegate.place_label,
    }


def _heading(category, numbers: dict) -> str:
    """Top-level categories take Roman numerals, their sub-lines 1., 2. within the parent."""
    key = category.parent_id or 0
    numbers[key] = numbers.get(key, 0) + 1
    mark = roman(numbers[key]) if category.parent_id is None else str(numbers[key])
    return f"{mark}. {category.title}"


def delegate_groups(categories, delegates) -> list[dict]:
    """`categories` in plan order (top, then its sub-lines); a heading is kept when it or one
    of its sub-lines has someone in it."""
    by_category: dict[int, list] = {}
    for d in delegates:
        by_category.setdefault(d.category_id, []).append(_delegate_row(d))
    filled = set(by_category) | {c.parent_id for c in categories if c.pk in by_category}
    groups, numbers = [], {}
    for category in categories:
        if category.pk in filled:
            groups.append(
                {
                    "heading": _heading(category, numbers),
                    "level": 0 if category.parent_id is None else 1,
                    "rows": by_category.get(category.pk, []),
                }
            )
    return groups


def _delegate_table(groups: list[dict]):
    from documents.engine.blocks import Cell, Table

    rows, number = [], 0
    for group in groups:
        italic = group["level"] > 0
        heading = Cell(group["heading"], colspan=6, bold=True, italic=italic, align="left")
        rows.append((heading,))
        for p in group["rows"]:
            number += 1
            rows.append((str(number), p["name"], p["gender"], p["position"], p["unit"], p["note"]))
    return Table(
        ("STT", "Họ và tên", "Giới tính", "Chức vụ", "Đơn vị", "Ghi chú"),
        tuple(rows),
        widths=(1.1, 4.2, 1.7, 3.8, 4.4, 2.2),
        align=("center", "left", "center", "left", "left", "left"),
        font_size=12,
    )


def delegate_list_document(payload: dict):
    """DANH SÁCH ĐẠI BIỂU: A4 portrait, STT running through the whole list."""
    from documents.engine.blocks import Document, Header, Title, para

    rows = [r for g in payload["groups"] for r in g["rows"]]
    women = sum(r["gender"] == "Nữ" for r in rows)
    blocks = (
        Header(payload["issuing_body"], payload["parent_body"], "", payload["place_date"]),
        Title("DANH SÁCH ĐẠI BIỂU", (f"Dự {payload['conference']}",)),
        _delegate_table(payload["groups"]),
        para(f"Tổng số: {len(rows)} đại biểu, trong đó {women} nữ./.", "plain"),
    )
    return Document(blocks=blocks, title="Danh sách đại biểu")


class DelegateListBuilder(ConferenceBuilder):
    kind = "delegate_list"
    label = "Danh sách đại biểu"

    def title(self, target) -> str:
        return f"Danh sách đại biểu — {target.title}"

    def collect(self, target, params: dict) -> dict:
        """Everyone not declined, by category in the plan's order, in name order."""
        from delegates.selectors import categories_in_order, delegates_for_invitations

        groups = delegate_groups(categories_in_order(target), delegates_for_invitations(target))
        return {**header_fields(target.organiser), "conference": target.title, "groups": groups}

    def missing(self, payload) -> list[str]:
        return [] if payload["groups"] else ["hội nghị chưa có đại biểu nào trong danh sách"]

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        return render_single(delegate_list_document(payload), fmt, "danh-sach-dai-bieu", progress)
