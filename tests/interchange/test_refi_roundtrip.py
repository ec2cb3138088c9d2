"""REFI-QDA round trip: project -> .qdpx -> new project keeps every text, code, colour, coding, coder, case,
attribute value, memo and link; exports validate against both XSDs and re-export byte for byte."""

from __future__ import annotations

import zipfile

import pytest

from qualcoder_cse.core import Project
from qualcoder_cse.interchange.refi import export_refi
from qualcoder_cse.interchange.refi_import import import_refi

from .refi_helpers import assert_valid, fill_rich_project, qde_bytes, snapshot


@pytest.fixture()
def rich(project):
    fill_rich_project(project)
    return project


def test_round_trip_keeps_everything(rich, tmp_path, passphrase):
    before = snapshot(rich)
    out = tmp_path / "study.qdpx"
    result = export_refi(rich, out)
    assert result.counts["codings"] == len(before["codings"])
    report = import_refi(out, tmp_path / "copy.qcse", passphrase, coder="carol")
    assert report.not_carried == []
    with Project.open(tmp_path / "copy.qcse", passphrase, readonly=True) as copy:
        after = snapshot(copy)
    for key in before:
        assert after[key] == before[key], key


def test_export_validates_and_is_byte_stable(rich, tmp_path):
    first, second = tmp_path / "a.qdpx", tmp_path / "b.qdpx"
    export_refi(rich, first)
    export_refi(rich, second)
    assert first.read_bytes() == second.read_bytes()
    assert_valid(qde_bytes(first), "project")
    export_refi(rich, tmp_path / "a.qdc")
    export_refi(rich, tmp_path / "b.qdc")
    assert (tmp_path / "a.qdc").read_bytes() == (tmp_path / "b.qdc").read_bytes()
    assert_valid((tmp_path / "a.qdc").read_bytes(), "codebook")


def test_sources_are_utf8_and_positions_are_code_points(rich, tmp_path):
    out = tmp_path / "study.qdpx"
    export_refi(rich, out)
    from lxml import etree

    ns = {"q": "urn:QDA-XML:project:1.0"}
    root = etree.fromstring(qde_bytes(out))
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        assert names[0] == "project.qde"
        assert all(n.startswith("sources/") for n in names[1:])
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        checked = 0
        for src in root.iterfind(".//q:TextSource", ns):
            path = src.get("plainTextPath")
            assert path.startswith("internal://") and path.endswith(".txt")
            raw = zf.read("sources/" + path[len("internal://") :])
            assert not raw.startswith(b"\xef\xbb\xbf")
            text = raw.decode("utf-8")
            assert text == rich.documents.text(rich.documents.by_name(src.get("name")).id)
            for sel in src.iterfind("q:PlainTextSelection", ns):
                if sel.find("q:Coding", ns) is None:
                    continue
                piece = text[int(sel.get("startPosition")) : int(sel.get("endPosition"))]
                assert piece.startswith(sel.get("name"))
                checked += 1
    assert checked == len(rich.codings.list())
    emoji_sel = [s for s in root.iterfind(".//q:PlainTextSelection", ns) if "😀" in (s.get("name") or "")]
    assert emoji_sel and int(emoji_sel[0].get("endPosition")) - int(emoji_sel[0].get("startPosition")) == 10


def test_only_coder_option_and_unknown_coder(rich, tmp_path):
    from qualcoder_cse.interchange.refi import RefiExportOptions
    from qualcoder_cse.interchange.refi_common import RefiError

    result = export_refi(rich, tmp_path / "bob.qdpx", RefiExportOptions(coder="bob"))
    assert result.counts["codings"] == len(
        [c for c in rich.codings.list() if c.coder_id == rich.coders.by_name("bob").id]
    )
    with pytest.raises(RefiError):
        export_refi(rich, tmp_path / "x.qdpx", RefiExportOptions(coder="nobody"))
    assert not (tmp_path / "x.qdpx").exists()
    with pytest.raises(RefiError):
        export_refi(rich, tmp_path / "x.xlsx")


def test_codebook_round_trip(rich, tmp_path, passphrase):
    export_refi(rich, tmp_path / "book.qdc")
    report = import_refi(tmp_path / "book.qdc", tmp_path / "book.qcse", passphrase)
    assert report.kind == "codebook"
    with Project.open(tmp_path / "book.qcse", passphrase, readonly=True) as copy:
        assert {c.path: (c.colour, c.description, c.codable) for c in copy.codes.list()} == snapshot(rich)["codes"]
        assert copy.documents.count() == 0


def test_cancelled_export_and_import_leave_nothing(rich, tmp_path, passphrase):
    from qualcoder_cse.interchange.refi_common import RefiCancelled

    stages: list[str] = []

    def stop_at_sources(done, total, stage):
        stages.append(stage)
        return stage != "writing sources"

    with pytest.raises(RefiCancelled):
        export_refi(rich, tmp_path / "c.qdpx", progress=stop_at_sources)
    assert stages[-1] == "writing sources" and "documents" in stages
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("c.")]
    export_refi(rich, tmp_path / "ok.qdpx")
    with pytest.raises(RefiCancelled):
        import_refi(tmp_path / "ok.qdpx", tmp_path / "c.qcse", passphrase, progress=lambda d, t, s: d < 2)
    # The empty lock file is left by design (core/lock.py: a lock file is never deleted); no project data is.
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("c.") and p.suffix != ".lock"]


