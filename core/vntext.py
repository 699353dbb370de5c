"""Vietnamese text helpers: normalisation, search keys, name sorting, dates, numbers, money.

Pure Python (no Django), so it can be used from models, templates, exports and tests alike.

Money in words (`money_in_words`)
---------------------------------
The amount is split into groups of three digits named, from the right: (units), nghìn, triệu,
tỷ, then nghìn tỷ, triệu tỷ, tỷ tỷ and so on. The leading group is read as it stands
("mười lăm nghìn"); every later group is read with its full three digits, so an empty hundreds
digit is said "không trăm" and an empty tens digit before a non-zero unit is said "linh"
(1.015 -> "Một nghìn không trăm mười lăm đồng", 1.005.000 -> "Một triệu không trăm linh năm
nghìn đồng").

Convention for empty groups: an all-zero group that stands between the leading group and a
later non-zero group is read as "không <group name>" (2.000.500 -> "Hai triệu không nghìn năm
trăm đồng"; 1.000.000.500 -> "Một tỷ không triệu không nghìn năm trăm đồng"). It was chosen to
avoid ambiguity: the common reading "hai triệu năm trăm" (as num2words gives it) can be taken
for 2.500.000. All-zero groups at the end are dropped (2.000.000 -> "Hai triệu đồng").
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")

# --- Normalisation and search keys -------------------------------------------------------

# Characters nobody types on purpose and that change how text shows or breaks what carries it:
# C0 and C1 controls (NUL included) except tab and newline, DEL, bidirectional embeddings,
# overrides, isolates and marks (U+202A-202E, U+2066-2069, U+200E/F, U+061C: they can show
# "gpj.exe" as "exe.jpg"), zero-width characters and the byte-order mark, and the two
# code points XML forbids. Line and paragraph separators become newlines.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufffe\uffff]"
)
_LINE_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"})


def strip_invisible(text: str) -> str:
    """Return `text` without control, bidirectional-override and zero-width characters.

    Tabs and newlines stay (text areas use them); \\r\\n, \\r and the Unicode line and
    paragraph separators become \\n. Used on every form input (NormalizeInputMiddleware),
    every imported cell and every exported one: nothing a person meant is lost, since none
    of these characters shows."""
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").translate(_LINE_BREAKS))


def single_line(text: str) -> str:
    """`text` on one line: every run of whitespace (newlines included) becomes one space.
    For names and titles, which end up in e-mail headers and table cells."""
    return " ".join(strip_invisible(text).split())


_INLINE_SPACE = re.compile(r"[^\S\n]+")  # any whitespace except the newline (tabs, NBSP...)

# Tone marks in Vietnamese dictionary order: (no tone), huyền (grave), hỏi (hook above),
# ngã (tilde), sắc (acute), nặng (dot below). This is the order used by Vietnamese
# dictionaries (e.g. Hoàng Phê's Từ điển tiếng Việt): ma < mà < mả < mã < má < mạ.
_TONE_MARKS = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_TONE_RANK = {mark: rank for rank, mark in enumerate(_TONE_MARKS, start=1)}

_VOWELS = "aăâeêioôơuưy"


def nfc(text: str | None) -> str | None:
    """Return `text` in NFC with tidy whitespace; None stays None.

    Text arrives both composed and decomposed (macOS keyboards send NFD), and the two forms of
    "Nguyễn" only compare equal once both are NFC. Runs of spaces, tabs and NBSP become one
    space; newlines are kept (\\r\\n and \\r become \\n) with trailing spaces removed per line;
    invisible characters are removed (`strip_invisible`).
    """
    if text is None:
        return None
    text = strip_invisible(unicodedata.normalize("NFC", text))
    lines = (_INLINE_SPACE.sub(" ", line).rstrip(" ") for line in text.split("\n"))
    return "\n".join(lines).strip()


def _fold_pairs() -> dict[str, str]:
    """Map every precomposed Vietnamese letter, đ/Đ and A-Z to its lowercase ASCII letter."""
    pairs = {}
    for vowel in _VOWELS:
        base = unicodedata.normalize("NFD", vowel)[0]
        for tone in ("", *_TONE_MARKS):
            for letter in (vowel, vowel.upper()):
                pairs[unicodedata.normalize("NFC", letter + tone)] = base
    pairs.update({"đ": "d", "Đ": "d"})
    pairs.update({letter: letter.lower() for letter in string.ascii_uppercase})
    return {source: target for source, target in pairs.items() if source != target}


_FOLD_PAIRS = _fold_pairs()
# For SQL `translate(column, FOLD_FROM, FOLD_TO)`: folds without relying on lower(), which
# leaves non-ASCII letters alone when PostgreSQL's ctype is C.
FOLD_FROM = "".join(_FOLD_PAIRS)
FOLD_TO = "".join(_FOLD_PAIRS.values())
_FOLD_TABLE = str.maketrans(FOLD_FROM, FOLD_TO)


def fold(text: str) -> str:
    """Return a diacritic- and case-insensitive search key: "Nguyễn Thị" -> "nguyen thi".

    Uses the same table as FOLD_FROM/FOLD_TO, so Python and SQL fold text identically.
    All whitespace, newlines included, collapses to single spaces.
    """
    return " ".join((nfc(text) or "").lower().translate(_FOLD_TABLE).split())


# --- Sorting personal names --------------------------------------------------------------

# Vietnamese alphabetical order; f, j, w and z (not Vietnamese letters) sit at their Latin place.
_ALPHABET = (
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
)  # fmt: skip
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}


@lru_cache(maxsize=1024)
def _letter_and_tone(char: str) -> tuple[int, int]:
    """Split a lowercase NFC character into (letter rank, tone rank).

    Characters outside the alphabet (digits, other Latin letters) sort after "z".
    """
    parts = unicodedata.normalize("NFD", char)
    tone = next((_TONE_RANK[mark] for mark in parts if mark in _TONE_RANK), 0)
    letter = unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONE_RANK))
    return _LETTER_RANK.get(letter, len(_ALPHABET) + ord(letter[0])), tone


@lru_cache(maxsize=8192)  # names repeat their words: a list of 2,000 sorts in a tenth of the time
def _word_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    ranks = [_letter_and_tone(char) for char in word if char.isalnum()]
    return tuple(letter for letter, _ in ranks), tuple(tone for _, tone in ranks)


def _name_parts(full_name: str, as_written: bool) -> tuple[list, list, list]:
    words = [_word_key(word) for word in (nfc(full_name) or "").lower().split()]
    if as_written:
        return words, [], []
    family = words[:1] if len(words) > 1 else []
    return words[-1:], words[1:-1], family  # given, middle(s), family


def name_sort_key(full_name: str, *, as_written: bool = False) -> tuple:
    """Key to sort Vietnamese personal names the way offices list them.

    Order: given name (last word), then middle name(s), then family name (first word); letters
    in Vietnamese alphabetical order, case-insensitive. Tones only break ties once the letters
    of the whole name are equal, so "Lê Văn Án" < "Nguyễn Văn An" and "Mạ" < "Mai".
    Punctuation inside words (H'Hen) is ignored. `as_written` keeps the words in their own
    order: the name of a collective ("Trường Tiểu học Kim Đồng") is not a person's.
    """
    parts = _name_parts(full_name, as_written)
    letters = tuple(tuple(word_letters for word_letters, _ in part) for part in parts)
    tones = tuple(tuple(word_tones for _, word_tones in part) for part in parts)
    return letters, tones


# The stored form of name_sort_key: digits only, so that a database orders it the same way
# whatever its collation (no locale contracts, ignores or reorders digits; the column is
# also declared COLLATE "C" on PostgreSQL, see core.sorting.SortKeyField). Each letter rank is
# a fixed code that begins with 1-9 ("10".."98", rarer characters "99" + seven digits), a word
# ends with "01", a part of the name (given, middle, family) with "00": the codes are
# prefix-free and rise with the rank, so comparing two strings character by character is
# comparing the tuples. The tones follow, one digit a letter, in the same order: they only
# matter when the letters are all equal, and then both names have the same shape.
_WORD_END, _PART_END = "01", "00"
SORT_STRING_MAX = 1000  # longer keys are cut: order kept, only ties at the cut left to the pk


def _letter_code(rank: int) -> str:
    return str(rank + 10) if rank < 89 else f"99{rank:07d}"


def name_sort_string(full_name: str, *, as_written: bool = False) -> str:
    """`name_sort_key` as an ASCII digit string whose plain order is the key's order.

    For a database column: `order_by` on it lists names as `sort_names` would, on SQLite and
    on PostgreSQL alike. At most SORT_STRING_MAX characters.
    """
    parts = _name_parts(full_name, as_written)
    letters, tones = [], []
    for part in parts:
        for word_letters, word_tones in part:
            letters.extend(_letter_code(rank) for rank in word_letters)
            letters.append(_WORD_END)
            tones.extend(str(tone) for tone in word_tones)
        letters.append(_PART_END)
    return ("".join(letters) + "".join(tones))[:SORT_STRING_MAX]


def sort_names(items: Iterable[T], key: Callable[[T], str] = lambda item: item) -> list[T]:
    """Return a new list of `items` sorted by the Vietnamese name that `key` extracts."""
    return sorted(items, key=lambda item: name_sort_key(key(item)))


# --- Dates -------------------------------------------------------------------------------

# Administrative documents write days 1-9 and months 1-2 with a leading zero, so that a digit
# cannot be added in front afterwards (1 -> 11, 2 -> 12); months 3-12 are written plainly.
_BLANK_DAY = "    "  # four spaces: the gap left for the signer to write the day in by hand


def _day(d: date) -> str:
    return f"{d.day:02d}"


def _month(d: date) -> str:
    return f"{d.month:02d}" if d.month <= 2 else str(d.month)


def format_date_vn(d: date | None, *, blank_day_month: bool = False) -> str:
    """Return the official long form "ngày 05 tháng 01 năm 2020"; "" for no date.

    With `blank_day_month` (a plan not signed yet) the day is left blank and month and year
    are kept: "ngày    tháng 8 năm 2025", exactly four spaces between "ngày" and "tháng".
    """
    if d is None:
        return ""
    day = _BLANK_DAY if blank_day_month else f" {_day(d)} "
    return f"ngày{day}tháng {_month(d)} năm {d.year}"


def format_place_date(place: str, d: date | None, *, blank_day: bool = False) -> str:
    """Return the heading "Thanh Trì, ngày 20 tháng 9 năm 2024" (just the place if no date)."""
    parts = (place.strip(), format_date_vn(d, blank_day_month=blank_day))
    return ", ".join(part for part in parts if part)


_WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


def weekday_vn(d: date) -> str:
    """Return the weekday as written in plans: "Thứ ba", "Chủ nhật"."""
    return _WEEKDAYS[d.weekday()]


def quarter_roman(d: date) -> str:
    """Return the quarter of `d` in Roman numerals, as in "Quý I năm 2020"."""
    return ("I", "II", "III", "IV")[(d.month - 1) // 3]


def format_date_short(d: date | None) -> str:
    """Return the short form cited in legal bases, "02/7/2024" or "09/01/2020"; "" for none."""
    return "" if d is None else f"{_day(d)}/{_month(d)}/{d.year}"


# --- Numbers and money -------------------------------------------------------------------

_SWAP_SEPARATORS = str.maketrans(",.", ".,")


def format_number(n: int | Decimal, decimals: int = 0) -> str:
    """Return `n` Vietnamese style: "2.340.000", "4,5" (rounded half up to `decimals`)."""
    value = Decimal(n).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if value.is_zero():
        value = abs(value)  # no "-0"
    return f"{value:,.{decimals}f}".translate(_SWAP_SEPARATORS)


def format_money(n: int | Decimal) -> str:
    """Return "2.340.000 đồng"."""
    return f"{format_number(n)} đồng"


def round_up_to(amount: Decimal | int, step: int = 10000) -> int:
    """Round `amount` up (towards +infinity) to a multiple of `step`: 702000 -> 710000.

    Floats are refused: money is computed in Decimal so that 0.3 * 2340000 is exactly 702000.
    """
    if isinstance(amount, float):
        raise TypeError("round_up_to needs an int or Decimal amount, not float")
    if step <= 0:
        raise ValueError("step must be positive")
    multiples = (Decimal(amount) / step).to_integral_value(rounding=ROUND_CEILING)
    return int(multiples) * step


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_UNIT_AFTER_MUOI = {1: "mốt", 5: "lăm"}  # 21 "hai mươi mốt", 25 "hai mươi lăm"
_UNIT_AFTER_MUOI_10 = {5: "lăm"}  # 11 "mười một", 15 "mười lăm"
_GROUP_NAMES = ("", "nghìn", "triệu")  # then "tỷ" repeats: nghìn tỷ, triệu tỷ, tỷ tỷ...


def _group_name(index: int) -> list[str]:
    """Name of the index-th three-digit group from the right (0 = units)."""
    names = [_GROUP_NAMES[index % 3], *["tỷ"] * (index // 3)]
    return [name for name in names if name]


def _read_tens_units(tens: int, units: int) -> list[str]:
    if tens == 0:
        return [_DIGITS[units]] if units else []
    if tens == 1:
        words, specials = ["mười"], _UNIT_AFTER_MUOI_10
    else:
        words, specials = [_DIGITS[tens], "mươi"], _UNIT_AFTER_MUOI
    return [*words, specials.get(units, _DIGITS[units])] if units else words


def _read_group(value: int, *, full: bool) -> list[str]:
    """Read 0-999; `full` says the hundreds even when zero ("không trăm linh năm")."""
    hundreds, tens, units = value // 100, value // 10 % 10, value % 10
    words = [_DIGITS[hundreds], "trăm"] if full or hundreds else []
    if words and tens == 0 and units:
        words.append("linh")
    return words + _read_tens_units(tens, units)


def _as_whole_number(n: object) -> int:
    """Accept a non-negative int or integral Decimal; anything else is a ValueError."""
    if isinstance(n, Decimal) and n.is_finite() and n == n.to_integral_value():
        n = int(n)
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise ValueError(f"money_in_words needs a non-negative whole amount, got {n!r}")
    return n


def _read_amount(amount: int) -> list[str]:
    """Read a positive amount group by group (see the module docstring)."""
    digits = str(amount)
    groups = [int(digits[max(end - 3, 0) : end]) for end in range(len(digits), 0, -3)]
    top = len(groups) - 1
    last_non_zero = next(index for index, value in enumerate(groups) if value)
    words: list[str] = []
    for index in range(top, -1, -1):
        if groups[index]:
            words += _read_group(groups[index], full=index < top) + _group_name(index)
        elif last_non_zero < index:  # an empty group between non-zero ones
            words += [_DIGITS[0], *_group_name(index)]
    return words


def money_in_words(n: int, *, suffix: str = "đồng") -> str:
    """Read an amount in Vietnamese words: 2340000 -> "Hai triệu ba trăm bốn mươi nghìn đồng".

    See the module docstring for how empty groups are read.
    """
    amount = _as_whole_number(n)
    words = _read_amount(amount) if amount else [_DIGITS[0]]
    text = " ".join([*words, suffix] if suffix else words)
    return text[0].upper() + text[1:]


# --- Inline emphasis ---------------------------------------------------------------------

# Shown under every text box whose text is printed: the documents engine prints *...* italic
# and **...** bold; a star that is not closed (or typed \*) prints as a star.
EMPHASIS_HELP = "Gõ *chữ nghiêng* hoặc **chữ đậm** ngay trong câu; gõ \\* để in dấu sao."
