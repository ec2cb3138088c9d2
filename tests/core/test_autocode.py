"""Auto-coding: segments by regex, search query and speaker, widened to sentence/paragraph/turn, coded at once."""

from __future__ import annotations

import pytest

from qualcoder_cse.core.autocode import merge_segments
from qualcoder_cse.core.errors import InvalidValue

FOCUS = (
    "P1: We use CAWNs a lot. Dr. Smith said so. The hotels help too!\n"
    "P2: I doubt the CAWNs work. They are paper.\n"
    "P1: Information sharing is patchy.\n"
)


def _turns(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        label, _, _ = line.partition(":")
        out.append((pos + len(label) + 2, pos + len(line.rstrip("\n")), label))
        pos += len(line)
    return out


@pytest.fixture()
def focus(project):
    return project.documents.add("Focus group 2", FOCUS, kind="lscb", turns=_turns(FOCUS))


def _texts(segs):
    return [FOCUS[s:e] for _d, s, e in segs]


def test_hit_scope_is_the_match_case_insensitive(project, focus):
    segs = project.autocode.segments(pattern=r"cawns", scope="hit", document_ids=[focus.id])
    assert _texts(segs) == ["CAWNs", "CAWNs"]


def test_sentence_scope_skips_abbreviations_and_stays_in_the_turn(project, focus):
    segs = project.autocode.segments(pattern=r"smith|doubt", scope="sentence", document_ids=[focus.id])
    assert _texts(segs) == ["Dr. Smith said so.", "I doubt the CAWNs work."]


def test_paragraph_and_turn_scopes(project, focus):
    para = project.autocode.segments(pattern="hotels", scope="paragraph", document_ids=[focus.id])
    assert _texts(para) == ["P1: We use CAWNs a lot. Dr. Smith said so. The hotels help too!"]
    turn = project.autocode.segments(pattern="hotels", scope="turn", document_ids=[focus.id])
    assert _texts(turn) == ["We use CAWNs a lot. Dr. Smith said so. The hotels help too!"]


def test_two_hits_in_one_sentence_give_one_segment(project, focus):
    segs = project.autocode.segments(pattern=r"cawns|paper", scope="turn", document_ids=[focus.id])
    assert _texts(segs) == [
        "We use CAWNs a lot. Dr. Smith said so. The hotels help too!",
        "I doubt the CAWNs work. They are paper.",
    ]


def test_speaker_every_turn_and_speaker_with_pattern(project, focus):
    segs = project.autocode.segments(speaker="p1", document_ids=[focus.id])
    assert _texts(segs) == [
        "We use CAWNs a lot. Dr. Smith said so. The hotels help too!",
        "Information sharing is patchy.",
    ]
    segs = project.autocode.segments(speaker=["P2"], pattern="cawns", scope="sentence")
    assert _texts(segs) == ["I doubt the CAWNs work."]


def test_unknown_speaker_bad_regex_and_bad_scope_are_clear_errors(project, focus):
    with pytest.raises(InvalidValue, match="speaker"):
        project.autocode.segments(speaker="Nobody")
    with pytest.raises(InvalidValue, match="regular expression"):
        project.autocode.segments(pattern="(unclosed")
    with pytest.raises(InvalidValue, match="scope"):
        project.autocode.segments(pattern="x", scope="page")
    with pytest.raises(InvalidValue):
        project.autocode.segments()


def test_search_query_segments_by_sentence(project):
    doc = project.documents.by_name("Police lead 1")
    text = project.documents.text(doc.id)
    segs = project.autocode.for_query('"warning notices"', scope="sentence")
    assert [(d, text[s:e]) for d, s, e in segs] == [
        (doc.id, "DI: We use Child Abduction Warning Notices a lot, and we visit hotels with licensing.")
    ]


def test_merge_segments():
    assert merge_segments([(1, 5, 9), (1, 0, 6), (1, 9, 12), (2, 0, 3), (1, 0, 6)]) == [
        (1, 0, 9), (1, 9, 12), (2, 0, 3)
    ]


def test_autocode_is_one_transaction_and_returns_only_new_codings(project, focus):
    code = project.codes.by_path("Disruption/Child Abduction Warning Notices")
    before = project.codings.count()
    segs = project.autocode.segments(pattern="cawns", scope="sentence")
    made = project.autocode.apply(code.id, segs, coder="alice")
    assert len(made) == 2 and project.codings.count() == before + 2
    assert {(c.document_id, c.start, c.end) for c in made} == set(segs)
    again = project.autocode.apply(code.id, segs, coder="alice")
    assert again == [] and project.codings.count() == before + 2
    project.codings.remove_many([c.id for c in made])
    assert project.codings.count() == before


def test_autocode_failure_leaves_nothing(project, focus):
    code = project.codes.by_path("Disruption/Child Abduction Warning Notices")
    before = project.codings.count()
    with pytest.raises(InvalidValue):
        project.autocode.apply(code.id, [(focus.id, 0, 5), (focus.id, 10, 10_000)], coder="alice")
    assert project.codings.count() == before


def test_turns_that_include_the_speaker_label_are_coded_without_it(project):
    text = "DI: We flag hotels. It helps.\nINT: Why?\nDI: Because staff call us.\n"
    turns, pos = [], 0
    for line in text.splitlines(keepends=True):
        label = line.split(":")[0]
        turns.append((pos, pos + len(line) - 1, label))  # the importer's turns start at the label
        pos += len(line)
    doc = project.documents.add("Labelled", text, kind="police", turns=turns)
    segs = project.autocode.segments(speaker="DI", document_ids=[doc.id])
    assert [text[s:e] for _d, s, e in segs] == ["We flag hotels. It helps.", "Because staff call us."]
    segs = project.autocode.segments(pattern="hotels", scope="sentence", document_ids=[doc.id])
    assert [text[s:e] for _d, s, e in segs] == ["We flag hotels."]
    segs = project.autocode.segments(pattern="staff", scope="turn", document_ids=[doc.id])
    assert [text[s:e] for _d, s, e in segs] == ["Because staff call us."]
    segs = project.autocode.segments(pattern="di", scope="hit", document_ids=[doc.id])
    assert [text[s:e] for _d, s, e in segs] == ["DI", "DI"]  # a hit on the label itself is still a hit


def test_speaker_group_by_case_attribute(project, focus):

    group = project.attributes.add("Participant group", type="category", choices=["Police", "Young person"])
    yp = project.cases.add("YP A")
    officer = project.cases.add("Officer B")
    project.attributes.set_value(group.id, yp.id, "Young person")
    project.attributes.set_value(group.id, officer.id, "Police")
    project.turns.map_speaker(focus.id, "P2", yp.id)
    project.turns.map_speaker(focus.id, "P1", officer.id)
    ids = project.autocode.case_ids_where("participant group", "young PERSON")
    assert ids == [yp.id]
    segs = project.autocode.segments(case_ids=ids)
    assert _texts(segs) == ["I doubt the CAWNs work. They are paper."]
    segs = project.autocode.segments(case_ids=project.autocode.case_ids_where("Participant group", "Police"),
                             pattern="cawns", scope="sentence")
    assert _texts(segs) == ["We use CAWNs a lot."]
    with pytest.raises(InvalidValue, match="No case matches"):
        project.autocode.segments(case_ids=project.autocode.case_ids_where("Participant group", "Researcher"))
    with pytest.raises(InvalidValue, match="No case attribute"):
        project.autocode.case_ids_where("Agency", "Health")


def test_a_catastrophically_backtracking_pattern_is_refused_not_hung(project, monkeypatch):
    import qualcoder_cse.core.autocode as autocode_module

    monkeypatch.setattr(autocode_module, "PATTERN_TIMEOUT", 0.3)  # the real limit is 10 s; keep the test quick
    project.documents.add("Many a", "a" * 5000 + "\n", kind="police")
    before = len(project.codings.list()) if hasattr(project.codings, "list") else None
    with pytest.raises(InvalidValue, match="backtracks too much"):
        project.autocode.segments(pattern=r"(?:(?:a|aa)*?)*[^a\n]")
    if before is not None:
        assert len(project.codings.list()) == before


def test_pattern_syntax_errors_and_huge_repeats_are_invalid_values(project):
    for bad in ("(", "[", "*", "x{99999999999999}"):
        with pytest.raises(InvalidValue, match="not a valid regular expression"):
            project.autocode.segments(pattern=bad)
