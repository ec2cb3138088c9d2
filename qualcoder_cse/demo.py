"""The demo project: synthetic, already-anonymised transcripts from ``resources/demo/`` coded against the
built-in framework by two coders ('alice' and 'bob', who partly agree), with cases, attributes and memos.

Headless (no Qt): ``qualcoder-cse demo PATH`` and the window's "Open the demo" both call ``build_demo``.
Every transcript was written for this demo; the people and places in it are placeholders like [Person 1].
Codings are given in ``demo.json`` by quotation (not offsets), so editing a transcript cannot shift them.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from .core import Project
from .core.errors import InvalidValue
from .paths import resources_dir

DEMO_PASSPHRASE = "demo passphrase - not secret"  # documented in docs/ui.md; the data are synthetic
DEMO_FILE_NAME = "QualCoder-CSE demo.qcse"
_TURN = re.compile(r"^([^\n:]{1,40}):[ \t]", re.MULTILINE)


def demo_dir() -> Path:
    return resources_dir() / "demo"


def user_data_dir() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return Path(base) / "qualcoder-cse"


def parse_turns(text: str) -> list[tuple[int, int, str]]:
    """Speaker turns of a transcript written as ``LABEL: words`` lines (a turn runs to the next label)."""
    marks = [(m.start(), m.group(1).strip()) for m in _TURN.finditer(text)]
    turns = []
    for i, (start, speaker) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        turns.append((start, len(text[:end].rstrip()), speaker))
    return turns


def _find(text: str, quote: str, after: int = 0) -> tuple[int, int]:
    pos = text.find(quote, after)
    if pos < 0:
        pos = text.find(quote)
    if pos < 0:
        raise InvalidValue(f"Demo quotation not found: {quote[:30]!r}")
    return pos, pos + len(quote)


def build_demo(path: Path, passphrase: str = DEMO_PASSPHRASE) -> dict:
    """Write the demo project to ``path`` (which must not exist); returns a summary of what it holds."""
    spec = json.loads((demo_dir() / "demo.json").read_text(encoding="utf-8"))
    project = Project.create(path, passphrase, framework="policing-cse", coder="alice",
                             name="Demo: policing responses to CSE")
    try:
        with project.transaction():
            for attr in spec["attributes"]:
                project.attributes.add(attr["name"], scope=attr.get("scope", "case"), type=attr.get("type", "text"),
                                       choices=attr.get("choices", []))
            cases = {}
            for case in spec["cases"]:
                c = project.cases.add(case["name"], case.get("description", ""))
                cases[case["name"]] = c.id
                for name, value in case.get("attributes", {}).items():
                    project.attributes.set_value(project.attributes.by_name(name).id, c.id, value)
            docs = {}
            for d in spec["documents"]:
                text = (demo_dir() / d["file"]).read_text(encoding="utf-8").replace("\r\n", "\n")
                doc = project.documents.add(d["name"], text, kind=d["kind"], anonymised=True,
                                            source_format="txt", turns=parse_turns(text),
                                            attributes=d.get("attributes"))
                docs[d["name"]] = (doc.id, text)
                if d.get("case"):
                    project.cases.add_documents(cases[d["case"]], [doc.id])
                for speaker, case_name in d.get("speakers", {}).items():
                    project.turns.map_speaker(doc.id, speaker, cases[case_name])
            made = 0
            for c in spec["codings"]:
                doc_id, text = docs[c["doc"]]
                start, end = _find(text, c["quote"])
                code = project.codes.by_path(c["code"])
                coding = project.codings.add(code.id, doc_id, start, end, coder=c["coder"], memo=c.get("memo", "")).coding
                made += 1
                if c.get("coding_memo"):
                    project.memos.add("coding", coding.id, c["coding_memo"], "Note", coder=c["coder"])
            for m in spec.get("memos", []):
                target_id = None
                if m["target"] == "document":
                    target_id = docs[m["name"]][0]
                elif m["target"] == "code":
                    target_id = project.codes.by_path(m["name"]).id
                project.memos.add(m["target"], target_id, m["text"], m.get("title", ""), coder=m.get("coder"))
        summary = {"documents": len(docs), "codings": made, "cases": len(cases),
                   "coders": sorted({c["coder"] for c in spec["codings"]})}
    except BaseException:
        project.close()
        path.unlink(missing_ok=True)
        raise
    project.close()
    return summary


def ensure_demo_project() -> tuple[Path, str]:
    """The demo in the user data folder, built on first use. Returns (path, passphrase)."""
    folder = user_data_dir() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEMO_FILE_NAME
    if not path.exists():
        build_demo(path, DEMO_PASSPHRASE)
    return path, DEMO_PASSPHRASE
