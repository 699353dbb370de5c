"""The ceremony's groups follow the decision's order and the group size; the MC's words come
from the award form and the decision's authority; an edit of the words is kept until the
office asks for them again."""

import pytest

from ceremony import selectors, services
from ceremony.models import CeremonyGroupNote
from conferences.models import Role
from core.errors import DomainError, PermissionDeniedError
from tests.factories import member

pytestmark = pytest.mark.django_db


def _names(groups):
    return [[e.name for e in g.entries] for g in groups]


def test_groups_follow_decision_order_and_size(issued):
    services.update_ceremony_setting(
        conference=issued["conference"], by=issued["staff"], group_size=2
    )
    groups = selectors.stage_groups(issued["conference"])
    lines = issued["decision"].lines.select_related("nomination", "award_form")
    by_gold_book = {line.gold_book_number: line for line in lines}
    # The collectives first (by the decision's số sổ vàng), then the individuals by award form.
    collectives = [by_gold_book[n].nomination.display_name for n in sorted(by_gold_book)][:2]
    assert _names(groups)[0] == collectives
    assert [g.kind for g in groups] == [
        "collective",
        "individual",
        "individual",
        "individual",
        "individual",
    ]
    assert [len(g.entries) for g in groups] == [2, 2, 2, 1, 1]
    awards = [g.award for g in groups]
    assert awards[1] == awards[2] == awards[3] == "Giấy khen của Chủ tịch UBND xã"
    assert awards[4] == "Lao động tiên tiến"
    giay_khen = [name for g in groups[1:4] for name in _names([g])[0]]
    gold = [
        line.nomination.display_name
        for line in sorted(lines, key=lambda line: line.gold_book_number)
        if line.award_form.code == "gk-xa"
    ]
    assert giay_khen == gold
    assert [e.position for e in groups[1].entries] == [1, 2]
    assert [g.number for g in groups] == [1, 2, 3, 4, 5]


def test_default_group_size_is_ten(issued):
    groups = selectors.stage_groups(issued["conference"])
    assert [len(g.entries) for g in groups] == [2, 5, 1]


def test_mc_words_use_award_form_and_authority(issued):
    groups = selectors.stage_groups(issued["conference"])
    collective, individuals, single = groups
    names = " và ".join(e.name for e in collective.entries)
    assert collective.words == (
        f"Trân trọng kính mời đại diện các tập thể {names} lên nhận danh hiệu Tập thể lao "
        "động tiên tiến của Chủ tịch Ủy ban nhân dân xã An Thịnh."
    )
    assert individuals.words.startswith(
        "Trân trọng kính mời các ông, bà có tên sau lên nhận Giấy khen của Chủ tịch Ủy ban nhân dân xã An Thịnh: "
    )
    assert "ông Lê Thị Bình" in individuals.words  # the factory's gender
    assert single.words == (
        "Trân trọng kính mời bà Hoàng Thị Mai lên nhận danh hiệu Lao động tiên tiến của "
        "Chủ tịch Ủy ban nhân dân xã An Thịnh."
    )


def test_presenter_from_leaders_is_named_in_words(issued):
    leader = issued["users"]["leader"]
    leader.full_name = "Phạm Văn Hùng"
    leader.save()
    services.update_group(
        conference=issued["conference"], number=1, by=issued["staff"], presenter_id=leader.pk,
        presenter_text="", words="",
    )  # fmt: skip
    first = selectors.stage_groups(issued["conference"])[0]
    assert first.presenter.startswith("đồng chí Phạm Văn Hùng")
    assert first.words.endswith(f"Trân trọng kính mời {first.presenter} lên trao thưởng.")


def test_presenter_must_be_a_leader(issued):
    stranger = member(issued["office_b"], Role.LEADER)
    with pytest.raises(DomainError):
        services.update_group(
            conference=issued["conference"], number=1, by=issued["staff"],
            presenter_id=stranger.pk, presenter_text="", words="",
        )  # fmt: skip


def test_edited_words_kept_until_regenerated(issued):
    conference = issued["conference"]
    services.update_group(
        conference=conference, number=2, by=issued["staff"], presenter_id=None,
        presenter_text="Ông Trưởng Ban", words="Xin mời các vị lên sân khấu.",
    )  # fmt: skip
    # The data changes (a smaller group size): the edit of group 2 stays.
    services.update_ceremony_setting(conference=conference, by=issued["staff"], group_size=3)
    group = selectors.stage_groups(conference)[1]
    assert group.words == "Xin mời các vị lên sân khấu."
    assert group.words_edited and group.presenter == "Ông Trưởng Ban"
    services.regenerate_words(conference=conference, number=2, by=issued["staff"])
    group = selectors.stage_groups(conference)[1]
    assert not group.words_edited
    assert group.words == group.generated_words
    assert CeremonyGroupNote.objects.get(conference=conference, number=2).words == ""


def test_only_staff_edit(issued):
    with pytest.raises(PermissionDeniedError):
        services.update_ceremony_setting(
            conference=issued["conference"], by=issued["users"]["leader"], group_size=4
        )


def test_no_issued_decision_no_groups(cast):
    assert selectors.stage_groups(cast["conference_a"]) == []
