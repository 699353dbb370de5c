import datetime as dt

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from conferences.models import Role
from honorees.models import (
    AwardDecision,
    ClearanceAnswer,
    ClearanceRequest,
    CouncilSitting,
    CouncilVote,
    EligibilityOverride,
    Nomination,
    NominationRound,
    RoundAwardLimit,
    RoundQuota,
    VerificationCode,
)
from honorees.services import clearance_outbox
from tests.authz import CASES, EVERYONE_LOGGED_IN, OFFICE_A, Case
from tests.factories import member
from tests.honorees.factories import (
    DecisionFactory,
    NominationFactory,
    QuotaFactory,
    RoundFactory,
    award,
    sitting,
)
from tests.honorees.xlsx import person_row, workbook

S = Nomination.Status
UNIT_SIDE = ("submitter", "superuser")
STAFF = ("staff", "superuser")
OFFICE_OTHERS_403 = {"leader": 403, "council": 403, "admin": 403}
UNIT_USERS_403 = {"submitter": 403, "reporter": 403}


def _round(w):
    return RoundFactory(conference=w["conference_a"])


def _nomination(w, status=S.DRAFT, **extra):
    round = _round(w)
    QuotaFactory(round=round, unit=w["school"])
    return NominationFactory(round=round, unit=w["school"], status=status, **extra)


def _round_kw(w):
    return {"pk": _round(w).pk}


def _unit_kw(w, **extra):
    return {"pk": _round(w).pk, "unit_pk": w["school"].pk, **extra}


def _unit_with_quota_kw(w):
    round = _round(w)
    QuotaFactory(round=round, unit=w["school"])
    return {"pk": round.pk, "unit_pk": w["school"].pk}


def _nom_kw(status=S.DRAFT, with_dossier=False):
    def kwargs(w):
        extra = {"dossier": _dossier()} if with_dossier else {}
        return {"pk": _nomination(w, status, **extra).pk}

    return kwargs


def _decision_kw(w):
    return {"pk": DecisionFactory(round=_round(w)).pk}


def _approved_decision_kw(w):
    """A decision the leader approved, with one line, waiting for the văn thư."""
    decision = DecisionFactory(
        round=_round(w), status=AwardDecision.Status.APPROVED, signed_at=timezone.now()
    )
    nomination = _nomination(w, S.APPROVED)
    decision.lines.create(nomination=nomination, award_form=nomination.proposed_award)
    return {"pk": decision.pk}


def _decision_status(w, kw):
    return AwardDecision.objects.filter(pk=kw["pk"]).values_list("status", "number").get()


def _dossier():
    return ContentFile(b"%PDF-1.4 ho so", name="ho-so.pdf")


def _decision_with_approved_kw(w):
    """A round with an approved nomination not yet in a decision."""
    return {"pk": _nomination(w, S.APPROVED).round_id}


# --- what each POST changes (the POST harness, tests/authz.py) ---------------------------------
def _status(w, kw):
    return Nomination.objects.get(pk=kw["pk"]).status


def _nominations_of_round(w, kw):
    return Nomination.objects.filter(round_id=kw["pk"]).count()


def _round_row(w, kw):
    return NominationRound.objects.filter(pk=kw["pk"]).values_list("title", "state").get()


def _round_data(w):
    return {
        "title": "Đợt hai",
        "criteria": "Có thành tích xuất sắc.",
        "deadline": "2031-01-01T17:00",
        "allowed_forms": [award("gk-xa").pk],
    }


def _decision_data(w):
    return {
        "date": "2025-08-15",
        "place": "An Thịnh",
        "subject": "Về việc khen thưởng điển hình tiên tiến",
        "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN THỊNH",
        "legal_bases": "Căn cứ Luật Thi đua, khen thưởng",
        "proposing_body": "Phòng Văn hóa - Xã hội",
        "signer_head_title": "CHỦ TỊCH",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Nguyễn Văn Ký",
        "type_code": "QĐ",
        "issuer_code": "UBND",
    }


def _individual_data(w):
    return {
        "full_name": "Phạm Thị Mai",
        "gender": "female",
        "birth_year": 1985,
        "achievement_summary": "Giáo viên dạy giỏi.",
        "proposed_award": award("gk-xa").pk,
    }


