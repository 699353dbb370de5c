"""Demo assignments, entered from the reference plans word for word.

Each block: (unit code, heading as printed, role, code of the supported unit or "", duties, note)."""

# "VI. TỔ CHỨC THỰC HIỆN" of Kế hoạch 330/KH-UBND (Thanh Trì, 20/9/2024).
THANH_TRI_BLOCKS = [
    (
        "HN-TT-NV",
        "Phòng Nội vụ",
        "lead",
        "",
        [
            "Là cơ quan thường trực, tham mưu UBND huyện xây dựng Kế hoạch, triển khai, thực hiện và đôn đốc các đơn vị phối hợp tổ chức hội nghị.",
            "Gửi giấy mời đến Lãnh đạo Thành phố phụ trách cụm thi đua số 3, Ban Thi đua - Khen thưởng, Sở Nội vụ Thành phố; Lãnh đạo phòng Nghiệp vụ 2, Ban Thi đua - Khen thưởng Thành phố, chuyên viên phụ trách Cụm thi đua số 3 - Thành phố Hà Nội.",
            "Xây dựng Báo cáo tổng kết phong trào thi đua “Người tốt, việc tốt” năm 2024; tổng kết Cuộc thi viết về gương điển hình tiên tiến, người tốt, việc tốt (ĐHTT, NTVT) trong phong trào thi đua yêu nước huyện Thanh Trì năm 2024.",
            "Xây dựng kịch bản chương trình giao lưu, tọa đàm biểu dương gương điển hình tiên tiến, người tốt, việc tốt và các giải pháp đổi mới, nâng cao chất lượng công tác phát hiện, bồi dưỡng, tuyên truyền nhân rộng điển hình tiên tiến, lan tỏa hoạt động đẹp trên địa bàn huyện những năm tiếp theo.",
            "Tham mưu UBND huyện Quyết định khen thưởng và in Giấy khen, điều hành công tác khen thưởng tại Hội nghị.",
            "Niêm yết Danh sách khen thưởng, gửi báo cáo tới các đại biểu dự hội nghị.",
            "Phối hợp với các đơn vị liên quan lựa chọn đề xuất các điển hình giao lưu, tọa đàm tại Hội nghị và hướng dẫn, đôn đốc chuẩn bị các nội dung tham luận.",
            "Phối hợp với Văn phòng HĐND-UBND huyện hướng dẫn đại biểu nhận khen thưởng ngồi đúng vị trí trong Hội trường; phát kinh phí Hội nghị, kinh phí thưởng và tổ chức trao thưởng.",
        ],
        "",
    ),
    (
        "HN-TT-VP",
        "Văn phòng HĐND - UBND huyện",
        "lead",
        "",
        [
            "Chuẩn bị bài phát biểu của lãnh đạo Thành phố, lãnh đạo huyện; Tham mưu và phát hành giấy mời đại biểu và các cá nhân được khen thưởng.",
            "Tham mưu tổng duyệt và dẫn chương trình Hội nghị; phối hợp cùng phòng Nội vụ cấp kinh phí hội nghị; kinh phí thưởng.",
            "Đón tiếp các đại biểu và điều hành công tác tổ chức hội nghị; phối hợp với Đoàn Thanh niên Cơ quan UBND huyện cử 08 đoàn viên phục vụ đón, tiếp khách và trao thưởng.",
            "Phối hợp với phòng Nội vụ hướng dẫn đại biểu được khen thưởng ngồi đúng vị trí trong hội trường, phát kinh phí Hội nghị, kinh phí thưởng và tổ chức trao thưởng.",
        ],
        "",
    ),
    (
        "HN-TT-VHTT",
        "Phòng Văn hoá -Thông tin",
        "lead",
        "",
        [
            "Chủ trì và phối hợp với Trung tâm Văn hóa, Thông tin và Thể thao xây dựng maket, nội dung băng rôn khẩu hiệu.",
        ],
        "",
    ),
    (
        "HN-TT-TTVH",
        "Trung tâm Văn hóa, Thông tin và Thể thao",
        "lead",
        "",
        [
            "Chuẩn bị Phóng sự về phong trào “Người tốt, việc tốt”, tuyên truyền về các gương ĐHTT, NTVT năm 2024.",
            "Chịu trách nhiệm phân công người dẫn chương trình phần giao lưu, tọa đàm tổng duyệt phần giao lưu, tọa đàm.",
            "Tổ chức tuyên truyền Phong trào “Người tốt, việc tốt” và “Cuộc thi viết về gương điển hình tiên tiến, người tốt, việc tốt”.",
            "Trang trí, băng rôn, khẩu hiệu phục vụ Hội nghị theo hướng dẫn của phòng Văn hóa và Thông tin huyện.",
            "Bố trí bàn, ghế, thiết bị âm thanh và trình chiếu các gương điển hình tiên tiến, người tốt, việc tốt trên sân khấu để giao lưu, tọa đàm.",
            "Viết tin bài, đưa tin Hội nghị; biên tập và tuyên truyền về kết quả phong trào thi đua yêu nước trên địa bàn huyện.",
            "Chuẩn bị các tiết mục văn nghệ chào mừng (dự kiến 30 phút).",
        ],
        "(Kính phí thực hiện chi từ nguồn chi thường xuyên của Trung tâm Văn hoá, thông tin và thể thao được UBND huyện giao năm 2024).",
    ),
    (
        "HN-TT-BTG",
        "Đề nghị Ban Tuyên giáo Huyện ủy",
        "lead",
        "",
        [
            "Thẩm định Market trang trí trong và ngoài Hội trường và tham gia tổng duyệt phóng sự, duyệt chương trình phần giao lưu, tọa đàm.",
        ],
        "",
    ),
    (
        "HN-TT-CA",
        "Công an huyện",
        "lead",
        "",
        [
            "Hướng dẫn phân luồng giao thông đảm bảo tốt công tác an ninh trật tự trước, trong và sau thời gian tổ chức Hội nghị; bố trí lực lượng, phương tiện, dụng cụ đảm bảo công tác phòng cháy, chữa cháy trong quá trình tổ chức Hội nghị.",
        ],
        "",
    ),
    (
        "HN-TT-QS",
        "Ban Chỉ huy Quân sự huyện",
        "support",
        "HN-TT-DL",
        [
            "Phối hợp với Công ty Điện lực Thanh Trì chuẩn bị máy phát điện (dự phòng trong trường hợp mất điện).",
        ],
        "",
    ),
    (
        "HN-TT-DL",
        "Đề nghị Công ty Điện lực Thanh Trì",
        "lead",
        "",
        [
            "Đảm bảo nguồn điện trong thời gian diễn ra Hội nghị.",
        ],
        "",
    ),
    (
        "HN-TT-QLDA",
        "Ban Quản lý dự án đầu tư xây dựng",
        "lead",
        "",
        [
            "Chỉ đạo Công ty cổ phần môi trường Đô thị Thanh Trì đảm bảo công tác vệ sinh môi trường trên địa bàn, khu vực đường đôi Huyện ủy và UBND huyện.",
        ],
        "",
    ),
    (
        "HN-TT-CQDV",
        "UBND các xã, thị trấn, các cơ quan, đơn vị",
        "lead",
        "",
        [
            "Đẩy mạnh công tác tuyên truyền các phong trào thi đua yêu nước, phong trào “Người tốt, việc tốt”, tuyên truyền và biểu dương các gương điển hình tiên tiến đảm bảo chất lượng, hiệu quả.",
            "Gửi Giấy mời và chịu trách nhiệm đảm bảo số lượng đại biểu dự Hội nghị đúng thành phần, đúng thời gian, địa điểm quy định.",
        ],
        "(Ngoài nội dung được giao tại Kế hoạch, các đơn vị thực hiện nhiệm vụ đột xuất khác do UBND huyện phân công).",
    ),
]

