"""Passes over the merged spans that fix their extent by shape: organisations next to a venue word or a town,
"X of Y" names, initials of names found, addresses joined into one span, compass words and "estate" attached."""

from __future__ import annotations

import re

from .lexicon import NAME_PARTICLES, NATIONAL, NOT_NAMES, ROLE_UPPER, ROLE_WORDS, STOP, TITLES
from .merging import _coverage, merge
from .spans import Span, fold
from .tokens import Tok

_PLACE_FIRST = re.compile(r"^(?:North|South|East|West|St|St\.|Saint|Upper|Lower|Greater)\s+[A-Z]")


_COMPASS = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "north-west", "north-east", "south-west", "south-east", "midlands"])


_VENUE = (r"(?:charity|project|takeaway|chippy|chip shop|kebab (?:shop|place|house)|shop|firm|company|club|"
          r"youth club|hall|snooker hall|pool hall|home|children's home|care home|hotel|b&b|school|barber'?s|"
          r"cafe|café|restaurant|bar|shisha bar|pub|garage|car wash|group|organisation|hostel|gym|salon|lounge|"
          r"lodgings|supported lodgings|taxi firm|cab firm|private hire firm|hire firm|nightclub|takeaway place)")
_NAME_RUN = r"(?P<name>(?:[A-Z0-9][\w'’-]*)(?:(?: | & )(?:[A-Z0-9][\w'’-]*|of|the|and|y)){0,4})"
# "a snooker hall, Cue Ball Paisley", "the takeaway on Hannah Street, Bengal Spice", "a project called Base 51"
_VENUE_THEN_NAME = re.compile(
    rf"\b(?:a|an|the|this|that|his|her|their|our|local)\s+(?:[\w'’-]+\s+){{0,2}}?{_VENUE}"
    rf"(?:\s+(?:on|in|at|off|near|by)\s+[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){{0,2}})?"
    rf"(?:,\s+|\s+(?:called|named)\s+){_NAME_RUN}(?=[,.;:!?)]|\s+(?:[a-z]|$)|$)",
)
# "Street Teams, the charity", "Mr Wrap Fallowfield, the kebab place on Wilmslow Rd"
_NAME_THEN_VENUE = re.compile(
    rf"(?<![\w'’]){_NAME_RUN},\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,2}}?{_VENUE}\b"
)


def _org_appositive(text: str, spans: list[Span]) -> list[Span]:
    """A name set next to a generic venue word is that venue's name: "a snooker hall, Cue Ball Paisley",
    "Street Teams, the charity", "a project called Base 51". Words the other layers already took as a person or
    place inside the name become part of the organisation."""
    new = []
    for rx in (_VENUE_THEN_NAME, _NAME_THEN_VENUE):
        for m in rx.finditer(text):
            a, b = m.start("name"), m.end("name")
            name = text[a:b]
            words = name.split()
            while words and words[-1].lower() in ("of", "the", "and", "y", "&"):
                words.pop()
            if not words or fold(words[0]) in STOP or fold(words[0]) in ROLE_WORDS or all(
                fold(w) in NOT_NAMES for w in words
            ):
                continue
            if " ".join(words).lower() in NATIONAL or not any(c.isalpha() for c in words[0]):
                continue
            b = a + len(" ".join(words)) if " & " not in name else a + len(name.rstrip())
            inside = [s for s in spans if s.start < b and s.end > a]
            if any(s.label in ("CONTACT", "ID", "DATE") for s in inside) or any(
                s.label == "ORG" and s.start <= a and s.end >= b for s in inside
            ):
                continue
            if any(s.start < a or s.end > b for s in inside):
                continue
            if len(words) == 1 and not inside and words[0].lower() in _COMMONISH:
                continue
            new.append(Span(a, b, "ORG", text[a:b], 0.65, "context"))
    if not new:
        return spans
    keep = [s for s in spans if not any(s.start >= n.start and s.end <= n.end for n in new)]
    return merge(keep + new)


_TITLE_WORDS = frozenset(["mr", "mrs", "ms", "miss", "dr", "pc", "dc", "ds", "di", "dci", "sgt", "cllr", "sir", "lady",
                          "lord", "uncle", "auntie", "nurse", "coach", "judge", "st", "saint"])
