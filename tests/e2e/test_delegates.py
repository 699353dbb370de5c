"""Delegates in a real browser: the office allocates seats to two units; one unit's submitter
names a delegate by form and is refused past its allocation; the other uploads an Excel
list; the office checks two delegates in, one found by a name typed without diacritics and
one by the invitation code (what a USB QR scanner types)."""

from io import BytesIO

import openpyxl
import pytest

from conferences.models import Role, Unit
from delegates.models import Delegate
from tests.delegates.factories import CategoryFactory
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD, ConferenceFactory, UnitFactory, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _xlsx(path, rows):
    book = openpyxl.Workbook()
    book.active.append(
        [
            "Thành phần",
            "Danh xưng",
            "Họ và tên",
            "Giới tính",
            "Năm sinh",
            "Dân tộc",
            "Chức vụ",
            "Lĩnh vực",
            "Trực tiếp sản xuất",
            "Số điện thoại",
        ]
    )
    for row in rows:
        book.active.append(row)
    out = BytesIO()
    book.save(out)
    path.write_bytes(out.getvalue())
    return path


def _log_out(page):
    page.context.clear_cookies()


def test_delegates_allocation_submission_and_check_in(page, tmp_path):
    office = UnitFactory(name="Ủy ban nhân dân xã Thử")
    school = UnitFactory(parent=office, name="Trường Tiểu học Thử", kind=Unit.Kind.SCHOOL)
    village = UnitFactory(parent=office, name="Thôn Đông", kind=Unit.Kind.VILLAGE)
    conference = ConferenceFactory(organiser=office, venue="Hội trường Ủy ban nhân dân xã")
    category = CategoryFactory(conference=conference, title="Đại biểu cơ sở", target_min=10)
    staff = member(office, Role.STAFF)
    school_submitter = member(school, Role.SUBMITTER)
    village_submitter = member(village, Role.SUBMITTER)
    base = f"/hoi-nghi/{conference.pk}/dai-bieu/"

    # The office allocates seats to two units.
    log_in(page, staff.username, PASSWORD)
    page.wait_for_url("**/")
    page.goto(base + "phan-bo/")
    page.get_by_label("Trường Tiểu học Thử — Đại biểu cơ sở").fill("1")
    page.get_by_label("Thôn Đông — Đại biểu cơ sở").fill("2")
    page.get_by_role("button", name="Lưu phân bổ").click()
    page.get_by_text("Đã lưu phân bổ (2 ô thay đổi).").wait_for()
    _log_out(page)

    # The school's submitter names one delegate by form, then is refused a second.
    log_in(page, school_submitter.username, PASSWORD)
    page.wait_for_url("**/")
    page.get_by_role("link", name=f"Đại biểu dự {conference.title}").click()
    form = page.get_by_test_id("delegate-form")
    form.get_by_label("Thành phần").select_option(label="Đại biểu cơ sở")
    form.get_by_label("Họ và tên").fill("Nguyễn Văn Ân")
    form.get_by_label("Giới tính").select_option(label="Nam")
    form.get_by_role("button", name="Thêm đại biểu").click()
    page.get_by_text("Đã thêm đại biểu Ông Nguyễn Văn Ân.").wait_for()
    form = page.get_by_test_id("delegate-form")
    form.get_by_label("Thành phần").select_option(label="Đại biểu cơ sở")
    form.get_by_label("Họ và tên").fill("Trần Thị Bé")
    form.get_by_label("Giới tính").select_option(label="Nữ")
    form.get_by_role("button", name="Thêm đại biểu").click()
    page.get_by_text("Đơn vị đã đủ 1/1 đại biểu được phân bổ cho “Đại biểu cơ sở”.").wait_for()
    assert Delegate.objects.filter(unit=school).count() == 1
    _log_out(page)

    # The village's submitter uploads an Excel list: checked first, then written.
    upload = _xlsx(
        tmp_path / "thon-dong.xlsx",
        [
            [
                "Đại biểu cơ sở",
                "",
                "Lê Thị Hồng Nhung",
                "Nữ",
                1990,
                "",
                "Trưởng thôn",
                "Xã hội",
                "Không",
                "",
            ],
            [
                "Đại biểu cơ sở",
                "",
                "Phạm Văn Đức",
                "Nam",
                1970,
                "",
                "Nông dân",
                "Kinh tế",
                "Có",
                "",
            ],
        ],
    )
    log_in(page, village_submitter.username, PASSWORD)
    page.wait_for_url("**/")
    page.goto(base + f"don-vi/{village.pk}/nhap-excel/")
    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(upload))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    page.get_by_test_id("import-preview").wait_for()
    assert "Phạm Văn Đức" in page.get_by_test_id("import-table").inner_text()  # as read
    page.get_by_role("button", name="Ghi vào hệ thống").click()  # the checked file, kept
    page.get_by_text("Đã ghi vào hệ thống: 2 đại biểu.").wait_for()
    assert Delegate.objects.filter(unit=village).count() == 2
    _log_out(page)

    # The office checks in two delegates: one by a name typed without diacritics, one by code.
    log_in(page, staff.username, PASSWORD)
    page.wait_for_url("**/")
    # The office prints the invitations (one page each) and they become "invited".
    page.goto(base + "giay-moi/")
    page.get_by_test_id("print-invitations").click()
    with page.expect_download() as invitations:
        page.get_by_test_id("download").click()
    from pypdf import PdfReader

    assert len(PdfReader(invitations.value.path()).pages) == Delegate.objects.count()
    assert not Delegate.objects.filter(invitation_status="to_invite").exists()
    page.goto(base + "don-tiep/")
    page.get_by_label("Tìm theo tên (gõ không dấu cũng được)").fill("nguyen van an")
    row = page.locator("#checkin-results li", has_text="Nguyễn Văn Ân")
    row.get_by_role("button", name="Có mặt").click()
    row = page.locator("#checkin-results li", has_text="Nguyễn Văn Ân")
    # The badge, not the button (both say "Có mặt"): the check-in is saved before the test
    # reads the database.
    row.locator(".badge", has_text="Có mặt").wait_for()
    token = Delegate.objects.get(full_name="Phạm Văn Đức").invitation_token
    page.get_by_label("Mã giấy mời").fill(token)
    page.get_by_label("Mã giấy mời").press("Enter")
    page.get_by_test_id("scan-ok").wait_for()
    assert "Phạm Văn Đức" in page.get_by_test_id("scan-ok").inner_text()
    page.get_by_test_id(f"count-{category.pk}").filter(has_text="2/3").wait_for()
    assert Delegate.objects.filter(present_at__isnull=False).count() == 2
