"""The award decision (mẫu 1.2) with its attached list, and the certificates of a decision.
Data comes from `honorees.selectors.decision_document_data`; who may print, from
`honorees.permissions.can_print_decision`."""

import dataclasses

from core.vntext import format_number, money_in_words

from ..models import CertificateSetting
from .base import (
    Builder,
    Progress,
    Rendered,
    render_single,
    stamp_missing,
    stamped,
    with_stamp,
)
from .certificates import background_from, layout_from, setting_payload


def _target_model():
    from honorees.models import AwardDecision

    return AwardDecision


class _DecisionBase(Builder):
    @property
    def target_model(self):
        return _target_model()

    def can_request(self, user, target) -> bool:
        from honorees.permissions import can_print_decision

        return can_print_decision(user, target)

    def scope_unit(self, target):
        return target.round.conference.organiser

    def conference(self, target):
        return target.round.conference

    def _data(self, target) -> dict:
        from honorees.selectors import decision_document_data

        return dataclasses.asdict(decision_document_data(target))


def _article(text: str):
    """ "Điều 1." bold, the rest with the staff's *italic* and **bold**."""
    from documents.engine.blocks import Paragraph, Run
    from documents.engine.inline import inline_runs

    head, _, rest = text.partition(". ")
    return Paragraph((Run(f"{head}. ", bold=True), *inline_runs(rest)))


def _list_table(data: dict):
    from documents.engine.blocks import Cell, Table

    rows = []
    for section in data["sections"]:
        rows.append((Cell(section["heading"], colspan=5, bold=True, align="left"),))
        rows.extend(
            (str(r["stt"]), r["name"], r["unit"], r["award"], format_number(r["amount"]))
            for r in section["rows"]
        )
    total = data["totals"]["total"]
    rows.append(
        (
            Cell("Tổng cộng", colspan=4, bold=True, align="center"),
            Cell(format_number(total), bold=True),
        )
    )
    return Table(
        ("STT", "Tên tập thể, cá nhân", "Đơn vị", "Hình thức khen thưởng", "Số tiền (đồng)"),
        tuple(rows),
        widths=(1.1, 5.5, 5, 4, 2.8),
        align=("center", "left", "left", "left", "right"),
        font_size=12,
    )


def decision_document(data: dict):
    """The engine's blocks for a decision and its list."""
    from documents.engine.blocks import Document, Header, PageBreak, Signature, Title, para

    blocks = [
        Header(data["issuing_body"], data["parent_body"], data["number_line"], data["place_date"]),
        Title(data["title"], (data["subject"],)),
        para(data["authority"].upper(), "centered", bold=True),
        *(para(line, "legal_basis") for line in data["legal_bases"]),
        para(data["proposing_line"], "legal_basis"),
        para("QUYẾT ĐỊNH:", "centered", bold=True),
        *(_article(a) for a in data["articles"]),
        Signature(
            tuple(data["signer_lines"]),
            data["signer_name"],
            tuple(data["recipients"]),
        ),
        PageBreak(),
        Title(data["list_title"], (), rule=False),
        para(data["list_caption"], "centered", italic=True),
        _list_table(data),
        para(f"Bằng chữ: {money_in_words(data['totals']['total'])}.", "plain", italic=True),
    ]
    return Document(blocks=tuple(blocks), title=data["subject"] or "Quyết định khen thưởng")


class DecisionBuilder(_DecisionBase):
    kind = "award_decision"
    label = "Quyết định khen thưởng và danh sách"
    formats = ("pdf", "docx")

    def title(self, target) -> str:
        return f"Quyết định khen thưởng — {target.subject}"

    def collect(self, target, params):
        data = self._data(target)
        data.pop("certificates")
        return with_stamp(data, target, params)

    def missing(self, payload) -> list[str]:
        return stamp_missing(payload) + (
            []
            if any(s["rows"] for s in payload["sections"])
            else ["Quyết định chưa có ai trong danh sách"]
        )

    def render(self, payload, fmt, progress: Progress) -> Rendered:
        rendered = render_single(
            decision_document(payload), fmt, "quyet-dinh-khen-thuong", progress
        )
        if payload.get("verify_url"):
            from documents.engine.verify_stamp import add_verification_docx, stamp_verification

            stamp = stamp_verification if fmt == "pdf" else add_verification_docx
            content = stamp(rendered.content, payload["verify_url"], payload["verify_code"])
            rendered = Rendered(content, rendered.filename, rendered.warnings)
        return stamped(rendered, payload, fmt)  # the văn thư's issue stamp, when asked


