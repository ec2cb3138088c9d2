"""Anonymised batch import on every core: the detector runs in worker processes while this process reads,
stores and numbers placeholders, file by file in order.

Only detection (``Detector.detect`` on the normalised text, the CPU-heavy part) leaves the process: each
worker loads the detector once and returns the spans it finds. Everything else stays in the caller, exactly
as in the serial import (``file_import.import_one``): the duplicate check, placeholder assignment (HMAC under the
project's secret, project-wide numbering), the speaker labels and document name, and the one transaction per
file. The results, the progress calls and the cancel checks are the same as the serial path's; a file whose
detection fails in a worker (a worker died, say) is detected again here, so it fails or succeeds as it would
have serially.

Texts travel to the workers through the pool's pipes, in memory: never through a file, and no secret goes
to them at all: the passphrases are taken out of the environment they inherit (``keep_secrets_from_children``).
Workers are started
with ``spawn``: a fresh interpreter, never a fork of a process running Qt threads (``forkserver`` would
start as fast here but leaves a server process behind for the app's lifetime, and its workers' CPU time is
not counted as our children's). Files are read at most ``workers + 1`` ahead, which bounds the texts held
in memory. The pool lives for one import: starting it (each worker loads the detector, ~1.5 s) is the price
of the parallel path, so one file is imported in-process. A worker ends itself as soon as this process is
gone (killed, say): it never outlives us holding transcript text (``_exit_with_parent``).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from ..hardening import disable_crash_dumps
from ..importers.formats import format_of
from ..importers.prepare import document_name, prepare_bytes
from ..importers.readers import load_bytes
from .file_import import CANCELLED, FileResult, ImportOptions, import_one

if TYPE_CHECKING:
    from ..core.project import Project

MAX_WORKERS = 4
MIN_CONFIDENCE = 0.4  # as ``anonymise.pipeline.anonymise_for_import``
# Secrets that must not reach a child process's environment (readable in /proc/PID/environ, core files,
# crash reports): the workers need none of them, only texts, which travel through the pool's pipes.
SECRET_PREFIX = "QUALCODER_CSE_"
SECRET_WORDS = ("PASS", "KEY", "SECRET")


def keep_secrets_from_children() -> list[str]:
    """Take the passphrases (and key file paths) out of the environment that child processes inherit.

    ``os.unsetenv`` removes them from the C environment that ``spawn`` hands to a new interpreter while
    ``os.environ`` keeps them for this process (the CLI reads the passphrase from it). Returns the names."""
    names = [n for n in os.environ if n.startswith(SECRET_PREFIX) and any(w in n for w in SECRET_WORDS)]
    for name in names:
        os.unsetenv(name)
    return names


def worker_count(files: int) -> int:
    """Worker processes for an anonymised import of ``files`` files: 0 means import serially (one file,
    one core, or a frozen build, whose executable cannot start bare interpreters)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    if files < 2 or cores < 2 or getattr(sys, "frozen", False):
        return 0
    return min(cores, MAX_WORKERS, files)


# ------------------------------------------------------------------ in the worker processes
_DETECTOR = None


def _exit_with_parent() -> None:
    """End this worker at once when the process that started it dies, however it dies (``kill -9``, a crash):
    an orphan would stay alive holding transcript text and the detector's memory. A daemon thread waits on the
    parent's sentinel (on POSIX a pipe whose other end the parent holds, at EOF when the parent is gone; on
    Windows the parent's process handle), so it costs nothing while the parent lives. Where there is no
    sentinel the parent's pid is polled instead."""
    parent = multiprocessing.parent_process()
    sentinel = getattr(parent, "sentinel", None)
    if sentinel is not None:
        from multiprocessing.connection import wait

        def watch() -> None:
            wait([sentinel])
            os._exit(1)
    else:
        ppid = os.getppid()

        def watch() -> None:
            while os.getppid() == ppid:
                threading.Event().wait(0.5)
            os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _init_worker() -> None:
    global _DETECTOR
    _exit_with_parent()  # first: the detector takes ~1.5 s to load
    # a spawned worker holds transcript text; the kernel makes a new process dumpable again
    disable_crash_dumps()
    from ..anonymise.detect import load_detector

    _DETECTOR = load_detector()


def _detect(text: str) -> list:
    return _DETECTOR.detect(text, min_confidence=MIN_CONFIDENCE)


