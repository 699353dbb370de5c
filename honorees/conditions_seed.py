"""The conditions of titles as the law words them, seeded into AwardCondition (by code, so
running it again adds only what is missing: a later migration that adds an award form, for
example the province's "Chiến sĩ thi đua" title, calls `seed_conditions` again). The rows
read only plain values, so migrations use them with their historical models.

Checked with the legal Q&A pages (secondary sources quoting the article): the standards of
"Chiến sĩ thi đua cơ sở" and of the province's "Chiến sĩ thi đua" (Luật Thi đua, khen thưởng
2022, Điều 21), of "Tập thể lao động xuất sắc" (as a province published it in 2024). Not
found: the 2022 wording of "Tập thể lao động tiên tiến" (seeded from a provincial regulation,
labelled unverified)."""

LAW_2022 = "Luật Thi đua, khen thưởng số 06/2022/QH15"
CSTDCS_SOURCE = f"{LAW_2022}, Điều 21 (tiêu chuẩn danh hiệu “Chiến sĩ thi đua cơ sở”)"
CSTD_TINH_SOURCE = (
    f"{LAW_2022}, Điều 21 (tiêu chuẩn danh hiệu Chiến sĩ thi đua Bộ, ban, ngành, tỉnh)"
)
TTLDXS_SOURCE = (
    f"{LAW_2022} (tiêu chuẩn “Tập thể lao động xuất sắc”, theo thủ tục hành chính công bố tại "
    "QĐ 362/QĐ-UBND ngày 02/02/2024 của UBND tỉnh Thừa Thiên Huế)"
)
TTLDTT_SOURCE = (
    "Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 3–4 (lời văn của Luật 2022: chưa xác minh)"
)

# code, award form code, kind, text, required form code, count, consecutive, source, verified
CONDITIONS = [
    ("cstdcs-ldtt", "cstd-cs", "declaration",
     "Đạt tiêu chuẩn danh hiệu “Lao động tiên tiến” (hoặc “Chiến sĩ tiên tiến”) trong năm",
     None, 1, True, CSTDCS_SOURCE, True),
    ("cstdcs-sang-kien", "cstd-cs", "declaration",
     "Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến được cơ sở công nhận, hoặc có đề tài, "
     "đề án, công trình khoa học và công nghệ đã được nghiệm thu",
     None, 1, True, CSTDCS_SOURCE, True),
    ("cstdtinh-3-cstdcs", "cstd-tinh", "history",
     "Có 03 lần liên tục được tặng danh hiệu “Chiến sĩ thi đua cơ sở”",
     "cstd-cs", 3, True, CSTD_TINH_SOURCE, True),
    ("cstdtinh-sang-kien", "cstd-tinh", "declaration",
     "Có sáng kiến đã được áp dụng hiệu quả và có khả năng nhân rộng trong tỉnh, hoặc có đề "
     "tài, đề án, công trình khoa học đã được nghiệm thu và áp dụng hiệu quả trong tỉnh",
     None, 1, True, CSTD_TINH_SOURCE, True),
    ("ttldtt-70-ldtt", "tt-ldtt", "declaration",
     "Có từ 70% cá nhân trong tập thể đạt danh hiệu “Lao động tiên tiến”",
     None, 1, True, TTLDTT_SOURCE, False),
    ("ttldtt-khong-ky-luat", "tt-ldtt", "declaration",
     "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên",
     None, 1, True, TTLDTT_SOURCE, False),
    ("ttldxs-htxs", "tt-ldxs", "declaration",
     "Hoàn thành xuất sắc nhiệm vụ được giao",
     None, 1, True, TTLDXS_SOURCE, True),
    ("ttldxs-100-htnv", "tt-ldxs", "declaration",
     "Có 100% cá nhân trong tập thể hoàn thành nhiệm vụ được giao, trong đó ít nhất 70% đạt "
     "danh hiệu “Lao động tiên tiến”",
     None, 1, True, TTLDXS_SOURCE, True),
    ("ttldxs-co-cstdcs", "tt-ldxs", "declaration",
     "Có cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”",
     None, 1, True, TTLDXS_SOURCE, True),
]  # fmt: skip


def seed_conditions(award_form_model, condition_model) -> int:
    """Add the conditions whose award forms exist and that are not there yet (by code).
    Returns how many were added. Side effects: AwardCondition rows."""
    forms = {f.code: f for f in award_form_model.objects.all()}
    existing = set(condition_model.objects.values_list("code", flat=True))
    added = 0
    for order, row in enumerate(CONDITIONS, start=1):
        code, form, kind, text, required, count, consecutive, source, verified = row
        if code in existing or form not in forms or (required and required not in forms):
            continue
        condition_model.objects.create(
            code=code, award_form=forms[form], kind=kind, text=text,
            required_form=forms.get(required) if required else None, count=count,
            consecutive=consecutive, source=source, verified=verified, order=order,
        )  # fmt: skip
        added += 1
    return added
