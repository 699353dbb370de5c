"""Decisions issued before the văn thư's path: their lines get "số sổ vàng" 1..n in the list's
order where none was typed, and the record of how each prize was computed (the rule and the base
in force on the decision's date), so they print and read like decisions issued from now on."""

from decimal import Decimal

from django.db import migrations

from core.vntext import name_sort_key

KIND_RANK = {"collective": 0, "individual": 1, "household": 2}
COEFFICIENT = {
    "individual": "coefficient_individual",
    "collective": "coefficient_collective",
    "household": "coefficient_household",
}


def _sort_key(line):
    n = line.nomination
    name = n.collective_name if n.kind == "collective" else n.full_name
    return KIND_RANK.get(n.kind, 3), name_sort_key(name)


def _record_prize(line, rules, base) -> None:
    rule = rules.get(line.award_form_id)
    form = line.award_form
    if rule is None or base is None or not form.pays_prize or form.is_contest_prize:
        return
    coefficient = getattr(rule, COEFFICIENT.get(line.nomination.kind, ""), None)
    if coefficient is not None and line.coefficient is None:
        line.coefficient = Decimal(coefficient)
        line.base_amount, line.base_series = base.amount, base.series
        line.rule_set = rule.rule_set


def backfill(apps, schema_editor):
    AwardDecision = apps.get_model("honorees", "AwardDecision")
    PrizeRule = apps.get_model("honorees", "PrizeRule")
    PrizeBase = apps.get_model("honorees", "PrizeBase")
    AwardLine = apps.get_model("honorees", "AwardLine")
    for decision in AwardDecision.objects.filter(status="issued"):
        lines = list(
            AwardLine.objects.filter(decision=decision).select_related("nomination", "award_form")
        )
        rules = {}
        for rule in PrizeRule.objects.filter(effective_from__lte=decision.date).order_by(
            "effective_from"
        ):
            rules[rule.award_form_id] = rule
        base = (
            PrizeBase.objects.filter(effective_from__lte=decision.date)
            .order_by("-effective_from")
            .first()
        )
        numbered = all(line.gold_book_number is None for line in lines)
        for number, line in enumerate(sorted(lines, key=_sort_key), start=1):
            if numbered:
                line.gold_book_number = number
            _record_prize(line, rules, base)
        AwardLine.objects.bulk_update(
            lines, ["gold_book_number", "coefficient", "base_amount", "base_series", "rule_set"]
        )


class Migration(migrations.Migration):
    dependencies = [("honorees", "0012_decision_issue")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
