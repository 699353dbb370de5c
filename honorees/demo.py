"""Demo data: a nomination round in Thượng Hồng with nominations in every state, votes and a
draft decision; an issued 2024 decision in Thanh Trì (Giấy khen under Nghị định 98/2023).
Idempotent: a round that exists is left as it is."""

import datetime as dt

from django.utils import timezone

from conferences.models import Conference, Unit, User
from core.vntext import fold

from . import services
from .models import AwardCondition, AwardForm, Nomination, NominationRound

TH_ROUND = "Đề nghị khen thưởng điển hình tiên tiến giai đoạn 2025 - 2030"
TT_ROUND = "Khen thưởng người tốt, việc tốt và Cuộc thi viết năm 2024"

# unit code, username, kind, name, birth year, gender, position, award code, action
TH_NOMINATIONS = [
    ("HP-TH-TH", "truonghoc", "individual", "Nguyễn Thị Hương", 1982, "female", "Giáo viên", "gk-xa", "approve"),
    ("HP-TH-TH", "truonghoc", "individual", "Trần Văn Bình", 1978, "male", "Phó Hiệu trưởng", "cstd-cs", "vote"),
    ("HP-TH-TH", "truonghoc", "individual", "Lê Thị Ánh", 1990, "female", "Giáo viên", "gk-xa", "return"),
    ("HP-TH-TH", "truonghoc", "collective", "Tổ chuyên môn khối 5", None, "", "", "tt-ldtt", "approve"),
    ("HP-TH-TH", "truonghoc", "individual", "Phạm Minh Đức", 1995, "male", "Nhân viên", "gk-xa", "draft"),
    ("HP-TH-T2", "thontrung", "individual", "Bùi Thị Lan", 1968, "female", "Chi hội trưởng Phụ nữ", "gk-xa", "approve"),
    ("HP-TH-T2", "thontrung", "individual", "Đỗ Văn Tùng", 1960, "male", "Nông dân", "gk-xa", "reject"),
    ("HP-TH-T2", "thontrung", "individual", "Vũ Thị Mơ", 1975, "female", "Nông dân", "gk-xa", "submit"),
    ("HP-TH-T2", "thontrung", "collective", "Thôn Trung", None, "", "", "thon-vh", "vote"),
    ("HP-TH-T2", "thontrung", "individual", "Hoàng Văn Sáng", 1988, "male", "Công an viên", "gk-xa", "withdraw"),
    ("HP-TH-T2", "thontrung", "household", "Đinh Văn Hòa", 1965, "male", "", "gd-vh", "approve"),
]  # fmt: skip

TT_PEOPLE = [
    ("Nguyễn Văn An", 1972, "gk-huyen"),
    ("Trần Thị Bích", 1985, "gk-huyen"),
    ("Lê Văn Cường", 1990, "giai-nhat"),
    ("Phạm Thị Dung", 1993, "giai-nhi"),
]


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _seed_th_round(conference: Conference) -> NominationRound:
    canbo = _user("canbo")
    round = services.create_round(
        conference=conference,
        by=canbo,
        allowed_forms=list(
            AwardForm.objects.filter(
                code__in=["gk-xa", "cstd-cs", "tt-ldtt", "thon-vh", "ldtt", "gd-vh"]
            )
        ),
        title=TH_ROUND,
        criteria="Tập thể, cá nhân có thành tích tiêu biểu trong phong trào thi đua yêu nước "
        "giai đoạn 2020 - 2025, được nhân dân tín nhiệm.",
        deadline=timezone.now() + dt.timedelta(days=21),
    )
    for code, people, groups in (("HP-TH-TH", 5, 2), ("HP-TH-T2", 5, 1), ("HP-TH-HPN", 3, 1)):
        services.set_quota(
            round=round, unit=Unit.objects.get(code=code), by=canbo,
            max_individuals=people, max_collectives=groups,
        )  # fmt: skip
    return round


