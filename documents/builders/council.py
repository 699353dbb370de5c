"""The minutes of a council sitting (biên bản họp Hội đồng Thi đua - Khen thưởng). Data comes
from `honorees.selectors.council_minutes_data`; who may print, from
`honorees.permissions.can_print_minutes`."""

from .base import Builder, Progress, Rendered, render_single

RESULT_COLUMNS = (
    "STT",
    "Tập thể, cá nhân",
    "Đơn vị",
    "Hình thức đề nghị",
    "Đồng ý",
    "Không đồng ý",
    "Tỷ lệ đồng ý",
    "Tỷ lệ cần đạt",
    "Kết quả",
)


def _results_table(rows: list[dict]):
    from documents.engine.blocks import Cell, Table

    body = [
        (
            str(r["stt"]),
            r["name"],
            r["unit"],
            r["award"],
            str(r["agree"]),
            str(r["disagree"]),
            r["share"] + (f"; tính cả {r['written']} phiếu bằng văn bản" if r["written"] else ""),
            r["rule"],
            r["result"],
        )
        for r in rows
    ]
    if not body:
        body = [(Cell("Không có hồ sơ nào được đưa ra biểu quyết.", colspan=9, italic=True),)]
    return Table(
        RESULT_COLUMNS,
        tuple(body),
        widths=(1.4, 4.2, 3.4, 3.4, 2.2, 1.8, 2.6, 3.6, 4.4),
        align=("center", "left", "left", "left", "center", "center", "center", "left", "left"),
        font_size=11,
    )


def minutes_document(data: dict):
    """The engine's blocks for the minutes: A4 landscape (a wide results table)."""
    from documents.engine.blocks import (
        Document,
        Header,
        Heading,
        PageSetup,
        Signature,
        Title,
        items,
        para,
    )

    present, absent = data["present"], data["absent"]
    blocks = [
        Header(data["issuing_body"], data["parent_body"], "", data["place_date"]),
        Title("BIÊN BẢN", ("Họp Hội đồng Thi đua - Khen thưởng", data["round"])),
        para(f"Thời gian: {data['time']}.", "plain"),
        para(f"Địa điểm: {data['place']}.", "plain"),
        para(f"Chủ trì: {data['chair']}.", "plain"),
        para(f"Thư ký: {data['secretary']}.", "plain"),
        Heading(1, "I. THÀNH PHẦN"),
        para(
            f"Hội đồng có {data['members']} thành viên; có mặt {len(present)} thành viên, "
            f"vắng mặt {len(absent)} thành viên.",
            "body",
        ),
        para("Thành viên có mặt:", "plain", bold=True),
        items(present or ["Không có."], "numbered" if present else "none"),
        para("Thành viên vắng mặt:", "plain", bold=True),
        items(absent or ["Không có."], "numbered" if absent else "none"),
        para("Số thành viên có mặt theo quy định của từng hình thức:", "plain", italic=True),
        items(data["quorum"] or ["Không có hình thức nào được đưa ra biểu quyết."]),
        Heading(1, "II. KẾT QUẢ BIỂU QUYẾT"),
        para(
            "Tỷ lệ đồng ý tính trên tổng số thành viên Hội đồng hoặc trên số thành viên có mặt, "
            "theo quy định của từng hình thức khen thưởng.",
            "body",
            italic=True,
        ),
        _results_table(data["rows"]),
        Heading(1, "III. XẾP THỨ TỰ THEO SỐ LƯỢNG ĐƯỢC KHEN"),
        items(data["ranking"] or ["Không có hình thức nào vượt số lượng được khen."]),
        Heading(1, "IV. TRƯỜNG HỢP XÉT VƯỢT ĐIỀU KIỆN"),
        items(data["overrides"] or ["Không có."]),
        para(
            "Cuộc họp kết thúc vào hồi ..... giờ ..... cùng ngày. Biên bản đã được thông qua "
            "trước Hội đồng./.",
            "body",
        ),
        Signature(
            ("CHỦ TRÌ",),
            data["chair_name"],
            left_authority=("THƯ KÝ",),
            left_signer=data["secretary_name"],
        ),
    ]
    page = PageSetup(orientation="landscape", top_mm=20, bottom_mm=20, left_mm=30, right_mm=15)
    return Document(page=page, blocks=tuple(blocks), title="Biên bản họp Hội đồng")


class CouncilMinutesBuilder(Builder):
    kind = "council_minutes"
    label = "Biên bản họp Hội đồng Thi đua - Khen thưởng"
    formats = ("pdf", "docx")

    @property
    def target_model(self):
        from honorees.models import CouncilSitting

        return CouncilSitting

    def can_request(self, user, target) -> bool:
        from honorees.permissions import can_print_minutes

        return can_print_minutes(user, target)

    def scope_unit(self, target):
        return target.round.conference.organiser

    def conference(self, target):
        return target.round.conference

    def title(self, target) -> str:
        return f"Biên bản họp Hội đồng — {target.round.title}"

    def collect(self, target, params: dict) -> dict:
        from honorees.selectors import council_minutes_data

        return council_minutes_data(target)

    def missing(self, payload) -> list[str]:
        return [] if payload["present"] else ["Phiên họp chưa có thành viên nào có mặt"]

    def render(self, payload, fmt, progress: Progress) -> Rendered:
        return render_single(minutes_document(payload), fmt, "bien-ban-hop-hoi-dong", progress)
