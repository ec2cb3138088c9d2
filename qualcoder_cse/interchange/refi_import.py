"""REFI-QDA import: a .qdpx / .qde project or a .qdc codebook becomes a NEW encrypted project.

    report = import_refi("study.qdpx", "study.qcse", passphrase, coder="alice", anonymise="off")
    print("\\n".join(report.lines()))

``refi_read`` parses leniently; this module stores what it read through the domain API, in one transaction
(``refi_records``: users, codes, variables, cases, notes and links; ``refi_store``: the documents, their
turns and codings; a failure removes the half-made project file), and writes an ``ImportReport``: counts,
what was tolerated, and every item that could not be carried over. Nothing is dropped silently.

Anonymisation: with ``anonymise="off"`` (the default, the user says the texts are already anonymised) the
texts are stored as given and flagged as not anonymised by this app unless the file was written by
QualCoder-CSE from anonymised documents. With ``"auto"`` each text passes through the anonymiser with every
proposal accepted; codings are remapped onto the anonymised text, and a coding whose text was wholly
replaced is kept (on the placeholder) and reported.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ..core import Project, idkey
from ..core.idkey import KeyUnavailable
from .refi_anon import Anonymiser, check_anonymiser
from .refi_codebook import import_codebook  # noqa: F401 (import_codebook: part of this API)
from .refi_common import Progress, RefiError
from .refi_model import ImportReport, RefiData
from .refi_read import read_refi
from .refi_records import RecordStore


def import_refi(
    in_path: str | os.PathLike,
    project_path: str | os.PathLike,
    passphrase: str,
    *,
    coder: str = "researcher",
    anonymise: str = "off",
    key_file: str | os.PathLike | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Create ``project_path`` from a REFI-QDA file. Refuses an existing project file. With ``anonymise="auto"``
    the re-identification key is written to ``key_file`` (default: the environment's, else beside the
    project; ``report.key_file`` names it); an import that fails removes the key it wrote with the project."""
    if anonymise not in ("off", "auto"):
        raise RefiError("--anonymise is 'auto' or 'off'.")
    if anonymise == "auto":
        check_anonymiser()
    data = read_refi(in_path)
    project_path = Path(project_path)
    project = Project.create(
        project_path, passphrase, framework="none", coder=coder, name=data.name or Path(in_path).stem
    )
    try:
        anonymiser = None
        if anonymise == "auto":
            project.pseudonyms.key_file = os.fspath(key_file) if key_file is not None else None
            project.pseudonyms.ensure_key()
            anonymiser = Anonymiser(project, coder)
        report = store(project, data, Path(in_path).name, anonymiser=anonymiser, progress=progress)
    except BaseException:
        created = project.pseudonyms.created_key
        project.close()
        for suffix in ("", "-wal", "-shm", ".lock"):
            with contextlib.suppress(OSError):
                os.unlink(f"{project_path}{suffix}")
        if created is not None:  # the key of a project that no longer exists would block the next try
            with contextlib.suppress(OSError, KeyUnavailable):
                idkey.destroy(created)
        raise
    if project.pseudonyms.created_key is not None:
        report.key_file = str(project.pseudonyms.created_key)
    project.close()
    return report


# ---------------------------------------------------------------------------------------------- storing
def store(
    project: Project,
    data: RefiData,
    label: str,
    *,
    anonymiser: Anonymiser | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Write ``data`` into an open (normally empty) project in one transaction; returns the report."""
    report = ImportReport(source=label, kind=data.kind, origin=data.origin)
    report.tolerated += data.messages
    report.not_carried += data.lost
    report.positions = data.unit_note
    with project.transaction():
        RecordStore(project, data, report, anonymiser, progress).run()
        detail = f"codings={report.counts.get('codings', 0)} not_carried={len(report.not_carried)}"
        project.audit.record("import refi", "project", None, detail)
    return report
