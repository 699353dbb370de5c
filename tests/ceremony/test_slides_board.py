"""The PowerPoint has a title slide per group and one slide per honouree in stage order with
the photo; the honour board shows only those who agreed; the ZIP export stands alone. Both
files are made by the documents worker (rendered here eagerly, after the request commits)."""

import io
import re
import zipfile

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from ceremony import selectors, services
from documents import services as documents
from documents.models import GeneratedDocument
from tests.ceremony.factories import jpeg

pytestmark = pytest.mark.django_db


def _profiles(issued, consent_every=2):
    lines = selectors.stage_lines(issued["conference"])
    for i, line in enumerate(lines):
        services.save_profile(
            conference=issued["conference"], line=line, by=issued["staff"],
            slide_line=f"Thành tích {i}", story=f"Câu chuyện {i}", consent=i % consent_every == 0,
            photo=jpeg(300, 400),
        )  # fmt: skip
    return lines


def _made(conference, kind, fmt, by, capture) -> GeneratedDocument:
    with capture(execute=True):
        doc = documents.request_document(kind=kind, target=conference, fmt=fmt, by=by)
    doc.refresh_from_db()
    assert doc.status == GeneratedDocument.Status.READY, doc.error
    return doc


def build_pptx(issued, capture) -> bytes:
    doc = _made(issued["conference"], "ceremony_slides", "pptx", issued["staff"], capture)
    return doc.file.read()


def export_zip(issued, capture) -> bytes:
    doc = _made(issued["conference"], "honour_board_zip", "zip", issued["staff"], capture)
    return doc.file.read()


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_pptx_one_slide_per_honouree_in_stage_order_with_photo(
    issued, django_capture_on_commit_callbacks
):
    services.update_ceremony_setting(
        conference=issued["conference"], by=issued["staff"], group_size=3
    )
    lines = _profiles(issued)
    groups = selectors.stage_groups(issued["conference"])
    presentation = Presentation(io.BytesIO(build_pptx(issued, django_capture_on_commit_callbacks)))
    slides = list(presentation.slides)
    assert len(slides) == len(groups) + len(lines)
    expected = []
    for group in groups:
        expected.append(("group", f"LƯỢT {group.number}"))
        expected += [("honouree", e.name) for e in group.entries]
    for slide, (kind, heading) in zip(slides, expected, strict=True):
        texts = _texts(slide)
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert texts[0] == heading
        assert len(pictures) == (1 if kind == "honouree" else 0)
    # The stage order is the decision's: the collectives' slides come first.
    names = [_texts(s)[0] for s in slides if len(_texts(s)) and not _texts(s)[0].startswith("LƯỢT")]
    assert names == [line.nomination.display_name for line in lines]
    assert "Thành tích 0" in _texts(slides[1])


def test_pptx_background_behind_every_slide(issued, django_capture_on_commit_callbacks):
    services.update_ceremony_setting(
        conference=issued["conference"],
        by=issued["staff"],
        group_size=10,
        background=jpeg(2400, 1350),
    )
    presentation = Presentation(io.BytesIO(build_pptx(issued, django_capture_on_commit_callbacks)))
    for slide in presentation.slides:
        first = list(slide.shapes)[0]
        assert first.shape_type == MSO_SHAPE_TYPE.PICTURE
        assert first.width == presentation.slide_width


def test_board_shows_only_consenting(issued, client):
    lines = _profiles(issued)
    response = client.get(f"/vinh-danh/{issued['conference'].pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    shown = [line for i, line in enumerate(lines) if i % 2 == 0]
    hidden = [line for i, line in enumerate(lines) if i % 2 == 1]
    assert html.count('data-testid="board-card"') == len(shown)
    for line in shown:
        assert line.nomination.display_name in html
    for line in hidden:
        assert line.nomination.display_name not in html
    # A hidden honouree's photo is not public either; a shown one's is.
    assert (
        client.get(
            f"/hoi-nghi/{issued['conference'].pk}/le-trao-thuong/anh/{hidden[0].pk}.jpg"
        ).status_code
        == 404
    )
    assert (
        client.get(
            f"/hoi-nghi/{issued['conference'].pk}/le-trao-thuong/anh/{shown[0].pk}.jpg"
        ).status_code
        == 200
    )


def test_board_empty_without_issued_decision(cast, client):
    response = client.get(f"/vinh-danh/{cast['conference_a'].pk}/")
    assert response.status_code == 200
    assert 'data-testid="board-card"' not in response.content.decode()
    assert "Chưa có người, tập thể được vinh danh công khai." in response.content.decode()


def test_zip_holds_index_and_images_with_relative_links(issued, django_capture_on_commit_callbacks):
    lines = _profiles(issued)
    archive = zipfile.ZipFile(io.BytesIO(export_zip(issued, django_capture_on_commit_callbacks)))
    names = set(archive.namelist())
    consenting = len([1 for i in range(len(lines)) if i % 2 == 0])
    images = sorted(n for n in names if n.startswith("anh/"))
    assert {"index.html", "style.css"} <= names
    assert len(images) == consenting
    html = archive.read("index.html").decode()
    links = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sorted(link for link in links if link.startswith("anh/")) == images
    assert all(not link.startswith(("/", "http:", "https:", "//")) for link in links)
    assert lines[1].nomination.display_name not in html
    for image in images:
        assert archive.read(image)[:2] == b"\xff\xd8"
