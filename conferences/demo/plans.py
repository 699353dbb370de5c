"""The three reference plans entered as data (demo). Composition, "Tổ chức thực hiện" and the
timeline are not here: they come from the delegates and assignments demo data, as in use.

Section specs: (kind, level, heading, content, options). Text items are strings; a leading
"- ", "+ " or "* " sets the marker, "1. " numbers it, "> " nests it one level."""

from __future__ import annotations

import datetime as dt

from conferences.models import Conference, Plan, PlanSection, PlanStatus, User

P = ""  # a plain paragraph marker


def items(*texts: str, marker: str = "-") -> dict:
    out = []
    for text in texts:
        level = 0
        if text.startswith("> "):
            level, text = 1, text[2:]
        found = marker
        for prefix, name in (("- ", "-"), ("+ ", "+"), ("* ", "*"), ("# ", "numbered"), ("¶ ", "")):
            if text.startswith(prefix):
                found, text = name, text[len(prefix) :]
                break
        lead, sep, rest = text.partition("§")
        out.append(
            {
                "text": rest if sep else text,
                "lead": lead if sep else "",
                "marker": found,
                "level": level,
            }
        )
    return {"items": out}


def numbered(*pairs: tuple[str, str]) -> dict:
    """Numbered items with the numbers as printed (some plans repeat one)."""
    return {"items": [{"text": t, "marker": "numbered", "number": n} for n, t in pairs]}


def S(kind, level, heading="", content=None, **options) -> dict:
    return {"kind": kind, "level": level, "heading": heading, "content": content or {}, **options}


# --- Đức Giang (Hà Nội), 2020: half a day, a month, no venue yet ------------------------------

DUC_GIANG = {
    "header": {
        "parent_body": "UBND QUẬN LONG BIÊN",
        "issuing_body": "ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC GIANG",
        "place": "Đức Giang",
        "subject": "Tổ chức Hội nghị điển hình tiên tiến phường Đức Giang\n"
        "tiến tới Đại hội thi đua yêu nước các cấp giai đoạn 2020-2025",
        "recipients": [
            "UBND- Phòng NV quận;",
            "TT Đảng ủy- HĐND phường;",
            "Thành viên HĐTĐKT;",
            "Các đoàn thể phường;",
            "Lưu: VP.",
        ],
        "signer_name": "Lương Hồng Điệp",
    },
    "sections": [
        S("legal_basis", 0, content={"verb": "Thực hiện", "joined": True, "documents": [
            {"doc_type": "Kế hoạch", "number": "154/KH-UBND", "date": "2019-07-08",
             "issuer": "UBND Thành phố Hà Nội",
             "subject": "về tổ chức Hội nghị điển hình tiên tiến các cấp tiến tới Đại Hội Thi đua yêu nước Thành phố Hà Nội giai đoạn 2020-2025"},
            {"doc_type": "Kế hoạch", "number": "289/KH-UBND", "date": "2019-08-08",
             "issuer": "UBND quận Long Biên",
             "subject": "về tổ chức Hội nghị điển hình tiên tiến quận Long Biên tiến tới Đại hội thi đua yêu nước Thành phố giai đoạn 2015-2025"},
            {"doc_type": "Công văn", "number": "01/HĐTĐ", "date": "2020-01-09",
             "issuer": "Hội đồng thi đua khen thưởng quận Long Biên",
             "subject": "về việc tổ chức Hội nghị điển hình tiên tiến cấp cơ sở"},
        ]}),
        S("text", 0, content=items("¶ UBND phường Đức Giang xây dựng kế hoạch tổ chức Hội nghị điển hình tiên tiến cụ thể như sau:")),
        S("text", 1, "THỜI GIAN, NỘI DUNG, CHƯƠNG TRÌNH, THÀNH PHẦN"),
        S("time", 2, "Thời gian:", {"show_length": True}, inline=True),
        S("text", 2, "Nội dung, chương trình, thành phần"),
        S("text", 4, "Nội dung:", items("¶ Tổ chức Hội nghị điển hình tiên tiến, đánh giá việc thực hiện phong trào thi đua và công tác khen thưởng giai đoạn 2015-2020, phát động phong trào thi đua và công tác khen thưởng 5 năm 2020-2025."), inline=True),
        S("programme", 4, "Chương trình:", {"marker": "+", "items": [{"text": t} for t in (
            "Văn nghệ chào mừng.",
            "Chào cờ.",
            "Tuyên bố lý do, giới thiệu đại biểu.",
            "Báo cáo tổng kết phong trào thi đua và công tác khen thưởng 5 năm qua giai đoạn 2015-2020, phương hướng nhiệm vụ công tác thi đua, khen thưởng 5 năm tới giai đoạn 2020-2025. Phát động phong trào thi đua yêu nước giai đoạn 2020-2025.",
            "Tham luận của các điển hình tiên tiến (cá nhân NTVT, CLB TĐTT).",
            "Phát biểu của lãnh đạo cấp trên.",
            "Biểu dương, tôn vinh các gương điển hình tiên tiến người tốt, việc tốt tiêu biểu.",
            "Thông qua danh sách đại biểu đi dự Đại hội thi đua yêu nước cấp trên.",
            "Chào cờ - Kết thúc Hội nghị.",
        )]}),
        S("composition", 4, "Thành phần đại biểu:"),
        S("implementation", 1, "PHÂN CÔNG NHIỆM VỤ"),
        S("text", 0, content=items("¶ Trên đây là kế hoạch tổ chức Hội nghị điển hình tiên tiến phường Đức Giang tiến tới Đại hội thi đua yêu nước các cấp giai đoạn 2020-2025, yêu cầu các bộ phận chuyên môn căn cứ thực hiện./.")),
    ],
}  # fmt: skip


