"""Clearance and eligibility in a real browser: the office asks the police about the round's
nominees; the police answer on a phone (390 px), objecting to one; the office resolves the
objection and lets a nominee under discipline review through with a reason."""

import pytest

from conferences.models import Role, Unit
from honorees.models import ClearanceAnswer, EligibilityOverride, Nomination
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import NominationFactory, RoundFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
S = Nomination.Status


def _world():
    commune = UnitFactory(name="Ủy ban nhân dân xã Hòa Bình")
    school = UnitFactory(parent=commune, name="Trường Tiểu học Hòa Bình", kind="school")
    police = UnitFactory(parent=commune, name="Công an xã Hòa Bình", kind=Unit.Kind.AGENCY)
    round = RoundFactory(conference=ConferenceFactory(organiser=commune))
    for name, flagged in (("Vũ Thị Mơ", False), ("Đỗ Văn Tùng", False), ("Lê Văn Nghị", True)):
        NominationFactory(
            round=round, unit=school, full_name=name, status=S.SUBMITTED,
            discipline_review=flagged,
        )  # fmt: skip
    return {
        "round": round,
        "staff": member(commune, Role.STAFF),
        "reporter": member(police, Role.REPORTER),
    }


def _fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_agency_answers_on_its_phone_and_the_office_settles(as_user):
    w = _world()
    round = w["round"]
    office = as_user(w["staff"])
    office.goto(f"/khen-thuong/dot/{round.pk}/xin-y-kien/")
    office.get_by_label("Công an xã Hòa Bình").check()
    office.get_by_label("Hạn trả lời").fill("31/12/2099")
    office.get_by_role("button", name="Xem trước thư").click()
    office.get_by_role("button", name="Gửi 1 thư").click()  # after the preview of the letter
    office.get_by_text("Đã gửi đề nghị cho ý kiến: 1 cơ quan đã nhận thư").wait_for()
    assert "còn 3 hồ sơ chưa trả lời" in office.get_by_test_id("clearance-request").inner_text()

    phone = as_user(w["reporter"])
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.get_by_role("link", name="Cho ý kiến về người được đề nghị khen thưởng").first.click()
    cards = phone.get_by_test_id("clearance-answer")
    assert cards.count() == 3 and _fits_the_phone(phone)
    for name in ("Vũ Thị Mơ", "Đỗ Văn Tùng", "Lê Văn Nghị"):
        card = cards.filter(has_text=name)
        if name == "Vũ Thị Mơ":
            card.get_by_label("Không đồng ý", exact=True).check()
            card.get_by_label("Lý do (bắt buộc khi không đồng ý)").fill(
                "Đang bị xử lý vi phạm trật tự xây dựng."
            )
        else:
            card.get_by_label("Không có ý kiến khác").check()
        card.get_by_role("button", name="Ghi ý kiến").click()
        phone.get_by_text(f"Đã ghi ý kiến về {name}.").wait_for()
    assert _fits_the_phone(phone)

    office.goto(f"/khen-thuong/dot/{round.pk}/ket-qua-binh-xet/")
    held = office.get_by_test_id("tally-row").filter(has_text="Vũ Thị Mơ")
    assert "Công an xã Hòa Bình không đồng ý" in held.inner_text()
    office.goto(f"/khen-thuong/dot/{round.pk}/")
    office.get_by_role("link", name="Công an xã Hòa Bình").click()
    resolve = office.get_by_test_id("clearance-answer").filter(has_text="Vũ Thị Mơ")
    resolve.get_by_label("Kết quả xử lý ý kiến (cơ quan thường trực)").fill(
        "Đã khắc phục vi phạm; Công an xã xác nhận lại."
    )
    resolve.get_by_role("button", name="Ghi kết quả xử lý").click()
    office.get_by_text("Đã ghi kết quả xử lý ý kiến.").wait_for()
    assert ClearanceAnswer.objects.get(nomination__full_name="Vũ Thị Mơ").status == "resolved"

    flagged = Nomination.objects.get(full_name="Lê Văn Nghị")
    office.goto(f"/khen-thuong/ho-so/{flagged.pk}/")
    office.get_by_label("Xét vượt “Đang bị xem xét kỷ luật: chưa xét khen thưởng”").fill(
        "Đã có kết luận không kỷ luật ngày 20/11."
    )
    office.get_by_role("button", name="Xét vượt điều kiện").click()
    office.get_by_text("Đã ghi xét vượt điều kiện và lý do.").wait_for()
    assert "xét vượt: Đã có kết luận" in office.get_by_test_id("eligibility").inner_text()
    assert EligibilityOverride.objects.get().nomination == flagged
