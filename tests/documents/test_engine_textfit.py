"""Wrapping, shrinking and truncating text into boxes."""

import pytest

from documents.engine.fonts import reportlab_font, text_width_pt
from documents.engine.textfit import ELLIPSIS, fit_runs


def font() -> str:
    return reportlab_font()


def test_fit_short_text_keeps_requested_size_on_one_line():
    fit = fit_runs([("Nguyễn Văn An", font())], 300, 30, 20, 10)
    assert fit.size == 20 and len(fit.lines) == 1 and not fit.truncated and not fit.shrunk
    assert fit.texts() == ["Nguyễn Văn An"]


def test_fit_line_width_matches_font_metrics():
    fit = fit_runs([("Nguyễn Văn An", font())], 300, 30, 20, 10)
    assert fit.line_width(0) == pytest.approx(text_width_pt("Nguyễn Văn An", 20))


def test_fit_long_text_shrinks_until_it_fits_the_box():
    text = "Tôn Nữ Thị Phương Thảo Hoàng Lê Nguyễn Bảo Ngọc"
    fit = fit_runs([(text, font())], 200, 28, 24, 10)
    assert fit.shrunk and not fit.truncated
    assert fit.height <= 28
    assert all(fit.line_width(i) <= 200 for i in range(len(fit.lines)))
    assert " ".join(fit.texts()) == text


def test_fit_wraps_into_several_lines_when_height_allows():
    text = "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2025 " * 3
    fit = fit_runs([(text, font())], 300, 100, 14, 14)
    assert len(fit.lines) > 1 and fit.size == 14 and not fit.truncated
    assert " ".join(fit.texts()) == " ".join(text.split())


def test_fit_truncates_with_ellipsis_at_min_size():
    text = "Đã có thành tích xuất sắc " * 60
    fit = fit_runs([(text, font())], 300, 40, 16, 10)
    assert fit.truncated and fit.size == 10
    assert fit.texts()[-1].endswith(ELLIPSIS)
    assert fit.height <= 40
    assert all(fit.line_width(i) <= 300 for i in range(len(fit.lines)))


def test_fit_box_too_small_for_one_line_still_returns_one_cut_line():
    fit = fit_runs([("Nguyễn Văn An", font())], 30, 2, 12, 10)
    assert fit.truncated and len(fit.lines) == 1


def test_fit_splits_a_word_longer_than_the_box():
    fit = fit_runs([("A" * 80, font())], 100, 200, 12, 12)
    assert len(fit.lines) > 1
    assert "".join(fit.texts()) == "A" * 80
    assert all(fit.line_width(i) <= 100 for i in range(len(fit.lines)))


def test_fit_honours_explicit_line_breaks():
    fit = fit_runs([("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", font())], 300, 60, 14, 10)
    assert fit.texts() == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_fit_first_line_indent_reduces_first_line_room():
    text = "một hai ba bốn năm sáu bảy tám chín mười " * 3
    plain = fit_runs([(text, font())], 200, 500, 12, 12)
    indented = fit_runs([(text, font())], 200, 500, 12, 12, indent=100)
    assert len(indented.lines[0]) < len(plain.lines[0])
    assert indented.line_offset(0) == 100 and indented.line_offset(1) == 0


def test_fit_mixed_fonts_keep_their_font():
    bold = reportlab_font(bold=True)
    fit = fit_runs([("Ông/Bà: ", font()), ("Nguyễn Văn An", bold)], 400, 30, 14, 10)
    assert [p.font for p in fit.lines[0]] == [font(), bold, bold, bold]
