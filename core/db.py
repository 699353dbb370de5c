"""Diacritic-insensitive search that works the same on SQLite and PostgreSQL.

`Model.objects.filter(name__fold__contains=fold(query))` compares both sides with tone and
vowel marks removed and lower-cased. PostgreSQL does it with the built-in TRANSLATE (no
`unaccent` extension to install, and it works whatever the database's ctype); SQLite calls a
Python function registered on each new connection.
"""

from django.db.backends.signals import connection_created
from django.db.models import CharField, TextField, Transform

from .vntext import FOLD_FROM, FOLD_TO, fold


class Fold(Transform):
    lookup_name = "fold"

    def as_sql(self, compiler, connection):
        # Other databases: case-insensitive only. The project runs on SQLite and PostgreSQL.
        lhs, params = compiler.compile(self.lhs)
        return f"LOWER({lhs})", params

    def as_sqlite(self, compiler, connection):
        lhs, params = compiler.compile(self.lhs)
        return f"vn_fold({lhs})", params

    def as_postgresql(self, compiler, connection):
        lhs, params = compiler.compile(self.lhs)
        return f"LOWER(TRANSLATE({lhs}, %s, %s))", (*params, FOLD_FROM, FOLD_TO)


CharField.register_lookup(Fold)
TextField.register_lookup(Fold)


def _sqlite_fold(value):
    return None if value is None else fold(value)


def _register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("vn_fold", 1, _sqlite_fold, deterministic=True)


connection_created.connect(_register_sqlite_functions, dispatch_uid="vn_fold_sqlite")
