"""Batch import into a real encrypted project: per-file results, progress, cancel, kinds, attributes,
speaker-to-case mapping, name clashes and the anonymisation switch."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcoder_cse.core.errors import InvalidValue
from qualcoder_cse.importers.errors import ImporterError
from qualcoder_cse.importers.speakers import SpeakerOptions
from qualcoder_cse.workflows import file_import
from qualcoder_cse.workflows.batch_import import import_files
from qualcoder_cse.workflows.file_import import CANCELLED, IMPORTED, ImportOptions, anonymiser_available
from tests.importers import builders as b

FOCUS_GROUP = (
    "[Facilitator] What do partners think?\n"
    "P1: Information sharing is patchy.\n"
    "P2: It works through the MASH.\n"
    "P1: Not with health.\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_mixed_formats_one_result_each_in_order(project, tmp_path: Path):
    paths = [
        b.build_docx(tmp_path / "fg.docx"),
        b.build_odt(tmp_path / "c7.odt"),
        b.build_pdf(tmp_path / "coord.pdf"),
        _write(tmp_path, "call.vtt", b.VTT_SOURCE),
        _write(tmp_path, "call.srt", b.SRT_SOURCE),
        _write(tmp_path, "int.rtf", b.RTF_SOURCE),
    ]
    results = import_files(project, paths, ImportOptions(kind="lscb", attributes={"Area": "North"}))
    assert [r.path for r in results] == [str(p) for p in paths]
    assert all(r.status == IMPORTED for r in results), [r.reason for r in results]
    expected = [b.DOCX_TEXT, b.ODT_TEXT, b.PDF_TEXT, b.VTT_TEXT, b.SRT_TEXT, b.RTF_TEXT]
    for r, text, fmt in zip(results, expected, ["docx", "odt", "pdf", "vtt", "srt", "rtf"], strict=True):
        doc = project.documents.get(r.document_id)
        assert project.documents.text(doc.id) == text
        assert (doc.kind, doc.source_format, doc.anonymised) == ("lscb", fmt, False)
        assert project.attributes.values_for(doc.id, "document") == {"Area": "North"}
        assert r.turns == len(project.turns.list(doc.id)) > 0
    vtt_turns = project.turns.list(results[3].document_id)
    assert [(t.speaker, t.timestamp) for t in vtt_turns] == [
        ("Roger Bingham", "00:00:01.000"), ("Neil deGrasse Tyson", "00:00:07.000"), ("Sam", "00:00:10.000"),
    ]


def test_progress_is_reported_before_and_after_each_file(project, tmp_path: Path):
    paths = [_write(tmp_path, f"t{i}.txt", f"INT: q{i}\nP1: a{i}\n") for i in range(3)]
    calls = []
    import_files(project, paths, progress=lambda done, total, path, res: calls.append(
        (done, total, Path(path).name, res.status if res else None)))
    assert calls == [
        (0, 3, "t0.txt", None), (1, 3, "t0.txt", IMPORTED),
        (1, 3, "t1.txt", None), (2, 3, "t1.txt", IMPORTED),
        (2, 3, "t2.txt", None), (3, 3, "t2.txt", IMPORTED),
    ]


def test_cancel_stops_between_files_and_keeps_what_was_done(project, tmp_path: Path):
    paths = [_write(tmp_path, f"c{i}.txt", f"P1: text {i}\n") for i in range(4)]
    done: list[str] = []
    results = import_files(
        project, paths, progress=lambda d, t, p, r: r and done.append(r.status), cancel=lambda: len(done) >= 2
    )
    assert [r.status for r in results] == [IMPORTED, IMPORTED, CANCELLED, CANCELLED]
    assert project.documents.by_name("c1") is not None
    assert project.documents.by_name("c2") is None and project.documents.by_name("c3") is None


def test_focus_group_participants_become_cases_covering_their_turns(project, tmp_path: Path):
    path = _write(tmp_path, "FG Leeds.txt", FOCUS_GROUP)
    [r] = import_files(project, [path], ImportOptions(cases_from_speakers=True))
    assert r.speakers == [("Facilitator", 1), ("P1", 2), ("P2", 1)]
    cases = {c.name: c.id for c in project.cases.list()}
    assert "FG Leeds: P1" in cases and "FG Leeds: P2" in cases and "FG Leeds: Facilitator" not in cases
    text = project.documents.text(r.document_id)
    covered = sorted(
        text[s:e] for case_id, doc_id, s, e in project.cases.segments()
        if doc_id == r.document_id and case_id == cases["FG Leeds: P1"]
    )
    assert covered == ["P1: Information sharing is patchy.", "P1: Not with health."]


def test_explicit_speaker_to_case_mapping_applies_across_files(project, tmp_path: Path):
    a = _write(tmp_path, "a.txt", "INT: hi\nDS Smith: hello\n")
    c = _write(tmp_path, "c.txt", "INT: again\nDS Smith: yes\n")
    import_files(project, [a, c], ImportOptions(speaker_cases={"DS Smith": "Officer A"}))
    case = project.cases.by_name("Officer A")
    segments = [seg for seg in project.cases.segments() if seg[0] == case.id]
    assert len(segments) == 2


def test_custom_speaker_patterns_and_disabled_detection(project, tmp_path: Path):
    chat = _write(tmp_path, "chat.txt", "<kaz_99> hiya\n<mo> u ok\n<kaz_99> ye\n")
    opts = ImportOptions(speakers=SpeakerOptions(patterns=(r"^<(?P<speaker>[\w]+)>",), use_defaults=False))
    [r] = import_files(project, [chat], opts)
    assert r.speakers == [("kaz_99", 2), ("mo", 1)]
    plain = _write(tmp_path, "plain.txt", "INT: hi\nP1: hello\n")
    [r2] = import_files(project, [plain], ImportOptions(speakers=SpeakerOptions(enabled=False)))
    assert r2.status == IMPORTED and r2.turns == 0


def test_name_clash_gets_a_free_name(project, tmp_path: Path):
    first = tmp_path / "one"
    second = tmp_path / "two"
    first.mkdir()
    second.mkdir()
    r1, r2 = import_files(project, [_write(first, "Interview.txt", "P1: a\n"), _write(second, "Interview.txt", "P1: b\n")])
    assert (r1.name, r2.name) == ("Interview", "Interview (2)")


def test_bad_options_refused_before_any_file(project, tmp_path: Path):
    path = _write(tmp_path, "x.txt", "P1: a\n")
    with pytest.raises(InvalidValue, match="kind"):
        import_files(project, [path], ImportOptions(kind="secret"))
    attr = project.attributes.get_or_create("Year", scope="document", type="number")
    assert attr.type == "number"
    with pytest.raises(InvalidValue, match="not a number"):
        import_files(project, [path], ImportOptions(attributes={"Year": "last year"}))
    with pytest.raises(ImporterError, match="speaker pattern"):
        import_files(project, [path], ImportOptions(speakers=SpeakerOptions(patterns=("(unclosed",))))
    assert project.documents.by_name("x") is None


def test_anonymise_without_anonymiser_refuses_and_stores_nothing(project, tmp_path: Path, monkeypatch):
    # A build without the anonymiser (the module cannot be found) must refuse, never store clear text.
    monkeypatch.setattr(file_import, "ANONYMISER_MODULE", "qualcoder_cse.anonymise.not_installed")
    assert not anonymiser_available()
    path = _write(tmp_path, "named.txt", "P1: my name is Kayleigh Thompson\n")
    before = project.documents.count()
    with pytest.raises(ImporterError, match="not available"):
        import_files(project, [path], ImportOptions(anonymise=True))
    assert project.documents.count() == before


@pytest.mark.skipif(not anonymiser_available(), reason="the anonymiser is not installed")
def test_anonymised_import_never_stores_the_original(project, tmp_path: Path):
    path = _write(
        tmp_path, "Interview Kayleigh Thompson.txt",
        "INT: Can you tell me about Kayleigh Thompson?\n"
        "DS Smith: She lived in Rochdale, her number was 07700 900123.\n"
        "INT: Thank you.\n",
    )
    [r] = import_files(project, [path], ImportOptions(anonymise=True, speaker_cases={"DS Smith": "Officer A"}))
    assert r.status == IMPORTED, r.reason
    doc = project.documents.get(r.document_id)
    text = project.documents.text(doc.id)
    assert doc.anonymised is True
    for secret in ("Kayleigh", "Thompson", "Smith", "Rochdale", "07700"):
        assert secret not in text and secret not in doc.name
        assert all(secret not in t.speaker for t in project.turns.list(doc.id))
    turns = project.turns.list(doc.id)
    assert [text[t.start:t.end].split(":")[0] for t in turns] == [t.speaker for t in turns]
    officer = project.cases.by_name("Officer A")
    assert [t.case_id for t in turns] == [None, officer.id, None]


@pytest.mark.skipif(not anonymiser_available(), reason="the anonymiser is not installed")
def test_anonymised_import_reads_attribute_values_as_names_are_read(project, tmp_path: Path):
    """A value typed beside the file ("participant=Kayleigh Brannigan") was stored and exported as typed while
    the text and the name were anonymised (found by a security pass, session 14)."""
    path = _write(tmp_path, "call.txt", "INT: Who rang?\nP1: Kayleigh Brannigan rang from Rochdale.\n")
    project.review_memory.remember("reject", "Greater Manchester Police", "ANY")
    options = ImportOptions(anonymise=True, attributes={"participant": "Kayleigh Brannigan", "Area": "North",
                                                        "Force": "Greater Manchester Police", "Age": "15"})
    [r] = import_files(project, [path], options)
    assert r.status == IMPORTED, r.reason
    values = project.attributes.values_for(r.document_id, "document")
    assert "Brannigan" not in values["participant"] and values["participant"].startswith("[")
    assert (values["Area"], values["Age"]) == ("North", "15")
    assert values["Force"] == "Greater Manchester Police"  # the project remembers it as kept readable
