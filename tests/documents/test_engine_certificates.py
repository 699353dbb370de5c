"""Certificates: merged PDF with a shared background, print-onto-blank, calibration, DOCX."""

import io
import re
import subprocess
import zipfile

import docx
import pikepdf
import pypdf
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from documents.engine.certificates import (
    CertField,
    CertificateDesign,
    CertificateLayout,
    default_layout,
    fit_certificate,
    render_calibration_page,
    render_certificate_docx,
    render_certificate_pdf,
    render_certificates_docx_zip,
    render_certificates_pdf,
)

TRICKY = '<b>Lê</b> &amp; "Tý" {{ ten }}'
LONG_NAME = "Tôn Nữ Thị Phương Thảo Hoàng Lê Nguyễn Bảo Ngọc Quỳnh Anh"
COMMON = {
    "place_date": "Thượng Hồng, ngày 06 tháng 10 năm 2025",
    "signer_title": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    "signer_name": "Nguyễn Văn Hùng",
}


def people(count: int) -> list[dict]:
    return [
        {
            "name": f"Nguyễn Thị Hồng Nhung số {i:04d}",
            "unit": "Chi hội Phụ nữ thôn Đông",
            "achievement": "Đã có thành tích xuất sắc trong phong trào “Người tốt, việc tốt” năm 2025",
            "decision": "245/QĐ-UBND ngày 06/10/2025",
            "gold_book": f"{i:03d}/SV",
        }
        for i in range(count)
    ]


def pages_text(data: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def form_xobjects(data: bytes) -> set[tuple[int, int]]:
    """The distinct Form XObjects referenced by the pages' resources."""
    found = set()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for _, obj in page.resources.get("/XObject", {}).items():
                if obj.get("/Subtype") == "/Form":
                    found.add(obj.objgen)
    return found


@pytest.fixture(scope="module")
def design_pdf_200() -> bytes:
    return render_certificates_pdf(
        default_layout(), people(200), CertificateDesign(), common=COMMON
    )


def test_certificates_pdf_one_page_per_person_with_own_name(design_pdf_200):
    texts = pages_text(design_pdf_200)
    assert len(texts) == 200
    for index, text in enumerate(texts):
        assert f"số {index:04d}" in text
        assert f"{index:03d}/SV" in text
        assert "GIẤY KHEN" in text and "Nguyễn Văn Hùng" in text


def test_certificates_pdf_landscape_a4(design_pdf_200):
    reader = pypdf.PdfReader(io.BytesIO(design_pdf_200))
    sizes = {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    }
    assert sizes == {(842, 595)}


def test_certificates_pdf_background_stored_once(design_pdf_200):
    assert len(form_xobjects(design_pdf_200)) == 1


def test_certificates_pdf_size_grows_far_less_than_linearly(design_pdf_200):
    small = render_certificates_pdf(
        default_layout(), people(20), CertificateDesign(), common=COMMON
    )
    assert len(design_pdf_200) < 3 * len(small)


def test_certificates_pdf_only_liberation_fonts(design_pdf_200, tmp_path):
    path = tmp_path / "c.pdf"
    path.write_bytes(design_pdf_200)
    output = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    names = [line.split()[0].split("+")[-1] for line in output.splitlines()[2:] if line.strip()]
    assert names and all(re.fullmatch(r"Liberation-?Serif(-.*)?", n) for n in names), names


def test_certificates_pdf_texts_in_reading_order(design_pdf_200):
    text = pages_text(design_pdf_200)[0]
    order = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG",
        "TẶNG",
        "GIẤY KHEN",
        "Nguyễn Thị Hồng Nhung số 0000",
        "Chi hội Phụ nữ thôn Đông",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)


def test_certificate_markup_literal_in_pdf_and_docx():
    person = {"name": TRICKY, "unit": "Đơn vị <i>A</i> & B"}
    text = pages_text(render_certificate_pdf(default_layout(), person, CertificateDesign()))[0]
    assert TRICKY in text and "Đơn vị <i>A</i> & B" in text
    document = docx.Document(io.BytesIO(render_certificate_docx(default_layout(), person)))
    paragraphs = [p.text for p in document.paragraphs]
    assert TRICKY in paragraphs and "Đơn vị <i>A</i> & B" in paragraphs


