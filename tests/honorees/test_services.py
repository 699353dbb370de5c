import datetime as dt

import pytest
from django.utils import timezone

from conferences.models import ActivityEntry
from core.errors import DomainError, PermissionDeniedError
from honorees import services
from honorees.models import AwardDecision, Nomination, NominationRound
from tests.honorees.factories import NominationFactory, QuotaFactory, award

S = Nomination.Status


def _draft(office, **kw):
    return NominationFactory(round=office["round"], unit=office["school"], **kw)


def _submitted(office, **kw):
    return _draft(office, status=S.SUBMITTED, **kw)


def test_create_nomination_normalises_and_logs(office):
    n = services.create_nomination(
        round=office["round"],
        unit=office["school"],
        kind="individual",
        by=office["submitter"],
        full_name="  Nguye\u0302\u0303n   Thị Hoa ",
        birth_year=1980,
        achievement_summary="Giỏi",
        proposed_award=award("gk-xa"),
    )
    assert n.full_name == "Nguyễn Thị Hoa"
    assert n.name_key == "nguyen thi hoa"
    assert n.status == S.DRAFT
    assert n.events.get().to_status == S.DRAFT
    assert ActivityEntry.objects.filter(action="nomination.created").count() == 1


def test_create_nomination_refuses_award_not_in_round(office):
    with pytest.raises(DomainError, match="không nhận đề nghị"):
        services.create_nomination(
            round=office["round"], unit=office["school"], kind="individual",
            by=office["submitter"], full_name="A", achievement_summary="x",
            proposed_award=award("bk-tinh"),
        )  # fmt: skip


def test_create_nomination_refuses_individual_award_for_collective(office):
    with pytest.raises(DomainError, match="không tặng cho tập thể"):
        services.create_nomination(
            round=office["round"], unit=office["school"], kind="collective",
            by=office["submitter"], collective_name="Tổ 1", achievement_summary="x",
            proposed_award=award("ldtt"),
        )  # fmt: skip


def test_create_nomination_refuses_same_person_from_other_unit(office):
    _draft(office, full_name="Lê Văn Tám", birth_year=1970)
    QuotaFactory(round=office["round"], unit=office["village"])
    with pytest.raises(DomainError, match="đã được đề nghị trong đợt này"):
        services.create_nomination(
            round=office["round"], unit=office["village"], kind="individual",
            by=office["village_submitter"], full_name="LE VAN TAM", birth_year=1970,
            achievement_summary="x", proposed_award=award("gk-xa"),
        )  # fmt: skip


def test_create_nomination_for_other_unit_is_refused(office):
    with pytest.raises(PermissionDeniedError):
        services.create_nomination(
            round=office["round"], unit=office["school"], kind="individual",
            by=office["village_submitter"], full_name="A", achievement_summary="x",
            proposed_award=award("gk-xa"),
        )  # fmt: skip


def test_submit_nomination_within_quota_moves_to_submitted(office):
    n = services.submit_nomination(nomination=_draft(office), by=office["submitter"])
    n.refresh_from_db()
    assert n.status == S.SUBMITTED and n.submitted_at is not None
    assert list(n.events.values_list("from_status", "to_status")) == [(S.DRAFT, S.SUBMITTED)]


def test_submit_nomination_over_quota_is_refused_with_numbers(office):
    for _ in range(3):
        _submitted(office)
    n = _draft(office)
    with pytest.raises(DomainError, match="tối đa 3 cá nhân; hồ sơ này là cá nhân thứ 4"):
        services.submit_nomination(nomination=n, by=office["submitter"])
    n.refresh_from_db()
    assert n.status == S.DRAFT


def test_submit_nomination_quota_counts_kinds_separately(office):
    for _ in range(3):
        _submitted(office)
    c = _draft(office, kind="collective", full_name="", collective_name="Tổ Văn")
    services.submit_nomination(nomination=c, by=office["submitter"])
    c.refresh_from_db()
    assert c.status == S.SUBMITTED


def test_submit_nomination_without_quota_is_refused(office):
    n = NominationFactory(round=office["round"], unit=office["village"])
    with pytest.raises(DomainError, match="chưa được giao chỉ tiêu"):
        services.submit_nomination(nomination=n, by=office["village_submitter"])


def test_submit_nomination_after_deadline_is_refused(office):
    NominationRound.objects.filter(pk=office["round"].pk).update(
        deadline=timezone.now() - dt.timedelta(minutes=1)
    )
    n = _draft(office)
    with pytest.raises(DomainError, match="Đã quá hạn"):
        services.submit_nomination(nomination=n, by=office["submitter"])


