"""Nơi nhận as Nghị định 30 prints it: "- Name;" for each recipient and "- Lưu: VT, X." last,
whatever the staff typed (a dash typed by hand neither doubled nor lost), "Nơi nhận:" 12 pt
bold italic and the lines 11 pt, in DOCX, PDF and the preview alike."""

import io

import pytest
from docx import Document as DocxDocument
from docx.shared import Pt

from conferences.plans import services
from conferences.plans.forms import PlanHeaderForm
from documents.builders import get_builder
from documents.engine.blocks import Document, Signature
from documents.engine.docx_renderer import render_docx
from documents.engine.html_renderer import document_html
from documents.engine.pdf_renderer import render_pdf
from documents.engine.textutil import recipient_lines
from tests.factories import ConferenceFactory
from tests.plans.factories import plan_for

TYPED = [
    "UBND- Phòng NV quận;",  # no dash, a hyphen inside the name
    "- TT Đảng ủy- HĐND phường;",  # dash typed by hand
    "– Thành viên HĐTĐKT",  # an en dash, no semicolon
    "Các đoàn thể phường,",
    "Lưu: VP",
]
PRINTED = (
    "- UBND- Phòng NV quận;",
    "- TT Đảng ủy- HĐND phường;",
    "- Thành viên HĐTĐKT;",
    "- Các đoàn thể phường;",
    "- Lưu: VP.",
)


def test_recipient_lines_print_the_decree_form_whatever_was_typed():
    assert recipient_lines(TYPED) == PRINTED


@pytest.mark.parametrize("last", ["Lưu: VT, NV.", "- Lưu: VT, NV.", "-Lưu: VT, NV", "Lưu: VT, NV;"])
def test_recipient_lines_last_line_with_or_without_dash(last):
    assert recipient_lines(["Như trên", last]) == ("- Như trên;", "- Lưu: VT, NV.")


def test_recipient_lines_keep_sub_lines_and_ellipsis():
    assert recipient_lines(["Các xã:", "+ Xã A", "Các đơn vị...", "", "Lưu: VT"]) == (
        "- Các xã:",
        "+ Xã A;",
        "- Các đơn vị...",
        "- Lưu: VT.",
    )


def _signature_document():
    return Document(blocks=(Signature(("CHỦ TỊCH",), "Nguyễn Văn A", tuple(TYPED)),))


def test_docx_recipients_dashed_and_sized():
    document = DocxDocument(io.BytesIO(render_docx(_signature_document())))
    cell = document.tables[0].rows[0].cells[0]
    lines = [p for p in cell.paragraphs if p.text]
    assert [p.text for p in lines] == ["Nơi nhận:", *PRINTED]
    title = lines[0].runs[0]
    assert title.bold and title.italic and title.font.size == Pt(12)
    assert {r.font.size for p in lines[1:] for r in p.runs} == {Pt(11)}


def test_pdf_and_preview_recipients_dashed():
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(render_pdf(_signature_document()))).pages[0].extract_text()
    for line in PRINTED:
        assert line in text
    html = document_html(_signature_document())
    assert '<div class="recipient">- Lưu: VP.</div>' in html
    assert "- - " not in html


@pytest.mark.django_db
def test_plan_header_keeps_typed_dashes_and_prints_one():
    plan = plan_for(ConferenceFactory())
    typed = "- Sở Nội vụ;\nThường trực Đảng ủy\n- Lưu: VT, VHXH."
    data = {**PlanHeaderForm.for_plan(plan).initial, "recipients": typed}
    form = PlanHeaderForm(data)
    assert form.is_valid(), form.errors
    services.update_plan_header(
        plan=plan, by=plan.created_by, recipients=form.cleaned_data["recipients"]
    )
    plan.refresh_from_db()
    assert plan.recipients == ["- Sở Nội vụ;", "Thường trực Đảng ủy", "- Lưu: VT, VHXH."]
    builder = get_builder("plan")
    content = builder.render(builder.collect(plan, {}), "docx", lambda *a: None).content
    cell = DocxDocument(io.BytesIO(content)).tables[-1].rows[0].cells[0]
    assert [p.text for p in cell.paragraphs if p.text][1:] == [
        "- Sở Nội vụ;",
        "- Thường trực Đảng ủy;",
        "- Lưu: VT, VHXH.",
    ]


def test_plan_header_refuses_a_last_line_that_is_not_the_archive():
    form = PlanHeaderForm(
        {"issuing_body": "UBND", "type_code": "KH-UBND", "place": "X", "subject": "Y",
         "recipients": "- Lưu: VT\n- Sở Nội vụ"}
    )  # fmt: skip
    assert not form.is_valid()
    assert "Lưu" in form.errors["recipients"][0]