# --- Thanh Trì (Hà Nội), 2024: issued as 330/KH-UBND on 20/9/2024 -------------------------------

THANH_TRI = {
    "header": {
        "parent_body": "",
        "issuing_body": "ỦY BAN NHÂN DÂN HUYỆN THANH TRÌ",
        "place": "Thanh Trì",
        "subject": "Tổ chức Hội nghị biểu dương điển hình tiên tiến, người tốt, việc tốt;\n"
        "Tổng kết Cuộc thi viết về gương điển hình tiên tiến, người tốt, việc tốt trong\n"
        "phong trào thi đua yêu nước huyện Thanh Trì năm 2024",
        "recipients": [
            "Ban Thi đua - Khen thưởng, Sở Nội vụ Hà Nội;",
            "Thường trực Huyện ủy;",
            "Thường trực HĐND - UBND;",
            "Các phòng, ban, đơn vị liên quan;",
            "Lưu: VT, NV.",
        ],
        "signer_name": "Nguyễn Xuân Phong",
    },
    "issued": (330, dt.date(2024, 9, 20)),
    "sections": [
        S("legal_basis", 0, content={"verb": "Thực hiện", "joined": True, "documents": [
            {"doc_type": "Văn bản", "number": "376/BTĐ-NV2", "date": "2024-07-02",
             "issuer": "Ban Thi đua – Khen thưởng thành phố Hà Nội",
             "subject": "về việc tổng kết phong trào thi đua “Người tốt, việc tốt” và tổng kết Cuộc thi viết về gương điển hình tiên tiến, người tốt, việc tốt năm 2024"},
        ]}),
        S("text", 0, content=items("¶ Ủy ban nhân dân huyện Thanh Trì xây dựng Kế hoạch tổ chức Hội nghị biểu dương điển hình tiên tiến, người tốt, việc tốt; Tổng kết Cuộc thi viết về gương điển hình tiên tiến, người tốt, việc tốt trong phong trào thi đua yêu nước huyện Thanh Trì năm 2024. Cụ thể như sau:")),
        S("text", 1, "MỤC ĐÍCH, YÊU CẦU"),
        S("text", 2, "Mục đích:", items(
            "Tổng kết, đánh giá kết quả thực hiện phong trào thi đua “Người tốt, việc tốt” và Cuộc thi viết về gương điển hình tiên tiến, người tốt, việc tốt (ĐHTT, NTVT) trên các lĩnh vực; đề ra nhiệm vụ, biện pháp tiếp tục đẩy mạnh phong trào “Người tốt, việc tốt” và Cuộc thi viết về gương ĐHTT, NTVT năm 2025.",
            "Biểu dương, tôn vinh các cá nhân “Người tốt, việc tốt” tiêu biểu năm 2024.",
            "Tiếp tục đẩy mạnh tuyên truyền, nhân rộng các gương điển hình tiên tiến, người tốt, việc tốt trong phong trào thi đua trên các lĩnh vực đời sống xã hội.",
        )),
        S("text", 2, "Yêu cầu:", items(
            "Tổ chức Hội nghị đảm bảo trang trọng, hiệu quả; nội dung thiết thực, phù hợp với mục đích, yêu cầu đề ra.",
            "Các gương điển hình tiêu biểu được biểu dương tại Hội nghị thực sự lan tỏa trong xã hội, có ý nghĩa tuyên truyền giáo dục cao.",
        )),
        S("text", 1, "THỜI GIAN, ĐỊA ĐIỂM"),
        S("time", 2, "Thời gian:", {"show_length": False}, inline=True),
        S("venue", 2, "Địa điểm:", inline=True),
        S("composition", 1, "THÀNH PHẦN, SỐ LƯỢNG"),
        S("programme", 1, "NỘI DUNG CHƯƠNG TRÌNH", {"marker": "numbered", "slot_marker": "*", "items": [
            {"start": "08:00", "end": "08:30", "text": "Đón tiếp đại biểu;"},
            {"start": "08:30", "end": "11:00"},
            *({"text": t} for t in (
                "Văn nghệ chào mừng",
                "Tuyên bố lý do, giới thiệu đại biểu.",
                "Phóng sự tuyên truyền về các gương ĐHTT, NTVT tiêu biểu năm 2024.",
                "Giao lưu, tọa đàm biểu dương gương điển hình tiên tiến, người tốt, việc tốt và các giải pháp đổi mới, nâng cao chất lượng công tác phát hiện, bồi dưỡng, tuyên truyền nhân rộng điển hình tiên tiến, lan tỏa những việc làm tốt, những hành động đẹp trên địa bàn huyện.",
                "Phát biểu chỉ đạo của lãnh đạo Thành phố.",
                "Phát biểu của lãnh đạo huyện tiếp thu, ghi nhận kết quả đạt được của phong trào và quán triệt nhiệm vụ trong thời gian tiếp theo.",
                "Công bố Quyết định khen thưởng và tổ chức trao thưởng.",
                "Kết thúc Hội nghị.",
            )),
        ]}),
        S("decoration", 1, "MAKÉT TRANG TRÍ", {
            "maket_title": "Makét Hội nghị:",
            "maket_lines": [
                "HUYỆN ỦY - HĐND - UBND - ỦY BAN MTTQ VIỆT NAM HUYỆN THANH TRÌ",
                "HỘI NGHỊ",
                "BIỂU DƯƠNG ĐIỂN HÌNH TIÊN TIẾN, NGƯỜI TỐT, VIỆC TỐT; TỔNG KẾT CUỘC THI VIẾT VỀ GƯƠNG ĐIỂN HÌNH TIÊN TIẾN, NGƯỜI TỐT, VIỆC TỐT TRONG PHONG TRÀO THI ĐUA YÊU NƯỚC HUYỆN THANH TRÌ NĂM 2024",
                "Thanh Trì, ngày 08 tháng 10 năm 2024",
            ],
            "banner": "Chào mừng quý vị đại biểu về dự Hội nghị biểu dương điển hình tiên tiến, người tốt, việc tốt; Tổng kết Cuộc thi viết về gương điển hình tiên tiến, người tốt, việc tốt trong phong trào thi đua yêu nước huyện Thanh Trì năm 2024",
        }),
        S("implementation", 1, "TỔ CHỨC THỰC HIỆN"),
        S("text", 0, content=items("¶ Trên đây là Kế hoạch tổ chức Hội nghị biểu dương điển hình tiên tiến, người tốt, việc tốt; Tổng kết Cuộc thi viết về gương điển hình tiên tiến, người tốt, việc tốt trong phong trào thi đua yêu nước huyện Thanh Trì năm 2024, UBND huyện đề nghị Ban Tuyên giáo Huyện ủy, Ủy ban MTTQ và các đoàn thể huyện; yêu cầu các phòng, ban, ngành, UBND các xã, thị trấn và các đơn vị tổ chức triển khai thực hiện Kế hoạch này đúng tiến độ.")),
    ],
}  # fmt: skip


