"""Each honouree gets the paper of their award form: a Giấy chứng nhận award prints GIẤY CHỨNG
NHẬN, a Giấy khen GIẤY KHEN, a money-only award nothing; a decision that mixes papers prints
each on its own and says so before printing."""

import io

from pypdf import PdfReader

from documents.builders import get_builder
from honorees import services
from honorees.models import AwardForm, Nomination
from tests.honorees.factories import NominationFactory, approve_and_issue, award
from tests.honorees.test_services import DECISION

S = Nomination.Status


def _decision(office, *codes: str):
    for index, code in enumerate(codes):
        NominationFactory(
            round=office["round"],
            unit=office["school"],
            status=S.APPROVED,
            full_name=f"Nguyễn Văn {chr(65 + index)}",
            proposed_award=award(code),
        )
    decision = services.create_decision(round=office["round"], by=office["staff"], **DECISION)
    approve_and_issue(decision, office)
    decision.refresh_from_db()
    return decision


def test_catalogue_papers_by_award_form(db):
    assert award("gk-xa").paper == AwardForm.Paper.MERIT
    assert award("gcn").paper == AwardForm.Paper.RECOGNITION
    assert award("cstd-cs").paper == AwardForm.Paper.RECOGNITION_DIPLOMA
    assert award("ldtt").paper == AwardForm.Paper.NONE


def test_certificate_of_a_giay_chung_nhan_award_says_giay_chung_nhan(office):
    decision = _decision(office, "gcn")
    builder = get_builder("award_certificates")
    payload = builder.collect(decision, {})
    assert builder.missing(payload) == []
    content = builder.render(payload, "pdf", lambda *a: None).content
    text = PdfReader(io.BytesIO(content)).pages[0].extract_text()
    assert "GIẤY CHỨNG NHẬN" in text and "GIẤY KHEN" not in text


def test_money_only_awards_print_no_paper(office):
    decision = _decision(office, "ldtt")
    builder = get_builder("award_certificates")
    payload = builder.collect(decision, {})
    assert payload["people"] == []
    assert "chỉ có tiền thưởng" in builder.missing(payload)[0]


def test_mixed_decision_prints_each_paper_apart_and_warns(office, client):
    decision = _decision(office, "gk-xa", "gcn", "ldtt")
    builder = get_builder("award_certificates")
    mixed = builder.collect(decision, {})
    assert "nhiều loại giấy" in builder.missing(mixed)[0]
    merit = builder.collect(decision, {"paper": "giay_khen"})
    assert [p["name"] for p in merit["people"]] == ["Nguyễn Văn A"]
    assert merit["setting"]["award_title"] == "GIẤY KHEN"
    recognition = builder.collect(decision, {"paper": "giay_chung_nhan"})
    assert [p["name"] for p in recognition["people"]] == ["Nguyễn Văn B"]

    client.force_login(office["staff"])
    page = client.get(f"/khen-thuong/quyet-dinh/{decision.pk}/").content.decode()
    assert 'data-testid="mixed-papers"' in page
    assert 'name="param_paper" value="giay_khen"' in page
    assert 'name="param_paper" value="giay_chung_nhan"' in page


def test_bang_chung_nhan_has_its_own_layout_naming_the_title(office):
    decision = _decision(office, "cstd-cs")
    builder = get_builder("award_certificates")
    payload = builder.collect(decision, {})
    assert payload["setting"]["layout"] == "diploma"
    content = builder.render(payload, "pdf", lambda *a: None).content
    text = " ".join(PdfReader(io.BytesIO(content)).pages[0].extract_text().split())
    assert "BẰNG CHỨNG NHẬN" in text
    assert "Đạt danh hiệu: Chiến sĩ thi đua cơ sở" in text


def test_bang_chung_nhan_prints_with_its_own_setting_apart_from_giay_chung_nhan(office):
    """Each paper has its own print settings: the Bằng chứng nhận's full design under its own
    issuer line, the Giấy chứng nhận's on blanks moved 7 mm; neither borrows the other's."""
    from documents.builders.certificates import layout_from
    from documents.engine.cert_layout import LAYOUTS
    from documents.models import CertificateSetting
    from tests.documents.factories import CertificateSettingFactory

    organiser = office["round"].conference.organiser
    CertificateSettingFactory(
        organiser=organiser,
        kind=CertificateSetting.Kind.RECOGNITION_DIPLOMA,
        mode=CertificateSetting.Mode.DESIGN,
        issuer_title="CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BẰNG CHỨNG NHẬN",
        offsets={"name": ["0", "3"]},
    )
    CertificateSettingFactory(
        organiser=organiser,
        kind=CertificateSetting.Kind.RECOGNITION,
        mode=CertificateSetting.Mode.BLANK,
        issuer_title="CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ GIẤY CHỨNG NHẬN",
        shift_x_mm=7,
    )
    decision = _decision(office, "cstd-cs", "gcn")
    builder = get_builder("award_certificates")

    diploma = builder.collect(decision, {"paper": "bang_chung_nhan"})
    assert [p["name"] for p in diploma["people"]] == ["Nguyễn Văn A"]
    assert diploma["setting"]["mode"] == "design" and diploma["setting"]["shift"] == ["0.0", "0.0"]
    name = layout_from(diploma["setting"]).field("name")
    assert name.offset_y_mm == 3 and name.x_mm == LAYOUTS["diploma"]().field("name").x_mm
    pdf = builder.render(diploma, "pdf", lambda *a: None).content
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BẰNG CHỨNG NHẬN" in text and "BẰNG CHỨNG NHẬN" in text

    paper = builder.collect(decision, {"paper": "giay_chung_nhan"})
    assert [p["name"] for p in paper["people"]] == ["Nguyễn Văn B"]
    assert paper["setting"]["mode"] == "blank" and paper["setting"]["shift"] == ["7.0", "0.0"]
    name = layout_from(paper["setting"]).field("name")
    assert name.offset_y_mm == 0 and name.x_mm == LAYOUTS["default"]().field("name").x_mm + 7
    pdf = builder.render(paper, "pdf", lambda *a: None).content
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Nguyễn Văn B" in text and "ỦY BAN NHÂN DÂN XÃ" not in text  # blanks: fields only


def test_certificate_settings_page_offers_each_paper(client, office):
    client.force_login(office["staff"])
    organiser = office["round"].conference.organiser
    page = client.get(f"/don-vi/{organiser.pk}/mau-in/bang_chung_nhan/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Mẫu in bằng chứng nhận" in html
    for kind in ("giay_khen", "giay_chung_nhan", "bang_chung_nhan"):
        assert f"/don-vi/{organiser.pk}/mau-in/{kind}/" in html
