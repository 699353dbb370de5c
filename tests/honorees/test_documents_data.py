import io

from django.core.management import call_command

from honorees import services
from honorees.demo import seed_demo_honorees
from honorees.documents_data import decision_document_data
from honorees.models import AwardDecision, Nomination, NominationRound
from tests.honorees.factories import NominationFactory, approve_and_issue, award
from tests.honorees.test_services import DECISION

S = Nomination.Status


def _approved(office, name, **kw):
    return NominationFactory(
        round=office["round"], unit=office["school"], status=S.APPROVED, full_name=name, **kw
    )


def test_decision_document_data_orders_collectives_first_then_names(office):
    _approved(office, "Trần Văn Bình")
    _approved(office, "Nguyễn Thị An")
    _approved(
        office, "", kind="collective", collective_name="Tổ Toán", proposed_award=award("tt-ldtt")
    )
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    approve_and_issue(decision, office)
    data = decision_document_data(AwardDecision.objects.get(pk=decision.pk))
    assert [s.heading for s in data.sections] == ["I. TẬP THỂ", "II. CÁ NHÂN"]
    assert [r.name for r in data.sections[1].rows] == ["Nguyễn Thị An", "Trần Văn Bình"]
    assert [r.stt for r in data.sections[1].rows] == [1, 2]
    assert data.number_line == "Số: 01/QĐ-UBND"
    assert data.totals.total == 1_880_000 + 2 * 710_000
    assert data.totals.total_words == "Ba triệu ba trăm nghìn đồng"
    assert data.legal_bases[-1].endswith(".")
    assert data.certificates[0].as_fields()["decision"] == "01/QĐ-UBND, ngày 15/8/2025"
    assert "Ba triệu ba trăm nghìn đồng" in data.articles[1]


def test_draft_decision_number_line_is_blank(office):
    _approved(office, "Lê Văn Cường")
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    assert decision_document_data(decision).number_line == "Số:      /QĐ-UBND"


def test_demo_seeder_is_idempotent(db):
    call_command("seed_demo", "--quiet-logins", stdout=io.StringIO())
    counts = (NominationRound.objects.count(), Nomination.objects.count())
    seed_demo_honorees(io.StringIO())
    assert (NominationRound.objects.count(), Nomination.objects.count()) == counts
    signed = AwardDecision.objects.get(status="issued")
    assert signed.date.year == 2024
    assert signed.lines.filter(award_form__code="gk-huyen").first().amount == 710_000
    assert AwardDecision.objects.filter(status="draft").count() == 1
