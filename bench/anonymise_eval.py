"""Measure the anonymiser on an annotated corpus: recall (strict, lenient, per label), precision and speed.

Usage::

    .venv/bin/python bench/anonymise_eval.py [--corpus DIR] [--json OUT] [--misses] [--notes FILE]
        [--repeat N] [--holdout DIR ...] [--min-confidence X]
    .venv/bin/python bench/anonymise_eval.py --set fresh9 [--set fresh10]   # one sealed set, figures only

The corpus defaults to the dev corpus ``tests/data/anonymise/``; ``bench/anonymise_holdout/`` and every
``bench/anonymise_fresh*/`` set are scored beside it by default, each and pooled (only their figures are
printed, never their misses). ``--set NAME`` scores only the named set (``bench/anonymise_NAME/``, or a
path) with its full table: per-label recall, precision and its own words/s, never its misses. Proposals are counted at the review screen's threshold (0.3) unless ``--min-confidence`` says
otherwise. The detector is used only through its public API
(``load_detector().detect(text)``). Speed is measured on one core after loading. ``--misses`` prints every
missed gold span and every false positive with context; ``--notes FILE`` writes a Markdown summary of the
commonest miss types (it contains corpus snippets, which are fictional).
"""

from __future__ import annotations

import os

# One core: pin BLAS/OpenMP thread pools before numpy/spaCy are imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qualcoder_cse.anonymise.evaluate import (
    LABELS,
    Miss,
    Scores,
    context,
    load_corpus,
    score_corpus,
)
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE

TARGETS = {
    "strict_recall": 0.97, "person_strict_recall": 0.98, "span_precision": 0.88, "words_per_second": 10_000,
}
_TITLES = re.compile(
    r"(?:\b(?:mr|mrs|ms|miss|dr|pc|dc|ds|di|dci|dsu|sgt|cllr|pcso|nurse|auntie|uncle|nan)\.?\s+)$",
    re.IGNORECASE,
)


def pin_one_core() -> None:
    """Run on a single CPU where the OS allows it (Linux)."""
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        except OSError:
            pass


def miss_kinds(text: str, miss: Miss) -> list[str]:
    """Describe why a miss may have happened, as short tags for the summary."""
    g = miss.span
    tags = [g.label]
    line_start = text.rfind("\n", 0, g.start) + 1
    before = text[line_start:g.start]
    after = text[g.end:g.end + 3]
    if miss.partial:
        tags.append("partial")
    if g.text.islower():
        tags.append("lowercase")
    elif g.text.isupper() and len(g.text) > 2:
        tags.append("uppercase")
    if after.startswith(("'s", "’s", "s ")):
        tags.append("possessive")
    if _TITLES.search(before):
        tags.append("after title")
    label_prefix = re.fullmatch(r"[\[\]\d:. ]*(?:<v )?(?:\w+\.?\s)?", before)
    if label_prefix and re.match(r"\s*(?:\(|:|>)", text[g.end:g.end + 3]):
        tags.append("speaker label")
    if " " in g.text:
        tags.append("multiword")
    if any(ch.isdigit() for ch in g.text):
        tags.append("has digits")
    return tags


def notes_markdown(docs, scores: Scores, figures: dict, corpus: Path) -> str:
    """A Markdown summary of the misses for the detector engineer."""
    by_name = {d.name: d for d in docs}
    tag_counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for m in scores.misses:
        tags = miss_kinds(by_name[m.document].text, m)
        key = " + ".join(tags)
        tag_counts[key] += 1
        examples.setdefault(key, []).append(m.span.text)
    lines = [
        "# Anonymiser misses (written by bench/anonymise_eval.py)",
        "",
        (f"Corpus: `{corpus}` ({len(docs)} documents, {figures['words']} words, "
         f"{figures['gold_spans']} gold spans)."),
        (f"Strict recall {figures['strict_recall']:.3f}, lenient {figures['lenient_recall']:.3f}, "
         f"PERSON strict {figures['per_label']['PERSON']['strict_recall']:.3f}, "
         f"span precision {figures['span_precision']:.3f}, label-exact precision "
         f"{figures['label_exact_precision']:.3f}, {figures['words_per_second']:.0f} words/s."),
        "",
        "## Miss types (label + form), commonest first",
        "",
        "| count | kind | examples |",
        "|---:|---|---|",
    ]
    for key, n in tag_counts.most_common():
        ex = ", ".join(f"`{e}`" for e in list(dict.fromkeys(examples[key]))[:6])
        lines.append(f"| {n} | {key} | {ex} |")
    lines += ["", "## Missed surfaces, commonest first", ""]
    surf = Counter((m.span.label, m.span.text) for m in scores.misses)
    lines += [f"- {label} `{t}` x{n}" for (label, t), n in surf.most_common(60)]
    lines += ["", "## False positives (predicted spans overlapping no gold span), commonest first", ""]
    fps = Counter((fp.label, fp.text) for fp in scores.false_positives)
    lines += [f"- {label} `{t}` x{n}" for (label, t), n in fps.most_common(60)]
    lines += ["", "## Every miss with context", ""]
    for m in scores.misses:
        ctx = context(by_name[m.document].text, m.span.start, m.span.end)
        lines.append(f"- {m.document} {m.span.label}{' (partial)' if m.partial else ''}: `{ctx}`")
    return "\n".join(lines) + "\n"


