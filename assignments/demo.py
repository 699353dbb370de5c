"""Demo data for assignments (registered with core.extensions.register_demo_seeder).
Idempotent: a conference that already has assignments is left as it is."""

import datetime as dt

from conferences.models import Conference, Unit

from .demo_data import DUC_GIANG_BLOCKS, THANH_TRI_BLOCKS
from .models import Assignment, DeadlineKind, Duty, Milestone

DUC_GIANG_TITLE = (
    "Hội nghị điển hình tiên tiến phường Đức Giang tiến tới Đại hội thi đua yêu nước các cấp "
    "giai đoạn 2020-2025"
)
# (code, name, short name, kind) under Hà Nội, then under HN-DG.
DUC_GIANG_UNIT = ("HN-DG", "Ủy ban nhân dân phường Đức Giang", "UBND phường Đức Giang", "commune")
DUC_GIANG_CHILDREN = [
    ("HN-DG-VP", "Văn phòng HĐND và UBND phường Đức Giang", "Văn phòng HĐND&UBND", "office"),
    ("HN-DG-VHTT", "Bộ phận Văn hóa thông tin phường Đức Giang", "Bộ phận VHTT", "office"),
    ("HN-DG-TCKT", "Bộ phận Tài chính - Kế toán phường Đức Giang", "Bộ phận TC-KT", "office"),
]
THANH_TRI_GROUP = (
    "HN-TT-CQDV",
    "UBND các xã, thị trấn, các cơ quan, đơn vị",
    "Các xã, thị trấn, cơ quan, đơn vị",
    "organisation",
)

# Thượng Hồng: (unit code, heading, role, supported code, [(text, offset days or None)]).
THUONG_HONG_BLOCKS = [
    ("HP-TH-VHXH", "Phòng Văn hóa - Xã hội", "lead", "", [
        ("Tham mưu UBND xã xây dựng Kế hoạch tổ chức Hội nghị điển hình tiên tiến.", -60),
        ("Tổng hợp danh sách, tóm tắt thành tích các tập thể, cá nhân đề nghị biểu dương.", -20),
        ("Tham mưu Quyết định khen thưởng, in Giấy khen và chuẩn bị tiền thưởng.", -5),
    ]),
    ("HP-TH-VP", "Văn phòng HĐND và UBND", "lead", "", [
        ("Phát hành giấy mời đại biểu và các tập thể, cá nhân được biểu dương.", -7),
        ("Chuẩn bị hội trường, đón tiếp đại biểu và dẫn chương trình Hội nghị.", 0),
    ]),
    ("HP-TH-CA", "Công an xã", "lead", "", [
        ("Xây dựng phương án bảo đảm an ninh trật tự, phòng cháy, chữa cháy phục vụ Hội nghị.", -30),
        ("Kiểm tra, bố trí lực lượng bảo vệ khu vực hội trường.", -1),
        ("Bảo đảm an ninh trật tự, hướng dẫn phân luồng giao thông trong thời gian diễn ra Hội nghị.", 0),
    ]),
    ("HP-TH-QS", "Ban Chỉ huy Quân sự xã", "support", "HP-TH-CA", [
        ("Phối hợp với Công an xã bố trí lực lượng bảo vệ Hội nghị.", -1),
    ]),
    ("HP-TH-DL", "Đề nghị Đội Quản lý điện Thượng Hồng", "lead", "", [
        ("Đảm bảo nguồn điện trong thời gian diễn ra Hội nghị.", 0),
    ]),
]  # fmt: skip
THUONG_HONG_MILESTONES = [
    ("Họp Hội đồng Thi đua - Khen thưởng triển khai xây dựng kế hoạch.", -60, ["HP-TH-VHXH"]),
    ("Các đơn vị gửi báo cáo, danh sách đề nghị biểu dương về Hội đồng.", -40, []),
    ("Hội đồng Thi đua - Khen thưởng họp bình xét, thống nhất danh sách.", -30, ["HP-TH-VHXH"]),
    ("Hoàn chỉnh báo cáo, chuẩn bị các điều kiện phục vụ Hội nghị.", -10, ["HP-TH-VP"]),
    ("Tổ chức Hội nghị.", 0, ["HP-TH-VP", "HP-TH-VHXH"]),
]


