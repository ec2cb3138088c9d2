"""No import cycle between our modules, counting EVERY import: at module top, inside functions and methods
(an import moved into a function to dodge a cycle still makes one), and ``lazy_import("qualcoder_cse...")``.
Only imports under ``if TYPE_CHECKING:`` are left out: they never run.

A module that imports a package depends on the package's ``__init__`` (and ``from pkg import sub`` on the
submodule too), so a cycle through a package's ``__init__`` is a cycle here as well.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "qualcoder_cse"

def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node: ast.AST):
    """Every node below ``node`` except the bodies of ``if TYPE_CHECKING:`` (their ``else`` is kept)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _type_checking_only(child):
            for other in child.orelse:
                yield other
                yield from _walk(other)
            continue
        yield child
        yield from _walk(child)


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The internal modules ``name`` imports, each resolved to a module that exists."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()

    def add(target: str) -> None:
        # importing a.b.c runs a/__init__ and a.b/__init__ too; the edge that matters is the deepest module
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)

    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in _walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("qualcoder_cse"):
                    add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if not module.startswith("qualcoder_cse"):
                continue
            subs = [f"{module}.{a.name}" for a in node.names if f"{module}.{a.name}" in known]
            for sub in subs:  # ``from pkg import sub``: the submodule itself
                add(sub)
            if len(subs) < len(node.names):  # a name defined in the module (or the package's __init__)
                add(module)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "lazy_import"
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and node.args[0].value.startswith("qualcoder_cse")):
            add(node.args[0].value)
    return found


def import_graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports_of(name, path, known) for name, path in mods.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each as one shortest cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []
    counter = [0]

    def visit(v: str) -> None:  # iterative enough for our depth: the graph is a few hundred modules
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                components.append(comp)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_shortest_cycle(graph, comp) for comp in components]


def _shortest_cycle(graph: dict[str, set[str]], comp: set[str]) -> list[str]:
    """One shortest cycle inside a component, as a readable path a -> b -> ... -> a."""
    best: list[str] | None = None
    for start in sorted(comp):
        prev = {start: None}
        frontier = [start]
        found = None
        while frontier and found is None:
            nxt = []
            for v in frontier:
                for w in sorted(graph[v] & comp):
                    if w == start:
                        found = v
                        break
                    if w not in prev:
                        prev[w] = v
                        nxt.append(w)
                if found is not None:
                    break
            frontier = nxt
        if found is None:
            continue
        path = [found]
        while prev[path[-1]] is not None:
            path.append(prev[path[-1]])
        path = list(reversed(path)) + [start]
        if best is None or len(path) < len(best):
            best = path
    return best or sorted(comp)


def _short(name: str) -> str:
    return name.removeprefix("qualcoder_cse.")


def test_the_graph_sees_imports_inside_functions_and_skips_type_checking(tmp_path):
    pkg = tmp_path / "qualcoder_cse"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .c import C\n"
        "def f():\n    from . import b\n"
    )
    (pkg / "b.py").write_text("from .a import f\n")
    (pkg / "c.py").write_text("from .a import f\n")
    known = {"qualcoder_cse", "qualcoder_cse.a", "qualcoder_cse.b", "qualcoder_cse.c"}

    def edges(mod: str) -> set[str]:
        return imports_of(mod, pkg / (mod.rpartition(".")[2] + ".py"), known)

    graph = {m: edges(m) for m in sorted(known - {"qualcoder_cse"})}
    assert graph["qualcoder_cse.a"] == {"qualcoder_cse.b"}  # the function's import counts, TYPE_CHECKING not
    assert cycles(graph) == [["qualcoder_cse.a", "qualcoder_cse.b", "qualcoder_cse.a"]]


def test_the_graph_is_the_real_one():
    graph = import_graph()
    assert len(graph) > 200
    # an import inside a function (the CLI loads its command modules by name; gui_cmds imports the app late)
    assert "qualcoder_cse.workflows.batch_import" in graph["qualcoder_cse.cli.import_cmds"]
    assert "qualcoder_cse.core" in graph["qualcoder_cse.workflows.merge"]


def test_no_import_cycle_between_modules():
    found = cycles(import_graph())
    lines = [" -> ".join(_short(m) for m in c) for c in found]
    assert not found, "import cycles (imports inside functions count too):\n" + "\n".join(lines)
