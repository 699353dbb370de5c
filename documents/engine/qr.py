"""QR codes for batches: one per person, so each must cost next to nothing beside the shared
layout (the `qrcode` package takes 4 ms a code, 90% of it choosing the "best" mask).

The fast path makes the same matrix as `qrcode` for byte data, error correction M and mask
pattern 0 (any mask is valid for a reader): what is the same for every code of a version
(the function patterns, the format information, the order of the data modules and the
mask) is worked out once with `qrcode` and kept; per code only the data bytes, their
Reed-Solomon error correction (with log tables) and the placement are computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import qrcode
from qrcode import base, util
from qrcode.constants import ERROR_CORRECT_M
from qrcode.LUT import rsPoly_LUT

MASK = 0
BYTE_MODE = util.MODE_8BIT_BYTE


def qr_modules(data: bytes) -> list[list[bool]]:
    """The dark modules of a QR code of `data` (no quiet zone), rows top to bottom."""
    layout = _layout(_version(len(data)))
    codewords = _codewords(data, layout)
    matrix = [row[:] for row in layout.template]
    for k, (row, col) in enumerate(layout.free):
        byte = k >> 3
        bit = (codewords[byte] >> (7 - (k & 7))) & 1 if byte < len(codewords) else 0
        matrix[row][col] = bool(bit) != layout.mask[k]
    return matrix


@lru_cache(maxsize=64)
def _version(length: int) -> int:
    """The smallest version holding `length` bytes at error correction M."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M)
    code.add_data(util.QRData(b"a" * length, mode=BYTE_MODE), optimize=0)
    return code.best_fit()


@dataclass(frozen=True)
class _Layout:
    version: int
    template: list  # rows; None where a data module goes
    free: tuple[tuple[int, int], ...]  # the data modules, in placement order
    mask: tuple[bool, ...]  # mask pattern 0 at each of them
    blocks: tuple[tuple[int, int], ...]  # (data codewords, error codewords) per block


class _Recorder(qrcode.QRCode):
    """Lays out a version's fixed modules and records where data goes instead of placing it."""

    def map_data(self, data, mask_pattern):
        self.free = []
        size = self.modules_count
        row, step = size - 1, -1
        for right in range(size - 1, 0, -2):
            col = right - 1 if right <= 6 else right
            while 0 <= row < size:
                for c in (col, col - 1):
                    if self.modules[row][c] is None:
                        self.free.append((row, c))
                row += step
            row -= step
            step = -step


@lru_cache(maxsize=16)
def _layout(version: int) -> _Layout:
    recorder = _Recorder(version=version, error_correction=ERROR_CORRECT_M, mask_pattern=MASK)
    recorder.data_cache = []
    recorder.makeImpl(False, MASK)
    mask = util.mask_func(MASK)
    blocks = tuple(
        (b.data_count, b.total_count - b.data_count)
        for b in base.rs_blocks(version, ERROR_CORRECT_M)
    )
    return _Layout(
        version=version,
        template=recorder.modules,
        free=tuple(recorder.free),
        mask=tuple(bool(mask(r, c)) for r, c in recorder.free),
        blocks=blocks,
    )


def _bits(data: bytes, version: int, capacity: int) -> bytes:
    """The data codewords: mode, length, the bytes, terminator and padding, as qrcode."""
    value, length = BYTE_MODE, 4
    count_bits = util.length_in_bits(BYTE_MODE, version)
    value, length = (value << count_bits) | len(data), length + count_bits
    value, length = (value << 8 * len(data)) | int.from_bytes(data, "big"), length + 8 * len(data)
    limit = capacity * 8
    terminator = min(limit - length, 4)
    value, length = value << terminator, length + terminator
    pad = -length % 8
    value, length = value << pad, length + pad
    words = bytearray(value.to_bytes(length // 8, "big"))
    for i in range(capacity - len(words)):
        words.append(util.PAD0 if i % 2 == 0 else util.PAD1)
    return bytes(words)


@lru_cache(maxsize=64)
def _generator_logs(ec_count: int) -> tuple[int, ...]:
    return tuple(base.glog(g) if g else -1 for g in rsPoly_LUT[ec_count][1:])


def _error_words(block: bytes, ec_count: int) -> list[int]:
    """The remainder of the block by the generator polynomial (GF(256), log tables)."""
    logs, exp, log = _generator_logs(ec_count), base.EXP_TABLE, base.LOG_TABLE
    remainder = [0] * ec_count
    for word in block:
        factor = word ^ remainder[0]
        remainder = remainder[1:] + [0]
        if factor:
            lf = log[factor]
            for i, g in enumerate(logs):
                if g >= 0:
                    remainder[i] ^= exp[(g + lf) % 255]
    return remainder


def _codewords(data: bytes, layout: _Layout) -> list[int]:
    words = _bits(data, layout.version, sum(d for d, _ in layout.blocks))
    data_blocks, error_blocks, offset = [], [], 0
    for data_count, ec_count in layout.blocks:
        block = words[offset : offset + data_count]
        offset += data_count
        data_blocks.append(block)
        error_blocks.append(_error_words(block, ec_count))
    out = []
    for blocks in (data_blocks, error_blocks):
        for i in range(max(len(b) for b in blocks)):
            out.extend(b[i] for b in blocks if i < len(b))
    return out


def pdf_ops(modules: list[list[bool]]) -> str:
    """PDF operators filling each row's runs of dark modules, in module units (x right,
    y down from the code's top left corner: the caller's matrix flips and scales)."""
    ops = []
    for row, line in enumerate(modules):
        start = None
        for col, dark in enumerate([*line, False]):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                ops.append(f"{start} {row} {col - start} 1 re")
                start = None
    return "\n".join(ops)
