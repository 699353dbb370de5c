"""Seed the award catalogue from the law: every form a commune, a (historic) district and a
province award, with the coefficients per recipient kind, the paper, and the source of each rule
with whether it was checked."""

import datetime as dt
from decimal import Decimal

from django.db import migrations, models

# The catalogue from the law (NĐ 129/2025 Điều 59: what the commune chair awards; NĐ 152/2025
# Điều 50 (titles) and Điều 54 (Bằng khen, Giấy khen; households 1.5 times an individual)).
# Sources checked with the legal Q&A index: two press articles quoting the decree, dated after it
# took effect. What none of them shows stays unverified (verified=False) for an administrator.
# docs/quy-tac-khen-thuong.md holds the same table; tests/honorees/test_catalogue.py compares them.
R98 = ("Nghị định 98/2023/NĐ-CP", dt.date(2024, 1, 1))
R152 = ("Nghị định 152/2025/NĐ-CP", dt.date(2025, 7, 1))
COMMUNE_CHAIR = "Chủ tịch Ủy ban nhân dân cấp xã"
BY_129 = "NĐ 129/2025/NĐ-CP Điều 59 (Chủ tịch UBND cấp xã)"
TITLE_50 = "NĐ 152/2025/NĐ-CP Điều 50"
QUORUM_SOURCE = "Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng (mặc định 2/3, chưa xác minh)"
VOTE_90 = "Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7 (NĐ 152/2025 giữ mức này: chưa xác minh)"

