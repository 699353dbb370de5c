"""The composition sections of the reference plans, as data for the demo seeder.

Category: (title, kind, min, max, share, noun, honoree, description lines, sub-lines)."""

THANH_TRI_TITLE_START = "Hội nghị biểu dương điển hình tiên tiến, người tốt, việc tốt"

THANH_TRI = [
    (
        "Đại biểu Thành phố",
        "exact",
        10,
        10,
        None,
        "đại biểu",
        False,
        [
            "- Đồng chí Giám đốc Sở Lao động - Thương binh và Xã hội Thành phố phụ trách Cụm thi đua số 3 - Thành phố Hà Nội.",
            "- Đại diện lãnh đạo Sở Nội vụ thành phố Hà Nội",
            "- Đại diện lãnh đạo và chuyên viên Ban Thi đua - Khen thưởng thành phố Hà Nội",
            "- Các cơ quan báo chí đưa tin: Đài phát thanh truyền hình Hà Nội; Báo Kinh tế - đô thị; Công thông tin điện tử Thành phố.",
        ],
        [],
    ),
    (
        "Đại biểu huyện",
        "exact",
        35,
        35,
        None,
        "đại biểu",
        False,
        [
            "- Thường trực, Ban Thường vụ Huyện ủy;",
            "- Thường trực HĐND - UBND huyện;",
            "- Đại diện lãnh đạo các phòng, ban, ngành, đoàn thể, đơn vị thuộc huyện;",
            "- Đại diện một số lãnh đạo các đơn vị hiệp quản trên địa bàn: Chi cục Thống kê; Công an huyện; Ban Chỉ huy Quân sự huyện; Tòa án Nhân dân huyện; Viện kiểm sát Nhân dân huyện; Chi cục Thuế; Kho bạc nhà nước Thanh Trì; Chi cục thi hành án dân sự huyện; Bảo hiểm xã hội huyện; Ngân hàng chính sách xã hội;",
            "- Trung tâm Văn hóa, Thông tin và Thể thao (dự và đưa tin).",
        ],
        [],
    ),
    (
        "Đại biểu cơ sở",
        "exact",
        130,
        130,
        None,
        "đại biểu",
        False,
        [
            "- Các đồng chí Bí thư Đảng ủy, Chủ tịch HĐND, UBND, Ủy ban MTTQ và cán bộ phụ trách công tác thi đua, khen thưởng.",
            "- Hiệu trưởng các trường công lập đóng trên địa bàn xã, thị trấn.",
        ],
        [],
    ),
    (
        "Đại biểu được biểu dương, khen thưởng",
        "exact",
        90,
        90,
        None,
        "đại biểu",
        True,
        [
            "- Các cá nhân được tặng danh hiệu “Người tốt, việc tốt” cấp Thành phố năm 2024.",
            "- Các cá nhân đạt giải Cuộc thi viết về gương ĐHTT, NTVT cấp Thành phố năm 2024.",
            "- Đại diện một số gương “Người tốt, việc tốt” tiêu biểu cấp huyện năm 2024.",
            "- Các cá nhân đạt giải Cuộc thi viết về gương ĐHTT, NTVT cấp huyện năm 2024.",
        ],
        [],
    ),
]

VAN_YEN = [
    (
        "Đại biểu điển hình tiên tiến",
        "share",
        None,
        None,
        70,
        "đại biểu",
        True,
        [
            "Đại diện tập thể và cá nhân Chiến sĩ thi đua, điển hình tiên tiến tiêu biểu xuất sắc; "
            "điển hình tiên tiến là công nhân, nông dân, người trực tiếp sản xuất, lao động; "
            "gương người tốt, việc tốt",
        ],
        [],
    ),
    ("Đại biểu khách mời", "share", None, None, 30, "đại biểu", False, [], []),
]
VAN_YEN_TOTAL_NOTE = "Số lượng đại biểu do đề xuất của Thường trực Hội đồng Thi đua - Khen thưởng"

