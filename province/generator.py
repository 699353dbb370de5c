"""A generated province for tests and the bench: communes, and for each commune and year an
annual conference with an issued plan, delegates, a nomination round, awarded nominations and
a signed decision whose lines carry the prize money of the rules in force.

Everything is built through the project's models, in bulk (a few queries per year and
batch, whatever the number of communes); nominations and award lines, the two large tables,
are inserted with one executemany per batch from rows the models' fields prepared. People come back year after year (the same name
and birth year in the same commune), so award histories have something to find. The numbers
used are recorded in each commune's register of numbers, so later real documents continue
them. Deterministic for a given `seed`."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from conferences.models import Conference, DocumentNumberRegister, Unit
from conferences.plans.models import Plan, PlanStatus
from core.vntext import fold
from delegates.models import Delegate, DelegateCategory
from honorees.models import (
    AwardDecision,
    AwardForm,
    AwardLine,
    Nomination,
    NominationRound,
    PrizeRule,
)
from honorees.prizes import compute_prize

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ")
MIDDLE_MALE = ("Văn", "Đức", "Quang", "Minh", "Hữu")
MIDDLE_FEMALE = ("Thị", "Thu", "Ngọc", "Thanh", "Hồng")
SECOND_MIDDLE = ("Xuân", "Hoài", "Kim", "Bảo", "Gia", "Khánh", "Phúc", "Diệu")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hòa", "Lan", "Mai", "Nam", "Thủy", "Tâm", "Yến")
SECTORS = (  # core.vocabulary.Sector's codes
    "economy",
    "society",
    "culture",
    "security",
    "defence",
    "party_state",
    "mass_org",
)
ETHNICITIES = ("Kinh",) * 8 + ("Tày", "Mường")
INDIVIDUAL_FORMS = ("gk-xa", "ldtt", "cstd-cs")
COLLECTIVE_FORMS = ("gk-xa", "tt-ldtt", "tt-ldxs")
BATCH = 5000


@dataclass
class GeneratedProvince:
    province: Unit
    communes: list[Unit]
    years: list[int]
    lines: int = 0
    conferences: list[Conference] = field(default_factory=list)


def _units(prefix: str, communes: int) -> tuple[Unit, list[Unit]]:
    province = Unit.objects.add_root(
        instance=Unit(
            name=f"Ủy ban nhân dân tỉnh Mẫu {prefix}", short_name=f"UBND tỉnh Mẫu {prefix}",
            code=prefix, kind=Unit.Kind.PROVINCE,
        )
    )  # fmt: skip
    children = []
    for i in range(1, communes + 1):
        unit = Unit(
            name=f"Ủy ban nhân dân xã Mẫu {prefix} {i:03d}",
            short_name=f"Xã Mẫu {i:03d}",
            code=f"{prefix}-X{i:03d}",
            kind=Unit.Kind.COMMUNE,
        )
        children.append(Unit.objects.add_child(province, instance=unit))
        province.refresh_from_db(fields=["numchild"])
    return province, children


def _conferences(communes: list[Unit], year: int) -> list[Conference]:
    day = dt.date(year, 12, 10)
    return Conference.objects.bulk_create(
        Conference(
            organiser=c, kind=Conference.Kind.ANNUAL_REVIEW, start_year=year, end_year=year,
            title=f"Hội nghị tổng kết phong trào thi đua năm {year} — {c.label}",
            date=day, date_is_expected=False, venue="Hội trường Ủy ban nhân dân",
        )
        for c in communes
    )  # fmt: skip


def _plans(conferences: list[Conference], year: int) -> None:
    Plan.objects.bulk_create(
        Plan(
            conference=c, status=PlanStatus.ISSUED, issuing_body=c.organiser.name.upper(),
            number=1, issued_on=dt.date(year, 10, 1), place=c.organiser.place_name,
            subject=f"Tổ chức Hội nghị tổng kết phong trào thi đua năm {year}",
        )
        for c in conferences
    )  # fmt: skip


def _delegates(conferences: list[Conference], per_conference: int, rng: random.Random) -> None:
    categories = DelegateCategory.objects.bulk_create(
        DelegateCategory(conference=c, order=order, title=title, target_kind="range")
        for c in conferences
        for order, title in ((1, "Đại biểu khách mời"), (2, "Đại biểu các đơn vị"))
    )
    Delegate.objects.bulk_create(
        Delegate(
            conference_id=cat.conference_id, category=cat, full_name=f"Đại biểu {i + 1}",
            gender=rng.choice(("male", "female")), ethnicity=rng.choice(ETHNICITIES),
            works_directly_in_production=rng.random() < 0.3, source="guest",
        )
        for cat in categories
        for i in range(per_conference // 2)
    )  # fmt: skip


def _rounds_and_decisions(conferences: list[Conference], year: int):
    deadline = timezone.make_aware(dt.datetime(year, 11, 15, 17, 0))
    rounds = NominationRound.objects.bulk_create(
        NominationRound(
            conference=c, title=f"Đề nghị khen thưởng năm {year}", deadline=deadline,
            state=NominationRound.State.CLOSED,
        )
        for c in conferences
    )  # fmt: skip
    signed = timezone.make_aware(dt.datetime(year, 12, 5, 9, 0))
    decisions = AwardDecision.objects.bulk_create(
        AwardDecision(
            round=r, status=AwardDecision.Status.ISSUED, number=1, date=dt.date(year, 12, 5),
            place=c.organiser.place_name, subject=f"Về việc khen thưởng năm {year}",
            authority=f"CHỦ TỊCH {c.organiser.name.upper()}",
            legal_bases="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
            proposing_body="Phòng Văn hóa - Xã hội", signer_head_title="CHỦ TỊCH",
            signer_title="CHỦ TỊCH", signer_name="Nguyễn Văn Chủ", signed_at=signed,
            issued_at=signed,
        )
        for r, c in zip(rounds, conferences, strict=True)
    )  # fmt: skip
    return rounds, decisions


def person(commune_index: int, j: int) -> tuple[str, str, int]:
    """The j-th person of a commune: the same (name, gender, birth year) every year."""
    female = (commune_index + j) % 2 == 1
    middle = (MIDDLE_FEMALE if female else MIDDLE_MALE)[j % 5]
    # The name and birth year repeat every 120 people; past that a second middle name keeps
    # each one a different person (a round refuses the same person twice).
    if j >= 120:
        middle = f"{middle} {SECOND_MIDDLE[(j // 120 - 1) % len(SECOND_MIDDLE)]}"
    name = f"{FAMILY[(commune_index + j) % 10]} {middle} {GIVEN[(j * 7 + commune_index) % 12]}"
    return name, "female" if female else "male", 1960 + (commune_index * 3 + j) % 40


class _Prizes:
    """compute_prize once per (form, individual or collective, date). Years before the
    catalogue's first rule (it starts in 2024) take the amounts of that first rule."""

    def __init__(self):
        self.forms = {f.code: f for f in AwardForm.objects.all()}
        self.cache: dict[tuple, object] = {}

    def amount(self, code: str, collective: bool, on: dt.date) -> int:
        return self.prize(code, collective, on).amount

    def prize(self, code: str, collective: bool, on: dt.date):
        key = (code, collective, on)
        if key not in self.cache:
            form = self.forms[code]
            first = PrizeRule.objects.filter(award_form=form).order_by("effective_from").first()
            on = max(on, first.effective_from) if first else on
            kind = "collective" if collective else "individual"
            self.cache[key] = compute_prize(award_form=form, kind=kind, decision_date=on)
        return self.cache[key]


