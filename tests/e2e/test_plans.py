"""The plan story in a real browser: staff draft from a template and send; the leader returns
it with a comment; staff fix and resend; the leader sees the diff and approves; staff issue it
(it takes its number) and download the PDF."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from conferences.models import Plan, Role
from tests.factories import ConferenceFactory, UnitFactory, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_plan_from_template_to_issued_pdf(as_user):
    commune = UnitFactory(name="Ủy ban nhân dân xã An Thịnh")
    conference = ConferenceFactory(
        organiser=commune,
        title="Hội nghị biểu dương người tốt, việc tốt xã An Thịnh năm 2026",
        kind="good_deeds",
        start_year=2026,
        end_year=2026,
        venue="Hội trường Ủy ban nhân dân xã",
    )
    staff = member(commune, Role.STAFF)
    leader = member(commune, Role.LEADER)

    # Staff start from the template of the conference's kind and send it.
    office = as_user(staff)
    office.goto(f"/hoi-nghi/{conference.pk}/")
    office.get_by_role("link", name="Lập kế hoạch", exact=True).first.click()
    office.get_by_test_id("plan-create").click()
    office.get_by_text("I. MỤC ĐÍCH, YÊU CẦU").first.wait_for()
    preview = office.frame_locator("#plan-preview")
    preview.get_by_text("KẾ HOẠCH", exact=True).wait_for()
    office.get_by_test_id("plan-submit").click()
    office.get_by_test_id("plan-status").filter(has_text="Chờ duyệt").wait_for()
    plan = Plan.objects.get(conference=conference)

    # The leader returns it with a comment.
    boss = as_user(leader)
    boss.goto(f"/ke-hoach/{plan.pk}/duyet/")
    boss.get_by_label("Lý do trả lại, việc cần sửa").fill("Ghi rõ phòng họp ở mục Địa điểm.")
    boss.get_by_test_id("plan-return").click()
    boss.get_by_test_id("plan-status").filter(has_text="Trả lại để sửa").wait_for()

    # Staff see the comment, fix the venue section in place and send again.
    office.goto(f"/ke-hoach/{plan.pk}/")
    office.get_by_text("Ghi rõ phòng họp ở mục Địa điểm.").first.wait_for()
    venue = plan.sections.get(kind="venue")
    office.get_by_test_id(f"section-edit-{venue.pk}").click()
    office.get_by_label("Ghi thêm sau địa điểm").fill("(phòng họp tầng 2)")
    office.get_by_test_id("section-save").click()
    office.get_by_text("(phòng họp tầng 2)").first.wait_for()
    preview.get_by_text("phòng họp tầng 2").wait_for()  # the preview reloaded
    office.get_by_test_id("plan-submit").click()
    office.get_by_test_id("plan-status").filter(has_text="Chờ duyệt").wait_for()

    # The leader sees only what changed, then approves.
    boss.goto(f"/ke-hoach/{plan.pk}/duyet/")
    assert "so với phiên bản 1" in boss.get_by_test_id("review-summary").inner_text()
    assert boss.get_by_test_id("diff-section").count() == 1
    assert "(phòng họp tầng 2)" in boss.get_by_test_id("diff-added").first.inner_text()
    boss.get_by_test_id("plan-approve").click()
    boss.get_by_test_id("plan-status").filter(has_text="Đã duyệt").wait_for()

    # Staff issue it: it takes the first number of the commune's register, then the PDF.
    office.goto(f"/ke-hoach/{plan.pk}/")
    office.get_by_test_id("plan-issue").click()
    office.get_by_test_id("plan-status").filter(has_text="Đã ban hành").wait_for()
    assert office.get_by_test_id("plan-number").inner_text().startswith("Số: 01/KH-UBND")
    office.get_by_test_id("print-plan-pdf").click()
    with office.expect_download() as download:
        office.get_by_test_id("download").click()
    assert download.value.suggested_filename == "ke-hoach.pdf"
    pdf = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes()))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Số: 01/KH-UBND" in text
    assert "phòng họp tầng 2" in text
