"""Everything a document builder needs to print an award decision, its attached list and the
certificates, as plain frozen data (the documents app reads this; it never queries honorees)."""

import dataclasses
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from conferences.models import Unit
from core.signers import default_signer
from core.vntext import format_date_short, format_date_vn, format_place_date

from .models import AwardDecision, AwardLine, NominationRound, VerificationCode
from .ordering import KIND_HEADINGS, grouped_by_kind
from .prizes import PrizeTotals, prize_totals
from .selectors import decision_lines, reissue_mark

UNIT_PREFIXES = ("Ủy ban nhân dân xã ", "Ủy ban nhân dân phường ", "Ủy ban nhân dân huyện ",
                 "Ủy ban nhân dân thị trấn ", "Ủy ban nhân dân thành phố ", "Ủy ban nhân dân tỉnh ")  # fmt: skip


@dataclass(frozen=True)
class ListRow:
    stt: int
    name: str
    unit: str
    award: str
    amount: int
    is_collective: bool
    kind: str = "individual"
    gold_book: str = ""
    birth_year: int | None = None
    position: str = ""


@dataclass(frozen=True)
class ListSection:
    heading: str  # "I. TẬP THỂ", "II. CÁ NHÂN"
    rows: tuple[ListRow, ...]


@dataclass(frozen=True)
class CertificateData:
    name: str
    unit: str
    achievement: str
    award: str
    decision: str  # "05/QĐ-UBND ngày 15/8/2025"
    decision_number: str
    decision_date: str
    gold_book: str
    place_date: str
    issuer_title: str
    signer_title: str
    signer_name: str
    paper: str = "giay_khen"  # AwardForm.Paper: the paper this honouree gets ("" none)
    line_id: int = 0
    # The certificate's verification: the code printed beside the QR code of its page, and
    # for a reissued certificate the mark "Cấp lại lần n, ngày …".
    verify_code: str = ""
    verify_url: str = ""
    reissue_mark: str = ""

    def as_fields(self) -> dict[str, str]:
        """The field names of documents.engine.cert_layout's default layout."""
        return {
            "name": self.name,
            "unit": self.unit,
            "achievement": self.achievement,
            "place_date": self.place_date,
            "signer_title": self.signer_title,
            "signer_name": self.signer_name,
            "decision": self.decision,
            "gold_book": self.gold_book,
            "verify_url": self.verify_url,
            "verify_code": self.verify_code,
            "reissue_mark": self.reissue_mark,
        }


@dataclass(frozen=True)
class DecisionData:
    is_signed: bool  # issued: numbered, dated, printed with its certificates
    is_approved: bool  # the leader approved it, the văn thư has not issued it yet
    parent_body: str
    issuing_body: str
    number_line: str
    place_date: str
    title: str
    subject: str
    authority: str
    legal_bases: tuple[str, ...]
    proposing_line: str
    articles: tuple[str, ...]
    list_title: str
    list_caption: str
    sections: tuple[ListSection, ...]
    totals: PrizeTotals
    recipients: tuple[str, ...]
    signer_lines: tuple[str, ...]  # "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" (core.signers)
    signer_name: str
    certificates: tuple[CertificateData, ...]
    verify_code: str = ""  # the decision's verification code ("ABCDE-FGHJK"), once issued
    verify_url: str = ""


def _lines(text: str) -> list[str]:
    return [line.strip().rstrip(";.").strip() for line in (text or "").splitlines() if line.strip()]


def _punctuated(lines: list[str]) -> tuple[str, ...]:
    """Each line ends ";" and the last "." (the layout rules for legal bases)."""
    return tuple(f"{line}{'.' if i == len(lines) - 1 else ';'}" for i, line in enumerate(lines))


def _row(stt: int, line: AwardLine) -> ListRow:
    n = line.nomination
    return ListRow(
        stt=stt,
        name=n.display_name,
        unit=n.unit_name or n.unit.name,
        award=line.award_form.name,
        amount=line.amount,
        is_collective=n.is_collective,
        kind=n.kind,
        gold_book=_gold_book(line),
        birth_year=n.birth_year,
        position=n.position,
    )


ROMAN = ("I", "II", "III", "IV")


def _gold_book(line: AwardLine) -> str:
    return str(line.gold_book_number) if line.gold_book_number else ""


def _groups(lines: list[AwardLine]) -> list[tuple[str, list[AwardLine]]]:
    """Collectives first, then individuals, then households, each in Vietnamese name order
    (honorees.ordering), headed "I. TẬP THỂ", "II. CÁ NHÂN", "III. HỘ GIA ĐÌNH"."""
    groups = grouped_by_kind(lines, lambda line: line.nomination)
    return [(f"{ROMAN[i]}. {KIND_HEADINGS[kind]}", g) for i, (kind, g) in enumerate(groups)]


