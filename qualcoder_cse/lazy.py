"""Deferred imports for heavy libraries (pandas, numpy, our analysis package) on the window's start-up path.

``pd = lazy_import("pandas")`` returns the module object at once but runs its code only on the first
attribute access (``importlib.util.LazyLoader``), so a module that uses pandas only inside methods can be
imported while the window starts without paying ~1 s for pandas. Headless: no Qt here.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_import(name: str) -> ModuleType:
    """``name`` as a module that loads on first use (or the real one if it is already imported)."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
