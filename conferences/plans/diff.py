"""What changed between two revisions, section by section, in words a leader reads."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

HEADER_PARTS = (
    ("subject", "Trích yếu"),
    ("recipients", "Nơi nhận"),
    ("signer", "Người ký"),
    ("signer_name", "Họ tên người ký"),
    ("issuing_body", "Cơ quan ban hành"),
    ("parent_body", "Cơ quan chủ quản"),
)


# How the review page shows each kind of change: border colour and the words after the label.
KINDS = {
    "added": ("success", "mục mới"),
    "removed": ("danger", "đã bỏ"),
    "changed": ("warning", "có sửa"),
}


@dataclass
class SectionDiff:
    label: str
    status: str  # "added" | "removed" | "changed" | "same"
    lines: list[tuple[str, str]] = field(default_factory=list)  # ("+"|"-"|" ", text)

    @property
    def changed(self) -> bool:
        return self.status != "same"

    @property
    def colour(self) -> str:
        return KINDS.get(self.status, KINDS["changed"])[0]

    @property
    def wording(self) -> str:
        return KINDS.get(self.status, KINDS["changed"])[1]


def _plain(line: dict) -> str:
    return " ".join(p for p in (line.get("marker"), line.get("lead"), line.get("text")) if p)


def _texts(section: dict) -> list[str]:
    return [_plain(line) for line in section["lines"]]


def _line_diff(old: list[str], new: list[str]) -> list[tuple[str, str]]:
    out = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        out += [("-", t) for t in old[a1:a2]]
        out += [("+", t) for t in new[b1:b2]]
    return out


def _as_list(value) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)] if value else []


def diff_snapshots(old: dict | None, new: dict) -> list[SectionDiff]:
    """Header parts first, then every section of `new` in order, then sections removed.
    With no `old` everything is new. A section placed after a duty (`placed_in`) prints
    inside the section holding that duty, so its lines are compared there, once: it is not
    listed again in its own place (added, changed or removed)."""
    old = old or {"sections": []}
    result = []
    for key, label in HEADER_PARTS:
        before, after = _as_list(old.get(key)), _as_list(new.get(key))
        if before != after:
            result.append(
                SectionDiff(
                    label, "changed" if old.get(key) else "added", _line_diff(before, after)
                )
            )
    previous = {s["key"]: s for s in old["sections"]}
    for section in new["sections"]:
        before = previous.pop(section["key"], None)
        if section.get("placed_in"):
            continue
        if before is None:
            result.append(
                SectionDiff(section["label"], "added", [("+", t) for t in _texts(section)])
            )
            continue
        lines = _line_diff(_texts(before), _texts(section))
        status = "changed" if lines or before["label"] != section["label"] else "same"
        result.append(SectionDiff(section["label"], status, lines))
    for section in previous.values():
        if section.get("placed_in"):
            continue
        result.append(SectionDiff(section["label"], "removed", [("-", t) for t in _texts(section)]))
    return result
