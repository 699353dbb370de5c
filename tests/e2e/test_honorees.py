"""A whole round in a real browser: a unit submits two individuals by form and a collective by
Excel; the office returns one; the unit fixes it; two council members vote; the office records
the council's sitting and finalises; the leader returns the draft once, then approves it; the
văn thư issues it."""

from pathlib import Path

import pytest

from conferences.models import Role
from honorees.models import AwardDecision, Nomination
from tests.factories import ConferenceFactory, UnitFactory, member
from tests.honorees.factories import QuotaFactory, RoundFactory
from tests.honorees.xlsx import person_row, workbook

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _world():
    commune = UnitFactory(name="Ủy ban nhân dân xã Hòa Bình")
    school = UnitFactory(parent=commune, name="Trường Tiểu học Hòa Bình", kind="school")
    round = RoundFactory(conference=ConferenceFactory(organiser=commune))
    QuotaFactory(round=round, unit=school, max_individuals=3, max_collectives=1)
    return {
        "round": round,
        "school": school,
        "submitter": member(school, Role.SUBMITTER),
        "staff": member(commune, Role.STAFF),
        "leader": member(commune, Role.LEADER),
        "clerk": member(commune, Role.CLERK),
        "council": [member(commune, Role.COUNCIL), member(commune, Role.COUNCIL)],
    }


def _add_individual(page, name, year):
    page.get_by_role("link", name="Thêm cá nhân").click()
    page.get_by_label("Họ và tên").fill(name)
    page.get_by_label("Giới tính").select_option(label="Nữ")
    page.get_by_label("Năm sinh").fill(str(year))
    page.get_by_label("Tóm tắt thành tích").fill("Giáo viên dạy giỏi cấp huyện.")
    page.get_by_label("Hình thức đề nghị").select_option(label="Giấy khen của Chủ tịch UBND xã")
    page.get_by_role("button", name="Lưu và gửi").click()
    page.get_by_text("Đã gửi hồ sơ.").wait_for()


def _import_collective(page, tmp_path):
    row = person_row(1, **{"Cá nhân/Tập thể": "Tập thể", "Họ và tên": "Tổ chuyên môn khối 4",
                           "Năm sinh": None, "Hình thức đề nghị": "Tập thể lao động tiên tiến",
                           "Đạt các điều kiện đơn vị xác nhận": "Có"})  # fmt: skip
    path = tmp_path / "danh-sach.xlsx"
    path.write_bytes(workbook([row]))
    page.get_by_role("link", name="Gửi danh sách bằng Excel").click()
    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    assert "1 tập thể" in page.get_by_test_id("import-preview").inner_text()
    page.get_by_role("button", name="Gửi danh sách").click()  # the checked file, kept
    page.get_by_text("Đã ghi vào hệ thống:").wait_for()


