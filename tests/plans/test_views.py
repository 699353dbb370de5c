import pytest
from django.urls import reverse

from conferences.models import Plan, PlanStatus
from tests.plans.factories import plan_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(cast):
    """The cast's office A, its conference (with a venue), staff and leader."""
    conference = cast["conference_a"]
    conference.venue = "Hội trường xã"
    conference.save(update_fields=["venue"])
    return {
        "commune": cast["office_a"],
        "conference": conference,
        "staff": cast["users"]["staff"],
        "leader": cast["users"]["leader"],
    }


def test_conference_page_offers_to_start_a_plan(client, office):
    client.force_login(office["staff"])
    page = client.get(reverse("conference_detail", args=[office["conference"].pk]))
    assert reverse("plan_start", args=[office["conference"].pk]) in page.content.decode()


def test_start_from_template_then_editor_shows_sections_and_preview(client, office):
    client.force_login(office["staff"])
    response = client.post(
        reverse("plan_start", args=[office["conference"].pk]), {"template": "good_deeds"}
    )
    plan = Plan.objects.get(conference=office["conference"])
    assert response.status_code == 302 and response.url == reverse("plan_detail", args=[plan.pk])
    page = client.get(response.url).content.decode()
    assert "I. MỤC ĐÍCH, YÊU CẦU" in page
    assert reverse("plan_preview", args=[plan.pk]) in page
    preview = client.get(reverse("plan_preview", args=[plan.pk])).content.decode()
    assert "KẾ HOẠCH" in preview and "Hội trường xã" in preview


def test_edit_text_section_saves_items_and_reloads_preview(client, office):
    plan = plan_for(office["conference"], staff=office["staff"])
    section = plan.sections.get(heading="Mục đích:")
    client.force_login(office["staff"])
    prefix = f"s{section.pk}"
    response = client.post(
        reverse("plan_section_edit", args=[section.pk]),
        {
            f"{prefix}-heading": "Mục đích:",
            f"{prefix}-level": "2",
            f"{prefix}-items_text": "- Biểu dương <người tốt>\n> + ý con\n**Lưu ý:** viết ngắn",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and response["HX-Trigger"] == "plan-changed"
    section.refresh_from_db()
    assert section.content["items"] == [
        {"text": "Biểu dương <người tốt>", "lead": "", "marker": "-", "level": 0, "number": ""},
        {"text": "ý con", "lead": "", "marker": "+", "level": 1, "number": ""},
        {"text": "viết ngắn", "lead": "Lưu ý:", "marker": "", "level": 0, "number": ""},
    ]
    assert "Biểu dương &lt;người tốt&gt;" in response.content.decode()


def test_programme_with_end_before_start_keeps_input_and_says_why(client, office):
    plan = plan_for(office["conference"], staff=office["staff"])
    section = plan.sections.get(kind="programme")
    client.force_login(office["staff"])
    p = f"s{section.pk}"
    rows = f"{p}-rows"
    response = client.post(
        reverse("plan_section_edit", args=[section.pk]),
        {
            f"{p}-heading": "NỘI DUNG CHƯƠNG TRÌNH",
            f"{p}-level": "1",
            f"{p}-marker": "numbered",
            f"{p}-slot_marker": "*",
            f"{rows}-TOTAL_FORMS": "1",
            f"{rows}-INITIAL_FORMS": "0",
            f"{rows}-0-start": "09:00",
            f"{rows}-0-end": "08:00",
            f"{rows}-0-text": "Đón tiếp đại biểu",
        },
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert "Giờ kết thúc phải sau giờ bắt đầu." in body
    assert "Đón tiếp đại biểu</textarea>" in body
    section.refresh_from_db()
    assert section.content["items"][0]["text"] != "Đón tiếp đại biểu"


def test_add_move_delete_sections(client, office):
    plan = plan_for(office["conference"], staff=office["staff"])
    client.force_login(office["staff"])
    count = plan.sections.count()
    client.post(
        reverse("plan_section_add", args=[plan.pk]),
        {"kind": "text", "heading": "KINH PHÍ", "level": 1},
    )
    added = plan.sections.last()
    assert plan.sections.count() == count + 1 and added.heading == "KINH PHÍ"
    client.post(reverse("plan_section_move", args=[added.pk, "len"]))
    assert list(plan.sections.all())[-2] == added
    client.post(reverse("plan_section_delete", args=[added.pk]))
    assert plan.sections.count() == count


def test_submitted_plan_editor_is_read_only(client, office):
    plan = plan_for(
        office["conference"],
        PlanStatus.PENDING_APPROVAL,
        staff=office["staff"],
        leader=office["leader"],
    )
    client.force_login(office["staff"])
    page = client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert "plan_section_edit" not in page and "Gửi duyệt</button>" not in page
    response = client.get(reverse("plan_section_edit", args=[plan.sections.first().pk]))
    assert response.status_code == 403


def test_leader_review_return_and_see_the_diff_after_resubmission(client, office):
    staff, leader = office["staff"], office["leader"]
    plan = plan_for(office["conference"], PlanStatus.PENDING_APPROVAL, staff=staff, leader=leader)
    client.force_login(leader)
    first = client.get(reverse("plan_review", args=[plan.pk])).content.decode()
    assert "lần đầu xem" in first
    client.post(reverse("plan_return", args=[plan.pk]), {"comment": "Ghi rõ địa điểm."})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.RETURNED

    client.force_login(staff)
    page = client.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert "Ghi rõ địa điểm." in page
    venue = plan.sections.get(kind="venue")
    client.post(
        reverse("plan_section_edit", args=[venue.pk]),
        {
            f"s{venue.pk}-heading": "Địa điểm:",
            f"s{venue.pk}-level": "2",
            f"s{venue.pk}-inline": "on",
            f"s{venue.pk}-extra": "(tầng 2, nhà A)",
        },
    )
    client.post(reverse("plan_submit", args=[plan.pk]))

    client.force_login(leader)
    review = client.get(reverse("plan_review", args=[plan.pk])).content.decode()
    assert "so với phiên bản 1" in review
    assert "(tầng 2, nhà A)" in review
    assert review.count('data-testid="diff-section"') == 1
    client.post(reverse("plan_approve", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED


def test_issue_from_the_page_gives_the_number(client, office):
    plan = plan_for(
        office["conference"], PlanStatus.APPROVED, staff=office["staff"], leader=office["leader"]
    )
    client.force_login(office["staff"])
    response = client.post(
        reverse("plan_issue", args=[plan.pk]), {"issued_on": "2026-03-05"}, follow=True
    )
    plan.refresh_from_db()
    assert plan.number == 1 and str(plan.issued_on) == "2026-03-05"
    assert "Số: 01/KH-UBND" in response.content.decode()


def test_return_without_reason_is_refused(client, office):
    plan = plan_for(
        office["conference"],
        PlanStatus.PENDING_APPROVAL,
        staff=office["staff"],
        leader=office["leader"],
    )
    client.force_login(office["leader"])
    response = client.post(reverse("plan_return", args=[plan.pk]), {"comment": " "}, follow=True)
    assert "Cần ghi lý do trả lại" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PENDING_APPROVAL


def test_leader_home_lists_plans_waiting(client, office):
    plan = plan_for(
        office["conference"],
        PlanStatus.PENDING_APPROVAL,
        staff=office["staff"],
        leader=office["leader"],
    )
    client.force_login(office["leader"])
    home = client.get(reverse("home")).content.decode()
    assert reverse("plan_review", args=[plan.pk]) in home
