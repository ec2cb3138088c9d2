"""REFI-QDA import: the real samples (ATLAS.ti, MAXQDA, NVivo, Taguette) and the tolerance rules of the
research notes, each checked on a variant of the minimal project built here."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from qualcoder_cse.core import Project
from qualcoder_cse.interchange.refi_common import RefiError
from qualcoder_cse.interchange.refi_import import import_refi
from qualcoder_cse.interchange.refi_read import read_refi

from .refi_helpers import MINIMAL, shared

MINIMAL_QDPX = MINIMAL / "minimal-project.qdpx"
TEXT_NAME = "sources/01106019-2518-43DD-BBD1-8F0252BACB30.txt"


def _code_elements(data: bytes) -> int:
    return len(etree.fromstring(data).xpath("//*[local-name()='Code']"))


def _imported(tmp_path: Path, src: Path, passphrase: str, name: str = "out.qcse"):
    report = import_refi(src, tmp_path / name, passphrase, coder="tester")
    return report, Project.open(tmp_path / name, passphrase, readonly=True)


def _coded_texts(project) -> list[tuple[str, str]]:
    out = []
    for c in project.codings.list():
        out.append((project.codes.get(c.code_id).name, project.codings.text(c)))
    return sorted(out)


def _parsed_codings(data) -> list[tuple[str, str]]:
    """(code name, coded text) of every coding as the reader understood it (no project needed)."""
    names: dict[str, str] = {}

    def walk(codes) -> None:
        for c in codes:
            names[c.guid] = c.name
            walk(c.children)

    walk(data.codes)
    return sorted(
        (names[c.code], src.text[sel.start : sel.end])
        for src in data.sources
        for sel in src.selections
        for c in sel.codings
    )


# ---------------------------------------------------------------------------------------------- samples
def test_taguette_codebook_with_invalid_empty_sets(tmp_path, passphrase):
    src = shared("samples/taguette141_uto_tag/codebook.qdc")
    report, project = _imported(tmp_path, src, passphrase)
    with project:
        names = sorted(c.name for c in project.codes.list())
    expected = sorted(
        e.get("name") for e in etree.fromstring(src.read_bytes()).xpath("//*[local-name()='Code']")
    )
    assert names == expected
    assert any("Sets" in m and "schema" in m for m in report.tolerated)
    assert report.origin == "Taguette 1.4.1"


def test_atlas_project_codes_and_users(tmp_path, passphrase):
    src = shared("samples/atlasti23_ponte/target-atlas-project.qdpx")
    report, project = _imported(tmp_path, src, passphrase)
    with project:
        paths = [c.path for c in project.codes.list()]
        coders = {c.name for c in project.coders.list()}
    assert len(paths) == _code_elements(zipfile.ZipFile(src).read("project.qde"))
    assert "Commits/2022-05-10T02:05:59Z 19e4dce" in paths
    assert {"Enric Llagostera", "ATLAS.ti"} <= coders
    assert report.not_carried == []


def test_maxqda_bare_qde_reports_missing_texts_and_sets(tmp_path, passphrase):
    src = shared("samples/maxqda24_paper_themes/project.qde")
    report, project = _imported(tmp_path, src, passphrase)
    with project:
        codes = project.codes.list()
        assert project.documents.count() == 0
    root = etree.fromstring(src.read_bytes())
    assert len(codes) == _code_elements(src.read_bytes())
    described = [c for c in codes if c.description]
    assert len(described) == len(root.xpath("//*[local-name()='Code']/*[local-name()='Description']"))
    sources = root.xpath("//*[local-name()='TextSource']")
    missing = [m for m in report.not_carried if "its file was not found" in m]
    assert len(missing) == len(sources)
    assert any("2 set(s)" in m for m in report.not_carried)
    assert codes[0].colour == root.xpath("//*[local-name()='Code']")[0].get("color").lower()


def test_nvivo_export_with_lost_text_is_reported(tmp_path, passphrase):
    src = shared("samples/nvivo15mac_qualitative-coding/nvivo_project.qdpx")
    report, project = _imported(tmp_path, src, passphrase)
    with project:
        n_codes = len(project.codes.list())
        docs = project.documents.list()
    assert n_codes == _code_elements(zipfile.ZipFile(src).read("project.qde"))
    assert len(docs) == 2 and all(d.char_count <= 1 for d in docs)
    assert sum("has no text" in m for m in report.tolerated) == 2
    assert sum("rich-text" in m for m in report.not_carried) == 2


def test_report_lines_name_every_section(tmp_path, passphrase):
    report, project = _imported(tmp_path, MINIMAL_QDPX, passphrase)
    project.close()
    text = "\n".join(report.lines())
    assert "codings: 2" in text and "not carried over:" in text and "set(s)" in text


# ---------------------------------------------------------------------------------------------- variants
def _variant(
    tmp_path: Path, *, qde=None, text=None, qde_name="project.qde", folder="sources", name="variant.qdpx"
) -> Path:
    """The minimal project rewritten: ``qde(str) -> str``, ``text(bytes) -> bytes``, other names."""
    with zipfile.ZipFile(MINIMAL_QDPX) as zf:
        xml = zf.read("project.qde").decode("utf-8")
        raw = zf.read(TEXT_NAME)
    xml = qde(xml) if qde else xml
    raw = text(raw) if text else raw
    out = tmp_path / name
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(qde_name, xml.encode("utf-8") if isinstance(xml, str) else xml)
        zf.writestr(TEXT_NAME.replace("sources", folder), raw)
    return out


EXPECTED = [("Trust", "Café visits 😊"), ("Trust", "I trust my doctor")]


@pytest.mark.parametrize(
    "kind",
    [
        "capital Sources and another qde name",
        "namespace 1:0",
        "no namespace",
        "BOMs",
        "lower-case GUIDs",
        "braced GUIDs",
        "path without internal://",
        "missing optional attributes",
        "empty containers",
    ],
)
def test_tolerated_variants_read_the_same_codings(kind, tmp_path):
    args: dict = {}
    if kind == "capital Sources and another qde name":
        args = {"folder": "Sources", "qde_name": "Interview study.qde"}
    elif kind == "namespace 1:0":
        args = {"qde": lambda x: x.replace("urn:QDA-XML:project:1.0", "urn:QDA-XML:project:1:0")}
    elif kind == "no namespace":
        args = {"qde": lambda x: x.replace(' xmlns="urn:QDA-XML:project:1.0"', "")}
    elif kind == "BOMs":
        args = {"qde": lambda x: b"\xef\xbb\xbf" + x.encode("utf-8"), "text": lambda b: b"\xef\xbb\xbf" + b}
    elif kind == "lower-case GUIDs":
        args = {
            "qde": lambda x: re.sub(r'"([0-9A-F-]{36})', lambda m: '"' + m.group(1).lower(), x),
            "folder": "sources",
        }
    elif kind == "braced GUIDs":
        args = {"qde": lambda x: re.sub(r'(GUID|guid|User)="([0-9A-F-]{36})"', r'\1="{\2}"', x)}
    elif kind == "path without internal://":
        args = {"qde": lambda x: x.replace("internal://", "")}
    elif kind == "missing optional attributes":
        args = {
            "qde": lambda x: re.sub(
                r' (creatingUser|creationDateTime|color|creatingUserGUID|id)="[^"]*"',
                "",
                re.sub(r' name="(I trust my doctor|Café visits 😊|Interview P01)"', "", x),
            )
        }
    elif kind == "empty containers":
        args = {
            "qde": lambda x: (
                x.replace("<Notes>", "<Links/><Notes>")
                .replace("<Sets>", "<Sets/><Graphs/><X>")
                .replace("</Sets>", "</X>")
                .replace("<Variables>", "<Variables/><V>")
                .replace("</Variables>", "</V>")
            )
        }
    data = read_refi(_variant(tmp_path, **args))
    assert _parsed_codings(data) == EXPECTED
    assert len(data.sources) == 1
    assert not [m for m in data.lost if "coding" in m]


@pytest.mark.parametrize(
    "origin, named, counted_as",
    [
        ("MyApp 0.1", True, 2),
        ("ATLAS.ti for Windows 23", True, 1),
        ("MyApp 0.1", False, 2),
        ("ATLAS.ti for Windows 23", False, 1),
        ("ATLAS.ti for Windows 23", True, 2),
    ],
)
def test_crlf_sources_are_read_with_lf_and_codings_follow(origin, named, counted_as, tmp_path):
    def qde(x: str) -> str:
        x = x.replace('origin="MyApp 0.1"', f'origin="{origin}"')
        if counted_as == 2:  # the second selection starts after one CRLF
            x = x.replace('startPosition="19" endPosition="32"', 'startPosition="20" endPosition="33"')
        if not named:
            x = re.sub(r' name="(I trust my doctor|Café visits 😊)"', "", x)
        return x

    data = read_refi(_variant(tmp_path, qde=qde, text=lambda b: b.replace(b"\n", b"\r\n")))
    assert "\r" not in data.sources[0].text
    assert _parsed_codings(data) == EXPECTED
    assert any("CRLF" in m for m in data.messages)


def test_selection_outside_the_text_is_reported_not_dropped(tmp_path, passphrase):
    src = _variant(tmp_path, qde=lambda x: x.replace('endPosition="32"', 'endPosition="320"'))
    report, project = _imported(tmp_path, src, passphrase)
    with project:
        assert _coded_texts(project) == EXPECTED[1:]
    assert any("outside the text" in m for m in report.not_carried)


def test_unknown_code_and_missing_text_are_reported(tmp_path, passphrase):
    src = _variant(
        tmp_path,
        qde=lambda x: x.replace(
            '<CodeRef targetGUID="12365523-1035-4AFA-9E7B-281FE0BC51C5"/>\n        </Coding>\n'
            '      </PlainTextSelection>\n      <PlainTextSelection guid="789A',
            '<CodeRef targetGUID="00000000-1035-4AFA-9E7B-281FE0BC51C5"/>\n        </Coding>\n'
            '      </PlainTextSelection>\n      <PlainTextSelection guid="789A',
        ),
    )
    report, project = _imported(tmp_path, src, passphrase)
    project.close()
    assert report.counts["codings"] == 1
    assert any("no known code" in m for m in report.not_carried)
    src = _variant(tmp_path, qde=lambda x: x.replace("01106019-2518", "99999999-2518"), name="v2.qdpx")
    report, project = _imported(tmp_path, src, passphrase, name="v2.qcse")
    project.close()
    assert report.counts["documents"] == 0
    assert any("not in the archive" in m for m in report.not_carried)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"not a zip at all", "not a .qdpx archive"),
        ("zip-without-qde", "no project (.qde)"),
        ("broken-xml", "not well-formed XML"),
        ("wrong-root", "not a REFI-QDA project"),
    ],
)
def test_unreadable_files_fail_cleanly_and_leave_no_project(content, message, tmp_path, passphrase):
    src = tmp_path / "bad.qdpx"
    if isinstance(content, bytes):
        src.write_bytes(content)
    else:
        with zipfile.ZipFile(src, "w") as zf:
            if content == "zip-without-qde":
                zf.writestr("sources/a.txt", "x")
            elif content == "broken-xml":
                zf.writestr("project.qde", "<Project name='x'><Users>")
            else:
                zf.writestr("project.qde", "<Workbook/>")
    with pytest.raises(RefiError, match=re.escape(message)):
        import_refi(src, tmp_path / "bad.qcse", passphrase)
    assert not (tmp_path / "bad.qcse").exists()


def test_existing_project_file_is_refused(tmp_path, passphrase, project_path):
    from qualcoder_cse.core.errors import ProjectExists

    before = project_path.read_bytes()
    with pytest.raises(ProjectExists):
        import_refi(MINIMAL_QDPX, project_path, passphrase)
    assert project_path.read_bytes() == before


def test_anonymise_auto_remaps_codings_and_keeps_wholly_replaced_ones(tmp_path, passphrase):
    tail = "Dr John Smith lives in Leeds.\n"
    base = "I trust my doctor.\nCafé visits 😊 help.\n"
    name_at = len(base) + 3
    lives_at = len(base) + tail.index("lives")
    extra = "".join(
        f'<PlainTextSelection guid="{g}" startPosition="{s}" endPosition="{e}"><Coding guid="{c}">'
        '<CodeRef targetGUID="12365523-1035-4AFA-9E7B-281FE0BC51C5"/></Coding></PlainTextSelection>'
        for g, c, s, e in (
            (
                "11111111-0000-4000-8000-000000000001",
                "11111111-0000-4000-8000-000000000002",
                name_at,
                name_at + 10,
            ),
            (
                "11111111-0000-4000-8000-000000000003",
                "11111111-0000-4000-8000-000000000004",
                lives_at,
                len(base) + len(tail) - 2,
            ),
        )
    )
    src = _variant(
        tmp_path,
        qde=lambda x: x.replace("</TextSource>", extra + "</TextSource>"),
        text=lambda b: (base + tail).encode("utf-8"),
    )
    report = import_refi(src, tmp_path / "anon.qcse", passphrase, anonymise="auto")
    with Project.open(tmp_path / "anon.qcse", passphrase, readonly=True) as project:
        doc = project.documents.list()[0]
        text = project.documents.text(doc.id)
        coded = _coded_texts(project)
        assert doc.anonymised
    assert "John" not in text and "Smith" not in text and "Leeds" not in text
    assert ("Trust", "I trust my doctor") in coded and ("Trust", "Café visits 😊") in coded
    placeholder = [t for _, t in coded if t.startswith("[") and t.endswith("]")]
    assert len(placeholder) == 1 and text.count(placeholder[0]) >= 1
    lives = [t for _, t in coded if t.startswith("lives in ")]
    assert lives and "Leeds" not in lives[0] and lives[0].endswith("]")
    assert any("1 coding(s) covered only text the anonymiser replaced" in m for m in report.tolerated)
    assert report.counts["redactions"] == text.count("[")


def test_codings_without_a_user_are_credited_to_the_importing_coder(tmp_path, passphrase):
    src = _variant(
        tmp_path,
        qde=lambda x: re.sub(
            r' (creatingUser|creatingUserGUID|creationDateTime)="[^"]*"', "", x.replace("\r\n", "\n")
        ),
    )
    report, project = _imported(tmp_path, src, passphrase)
    with project:
        coders = {project.coders.get(c.coder_id).name for c in project.codings.list()}
        assert _coded_texts(project) == EXPECTED
    assert coders == {"tester"}
    assert any("credited to 'tester'" in m for m in report.tolerated)


def test_import_codebook_into_an_open_project(project, tmp_path):
    from qualcoder_cse.interchange.refi_import import import_codebook

    before = len(project.codes.list())
    report = import_codebook(project, MINIMAL / "minimal-codebook.qdc")
    assert report.counts == {"codes added": 2, "codes already here": 0}
    cost = project.codes.by_path("Barriers/Cost")
    assert cost.colour == "#33cc33"
    assert project.codes.by_path("Barriers").description == "Things that get in the way"
    assert len(project.codes.list()) == before + 2
    project.codes.recolour(cost.id, "#000000")
    again = import_codebook(project, MINIMAL / "minimal-codebook.qdc")
    assert again.counts == {"codes added": 0, "codes already here": 2}
    assert any("#33cc33 of 'Barriers/Cost'" in m for m in again.not_carried)
    assert project.codes.by_path("Barriers/Cost").colour == "#000000"
    whole = import_codebook(project, MINIMAL_QDPX)
    assert whole.counts["codes added"] == 2 and any("use import-refi" in m for m in whole.not_carried)


HAND_MADE = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1:0" name="Hand made" origin="Some Tool 2">
  <Users><User guid="{A0000000-0000-4000-8000-000000000001}" name="Rae"/></Users>
  <CodeBook><Codes>
    <Code guid="c0000000-0000-4000-8000-000000000001" name="Trust" isCodable="true" color="#abc"/>
    <Code guid="c0000000-0000-4000-8000-000000000002" name="Fear" isCodable="true" color="rgb(1,2,3)"/>
  </Codes></CodeBook>
  <Cases><Case guid="e0000000-0000-4000-8000-000000000001" name="Site A">
    <CodeRef targetGUID="c0000000-0000-4000-8000-000000000001"/>
    <SourceRef targetGUID="50000000-0000-4000-8000-000000000001"/></Case></Cases>
  <Sources>
    <TextSource guid="50000000-0000-4000-8000-000000000001" name="Inline">
      <PlainTextContent>We trust them. We fear them.</PlainTextContent>
      <PlainTextSelection guid="51000000-0000-4000-8000-000000000001" startPosition="3" endPosition="8">
        <Description>an annotation</Description>
      </PlainTextSelection>
      <PlainTextSelection guid="51000000-0000-4000-8000-000000000002" startPosition="3" endPosition="8"
          creatingUser="A0000000-0000-4000-8000-000000000001">
        <Coding guid="52000000-0000-4000-8000-000000000001">
          <CodeRef targetGUID="C0000000-0000-4000-8000-000000000001"/></Coding>
        <NoteRef targetGUID="d0000000-0000-4000-8000-000000000009"/>
        <NoteRef targetGUID="not-a-guid"/>
      </PlainTextSelection>
      <PlainTextSelection guid="51000000-0000-4000-8000-000000000003" startPosition="x" endPosition="8"/>
      <Coding guid="52000000-0000-4000-8000-000000000002">
        <CodeRef targetGUID="c0000000-0000-4000-8000-000000000002"/></Coding>
    </TextSource>
    <PictureSource guid="53000000-0000-4000-8000-000000000001" path="relative:///a.png"/>
  </Sources>
  <Notes>
    <Note guid="d0000000-0000-4000-8000-000000000001" name="About the site">
      <PlainTextContent>case note</PlainTextContent></Note>
    <Note guid="d0000000-0000-4000-8000-000000000002" name="Loose">
      <PlainTextContent>loose</PlainTextContent></Note>
  </Notes>
  <Links>
    <Link guid="f0000000-0000-4000-8000-000000000001" name="memo" direction="OneWay"
          originGUID="d0000000-0000-4000-8000-000000000001"
          targetGUID="e0000000-0000-4000-8000-000000000001"/>
    <Link guid="f0000000-0000-4000-8000-000000000002" name="causes" direction="OneWay"
          originGUID="c0000000-0000-4000-8000-000000000001"
          targetGUID="c0000000-0000-4000-8000-000000000002"/>
  </Links>
  <Sets><Set guid="a1000000-0000-4000-8000-000000000001" name="S"/></Sets>
</Project>
"""