def _import_data(w):
    upload = SimpleUploadedFile("ds.xlsx", workbook([person_row(1)]))
    return {"file": upload, "confirm": "1"}


def _sitting_data(w):
    council = w["users"]["council"]
    return {
        "held_at": "2026-12-05T14:00",
        "place": "Hội trường Ủy ban nhân dân xã",
        "chair": council.pk,
        "secretary_name": "Lê Thị Thư",
        "present": [council.pk],
    }


def _sitting_row(w, kw):
    return list(CouncilSitting.objects.filter(round_id=kw["pk"]).values_list("place", "chair"))


def _absent_member_kw(w):
    """A round under review with a sitting where a second council member was absent."""
    nomination = _nomination(w, S.SUBMITTED)
    absent = member(w["office_a"], Role.COUNCIL)
    sitting(nomination.round, [w["users"]["council"]])
    w["written"] = {"member": absent.pk, f"n{nomination.pk}": "agree"}
    return {"pk": nomination.round_id}


def _written_votes(w, kw):
    return CouncilVote.objects.filter(nomination__round_id=kw["pk"], in_writing=True).count()


def _finalise_kw(w):
    """A sitting with the council present and one nominee the council agreed with."""
    nomination = _nomination(w, S.SUBMITTED)
    sitting(nomination.round, [w["users"]["council"]])
    CouncilVote.objects.create(
        nomination=nomination, member=w["users"]["council"], choice=CouncilVote.Choice.AGREE
    )
    return {"pk": nomination.round_id}


def _round_statuses(w, kw):
    return list(Nomination.objects.filter(round_id=kw["pk"]).values_list("status", flat=True))