DUC_GIANG = [
    (
        "Đại diện Ban Thi đua khen thưởng Trung ương, Thành phố, lãnh đạo quận.",
        "none",
        None,
        None,
        None,
        "đại biểu",
        False,
        [],
        [],
    ),
    (
        "Lãnh đạo ĐU-HĐND-UBND-MTTQ, trưởng các ngành đoàn thể, Hiệu trưởng các trường MN, TH và THCS.",
        "none",
        None,
        None,
        None,
        "đại biểu",
        False,
        [],
        [],
    ),
    ("Đại biểu BTCB, TTDP, TBCTMT.", "none", None, None, None, "đại biểu", False, [], []),
    (
        "Các tập thể, cá nhân chiến sĩ thi đua, các gương điển hình tiên tiến, người tốt việc tốt; "
        "Đảng viên hoàn thành xuất sắc nhiệm vụ trong 5 năm.",
        "none",
        None,
        None,
        None,
        "đại biểu",
        True,
        [],
        [],
    ),
]

THUONG_HONG = [
    (
        "Đại biểu cấp trên",
        "exact",
        5,
        5,
        None,
        "đại biểu",
        False,
        [
            "- Đại diện lãnh đạo Sở Nội vụ thành phố Hải Phòng;",
            "- Đại diện lãnh đạo Ban Thi đua - Khen thưởng thành phố.",
        ],
        [],
    ),
    (
        "Đại biểu chính thức",
        "range",
        70,
        80,
        None,
        "đại biểu",
        False,
        [
            "- Thường trực Đảng ủy, HĐND, UBND, Ủy ban MTTQ xã;",
            "- Đại diện các cơ quan, đoàn thể, trường học, hợp tác xã trên địa bàn xã;",
        ],
        [
            ("Bí thư chi bộ thôn, tổ dân phố", "exact", 10, 10, None, "đại biểu", False, [], []),
            ("Trưởng thôn, tổ trưởng tổ dân phố", "exact", 7, 7, None, "đại biểu", False, [], []),
        ],
    ),
    (
        "Đại biểu được biểu dương, khen thưởng",
        "none",
        None,
        None,
        None,
        "đại biểu",
        True,
        ["- Tập thể, cá nhân điển hình tiên tiến tiêu biểu giai đoạn 2020 - 2025."],
        [
            ("Tập thể tiêu biểu", "range", 10, 15, None, "tập thể", False, [], []),
            ("Cá nhân tiêu biểu", "range", 30, 40, None, "đại biểu", False, [], []),
        ],
    ),
]

# unit code -> seats in "Đại biểu chính thức"
THUONG_HONG_SEATS = {
    "HP-TH-TH": 5,
    "HP-TH-T2": 5,
    "HP-TH-T1": 5,
    "HP-TH-T3": 4,
    "HP-TH-HTX": 4,
    "HP-TH-HND": 3,
    "HP-TH-HPN": 3,
    "HP-TH-CA": 2,
}
VILLAGES = ["HP-TH-T1", "HP-TH-T2", "HP-TH-T3", "HP-TH-TDP"]

