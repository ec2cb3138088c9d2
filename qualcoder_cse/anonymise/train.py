"""Train the anonymiser's NER component on transcript-style text generated here and, with ``--corpus``, on the
project's own annotated transcripts (``train_corpora.py``).

    python -m qualcoder_cse.anonymise.train [--out models/anonymiser] [--docs 8000] [--epochs 8] [--seed 7]
        [--corpus DIR ...] [--corpus-repeat N]

No real transcript is used and nothing is downloaded: the annotated transcripts are invented too. Two generators make the text. ``train_templates.py``
fills sentence templates in several registers (police interviews with speaker labels, focus groups,
timestamped notes, lowercase youth chat with slang and usernames) with names sampled from the shipped
gazetteers (``train_text.py``: every background of name, weighted by UK frequency, plus rare ones), invented
and real places, streets, estates, organisations built from head words, dates, phone numbers, handles and
identifiers. ``train_registers.py`` writes whole documents in the registers where the detector missed on
unseen text (issue 15): minutes with attendee lists, WhatsApp, Discord, "[18:03] name:" and Snapchat-style
exports, referral forms, field notes with times, interviews; with word-names (Summer, Will, Pearl...) in name
positions, lowercase nicknames and usernames as speakers, whole organisation names with "and", commas and
possessives, postcode districts, landmarks and letter-prefixed numbers, beside negatives of the same shapes
(the same words used as words, role acronyms, ranks alone, export header times left unmarked; their dates are
marked, as the guidelines say). Identifiers include references of a general structure (``Gen.code``). The model is
``spacy.blank("en")`` + a small ``ner`` (hash-embed CNN) so that it loads fast and keeps the detector above
10,000 words per second. The generated data are the same on every run with the same seed; the trained
weights differ slightly between runs (thinc on CPU).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from .spans import LABELS
from .train_corpora import corpus_pieces
from .train_registers import register_docs
from .train_templates import template_docs
from .train_text import Gen

Ents = list[tuple[int, int, str]]


def generate(gen: Gen, n_docs: int, share: float = 0.5) -> list[tuple[str, Ents]]:
    """``n_docs`` documents, ``share`` of them from the register generator, the rest from the templates."""
    n_reg = int(n_docs * share)
    docs = template_docs(gen, n_docs - n_reg) + register_docs(gen, n_reg)
    gen.r.shuffle(docs)
    return docs


def train(out: Path, n_docs: int, epochs: int, seed: int, *, share: float = 0.5, width: int = 48,
          embed: int = 3000, corpora: list[Path] | None = None, corpus_repeat: int = 1) -> None:
    import spacy
    from spacy.training import Example
    from spacy.util import compounding, fix_random_seed, minibatch

    fix_random_seed(seed)
    gen = Gen(seed)
    data = generate(gen, n_docs, share)
    if corpora:
        annotated = corpus_pieces(corpora)
        print(f"{len(annotated)} pieces of annotated transcripts from {len(corpora)} corpora, x{corpus_repeat}",
              flush=True)
        data += annotated * corpus_repeat
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": width, "maxout_pieces": 2, "use_upper": True, "nO": None,
        "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": width,
                    "depth": 2, "embed_size": embed, "window_size": 1, "maxout_pieces": 2,
                    "subword_features": True},
    }})
    for label in LABELS:
        ner.add_label(label)
    examples = []
    skipped = 0
    for text, ents in data:
        doc = nlp.make_doc(text)
        good = []
        for s, e, lab in sorted(set(ents)):
            if doc.char_span(s, e, label=lab) is None or any(s < ge and gs < e for gs, ge, _l in good):
                skipped += 1
                continue
            good.append((s, e, lab))
        examples.append(Example.from_dict(doc, {"entities": good}))
    print(f"{len(examples)} documents; {skipped} misaligned spans skipped", flush=True)
    optimizer = nlp.initialize(lambda: examples[:500])
    rng = random.Random(seed)
    t0 = time.time()
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=compounding(8.0, 32.0, 1.01)):
            nlp.update(batch, drop=0.2, sgd=optimizer, losses=losses)
        print(f"epoch {epoch + 1}/{epochs}: ner loss {losses.get('ner', 0):.1f} ({time.time() - t0:.0f} s)",
              flush=True)
    out.mkdir(parents=True, exist_ok=True)
    nlp.meta["name"] = "anonymiser"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = ("QualCoder-CSE anonymiser NER, trained by qualcoder_cse.anonymise.train on generated text"
                               + (" and the project's annotated transcripts" if corpora else ""))
    nlp.meta["sources"] = [{"name": "synthetic", "license": "generated; gazetteers see resources/gazetteers"}] + (
        [{"name": "annotated transcripts: " + ", ".join(sorted(str(c) for c in corpora)),
          "license": "invented text written for this project"}] if corpora else [])
    nlp.to_disk(out)
    print(f"saved to {out}")


def main(argv: list[str] | None = None) -> int:
    from ..paths import models_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=models_dir() / "anonymiser")
    parser.add_argument("--docs", type=int, default=8000)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--share", type=float, default=0.5, help="share of documents from train_registers")
    parser.add_argument("--width", type=int, default=48, help="hidden and embedding width of the model")
    parser.add_argument("--embed", type=int, default=3000, help="hash-embedding rows per feature")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, action="append", default=[],
                        help="also train on this annotated corpus folder (NAME.txt + NAME.gold.json; repeatable)")
    parser.add_argument("--corpus-repeat", type=int, default=1, help="how many times each corpus piece is seen per epoch")
    parser.add_argument("--sample", type=int, default=0, help="print N generated documents and stop")
    args = parser.parse_args(argv)
    if args.sample:
        for text, ents in generate(Gen(args.seed), args.sample, args.share):
            print(text)
            print("  ->", [(text[s:e], lab) for s, e, lab in ents])
        return 0
    train(args.out, args.docs, args.epochs, args.seed, share=args.share, width=args.width,
          embed=args.embed, corpora=args.corpus, corpus_repeat=args.corpus_repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