CASES += [
    Case("honorees:council_sitting", kwargs=_round_kw, overrides=UNIT_USERS_403),
    Case(
        "honorees:council_sitting",
        kwargs=_round_kw,
        method="post",
        data=_sitting_data,
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
        state=_sitting_row,
    ),
    Case(
        "honorees:council_written_votes",
        kwargs=_absent_member_kw,
        method="post",
        data=lambda w: w["written"],
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
        state=_written_votes,
    ),
    Case(
        "honorees:council_finalise",
        kwargs=_finalise_kw,
        method="post",
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
        state=_round_statuses,
    ),
    Case(
        "honorees:round_award_limits",
        kwargs=_round_kw,
        method="post",
        data=lambda w: {f"seats_{award('gk-xa').pk}": "3"},
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
        state=lambda w, kw: list(
            RoundAwardLimit.objects.filter(round_id=kw["pk"]).values_list("seats", flat=True)
        ),
    ),
    Case(
        "honorees:round_list",
        kwargs=lambda w: {"conference_pk": w["conference_a"].pk},
        allowed=(*OFFICE_A, "submitter", "reporter"),
    ),
    Case(
        "honorees:round_create",
        kwargs=lambda w: {"conference_pk": w["conference_a"].pk},
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
    ),
    Case("honorees:round_detail", kwargs=_round_kw, overrides={"submitter": 302, "reporter": 403}),
    Case(
        "honorees:round_edit",
        kwargs=_round_kw,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
    ),
    Case(
        "honorees:round_state",
        kwargs=_round_kw,
        method="post",
        data=lambda w: {"state": "closed"},
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
        state=_round_row,
    ),
    Case("honorees:round_quotas", kwargs=_round_kw, overrides=UNIT_USERS_403),
    Case("honorees:round_export", kwargs=_round_kw, overrides=UNIT_USERS_403),
    Case("honorees:round_template", kwargs=_round_kw, allowed=(*OFFICE_A, "submitter", "reporter")),
    Case(
        "honorees:council_list",
        kwargs=_round_kw,
        allowed=("staff", "council", "superuser"),
        overrides={"leader": 403, "admin": 403, **UNIT_USERS_403},
    ),
    Case("honorees:review_tally", kwargs=_round_kw, overrides=UNIT_USERS_403),
    Case("honorees:delegates_above", kwargs=_round_kw, overrides=UNIT_USERS_403),
    Case("honorees:delegates_export", kwargs=_round_kw, overrides=UNIT_USERS_403),
    Case(
        "honorees:decision_create",
        kwargs=_round_kw,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
    ),
    Case("honorees:unit_round", kwargs=_unit_kw, allowed=(*OFFICE_A, "submitter")),
    Case(
        "honorees:nomination_create",
        kwargs=lambda w: _unit_kw(w, kind="individual"),
        allowed=UNIT_SIDE,
        overrides={"staff": 403, **OFFICE_OTHERS_403},
    ),
    Case(
        "honorees:nomination_import",
        kwargs=_unit_kw,
        allowed=UNIT_SIDE,
        overrides={"staff": 403, **OFFICE_OTHERS_403},
    ),
    Case("honorees:nomination_detail", kwargs=_nom_kw(), allowed=(*OFFICE_A, "submitter")),
    Case(
        "honorees:nomination_edit",
        kwargs=_nom_kw(),
        allowed=UNIT_SIDE,
        overrides={"staff": 403, **OFFICE_OTHERS_403},
    ),
    Case(
        "honorees:nomination_submit",
        kwargs=_nom_kw(),
        method="post",
        ok=302,
        allowed=UNIT_SIDE,
        overrides={"staff": 403, **OFFICE_OTHERS_403},
        state=_status,
    ),
    Case(
        "honorees:nomination_withdraw",
        kwargs=_nom_kw(),
        method="post",
        ok=302,
        allowed=UNIT_SIDE,
        overrides={"staff": 403, **OFFICE_OTHERS_403},
        state=_status,
    ),
    Case(
        "honorees:nomination_restore",
        kwargs=_nom_kw(S.WITHDRAWN),
        method="post",
        ok=302,
        allowed=UNIT_SIDE,
        overrides={"staff": 403, **OFFICE_OTHERS_403},
        state=_status,
    ),
    Case(
        "honorees:nomination_return",
        kwargs=_nom_kw(S.SUBMITTED),
        method="post",
        data=lambda w: {"comment": "Bổ sung số liệu."},
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, "submitter": 403},
        state=_status,
    ),
    Case(
        "honorees:council_votes",
        kwargs=lambda w: {"pk": _nomination(w, S.SUBMITTED).round_id},
        method="post",
        data=lambda w: {"default": "agree"},
        ok=302,
        allowed=("council",),
        overrides={"leader": 403, "admin": 403, "superuser": 403, "staff": 403, **UNIT_USERS_403},
        state=lambda w, kw: CouncilVote.objects.filter(nomination__round_id=kw["pk"]).count(),
    ),
    Case(
        "honorees:nomination_vote",
        kwargs=_nom_kw(S.SUBMITTED),
        method="post",
        data=lambda w: {"choice": "agree"},
        ok=302,
        allowed=("council",),
        overrides={"staff": 403, "leader": 403, "admin": 403, "superuser": 403, "submitter": 403},
        state=lambda w, kw: CouncilVote.objects.filter(nomination_id=kw["pk"]).count(),
    ),
    Case(
        "honorees:nomination_finalise",
        kwargs=_nom_kw(S.SUBMITTED),
        method="post",
        data=lambda w: {"outcome": "rejected"},
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, "submitter": 403},
        state=_status,
    ),
    Case(
        "honorees:nomination_delegate",
        kwargs=_nom_kw(S.APPROVED),
        method="post",
        data=lambda w: {"chosen": "1"},
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, "submitter": 403},
        state=lambda w, kw: Nomination.objects.get(pk=kw["pk"]).is_delegate_above,
    ),
    Case(
        "honorees:nomination_dossier",
        kwargs=_nom_kw(S.SUBMITTED, with_dossier=True),
        allowed=(*OFFICE_A, "submitter"),
    ),
    Case("honorees:decision_detail", kwargs=_decision_kw, allowed=(*OFFICE_A, "clerk")),
    Case(
        "honorees:decision_edit",
        kwargs=_decision_kw,
        allowed=STAFF,
        overrides=OFFICE_OTHERS_403,
    ),
    Case(
        "honorees:decision_approve",
        kwargs=_decision_kw,
        method="post",
        ok=302,
        allowed=("leader", "superuser"),
        overrides={"staff": 403, "council": 403, "admin": 403, "clerk": 403},
        state=_decision_status,
    ),
    Case(
        "honorees:decision_return",
        kwargs=_decision_kw,
        method="post",
        data=lambda w: {"reason": "Sửa lại căn cứ."},
        ok=302,
        allowed=("leader", "superuser"),
        overrides={"staff": 403, "council": 403, "admin": 403, "clerk": 403},
        state=lambda w, kw: AwardDecision.objects.get(pk=kw["pk"]).return_reason,
    ),
    # Nobody of the cast checks for an office drafting for office A (tests of the review
    # chain: tests/conferences/test_review_chain.py); a superuser is not a reviewer.
    Case(
        "honorees:decision_check",
        kwargs=_decision_kw,
        method="post",
        ok=302,
        allowed=(),
        overrides=dict.fromkeys((*OFFICE_A, "clerk"), 403),
        state=lambda w, kw: AwardDecision.objects.get(pk=kw["pk"]).reviewed_at,
    ),
    Case(
        "honorees:decision_issue",
        kwargs=_approved_decision_kw,
        method="post",
        ok=302,
        allowed=("clerk", "superuser"),
        overrides={"staff": 403, "leader": 403, "council": 403, "admin": 403},
        state=_decision_status,
    ),
    # Form pages: their POST with valid data.
    Case(
        "honorees:round_create",
        kwargs=lambda w: {"conference_pk": w["conference_a"].pk},
        method="post",
        data=_round_data,
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
        state=lambda w, kw: NominationRound.objects.filter(
            conference_id=kw["conference_pk"]
        ).count(),
    ),
    Case(
        "honorees:round_edit",
        kwargs=_round_kw,
        method="post",
        data=_round_data,
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
        state=_round_row,
    ),
    Case(
        "honorees:round_quotas",
        kwargs=_round_kw,
        method="post",
        data=lambda w: {"unit": w["school"].pk, "max_individuals": 4, "max_collectives": 1},
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
        state=lambda w, kw: list(
            RoundQuota.objects.filter(round_id=kw["pk"]).values_list("max_individuals")
        ),
    ),
    Case(
        "honorees:decision_create",
        kwargs=_decision_with_approved_kw,
        method="post",
        data=_decision_data,
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
        state=lambda w, kw: AwardDecision.objects.filter(round_id=kw["pk"]).count(),
    ),
    Case(
        "honorees:decision_edit",
        kwargs=_decision_kw,
        method="post",
        data=_decision_data,
        ok=302,
        allowed=STAFF,
        overrides=OFFICE_OTHERS_403,
        state=lambda w, kw: AwardDecision.objects.get(pk=kw["pk"]).subject,
    ),
    Case(
        "honorees:nomination_create",
        kwargs=lambda w: _unit_kw(w, kind="individual"),
        method="post",
        data=_individual_data,
        ok=302,
        allowed=UNIT_SIDE,
        overrides={"staff": 403, **OFFICE_OTHERS_403},
        state=_nominations_of_round,
    ),
    Case(
        "honorees:nomination_import",
        kwargs=_unit_with_quota_kw,
        method="post",
        data=_import_data,
        ok=302,
        allowed=UNIT_SIDE,
        overrides={"staff": 403, **OFFICE_OTHERS_403},
        state=_nominations_of_round,
    ),
    Case(
        "honorees:nomination_edit",
        kwargs=_nom_kw(),
        method="post",
        data=_individual_data,
        ok=302,
        allowed=UNIT_SIDE,
        overrides={"staff": 403, **OFFICE_OTHERS_403},
        state=lambda w, kw: Nomination.objects.get(pk=kw["pk"]).full_name,
    ),
]


