"""Staff type *nghiêng* and **đậm** in a plan's texts (items, programme, performers) and in a
decision's articles; the printed DOCX, PDF and the editor's preview carry the emphasis."""

import pytest

from conferences.plans import services
from conferences.plans.forms import ProgrammeSectionForm, TextSectionForm
from core.vntext import EMPHASIS_HELP
from documents.builders import get_builder
from documents.builders.decisions import _article
from documents.builders.plans import plan_preview_html
from documents.engine.blocks import Run
from tests.factories import ConferenceFactory
from tests.plans.factories import plan_for
from tests.printed import docx_pieces, has_styled, pdf_pieces

pytestmark = pytest.mark.django_db


def _render(plan, fmt: str) -> bytes:
    builder = get_builder("plan")
    return builder.render(builder.collect(plan, {}), fmt, lambda done, total: None).content


@pytest.fixture
def plan():
    plan = plan_for(ConferenceFactory(kind="good_deeds"))
    staff = plan.created_by
    purposes = plan.sections.get(heading="Mục đích:")
    services.update_section(
        section=purposes,
        by=staff,
        content={
            "items": [{"text": "Hoàn thành *trước 07 ngày tổ chức Hội nghị*.", "marker": "-"}]
        },
    )
    programme = plan.sections.get(kind="programme")
    services.update_section(
        section=programme,
        by=staff,
        content={
            "marker": "numbered",
            "items": [{"text": "Báo cáo tổng kết;", "performer": "Phòng Văn hóa - Xã hội"}],
        },
    )
    return plan


def test_plan_docx_prints_typed_italic_and_performer_italic(plan):
    pieces = docx_pieces(_render(plan, "docx"))
    assert has_styled(pieces, "trước 07 ngày tổ chức Hội nghị", italic=True)
    assert has_styled(pieces, "(Phòng Văn hóa - Xã hội)", italic=True)
    text = "".join(p[0] for p in pieces)
    assert "Báo cáo tổng kết (Phòng Văn hóa - Xã hội);" in text
    assert "*" not in text


def test_plan_pdf_prints_typed_italic(plan):
    pieces = pdf_pieces(_render(plan, "pdf"))
    assert has_styled(pieces, "trước 07 ngày tổ chức Hội nghị", italic=True)
    assert has_styled(pieces, "Phòng Văn hóa - Xã hội", italic=True)
    assert not has_styled(pieces, "Báo cáo tổng kết", italic=True)


def test_plan_preview_prints_typed_italic(plan):
    from conferences.plans.selectors import printable_outline

    html = plan_preview_html(printable_outline(plan), nonce="n0nce")
    assert "<i>trước 07 ngày tổ chức Hội nghị</i>" in html
    assert "<i>(Phòng Văn hóa - Xã hội)</i>;" in html


def test_programme_performer_plain_when_the_office_says_so(plan):
    programme = plan.sections.get(kind="programme")
    content = {**programme.content, "performer_italic": False}
    services.update_section(section=programme, by=plan.created_by, content=content)
    pieces = docx_pieces(_render(plan, "docx"))
    assert not has_styled(pieces, "Phòng Văn hóa - Xã hội", italic=True)


def test_decision_article_prints_typed_emphasis():
    paragraph = _article("Điều 3. Chánh Văn phòng và *các cá nhân có tên* thi hành./.")
    assert paragraph.runs[0] == Run("Điều 3. ", bold=True)
    assert Run("các cá nhân có tên", italic=True) in paragraph.runs


def test_forms_tell_staff_how_to_type_emphasis():
    assert EMPHASIS_HELP in str(TextSectionForm.base_fields["items_text"].help_text)
    rows = ProgrammeSectionForm.formset_class.form.base_fields
    assert EMPHASIS_HELP in str(rows["text"].help_text)
