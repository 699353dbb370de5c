"""A batch as a ZIP of per-person DOCX and PDF: the PDFs are cut from the merged PDF."""

import io
import zipfile

import docx
import pikepdf
import pypdf
import pytest

from documents.engine import samples
from documents.engine.batch import render_batch_pdf, render_batch_zip
from documents.engine.blocks import Document, Slot, para
from documents.engine.certificates import (
    CertificateDesign,
    default_layout,
    render_certificates_pdf,
    render_certificates_zip,
)
from documents.engine.pdf_merge import split_pdf

A4_SHORT, A4_LONG = 595, 842


def pdf_pages(data: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def numbered_pdf(count: int) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setTitle("Thử tách")
    for number in range(1, count + 1):
        canvas.drawString(100, 700, f"Trang so {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def archive_files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def page_size(data: bytes) -> tuple[float, float]:
    box = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
    return float(box.width), float(box.height)


def test_split_pdf_parts_have_their_page_counts_in_order():
    parts = list(split_pdf(numbered_pdf(6), [1, 3, 2]))
    assert [pdf_pages(p) for p in parts] == [
        ["Trang so 1"],
        ["Trang so 2", "Trang so 3", "Trang so 4"],
        ["Trang so 5", "Trang so 6"],
    ]
    with pikepdf.open(io.BytesIO(parts[1])) as part:
        assert str(part.docinfo["/Title"]) == "Thử tách"


@pytest.mark.parametrize("counts", [[2, 2], [3, 3, 1], [2, 0, 2, 2]])
def test_split_pdf_counts_that_do_not_cover_the_pages_refused(counts):
    with pytest.raises(ValueError):
        list(split_pdf(numbered_pdf(6), counts))


INVITEES = [
    {"name": f"Trần Văn Khách {i:02d}", "position": "Trưởng thôn", "unit": f"Thôn {i:02d}"}
    for i in range(5)
]


def test_batch_zip_has_a_docx_and_a_pdf_per_person_under_one_name():
    files = archive_files(render_batch_zip(samples.invitation(), INVITEES))
    assert len(files) == 10
    assert list(files)[:2] == ["0001-Tran-Van-Khach-00.docx", "0001-Tran-Van-Khach-00.pdf"]
    for index in range(5):
        stem = f"{index + 1:04d}-Tran-Van-Khach-{index:02d}"
        assert f"Trần Văn Khách {index:02d}" in docx_text(files[f"{stem}.docx"])
        pages = pdf_pages(files[f"{stem}.pdf"])
        assert len(pages) == 1 and f"Trần Văn Khách {index:02d}" in pages[0]
        assert "GIẤY MỜI" in pages[0]
        assert f"Khách {(index + 1) % 5:02d}" not in pages[0]
        assert page_size(files[f"{stem}.pdf"]) == pytest.approx((A4_SHORT, A4_LONG), abs=1)


def test_batch_zip_cuts_multi_page_copies_at_their_boundaries():
    long_text = "Nội dung dài của văn bản để sang trang sau. " * 80
    document = Document(blocks=(para(long_text), para(long_text), Slot("name")))
    people = [{"name": f"Người nhận số {i}"} for i in range(3)]
    merged_pages = len(pdf_pages(render_batch_pdf(document, people)))
    assert merged_pages % 3 == 0 and merged_pages >= 6
    files = archive_files(render_batch_zip(document, people))
    for index in range(3):
        pages = pdf_pages(files[f"{index + 1:04d}-Nguoi-nhan-so-{index}.pdf"])
        assert len(pages) == merged_pages // 3
        assert f"Người nhận số {index}" in pages[-1]
        assert all("Người nhận số" not in text for text in pages[:-1])


def test_batch_zip_reports_progress_per_person():
    calls = []
    render_batch_zip(samples.invitation(), INVITEES[:3], progress=lambda *a: calls.append(a))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_batch_zip_of_nobody_is_an_empty_archive():
    assert archive_files(render_batch_zip(samples.invitation(), [])) == {}


COMMON = {"place_date": "Thượng Hồng, ngày 06 tháng 10 năm 2025", "signer_name": "Nguyễn Văn Hùng"}
HONOUREES = [
    {"name": f"Phạm Thị Hoa {i}", "unit": "Chi hội Phụ nữ thôn Đông", "achievement": "Tiêu biểu"}
    for i in range(4)
] + [{"name": "Tôn Nữ Thị Phương Thảo Hoàng Lê Nguyễn Bảo Ngọc Quỳnh Anh " * 6, "unit": "Thôn"}]


def test_certificates_zip_pairs_a_docx_and_a_landscape_pdf_page_per_person():
    calls = []
    data = render_certificates_zip(
        default_layout(),
        HONOUREES[:4],
        CertificateDesign(),
        common=COMMON,
        progress=lambda *a: calls.append(a),
    )
    files = archive_files(data)
    assert len(files) == 8
    for index in range(4):
        stem = f"{index + 1:04d}-Pham-Thi-Hoa-{index}"
        assert f"Phạm Thị Hoa {index}" in docx_text(files[f"{stem}.docx"])
        pages = pdf_pages(files[f"{stem}.pdf"])
        assert len(pages) == 1 and f"Phạm Thị Hoa {index}" in pages[0]
        assert "GIẤY KHEN" in pages[0] and "Nguyễn Văn Hùng" in pages[0]
        assert f"Hoa {(index + 1) % 4}" not in pages[0]
        assert page_size(files[f"{stem}.pdf"]) == pytest.approx((A4_LONG, A4_SHORT), abs=1)
    assert calls[-1] == (8, 8) and [done for done, _ in calls] == list(range(1, 9))


def test_certificates_zip_reports_each_cut_text_once():
    alone, zipped = [], []
    render_certificates_pdf(default_layout(), HONOUREES, None, warnings=alone)
    render_certificates_zip(default_layout(), HONOUREES, None, warnings=zipped)
    assert alone and [str(w) for w in zipped] == [str(w) for w in alone]
