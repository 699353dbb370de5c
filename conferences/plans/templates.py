"""Starting points for a plan, one per kind of conference. The wording is ours: typical text an
office edits, not a copy of any real plan. Sections whose content lives elsewhere (composition,
implementation, steps) come empty and fill from the delegates and assignments screens."""

from __future__ import annotations

from conferences.models import Conference

KIND = Conference.Kind


def _items(texts: list[str], marker: str = "-") -> dict:
    return {"items": [{"text": t, "marker": marker} for t in texts]}


PURPOSES = {
    KIND.EXEMPLAR_FIVE_YEAR: [
        "Đánh giá kết quả các phong trào thi đua yêu nước và công tác khen thưởng giai đoạn vừa "
        "qua; rút ra bài học kinh nghiệm trong phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến.",
        "Biểu dương, tôn vinh các tập thể, cá nhân tiêu biểu xuất sắc; lựa chọn đại biểu dự Hội "
        "nghị, Đại hội thi đua yêu nước cấp trên.",
        "Phát động phong trào thi đua yêu nước giai đoạn tới, tạo khí thế thi đua sôi nổi hoàn "
        "thành các nhiệm vụ phát triển kinh tế - xã hội của địa phương.",
    ],
    KIND.ANNUAL_REVIEW: [
        "Tổng kết phong trào thi đua và công tác khen thưởng năm; đánh giá những kết quả đạt "
        "được, hạn chế và nguyên nhân.",
        "Khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong năm.",
        "Phát động phong trào thi đua năm mới với các chỉ tiêu, nhiệm vụ cụ thể.",
    ],
    KIND.GOOD_DEEDS: [
        "Biểu dương, tôn vinh những tấm gương người tốt, việc tốt tiêu biểu trên các lĩnh vực "
        "đời sống xã hội.",
        "Lan tỏa những việc làm tốt, hành động đẹp; khơi dậy tinh thần tương thân, tương ái "
        "trong cán bộ và nhân dân.",
    ],
    KIND.GOOD_DEEDS_CONTEST: [
        "Biểu dương, tôn vinh những tấm gương người tốt, việc tốt tiêu biểu trên các lĩnh vực "
        "đời sống xã hội.",
        "Tổng kết, trao giải Cuộc thi viết về gương điển hình tiên tiến, người tốt, việc tốt; "
        "giới thiệu những bài viết hay để tuyên truyền rộng rãi.",
        "Lan tỏa những việc làm tốt, hành động đẹp; khơi dậy tinh thần tương thân, tương ái "
        "trong cán bộ và nhân dân.",
    ],
}
REQUIREMENTS = [
    "Tổ chức Hội nghị trang trọng, thiết thực, tiết kiệm; tránh phô trương, hình thức.",
    "Các tập thể, cá nhân được biểu dương phải thực sự tiêu biểu, có sức lan tỏa, được quần "
    "chúng suy tôn.",
]
PROGRAMME = {
    KIND.EXEMPLAR_FIVE_YEAR: [
        "Văn nghệ chào mừng.",
        "Chào cờ; tuyên bố lý do, giới thiệu đại biểu.",
        "Báo cáo tổng kết phong trào thi đua và công tác khen thưởng giai đoạn; phương hướng, "
        "nhiệm vụ giai đoạn tới.",
        "Tham luận của các điển hình tiên tiến.",
        "Phát biểu chỉ đạo của lãnh đạo cấp trên.",
        "Biểu dương, khen thưởng các điển hình tiên tiến.",
        "Phát động phong trào thi đua giai đoạn tới.",
        "Thông qua danh sách đại biểu dự Hội nghị, Đại hội thi đua cấp trên.",
        "Bế mạc Hội nghị.",
    ],
    KIND.ANNUAL_REVIEW: [
        "Tuyên bố lý do, giới thiệu đại biểu.",
        "Báo cáo tổng kết công tác thi đua, khen thưởng năm và phương hướng năm tới.",
        "Ý kiến tham luận.",
        "Phát biểu chỉ đạo của lãnh đạo.",
        "Công bố quyết định và trao khen thưởng.",
        "Phát động phong trào thi đua năm mới; ký giao ước thi đua.",
        "Bế mạc.",
    ],
    KIND.GOOD_DEEDS: [
        "Văn nghệ chào mừng.",
        "Tuyên bố lý do, giới thiệu đại biểu.",
        "Phóng sự về các gương người tốt, việc tốt tiêu biểu.",
        "Giao lưu với các gương người tốt, việc tốt.",
        "Phát biểu của lãnh đạo.",
        "Công bố quyết định và trao khen thưởng.",
        "Kết thúc Hội nghị.",
    ],
}
PROGRAMME[KIND.GOOD_DEEDS_CONTEST] = [
    *PROGRAMME[KIND.GOOD_DEEDS][:4],
    "Báo cáo tổng kết Cuộc thi viết; công bố kết quả và trao giải.",
    *PROGRAMME[KIND.GOOD_DEEDS][4:],
]
PROGRAMME[KIND.OTHER] = PROGRAMME[KIND.ANNUAL_REVIEW]
PURPOSES[KIND.OTHER] = PURPOSES[KIND.ANNUAL_REVIEW]
RECIPIENTS = [
    "Thường trực Đảng ủy, HĐND;",
    "Chủ tịch, các Phó Chủ tịch UBND;",
    "Các cơ quan, đơn vị có tên tại mục Tổ chức thực hiện;",
    "Lưu: VT.",
]


