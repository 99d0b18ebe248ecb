"""The house rules a newcomer relies on: no import circles, no private names across modules."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "divergence"


def _modules() -> dict[str, Path]:
    out = {}
    for p in PKG.rglob("*.py"):
        parts = list(p.relative_to(PKG.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


def _imports() -> tuple[dict[str, set[str]], list[str]]:
    """Each module's imports of other divergence modules (lazy ones included), and every
    ``from X import _name`` that reaches into another module."""
    mods = _modules()
    edges: dict[str, set[str]] = {m: set() for m in mods}
    private = []
    for name, path in mods.items():
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("divergence")]
                edges[name] |= {t for t in targets if t in mods and t != name}
                continue
            if not isinstance(node, ast.ImportFrom):
                continue
            if node.level:
                base = here[: len(here) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("divergence"):
                continue
            for alias in node.names:
                full = f"{target}.{alias.name}"
                dest = full if full in mods else target
                if dest in mods and dest != name:
                    edges[name].add(dest)
                if alias.name.startswith("_") and full not in mods:
                    private.append(f"{name} imports {target}.{alias.name}")
    return edges, private


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_import_circles() -> None:
    edges, _ = _imports()
    assert _cycles(edges) == []


def test_no_private_names_across_modules() -> None:
    _, private = _imports()
    assert private == []


def test_the_checker_sees_a_circle_and_a_private_import() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]
    edges, _ = _imports()
    assert "divergence.group.graph" in edges["divergence.group.events"]  # lazy imports count


def test_stages_are_packages() -> None:
    for stage in ("ingest", "embed", "group", "judge", "corpus", "report", "evaluate", "cli"):
        assert (PKG / stage / "__init__.py").is_file(), stage


def _code_lines(path: Path) -> int:
    """Lines holding code: not blank, not comments, not docstrings."""
    import io
    import tokenize

    src = path.read_text(encoding="utf-8")
    docs: set[int] = set()
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                    and isinstance(first.value.value, str)):
                docs |= set(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
            tokenize.ENDMARKER}
    code: set[int] = set()
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if tok.type not in skip:
            code |= set(range(tok.start[0], tok.end[0] + 1)) - docs
    return len(code)


MAX_CODE_LINES = 420  # "about 400": a module past it is asking to be split (STYLE.md)


def test_no_module_is_too_long_to_read() -> None:
    long = {str(p.relative_to(PKG)): n for p in PKG.rglob("*.py")
            if (n := _code_lines(p)) > MAX_CODE_LINES}
    assert long == {}
    assert _code_lines(PKG / "corpus" / "store.py") > 100  # the counter counts
