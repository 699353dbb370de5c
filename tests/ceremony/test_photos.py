"""Photo uploads: a real image only, at most 8 MB and 40 megapixels, resized to 1200 px and
saved again as JPEG without EXIF."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ceremony import selectors, services
from ceremony.models import HonoureeProfile
from core.errors import DomainError
from tests.ceremony.factories import jpeg

pytestmark = pytest.mark.django_db


def _save(issued, photo):
    line = selectors.stage_lines(issued["conference"])[0]
    return services.save_profile(
        conference=issued["conference"], line=line, by=issued["staff"], slide_line="Một dòng",
        story="", consent=True, photo=photo,
    )  # fmt: skip


def test_non_image_refused(issued):
    fake = SimpleUploadedFile("anh.jpg", b"%PDF-1.7 not a picture", content_type="image/jpeg")
    with pytest.raises(DomainError, match="không phải ảnh"):
        _save(issued, fake)
    assert not HonoureeProfile.objects.exists()


def test_oversized_file_refused(issued):
    big = SimpleUploadedFile(
        "anh.jpg", b"\xff\xd8" + b"0" * (8 * 1024 * 1024), content_type="image/jpeg"
    )
    with pytest.raises(DomainError, match="8 MB"):
        _save(issued, big)
    assert not HonoureeProfile.objects.exists()


def test_too_many_pixels_refused(issued):
    # 8000 x 6000 = 48 megapixels in a small file (one colour compresses well).
    bomb = jpeg(8000, 6000, quality=10)
    assert bomb.size < 8 * 1024 * 1024
    with pytest.raises(DomainError, match="40 triệu"):
        _save(issued, bomb)
    assert not HonoureeProfile.objects.exists()


def test_large_image_resized_reencoded_without_exif(issued):
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh thử"  # Make
    upload = jpeg(3000, 2000, fmt="PNG", exif=exif)
    profile = _save(issued, upload)
    with profile.photo.open("rb") as handle:
        stored = Image.open(io.BytesIO(handle.read()))
        stored.load()
    assert stored.format == "JPEG"
    assert stored.size == (1200, 800)
    assert (profile.photo_width, profile.photo_height) == (1200, 800)
    assert not stored.getexif()


def test_replacing_photo_deletes_old_file(issued):
    first = _save(issued, jpeg(400, 600))
    old_name = first.photo.name
    storage = first.photo.storage
    second = _save(issued, jpeg(500, 700, colour="blue"))
    assert second.photo.name != old_name
    assert not storage.exists(old_name)
    assert storage.exists(second.photo.name)


def _png_claiming(width: int, height: int) -> SimpleUploadedFile:
    """A tiny PNG whose header claims a huge picture (a decompression bomb's first bytes)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
    return SimpleUploadedFile("anh.png", data + chunk(b"IEND", b""), content_type="image/png")


@pytest.mark.parametrize("side", [7000, 30000])
def test_decompression_bomb_refused_before_decoding(issued, side):
    bomb = _png_claiming(side, side)
    assert bomb.size < 200
    with pytest.raises(DomainError, match="40 triệu"):
        _save(issued, bomb)
    assert not HonoureeProfile.objects.exists()
