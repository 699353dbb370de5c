"""The seeded catalogue (honorees/migrations/0010) and docs/quy-tac-khen-thuong.md say the same:
every form's recipients, paper, frame, money and source, every rule's coefficients, article and
whether it was checked."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from honorees.models import AwardForm, PrizeRule

DOC = Path(__file__).resolve().parents[2] / "docs" / "quy-tac-khen-thuong.md"
YES = {"có": True, "không": False}
WHOM = {"cá nhân": "for_individuals", "tập thể": "for_collectives", "hộ gia đình": "for_households"}


def _tables() -> list[list[list[str]]]:
    """The document's markdown tables, each a list of rows of cells (the header row first)."""
    tables, current = [], []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not set("".join(cells)) <= {"-"}:
                current.append(cells)
        elif current:
            tables.append(current)
            current = []
    return [*tables, current] if current else tables


def _table(first_header: str, second_header: str) -> list[dict[str, str]]:
    for table in _tables():
        if table[0][:2] == [first_header, second_header]:
            return [dict(zip(table[0], row, strict=True)) for row in table[1:]]
    raise AssertionError(f"no table {first_header} | {second_header}")


def _coefficient(text: str) -> Decimal | None:
    return None if text == "—" else Decimal(text.replace(",", "."))


@pytest.mark.django_db
def test_doc_forms_agree_with_seeded_catalogue():
    rows = _table("Mã", "Hình thức")
    assert len(rows) >= 12
    for row in rows:
        form = AwardForm.objects.get(code=row["Mã"])
        whom = {WHOM[w.strip()] for w in row["Tặng"].split(",")}
        paper = AwardForm.Paper(form.paper).label if form.paper else "Không in giấy"
        assert (form.name, paper, form.framed, form.pays_prize) == (
            row["Hình thức"],
            row["Giấy in"],
            YES[row["Khung"]],
            YES[row["Tiền thưởng"]],
        ), row
        assert {f for f in WHOM.values() if getattr(form, f)} == whom, row
        assert (form.authority_source, form.authority_verified) == (
            row["Căn cứ"],
            YES[row["Đã xác minh"]],
        ), row


@pytest.mark.django_db
def test_doc_rules_agree_with_seeded_rules():
    rows = _table("Mã", "Văn bản")
    documented = set()
    for row in rows:
        start = dt.datetime.strptime(row["Áp dụng từ"], "%d/%m/%Y").date()
        rule = PrizeRule.objects.get(award_form__code=row["Mã"], effective_from=start)
        documented.add(rule.pk)
        assert rule.rule_set == row["Văn bản"], row
        assert (
            rule.coefficient_individual,
            rule.coefficient_collective,
            rule.coefficient_household,
        ) == tuple(_coefficient(row[k]) for k in ("Cá nhân", "Tập thể", "Hộ gia đình")), row
        assert (rule.article or "—", rule.verified, rule.note or "—") == (
            row["Điều"],
            YES[row["Đã xác minh"]],
            row["Ghi chú"],
        ), row
    assert documented == set(PrizeRule.objects.values_list("pk", flat=True))


@pytest.mark.django_db
def test_confirmed_coefficients_carry_no_unverified_note():
    """NĐ 152/2025: collective Giấy khen 0.6, provincial Bằng khen for a collective 3, the
    provincial Cờ thi đua 8 are confirmed."""
    after = dt.date(2025, 7, 1)
    for code, value in (("gk-xa", "0.60"), ("bk-tinh", "3.00"), ("co-tinh", "8.00")):
        rule = PrizeRule.objects.get(award_form__code=code, effective_from=after)
        assert rule.coefficient_collective == Decimal(value)
        assert "(chưa xác minh)" not in rule.note
    assert PrizeRule.objects.get(award_form__code="co-tinh", effective_from=after).verified


@pytest.mark.django_db
def test_commune_catalogue_has_every_form_the_commune_chair_awards():
    """NĐ 129/2025 Điều 59: thôn văn hóa, gia đình văn hóa, tập thể lao động tiên tiến, chiến sĩ
    thi đua cơ sở, lao động tiên tiến, Giấy khen; Lao động tiên tiến prints no paper."""
    commune = set(AwardForm.objects.filter(level="commune").values_list("code", flat=True))
    assert {"thon-vh", "gd-vh", "tt-ldtt", "cstd-cs", "ldtt", "gk-xa"} <= commune
    family = AwardForm.objects.get(code="gd-vh")
    assert (family.for_households, family.for_individuals, family.for_collectives) == (
        True,
        False,
        False,
    )
    assert AwardForm.objects.get(code="ldtt").paper == ""


@pytest.mark.django_db
def test_admin_shows_the_rules_grouped_and_the_base_series(client, cast):
    client.force_login(cast["users"]["superuser"])
    form = AwardForm.objects.get(code="gk-xa")
    page = client.get(reverse("admin:honorees_awardform_change", args=[form.pk])).content.decode()
    for text in (
        "Đối tượng, giấy in, tiền thưởng",
        "Biểu quyết của Hội đồng",
        "tặng hộ gia đình",
        "hệ số cho hộ gia đình",
        "căn cứ (thẩm quyền, đối tượng, giấy in)",
    ):
        assert text.lower() in page.lower(), text
    bases = client.get(reverse("admin:honorees_prizebase_changelist")).content.decode()
    assert "Lương cơ sở" in bases and "2340000" in bases.replace(".", "").replace(",", "")
