"""The self-check: prove on the spot, on a locked-down laptop, that this installation works end to end.

In a private temporary folder it creates an encrypted project (with the bundled framework), imports the bundled
synthetic sample (``resources/selfcheck/sample.txt``), anonymises it with the shipped anonymiser, checks that
none of the sample's invented names, places and numbers survive in the stored text, codes a segment, searches,
exports the analysis workbook and reads it back, then reopens the project with its passphrase (and checks a
wrong one is refused). Every step reports one line; the folder is deleted at the end whatever happens.

Headless (no Qt): it runs from a source install and from the PyInstaller build alike
(``qualcoder-cse selfcheck``). Only the synthetic sample's text ever reaches the temporary folder, and only
inside the encrypted project and the export.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .paths import models_dir, resources_dir

SAMPLE = ("selfcheck", "sample.txt")
SAMPLE_CODE = "Disruption"  # a top-level code of the bundled framework; a child is created under it
# Every invented identifier in the sample that must not survive anonymisation (compared case-insensitively).
SAMPLE_IDENTIFIERS = (
    "Jodie", "Whitfield", "Sharon", "Kyle", "Marsh", "Daniel Hughes", "07700 900461", "kyle.marsh@example.com",
    "S60 2TH", "Rotherham", "Sheffield", "Oakfield", "Clifton Road",
)


class SelfCheckFailed(Exception):
    """A step found something wrong; the message says what, in one sentence, without transcript text."""


@dataclass
class StepResult:
    name: str
    ok: bool
    seconds: float
    detail: str = ""


@dataclass
class _Context:
    folder: Path
    passphrase: str
    project: object = None
    project_path: Path | None = None
    document_id: int | None = None
    stored_text: str = ""
    notes: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------------------------ the steps
def _step_resources(ctx: _Context) -> str:
    sample = resources_dir().joinpath(*SAMPLE)
    framework = resources_dir() / "frameworks"
    missing = [str(p) for p in (sample, framework) if not p.exists()]
    if missing:
        raise SelfCheckFailed(f"bundled resources are missing: {', '.join(missing)}")
    return f"resources in {resources_dir()}"


def _step_spacy(ctx: _Context) -> str:
    """spaCy's code and English data are here; the shipped NER model (when this build has one) loads and runs."""
    import spacy

    tokens = len(spacy.blank("en")("PC Daniel Hughes served it in Rotherham."))
    if tokens != 8:
        raise SelfCheckFailed(f"spaCy's English tokenizer gave {tokens} tokens for an 8-token sentence")
    if not (models_dir() / "anonymiser" / "config.cfg").exists():
        ctx.notes.append("no trained NER model in this build: the anonymiser ran on patterns and gazetteers")
        return f"spaCy {spacy.__version__}, blank English pipeline (no NER model shipped)"
    from .anonymise.ner import load_ner

    ner = load_ner()
    if ner is None:
        raise SelfCheckFailed("the shipped NER model did not load")
    ner.find("yp1: me and Jodie went to Rotherham with Kyle")  # must run; what it finds is the corpus's job
    return f"spaCy {spacy.__version__}, NER model from {models_dir() / 'anonymiser'}"


def _step_create(ctx: _Context) -> str:
    from .core import Project

    ctx.project_path = ctx.folder / "selfcheck.qcse"
    ctx.project = Project.create(ctx.project_path, ctx.passphrase, framework="policing-cse", coder="selfcheck")
    head = ctx.project_path.read_bytes()[:16]
    if head.startswith(b"SQLite format 3"):
        raise SelfCheckFailed("the project file is not encrypted")
    n = ctx.project.codes.list()
    if not n:
        raise SelfCheckFailed("the bundled framework codebook did not load")
    return f"encrypted project with {len(n)} framework codes"


def _step_import(ctx: _Context) -> str:
    """Import the sample the way ``qualcoder-cse import --anonymise auto`` does (every proposal accepted)."""
    sample = resources_dir().joinpath(*SAMPLE)
    from .workflows import batch_import, file_import

    if not file_import.anonymiser_available():
        raise SelfCheckFailed("anonymisation on import is not available in this build")
    options = file_import.ImportOptions(kind="police", anonymise=True)
    result = batch_import.import_files(ctx.project, [sample], options)[0]
    if result.status != file_import.IMPORTED or result.document_id is None:
        raise SelfCheckFailed(f"the importer did not import the sample ({result.status}): {result.reason}")
    ctx.document_id = result.document_id
    how = "batch importer, anonymiser pipeline, every proposal accepted"
    doc = ctx.project.documents.get(ctx.document_id)
    ctx.stored_text = ctx.project.documents.text(ctx.document_id)
    if doc.word_count < 50:
        raise SelfCheckFailed(f"the imported sample has only {doc.word_count} words")
    return f"{doc.word_count} words, {len(ctx.project.turns.list(doc.id))} speaker turns ({how})"