# --- Văn Yên (Hà Tĩnh), 2020: one session in the first quarter ---------------------------------

VAN_YEN = {
    "header": {
        "parent_body": "UBND THÀNH PHỐ HÀ TĨNH",
        "issuing_body": "ỦY BAN NHÂN DÂN PHƯỜNG VĂN YÊN",
        "place": "Văn Yên",
        "subject": "Tổ chức Hội nghị điển hình tiên tiến phường Văn Yên\ngiai đoạn 2020 - 2025",
        "recipients": [
            "Phòng Nội vụ Thành phố (báo cáo);",
            "Thường trực Đảng ủy;",
            "Thường trực HĐND phường;",
            "Chủ tịch, PCT UBND phường;",
            "Các thành viên Hội đồng thi đua khen thưởng phường;",
            "Trang thông tin điện tử phường;",
            "Lưu: VT, VP.",
        ],
        "signer_name": "Lê Đình Thắng",
    },
    "sections": [
        S("legal_basis", 0, content={"verb": "Thực hiện", "joined": True, "documents": [
            {"doc_type": "Kế hoạch", "number": "138/KH-UBND", "date": "2019-09-27",
             "issuer": "UBND thành phố Hà Tĩnh",
             "subject": "về tổ chức Hội nghị điển hình tiên tiến các cấp tiến tới Đại hội thi đua yêu nước tỉnh Hà Tĩnh lần thứ VII"},
        ]}),
        S("text", 0, content=items("¶ Ủy ban nhân dân phường Văn Yên ban hành Kế hoạch tổ chức Hội nghị điển hình tiên tiến giai đoạn 2020 - 2025 với các nội dung như sau:")),
        S("text", 1, "MỤC ĐÍCH, YÊU CẦU", items(
            "# Thông qua \"Hội nghị điển hình tiên tiến\" đánh giá kết quả thực hiện các phong trào thi đua yêu nước kể từ sau Hội nghị điển hình tiên tiến các cấp năm 2015, góp phần hoàn thành các nhiệm vụ, chỉ tiêu kinh tế - xã hội 05 năm (2015-2020) của phường theo tinh thần Nghị quyết Đại hội Đảng bộ phường lần thứ XXX, rút ra bài học kinh nghiệm về tổ chức phong trào thi đua và công tác khen thưởng, nhất là kinh nghiệm về xây dựng, nhân rộng điển hình tiên tiến cũng như những tồn tại, hạn chế cần khắc phục, đề ra phương hướng, nhiệm vụ đẩy mạnh phong trào thi đua yêu nước và công tác khen thưởng trong thời gian tới.",
            "# Gắn các hoạt động vinh danh điển hình tiên tiến tại Hội nghị điển hình tiên tiến phường với thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập, làm theo tư tưởng, đạo đức, phong cách Chủ tịch Hồ Chí Minh.",
            "# Biểu dương thành tích các phong trào thi đua và tôn vinh các gương điển hình tiên tiến tiêu biểu trong các lĩnh vực và các tầng lớp nhân dân. Qua đó, khơi dậy và phát huy sức mạnh của khối đại đoàn kết toàn dân, tạo động lực thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội ở địa phương.",
            "# Việc tổ chức Hội nghị điển hình tiên tiến đảm bảo trang trọng, thiết thực, tiết kiệm, tránh phô trương, hình thức.",
        )),
        S("text", 1, "NỘI DUNG, HÌNH THỨC TỔ CHỨC"),
        S("text", 2, "Những nội dung tập trung từ nay đến Hội nghị điển hình tiên tiến phường giai đoạn 2020-2025", items(
            "Đẩy mạnh công tác tuyên truyền tư tưởng của Chủ tịch Hồ Chí Minh về thi đua yêu nước, các chủ trương, chính sách của Đảng, pháp luật của Nhà nước về thi đua khen thưởng. Các CBCCC tập trung tuyên truyền về các phong trào thi đua yêu nước trên tất cả các lĩnh vực của đời sống xã hội, góp phần phát triển kinh tế, xã hội, đảm bảo quốc phòng, an ninh của phường; mở rộng nhiều hình thức tuyên truyền các điển hình tiên tiến, các nhân tố mới, gương người tốt, việc tốt, tạo khí thế thi đua sôi nổi, chào mừng các ngày kỷ niệm lớn trong năm 2020, chào mừng Đại hội Đảng bộ phường lần thứ XXXI và Đại hội Đảng bộ thành phố lần thứ XXI, Đại hội Đảng bộ tỉnh lần thứ XIX tiến tới Đại hội Đảng toàn quốc lần thứ XIII và Đại hội thi đua yêu nước toàn quốc lần thứ X.",
            "Các tổ chức phát động đợt thi đua lập thành tích chào mừng Đại hội Đảng các cấp tiến tới Đại hội Đảng toàn quốc lần thứ XIII, nhằm phát huy sức mạnh của cả hệ thống chính trị, tạo sự đồng thuận của toàn xã hội, phấn đấu thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2020 và kế hoạch 05 năm 2015-2020, đi đôi với thực hành tiết kiệm, chống tham nhũng, lãng phí; giảm nghèo bền vững, phòng chống thiên tai, dịch bệnh, giảm thiểu tai nạn giao thông, bảo đảm an sinh xã hội, giữ vững ổn định chính trị, bảo đảm an ninh trật tự, an toàn xã hội, xây dựng bộ máy vững mạnh. Tập trung chỉ đạo thực hiện có hiệu quả các phong trào thi đua trọng tâm: “xây dựng đô thị văn minh”, “Cán bộ, công chức, phường Văn Yên thi đua thực hiện văn hóa công sở”. Đồng thời biểu dương, khen thưởng các tập thể, cá nhân tiêu biểu xuất sắc trong thực hiện các phong trào thi đua.",
            "Tiếp tục quán triệt, tổ chức thực hiện tốt Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành, nâng cao nhận thức, tinh thần trách nhiệm, chấp hành tốt các quy định của pháp luật, các chính sách về thi đua, khen thưởng.",
            "Chú trọng việc phát hiện các điển hình và nhân tố mới thực sự tiêu biểu trong các phong trào thi đua yêu nước, được quần chúng, tập thể suy tôn để biểu dương, tôn vinh kịp thời và đề nghị các hình thức khen thưởng phù hợp, xứng đáng; đồng thời có kế hoạch bồi dưỡng, nhân rộng để các điển hình tiêu biểu được lan tỏa thực sự hiệu quả trong cuộc sống.",
        )),
        S("text", 2, "Hình thức, thời gian tổ chức, thành phần và số lượng đại biểu tham dự hội nghị điển hình tiên tiến các cấp."),
        S("text", 3, "Hình thức tổ chức:", items("¶ \"Hội nghị điển hình tiên tiến\"."), inline=True),
        S("time", 3, "Thời gian tổ chức:", {"show_length": True}, inline=True),
        S("composition", 3, "Thành phần và số lượng đại biểu:", {
            "style": "summary",
            "summary_text": "Đại biểu khách mời; đại diện tập thể và cá nhân Chiến sĩ thi đua, điển hình tiên tiến tiêu biểu xuất sắc; điển hình tiên tiến là công nhân, nông dân, người trực tiếp sản xuất, lao động; gương người tốt, việc tốt",
        }),
        S("programme", 2, "Nội dung, chương trình Hội nghị điển hình tiên tiến", {"marker": "-", "items": [{"text": t} for t in (
            "Đón tiếp đại biểu;",
            "Ổn định tổ chức;",
            "Hình ảnh về phong trào thi đua yêu nước;",
            "Tuyên bố lý do, giới thiệu đại biểu và khai mạc;",
            "Báo cáo tổng kết phong trào thi đua và công tác khen thưởng giai đoạn 5 năm 2015-2020; phương hướng, nhiệm vụ công tác thi đua, khen thưởng 5 năm 2020-2025;",
            "Báo cáo tham luận của các điển hình tiên tiến (chú trọng lựa chọn điển hình thật sự tiêu biểu trong 05 năm qua và có sức lan tỏa);",
            "Phát biểu chỉ đạo của cấp trên;",
            "Tổ chức các hoạt động giao lưu với các điển hình tiên tiến;",
            "Biểu dương, tôn vinh, khen thưởng các điển hình tiên tiến;",
            "Phát động phong trào thi đua giai đoạn 2020 - 2025;",
            "Phát biểu hưởng ứng phong trào thi đua;",
            "Thông qua danh sách đại biểu đi dự Hội nghị (Đại hội) cấp trên;",
            "Tổng kết và bế mạc.",
        )]}),
        S("text", 0, content=items("¶ Căn cứ nội dung, yêu cầu chương trình UBND phường có thể tổ chức các hình thức đa dạng, phong phú, sáng tạo, phù hợp, như: Đại biểu thiếu nhi chào mừng, biểu diễn văn nghệ, trao tặng các hình thức khen thưởng, giao lưu trực tiếp với các điển hình, xây dựng phóng sự, phim tài liệu để minh họa...")),
        S("text", 2, "Một số hoạt động trước, trong và sau dịp tổ chức Hội nghị", items(
            "Tổ chức các hoạt động tuyên truyền trên các hệ thống thông tin từ phường đến tổ dân phố về tư tưởng thi đua yêu nước của Chủ tịch Hồ Chí Minh, các chủ trương đường lối của Đảng, chính sách, pháp luật của Nhà nước về thi đua, khen thưởng, những điển hình trong các phong trào thi đua yêu nước, gương người tốt, việc tốt gắn với đợt cao điểm tuyên truyền chào mừng Đại hội Đảng bộ phường lần thứ XXXI nhiệm kỳ 2020-2025 một cách thiết thực, có hiệu quả.",
            "Xây dựng phóng sự truyền hình về phong trào thi đua yêu nước, công tác khen thưởng, xây dựng đô thị văn minh.",
            "Xây dựng chương trình nghệ thuật và giao lưu với các điển hình tiên tiến.",
            "Tổ chức trưng bày các hình ảnh, hiện vật về thành quả trong phong trào thi đua, công tác khen thưởng, xây dựng đô thị văn minh, các điển hình tiên tiến.",
        )),
        S("text", 2, "Một số nội dung trọng tâm của Hội nghị."),
        S("text", 3, "Báo cáo tổng kết phong trào thi đua và công tác khen thưởng giai đoạn 5 năm qua, phương hướng, nhiệm vụ công tác thi đua, khen thưởng 5 năm tới.", items(
            "¶ Đây là nội dung quan trọng cần được chuẩn bị chu đáo, chất lượng, bám sát mục đích, yêu cầu của Hội nghị. (Báo cáo phải nêu được những nét mới, sáng tạo, những phong trào thi đua thiết thực, hiệu quả, những mô hình mới góp phần hoàn thành nhiệm vụ chính trị và nhiệm vụ phát triển kinh tế - xã hội của cơ quan, đơn vị, địa phương (có thể xây dựng phóng sự, video clip, hình ảnh để minh họa cho nội dung báo cáo).",
            "¶ Bố cục và nội dung chính của báo cáo gồm:",
            "- Phần tổng kết phong trào thi đua yêu nước và công tác khen thưởng.",
            "> + Đánh giá kết quả đạt được của các phong trào thi đua yêu nước từ Hội nghị thi đua lần trước đến nay; nêu rõ các phong trào thi đua tiêu biểu và đánh giá tác động, tính thiết thực, hiệu quả của các phong trào thi đua.",
            "> + Kết quả công tác khen thưởng; phân tích kết quả, chất lượng, các hình thức khen thưởng, việc khen thưởng cho người trực tiếp lao động, sản xuất; việc chấp hành các quy định của pháp luật về thi đua, khen thưởng.",
            "> + Đánh giá công tác lãnh đạo, chỉ đạo đổi mới tổ chức phong trào thi đua yêu nước và công tác khen thưởng của cấp ủy Đảng, chính quyền, mặt trận và các tổ chức đoàn thể trong những năm qua.",
            "> + Tồn tại, hạn chế chủ yếu, nguyên nhân và bài học kinh nghiệm.",
            "- Phân phương hướng nhiệm vụ:",
            "> + Xác định phương hướng, mục tiêu chung của phong trào thi đua và công tác khen thưởng trong 05 năm tới.",
            "> + Những nội dung chủ yếu đẩy mạnh phong trào thi đua và công tác khen thưởng góp phần thực hiện nhiệm vụ chính trị và các mục tiêu, chỉ tiêu phát triển kinh tế - xã hội, củng cố quốc phòng - an ninh.",
            "> + Công tác lãnh đạo, chỉ đạo đổi mới công tác thi đua, khen thưởng và các giải pháp chủ yếu.",
            "* Yêu cầu chung của báo cáo: Thông qua việc đánh giá kết quả thực hiện các phong trào thi đua yêu nước để biểu dương, tôn vinh các gương điển hình tiên tiến, gương người tốt, việc tốt; phân tích đánh giá tác dụng của các phong trào thi đua đối với việc thực hiện nhiệm vụ chính trị; rút ra các bài học kinh nghiệm chủ yếu trong công tác lãnh đạo, chỉ đạo tổ chức các phong trào thi đua và công tác khen thưởng, đề ra giải pháp đổi mới công tác thi đua, khen thưởng trong thời gian tới.",
        )),
        S("text", 3, "Báo cáo tham luận của các tập thể, cá nhân điển hình tiên tiến.", items(
            "Báo cáo điển hình phải được lựa chọn đảm bảo có sức thuyết phục, giáo dục, nêu gương; kết hợp giao lưu với các điển hình tiên tiến, có minh họa bằng hình ảnh, video clip, phóng sự...",
            "Số lượng báo cáo: Tùy thuộc vào thời gian Hội nghị để lựa chọn. Nên lựa chọn các tập thể, cá nhân có những mô hình mới, sáng tạo, có sức thuyết phục, lan tỏa, cơ cấu hợp lý, bảo đảm tính đại diện các lĩnh vực, các thành phần (dự kiến tham luận: 05 ý kiến trong đó 02 ý kiến TDP, 01 ý kiến đoàn thể, 01 ý kiến cơ quan, đơn vị, 01 ý kiến cá nhân)",
        )),
        S("decoration", 3, "Tên của Hội nghị thống nhất như sau:", {"maket_lines": [
            "Hội nghị điển hình tiên tiến phường Văn Yên",
            "Giai đoạn 2020 - 2025",
            "Văn Yên, ngày....tháng 03 năm 2020",
        ]}),
        S("text", 1, "CÁC BƯỚC TRIỂN KHAI", numbered(
            ("1,", "Xây dựng và triển khai Kế hoạch;"),
            ("2,", "Các ban ngành, đoàn thể, tổ dân phố xây dựng báo cáo đánh giá tình hình và kết quả thực hiện các phong trào thi đua yêu nước tại tổ chức, đơn vị mình; tổ chức bình xét, giới thiệu các tấm gương điển hình tiên tiến đề xuất vinh danh tại Hội nghị điển hình tiên tiến; gửi báo cáo, danh sách và bản tóm tắt thành tích của các tập thể, cá nhân đề nghị vinh danh về cho Thường trực Hội đồng TĐKT phường để tổng hợp."),
            ("3,", "Hội đồng TĐKT hướng dẫn tiêu chí bình xét, phân bổ chỉ tiêu cho các ban ngành, đơn vị, tổ dân phố; họp bình xét, lựa chọn các tập thể, cá nhân tiêu biểu trên cơ sở danh sách đề xuất của các ban ngành, đoàn thể, tổ dân phố và qua theo dõi thực hiện các phong trào thi đua; dự kiến đại biểu tham dự Hội nghị điển hình tiên tiến cấp thành phố; Tổng hợp, xây dựng báo cáo đánh giá kết quả thực hiện các phong trào thi đua yêu nước trong giai đoạn 2015 – 2020 của phường; phương hướng nhiệm vụ và giải pháp thực hiện giai đoạn 2020 - 2025."),
            ("3,", "Chuẩn bị các điều kiện đảm bảo cho hội nghị (gồm: văn nghệ chào mừng, tài liệu, hội trường, ma kết, giấy mời, Giấy chứng nhận, hoa, tiền thưởng, nước uống...)."),
            ("4,", "Tổ chức Hội nghị."),
        )),
        S("text", 1, "TỔ CHỨC THỰC HIỆN:", number="III."),
        S("steps", 2, "Dự kiến thời gian:", number="1,"),
        S("text", 2, "Phân công trách nhiệm:", items(
            "Chủ tịch, các phó chủ tịch Hội đồng TĐKT: Chỉ đạo, xây dựng và triển khai kế hoạch tổ chức Hội nghị điển hình tiên tiến 5 năm (2020–2025); Chủ trì, khai mạc, phân công phát biểu tham luận, điều hành Hội nghị.",
            "Trưởng các ban ngành, đoàn thể, tổ dân phố chủ trì xây dựng báo cáo đánh giá tình hình và kết quả thực hiện các phong trào thi đua yêu nước tại đơn vị trong 5 năm (2016–2020), đề ra phương hướng nhiệm vụ và giải pháp thực hiện 5 năm 2020-2025; tổ chức bình xét và giới thiệu các gương điển hình tiên tiến của đơn vị để biểu dương tại Hội nghị điển hình tiên tiến của phường",
            "Các thành viên Hội đồng TĐKT phối hợp xây dựng kế hoạch chi tiết và tổ chức thực hiện; tham gia chỉ đạo các đơn vị, tổ dân phố trong quá trình thực hiện theo sự phân công.",
            "Văn phòng Cấp ủy Chính quyền phường, Thư ký Hội đồng TĐKT: phối hợp với Hội đồng Thi đua khen thưởng, các tổ chức, cá nhân liên quan tham mưu: Xây dựng và triển khai thực hiện kế hoạch, dự trù kinh phí, hướng dẫn lựa chọn và xét tôn vinh các điển hình tiên tiến tại Hội nghị; tổng hợp báo cáo đánh giá tình hình và kết quả thực hiện các phong trào thi đua yêu nước 5 năm (2016-2020); tham mưu thành phần, số lượng đại biểu, chuẩn bị các điều kiện phục vụ hội nghị.",
            "Công chức Văn hóa Xã hội chủ trì, phối hợp với bộ phận truyền thanh tăng cường tuyên truyền Hội nghị điển hình tiên tiến các cấp và các gương điển hình tiên tiến; chỉ đạo các hoạt động văn hóa, văn nghệ, thể thao, treo pano, áp phích tuyên truyền, chào mừng Hội nghị điển hình tiên tiến tạo không khí thi đua, sôi nổi rộng khắp trong toàn phường. Mở chuyên đề, chuyên trang, chuyên mục, viết tin bài, ... tuyên truyền về Hội nghị điển hình tiên tiến trên trang thông tin điện tử của phường.",
            "Công chức Tài chính - Kế toán phối hợp xây dựng dự trù kinh phí tổ chức Hội nghị điển hình tiên tiến đảm bảo theo quy định.",
        ), number="2,"),
        S("text", 0, content=items(
            "¶ Đề nghị các ban ngành, đơn vị liên quan phối hợp chuẩn bị các tiết mục văn nghệ chào mừng Hội nghị (Trường Tiểu học: 2 tiết mục, Trường Mầm non 1 – 2 tiết mục, Hội LHPN 1 - 2 tiết mục, Đoàn Thanh niên 01 tiết mục).",
            "¶ Trên đây là Kế hoạch tổ chức Hội nghị điển hình tiên tiến phường Văn Yên giai đoạn 2020-2025; Để kịp thời cho Hội nghị biểu dương các điển hình tiên tiến 5 năm (2020 - 2025), yêu cầu các ban ngành, đoàn thể, đơn vị, tổ dân phố thực hiện nghiêm túc các nội dung kế hoạch đã đề ra. Trong quá trình tổ chức thực hiện trường hợp có vướng mắc, các tổ chức, cá nhân phản ánh về Văn phòng Cấp ủy Chính quyền phường để tổng hợp, báo cáo, đề xuất Ủy ban nhân dân phường xem xét, quyết định./.",
        )),
    ],
}  # fmt: skip

