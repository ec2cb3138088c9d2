"""A DTD anywhere in any XML part of a .docx or .odt is refused with a clear message, however long the prolog
before it (a DOCTYPE after the first 8 KB used to slip through and its entities silently lost text) and in
whatever encoding the part is written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from qualcoder_cse.importers.errors import DamagedFile
from qualcoder_cse.importers.readers import read_bytes
from tests.importers import builders as b

PAD = "<!--" + "padding " * 2000 + "-->"  # 16 KB of prolog before the declaration
DTD = '<!DOCTYPE w:document [<!ENTITY who "Jodie Smith">]>'


def _rewrite(src: Path, dest: Path, part: str, change) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, change(data) if info.filename == part else data)
    return dest


def _with_dtd(data: bytes, *, entity_in_text: bool = True, encoding: str = "utf-8") -> bytes:
    text = data.decode("utf-8")
    decl_end = text.index("?>") + 2 if text.startswith("<?xml") else 0
    body = text[decl_end:]
    if entity_in_text:
        body = body.replace("<w:t>", "<w:t>&who; ", 1).replace("<w:t xml:space=\"preserve\">",
                                                             "<w:t xml:space=\"preserve\">&who; ", 1)
    decl = f'<?xml version="1.0" encoding="{encoding}" standalone="yes"?>'
    return (decl + PAD + DTD + body).encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_docx_with_a_late_doctype_in_the_body_is_refused(tmp_path, encoding):
    src = b.build_docx(tmp_path / "ok.docx")
    bad = _rewrite(src, tmp_path / "bad.docx", "word/document.xml", lambda d: _with_dtd(d, encoding=encoding))
    with pytest.raises(DamagedFile, match="document type declaration"):
        read_bytes(bad.read_bytes(), "docx")


def test_docx_with_a_doctype_in_any_other_part_is_refused(tmp_path):
    src = b.build_docx(tmp_path / "ok.docx")
    bad = _rewrite(src, tmp_path / "bad.docx", "docProps/core.xml",
                   lambda d: _with_dtd(d, entity_in_text=False).replace(b"w:document", b"cp:coreProperties"))
    with pytest.raises(DamagedFile, match="document type declaration"):
        read_bytes(bad.read_bytes(), "docx")


def test_odt_with_a_late_doctype_is_refused(tmp_path):
    src = b.build_odt(tmp_path / "ok.odt")
    bad = _rewrite(src, tmp_path / "bad.odt", "content.xml",
                   lambda d: _with_dtd(d, entity_in_text=False).replace(b"w:document", b"office:document-content"))
    with pytest.raises(DamagedFile, match="document type declaration"):
        read_bytes(bad.read_bytes(), "odt")


def test_a_clean_docx_and_odt_still_read(tmp_path):
    assert read_bytes(b.build_docx(tmp_path / "ok.docx").read_bytes(), "docx").text.strip()
    assert read_bytes(b.build_odt(tmp_path / "ok.odt").read_bytes(), "odt").text.strip()