_HEAD_FIRST = frozenset(["project", "foyer", "coleg", "ysgol", "canolfan", "clwb", "cyngor", "heddlu", "ysbyty",
                         "prifysgol", "cymdeithas"])
_HEAD_FIRST_NOT = frozenset(["manager", "officer", "worker", "lead", "leader", "team", "board", "coordinator", "group",
                             "meeting", "plan", "director", "steering"])
_COMMONISH = frozenset(["mr", "mrs", "miss", "ms", "dr", "pc", "ds", "dc", "sgt", "i", "we", "they", "he", "she", "it"])


def _initials_of_names(text: str, spans: list[Span]) -> list[Span]:
    """"TO:" for Tamsin Okwu, "(RS)" after Rajinder Sahota: the initials of a full name found in the document,
    used as a speaker label or in brackets, are that person (even when they spell a word such as "TO")."""
    initials = set()
    for s in spans:
        if s.label == "PERSON" and s.confidence >= 0.6:
            parts = [p for p in s.text.split() if fold(p).strip(".") not in TITLES]
            if 2 <= len(parts) <= 3 and all(p[:1].isupper() for p in parts):
                initials.add("".join(p[0] for p in parts))
                # "Mark Osei-Bonsu (MOB)", "Gwen Parry-Jones (GPJ)": the parts of a double-barrelled name too
                hyphened = [q for p in parts for q in p.split("-") if q]
                if len(hyphened) > len(parts) and all(q[:1].isupper() for q in hyphened):
                    initials.add("".join(q[0] for q in hyphened))
                # (session 7) a double-barrelled given name goes by its letters: "Jayden-Lee Cruttenden" -> "JL"
                first = [q for q in parts[0].split("-") if q]
                if len(first) == 2 and all(q[:1].isupper() for q in first):
                    initials.add(first[0][0] + first[1][0])
            elif len(parts) == 3 and parts[1] in NAME_PARTICLES and parts[0][:1].isupper() and parts[2][:1].isupper():
                # (session 8) "Catrin ap Dafydd" goes by "CaD", "CAD" or "CD"; "Niamh ni Bhriain" by "NnB"
                initials |= {parts[0][0] + parts[1][0] + parts[2][0], (parts[0][0] + parts[1][0] + parts[2][0]).upper(),
                             parts[0][0] + parts[2][0]}
    if not initials:
        return spans
    cov = _coverage(spans, len(text))
    alt = "|".join(sorted(initials, key=len, reverse=True))
    new = []
    # in label or bracket positions always; elsewhere only initials that are not a word or a role ("TH said")
    free = "|".join(sorted((i for i in initials if i.lower() not in STOP and i.lower() not in ROLE_UPPER),
                           key=len, reverse=True)) or "(?!)"
    # a word's initials ("RE", "HO") also where they act: "RE to brief", "1. HO opened"
    acting = r"(?= (?:to|said|says|opened|closed|asked|noted|reported|agreed|confirmed|summarised|explained|will)\b)"
    for m in re.finditer(rf"(?m)(?:^[ \t]*(?:\d{{1,2}}[.)][ \t]*)?(?P<a>{alt})[ \t]*:|\((?P<b>{alt})\)"
                         rf"|(?<![\w.])(?P<c>{free})(?!\w|\.\w)|(?<![\w.])(?P<d>{alt}){acting})", text):
        g = next(x for x in "abcd" if m.group(x))
        a, b = m.start(g), m.end(g)
        if not cov[a]:
            new.append(Span(a, b, "PERSON", text[a:b], 0.7, "context"))
    return merge(spans + new) if new else spans


def _person_to_place(s: Span) -> Span | None:
    """"East Croydon", "St Pauls": a compass word or a saint before a name makes a place, not a person; a
    region made of compass words only ("the North West") is not an identifier at all."""
    if s.label in ("PERSON", "LOCATION") and all(w in _COMPASS for w in s.text.lower().split()):
        return None
    if s.label == "PERSON" and _PLACE_FIRST.match(s.text):
        return Span(s.start, s.end, "LOCATION", s.text, s.confidence, s.source)
    return s


# legislation, guidance and job titles the model may take for names
_NER_NOT = re.compile(r"\b(?:Act|Acts|Order|Regulations|Guidance|Offences|Head of|Director of|Working Together|"
                      r"Keeping Children Safe|Protocol|Strategy|Framework|Procedures?)\b|\d{4}$")