def _row_template(model, **fields) -> dict:
    """Column -> database value of a new row with the model's defaults (timestamps set),
    computed once: each generated row then changes only the columns that differ."""
    template = model(**fields)
    return {
        f.column: f.get_db_prep_save(f.pre_save(template, add=True), connection)
        for f in model._meta.concrete_fields
        if not f.primary_key
    }


def _insert(model, rows: list[dict]) -> None:
    """One executemany for many rows: the two largest tables (nominations and award lines,
    50,000 rows a year at the issue's size) are written this way, as Django's bulk_create
    spends most of its time preparing each value of each row."""
    columns = list(rows[0])
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) "  # noqa: S608 (names from the model)
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [tuple(row[c] for c in columns) for row in rows])


def _nomination_row(base: dict, commune_index: int, unit: Unit, j: int, form: AwardForm, rng):
    row = dict(base, unit_id=unit.pk, proposed_award_id=form.pk)
    row["sector"] = SECTORS[(commune_index + j) % len(SECTORS)]
    if j % 7 == 6:
        name = f"Tập thể số {j + 1} — {unit.label}"
        row.update(kind="collective", collective_name=name, name_key=fold(name))
        return row
    name, gender, born = person(commune_index, j)
    row.update(
        kind="individual", full_name=name, name_key=fold(name), gender=gender, birth_year=born,
        ethnicity=rng.choice(ETHNICITIES), works_directly_in_production=j % 3 == 0,
    )  # fmt: skip
    return row


