"""Names quoted after a phrase that says a name follows (issue 15, session 6: PERSON recall on unseen text).

A contact saved in a phone, a booking, a display name or a name someone goes by is quoted after words that
announce it: 'saved as "K 💯"', 'under the name "Uncle B"', 'booked in the name of "P. Lowther"', 'display
name "ghostie"', 'the name on it is "R. Ibbotson"', 'a name like "Shakes"', 'refers to him as "Dee" and
"Big D"'. What is quoted is a person's name whatever it looks like (one letter, a lowercase nickname, an
initial and a surname); the name is the capitalised words that open the quote ("Fez taxi" -> "Fez", "T 🏠" ->
"T", "the Doc" -> "Doc"), or a lowercase nickname alone. Common words saved as a contact ("Mum", "Work",
"Taxi") are not names; after "a name like" or "under the name" any word is. The other mentions of the name follow through the person-level pass.
"""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .spans import Span, fold

_CUE = re.compile(
    r"(?:\bsaved (?:[\w'’]+ ){0,4}?(?:as|under(?! the name))|\bunder the name(?: of)?|\bin the name(?: of)?|\bdisplay name(?: is| was)?"
    r"|\bname on (?:it|the \w+) (?:is|was)|\bnames? like|\brefer(?:s|red)? to (?:him|her|them|\w+) as"
    r"|\bgoes by|\bwent by|\bcalls? (?:himself|herself)|\b(?:call|calls|called) (?:him|her|them|me))[ \t]*[:,]?[ \t]*",
    re.IGNORECASE)
_QUOTE = re.compile(r"[\"“]([^\"”\n]{1,30})[\"”]|['‘]([^'’\n]{1,30})['’](?![A-Za-z])")
# (session 11) a contact name saved without quotes: "the number saved as T is ...", "saved as Big Dee in her phone"
_BARE = re.compile(r"(?:[A-Z][\w'’.-]*)(?: (?:[A-Z][\w'’.-]*)){0,2}(?![\w'’])")
_EMOJI_EDGE = re.compile(r"^[^\w\s]+\s*|\s*[^\w\s.]+$")
_MORE = re.compile(r"[ \t]*(?:,|and|or)[ \t]*(?=[\"“])")
_CAP_WORD = re.compile(r"(?:[A-Z][\w'’.-]*|[A-Z])")
_LOWER_NICK = re.compile(r"[a-z][a-z0-9]{1,20}")
_PET_CUE = re.compile(r"(?i:\bcall(?:s|ed)? (?:him|her|them|me)\b)")  # 'calls her "wifey"' is no name
_SIZE = frozenset(["lil", "big", "little", "wee", "young", "baby", "mad", "yung"])
_SKIP_FIRST = frozenset(["the", "a", "an", "my", "his", "her", "mr", "mrs", "ms", "miss", "dr"])
_CODE = re.compile(r"[A-Z]{1,3}\d{1,3}")


def _name_in(quoted: str, gaz: Gazetteers, saved: bool) -> tuple[int, int] | None:
    """Where the name is inside the quoted text: the capitalised words opening it, or one lowercase nickname;
    emoji around it stay outside ("❤️ J ❤️", "D 🍀")."""
    lead = 0
    while (edge := _EMOJI_EDGE.search(quoted)) and edge.group():
        if edge.start() == 0:
            lead += edge.end()
            quoted = quoted[edge.end():]
        else:
            quoted = quoted[:edge.start()]
    where = _name_at(quoted, gaz, saved)
    return None if where is None else (where[0] + lead, where[1] + lead)


def _name_at(quoted: str, gaz: Gazetteers, saved: bool) -> tuple[int, int] | None:
    words = list(re.finditer(r"\S+", quoted))
    if not words:
        return None
    first = 0
    if len(words) > 1 and words[0].group().lower() in _SKIP_FIRST:
        first = 1  # "the Doc"
    if len(words) > 1 and words[0].group() in _SIZE and _CAP_WORD.fullmatch(words[1].group()):
        return words[0].start(), words[1].end()  # (session 13) "lil Polish", "big Dee"
    taken = []
    for w in words[first:]:
        if _CAP_WORD.fullmatch(w.group()) and len(taken) < 3:
            taken.append(w)
        else:
            break
    if taken and not (len(taken) == 1 and _CODE.fullmatch(taken[0].group())):  # not "D2": a role code
        key = fold(taken[-1].group().rstrip("."))
        if saved and len(taken) == 1 and len(key) > 1 and gaz.words.get(key, 99) <= 20 and gaz.given.get(key, (0, 0))[0] < 500:
            return None  # "Mum", "Work", "Taxi": a contact saved by what it is
        return taken[0].start(), taken[-1].end()
    if first == 0 and len(words) == 1 and _LOWER_NICK.fullmatch(words[0].group()):
        key = words[0].group()
        if saved and gaz.words.get(key, 99) <= 20 and gaz.given.get(key, (0, 0))[0] < 500:
            return None
        return words[0].start(), words[0].end()
    return None


