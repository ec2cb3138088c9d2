"""Import many files into a project: one transaction per file, a result per file, progress and cancel.

    results = import_files(project, paths, ImportOptions(kind="lscb", attributes={"Force": "Force 12"}),
                           progress=lambda done, total, path, result: ..., cancel=lambda: False)

Each file goes through ``file_import.import_one``: read (refused if too large, damaged or empty), skipped as a
duplicate, normalised, turns found, anonymised when asked (before anything is stored, so the original text
never reaches the project), then stored in ONE transaction. A file that fails leaves nothing behind and does
not stop the others. An anonymised import of several files runs the detector in worker processes
(``parallel_import``), with the same results, progress calls and cancel checks.

``progress(done, total, path, result)`` is called before each file (``result`` None) and after it (with its
FileResult); ``cancel()`` is checked between files: the file being imported finishes or rolls back whole,
and the files not reached are reported as cancelled.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..importers.formats import EXTENSIONS
from .file_import import CANCELLED, FileResult, ImportOptions, check_options, import_one, load_anonymiser
from .parallel_import import import_parallel, worker_count

if TYPE_CHECKING:
    from ..core.project import Project

ProgressCallback = Callable[[int, int, str, "FileResult | None"], None]

LINK_OUTSIDE = "a link to a file outside the folder"
LINK_INSIDE = "a link (a folder import follows no links; name the file itself to import it)"
BROKEN_LINK = "a broken link"
OUTSIDE = "its real path is outside the folder"


def folder_files(folder: str | os.PathLike) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files of a supported format directly inside ``folder``, in name order, and the entries skipped
    with why: a folder import never follows a link, so a link planted in a shared folder (``b.txt`` ->
    ``/etc/shadow``) cannot pull a file from elsewhere into the project. Any entry that is a symbolic link
    (or a Windows junction), or whose real path is not inside the folder's real path, is skipped; a file
    named on its own is not checked here (the user chose it)."""
    folder = Path(folder)
    real = folder.resolve()
    found: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for entry in sorted(folder.iterdir()):
        if entry.suffix.lower() not in EXTENSIONS:
            continue
        try:
            target = entry.resolve()
            inside, broken = target.parent == real, not target.exists()
        except (OSError, RuntimeError):  # a link loop
            inside, broken = False, True
        if entry.is_symlink() or getattr(entry, "is_junction", lambda: False)():
            skipped.append((entry, BROKEN_LINK if broken else LINK_INSIDE if inside else LINK_OUTSIDE))
        elif not inside:
            skipped.append((entry, OUTSIDE))
        elif entry.is_file():
            found.append(entry)
    return found, skipped


def import_files(
    project: Project,
    paths: Iterable[str | os.PathLike],
    options: ImportOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[FileResult]:
    """Import every file; returns one FileResult per path, in order. Options are checked first."""
    options = options or ImportOptions()
    paths = [Path(p) for p in paths]
    check_options(project, options)
    anonymiser = load_anonymiser() if options.anonymise else None
    if anonymiser is not None:
        workers = worker_count(len(paths))
        if workers:  # detection on every core; storing stays here, in file order (see parallel_import.py)
            return import_parallel(project, paths, options, anonymiser, workers, progress=progress, cancel=cancel)
    results: list[FileResult] = []
    total = len(paths)
    for i, path in enumerate(paths):
        if cancel is not None and cancel():
            for rest in paths[i:]:
                results.append(FileResult(str(rest), CANCELLED, reason="The import was cancelled before this file."))
            break
        if progress:
            progress(i, total, str(path), None)
        result = import_one(project, path, options, anonymiser)
        results.append(result)
        if progress:
            progress(i + 1, total, str(path), result)
    return results
