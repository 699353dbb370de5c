"""The report's figures, computed from the data: nomination rounds, dossiers, awards (by
form, sector and gender), delegates and prize money.

A section's text names a figure by a token, "[[ho_so_gui]]"; the outline puts the figure's
value in its place at each preview and print, so the report follows the data until it is
issued, when the values are frozen with it (SummaryReport.frozen_figures).

Which awards count: the lines of every decision of the conference's rounds, whatever the
decision's state (draft, approved by the leader, issued), so the draft report shows the awards
as they stand while the office still adjusts the list; issuing the report freezes them."""

from __future__ import annotations

import re
from collections import Counter

from core.vntext import format_money, format_number, money_in_words
from delegates.selectors import attendance_totals
from honorees.models import Nomination
from honorees.selectors import (
    award_totals_by_form,
    conference_award_lines,
    conference_nomination_counts,
    conference_rounds,
)

# The figures a text may name, in the order the editor lists them: key -> what it counts.
CATALOGUE: dict[str, str] = {
    "so_dot": "Số đợt đề nghị khen thưởng",
    "ho_so_gui": "Số hồ sơ đề nghị đơn vị đã gửi",
    "ho_so_thong_qua": "Số hồ sơ được Hội đồng thông qua",
    "khen_thuong": "Tổng số tập thể, cá nhân được khen thưởng",
    "khen_tap_the": "Số tập thể được khen thưởng",
    "khen_ca_nhan": "Số cá nhân (và hộ gia đình) được khen thưởng",
    "khen_nu": "Số cá nhân nữ được khen thưởng",
    "khen_nam": "Số cá nhân nam được khen thưởng",
    "theo_hinh_thuc": "Khen thưởng theo hình thức (liệt kê)",
    "theo_linh_vuc": "Khen thưởng theo lĩnh vực (liệt kê)",
    "dai_bieu_moi": "Số đại biểu được mời",
    "dai_bieu_co_mat": "Số đại biểu có mặt",
    "tien_thuong": "Tổng tiền thưởng (đồng)",
    "tien_thuong_bang_chu": "Tổng tiền thưởng bằng chữ",
}
TOKEN = re.compile(r"\[\[([a-z_]+)\]\]")

S = Nomination.Status
# A dossier counts as sent once the unit sent it (returned ones were sent too).
SENT = (S.SUBMITTED, S.RETURNED, S.APPROVED, S.REJECTED, S.AWARDED)
PASSED = (S.APPROVED, S.AWARDED)


def _count(n: int) -> str:
    """Counts below 10 take a leading zero, as reports write them ("05 tập thể")."""
    return f"{n:02d}" if 0 < n < 10 else format_number(n)


def _by_sector(conference) -> str:
    counts = Counter(
        conference_award_lines(conference).values_list("nomination__sector", flat=True)
    )
    parts = [f"{sector or 'Khác'}: {_count(n)}" for sector, n in sorted(counts.items())]
    return "; ".join(parts) or "chưa có"


def _by_form(rows: list[dict]) -> str:
    parts = []
    for row in rows:
        people = row["lines"] - row["collectives"]
        detail = ", ".join(
            p
            for p in (
                f"{_count(row['collectives'])} tập thể" if row["collectives"] else "",
                f"{_count(people)} cá nhân" if people else "",
            )
            if p
        )
        parts.append(f"{row['name']}: {_count(row['lines'])} ({detail})")
    return "; ".join(parts) or "chưa có"


def compute_figures(conference) -> dict:
    """Every figure, as printed text, plus the rows of the awards table: plain data (JSON), so
    the same dict is frozen when the report is issued. A fixed number of queries."""
    nominations = conference_nomination_counts(conference)
    lines = conference_award_lines(conference)
    kinds = Counter(lines.values_list("nomination__kind", "nomination__gender"))
    collectives = sum(n for (kind, _), n in kinds.items() if kind == Nomination.Kind.COLLECTIVE)
    total = sum(kinds.values())
    rows = award_totals_by_form(conference)
    money = sum(row["amount"] for row in rows)
    delegates = attendance_totals(conference)
    female = sum(n for (k, g), n in kinds.items() if k != "collective" and g == "female")
    male = sum(n for (k, g), n in kinds.items() if k != "collective" and g == "male")
    values = {
        "so_dot": _count(conference_rounds(conference).count()),
        "ho_so_gui": _count(sum(nominations.get(s, 0) for s in SENT)),
        "ho_so_thong_qua": _count(sum(nominations.get(s, 0) for s in PASSED)),
        "khen_thuong": _count(total),
        "khen_tap_the": _count(collectives),
        "khen_ca_nhan": _count(total - collectives),
        "khen_nu": _count(female),
        "khen_nam": _count(male),
        "theo_hinh_thuc": _by_form(rows),
        "theo_linh_vuc": _by_sector(conference),
        "dai_bieu_moi": _count(delegates["invited"]),
        "dai_bieu_co_mat": _count(delegates["present"]),
        "tien_thuong": format_money(money),
        "tien_thuong_bang_chu": money_in_words(money),
    }
    table = [
        {"name": r["name"], "lines": r["lines"], "collectives": r["collectives"],
         "amount": r["amount"]}
        for r in rows
    ]  # fmt: skip
    return {"values": values, "by_form": table, "money": money}


def fill(text: str, values: dict[str, str]) -> str:
    """The text with each known token replaced by its value; unknown tokens stay visible."""
    return TOKEN.sub(lambda m: values.get(m.group(1), m.group(0)), text)
