import unicodedata
from datetime import date
from decimal import Decimal

import pytest

from core.vntext import (
    FOLD_FROM,
    FOLD_TO,
    fold,
    format_date_short,
    format_date_vn,
    format_money,
    format_number,
    format_place_date,
    money_in_words,
    name_sort_key,
    nfc,
    round_up_to,
    sort_names,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- nfc ---------------------------------------------------------------------------------


def test_nfc_none_returns_none():
    assert nfc(None) is None


def test_nfc_decomposed_input_equals_composed():
    typed_on_mac = nfd("Nguyễn Thị Ánh Tuyết")
    assert typed_on_mac != "Nguyễn Thị Ánh Tuyết"
    assert nfc(typed_on_mac) == "Nguyễn Thị Ánh Tuyết"
    assert nfc(typed_on_mac) == nfc("Nguyễn Thị Ánh Tuyết")


def test_nfc_whitespace_runs_collapse_to_one_space():
    assert nfc("  Trần \t\u00a0 Văn   An \u00a0") == "Trần Văn An"


def test_nfc_newlines_kept_and_line_ends_stripped():
    assert (
        nfc("\r\n Dòng một  \r\nDòng\t hai \t\n\nDòng ba\r\n  ") == "Dòng một\nDòng hai\n\nDòng ba"
    )


def test_nfc_empty_string_stays_empty():
    assert nfc("   \n ") == ""


# --- fold --------------------------------------------------------------------------------

# Written out by hand (not generated) so the table is checked against an independent list.
VIETNAMESE_VOWELS = {
    "a": "aàảãáạăằẳẵắặâầẩẫấậ",
    "e": "eèẻẽéẹêềểễếệ",
    "i": "iìỉĩíị",
    "o": "oòỏõóọôồổỗốộơờởỡớợ",
    "u": "uùủũúụưừửữứự",
    "y": "yỳỷỹýỵ",
}


def test_fold_full_name_removes_tone_and_vowel_marks():
    assert fold("Nguyễn Thị Ánh Tuyết") == "nguyen thi anh tuyet"


def test_fold_decomposed_input_matches_composed():
    assert fold(nfd("Đặng Thị Hương Giang")) == "dang thi huong giang"


def test_fold_uppercase_and_d_stroke_become_lowercase_ascii():
    assert fold("ĐỖ ĐỨC ƯỚC Ở ĐÂY") == "do duc uoc o day"


def test_fold_whitespace_and_newlines_collapse():
    assert fold("  Phòng\tNội\u00a0vụ\n\nHuyện  ") == "phong noi vu huyen"


def test_fold_tables_have_equal_length_and_unique_sources():
    assert len(FOLD_FROM) == len(FOLD_TO)
    assert len(set(FOLD_FROM)) == len(FOLD_FROM)
    # 12 vowels x 6 tone forms x 2 cases + đ Đ + A-Z, minus the 6 identical a e i o u y.
    assert len(FOLD_FROM) == 12 * 6 * 2 + 2 + 26 - 6 - 6


def test_fold_tables_cover_every_vietnamese_letter_in_both_cases():
    mapping = dict(zip(FOLD_FROM, FOLD_TO, strict=True))
    for base, letters in VIETNAMESE_VOWELS.items():
        for letter in letters:
            assert mapping.get(letter, letter) == base
            assert mapping[letter.upper()] == base
    assert mapping["đ"] == mapping["Đ"] == "d"
    assert all(mapping[c] == c.lower() for c in "ABCDFGHJKLMNPQRSTVWXZ")


def test_fold_each_table_character_folds_to_its_mapping():
    for source, target in zip(FOLD_FROM, FOLD_TO, strict=True):
        assert fold(source) == target, source


def test_fold_translate_with_tables_matches_fold():
    text = "HỘI NGHỊ Biểu dương Điển hình Tiên tiến"
    assert text.translate(str.maketrans(FOLD_FROM, FOLD_TO)) == fold(text)


# --- sorting names -----------------------------------------------------------------------


def test_sort_names_reference_list_by_given_name():
    names = ["Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Ba", "Phạm Đức Anh", "Đỗ Thị Ăn"]
    # An < Anh = Ánh (Đức < Thị decides) < Ăn < Ba
    assert sort_names(names) == [
        "Nguyễn Văn An",
        "Phạm Đức Anh",
        "Trần Thị Ánh",
        "Đỗ Thị Ăn",
        "Lê Văn Ba",
    ]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Âu", "Ăng", "Ai"], ["Ai", "Ăng", "Âu"]),
        (["Êm", "Ép", "Em"], ["Em", "Ép", "Êm"]),
        (["Ơn", "Ông", "Oanh"], ["Oanh", "Ông", "Ơn"]),
        (["Ưng", "Uyên", "Út"], ["Út", "Uyên", "Ưng"]),
        (["Đức", "Dũng"], ["Dũng", "Đức"]),
        (["Đào", "Dương"], ["Dương", "Đào"]),
    ],
)
def test_sort_names_marked_vowels_and_d_stroke_follow_alphabet(names, expected):
    assert sort_names(names) == expected


