"""No import cycle among the modules of src/newsgraph (issue 15): every ``import`` and ``from ...
import`` (at module level or inside a function) is an edge, and the graph must have no cycle.
A submodule importing its own package (``from . import x``) is not an edge to that package."""

from __future__ import annotations

import ast
from pathlib import Path

import newsgraph

SRC = Path(newsgraph.__file__).resolve().parent.parent


def modules() -> dict[str, tuple[Path, bool]]:
    out = {}
    for p in (SRC / "newsgraph").rglob("*.py"):
        parts = list(p.relative_to(SRC).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_pkg else parts)] = (p, is_pkg)
    return out


def _targets(mod: str, is_pkg: bool, node: ast.AST, known) -> list[str]:
    names = []
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = mod.split(".") if is_pkg else mod.split(".")[:-1]
            base = base[: len(base) - node.level + 1]
        else:
            base = []
        prefix = ".".join(base + ([node.module] if node.module else []))
        for a in node.names:
            sub = f"{prefix}.{a.name}" if prefix else a.name
            names.append(sub if sub in known else prefix)
    out = []
    for n in names:
        while n and n not in known:
            n = n.rpartition(".")[0]
        if n:
            out.append(n)
    return out


def import_graph() -> dict[str, set[str]]:
    known = modules()
    graph: dict[str, set[str]] = {}
    for mod, (path, is_pkg) in known.items():
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for t in _targets(mod, is_pkg, node, known):
                if t != mod and not mod.startswith(t + "."):
                    deps.add(t)
        graph[mod] = deps
    return graph


def find_cycle(graph: dict[str, set[str]]):
    """One cycle as a list of modules, or None (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(v):
        state[v] = 1
        stack.append(v)
        for w in sorted(graph[v]):
            if state.get(w) == 1:
                return stack[stack.index(w) :] + [w]
            if w not in state:
                found = visit(w)
                if found:
                    return found
        stack.pop()
        state[v] = 2
        return None

    for v in sorted(graph):
        if v not in state:
            found = visit(v)
            if found:
                return found
    return None


def test_the_graph_is_read():
    g = import_graph()
    assert "newsgraph.pipeline" in g and "newsgraph.extractors.quotes" in g
    assert "newsgraph.extractors.entities" in g["newsgraph.extractors.quotes"]  # a plain import is an edge
    assert "newsgraph.extractors" in g["newsgraph.pipeline"]


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle_in_newsgraph():
    cycle = find_cycle(import_graph())
    assert cycle is None, " -> ".join(cycle)
