"""Process hardening at start-up: a crash must not leave decrypted transcripts in a core dump or crash report.

The project file is encrypted, but the process holds decrypted pages (SQLCipher's cache), the passphrase and
the texts on screen in memory. ``disable_crash_dumps()`` runs first thing in the CLI's ``main`` and the
window's ``run``:

- Linux: ``RLIMIT_CORE`` 0 (soft and hard, inherited by child processes) and ``prctl(PR_SET_DUMPABLE, 0)``
  (no core even when a system handler such as systemd-coredump or apport is set, and other processes of the
  same user cannot ptrace or read this one's memory).
- macOS: ``RLIMIT_CORE`` 0 (macOS writes cores to /cores only when this limit allows).
- Windows: ``SetErrorMode`` without the fault dialog, ``WerSetFlags(NOHEAP)`` so a Windows Error Reporting
  dump never carries the heap, and, for the built app, ``WerAddExcludedApplication`` so WER does not report
  (or keep dumps of) qualcoder-cse.exe for this user. Never run on Windows here: see docs/packaging.md.

Each step is best effort: a platform that refuses one is noted in the returned dict, never an error.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

PR_SET_DUMPABLE = 4
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002
WER_FAULT_REPORTING_FLAG_NOHEAP = 1

_applied: dict[str, str] | None = None


def _no_core_files(done: dict[str, str]) -> None:
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        done["rlimit_core"] = "0"
    except (ValueError, OSError) as exc:
        done["rlimit_core"] = f"failed: {exc}"


def _not_dumpable(done: dict[str, str]) -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        rc = libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        done["dumpable"] = "0" if rc == 0 else f"failed: errno {ctypes.get_errno()}"
    except (OSError, AttributeError) as exc:
        done["dumpable"] = f"failed: {exc}"


def _windows(done: dict[str, str]) -> None:
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    previous = kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
    kernel32.SetErrorMode(previous | SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
    done["error_mode"] = "no fault dialog"
    try:
        hr = kernel32.WerSetFlags(WER_FAULT_REPORTING_FLAG_NOHEAP)  # exported by kernel32 since Vista
        done["wer_flags"] = "noheap" if hr == 0 else f"failed: {hr & 0xFFFFFFFF:#x}"
    except AttributeError as exc:
        done["wer_flags"] = f"failed: {exc}"
    if getattr(sys, "frozen", False):  # only our own executable, never python.exe for every script
        try:
            wer = ctypes.WinDLL("wer.dll")  # type: ignore[attr-defined]
            hr = wer.WerAddExcludedApplication(ctypes.c_wchar_p(sys.executable), False)
            done["wer_excluded"] = sys.executable if hr == 0 else f"failed: {hr & 0xFFFFFFFF:#x}"
        except (OSError, AttributeError) as exc:
            done["wer_excluded"] = f"failed: {exc}"


def disable_crash_dumps() -> dict[str, str]:
    """Apply the platform's measures once per process; returns what was done (for tests and selfcheck)."""
    global _applied
    if _applied is not None:
        return _applied
    done: dict[str, str] = {}
    if os.name == "nt":
        _windows(done)
    else:
        _no_core_files(done)
        if sys.platform.startswith("linux"):
            _not_dumpable(done)
    _applied = done
    return done


def is_dumpable() -> bool | None:
    """Whether this process could leave a core dump under Linux's PR_GET_DUMPABLE; None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    return bool(libc.prctl(3, 0, 0, 0, 0))  # PR_GET_DUMPABLE
