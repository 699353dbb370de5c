"""The award ceremony's papers: the script (kịch bản trao thưởng) with each group's presenter
and the MC's words, the call sheets (phiếu xếp hàng) for the helpers backstage, and A3
posters of honourees who agreed to publication. Data from `ceremony.selectors`; who may
print, from `ceremony.permissions`."""

import html
from pathlib import Path

from .base import ConferenceBuilder, Progress, Rendered, render_single


class _CeremonyBuilder(ConferenceBuilder):
    def can_request(self, user, target) -> bool:
        from ceremony.permissions import can_view_ceremony

        return can_view_ceremony(user, target)

    def collect(self, target, params: dict) -> dict:
        from ceremony.selectors import script_document_data

        return script_document_data(target)

    def missing(self, payload) -> list[str]:
        if payload["groups"]:
            return []
        return ["hội nghị chưa có quyết định khen thưởng đã ban hành"]


def _entries_table(entries: list[dict], *, sign_column: bool = False):
    from documents.engine.blocks import Table

    columns = ["Vị trí", "Tên tập thể, cá nhân", "Đơn vị", "Số sổ vàng"]
    widths = [1.2, 5, 5, 1.6]
    if sign_column:
        columns.append("Có mặt")
        widths.append(1.4)
    rows = tuple(
        (str(e["position"]), e["name"], e["unit"], e["gold_book"], *([""] if sign_column else []))
        for e in entries
    )
    align = ("center", "left", "left", "center", *(("center",) if sign_column else ()))
    return Table(tuple(columns), rows, widths=tuple(widths), align=align, font_size=12)


def script_document(payload: dict):
    from documents.engine.blocks import Document, Heading, Title, para

    blocks = [
        para(payload["organiser"].upper(), style="centered", bold=True),
        Title("KỊCH BẢN TRAO THƯỞNG", (payload["conference"],)),
    ]
    for group in payload["groups"]:
        blocks += [
            Heading(2, group["title"]),
            para(f"Quyết định số {group['decision']}.", style="plain", italic=True),
            para(f"Người trao: {group['presenter'] or '(chưa chọn)'}", style="plain", bold=True),
            para(f"Người dẫn chương trình: {group['words']}"),
            _entries_table(group["entries"]),
        ]
    return Document(blocks=tuple(blocks), title="Kịch bản trao thưởng")


def call_sheets_document(payload: dict):
    from documents.engine.blocks import Document, PageBreak, Title, para

    blocks: list = []
    for i, group in enumerate(payload["groups"]):
        if i:
            blocks.append(PageBreak())
        blocks += [
            Title("PHIẾU XẾP HÀNG", (group["title"],), rule=False),
            para(
                "Xếp hàng từ trái sang phải nhìn từ dưới hội trường lên sân khấu: vị trí 1 "
                "đứng ngoài cùng bên trái.",
                style="plain",
                italic=True,
            ),
            _entries_table(group["entries"], sign_column=True),
            para(f"Người trao: {group['presenter'] or '(chưa chọn)'}", style="plain"),
        ]
    return Document(blocks=tuple(blocks), title="Phiếu xếp hàng", page_numbers_from=0)


class CeremonyScriptBuilder(_CeremonyBuilder):
    kind = "ceremony_script"
    label = "Kịch bản trao thưởng"

    def title(self, target) -> str:
        return f"Kịch bản trao thưởng — {target.title}"

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        return render_single(script_document(payload), fmt, "kich-ban-trao-thuong", progress)


class CallSheetsBuilder(_CeremonyBuilder):
    kind = "ceremony_call_sheets"
    label = "Phiếu xếp hàng lên sân khấu"

    def title(self, target) -> str:
        return f"Phiếu xếp hàng — {target.title}"

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        return render_single(call_sheets_document(payload), fmt, "phieu-xep-hang", progress)


# --- A3 posters ----------------------------------------------------------------------------------
POSTER_CSS = """
@page { size: A3 portrait; margin: 18mm; }
body { font-family: "Liberation Serif"; color: #3a0d0d; }
.poster { page-break-after: always; text-align: center; height: 380mm; border: 3mm double #b8860b;
  padding: 12mm; }
.poster:last-child { page-break-after: auto; }
.org { font-size: 16pt; text-transform: uppercase; margin: 0; }
.head { font-size: 40pt; color: #9b1c1c; font-weight: bold; margin: 6mm 0; }
.photo { max-width: 170mm; max-height: 190mm; border: 2mm solid #b8860b; }
.name { font-size: 34pt; font-weight: bold; color: #9b1c1c; margin: 8mm 0 2mm; }
.meta { font-size: 16pt; margin: 0 0 4mm; }
.line { font-size: 18pt; font-weight: bold; margin: 0 0 4mm; }
.story { font-size: 14pt; text-align: justify; white-space: pre-line; }
"""


