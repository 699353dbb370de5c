"""Block model, text helpers and the seed-plan loader (no rendering)."""

import dataclasses
from datetime import date

import pytest

from documents.engine import samples
from documents.engine.blocks import (
    Cell,
    Document,
    Heading,
    ListBlock,
    ListItem,
    PageSetup,
    Paragraph,
    Run,
    Signature,
    Table,
    Title,
    items,
    table_rows,
)
from documents.engine.textutil import (
    ascii_slug,
    blank_date,
    clean,
    keep_spaces,
    unique_name,
    vn_date,
)
from tests.fixtures import plan_text

THANH_TRI = "thanh-tri-2024-nguoi-tot-viec-tot.txt"


def test_page_setup_defaults_follow_decree_30():
    page = PageSetup()
    assert (page.top_mm, page.bottom_mm, page.left_mm, page.right_mm) == (25, 20, 35, 20)
    assert (page.width_mm, page.height_mm, page.text_width_mm) == (210, 297, 155)


def test_page_setup_landscape_swaps_size():
    page = PageSetup("landscape")
    assert (page.width_mm, page.height_mm) == (297, 210)


def test_page_setup_unknown_orientation_rejected():
    with pytest.raises(ValueError):
        PageSetup("square")  # type: ignore[arg-type]


def test_blocks_frozen_and_lists_become_tuples():
    paragraph = Paragraph([Run("a"), Run("b", bold=True)])
    assert isinstance(paragraph.runs, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        paragraph.style = "plain"  # type: ignore[misc]
    table = Table(["A", "B"], [["1", "2"], ["3", "4"]])
    assert table.rows == (("1", "2"), ("3", "4"))
    hash(Document(blocks=[Title("KẾ HOẠCH", ["x"]), paragraph, table]))


def test_heading_level_out_of_range_rejected():
    with pytest.raises(ValueError):
        Heading(4, "x")


def test_document_page_numbers_from_validated():
    with pytest.raises(ValueError):
        Document(page_numbers_from=3)


def test_table_widths_must_match_columns():
    with pytest.raises(ValueError):
        Table(("A", "B"), (), widths=(1, 2, 3))


def test_table_relative_widths_sum_to_one():
    assert sum(Table(("A", "B", "C"), (), widths=(1, 2, 5)).relative_widths()) == pytest.approx(1)


def test_table_rows_extra_header_rows_taken_from_rows():
    table = Table(("A", "B"), (("a1", "b1"), ("1", "2"), ("3", "4")), header_rows=2)
    flags = [is_head for _, is_head in table_rows(table)]
    assert flags == [True, True, False, False]


def test_table_rows_without_header():
    table = Table(("A", "B"), (("1", "2"),), header_rows=0)
    assert table_rows(table) == [(("1", "2"), False)]


def test_table_column_count_counts_colspan():
    assert Table((Cell("A", colspan=2), "B")).column_count == 3


def test_list_markers_numbered_and_alpha():
    numbered = ListBlock((ListItem((Run("x"),)),) * 3, "numbered", start=2)
    alpha = ListBlock((ListItem((Run("x"),)),) * 2, "alpha")
    assert [numbered.marker_text(i) for i in range(3)] == ["2.", "3.", "4."]
    assert [alpha.marker_text(i) for i in range(2)] == ["a)", "b)"]
    assert items(["x"], "+").marker_text(0) == "+"


def test_vn_date_leading_zero_for_days_below_10_and_months_1_2():
    assert vn_date(date(2020, 1, 5)) == "ngày 05 tháng 01 năm 2020"
    assert vn_date(date(2019, 6, 29), "Hà Nội") == "Hà Nội, ngày 29 tháng 6 năm 2019"
    assert vn_date(date(2024, 9, 20), "Thanh Trì") == "Thanh Trì, ngày 20 tháng 9 năm 2024"


def test_blank_date_keeps_space_for_the_day():
    assert blank_date(8, 2025) == "ngày    tháng 8 năm 2025"


def test_clean_normalises_nfd_and_drops_control_characters():
    nfd = "Nguye\u0302\u0303n"
    assert clean(nfd) == "Nguyễn"
    assert clean("a\x00b\x1bc\ue000d") == "abcd"
    assert clean(None) == ""


def test_keep_spaces_preserves_runs_of_spaces():
    assert keep_spaces("ngày    tháng") == "ngày \u00a0\u00a0\u00a0tháng"
    assert keep_spaces("a b") == "a b"


def test_ascii_slug_and_unique_name():
    assert ascii_slug("Nguyễn Văn Đức") == "Nguyen-Van-Duc"
    used: set[str] = set()
    assert [unique_name("a.docx", used) for _ in range(3)] == ["a.docx", "a-2.docx", "a-3.docx"]


def test_plan_from_text_builds_sections_and_signature():
    document = samples.plan_from_text(plan_text(THANH_TRI), "ỦY BAN NHÂN DÂN HUYỆN THANH TRÌ")
    header, title = document.blocks[0], document.blocks[1]
    assert header.number == "Số: 330/KH-UBND"
    assert header.place_date == "Thanh Trì, ngày 20 tháng 9 năm 2024"
    assert title.kind == "KẾ HOẠCH" and len(title.subject) == 3
    sections = [b.text for b in document.blocks if isinstance(b, Heading) and b.level == 1]
    assert sections[0] == "I. MỤC ĐÍCH, YÊU CẦU" and sections[-1] == "VI. TỔ CHỨC THỰC HIỆN"
    assert len(sections) == 6
    signature = document.blocks[-1]
    assert isinstance(signature, Signature)
    assert signature.authority == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert signature.signer == "Nguyễn Xuân Phong"
    assert signature.recipients[-1] == "- Lưu: VT, NV."


def test_plan_from_text_programme_items_form_a_numbered_list():
    document = samples.plan_from_text(plan_text(THANH_TRI), "UBND")
    numbered = [b for b in document.blocks if isinstance(b, ListBlock) and b.marker == "numbered"]
    assert len(numbered) == 1 and len(numbered[0].items) == 8
    assert numbered[0].items[-1].runs[0].text == "Kết thúc Hội nghị."


def test_slot_name_must_be_identifier():
    from documents.engine.blocks import Slot

    with pytest.raises(ValueError):
        Slot("tên người")
    with pytest.raises(ValueError):
        Slot("name", lines=0)
    assert Slot("full_name").name == "full_name"
