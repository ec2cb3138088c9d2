"""Code names for peers that need every code name to be unique (QualCoder keeps one code per name and
drops the codings of the others). REFI allows the same name under different parents ("Barriers" under
several themes); the export option writes such a name with its parent, "Barriers (Detection)", or with
the parent's path when that is still taken, and our own import takes the parent back off.

The rule is reversible: a code is written with its parent whenever its name is repeated, or already ends
with " (<parent>)" itself, so stripping one such suffix on import always gives the real name back.
"""

from __future__ import annotations

from collections import Counter

UNIQUE_MARK = "unique code names"  # added to our ``origin`` when the option was used


def repeated(codes) -> list[str]:
    """Names (as first written) used by more than one code, case-insensitively."""
    counts = Counter(c.name.casefold() for c in codes)
    seen, out = set(), []
    for c in codes:
        key = c.name.casefold()
        if counts[key] > 1 and key not in seen:
            seen.add(key)
            out.append(c.name)
    return out


def unique_names(codes) -> dict[int, str]:
    """code id -> the name to write, unique across the whole tree (``codes`` in tree order, with paths)."""
    by_id = {c.id: c for c in codes}
    counts = Counter(c.name.casefold() for c in codes)

    def needs(c) -> bool:
        parent = by_id.get(c.parent_id)
        if parent is None:
            return False
        return counts[c.name.casefold()] > 1 or c.name.endswith((f" ({parent.name})", f" ({parent.path})"))

    out = {c.id: c.name for c in codes if not needs(c)}
    used = {n.casefold() for n in out.values()}
    for c in codes:
        if c.id in out:
            continue
        parent = by_id[c.parent_id]
        name = f"{c.name} ({parent.name})"
        if name.casefold() in used:
            name = f"{c.name} ({parent.path})"
        used.add(name.casefold())
        out[c.id] = name
    return out


def real_name(name: str, parent_name: str | None, parent_path: str | None) -> str:
    """The name before ``unique_names`` added its parent (our own files written with the option)."""
    for p in (parent_path, parent_name):
        suffix = f" ({p})"
        if p and name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name
