"""Evaluate the coding suggester on the evaluation set (suggest_corpus/RULES.md): 48 generated transcripts
coded by the hand rules; the codings of 12 (4 per voice) are withheld, the suggester is trained on the other
36 and suggests in the 12. Prints micro and macro precision/recall at the default threshold, a threshold curve,
per-code figures, and the cross-validated trust the window would show.

    .venv/bin/python bench/suggest_eval.py [--unit sentence] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from suggest_corpus_gen import transcripts
from suggest_rules import codes_for

from qualcoder_cse.core import Project
from qualcoder_cse.suggest.manager import DEFAULT_THRESHOLD
from qualcoder_cse.suggest.units import overlap_labels, split

THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
HELD_OUT_PER_VOICE = 4


def build(path: Path, unit: str):
    """The project, the held-out document ids, and the rule labels of every held-out unit."""
    p = Project.create(path, "evaluation set passphrase", framework="policing-cse", coder="rules")
    held, gold, coded = [], {}, 0
    seen: dict[str, int] = {}
    with p.transaction():
        for name, kind, label, text in transcripts():
            turns, pos = [], 0
            for line in text.splitlines(keepends=True):
                turns.append((pos, pos + len(line.rstrip("\n")), line.split(":", 1)[0]))
                pos += len(line)
            doc = p.documents.add(name, text, kind=kind, turns=turns)
            seen[kind] = seen.get(kind, 0) + 1
            units = split(text, "sentence", turns)
            spans = [(u.start, u.end, path) for u in units for path in codes_for(text[u.start:u.end])]
            if seen[kind] <= HELD_OUT_PER_VOICE:
                held.append(doc.id)
                target = split(text, unit, turns)
                ids = {}
                labels = overlap_labels(target, [(s, e, ids.setdefault(c, len(ids))) for s, e, c in spans])
                names = {v: k for k, v in ids.items()}
                gold[doc.id] = [(u.start, u.end, {names[i] for i in lab}) for u, lab in zip(target, labels,
                                                                                             strict=True)]
                continue
            items = [(p.codes.by_path(c).id, doc.id, s, e) for s, e, c in spans]
            coded += len(items)
            p.codings.add_many(items)
    return p, held, gold, coded


def score(found, gold, threshold):
    per: dict[str, list[int]] = {}  # code -> [tp, fp, fn]
    for doc_id, units in gold.items():
        got = [(s.start, s.end, s.code_path) for s in found if s.document_id == doc_id and s.confidence >= threshold]
        for start, end, codes in units:
            pred = {c for s, e, c in got if s == start and e == end}
            for c in codes | pred:
                row = per.setdefault(c, [0, 0, 0])
                row[0 if c in codes and c in pred else 1 if c in pred else 2] += 1
    tp, fp, fn = (sum(r[i] for r in per.values()) for i in range(3))
    micro = (tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)
    ps = [r[0] / (r[0] + r[1]) if r[0] + r[1] else 0.0 for r in per.values() if r[0] + r[2]]
    rs = [r[0] / (r[0] + r[2]) for r in per.values() if r[0] + r[2]]
    macro = (sum(ps) / len(ps) if ps else 0.0, sum(rs) / len(rs) if rs else 0.0)
    return micro, macro, per


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unit", choices=("sentence", "turn"), default="sentence")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        p, held, gold, coded = build(Path(tmp) / "eval.qcse", args.unit)
        t = time.perf_counter()
        report = p.suggestions.train(args.unit)
        train_s = time.perf_counter() - t
        found = p.suggestions.suggest(held, threshold=min(THRESHOLDS))
        p.close()
    micro, macro, per = score(found, gold, DEFAULT_THRESHOLD)
    curve = [{"threshold": th, **dict(zip(("micro_p", "micro_r", "macro_p", "macro_r"),
                                          (*score(found, gold, th)[0], *score(found, gold, th)[1]), strict=True))}
             for th in THRESHOLDS]
    gold_units = sum(1 for units in gold.values() for _s, _e, c in units if c)
    out = {"transcripts": len(list(transcripts())), "held_out": len(held), "coded_passages_training": coded,
           "coded_units_held_out": gold_units, "unit": args.unit, "train_seconds": round(train_s, 2),
           "threshold": DEFAULT_THRESHOLD, "micro": micro, "macro": macro, "curve": curve,
           "per_code": {c: {"tp": r[0], "fp": r[1], "fn": r[2]} for c, r in sorted(per.items())},
           "trust": {t.code_path: t.describe() for t in report.trust}}
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    print(f"{out['transcripts']} transcripts; training on {len(list(transcripts())) - len(held)} with {coded} "
          f"coded passages; {len(held)} held out with {gold_units} coded {args.unit}s; trained in {train_s:.1f} s")
    print(f"at the default threshold {DEFAULT_THRESHOLD}: micro P {micro[0]:.2f} R {micro[1]:.2f}; "
          f"macro P {macro[0]:.2f} R {macro[1]:.2f}")
    print("threshold  micro P  micro R  macro P  macro R")
    for c in curve:
        print(f"{c['threshold']:>9.2f}  {c['micro_p']:>7.2f}  {c['micro_r']:>7.2f}  {c['macro_p']:>7.2f}  "
              f"{c['macro_r']:>7.2f}")
    print("per code at the default threshold (tp fp fn) | cross-validated trust on the training documents")
    for c, r in sorted(per.items()):
        print(f"  {r[0]:>3} {r[1]:>3} {r[2]:>3}  {c} | {out['trust'].get(c, '')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
