"""Builders of ceremony test data on the shared cast (tests/cast.py)."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from honorees import services as honoree_services
from honorees.models import Nomination
from tests.honorees.factories import NominationFactory, RoundFactory, approve_and_issue, award

S = Nomination.Status
DECISION = {
    "date": dt.date(2025, 8, 15),
    "place": "An Thịnh",
    "subject": "Về việc khen thưởng",
    "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THỊNH",
    "legal_bases": "Căn cứ Luật Thi đua, khen thưởng",
    "proposing_body": "Phòng Văn hóa - Xã hội",
    "signer_head_title": "CHỦ TỊCH",
    "signer_name": "Nguyễn Văn Ký",
}
# Given names chosen so that name order differs from creation order.
INDIVIDUALS = ["Trần Văn Yên", "Lê Thị Bình", "Phạm Văn Cường", "Đỗ Thị An", "Vũ Văn Hải"]
COLLECTIVES = ["Tổ dân phố số 3", "Chi hội Phụ nữ thôn Đông"]


def jpeg(width: int, height: int, colour="red", fmt="JPEG", **save) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, fmt, **save)
    name = "anh.png" if fmt == "PNG" else "anh.jpg"
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def make_issued(cast: dict) -> dict:
    """Office A's conference with an issued decision: two collectives (Tập thể lao động tiên
    tiến), five individuals with a Giấy khen, one with Lao động tiên tiến."""
    users, conference = cast["users"], cast["conference_a"]
    round = RoundFactory(conference=conference)
    for name in COLLECTIVES:
        NominationFactory(
            round=round, unit=cast["school"], kind="collective", collective_name=name,
            full_name="", status=S.APPROVED, proposed_award=award("tt-ldtt"),
        )  # fmt: skip
    for name in INDIVIDUALS:
        NominationFactory(round=round, unit=cast["school"], full_name=name, status=S.APPROVED)
    NominationFactory(
        round=round, unit=cast["school"], full_name="Hoàng Thị Mai", gender="female",
        status=S.APPROVED, proposed_award=award("ldtt"),
    )  # fmt: skip
    decision = honoree_services.create_decision(round=round, by=users["staff"], **DECISION)
    decision = approve_and_issue(decision, users)
    return {**cast, "decision": decision, "conference": conference, "staff": users["staff"]}