def _org_with_town(text: str, spans: list[Span]) -> list[Span]:
    """"A1 Cars Huddersfield", "City Academy Bristol": a town right after an organisation belongs to it."""
    out: list[Span] = []
    for s in spans:
        if out and s.label in ("LOCATION", "ORG") and out[-1].label == "ORG" and text[out[-1].end:s.start] == " " and (
            (" " not in s.text or s.label == "ORG") and s.text[:1].isupper()
        ):
            p = out[-1]
            out[-1] = Span(p.start, s.end, "ORG", text[p.start:s.end], p.confidence, p.source)
            continue
        out.append(s)
    return out


_OF_NAME = re.compile(r"^ of (?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}")


def _org_of(text: str, spans: list[Span]) -> list[Span]:
    """"High Tunstall College of Science", "University of Bolton": "of" + a capitalised name after the head."""
    out = []
    for i, s in enumerate(spans):
        if s.label == "ORG":
            m = _OF_NAME.match(text[s.end:s.end + 60])
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            if m and (nxt is None or nxt.start >= s.end + m.end() or nxt.label in ("LOCATION", "PERSON")):
                end = s.end + m.end()
                if nxt is not None and nxt.start < end:
                    end = max(end, nxt.end) if nxt.end <= s.end + 60 else end
                s = Span(s.start, end, "ORG", text[s.start:end], s.confidence, s.source)
        out.append(s)
    return merge(out)


_FOND_AFTER = frozenset(["babe", "hun", "hunny", "bby", "babes", "pls", "plz", "xx", "xxx"])
_NOT_BEFORE_FOND = frozenset(["the", "a", "an", "my", "your", "ur", "i", "some", "no", "our", "his", "her", "their"])


def _name_position(toks: list[Tok], i: int) -> bool:
    t = toks[i]
    nxt = toks[i + 1].key if i + 1 < len(toks) else ""
    prev = toks[i - 1].key if i else ""
    if t.base_end != t.end:
        return True
    if t.initial and i + 1 < len(toks) and "\n" not in (toks[i - 1].text if i else "\n") and nxt in _OPENS_MESSAGE:
        return True  # "sky is on leave til monday": a name found elsewhere, opening a message
    if prev in ("said", "says", "reckons", "thinks") and nxt in _OPENS_MESSAGE | _DOES:
        return True  # "dev said ash works at..."
    if t.initial and nxt in _DOES:
        return True  # "ash drives a black merc"
    if nxt in _FOND_AFTER and prev not in _NOT_BEFORE_FOND and toks[i + 1].spaced:
        return True  # (session 14) "did u get home ok sky babe"
    return nxt in ("said", "says", "told", "texted", "messaged", "rang", "asked", "reckons") or prev in (
        "with", "told", "texted", "messaged", "called", "named", "and", "asked"
    ) and nxt in ("", "and", "about", "yesterday", "again", "too", "then", "on", "at", "in", "said")


_ADDR_GAP = re.compile(r"^,?\s{1,2}$")


_COMPASS_BEFORE = re.compile(r"(?:north|south|east|west|central|upper|lower|greater)\s$", re.IGNORECASE)
_AFTER_LOC = re.compile(r"^(?: (?:North|South|East|West|Upper|Lower|Central)\b| estate\b| Estate\b| scheme\b"
                        # (session 9) a place's own park, lake or beach written in lowercase: "Rhyddings park",
                        # "Cwmbran boating lake" (not "Wigan town centre": a district, not a named place)
                        r"| (?:park|boating lake|lake|woods|reservoir|beach|rec|recreation ground|playing fields|"
                        r"country park|skate park|lido|"
                        # (session 11) a named place's own roundabout, towpath or car park: "Raigmore roundabout",
                        # "Lagan towpath", "Linthorpe cemetery", "King William Street car park"
                        r"roundabout|towpath|cemetery|car park|retail park|shopping centre|centre|flyover|"
                        r"underpass|viaduct|precinct|arcade|marina|quay|seafront|promenade|slipway|leisure centre|"
                        r"bandstand|bus station|train station)\b(?! (?:road|street|lane|avenue|drive|estate)\b))")
