"""Fixed lists shared by forms, Excel imports and exports, and reports, so that the same thing
is always written the same way: the 54 ethnic groups of Việt Nam (Danh mục các dân tộc Việt Nam,
Tổng cục Thống kê), by their usual written names."""

from __future__ import annotations

import re

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
