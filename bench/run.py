"""Research-scale benchmarks (issue 10): every target on the large study, each beside its raw-SQL floor.

    .venv/bin/python bench/run.py                    # everything (~5 min on 2 cores); table + JSON + markdown
    .venv/bin/python bench/run.py --only open,search # some benchmarks (names: see BENCHMARKS below)
    .venv/bin/python bench/run.py --reuse            # keep bench/out/large.qcse if it exists (no load row)
    .venv/bin/python bench/run.py --repeat 3 --markdown docs/benchmarks.md --json bench/out/results.json

The large study (500 transcripts, 5 M words, 200 codes, 100,000 codings by 3 coders, 500 cases) is written
by ``make_project.py`` through the domain API; the case-table benchmark uses a second project with 5,000
cases x 10 attributes. Each figure is the median and the max of ``--repeat`` runs (default 5; the slow export
and import rows use at most 3). The floor beside it is the same work done with plain sqlcipher3 (or openpyxl
write-only for the workbook) on the same file in the same run; ratio = median / floor median. A benchmark
whose feature is missing prints "not available: <reason>", never a made-up figure.

GUI figures run in this process on Qt's offscreen platform (the view, the case table); start-up and memory
run the real ``qualcoder-cse gui`` in a child process under Xvfb when available (see startup.py).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_ahead
import make_project as mp
import startup
import ui_analysis_window
import ui_click

OUT = HERE / "out"
PW = mp.BENCH_PASSPHRASE
PY = sys.executable


@dataclass
class Row:
    key: str
    title: str
    target: str
    unit: str = "s"  # s (shown as ms when < 1 s), MB, words/s
    samples: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    floor_title: str = ""
    stat: str = "median"  # the statistic the target is about: median, max, p99 (samples are per-run p99s)
    limit: float | None = None  # the target as a number in ``unit`` (seconds, MB, words/s)
    ratio_limit: float | None = None  # target as a multiple of the floor
    higher_is_better: bool = False
    note: str = ""
    error: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def worst(self) -> float | None:
        if not self.samples:
            return None
        return min(self.samples) if self.higher_is_better else max(self.samples)

    @property
    def floor_median(self) -> float | None:
        return statistics.median(self.floor) if self.floor else None

    @property
    def ratio(self) -> float | None:
        if self.median is None or not self.floor_median:
            return None
        if self.higher_is_better:
            return self.floor_median / self.median
        return self.median / self.floor_median

    @property
    def met(self) -> bool | None:
        if self.median is None:
            return None
        value = self.worst if self.stat == "max" else self.median
        ok = True
        if self.limit is not None:
            ok = value >= self.limit if self.higher_is_better else value <= self.limit
        if self.ratio_limit is not None and self.ratio is not None:
            ok = ok and self.ratio <= self.ratio_limit
        return ok


def fmt(v: float | None, unit: str) -> str:
    if v is None:
        return "-"
    if unit == "s":
        return f"{v * 1000:.1f} ms" if v < 1 else f"{v:.2f} s"
    if unit == "MB":
        return f"{v:.0f} MB"
    if unit == "words/s":
        return f"{v:,.0f} w/s"
    return f"{v:.3g} {unit}"


# ------------------------------------------------------------------------------------------------- helpers
def raw_connect(path: Path):
    """A plain sqlcipher3 connection to a project file: the floors' side of every comparison."""
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = '{PW}'")
    conn.execute("PRAGMA cache_size = -131072")
    return conn


def timeit(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def p99(values: list[float]) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(0.99 * (len(s) - 1)))]


def qt_app():
    from qualcoder_cse.app import _app

    return _app()


