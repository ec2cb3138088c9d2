"""Property tests: random bytes fed to every reader give text or the importers' own error, nothing else.

Pure random bytes are refused early by most readers, so each format also gets random bytes behind its real
signature (``{\\rtf1``, ``%PDF-``, ``WEBVTT``) and, for the zip formats, random parts inside a real zip.
The whole pipeline (read, normalise, speaker turns) is held to the same rule, and its turns must lie inside
the text it returns.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qualcoder_cse.importers.errors import ImporterError
from qualcoder_cse.importers.formats import FORMATS
from qualcoder_cse.importers.normalise import normalise
from qualcoder_cse.importers.prepare import prepare_bytes
from qualcoder_cse.importers.readers import read_bytes

PREFIXES = {
    "txt": [b""],
    "docx": [b"", b"PK\x03\x04"],
    "odt": [b"", b"PK\x03\x04"],
    "rtf": [b"", b"{\\rtf1\\ansi ", b"{\\rtf1{\\*\\comment "],
    "pdf": [b"", b"%PDF-1.4\n", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"],
    "vtt": [b"", b"WEBVTT\n\n", b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v "],
    "srt": [b"", b"1\n00:00:01,000 --> 00:00:02,000\n"],
}

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(data: bytes, fmt: str) -> None:
    try:
        result = read_bytes(data, fmt)
    except ImporterError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(result.text, str)
        normalise(result.text).encode("utf-8")  # storable: no lone surrogates survive
    try:
        prepared = prepare_bytes(data, fmt, "fuzz")
    except ImporterError:
        return
    prepared.text.encode("utf-8")
    for t in prepared.turns:
        assert 0 <= t.start <= t.end <= len(prepared.text) and t.speaker


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(data=st.data())
def test_random_bytes_give_text_or_importer_error(fmt, data):
    prefix = data.draw(st.sampled_from(PREFIXES[fmt]))
    body = data.draw(st.binary(max_size=2048))
    _check(prefix + body, fmt)


_PARTS = {
    "docx": ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels"],
    "odt": ["mimetype", "content.xml", "styles.xml", "META-INF/manifest.xml"],
}
_XMLISH = st.one_of(
    st.binary(max_size=512),
    st.text(alphabet="<>/=\"' abcdwptr:&;?!x0123456789\n", max_size=400).map(str.encode),
)


@pytest.mark.parametrize("fmt", ["docx", "odt"])
@FUZZ
@given(data=st.data())
def test_zip_packages_with_random_parts(fmt, data):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in _PARTS[fmt]:
            if data.draw(st.booleans()):
                zf.writestr(name, data.draw(_XMLISH))
    _check(buf.getvalue(), fmt)


@FUZZ
@given(st.text(max_size=300))
def test_normalise_is_idempotent_and_storable(text):
    once = normalise(text)
    assert normalise(once) == once
    once.encode("utf-8")
    assert "\r" not in once and "\f" not in once and "\u200b" not in once
    assert all(not line.endswith((" ", "\t")) for line in once.split("\n"))