def test_long_name_shrinks_and_stays_in_box():
    layout = default_layout()
    fits, warnings = fit_certificate(layout, {"name": LONG_NAME})
    (name,) = [f for f in fits if f.field.name == "name"]
    box = layout.field("name")
    assert name.fit.shrunk and not name.fit.truncated and warnings == []
    assert name.fit.size >= box.min_font_size
    assert name.fit.height <= box.height_mm * 72 / 25.4 + 1e-6
    assert all(
        name.fit.line_width(i) <= box.width_mm * 72 / 25.4 for i in range(len(name.fit.lines))
    )


def test_overlong_achievement_is_cut_and_reported():
    text = "Đã có thành tích xuất sắc trong công tác " * 40
    warnings: list = []
    pdf = render_certificates_pdf(
        default_layout(), [{"name": "A"}, {"name": "B", "achievement": text}], warnings=warnings
    )
    assert [(w.person_index, w.field) for w in warnings] == [(1, "achievement")]
    assert "…" in pages_text(pdf)[1]


def test_common_values_apply_and_person_values_win():
    pdf = render_certificates_pdf(
        default_layout(),
        [{"name": "A"}, {"name": "B", "signer_name": "Trần Văn Cường"}],
        common=COMMON,
    )
    first, second = pages_text(pdf)
    assert (
        "Nguyễn Văn Hùng" in first
        and "Trần Văn Cường" in second
        and "Nguyễn Văn Hùng" not in second
    )


def test_blank_mode_prints_only_variable_fields():
    pdf = render_certificates_pdf(default_layout(), people(3), None, common=COMMON)
    assert form_xobjects(pdf) == set()
    text = pages_text(pdf)[0]
    assert "Nguyễn Thị Hồng Nhung số 0000" in text and "GIẤY KHEN" not in text


def _name_x(pdf: bytes, needle: str) -> float:
    found = []

    def visitor(text, cm, tm, font, size):
        if needle in text:
            found.append(tm[4] * cm[0] + cm[4])

    pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visitor)
    return found[0]


def test_field_offsets_move_printed_text():
    person = {"name": "Nguyễn Văn An"}
    base = render_certificate_pdf(default_layout(), person)
    moved = render_certificate_pdf(default_layout().with_offsets({"name": (10, 0)}), person)
    assert _name_x(moved, "Nguyễn Văn An") - _name_x(base, "Nguyễn Văn An") == pytest.approx(
        10 * 72 / 25.4, abs=0.05
    )


def test_with_offsets_rejects_unknown_field():
    with pytest.raises(KeyError):
        default_layout().with_offsets({"nope": (1, 1)})


def test_field_validation():
    with pytest.raises(ValueError):
        CertField("x", 0, 0, 10, 10, font_size=10, min_font_size=12)
    with pytest.raises(ValueError):
        CertField("tên", 0, 0, 10, 10)
    with pytest.raises(ValueError):
        CertField("x", 0, 0, 0, 10)
    with pytest.raises(ValueError):
        CertField("x", 0, 0, 10, 10, align="justify")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        CertField("x", 0, 0, 10, 10, color="red")


def test_calibration_page_has_grid_and_field_labels():
    data = render_calibration_page(default_layout(), {"name": "Nguyễn Văn An"})
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Nguyễn Văn An" in text
    for field in default_layout().fields:
        assert f"{field.name}  x=" in text
    assert "100" in text and "200" in text  # millimetre labels


def test_image_background_embedded_once(tmp_path):
    from PIL import Image

    image = tmp_path / "phoi.jpg"
    Image.new("RGB", (297, 210), (250, 240, 200)).save(image, quality=80)
    pdf = render_certificates_pdf(default_layout(), people(12), image)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        images = [
            o
            for o in document.objects
            if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"
        ]
    assert len(images) == 1
    assert len(pages_text(pdf)) == 12