def test_hand_made_project_exercises_every_conversion(tmp_path, passphrase):
    src = tmp_path / "hand.qde"
    src.write_text(HAND_MADE, encoding="utf-8")
    report, project = _imported(tmp_path, src, passphrase)
    with project:
        doc = project.documents.by_name("Inline")
        assert project.documents.text(doc.id) == "We trust them. We fear them."
        codings = {
            (project.codes.get(c.code_id).name, c.start, c.end, project.coders.get(c.coder_id).name)
            for c in project.codings.list()
        }
        assert codings == {("Trust", 3, 8, "Rae"), ("Fear", 0, 28, "tester")}
        assert project.codes.by_path("Trust").colour == "#aabbcc"
        memos = {(m.target_type, m.title, m.text) for m in project.memos.list()}
        assert ("document", "Annotation at 3-8", "an annotation") in memos
        assert ("case", "About the site", "case note") in memos
        assert ("project", "Loose", "loose") in memos
        [link] = project.links.list()
        assert link.relation == "associated" and "causes" in link.memo
        case = project.cases.by_name("Site A")
        assert project.cases.documents_of(case.id) == [doc.id]
    text = "\n".join(report.lines())
    for expected in (
        "namespace 'urn:QDA-XML:project:1:0'",
        "without valid positions",
        "PictureSource",
        "1 code link(s) of case 'Site A'",
        "whole source 'Inline'",
        "colour(s) not in #rrggbb",
        "1 set(s)",
        "became project memos",
        "1 note reference(s) pointing to no note",
        "1 reference(s) that are not GUIDs could not be followed",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("scheme", ["absolute://", "relative://../../../.."])
def test_a_qdpx_never_pulls_in_files_from_the_users_disk(scheme, tmp_path, passphrase):
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("LOCAL SECRET that the archive must not read", encoding="utf-8")
    target = f"{scheme}{secret.as_posix()}"
    src = _variant(tmp_path, qde=lambda x: x.replace(
        "internal://01106019-2518-43DD-BBD1-8F0252BACB30.txt", target))
    report, project = _imported(tmp_path, src, passphrase)
    try:
        assert any("outside the archive" in m or "never read" in m for m in report.not_carried)
        assert all("LOCAL SECRET" not in project.documents.text(d.id) for d in project.documents.list())
    finally:
        project.close()


def test_absurdly_nested_codebook_is_refused_not_a_recursion_error(tmp_path, passphrase):
    n = 1500
    xml = ('<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="x"><Codes>'
           + "".join(f'<Code guid="{i:08d}-1111-4111-8111-111111111111" name="c{i}" isCodable="true">'
                     for i in range(n))
           + "</Code>" * n + "</Codes></CodeBook>")
    src = tmp_path / "deep.qdc"
    src.write_text(xml, encoding="utf-8")
    with pytest.raises(RefiError, match="nests its elements more than"):
        import_refi(src, tmp_path / "deep.qcse", passphrase)
    assert not (tmp_path / "deep.qcse").exists()