def test_resubmit_returned_after_deadline_is_allowed(office):
    n = _draft(office, status=S.RETURNED)
    NominationRound.objects.filter(pk=office["round"].pk).update(
        deadline=timezone.now() - dt.timedelta(minutes=1)
    )
    services.submit_nomination(nomination=n, by=office["submitter"])
    n.refresh_from_db()
    assert n.status == S.SUBMITTED


def test_extend_round_lets_units_submit_again(office):
    round = office["round"]
    NominationRound.objects.filter(pk=round.pk).update(
        deadline=timezone.now() - dt.timedelta(minutes=1)
    )
    round.refresh_from_db()
    services.change_round_state(
        round=round, by=office["staff"], state="extended",
        deadline=timezone.now() + dt.timedelta(days=2),
    )  # fmt: skip
    n = services.submit_nomination(nomination=_draft(office), by=office["submitter"])
    assert n.status == S.SUBMITTED
    assert NominationRound.objects.get(pk=round.pk).state == "extended"


def test_close_round_blocks_resubmission(office):
    n = _draft(office, status=S.RETURNED)
    services.change_round_state(round=office["round"], by=office["staff"], state="closed")
    with pytest.raises(DomainError, match="đã khóa"):
        services.submit_nomination(nomination=n, by=office["submitter"])


def test_change_round_state_by_unit_user_is_refused(office):
    with pytest.raises(PermissionDeniedError):
        services.change_round_state(round=office["round"], by=office["submitter"], state="closed")


def test_withdraw_from_approved_is_refused(office):
    n = _draft(office, status=S.APPROVED)
    with pytest.raises(DomainError, match="Không thể chuyển"):
        services.withdraw_nomination(nomination=n, by=office["submitter"])


def test_return_nomination_needs_comment_and_records_it(office):
    n = _submitted(office)
    with pytest.raises(DomainError, match="lý do"):
        services.return_nomination(nomination=n, by=office["staff"], comment=" ")
    services.return_nomination(nomination=n, by=office["staff"], comment="Thiếu số liệu")
    n.refresh_from_db()
    assert (n.status, n.return_comment) == (S.RETURNED, "Thiếu số liệu")
    assert n.events.last().comment == "Thiếu số liệu"


def test_cast_vote_replaces_members_previous_vote(office):
    n = _submitted(office)
    member = office["council"][0]
    services.cast_vote(nomination=n, by=member, choice="disagree")
    services.cast_vote(nomination=n, by=member, choice="agree", comment="Xứng đáng")
    assert list(n.votes.values_list("choice", "comment")) == [("agree", "Xứng đáng")]


def test_cast_vote_by_non_member_is_refused(office):
    with pytest.raises(PermissionDeniedError):
        services.cast_vote(nomination=_submitted(office), by=office["staff"], choice="agree")


def test_cast_vote_after_finalising_is_refused(office):
    n = _draft(office, status=S.REJECTED)
    with pytest.raises(DomainError, match="đã có kết quả"):
        services.cast_vote(nomination=n, by=office["council"][0], choice="agree")


def test_finalise_approve_below_threshold_is_refused(office):
    n = _submitted(office)
    services.cast_vote(nomination=n, by=office["council"][0], choice="agree")
    with pytest.raises(DomainError, match="Chưa đủ tỷ lệ đồng ý: 1/2"):
        services.finalise_nomination(nomination=n, by=office["staff"], outcome="approved")


def test_finalise_approve_with_majority_approves(office):
    n = _submitted(office)
    for m in office["council"]:
        services.cast_vote(nomination=n, by=m, choice="agree")
    services.finalise_nomination(nomination=n, by=office["staff"], outcome="approved")
    n.refresh_from_db()
    assert n.status == S.APPROVED


def test_set_delegate_above_only_for_approved(office):
    with pytest.raises(DomainError, match="đã được thông qua"):
        services.set_delegate_above(nomination=_submitted(office), by=office["staff"], chosen=True)
    n = _draft(office, status=S.APPROVED)
    services.set_delegate_above(nomination=n, by=office["staff"], chosen=True)
    n.refresh_from_db()
    assert n.is_delegate_above


DECISION = {
    "date": dt.date(2025, 8, 15), "place": "Thử", "subject": "Về việc khen thưởng",
    "authority": "CHỦ TỊCH UBND XÃ THỬ", "legal_bases": "Căn cứ Luật Thi đua, khen thưởng",
    "proposing_body": "Phòng Văn hóa - Xã hội", "signer_head_title": "CHỦ TỊCH", "signer_name": "Nguyễn Văn Ký",
}  # fmt: skip


