"""The sections a new summary report starts from, by the conference's kind. Texts carry
figure tokens ([[key]], reports.figures) the staff keep, move or delete while editing."""

from __future__ import annotations

from conferences.models import Conference

K = Conference.Kind

_SITUATION = """Thực hiện Kế hoạch tổ chức hội nghị, các cơ quan, đơn vị, thôn, tổ dân phố đã triển khai phong trào thi đua đến cán bộ, đảng viên và Nhân dân.
- Thuận lợi: ...
- Khó khăn: ..."""

_MOVEMENT = """Ủy ban nhân dân đã phát động [[so_dot]] đợt đề nghị khen thưởng; các đơn vị gửi [[ho_so_gui]] hồ sơ đề nghị, Hội đồng Thi đua - Khen thưởng thông qua [[ho_so_thong_qua]] hồ sơ.
Hội nghị mời [[dai_bieu_moi]] đại biểu, có [[dai_bieu_co_mat]] đại biểu có mặt."""

_AWARDS = """Khen thưởng [[khen_thuong]] tập thể, cá nhân, trong đó [[khen_tap_the]] tập thể và [[khen_ca_nhan]] cá nhân ([[khen_nu]] nữ, [[khen_nam]] nam).
- Theo hình thức: [[theo_hinh_thuc]].
- Theo lĩnh vực: [[theo_linh_vuc]].
- Tổng tiền thưởng: [[tien_thuong]] (*[[tien_thuong_bang_chu]]*)."""

_ASSESSMENT = """1. Ưu điểm: ...
2. Tồn tại, hạn chế: ...
3. Bài học kinh nghiệm: ..."""

_DIRECTION = """- Tiếp tục đẩy mạnh phong trào thi đua ...
- Phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến, người tốt, việc tốt ..."""

_BASE = [
    (1, "text", "ĐẶC ĐIỂM TÌNH HÌNH", _SITUATION),
    (1, "text", "KẾT QUẢ TRIỂN KHAI PHONG TRÀO", _MOVEMENT),
    (1, "text", "KẾT QUẢ KHEN THƯỞNG", _AWARDS),
    (0, "awards_table", "", ""),
    (1, "text", "ĐÁNH GIÁ CHUNG", _ASSESSMENT),
    (1, "text", "PHƯƠNG HƯỚNG, NHIỆM VỤ", _DIRECTION),
]

# What changes by kind: the subject and the words of the first section.
SUBJECTS = {
    K.EXEMPLAR_FIVE_YEAR: "Tổng kết phong trào thi đua yêu nước giai đoạn {period}",
    K.ANNUAL_REVIEW: "Tổng kết phong trào thi đua, công tác khen thưởng năm {period}",
    K.GOOD_DEEDS: "Kết quả phong trào “Người tốt, việc tốt” năm {period}",
    K.GOOD_DEEDS_CONTEST: "Kết quả phong trào “Người tốt, việc tốt” và cuộc thi viết năm {period}",
}
_CONTEST = """Cuộc thi viết về người tốt, việc tốt nhận được các bài dự thi của cán bộ, đảng viên và Nhân dân; Ban Tổ chức đã chấm và trao giải."""


def sections_for(kind: str) -> list[tuple[int, str, str, str]]:
    """(level, kind, heading, text) of each default section."""
    sections = list(_BASE)
    if kind == K.GOOD_DEEDS_CONTEST:
        sections.insert(2, (2, "text", "Cuộc thi viết", _CONTEST))
    return sections


def subject_for(conference) -> str:
    template = SUBJECTS.get(conference.kind, "Tổng kết {title}")
    return template.format(period=conference.period_label, title=conference.title)
