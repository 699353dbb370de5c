"""What the demo data lacks for the production crawl, made through the browser as users would
(each step checks the row it made): a plan for the busiest demo conference and its PDF (so the
worker renders one), a duty report with a file, a nomination dossier."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.urls import reverse
from pypdf import PdfWriter

from assignments.models import DutyUpdate
from conferences.models import Plan, User
from documents.models import GeneratedDocument
from honorees.models import Nomination
from tests.production.demo import world_for

RENDER_TIMEOUT_MS = 180_000


def make_missing_objects(new_page) -> list[str]:
    """Run each step as its demo user; return what the pages' watchers saw go wrong."""
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        pdf = _blank_pdf(Path(folder) / "bao-cao.pdf")
        for username, step in (
            ("canbo", _plan_and_its_pdf),
            ("congan", lambda page, world: _duty_report(page, world, pdf)),
            ("truonghoc", lambda page, world: _dossier(page, world, pdf)),
        ):
            page, watcher = new_page(username)
            step(page, world_for(User.objects.get(username=username)))
            problems += watcher.problems
            page.context.close()
    return problems


def _blank_pdf(path: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(path)
    return path


def _plan_and_its_pdf(page, world) -> None:
    conference = world.conference
    if not Plan.objects.filter(conference=conference).exists():
        page.goto(reverse("plan_start", args=[conference.pk]))
        page.get_by_test_id("plan-create").click()
        page.frame_locator("#plan-preview").get_by_text("KẾ HOẠCH", exact=True).wait_for()
    plan = Plan.objects.get(conference=conference)
    page.goto(reverse("plan_detail", args=[plan.pk]))
    page.get_by_test_id("print-plan-pdf").click()
    # The worker renders it; the page polls (HTMX) until the download link shows.
    page.get_by_test_id("download").wait_for(timeout=RENDER_TIMEOUT_MS)
    assert GeneratedDocument.objects.filter(
        conference=conference, status=GeneratedDocument.Status.READY
    ).exists()


def _duty_report(page, world, pdf: Path) -> None:
    duty = world.agency.assignments.filter(conference=world.conference).first().duties.first()
    page.goto(reverse("duty_report", args=[duty.pk]))
    page.get_by_label("Trạng thái").select_option("in_progress")
    page.get_by_label("Ghi chú").fill("Đã liên hệ các đơn vị, đang chuẩn bị hội trường.")
    page.get_by_label("Tệp đính kèm").set_input_files(str(pdf))
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi báo cáo").click()
    assert DutyUpdate.objects.filter(duty=duty).exclude(file="").exists()


def _dossier(page, world, pdf: Path) -> None:
    nomination = Nomination.objects.filter(
        unit=world.unit, round__conference=world.conference, status=Nomination.Status.DRAFT
    ).first()
    page.goto(reverse("honorees:nomination_edit", args=[nomination.pk]))
    page.get_by_label("Hồ sơ kèm theo (PDF hoặc DOCX)").set_input_files(str(pdf))
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu nháp").click()
    nomination.refresh_from_db()
    assert nomination.dossier
