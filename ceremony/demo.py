"""Demo data: photos, slide lines and stories for the honourees of Thanh Trì's issued 2024
decision (some agreed to publication), and a presenter for the first group on stage.
Idempotent: a conference whose honourees already have profiles is left as it is."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from conferences.models import Conference, User

from . import selectors, services
from .models import HonoureeProfile

STORIES = [
    ("Nhiều năm liền giúp đỡ hộ nghèo trong thôn", True,
     "Ông dành thời gian rảnh giúp các hộ nghèo sửa nhà, đưa đón các cháu đi học ngày mưa lũ."),
    ("Nhặt được của rơi, trả lại người đánh mất", True,
     "Bà nhặt được chiếc ví có 20 triệu đồng và giấy tờ, đã tìm đến tận nhà để trả lại."),
    ("Bài viết đạt giải Nhất Cuộc thi viết", False,
     "Bài viết kể về người thầy giáo vùng cao nhiều năm bám trường, bám lớp."),
    ("Bài viết đạt giải Nhì Cuộc thi viết", True,
     "Bài viết về tổ tự quản giữ gìn vệ sinh môi trường khu dân cư."),
]  # fmt: skip
COLOURS = ["#8e2424", "#245b8e", "#2f7a3b", "#7a5a1f"]


def _portrait(colour: str) -> SimpleUploadedFile:
    """A plain portrait-shaped picture standing in for a photo."""
    image = Image.new("RGB", (600, 800), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((180, 140, 420, 400), fill="#f1d3b3")
    draw.rectangle((120, 460, 480, 800), fill="#f5f5f5")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return SimpleUploadedFile("anh.jpg", out.getvalue(), content_type="image/jpeg")


def _background() -> SimpleUploadedFile:
    """A deep red stage background with a golden band."""
    image = Image.new("RGB", (1920, 1080), "#6d0f0f")
    ImageDraw.Draw(image).rectangle((0, 960, 1920, 1000), fill="#c9a227")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return SimpleUploadedFile("nen.jpg", out.getvalue(), content_type="image/jpeg")


def seed_demo_ceremony(stdout) -> None:
    conference = Conference.objects.filter(organiser__code="HN-TT").first()
    if conference is None:
        return
    lines = selectors.stage_lines(conference)
    if not lines or HonoureeProfile.objects.filter(line__in=lines).exists():
        return
    staff = User.objects.get(username="thanhtri")
    for i, line in enumerate(lines):
        slide_line, consent, story = STORIES[i % len(STORIES)]
        services.save_profile(
            conference=conference, line=line, by=staff, slide_line=slide_line, story=story,
            consent=consent, photo=_portrait(COLOURS[i % len(COLOURS)]),
        )  # fmt: skip
    services.update_ceremony_setting(
        conference=conference, by=staff, group_size=10, background=_background()
    )
    leader = User.objects.get(username="thanhtri.lanhdao")
    first = selectors.stage_groups(conference)[0]
    services.update_group(
        conference=conference, number=first.number, by=staff, presenter_id=leader.pk,
        presenter_text="", words="",
    )  # fmt: skip
    stdout.write(f"Lễ trao thưởng: ảnh, câu chuyện của {len(lines)} người được khen ở Thanh Trì.")
