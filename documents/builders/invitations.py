"""Personalised invitations (Giấy mời, mẫu 1.7): one copy per delegate, the invitee and the
invitation code filled into slots of one shared layout. Reads the delegates app through
`delegates.selectors` and asks `delegates.permissions` who may print."""

from conferences.models import Conference
from conferences.plans.selectors import conference_signer
from conferences.selectors import parent_unit
from core.vntext import format_date_vn
from delegates import permissions, selectors

from .base import Builder, Progress, Rendered


def _invitee(delegate) -> str:
    parts = [str(delegate), delegate.position, delegate.unit_label]
    return ", ".join(p for p in parts if p)


def _time_text(conference: Conference) -> str:
    if not conference.exact_date:
        return conference.date_wording()
    start = (
        f"{conference.start_time:%H} giờ {conference.start_time:%M}, "
        if conference.start_time
        else ""
    )
    return f"{start}{format_date_vn(conference.date)}".strip()


class InvitationBuilder(Builder):
    kind = "delegate_invitations"
    label = "Giấy mời đại biểu"
    formats = ("pdf", "zip")
    batch = True
    target_model = Conference

    def can_request(self, user, target) -> bool:
        return permissions.can_manage_delegates(user, target)

    def conference(self, target):
        return target

    def collect(self, target, params: dict) -> dict:
        """params: category, unit (ids) and status, as delegates_for_invitations takes them;
        mark_invited: the printed delegates not yet invited become invited once the worker
        has rendered them (delegates.services.mark_printed_invitations)."""
        delegates = selectors.delegates_for_invitations(
            target,
            category=params.get("category"),
            unit=params.get("unit"),
            status=params.get("status"),
        )
        organiser = target.organiser
        parent = parent_unit(organiser)
        return {
            "issuing_body": organiser.name.upper(),
            "issuing_name": organiser.name,
            "parent_body": parent.name.upper() if parent else "",
            # Mẫu 1.7: the place and date the office chose on the delegate round.
            "place_date": selectors.invitation_place_date(target),
            "signer": conference_signer(target),
            "title": target.title,
            "time": _time_text(target),
            "venue": target.venue,
            "people": [
                {"name": d.full_name, "invitee": _invitee(d), "code": d.invitation_token}
                for d in delegates
            ],
            "mark_invited": bool(params.get("mark_invited")),
        }

    def missing(self, payload) -> list[str]:
        problems = [] if payload["people"] else ["chưa có đại biểu nào để mời"]
        if not payload["venue"]:
            problems.append("hội nghị chưa có địa điểm")
        return problems

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        """One merged PDF, or a ZIP with per delegate a DOCX (the code printed as text) and
        a PDF (the code also as a QR image) cut from the merged PDF."""
        from documents.engine.batch import render_batch_pdf, render_batch_zip

        document, people = invitation_document(payload), payload["people"]
        if fmt == "zip":
            progress(0, len(people))
            content = render_batch_zip(document, people, progress=progress)
            return Rendered(content, "giay-moi-dai-bieu.zip")
        if fmt != "pdf":
            raise ValueError(f"{self.kind} cannot render {fmt}")
        progress(0, 1)
        content = render_batch_pdf(document, people)
        progress(1, 1)
        return Rendered(content, "giay-moi-dai-bieu.pdf")


def invitation_document(payload: dict):
    from documents.engine.blocks import Document, Header, Signature, Slot, Title, para

    return Document(
        title="Giấy mời",
        page_numbers_from=0,
        blocks=(
            Header(
                issuing_body=payload["issuing_body"],
                parent_body=payload["parent_body"],
                number="Số:      /GM-UBND",
                place_date=payload["place_date"],
            ),
            Title("GIẤY MỜI", (payload["title"],)),
            para(f"{payload.get('issuing_name') or payload['issuing_body']} trân trọng kính mời:"),
            Slot("invitee", lines=2),
            para(f"Tới dự: {payload['title']}."),
            para(f"Thời gian: {payload['time']}."),
            para(f"Địa điểm: {payload['venue']}."),
            para("Xin mang theo giấy mời này để xuất trình khi đến dự Hội nghị./."),
            Slot(
                "code",
                label="Mã giấy mời (quét khi đón tiếp): ",
                bold=False,
                lines=4,
                min_font_size=8.0,
                qr=True,
            ),
            Signature(
                authority=tuple(payload["signer"]["lines"]),
                signer=payload["signer"]["name"],
                recipients=("Như trên", "Lưu: VT"),
            ),
        ),
    )
