"""The batch QR fast path makes exactly the code the `qrcode` package makes (byte data,
error correction M, mask 0), and the invitation draws those modules where the slot is."""

import io
import random
import re

import pikepdf
import pytest
import qrcode
from qrcode.constants import ERROR_CORRECT_M

from documents.engine.batch import render_batch_pdf
from documents.engine.blocks import Document, Slot, para
from documents.engine.qr import qr_modules


def _reference(data: bytes) -> list[list[bool]]:
    code = qrcode.QRCode(border=0, mask_pattern=0, error_correction=ERROR_CORRECT_M)
    code.add_data(qrcode.util.QRData(data, mode=qrcode.util.MODE_8BIT_BYTE), optimize=0)
    code.make(fit=True)
    return code.get_matrix()


@pytest.mark.parametrize("length", [0, 1, 13, 22, 26, 27, 60, 106, 107, 180, 400])
def test_qr_modules_equal_the_qrcode_package(length):
    data = bytes(random.Random(length).randrange(256) for _ in range(length))
    assert qr_modules(data) == _reference(data)


def test_qr_modules_of_vietnamese_text():
    data = "Mã: Nguyễn Thị Thủy — Đại biểu".encode()
    assert qr_modules(data) == _reference(data)


def test_batch_draws_the_code_of_each_person():
    document = Document(
        blocks=(para("Giấy mời"), Slot("code", label="Mã: ", lines=4, qr=True)),
        page_numbers_from=0,
    )
    codes = ["Zx9_kq-3LmN0pQrStUvWx1", "AAAbbbCCC-dddEEE_fffGG"]
    pdf = render_batch_pdf(document, [{"code": c} for c in codes])
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        for page, code in zip(opened.pages, codes, strict=True):
            stream = b"".join(
                c.read_bytes() for c in page.obj.Contents if isinstance(c, pikepdf.Stream)
            ) if isinstance(page.obj.Contents, pikepdf.Array) else page.obj.Contents.read_bytes()  # fmt: skip
            rects = re.findall(rb"^(\d+) (\d+) (\d+) 1 re$", stream, re.MULTILINE)
            expected = qr_modules(code.encode())
            drawn = [[False] * len(expected) for _ in expected]
            for col, row, width in ((int(a), int(b), int(c)) for a, b, c in rects):
                for x in range(col, col + width):
                    drawn[row][x] = True
            assert drawn == expected