# ------------------------------------------------------------------ in the caller
class Ahead:
    """One file read and prepared ahead of its turn. Each step keeps its value or the exception it raised;
    ``get`` gives the value back or raises that exception where the serial import would have raised it."""

    def __init__(self, path: Path, options: ImportOptions) -> None:
        self.steps: dict[str, tuple[bool, object]] = {}
        if self._run("fmt", lambda: format_of(path.name)):
            data = None

            def read():
                nonlocal data
                data = load_bytes(path, self.get("fmt"))
                return hashlib.sha256(data).hexdigest()

            if self._run("sha", read):
                self._run("prepared", lambda: prepare_bytes(data, self.get("fmt"), document_name(path),
                                                             options.speakers))
            del data

    def _run(self, key: str, fn: Callable[[], object]) -> bool:
        try:
            self.steps[key] = (True, fn())
        except Exception as exc:  # noqa: BLE001 - raised again by get(), at the serial import's point
            self.steps[key] = (False, exc)
        return self.steps[key][0]

    def ok(self, key: str) -> bool:
        return self.steps.get(key, (False, None))[0]

    def get(self, key: str):
        done, value = self.steps[key]
        if not done:
            raise value
        return value


class _Item:
    """A file in the read-ahead window: read, then detected by a worker (``future``) or here (``spans``)."""

    def __init__(self, path: Path, ahead: Ahead, needs: bool) -> None:
        self.path, self.ahead, self.needs = path, ahead, needs
        self.future: Future | None = None
        self.spans: list | None = None

    def detect_here(self) -> None:
        from ..anonymise.detect import load_detector

        try:
            self.spans = load_detector().detect(self.ahead.get("prepared").text, min_confidence=MIN_CONFIDENCE)
        except Exception:  # noqa: BLE001 - import_one detects again and reports the failure as serially
            self.spans = None
        self.needs = False


def import_parallel(project: Project, paths: list[Path], options: ImportOptions, anonymiser, workers: int, *,
                    progress=None, cancel=None) -> list[FileResult]:
    """``batch_import.import_files`` for an anonymised import of several files, detection in ``workers``
    processes. Same results, progress calls and cancel checks as the serial loop. While the file due next
    is still being detected (the workers are starting, say), this process detects a later file of the
    window itself rather than wait."""
    keep_secrets_from_children()
    ctx = multiprocessing.get_context("spawn")
    results: list[FileResult] = []
    total = len(paths)
    window: deque[_Item] = deque()
    seen: set[str] = set()
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker)
    state = {"next": 0, "broken": False}

    def submit() -> None:
        busy = sum(1 for it in window if it.future is not None and not it.future.done())
        for it in window:
            if busy >= workers or state["broken"]:
                return
            if it.needs and it.future is None:
                try:
                    it.future = pool.submit(_detect, it.ahead.get("prepared").text)
                    busy += 1
                except Exception:  # noqa: BLE001 - a broken pool: detect the rest here
                    state["broken"] = True

    def fill() -> None:
        while state["next"] < total and len(window) <= workers + 1:
            path = paths[state["next"]]
            state["next"] += 1
            ahead = Ahead(path, options)
            needs = False
            if ahead.ok("prepared"):
                sha = ahead.get("sha")
                # a duplicate needs no detection (if it turns out not to be one, import_one detects it)
                dup = not options.allow_duplicates and (sha in seen or project.documents.by_sha256(sha))
                seen.add(sha)
                needs = not dup
            window.append(_Item(path, ahead, needs))
        submit()

    def spans_of(item: _Item) -> list | None:
        while item.needs and item.future is not None and not item.future.done():
            spare = next((it for it in window if it.needs and it.future is None), None)
            if spare is None:
                break
            spare.detect_here()
            submit()
        if item.needs and item.future is None:
            item.detect_here()
        if item.future is not None:
            try:
                return item.future.result()
            except Exception:  # noqa: BLE001 - detected again in-process by import_one
                return None
        return item.spans

    try:
        for i, path in enumerate(paths):
            if cancel is not None and cancel():
                for rest in paths[i:]:
                    results.append(FileResult(str(rest), CANCELLED,
                                              reason="The import was cancelled before this file."))
                break
            if progress:
                progress(i, total, str(path), None)
            fill()
            item = window.popleft()
            spans = spans_of(item)
            result = import_one(project, path, options, anonymiser, ahead=item.ahead, spans=spans)
            results.append(result)
            if progress:
                progress(i + 1, total, str(path), result)
    finally:
        window.clear()
        pool.shutdown(wait=True, cancel_futures=True)
    return results
