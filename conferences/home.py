"""What waits for each role on the home page. Each panel is built from selectors; later
apps add their own panels through `PANEL_BUILDERS`."""

from dataclasses import dataclass, field

from core.extensions import home_items

from . import selectors
from .models import Role
from .permissions import memberships_of


@dataclass
class Panel:
    role: str
    title: str
    intro: str
    items: list = field(default_factory=list)
    empty: str = ""
    units: list = field(default_factory=list)
    # What other apps put here (core.extensions.HomeItem).
    extra: list = field(default_factory=list)


def _units_with(user, role: str) -> list:
    return [m.unit for m in memberships_of(user) if m.role == role]


def _panel_staff(user) -> Panel:
    return Panel(
        role=Role.STAFF,
        title="Trang làm việc của cán bộ thi đua - khen thưởng",
        intro="Hội nghị đang chuẩn bị tại đơn vị của bạn.",
        items=list(selectors.visible_conferences(user)[:10]),
        empty="Chưa có hội nghị nào.",
        units=_units_with(user, Role.STAFF),
    )


def _panel_leader(user) -> Panel:
    return Panel(
        role=Role.LEADER,
        title="Trang làm việc của lãnh đạo",
        intro="Kế hoạch và quyết định chờ bạn duyệt, ký.",
        empty="Không có văn bản nào chờ duyệt.",
        units=_units_with(user, Role.LEADER),
    )


def _panel_council(user) -> Panel:
    return Panel(
        role=Role.COUNCIL,
        title="Trang làm việc của thành viên Hội đồng Thi đua - Khen thưởng",
        intro="Hồ sơ đề nghị khen thưởng chờ bạn cho ý kiến.",
        empty="Không có hồ sơ nào chờ bình xét.",
        units=_units_with(user, Role.COUNCIL),
    )


def _panel_submitter(user) -> Panel:
    return Panel(
        role=Role.SUBMITTER,
        title="Trang làm việc của đơn vị",
        intro="Hội nghị mà đơn vị bạn tham gia: gửi danh sách đề nghị khen thưởng và đại biểu.",
        items=list(selectors.visible_conferences(user)[:10]),
        empty="Chưa có hội nghị nào mời đơn vị bạn.",
        units=_units_with(user, Role.SUBMITTER),
    )


def _panel_reporter(user) -> Panel:
    return Panel(
        role=Role.REPORTER,
        title="Trang làm việc của cơ quan được phân công",
        intro="Nhiệm vụ được giao cho cơ quan bạn.",
        empty="Chưa có nhiệm vụ nào được giao.",
        units=_units_with(user, Role.REPORTER),
    )


def _panel_clerk(user) -> Panel:
    return Panel(
        role=Role.CLERK,
        title="Trang làm việc của văn thư",
        intro="Văn bản lãnh đạo đã duyệt, chờ vào số và ban hành.",
        empty="Không có văn bản nào chờ ban hành.",
        units=_units_with(user, Role.CLERK),
    )


def _panel_admin(user) -> Panel:
    return Panel(
        role=Role.ADMIN,
        title="Quản trị người dùng",
        intro="Thêm người dùng và giao vai trò trong đơn vị của bạn.",
        items=_units_with(user, Role.ADMIN),
        empty="",
        units=_units_with(user, Role.ADMIN),
    )


PANEL_BUILDERS = {
    Role.STAFF: _panel_staff,
    Role.LEADER: _panel_leader,
    Role.COUNCIL: _panel_council,
    Role.SUBMITTER: _panel_submitter,
    Role.REPORTER: _panel_reporter,
    Role.CLERK: _panel_clerk,
    Role.ADMIN: _panel_admin,
}


def home_panels(user) -> list[Panel]:
    roles = {m.role for m in memberships_of(user)}
    if user.is_superuser:
        roles |= {Role.STAFF, Role.ADMIN}
    panels = []
    for role, build in PANEL_BUILDERS.items():
        if role in roles:
            panel = build(user)
            panel.extra = home_items(role, user)
            panels.append(panel)
    return panels
