"""Photos of honourees and the slides' background: checked by their content (Pillow opens and
decodes them), bounded in bytes and in pixels before decoding (a small file can claim a huge
picture), then resized and saved again as JPEG, which leaves EXIF (location, camera) behind."""

import io
import warnings

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from core.errors import DomainError

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
PHOTO_SIDE = 1200
BACKGROUND_SIDE = 1920
JPEG_QUALITY = 85


def _opened(upload) -> Image.Image:
    """The upload as a decoded image, or a DomainError a user can read."""
    if upload.size > MAX_BYTES:
        raise DomainError("Ảnh lớn hơn 8 MB, hãy chọn ảnh nhỏ hơn.", field="photo")
    upload.seek(0)
    data = upload.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise DomainError("Ảnh quá nhiều điểm ảnh (tối đa 40 triệu).", field="photo")
            image.load()
    except DomainError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise DomainError("Ảnh quá nhiều điểm ảnh (tối đa 40 triệu).", field="photo") from exc
    except Exception as exc:  # Pillow raises many kinds for a file that is not an image
        raise DomainError("Tệp không phải ảnh hợp lệ (JPEG, PNG, WebP).", field="photo") from exc
    if image.format not in ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF"):
        raise DomainError("Tệp không phải ảnh hợp lệ (JPEG, PNG, WebP).", field="photo")
    return image


def prepared_jpeg(upload, *, side: int = PHOTO_SIDE) -> tuple[ContentFile, int, int]:
    """(the JPEG to store, its width, its height): the upload turned upright, fitted within
    `side` pixels, flattened onto white, re-encoded without metadata."""
    image = ImageOps.exif_transpose(_opened(upload))
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    elif image.mode != "RGB":
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return ContentFile(out.getvalue(), name="anh.jpg"), image.width, image.height
