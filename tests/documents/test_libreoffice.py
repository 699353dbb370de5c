"""Word-family software opens what we write: LibreOffice (Debian's libreoffice-writer, installed
by .ci/run) converts a DOCX of every document kind to PDF, and the text survives."""

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from documents.engine import samples
from documents.engine.certificates import default_layout, render_certificate_docx
from documents.engine.docx_renderer import render_docx
from documents.engine.seed_plans import plan_from_text

pytestmark = pytest.mark.libreoffice
PLANS = Path("/work/shared/reference/plans")


def _samples() -> dict[str, tuple[bytes, str]]:
    """file stem -> (DOCX bytes, a phrase that must be in the converted PDF)."""
    thanh_tri = plan_from_text(
        (PLANS / "thanh-tri-2024-nguoi-tot-viec-tot.txt").read_text(encoding="utf-8"),
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
    }


def test_libreoffice_opens_every_kind_of_docx(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice is not installed: .ci/run installs libreoffice-writer-nogui")
    expected = {}
    for stem, (content, phrase) in _samples().items():
        (tmp_path / f"{stem}.docx").write_bytes(content)
        expected[stem] = phrase
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
    for stem, phrase in expected.items():
        pdf = PdfReader(tmp_path / "out" / f"{stem}.pdf")
        text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
        assert phrase in text, f"{stem}: “{phrase}” not found after conversion"
