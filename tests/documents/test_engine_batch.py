"""Personalised batches: invitations rendered once and filled per person."""

import io
import subprocess
import zipfile

import docx
import pikepdf
import pypdf
import pytest

from documents.engine import samples
from documents.engine.batch import render_batch_docx_zip, render_batch_pdf
from documents.engine.blocks import Document, para

INVITEES = [
    {"name": f"Nguyễn Văn Khách {i:03d}", "position": "Bí thư Chi bộ", "unit": f"Thôn số {i:03d}"}
    for i in range(30)
]


def pages_text(data: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def overlay_pdf() -> bytes:
    return render_batch_pdf(samples.invitation(), INVITEES)


def test_batch_overlay_one_invitation_per_page(overlay_pdf):
    texts = pages_text(overlay_pdf)
    assert len(texts) == 30
    for index, text in enumerate(texts):
        assert f"Nguyễn Văn Khách {index:03d}" in text and f"Thôn số {index:03d}" in text
        assert "GIẤY MỜI" in text and "trân trọng kính mời" in text
        other = (index + 1) % 30
        assert f"Khách {other:03d}" not in text


def test_batch_overlay_layout_stored_once(overlay_pdf):
    with pikepdf.open(io.BytesIO(overlay_pdf)) as pdf:
        forms = {
            obj.objgen
            for page in pdf.pages
            for _, obj in page.resources.get("/XObject", {}).items()
            if obj.get("/Subtype") == "/Form"
        }
    assert len(forms) == 1
    small = render_batch_pdf(samples.invitation(), INVITEES[:3])
    assert len(overlay_pdf) < 3 * len(small)


def test_batch_overlay_user_markup_literal():
    data = render_batch_pdf(samples.invitation(), [{"name": '<b>Lê</b> & "Tý" {{ x }}'}])
    assert '<b>Lê</b> & "Tý" {{ x }}' in pages_text(data)[0]


def test_batch_overlay_reports_cut_values():
    warnings: list = []
    render_batch_pdf(
        samples.invitation(), [{"name": "Tôn Nữ Thị Phương Thảo " * 20}], warnings=warnings
    )
    assert [(w.person_index, w.field) for w in warnings] == [(0, "name")]


def test_batch_single_matches_overlay_text(overlay_pdf):
    single = pages_text(render_batch_pdf(samples.invitation(), INVITEES[:3], method="single"))
    assert len(single) == 3
    for index, text in enumerate(single):
        assert f"Ông/Bà: Nguyễn Văn Khách {index:03d}" in text


def _top(data: bytes, page: int, tmp_path) -> str:
    path = tmp_path / "b.pdf"
    path.write_bytes(data)
    args = [
        "pdftotext",
        "-f",
        str(page),
        "-l",
        str(page),
        "-x",
        "0",
        "-y",
        "0",
        "-W",
        "600",
        "-H",
        "60",
        str(path),
        "-",
    ]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout.strip()


def test_batch_single_page_numbers_restart_per_copy(tmp_path):
    long_text = "Nội dung dài của văn bản để sang trang thứ hai. " * 60
    document = Document(blocks=(para(long_text), para(long_text)))
    data = render_batch_pdf(document, [{}, {}], method="single")
    pages = len(pages_text(data))
    assert pages % 2 == 0 and pages >= 4
    half = pages // 2
    assert [_top(data, n, tmp_path) for n in (1, 2, half + 1, half + 2)] == ["", "2", "", "2"]


def test_batch_unknown_method_rejected():
    with pytest.raises(ValueError):
        render_batch_pdf(samples.invitation(), INVITEES[:1], method="fast")


def test_batch_docx_zip_one_file_per_person():
    data = render_batch_docx_zip(
        samples.invitation(), INVITEES[:12], common={"position": "Đại biểu"}
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert len(names) == 12 and names[0] == "0001-Nguyen-Van-Khach-000.docx"
        for index, name in enumerate(names):
            texts = [p.text for p in docx.Document(io.BytesIO(archive.read(name))).paragraphs]
            assert f"Ông/Bà: Nguyễn Văn Khách {index:03d}" in texts
            assert "Chức vụ: Bí thư Chi bộ" in texts  # the person's value wins over common


def test_batch_docx_values_escaped_and_multiline():
    data = render_batch_docx_zip(samples.invitation(), [{"name": "A & <B>\nDòng hai"}])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = docx.Document(io.BytesIO(archive.read(archive.namelist()[0])))
    assert "Ông/Bà: A & <B>\nDòng hai" in [p.text for p in document.paragraphs]


def test_batch_overlay_fills_a_slot_used_twice():
    from documents.engine.blocks import Slot

    document = Document(
        blocks=(Slot("name", "Kính gửi: "), para("Nội dung."), Slot("name", "Người nhận: "))
    )
    text = pages_text(render_batch_pdf(document, [{"name": "Trần Văn Bình"}]))[0]
    assert "Kính gửi: Trần Văn Bình" in text and "Người nhận: Trần Văn Bình" in text


def test_batch_slot_with_qr_draws_a_code_beside_the_text():
    import io

    import pikepdf

    from documents.engine.batch import render_batch_pdf
    from documents.engine.blocks import Document, Slot, para

    def content_ops(qr: bool) -> int:
        doc = Document(
            blocks=(para("Giấy mời"), Slot("code", label="Mã: ", lines=4, qr=qr)),
            page_numbers_from=0,
        )
        pdf = render_batch_pdf(doc, [{"code": "AbC-123_xyz"}])
        with pikepdf.open(io.BytesIO(pdf)) as opened:
            return sum(1 for _ in pikepdf.parse_content_stream(opened.pages[0]))

    assert content_ops(True) > content_ops(False) + 50  # the QR modules are drawn as shapes
