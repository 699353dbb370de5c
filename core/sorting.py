"""Lists the user can sort: one declaration per list, read from `?sort=<name>` or
`?sort=-<name>` (descending).

A list declares its orders once:

    REGISTER_SORTS = Sorting(
        {
            "ten": SortOption("Họ và tên", ("sort_key",), words=NAME_WORDS),
            "don-vi": SortOption("Đơn vị", ("unit__path", "unit_name"), then=("sort_key",)),
        },
        default="ten",
    )

and a view reads the request's choice (`sort = REGISTER_SORTS.read(request)`), orders the
list with it (`sort.apply(qs)`), and hands it to the template, whose column headers
(`{% sort_header sort "ten" %}`) and phone select (`{% sort_select sort %}`, for tables that
turn into cards below 576 px) come from core/templatetags/sorting.py.

Rules: an unknown value gives the list's default order (never an error: the value may come
from an old bookmark); "-" reverses the option's `key` (its `then` stays ascending, so units
in reverse still list their people A to Z); the primary key ends every order, so a page
never repeats or skips a row of the one before; empty values (no unit) go last either way,
on SQLite as on PostgreSQL.

`SortKeyField` stores `core.vntext.name_sort_string`: digits compared byte by byte
(COLLATE "C" on PostgreSQL, SQLite compares bytes already).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models, transaction
from django.db.models import F, Func, OrderBy
from django.db.models.expressions import BaseExpression

# Wording of the two directions in the phone select, per kind of column.
ASCENDING_DESCENDING = ("tăng dần", "giảm dần")
NAME_WORDS = ("A → Z", "Z → A")
DATE_WORDS = ("cũ trước", "mới trước")


class SortKeyField(models.CharField):
    """A stored sort key (`name_sort_string`): byte order on every backend. PostgreSQL gets
    COLLATE "C" on the column, so neither its ordering nor its index depends on the
    database's locale; SQLite's default comparison is already by bytes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 1000)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def db_parameters(self, connection):
        params = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            params["collation"] = "C"
        return params


class SortKeyed:
    """A model mixin that keeps a `sort_key` (SortKeyField) current on every write: `save()`
    here, `bulk_create`, `bulk_update` and `update` in SortKeyQuerySet (the model's manager
    must be built from it). The model names the fields the key is made of
    (`SORT_KEY_SOURCES`) and makes the key (`make_sort_key()`)."""

    SORT_KEY_SOURCES: tuple[str, ...] = ()
    # The model defines make_sort_key(self) -> str (a Django model cannot take abc's
    # metaclass, so the method is named here, not declared abstract).

    def save(self, *args, **kwargs):
        # Made only when a source is written: a row read with only() is not read again.
        sources = set(self.SORT_KEY_SOURCES)
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            if not sources & self.get_deferred_fields():
                self.sort_key = self.make_sort_key()
        elif sources & set(update_fields):
            self.sort_key = self.make_sort_key()
            kwargs["update_fields"] = {*update_fields, "sort_key"}
        super().save(*args, **kwargs)


def refresh_sort_keys(queryset) -> int:
    """Make the sort key of every row of `queryset` again (after a bulk write that could not
    compute it row by row). Two queries a batch of 500."""
    model = queryset.model
    rows = list(queryset.only("pk", *model.SORT_KEY_SOURCES))
    for row in rows:
        row.sort_key = row.make_sort_key()
    model._base_manager.bulk_update(rows, ["sort_key"], batch_size=500)
    return len(rows)


class SortKeyQuerySet(models.QuerySet):
    """The bulk writes of a SortKeyed model, each leaving the sort keys current."""

    def _touches_key(self, fields) -> bool:
        return bool(set(fields) & set(self.model.SORT_KEY_SOURCES)) and "sort_key" not in fields

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            obj.sort_key = obj.make_sort_key()
        if kwargs.get("update_fields") and self._touches_key(kwargs["update_fields"]):
            kwargs["update_fields"] = [*kwargs["update_fields"], "sort_key"]  # an upsert
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        if self._touches_key(fields):
            objs = list(objs)
            for obj in objs:
                obj.sort_key = obj.make_sort_key()
            fields = [*fields, "sort_key"]
        return super().bulk_update(objs, fields, *args, **kwargs)

    def update(self, **kwargs):
        if not self._touches_key(kwargs):
            return super().update(**kwargs)
        with transaction.atomic(using=self.db, savepoint=False):
            pks = list(self.values_list("pk", flat=True))
            count = super().update(**kwargs)
            refresh_sort_keys(self.model._base_manager.filter(pk__in=pks))
        return count


