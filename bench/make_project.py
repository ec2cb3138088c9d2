"""Write a deterministic synthetic QualCoder-CSE project of a given size, through the domain API, and time it.

The default is the "large study" of issue 10: 500 transcripts, 5 million words, 200 codes (a two-level
codebook), 100,000 codings by 3 coders, 500 cases with 10 attributes each. Text is transcript-like: speaker
turns ("INT:", "DI:", "P2:", "yp1:"), policing/safeguarding vocabulary, young people's informal register.
Everything derives from ``--seed``, so the same arguments give the same project content (GUIDs and
timestamps aside). Document 1 ("Interview 0001") is exactly the "100,000-character document with 2,000
codings" the view benchmark opens.

Usage (from the repository root, with the project's virtualenv)::

    .venv/bin/python bench/make_project.py bench/out/large.qcse            # the large study (~1 min)
    .venv/bin/python bench/make_project.py /tmp/small.qcse --scale 0.05    # 5% of everything
    .venv/bin/python bench/make_project.py OUT --documents 50 --words 500000 --codings 10000 --cases 5000
    .venv/bin/python bench/make_project.py OUT --json                      # timings as JSON on stdout

The passphrase is ``QUALCODER_CSE_PASSPHRASE`` when set, else ``BENCH_PASSPHRASE`` below. From Python::

    from make_project import Spec, generate, load_project       # with bench/ on sys.path
    data = generate(Spec(documents=50, words=500_000))
    timings = load_project(data, path, passphrase)

``generate`` builds the content in memory (no storage); ``load_project`` writes it only through the public
domain API (``Project.create(framework="none")``, ``documents.add``, ``codes.add``, ``codings.add_many``,
``cases.add``, ``cases.add_documents``, ``attributes.add`` / ``set_value``) inside one transaction per phase.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BENCH_PASSPHRASE = "bench passphrase, synthetic data only"
COLLECTIVE_CODES = 20  # top-level codes; the rest are their children

# ----------------------------------------------------------------------------------------------- vocabulary
_SUBJECTS = [
    "the CSE team", "the MASH", "our analysts", "the DI", "the safeguarding board", "health partners",
    "children's social care", "the licensing officers", "the missing persons coordinator", "the night team",
    "the neighbourhood officers", "the youth workers", "the school nurse", "the prosecutor", "the hotel staff",
    "the taxi licensing team", "the helpline", "the CPS", "the independent reviewing officer", "we",
    "the local authority", "the sexual health clinic", "the ISVA", "the return home interviewer",
]
_VERBS = [
    "shares information with", "refers cases to", "meets weekly with", "relies on", "struggles to reach",
    "works closely with", "escalates concerns to", "trains", "briefs", "gets intelligence from",
    "has an information sharing agreement with", "challenges", "supports", "co-locates with",
    "reviews cases with", "flags risk to", "does joint visits with", "commissions",
]
_OBJECTS = [
    "the police", "partner agencies", "the young person", "the family", "the school", "the night-time economy",
    "hotels and B&Bs", "takeaways", "the children's home", "the health visitors", "the Crown Prosecution Service",
    "the victim's advocate", "the board", "the voluntary sector", "other forces", "the regional hub",
]
_CLAUSES = [
    "when a child goes missing", "after the return home interview", "if there is a disclosure",
    "once the risk assessment is done", "before the strategy meeting", "during the investigation",
    "when the case goes to court", "if the victim will not engage", "at the daily briefing",
    "when we issue a Child Abduction Warning Notice", "when the intelligence is thin",
    "whenever there is a pattern of going missing", "when the offender is moved on",
    "if the parents are not protective", "as soon as the flag goes up", "in the first 48 hours",
]
_OPINIONS = [
    "To be honest it is patchy.", "It works well most of the time.", "That has improved a lot since 2014.",
    "It depends who is on shift.", "We are still learning.", "Funding is the real problem.",
    "The data does not tell the whole story.", "Victims do not always see themselves as victims.",
    "We need more joined up working.", "That was a turning point for us.", "It is resource intensive.",
    "Nobody owns the problem.", "Disruption buys time but it does not solve it.",
    "The evidence threshold is hard to meet.", "Trust takes months to build.",
]
_YP = [
    "police never listen tbh", "they did listen to me once", "most of them judge u for going missing",
    "my worker is alright she actually rings back", "nobody explained what was happening",
    "i didnt think it was abuse at the time", "the older lads had cars and weed", "i was scared to say owt",
    "school just thought i was being naughty", "it felt like they cared more about evidence than me",
    "i wanted someone to just talk to me normal", "the officer was kind tho", "it was all on snapchat",
    "i kept going missing and no one asked why", "they should teach this in school proper",
]
_QUESTIONS = [
    "Can you tell me how that works in practice?", "What gets in the way?", "Who leads on that?",
    "How do you know it is working?", "What would you change?", "How do young people experience that?",
    "Can you give me an example?", "How has that changed over time?", "What does the data show?",
    "How do you share that with partners?",
]
_THEMES = [
    "Understanding CSE", "Policing models", "Detection", "Disruption", "Investigation", "Prosecution",
    "Child-centred practice", "Multi-agency working", "Young people's perspectives", "Data and outcomes",
    "Training", "Resources", "Leadership", "Victim engagement", "Missing episodes", "Online exploitation",
    "Night-time economy", "Intelligence", "Aftercare", "Prevention",
]
_SUBTHEMES = [
    "barriers", "enablers", "examples", "good practice", "gaps", "tensions", "outcomes", "change over time",
    "victim voice", "partner views", "risk assessment", "information sharing", "thresholds", "training needs",
]
_FORCES = [f"Force {c}" for c in "ABCDEFGHIJKL"]
_REGIONS = ["North East", "North West", "Yorkshire", "Midlands", "East", "London", "South East", "South West",
            "Wales"]
_ROLES = ["DI", "DCI", "CSE coordinator", "Analyst", "LSCB manager", "Social worker", "Health lead",
          "Youth worker", "Young person", "Researcher"]


@dataclass(frozen=True)
class Spec:
    documents: int = 500
    words: int = 5_000_000
    codes: int = 200
    codings: int = 100_000
    cases: int = 500
    case_attributes: int = 10
    coders: int = 3
    big_document_chars: int = 100_000  # document 1: the view benchmark's document
    big_document_codings: int = 2_000
    seed: int = 2016

    def scaled(self, factor: float) -> Spec:
        """Every count times ``factor`` (at least 1), the big document and its codings likewise."""
        def s(n: int) -> int:
            return max(1, round(n * factor))
        return Spec(
            documents=s(self.documents), words=s(self.words), codes=max(2, s(self.codes)), codings=s(self.codings),
            cases=s(self.cases), case_attributes=self.case_attributes, coders=self.coders,
            big_document_chars=s(self.big_document_chars), big_document_codings=s(self.big_document_codings),
            seed=self.seed,
        )


@dataclass
class SynthDocument:
    name: str
    kind: str
    text: str
    turns: list[tuple[int, int, str]]
    attributes: dict[str, str]


@dataclass
class SynthData:
    spec: Spec
    documents: list[SynthDocument]
    codes: list[tuple[int | None, str, str]]  # (index of parent in this list or None, name, description)
    codings: dict[str, list[tuple[int, int, int, int]]]  # coder -> [(code index, document index, start, end)]
    cases: list[tuple[str, int | None]]  # (name, index of its document or None)
    case_attributes: list[tuple[str, str, list[str]]]  # (name, type, choices)
    case_values: list[list[str]]  # per case, a value per attribute
    words: int = 0
    extra: dict = field(default_factory=dict)


# ----------------------------------------------------------------------------------------------- generation
def _sentence(rng: random.Random, kind: str) -> str:
    if kind == "young_person" and rng.random() < 0.8:
        s = rng.choice(_YP)
        if rng.random() < 0.3:
            s += " " + rng.choice(["lol", "idk", "tbh", "innit", "😕", "fr"])
        return s
    r = rng.random()
    if r < 0.55:
        s = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_CLAUSES)}."
        return s[0].upper() + s[1:]
    if r < 0.8:
        return rng.choice(_OPINIONS)
    n = rng.randint(2, 40)
    return f"In {rng.randint(2012, 2017)} we had {n} referrals and {rng.randint(0, n)} went to strategy meetings."


_SPEAKERS = {
    "police": ["DI", "DS", "Analyst"],
    "lscb": ["P1", "P2", "P3", "P4", "Chair"],
    "young_person": ["yp1", "yp2", "yp3"],
    "fieldnote": ["Note"],
    "other": ["R1", "R2"],
}
_KINDS = ["police"] * 5 + ["lscb"] * 3 + ["young_person"] * 2 + ["fieldnote"]


def _transcript(rng: random.Random, kind: str, target_words: int, max_chars: int | None) -> tuple[str, list]:
    """A transcript of about ``target_words`` words (or exactly ``max_chars`` characters): speaker turns."""
    parts: list[str] = []
    turns: list[tuple[int, int, str]] = []
    pos = 0
    words = 0
    speakers = _SPEAKERS[kind]
    ask = kind != "fieldnote"
    while (words < target_words) if max_chars is None else (pos < max_chars):
        if ask and rng.random() < 0.35:
            label, body = "INT", rng.choice(_QUESTIONS)
        else:
            label = rng.choice(speakers)
            body = " ".join(_sentence(rng, kind) for _ in range(rng.randint(1, 6)))
        line = f"{label}: {body}"
        start = pos
        parts.append(line)
        turns.append((start, start + len(line), label))
        pos += len(line) + 1
        words += body.count(" ") + 2
    text = "\n".join(parts)
    if max_chars is not None and len(text) > max_chars:
        cut = text.rfind(" ", 0, max_chars - 1)
        text = text[:cut] + "." + " " * (max_chars - cut - 1)
        text = text[:max_chars]
        turns = [(s, min(e, max_chars), lab) for s, e, lab in turns if s < max_chars]
    return text, turns


def _segments(rng: random.Random, text: str, turns: list[tuple[int, int, str]], n: int) -> list[tuple[int, int]]:
    """``n`` codable spans: whole turns or a sentence-ish slice of one, snapped to word boundaries."""
    out = []
    for _ in range(n):
        s, e, label = turns[rng.randrange(len(turns))]
        s += len(label) + 2
        if e - s < 4:
            s = max(0, e - 10)
        if rng.random() < 0.5 and e - s > 80:
            a = rng.randrange(s, e - 40)
            a = text.rfind(" ", s, a) + 1 or s
            a = max(a, s)
            b = min(e, a + rng.randint(40, 400))
            sp = text.find(" ", b, e)
            b = sp if sp != -1 else e
            s, e = a, max(b, a + 1)
        out.append((s, e))
    return out


def generate(spec: Spec = Spec()) -> SynthData:
    rng = random.Random(spec.seed)
    # Document lengths vary 0.4x-1.6x the mean; the big document is fixed in characters.
    weights = [0.4 + 1.2 * rng.random() for _ in range(spec.documents)]
    big_words = spec.big_document_chars // 6
    rest_words = max(spec.documents - 1, 0) and max(0, spec.words - big_words)
    wsum = sum(weights[1:]) or 1.0
    documents: list[SynthDocument] = []
    total_words = 0
    for i in range(spec.documents):
        kind = "police" if i == 0 else rng.choice(_KINDS)
        if i == 0:
            text, turns = _transcript(rng, kind, 0, spec.big_document_chars)
        else:
            text, turns = _transcript(rng, kind, max(50, int(rest_words * weights[i] / wsum)), None)
        total_words += len(text.split())
        documents.append(SynthDocument(
            name=f"Interview {i + 1:04d}", kind=kind, text=text, turns=turns,
            attributes={"Wave": str(1 + i % 3)},
        ))

    codes: list[tuple[int | None, str, str]] = []
    n_top = min(COLLECTIVE_CODES, spec.codes)
    for t in range(n_top):
        codes.append((None, _THEMES[t % len(_THEMES)] + ("" if t < len(_THEMES) else f" {t}"), "Theme"))
    for c in range(spec.codes - n_top):
        parent = c % n_top
        sub = _SUBTHEMES[(c // n_top) % len(_SUBTHEMES)]
        rep = c // (n_top * len(_SUBTHEMES))
        codes.append((parent, sub + (f" {rep + 1}" if rep else ""), f"{sub} of the parent theme"))

    # Codings: base segments coded by coder 1, repeated (same or another code) by coders 2 and 3 so that
    # agreement statistics have something to chew on. Exactly spec.codings distinct (code, span, coder).
    coders = [f"coder{k + 1}" for k in range(spec.coders)]
    lengths = [len(d.text) for d in documents]
    doc_weights = [0.0] + lengths[1:]
    big_n = min(spec.big_document_codings, spec.codings) if spec.documents else 0
    per_doc = [big_n] + [0] * (spec.documents - 1)
    if spec.documents > 1:
        lsum = sum(doc_weights) or 1
        remaining = spec.codings - big_n
        for i in range(1, spec.documents):
            per_doc[i] = int(remaining * doc_weights[i] / lsum)
        per_doc[1] += spec.codings - sum(per_doc)
    else:
        per_doc[0] = spec.codings
    seen: set[tuple[int, int, int, int, int]] = set()
    codings: dict[str, list[tuple[int, int, int, int]]] = {c: [] for c in coders}
    for d, want in enumerate(per_doc):
        doc = documents[d]
        made = 0
        while made < want:
            for s, e in _segments(rng, doc.text, doc.turns, max(8, want - made)):
                code = rng.randrange(len(codes))
                for k, coder in enumerate(coders):
                    if made >= want:
                        break
                    if k and rng.random() < 0.45:
                        continue  # this coder did not code the segment
                    c = code if (k == 0 or rng.random() < 0.75) else rng.randrange(len(codes))
                    key = (c, d, s, e, k)
                    if key in seen:
                        continue
                    seen.add(key)
                    codings[coder].append((c, d, s, e))
                    made += 1
                if made >= want:
                    break

    attrs: list[tuple[str, str, list[str]]] = [
        ("Role", "category", _ROLES), ("Force", "category", _FORCES), ("Region", "category", _REGIONS),
        ("Group", "category", ["police", "lscb", "young people", "other"]),
        ("Gender", "category", ["female", "male", "non-binary", "not given"]),
        ("Age band", "category", ["under 16", "16-17", "18-24", "25-39", "40-54", "55+"]),
        ("Years in role", "number", []), ("Interview date", "date", []), ("Team", "text", []),
        ("Site type", "category", ["urban", "rural", "mixed"]),
    ]
    extra_attrs = [(f"Attribute {k + 1}", "text", []) for k in range(max(0, spec.case_attributes - len(attrs)))]
    attrs = (attrs + extra_attrs)[: spec.case_attributes]
    cases: list[tuple[str, int | None]] = []
    values: list[list[str]] = []
    for c in range(spec.cases):
        cases.append((f"Participant {c + 1:05d}", c if c < spec.documents else None))
        row = []
        for name, typ, choices in attrs:
            if typ == "category":
                row.append(rng.choice(choices))
            elif typ == "number":
                row.append(str(rng.randint(0, 30)))
            elif typ == "date":
                row.append(f"{rng.randint(2014, 2017)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
            else:
                row.append(f"{name} {rng.randint(1, 40)}")
        values.append(row)
    return SynthData(spec, documents, codes, codings, cases, attrs, values, words=total_words)


# ----------------------------------------------------------------------------------------------- loading
def load_project(data: SynthData, path: str | os.PathLike, passphrase: str = BENCH_PASSPHRASE,
                 progress=None) -> dict[str, float]:
    """Write ``data`` to a new project at ``path`` through the domain API; returns seconds per phase."""
    from qualcoder_cse.core import Project

    say = progress or (lambda msg: None)
    t: dict[str, float] = {}
    t0 = time.perf_counter()
    project = Project.create(path, passphrase, framework="none", coder=next(iter(data.codings), "coder1"))
    try:
        t["create"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        doc_ids: list[int] = []
        with project.transaction():
            for d in data.documents:
                doc = project.documents.add(d.name, d.text, kind=d.kind, turns=d.turns, attributes=d.attributes,
                                            source_format="txt", anonymised=True)
                doc_ids.append(doc.id)
        t["documents"] = time.perf_counter() - t0
        say(f"documents: {len(doc_ids)} in {t['documents']:.1f} s")

        t0 = time.perf_counter()
        code_ids: list[int] = []
        with project.transaction():
            for parent, name, description in data.codes:
                code = project.codes.add(name, None if parent is None else code_ids[parent], description=description)
                code_ids.append(code.id)
        t["codes"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        n = 0
        for coder, items in data.codings.items():
            made = project.codings.add_many(
                ((code_ids[c], doc_ids[d], s, e) for c, d, s, e in items), coder=coder
            )
            n += len(made)
        t["codings"] = time.perf_counter() - t0
        say(f"codings: {n} in {t['codings']:.1f} s")

        t0 = time.perf_counter()
        with project.transaction():
            attr_ids = [project.attributes.add(name, scope="case", type=typ, choices=choices).id
                        for name, typ, choices in data.case_attributes]
            for (name, doc_index), row in zip(data.cases, data.case_values):
                case = project.cases.add(name)
                if doc_index is not None:
                    project.cases.add_documents(case.id, [doc_ids[doc_index]])
                for attr_id, value in zip(attr_ids, row):
                    project.attributes.set_value(attr_id, case.id, value)
        t["cases"] = time.perf_counter() - t0
        say(f"cases: {len(data.cases)} in {t['cases']:.1f} s")
    finally:
        t0 = time.perf_counter()
        project.close()
        t["close"] = time.perf_counter() - t0
    t["total"] = sum(v for k, v in t.items() if k != "total")
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="project file to write (must not exist)")
    d = Spec()
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every count (default 1 = large study)")
    ap.add_argument("--documents", type=int, default=d.documents)
    ap.add_argument("--words", type=int, default=d.words)
    ap.add_argument("--codes", type=int, default=d.codes)
    ap.add_argument("--codings", type=int, default=d.codings)
    ap.add_argument("--cases", type=int, default=d.cases)
    ap.add_argument("--seed", type=int, default=d.seed)
    ap.add_argument("--force", action="store_true", help="replace OUT if it exists")
    ap.add_argument("--json", action="store_true", help="print the timings as JSON")
    a = ap.parse_args(argv)
    spec = Spec(documents=a.documents, words=a.words, codes=a.codes, codings=a.codings, cases=a.cases,
                seed=a.seed)
    if a.scale != 1.0:
        spec = spec.scaled(a.scale)
    if a.out.exists():
        if not a.force:
            print(f"{a.out} exists; use --force to replace it", file=sys.stderr)
            return 1
        a.out.unlink()
    a.out.parent.mkdir(parents=True, exist_ok=True)
    passphrase = os.environ.get("QUALCODER_CSE_PASSPHRASE") or BENCH_PASSPHRASE
    t0 = time.perf_counter()
    data = generate(spec)
    gen = time.perf_counter() - t0
    quiet = a.json
    if not quiet:
        print(f"generated {len(data.documents)} documents, {data.words:,} words, "
              f"{sum(map(len, data.codings.values())):,} codings in {gen:.1f} s")
    timings = load_project(data, a.out, passphrase, progress=None if quiet else print)
    timings["generate"] = gen
    size = a.out.stat().st_size
    if a.json:
        print(json.dumps({"spec": spec.__dict__, "words": data.words, "file_bytes": size, "seconds": timings}))
    else:
        print("load through the domain API: " + ", ".join(f"{k} {v:.2f} s" for k, v in timings.items()))
        print(f"wrote {a.out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
