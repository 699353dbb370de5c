"""The demo world: two provinces, a historic district (Thanh Trì, 2024) and a commune
(Thượng Hồng, 2025-2030) with their offices, villages, schools and agencies.

Each entry: (code, name, short name, kind, children)."""

K = "kind"

THANH_TRI = (
    "HN-TT",
    "Ủy ban nhân dân huyện Thanh Trì",
    "UBND huyện Thanh Trì",
    "district",
    [
        ("HN-TT-NV", "Phòng Nội vụ huyện Thanh Trì", "Phòng Nội vụ", "office", []),
        ("HN-TT-VP", "Văn phòng HĐND - UBND huyện", "Văn phòng HĐND - UBND", "office", []),
        ("HN-TT-VHTT", "Phòng Văn hóa và Thông tin huyện", "Phòng VH-TT", "office", []),
        (
            "HN-TT-TTVH",
            "Trung tâm Văn hóa, Thông tin và Thể thao huyện",
            "TT VH-TT-TT",
            "office",
            [],
        ),
        ("HN-TT-BTG", "Ban Tuyên giáo Huyện ủy", "Ban Tuyên giáo", "organisation", []),
        ("HN-TT-CA", "Công an huyện Thanh Trì", "Công an huyện", "agency", []),
        ("HN-TT-QS", "Ban Chỉ huy Quân sự huyện", "BCH Quân sự huyện", "agency", []),
        ("HN-TT-DL", "Công ty Điện lực Thanh Trì", "Điện lực Thanh Trì", "agency", []),
        ("HN-TT-QLDA", "Ban Quản lý dự án đầu tư xây dựng huyện", "Ban QLDA", "office", []),
        ("HN-TT-TQ", "Ủy ban nhân dân xã Tả Thanh Oai", "UBND xã Tả Thanh Oai", "commune", []),
        ("HN-TT-VD", "Ủy ban nhân dân thị trấn Văn Điển", "UBND TT Văn Điển", "commune", []),
    ],
)

THUONG_HONG = (
    "HP-TH",
    "Ủy ban nhân dân xã Thượng Hồng",
    "UBND xã Thượng Hồng",
    "commune",
    [
        ("HP-TH-VP", "Văn phòng HĐND và UBND xã", "Văn phòng HĐND và UBND", "office", []),
        ("HP-TH-KT", "Phòng Kinh tế xã", "Phòng Kinh tế", "office", []),
        ("HP-TH-VHXH", "Phòng Văn hóa - Xã hội xã", "Phòng VH-XH", "office", []),
        ("HP-TH-HCC", "Trung tâm phục vụ hành chính công xã", "Trung tâm HCC", "office", []),
        ("HP-TH-DU", "Đảng ủy xã Thượng Hồng", "Đảng ủy xã", "organisation", []),
        ("HP-TH-MT", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "UB MTTQ xã", "organisation", []),
        (
            "HP-TH-DTN",
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã",
            "Đoàn Thanh niên",
            "organisation",
            [],
        ),
        ("HP-TH-HPN", "Hội Liên hiệp Phụ nữ xã", "Hội Phụ nữ", "organisation", []),
        ("HP-TH-HND", "Hội Nông dân xã", "Hội Nông dân", "organisation", []),
        ("HP-TH-HCCB", "Hội Cựu chiến binh xã", "Hội CCB", "organisation", []),
        ("HP-TH-T1", "Thôn Thượng", "Thôn Thượng", "village", []),
        ("HP-TH-T2", "Thôn Trung", "Thôn Trung", "village", []),
        ("HP-TH-T3", "Thôn Hạ", "Thôn Hạ", "village", []),
        ("HP-TH-TDP", "Tổ dân phố Đông Hồng", "TDP Đông Hồng", "village", []),
        ("HP-TH-MN", "Trường Mầm non Thượng Hồng", "Trường MN", "school", []),
        ("HP-TH-TH", "Trường Tiểu học Thượng Hồng", "Trường TH", "school", []),
        ("HP-TH-THCS", "Trường Trung học cơ sở Thượng Hồng", "Trường THCS", "school", []),
        ("HP-TH-CA", "Công an xã Thượng Hồng", "Công an xã", "agency", []),
        ("HP-TH-QS", "Ban Chỉ huy Quân sự xã", "BCH Quân sự xã", "agency", []),
        ("HP-TH-DL", "Đội Quản lý điện Thượng Hồng", "Điện lực", "agency", []),
        ("HP-TH-HTX", "Hợp tác xã Dịch vụ nông nghiệp Thượng Hồng", "HTX DVNN", "enterprise", []),
    ],
)

TREE = [
    ("HN", "Ủy ban nhân dân thành phố Hà Nội", "UBND thành phố Hà Nội", "province", [THANH_TRI]),
    (
        "HP",
        "Ủy ban nhân dân thành phố Hải Phòng",
        "UBND thành phố Hải Phòng",
        "province",
        [THUONG_HONG],
    ),
]

# username, full name, role, unit code, position
USERS = [
    ("canbo", "Nguyễn Thị Thu Hà", "staff", "HP-TH", "Công chức Văn hóa - Xã hội"),
    ("lanhdao", "Phạm Văn Hùng", "leader", "HP-TH", "Chủ tịch UBND xã"),
    (
        "hoidong",
        "Trần Thị Mai",
        "council",
        "HP-TH",
        "Phó Chủ tịch UBND xã, thành viên Hội đồng TĐKT",
    ),
    (
        "hoidong2",
        "Vũ Đức Thắng",
        "council",
        "HP-TH",
        "Chủ tịch UB MTTQ xã, thành viên Hội đồng TĐKT",
    ),
    (
        "hoidong3",
        "Lương Văn Bảo",
        "council",
        "HP-TH",
        "Chủ tịch Hội Nông dân xã, thành viên Hội đồng TĐKT",
    ),
    ("quantri", "Đỗ Minh Tuấn", "admin", "HP-TH", "Công chức Văn phòng HĐND và UBND"),
    ("vanthu", "Nguyễn Thị Ngọc", "clerk", "HP-TH", "Văn thư UBND xã"),
    ("truonghoc", "Lê Thị Hồng", "submitter", "HP-TH-TH", "Hiệu trưởng"),
    ("thontrung", "Bùi Văn Nam", "submitter", "HP-TH-T2", "Trưởng thôn"),
    ("congan", "Hoàng Văn Dũng", "reporter", "HP-TH-CA", "Trưởng Công an xã"),
    ("thanhtri", "Ngô Thị Lan", "staff", "HN-TT", "Chuyên viên Phòng Nội vụ"),
    ("thanhtri.lanhdao", "Phan Văn Minh", "leader", "HN-TT", "Chủ tịch UBND huyện"),
    ("thanhtri.vanthu", "Đặng Thị Thu", "clerk", "HN-TT", "Văn thư UBND huyện"),
    # The head of the Phòng Nội vụ, which drafted for the UBND huyện (DRAFTING): checks the
    # plan and the award decision before the Chủ tịch.
    ("thanhtri.noivu", "Trịnh Văn Quang", "leader", "HN-TT-NV", "Trưởng phòng Nội vụ huyện"),
]

# office code -> the organiser it drafts for (conferences.review_chain)
DRAFTING = {"HN-TT-NV": "HN-TT"}