# --- Eligibility and clearance -----------------------------------------------------------------
def _flagged_kw(w):
    return {"pk": _nomination(w, S.SUBMITTED, discipline_review=True).pk}


def _override_kw(w):
    """An override the office entered for a flagged, submitted nominee."""
    nomination = _nomination(w, S.SUBMITTED, discipline_review=True)
    override = EligibilityOverride.objects.create(
        nomination=nomination,
        rule_code="flag.discipline_review",
        rule_text="Đang bị xem xét kỷ luật",
        reason="Đã có kết luận.",
    )
    return {"pk": override.pk}


def _clearance(w, status=ClearanceAnswer.Status.PENDING, reason=""):
    """A request to the cast's agency about one submitted nominee of office A's round."""
    nomination = _nomination(w, S.SUBMITTED)
    request = ClearanceRequest.objects.create(
        round=nomination.round, agency=w["agency"], deadline=timezone.localdate()
    )
    return ClearanceAnswer.objects.create(
        request=request, nomination=nomination, status=status, reason=reason
    )


def _clearance_kw(w):
    return {"pk": _clearance(w).request_id}


def _answer_kw(w):
    return {"pk": _clearance(w).pk}


def _objection_kw(w):
    return {"pk": _clearance(w, ClearanceAnswer.Status.OBJECTED, "Vi phạm trật tự.").pk}