def _awards(communes, rounds, decisions, year, lines, rng, prizes: _Prizes) -> int:
    day = dt.date(year, 12, 5)
    any_form = next(iter(prizes.forms.values()))
    base = _row_template(
        Nomination, round=rounds[0], unit=communes[0], proposed_award=any_form,
        status=Nomination.Status.AWARDED,
        achievement_summary="Hoàn thành xuất sắc nhiệm vụ được giao.",
    )  # fmt: skip
    created, step = 0, max(BATCH // max(lines, 1), 1)  # communes per batch
    for start in range(0, len(communes), step):
        chunk = range(start, min(start + step, len(communes)))
        created += _award_chunk(base, chunk, communes, rounds, decisions, lines, rng, prizes, day)
    return created


def _award_chunk(base, chunk, communes, rounds, decisions, lines, rng, prizes, day) -> int:
    rows, codes = [], []
    for index in chunk:
        for j in range(lines):
            code = rng.choice(COLLECTIVE_FORMS if j % 7 == 6 else INDIVIDUAL_FORMS)
            row = _nomination_row(base, index, communes[index], j, prizes.forms[code], rng)
            row["round_id"] = rounds[index].pk
            rows.append(row)
            codes.append((index, code, row["kind"] == "collective"))
    if not rows:
        return 0
    _insert(Nomination, rows)
    ids = Nomination.objects.filter(round_id__in=[rounds[i].pk for i in chunk]).order_by("id")
    ids = list(ids.values_list("id", flat=True))
    _insert(
        AwardLine,
        [
            _line_row(
                decisions[index].pk,
                pk,
                prizes.forms[code].pk,
                prizes.prize(code, collective, day),
                gold_book,
            )  # fmt: skip
            for gold_book, (pk, (index, code, collective)) in _numbered(ids, codes)
        ],
    )
    return len(rows)


def _numbered(ids, codes):
    """(số sổ vàng, (id, code)) with the number running 1..n within each commune's decision."""
    seen: dict[int, int] = {}
    for pk, (index, code, collective) in zip(ids, codes, strict=True):
        seen[index] = seen.get(index, 0) + 1
        yield seen[index], (pk, (index, code, collective))


def _line_row(decision_id, nomination_id, form_id, prize, gold_book: int) -> dict:
    return {
        "decision_id": decision_id,
        "nomination_id": nomination_id,
        "award_form_id": form_id,
        "amount": prize.amount,
        "coefficient": prize.coefficient,
        "base_amount": prize.base_amount,
        "base_series": prize.base_series,
        "rule_set": prize.rule_set,
        "gold_book_number": gold_book,
    }


def _registers(communes: list[Unit], year: int) -> None:
    DocumentNumberRegister.objects.bulk_create(
        DocumentNumberRegister(unit=c, year=year, type_code=code, last_number=1)
        for c in communes
        for code in ("QĐ", "KH-UBND")
    )


@transaction.atomic
def generate_province(
    *,
    communes: int,
    years: int,
    lines_per_commune: int = 20,
    delegates_per_conference: int = 12,
    last_year: int = 2025,
    prefix: str = "MAU",
    seed: int = 2025,
) -> GeneratedProvince:
    """A province with `communes` communes and `years` years (ending with `last_year`) of
    annual conferences, each with `lines_per_commune` award lines in its signed decision.
    Side effects: every row described in the module docstring."""
    rng = random.Random(seed)
    province, units = _units(prefix, communes)
    result = GeneratedProvince(province, units, list(range(last_year - years + 1, last_year + 1)))
    prizes = _Prizes()
    for year in result.years:
        conferences, lines = add_year(
            units, year, lines_per_commune=lines_per_commune,
            delegates_per_conference=delegates_per_conference, rng=rng, prizes=prizes,
        )  # fmt: skip
        result.lines += lines
        result.conferences += conferences
    return result


def add_year(
    communes: list[Unit],
    year: int,
    *,
    lines_per_commune: int,
    delegates_per_conference: int,
    rng: random.Random,
    prizes: _Prizes | None = None,
) -> tuple[list[Conference], int]:
    """One year of every commune: its annual conference with an issued plan, delegates, a
    closed round and a signed decision of `lines_per_commune` lines, and the numbers used.
    Returns the conferences and the number of award lines."""  # fmt: skip
    prizes = prizes or _Prizes()
    conferences = _conferences(communes, year)
    _plans(conferences, year)
    _delegates(conferences, delegates_per_conference, rng)
    rounds, decisions = _rounds_and_decisions(conferences, year)
    lines = _awards(communes, rounds, decisions, year, lines_per_commune, rng, prizes)
    _registers(communes, year)
    return conferences, lines
