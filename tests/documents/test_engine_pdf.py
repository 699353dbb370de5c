"""PDF rendering with WeasyPrint, checked with pypdf and poppler's pdffonts/pdftotext."""

import io
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from documents.engine import pdf_renderer, samples
from documents.engine.blocks import (
    Document,
    Header,
    PageSetup,
    Signature,
    Table,
    Title,
    para,
)
from documents.engine.pdf_renderer import (
    FetchRefusedError,
    fetcher,
    render_html,
    render_pdf,
    reset_pdf_cache,
)
from tests.fixtures import plan_text

TRICKY = '<b>đậm</b> &amp; "trích dẫn" {{ ten }} <script>alert(1)</script>'
THANH_TRI = "thanh-tri-2024-nguoi-tot-viec-tot.txt"
HEADER = Header(
    "ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG",
    "UBND THÀNH PHỐ HẢI PHÒNG",
    "Số: 330/KH-UBND",
    "Thượng Hồng, ngày 20 tháng 9 năm 2025",
)
SIGNATURE = Signature(
    ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    "Nguyễn Văn Hùng",
    ("- Sở Nội vụ thành phố;", "- Lưu: VT, VHXH."),
)
LONG = "Tổ chức tuyên truyền, biểu dương các gương điển hình tiên tiến trên địa bàn xã. " * 12


def pdf_pages_text(data: bytes) -> list[str]:
    return [
        " ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(data)).pages
    ]


def assert_in_order(text: str, parts: list[str]) -> None:
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing after position {position}"
        position = found + len(part)


def pdf_font_names(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    output = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [line.split()[0].split("+")[-1] for line in output.splitlines()[2:] if line.strip()]


def top_margin_text(data: bytes, page: int, tmp_path: Path) -> str:
    path = tmp_path / "top.pdf"
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


def long_document(**kwargs) -> Document:
    body = tuple(para(LONG) for _ in range(8))
    return Document(
        blocks=(HEADER, Title("KẾ HOẠCH", ("Tổ chức Hội nghị",)), *body, SIGNATURE), **kwargs
    )


def test_pdf_content_present_in_order():
    text = " ".join(pdf_pages_text(render_pdf(long_document())))
    assert_in_order(
        text,
        ["UBND THÀNH PHỐ HẢI PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
         "Số: 330/KH-UBND", "Thượng Hồng, ngày 20 tháng 9 năm 2025", "KẾ HOẠCH", "Tổ chức Hội nghị",
         "Tổ chức tuyên truyền", "Nơi nhận:", "- Lưu: VT, VHXH.", "TM. ỦY BAN NHÂN DÂN", "Nguyễn Văn Hùng"],
    )  # fmt: skip


def test_pdf_a4_portrait_page_size():
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(long_document())))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_pdf_landscape_page_size():
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(long_document(page=PageSetup("landscape")))))
    assert (
        round(float(reader.pages[0].mediabox.width)),
        round(float(reader.pages[0].mediabox.height)),
    ) == (842, 595)


def test_pdf_only_liberation_serif_fonts(tmp_path):
    document = samples.award_decision([("Thôn Đông", "")], [("Nguyễn Thị Hằng Nga", "Thôn Ấp Đồi")])
    names = pdf_font_names(render_pdf(document), tmp_path)
    assert names and all(re.fullmatch(r"Liberation-?Serif(-.*)?", name) for name in names), names


def test_pdf_font_check_detects_fallback_font(tmp_path):
    # U+2605 is not in Liberation Serif: WeasyPrint falls back and the check must see it.
    names = pdf_font_names(render_pdf(Document(blocks=(para("Sao ★"),))), tmp_path)
    assert not all(re.fullmatch(r"Liberation-?Serif(-.*)?", name) for name in names)


def test_pdf_user_markup_appears_literally():
    document = Document(blocks=(para(TRICKY), Table(("Cột",), ((TRICKY,),))))
    text = " ".join(pdf_pages_text(render_pdf(document)))
    assert text.count(TRICKY) == 2


def test_pdf_page_numbers_from_second_page(tmp_path):
    data = render_pdf(long_document())
    assert top_margin_text(data, 1, tmp_path) == ""
    assert top_margin_text(data, 2, tmp_path) == "2"