def _ensure_unit(parent_code: str, code: str, name: str, short: str, kind: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        parent = Unit.objects.get(code=parent_code)
        unit = Unit(code=code, name=name, short_name=short, kind=kind)
        unit = Unit.objects.add_child(parent, instance=unit)
    return unit


def _add_blocks(conference: Conference, blocks: list, note_of=lambda b: b[5]) -> None:
    """blocks: (code, heading, role, supports code, duties, ...); duties are texts or
    (text, offset days) pairs."""
    by_code: dict[str, Assignment] = {}
    for order, block in enumerate(blocks, start=1):
        code, heading, role, _supports, duties = block[:5]
        assignment = Assignment.objects.create(
            conference=conference,
            unit=Unit.objects.get(code=code),
            role=role,
            order=order,
            heading=heading,
            note=note_of(block),
        )
        by_code[code] = assignment
        Duty.objects.bulk_create(_duty(assignment, i, d) for i, d in enumerate(duties, start=1))
    for code, *_rest in blocks:
        supported = next(b[3] for b in blocks if b[0] == code)
        if supported:
            by_code[code].supports = by_code[supported]
            by_code[code].save(update_fields=["supports"])


def _duty(assignment: Assignment, order: int, item) -> Duty:
    text, offset = item if isinstance(item, tuple) else (item, None)
    kind = DeadlineKind.NONE if offset is None else DeadlineKind.RELATIVE
    return Duty(
        assignment=assignment, order=order, text=text, deadline_kind=kind, offset_days=offset
    )


def _seed_thanh_tri(stdout) -> None:
    conference = Conference.objects.filter(organiser__code="HN-TT").order_by("pk").first()
    if conference is None or conference.assignments.exists():
        return
    _ensure_unit("HN-TT", *THANH_TRI_GROUP)
    _add_blocks(conference, THANH_TRI_BLOCKS)
    stdout.write(f"Phân công nhiệm vụ: {len(THANH_TRI_BLOCKS)} cơ quan (Thanh Trì)")


def _seed_duc_giang(stdout) -> None:
    _ensure_unit("HN", *DUC_GIANG_UNIT)
    for child in DUC_GIANG_CHILDREN:
        _ensure_unit("HN-DG", *child)
    ward = Unit.objects.get(code="HN-DG")
    # The delegates seeder may have made this conference already (same organiser and title).
    conference = Conference.objects.filter(
        organiser=ward, title__startswith=DUC_GIANG_TITLE[:60]
    ).first() or Conference.objects.create(
        organiser=ward,
        title=DUC_GIANG_TITLE,
        kind=Conference.Kind.EXEMPLAR_FIVE_YEAR,
        start_year=2020,
        end_year=2025,
        length=Conference.Length.HALF_DAY,
        date_precision=Conference.DatePrecision.MONTH,
        date=dt.date(2020, 3, 1),
        date_note=(
            "Do tình hình dịch bệnh Covid - 19 đang diễn biến phức tạp, nên ngày tổ chức sẽ "
            "được thông báo sau"
        ),
    )
    if not conference.assignments.exists():
        _add_blocks(conference, DUC_GIANG_BLOCKS)
        stdout.write(f"Phân công nhiệm vụ: {len(DUC_GIANG_BLOCKS)} bộ phận (Đức Giang)")


def _seed_thuong_hong(stdout) -> None:
    conference = Conference.objects.filter(organiser__code="HP-TH").order_by("pk").first()
    if conference is None or conference.assignments.exists():
        return
    _add_blocks(conference, THUONG_HONG_BLOCKS, note_of=lambda b: "")
    for order, (title, offset, codes) in enumerate(THUONG_HONG_MILESTONES, start=1):
        milestone = Milestone.objects.create(
            conference=conference,
            order=order,
            title=title,
            deadline_kind=DeadlineKind.RELATIVE,
            offset_days=offset,
        )
        milestone.units.set(Unit.objects.filter(code__in=codes))
    stdout.write("Phân công nhiệm vụ và mốc thời gian: Thượng Hồng")


# Văn Yên's "Dự kiến thời gian": (kind, date or offset from 31/3/2020, label, title).
VAN_YEN_STEPS = [
    ("absolute", dt.date(2020, 3, 15), "", "Họp Hội đồng TĐKT triển khai xây dựng kế hoạch tổ chức Hội nghị điển hình tiên tiến giai đoạn 2020-2025;"),
    ("none", None, "Từ ngày 15-17/3/2020", "hoàn chỉnh và gửi kế hoạch chi tiết cho các ban ngành, đơn vị, tổ dân phố để thực hiện;"),
    ("none", None, "Từ 18 – 20/3/2020", "các ban ngành, đoàn thể, tổ dân phố chuẩn bị báo cáo, tiến hành họp bình xét các tập thể, cá nhân tiêu biểu tham dự Hội nghị; tóm tắt thành tích của các tập thể, cá nhân đề nghị vinh danh."),
    ("absolute", dt.date(2020, 3, 23), "", "các đơn vị gửi báo cáo, danh sách đại biểu đề xuất vinh danh và tóm tắt thành tích của các tập thể, cá nhân về Hội đồng TĐKT phường."),
    ("relative", -6, "", "Hội đồng TĐKT họp lần 2 thống nhất thành phần, số lượng đại biểu, phân công phát biểu tham luận tại Hội nghị; dự kiến tập thể, cá nhân tham dự Hội nghị điển hình tiên tiến Thành phố (theo số lượng phân bổ 01 tập thể và 05 cá nhân)."),
    ("none", None, "Ngày 25 - 27/3/2020", "hoàn chỉnh báo cáo Tổng kết phong trào thi đua và công tác khen thưởng 5 năm 2015–2020; phương hướng nhiệm vụ và giải pháp 5 năm 2020 - 2025; chuẩn bị các điều kiện phục vụ Hội nghị."),
    ("relative", 0, "", "tổ chức Hội nghị."),
]  # fmt: skip


def _seed_van_yen(stdout) -> None:
    conference = Conference.objects.filter(organiser__code="HT-VY").order_by("pk").first()
    if conference is None or conference.milestones.exists():
        return
    for order, (kind, value, label, title) in enumerate(VAN_YEN_STEPS, start=1):
        Milestone.objects.create(
            conference=conference,
            order=order,
            title=title,
            date_label=label,
            deadline_kind=kind,
            deadline_date=value if kind == DeadlineKind.ABSOLUTE else None,
            offset_days=value if kind == DeadlineKind.RELATIVE else None,
        )
    stdout.write(f"Các bước triển khai: {len(VAN_YEN_STEPS)} mốc (Văn Yên)")


def seed_demo_assignments(stdout) -> None:
    """The Thanh Trì and Đức Giang plans' assignments, word for word, and a Thượng Hồng
    example with relative deadlines and milestones (Công an xã reports as `congan`)."""
    _seed_thanh_tri(stdout)
    _seed_duc_giang(stdout)
    _seed_thuong_hong(stdout)
    _seed_van_yen(stdout)