def _sections(groups) -> tuple[ListSection, ...]:
    return tuple(
        ListSection(heading, tuple(_row(i, line) for i, line in enumerate(group, start=1)))
        for heading, group in groups
    )


def _number_line(decision: AwardDecision) -> str:
    if decision.number_text:
        return f"Số: {decision.number_text}"
    return f"Số:      /{decision.type_code}-{decision.issuer_code}"


# What the honoured did, by kind of conference: the decision's default subject and Điều 1.
# "{period}" is the conference's year or period.
ACHIEVEMENTS = {
    "good_deeds": "đã có thành tích tiêu biểu trong phong trào thi đua “Người tốt, việc tốt” "
    "năm {period}",
    "good_deeds_contest": "đã có thành tích tiêu biểu trong phong trào thi đua “Người tốt, việc "
    "tốt” và Cuộc thi viết về gương điển hình tiên tiến, người tốt, việc tốt năm {period}",
    "exemplar": "là điển hình tiên tiến tiêu biểu trong phong trào thi đua yêu nước giai đoạn "
    "{period}",
    "annual_review": "đã có thành tích xuất sắc trong phong trào thi đua năm {period}",
}
SUBJECTS = {
    "good_deeds": "Về việc khen thưởng các cá nhân, tập thể điển hình “Người tốt, việc tốt” "
    "năm {period}",
    "good_deeds_contest": "Về việc khen thưởng các cá nhân, tập thể điển hình “Người tốt, việc "
    "tốt” và đạt giải Cuộc thi viết năm {period}",
    "exemplar": "Về việc khen thưởng các tập thể, cá nhân điển hình tiên tiến giai đoạn {period}",
    "annual_review": "Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong "
    "phong trào thi đua năm {period}",
}


def achievement_wording(conference) -> str:
    """ "đã có thành tích tiêu biểu trong phong trào thi đua “Người tốt, việc tốt” năm 2024"."""
    text = ACHIEVEMENTS.get(conference.kind, "đã có thành tích tiêu biểu")
    return text.format(period=conference.period_label)


def _articles(decision: AwardDecision, sections, totals: PrizeTotals) -> tuple[str, ...]:
    counts = {kind: sum(1 for s in sections for r in s.rows if r.kind == kind) for kind in WHOM}
    whom = _joined([f"{n} {WHOM[kind]}" for kind, n in counts.items() if n]) or "0 cá nhân"
    source = f" Nguồn kinh phí: {decision.prize_source}." if decision.prize_source else ""
    executors = ", ".join(_lines(decision.executors)) or "Các cơ quan, đơn vị có liên quan"
    achievement = achievement_wording(decision.round.conference)
    return (
        f"Điều 1. Khen thưởng {whom} {achievement} (có danh sách kèm theo).",
        f"Điều 2. Tổng số tiền thưởng: {totals.total_text} ({totals.total_words}).{source}",
        f"Điều 3. {executors} và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm "
        "thi hành Quyết định này./.",
    )


WHOM = {"collective": "tập thể", "individual": "cá nhân", "household": "hộ gia đình"}


def _joined(parts: list[str]) -> str:
    """ "a", "a và b", "a, b và c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " và " + parts[-1]


def verify_url(code: VerificationCode) -> str:
    """The absolute address of the code's public page (what the QR code holds)."""
    path = reverse("honorees:verify_code", kwargs={"code": code.code})
    return settings.SITE_URL.rstrip("/") + path


def _newest_codes(decision: AwardDecision) -> tuple[VerificationCode | None, dict]:
    """The decision's code and each line's newest certificate code: one query."""
    decision_code, newest = None, {}
    for code in VerificationCode.objects.filter(decision=decision).order_by("issue"):
        if code.line_id is None:
            decision_code = code
        else:
            newest[code.line_id] = code
    return decision_code, newest


def certificate_as_issued(data: CertificateData, code: VerificationCode) -> CertificateData:
    """The certificate `data` as it was printed with `code` (an earlier issue, or the newest)."""
    return dataclasses.replace(
        data,
        verify_code=code.code_text,
        verify_url=verify_url(code),
        reissue_mark=reissue_mark(code),
    )


