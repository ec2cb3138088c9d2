"""Full-text search: FTS5 finds the documents, Python finds the character offsets of what is shown.

Query language: words (all must occur in a document), "exact phrases", and prefix* terms; case-insensitive.
Offsets are computed only for the page being returned (DESIGN.md: snippets and offsets are what cost); every
hit (``all_hits``, for coding all results) reads the matched texts in one query and finds offsets with
``search_scan.Scanner`` (byte finds of each term's first word, the regex only where one may start).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import Manager
from .errors import InvalidValue
from .models import SearchHit, SearchResults
from .search_scan import Scanner, anchors

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORDS = re.compile(r"\w+", re.UNICODE)


def _accent_classes() -> dict[str, str]:
    """{base letter: every Latin letter that folds to it}: FTS5 (remove_diacritics 2) matches "cafe" and
    "café" alike, so the offsets regex must too, or a matched document would show no hits."""
    import unicodedata

    groups: dict[str, set[str]] = {}
    for cp in range(0xC0, 0x250):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if len(ch.lower()) == 1 and base != ch.lower() and base.isascii() and base.isalpha():
            groups.setdefault(base, {base}).add(ch.lower())
    return {b: "[" + "".join(sorted(v)) + "]" for b, v in groups.items()}


_ACCENTS = _accent_classes()


def _word_pattern(word: str) -> str:
    import unicodedata

    out = []
    for ch in word:
        base = unicodedata.normalize("NFD", ch)[0].lower()
        out.append(_ACCENTS[base] if base in _ACCENTS else re.escape(ch))
    return "".join(out)


@dataclass(frozen=True)
class ParsedQuery:
    fts: str
    regex: re.Pattern
    scanner: Scanner | None = None  # None: a first word the scanner has no rule for; use the regex

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every (start, end) of the regex in ``text``, in order, as ``regex.finditer`` gives them."""
        if self.scanner is not None:
            return self.scanner.spans(text)
        return [m.span() for m in self.regex.finditer(text)]


def parse_query(query: str) -> ParsedQuery:
    fts_terms: list[str] = []
    patterns: list[str] = []
    for m in _TOKEN.finditer(query or ""):
        phrase, word = m.group(1), m.group(2)
        if phrase is not None:
            words = _WORDS.findall(phrase)
            if not words:
                continue
            fts_terms.append('"' + " ".join(words) + '"')
            patterns.append(r"(?<!\w)" + r"\W+".join(_word_pattern(w) for w in words) + r"(?!\w)")
            continue
        prefix = word.endswith("*")
        words = _WORDS.findall(word)
        if not words:
            continue
        if len(words) > 1:  # e.g. don't, e-mail: a phrase of its parts
            fts_terms.append('"' + " ".join(words) + '"' + ("*" if prefix else ""))
            body = r"\W+".join(_word_pattern(w) for w in words)
        else:
            fts_terms.append('"' + words[0] + '"' + ("*" if prefix else ""))
            body = _word_pattern(words[0])
        patterns.append(r"(?<!\w)" + body + (r"\w*" if prefix else r"(?!\w)"))
    if not fts_terms:
        raise InvalidValue("Type at least one word to search for.")
    regex = re.compile("|".join(patterns), re.IGNORECASE)
    words = anchors(query, _ACCENTS)
    return ParsedQuery(" ".join(fts_terms), regex, Scanner(regex, words, _ACCENTS) if words else None)


def snippet(text: str, start: int, end: int, width: int = 70) -> tuple[str, int]:
    s = max(0, start - width)
    e = min(len(text), end + width)
    if s > 0:
        space = text.find(" ", s, start)
        s = space + 1 if space != -1 else s
    if e < len(text):
        space = text.rfind(" ", end, e)
        e = space if space != -1 else e
    return text[s:e].replace("\n", " "), s


class SearchManager(Manager):
    def document_ids(self, query: str) -> list[int]:
        parsed = parse_query(query)
        rows = self.q(
            "SELECT d.id FROM documents_fts f JOIN documents d ON d.id = f.rowid WHERE documents_fts MATCH ?"
            " ORDER BY d.name",
            (parsed.fts,),
        )
        return [r[0] for r in rows]

    def query(
        self, query: str, *, limit: int = 50, offset: int = 0, document_ids: list[int] | None = None
    ) -> SearchResults:
        """One page of hits in document-name order, then position."""
        parsed = parse_query(query)
        rows = self.q(
            "SELECT d.id, d.name FROM documents_fts f JOIN documents d ON d.id = f.rowid"
            " WHERE documents_fts MATCH ? ORDER BY d.name",
            (parsed.fts,),
        )
        if document_ids is not None:
            wanted = set(document_ids)
            rows = [r for r in rows if r[0] in wanted]
        hits: list[SearchHit] = []
        skipped = 0
        has_more = False
        for doc_id, name in rows:
            text = self.project.documents.text(doc_id)
            for start, end in parsed.spans(text):
                if skipped < offset:
                    skipped += 1
                    continue
                if len(hits) == limit:
                    has_more = True
                    break
                snip, snip_start = snippet(text, start, end)
                hits.append(SearchHit(doc_id, name, start, end, snip, snip_start))
            if has_more:
                break
        return SearchResults(query, hits, len(rows), offset, has_more)

    def all_hits(self, query: str, document_ids: list[int] | None = None) -> list[tuple[int, int, int]]:
        """Every (document_id, start, end) hit, for auto-coding."""
        parsed = parse_query(query)
        rows = self.q(
            "SELECT d.id, d.text FROM documents_fts f JOIN documents d ON d.id = f.rowid"
            " WHERE documents_fts MATCH ? ORDER BY d.name",
            (parsed.fts,),
        )
        wanted = None if document_ids is None else set(document_ids)
        out = []
        for doc_id, text in rows:
            if wanted is None or doc_id in wanted:
                out += [(doc_id, start, end) for start, end in parsed.spans(text)]
        return out
