"""Typical duties per kind of agency, written by the team from the duties the real plans give.
Offsets are days relative to the conference date (None: no deadline)."""

from django.db import migrations

TEMPLATES = [
    ("van-phong", "Văn phòng HĐND và UBND", [
        ("Tham mưu phát hành giấy mời đại biểu và các tập thể, cá nhân được khen thưởng.", -7),
        ("Chuẩn bị bài phát biểu của lãnh đạo tại Hội nghị.", -3),
        ("Chuẩn bị hội trường, nước uống, hoa tươi phục vụ Hội nghị.", -1),
        ("Đón tiếp đại biểu, dẫn chương trình và điều hành công tác tổ chức Hội nghị.", 0),
        ("Bố trí kinh phí tổ chức Hội nghị và kinh phí khen thưởng theo quy định.", -5),
    ]),
    ("van-hoa-xa-hoi", "Phòng Văn hóa - Xã hội (thường trực thi đua - khen thưởng)", [
        ("Là cơ quan thường trực, tham mưu xây dựng Kế hoạch tổ chức Hội nghị, đôn đốc các đơn vị phối hợp thực hiện.", None),
        ("Tổng hợp danh sách, tóm tắt thành tích các tập thể, cá nhân đề nghị biểu dương, khen thưởng.", -15),
        ("Xây dựng báo cáo tổng kết phong trào thi đua trình tại Hội nghị.", -7),
        ("Tham mưu Quyết định khen thưởng, in Giấy khen, chuẩn bị tiền thưởng.", -5),
        ("Xây dựng maket, nội dung băng rôn, khẩu hiệu trang trí Hội nghị.", -5),
        ("Niêm yết danh sách khen thưởng; hướng dẫn đại biểu nhận khen thưởng ngồi đúng vị trí.", 0),
    ]),
    ("cong-an", "Công an", [
        ("Xây dựng phương án bảo đảm an ninh trật tự, phòng cháy, chữa cháy phục vụ Hội nghị.", -5),
        ("Hướng dẫn phân luồng giao thông, bảo đảm an ninh trật tự trước, trong và sau thời gian tổ chức Hội nghị.", 0),
        ("Bố trí lực lượng, phương tiện, dụng cụ phòng cháy, chữa cháy trong thời gian tổ chức Hội nghị.", 0),
    ]),
    ("quan-su", "Ban Chỉ huy Quân sự", [
        ("Phối hợp với Công an bố trí lực lượng bảo vệ Hội nghị.", -1),
        ("Phối hợp với đơn vị điện lực chuẩn bị máy phát điện dự phòng trong trường hợp mất điện.", -1),
    ]),
    ("dien-luc", "Điện lực", [
        ("Kiểm tra hệ thống điện khu vực hội trường.", -2),
        ("Đảm bảo nguồn điện trong thời gian diễn ra Hội nghị.", 0),
    ]),
    ("trung-tam-van-hoa", "Trung tâm Văn hóa, Thông tin và Thể thao", [
        ("Tổ chức tuyên truyền về Hội nghị và các gương điển hình tiên tiến, người tốt, việc tốt.", -10),
        ("Chuẩn bị phóng sự về các gương điển hình tiên tiến.", -5),
        ("Trang trí, băng rôn, khẩu hiệu phục vụ Hội nghị theo maket được duyệt.", -1),
        ("Bố trí bàn, ghế, âm thanh, ánh sáng, màn hình trình chiếu phục vụ Hội nghị.", -1),
        ("Chuẩn bị các tiết mục văn nghệ chào mừng.", -2),
        ("Viết tin bài, đưa tin về Hội nghị.", 1),
    ]),
    ("doan-thanh-nien", "Đoàn Thanh niên", [
        ("Cử đoàn viên phục vụ đón tiếp đại biểu và trao thưởng tại Hội nghị.", -2),
        ("Chuẩn bị tiết mục văn nghệ chào mừng Hội nghị.", -3),
        ("Tuyên truyền về Hội nghị trên các trang mạng xã hội của Đoàn.", -5),
    ]),
    ("truong-hoc", "Trường học", [
        ("Chuẩn bị tiết mục văn nghệ chào mừng Hội nghị.", -3),
        ("Gửi danh sách, tóm tắt thành tích tập thể, cá nhân đề nghị biểu dương.", -20),
        ("Cử đại biểu dự Hội nghị đúng thành phần, thời gian.", 0),
    ]),
]  # fmt: skip


def add_templates(apps, schema_editor):
    DutyTemplate = apps.get_model("assignments", "DutyTemplate")
    DutyTemplateItem = apps.get_model("assignments", "DutyTemplateItem")
    for order, (key, name, items) in enumerate(TEMPLATES, start=1):
        template, created = DutyTemplate.objects.get_or_create(
            key=key, defaults={"name": name, "order": order}
        )
        if not created:
            continue
        DutyTemplateItem.objects.bulk_create(
            DutyTemplateItem(template=template, order=i, text=text, offset_days=offset)
            for i, (text, offset) in enumerate(items, start=1)
        )


def remove_templates(apps, schema_editor):
    apps.get_model("assignments", "DutyTemplate").objects.filter(
        key__in=[key for key, _name, _items in TEMPLATES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("assignments", "0001_initial")]

    operations = [migrations.RunPython(add_templates, remove_templates)]
