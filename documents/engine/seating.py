"""The seating chart (sơ đồ chỗ ngồi) and the place cards (thẻ chỗ ngồi), laid out as HTML
and printed by WeasyPrint with the engine's fonts. Plain data in, PDF bytes out; no Django.

The chart is one table: a hall row is one table row across every block (with an empty aisle
column between blocks), so a row of the hall reads as one line of the PDF. A name is printed
whole when it fits its cell at a readable size, else shortened ("N.V. An") and shrunk."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .fonts import text_width_pt
from .html_renderer import esc
from .measure import PT_PER_MM

PAPER_MM = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}  # landscape: width, height
MARGIN_MM = 10.0
ROW_LABEL_WEIGHT, AISLE_WEIGHT = 0.7, 0.35
FULL_NAME_MIN_PT, SMALLEST_PT = 6.0, 4.0


def _fit(text: str, width_mm: float, largest: float, *, bold: bool = False) -> float:
    """The largest size up to `largest` at which `text` fits `width_mm` on one line."""
    one = text_width_pt(text, 1.0, bold=bold) / PT_PER_MM
    return largest if one <= 0 else min(largest, 0.92 * width_mm / one)


def seat_text(seat: Mapping, width_mm: float, largest: float) -> tuple[str, float]:
    """(text, size) printed in a seat's cell: the full name when it fits at 6 pt or more,
    else the short one, never below 4 pt."""
    name = str(seat.get("name") or "")
    if not name:
        return "", largest
    size = _fit(name, width_mm, largest)
    if size >= FULL_NAME_MIN_PT:
        return name, size
    short = str(seat.get("short") or name)
    return short, max(_fit(short, width_mm, largest), SMALLEST_PT)


def _columns(blocks: Sequence[Mapping]) -> list[tuple[str, float]]:
    """(kind, weight) of every column: row label, then per block its seats, an aisle between
    blocks, and the row label again at the right."""
    cols = [("label", ROW_LABEL_WEIGHT)]
    for i, block in enumerate(blocks):
        if i:
            cols.append(("aisle", AISLE_WEIGHT))
        cols.extend(("seat", 1.0) for _ in range(int(block["seats_per_row"])))
    cols.append(("label", ROW_LABEL_WEIGHT))
    return cols


def chart_html(payload: Mapping) -> tuple[str, str]:
    """(body HTML, page CSS) of the chart."""
    paper = payload.get("paper", "A4")
    width, height = PAPER_MM.get(paper, PAPER_MM["A4"])
    blocks = payload["blocks"]
    cols = _columns(blocks)
    total = sum(w for _, w in cols)
    usable = width - 2 * MARGIN_MM
    seat_mm = usable / total
    rows_count = max((len(b["rows"]) for b in blocks), default=0)
    # The rows share the height left under the title and the stage.
    row_mm = max(4.0, min(9.0, (height - 2 * MARGIN_MM - 40) / max(rows_count + 2, 1)))
    largest = min(9.0, row_mm * PT_PER_MM * 0.62)
    colgroup = "".join(f'<col style="width:{100 * w / total:.3f}%">' for _, w in cols)
    head_names = ['<th class="label">Hàng</th>']
    head_numbers = ['<th class="label"></th>']
    for i, block in enumerate(blocks):
        if i:
            head_names.append('<th class="aisle"></th>')
            head_numbers.append('<th class="aisle"></th>')
        head_names.append(f'<th colspan="{block["seats_per_row"]}">{esc(block["name"])}</th>')
        head_numbers.extend(
            f'<th class="number">{n}</th>' for n in range(1, int(block["seats_per_row"]) + 1)
        )
    head_names.append('<th class="label">Hàng</th>')
    head_numbers.append('<th class="label"></th>')
    body = []
    for r in range(rows_count):
        cells = [f'<td class="label">{r + 1}</td>']
        for i, block in enumerate(blocks):
            if i:
                cells.append('<td class="aisle"></td>')
            row = block["rows"][r] if r < len(block["rows"]) else []
            by_number = {int(s["number"]): s for s in row}
            for n in range(1, int(block["seats_per_row"]) + 1):
                seat = by_number.get(n)
                if seat is None:
                    cells.append('<td class="none"></td>')
                    continue
                text, size = seat_text(seat, seat_mm, largest)
                css = "seat reserved" if seat.get("reserved") else "seat"
                cells.append(f'<td class="{css}" style="font-size:{size:.2f}pt">{esc(text)}</td>')
        cells.append(f'<td class="label">{r + 1}</td>')
        body.append(f'<tr style="height:{row_mm:.2f}mm">{"".join(cells)}</tr>')
    html = (
        '<div class="title">SƠ ĐỒ CHỖ NGỒI</div>'
        f'<div class="subtitle">{esc(payload.get("title", ""))}</div>'
        f'<div class="stage">{esc(payload.get("stage") or "SÂN KHẤU")}</div>'
        f'<table class="chart"><colgroup>{colgroup}</colgroup>'
        f"<thead><tr>{''.join(head_names)}</tr><tr>{''.join(head_numbers)}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
        '<div class="legend">Hàng 1 là hàng gần sân khấu nhất; ghế đánh số từ trái sang phải '
        "nhìn về phía sân khấu; ô tô đậm là ghế dành cho lãnh đạo, khách mời.</div>"
        + _lookup_html(payload.get("lookup", ()))
    )
    css = f"""
