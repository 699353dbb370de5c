"""The signer block (core.signers): one model for every paper, built from who signs for whom."""

import pytest

from core.signers import default_signer, parse_signer_lines, signer_lines


@pytest.mark.parametrize(
    "fields, lines",
    [
        ({"body": "ỦY BAN NHÂN DÂN", "head_title": "CHỦ TỊCH"}, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        (
            {"capacity": "KT.", "head_title": "CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH"},
            ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ),
        (
            {"body": "ỦY BAN NHÂN DÂN", "capacity": "KT.", "head_title": "CHỦ TỊCH",
             "title": "PHÓ CHỦ TỊCH"},
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ),
        ({"head_title": "CHỦ TỊCH"}, ["CHỦ TỊCH"]),
        ({"capacity": "Q.", "head_title": "CHỦ TỊCH"}, ["Q. CHỦ TỊCH"]),
        (
            {"body": "ỦY BAN NHÂN DÂN", "capacity": "Q.", "head_title": "Chủ tịch"},
            ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"],
        ),
        (
            {"capacity": "TL.", "head_title": "CHỦ TỊCH", "title": "CHÁNH VĂN PHÒNG"},
            ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"],
        ),
        (
            {"capacity": "TUQ.", "head_title": "CHỦ TỊCH", "title": "TRƯỞNG PHÒNG VĂN HÓA - XÃ HỘI"},
            ["TUQ. CHỦ TỊCH", "TRƯỞNG PHÒNG VĂN HÓA - XÃ HỘI"],
        ),
    ],
)  # fmt: skip
def test_signer_lines_for_every_capacity(fields, lines):
    assert signer_lines(**fields) == lines


def test_default_signer_of_an_individual_authority_is_the_chair_not_tm():
    fields = default_signer("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG")
    assert fields == {"signer_body": "", "signer_capacity": "", "signer_head_title": "CHỦ TỊCH"}
    assert signer_lines(head_title=fields["signer_head_title"]) == ["CHỦ TỊCH"]


@pytest.mark.parametrize(
    "authority",
    ["Ủy ban nhân dân xã Thượng Hồng", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "ỦY BAN NHÂN DÂN"],
)
def test_default_signer_of_a_collective_signs_tm(authority):
    fields = default_signer(authority)
    assert (fields["signer_body"], fields["signer_head_title"]) == ("ỦY BAN NHÂN DÂN", "CHỦ TỊCH")


def test_default_signer_of_an_unknown_body_leaves_the_block_to_the_office():
    assert default_signer("TRUNG TÂM VĂN HÓA")["signer_head_title"] == ""


@pytest.mark.parametrize(
    "lines",
    [
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ["CHỦ TỊCH"],
        ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"],
    ],
)
def test_parse_signer_lines_gives_back_the_same_block(lines):
    fields = parse_signer_lines(lines)
    assert (
        signer_lines(
            body=fields["signer_body"],
            capacity=fields["signer_capacity"],
            head_title=fields["signer_head_title"],
            title=fields["signer_title"],
        )
        == lines
    )
