"""The signer block (thể thức đề ký) of every paper, one model for plans, decisions,
invitations and notices (Nghị định 30/2020, Phụ lục I, mục 7).

Two questions make the block:

* does the signer sign for a collective body (UBND, HĐND, a council)? Then the block starts
  "TM. <BODY>" (thay mặt);
* who signs, in what capacity? The head ("CHỦ TỊCH"); a deputy in the head's place
  ("KT. CHỦ TỊCH" then "PHÓ CHỦ TỊCH"); an acting head ("Q. CHỦ TỊCH"); someone by the head's
  order or authorisation ("TL. CHỦ TỊCH" / "TUQ. CHỦ TỊCH" then their own title).

So a deputy chair signing for the commune's people's committee prints "TM. ỦY BAN NHÂN DÂN",
"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"; a decision of the commune chair (an individual authority)
prints "CHỦ TỊCH", never "TM.".
"""

from __future__ import annotations

import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class Capacity(models.TextChoices):
    HEAD = "", _("Người đứng đầu ký")
    KT = "KT.", _("KT. — cấp phó ký thay người đứng đầu")
    Q = "Q.", _("Q. — quyền người đứng đầu")
    TL = "TL.", _("TL. — thừa lệnh người đứng đầu")
    TUQ = "TUQ.", _("TUQ. — thừa ủy quyền người đứng đầu")


def signer_lines(*, body: str = "", capacity: str = "", head_title: str = "", title: str = ""):
    """The authority lines above the signature, upper case, one per line."""
    lines = [f"TM. {body.strip()}"] if body.strip() else []
    head = (head_title or title).strip()
    if capacity in ("KT.", "TL.", "TUQ."):
        lines += [f"{capacity} {head}", title.strip()]
    elif capacity == "Q.":
        lines.append(f"Q. {head}")
    else:
        lines.append(head)
    return [line.upper() for line in lines if line.strip() and line.strip() != capacity]


class SignerFields(models.Model):
    """The signer block's fields, shared by every model that prints a signature."""

    signer_body = models.CharField(
        _("thay mặt tập thể (TM.)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Ví dụ: ỦY BAN NHÂN DÂN. Để trống khi người có thẩm quyền là cá nhân "
            "(quyết định của Chủ tịch ký “CHỦ TỊCH”, không “TM.”)."
        ),
    )
    signer_capacity = models.CharField(
        _("người ký"), max_length=5, choices=Capacity.choices, blank=True
    )
    signer_head_title = models.CharField(
        _("chức danh người đứng đầu"),
        max_length=100,
        blank=True,
        help_text=_("Ví dụ: CHỦ TỊCH."),
    )
    signer_title = models.CharField(
        _("chức vụ người ký"),
        max_length=100,
        blank=True,
        help_text=_("Khi cấp phó ký thay (KT.), thừa lệnh hoặc thừa ủy quyền: ví dụ PHÓ CHỦ TỊCH."),
    )
    signer_name = models.CharField(_("họ tên người ký"), max_length=150, blank=True)

    class Meta:
        abstract = True

    @property
    def signer_lines(self) -> list[str]:
        return signer_lines(
            body=self.signer_body,
            capacity=self.signer_capacity,
            head_title=self.signer_head_title,
            title=self.signer_title,
        )


SIGNER_FIELDS = (
    "signer_body",
    "signer_capacity",
    "signer_head_title",
    "signer_title",
    "signer_name",
)

# Bodies that work as collectives (chế độ tập thể) and the title of their head. Data, not
# rules: an office whose body is not here types its own block.
COLLECTIVES = {
    "ỦY BAN NHÂN DÂN": "CHỦ TỊCH",
    "HỘI ĐỒNG NHÂN DÂN": "CHỦ TỊCH",
    "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG": "CHỦ TỊCH",
    "HỘI ĐỒNG THI ĐUA KHEN THƯỞNG": "CHỦ TỊCH",
    "BAN THƯỜNG VỤ": "BÍ THƯ",
    "BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM": "CHỦ TỊCH",
}
# Titles that make an authority individual ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ...").
INDIVIDUAL_TITLES = ("CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG BAN", "TRƯỞNG PHÒNG", "BỘ TRƯỞNG",
                     "THỦ TRƯỞNG", "HIỆU TRƯỞNG", "CHÁNH VĂN PHÒNG", "TỔNG GIÁM ĐỐC")  # fmt: skip
_PLACE = re.compile(
    r"\s+(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TỈNH)\b.*$", re.IGNORECASE
)


def default_signer(authority: str) -> dict[str, str]:
    """The signer block a document of ``authority`` takes by default.

    "ỦY BAN NHÂN DÂN XÃ X" (a collective): TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH.
    "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ X" (an individual): CHỦ TỊCH.
    Anything else: the head's title left for the office to type."""
    text = " ".join(authority.upper().split())
    title = next((t for t in INDIVIDUAL_TITLES if text.startswith(t + " ") or text == t), "")
    if title:
        return {"signer_body": "", "signer_capacity": "", "signer_head_title": title}
    body = _PLACE.sub("", text)
    if body in COLLECTIVES:
        return {"signer_body": body, "signer_capacity": "", "signer_head_title": COLLECTIVES[body]}
    return {"signer_body": "", "signer_capacity": "", "signer_head_title": ""}


def parse_signer_lines(lines: list[str]) -> dict[str, str]:
    """The fields of a block given as printed lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH"): for data typed before the block had fields."""
    rest = [" ".join(line.split()) for line in lines if line.strip()]
    fields = {"signer_body": "", "signer_capacity": "", "signer_head_title": "", "signer_title": ""}
    if rest and rest[0].upper().startswith("TM. "):
        fields["signer_body"], rest = rest[0][4:].strip(), rest[1:]
    for capacity in ("KT.", "Q.", "TL.", "TUQ."):
        if rest and rest[0].upper().startswith(capacity + " "):
            fields["signer_capacity"] = capacity
            fields["signer_head_title"] = rest[0][len(capacity) :].strip()
            fields["signer_title"] = " ".join(rest[1:])
            return fields
    fields["signer_head_title"] = " ".join(rest)
    return fields