def _answer_status(w, kw):
    return ClearanceAnswer.objects.get(pk=kw["pk"]).status


def _round_with_nominee_kw(w):
    return {"pk": _nomination(w, S.SUBMITTED).round_id}


def _confirmed_clearance(w) -> dict:
    """What the preview of a clearance request posts: the composed request, the count and the
    fingerprint of its letters (the round is office A's, with one nominee: see the kwargs)."""
    round = NominationRound.objects.filter(conference=w["conference_a"]).latest("pk")
    deadline = timezone.localdate() + dt.timedelta(days=3)
    outbox = clearance_outbox(
        round=round, by=w["users"]["staff"], agencies=[w["agency"]], deadline=deadline
    )
    return {
        "agencies": [w["agency"].pk],
        "deadline": deadline.isoformat(),
        "count": outbox.count,
        "fingerprint": outbox.fingerprint,
    }


AGENCY_SIDE = ("reporter", "superuser")
OFFICE_403 = {"staff": 403, **OFFICE_OTHERS_403}

CASES += [
    Case(
        "honorees:nomination_override",
        kwargs=_flagged_kw,
        method="post",
        data=lambda w: {"rule_code": "flag.discipline_review", "reason": "Đã có kết luận."},
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, "submitter": 403},
        state=lambda w, kw: EligibilityOverride.objects.filter(nomination_id=kw["pk"]).count(),
    ),
    Case(
        "honorees:override_withdraw",
        kwargs=_override_kw,
        method="post",
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, "submitter": 403},
        state=lambda w, kw: EligibilityOverride.objects.filter(pk=kw["pk"]).count(),
    ),
    Case(
        "honorees:nomination_flags",
        kwargs=_nom_kw(S.SUBMITTED),
        method="post",
        data=lambda w: {"complaint_pending": "on", "discipline_until": "2024-06-30"},
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, "submitter": 403},
        state=lambda w, kw: (
            Nomination.objects.filter(pk=kw["pk"])
            .values_list("complaint_pending", "discipline_until")
            .get()
        ),
    ),
    Case("honorees:clearance_list", kwargs=_round_kw, overrides=UNIT_USERS_403),
    Case(
        "honorees:clearance_send",
        kwargs=_round_with_nominee_kw,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
    ),
    Case(
        "honorees:clearance_send",
        kwargs=_round_with_nominee_kw,
        method="post",
        data=_confirmed_clearance,
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, **UNIT_USERS_403},
        state=lambda w, kw: ClearanceRequest.objects.filter(round_id=kw["pk"]).count(),
    ),
    Case("honorees:clearance_inbox", allowed=EVERYONE_LOGGED_IN),
    Case("honorees:clearance_detail", kwargs=_clearance_kw, allowed=(*OFFICE_A, "reporter")),
    Case(
        "honorees:clearance_answer",
        kwargs=_answer_kw,
        method="post",
        data=lambda w: {"objects": "1", "reason": "Vi phạm trật tự xây dựng."},
        ok=302,
        allowed=AGENCY_SIDE,
        overrides=OFFICE_403,
        state=_answer_status,
    ),
    Case(
        "honorees:clearance_resolve",
        kwargs=_objection_kw,
        method="post",
        data=lambda w: {"resolution": "Đã xác minh lại, không còn vi phạm."},
        ok=302,
        allowed=STAFF,
        overrides={**OFFICE_OTHERS_403, "reporter": 403},
        state=_answer_status,
    ),
]


# --- After issue: verification (public), revocation, reissue, handover, lookup ----------------
def _issued_decision(w):
    """An issued decision with one line (its nomination awarded) and its verification codes."""
    from honorees.services import create_verification_codes

    decision = DecisionFactory(
        round=_round(w),
        status=AwardDecision.Status.ISSUED,
        number=7,
        signed_at=timezone.now(),
        issued_at=timezone.now(),
    )
    nomination = _nomination(w, S.AWARDED)
    decision.lines.create(
        nomination=nomination, award_form=nomination.proposed_award, gold_book_number=1
    )
    create_verification_codes(decision=decision, by=None)
    return decision


