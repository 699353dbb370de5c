"""The assignment sheet: the plan's "Tổ chức thực hiện" section and the steps of preparation,
printed on their own in the plan's order and wording (the plan document prints the same
sections through `assignments.selectors`)."""

import dataclasses

from conferences.selectors import parent_unit
from core.vntext import format_place_date

from .base import (
    ConferenceBuilder,
    Progress,
    Rendered,
    render_single,
)


def _collect_sections(conference) -> dict:
    from assignments.selectors import implementation_section, steps_section

    blocks = [
        {**dataclasses.asdict(b), "bulleted": b.bulleted, "lines": [i.line for i in b.items]}
        for b in implementation_section(conference)
    ]
    steps = [s.line for s in steps_section(conference)]
    return {"blocks": blocks, "steps": steps}


def assignment_document(payload: dict):
    from documents.engine.blocks import (
        Document,
        Header,
        Heading,
        ListBlock,
        ListItem,
        Paragraph,
        Title,
    )
    from documents.engine.inline import inline_runs

    body = []
    for block in payload["blocks"]:
        body.append(Heading(2, block["heading"]))
        if block["bulleted"]:
            body.append(ListBlock(tuple(ListItem(inline_runs(t)) for t in block["lines"])))
        else:
            body.extend(Paragraph(inline_runs(line)) for line in block["lines"])
        if block["note"]:
            body.append(Paragraph(inline_runs(block["note"], italic=True)))
    if payload["steps"]:
        body.append(Heading(1, "CÁC BƯỚC TRIỂN KHAI"))
        body.extend(Paragraph(inline_runs(line), "plain") for line in payload["steps"])
    return Document(
        title="Phân công nhiệm vụ",
        blocks=(
            Header(payload["issuing_body"], payload["parent_body"], "", payload["place_date"]),
            Title("PHÂN CÔNG NHIỆM VỤ", (payload["title"],)),
            Heading(1, "TỔ CHỨC THỰC HIỆN"),
            *body,
        ),
    )


class AssignmentSheetBuilder(ConferenceBuilder):
    kind = "assignment_sheet"
    label = "Phân công nhiệm vụ"

    def title(self, target) -> str:
        return f"Phân công nhiệm vụ — {target.title}"

    def collect(self, target, params):
        parent = parent_unit(target.organiser)
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
        return render_single(assignment_document(payload), fmt, "phan-cong-nhiem-vu", progress)