# "II. PHÂN CÔNG NHIỆM VỤ" of the Đức Giang plan (2020-2025).
DUC_GIANG_BLOCKS = [
    (
        "HN-DG-VP",
        "Văn phòng HĐND&UBND",
        "lead",
        "",
        [
            "Tham mưu kế hoạch tổ chức Hội nghị điển hình tiên tiến, xây dựng báo cáo tổng kết giai đoạn 2015-2020, phương hướng nhiệm vụ và phát động thi đua giai đoạn 2020-2025 và các văn bản kèm theo. Đồng chí Thắng – CNTT tham mưu báo cáo slide phục vụ hội nghị.",
            "Tổng hợp số lượng thành phần dự họp, thành phần cá nhân tập thể biểu dương khen thưởng.",
            "Viết giấy mời, tham mưu phân công nhiệm vụ, chương trình hội nghị, là đầu mối kiểm tra toàn bộ các nội dung công tác chuẩn bị.",
        ],
        "",
    ),
    (
        "HN-DG-VHTT",
        "Bộ phận Văn hóa thông tin",
        "lead",
        "",
        [
            "Chịu trách nhiệm tuyên truyền hội nghị điển hình tiên tiến, các gương điển hình tiên tiến, người tốt việc tốt.",
            "Chuẩn bị ma kết trang trí hội nghị, chương trình văn nghệ và âm thanh loa máy phục vụ hội nghị.",
        ],
        "",
    ),
    (
        "HN-DG-TCKT",
        "Bộ phận Tài chính- Kế toán",
        "lead",
        "",
        [
            "Bố trí kinh phí chi hội nghị, kinh phí khen thưởng, hướng dẫn thanh quyết toán kinh phí, bàn giao cho thủ quỹ chi kinh phí tại hội nghị.",
        ],
        "",
    ),
]
