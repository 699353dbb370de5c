"""The ceremony's order on stage, from the issued award decisions: each decision in turn (by
date and number), its collectives first, then individuals, then households (NĐ 152/2025's
list order), within a kind by award form (the catalogue's order), then as the decision lists
them (số sổ vàng). A run of the same decision, kind and award form is cut into groups of the
size the office sets; the MC calls each group up with words made from the data."""

from dataclasses import dataclass, field

from honorees.ordering import KIND_RANK

KIND_NOUNS = {"collective": "tập thể", "individual": "cá nhân", "household": "hộ gia đình"}


@dataclass(frozen=True)
class StageEntry:
    line_id: int
    position: int  # 1..n from the left of the stage
    name: str
    kind: str
    gender: str
    unit: str
    title: str  # the position (chức vụ) of an individual
    award: str
    gold_book: str
    slide_line: str
    has_photo: bool
    consent: bool
    story: str


@dataclass
class StageGroup:
    number: int
    kind: str
    award: str
    issuer: str  # "Chủ tịch Ủy ban nhân dân xã Thượng Hồng"
    decision: str  # "05/QĐ-UBND ngày 01/10/2024"
    entries: list[StageEntry] = field(default_factory=list)
    presenter_id: int | None = None
    presenter: str = ""
    words: str = ""
    generated_words: str = ""
    words_edited: bool = False

    @property
    def kind_label(self) -> str:
        return KIND_NOUNS.get(self.kind, "")

    @property
    def title(self) -> str:
        return f"Lượt {self.number}: {self.award} — {len(self.entries)} {self.kind_label}"


def issuer_phrase(authority: str, organiser_name: str) -> str:
    """Who the award is "of" in the MC's words: the chair's own decision reads "Chủ tịch Ủy ban
    nhân dân xã …", a collective body's reads the organiser's name."""
    if authority.strip().upper().startswith("CHỦ TỊCH"):
        return f"Chủ tịch {organiser_name}"
    return organiser_name


def stage_key(line) -> tuple:
    """Where an award line (with decision, award form and nomination loaded) stands."""
    decision = line.decision
    return (
        decision.date,
        decision.number or 0,
        decision.pk,
        KIND_RANK.get(line.nomination.kind, len(KIND_RANK)),
        line.award_form.order,
        line.award_form.name,
        line.gold_book_number or 0,
        line.pk,
    )


def _joined(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " và " + names[-1]


def _person(entry: StageEntry) -> str:
    honorific = {"male": "ông", "female": "bà"}.get(entry.gender, "ông (bà)")
    return f"{honorific} {entry.name}"


PAPERS = ("giấy", "bằng", "giải", "huy chương", "cờ", "kỷ niệm chương")


def award_phrase(award: str, issuer: str) -> str:
    """ "lên nhận Giấy khen của Chủ tịch Ủy ban nhân dân xã An Thịnh" from the form "Giấy khen
    của Chủ tịch UBND xã" (the decision says whose); a title reads "danh hiệu …"."""
    short = award.split(" của ")[0].strip()
    noun = "" if short.lower().startswith(PAPERS) else "danh hiệu "
    return f"lên nhận {noun}{short} của {issuer}"


def generated_words(group: StageGroup) -> str:
    """The MC's words for a group, made from the data."""
    award = award_phrase(group.award, group.issuer)
    names = [e.name for e in group.entries]
    if group.kind == "collective":
        whom = "đại diện tập thể" if len(names) == 1 else "đại diện các tập thể"
        text = f"Trân trọng kính mời {whom} {_joined(names)} {award}."
    elif group.kind == "household":
        whom = "đại diện hộ gia đình" if len(names) == 1 else "đại diện các hộ gia đình"
        text = f"Trân trọng kính mời {whom} {_joined(names)} {award}."
    elif len(names) == 1:
        text = f"Trân trọng kính mời {_person(group.entries[0])} {award}."
    else:
        people = _joined([_person(e) for e in group.entries])
        text = f"Trân trọng kính mời các ông, bà có tên sau {award}: {people}."
    if group.presenter:
        text += f" Trân trọng kính mời {group.presenter} lên trao thưởng."
    return text


def cut_into_groups(
    runs: list[tuple[tuple, list[StageEntry], dict]], size: int
) -> list[StageGroup]:
    """Groups of at most `size` from runs of (key, entries, group fields) in stage order;
    positions count from 1 within each group."""
    groups: list[StageGroup] = []
    for _key, entries, fields in runs:
        for start in range(0, len(entries), size):
            chunk = entries[start : start + size]
            placed = [
                StageEntry(**{**entry.__dict__, "position": i}) for i, entry in enumerate(chunk, 1)
            ]
            groups.append(StageGroup(number=len(groups) + 1, entries=placed, **fields))
    return groups
