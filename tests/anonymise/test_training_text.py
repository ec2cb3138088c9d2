"""The NER's synthetic training text: labels follow the annotation guidelines, and the kinds of miss issue 15
names (word-names in name positions, lowercase chat names, usernames as speakers, whole organisation names,
postcode districts, landmarks, letter-prefixed numbers) are in it beside negatives of the same shapes."""

from __future__ import annotations

import re

import pytest

from qualcoder_cse.anonymise.lexicon import STOP
from qualcoder_cse.anonymise.train import generate
from qualcoder_cse.anonymise.train_registers import REGISTERS, Doc
from qualcoder_cse.anonymise.train_text import Gen

_TITLES = {"mr", "mrs", "ms", "miss", "dr", "pc", "dc", "ds", "di", "dci", "sgt", "cllr", "sergeant"}


@pytest.fixture(scope="module")
def docs():
    return generate(Gen(11), 600, share=0.6)


def _spans(docs):
    for text, ents in docs:
        for s, e, label in ents:
            yield text, s, e, label, text[s:e]


def test_spans_are_trimmed_and_follow_the_guidelines(docs):
    for text, s, e, label, surface in _spans(docs):
        assert 0 <= s < e <= len(text)
        assert surface == surface.strip(), surface
        assert "\n" not in surface, surface
        first = surface.split()[0].lower()
        assert first != "the" or label == "ORG", surface  # a leading article stays outside ("the Esplanade")
        if label == "PERSON":
            assert first.rstrip(".") not in _TITLES, surface  # "DI [[PERSON|Will Fenwick]]"
            assert not re.search(r"['’]s$", surface), surface  # the possessive stays outside


def test_the_kinds_of_issue_15_are_in_the_text(docs):
    gen = Gen(11)
    word_names = set(gen.word_names)
    person = [x.lower() for _t, _s, _e, lab, x in _spans(docs) if lab == "PERSON"]
    assert sum(p in word_names for p in person) > 200  # Summer, Will, Pearl... as people
    assert sum(p.islower() for _t, _s, _e, lab, p in _spans(docs) if lab == "PERSON") > 200  # chat names
    orgs = [x for _t, _s, _e, lab, x in _spans(docs) if lab == "ORG"]
    assert any(" and " in o for o in orgs) and any("'s " in o for o in orgs)
    assert any(o.lower().endswith((" llp", " solicitors", " uhb", " trust")) for o in orgs)
    locs = [x for _t, _s, _e, lab, x in _spans(docs) if lab == "LOCATION"]
    assert any(re.fullmatch(r"[A-Z]{1,2}\d{1,2}", x) for x in locs)  # postcode districts alone ("ST6")
    ids = [x for _t, _s, _e, lab, x in _spans(docs) if lab == "ID"]
    assert any(re.fullmatch(r"[A-Z]{1,4}[ -]?\d{3,5}", x) for x in ids)  # "PH 4471", "BPL-2291"
    contacts = [x for _t, _s, _e, lab, x in _spans(docs) if lab == "CONTACT"]
    assert any("_" in c or "." in c for c in contacts)  # usernames as speakers


def test_word_names_also_appear_as_plain_words(docs):
    """The same words are used as words, unlabelled, so the model learns the position and not the word."""
    text = "\n".join(t for t, _e in docs)
    unlabelled = 0
    for t, ents in docs:
        covered = bytearray(len(t) + 1)
        for s, e, _lab in ents:
            covered[s:e] = b"\x01" * (e - s)
        for m in re.finditer(r"\b(?:[Ww]ill|[Mm]ark|[Ss]ummer|[Hh]ope|[Ff]aith|[Ss]ay|[Ss]ee|[Hh]onestly)\b", t):
            unlabelled += not covered[m.start()]
    assert unlabelled > 100
    assert "CSE" in text and "YOS" in text and "Sergeant" in text


def test_export_header_dates_are_labelled_and_their_times_are_not():
    """GUIDELINES.md (session 5): the date opening a chat-export line names a day and is marked; its time is not."""
    gen = Gen(3)
    head = re.compile(r"^\[?(\d{2}/\d{2}/\d{4}), (\d{2}:\d{2}(?::\d{2})?)\]?(?: -)? ", re.MULTILINE)
    seen = 0
    for _ in range(40):
        doc = Doc()
        REGISTERS[0](gen, doc)  # WhatsApp
        text, ents = doc.result()
        for m in head.finditer(text):
            seen += 1
            assert (m.start(1), m.end(1), "DATE") in ents, text[m.start():m.end() + 20]
            assert not any(s < m.end(2) and m.start(2) < e for s, e, _l in ents), text[m.start():m.end() + 20]
    assert seen > 100


def test_generation_is_the_same_for_the_same_seed():
    assert generate(Gen(5), 40) == generate(Gen(5), 40)
    assert generate(Gen(5), 40) != generate(Gen(6), 40)


def test_word_name_list_leaves_function_words_out():
    names = set(Gen(1).word_names)
    assert {"summer", "pearl", "faith", "rose", "amber", "jade"} <= names
    assert not names & STOP


def test_identifiers_include_references_of_a_general_structure():
    """Session 5: references of many structures (parts of capitals and digits joined by / - * or nothing), so
    the model does not learn only the shapes the patterns already know."""
    gen = Gen(4)
    codes = [gen.code() for _ in range(300)]
    assert all(any(c.isdigit() for c in code) for code in codes)
    assert {sep for code in codes for sep in "/-*" if sep in code} == {"/", "-", "*"}
    assert any(code.isalnum() and not code.isdigit() and not code.isalpha() for code in codes)
    idents = [gen.ident() for _ in range(400)]
    assert sum(i in codes or re.fullmatch(r"[A-Z0-9]+(?:[/*-][A-Z0-9]+)*", i) is not None for i in idents) > 80
