"""Seed the award catalogue, prize coefficients and base salaries from
reference/vietnamese-admin-rules.md section 3. Rows the reference marks (unverified), and the
older-decree rows it does not list, carry the note "(chưa xác minh)": an administrator checks
them against the decree and edits them in the admin."""

import datetime as dt
from decimal import Decimal

from django.db import migrations

R98 = ("Nghị định 98/2023/NĐ-CP", dt.date(2024, 1, 1))
R152 = ("Nghị định 152/2025/NĐ-CP", dt.date(2025, 7, 1))
UNVERIFIED = "(chưa xác minh)"
UNVERIFIED_COLLECTIVE = "Hệ số tập thể (gấp 2 lần cá nhân) (chưa xác minh)"

# code, name, level, issuer, individuals, collectives, order
FORMS = [
    (
        "gk-xa",
        "Giấy khen của Chủ tịch UBND xã",
        "commune",
        "Chủ tịch Ủy ban nhân dân xã",
        True,
        True,
        10,
    ),
    (
        "gk-huyen",
        "Giấy khen của Chủ tịch UBND huyện",
        "district",
        "Chủ tịch Ủy ban nhân dân huyện",
        True,
        True,
        15,
    ),
    ("ldtt", "Lao động tiên tiến", "commune", "", True, False, 20),
    ("cstt", "Chiến sĩ tiên tiến", "commune", "", True, False, 21),
    ("cstd-cs", "Chiến sĩ thi đua cơ sở", "commune", "", True, False, 30),
    ("tt-ldtt", "Tập thể lao động tiên tiến", "commune", "", False, True, 40),
    ("tt-ldxs", "Tập thể lao động xuất sắc", "commune", "", False, True, 41),
    ("thon-vh", "Thôn, tổ dân phố văn hóa", "commune", "", False, True, 42),
    (
        "bk-tinh",
        "Bằng khen của Chủ tịch UBND tỉnh, thành phố",
        "province",
        "Chủ tịch Ủy ban nhân dân tỉnh, thành phố",
        True,
        True,
        50,
    ),
    (
        "co-tinh",
        "Cờ thi đua của UBND tỉnh, thành phố",
        "province",
        "Ủy ban nhân dân tỉnh, thành phố",
        False,
        True,
        60,
    ),
]

# code, (rule set, from), individual, collective, note
RULES = [
    ("gk-xa", R98, "0.15", "0.30", UNVERIFIED_COLLECTIVE),
    ("gk-xa", R152, "0.30", "0.60", UNVERIFIED_COLLECTIVE),
    ("gk-huyen", R98, "0.30", "0.60", UNVERIFIED),
    ("gk-huyen", R152, "0.30", "0.60", UNVERIFIED_COLLECTIVE),
    ("ldtt", R98, "0.30", None, UNVERIFIED),
    ("ldtt", R152, "0.30", None, ""),
    ("cstt", R98, "0.30", None, UNVERIFIED),
    ("cstt", R152, "0.30", None, ""),
    ("cstd-cs", R98, "1.00", None, UNVERIFIED),
    ("cstd-cs", R152, "1.00", None, ""),
    ("tt-ldtt", R98, None, "0.80", UNVERIFIED),
    ("tt-ldtt", R152, None, "0.80", ""),
    ("tt-ldxs", R98, None, "1.50", UNVERIFIED),
    ("tt-ldxs", R152, None, "1.50", ""),
    ("thon-vh", R98, None, "1.50", UNVERIFIED),
    ("thon-vh", R152, None, "1.50", ""),
    ("bk-tinh", R98, "1.00", "2.00", UNVERIFIED),
    ("bk-tinh", R152, "1.50", "3.00", "Hệ số tập thể (chưa xác minh)"),
    ("co-tinh", R98, None, "8.00", UNVERIFIED),
    ("co-tinh", R152, None, "8.00", UNVERIFIED),
]

CONTEST = [
    ("giai-nhat", "Giải Nhất", "first", 70),
    ("giai-nhi", "Giải Nhì", "second", 71),
    ("giai-ba", "Giải Ba", "third", 72),
    ("giai-kk", "Giải Khuyến khích", "consolation", 73),
]

SALARIES = [
    (1490000, dt.date(2019, 7, 1), "Nghị định 38/2019/NĐ-CP"),
    (1800000, dt.date(2023, 7, 1), "Nghị định 24/2023/NĐ-CP"),
    (2340000, dt.date(2024, 7, 1), "Nghị định 73/2024/NĐ-CP"),
]


def _decimal(value):
    return None if value is None else Decimal(value)


def seed(apps, schema_editor):
    AwardForm = apps.get_model("honorees", "AwardForm")
    PrizeRule = apps.get_model("honorees", "PrizeRule")
    BaseSalary = apps.get_model("honorees", "BaseSalary")
    forms = {}
    for code, name, level, issuer, ind, coll, order in FORMS:
        forms[code], _ = AwardForm.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "level": level,
                "issuer": issuer,
                "for_individuals": ind,
                "for_collectives": coll,
                "order": order,
            },
        )
    AwardForm.objects.get_or_create(
        code="gcn",
        defaults={
            "name": "Giấy chứng nhận",
            "level": "local",
            "for_individuals": True,
            "for_collectives": True,
            "pays_prize": False,
            "order": 65,
        },
    )
    for code, name, rank, order in CONTEST:
        AwardForm.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "level": "local",
                "for_individuals": True,
                "for_collectives": True,
                "is_contest_prize": True,
                "contest_rank": rank,
                "order": order,
            },
        )
    for code, (rule_set, start), ind, coll, note in RULES:
        PrizeRule.objects.get_or_create(
            award_form=forms[code],
            effective_from=start,
            defaults={
                "rule_set": rule_set,
                "coefficient_individual": _decimal(ind),
                "coefficient_collective": _decimal(coll),
                "note": note,
            },
        )
    for amount, start, basis in SALARIES:
        BaseSalary.objects.get_or_create(
            effective_from=start, defaults={"amount": amount, "legal_basis": basis}
        )


class Migration(migrations.Migration):
    dependencies = [("honorees", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
