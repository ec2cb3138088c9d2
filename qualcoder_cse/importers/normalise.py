"""Text normalisation applied to every imported document before speaker turns and anonymisation.

Everything downstream (speaker turns, anonymiser spans, codings) holds offsets into the *normalised* text,
so normalisation runs exactly once, first, and is idempotent: ``normalise(normalise(t)) == normalise(t)``.
What it does, in order:

1. surrogate pairs (e.g. from RTF ``\\u`` escapes) are joined into the real character; lone surrogates
   (which SQLite cannot store as UTF-8) become U+FFFD;
2. every line break (CR LF, CR, NEL, U+2028/2029, vertical tab) becomes ``\\n``; a form feed becomes a line
   break when it sits inside a line and disappears otherwise;
3. zero-width and bidirectional control characters, the soft hyphen and other control characters are
   removed, except the zero-width joiner inside emoji sequences (so a family or rainbow flag emoji stays
   whole); tabs stay; unusual spaces (no-break, thin, ideographic...) become a plain space;
4. Unicode NFC;
5. trailing spaces and tabs at the end of every line, and blank lines at the start and end, are removed.

Emoji are kept as they are: young people's chats use them and coders code them.
"""

from __future__ import annotations

import re
import unicodedata

_SURROGATE = re.compile("[\ud800-\udfff]")
_NEWLINES = re.compile("\r\n|[\r\x0b\x85\u2028\u2029]")
_FORMFEED_INLINE = re.compile("(?<=[^\n\f])\f+(?=[^\n\f])")
# Invisible characters: zero-width space/non-joiner, LRM/RLM, bidi embeddings and isolates, word joiner and
# invisible operators, BOM, soft hyphen, Mongolian vowel separator, the C0 controls but tab and newline,
# DEL and the C1 controls.
_INVISIBLE = re.compile(
    "[\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e"
    "\x00-\x08\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]"
)
_EMOJI_CHAR = "\u00a9\u00ae\u203c-\u3299\ufe0f\U0001f000-\U0001faff"
# A zero-width joiner survives only between two emoji (ZWJ sequences such as family or profession emoji).
_STRAY_ZWJ = re.compile(f"(?<![{_EMOJI_CHAR}])\u200d|\u200d(?![{_EMOJI_CHAR}])")
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_TRAILING = re.compile("[ \t]+$", re.MULTILINE)


def fix_surrogates(text: str) -> str:
    """Join UTF-16 surrogate pairs into characters; replace lone surrogates with U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def normalise(text: str) -> str:
    """The stored form of an imported text (see the module docstring); idempotent."""
    text = fix_surrogates(text)
    text = _NEWLINES.sub("\n", text)
    text = _FORMFEED_INLINE.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _STRAY_ZWJ.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING.sub("", text)
    return text.strip("\n")
