"""REFI-QDA with peers: each fix is checked against the XML a peer's reader uses (docs/refi.md, "Peers"):
QualCoder reads memos only from Description, categories from isCodable="false", document values from a
TextSource's VariableValue or a nameless Case; NVivo counts UTF-16 units; QualCoder needs unique code names."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from qualcoder_cse.core import Project
from qualcoder_cse.core.errors import InvalidValue
from qualcoder_cse.interchange.refi import RefiExportOptions, export_refi
from qualcoder_cse.interchange.refi_import import import_refi

from .refi_helpers import assert_valid, fill_rich_project, qde_bytes, snapshot

NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture()
def rich(project):
    fill_rich_project(project)
    return project


def _qde(path) -> etree._Element:
    return etree.fromstring(qde_bytes(path))


def _export(project, path, **options):
    return export_refi(project, path, RefiExportOptions(**options))


def test_memos_are_in_description_where_qualcoder_reads_them_and_in_notes(rich, tmp_path):
    out = tmp_path / "s.qdpx"
    _export(rich, out)
    root = _qde(out)
    # Project: QualCoder's parse_project_description reads Project/Description.
    assert "Project memo\nline two" in root.find("q:Description", NS).text
    assert root.findall("q:NoteRef", NS)
    # TextSource: load_text_source reads its Description as the document memo.
    board = root.find(".//q:TextSource[@name='Board focus group']", NS)
    assert "Document memo" in board.find("q:Description", NS).text and board.findall("q:NoteRef", NS)
    # Code: sub_codes reads the Code's Description as its memo.
    trust = root.find(".//q:Code[@name='Trust in police']", NS)
    assert trust.find("q:Description", NS).text == "Said about trust\n\nCode memo"
    # PlainTextSelection: load_codings_for_text reads its Description as the coding memo.
    memos = [d.text for d in root.findall(".//q:PlainTextSelection/q:Description", NS)]
    assert "Coding memo" in memos and "with emoji" in memos


def test_a_qualcoder_file_with_descriptions_only_brings_every_memo(tmp_path, passphrase):
    qde = """<Project xmlns="urn:QDA-XML:project:1.0" name="qc" origin="QualCoder 3.6">
      <CodeBook><Codes><Code guid="c0000000-0000-4000-8000-000000000001" name="Trust" isCodable="true">
        <Description>code memo</Description></Code></Codes></CodeBook>
      <Sources><TextSource guid="50000000-0000-4000-8000-000000000001" name="Doc" plainTextPath="internal://d.txt">
        <Description>document memo</Description>
        <PlainTextSelection guid="51000000-0000-4000-8000-000000000001" startPosition="0" endPosition="5">
          <Description>coding memo</Description>
          <Coding guid="52000000-0000-4000-8000-000000000001">
            <CodeRef targetGUID="c0000000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>
      </TextSource></Sources>
      <Description>project memo</Description></Project>"""
    src = tmp_path / "qc.qdpx"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("project.qde", qde)
        zf.writestr("sources/d.txt", "Hello world")
    import_refi(src, tmp_path / "o.qcse", passphrase)
    with Project.open(tmp_path / "o.qcse", passphrase, readonly=True) as p:
        [doc] = p.documents.list()
        [coding] = p.codings.list()
        assert doc.memo == "document memo" and coding.memo == "coding memo"
        assert p.codes.by_path("Trust").description == "code memo"
        assert [(m.target_type, m.text) for m in p.memos.list()] == [("project", "project memo")]


def test_categories_are_written_not_codable_and_come_back_so(rich, tmp_path, passphrase):
    out = tmp_path / "s.qdpx"
    _export(rich, out)
    root = _qde(out)
    themes = root.find(".//q:Code[@name='Themes']", NS)
    assert themes.get("isCodable") == "false"  # QualCoder: a category only when explicitly "false"
    assert root.find(".//q:Code[@name='Detection']", NS).get("isCodable") == "true"
    import_refi(out, tmp_path / "c.qcse", passphrase)
    with Project.open(tmp_path / "c.qcse", passphrase) as copy:
        cat = copy.codes.by_path("Themes")
        assert not cat.codable and copy.codes.by_path("Themes/Detection").codable
        doc = copy.documents.list()[0]
        with pytest.raises(InvalidValue, match="category"):
            copy.codings.add(cat.id, doc.id, 0, 3)


def test_a_category_that_holds_codings_in_the_file_stays_codable(tmp_path, passphrase):
    qde = """<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes>
      <Code guid="c0000000-0000-4000-8000-000000000001" name="Cat" isCodable="false"/></Codes></CodeBook>
      <Sources><TextSource guid="50000000-0000-4000-8000-000000000001" name="D"><PlainTextContent>abcdef</PlainTextContent>
        <PlainTextSelection guid="51000000-0000-4000-8000-000000000001" startPosition="0" endPosition="3">
          <Coding guid="52000000-0000-4000-8000-000000000001">
            <CodeRef targetGUID="c0000000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>
      </TextSource></Sources></Project>"""
    (tmp_path / "p.qde").write_text(qde, encoding="utf-8")
    report = import_refi(tmp_path / "p.qde", tmp_path / "o.qcse", passphrase)
    assert report.counts["codings"] == 1 and any("kept codable" in m for m in report.tolerated)


def test_speaker_turns_never_travel_as_uncoded_selections(rich, tmp_path, passphrase):
    out = tmp_path / "s.qdpx"
    _export(rich, out)
    root = _qde(out)
    selections = root.findall(".//q:PlainTextSelection", NS)
    assert selections and all(s.find("q:Coding", NS) is not None for s in selections)
    assert not root.findall(".//q:SelectionRef", NS)
    listed = [v for v in root.findall(".//q:TextSource/q:VariableValue/q:TextValue", NS) if "\tA\t" in v.text]
    assert listed and listed[0].text.startswith("0-14\tA\tDI Smith site")


def test_case_links_and_kinds_survive_a_qualcoder_style_re_export(tmp_path, passphrase):
    """What QualCoder writes back: our Variables without their descriptions, document values in a nameless
    Case holding one SourceRef, a named case linked by SourceRef."""
    qde = """<Project xmlns="urn:QDA-XML:project:1.0" name="back" origin="QualCoder 3.6">
      <Variables><Variable guid="a0000000-0000-4000-8000-000000000001" name="Document kind" typeOfVariable="Text"/>
        <Variable guid="a0000000-0000-4000-8000-000000000002" name="Wave" typeOfVariable="Text"/></Variables>
      <Cases><Case guid="e0000000-0000-4000-8000-000000000001"><VariableValue>
          <VariableRef targetGUID="a0000000-0000-4000-8000-000000000001"/><TextValue>police</TextValue></VariableValue>
          <VariableValue><VariableRef targetGUID="a0000000-0000-4000-8000-000000000002"/><TextValue>2</TextValue>
          </VariableValue><SourceRef targetGUID="50000000-0000-4000-8000-000000000001"/></Case>
        <Case guid="e0000000-0000-4000-8000-000000000002" name="Site A">
          <SourceRef targetGUID="50000000-0000-4000-8000-000000000001"/></Case></Cases>
      <Sources><TextSource guid="50000000-0000-4000-8000-000000000001" name="Interview">
        <PlainTextContent>text</PlainTextContent></TextSource></Sources></Project>"""
    (tmp_path / "b.qde").write_text(qde, encoding="utf-8")
    report = import_refi(tmp_path / "b.qde", tmp_path / "o.qcse", passphrase)
    with Project.open(tmp_path / "o.qcse", passphrase, readonly=True) as p:
        [doc] = p.documents.list()
        assert doc.kind == "police"
        assert [c.name for c in p.cases.list()] == ["Site A"]
        assert p.cases.documents_of(p.cases.by_name("Site A").id) == [doc.id]
        assert p.attributes.values_for(doc.id, "document") == {"Wave": "2"}
    assert any("nameless case" in m for m in report.tolerated)


def test_source_without_name_is_named_after_its_file_and_descriptions_lose_xml_indentation(tmp_path, passphrase):
    qde = """<Project xmlns="urn:QDA-XML:project:1.0" name="qc" origin="qc 1.3.2">
      <CodeBook><Codes><Code guid="c0000000-0000-4000-8000-000000000001" name="Trust" isCodable="true">
          <Description>
            First line of the definition.
              An indented example.
          </Description>
      </Code></Codes></CodeBook>
      <Sources><TextSource guid="50000000-0000-4000-8000-000000000001" plainTextPath="interview_03.txt"
          creatingUser="not a guid"/></Sources></Project>"""
    src = tmp_path / "qc.qdpx"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("project.qde", qde)
        zf.writestr("interview_03.txt", "Some text")
    report = import_refi(src, tmp_path / "o.qcse", passphrase)
    with Project.open(tmp_path / "o.qcse", passphrase, readonly=True) as p:
        assert [d.name for d in p.documents.list()] == ["interview_03.txt"]
        assert p.codes.by_path("Trust").description == "First line of the definition.\n  An indented example."
    assert report.not_carried == [], report.not_carried  # an unreadable user loses nothing


def test_unique_code_names_option_warning_and_our_reimport_keeps_the_real_tree(rich, tmp_path, passphrase):
    plain = _export(rich, tmp_path / "plain.qdpx")
    assert any("Barriers" in n and "unique code names" in n for n in plain.warnings)
    result = _export(rich, tmp_path / "u.qdpx", unique_code_names=True)
    assert not result.warnings
    names = [c.get("name") for c in _qde(tmp_path / "u.qdpx").iter("{urn:QDA-XML:project:1.0}Code")]
    assert len(names) == len({n.casefold() for n in names})
    assert "Barriers (Detection)" in names and "Barriers (Emerging)" in names
    assert_valid(qde_bytes(tmp_path / "u.qdpx"), "project")
    _export(rich, tmp_path / "u.qdc", unique_code_names=True)
    assert b'name="Barriers (Detection)"' in (tmp_path / "u.qdc").read_bytes()
    assert_valid((tmp_path / "u.qdc").read_bytes(), "codebook")
    before = snapshot(rich)
    import_refi(tmp_path / "u.qdpx", tmp_path / "c.qcse", passphrase)
    with Project.open(tmp_path / "c.qcse", passphrase, readonly=True) as copy:
        after = snapshot(copy)
    assert after["codes"] == before["codes"] and after["codings"] == before["codings"]


def test_utf16_positions_for_nvivo_and_back(rich, tmp_path, passphrase):
    out = tmp_path / "nv.qdpx"
    _export(rich, out, positions="utf16")
    assert_valid(qde_bytes(out), "project")
    root = _qde(out)
    board = root.find(".//q:TextSource[@name='Board focus group']", NS)
    with zipfile.ZipFile(out) as zf:
        text = zf.read(f"sources/{board.get('guid')}.txt").decode("utf-8")
    units = text.encode("utf-16-le")
    for sel in board.findall("q:PlainTextSelection", NS):
        s, e = int(sel.get("startPosition")), int(sel.get("endPosition"))
        assert units[2 * s : 2 * e].decode("utf-16-le").startswith(sel.get("name")[:20])
    assert "UTF-16" in root.get("origin")
    before = snapshot(rich)
    report = import_refi(out, tmp_path / "c.qcse", passphrase)
    assert report.positions.startswith("read as UTF-16")
    with Project.open(tmp_path / "c.qcse", passphrase, readonly=True) as copy:
        assert snapshot(copy)["codings"] == before["codings"]


@pytest.mark.parametrize("options", [{}, {"unique_code_names": True}, {"positions": "utf16"}])
def test_every_option_validates_and_re_exports_byte_identical(rich, tmp_path, options):
    for suffix, kind in ((".qdpx", "project"), (".qdc", "codebook")):
        a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        _export(rich, a, **options)
        _export(rich, b, **options)
        assert a.read_bytes() == b.read_bytes()
        assert_valid(qde_bytes(a) if kind == "project" else a.read_bytes(), kind)


def test_case_codes_option_writes_cases_as_qualcoder_reads_them_and_comes_back_as_links(rich, tmp_path, passphrase):
    out = tmp_path / "cc.qdpx"
    _export(rich, out, case_codes=True)
    assert_valid(qde_bytes(out), "project")
    root = _qde(out)
    case = root.find(".//q:Case[@name='DI Smith site']", NS)
    # QualCoder's clean_up_case_codes_and_case_text: a Code with the Case's GUID; its codings become the
    # case's text links, and the code is dropped.
    code = root.find(f".//q:Code[@guid='{case.get('guid')}']", NS)
    assert code is not None and code.get("name") == "DI Smith site (case)"
    police = root.find(".//q:TextSource[@name='Police lead 1']", NS)
    refs = police.findall(f".//q:CodeRef[@targetGUID='{case.get('guid')}']", NS)
    assert len(refs) == 1
    before = snapshot(rich)
    report = import_refi(out, tmp_path / "c.qcse", passphrase)
    assert report.not_carried == []
    with Project.open(tmp_path / "c.qcse", passphrase, readonly=True) as copy:
        after = snapshot(copy)
    assert after == before  # no extra code, no extra coding, the same case links


def test_nvivo_case_nodes_become_case_links_not_codes(tmp_path, passphrase):
    qde = """<Project xmlns="urn:QDA-XML:project:1.0" name="nv" origin="NVivo for Windows 12.6"><CodeBook><Codes>
      <Code guid="c0000000-0000-4000-8000-000000000001" name="Trust" isCodable="true"/>
      <Code guid="e0000000-0000-4000-8000-000000000001" name="Anna" isCodable="true"/></Codes></CodeBook>
      <Cases><Case guid="e0000000-0000-4000-8000-000000000001" name="Anna"/></Cases>
      <Sources><TextSource guid="50000000-0000-4000-8000-000000000001" name="D"><PlainTextContent>abcdef</PlainTextContent>
        <PlainTextSelection guid="51000000-0000-4000-8000-000000000001" startPosition="0" endPosition="3">
          <Coding guid="52000000-0000-4000-8000-000000000001">
            <CodeRef targetGUID="e0000000-0000-4000-8000-000000000001"/></Coding>
          <Coding guid="52000000-0000-4000-8000-000000000002">
            <CodeRef targetGUID="c0000000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>
      </TextSource></Sources></Project>"""
    (tmp_path / "nv.qde").write_text(qde, encoding="utf-8")
    report = import_refi(tmp_path / "nv.qde", tmp_path / "o.qcse", passphrase)
    with Project.open(tmp_path / "o.qcse", passphrase, readonly=True) as p:
        assert [c.path for c in p.codes.list()] == ["Trust"]
        [doc] = p.documents.list()
        assert p.cases.documents_of(p.cases.by_name("Anna").id) == [doc.id]
        assert [p.codes.get(c.code_id).name for c in p.codings.list()] == ["Trust"]
    assert report.not_carried == [] and any("stand for cases" in m for m in report.tolerated)


def test_speaker_turns_only_for_texts_that_read_like_transcripts(tmp_path, passphrase):
    thread = "\n".join(
        ["Covid: all lies", "Pfizer: buy now"] + [f"comment {i} about the vaccine" for i in range(300)]
        + ["Covid: again", "Pfizer: again"]
    )
    interview = "INT: How did it start?\nP1: At school.\nINT: And then?\nP1: It got worse.\n"
    sources = "".join(
        f'<TextSource guid="50000000-0000-4000-8000-00000000000{i}" name="{name}">'
        f"<PlainTextContent>{text}</PlainTextContent></TextSource>"
        for i, (name, text) in enumerate((("thread", thread), ("interview", interview)))
    )
    (tmp_path / "t.qde").write_text(
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="t"><Sources>{sources}</Sources></Project>', encoding="utf-8"
    )
    report = import_refi(tmp_path / "t.qde", tmp_path / "o.qcse", passphrase)
    assert any("1 document(s) have lines like 'Name:'" in m for m in report.tolerated)
    with Project.open(tmp_path / "o.qcse", passphrase, readonly=True) as p:
        turns = {d.name: [t.speaker for t in p.turns.list(d.id)] for d in p.documents.list()}
    assert turns == {"thread": [], "interview": ["INT", "P1", "INT", "P1"]}