@page {{ size: {paper} landscape; margin: {MARGIN_MM}mm; }}
body {{ font-family: "Liberation Serif"; margin: 0; }}
.title {{ text-align: center; font-weight: bold; font-size: 15pt; }}
.subtitle {{ text-align: center; font-size: 11pt; margin-bottom: 3mm; }}
.stage {{ margin: 0 auto 4mm; width: 45%; border: 1.2pt solid #000; text-align: center;
  font-weight: bold; padding: 2mm 0; font-size: 12pt; }}
table.chart {{ width: 100%; table-layout: fixed; border-collapse: collapse; }}
table.chart th {{ font-size: 7.5pt; font-weight: bold; text-align: center;
  vertical-align: bottom; padding: 0.3mm; }}
table.chart th.number {{ font-weight: normal; font-size: 6.5pt; }}
table.chart td {{ border: 0.4pt solid #555; text-align: center; vertical-align: baseline;
  white-space: nowrap; overflow: hidden; padding: 0.4mm 0.2mm; }}
table.chart td.label {{ border: none; font-size: 7pt; font-weight: bold; }}
table.chart td.aisle, table.chart td.none {{ border: none; }}
table.chart td.reserved {{ background: #e6e6e6; }}
.legend {{ font-size: 7pt; font-style: italic; margin-top: 2mm; }}
.lookup {{ page-break-before: always; column-count: 2; column-gap: 8mm; font-size: 9pt; }}
.lookup-title {{ column-span: all; text-align: center; font-weight: bold; font-size: 13pt;
  margin-bottom: 3mm; }}
.lookup p {{ margin: 0 0 0.8mm; break-inside: avoid; }}
"""
    return html, css


def _lookup_html(people: Sequence[Mapping]) -> str:
    """Everyone seated, in name order: "1. Ông Nguyễn Văn An (Thôn Đông): Khu B – Hàng 2 –
    Ghế 5", in two columns after the chart."""
    if not people:
        return ""

    def line(i: int, person: Mapping) -> str:
        unit = f" ({esc(person['unit'])})" if person.get("unit") else ""
        return f"<p>{i}. {esc(person['name'])}{unit}: <b>{esc(person['seat'])}</b></p>"

    lines = "".join(line(i, p) for i, p in enumerate(people, start=1))
    return f'<div class="lookup"><div class="lookup-title">DANH SÁCH CHỖ NGỒI</div>{lines}</div>'


def _card(person: Mapping, width_mm: float, *, largest: float) -> str:
    name = str(person["name"])
    size = max(_fit(name, width_mm, largest, bold=True), 10.0)
    detail = esc(person.get("detail", ""))
    return (
        f'<div class="name" style="font-size:{size:.1f}pt">{esc(name)}</div>'
        f'<div class="detail">{detail}</div>'
        f'<div class="seat">{esc(person.get("seat", ""))}</div>'
    )


def cards_html(payload: Mapping) -> tuple[str, str]:
    """(body HTML, page CSS) of the place cards: "folded" puts one card on an A4 (landscape,
    folded along the middle: the upper half upside down, to stand on the table); "sheet"
    puts eight to an A4 (two columns, four rows) to cut out."""
    people = payload["people"]
    if payload.get("layout") == "sheet":
        cells = "".join(f'<div class="card">{_card(p, 95.0, largest=22.0)}</div>' for p in people)
        css = """
@page { size: A4 portrait; margin: 8mm 2mm; }
body { font-family: "Liberation Serif"; margin: 0; }
.sheet { display: flex; flex-wrap: wrap; }
.card { width: 102mm; height: 69.5mm; border: 0.5pt dashed #777; box-sizing: border-box;
  padding: 6mm 3mm; text-align: center; page-break-inside: avoid; }
.name { font-weight: bold; margin-top: 8mm; }
.detail { font-size: 11pt; margin-top: 3mm; }
.seat { font-size: 10pt; margin-top: 4mm; }
"""
        return f'<div class="sheet">{cells}</div>', css
    pages = "".join(
        '<div class="page">'
        f'<div class="half upside">{_card(p, 270.0, largest=60.0)}</div>'
        f'<div class="half">{_card(p, 270.0, largest=60.0)}</div>'
        "</div>"
        for p in people
    )
    css = """
@page { size: A4 landscape; margin: 0; }
body { font-family: "Liberation Serif"; margin: 0; }
.page { width: 297mm; height: 210mm; page-break-after: always; }
.page:last-child { page-break-after: auto; }
.half { height: 105mm; box-sizing: border-box; padding: 22mm 12mm 0; text-align: center; }
.half.upside { transform: rotate(180deg); border-top: 0.4pt dashed #999; }
.name { font-weight: bold; }
.detail { font-size: 16pt; margin-top: 4mm; }
.seat { font-size: 13pt; margin-top: 3mm; }
"""
    return pages, css


def render_html_pdf(body: str, css: str, title: str) -> bytes:
    from .pdf_renderer import base_stylesheets, render_html, stylesheet, write_pdf

    html = f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{esc(title)}'
    html += f"</title></head><body>{body}</body></html>"
    sheets = [base_stylesheets()[0], stylesheet(f"seating:{hash(css)}", string=css)]
    return write_pdf(render_html(html, sheets))


def render_chart_pdf(payload: Mapping) -> bytes:
    body, css = chart_html(payload)
    return render_html_pdf(body, css, "Sơ đồ chỗ ngồi")


def render_cards_pdf(payload: Mapping) -> bytes:
    body, css = cards_html(payload)
    return render_html_pdf(body, css, "Thẻ chỗ ngồi")