def _certificates(
    decision: AwardDecision, groups, place_date: str, codes: dict
) -> tuple[CertificateData, ...]:
    number = decision.number_text
    date_short = format_date_short(decision.date)
    certificates = tuple(
        CertificateData(
            name=line.nomination.display_name,
            unit=line.nomination.unit_name or line.nomination.unit.name,
            achievement=line.nomination.achievement_summary,
            award=line.award_form.name,
            decision=f"{number}, ngày {date_short}" if number else "",
            decision_number=number,
            decision_date=date_short,
            gold_book=_gold_book(line),
            place_date=place_date,
            issuer_title=decision.authority,
            signer_title="\n".join(decision.signer_lines),
            signer_name=decision.signer_name,
            paper=line.award_form.paper,
            line_id=line.pk,
        )
        for _heading, group in groups
        for line in group
    )
    return tuple(
        certificate_as_issued(c, codes[c.line_id]) if c.line_id in codes else c
        for c in certificates
    )


def certificate_papers(data: DecisionData) -> list[tuple[str, str, int]]:
    """(paper, label, count) for each paper the decision's honourees get, in the catalogue's
    order; money-only awards print none."""
    from .models import AwardForm

    counts: dict[str, int] = {}
    for certificate in data.certificates:
        if certificate.paper:
            counts[certificate.paper] = counts.get(certificate.paper, 0) + 1
    return [(p, AwardForm.Paper(p).label, counts[p]) for p in AwardForm.Paper.values if p in counts]


def decision_document_data(decision: AwardDecision) -> DecisionData:
    organiser = decision.round.conference.organiser
    parent = Unit.objects.get_parent(organiser)
    groups = _groups(list(decision_lines(decision)))
    sections = _sections(groups)
    totals = prize_totals((r.award, r.amount) for s in sections for r in s.rows)
    place_date = format_place_date(decision.place, decision.date)
    when = format_date_vn(decision.date)
    number = decision.number_text or "     "
    decision_code, codes = _newest_codes(decision) if decision.number else (None, {})
    return DecisionData(
        is_signed=decision.status == AwardDecision.Status.ISSUED,
        is_approved=decision.status == AwardDecision.Status.APPROVED,
        parent_body=parent.name.upper() if parent else "",
        issuing_body=organiser.name.upper(),
        number_line=_number_line(decision),
        place_date=place_date,
        title="QUYẾT ĐỊNH",
        subject=decision.subject,
        authority=decision.authority,
        legal_bases=_punctuated(_lines(decision.legal_bases)),
        proposing_line=f"Theo đề nghị của {decision.proposing_body}.",
        articles=_articles(decision, sections, totals),
        list_title="DANH SÁCH KHEN THƯỞNG",
        list_caption=f"(Kèm theo Quyết định số {number} {when} của {_issuer(decision, organiser)})",
        sections=sections,
        totals=totals,
        recipients=_punctuated(_lines(decision.recipients)),
        signer_lines=tuple(decision.signer_lines),
        signer_name=decision.signer_name,
        certificates=_certificates(decision, groups, place_date, codes),
        verify_code=decision_code.code_text if decision_code else "",
        verify_url=verify_url(decision_code) if decision_code else "",
    )


def _issuer(decision: AwardDecision, organiser: Unit) -> str:
    chair = decision.authority.upper().startswith("CHỦ TỊCH")
    return f"Chủ tịch {organiser.name}" if chair else organiser.name


def _place(unit: Unit) -> str:
    for prefix in UNIT_PREFIXES:
        if unit.name.startswith(prefix):
            return unit.name[len(prefix) :]
    return unit.label


def default_decision_fields(round: NominationRound) -> dict:
    """Sensible first values for a new decision's form."""
    conference = round.conference
    organiser = conference.organiser
    authority = f"CHỦ TỊCH {organiser.name.upper()}"
    subject = SUBJECTS.get(
        conference.kind, "Về việc khen thưởng các tập thể, cá nhân có thành tích"
    )
    return {
        "date": timezone.localdate(),
        "place": _place(organiser),
        "subject": subject.format(period=conference.period_label),
        "authority": authority,
        "legal_bases": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022\n"
        "Căn cứ kết quả bình xét của Hội đồng Thi đua - Khen thưởng",
        "proposing_body": "Thường trực Hội đồng Thi đua - Khen thưởng",
        "executors": "Chánh Văn phòng, Trưởng phòng Văn hóa - Xã hội",
        "recipients": "Như Điều 3\nLưu: VT, VHXH",
        # The chair's own decision (an individual authority): signed "CHỦ TỊCH", not "TM.".
        **default_signer(authority),
        "type_code": "QĐ",
        "issuer_code": "UBND",
    }
