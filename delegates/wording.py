"""How plans write numbers of delegates. No imports from the app, so models can use it."""


def _number(value: int, pad: bool) -> str:
    return f"{value:02d}" if pad else str(value)


def bounds_wording(low: int | None, high: int | None, noun: str, *, pad: bool = False) -> str:
    """ "10 đại biểu", "120-150 đại biểu", "tối đa 100 đại biểu", "từ 20 đại biểu trở lên";
    "03 đại biểu" with `pad`; just the number when there is no noun."""
    unit = f" {noun}" if noun else ""
    if low is not None and high is not None:
        text = _number(low, pad) if low == high else f"{_number(low, pad)}-{_number(high, pad)}"
        return f"{text}{unit}"
    if high is not None:
        return f"tối đa {_number(high, pad)}{unit}"
    if low is not None:
        return f"từ {_number(low, pad)}{unit} trở lên"
    return ""


def target_wording(
    kind: str, low: int | None, high: int | None, share, noun: str, *, pad: bool = False
) -> str:
    """A category's target: the bounds for "exact"/"range", "70%" for "share", "" for "none"."""
    if kind == "share":
        return f"{share}%" if share is not None else ""
    if kind in ("exact", "range"):
        return bounds_wording(low, high, noun, pad=pad)
    return ""