class Bytewise(Func):
    """`expression` compared byte by byte (COLLATE "C" on PostgreSQL; SQLite does already),
    so that SQLite and PostgreSQL order it the same whatever the database's locale. For ASCII
    keys such as a folded title (core.db.Fold)."""

    template = "%(expressions)s"

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f'({sql}) COLLATE "C"', params


Expression = str | BaseExpression


@dataclass(frozen=True)
class SortOption:
    """One way to sort a list: `label` names the column, `key` the fields (or expressions)
    that "-" reverses, `then` what orders rows with an equal key (always ascending).
    `words` are the two directions as the phone select says them; `descending_first` makes
    a header's first click sort newest first (dates)."""

    label: str
    key: tuple[Expression, ...]
    then: tuple[Expression, ...] = ()
    words: tuple[str, str] = ASCENDING_DESCENDING
    descending_first: bool = False


def _ordered(expression: Expression, descending: bool) -> OrderBy:
    if isinstance(expression, str):
        if expression.startswith("-"):
            expression, descending = expression[1:], not descending
        expression = F(expression)
    if descending:
        return expression.desc(nulls_last=True)
    return expression.asc(nulls_last=True)


@dataclass(frozen=True)
class Sorting:
    """The orders a list offers, and its default (a name, "-" allowed: "-thoi-gian")."""

    options: dict[str, SortOption]
    default: str
    tiebreak: str = "pk"

    def __post_init__(self):
        if self.default.lstrip("-") not in self.options:
            raise ValueError(f"default sort {self.default!r} is not one of the options")

    def choose(self, value: str | None) -> tuple[str, bool]:
        """(option name, descending) for a `sort` value; the default for anything unknown."""
        value = (value or "").strip()
        name = value.removeprefix("-")
        if name not in self.options:
            value = self.default
            name = value.removeprefix("-")
        return name, value.startswith("-")

    def order_by(self, value: str | None) -> list[OrderBy]:
        """The `order_by` arguments for a `sort` value (selectors and exports use it)."""
        name, descending = self.choose(value)
        option = self.options[name]
        return [
            *(_ordered(expression, descending) for expression in option.key),
            *(_ordered(expression, False) for expression in option.then),
            _ordered(self.tiebreak, descending),
        ]

    def read(self, request) -> Sort:
        """The order the request asks for, with the rest of its query for the links."""
        query = request.GET.copy()
        value = query.pop("sort", [""])[-1]
        query.pop("page", None)
        name, descending = self.choose(value)
        return Sort(self, name, descending, query)


@dataclass
class Sort:
    """The order a page shows: what templates read to draw headers and the phone select."""

    sorting: Sorting
    name: str
    descending: bool
    query: object = field(repr=False)  # a QueryDict without `sort` and `page`

    @property
    def value(self) -> str:
        """The `sort` value of this order ("ten", "-ten")."""
        return f"-{self.name}" if self.descending else self.name

    @property
    def order_by(self) -> list[OrderBy]:
        return self.sorting.order_by(self.value)

    def apply(self, queryset):
        return queryset.order_by(*self.order_by)

    def href(self, value: str) -> str:
        """A link to this list sorted by `value`, the filters kept, back on the first page."""
        query = self.query.copy()
        query["sort"] = value
        return f"?{query.urlencode()}"

    def header(self, name: str) -> dict:
        """What a sortable column header shows: its label, its link (the other direction when
        the list is sorted by it), its arrow and its aria-sort."""
        option = self.sorting.options[name]
        current = name == self.name
        descending_next = not self.descending if current else option.descending_first
        aria, arrow = "", ""
        if current:
            aria = "descending" if self.descending else "ascending"
            arrow = "▼" if self.descending else "▲"
        next_value = f"-{name}" if descending_next else name
        direction = option.words[1] if descending_next else option.words[0]
        return {
            "label": option.label,
            "href": self.href(next_value),
            "aria_sort": aria,
            "arrow": arrow,
            "hint": f"Sắp xếp theo {option.label.lower()}, {direction}",
        }

    def choices(self) -> list[tuple[str, str, bool]]:
        """(value, label, selected) for every option in both directions (the phone select)."""
        rows = []
        for name, option in self.sorting.options.items():
            for descending, words in ((False, option.words[0]), (True, option.words[1])):
                value = f"-{name}" if descending else name
                rows.append((value, f"{option.label} ({words})", value == self.value))
        return rows

    def hidden_fields(self) -> list[tuple[str, str]]:
        """The other query parameters (filters), for the phone select's form."""
        return [(key, value) for key, values in self.query.lists() for value in values]