# full name, gender, birth year, ethnicity, position, sector, direct producer, unit code
THUONG_HONG_PEOPLE = [
    ("Lê Thị Hồng", "female", 1978, "Kinh", "Hiệu trưởng", "culture", False, "HP-TH-TH"),
    ("Phạm Văn Toàn", "male", 1985, "Kinh", "Giáo viên", "culture", False, "HP-TH-TH"),
    ("Nguyễn Thị Thanh Hương", "female", 1992, "Kinh", "Giáo viên", "culture", False, "HP-TH-TH"),
    ("Bùi Văn Nam", "male", 1969, "Kinh", "Trưởng thôn", "party_state", False, "HP-TH-T2"),
    ("Đỗ Thị Lựu", "female", 1974, "Kinh", "Nông dân", "economy", True, "HP-TH-T2"),
    ("Vũ Văn Khải", "male", 1958, "Kinh", "Nông dân sản xuất giỏi", "economy", True, "HP-TH-T2"),
    ("Trần Văn Được", "male", 1966, "Kinh", "Chủ trang trại", "economy", True, "HP-TH-T1"),
    (
        "Hoàng Thị Nga",
        "female",
        1981,
        "Tày",
        "Chi hội trưởng phụ nữ",
        "mass_org",
        False,
        "HP-TH-T1",
    ),
    ("Nguyễn Văn Sơn", "male", 1990, "Kinh", "Công nhân", "economy", True, "HP-TH-T1"),
    ("Lương Văn Tấn", "male", 1955, "Kinh", "Cựu chiến binh", "defence", False, "HP-TH-T1"),
    ("Phạm Thị Yến", "female", 1998, "Kinh", "Bí thư chi đoàn", "mass_org", False, "HP-TH-T1"),
    ("Đinh Văn Quý", "male", 1972, "Mường", "Nông dân", "economy", True, "HP-TH-T3"),
    ("Ngô Thị Bích", "female", 1987, "Kinh", "Tổ trưởng tổ hòa giải", "society", False, "HP-TH-T3"),
    ("Trịnh Văn Hải", "male", 1979, "Kinh", "Công an viên", "security", False, "HP-TH-T3"),
    ("Mai Thị Duyên", "female", 2000, "Kinh", "Nông dân", "economy", True, "HP-TH-T3"),
    ("Đặng Văn Lực", "male", 1968, "Kinh", "Giám đốc hợp tác xã", "economy", False, "HP-TH-HTX"),
    ("Cao Thị Huệ", "female", 1983, "Kinh", "Xã viên", "economy", True, "HP-TH-HTX"),
    ("Tạ Văn Thắng", "male", 1976, "Kinh", "Xã viên", "economy", True, "HP-TH-HTX"),
    ("Lý Thị Mai", "female", 1995, "Kinh", "Kế toán", "economy", False, "HP-TH-HTX"),
    (
        "Vương Văn Đức",
        "male",
        1961,
        "Kinh",
        "Chủ tịch Hội Nông dân",
        "mass_org",
        False,
        "HP-TH-HND",
    ),
    ("Hà Thị Xuân", "female", 1970, "Kinh", "Hội viên nông dân", "economy", True, "HP-TH-HND"),
    ("Kiều Văn Hòa", "male", 1988, "Kinh", "Hội viên nông dân", "economy", True, "HP-TH-HND"),
    (
        "Nguyễn Thị Lan Anh",
        "female",
        1984,
        "Kinh",
        "Chủ tịch Hội Phụ nữ",
        "mass_org",
        False,
        "HP-TH-HPN",
    ),
    ("Trần Thị Ánh", "female", 1993, "Kinh", "Hội viên phụ nữ", "society", False, "HP-TH-HPN"),
    ("Phan Thị Ngọc", "female", 1960, "Kinh", "Chức sắc tôn giáo", "religion", False, "HP-TH-HPN"),
]
# Village party secretaries (sub-line) and guests from above.
THUONG_HONG_SECRETARIES = [
    ("Vũ Văn Hậu", "male", 1965, "HP-TH-T1"),
    ("Nguyễn Văn Tường", "male", 1963, "HP-TH-T2"),
]
THUONG_HONG_GUESTS = [
    ("Đỗ Văn Thành", "male", 1972, "Phó Giám đốc Sở Nội vụ", "Sở Nội vụ thành phố Hải Phòng"),
    (
        "Lê Thị Thu Trang",
        "female",
        1980,
        "Trưởng phòng",
        "Ban Thi đua - Khen thưởng thành phố Hải Phòng",
    ),
]
THUONG_HONG_COLLECTIVES = [
    "Hợp tác xã Dịch vụ nông nghiệp Thượng Hồng",
    "Chi hội Phụ nữ thôn Trung",
    "Tổ dân phố Đông Hồng",
]
