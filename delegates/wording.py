"""How plans write numbers of delegates. No imports from the app, so models can use it."""


def bounds_wording(low: int | None, high: int | None, noun: str) -> str:
    """ "10 đại biểu", "120-150 đại biểu", "tối đa 100 đại biểu", "từ 20 đại biểu trở lên"."""
    if low is not None and high is not None:
        return f"{low} {noun}" if low == high else f"{low}-{high} {noun}"
    if high is not None:
        return f"tối đa {high} {noun}"
    if low is not None:
        return f"từ {low} {noun} trở lên"
    return ""


def target_wording(kind: str, low: int | None, high: int | None, share, noun: str) -> str:
    """A category's target: the bounds for "exact"/"range", "70%" for "share", "" for "none"."""
    if kind == "share":
        return f"{share}%" if share is not None else ""
    if kind in ("exact", "range"):
        return bounds_wording(low, high, noun)
    return ""
