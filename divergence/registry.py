"""Name -> factory registries for every swappable part, open to plugins.

Each kind of part (embedder, splitter, detector, judge, renderer, index, engine) has one
``Registry``: a name maps to a factory, ``make(name, **kwargs)`` builds the part, and a miss lists
the names that exist. Other packages add parts through entry points in the registry's group
(``divergence.detectors``, ``divergence.renderers``, ...): each entry point names a factory, loaded
the first time the registry is asked for a name it does not hold or for its names.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

from .errors import DivergenceError

T = TypeVar("T")


class Registry(Generic[T]):
    """A catalogue of factories; a miss lists the names that exist.

    Args:
        kind: what the parts are, for messages ("detector").
        group: the entry-point group plugins register in [default: ``divergence.<kind>s``].
    """

    def __init__(self, kind: str, group: str | None = None) -> None:
        self.kind = kind
        self.group = group or f"divergence.{kind}s"
        self._factories: dict[str, Callable[..., T]] = {}
        self._broken: dict[str, str] = {}  # plugin name -> why it could not be loaded
        self._plugins_loaded = False

    def register(self, name: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
        """Decorator: register ``factory`` under ``name``."""

        def deco(factory: Callable[..., T]) -> Callable[..., T]:
            self._factories[name] = factory
            return factory

        return deco

    def add(self, name: str, factory: Callable[..., T]) -> None:
        """Register ``factory`` under ``name`` (the decorator's plain form)."""
        self._factories[name] = factory

    def names(self) -> list[str]:
        """The registered names, plugins included, sorted."""
        self._load_plugins()
        return sorted(self._factories)

    def get(self, name: str) -> Callable[..., T]:
        """The factory for ``name``; a clear error listing the alternatives on a miss."""
        if name not in self._factories:
            self._load_plugins()
        if name in self._factories:
            return self._factories[name]
        if name in self._broken:
            raise DivergenceError(self._broken[name])
        try:
            return self._factories[name]
        except KeyError:
            avail = ", ".join(self.names()) or "none"
            raise DivergenceError(f"unknown {self.kind} {name!r}; available: {avail}") from None

    def canonical(self, name: str) -> str:
        """``name`` as registered: itself, else the one name equal to it but for case
        ("Regex" -> "regex"); a miss is ``get``'s error."""
        if name not in self._factories:
            self._load_plugins()
        folded = [n for n in (*self._factories, *self._broken) if n.casefold() == name.casefold()]
        if name not in self._factories and len(folded) == 1:
            name = folded[0]
        self.get(name)
        return name

    def make(self, name: str, **kwargs: Any) -> T:
        """Build the part registered under ``name``."""
        return self.get(name)(**kwargs)

    def _load_plugins(self) -> None:
        """Register the factories other packages declare in this registry's entry-point group.
        Built-in names win. A plugin that fails to load is left out of ``names`` and, when asked
        for by name, is an error that says why (not "unknown")."""
        if self._plugins_loaded:
            return
        self._plugins_loaded = True
        for ep in entry_points(group=self.group):
            if ep.name in self._factories:
                continue
            try:
                self._factories[ep.name] = ep.load()
            except Exception as e:  # noqa: BLE001 - any import error of someone else's code
                self._broken[ep.name] = (f"cannot load {self.kind} plugin {ep.name!r} "
                                         f"({ep.value}): {type(e).__name__}: {e}")


__all__ = ["Registry"]
