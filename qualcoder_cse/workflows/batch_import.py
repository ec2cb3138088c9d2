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

from .file_import import CANCELLED, FileResult, ImportOptions, check_options, import_one, load_anonymiser
from .parallel_import import import_parallel, worker_count

if TYPE_CHECKING:
    from ..core.project import Project

ProgressCallback = Callable[[int, int, str, "FileResult | None"], None]


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
