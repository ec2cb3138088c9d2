"""Text that was anonymised before (by this app, by a researcher, by another tool) passes the anonymiser
again on import, rescan, ``anonymise`` and REFI import: its placeholders are not identifiers. Before,
"DS [Person 1]" proposed "Person" as a name and came back as "DS [[Person 1] 1]" (found by trying a REFI
round trip of an anonymised project as a user)."""

from __future__ import annotations

import re

from qualcoder_cse.anonymise.pipeline import anonymise_text
from qualcoder_cse.anonymise.placeholder_spans import outside_placeholders, placeholder_ranges
from qualcoder_cse.anonymise.placeholders import PlaceholderFormat
from qualcoder_cse.anonymise.review import ReviewSession
from qualcoder_cse.anonymise.spans import Span

TRANSCRIPT = """Interview with DS Karen Whitfield, Lancashire Constabulary, 4 March 2024
Interviewer: Dr Amira Shah

INT: Thanks for meeting me, Karen. Can you tell me about your role?
DS Karen Whitfield: I lead the CSE team at Greenbank police station in Preston. My DCI, Tom Hargreaves, set it up.
INT: And the young people?
DS Karen Whitfield: Jade Morris was fourteen. She was picked up outside the Crown and Anchor on Friargate by a
driver from Swift Cars, reg PN19 XKT. Her mum, Sarah Okonkwo, rang 07700 900461 that night.
"""

NESTED = re.compile(r"\[\[|\]\s*\d+\]")


def placeholders(text: str) -> list[str]:
    return [text[a:b] for a, b in placeholder_ranges(text)]


def test_anonymising_anonymised_text_keeps_every_placeholder_whole():
    once = anonymise_text(TRANSCRIPT).text
    assert "Karen" not in once and "Whitfield" not in once and placeholders(once)
    twice = anonymise_text(once).text
    assert not NESTED.search(twice), twice
    kept = placeholders(twice)
    for p in set(placeholders(once)):
        assert kept.count(p) >= placeholders(once).count(p), p


def test_no_proposal_falls_on_a_placeholder_of_any_usual_form():
    text = ("DS [Person 1]: Mrs [Person 8] said PC [Person 13] came round on [Date] to [Place 3].\n"
            "P2: The lead at [Force 1] in [Town 2] rang [Charity 1] about [Young person 3] and [name].\n")
    session = ReviewSession.detect(text)
    held = placeholder_ranges(text)
    assert len(held) == 10
    for p in session.proposals:
        assert not any(a < p.end and p.start < b for a, b in held), (p.start, p.end, text[p.start:p.end])


def test_names_beside_or_in_a_transcriber_note_are_still_found():
    text = "[Person 1] Okafor was there when Jade walked in. [Jade enters] She [Jade] sat down.\n"
    session = ReviewSession.detect(text)
    found = {text[p.start:p.end] for p in session.proposals}
    assert "Okafor" in found
    starts = {p.start for p in session.proposals if text[p.start:p.end] == "Jade"}
    assert text.index("[Jade enters]") + 1 in starts and text.index("[Jade]") + 1 in starts


def test_a_span_over_a_placeholder_keeps_only_a_name_outside_it():
    text = "Mrs [Person 8] met [Person 1] Okafor."
    spans = [Span(0, 14, "PERSON", text[0:14], 0.9, "rule"), Span(19, 36, "PERSON", text[19:36], 0.9, "rule")]
    kept = outside_placeholders(text, spans)
    assert [(s.text, s.label) for s in kept] == [("Okafor", "PERSON")]


def test_the_projects_own_placeholder_format_counts():
    fmt = PlaceholderFormat(numbered="<<{name}-{n}>>", plain="<<{name}>>")
    text = "<<Person-4>> told <<Person-2>> on <<Date>> that Kyle Benson would come.\n"
    held = placeholder_ranges(text, fmt)
    assert [text[a:b] for a, b in held] == ["<<Person-4>>", "<<Person-2>>", "<<Date>>"]
    session = ReviewSession.detect(text, fmt=fmt)
    assert all(not any(a < p.end and p.start < b for a, b in held) for p in session.proposals)
    assert "Kyle Benson" in {text[p.start:p.end] for p in session.proposals}


def test_a_speaker_label_with_a_placeholder_stays_as_it_is():
    session = ReviewSession.detect("DS [Person 1]: hello\n")
    assert session.anonymise_label("DS [Person 1]") == "DS [Person 1]"