BLANK = "blank"


def template_for(kind: str, conference: Conference) -> dict:
    """The header overrides and the sections of the template for `kind` ("blank": none, the
    office adds every section itself)."""
    if kind == BLANK:
        return {"label": "Kế hoạch trống", "header": {"recipients": []}, "sections": []}
    if kind not in KIND.values:
        kind = conference.kind
    organiser = conference.organiser
    title = conference.title
    name = title[len("Hội nghị ") :] if title.lower().startswith("hội nghị ") else title
    sections = [
        {
            "kind": "legal_basis",
            "level": 0,
            "content": {
                "verb": "Căn cứ",
                "documents": [
                    {
                        "doc_type": "Luật Thi đua, khen thưởng",
                        "number": "06/2022/QH15",
                        "date": "2022-06-15",
                        "issuer": "Quốc hội",
                    },
                ],
            },
        },
        {
            "kind": "text",
            "level": 0,
            "content": _items(
                [f"{organiser.name} xây dựng Kế hoạch tổ chức {title}, cụ thể như sau:"], ""
            ),
        },
        {"kind": "text", "level": 1, "heading": "MỤC ĐÍCH, YÊU CẦU"},
        {"kind": "text", "level": 2, "heading": "Mục đích:", "content": _items(PURPOSES[kind])},
        {"kind": "text", "level": 2, "heading": "Yêu cầu:", "content": _items(REQUIREMENTS)},
        {"kind": "text", "level": 1, "heading": "THỜI GIAN, ĐỊA ĐIỂM"},
        {"kind": "time", "level": 2, "heading": "Thời gian:", "inline": True},
        {"kind": "venue", "level": 2, "heading": "Địa điểm:", "inline": True},
        {"kind": "composition", "level": 1, "heading": "THÀNH PHẦN, SỐ LƯỢNG ĐẠI BIỂU"},
        {
            "kind": "programme",
            "level": 1,
            "heading": "NỘI DUNG CHƯƠNG TRÌNH",
            "content": {
                "marker": "numbered",
                "items": [{"text": t} for t in PROGRAMME[kind]],
            },
        },
        {
            "kind": "decoration",
            "level": 1,
            "heading": "MAKÉT TRANG TRÍ",
            "content": {
                "maket_lines": [organiser.name.upper(), "HỘI NGHỊ", name.upper()],
                "banner": f"Nhiệt liệt chào mừng {title}",
            },
        },
        {"kind": "implementation", "level": 1, "heading": "TỔ CHỨC THỰC HIỆN"},
        {"kind": "steps", "level": 1, "heading": "TIẾN ĐỘ THỰC HIỆN"},
        {
            "kind": "text",
            "level": 0,
            "content": _items(
                [
                    f"Trên đây là Kế hoạch tổ chức {title}. Đề nghị các cơ quan, đơn vị liên "
                    "quan nghiêm túc triển khai thực hiện./."
                ],
                "",
            ),
        },
    ]
    return {
        "label": KIND(kind).label,
        "header": {"recipients": list(RECIPIENTS)},
        "sections": sections,
    }