def test_pdf_page_numbers_none_when_disabled(tmp_path):
    assert top_margin_text(render_pdf(long_document(page_numbers_from=0)), 2, tmp_path) == ""


def test_pdf_keeps_spaces_of_unsigned_date(tmp_path):
    header = Header(
        "UBND XÃ", number="Số:    /KH-UBND", place_date="Thượng Hồng, ngày    tháng 8 năm 2025"
    )
    data = render_pdf(Document(blocks=(header,)))
    path = tmp_path / "d.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True
    ).stdout
    assert re.search(r"ngày {2,}tháng 8", text)


def test_pdf_reference_plan_about_six_pages():
    document = samples.plan_from_text(plan_text(THANH_TRI), "ỦY BAN NHÂN DÂN HUYỆN THANH TRÌ")
    pages = pdf_pages_text(render_pdf(document))
    assert 5 <= len(pages) <= 7
    assert_in_order(
        " ".join(pages),
        [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. THỜI GIAN, ĐỊA ĐIỂM",
            "IV. NỘI DUNG CHƯƠNG TRÌNH",
            "VI. TỔ CHỨC THỰC HIỆN",
            "Nguyễn Xuân Phong",
        ],
    )


def test_fetcher_refuses_http_and_outside_files():
    with pytest.raises(FetchRefusedError):
        fetcher().fetch("http://example.com/logo.png")
    with pytest.raises(FetchRefusedError):
        fetcher().fetch("file:///etc/hostname")
    with pytest.raises(FetchRefusedError):
        fetcher().fetch((pdf_renderer.STATIC_DIR / ".." / "blocks.py").as_uri())


def test_fetcher_serves_static_and_allowed_dirs(tmp_path):
    css = fetcher().fetch((pdf_renderer.STATIC_DIR / "document.css").as_uri())
    assert b"font-family" in css.read()
    (tmp_path / "logo.txt").write_text("ok")
    assert fetcher([tmp_path]).fetch((tmp_path / "logo.txt").as_uri()).read() == b"ok"


def _image_count(data: bytes) -> int:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return sum(len(page.images) for page in reader.pages)


def test_render_html_loads_images_only_from_allowed_dirs(tmp_path):
    from PIL import Image

    image = tmp_path / "dot.png"
    Image.new("RGB", (4, 4), (200, 0, 0)).save(image)
    html = f'<img src="{image.as_uri()}" style="width:10mm">'
    stylesheets = pdf_renderer.base_stylesheets()
    assert _image_count(render_html(html, stylesheets).write_pdf()) == 0
    assert _image_count(render_html(html, stylesheets, [tmp_path]).write_pdf()) == 1


def test_pdf_cache_is_shared_and_resettable():
    first = pdf_renderer.font_config()
    assert pdf_renderer.font_config() is first
    reset_pdf_cache()
    assert pdf_renderer.font_config() is not first
    assert render_pdf(Document(blocks=(para("Sau khi xoá bộ nhớ đệm"),))).startswith(b"%PDF")


def test_engine_import_loads_neither_weasyprint_nor_django():
    code = (
        "import sys, documents.engine.pdf_renderer, documents.engine.certificates, documents.engine.batch;"
        "print('weasyprint' in sys.modules, 'django' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=root,
        env={"PYTHONPATH": str(root)},
    )
    assert result.stdout.split() == ["False", "False"], result.stderr


def test_pdf_nested_list_in_order():
    from documents.engine.blocks import ListBlock, ListItem, Run

    inner = ListBlock(
        (ListItem((Run("Văn nghệ chào mừng"),)), ListItem((Run("Chào cờ"),))), "numbered"
    )
    outer = ListBlock(
        (ListItem((Run("Chương trình:"),), inner), ListItem((Run("Thành phần"),))), "-"
    )
    text = " ".join(pdf_pages_text(render_pdf(Document(blocks=(outer,)))))
    assert_in_order(
        text, ["- Chương trình:", "1. Văn nghệ chào mừng", "2. Chào cờ", "- Thành phần"]
    )