def _issued_kw(w):
    return {"pk": _issued_decision(w).pk}


def _certificate_of(decision):
    return decision.verification_codes.get(line__isnull=False)


def _code_kw(w):
    return {"code": _certificate_of(_issued_decision(w)).code}


def _decision_code_kw(w):
    from honorees.models import VerificationCode

    code = VerificationCode.objects.get(decision=_issued_decision(w), line__isnull=True)
    return {"code": code.code}


def _line_kw(w):
    decision = _issued_decision(w)
    return {"pk": decision.pk, "line_pk": decision.lines.get().pk}


def _source_key_kw(w):
    line = _issued_decision(w).lines.get()
    return {"source_key": f"honorees.nomination:{line.nomination_id}"}


def _handed(w, kw):
    return _certificate_of(AwardDecision.objects.get(pk=kw["pk"])).handed_at is not None


def _handed_by_key(w, kw):
    pk = int(kw["source_key"].rsplit(":", 1)[1])
    return VerificationCode.objects.get(line__nomination_id=pk).handed_at is not None


AFTER_ISSUE_403 = {"leader": 403, "council": 403, "admin": 403, "clerk": 403}

CASES += [
    Case("honorees:verify_form", public=True),
    Case("honorees:verify_code", kwargs=_code_kw, public=True),
    Case("honorees:verify_image", kwargs=_code_kw, public=True),
    # The official signed file: none uploaded in the harness's world, the same 404 for all
    # (the file itself is tested in tests/documents/test_signed_copies.py).
    Case("honorees:verify_signed", kwargs=_decision_code_kw, public=True, ok=404),
    Case(
        "honorees:award_lookup",
        allowed=("staff", "leader", "other_office", "superuser"),
        denied=403,
        query="?q=Nguyen",
    ),  # fmt: skip
    Case("honorees:decision_awards", kwargs=_issued_kw, allowed=STAFF, overrides=AFTER_ISSUE_403),
    Case(
        "honorees:decision_publication",
        kwargs=_issued_kw,
        method="post",
        data=lambda w: {"publish": "0"},
        ok=302,
        allowed=STAFF,
        overrides=AFTER_ISSUE_403,
        state=lambda w, kw: AwardDecision.objects.get(pk=kw["pk"]).publish_verification,
    ),
    Case(
        "honorees:decision_revoke",
        kwargs=_issued_kw,
        method="post",
        data=lambda w: {
            "lines": [AwardDecision.objects.latest("pk").lines.get().pk],
            "number": "09/QĐ-UBND",
            "date": timezone.localdate().isoformat(),
            "issuer": "Chủ tịch UBND xã",
            "reason": "Khai không đúng thành tích.",
        },
        ok=302,
        allowed=STAFF,
        overrides=AFTER_ISSUE_403,
        state=lambda w, kw: AwardDecision.objects.get(pk=kw["pk"]).revocations.count(),
    ),
    Case(
        "honorees:line_reissue",
        kwargs=_line_kw,
        method="post",
        data=lambda w: {"reason": "damaged", "note": ""},
        ok=302,
        allowed=STAFF,
        overrides=AFTER_ISSUE_403,
        state=lambda w, kw: VerificationCode.objects.filter(line_id=kw["line_pk"]).count(),
    ),
    Case(
        "honorees:decision_handover",
        kwargs=_issued_kw,
        method="post",
        data=lambda w: {
            "certificates": [_certificate_of(AwardDecision.objects.latest("pk")).pk],
            "handed_to": "",
        },
        ok=302,
        allowed=STAFF,
        overrides=AFTER_ISSUE_403,
        state=_handed,
    ),
    Case("honorees:checkin_handover", kwargs=_source_key_kw, allowed=(*OFFICE_A, "clerk")),
    Case(
        "honorees:checkin_handover",
        kwargs=_source_key_kw,
        method="post",
        ok=302,
        allowed=STAFF,
        overrides=AFTER_ISSUE_403,
        state=_handed_by_key,
    ),
]