def child_json(code: str, args: list[str], timeout: float = 900) -> tuple[dict, int]:
    """Run ``python -c code args``; returns (the JSON it printed last, its peak RSS in bytes, from VmHWM)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(prefix="qcse-hwm-") as hwm:
        proc = subprocess.run([PY, "-c", startup.HWM + code, *args], stdout=out, stderr=err, cwd=str(ROOT),
                              env=dict(os.environ, QCSE_HWM_FILE=hwm.name), timeout=timeout, check=False)
        out.seek(0)
        err.seek(0)
        text, etext = out.read().decode(), err.read().decode("utf-8", "replace")
        kib = int(Path(hwm.name).read_text().strip() or 0)
    if proc.returncode != 0:
        raise RuntimeError(f"child failed: {etext.strip().splitlines()[-1] if etext.strip() else proc.returncode}")
    return json.loads(text.strip().splitlines()[-1]), kib * 1024


# ------------------------------------------------------------------------------------------------- setup
@dataclass
class Ctx:
    repeat: int
    large: Path
    cases: Path
    work: Path
    small: Path | None = None  # the same study at scale 0.1 (issue 22's rows at both scales)
    data: mp.SynthData | None = None
    rows: list[Row] = field(default_factory=list)


def raw_load(data: mp.SynthData, path: Path) -> float:
    """The load floor: the same content with plain sqlcipher3 executemany in one transaction."""
    from qualcoder_cse.core.schema import migrate
    from qualcoder_cse.core.util import new_guid, now, word_count

    if path.exists():
        path.unlink()
    conn = raw_connect(path)
    migrate(conn, 0)
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute("INSERT INTO coders(id, name, guid, created_at) VALUES (1,'c1','g1',''),(2,'c2','g2',''),"
                 "(3,'c3','g3','')")
    stamp = now()
    conn.executemany(
        "INSERT INTO documents(id, name, kind, text, word_count, char_count, imported_at, guid)"
        " VALUES (?,?,?,?,?,?,?,?)",
        [(i + 1, d.name, d.kind, d.text, word_count(d.text), len(d.text), stamp, new_guid())
         for i, d in enumerate(data.documents)])
    conn.executemany('INSERT INTO turns(document_id, start, "end", speaker) VALUES (?,?,?,?)',
                     [(i + 1, s, e, lab) for i, d in enumerate(data.documents) for s, e, lab in d.turns])
    conn.executemany("INSERT INTO codes(id, parent_id, name, guid) VALUES (?,?,?,?)",
                     [(i + 1, None if p is None else p + 1, n, new_guid()) for i, (p, n, _d) in enumerate(data.codes)])
    rows = []
    for k, items in enumerate(data.codings.values()):
        rows += [(c + 1, d + 1, s, e, k + 1, stamp, new_guid()) for c, d, s, e in items]
    conn.executemany('INSERT INTO codings(code_id, document_id, start, "end", coder_id, created_at, guid)'
                     " VALUES (?,?,?,?,?,?,?)", rows)
    conn.executemany("INSERT INTO cases(id, name, guid) VALUES (?,?,?)",
                     [(i + 1, n, new_guid()) for i, (n, _d) in enumerate(data.cases)])
    conn.executemany("INSERT INTO case_documents(case_id, document_id) VALUES (?,?)",
                     [(i + 1, d + 1) for i, (_n, d) in enumerate(data.cases) if d is not None])
    conn.executemany("INSERT INTO attributes(id, name, scope, type, guid) VALUES (?,?,'case',?,?)",
                     [(i + 1, n, t, new_guid()) for i, (n, t, _c) in enumerate(data.case_attributes)])
    conn.executemany("INSERT INTO attribute_values(attribute_id, target_id, value) VALUES (?,?,?)",
                     [(a + 1, c + 1, v) for c, row in enumerate(data.case_values) for a, v in enumerate(row)])
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    conn.close()
    path.unlink()
    return elapsed


def setup(ctx: Ctx, reuse: bool) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    if not (reuse and ctx.large.exists()):
        print("writing the large study through the domain API ...", flush=True)
        t0 = time.perf_counter()
        ctx.data = mp.generate(mp.Spec())
        gen = time.perf_counter() - t0
        if ctx.large.exists():
            ctx.large.unlink()
        timings = mp.load_project(ctx.data, ctx.large, PW)
        floor = raw_load(ctx.data, OUT / "raw-load.db")
        ctx.rows.append(Row(
            "load", "write the large study (500 docs, 5 M words, 100k codings) through the domain API",
            "well under 1 min", samples=[timings["total"]], floor=[floor], floor_title="executemany, 1 txn",
            limit=60.0, note=f"one run; generating the text took {gen:.1f} s more; phases: "
            + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items() if k != "total"),
        ))
    if not (reuse and ctx.cases.exists()):
        if ctx.cases.exists():
            ctx.cases.unlink()
        spec = mp.Spec(documents=20, words=100_000, codes=20, codings=1_000, cases=5_000,
                       big_document_chars=20_000, big_document_codings=100, seed=7)
        mp.load_project(mp.generate(spec), ctx.cases, PW)
    if ctx.small is not None and not (reuse and ctx.small.exists()):
        if ctx.small.exists():
            ctx.small.unlink()
        mp.load_project(mp.generate(mp.Spec().scaled(0.1)), ctx.small, PW)
    shutil.copyfile(ctx.large, ctx.work)


def stale_schema_note(ctx: Ctx) -> None:
    """Say so when a reused study predates the schema: opened read-only it is not upgraded, and what the
    upgrade adds (e.g. schema 8's stored word starts) is then done the slow way in the figures."""
    from qualcoder_cse.core import Project, schema

    for path in (ctx.large, ctx.small, ctx.cases):
        if path is not None and path.exists():
            with Project.open(path, PW, readonly=True) as p:
                version = p.conn.execute("PRAGMA user_version").fetchone()[0]
            if version < schema.SCHEMA_VERSION:
                print(f"NOTE: {path.name} is at schema {version} (the app's is {schema.SCHEMA_VERSION}); open it once "
                      "for writing to upgrade it, or the figures measure the read-only fallback", flush=True)


# ------------------------------------------------------------------------------------------------- benchmarks
def bench_open(ctx: Ctx) -> Row:
    from qualcoder_cse.core import Project

    row = Row("open", "open the project with its passphrase and list documents", "<= 0.5 s", limit=0.5,
              floor_title="connect, key, SELECT")

    def domain() -> None:
        p = Project.open(ctx.large, PW, coder="coder1")
        try:
            docs = p.documents.list()
            assert len(docs) == 500
        finally:
            row.extra.setdefault("close_s", []).append(timeit(p.close))

    def floor() -> None:
        conn = raw_connect(ctx.large)
        conn.execute("SELECT id, name, kind, word_count, char_count FROM documents ORDER BY name").fetchall()
        conn.close()

    domain()  # warm the OS cache once for both
    row.samples = [timeit(domain) for _ in range(ctx.repeat)]
    row.floor = [timeit(floor) for _ in range(ctx.repeat)]
    row.note = "includes the key derivation (~100 ms by design), lock, schema and integrity checks, WAL"
    return row


def bench_coding(ctx: Ctx) -> Row:
    from qualcoder_cse.core import Project

    row = Row("coding", "apply one coding through the domain API (commit included)", "p99 <= 5 ms",
              stat="p99", limit=0.005, floor_title="INSERT + COMMIT")
    n = 200
    p = Project.open(ctx.work, PW, coder="coder1")
    try:
        doc = p.documents.by_name("Interview 0002")
        codes = [c.id for c in p.codes.list()]
        rounds, singles = [], []
        for r in range(ctx.repeat):
            times = []
            for i in range(n):
                start = 10 + (r * n + i) * 7 % max(1, doc.char_count - 200)
                t0 = time.perf_counter()
                p.codings.add(codes[i % len(codes)], doc.id, start, start + 37)
                times.append(time.perf_counter() - t0)
            rounds.append(p99(times))
            singles += times
    finally:
        p.close()
    conn = raw_connect(ctx.work)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    floors = []
    for r in range(ctx.repeat):
        times = []
        for i in range(n):
            t0 = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute('INSERT INTO codings(code_id, document_id, start, "end", coder_id, created_at, guid)'
                         " VALUES (?,?,?,?,?,?,?)", (codes[i % len(codes)], doc.id, 5 + i, 40 + i, 1, "", f"f{r}-{i}"))
            conn.execute("COMMIT")
            times.append(time.perf_counter() - t0)
        floors.append(p99(times))
    conn.close()
    row.samples, row.floor = rounds, floors
    row.note = (f"{ctx.repeat} rounds of {n} codings, figure = each round's p99; median single coding "
                f"{statistics.median(singles) * 1000:.2f} ms (span check, duplicate check, insert, audit row, commit)")
    return row


def bench_view(ctx: Ctx) -> Row:
    from PySide6.QtWidgets import QApplication

    from qualcoder_cse.core import Project
    from qualcoder_cse.ui.main_window import MainWindow

    row = Row("view", "open a 100,000-character document with 2,000 codings in the view (first paint)",
              "<= 300 ms", limit=0.3, floor_title="SELECT text, codings, turns")
    app = qt_app()
    window = MainWindow()
    window.resize(1440, 900)
    window.show()
    project = Project.open(ctx.large, PW, coder="coder1", readonly=True)
    try:
        window.set_project(project)
        big = project.documents.by_name("Interview 0001")
        small = project.documents.by_name("Interview 0003")
        n_codings = len(project.codings.list(document_id=big.id))
        assert big.char_count == 100_000 and n_codings == 2_000, (big.char_count, n_codings)
        samples = []
        for _ in range(ctx.repeat + 1):
            window.show_document(small.id)
            app.processEvents()
            t0 = time.perf_counter()
            window.show_document(big.id)
            app.processEvents()
            window.view.viewport().repaint()
            samples.append(time.perf_counter() - t0)
        row.samples = samples[1:]
    finally:
        window.close_project()
        window.close()
        QApplication.processEvents()
    conn = raw_connect(ctx.large)

    def floor() -> None:
        conn.execute("SELECT text FROM documents WHERE id = ?", (big.id,)).fetchone()
        conn.execute('SELECT id, code_id, start, "end", coder_id FROM codings WHERE document_id = ?',
                     (big.id,)).fetchall()
        conn.execute('SELECT start, "end", speaker FROM turns WHERE document_id = ?', (big.id,)).fetchall()

    floor()
    row.floor = [timeit(floor) for _ in range(ctx.repeat)]
    conn.close()
    row.note = "MainWindow.show_document + one synchronous repaint of the view; Qt offscreen platform"
    return row


def bench_click(ctx: Ctx) -> Row:
    """Issue 16: a click on a code in the real window until every panel has repainted (ui_click.py)."""
    row = Row("click", "apply a code in the window on the large study, click to every panel repainted",
              "<= 30 ms median, <= 50 ms max", limit=0.03, floor_title="INSERT + COMMIT")
    got = ui_click.click_figures(ctx.large, clicks=max(10, 6 * ctx.repeat))
    row.samples = got["samples"]
    row.extra["statements_per_click"] = got["statements"]
    row.extra["deferred_s"] = got["deferred"]
    row.extra["gui_thread_cpu_s"] = got["cpu"]
    conn = raw_connect(ctx.work)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    for i in range(len(row.samples)):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute('INSERT INTO codings(code_id, document_id, start, "end", coder_id, created_at, guid)'
                     " VALUES (?,?,?,?,?,?,?)", (1, 2, 7 + i, 50 + i, 1, "", f"click-{i}"))
        conn.execute("COMMIT")
        row.floor.append(time.perf_counter() - t0)
    conn.close()
    worst_ok = max(row.samples) <= 0.05
    row.note = (f"{len(row.samples)} clicks on 'Interview 0002' with every dock's panel built (the coded-segments "
                f"list showing the clicked code); SQL statements per click: median "
                f"{statistics.median(got['statements']):.0f} (trace callback); after the click returned: median "
                f"{statistics.median(got['deferred']) * 1000:.1f} ms; CPU time of the GUI thread per click: median "
                f"{statistics.median(got['cpu']) * 1000:.1f} ms; max {max(row.samples) * 1000:.1f} ms "
                f"{'meets' if worst_ok else 'misses'} the 50 ms max target")
    return row


def bench_cases(ctx: Ctx) -> Row:
    from PySide6.QtWidgets import QApplication

    from qualcoder_cse.core import Project

    row = Row("cases", "case table with 5,000 cases and 10 attributes shown", "<= 200 ms", limit=0.2,
              floor_title="SELECT cases, values")
    try:
        from qualcoder_cse.ui.cases_editor import CasesEditor
    except ImportError as exc:
        row.error = f"the cases editor is missing ({exc})"
        return row
    app = qt_app()
    project = Project.open(ctx.cases, PW, coder="coder1", readonly=True)
    try:
        assert len(project.cases.list()) == 5000

        def show() -> None:
            editor = CasesEditor(project)
            editor.resize(1200, 800)
            editor.show()
            app.processEvents()
            editor.view.viewport().repaint()
            row.extra["rows"] = editor.model.rowCount()
            editor.close()
            editor.deleteLater()

        show()
        row.samples = []
        for _ in range(ctx.repeat):
            row.samples.append(timeit(show))
            QApplication.processEvents()
    finally:
        project.close()
    conn = raw_connect(ctx.cases)

    def floor() -> None:
        conn.execute("SELECT id, name FROM cases ORDER BY name").fetchall()
        conn.execute("SELECT attribute_id, target_id, value FROM attribute_values").fetchall()

    row.floor = [timeit(floor) for _ in range(ctx.repeat)]
    conn.close()
    row.note = "CasesEditor built, shown and painted (model reads everything in two queries)"
    return row


def bench_search(ctx: Ctx, query: str, label: str) -> Row:
    from qualcoder_cse.core import Project

    row = Row(f"search-{label}", f"full-text search, first page of results: {query}", "<= 100 ms", limit=0.1,
              floor_title="FTS5 MATCH, first document's text")
    p = Project.open(ctx.large, PW, readonly=True)
    try:
        res = p.search.query(query, limit=50)
        row.samples = [timeit(lambda: p.search.query(query, limit=50)) for _ in range(ctx.repeat)]
        row.extra = {"documents": res.documents if hasattr(res, "documents") else None, "hits": len(res.hits)}
        from qualcoder_cse.core.search import parse_query

        fts = parse_query(query).fts
    finally:
        p.close()
    conn = raw_connect(ctx.large)
    # The least a first page needs: the matching documents and the text of the first one to find offsets in.
    sql = ("SELECT d.id, d.name, d.text FROM documents_fts f JOIN documents d ON d.id = f.rowid"
           " WHERE documents_fts MATCH ? ORDER BY d.name LIMIT 1")
    conn.execute(sql, (fts,)).fetchall()
    row.floor = [timeit(lambda: conn.execute(sql, (fts,)).fetchall()) for _ in range(ctx.repeat)]
    conn.close()
    row.note = f"{row.extra['hits']} hits on the first page"
    return row


def bench_matrix(ctx: Ctx) -> Row | list[Row]:
    from qualcoder_cse.core import Project

    row = Row("matrix", "code x case matrix, counts + presence on first use (as the floor)",
              "<= 3x the raw GROUP BY floor", ratio_limit=3.0, floor_title="GROUP BY code, case")
    full = Row("matrix-full", "code x case matrix, all four measures on first use (reads every text)",
               "(not a target: the floor has no words)", floor_title="GROUP BY code, case")
    try:
        from qualcoder_cse import analysis as an
    except ImportError as exc:
        row.error = f"the analysis package is missing ({exc})"
        return row
    p = Project.open(ctx.large, PW, readonly=True)
    try:
        loads, computes = [], []

        def run() -> None:
            t0 = time.perf_counter()
            data = an.load(p)
            t1 = time.perf_counter()
            an.code_by_case(data)
            loads.append(t1 - t0)
            computes.append(time.perf_counter() - t1)

        run()
        loads.clear()
        computes.clear()
        full.samples = [timeit(run) for _ in range(ctx.repeat)]
        an.code_by_case_counts(p)
        row.samples = [timeit(lambda: an.code_by_case_counts(p)) for _ in range(ctx.repeat)]
    finally:
        p.close()
    conn = raw_connect(ctx.large)
    sql = ("SELECT c.code_id, cd.case_id, count(*) FROM codings c JOIN case_documents cd"
           " ON cd.document_id = c.document_id GROUP BY c.code_id, cd.case_id")
    conn.execute(sql).fetchall()
    row.floor = [timeit(lambda: conn.execute(sql).fetchall()) for _ in range(ctx.repeat)]
    conn.close()
    full.floor = list(row.floor)
    row.note = ("analysis.code_by_case_counts: case assignment in SQL/numpy, roll-up to parents, each segment"
                " once; no texts, memos or turns read")
    full.note = (f"analysis.load {statistics.median(loads) * 1000:.0f} ms + code_by_case "
                f"{statistics.median(computes) * 1000:.0f} ms (roll-up to parents, 4 measures incl. words coded"
                " and %); the floor counts codings only")
    cached = Row("matrix-cached", "code x case matrix, project data already loaded (later matrices in the view)",
                 "(same)", ratio_limit=3.0, samples=list(computes), floor=list(row.floor),
                 floor_title=row.floor_title,
                 note="code_by_case on the AnalysisData the analysis view keeps after its first load")
    return [row, full, cached]


EXPORT_CHILD = """
import json, sys, time
from qualcoder_cse.core import Project
from qualcoder_cse.exporters.excel import export_workbook
p = Project.open(sys.argv[1], sys.argv[2], readonly=True)
t0 = time.perf_counter()
report = export_workbook(p, sys.argv[3])
print(json.dumps({"seconds": time.perf_counter() - t0, "sheets": len(report.sheets)}))
"""

FLOOR_CHILD = """
import json, sys, time
import sqlcipher3.dbapi2 as sqlcipher
from openpyxl import Workbook
conn = sqlcipher.connect(sys.argv[1]); conn.execute("PRAGMA key = '%s'" % sys.argv[2])
conn.execute("PRAGMA cache_size = -131072")
t0 = time.perf_counter()
wb = Workbook(write_only=True)
ws = wb.create_sheet("Code x Case")
cases = [r[0] for r in conn.execute("SELECT id FROM cases ORDER BY id")]
ws.append(["code"] + cases)
counts = {}
for code, case, n in conn.execute("SELECT c.code_id, cd.case_id, count(*) FROM codings c JOIN case_documents cd"
                                  " ON cd.document_id = c.document_id GROUP BY 1, 2"):
    counts.setdefault(code, {})[case] = n
for code, row in sorted(counts.items()):
    ws.append([code] + [row.get(c, 0) for c in cases])
ws = wb.create_sheet("Codings")
ws.append(["document", "code", "coder", "start", "end", "text"])
for r in conn.execute('SELECT d.name, k.name, o.name, c.start, c."end", substr(d.text, c.start + 1, c."end" - c.start)'
                      " FROM codings c JOIN documents d ON d.id = c.document_id JOIN codes k ON k.id = c.code_id"
                      " JOIN coders o ON o.id = c.coder_id ORDER BY c.document_id, c.start"):
    ws.append(list(r))
wb.save(sys.argv[3])
print(json.dumps({"seconds": time.perf_counter() - t0}))
"""


def bench_export(ctx: Ctx) -> Row | list[Row]:
    row = Row("export", "full analysis workbook export", "<= 2x the openpyxl write-only floor, <= 600 MB",
              ratio_limit=2.0, floor_title="openpyxl write-only: matrix + 100k coding rows")
    try:
        import qualcoder_cse.exporters.excel  # noqa: F401
    except ImportError as exc:
        row.error = f"the Excel exporter is missing ({exc})"
        return row
    n = max(1, min(ctx.repeat, 3))
    rss, frss = [], []
    with tempfile.TemporaryDirectory(prefix="qcse-bench-") as tmp:
        out = str(Path(tmp) / "export.xlsx")
        for _ in range(n):
            res, mem = child_json(EXPORT_CHILD, [str(ctx.large), PW, out])
            row.samples.append(res["seconds"])
            rss.append(mem / 2**20)
            row.extra["sheets"] = res["sheets"]
            row.extra["bytes"] = Path(out).stat().st_size
        for _ in range(n):
            res, mem = child_json(FLOOR_CHILD, [str(ctx.large), PW, out])
            row.floor.append(res["seconds"])
            frss.append(mem / 2**20)
    row.extra["peak_rss_mb"] = rss
    row.extra["floor_peak_rss_mb"] = frss
    memory_ok = max(rss) <= 600
    row.note = (f"{n} runs in a child process; peak memory {max(rss):.0f} MB (floor process {max(frss):.0f} MB), "
                f"target <= 600 MB: {'met' if memory_ok else 'NOT met'}; {row.extra['sheets']} sheets, "
                f"{row.extra['bytes'] / 1e6:.1f} MB file")
    row.extra["memory_ok"] = memory_ok
    mem = Row("export-memory", "full analysis workbook export, peak memory (issue 22)", "<= 250 MB", unit="MB",
              limit=250, stat="max", samples=list(rss), floor=list(frss),
              floor_title="openpyxl write-only process", note="VmHWM of the export child process (ours in the "
              "issue: 459 MB)")
    return [row, mem]


def _import_files(folder: Path, n_files: int, words: int) -> int:
    """Transcript files with invented names, places and numbers for the anonymiser to find; returns words."""
    spec = mp.Spec(documents=n_files, words=words, codes=2, codings=1, cases=1, big_document_chars=2_000,
                   big_document_codings=1, seed=99)
    data = mp.generate(spec)
    extras = [" My name is Jodie Whitfield and I live in Rotherham.", " Ring Kyle Marsh on 07700 900461.",
              " We met at Oakfield Academy on Clifton Road.", " Sharon said PC Daniel Hughes came round."]
    total = 0
    for i, d in enumerate(data.documents):
        lines = d.text.split("\n")
        lines = [ln + extras[k % len(extras)] if k % 9 == 0 else ln for k, ln in enumerate(lines)]
        text = "\n".join(lines)
        (folder / f"transcript {i + 1:03d}.txt").write_text(text, encoding="utf-8")
        total += len(text.split())
    return total


def bench_import(ctx: Ctx) -> Row:
    from qualcoder_cse.core import Project

    row = Row("import", "import with anonymisation (detection included)", ">= 10,000 words/s with both cores",
              unit="words/s", limit=10_000, higher_is_better=True, floor_title="read + INSERT, no detection")
    try:
        from qualcoder_cse.workflows import batch_import, file_import
    except ImportError as exc:
        row.error = f"the batch importer is missing ({exc})"
        return row
    if not file_import.anonymiser_available():
        row.error = "the anonymiser's import hook is missing"
        return row
    n = max(1, min(ctx.repeat, 3))
    with tempfile.TemporaryDirectory(prefix="qcse-bench-import-") as tmp:
        folder = Path(tmp) / "files"
        folder.mkdir()
        words = _import_files(folder, 12, 120_000)
        files = sorted(folder.glob("*.txt"))
        cpu = []
        for r in range(n):
            path = Path(tmp) / f"import{r}.qcse"
            p = Project.create(path, PW, framework="none", coder="coder1")
            try:
                before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                results = batch_import.import_files(p, files, file_import.ImportOptions(kind="police", anonymise=True))
                wall = time.perf_counter() - t0
                after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
                bad = [res.reason for res in results if res.status != file_import.IMPORTED]
                if bad:
                    row.error = f"{len(bad)} files failed: {bad[0]}"
                    return row
            finally:
                p.close()
            used = sum((a.ru_utime + a.ru_stime) - (b.ru_utime + b.ru_stime) for a, b in zip(after, before))
            cpu.append(used / wall)
            row.samples.append(words / wall)
        for r in range(n):
            path = Path(tmp) / f"floor{r}.db"
            conn = raw_connect(path)
            from qualcoder_cse.core.schema import migrate

            migrate(conn, 0)
            t0 = time.perf_counter()
            conn.execute("BEGIN")
            for i, f in enumerate(files):
                text = f.read_text(encoding="utf-8")
                conn.execute("INSERT INTO documents(name, kind, text, imported_at, guid) VALUES (?,?,?,?,?)",
                             (f.stem, "police", text, "", f"g{i}"))
            conn.execute("COMMIT")
            row.floor.append(words / (time.perf_counter() - t0))
            conn.close()
    row.extra["cpu_per_wall"] = cpu
    row.note = (f"{len(files)} files, {words:,} words, every proposal accepted; CPU used / wall time = "
                f"{statistics.median(cpu):.2f} (2.0 would be both cores busy)")
    return row


def bench_startup(ctx: Ctx) -> list[Row]:
    """Start-up from source and the memory of the open large project in the window (child processes)."""
    rows = []
    up = Row("startup", "start-up to the window shown, from source", "<= 1.5 s", limit=1.5,
             floor_title="bare PySide6 window")
    mem = Row("memory", "memory for the open large project in the window", "<= 800 MB", unit="MB", limit=800,
              floor_title="bare PySide6 window")
    with tempfile.TemporaryDirectory(prefix="qcse-bench-gui-") as tmp, startup.virtual_display() as display:
        home = Path(tmp)
        env = startup.base_env(display, home)
        png = str(home / "shot.png")
        bare = [PY, "-c", startup.BARE_WINDOW, png]
        source = [PY, "-c", startup.APP_MAIN, "gui", "--screenshot", png]
        big_env = dict(env, QUALCODER_CSE_PASSPHRASE=PW)
        large = [PY, "-c", startup.APP_MAIN, "gui", str(ctx.large), "--screenshot", png]
        bare_rss = []
        for cmd, target, rss_to in ((bare, up.floor, bare_rss), (source, up.samples, None)):
            startup.run_timed(cmd, env, cwd=str(ROOT))  # warm-up
            for _ in range(ctx.repeat):
                wall, rc, rss, err = startup.run_timed(cmd, env, cwd=str(ROOT))
                if rc != 0:
                    up.error = f"{' '.join(cmd[2:4])} exited {rc}: {err.strip().splitlines()[-1] if err.strip() else ''}"
                    break
                target.append(wall)
                if rss_to is not None:
                    rss_to.append(rss / 2**20)
        times = []
        for _ in range(max(1, min(ctx.repeat, 3))):
            wall, rc, rss, err = startup.run_timed(large, big_env, cwd=str(ROOT))
            if rc != 0:
                mem.error = f"gui with the large project exited {rc}: {err.strip()[-200:]}"
                break
            mem.samples.append(rss / 2**20)
            times.append(wall)
        mem.floor = bare_rss
        up.note = f"`qualcoder-cse gui --screenshot` wall time, {display.get('QT_QPA_PLATFORM')} platform"
        if times:
            mem.note = (f"peak RSS of `gui PROJECT --screenshot` (first document, the 100k-character one, painted); "
                        f"launch to painted with the large project: median {statistics.median(times):.2f} s")
            mem.stat = "max"
    rows += [up, mem]
    return rows


BENCHMARKS: dict[str, Callable[[Ctx], Row | list[Row]]] = {
    "open": bench_open,
    "coding": bench_coding,
    "view": bench_view,
    "click": bench_click,
    "cases": bench_cases,
    "search": lambda ctx: [bench_search(ctx, "snapchat", "word"),
                           bench_search(ctx, '"strategy meetings"', "phrase")],
    "matrix": bench_matrix,
    # issue 22, at scale 0.1 and 1.0 (bench_ahead.py; it takes this module's Row and helpers)
    "hits": lambda ctx: bench_ahead.bench_hits(ctx, Row, raw_connect),
    "window": lambda ctx: bench_ahead.bench_window(ctx, Row, raw_connect, qt_app),
    "analysis": lambda ctx: bench_ahead.bench_analysis_view(ctx, Row, raw_connect, qt_app),
    "analysis-window": lambda ctx: ui_analysis_window.bench_analysis_window(
        ctx, Row, raw_connect, child_json, bench_ahead._scales(ctx), mp.BENCH_PASSPHRASE),
    "matrix-memory": lambda ctx: bench_ahead.bench_matrix_memory(ctx, Row, child_json),
    "export": bench_export,
    "import": bench_import,
    "startup": bench_startup,
}


# ------------------------------------------------------------------------------------------------- report
def table(rows: list[Row]) -> str:
    head = ("| benchmark | median | max | raw floor (median) | ratio | target | met |\n"
            "|---|---:|---:|---:|---:|---|---|")
    lines = [head]
    for r in rows:
        if r.error:
            lines.append(f"| {r.title} | not available: {r.error} | | | | {r.target} | n/a |")
            continue
        worst = "max" if not r.higher_is_better else "min"
        floor = f"{fmt(r.floor_median, r.unit)} ({r.floor_title})" if r.floor else "-"
        ratio = f"{r.ratio:.1f}x" if r.ratio is not None else "-"
        met = {True: "yes", False: "**NO**", None: "n/a"}[r.met]
        if r.key == "export" and r.extra.get("memory_ok") is False:
            met = "**NO** (memory)"
        label = f"p99 {fmt(r.median, r.unit)}" if r.stat == "p99" else fmt(r.median, r.unit)
        lines.append(f"| {r.title} | {label} | {fmt(r.worst, r.unit)}{'' if worst == 'max' else ' (min)'} | "
                     f"{floor} | {ratio} | {r.target} | {met} |")
    return "\n".join(lines)


def environment() -> dict:
    load = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    import sqlcipher3

    return {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_at_start": load,
        "sqlcipher3": getattr(sqlcipher3, "__version__", "?"),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Large-study benchmarks against raw-SQL floors.")
    ap.add_argument("--only", help="comma-separated benchmark names: " + ", ".join(BENCHMARKS))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--reuse", action="store_true", help="reuse bench/out/large.qcse and cases.qcse if present")
    ap.add_argument("--studies", type=Path, default=OUT,
                    help="folder of large.qcse, small.qcse and cases.qcse (default bench/out)")
    ap.add_argument("--json", type=Path, default=OUT / "results.json")
    ap.add_argument("--markdown", type=Path, help="write the table and notes to this markdown file")
    a = ap.parse_args(argv)
    names = a.only.split(",") if a.only else list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        ap.error(f"unknown benchmark(s): {', '.join(unknown)}")
    env = environment()
    print(f"{env['when']}: {env['cpus']} CPUs, load average {env['load_average_at_start']}", flush=True)
    d = a.studies
    ctx = Ctx(repeat=a.repeat, large=d / "large.qcse", cases=d / "cases.qcse", work=d / "work.qcse",
              small=d / "small.qcse")
    setup(ctx, a.reuse)
    stale_schema_note(ctx)
    for name in names:
        print(f"running {name} ...", flush=True)
        try:
            got = BENCHMARKS[name](ctx)
        except Exception as exc:  # noqa: BLE001 - one broken benchmark must not hide the others' figures
            traceback.print_exc(limit=3)
            got = Row(name, name, "", error=f"{type(exc).__name__}: {str(exc)[:200]}")
        ctx.rows += got if isinstance(got, list) else [got]
    with contextlib.suppress(OSError):
        ctx.work.unlink()
    text = table(ctx.rows)
    print()
    print(text)
    print()
    for r in ctx.rows:
        if r.note:
            print(f"- {r.title}: {r.note}")
    a.json.parent.mkdir(parents=True, exist_ok=True)
    a.json.write_text(json.dumps({"environment": env, "rows": [
        dict(asdict(r), median=r.median, worst=r.worst, floor_median=r.floor_median, ratio=r.ratio, met=r.met)
        for r in ctx.rows]}, indent=2))
    if a.markdown:
        notes = "\n".join(f"- **{r.title}**: {r.note}" for r in ctx.rows if r.note)
        a.markdown.write_text(
            f"Measured {env['when']} on {env['cpus']} CPUs ({env['platform']}, Python {env['python']}); "
            f"load average at start {env['load_average_at_start']} (a shared machine: other work was running).\n\n"
            f"{text}\n\nNotes:\n\n{notes}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
