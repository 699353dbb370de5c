"""core.sorting and the stored name order (core.vntext.name_sort_string): the string's plain
order is name_sort_key's order; a list's `?sort=` is read with a fallback, its headers keep
the filters, say aria-sort, and phones get a select."""

import random
import unicodedata
from functools import cmp_to_key

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from core.sorting import DATE_WORDS, NAME_WORDS, Sorting, SortOption
from core.vntext import SORT_STRING_MAX, name_sort_key, name_sort_string, sort_names

# --- the string order is the tuple order ---------------------------------------------------

_BASES = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_CONSONANTS = ["b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
               "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x", "", "f", "j",
               "w", "z"]  # fmt: skip
_ENDINGS = ["", "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y"]


def _syllable(rng: random.Random) -> str:
    vowel = rng.choice(_BASES) + rng.choice(["", "", rng.choice(_BASES)])
    toned = unicodedata.normalize("NFC", vowel[0] + rng.choice(_TONES)) + vowel[1:]
    word = rng.choice(_CONSONANTS) + toned + rng.choice(_ENDINGS)
    if rng.random() < 0.3:
        word = word.capitalize()
    if rng.random() < 0.03:
        word = word[:1] + "'" + word[1:]  # H'Hen, Ksor H'Luông
    if rng.random() < 0.02:
        word = rng.choice(["Ü", "ç", "李", "2", "-"]) + word  # characters outside the alphabet
    return word


def _name(rng: random.Random) -> str:
    words = [_syllable(rng) for _ in range(rng.choice([1, 1, 2, 2, 3, 3, 3, 4, 5]))]
    name = " ".join(words)
    return unicodedata.normalize("NFD", name) if rng.random() < 0.1 else name


def _sign(a, b) -> int:
    return (a > b) - (a < b)


FIXED = [
    "Lê Văn Án", "Nguyễn Văn An", "Mạ", "Mai", "Ma", "Mà", "Mả", "Mã", "Má", "H'Hen Niê",
    "HHen Niê", "Ksor H'Luông", "An", "Anh", "Ánh", "Ăn", "Ân", "Dũng", "Đức", "Đào", "Dương",
    "Nguyễn Thị Minh Anh", "Trần Thị Anh", "Lê Hoàng Anh", "Trần An", "Nguyễn Bình", "Zoe",
    "Win", "Êm", "Fa", "Jin", "Nguyễn Văn Ẩn", "Nguyễn Văn Ấn", "Ánh", "Ao", "Tôn Nữ Thị Hà",
    "Y Bih", "Trần Bình", "Cúc", "  NGUYỄN   VĂN an ", "Hà", "Hạ", "Hả", "Lò Văn Dũng",
    "Nguyễn - An", "Nguyễn An", "Nguyễn (An)", "- -", "-", "An -",  # words with no letter
]  # fmt: skip


def test_string_order_is_the_tuple_order_on_many_names():
    rng = random.Random(20261201)
    names = FIXED + [_name(rng) for _ in range(4000)]
    by_key = sorted(names, key=name_sort_key)
    by_string = sorted(names, key=name_sort_string)
    # Equal keys (the same name written twice) may come in either order: compare the keys.
    assert [name_sort_key(n) for n in by_string] == [name_sort_key(n) for n in by_key]
    for _ in range(20000):
        a, b = rng.choice(names), rng.choice(names)
        assert _sign(name_sort_string(a), name_sort_string(b)) == _sign(
            name_sort_key(a), name_sort_key(b)
        ), (a, b)


def test_string_order_of_collective_names_as_written_is_their_tuple_order():
    rng = random.Random(7)
    names = [_name(rng) for _ in range(2000)]
    key = cmp_to_key(
        lambda a, b: _sign(name_sort_key(a, as_written=True), name_sort_key(b, as_written=True))
    )
    by_string = sorted(names, key=lambda n: name_sort_string(n, as_written=True))
    assert sorted(by_string, key=key) == by_string


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Lê Văn Án", "Nguyễn Văn An"),  # the letters of the whole name before the tones
        ("Mạ", "Mai"),
        ("An", "Anh"),  # a shorter word first
        ("Dũng", "Đào"),  # đ after d
        ("Dương", "Đức"),
        ("H'Hen", "Hoa"),  # the apostrophe ignored: "hhen" < "hoa"
        ("Trần Bình", "Cúc"),  # one word is its own given name
        ("Ma", "Mà"),
        ("Zoe", "李"),  # outside the alphabet: after z
    ],
)
def test_string_known_pairs(first, second):
    assert name_sort_string(first) < name_sort_string(second)
    assert name_sort_key(first) < name_sort_key(second)


def test_string_is_digits_only_and_bounded():
    rng = random.Random(3)
    for name in FIXED + [_name(rng) for _ in range(500)] + ["李" * 300]:
        text = name_sort_string(name)
        assert text.isascii() and text.isdigit()
        assert len(text) <= SORT_STRING_MAX