def test_sort_names_foreign_letters_at_latin_place():
    names = ["Zoe", "Xuân", "Win", "Vân", "Kha", "Jin", "Ích", "Ga", "Fa", "Êm"]
    assert sort_names(names) == ["Êm", "Fa", "Ga", "Ích", "Jin", "Kha", "Vân", "Win", "Xuân", "Zoe"]


def test_sort_names_given_name_before_family_name():
    assert sort_names(["Nguyễn Bình", "Trần An"]) == ["Trần An", "Nguyễn Bình"]


def test_sort_names_same_given_name_then_middle_name():
    assert sort_names(["Lê Văn Bình", "Trần Thị Bình"]) == ["Trần Thị Bình", "Lê Văn Bình"]


def test_sort_names_several_middle_names_compared_in_order():
    names = ["Nguyễn Thị Minh Anh", "Trần Thị Anh", "Lê Hoàng Anh"]
    assert sort_names(names) == ["Lê Hoàng Anh", "Trần Thị Anh", "Nguyễn Thị Minh Anh"]


def test_sort_names_same_given_and_middle_then_family_name():
    assert sort_names(["Trần Văn An", "Lê Văn An"]) == ["Lê Văn An", "Trần Văn An"]


def test_sort_names_tones_in_dictionary_order():
    names = ["Mạ", "Má", "Mã", "Mả", "Mà", "Ma"]
    assert sort_names(names) == ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Mạ", "Mai"),
        ("Ánh", "Ao"),
        ("Lê Văn Án", "Nguyễn Văn An"),
        ("Nguyễn Văn Ẩn", "Nguyễn Văn Ấn"),
        ("Nguyễn Văn An", "Nguyễn Văn Án"),
    ],
)
def test_name_sort_key_letters_of_whole_name_before_tones(first, second):
    assert name_sort_key(first) < name_sort_key(second)


def test_sort_names_one_word_name_is_its_own_given_name():
    assert sort_names(["Trần Bình", "An", "Cúc"]) == ["An", "Trần Bình", "Cúc"]


def test_name_sort_key_decomposed_input_matches_composed():
    assert name_sort_key(nfd("Nguyễn Thị Ánh Tuyết")) == name_sort_key("Nguyễn Thị Ánh Tuyết")


def test_name_sort_key_ignores_case_and_extra_spaces():
    assert name_sort_key("  NGUYỄN   VĂN an ") == name_sort_key("Nguyễn Văn An")


def test_name_sort_key_ignores_punctuation_inside_words():
    assert name_sort_key("H'Hen Niê") == name_sort_key("HHen Niê")


def test_sort_names_with_key_returns_new_list():
    people = [("b", "Lê Văn Ba"), ("a", "Nguyễn Văn An")]
    result = sort_names(people, key=lambda person: person[1])
    assert result == [("a", "Nguyễn Văn An"), ("b", "Lê Văn Ba")]
    assert people == [("b", "Lê Văn Ba"), ("a", "Nguyễn Văn An")]


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
        (date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (date(2024, 9, 20), "ngày 20 tháng 9 năm 2024"),
        (date(2024, 10, 8), "ngày 08 tháng 10 năm 2024"),
        (date(2024, 2, 14), "ngày 14 tháng 02 năm 2024"),
        (date(2024, 3, 1), "ngày 01 tháng 3 năm 2024"),
        (date(2024, 12, 31), "ngày 31 tháng 12 năm 2024"),
    ],
)
def test_format_date_vn_official_form(day, expected):
    assert format_date_vn(day) == expected


def test_format_date_vn_blank_day_keeps_month_and_year():
    assert format_date_vn(date(2025, 8, 14), blank_day_month=True) == "ngày    tháng 8 năm 2025"
    assert format_date_vn(date(2026, 1, 3), blank_day_month=True) == "ngày    tháng 01 năm 2026"


def test_format_date_vn_none_is_empty():
    assert format_date_vn(None) == ""
    assert format_date_vn(None, blank_day_month=True) == ""


def test_format_place_date_joins_place_and_date():
    assert (
        format_place_date("Thanh Trì", date(2024, 9, 20)) == "Thanh Trì, ngày 20 tháng 9 năm 2024"
    )


def test_format_place_date_blank_day():
    result = format_place_date("Thanh Trì", date(2025, 8, 1), blank_day=True)
    assert result == "Thanh Trì, ngày    tháng 8 năm 2025"


def test_format_place_date_without_date_is_place_only():
    assert format_place_date("Thanh Trì", None) == "Thanh Trì"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 7, 2), "02/7/2024"),
        (date(2019, 7, 8), "08/7/2019"),
        (date(2019, 9, 27), "27/9/2019"),
        (date(2020, 1, 9), "09/01/2020"),
        (date(2016, 5, 15), "15/5/2016"),
        (date(2024, 12, 1), "01/12/2024"),
        (None, ""),
    ],
)
def test_format_date_short_legal_basis_form(day, expected):
    assert format_date_short(day) == expected


