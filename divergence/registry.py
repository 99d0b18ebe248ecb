"""Name -> factory registries for swappable parts (embedders, splitters, detectors, groupers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from .errors import DivergenceError

T = TypeVar("T")


class Registry(Generic[T]):
    """A catalogue of factories; a miss lists the names that exist."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._factories: dict[str, Callable[..., T]] = {}

    def register(self, name: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
        """Decorator: register ``factory`` under ``name``."""

        def deco(factory: Callable[..., T]) -> Callable[..., T]:
            self._factories[name] = factory
            return factory

        return deco

    def names(self) -> list[str]:
        """The registered names, sorted."""
        return sorted(self._factories)

    def get(self, name: str) -> Callable[..., T]:
        """The factory for ``name``; a clear error listing the alternatives on a miss."""
        try:
            return self._factories[name]
        except KeyError:
            avail = ", ".join(self.names()) or "none"
            raise DivergenceError(f"unknown {self.kind} {name!r}; available: {avail}") from None

    def make(self, name: str, **kwargs: Any) -> T:
        """Build the part registered under ``name``."""
        return self.get(name)(**kwargs)