def test_same_name_composed_decomposed_or_spaced_gives_the_same_string():
    assert name_sort_string(unicodedata.normalize("NFD", "Nguyễn Thị Ánh")) == name_sort_string(
        "  nguyễn  THỊ ánh "
    )


def test_collective_as_written_not_given_name_first():
    schools = ["Trường Tiểu học Kim Đồng", "Trường Mầm non Hoa Sen"]
    as_written = sorted(schools, key=lambda n: name_sort_string(n, as_written=True))
    assert as_written == ["Trường Mầm non Hoa Sen", "Trường Tiểu học Kim Đồng"]
    # As a person's name it would put "Đồng" before "Sen": the rule matters.
    assert sorted(schools, key=name_sort_string) == list(reversed(as_written))
    assert sort_names(schools) == list(reversed(as_written))


# --- reading ?sort= ------------------------------------------------------------------------

SORTS = Sorting(
    {
        "ten": SortOption("Họ và tên", ("sort_key",), words=NAME_WORDS),
        "don-vi": SortOption("Đơn vị", ("unit__path",), ("sort_key",)),
        "ngay": SortOption("Ngày nhận", ("created_at",), words=DATE_WORDS, descending_first=True),
    },
    default="ten",
)


def _read(query: str):
    return SORTS.read(RequestFactory().get(f"/list/?{query}"))


def _sql(order_by) -> list[str]:
    return [str(item) for item in order_by]


@pytest.mark.parametrize(
    ("value", "name", "descending"),
    [
        ("ten", "ten", False),
        ("-don-vi", "don-vi", True),
        ("", "ten", False),
        ("khong-co", "ten", False),  # unknown: the default, no error
        ("--ten", "ten", False),
        ("-", "ten", False),
    ],
)
def test_choose_falls_back_to_the_default(value, name, descending):
    assert SORTS.choose(value) == (name, descending)


def test_order_ends_with_the_primary_key_and_then_stays_ascending():
    down = SORTS.order_by("-don-vi")
    assert [(o.expression.name, o.descending) for o in down] == [
        ("unit__path", True),
        ("sort_key", False),  # people within a unit stay A to Z
        ("pk", True),
    ]
    assert all(o.nulls_last for o in down)
    assert [(o.expression.name, o.descending) for o in SORTS.order_by(None)] == [
        ("sort_key", False),
        ("pk", False),
    ]


def test_a_default_outside_the_options_is_refused():
    with pytest.raises(ValueError):
        Sorting({"ten": SortOption("Tên", ("sort_key",))}, default="ngay")


def test_header_keeps_the_filters_drops_the_page_and_says_aria_sort():
    sort = _read("status=submitted&unit=4&page=3&sort=ten")
    current, other = sort.header("ten"), sort.header("don-vi")
    assert current["aria_sort"] == "ascending" and current["arrow"] == "▲"
    assert current["href"] == "?status=submitted&unit=4&sort=-ten"  # the other direction
    assert other["aria_sort"] == "" and other["arrow"] == ""
    assert other["href"] == "?status=submitted&unit=4&sort=don-vi"
    assert "page=" not in current["href"] + other["href"]
    down = _read("sort=-ten").header("ten")
    assert (down["aria_sort"], down["arrow"], down["href"]) == ("descending", "▼", "?sort=ten")


def test_a_date_header_sorts_newest_first_on_its_first_click():
    assert _read("").header("ngay")["href"] == "?sort=-ngay"


def test_header_tag_renders_a_th_with_aria_sort_and_the_link():
    sort = _read("q=an&sort=-don-vi")
    html = Template('{% load sorting %}{% sort_header sort "don-vi" %}').render(
        Context({"sort": sort})
    )
    assert html.startswith('<th data-label="Đơn vị" aria-sort="descending">')
    assert 'href="?q=an&amp;sort=don-vi"' in html
    assert '<span aria-hidden="true">▼</span>' in html


def test_phone_select_lists_both_directions_and_keeps_the_filters():
    sort = _read("q=an&unit=4&unit=5&page=2&sort=-ngay")
    html = Template("{% load sorting %}{% sort_select sort %}").render(Context({"sort": sort}))
    assert 'class="d-sm-none' in html
    assert '<label class="form-label small mb-0" for="sap-xep">Sắp xếp theo</label>' in html
    assert '<select name="sort" id="sap-xep"' in html
    assert '<option value="-ngay" selected>Ngày nhận (mới trước)</option>' in html
    assert '<option value="ten">Họ và tên (A → Z)</option>' in html
    assert '<option value="-don-vi">Đơn vị (giảm dần)</option>' in html
    for hidden in ('name="q" value="an"', 'name="unit" value="4"', 'name="unit" value="5"'):
        assert f'<input type="hidden" {hidden}>' in html
    assert 'name="page"' not in html
