"""Word-family software opens what we write: LibreOffice (Debian's libreoffice-writer, installed
by .ci/run) converts a DOCX of every document kind to PDF, and the text survives. The plan, its
programme and its maket are also printed by their real builders from the demo Thanh Trì plan."""

import io
import shutil
import subprocess
from io import StringIO

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from documents.builders import get_builder
from documents.builders.lists import delegate_list_document, honoree_list_document
from documents.builders.notices import quota_notice_document
from documents.engine import samples
from documents.engine.certificates import default_layout, render_certificate_docx
from documents.engine.docx_renderer import render_docx
from documents.engine.seed_plans import plan_from_text
from tests.fixtures import plan_text

pytestmark = pytest.mark.libreoffice
HEADER = {
    "issuing_body": "ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG",
    "issuing_name": "Ủy ban nhân dân xã Thượng Hồng",
    "parent_body": "UBND THÀNH PHỐ HẢI PHÒNG",
    "place_date": "Thượng Hồng, ngày    tháng 10 năm 2025",
    "conference": "Hội nghị biểu dương điển hình tiên tiến năm 2025",
}


def _list_samples() -> dict[str, tuple[bytes, str]]:
    """The honouree list, the delegate list and a quota notice, from their builders' payloads."""
    person = {"name": "Phạm Thị Thu", "position": "Giáo viên", "unit": "Trường Tiểu học"}
    honourees = {
        **HEADER,
        "round": "Đợt khen thưởng năm 2025",
        "groups": [
            {
                "award": "Giấy khen của Chủ tịch UBND xã",
                "collectives": [],
                "individuals": [{**person, "achievement": "Dạy giỏi cấp thành phố"}],
            }
        ],
    }
    delegates = {
        **HEADER,
        "groups": [
            {
                "heading": "I. Đại biểu cơ sở",
                "level": 0,
                "rows": [{**person, "name": "Đinh Văn Sơn", "gender": "Nam", "note": ""}],
            }
        ],
    }
    notice = {
        **HEADER,
        "time": "08 giờ 00, ngày 08 tháng 10 năm 2025",
        "venue": "Hội trường Ủy ban nhân dân xã",
        "deadline": "17 giờ 00, ngày 01 tháng 10 năm 2025",
        "instructions": [],
        "signer": {"lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "name": "Phạm Văn Hùng"},
        "unit_has_no_seats": False,
        "notices": [
            {
                "unit": "Thôn Trung",
                "seats": [{"category": "Đại biểu cơ sở", "seats": 3, "noun": "đại biểu"}],
                "honoree_quotas": [],
            }
        ],
    }
    return {
        "danh-sach-khen-thuong": (render_docx(honoree_list_document(honourees)), "Phạm Thị Thu"),
        "danh-sach-dai-bieu": (render_docx(delegate_list_document(delegates)), "Đinh Văn Sơn"),
        "thong-bao-phan-bo": (render_docx(quota_notice_document(notice)), "Thôn Trung"),
    }


def _samples() -> dict[str, tuple[bytes, str]]:
    """file stem -> (DOCX bytes, a phrase that must be in the converted PDF)."""
    thanh_tri = plan_from_text(
        plan_text("thanh-tri-2024-nguoi-tot-viec-tot.txt"),
        "ỦY BAN NHÂN DÂN HUYỆN THANH TRÌ",
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
    )
    return {
        "ke-hoach": (render_docx(thanh_tri), "TỔ CHỨC THỰC HIỆN"),
        "chuong-trinh": (render_docx(samples.programme()), "CHƯƠNG TRÌNH"),
        "giay-moi": (
            render_docx(samples.invitation(), {"name": "Nguyễn Văn An"}),
            "Nguyễn Văn An",
        ),
        "quyet-dinh": (
            render_docx(samples.award_decision([("Tổ Toán", "")], [("Nguyễn Thị Hà", "")])),
            "QUYẾT ĐỊNH",
        ),
        "danh-sach": (
            render_docx(
                samples.people_list("DANH SÁCH ĐẠI BIỂU", [("1", "Lê Văn Bình", "Trưởng thôn")])
            ),
            "Lê Văn Bình",
        ),
        "giay-khen": (
            render_certificate_docx(
                default_layout(), {"name": "Trần Thị Mai", "unit": "Thôn Trung"}
            ),
            "Trần Thị Mai",
        ),
        **_list_samples(),
    }


def _demo_plan_samples() -> dict[str, tuple[bytes, str]]:
    """The demo Thanh Trì plan (330/KH-UBND) as printed: plan, programme and maket."""
    from conferences.models import Plan

    call_command("seed_demo", "--quiet-logins", stdout=StringIO())
    plan = Plan.objects.get(conference__organiser__code="HN-TT")
    phrases = {
        "plan": ("ke-hoach-demo", "Số: 330/KH-UBND"),
        "programme": ("chuong-trinh-demo", "Từ 8h30 - 11h00"),
        "maket": ("maket-demo", "CHÀO MỪNG QUÝ VỊ ĐẠI BIỂU"),
    }
    out = {}
    for kind, (stem, phrase) in phrases.items():
        builder = get_builder(kind)
        payload = builder.collect(plan, {})
        out[stem] = (builder.render(payload, "docx", lambda done, total: None).content, phrase)
    out["bien-ban-demo"] = _demo_minutes()
    return out


def _demo_minutes() -> tuple[bytes, str]:
    """The minutes of the demo Thượng Hồng council sitting (two signers side by side)."""
    from honorees.models import CouncilSitting

    sitting = CouncilSitting.objects.get(round__conference__organiser__code="HP-TH")
    builder = get_builder("council_minutes")
    payload = builder.collect(sitting, {})
    rendered = builder.render(payload, "docx", lambda done, total: None)
    return rendered.content, "Hội đồng có 3 thành viên"


def _landscape(docx: bytes) -> bool:
    from docx import Document

    section = Document(io.BytesIO(docx)).sections[0]
    return section.page_width > section.page_height


@pytest.mark.django_db
def test_libreoffice_opens_every_kind_of_docx(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice is not installed: .ci/run installs libreoffice-writer-nogui")
    expected = {}
    for stem, (content, phrase) in {**_samples(), **_demo_plan_samples()}.items():
        (tmp_path / f"{stem}.docx").write_bytes(content)
        expected[stem] = (phrase, _landscape(content))
    profile = tmp_path / "profile"  # each soffice needs its own profile (field notes)
    subprocess.run(  # noqa: S603
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "out"),
            *sorted(str(p) for p in tmp_path.glob("*.docx")),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    assert expected["maket-demo"][1] and not expected["chuong-trinh-demo"][1]
    for stem, (phrase, landscape) in expected.items():
        pdf = PdfReader(tmp_path / "out" / f"{stem}.pdf")
        text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
        assert phrase in text, f"{stem}: “{phrase}” not found after conversion"
        box = pdf.pages[0].mediabox
        assert (box.width > box.height) == landscape, f"{stem}: page orientation changed"
    # the maket's page break survives: maket on one page, banner on the next
    assert len(PdfReader(tmp_path / "out" / "maket-demo.pdf").pages) == 2