# code: fields of the form (the rest keep their values or defaults)
FORMS = {
    "thon-vh": {"name": "Thôn, tổ dân phố văn hóa", "level": "commune", "issuer": COMMUNE_CHAIR,
                    "for_individuals": False, "for_collectives": True, "for_households": False,
                    "paper": "bang_chung_nhan", "framed": True, "pays_prize": True, "order": 42,
                    "authority_source": f"{BY_129}; {TITLE_50} (Bằng chứng nhận, khung)",
                    "authority_verified": False},
    "gd-vh": {"name": "Gia đình văn hóa", "level": "commune", "issuer": COMMUNE_CHAIR,
                  "for_individuals": False, "for_collectives": False, "for_households": True,
                  "paper": "giay_chung_nhan", "framed": False, "pays_prize": False, "order": 43,
                  "authority_source": f"{BY_129}; giấy và tiền thưởng: chưa xác minh",
                  "authority_verified": False},
    "tt-ldtt": {"name": "Tập thể lao động tiên tiến", "level": "commune", "issuer": COMMUNE_CHAIR,
                    "for_individuals": False, "for_collectives": True, "for_households": False,
                    "paper": "", "framed": False, "pays_prize": True, "order": 40,
                    "authority_source": f"{BY_129}; {TITLE_50} (chỉ tiền thưởng, không in giấy)",
                    "authority_verified": False},
    "cstd-cs": {"name": "Chiến sĩ thi đua cơ sở", "level": "commune", "issuer": COMMUNE_CHAIR,
                    "for_individuals": True, "for_collectives": False, "for_households": False,
                    "paper": "bang_chung_nhan", "framed": True, "pays_prize": True, "order": 30,
                    "authority_source": f"{BY_129}; {TITLE_50} (Bằng chứng nhận, khung)",
                    "authority_verified": False},
    "ldtt": {"name": "Lao động tiên tiến", "level": "commune", "issuer": COMMUNE_CHAIR,
                 "for_individuals": True, "for_collectives": False, "for_households": False,
                 "paper": "", "framed": False, "pays_prize": True, "order": 20,
                 "authority_source": f"{BY_129}; {TITLE_50} (chỉ tiền thưởng, không in giấy)",
                 "authority_verified": False},
    "cstt": {"name": "Chiến sĩ tiên tiến", "level": "commune", "issuer": "",
                 "for_individuals": True, "for_collectives": False, "for_households": False,
                 "paper": "", "framed": False, "pays_prize": True, "order": 21,
                 "authority_source": f"{TITLE_50} (chỉ tiền thưởng, không in giấy)",
                 "authority_verified": True},
    "gk-xa": {"name": "Giấy khen của Chủ tịch UBND xã", "level": "commune", "issuer": COMMUNE_CHAIR,
                  "for_individuals": True, "for_collectives": True, "for_households": True,
                  "paper": "giay_khen", "framed": False, "pays_prize": True, "order": 10,
                  "authority_source": f"{BY_129}; NĐ 152/2025/NĐ-CP Điều 54",
                  "authority_verified": False},
    "gk-huyen": {"name": "Giấy khen của Chủ tịch UBND huyện", "level": "district",
                     "issuer": "Chủ tịch Ủy ban nhân dân huyện",
                     "for_individuals": True, "for_collectives": True, "for_households": True,
                     "paper": "giay_khen", "framed": False, "pays_prize": True, "order": 15,
                     "authority_source": "Cấp huyện trước 01/7/2025 (Luật Thi đua, khen thưởng 2022)",
                     "authority_verified": False},
    "bk-tinh": {"name": "Bằng khen của Chủ tịch UBND tỉnh, thành phố", "level": "province",
                    "issuer": "Chủ tịch Ủy ban nhân dân tỉnh, thành phố",
                    "for_individuals": True, "for_collectives": True, "for_households": False,
                    "paper": "bang_khen", "framed": True, "pays_prize": True, "order": 50,
                    "authority_source": "NĐ 152/2025/NĐ-CP Điều 54 khoản 1 (bằng, khung)",
                    "authority_verified": True},
    "cstd-tinh": {"name": "Chiến sĩ thi đua cấp tỉnh", "level": "province",
                      "issuer": "Chủ tịch Ủy ban nhân dân tỉnh, thành phố",
                      "for_individuals": True, "for_collectives": False, "for_households": False,
                      "paper": "bang_chung_nhan", "framed": True, "pays_prize": True, "order": 52,
                      "authority_source": f"{TITLE_50} (Bằng chứng nhận, khung, Huy hiệu)",
                      "authority_verified": True},
    "tt-ldxs": {"name": "Tập thể lao động xuất sắc", "level": "province",
                    "issuer": "Chủ tịch Ủy ban nhân dân tỉnh, thành phố",
                    "for_individuals": False, "for_collectives": True, "for_households": False,
                    "paper": "bang_chung_nhan", "framed": True, "pays_prize": True, "order": 54,
                    "authority_source": f"{TITLE_50} (Bằng chứng nhận, khung)",
                    "authority_verified": True},
    "xa-tieu-bieu": {"name": "Xã, phường, đặc khu tiêu biểu", "level": "province",
                         "issuer": "Chủ tịch Ủy ban nhân dân tỉnh, thành phố",
                         "for_individuals": False, "for_collectives": True, "for_households": False,
                         "paper": "bang_chung_nhan", "framed": True, "pays_prize": True, "order": 56,
                         "authority_source": f"{TITLE_50} (Bằng chứng nhận, khung)",
                         "authority_verified": True},
    "co-tinh": {"name": "Cờ thi đua của UBND tỉnh, thành phố", "level": "province",
                    "issuer": "Ủy ban nhân dân tỉnh, thành phố",
                    "for_individuals": False, "for_collectives": True, "for_households": False,
                    "paper": "", "framed": False, "pays_prize": True, "order": 60,
                    "authority_source": f"{TITLE_50} (tặng cờ)", "authority_verified": True},
}  # fmt: skip

