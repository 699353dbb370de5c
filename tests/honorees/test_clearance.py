"""Clearance requests (xác nhận, hiệp y): the office asks agencies about a round's nominees,
each agency answers per nominee on its phone, an objection holds the nominee until the office
resolves it, and the round shows who has not answered."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from conferences.models import ActivityEntry
from core.errors import DomainError, PermissionDeniedError
from honorees import services
from honorees.models import ClearanceAnswer, ClearanceRequest, Nomination
from tests.honorees.factories import NominationFactory, VoteFactory
from tests.queries import assert_queries_constant

S = Nomination.Status
A = ClearanceAnswer.Status


def _submitted(office, **kw):
    return NominationFactory(round=office["round"], unit=office["school"], status=S.SUBMITTED, **kw)


def _confirmed(**asked):
    """Request as the office does: on the count and fingerprint of the preview's letters."""
    outbox = services.clearance_outbox(**asked)
    requests, _report = services.request_clearance(
        **asked, count=outbox.count, fingerprint=outbox.fingerprint
    )
    return requests


def _ask(office, agencies, *names, deadline=None):
    return _confirmed(
        round=office["round"], by=office["staff"],
        agencies=[agencies[name] for name in names],
        deadline=deadline or timezone.localdate() + dt.timedelta(days=5),
        note="Đề nghị xác nhận việc chấp hành pháp luật.",
    )  # fmt: skip


def test_request_lists_the_nominees_under_review_and_emails_the_agencies(
    office, agencies, mailoutbox, django_capture_on_commit_callbacks
):
    sent = _submitted(office, full_name="Vũ Thị Mơ")
    NominationFactory(round=office["round"], unit=office["school"])  # a draft: not asked
    agencies["police_reporter"].email = "congan@example.vn"
    agencies["police_reporter"].save()
    with django_capture_on_commit_callbacks(execute=True):
        police, tax = _ask(office, agencies, "police", "tax")
    assert list(police.answers.values_list("nomination", "status")) == [(sent.pk, A.PENDING)]
    assert tax.answers.count() == 1
    sent_to = {m.to[0]: m for m in mailoutbox}
    assert set(sent_to) == {"congan@example.vn", agencies["tax_reporter"].email}
    mail = sent_to["congan@example.vn"]
    assert "Công an xã An Thịnh" in mail.body and "1 tập thể, cá nhân" in mail.body
    assert mail.body.endswith("/khen-thuong/xin-y-kien/")  # the agency's requests, to answer
    assert ActivityEntry.objects.filter(action="clearance.requested").count() == 1


def test_request_refuses_a_unit_that_is_not_an_agency_and_other_people(office, agencies):
    _submitted(office)
    with pytest.raises(DomainError, match="cơ quan thuộc địa bàn"):
        services.request_clearance(
            round=office["round"], by=office["staff"], agencies=[office["school"]],
            deadline=timezone.localdate(), count=1, fingerprint="",
        )  # fmt: skip
    with pytest.raises(PermissionDeniedError):
        services.clearance_outbox(
            round=office["round"], by=agencies["police_reporter"], agencies=[agencies["police"]],
            deadline=timezone.localdate(),
        )  # fmt: skip
    assert not ClearanceRequest.objects.exists()


def test_an_objection_blocks_approval_until_the_office_resolves_it(
    office, agencies, mailoutbox, django_capture_on_commit_callbacks
):
    nominee = _submitted(office, full_name="Đỗ Văn Tùng")
    for councillor in office["council"]:
        VoteFactory(nomination=nominee, member=councillor)
    (police,) = _ask(office, agencies, "police")
    answer = police.answers.get()
    with pytest.raises(DomainError, match="lý do"):
        services.answer_clearance(answer=answer, by=agencies["police_reporter"], objects=True)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_clearance(
            answer=answer, by=agencies["police_reporter"], objects=True,
            reason="Đang bị xử lý vi phạm hành chính về trật tự xây dựng.",
        )  # fmt: skip
    assert [m.to for m in mailoutbox] == [[office["staff"].email]]
    assert "Đỗ Văn Tùng" in mailoutbox[0].subject and "trật tự xây dựng" in mailoutbox[0].body
    # The link to the agency's answer works from the e-mail (absolute, at its end).
    assert re.search(r"https?://\S+/khen-thuong/xin-y-kien/\d+/$", mailoutbox[0].body)
    with pytest.raises(DomainError, match="Công an xã An Thịnh không đồng ý"):
        services.finalise_nomination(nomination=nominee, by=office["staff"], outcome=S.APPROVED)
    with pytest.raises(DomainError, match="xử lý ở trang xin ý kiến"):
        services.override_eligibility(
            nomination=nominee, by=office["staff"], rule_code=f"clearance.{answer.pk}",
            reason="Bỏ qua.",
        )  # fmt: skip
    with pytest.raises(DomainError, match="kết quả xử lý"):
        services.resolve_clearance(answer=answer, by=office["staff"], resolution=" ")
    with pytest.raises(PermissionDeniedError):
        services.resolve_clearance(
            answer=answer, by=agencies["police_reporter"], resolution="Tự xử lý."
        )
    services.resolve_clearance(
        answer=answer, by=office["staff"],
        resolution="Đã nộp phạt và khắc phục ngày 15/11; Công an xã xác nhận lại qua điện thoại.",
    )  # fmt: skip
    answer.refresh_from_db()
    assert answer.status == A.RESOLVED and answer.resolved_by == office["staff"]
    assert ActivityEntry.objects.filter(action="clearance.resolved").count() == 1
    services.finalise_nomination(nomination=nominee, by=office["staff"], outcome=S.APPROVED)
    assert Nomination.objects.get(pk=nominee.pk).status == S.APPROVED


