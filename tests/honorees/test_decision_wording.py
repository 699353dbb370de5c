"""A decision's default subject and Điều 1 say what the conference honours: "người tốt, việc
tốt" for a good-deeds conference, "điển hình tiên tiến" for an exemplar one."""

import pytest

from honorees.documents_data import decision_document_data, default_decision_fields
from tests.factories import ConferenceFactory
from tests.honorees.factories import DecisionFactory, RoundFactory

pytestmark = pytest.mark.django_db


def _round(kind: str, start: int, end: int):
    return RoundFactory(conference=ConferenceFactory(kind=kind, start_year=start, end_year=end))


def test_good_deeds_decision_defaults_to_nguoi_tot_viec_tot():
    subject = default_decision_fields(_round("good_deeds", 2024, 2024))["subject"]
    assert subject == (
        "Về việc khen thưởng các cá nhân, tập thể điển hình “Người tốt, việc tốt” năm 2024"
    )
    assert "điển hình tiên tiến" not in subject


def test_exemplar_decision_defaults_to_dien_hinh_tien_tien():
    subject = default_decision_fields(_round("exemplar", 2020, 2025))["subject"]
    assert subject.endswith("điển hình tiên tiến giai đoạn 2020 - 2025")


def test_article_one_names_what_the_conference_honours():
    decision = DecisionFactory(round=_round("good_deeds", 2024, 2024))
    article = decision_document_data(decision).articles[0]
    assert "phong trào thi đua “Người tốt, việc tốt” năm 2024 (có danh sách kèm theo)" in article