# a person's or a body's name before a road's own structure is the place's name: "Cooper Dean roundabout"
_PLACE_HEAD_AFTER = re.compile(r"^ (?:roundabout|towpath|flyover|underpass|viaduct|interchange)\b")
_FLAT_BEFORE = re.compile(r"(?:Flat|FLAT|flat|Apartment|Apt|Unit|Room)\s+\d{1,4}[A-Za-z]?,\s*$")
_TOWN_GAP = re.compile(r"^,\s*[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2},?\s+$")


def _extend_locations(text: str, spans: list[Span]) -> list[Span]:
    """"west Belfast", "Cowbridge Road East", "Ellor Street estate", "Flat 12, Hanover Tower"."""
    out = []
    for s in spans:
        if s.label == "LOCATION":
            start, end = s.start, s.end
            m = _COMPASS_BEFORE.search(text, max(0, start - 8), start)
            if m and (m.start() == 0 or not text[m.start() - 1].isalnum()):
                start = m.start()
            m = _AFTER_LOC.match(text[end:end + 24])
            if m and not s.text.lower().endswith("estate"):
                end += m.end()
            m = _FLAT_BEFORE.search(text, max(0, start - 20), start)
            if m:
                start = m.start()
            if (start, end) != (s.start, s.end):
                s = Span(start, end, s.label, text[start:end], s.confidence, s.source)
        elif s.label in ("PERSON", "ORG") and (m := _PLACE_HEAD_AFTER.match(text[s.end:s.end + 16])):
            s = Span(s.start, s.end + m.end(), "LOCATION", text[s.start:s.end + m.end()], s.confidence, s.source)
        out.append(s)
    return merge(out)


def _address_chain(text: str, spans: list[Span]) -> list[Span]:
    """A full address is one LOCATION span: "14 Elm Road, Northfield, NF3 2QT"."""
    # (session 6) a town read as a person between a street and a postcode is the town: "42 X ROAD, FENTON, ST4 3HQ"
    for x in range(1, len(spans) - 1):
        a, s, b = spans[x - 1], spans[x], spans[x + 1]
        if s.label == "PERSON" and " " not in s.text and a.label == b.label == "LOCATION" and _is_postcode(b.text) \
                and text[a.end:s.start] == ", " and text[s.end:b.start] in (", ", " "):
            spans[x] = Span(s.start, s.end, "LOCATION", s.text, s.confidence, s.source)
    out: list[Span] = []
    for s in spans:
        gap = text[out[-1].end:s.start] if out else ""
        if out and s.label == "LOCATION" and out[-1].label == "LOCATION" and _is_postcode(s.text.split(",")[-1].strip()[-8:]) \
                and _TOWN_GAP.match(gap):
            prev = out[-1]
            out[-1] = Span(prev.start, s.end, "LOCATION", text[prev.start:s.end], prev.confidence, prev.source)
            continue
        if out and s.label == "LOCATION" and out[-1].label == "LOCATION" and _ADDR_GAP.match(gap) and (
            out[-1].text[:1].isdigit() or _ends_postcode(s.text) or "," in gap or out[-1].text[:4].lower() == "flat"
        ):
            prev = out[-1]
            if prev.text[:1].isdigit() or _ends_postcode(s.text) or _is_postcode(prev.text) or (
                prev.text[:4].lower() == "flat"
            ):
                out[-1] = Span(prev.start, s.end, "LOCATION", text[prev.start:s.end],
                               max(prev.confidence, s.confidence), prev.source)
                continue
        out.append(s)
    return out


_POSTCODE = re.compile(r"^[A-Za-z]{1,2}\d[A-Za-z0-9]?\s?\d[A-Za-z]{2}$")


def _ends_postcode(s: str) -> bool:
    return bool(_POSTCODE_END.search(s))


_POSTCODE_END = re.compile(r"(?:^|\s)[A-Za-z]{1,2}\d[A-Za-z0-9]?\s?\d[A-Za-z]{2}$")


def _is_postcode(s: str) -> bool:
    return bool(_POSTCODE.match(s))


_OPENS_MESSAGE = frozenset(["is", "was", "has", "had", "says", "said", "will", "would", "knows", "thinks", "went",
                            "got", "texted"])
_DOES = frozenset(["drives", "works", "lives", "sells", "runs", "hangs", "parks", "stays", "knows", "wants", "gets",
                   "goes", "owns", "deals", "picks", "drops", "buys", "pays", "texts", "rings", "messages"])