def test_an_agency_answers_only_for_itself_and_not_after_the_council(office, agencies):
    nominee = _submitted(office)
    police, tax = _ask(office, agencies, "police", "tax")
    with pytest.raises(PermissionDeniedError):
        services.answer_clearance(
            answer=police.answers.get(), by=agencies["tax_reporter"], objects=False
        )
    services.answer_clearance(answer=tax.answers.get(), by=agencies["tax_reporter"], objects=False)
    assert tax.answers.get().status == A.CLEARED
    services.finalise_nomination(nomination=nominee, by=office["staff"], outcome=S.REJECTED)
    with pytest.raises(PermissionDeniedError):
        services.answer_clearance(
            answer=police.answers.get(), by=agencies["police_reporter"], objects=False
        )


def test_round_page_shows_who_has_not_answered_and_who_is_late(client, office, agencies):
    _submitted(office)
    _submitted(office)
    police, tax = _ask(office, agencies, "police", "tax")
    for answer in tax.answers.all():
        services.answer_clearance(answer=answer, by=agencies["tax_reporter"], objects=False)
    ClearanceRequest.objects.filter(pk=police.pk).update(
        deadline=timezone.localdate() - dt.timedelta(days=1)
    )
    client.force_login(office["staff"])
    for url in (
        f"/khen-thuong/dot/{office['round'].pk}/",
        f"/khen-thuong/dot/{office['round'].pk}/xin-y-kien/",
    ):
        page = client.get(url).content.decode()
        police_line, tax_line = page.split('data-testid="clearance-request"')[1:3]
        assert "Công an xã An Thịnh" in police_line and "còn 2 hồ sơ chưa trả lời" in police_line
        assert "Quá hạn" in police_line
        assert "Chi cục Thuế" in tax_line and "chưa trả lời" not in tax_line


def test_agency_answers_on_its_phone_page(client, office, agencies):
    nominee = _submitted(office, full_name="Hoàng Văn Sáng")
    (police,) = _ask(office, agencies, "police")
    answer = police.answers.get()
    client.force_login(agencies["police_reporter"])
    inbox = client.get("/khen-thuong/xin-y-kien/").content.decode()
    assert "Còn 1/1 chưa trả lời" in inbox
    page = client.get(f"/khen-thuong/xin-y-kien/{police.pk}/").content.decode()
    assert "Hoàng Văn Sáng" in page and 'data-testid="answer-form"' in page
    response = client.post(
        f"/khen-thuong/xin-y-kien/tra-loi/{answer.pk}/",
        {"objects": "1", "reason": "Vi phạm trật tự xây dựng."},
    )
    assert response.status_code == 302
    answer.refresh_from_db()
    assert (answer.status, answer.reason) == (A.OBJECTED, "Vi phạm trật tự xây dựng.")
    assert answer.answered_by == agencies["police_reporter"]
    home = client.get("/").content.decode()
    assert "Tất cả đề nghị cho ý kiến" in home
    client.force_login(agencies["tax_reporter"])
    assert client.get(f"/khen-thuong/xin-y-kien/{police.pk}/").status_code == 404
    assert "Hoàng Văn Sáng" not in client.get("/khen-thuong/xin-y-kien/").content.decode()
    client.force_login(office["staff"])
    detail = client.get(f"/khen-thuong/ho-so/{nominee.pk}/").content.decode()
    assert "Vi phạm trật tự xây dựng." in detail and "Chưa đủ điều kiện" in detail


def test_clearance_pages_run_in_constant_queries(client, office, agencies):
    requests = {}

    def add_nominee(i):
        nominee = _submitted(office, full_name=f"Người thứ {i}")
        if not requests:
            requests["police"] = _ask(office, agencies, "police")[0]
        else:
            ClearanceAnswer.objects.create(request=requests["police"], nomination=nominee)
        return nominee.full_name

    client.force_login(agencies["police_reporter"])
    assert_queries_constant(
        client, lambda: f"/khen-thuong/xin-y-kien/{requests['police'].pk}/", add_nominee
    )


def test_agency_inbox_runs_in_constant_queries(client, office, agencies):
    _submitted(office)
    rounds = [office["round"]]

    def add_request(i):
        if i:
            rounds.append(
                type(office["round"]).objects.create(
                    conference=office["conference"],
                    title=f"Đợt {i}",
                    deadline=timezone.now() + dt.timedelta(days=3),
                )  # fmt: skip
            )
            NominationFactory(round=rounds[-1], unit=office["school"], status=S.SUBMITTED)
        _confirmed(
            round=rounds[-1], by=office["staff"], agencies=[agencies["police"]],
            deadline=timezone.localdate(),
        )  # fmt: skip
        return rounds[-1].title

    client.force_login(agencies["police_reporter"])
    assert_queries_constant(client, "/khen-thuong/xin-y-kien/", add_request)
