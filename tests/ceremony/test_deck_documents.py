"""The PowerPoint deck and the honour board's ZIP are asked for from the ceremony page and made
by the documents worker: the page opens the document's progress page, the same data reuses
the file, a new photo makes a new one, and the render reads no database."""

import io
import re
import zipfile

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from ceremony import selectors, services
from documents import services as documents
from documents.builders import get_builder
from documents.builders.ceremony_media import build_board_zip, build_pptx
from documents.models import GeneratedDocument
from tests.ceremony.factories import jpeg

pytestmark = pytest.mark.django_db


def _profile(issued, line, *, consent=True, photo=True, story="Câu chuyện."):
    services.save_profile(
        conference=issued["conference"], line=line, by=issued["staff"], slide_line="Gương sáng",
        story=story, consent=consent, photo=jpeg(300, 400) if photo else None,
    )  # fmt: skip


def _heading(slide) -> str:
    return next(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def _request(issued, kind, fmt, capture) -> GeneratedDocument:
    with capture(execute=True):
        doc = documents.request_document(
            kind=kind, target=issued["conference"], fmt=fmt, by=issued["staff"]
        )
    doc.refresh_from_db()
    assert doc.status == GeneratedDocument.Status.READY, doc.error
    return doc


def test_pptx_button_asks_the_worker_and_opens_the_document_page(issued, client):
    client.force_login(issued["staff"])
    url = f"/hoi-nghi/{issued['conference'].pk}/le-trao-thuong/trinh-chieu/tao-pptx/"
    response = client.post(url)
    doc = GeneratedDocument.objects.get(kind="ceremony_slides")
    assert response.status_code == 302
    assert response.url == f"/van-ban/{doc.pk}/"
    assert doc.fmt == "pptx" and doc.conference == issued["conference"]
    assert doc.status == GeneratedDocument.Status.PENDING  # nothing rendered in the request
    page = client.get(response.url)
    assert page.status_code == 200
    assert "PowerPoint (PPTX)" in page.content.decode()
    # A GET (an old bookmark, a crawler) makes nothing.
    assert client.get(url).status_code == 405
    assert GeneratedDocument.objects.count() == 1


def test_board_button_without_consent_says_why_and_makes_nothing(issued, client):
    client.force_login(issued["staff"])
    url = f"/hoi-nghi/{issued['conference'].pk}/le-trao-thuong/bang-vinh-danh/tao-zip/"
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == f"/hoi-nghi/{issued['conference'].pk}/le-trao-thuong/"
    assert "chưa có người được khen nào đồng ý công khai" in response.content.decode()
    assert not GeneratedDocument.objects.exists()


def test_script_page_offers_both_buttons_as_forms(issued, client):
    client.force_login(issued["staff"])
    html = client.get(f"/hoi-nghi/{issued['conference'].pk}/le-trao-thuong/").content.decode()
    assert re.search(r'<form method="post" action="[^"]+/trinh-chieu/tao-pptx/"', html)
    assert re.search(r'<form method="post" action="[^"]+/bang-vinh-danh/tao-zip/"', html)


def test_pptx_names_and_photos_and_progress_reaches_the_total(
    issued, django_capture_on_commit_callbacks
):
    lines = selectors.stage_lines(issued["conference"])
    _profile(issued, lines[2])
    groups = selectors.stage_groups(issued["conference"])
    doc = _request(issued, "ceremony_slides", "pptx", django_capture_on_commit_callbacks)
    slides = list(Presentation(io.BytesIO(doc.file.read())).slides)
    assert len(slides) == len(groups) + len(lines)
    assert doc.progress_total == len(slides) and doc.progress_done == doc.progress_total
    assert doc.filename == "trinh-chieu.pptx"
    by_name = {_heading(slide): slide for slide in slides}
    pictures = {
        name: [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        for name, slide in by_name.items()
    }
    with_photo = lines[2].nomination.display_name
    assert len(pictures[with_photo]) == 1
    assert pictures[with_photo][0].image.blob[:2] == b"\xff\xd8"
    assert pictures[lines[3].nomination.display_name] == []
    assert sum(1 for name in by_name if name.startswith("LƯỢT ")) == len(groups)


def test_zip_has_a_page_per_consenting_honouree_only(issued, django_capture_on_commit_callbacks):
    lines = selectors.stage_lines(issued["conference"])
    _profile(issued, lines[0], story="Chị đã đi đầu.")
    _profile(issued, lines[4], photo=False, story="Anh luôn sẵn sàng.")
    _profile(issued, lines[5], consent=False, story="Không công khai.")
    doc = _request(issued, "honour_board_zip", "zip", django_capture_on_commit_callbacks)
    archive = zipfile.ZipFile(io.BytesIO(doc.file.read()))
    names = set(archive.namelist())
    pages = sorted(n for n in names if n.startswith("nguoi/"))
    assert {"index.html", "style.css"} <= names
    assert pages == ["nguoi/001.html", "nguoi/002.html"]
    assert sorted(n for n in names if n.startswith("anh/")) == ["anh/001.jpg"]
    first, second = (archive.read(p).decode() for p in pages)
    assert lines[0].nomination.display_name in first and "Chị đã đi đầu." in first
    assert 'src="../anh/001.jpg"' in first and 'href="../style.css"' in first
    assert lines[4].nomination.display_name in second and "<img" not in second
    index = archive.read("index.html").decode()
    assert 'href="nguoi/001.html"' in index and 'href="nguoi/002.html"' in index
    hidden = lines[5].nomination.display_name
    assert all(hidden not in archive.read(n).decode() for n in names if n.endswith(".html"))
    assert doc.progress_total == 3 and doc.progress_done == 3  # two pages and the index


def test_same_data_reuses_the_file_and_a_new_photo_makes_a_new_one(
    issued, django_capture_on_commit_callbacks
):
    line = selectors.stage_lines(issued["conference"])[1]
    _profile(issued, line)
    capture = django_capture_on_commit_callbacks
    for kind, fmt in (("ceremony_slides", "pptx"), ("honour_board_zip", "zip")):
        first = _request(issued, kind, fmt, capture)
        again = _request(issued, kind, fmt, capture)
        assert again.pk == first.pk
        assert GeneratedDocument.objects.filter(kind=kind).count() == 1
    old = {d.kind: d for d in GeneratedDocument.objects.all()}
    services.save_profile(
        conference=issued["conference"], line=line, by=issued["staff"], slide_line="Gương sáng",
        story="Câu chuyện.", consent=True, photo=jpeg(300, 400, colour="blue"),
    )  # fmt: skip
    for kind, fmt in (("ceremony_slides", "pptx"), ("honour_board_zip", "zip")):
        new = _request(issued, kind, fmt, capture)
        assert new.pk != old[kind].pk
        assert new.content_hash != old[kind].content_hash
        assert new.file.read() != old[kind].file.read()


def test_background_change_makes_a_new_deck(issued, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    first = _request(issued, "ceremony_slides", "pptx", capture)
    services.update_ceremony_setting(
        conference=issued["conference"], by=issued["staff"], group_size=10,
        background=jpeg(1600, 900),
    )  # fmt: skip
    second = _request(issued, "ceremony_slides", "pptx", capture)
    assert second.content_hash != first.content_hash


def _recorder(calls: list):
    return lambda done, total: calls.append((done, total))


def test_render_reads_no_database_and_reports_each_slide_and_page(
    issued, django_assert_num_queries
):
    lines = selectors.stage_lines(issued["conference"])
    _profile(issued, lines[0])
    _profile(issued, lines[3], consent=False)
    for kind, fmt in (("ceremony_slides", "pptx"), ("honour_board_zip", "zip")):
        builder = get_builder(kind)
        payload = builder.collect(issued["conference"], {})
        calls: list[tuple[int, int]] = []
        with django_assert_num_queries(0):
            rendered = builder.render(payload, fmt, _recorder(calls))
        assert rendered.content
        total = calls[-1][1]
        assert calls[-1] == (total, total)
        assert [done for done, _ in calls] == list(range(total + 1))
    slides = get_builder("ceremony_slides").collect(issued["conference"], {})["slides"]
    assert total == 2  # the board: one consenting honouree's page and the index
    assert len(slides) == len(selectors.stage_groups(issued["conference"])) + len(lines)


def test_builders_take_plain_data():
    """The building code needs no model: plain dicts and a reader of stored files."""
    photo = jpeg(30, 40).read()
    read = {"p/a.jpg": photo}.__getitem__
    deck = {
        "background": None,
        "slides": [
            {"kind": "group", "heading": "Lượt 1", "lines": ["Giấy khen"]},
            {"kind": "honouree", "heading": "Lê Thị Bình", "lines": [],
             "photo": {"name": "p/a.jpg", "size": len(photo), "ratio": 0.75}},
        ],
    }  # fmt: skip
    slides = list(Presentation(io.BytesIO(build_pptx(deck, read, lambda d, t: None))).slides)
    assert [_heading(s) for s in slides] == ["LƯỢT 1", "Lê Thị Bình"]
    assert slides[1].shapes[0].shape_type == MSO_SHAPE_TYPE.PICTURE
    board = {
        "organiser": "UBND xã An Thịnh",
        "conference": "Hội nghị",
        "people": [
            {"name": "Lê Thị Bình", "title": "", "unit": "Trường", "award": "Giấy khen",
             "line": "", "story": "", "photo": {"name": "p/a.jpg", "size": len(photo)}},
        ],
    }  # fmt: skip
    archive = zipfile.ZipFile(io.BytesIO(build_board_zip(board, read, lambda d, t: None)))
    assert archive.read("anh/001.jpg") == photo
    assert "Lê Thị Bình" in archive.read("nguoi/001.html").decode()
