"""The assignment sheet: the plan's "Tổ chức thực hiện" section and the steps of preparation,
printed on their own in the plan's order and wording (the plan document prints the same
sections through `assignments.selectors`)."""

import dataclasses

from conferences.models import Conference, Unit
from conferences.models.users import OFFICE_ROLES
from conferences.permissions import has_role_over
from conferences.vntext import format_place_date

from .base import Builder, Progress, Rendered


def _collect_sections(conference) -> dict:
    from assignments.selectors import implementation_section, steps_section

    blocks = [
        {**dataclasses.asdict(b), "bulleted": b.bulleted, "lines": [i.line for i in b.items]}
        for b in implementation_section(conference)
    ]
    steps = [s.line for s in steps_section(conference)]
    return {"blocks": blocks, "steps": steps}


def assignment_document(payload: dict):
    from documents.engine.blocks import Document, Header, Heading, Title, items, para

    body = []
    for block in payload["blocks"]:
        body.append(Heading(2, block["heading"]))
        if block["bulleted"]:
            body.append(items(block["lines"]))
        else:
            body.extend(para(line) for line in block["lines"])
        if block["note"]:
            body.append(para(block["note"], italic=True))
    if payload["steps"]:
        body.append(Heading(1, "CÁC BƯỚC TRIỂN KHAI"))
        body.extend(para(line, "plain") for line in payload["steps"])
    return Document(
        title="Phân công nhiệm vụ",
        blocks=(
            Header(payload["issuing_body"], payload["parent_body"], "", payload["place_date"]),
            Title("PHÂN CÔNG NHIỆM VỤ", (payload["title"],)),
            Heading(1, "TỔ CHỨC THỰC HIỆN"),
            *body,
        ),
    )


class AssignmentSheetBuilder(Builder):
    kind = "assignment_sheet"
    label = "Phân công nhiệm vụ"
    formats = ("pdf", "docx")
    target_model = Conference

    def can_request(self, user, target) -> bool:
        return has_role_over(user, target.organiser, OFFICE_ROLES)

    def conference(self, target):
        return target

    def title(self, target) -> str:
        return f"Phân công nhiệm vụ — {target.title}"

    def collect(self, target, params):
        parent = Unit.objects.get_parent(target.organiser)
        return {
            "issuing_body": target.organiser.name.upper(),
            "parent_body": parent.name.upper() if parent else "",
            "place_date": format_place_date(target.organiser.place_name, None),
            "title": target.title,
            **_collect_sections(target),
        }

    def missing(self, payload) -> list[str]:
        return [] if payload["blocks"] else ["hội nghị chưa có phân công nhiệm vụ"]

    def render(self, payload, fmt, progress: Progress) -> Rendered:
        from documents.engine.docx_renderer import render_docx
        from documents.engine.pdf_renderer import render_pdf

        progress(0, 1)
        document = assignment_document(payload)
        content = render_pdf(document) if fmt == "pdf" else render_docx(document)
        progress(1, 1)
        return Rendered(content, f"phan-cong-nhiem-vu.{fmt}")
