"""The outbox (core/outbox.py): who a bulk send reaches, the fingerprint a confirmation is
checked against, and the send itself (one e-mail per addressee of each reached letter)."""

import pytest
from django.core import mail

from core.outbox import Letter, StaleOutbox, build_outbox
from tests.factories import UserFactory


def _letters(settings):
    settings.SITE_URL = "https://thidua.example.gov.vn/"
    reached = UserFactory(full_name="Lê Thị Hoa", email="hoa@example.vn")
    other = UserFactory(full_name="Trần Văn Nam", email="nam@example.vn")
    no_address = UserFactory(email="")
    gone = UserFactory(email="cu@example.vn", is_active=False)
    return [
        Letter("Trường Tiểu học An Thịnh", (reached, other, reached), "Phân bổ", "Ba đại biểu.", "/a/"),
        Letter("Thôn Đông", (no_address, gone), "Phân bổ", "Một đại biểu.", "/b/"),
    ]  # fmt: skip


@pytest.mark.django_db
def test_letters_reach_active_people_with_an_address_once(settings):
    outbox = build_outbox(_letters(settings))
    assert [letter.recipient for letter in outbox.reached] == ["Trường Tiểu học An Thịnh"]
    assert [letter.recipient for letter in outbox.unreached] == ["Thôn Đông"]
    assert (outbox.count, outbox.emails) == (1, 2)
    first = outbox.letters[0]
    assert first.email_subject == "[Thi đua - Khen thưởng] Phân bổ"
    assert first.email_body == "Ba đại biểu.\n\nXem và xử lý tại: https://thidua.example.gov.vn/a/"


@pytest.mark.django_db
def test_the_fingerprint_changes_with_an_address_a_text_or_the_state(settings):
    letters = _letters(settings)
    before = build_outbox(letters).fingerprint
    assert build_outbox(_same(letters)).fingerprint == before  # equal letters, equal print
    letters[1].users[0].email = "thon.dong@example.vn"  # someone of Thôn Đông got an address
    assert build_outbox(letters).fingerprint != before
    letters[1].users[0].email = ""
    changed = [letters[0], Letter("Thôn Đông", letters[1].users, "Phân bổ", "Hai đại biểu.", "/b/")]
    assert build_outbox(changed).fingerprint != before
    assert build_outbox(letters, state="2026-12-01T08:00").fingerprint != before


def _same(letters):
    return [Letter(x.recipient, x.users, x.subject, x.body, x.link) for x in letters]


@pytest.mark.django_db
def test_a_confirmation_of_another_preview_is_refused(settings):
    outbox = build_outbox(_letters(settings))
    outbox.check(count="1", fingerprint=outbox.fingerprint)
    with pytest.raises(StaleOutbox, match="Chưa gửi thư nào"):
        outbox.check(count=2, fingerprint=outbox.fingerprint)
    with pytest.raises(StaleOutbox):
        outbox.check(count=1, fingerprint="0123456789abcdef")


@pytest.mark.django_db
def test_send_mails_each_addressee_of_the_reached_letters(
    settings, django_capture_on_commit_callbacks
):
    outbox = build_outbox(_letters(settings))
    with django_capture_on_commit_callbacks(execute=True):
        report = outbox.send()
    assert (report.letters, report.emails) == (1, 2)
    assert [letter.recipient for letter in report.unreached] == ["Thôn Đông"]
    assert sorted(m.to[0] for m in mail.outbox) == ["hoa@example.vn", "nam@example.vn"]
    assert {m.body for m in mail.outbox} == {outbox.letters[0].email_body}


@pytest.mark.django_db
def test_the_preview_shows_the_chosen_letter_else_the_first_sent(settings):
    letters = _letters(settings)
    outbox = build_outbox(letters[::-1])
    assert outbox.shown(None) == (1, letters[0])  # the first that goes
    assert outbox.shown("0") == (0, letters[1])
    assert outbox.shown("9")[0] == 1 and outbox.shown("x")[0] == 1
    assert build_outbox([]).shown(None) == (0, None)