# --- numbers and money -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "decimals", "expected"),
    [
        (0, 0, "0"),
        (999, 0, "999"),
        (1000, 0, "1.000"),
        (2340000, 0, "2.340.000"),
        (-1234567, 0, "-1.234.567"),
        (Decimal("4.5"), 1, "4,5"),
        (Decimal("1234.567"), 2, "1.234,57"),
        (Decimal("2.5"), 0, "3"),
        (Decimal("-0.4"), 0, "0"),
        (7, 2, "7,00"),
    ],
)
def test_format_number_vietnamese_separators(number, decimals, expected):
    assert format_number(number, decimals) == expected


def test_format_money_appends_dong():
    assert format_money(2340000) == "2.340.000 đồng"
    assert format_money(Decimal("710000.00")) == "710.000 đồng"


@pytest.mark.parametrize(
    ("amount", "step", "expected"),
    [
        (702000, 10000, 710000),
        (700000, 10000, 700000),
        (0, 10000, 0),
        (1, 10000, 10000),
        (Decimal("700000.01"), 10000, 710000),
        (Decimal("0.3") * 2340000, 10000, 710000),
        (1234, 1000, 2000),
        (-702000, 10000, -700000),
    ],
)
def test_round_up_to_next_multiple(amount, step, expected):
    assert round_up_to(amount, step) == expected


def test_round_up_to_float_refused():
    with pytest.raises(TypeError):
        round_up_to(702000.0)


def test_round_up_to_non_positive_step_refused():
    with pytest.raises(ValueError):
        round_up_to(702000, 0)


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (1, "Một đồng"),
        (5, "Năm đồng"),
        (10, "Mười đồng"),
        (11, "Mười một đồng"),
        (14, "Mười bốn đồng"),
        (15, "Mười lăm đồng"),
        (20, "Hai mươi đồng"),
        (21, "Hai mươi mốt đồng"),
        (24, "Hai mươi bốn đồng"),
        (25, "Hai mươi lăm đồng"),
        (100, "Một trăm đồng"),
        (101, "Một trăm linh một đồng"),
        (105, "Một trăm linh năm đồng"),
        (110, "Một trăm mười đồng"),
        (115, "Một trăm mười lăm đồng"),
        (121, "Một trăm hai mươi mốt đồng"),
        (1000, "Một nghìn đồng"),
        (1001, "Một nghìn không trăm linh một đồng"),
        (1015, "Một nghìn không trăm mười lăm đồng"),
        (2005, "Hai nghìn không trăm linh năm đồng"),
        (10000, "Mười nghìn đồng"),
        (15000, "Mười lăm nghìn đồng"),
        (21000, "Hai mươi mốt nghìn đồng"),
        (100500, "Một trăm nghìn năm trăm đồng"),
        (702000, "Bảy trăm linh hai nghìn đồng"),
        (710000, "Bảy trăm mười nghìn đồng"),
        (1000000, "Một triệu đồng"),
        (1005000, "Một triệu không trăm linh năm nghìn đồng"),
        (2000000, "Hai triệu đồng"),
        (2000050, "Hai triệu không nghìn không trăm năm mươi đồng"),
        (2000500, "Hai triệu không nghìn năm trăm đồng"),
        (2340000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
        (3510000, "Ba triệu năm trăm mười nghìn đồng"),
        (5000000000, "Năm tỷ đồng"),
        (1000000500, "Một tỷ không triệu không nghìn năm trăm đồng"),
        (
            1234567890,
            "Một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi đồng",
        ),
        (
            999_999_999_999_999,
            "Chín trăm chín mươi chín nghìn tỷ chín trăm chín mươi chín tỷ chín trăm chín mươi"
            " chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng",
        ),
        (2_000_000_000_000, "Hai nghìn tỷ đồng"),
        (Decimal("2340000"), "Hai triệu ba trăm bốn mươi nghìn đồng"),
    ],
)
def test_money_in_words_reads_amount(amount, words):
    assert money_in_words(amount) == words


def test_money_in_words_rounded_allowance_reads_back():
    allowance = round_up_to(Decimal("0.3") * 2340000)
    assert money_in_words(allowance) == "Bảy trăm mười nghìn đồng"


def test_money_in_words_custom_or_empty_suffix():
    assert money_in_words(2000000, suffix="đồng chẵn") == "Hai triệu đồng chẵn"
    assert money_in_words(25, suffix="") == "Hai mươi lăm"


@pytest.mark.parametrize(
    "amount", [-1, 1.5, 2.0, Decimal("1.5"), Decimal("NaN"), Decimal("Infinity"), "100", True]
)
def test_money_in_words_invalid_amount_raises(amount):
    with pytest.raises(ValueError):
        money_in_words(amount)
