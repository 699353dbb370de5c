"""Uploads are bounded before they are parsed: zip bombs, a million rows, huge images and
dossiers that carry scripts are refused in Vietnamese, within a bounded memory, writing nothing."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conferences.models import Unit
from conferences.resources import UNIT_COLUMNS
from core import uploads
from core.errors import DomainError
from core.importing import read_xlsx
from tests.files import (
    docx_bytes,
    pdf_bytes,
    png_bytes,
    png_header,
    raw_xlsx,
    xlsx_bomb,
)

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 600 * 1024 * 1024

# Run in a child process whose address space is capped: a parser that tried to hold the
# inflated sheet would die of MemoryError instead of passing.
_CHILD = textwrap.dedent(
    """
    import json, os, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    django.setup()
    data = open(sys.argv[1], "rb").read()
    started = time.monotonic()
    try:
        {call}
        outcome = "read"
    except MemoryError:
        outcome = "MemoryError"
    except Exception as exc:
        outcome = getattr(exc, "message", repr(exc))
    print(json.dumps({{"outcome": outcome, "seconds": time.monotonic() - started}}))
    """
)


def _in_limited_process(tmp_path, data: bytes, call: str) -> dict:
    path = tmp_path / "upload.xlsx"
    path.write_bytes(data)
    script = _CHILD.format(limit=MEMORY_LIMIT, call=call)
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "MEDIA_ROOT": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


READ = "from core.importing import read_xlsx; read_xlsx(data)"
READ_UNCHECKED = (
    "import io, openpyxl; book = openpyxl.load_workbook(io.BytesIO(data), read_only=True); "
    "[row for row in book.active.iter_rows(values_only=True)]"
)


def test_read_xlsx_zip_bomb_refused_under_memory_limit(tmp_path):
    bomb = xlsx_bomb(UNIT_COLUMNS, inflated_mb=300)
    assert len(bomb) < 2 * 1024 * 1024

    result = _in_limited_process(tmp_path, bomb, READ)

    assert result["outcome"].startswith("Tệp khi giải nén quá lớn (300 MB; tối đa 100 MB).")
    assert result["seconds"] < 5


def test_zip_bomb_read_without_checks_exceeds_the_same_memory_limit(tmp_path):
    """The control: the limit is tight enough that openpyxl alone cannot read the bomb."""
    result = _in_limited_process(tmp_path, xlsx_bomb(UNIT_COLUMNS, inflated_mb=300), READ_UNCHECKED)

    assert result["outcome"] == "MemoryError"


def test_read_xlsx_million_rows_refused_while_streaming(tmp_path):
    rows = ([f"THON-{i}"] for i in range(1_100_000))
    data = raw_xlsx(UNIT_COLUMNS[:1], rows)

    result = _in_limited_process(tmp_path, data, READ)

    assert result["outcome"] == "Tệp có quá nhiều dòng (tối đa 20000 dòng dữ liệu)."
    assert result["seconds"] < 5  # parsing the whole sheet takes about 45 s


def test_read_xlsx_row_limit_counts_filled_rows(settings):
    settings.IMPORT_EXPORT_MAX_ROWS = 3
    assert len(read_xlsx(raw_xlsx(["Mã"], [["A"], ["B"], ["C"]]))) == 3

    with pytest.raises(DomainError, match="quá nhiều dòng"):
        read_xlsx(raw_xlsx(["Mã"], [["A"], ["B"], ["C"], ["D"]]))


def test_read_xlsx_too_many_columns_refused():
    headers = [f"Cột {i}" for i in range(uploads.MAX_COLUMNS + 1)]
    with pytest.raises(DomainError, match="quá nhiều cột"):
        read_xlsx(_wide_xlsx(headers))


def _wide_xlsx(headers: list[str]) -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(headers)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_zip_with_too_many_members_refused():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for i in range(uploads.MAX_ZIP_MEMBERS + 1):
            archive.writestr(f"x/{i}.xml", b"<a/>")
    with pytest.raises(DomainError, match="quá nhiều thành phần"):
        read_xlsx(out.getvalue())


def test_read_xlsx_not_a_zip_refused_in_vietnamese():
    with pytest.raises(DomainError, match="Không đọc được tệp"):
        read_xlsx(b"ma,ten\nA,B\n")


# --- the three imports, through their pages -----------------------------------------------------
def _xlsx_upload(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("ds.xlsx", data, content_type="application/octet-stream")


@pytest.mark.django_db
def test_unit_import_zip_bomb_refused_nothing_written(client, world):
    client.force_login(world["users"]["staff"])
    before = Unit.objects.count()

    response = client.post(
        reverse("unit_import"), {"file": _xlsx_upload(xlsx_bomb(UNIT_COLUMNS)), "confirm": ""}
    )

    assert response.status_code == 200
    assert "Tệp khi giải nén quá lớn (300 MB; tối đa 100 MB)" in response.content.decode()
    assert Unit.objects.count() == before


# --- images -------------------------------------------------------------------------------------
def test_check_image_refuses_30000_square_png_from_its_header():
    huge = png_header(30000, 30000)
    assert len(huge) < 2000

    with pytest.raises(DomainError, match="Ảnh quá lớn"):
        uploads.check_image(huge)


def test_check_image_names_the_size_just_past_the_limit():
    with pytest.raises(DomainError, match=r"Ảnh quá lớn \(8000 x 6000 điểm ảnh; tối đa 40"):
        uploads.check_image(png_header(8000, 6000))


def test_check_image_accepts_a4_at_300_dpi():
    uploads.check_image(png_header(3508, 2480))
    uploads.check_image(png_bytes())


def test_check_image_refuses_gif():
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "GIF")
    with pytest.raises(DomainError, match="JPEG hoặc PNG"):
        uploads.check_image(out.getvalue())


def test_pillow_refuses_to_decode_past_the_limit():
    """Even an image stored before the checks cannot be decoded whole (apps.ready sets it)."""
    import io

    from PIL import Image

    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(png_header(30000, 30000)))


# --- PDF ----------------------------------------------------------------------------------------
def test_check_pdf_accepts_plain_pdf():
    uploads.check_pdf(pdf_bytes())


@pytest.mark.parametrize(
    "hostile",
    [
        {"javascript": "app.alert('x');"},
        {"launch": "cmd.exe"},
        {"embedded": b"MZ\x90\x00 program"},
    ],
    ids=["javascript", "launch", "embedded-file"],
)
def test_check_pdf_refuses_active_content(hostile):
    with pytest.raises(DomainError, match="mã chạy tự động hoặc tệp đính kèm"):
        uploads.check_pdf(pdf_bytes(**hostile))


def test_check_pdf_finds_script_packed_in_an_object_stream():
    import io

    import pikepdf

    packed = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf_bytes(javascript="app.alert(1)"))) as source:
        source.save(packed, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    assert b"/JavaScript" not in packed.getvalue()  # invisible to a byte search

    with pytest.raises(DomainError, match="mã chạy tự động"):
        uploads.check_pdf(packed.getvalue())


def test_check_pdf_refuses_encrypted():
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt(user_password="mat-khau", owner_password="chu")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(DomainError, match="mật khẩu"):
        uploads.check_pdf(out.getvalue())


def test_check_pdf_refuses_garbage_after_header():
    with pytest.raises(DomainError, match="Không đọc được tệp PDF"):
        uploads.check_pdf(b"%PDF-1.7 not really a pdf")


# --- DOCX ---------------------------------------------------------------------------------------
def test_check_docx_accepts_plain_and_hyperlinked_docx():
    uploads.check_docx(docx_bytes())
    uploads.check_docx(docx_bytes(hyperlink="https://thiduakhenthuong.example.vn/"))


def test_check_docx_refuses_macros():
    with pytest.raises(DomainError, match="macro"):
        uploads.check_docx(docx_bytes(macro=True))


def test_check_docx_refuses_remote_template():
    with pytest.raises(DomainError, match="liên kết tự tải nội dung"):
        uploads.check_docx(docx_bytes(external_template="http://203.0.113.5/mau.dotm"))


def test_check_docx_refuses_bomb_by_its_ratio():
    with pytest.raises(DomainError, match="bom nén"):
        uploads.check_docx(xlsx_bomb(["A"], inflated_mb=20))


def test_check_legacy_office_refuses_vba_storage():
    document = b"\xd0\xcf\x11\xe0" + b"\0" * 64 + "_VBA_PROJECT".encode("utf-16-le") + b"\0" * 64
    with pytest.raises(DomainError, match="macro"):
        uploads.check_legacy_office(document)
    uploads.check_legacy_office(b"\xd0\xcf\x11\xe0" + b"\0" * 128)


# --- upload fields ------------------------------------------------------------------------------
def _background_post(client, world, content: bytes):
    from documents.models import CertificateSetting  # noqa: F401

    client.force_login(world["users"]["staff"])
    url = reverse("certificate_settings", args=[world["office_a"].pk, "giay_khen"])
    upload = SimpleUploadedFile("nen.png", content, content_type="image/png")
    return client.post(
        url,
        {"mode": "design", "issuer_title": "X", "shift_x_mm": "0", "shift_y_mm": "0",
         "background": upload},
    )  # fmt: skip


@pytest.mark.django_db
def test_certificate_background_30000_square_refused_nothing_saved(client, world, settings):
    from documents.models import CertificateSetting

    response = _background_post(client, world, png_header(30000, 30000))

    assert response.status_code == 200
    assert "Ảnh quá lớn" in response.content.decode()
    assert not CertificateSetting.objects.exists()
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.png"))


@pytest.mark.django_db
def test_certificate_background_normal_png_saved(client, world):
    from documents.models import CertificateSetting

    response = _background_post(client, world, png_bytes(297, 210))

    assert response.status_code == 302
    assert CertificateSetting.objects.get().background.name.endswith(".png")


@pytest.mark.django_db
def test_stored_huge_background_refused_at_print_with_a_message(world):
    from django.core.files.base import ContentFile

    from documents import services as documents
    from documents.models import CertificateSetting, GeneratedDocument

    setting = CertificateSetting(organiser=world["office_a"], issuer_title="CHỦ TỊCH")
    setting.background.save("nen.png", ContentFile(png_header(30000, 30000)))

    with pytest.raises(DomainError, match="Ảnh nền của mẫu in không dùng được: Ảnh quá lớn"):
        documents.request_document(
            kind="certificate_test", target=setting, fmt="pdf", by=world["users"]["staff"]
        )
    assert not GeneratedDocument.objects.exists()


@pytest.mark.django_db
def test_duty_report_file_with_script_refused_nothing_written(world):
    from assignments import services as assignments
    from assignments.models import DutyUpdate
    from tests.assignments.factories import AssignmentFactory, DutyFactory
    from tests.factories import ConferenceFactory

    conference = ConferenceFactory(organiser=world["office_a"])
    duty = DutyFactory(assignment=AssignmentFactory(conference=conference, unit=world["agency"]))
    upload = SimpleUploadedFile("bao-cao.pdf", pdf_bytes(javascript="app.alert(1)"))

    with pytest.raises(DomainError, match="mã chạy tự động") as refused:
        assignments.update_duty_status(
            duty=duty, status="in_progress", file=upload, by=world["users"]["reporter"]
        )
    assert refused.value.field == "file"
    assert not DutyUpdate.objects.exists()