def resolve_set(name: str) -> Path:
    """``fresh9`` -> ``bench/anonymise_fresh9/``; a path is taken as it is."""
    for candidate in (ROOT / "bench" / f"anonymise_{name}", ROOT / "bench" / name, Path(name)):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(name)


def timed_detect(detector, docs, repeat: int, min_confidence: float) -> tuple[list[list], float]:
    """Predictions of the first pass and the median time of ``repeat`` passes (the machine is shared)."""
    predictions: list[list] = []
    pass_seconds = []
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        spans_per_doc = [list(detector.detect(doc.text, min_confidence=min_confidence)) for doc in docs]
        pass_seconds.append(time.perf_counter() - t0)
        predictions = predictions or spans_per_doc
    return predictions, sorted(pass_seconds)[len(pass_seconds) // 2]


def print_table(corpus: Path, docs, scores: Scores, words_per_second: float, load_seconds: float,
                min_confidence: float) -> None:
    words = sum(d.words for d in docs)
    print(f"corpus {corpus}: {len(docs)} documents, {words} words, {scores.overall.gold} gold spans; "
          f"threshold {min_confidence}")
    print(f"{'':18}{'gold':>6}{'strict':>8}{'lenient':>9}")
    o = scores.overall
    print(f"{'ALL':18}{o.gold:>6}{o.strict_recall:>8.3f}{o.lenient_recall:>9.3f}"
          f"   ({o.strict}/{o.gold} strict)")
    for label in LABELS:
        c = scores.per_label[label]
        print(f"{label:18}{c.gold:>6}{c.strict_recall:>8.3f}{c.lenient_recall:>9.3f}"
              f"   ({c.strict}/{c.gold} strict)")
    print(f"predicted spans   {scores.predicted:>6}")
    print(f"span precision         {scores.precision:.3f}  (overlaps a gold span, any label)")
    print(f"label-exact precision  {scores.label_exact_precision:.3f}")
    print(f"speed             {words_per_second:,.0f} words/s on one core; model load {load_seconds:.2f} s")
    checks = [
        ("strict recall >= 0.97", scores.overall.strict_recall >= TARGETS["strict_recall"]),
        ("PERSON strict recall >= 0.98",
         scores.per_label["PERSON"].strict_recall >= TARGETS["person_strict_recall"]),
        (f"span precision >= {TARGETS['span_precision']}", scores.precision >= TARGETS["span_precision"]),
        (">= 10,000 words/s", words_per_second >= TARGETS["words_per_second"]),
    ]
    print("targets: " + ", ".join(f"{name} {'OK' if ok else 'MISSED'}" for name, ok in checks))


_MODEL: dict = {"use_model": True, "model_dir": None}


def load_timed_detector():
    t0 = time.perf_counter()
    from qualcoder_cse.anonymise.detect import load_detector

    detector = load_detector(**_MODEL)
    return detector, time.perf_counter() - t0


def main_sets(args) -> int:
    """``--set NAME``: score only the named sets, each with its full table (figures only, never misses)."""
    try:
        dirs = [resolve_set(name) for name in args.set]
    except FileNotFoundError as exc:
        print(f"error: no set {exc} (looked for bench/anonymise_{exc}/ and the path itself)", file=sys.stderr)
        return 2
    corpora = [(d, load_corpus(d)) for d in dirs]
    for d, docs in corpora:
        if not docs:
            print(f"error: no annotated documents in {d}", file=sys.stderr)
            return 2
    pin_one_core()
    try:
        detector, load_seconds = load_timed_detector()
    except (ImportError, OSError) as exc:
        print(f"error: the detector could not be loaded: {exc}", file=sys.stderr)
        return 2
    detector.detect(corpora[0][1][0].text, min_confidence=args.min_confidence)  # warm-up
    figures: dict = {"sets": []}
    for d, docs in corpora:
        predictions, seconds = timed_detect(detector, docs, args.repeat, args.min_confidence)
        scores = score_corpus(docs, predictions)
        words = sum(doc.words for doc in docs)
        wps = words / seconds if seconds else 0.0
        print_table(d, docs, scores, wps, load_seconds, args.min_confidence)
        print()
        figures["sets"].append(dict(scores.as_dict(), corpus=str(d), documents=len(docs), words=words,
                                    detect_seconds=round(seconds, 3), words_per_second=wps))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate the anonymiser on an annotated corpus.")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "anonymise")
    parser.add_argument("--json", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--misses", action="store_true", help="print each miss and false positive")
    parser.add_argument("--notes", type=Path, help="write a Markdown summary of miss types to this file")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (the median is reported)")
    parser.add_argument("--holdout", type=Path, action="append", default=None,
                        help="also score this corpus (repeatable); report only its figures, never its misses")
    parser.add_argument("--set", action="append", default=None, metavar="NAME",
                        help="score only this held-out set (repeatable): 'fresh9' means bench/anonymise_fresh9/;"
                             " its full table of figures, never its misses; the dev corpus is not run")
    parser.add_argument("--min-confidence", type=float, default=REVIEW_MIN_CONFIDENCE,
                        help=f"proposal threshold (default {REVIEW_MIN_CONFIDENCE}, the review screen's)")
    parser.add_argument("--model", default=None, metavar="DIR",
                        help="score with the NER model in DIR instead of models/anonymiser (compare a retrained one)")
    parser.add_argument("--no-model", action="store_true", help="score the rules and patterns alone, no NER")
    args = parser.parse_args(argv)
    _MODEL.update(use_model=not args.no_model, model_dir=args.model)
    if args.set:
        if args.misses or args.notes:
            print("error: --set reports figures only; --misses and --notes are for the dev corpus",
                  file=sys.stderr)
            return 2
        return main_sets(args)
    if args.holdout is None:  # by default the held-out and fresh sets are scored beside the dev corpus
        args.holdout = [ROOT / "bench" / "anonymise_holdout",
                        *sorted(p for p in (ROOT / "bench").glob("anonymise_fresh*") if p.is_dir())]

    docs = load_corpus(args.corpus)
    if not docs:
        print(f"error: no annotated documents in {args.corpus}", file=sys.stderr)
        return 2
    pin_one_core()
    try:
        detector, load_seconds = load_timed_detector()
    except (ImportError, OSError) as exc:
        print(f"error: the detector could not be loaded: {exc}", file=sys.stderr)
        return 2
    detector.detect(docs[0].text, min_confidence=args.min_confidence)  # warm-up: lazy caches are not part of the per-word cost

    predictions, detect_seconds = timed_detect(detector, docs, args.repeat, args.min_confidence)
    words = sum(d.words for d in docs)

    scores = score_corpus(docs, predictions)
    figures = scores.as_dict()
    figures.update(
        corpus=str(args.corpus), documents=len(docs), words=words, load_seconds=round(load_seconds, 3),
        detect_seconds=round(detect_seconds, 3),
        words_per_second=words / detect_seconds if detect_seconds else 0.0,
    )
    print_table(args.corpus, docs, scores, figures["words_per_second"], load_seconds, args.min_confidence)

    if args.misses:
        by_name = {d.name: d for d in docs}
        print(f"\nMISSES ({len(scores.misses)})")
        for m in scores.misses:
            ctx = context(by_name[m.document].text, m.span.start, m.span.end)
            print(f"  {m.document} {m.span.label}{' partial' if m.partial else ''}: {ctx}")
        print(f"\nFALSE POSITIVES ({len(scores.false_positives)})")
        for fp in scores.false_positives:
            ctx = context(by_name[fp.document].text, fp.start, fp.end)
            print(f"  {fp.document} {fp.label}: {ctx}")
    holdout_lines = []
    figures["holdout"] = []
    pooled_docs, pooled_preds = [], []
    for held_dir in args.holdout:
        held = load_corpus(held_dir)
        pooled_docs += held
        held_preds = [list(detector.detect(d.text, min_confidence=args.min_confidence)) for d in held]
        pooled_preds += held_preds
        hs = score_corpus(held, held_preds)
        figures["holdout"].append(dict(hs.as_dict(), corpus=str(held_dir), documents=len(held)))
        line = (
            f"held-out {held_dir}: {len(held)} documents, {hs.overall.gold} gold spans; strict recall "
            f"{hs.overall.strict_recall:.3f}, lenient {hs.overall.lenient_recall:.3f}, span precision "
            f"{hs.precision:.3f}, label-exact {hs.label_exact_precision:.3f}; per label strict: "
            + ", ".join(f"{k} {c.strict_recall:.3f} ({c.strict}/{c.gold})" for k, c in hs.per_label.items())
        )
        print(line)
        holdout_lines.append(line)
    if len(args.holdout) > 1:
        ps = score_corpus(pooled_docs, pooled_preds)
        line = (f"pooled held-out + fresh: {len(pooled_docs)} documents, {ps.overall.gold} gold spans; strict recall "
                f"{ps.overall.strict_recall:.3f}, PERSON {ps.per_label['PERSON'].strict_recall:.3f}, span precision "
                f"{ps.precision:.3f}; per label strict: "
                + ", ".join(f"{k} {c.strict_recall:.3f} ({c.strict}/{c.gold})" for k, c in ps.per_label.items()))
        print(line)
        holdout_lines.append(line)
        figures["pooled"] = ps.as_dict()
    holdout_line = "\n\n".join(holdout_lines)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if args.notes:
        notes = notes_markdown(docs, scores, figures, args.corpus)
        if holdout_line:
            # Only the headline: the held-out misses must not be used for tuning.
            section = f"## Held-out headline\n\n{holdout_line}\n\n## Missed surfaces"
            notes = notes.replace("## Missed surfaces", section, 1)
        args.notes.write_text(notes, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
