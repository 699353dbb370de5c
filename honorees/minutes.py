"""What the minutes of a council sitting print (biên bản họp Hội đồng Thi đua - Khen thưởng),
as plain data: the attendance with each absent member's written votes, each nominee's votes and
share against its form's rule, the ranking, and the overrides of eligibility checks with their
reasons. Nominees finalised print the result kept at the time (CouncilResult); those still under
review print the live count."""

from django.utils import timezone

from core.vntext import fold, format_date_vn, format_place_date

from . import council, selectors
from .models import CouncilSitting, CouncilVote, EligibilityOverride, Nomination

NOT_COUNTED = " (không tính: hình thức không tính phiếu bằng văn bản)"


def minutes_data(sitting: CouncilSitting) -> dict:
    round = sitting.round
    organiser = round.conference.organiser
    the_council = council.round_council(round)
    positions = selectors.council_positions(round)
    rows = _rows(round, the_council)
    return {
        "parent_body": organiser.name.upper(),
        "issuing_body": "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        "place_date": format_place_date(organiser.place_name, sitting.held_at.date()),
        "round": round.title,
        "time": _time_text(sitting),
        "place": sitting.place,
        "chair": _person(sitting.chair, positions),
        "chair_name": str(sitting.chair),
        "secretary": ", ".join(x for x in (sitting.secretary_name, sitting.secretary_title) if x),
        "secretary_name": sitting.secretary_name,
        "members": the_council.total,
        "present": [_person(m, positions) for m in the_council.present],
        "absent": _absent(round, the_council, positions),
        "quorum": _quorum_lines(the_council, rows),
        "rows": [row for row, _ in rows],
        "ranking": _ranking_lines(rows),
        "overrides": _overrides(round),
    }


def _time_text(sitting: CouncilSitting) -> str:
    held = timezone.localtime(sitting.held_at)
    return f"{held:%H} giờ {held:%M} phút, {format_date_vn(held.date())}"


def _person(user, positions: dict[int, str]) -> str:
    position = positions.get(user.pk, "")
    return f"{user}, {position}" if position else str(user)


def _absent(round, the_council, positions) -> list[str]:
    """ "Name, position: vắng mặt, phiếu bằng văn bản — đồng ý: A, B; không đồng ý: C"."""
    votes = (
        CouncilVote.objects.filter(
            nomination__round=round, member__in=the_council.absent, in_writing=True
        )
        .select_related("nomination__proposed_award")
        .order_by("nomination__id")
    )
    by_member: dict[int, dict[str, list[str]]] = {}
    for vote in votes:
        name = vote.nomination.display_name
        if not vote.nomination.proposed_award.written_votes_count:
            name += NOT_COUNTED
        by_member.setdefault(vote.member_id, {}).setdefault(vote.choice, []).append(name)
    lines = []
    for member in the_council.absent:
        choices = by_member.get(member.pk)
        if not choices:
            lines.append(f"{_person(member, positions)}: vắng mặt, không gửi phiếu bằng văn bản.")
            continue
        parts = [
            f"{label.lower()}: {', '.join(choices[value])}"
            for value, label in CouncilVote.Choice.choices
            if value in choices
        ]
        lines.append(
            f"{_person(member, positions)}: vắng mặt, gửi phiếu bằng văn bản — "
            + "; ".join(parts)
            + "."
        )
    return lines


def _rows(round, the_council) -> list[tuple[dict, object]]:
    """(printed row, the form) for each nominee the council decided or is deciding."""
    live = council.round_tallies(round, the_council)
    kept = (
        Nomination.objects.filter(round=round, council_result__isnull=False)
        .select_related("council_result", "proposed_award", "unit")
        .order_by("id")
    )
    items = [(_live_row(t), t.form, (not t.passes, t.rank or 0)) for t in live]
    items += [
        (_kept_row(n), n.proposed_award, (not n.council_result.passed, n.council_result.rank or 0))
        for n in kept
    ]
    items.sort(key=lambda i: (i[1].order, i[1].name, i[2], fold(i[0]["name"])))
    for number, (row, _form, _rank) in enumerate(items, start=1):
        row["stt"] = number
    return [(row, form) for row, form, _rank in items]


def _live_row(tally: council.Tally) -> dict:
    result = tally.outcome_text
    if tally.note:
        result += f". {tally.note}"
    return {
        "name": tally.nomination.display_name,
        "unit": tally.nomination.unit_name or tally.nomination.unit.name,
        "award": tally.form.name,
        "agree": tally.agree,
        "disagree": tally.disagree,
        "written": tally.written,
        "share": f"{tally.agree}/{tally.base} ({tally.percent})",
        "rule": tally.form.vote_rule_text,
        "result": result + " (chưa chốt)",
        "limited": tally.rank is not None,
        "ranked": _ranked_text(tally.nomination.display_name, tally.rank, tally.seats, result),
    }


def _kept_row(nomination: Nomination) -> dict:
    kept = nomination.council_result
    result = "Đạt" if kept.passed else "Không đạt"
    if kept.ranking:
        result += f", {kept.get_ranking_display().lower()}"
    if kept.reason:
        result += f" (lý do: {kept.reason})"
    if kept.note:
        result += f". {kept.note}"
    return {
        "name": nomination.display_name,
        "unit": nomination.unit_name or nomination.unit.name,
        "award": nomination.proposed_award.name,
        "agree": kept.agree,
        "disagree": kept.disagree,
        "written": kept.written,
        "share": f"{kept.agree}/{kept.base} ({council.percent_text(kept.agree, kept.base)})",
        "rule": kept.rule_text,
        "result": result,
        "limited": kept.rank is not None,
        "ranked": _ranked_text(nomination.display_name, kept.rank, kept.seats, result),
    }


def _ranked_text(name: str, rank, seats, result: str) -> str:
    return f"{name}: xếp thứ {rank} (số lượng được khen: {seats}) — {result}." if rank else ""


def _quorum_lines(the_council, rows) -> list[str]:
    """One line per award form considered: members present against its quorum."""
    forms = {form.pk: form for _row, form in rows}
    lines = []
    for form in sorted(forms.values(), key=lambda f: (f.order, f.name)):
        ok, _problem = the_council.quorum(form)
        need = (
            f"cần {form.quorum_text}"
            if form.quorum_numerator is not None
            else "không quy định số thành viên phải có mặt"
        )
        lines.append(
            f"{form.name}: {need}; có mặt {the_council.present_count}/{the_council.total} — "
            f"{'đủ' if ok else 'không đủ'} số thành viên để biểu quyết."
        )
    return lines


def _ranking_lines(rows) -> list[str]:
    return [row["ranked"] for row, _form in rows if row["limited"]]


def _overrides(round) -> list[str]:
    overrides = (
        EligibilityOverride.objects.filter(nomination__round=round)
        .select_related("nomination", "created_by")
        .order_by("nomination_id", "created_at", "id")
    )
    return [
        f"{o.nomination.display_name}: không đạt điều kiện “{o.rule_text}”; cơ quan thường trực "
        f"vẫn trình Hội đồng xét với lý do: {o.reason}"
        for o in overrides
    ]
