"""One builder per document kind turns the apps' data into the engine's input. Apps
register their builders in their AppConfig.ready() with `register(builder)`; the documents
app never imports them."""

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