def test_unsupported_background_rejected(tmp_path):
    with pytest.raises(ValueError):
        render_certificates_pdf(default_layout(), people(1), tmp_path / "nen.gif")


def test_docx_zip_has_one_valid_docx_per_person():
    data = render_certificates_docx_zip(
        default_layout(), people(25), CertificateDesign(), common=COMMON
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert len(names) == 25 and len(set(names)) == 25
        assert names[3] == "0004-Nguyen-Thi-Hong-Nhung-so-0003.docx"
        for index, name in enumerate(names):
            document = docx.Document(io.BytesIO(archive.read(name)))
            texts = [p.text for p in document.paragraphs]
            assert f"Nguyễn Thị Hồng Nhung số {index:04d}" in texts
            assert "GIẤY KHEN" in texts


def test_docx_certificate_landscape_with_positioned_fields():
    layout = default_layout()
    document = docx.Document(io.BytesIO(render_certificate_docx(layout, {"name": "Nguyễn Văn An"})))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    paragraph = next(p for p in document.paragraphs if p.text == "Nguyễn Văn An")
    frame = paragraph._p.pPr.find(qn("w:framePr"))
    field = layout.field("name")
    assert int(frame.get(qn("w:x"))) == round(field.x_mm * 1440 / 25.4)
    assert int(frame.get(qn("w:y"))) == round(field.y_mm * 1440 / 25.4)


def test_docx_certificate_long_text_cut_and_reported():
    warnings: list = []
    text = "Đã có thành tích xuất sắc " * 60
    data = render_certificate_docx(
        default_layout(), {"name": "A", "achievement": text}, warnings=warnings
    )
    document = docx.Document(io.BytesIO(data))
    achievement = next(p.text for p in document.paragraphs if p.text.startswith("Đã có"))
    assert achievement.endswith("…") and len(warnings) == 1


def test_docx_certificate_image_background(tmp_path):
    from PIL import Image

    image = tmp_path / "phoi.png"
    Image.new("RGB", (60, 40), (250, 240, 200)).save(image)
    data = render_certificate_docx(default_layout(), {"name": "Nguyễn Văn An"}, image)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert any(name.startswith("word/media/") for name in archive.namelist())
        assert b'behindDoc="1"' in archive.read("word/document.xml")


def test_layout_shifted_moves_every_field():
    layout = default_layout().shifted(2, -3)
    assert all(
        a.x_mm == b.x_mm + 2 and a.y_mm == b.y_mm - 3
        for a, b in zip(layout.fields, default_layout().fields, strict=True)
    )


def test_custom_layout_field_subset():
    layout = CertificateLayout((CertField("name", 20, 20, 100, 20, 20, 10),), 210, 148)
    pdf = render_certificates_pdf(layout, [{"name": "Lê Văn Tám", "unit": "bỏ qua"}])
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    assert round(float(page.mediabox.width)) == 595 and "bỏ qua" not in page.extract_text()


def test_warning_text_names_person_and_field():
    warnings: list = []
    render_certificates_pdf(
        default_layout(), [{"name": "A"}, {"name": "Nguyễn Văn Tèo " * 80}], warnings=warnings
    )
    assert str(warnings[0]).startswith(
        "Người thứ 2, trường “name”: chữ quá dài, đã cắt bớt bằng “…”"
    )


def test_certificates_report_progress_per_page_and_per_file():
    from documents.engine.certificates import (
        default_layout,
        render_certificates_docx_zip,
        render_certificates_pdf,
    )

    people = [{"name": f"Người {i}", "unit": "Đơn vị"} for i in range(5)]
    seen_pdf, seen_docx = [], []
    render_certificates_pdf(
        default_layout(), people, None, progress=lambda d, t: seen_pdf.append((d, t))
    )
    render_certificates_docx_zip(
        default_layout(), people, progress=lambda d, t: seen_docx.append((d, t))
    )
    assert seen_pdf == [(i, 5) for i in range(1, 6)]
    assert seen_docx == [(i, 5) for i in range(1, 6)]