HH_NOTE = "Hộ gia đình: 1,5 lần cá nhân (Điều 54)"
# code, rule set, individual, collective, household, article, verified, note
RULES = [
    ("thon-vh", R98, None, "1.50", None, "", False, "(chưa xác minh)"),
    ("thon-vh", R152, None, "1.50", None, "Điều 50", True, ""),
    ("tt-ldtt", R98, None, "0.80", None, "", False, "(chưa xác minh)"),
    ("tt-ldtt", R152, None, "0.80", None, "Điều 50", True, ""),
    ("cstd-cs", R98, "1.00", None, None, "", False, "(chưa xác minh)"),
    ("cstd-cs", R152, "1.00", None, None, "Điều 50", True, ""),
    ("ldtt", R98, "0.30", None, None, "", False, "(chưa xác minh)"),
    ("ldtt", R152, "0.30", None, None, "Điều 50", True, ""),
    ("cstt", R98, "0.30", None, None, "", False, "(chưa xác minh)"),
    ("cstt", R152, "0.30", None, None, "Điều 50", True, ""),
    ("gk-xa", R98, "0.15", "0.30", None, "", False, "(chưa xác minh)"),
    ("gk-xa", R152, "0.30", "0.60", "0.45", "Điều 54", False,
     "Tập thể 0,6: đã xác nhận; cá nhân 0,3 và hộ gia đình 0,45: chưa xác minh"),
    ("gk-huyen", R98, "0.30", "0.60", None, "", False, "(chưa xác minh)"),
    ("gk-huyen", R152, "0.30", "0.60", "0.45", "Điều 54", False,
     "Tập thể 0,6: đã xác nhận; cá nhân 0,3 và hộ gia đình 0,45: chưa xác minh"),
    ("bk-tinh", R98, "1.00", "2.00", None, "", False, "(chưa xác minh)"),
    ("bk-tinh", R152, "1.50", "3.00", None, "Điều 54 khoản 1", True, ""),
    ("cstd-tinh", R98, "3.00", None, None, "", False, "(chưa xác minh)"),
    ("cstd-tinh", R152, "3.00", None, None, "Điều 50", True, ""),
    ("tt-ldxs", R98, None, "1.50", None, "", False, "(chưa xác minh)"),
    ("tt-ldxs", R152, None, "1.50", None, "Điều 50", True, ""),
    ("xa-tieu-bieu", R152, None, "2.00", None, "Điều 50", True, ""),
    ("co-tinh", R98, None, "8.00", None, "", False, "(chưa xác minh)"),
    ("co-tinh", R152, None, "8.00", None, "Điều 50", True, ""),
]  # fmt: skip
# New forms take the council rules 0007 gave the others; the provincial title 90%.
NEW_FORM_VOTES = {
    "cstd-tinh": {"vote_numerator": 9, "vote_denominator": 10, "vote_strict": False,
                  "vote_source": VOTE_90},
}  # fmt: skip


def _decimal(value):
    return None if value is None else Decimal(value)


def seed(apps, schema_editor):
    AwardForm = apps.get_model("honorees", "AwardForm")
    PrizeRule = apps.get_model("honorees", "PrizeRule")
    forms = {}
    for code, fields in FORMS.items():
        form, created = AwardForm.objects.update_or_create(code=code, defaults=fields)
        if created:
            form.quorum_numerator, form.quorum_denominator = 2, 3
            form.vote_source = QUORUM_SOURCE
            for name, value in NEW_FORM_VOTES.get(code, {}).items():
                setattr(form, name, value)
            form.save()
        forms[code] = form
    for code, (rule_set, start), ind, coll, house, article, verified, note in RULES:
        PrizeRule.objects.update_or_create(
            award_form=forms[code],
            effective_from=start,
            defaults={
                "rule_set": rule_set,
                "coefficient_individual": _decimal(ind),
                "coefficient_collective": _decimal(coll),
                "coefficient_household": _decimal(house),
                "article": article,
                "verified": verified,
                "note": note,
            },
        )


NEW_FORMS = ("gd-vh", "cstd-tinh", "xa-tieu-bieu")


def unseed(apps, schema_editor):
    """Going back: the forms this migration added go (a household-only form would break the
    older constraint that every form has individuals or collectives)."""
    AwardForm = apps.get_model("honorees", "AwardForm")
    AwardForm.objects.filter(code__in=NEW_FORMS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("honorees", "0009_household_recipient"),
    ]

    operations = [
        migrations.AlterField(
            model_name="awardform",
            name="paper",
            field=models.CharField(
                blank=True,
                choices=[
                    ("giay_khen", "Giấy khen"),
                    ("giay_chung_nhan", "Giấy chứng nhận"),
                    ("bang_chung_nhan", "Bằng chứng nhận"),
                    ("bang_khen", "Bằng khen"),
                    ("", "Không in giấy (chỉ tiền thưởng)"),
                ],
                default="giay_khen",
                help_text="Bỏ trống cho hình thức chỉ có tiền thưởng, không in giấy.",
                max_length=20,
                verbose_name="giấy in cho người được khen",
            ),
        ),
        migrations.RunPython(seed, unseed),
    ]