def test_create_decision_lists_approved_with_prizes(office):
    _draft(office, status=S.APPROVED, proposed_award=award("gk-xa"))
    _draft(office, status=S.SUBMITTED)
    d = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    assert [line.amount for line in d.lines.all()] == [710_000]


def test_create_decision_without_approved_is_refused(office):
    with pytest.raises(DomainError, match="Chưa có hồ sơ"):
        services.create_decision(round=office["round"], by=office["staff"], **DECISION)


def test_update_decision_date_recomputes_prizes_by_rule_set(office):
    _draft(office, status=S.APPROVED, proposed_award=award("gk-xa"))
    d = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    services.update_decision(decision=d, by=office["staff"], date=dt.date(2024, 10, 1))
    assert d.lines.get().amount == 360_000


def test_leader_approval_gives_no_number_the_clerk_issues_with_number_and_date(office):
    n = _draft(office, status=S.APPROVED)
    d = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    services.approve_decision(decision=d, by=office["leader"])
    d.refresh_from_db()
    assert (d.status, d.number, d.signed_by) == (
        AwardDecision.Status.APPROVED,
        None,
        office["leader"],
    )

    services.issue_decision(decision=d, by=office["clerk"])
    d.refresh_from_db()
    n.refresh_from_db()
    assert (d.status, d.number_text) == (AwardDecision.Status.ISSUED, "01/QĐ-UBND")
    assert (d.date, d.issued_by) == (timezone.localdate(), office["clerk"])
    assert n.status == S.AWARDED
    with pytest.raises(DomainError, match="đã được ban hành"):
        services.issue_decision(decision=d, by=office["clerk"])


@pytest.mark.parametrize("who", ["staff", "leader", "council"])
def test_only_the_clerk_issues_a_decision(office, who):
    _draft(office, status=S.APPROVED)
    d = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    services.approve_decision(decision=d, by=office["leader"])
    by = office[who][0] if who == "council" else office[who]
    with pytest.raises(PermissionDeniedError, match="văn thư"):
        services.issue_decision(decision=d, by=by)
    d.refresh_from_db()
    assert (d.status, d.number) == (AwardDecision.Status.APPROVED, None)


def test_clerk_cannot_issue_a_draft_the_leader_has_not_approved(office):
    _draft(office, status=S.APPROVED)
    d = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    with pytest.raises(DomainError, match="chưa được lãnh đạo duyệt"):
        services.issue_decision(decision=d, by=office["clerk"])
    assert AwardDecision.objects.get(pk=d.pk).number is None


@pytest.mark.parametrize("who", ["staff", "clerk"])
def test_only_the_leader_approves(office, who):
    _draft(office, status=S.APPROVED)
    d = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    with pytest.raises(PermissionDeniedError):
        services.approve_decision(decision=d, by=office[who])
    assert AwardDecision.objects.get(pk=d.pk).status == AwardDecision.Status.DRAFT


def test_leader_returns_a_draft_with_a_reason_shown_until_approved(office):
    _draft(office, status=S.APPROVED)
    d = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    with pytest.raises(DomainError, match="lý do"):
        services.return_decision(decision=d, by=office["leader"], reason="  ")
    services.return_decision(decision=d, by=office["leader"], reason="Sửa căn cứ pháp lý.")
    d.refresh_from_db()
    assert (d.status, d.return_reason) == (AwardDecision.Status.DRAFT, "Sửa căn cứ pháp lý.")
    services.update_decision(decision=d, by=office["staff"], subject="Về việc khen thưởng (sửa)")
    services.approve_decision(decision=d, by=office["leader"])
    d.refresh_from_db()
    assert (d.status, d.return_reason) == (AwardDecision.Status.APPROVED, "")


def test_leader_may_return_an_approved_decision_not_yet_issued(office):
    _draft(office, status=S.APPROVED)
    d = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    services.approve_decision(decision=d, by=office["leader"])
    services.return_decision(decision=d, by=office["leader"], reason="Đổi ngày.")
    d.refresh_from_db()
    assert (d.status, d.signed_at, d.return_reason) == ("draft", None, "Đổi ngày.")
    with pytest.raises(PermissionDeniedError):
        services.return_decision(decision=d, by=office["staff"], reason="x")


def test_number_text_pads_below_ten():
    assert AwardDecision(number=5).number_text == "05/QĐ-UBND"
    assert AwardDecision(number=12).number_text == "12/QĐ-UBND"
