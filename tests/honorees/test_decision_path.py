"""A decision's path as the law and the offices have it: the leader approves or returns a draft
with a reason, the văn thư issues it (number and date); "số sổ vàng" runs 1..n in the list's
order (collectives, individuals, households, each by name) and is printed on each certificate;
money-only awards print no certificate; the prizes are kept as computed on the issue date and
are computed for a whole decision in constant queries."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document as DocxDocument
from pypdf import PdfReader

from documents.builders import get_builder
from honorees import services
from honorees.models import AwardDecision, AwardLine, Nomination, PrizeRule
from honorees.ordering import in_list_order
from honorees.services.decisions import refresh_amounts
from tests.honorees.factories import NominationFactory, approve_and_issue, award
from tests.honorees.test_services import DECISION
from tests.queries import count_queries

S = Nomination.Status


def _approved(office, name, *, kind="individual", code="gk-xa", gender="male"):
    names = {"collective_name": name, "full_name": ""} if kind == "collective" else {}
    return NominationFactory(
        round=office["round"], unit=office["school"], status=S.APPROVED, kind=kind,
        gender=gender, proposed_award=award(code), **{"full_name": name, **names},
    )  # fmt: skip


def _mixed_list(office):
    """Two of each kind, given out of order."""
    _approved(office, "Trần Văn Bình")
    _approved(office, "Hộ của Lê Văn An", kind="household", code="gk-xa")  # head: see below
    _approved(office, "Tổ Toán", kind="collective", code="gk-xa")
    _approved(office, "Nguyễn Thị An", gender="female")
    _approved(office, "Phạm Văn Cường", kind="household", code="gk-xa")
    _approved(office, "Tổ Anh văn", kind="collective", code="gk-xa")
    return services.create_decision(round=office["round"], by=office["staff"], **DECISION)


def test_list_order_is_collectives_individuals_households_each_by_name(office):
    decision = _mixed_list(office)
    ordered = in_list_order(Nomination.objects.all())
    assert [(n.kind, n.sort_name) for n in ordered] == [
        ("collective", "Tổ Anh văn"),  # a collective by its name as written
        ("collective", "Tổ Toán"),
        ("individual", "Nguyễn Thị An"),
        ("individual", "Trần Văn Bình"),
        ("household", "Hộ của Lê Văn An"),
        ("household", "Phạm Văn Cường"),
    ]
    data = get_builder("award_decision").collect(decision, {})
    assert [s["heading"] for s in data["sections"]] == [
        "I. TẬP THỂ",
        "II. CÁ NHÂN",
        "III. HỘ GIA ĐÌNH",
    ]
    assert "2 tập thể, 2 cá nhân và 2 hộ gia đình" in data["articles"][0]


def test_gold_book_numbers_run_one_to_n_in_list_order_when_issued(office):
    decision = _mixed_list(office)
    assert set(decision.lines.values_list("gold_book_number", flat=True)) == {None}
    services.approve_decision(decision=decision, by=office["leader"])
    assert set(decision.lines.values_list("gold_book_number", flat=True)) == {None}

    services.issue_decision(decision=decision, by=office["clerk"])

    lines = in_list_order(
        AwardLine.objects.filter(decision=decision).select_related("nomination"),
        lambda line: line.nomination,
    )
    assert [line.gold_book_number for line in lines] == [1, 2, 3, 4, 5, 6]
    assert lines[0].nomination.collective_name == "Tổ Anh văn"


def test_certificates_print_decision_number_date_and_gold_book(office):
    _approved(office, "Trần Văn Bình")
    _approved(office, "Nguyễn Thị An", gender="female")
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    approve_and_issue(decision, office)
    decision.refresh_from_db()
    builder = get_builder("award_certificates")
    payload = builder.collect(decision, {})
    assert [(p["name"], p["gold_book"]) for p in payload["people"]] == [
        ("Nguyễn Thị An", "1"),
        ("Trần Văn Bình", "2"),
    ]
    content = builder.render(payload, "pdf", lambda *a: None).content
    page = " ".join(PdfReader(io.BytesIO(content)).pages[1].extract_text().split())
    assert "Quyết định số 01/QĐ-UBND, ngày 15/8/2025" in page
    assert "Số sổ vàng: 2" in page


def test_lao_dong_tien_tien_prints_no_certificate_and_the_page_says_so(office, client):
    _approved(office, "Trần Văn Bình", code="ldtt")
    _approved(office, "Nguyễn Thị An", gender="female")
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    approve_and_issue(decision, office)
    builder = get_builder("award_certificates")
    payload = builder.collect(decision, {})
    assert [p["name"] for p in payload["people"]] == ["Nguyễn Thị An"]
    client.force_login(office["staff"])
    page = client.get(reverse("honorees:decision_detail", args=[decision.pk])).content.decode()
    assert 'data-testid="no-paper"' in page
    assert "Trần Văn Bình — Lao động tiên tiến" in page


def test_household_line_and_gia_dinh_van_hoa_list_print_in_docx_and_pdf(office):
    office["round"].allowed_forms.add(award("gd-vh"))
    _approved(office, "Đinh Văn Hòa", kind="household", code="gd-vh")
    _approved(office, "Lý Thị Mai", kind="household", code="gk-xa", gender="female")
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    amounts = dict(decision.lines.values_list("nomination__full_name", "amount"))
    assert amounts == {"Đinh Văn Hòa": 0, "Lý Thị Mai": 1_060_000}  # 0.45 x 2,340,000
    approve_and_issue(decision, office)
    builder = get_builder("award_decision")
    payload = builder.collect(AwardDecision.objects.get(pk=decision.pk), {})
    assert builder.missing(payload) == []
    docx = builder.render(payload, "docx", lambda *a: None).content
    cells = [c.text for t in DocxDocument(io.BytesIO(docx)).tables for r in t.rows for c in r.cells]
    assert "I. HỘ GIA ĐÌNH" in cells
    assert "Hộ ông Đinh Văn Hòa" in cells and "Hộ bà Lý Thị Mai" in cells
    assert "Gia đình văn hóa" in cells
    pdf = builder.render(payload, "pdf", lambda *a: None).content
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Khen thưởng 2 hộ gia đình" in " ".join(text.split())
    assert "Hộ ông Đinh Văn Hòa" in text


def test_issued_lines_keep_how_their_prize_was_computed(office):
    _approved(office, "Trần Văn Bình")
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    approve_and_issue(decision, office, date=dt.date(2025, 8, 15))
    line = decision.lines.get()
    assert (line.amount, line.coefficient, line.base_amount) == (
        710_000,
        Decimal("0.30"),
        2_340_000,
    )
    assert (line.base_series, line.rule_set) == ("Lương cơ sở", "Nghị định 152/2025/NĐ-CP")

    PrizeRule.objects.filter(award_form__code="gk-xa").update(coefficient_individual="0.50")
    with pytest.raises(Exception, match="không sửa được"):
        services.update_decision(decision=decision, by=office["staff"], subject="Sửa")
    line.refresh_from_db()
    assert (line.amount, line.coefficient) == (710_000, Decimal("0.30"))


@pytest.mark.parametrize("many", [10, 100])
def test_prizes_of_a_decision_take_constant_queries(office, many):
    for i in range(many):
        _approved(office, f"Người Thứ {i}", code="gk-xa" if i % 2 else "ldtt")
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    decision = AwardDecision.objects.select_related("round").get(pk=decision.pk)
    # lines, rules, base, one UPDATE of the lines
    assert count_queries(lambda: refresh_amounts(decision)) == 4
    assert decision.lines.filter(amount=710_000).count() == many


def test_leader_returns_the_draft_with_a_reason_the_office_sees(office, client):
    _approved(office, "Trần Văn Bình")
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    client.force_login(office["leader"])
    url = reverse("honorees:decision_return", args=[decision.pk])
    empty = client.post(url, {"reason": " "})
    assert empty.status_code == 302
    assert AwardDecision.objects.get(pk=decision.pk).return_reason == ""
    client.post(url, {"reason": "Bổ sung căn cứ Nghị định 152/2025/NĐ-CP."})
    decision.refresh_from_db()
    assert (decision.status, decision.return_reason) == (
        "draft",
        "Bổ sung căn cứ Nghị định 152/2025/NĐ-CP.",
    )
    client.force_login(office["staff"])
    page = client.get(reverse("honorees:decision_detail", args=[decision.pk])).content.decode()
    assert "Lý do: Bổ sung căn cứ Nghị định 152/2025/NĐ-CP." in page
    assert reverse("honorees:decision_edit", args=[decision.pk]) in page


def test_only_the_clerk_sees_the_issue_button_and_only_after_approval(office, client):
    _approved(office, "Trần Văn Bình")
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    url = reverse("honorees:decision_detail", args=[decision.pk])
    issue = reverse("honorees:decision_issue", args=[decision.pk])
    client.force_login(office["clerk"])
    assert issue not in client.get(url).content.decode()
    services.approve_decision(decision=decision, by=office["leader"])
    assert issue in client.get(url).content.decode()
    for who in ("staff", "leader"):
        client.force_login(office[who])
        assert issue not in client.get(url).content.decode()
        assert client.post(issue).status_code == 403
    assert AwardDecision.objects.get(pk=decision.pk).number is None


def test_decision_page_groups_prize_money_with_dots(office, client):
    _approved(office, "Trần Văn Bình")
    _approved(office, "Nguyễn Thị An", gender="female")
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    AwardLine.objects.filter(decision=decision).update(amount=1_500_000)
    client.force_login(office["staff"])
    page = client.get(reverse("honorees:decision_detail", args=[decision.pk])).content.decode()
    cells = [
        row.split('<td class="text-end">')[1].split("</td>")[0]
        for row in page.split('data-testid="decision-row"')[1:]
    ]
    assert cells == ["1.500.000", "1.500.000"]
    assert 'data-testid="decision-total">3.000.000<' in page
    assert "1500000" not in page


def test_collectives_are_listed_by_their_name_as_written():
    """A school is listed under T (Trường), not under its last word, as people are."""
    from honorees.models import Nomination
    from honorees.ordering import in_list_order

    names = ["Trường Tiểu học Kim Đồng", "Hội Phụ nữ thôn An", "Chi đoàn thôn Bắc"]
    nominations = [Nomination(kind=Nomination.Kind.COLLECTIVE, collective_name=n) for n in names]
    assert [n.collective_name for n in in_list_order(nominations)] == [
        "Chi đoàn thôn Bắc",
        "Hội Phụ nữ thôn An",
        "Trường Tiểu học Kim Đồng",
    ]