REFERENCE_PLANS = {"HN-DG": DUC_GIANG, "HN-TT": THANH_TRI, "HT-VY": VAN_YEN}


def seed_reference_plan(code: str, by: User | None = None) -> Plan | None:
    """Enter the reference plan of the conference organised by unit `code` (idempotent)."""
    from conferences.models import DocumentNumberRegister, PlanRevision
    from conferences.plans.content import clean
    from conferences.plans.outline import build_outline

    conference = Conference.objects.filter(organiser__code=code).order_by("pk").first()
    if conference is None or Plan.objects.filter(conference=conference).exists():
        return None
    spec = REFERENCE_PLANS[code]
    header = {
        "signer_body": "ỦY BAN NHÂN DÂN",
        "signer_head_title": "CHỦ TỊCH",
        **spec["header"],
    }
    # A plan issued before the software: entered as it was issued, not moved through the
    # workflow (it never went through approval here).
    issued = {}
    if "issued" in spec:
        number, day = spec["issued"]
        issued = {"status": PlanStatus.ISSUED, "number": number, "issued_on": day}
    plan = Plan.objects.create(conference=conference, created_by=by, **header, **issued)
    PlanSection.objects.bulk_create(
        PlanSection(
            plan=plan,
            order=(i + 1) * 10,
            kind=s["kind"],
            level=s["level"],
            heading=s["heading"],
            number=s.get("number", ""),
            inline=s.get("inline", False),
            content=clean(s["kind"], s["content"]),
        )
        for i, s in enumerate(spec["sections"])
    )
    if issued:
        register, _ = DocumentNumberRegister.objects.get_or_create(
            unit=conference.organiser, year=plan.issued_on.year, type_code=plan.type_code
        )
        register.last_number = max(register.last_number, plan.number)
        register.save()
        PlanRevision.objects.create(
            plan=plan,
            number=1,
            event="issued",
            snapshot=build_outline(plan).as_dict(),
            created_by=by,
        )
    return plan


def seed_demo_plans(stdout) -> None:
    for code in REFERENCE_PLANS:
        if seed_reference_plan(code):
            stdout.write(f"Kế hoạch mẫu: {code}")