# The print settings (layout, blanks, offsets) each paper uses; a Bằng khen (printed by the
# province, rarely by the office) shares the Giấy khen's.
SETTING_OF_PAPER = {
    "giay_khen": CertificateSetting.Kind.MERIT,
    "giay_chung_nhan": CertificateSetting.Kind.RECOGNITION,
    "bang_chung_nhan": CertificateSetting.Kind.RECOGNITION_DIPLOMA,
    "bang_khen": CertificateSetting.Kind.MERIT,
}
PAPER_TITLES = {
    "giay_khen": "GIẤY KHEN",
    "giay_chung_nhan": "GIẤY CHỨNG NHẬN",
    "bang_chung_nhan": "BẰNG CHỨNG NHẬN",
    "bang_khen": "BẰNG KHEN",
}
# Papers printed on the larger diploma layout (a Bằng, not a Giấy).
DIPLOMA_PAPERS = ("bang_chung_nhan", "bang_khen")


class CertificatesBuilder(_DecisionBase):
    """The certificates of a signed decision, one paper at a time (params: paper); each
    honouree gets the paper of their award form, money-only awards none. Each carries the
    QR code and the short code of its verification page; params "line" prints one line's
    certificate only (a reissue, marked "Cấp lại lần n, ngày …")."""

    kind = "award_certificates"
    label = "Giấy khen, giấy chứng nhận theo quyết định"
    formats = ("pdf", "zip")
    batch = True

    def title(self, target) -> str:
        return f"Giấy khen, giấy chứng nhận — {target.subject}"

    def collect(self, target, params):
        from documents.selectors import certificate_setting_for

        data = self._data(target)
        if params.get("line"):
            line = str(params["line"])
            data["certificates"] = [c for c in data["certificates"] if str(c["line_id"]) == line]
        papers = sorted({c["paper"] for c in data["certificates"] if c["paper"]})
        paper = params.get("paper") or (papers[0] if len(papers) == 1 else "")
        organiser = target.round.conference.organiser
        setting = certificate_setting_for(organiser, SETTING_OF_PAPER.get(paper, "giay_khen"))
        if not setting.pk:
            setting.issuer_title = data["authority"].upper() or setting.issuer_title
        return {
            "signed": data["is_signed"],
            "paper": paper,
            "papers": papers,
            "setting": {
                **setting_payload(setting),
                "award_title": PAPER_TITLES.get(paper, ""),
                "layout": "diploma" if paper in DIPLOMA_PAPERS else "default",
            },
            "people": [
                certificate_fields(c) for c in data["certificates"] if paper and c["paper"] == paper
            ],
        }

    def missing(self, payload) -> list[str]:
        problems = [] if payload["signed"] else ["Quyết định chưa được ban hành: chưa in giấy khen"]
        if not payload["papers"]:
            problems.append("Không ai trong quyết định được in giấy (chỉ có tiền thưởng)")
        elif not payload["paper"]:
            names = ", ".join(PAPER_TITLES[p].capitalize() for p in payload["papers"])
            problems.append(f"Quyết định gồm nhiều loại giấy ({names}): in riêng từng loại")
        return problems + [
            f"{p['name'] or '(không tên)'}: thiếu đơn vị"
            for p in payload["people"]
            if not p["unit"]
        ]

    def render(self, payload, fmt, progress: Progress) -> Rendered:
        from documents.engine import certificates

        layout, warnings = layout_from(payload["setting"]), []
        background = background_from(payload["setting"])
        stem = payload["paper"].replace("_", "-") or "giay-khen"
        if fmt == "zip":
            content = certificates.render_certificates_zip(
                layout, payload["people"], background, warnings=warnings, progress=progress
            )
            return Rendered(content, f"{stem}.zip", [str(w) for w in warnings])
        content = certificates.render_certificates_pdf(
            layout, payload["people"], background, warnings=warnings, progress=progress
        )
        return Rendered(content, f"{stem}.pdf", [str(w) for w in warnings])

    def image_png(self, code) -> bytes | None:
        """The certificate printed with verification `code` (an earlier issue keeps its own
        code and mark), its page as a PNG; None when the award prints no paper."""
        from honorees.selectors import certificate_as_issued

        from ..pdfutil import first_page_png

        certificate = certificate_as_issued(code)
        if certificate is None:
            return None
        payload = self.collect(code.decision, {"paper": certificate.paper, "line": code.line_id})
        payload["people"] = [certificate_fields(dataclasses.asdict(certificate))]
        return first_page_png(self.render(payload, "pdf", lambda *_: None).content)


def certificate_fields(certificate: dict) -> dict:
    keys = (
        "name",
        "unit",
        "award",
        "achievement",
        "decision",
        "gold_book",
        "place_date",
        "signer_title",
        "signer_name",
        "verify_url",
        "verify_code",
        "reissue_mark",
    )
    return {key: certificate[key] or "" for key in keys}
