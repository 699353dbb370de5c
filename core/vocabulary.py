"""Fixed lists shared by forms, Excel imports and exports, and reports, so that the same thing
is always written the same way: the 54 ethnic groups of Việt Nam (Danh mục các dân tộc Việt Nam,
Tổng cục Thống kê), by their usual written names, and the fields of work (lĩnh vực) the plans'
delegate structure counts, for delegates and nominees alike."""

from __future__ import annotations

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from .errors import DomainError
from .vntext import fold

ETHNIC_GROUPS = (
    "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "Mông", "Dao", "Gia Rai",
    "Ê Đê", "Ba Na", "Sán Chay", "Chăm", "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê", "Ra Glai",
    "Mnông", "Thổ", "Xtiêng", "Khơ Mú", "Bru - Vân Kiều", "Cơ Tu", "Giáy", "Tà Ôi", "Mạ",
    "Giẻ - Triêng", "Co", "Chơ Ro", "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "Kháng", "La Chí",
    "Phù Lá", "La Hủ", "La Ha", "Pà Thẻn", "Lự", "Ngái", "Chứt", "Lô Lô", "Mảng", "Cơ Lao",
    "Bố Y", "Cống", "Si La", "Pu Péo", "Rơ Măm", "Brâu", "Ơ Đu",
)  # fmt: skip

# Other spellings met in lists offices keep.
_ALIASES = {
    "hmong": "Mông", "hmông": "Mông", "meo": "Mông", "khome": "Khmer", "khơme": "Khmer",
    "jarai": "Gia Rai", "ede": "Ê Đê", "bahnar": "Ba Na", "kho": "Cơ Ho", "koho": "Cơ Ho",
    "sedang": "Xơ Đăng", "raglai": "Ra Glai", "stieng": "Xtiêng", "khmu": "Khơ Mú",
    "vankieu": "Bru - Vân Kiều", "bru": "Bru - Vân Kiều", "katu": "Cơ Tu", "taoi": "Tà Ôi",
    "gietrieng": "Giẻ - Triêng", "choro": "Chơ Ro", "xinhmun": "Xinh Mun", "hanhi": "Hà Nhì",
    "churu": "Chu Ru", "puna": "Pu Péo", "romam": "Rơ Măm", "brau": "Brâu", "odu": "Ơ Đu",
}  # fmt: skip


def _key(text: str) -> str:
    """Case, diacritics, spaces, hyphens and apostrophes ignored: "H'Mông" -> "hmong"."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


_BY_KEY = {_key(name): name for name in ETHNIC_GROUPS}
_BY_KEY.update({_key(alias): name for alias, name in _ALIASES.items()})


def ethnic_group(text: str | None) -> str:
    """The list's name for what was typed ("" for nothing); DomainError for a name not in it."""
    if not (text or "").strip():
        return ""
    found = _BY_KEY.get(_key(text))
    if found is None:
        raise DomainError(
            f"Dân tộc “{text.strip()[:40]}” không có trong danh mục 54 dân tộc Việt Nam.",
            field="ethnicity",
        )
    return found


class Sector(models.TextChoices):
    """Lĩnh vực: the groups the plans' delegate structure (cơ cấu đại biểu) counts."""

    ECONOMY = "economy", _("Kinh tế")
    CULTURE = "culture", _("Văn hóa")
    SOCIETY = "society", _("Xã hội")
    SECURITY = "security", _("An ninh")
    DEFENCE = "defence", _("Quốc phòng")
    PARTY_STATE = "party_state", _("Xây dựng Đảng, chính quyền")
    MASS_ORGANISATIONS = "mass_org", _("Mặt trận, đoàn thể")
    RELIGION = "religion", _("Tôn giáo")


def sector_value(text: str | None) -> str:
    """The list's code for a field of work typed as its name or code ("" for nothing);
    DomainError for anything else. No guessing: "Văn hóa - Xã hội" or "Giáo dục" name no one
    group, so the office chooses (the forms and the Excel template offer the list)."""
    if not (text or "").strip():
        return ""
    key = _key(text)
    for value, label in Sector.choices:
        if key in (_key(value), _key(str(label))):
            return value
    names = ", ".join(str(label) for label in Sector.labels)
    raise DomainError(
        f"Lĩnh vực “{text.strip()[:40]}” không có trong danh sách; ghi một trong: {names}.",
        field="sector",
    )


# Chức vụ: the positions lists of a commune's conference write most often. A suggestion, not a
# rule: a position is whatever the person's appointment says, so the forms offer these as one
# types and accept any other.
POSITIONS = (
    "Bí thư Đảng ủy", "Phó Bí thư Đảng ủy", "Chủ tịch Hội đồng nhân dân",
    "Phó Chủ tịch Hội đồng nhân dân", "Chủ tịch Ủy ban nhân dân", "Phó Chủ tịch Ủy ban nhân dân",
    "Chủ tịch Ủy ban Mặt trận Tổ quốc", "Bí thư Chi bộ", "Trưởng thôn", "Phó Trưởng thôn",
    "Tổ trưởng tổ dân phố", "Trưởng ban công tác Mặt trận", "Chi hội trưởng Hội Nông dân",
    "Chi hội trưởng Hội Phụ nữ", "Chi hội trưởng Hội Cựu chiến binh", "Bí thư Chi đoàn",
    "Công chức Văn hóa - Xã hội", "Công chức Văn phòng - Thống kê", "Trưởng Công an",
    "Chỉ huy trưởng Ban Chỉ huy quân sự", "Hiệu trưởng", "Phó Hiệu trưởng", "Giáo viên",
    "Trạm trưởng Trạm Y tế", "Bác sĩ", "Giám đốc hợp tác xã", "Chủ hộ kinh doanh", "Nông dân",
    "Công nhân", "Học sinh", "Sinh viên", "Hưu trí", "Người có uy tín",
)  # fmt: skip