def _step_anonymised(ctx: _Context) -> str:
    folded = ctx.stored_text.casefold()
    left = [ident for ident in SAMPLE_IDENTIFIERS if ident.casefold() in folded]
    if left:
        # Say how many and which placeholders are missing, never the surrounding text.
        raise SelfCheckFailed(f"{len(left)} of the sample's invented identifiers survived anonymisation: "
                              + ", ".join(left))
    if "[" not in ctx.stored_text:
        raise SelfCheckFailed("the stored text has no placeholders")
    return f"none of the sample's {len(SAMPLE_IDENTIFIERS)} invented identifiers remain"


def _step_code(ctx: _Context) -> str:
    project = ctx.project
    code = project.codes.by_path(f"{SAMPLE_CODE}/Self-check", create=True)
    text = ctx.stored_text
    where = text.find("Child Abduction Warning Notice")
    if where < 0:
        raise SelfCheckFailed("the sample's coded phrase is missing from the stored text")
    coding = project.codings.add(code.id, ctx.document_id, where, where + len("Child Abduction Warning Notice")).coding
    if project.codings.text(coding) != "Child Abduction Warning Notice":
        raise SelfCheckFailed("the coded segment does not read back as coded")
    hits = project.search.query("warning notice")
    if not hits.hits:
        raise SelfCheckFailed("full-text search found nothing for a phrase in the sample")
    return f"1 coding, search found {len(hits.hits)} hit(s)"


def _step_export(ctx: _Context) -> str:
    from openpyxl import load_workbook

    from .exporters.excel import export_workbook

    out = ctx.folder / "selfcheck.xlsx"
    export_workbook(ctx.project, out)
    wb = load_workbook(out, read_only=True)
    try:
        sheets = wb.sheetnames
        found = any("Self-check" in str(cell) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                    for cell in row if cell is not None)
    finally:
        wb.close()
    if not found:
        raise SelfCheckFailed("the exported workbook does not contain the coding just made")
    return f"analysis workbook, {len(sheets)} sheets, read back"


def _step_reopen(ctx: _Context) -> str:
    from .core import Project, WrongPassphrase

    ctx.project.close()
    ctx.project = None
    try:
        Project.open(ctx.project_path, ctx.passphrase + "x", readonly=True).close()
    except WrongPassphrase:
        pass
    else:
        raise SelfCheckFailed("a wrong passphrase opened the project")
    with Project.open(ctx.project_path, ctx.passphrase, readonly=True) as project:
        info = project.info()
        problems = project.verify()
    if problems:
        raise SelfCheckFailed("the integrity check failed after reopening")
    if info.documents != 1 or info.codings != 1:
        raise SelfCheckFailed(f"reopened with {info.documents} documents and {info.codings} codings, not 1 and 1")
    return "reopened with the passphrase; a wrong one is refused; integrity ok"


STEPS: list[tuple[str, Callable[[_Context], str]]] = [
    ("bundled resources", _step_resources),
    ("spaCy and the NER model", _step_spacy),
    ("create project", _step_create),
    ("import and anonymise sample", _step_import),
    ("anonymisation removed identifiers", _step_anonymised),
    ("code and search", _step_code),
    ("export", _step_export),
    ("reopen", _step_reopen),
]


def run_selfcheck(report: Callable[[str], None] = print) -> bool:
    """Run every step, reporting one line each through ``report``; True when all passed.

    Stops at the first failed step (later steps depend on earlier ones). The temporary folder is removed
    in every case and its removal checked.
    """
    from .core import ProjectError

    try:
        folder = Path(tempfile.mkdtemp(prefix="qcse-selfcheck-"))
    except OSError as exc:
        report(f"FAILED  temporary folder: cannot create one in {tempfile.gettempdir()} ({exc.strerror})")
        return False
    ctx = _Context(folder=folder, passphrase=secrets.token_urlsafe(24))
    results: list[StepResult] = []
    try:
        for name, step in STEPS:
            t0 = time.perf_counter()
            try:
                detail = step(ctx)
                results.append(StepResult(name, True, time.perf_counter() - t0, detail))
                report(f"ok      {name}: {detail} ({time.perf_counter() - t0:.2f} s)")
            except (SelfCheckFailed, ProjectError) as exc:
                results.append(StepResult(name, False, time.perf_counter() - t0, str(exc)))
                report(f"FAILED  {name}: {exc}")
                break
            except Exception as exc:  # noqa: BLE001 - an unexpected error is a failed check, never a traceback
                results.append(StepResult(name, False, time.perf_counter() - t0, type(exc).__name__))
                first = next((ln.strip() for ln in str(exc).splitlines() if ln.strip()), "")
                report(f"FAILED  {name}: unexpected {type(exc).__name__}: {first[:300]}")
                break
    finally:
        if ctx.project is not None:
            with contextlib.suppress(Exception):  # already failing; the folder is removed below either way
                ctx.project.close()
        shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():
        report(f"FAILED  clean-up: could not remove the temporary folder {folder}")
        return False
    for note in ctx.notes:
        report(f"note    {note}")
    return len(results) == len(STEPS) and all(r.ok for r in results)
