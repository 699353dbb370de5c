"""The invitation builder: who is invited, and a PDF with one page per delegate."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from documents.builders import get_builder
from documents.builders.invitations import InvitationBuilder
from tests.delegates.factories import DelegateFactory

pytestmark = pytest.mark.django_db


def test_invitation_builder_registered_and_collects(setup):
    s = setup
    s["conference"].venue = "Hội trường xã"
    DelegateFactory(
        category=s["category"],
        full_name="Nguyễn Văn An",
        position="Hiệu trưởng",
        unit=s["school_a"],
        unit_name="Trường A",
    )
    DelegateFactory(category=s["category"], full_name="Lê Thị Bình", invitation_status="declined")
    builder = get_builder("delegate_invitations")
    assert isinstance(builder, InvitationBuilder)
    assert builder.can_request(s["staff"], s["conference"]) and not builder.can_request(
        s["leader"], s["conference"]
    )
    payload = builder.collect(s["conference"], {})
    assert [p["invitee"] for p in payload["people"]] == ["Ông Nguyễn Văn An, Hiệu trưởng, Trường A"]
    assert builder.missing(payload) == []


def test_invitation_builder_renders_a_page_per_delegate(setup):
    s = setup
    s["conference"].venue = "Hội trường xã"
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        DelegateFactory(category=s["category"], full_name=name)
    builder = InvitationBuilder()
    rendered = builder.render(builder.collect(s["conference"], {}), "pdf", lambda done, total: None)
    reader = PdfReader(BytesIO(rendered.content))
    assert len(reader.pages) == 2
    assert "Trần Thị Bình" in reader.pages[1].extract_text()
