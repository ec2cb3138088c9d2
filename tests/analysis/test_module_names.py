"""No package binds a name that is also one of its submodules (issue 23, item 1).

``analysis/__init__.py`` exported a function ``agreement`` beside the submodule ``analysis.agreement``: once
something imported the submodule again (opening Tools > Analysis did), ``an.agreement`` was the module and
Agreement and File > Export failed with "'module' object is not callable" for the rest of the session.
Checked for every package of qualcoder_cse, statically (what ``__init__`` binds) and after importing every
submodule (what the package attribute then is).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import qualcoder_cse

ROOT = Path(qualcoder_cse.__file__).resolve().parent


def _packages() -> list[Path]:
    return sorted(p.parent for p in ROOT.rglob("__init__.py"))


def _dotted(pkg: Path) -> str:
    return ".".join(("qualcoder_cse", *pkg.relative_to(ROOT).parts))


def _submodules(pkg: Path) -> set[str]:
    return {m.name for m in pkgutil.iter_modules([str(pkg)])}


def _bound_names(init: Path) -> dict[str, int]:
    """Names ``__init__.py`` binds at module level (imports, defs, classes, assignments) -> line, skipping
    ``from . import sub`` (that binds the submodule itself)."""
    tree = ast.parse(init.read_text(encoding="utf-8"))
    out: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module is None:
                continue  # from . import agreement: the module itself
            for alias in node.names:
                out[alias.asname or alias.name] = node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                out[alias.asname or alias.name.split(".")[0]] = node.lineno
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out[node.name] = node.lineno
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = node.lineno
    return out


def test_every_package_is_checked():
    names = {_dotted(p) for p in _packages()}
    assert {"qualcoder_cse.analysis", "qualcoder_cse.exporters", "qualcoder_cse.ui"} <= names


@pytest.mark.parametrize("pkg", _packages(), ids=_dotted)
def test_no_name_shadows_a_submodule(pkg: Path):
    clashes = {
        name: line for name, line in _bound_names(pkg / "__init__.py").items() if name in _submodules(pkg)
    }
    assert not clashes, f"{_dotted(pkg)}/__init__.py binds submodule names: {clashes}"


def test_package_attributes_stay_what_init_exported():
    """After importing every submodule of analysis (as the window does), its functions are still functions."""
    from qualcoder_cse import analysis

    exported = {name: getattr(analysis, name) for name in analysis.__all__}
    for sub in _submodules(ROOT / "analysis"):
        importlib.import_module(f"qualcoder_cse.analysis.{sub}")
    for name, value in exported.items():
        assert getattr(analysis, name) is value, f"analysis.{name} changed when its submodules were imported"
