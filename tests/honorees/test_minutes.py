"""The minutes of a council sitting, printed through the documents engine (DOCX and PDF): the
attendance with an absent member's written votes, each nominee's votes and share, the ranking,
and an override of an eligibility check with its reason."""

import pytest

from conferences.models import Role
from documents import services as documents
from documents.builders import get_builder
from documents.models import GeneratedDocument
from honorees import services
from honorees.models import CouncilVote, EligibilityOverride, Nomination, RoundAwardLimit
from tests.factories import member
from tests.honorees.factories import NominationFactory, RoundFactory, award, sitting
from tests.printed import docx_pieces, normal, pdf_pieces

S = Nomination.Status
AGREE, DISAGREE = CouncilVote.Choice.AGREE, CouncilVote.Choice.DISAGREE
REASON = "Công an xã đã kết luận không vi phạm ngày 01/12/2026"


@pytest.fixture
def decided(cast):
    """Three members, two present (the cast's council member chairs), the third votes in
    writing; An passes 2/3, Bình fails 1/3; An's failed check was overridden with a reason."""
    unit, staff = cast["office_a"], cast["users"]["staff"]
    chair = cast["users"]["council"]
    chair.full_name = "Trần Thị Mai"
    chair.save()
    present = member(unit, Role.COUNCIL, full_name="Vũ Đức Thắng")
    absent = member(unit, Role.COUNCIL, full_name="Lương Văn Bảo")
    round = RoundFactory(conference=cast["conference_a"])
    the_sitting = sitting(round, [chair, present], chair=chair, secretary_name="Lê Thị Thư")
    RoundAwardLimit.objects.create(round=round, award_form=award("gk-xa"), seats=1)
    an, binh = (
        NominationFactory(round=round, status=S.SUBMITTED, full_name=name)
        for name in ("Nguyễn Văn An", "Phạm Thị Bình")
    )
    for nomination, second in ((an, DISAGREE), (binh, DISAGREE)):
        CouncilVote.objects.create(nomination=nomination, member=chair, choice=AGREE)
        CouncilVote.objects.create(nomination=nomination, member=present, choice=second)
    services.record_written_votes(
        round=round, member=absent, choices={an.pk: AGREE, binh.pk: DISAGREE}, by=staff
    )
    EligibilityOverride.objects.create(
        nomination=an,
        rule_code="pending_discipline",
        rule_text="Đang xem xét kỷ luật",
        reason=REASON,
        created_by=staff,
    )
    services.finalise_sitting(round=round, by=staff)
    return {"sitting": the_sitting, "staff": staff, "cast": cast}


def _print(sitting, fmt, by, capture) -> bytes:
    with capture(execute=True):
        doc = documents.request_document(kind="council_minutes", target=sitting, fmt=fmt, by=by)
    doc.refresh_from_db()
    assert doc.status == GeneratedDocument.Status.READY, doc.error
    return doc.file.read()


def _assert_minutes_text(text: str) -> None:
    expected = [
        "BIÊN BẢN Họp Hội đồng Thi đua - Khen thưởng",
        "Thời gian: 14 giờ 00 phút, ngày 05 tháng 12 năm 2026",
        "Chủ trì: Trần Thị Mai",
        "Thư ký: Lê Thị Thư",
        "Hội đồng có 3 thành viên; có mặt 2 thành viên, vắng mặt 1 thành viên",
        "Vũ Đức Thắng",
        "Lương Văn Bảo: vắng mặt, gửi phiếu bằng văn bản — đồng ý: Nguyễn Văn An; "
        "không đồng ý: Phạm Thị Bình",
        "Nguyễn Văn An",
        "2/3 (66,66%)",
        "1/3 (33,33%)",
        "hơn một nửa tổng số thành viên Hội đồng",
        "Nguyễn Văn An: xếp thứ 1 (số lượng được khen: 1)",
        f"không đạt điều kiện “Đang xem xét kỷ luật”; cơ quan thường trực vẫn trình Hội đồng "
        f"xét với lý do: {REASON}",
        "THƯ KÝ",
        "CHỦ TRÌ",
    ]
    for phrase in expected:
        assert normal(phrase) in normal(text), phrase


def test_minutes_print_as_docx_with_attendance_shares_and_override(
    decided, django_capture_on_commit_callbacks
):
    content = _print(
        decided["sitting"], "docx", decided["staff"], django_capture_on_commit_callbacks
    )
    text = " ".join(piece for piece, _bold, _italic in docx_pieces(content))
    _assert_minutes_text(text)
    assert normal("2/3 (66,66%); tính cả 1 phiếu bằng văn bản") in normal(text)


def test_minutes_print_as_pdf_with_attendance_shares_and_override(
    decided, django_capture_on_commit_callbacks
):
    content = _print(
        decided["sitting"], "pdf", decided["staff"], django_capture_on_commit_callbacks
    )
    assert content[:5] == b"%PDF-"
    _assert_minutes_text(" ".join(piece for piece, _bold, _italic in pdf_pieces(content)))


def test_minutes_are_printed_by_the_office_only(decided):
    builder, users = get_builder("council_minutes"), decided["cast"]["users"]
    allowed = {p: builder.can_request(users[p], decided["sitting"]) for p in users if users[p]}
    assert allowed == {
        "stranger": False,
        "other_office": False,
        "staff": True,
        "leader": True,
        "council": True,
        "admin": True,
        "submitter": False,
        "reporter": False,
        "clerk": False,
        "superuser": True,
    }


def test_minutes_of_a_sitting_without_members_present_are_refused(cast):
    round = RoundFactory(conference=cast["conference_a"])
    the_sitting = sitting(round, [cast["users"]["council"]])
    the_sitting.present.clear()
    builder = get_builder("council_minutes")
    assert builder.missing(builder.collect(the_sitting, {})) == [
        "Phiên họp chưa có thành viên nào có mặt"
    ]
