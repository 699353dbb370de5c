"""The activity log as its readers see it: each changed field under its Vietnamese name, values
as the forms show them (labels of choices, Có/Không, dates as dd/mm/yyyy), long texts and
structured contents (a plan section) as a line diff. Reads the log; never writes it."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import Field, Model

from .models import ActivityEntry

# Inner keys of structured contents that hold codes, not words a reader needs.
TECHNICAL_KEYS = frozenset({"marker", "kind", "level", "key", "id", "pk", "nest", "style"})
PROJECT_APPS = (
    "conferences",
    "honorees",
    "delegates",
    "assignments",
    "documents",
    "core",
    "province",
)
LONG_TEXT = 80  # characters: a longer value is shown as a line diff
EMPTY = "—"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}.*)?$")


@dataclass(frozen=True)
class ReadableChange:
    label: str
    before: str = ""
    after: str = ""
    # ("-" | "+", text) for long or structured values; empty when before/after say it all.
    lines: list[tuple[str, str]] = field(default_factory=list)


def readable_changes(entry: ActivityEntry) -> list[ReadableChange]:
    """The entry's changes, one row per field, in the order they were logged."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    rows = []
    for name, pair in (entry.changes or {}).items():
        before, after = (list(pair) + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        rows.append(_row(_field(model, name), name, before, after))
    return rows


def _row(model_field: Field | None, name: str, before: Any, after: Any) -> ReadableChange:
    label = _label(model_field, name)
    if _is_long(before) or _is_long(after):
        return ReadableChange(label, lines=_diff(_text_lines(before), _text_lines(after)))
    return ReadableChange(label, _value(model_field, before), _value(model_field, after))


def _label(model_field: Field | None, name: str) -> str:
    if model_field is None or not getattr(model_field, "verbose_name", ""):
        return name.replace("_", " ")
    text = str(model_field.verbose_name)
    return text[:1].upper() + text[1:]


def _value(model_field: Field | None, value: Any) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "Có" if value else "Không"
    choices = dict(getattr(model_field, "flatchoices", None) or ())
    if value in choices:
        return str(choices[value])
    if isinstance(value, str):
        return _date_text(value)
    return str(value)


def _date_text(value: str) -> str:
    """ISO dates and times (how the log keeps them) as Vietnamese offices write them; other text,
    a code of eight digits included, stays as it is."""
    if not ISO_DATE.match(value):
        return value
    for parse, shape in (
        (dt.date.fromisoformat, "%d/%m/%Y"),
        (dt.datetime.fromisoformat, "%d/%m/%Y %H:%M"),
    ):
        try:
            return parse(value).strftime(shape)
        except ValueError:
            continue
    return value


def _is_long(value: Any) -> bool:
    if isinstance(value, dict | list):
        return True
    return isinstance(value, str) and (len(value) > LONG_TEXT or "\n" in value)


def _text_lines(value: Any) -> list[str]:
    """The words of a value, a line each: text split on line breaks; for structured contents
    (lists and dicts) every text inside, in order, skipping codes."""
    if value is None:
        return []
    if isinstance(value, str):
        return [line for line in value.splitlines() if line.strip()]
    if isinstance(value, dict):
        return _dict_lines(value)
    if isinstance(value, list):
        return [line for item in value for line in _text_lines(item)]
    return [str(value)]


def _dict_lines(value: dict) -> list[str]:
    words = [v for k, v in value.items() if k not in TECHNICAL_KEYS and isinstance(v, str) and v]
    nested = [
        line
        for k, v in value.items()
        if k not in TECHNICAL_KEYS and isinstance(v, dict | list)
        for line in _text_lines(v)
    ]
    joined = " ".join(w.strip() for w in words if w.strip())
    return ([joined] if joined else []) + nested


def _diff(before: list[str], after: list[str]) -> list[tuple[str, str]]:
    out = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            out += [("-", t) for t in before[a1:a2]] + [("+", t) for t in after[b1:b2]]
    return out


def _field(model: type[Model] | None, name: str) -> Field | None:
    """The model's own field, else a field of that name elsewhere in the same app (a plan's
    entry logs its sections' fields), else anywhere in the project."""
    if model is not None:
        own = _fields_of(model).get(name)
        if own is not None:
            return own
        found = _index().get((model._meta.app_label, name))
        if found is not None:
            return found
    return _index().get(("", name))


def _fields_of(model: type[Model]) -> dict[str, Field]:
    return {f.name: f for f in model._meta.get_fields() if isinstance(f, Field)}


@functools.cache
def _index() -> dict[tuple[str, str], Field]:
    """(app, field name) -> the first concrete field of that name in the app's models, and
    ("", name) for the whole project."""
    index: dict[tuple[str, str], Field] = {}
    for label in PROJECT_APPS:
        if not apps.is_installed(label):
            continue
        for model in apps.get_app_config(label).get_models():
            for name, model_field in _fields_of(model).items():
                index.setdefault((label, name), model_field)
                index.setdefault(("", name), model_field)
    return index
