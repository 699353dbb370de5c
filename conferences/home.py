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


def _recent_conferences(user) -> list:
    return list(selectors.visible_conferences(user)[:10])


def _panel(role: str, title: str, intro: str, empty: str, items=None):
    """The builder of one role's panel: its words, `items(user)` (nothing when None) and the
    user's units in that role."""

    def build(user) -> Panel:
        return Panel(
            role=role,
            title=title,
            intro=intro,
            items=items(user) if items else [],
            empty=empty,
            units=_units_with(user, role),
        )

    return build


PANEL_BUILDERS = {
    Role.STAFF: _panel(
        Role.STAFF,
        "Trang làm việc của cán bộ thi đua - khen thưởng",
        "Hội nghị đang chuẩn bị tại đơn vị của bạn.",
        "Chưa có hội nghị nào.",
        _recent_conferences,
    ),
    Role.LEADER: _panel(
        Role.LEADER,
        "Trang làm việc của lãnh đạo",
        "Kế hoạch và quyết định chờ bạn duyệt, ký.",
        "Không có văn bản nào chờ duyệt.",
    ),
    Role.COUNCIL: _panel(
        Role.COUNCIL,
        "Trang làm việc của thành viên Hội đồng Thi đua - Khen thưởng",
        "Hồ sơ đề nghị khen thưởng chờ bạn cho ý kiến.",
        "Không có hồ sơ nào chờ bình xét.",
    ),
    Role.SUBMITTER: _panel(
        Role.SUBMITTER,
        "Trang làm việc của đơn vị",
        "Hội nghị mà đơn vị bạn tham gia: gửi danh sách đề nghị khen thưởng và đại biểu.",
        "Chưa có hội nghị nào mời đơn vị bạn.",
        _recent_conferences,
    ),
    Role.REPORTER: _panel(
        Role.REPORTER,
        "Trang làm việc của cơ quan được phân công",
        "Nhiệm vụ được giao cho cơ quan bạn.",
        "Chưa có nhiệm vụ nào được giao.",
    ),
    Role.CLERK: _panel(
        Role.CLERK,
        "Trang làm việc của văn thư",
        "Văn bản lãnh đạo đã duyệt, chờ vào số và ban hành.",
        "Không có văn bản nào chờ ban hành.",
    ),
    Role.ADMIN: _panel(
        Role.ADMIN,
        "Quản trị người dùng",
        "Thêm người dùng và giao vai trò trong đơn vị của bạn.",
        "",
        lambda user: _units_with(user, Role.ADMIN),
    ),
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