def test_round_from_submission_to_issued_decision(as_user, tmp_path):
    w = _world()
    round, unit_url = w["round"], f"/khen-thuong/dot/{w['round'].pk}/don-vi/{w['school'].pk}/"

    unit = as_user(w["submitter"])
    unit.goto(unit_url)
    _add_individual(unit, "Nguyễn Thị Hoa", 1984)
    _add_individual(unit, "Trần Thị Lụa", 1990)
    _import_collective(unit, tmp_path)
    assert unit.get_by_test_id("quota-individual").inner_text().count("Còn 1") == 1

    office = as_user(w["staff"])
    hoa = Nomination.objects.get(full_name="Nguyễn Thị Hoa")
    office.goto(f"/khen-thuong/ho-so/{hoa.pk}/")
    office.get_by_label("Lý do trả lại").fill("Bổ sung thành tích năm 2024.")
    office.get_by_role("button", name="Trả lại").click()
    office.get_by_text("Đã trả lại hồ sơ cho đơn vị.").wait_for()

    unit.goto(unit_url)
    assert unit.get_by_text("Lý do trả lại: Bổ sung thành tích năm 2024.").is_visible()
    unit.get_by_role("row", name="Nguyễn Thị Hoa").get_by_role("link", name="Sửa").click()
    unit.get_by_label("Tóm tắt thành tích").fill("Giáo viên dạy giỏi cấp huyện năm 2024.")
    unit.get_by_role("button", name="Lưu và gửi").click()
    unit.get_by_text("Đã lưu hồ sơ.").wait_for()

    for person in w["council"]:
        council = as_user(person)
        council.goto(f"/khen-thuong/dot/{round.pk}/binh-xet/")
        for index in range(3):
            item = council.get_by_test_id("council-item").nth(index)
            item.get_by_label("Đồng ý", exact=True).check()
            item.get_by_role("button", name="Ghi ý kiến").click()
            council.get_by_text("Đã ghi ý kiến của bạn.").wait_for()

    # The office records the sitting: both members present, the first chairs.
    office.goto(f"/khen-thuong/dot/{round.pk}/phien-hop/")
    office.get_by_label("Thời gian họp").fill("05/12/2026 14:00")
    office.get_by_label("Địa điểm").fill("Hội trường xã Hòa Bình")
    office.get_by_label("Chủ trì").select_option(label=str(w["council"][0]))
    office.locator("#id_secretary_name").fill("Lê Thị Thư")
    for person in w["council"]:
        office.get_by_label(str(person), exact=True).check()
    office.get_by_role("button", name="Ghi phiên họp").click()
    office.get_by_text("Đã ghi phiên họp Hội đồng.").wait_for()
    assert "có mặt 2, vắng mặt 0" in office.get_by_test_id("sitting-summary").inner_text()

    office.goto(f"/khen-thuong/dot/{round.pk}/ket-qua-binh-xet/")
    for _ in range(3):
        office.get_by_test_id("tally-row").filter(has_text="Đạt").filter(
            has=office.get_by_role("button", name="Chốt")
        ).first.get_by_role("button", name="Chốt").click()
        office.get_by_text("Đã chốt kết quả bình xét.").wait_for()
    assert Nomination.objects.filter(status="approved").count() == 3

    office.goto(f"/khen-thuong/dot/{round.pk}/")
    office.get_by_role("link", name="Lập quyết định từ các hồ sơ đã thông qua").click()
    office.get_by_label("Họ tên người ký").fill("Phạm Văn Hùng")
    office.get_by_role("button", name="Lưu dự thảo").click()
    office.get_by_text("Đã lập dự thảo quyết định.").wait_for()
    decision = AwardDecision.objects.get()

    leader = as_user(w["leader"])
    leader.goto(f"/khen-thuong/quyet-dinh/{decision.pk}/")
    leader.get_by_text("Trả lại dự thảo cho cán bộ thi đua").click()
    leader.get_by_label("Lý do trả lại").fill("Bổ sung nguồn kinh phí.")
    leader.get_by_test_id("decision-return").click()
    leader.get_by_test_id("decision-return-reason").filter(
        has_text="Bổ sung nguồn kinh phí."
    ).wait_for()
    leader.get_by_test_id("decision-approve").click()
    leader.get_by_test_id("decision-status").filter(has_text="Lãnh đạo đã duyệt").wait_for()
    # The leader's approval gives no number: the văn thư gives it at issue.
    assert leader.get_by_test_id("decision-number").inner_text() == "Số: /QĐ-UBND"
    assert Nomination.objects.filter(status="awarded").count() == 0

    clerk = as_user(w["clerk"])
    clerk.goto(f"/khen-thuong/quyet-dinh/{decision.pk}/")
    clerk.get_by_test_id("decision-issue").click()
    clerk.get_by_test_id("decision-status").filter(has_text="Đã ban hành").wait_for()
    assert clerk.get_by_test_id("decision-number").inner_text() == "Số: 01/QĐ-UBND"
    assert clerk.get_by_test_id("decision-row").count() == 3
    assert sorted(clerk.get_by_test_id("gold-book").all_inner_texts()) == ["1", "2", "3"]
    assert Nomination.objects.filter(status="awarded").count() == 3

    # The office prints the decision and the certificates (rendered by the worker; eager here).
    office.goto(f"/khen-thuong/quyet-dinh/{decision.pk}/")
    office.get_by_test_id("print-award_decision-pdf").click()
    with office.expect_download() as decision_pdf:
        office.get_by_test_id("download").click()
    assert decision_pdf.value.suggested_filename == "quyet-dinh-khen-thuong.pdf"
    assert Path(decision_pdf.value.path()).read_bytes()[:5] == b"%PDF-"
    office.goto(f"/khen-thuong/quyet-dinh/{decision.pk}/")
    office.get_by_test_id("print-award_certificates-pdf").click()
    with office.expect_download() as certificates_pdf:
        office.get_by_test_id("download").click()
    from pypdf import PdfReader

    # The collective's "Tập thể lao động tiên tiến" carries money only: two papers, not three.
    assert len(PdfReader(certificates_pdf.value.path()).pages) == 2
