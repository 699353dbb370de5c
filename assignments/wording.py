"""How deadlines and dates read in Vietnamese, as plans print them ("Ngày 23/3/2020")."""

import datetime as dt


def short_date(d: dt.date | None) -> str:
    """23/3/2020: plans write step dates without leading zeros."""
    return f"{d.day}/{d.month}/{d.year}" if d else ""


def offset_phrase(offset_days: int) -> str:
    """-5 -> "5 ngày trước ngày hội nghị"; 0 -> "ngày diễn ra hội nghị"."""
    if offset_days < 0:
        return f"{-offset_days} ngày trước ngày hội nghị"
    if offset_days == 0:
        return "ngày diễn ra hội nghị"
    return f"{offset_days} ngày sau ngày hội nghị"


def relative(offset_days: int, conference_date: dt.date | None) -> str:
    """The date when the conference has one, with the rule in brackets; the rule alone
    otherwise."""
    phrase = offset_phrase(offset_days)
    if conference_date is None:
        return phrase
    return f"{short_date(conference_date + dt.timedelta(days=offset_days))} ({phrase})"


def days_late(days: int) -> str:
    return f"Quá hạn {days} ngày" if days > 0 else ""