def _create(round, row) -> tuple[Nomination, str]:
    code, username, kind, name, year, gender, position, award, action = row
    fields = {
        "achievement_summary": f"Có thành tích tiêu biểu ({name}).",
        "proposed_award": AwardForm.objects.get(code=award),
    }
    if kind == "collective":
        fields |= {"collective_name": name, "head_name": "Nguyễn Văn Trưởng", "member_count": 12}
    elif kind == "household":
        fields |= {"full_name": name, "birth_year": year, "gender": gender, "member_count": 4}
    else:
        fields |= {
            "full_name": name,
            "birth_year": year,
            "gender": gender,
            "position": position,
            "ethnicity": "Kinh",
        }
    # The unit ticks what it vouches for (an initiative recognised, 70% "Lao động tiên tiến").
    declarations = AwardCondition.objects.filter(
        award_form=fields["proposed_award"], kind=AwardCondition.Kind.DECLARATION
    )
    nomination = services.create_nomination(
        round=round, unit=Unit.objects.get(code=code), kind=kind, by=_user(username),
        declarations=list(declarations), **fields,
    )  # fmt: skip
    return nomination, action


def _seed_sitting(round: NominationRound) -> None:
    """The council met with two of its three members (the third votes in writing); the round
    may honour three with the commune's Giấy khen."""
    services.save_sitting(
        round=round,
        by=_user("canbo"),
        held_at=timezone.localtime().replace(hour=14, minute=0, second=0, microsecond=0),
        place="Hội trường Ủy ban nhân dân xã Thượng Hồng",
        chair=_user("hoidong"),
        secretary_name="Nguyễn Thị Thu Hà",
        secretary_title="Công chức Văn hóa - Xã hội",
        present=[_user("hoidong"), _user("hoidong2")],
    )
    services.set_award_limits(
        round=round, seats={AwardForm.objects.get(code="gk-xa"): 3}, by=_user("canbo")
    )


def _advance(nomination: Nomination, action: str, submitter: User) -> None:
    canbo, votes = _user("canbo"), ("hoidong", "hoidong2")
    if action in ("draft",):
        return
    services.submit_nomination(nomination=nomination, by=submitter)
    if action == "withdraw":
        services.withdraw_nomination(nomination=nomination, by=submitter)
    elif action == "return":
        services.return_nomination(
            nomination=nomination, by=canbo, comment="Bổ sung số liệu thành tích năm 2024."
        )
    elif action in ("approve", "reject", "vote"):
        choice = "disagree" if action == "reject" else "agree"
        for username in votes if action != "vote" else votes[:1]:
            services.cast_vote(nomination=nomination, by=_user(username), choice=choice)
        services.record_written_votes(
            round=nomination.round,
            member=_user("hoidong3"),
            choices={nomination.pk: choice},
            by=canbo,
        )
        if action != "vote":
            outcome = "approved" if action == "approve" else "rejected"
            services.finalise_nomination(nomination=nomination, by=canbo, outcome=outcome)


def _seed_clearance(round: NominationRound) -> None:
    """The police and the military command asked about the nominees under review; the police
    answered (one objection, waiting for the office), the military command has not."""
    police, military = Unit.objects.get(code="HP-TH-CA"), Unit.objects.get(code="HP-TH-QS")
    asked = {
        "round": round, "by": _user("canbo"), "agencies": [police, military],
        "deadline": timezone.localdate() + dt.timedelta(days=7),
        "note": "Đề nghị xác nhận việc chấp hành pháp luật, an ninh trật tự tại địa phương.",
    }  # fmt: skip
    outbox = services.clearance_outbox(**asked)  # as the office confirms its preview
    requests, _report = services.request_clearance(
        **asked, count=outbox.count, fingerprint=outbox.fingerprint
    )
    congan = _user("congan")
    for answer in requests[0].answers.select_related("nomination"):
        objects = answer.nomination.full_name == "Vũ Thị Mơ"
        services.answer_clearance(
            answer=answer, by=congan, objects=objects,
            reason="Đang bị xử lý vi phạm hành chính về trật tự xây dựng." if objects else "",
        )  # fmt: skip


