"""Awards decided the way the decrees require, walked in a real browser: a unit submits three
people (Chiến sĩ thi đua cơ sở, Lao động tiên tiến, the commune's Giấy khen); the police answer
the office's clearance request on a phone, objecting to one; the council votes, one member
absent and voting in writing, which is what carries "Chiến sĩ thi đua cơ sở" to the 80% of all
members it needs; the office finalises (the objected nominee cannot be approved), prints the
minutes; the leader returns the draft once, then approves; the văn thư issues it with its
number; the certificates print with their "số sổ vàng", none for Lao động tiên tiến."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from conferences.models import Role, Unit
from honorees.models import AwardDecision, CouncilVote, Nomination
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import QuotaFactory, RoundFactory, award

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
PEOPLE = (("Nguyễn Thị Hoa", "cstd-cs"), ("Trần Văn Lợi", "ldtt"), ("Lê Văn Nghị", "gk-xa"))


def _world():
    commune = UnitFactory(name="Ủy ban nhân dân xã An Phú")
    school = UnitFactory(parent=commune, name="Trường Tiểu học An Phú", kind="school")
    police = UnitFactory(parent=commune, name="Công an xã An Phú", kind=Unit.Kind.AGENCY)
    round = RoundFactory(
        conference=ConferenceFactory(organiser=commune, start_year=2026, end_year=2026),
        allowed_forms=[code for _, code in PEOPLE],
    )
    QuotaFactory(round=round, unit=school, max_individuals=5, max_collectives=1)
    council = [
        member(commune, Role.COUNCIL, full_name=name)
        for name in ("Phạm Văn Chủ", "Đỗ Thị Hai", "Vũ Văn Ba")
    ]
    return {
        "round": round,
        "school": school,
        "submitter": member(school, Role.SUBMITTER),
        "staff": member(commune, Role.STAFF),
        "leader": member(commune, Role.LEADER),
        "clerk": member(commune, Role.CLERK),
        "reporter": member(police, Role.REPORTER),
        "council": council,
    }


def _submit(page, name: str, code: str) -> None:
    page.get_by_role("link", name="Thêm cá nhân").click()
    page.get_by_label("Họ và tên").fill(name)
    page.get_by_label("Giới tính").select_option(label="Nữ" if "Thị" in name else "Nam")
    page.get_by_label("Năm sinh").fill("1985")
    page.get_by_label("Tóm tắt thành tích").fill("Hoàn thành xuất sắc nhiệm vụ năm 2026.")
    page.get_by_label("Hình thức đề nghị").select_option(value=str(award(code).pk))
    for box in page.locator('input[name="declarations"]').all():
        box.check()  # the unit declares the conditions the law asks of the title
    page.get_by_role("button", name="Lưu và gửi").click()
    page.get_by_text("Đã gửi hồ sơ.").wait_for()


def _download(page, test_id: str) -> bytes:
    page.get_by_test_id(test_id).click()
    with page.expect_download() as download:
        page.get_by_test_id("download").click()
    return Path(download.value.path()).read_bytes()


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_awards_by_law_from_submission_to_issued_certificates(as_user):
    w = _world()
    round = w["round"]
    chair, present, absent = w["council"]

    unit = as_user(w["submitter"])
    unit.goto(f"/khen-thuong/dot/{round.pk}/don-vi/{w['school'].pk}/")
    for name, code in PEOPLE:
        _submit(unit, name, code)
    assert Nomination.objects.filter(status="submitted").count() == 3

    # The office asks the police; the police answer on a phone, objecting to one nominee.
    office = as_user(w["staff"])
    office.goto(f"/khen-thuong/dot/{round.pk}/xin-y-kien/")
    office.get_by_label("Công an xã An Phú").check()
    office.get_by_label("Hạn trả lời").fill("31/12/2099")
    office.get_by_role("button", name="Xem trước thư").click()
    office.get_by_role("button", name="Gửi 1 thư").click()  # after the preview of the letter
    office.get_by_text("Đã gửi đề nghị cho ý kiến: 1 cơ quan đã nhận thư").wait_for()
    police = as_user(w["reporter"])
    police.set_viewport_size(PHONE)
    police.get_by_role("link", name="Cho ý kiến về người được đề nghị khen thưởng").first.click()
    for name, _ in PEOPLE:
        card = police.get_by_test_id("clearance-answer").filter(has_text=name)
        if name == "Lê Văn Nghị":
            card.get_by_label("Không đồng ý", exact=True).check()
            card.get_by_label("Lý do (bắt buộc khi không đồng ý)").fill(
                "Đang bị xử lý vi phạm trật tự xây dựng."
            )
        else:
            card.get_by_label("Không có ý kiến khác").check()
        card.get_by_role("button", name="Ghi ý kiến").click()
        police.get_by_text(f"Đã ghi ý kiến về {name}.").wait_for()
    assert police.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # Two members vote on their phones, all dossiers at once.
    for person in (chair, present):
        phone = as_user(person)
        phone.set_viewport_size(PHONE)
        phone.goto(f"/khen-thuong/dot/{round.pk}/binh-xet/")
        phone.get_by_role("button", name="Đồng ý các hồ sơ còn lại").click()
        phone.get_by_text("Đã ghi ý kiến cho 3 hồ sơ.").wait_for()

    # The sitting: two present, the third absent and voting in writing.
    office.goto(f"/khen-thuong/dot/{round.pk}/phien-hop/")
    office.get_by_label("Thời gian họp").fill("05/12/2026 14:00")
    office.get_by_label("Địa điểm").fill("Hội trường xã An Phú")
    office.get_by_label("Chủ trì").select_option(label=str(chair))
    office.locator("#id_secretary_name").fill("Lê Thị Thư")
    for person in (chair, present):
        office.get_by_label(str(person), exact=True).check()
    office.get_by_role("button", name="Ghi phiên họp").click()
    office.get_by_text("Đã ghi phiên họp Hội đồng.").wait_for()
    hoa_card = office.get_by_test_id("sitting-tally").filter(has_text="Nguyễn Thị Hoa")
    assert "2/3" in hoa_card.inner_text()  # 67% of all members: short of the 80% it needs
    for name, _ in PEOPLE:
        office.get_by_label(f"Phiếu của {absent} cho {name}").select_option(label="Đồng ý")
    office.get_by_role("button", name="Ghi phiếu bằng văn bản").click()
    office.get_by_text(f"Đã ghi phiếu bằng văn bản của {absent}.").wait_for()
    assert CouncilVote.objects.filter(member=absent, in_writing=True).count() == 3
    assert "3/3" in hoa_card.inner_text() and "phiếu bằng văn bản" in hoa_card.inner_text()

    # The objected nominee cannot be approved: the office decides it alone, then the sitting.
    office.goto(f"/khen-thuong/dot/{round.pk}/ket-qua-binh-xet/")
    nghi = office.get_by_test_id("tally-row").filter(has_text="Lê Văn Nghị")
    assert "Công an xã An Phú không đồng ý" in nghi.inner_text()
    nghi.get_by_label("Kết quả").select_option("approved")
    nghi.get_by_role("button", name="Chốt").click()
    office.get_by_text("Chưa thể thông qua Lê Văn Nghị").wait_for()
    nghi = office.get_by_test_id("tally-row").filter(has_text="Lê Văn Nghị")
    nghi.get_by_label("Kết quả").select_option("rejected")
    nghi.get_by_label("Lý do").fill("Công an xã không đồng ý: đang bị xử lý vi phạm.")
    nghi.get_by_role("button", name="Chốt").click()
    office.get_by_text("Đã chốt kết quả bình xét.").wait_for()
    office.goto(f"/khen-thuong/dot/{round.pk}/phien-hop/")
    office.get_by_role("button", name="Chốt kết quả phiên họp").click()
    office.get_by_text("Đã chốt kết quả phiên họp Hội đồng.").wait_for()
    statuses = dict(Nomination.objects.values_list("full_name", "status"))
    assert statuses == {"Nguyễn Thị Hoa": "approved", "Trần Văn Lợi": "approved",
                        "Lê Văn Nghị": "rejected"}  # fmt: skip

    minutes = _text(_download(office, "print-council_minutes-pdf"))
    for expected in ("BIÊN BẢN", str(absent), "Nguyễn Thị Hoa", "Lê Thị Thư"):
        assert expected in minutes, expected

    # The decision: drafted, returned once, approved, issued by the văn thư.
    office.goto(f"/khen-thuong/dot/{round.pk}/")
    office.get_by_role("link", name="Lập quyết định từ các hồ sơ đã thông qua").click()
    office.get_by_label("Họ tên người ký").fill("Phạm Văn Hùng")
    office.get_by_role("button", name="Lưu dự thảo").click()
    office.get_by_text("Đã lập dự thảo quyết định.").wait_for()
    decision = AwardDecision.objects.get()
    leader = as_user(w["leader"])
    leader.goto(f"/khen-thuong/quyet-dinh/{decision.pk}/")
    leader.get_by_text("Trả lại dự thảo cho cán bộ thi đua").click()
    leader.get_by_label("Lý do trả lại").fill("Ghi rõ nguồn kinh phí khen thưởng.")
    leader.get_by_test_id("decision-return").click()
    leader.get_by_test_id("decision-return-reason").filter(has_text="nguồn kinh phí").wait_for()
    leader.get_by_test_id("decision-approve").click()
    leader.get_by_test_id("decision-status").filter(has_text="Lãnh đạo đã duyệt").wait_for()
    assert leader.get_by_test_id("decision-issue").count() == 0  # only the văn thư issues
    clerk = as_user(w["clerk"])
    clerk.goto(f"/khen-thuong/quyet-dinh/{decision.pk}/")
    clerk.get_by_test_id("decision-issue").click()
    clerk.get_by_test_id("decision-status").filter(has_text="Đã ban hành").wait_for()
    assert clerk.get_by_test_id("decision-number").inner_text() == "Số: 01/QĐ-UBND"

    # Certificates: Hoa's only (Lao động tiên tiến carries money, no paper), with its number.
    office.goto(f"/khen-thuong/quyet-dinh/{decision.pk}/")
    certificates = PdfReader(io.BytesIO(_download(office, "print-award_certificates-pdf")))
    assert len(certificates.pages) == 1
    text = certificates.pages[0].extract_text()
    assert "NGUYỄN THỊ HOA" in text.upper() and "Số sổ vàng" in text
