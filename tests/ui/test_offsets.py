"""UTF-16 (Qt) <-> code-point offsets, with emoji before, inside and after a span."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from qualcoder_cse.ui.offsets import OffsetMap


def test_bmp_text_is_identity():
    m = OffsetMap("plain text, é and ß")
    assert [m.to_qt(i) for i in range(5)] == [0, 1, 2, 3, 4]
    assert m.to_cp(7) == 7


def test_emoji_before_inside_after():
    text = "😀 a 👍🏽 b 🎉"
    m = OffsetMap(text)
    # code points: 😀=0, ' '=1, a=2, ' '=3, 👍=4, 🏽=5, ' '=6, b=7, ' '=8, 🎉=9
    assert m.to_qt(0) == 0 and m.to_qt(1) == 2 and m.to_qt(2) == 3
    assert m.to_qt(4) == 5 and m.to_qt(5) == 7 and m.to_qt(6) == 9
    assert m.to_qt(10) == 14 == m.qt_length
    for cp in range(len(text) + 1):
        assert m.to_cp(m.to_qt(cp)) == cp
    assert m.to_cp(1) == 0  # the middle of a surrogate pair rounds down to the emoji
    assert m.span_to_cp(1, 3) == (0, 2)  # an end inside a pair covers the whole emoji


def test_agrees_with_qt_document(qapp):
    text = "yp1: they tell ur mum 😩\nyp2: ok 🤷‍♀️ fine\n💯"
    doc = QTextDocument()
    doc.setPlainText(text)
    m = OffsetMap(text)
    assert doc.characterCount() - 1 == m.qt_length
    for cp, ch in enumerate(text):
        q = m.to_qt(cp)
        if ch == "\n":
            assert doc.characterAt(q) == "\u2029"
        elif ord(ch) <= 0xFFFF:
            assert doc.characterAt(q) == ch
        else:  # an astral character starts with its high surrogate at the mapped position
            assert 0xD800 <= ord(doc.characterAt(q)) <= 0xDBFF


@given(st.text(alphabet=st.sampled_from(["a", " ", "é", "😀", "👍", "\n", "中"]), max_size=60))
def test_round_trip(text):
    m = OffsetMap(text)
    assert m.qt_length == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        q = m.to_qt(cp)
        assert q == len(text[:cp].encode("utf-16-le")) // 2
        assert m.to_cp(q) == cp
