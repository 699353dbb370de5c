"""Every paper prints its signer block from the same model: the plan (a collective's deputy
chair: TM. / KT. / PHÓ CHỦ TỊCH), the award decision of the commune chair (CHỦ TỊCH, not
TM.), the invitation and the notice (the plan's signer, with the signer's name)."""

import io

import pytest
from docx import Document as DocxDocument

from conferences.plans import services as plan_services
from conferences.plans.selectors import conference_signer
from documents.builders import get_builder
from honorees.documents_data import default_decision_fields
from tests.factories import ConferenceFactory, UnitFactory
from tests.honorees.factories import DecisionFactory
from tests.plans.factories import plan_for

pytestmark = pytest.mark.django_db


def _docx(kind: str, target, params=None) -> DocxDocument:
    builder = get_builder(kind)
    payload = builder.collect(target, params or {})
    return DocxDocument(io.BytesIO(builder.render(payload, "docx", lambda *a: None).content))


def _signature_lines(document) -> list[str]:
    """The right cell of the signature table (the first table after the header's)."""
    table = document.tables[1]
    return [p.text for p in table.rows[0].cells[1].paragraphs if p.text.strip()]


def test_plan_signed_by_a_deputy_for_the_collective_prints_three_lines():
    plan = plan_for(ConferenceFactory())
    plan_services.update_plan_header(
        plan=plan,
        by=plan.created_by,
        signer_capacity="KT.",
        signer_title="Phó Chủ tịch",
        signer_name="Trần Văn Phó",
    )
    plan.refresh_from_db()
    lines = _signature_lines(_docx("plan", plan))
    assert lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Phó"]


def test_new_plan_of_the_committee_is_signed_for_the_collective():
    unit = UnitFactory(name="Ủy ban nhân dân xã An Thịnh")
    plan = plan_for(ConferenceFactory(organiser=unit))
    assert plan.signer_lines == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_decision_of_the_commune_chair_is_signed_chu_tich_not_tm():
    decision = DecisionFactory()
    defaults = default_decision_fields(decision.round)
    assert defaults["authority"].startswith("CHỦ TỊCH ")
    for name in ("signer_body", "signer_capacity", "signer_head_title"):
        setattr(decision, name, defaults[name])
    decision.signer_name = "Phạm Văn Hùng"
    decision.save()
    assert _signature_lines(_docx("award_decision", decision)) == ["CHỦ TỊCH", "Phạm Văn Hùng"]


def test_decision_signed_by_the_deputy_chair_prints_kt():
    decision = DecisionFactory(
        signer_capacity="KT.", signer_title="PHÓ CHỦ TỊCH", signer_name="Phan Văn Minh"
    )
    assert _signature_lines(_docx("award_decision", decision)) == [
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Phan Văn Minh",
    ]


def test_conference_papers_take_the_plans_signer_and_name():
    plan = plan_for(ConferenceFactory())
    plan_services.update_plan_header(plan=plan, by=plan.created_by, signer_name="Nguyễn Văn Ký")
    plan.refresh_from_db()
    assert conference_signer(plan.conference) == {
        "lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "name": "Nguyễn Văn Ký",
    }


def test_conference_without_plan_signs_for_its_organiser():
    conference = ConferenceFactory(organiser=UnitFactory(name="Ủy ban nhân dân phường Đức Giang"))
    assert conference_signer(conference)["lines"] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_invitation_prints_place_date_line_and_the_signers_name():
    from documents.builders.invitations import invitation_document
    from documents.engine.docx_renderer import render_docx

    plan = plan_for(ConferenceFactory(organiser=UnitFactory(name="Ủy ban nhân dân xã An Thịnh")))
    plan_services.update_plan_header(plan=plan, by=plan.created_by, signer_name="Lê Văn Ký")
    payload = get_builder("delegate_invitations").collect(plan.conference, {})
    content = render_docx(invitation_document(payload), {"invitee": "Ông A", "code": "X"})
    document = DocxDocument(io.BytesIO(content))
    header = document.tables[0].rows[1].cells[1].text
    assert header.startswith("An Thịnh, ngày    tháng ")
    assert _signature_lines(document) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Ký"]