# (session 13) quoted names listed after the people they are: 'two lads, "Ant" and "Kieran", have been staying',
# 'nicknames. "Scrappy", "Lucky", "T-Money"' (capitalised only: 'the boys "chilling"' is no name)
_PEOPLE_CUE = re.compile(r"\b(?:lads|men|boys|males|guys|blokes|brothers|cousins|nicknames|names)[ \t]*[:,.]?[ \t]*"
                         r"(?=[\"“][A-Z][^\"”\n]{0,29}[\"”][ \t]*(?:,|and|or)[ \t]*[\"“][A-Z])")


def quoted_names(text: str, gaz: Gazetteers) -> list[Span]:
    out: list[Span] = []
    cues = list(_CUE.finditer(text))
    if '"' in text or "“" in text:
        cues = sorted(cues + list(_PEOPLE_CUE.finditer(text)), key=lambda m: m.start())
    for cue in cues:
        at = cue.end()
        saved = cue.group().lower().startswith("saved")
        if saved and not _QUOTE.match(text, at) and (bare := _BARE.match(text, at)):
            where = _name_in(bare.group(), gaz, saved)
            if where:
                s, e = at + where[0], at + where[1]
                out.append(Span(s, e, "PERSON", text[s:e], 0.6, "context"))
            continue
        while True:
            q = _QUOTE.match(text, at)
            if not q:
                break
            g = 1 if q.group(1) is not None else 2
            if (cue.re is _PEOPLE_CUE or _PET_CUE.search(cue.group())) and (
                    not any(c.isupper() for c in q.group(g)) or q.group(g).split()[0].lower() in _SKIP_FIRST):
                break  # 'calls her "babe"', 'calls her "the DSL"': what she is called, no name
            where = _name_in(q.group(g), gaz, saved)
            if where:
                s, e = q.start(g) + where[0], q.start(g) + where[1]
                out.append(Span(s, e, "PERSON", text[s:e], 0.75, "context"))
            more = _MORE.match(text, q.end())
            if not more:
                break
            at = more.end()
    return out


_QUOTED_THE = re.compile(r"[\"“][Tt]he ((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,2})[\"”]")
_THE_CUE = re.compile(r"\b(?:called|call|calls|as|about|like|known as|nicknamed)\s*$", re.IGNORECASE)
_EXPLAINED = re.compile(r"\s+(?:is|was|are|means|refers)\b")
_PERSONISH = re.compile(r"\b(?:man|men|him|he|guy|lad|bloke|name|names)\b", re.IGNORECASE)


def quoted_the_names(text: str, gaz: Gazetteers) -> list[Span]:
    out: list[Span] = []
    for m in _QUOTED_THE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[max(line_start, m.start() - 40):m.start()]
        if not (_THE_CUE.search(before) or _EXPLAINED.match(text, m.end())):
            continue
        name = m.group(1)
        if name.isupper():
            continue  # 'the review calls "the DSL"': a role's acronym
        person = _PERSONISH.search(before) or fold(name) in gaz.given and gaz.given[fold(name)][0] >= 500
        out.append(Span(m.start(1), m.end(1), "PERSON" if person else "LOCATION", name, 0.6, "context"))
    return out


_EXPLAINED_ALIAS = re.compile(r"[\"“](?:[Tt]he )?([^\"”\n]{1,25})[\"”] (?:is|was|=|means|refers to) (?:the |a )?"
                             r"(?P<ref>[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|of|on|de))*)")
_PLACE_TAILS = frozenset(["tower", "hoe", "lido", "park", "centre", "center", "street", "road", "lane", "square",
                          "pier", "beach", "station", "estate", "bridge", "quay", "quays", "gardens", "common", "hill",
                          "woods", "lake", "market", "arcade", "shopping", "fields", "rec", "green", "promenade"])


def explained_aliases(text: str, gaz: Gazetteers) -> list[Span]:
    """A quoted alias explained by a capitalised name: a person (a given name first) or a place (a place word
    last)."""
    out: list[Span] = []
    for m in _EXPLAINED_ALIAS.finditer(text):
        alias, ref = m.group(1).strip(), m.group("ref").split()
        if not alias or len(ref) < 2 and fold(ref[0]) not in gaz.given:
            continue
        first, last = fold(ref[0]), fold(ref[-1])
        if last in _PLACE_TAILS or first in gaz.places1 and gaz.given.get(first, (0, 0))[0] < 300:
            label = "LOCATION"
        elif gaz.given.get(first, (0, 0))[0] >= 300:
            label = "PERSON"
        else:
            continue
        out.append(Span(m.start(1), m.start(1) + len(alias), label, alias, 0.6, "context"))
    return out