def _poster_html(payload: dict) -> str:
    pages = []
    for person in payload["people"]:
        photo = (
            f'<img class="photo" src="{Path(person["photo"]).as_uri()}">' if person["photo"] else ""
        )
        meta = ", ".join(t for t in (person["title"], person["unit"]) if t)
        pages.append(
            '<section class="poster">'
            f'<p class="org">{html.escape(payload["organiser"])}</p>'
            '<p class="head">VINH DANH</p>'
            f"{photo}"
            f'<p class="name">{html.escape(person["name"])}</p>'
            f'<p class="meta">{html.escape(meta)}<br>{html.escape(person["award"])}</p>'
            f'<p class="line">{html.escape(person["line"])}</p>'
            f'<p class="story">{html.escape(person["story"])}</p>'
            "</section>"
        )
    return f"<!doctype html><html lang='vi'><body>{''.join(pages)}</body></html>"


class PosterBuilder(ConferenceBuilder):
    """Params: `line` (one honouree's award line) or `group` (a group's number); neither:
    every honouree who agreed to publication."""

    kind = "honour_poster"
    label = "Áp phích vinh danh (A3)"
    formats = ("pdf",)

    def can_request(self, user, target) -> bool:
        from ceremony.permissions import can_view_ceremony

        return can_view_ceremony(user, target)

    def title(self, target) -> str:
        return f"Áp phích vinh danh — {target.title}"

    def collect(self, target, params: dict) -> dict:
        from ceremony.selectors import poster_people

        people = poster_people(target, line_id=params.get("line"), group_number=params.get("group"))
        return {"organiser": target.organiser.name, "people": people}

    def missing(self, payload) -> list[str]:
        if payload["people"]:
            return []
        return ["chưa có người được khen nào đồng ý công khai trong phần đã chọn"]

    def preview_payload(self, payload, count: int):
        return None

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        from documents.engine.pdf_renderer import (
            base_stylesheets,
            render_html,
            stylesheet,
            write_pdf,
        )

        progress(0, 1)
        folders = {str(Path(p["photo"]).parent) for p in payload["people"] if p["photo"]}
        sheets = [base_stylesheets()[0], stylesheet("ceremony-poster", string=POSTER_CSS)]
        content = write_pdf(render_html(_poster_html(payload), sheets, allowed_dirs=folders))
        progress(1, 1)
        return Rendered(content, "ap-phich-vinh-danh.pdf")


# --- the slides (PowerPoint) and the honour board (a static site) ------------------------------
def _read_stored(name: str) -> bytes:
    """A stored file (a photo, the background) by its storage name: no database access."""
    from django.core.files.storage import default_storage

    with default_storage.open(name, "rb") as handle:
        return handle.read()


class SlidesBuilder(_CeremonyBuilder):
    """The stage slides: a title slide per group, one slide per honouree with their photo."""

    kind = "ceremony_slides"
    label = "Trình chiếu lễ trao thưởng (PowerPoint)"
    formats = ("pptx",)

    def title(self, target) -> str:
        return f"Trình chiếu PowerPoint — {target.title}"

    def collect(self, target, params: dict) -> dict:
        from ceremony.selectors import slides_document_data

        return slides_document_data(target)

    def missing(self, payload) -> list[str]:
        if payload["slides"]:
            return []
        return ["hội nghị chưa có quyết định khen thưởng đã ban hành"]

    def preview_payload(self, payload, count: int):
        return None

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        from .ceremony_media import build_pptx

        return Rendered(build_pptx(payload, _read_stored, progress), "trinh-chieu.pptx")


class HonourBoardZipBuilder(_CeremonyBuilder):
    """The public honour board as a folder for the commune's portal: only the honourees who
    agreed to publication."""

    kind = "honour_board_zip"
    label = "Bảng vinh danh (trang web tĩnh, ZIP)"
    formats = ("zip",)

    def title(self, target) -> str:
        return f"Bảng vinh danh (ZIP) — {target.title}"

    def collect(self, target, params: dict) -> dict:
        from ceremony.selectors import board_document_data

        return board_document_data(target)

    def missing(self, payload) -> list[str]:
        if payload["people"]:
            return []
        return ["chưa có người được khen nào đồng ý công khai"]

    def preview_payload(self, payload, count: int):
        return None

    def render(self, payload, fmt: str, progress: Progress) -> Rendered:
        from .ceremony_media import build_board_zip

        return Rendered(build_board_zip(payload, _read_stored, progress), "bang-vinh-danh.zip")
