"""Copying a plan from an earlier conference: years move with the period."""

import re
from typing import Any

YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def shift_years(value: Any, years: int) -> Any:
    """`value` (text, or lists and dicts of text) with every year from 1950 to 2099 moved by
    `years`: "giai đoạn 2020-2025" becomes "giai đoạn 2025-2030" for a five-year shift.
    Numbers that are not years (times, counts, document numbers such as 154/KH-UBND) stay."""
    if not years:
        return value
    if isinstance(value, str):
        return YEAR.sub(lambda m: str(int(m.group(1)) + years), value)
    if isinstance(value, list):
        return [shift_years(v, years) for v in value]
    if isinstance(value, dict):
        return {k: shift_years(v, years) for k, v in value.items()}
    return value