def test_demo_round_trip_keeps_everything_and_every_speaker_turn(tmp_path):
    from qualcoder_cse.demo import build_demo

    build_demo(tmp_path / "demo.qcse", "pw")
    with Project.open(tmp_path / "demo.qcse", "pw", readonly=True) as demo:
        export_refi(demo, tmp_path / "demo.qdpx")
        before = snapshot(demo)
        turns = {
            d.name: [(t.start, t.end, t.speaker) for t in demo.turns.list(d.id)]
            for d in demo.documents.list()
        }
    report = import_refi(tmp_path / "demo.qdpx", tmp_path / "back.qcse", "pw")
    assert report.not_carried == [] and report.counts["codings"] == len(before["codings"]) > 0
    with Project.open(tmp_path / "back.qcse", "pw", readonly=True) as back:
        assert snapshot(back) == before
        assert {
            d.name: [(t.start, t.end, t.speaker) for t in back.turns.list(d.id)]
            for d in back.documents.list()
        } == turns
    assert sum(len(v) for v in turns.values()) > sum(len(v) for v in before["turns"].values())


def test_anonymised_round_trip_keeps_placeholders_turns_and_their_cases(tmp_path):
    """import-refi anonymises by default: a project anonymised before comes back with its placeholders as they
    were (not "DS [[Person 1] 1]"), every speaker turn, and each turn's case (before, with the anonymiser on,
    every case lost its turns: the case analysis of a moved project was silently empty)."""
    from qualcoder_cse.anonymise.placeholder_spans import placeholder_ranges
    from qualcoder_cse.demo import build_demo

    build_demo(tmp_path / "demo.qcse", "pw")

    def turns_and_cases(p: Project) -> dict:
        names = {c.id: c.name for c in p.cases.list()}
        return {d.name: [(t.start, t.end, names.get(t.case_id)) for t in p.turns.list(d.id)]
                for d in p.documents.list()}

    with Project.open(tmp_path / "demo.qcse", "pw", readonly=True) as demo:
        export_refi(demo, tmp_path / "demo.qdpx")
        held = {d.name: [demo.documents.text(d.id)[a:b] for a, b in placeholder_ranges(demo.documents.text(d.id))]
                for d in demo.documents.list()}
        before = turns_and_cases(demo)
    assert sum(1 for v in before.values() for t in v if t[2]) > 10  # the demo maps speakers to cases
    report = import_refi(tmp_path / "demo.qdpx", tmp_path / "back.qcse", "pw", anonymise="auto",
                         key_file=tmp_path / "back.idkey")
    assert report.not_carried == []
    with Project.open(tmp_path / "back.qcse", "pw", readonly=True) as back:
        for d in back.documents.list():
            text = back.documents.text(d.id)
            assert "[[" not in text
            kept = [text[a:b] for a, b in placeholder_ranges(text)]
            assert all(kept.count(p) >= held[d.name].count(p) for p in held[d.name]), d.name
        after = turns_and_cases(back)
    assert {k: [c for _s, _e, c in v] for k, v in after.items()} == {
        k: [c for _s, _e, c in v] for k, v in before.items()}


def test_anonymised_import_reads_case_names_as_names(project, tmp_path, passphrase):
    """A case named after a person loses the name; one named after a file and a speaker ("focus_group: P1")
    keeps it (it was read as a chat line, and 'focus_group' became '[Username 1]')."""
    project.cases.add("Jade Morris")
    project.cases.add("focus_group: P1")
    export_refi(project, tmp_path / "cases.qdpx")
    import_refi(tmp_path / "cases.qdpx", tmp_path / "anon.qcse", passphrase, anonymise="auto",
                key_file=tmp_path / "anon.idkey")
    with Project.open(tmp_path / "anon.qcse", passphrase, readonly=True) as copy:
        names = {c.name for c in copy.cases.list()}
    assert "focus_group: P1" in names
    assert not any("Jade" in n or "Morris" in n for n in names)
    assert any(n.startswith("[Person") for n in names)


def test_anonymised_import_reads_text_attribute_values_as_names(project, tmp_path, passphrase):
    """A case's text value naming a person ("participant: Kayleigh Brannigan") came through an anonymised
    import as it was, beside the case name it replaced (found by a security pass, session 14)."""
    case = project.cases.add("Case 7")
    who = project.attributes.add("participant", scope="case", type="text")
    area = project.attributes.add("Area", scope="case", type="text")
    age = project.attributes.add("Age", scope="case", type="number")
    project.attributes.set_value(who.id, case.id, "Kayleigh Brannigan")
    project.attributes.set_value(area.id, case.id, "North")
    project.attributes.set_value(age.id, case.id, "15")
    export_refi(project, tmp_path / "values.qdpx")
    import_refi(tmp_path / "values.qdpx", tmp_path / "anon.qcse", passphrase, anonymise="auto",
                key_file=tmp_path / "anon.idkey")
    with Project.open(tmp_path / "anon.qcse", passphrase, readonly=True) as copy:
        [made] = [c for c in copy.cases.list() if c.name == "Case 7"]
        values = copy.attributes.values_for(made.id, "case")
    assert "Brannigan" not in values["participant"] and values["participant"].startswith("[Person")
    assert (values["Area"], values["Age"]) == ("North", "15")
