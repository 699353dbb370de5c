"""One builder per document kind turns the apps' data into the engine's input. The builders
live here and the documents app registers them in its AppConfig.ready() with
`register(builder)`; they read the apps through their selectors (and ask their permission
predicates who may print), and the apps never import a builder: they go through
`documents.services` (the import-linter contracts in pyproject.toml hold this)."""

from .base import Builder, Progress, Rendered

_registry: dict[str, Builder] = {}


def register(builder: Builder) -> Builder:
    _registry[builder.kind] = builder
    return builder


def get_builder(kind: str) -> Builder | None:
    return _registry.get(kind)


def all_builders() -> list[Builder]:
    return list(_registry.values())


__all__ = ["Builder", "Progress", "Rendered", "all_builders", "get_builder", "register"]