def seed_thuong_hong(stdout) -> None:
    conference = Conference.objects.filter(organiser__code="HP-TH").first()
    if conference is None or conference.nomination_rounds.filter(title=TH_ROUND).exists():
        return
    round = _seed_th_round(conference)
    _seed_sitting(round)
    for row in TH_NOMINATIONS:
        nomination, action = _create(round, row)
        _advance(nomination, action, _user(row[1]))
    _seed_clearance(round)
    services.create_decision(
        round=round,
        by=_user("canbo"),
        date=timezone.localdate(),
        place="Thượng Hồng",
        subject="Về việc khen thưởng các tập thể, cá nhân điển hình tiên tiến giai đoạn 2025 - 2030",
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG",
        legal_bases="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022\n"
        "Căn cứ kết quả bình xét của Hội đồng Thi đua - Khen thưởng xã",
        proposing_body="Trưởng phòng Văn hóa - Xã hội xã",
        prize_source="ngân sách xã năm 2026",
        executors="Chánh Văn phòng HĐND và UBND xã, Trưởng phòng Văn hóa - Xã hội xã",
        recipients="Như Điều 3\nLưu: VT, VHXH",
        signer_head_title="CHỦ TỊCH",
        signer_name="Phạm Văn Hùng",
    )
    stdout.write(f"Khen thưởng: đợt “{round.title}” với {len(TH_NOMINATIONS)} hồ sơ.")


def _seed_tt_nominations(round: NominationRound) -> None:
    unit = Unit.objects.get(code="HN-TT-TQ")
    staff = _user("thanhtri")
    for name, year, award in TT_PEOPLE:
        Nomination.objects.create(
            round=round, unit=unit, kind="individual", full_name=name, birth_year=year,
            achievement_summary="Có nhiều việc làm tốt, giúp đỡ cộng đồng năm 2024.",
            proposed_award=AwardForm.objects.get(code=award), status=Nomination.Status.APPROVED,
            name_key=fold(name), created_by=staff,
        )  # fmt: skip


def seed_thanh_tri(stdout) -> None:
    conference = Conference.objects.filter(organiser__code="HN-TT").first()
    if conference is None or conference.nomination_rounds.filter(title=TT_ROUND).exists():
        return
    round = NominationRound.objects.create(
        conference=conference, title=TT_ROUND, state=NominationRound.State.CLOSED,
        deadline=timezone.make_aware(dt.datetime(2024, 9, 20, 17, 0)),
        prize_first=2_000_000, prize_second=1_500_000, prize_third=1_000_000,
        prize_consolation=500_000,
    )  # fmt: skip
    round.allowed_forms.set(
        AwardForm.objects.filter(code__in=["gk-huyen", "giai-nhat", "giai-nhi"])
    )
    _seed_tt_nominations(round)
    decision = services.create_decision(
        round=round, by=_user("thanhtri"), date=dt.date(2024, 10, 1), place="Thanh Trì",
        subject="Về việc khen thưởng các cá nhân điển hình người tốt, việc tốt năm 2024",
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THANH TRÌ",
        legal_bases="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022\n"
        "Căn cứ Nghị định số 98/2023/NĐ-CP của Chính phủ",
        proposing_body="Trưởng phòng Nội vụ huyện", prize_source="ngân sách huyện năm 2024",
        executors="Chánh Văn phòng HĐND - UBND huyện, Trưởng phòng Nội vụ huyện",
        recipients="Như Điều 3\nLưu: VT, NV", signer_capacity="KT.",
        signer_head_title="CHỦ TỊCH", signer_title="PHÓ CHỦ TỊCH", signer_name="Phan Văn Minh",
    )  # fmt: skip
    services.approve_decision(decision=decision, by=_user("thanhtri.lanhdao"))
    decision = services.issue_decision(
        decision=decision, by=_user("thanhtri.vanthu"), date=dt.date(2024, 10, 1)
    )
    stdout.write(f"Khen thưởng: quyết định {decision.number_text} của huyện Thanh Trì (2024).")
    # Verification: the first certificate was collected at the ceremony (its page is public).
    first = (
        decision.verification_codes.filter(line__isnull=False)
        .order_by("line__gold_book_number")
        .first()
    )
    if first is not None:
        services.record_handover(decision=decision, certificates=[first], by=_user("thanhtri"))
        stdout.write(f"Xác minh giấy khen: /xac-minh/{first.code}/")


def seed_demo_honorees(stdout) -> None:
    seed_thuong_hong(stdout)
    seed_thanh_tri(stdout)
