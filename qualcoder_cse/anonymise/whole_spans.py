"""Whole spans, not parts: passes that widen or join spans so that a multi-word name is covered end to end.

- coordinated names before a head: "Blackpool and The Fylde College", "Cardiff and Vale UHB";
- a head word that comes first: "Hotel Sorrento", "Café Nero" style names;
- pub-style pairs after "the": "the Crown and Anchor";
- a town and a surname that name an institution: "Leeds Beckett" (one ORG, not a place and a person);
- a capital "The" mid-sentence before an organisation: "at The Crossways Hotel";
- "the" + a capitalised word mid-sentence where a place goes: "at the Esplanade", "the Arches near ...";
- an initial before a surname: "D. Probert", "M. Elliot".
"""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .lexicon import (
    LOC_HEADS_CAP,
    MONTHS,
    NATIONAL,
    NOT_NAMES,
    ORG_HEADS_CAP,
    RANKS,
    ROLE_UPPER,
    ROLE_WORDS,
    STOP,
    TITLES,
    WEEKDAYS,
)
from .merging import _coverage, merge
from .spans import Span, fold
from .tokens import Tok

_COORD_BEFORE = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]+ ){0,1}[A-Z][\w'’-]+) (?:and|&) (?:[Tt]he )?$")
_HEAD_FIRST = re.compile(r"\b(?:Hotel|Café|Cafe|Club|Bar|Restaurant|Jamia|Masjid|Gurdwara|Mandir) (?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)?")
_PAIR = re.compile(r"\bthe ([A-Z][a-z'’]+) (?:and|&) ([A-Z][a-z'’]+)\b(?! [A-Z])")
_THE_WORD = re.compile(r"\bthe ([A-Z][a-z]{2,}(?:[-'’][a-z]+)*)\b(?![ '’-]?[A-Z])")
_HANG_BEFORE_THE = re.compile(r"\b(?:round|around|outside|behind|down|near)\s*$", re.IGNORECASE)
_PLACE_BEFORE_THE = re.compile(
    r"(?:\b(?:at|near|by|outside|behind|from|to|round|around|on|along|down|up|past|opposite|towards|under|inside)"
    r"|[:,;]|\band)\s*$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(r"^(?:,|\s(?:near|by|on|in|and|or|at|opposite|end|side)\b|\s*[.;)])")
_CHAIN = re.compile(
    r"\b(?:Premier Inn|Travelodge|Holiday Inn(?: Express)?|Ibis(?: Budget| Styles)?|Best Western|Days Inn|Park Inn|"
    r"Jurys Inn|Novotel|Mercure|Ramada|Crowne Plaza|Hampton by Hilton|Britannia(?: Hotel)?|Hilton|Marriott|"
    r"Radisson(?: Blu)?|Campanile|Easyhotel|Hotel du Vin|Moxy|Aloft|Village Hotel|Z Hotel)\b")
_DOT_SURNAME = re.compile(r"\. ?[A-Z][a-z'’-]+(?:-[A-Z][a-z]+)?")
_SAINTS = re.compile(r"\bSt\.? [A-Z][a-z]+['’]s\b")
_INITIAL_AFTER = re.compile(r" [A-Z](?=[,\"”)]|$|\s*\[|[ \t]+\d{1,2}:\d{2}[ \t]*$)", re.MULTILINE)  # "Kez B 16:05"
_GENERIC_PLACE_TAIL = re.compile(
    r" (?i:retail park|industrial estate|trading estate|business park|shopping centre|shopping park|retail centre|"
    r"bus station|train station|railway station|station|interchange|precinct|market|estate)\b")
_STATION_AFTER = re.compile(r" (?:bus|train|railway|coach) station\b", re.IGNORECASE)  # "Buchanan bus station"
_LOCAL_SERVICE = re.compile(
    r" (?i:children['’]s social care|children['’]s services|social care|social services|youth service|"
    r"youth justice service|youth offending (?:team|service)|early help(?: service)?|safeguarding partnership|"
    r"safeguarding children partnership|exploitation team|exploitation hub|city region|combined authority)\b"
    r"| MASH\b")
# "ysgol llanhari", "Coleg y Cymoedd": a Welsh school or college named after its head word, any case
_WELSH_HEAD = re.compile(r"\b(?i:ysgol|coleg)\s+(?:(?i:y|yr|gyfun|gynradd|uwchradd)\s+)?(?!(?i:the|a|an)\b)[A-Za-z'’-]{3,}")
# "St Cuthbert's church hall": the saint's name before a lowercase church or school word
_SAINT = re.compile(r"\bSt\.? [A-Z][a-z]+['’]s?(?= (?:church|chapel|church hall|school|primary|academy|hospice|rc|c of e))")
# "the Adelphi Liverpool": a name that is no word, then a town
_NAME_TOWN = re.compile(r"\bthe ([A-Z][a-z]{2,}) ([A-Z][a-z]+)\b")
# "Britannia House, Hall Ings, Bradford BD1 1HX" on one line, after a line start, "|" or ":"
_ADDRESS_LINE = re.compile(
    r"(?:^|\|[ \t]*|:[ \t]*)(?P<v>(?:[A-Z0-9][^,\n|:]{1,40},[ \t]*){1,5}[A-Z][^,\n|:]{0,30}?"
    r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})\b", re.MULTILINE)
_SHOP_POSSESSIVE = re.compile(
    r"\b(?:at|from|outside|to|in|near|behind|by)\s+([A-Z][a-z]+['’]s)(?=\s+(?:on|in|at|near|by)\b|[,.;)]|\s*$)",
    re.MULTILINE)
_VENUE_AFTER = re.compile(r"\s+(?:on|in)\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
                          r"February|March|April|May|June|July|August|September|October|November|December)\b)"
                          r"[A-Z][a-z]+")
_VENUE_BEFORE = re.compile(r"\b(?:shisha|takeaway|chippy|kebab|pizza|pizzeria|bar|club|pub|lounge|cafe|café|restaurant|"
                           r"barber'?s?|salon|garage|shop|bouncers?|doormen|door staff)\b[^.\n]{0,50}$", re.IGNORECASE)
_NAMED_TEAM = re.compile(
    r"\b(?:to|from|with|by|at|the)\s+(?:the\s+)?(?P<n>[A-Z]{4,8}|[A-Z][a-z]+(?:\s(?:for|of|and|[A-Z][a-z]+)){1,3})"
    r"\s(?:team|service|project|programme|hub)\b")
_GENERIC_TEAMS = frozenset(["exploitation", "safeguarding", "social care", "children", "youth", "police", "missing",
                            "early help", "health", "education", "housing", "cse", "mash", "yos", "yot", "case",
                            "family", "families", "looked after", "leaving care", "child protection", "edge",
                            "youth justice", "youth offending", "social care", "children's social care"])
# national chains the guidelines leave unmarked when no branch is named
_NATIONAL_CHAINS = frozenset(["nando's", "mcdonald's", "macdonald's", "domino's", "sainsbury's", "morrison's",
                              "wetherspoon's", "morrisons's", "papa john's", "mcdonalds's", "boots's"])
_ADDRESS_FIELD = re.compile(
    r"(?im)^[ \t]*(?:home\s+|current\s+|last\s+known\s+|previous\s+)?address[ \t]*:[ \t]*(?P<v>[^\n]{6,160})$")
_POSTCODE_END = re.compile(r"\b[A-Za-z]{1,2}\d[A-Za-z0-9]?\s?\d[A-Za-z]{2}$")
# a name that opens with an initial or a particle ("K. Dhillon", "Nic Giolla Bhríde"): an initial before it
_SURNAME_OPEN = re.compile(r"(?:[A-Z]\. |(?:Nic|Mac|Mc|Ní|Ní|Ó|Ua|de|De|van|Van|von|al|Al|bin|ap) )")
_SIGNED_INITIAL = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sgt|PC|DC|DS|Cllr|Rev|by|By|Signed:?|signed:?)\.? |^)"
                             r"(?P<i>(?![NSEW]\.)[A-Z]\. ?)$", re.MULTILINE)
_INITIAL_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“‘']))(?:[A-Z]\. ?|(?![AI] )[A-Z] )$")  # "J. Whyte", "J Whyte"
_NOT_THE = NOT_NAMES | STOP | TITLES | RANKS | ROLE_WORDS | MONTHS | WEEKDAYS | frozenset(
    ["police", "council", "chair", "board", "panel", "trust", "partnership", "group", "team", "service", "services",
     "act", "court", "crown", "home", "office", "government", "state", "church", "bible", "internet", "news", "met",
     "sergeant", "inspector", "minutes", "agenda", "appendix", "section", "item", "report", "review", "plan",
     "midlands", "north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast", "highlands"]
)


_ADDRESS_JOINERS = frozenset(["y", "yr", "de", "la", "le", "of", "the", "upon", "on", "in", "under", "by"])


def _address_start(text: str, st: int) -> int:
    """Where an address opening a line's value begins: after the last lowercase word of its first part
    ("Gives his address as 27 Heol Tawe, ..." -> "27 Heol Tawe, ..."; "12 Heol y Felin" keeps its "y"); -1
    when its first part ends in lowercase words."""
    first = list(re.finditer(r"\S+", text[st:text.find(",", st)]))
    i = len(first)
    while i > 0:
        w = first[i - 1].group()
        if w[:1].isupper() or w[:1].isdigit() or (w in _ADDRESS_JOINERS and i < len(first) and 1 < i):
            i -= 1
            continue
        break
    if i == len(first):
        return -1
    return st + first[i].start() if i else st


def _bad_words(words: list[str]) -> bool:
    return any(fold(w) in STOP or fold(w) in TITLES or fold(w) in ROLE_WORDS or fold(w) in MONTHS for w in words)


def whole_spans(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers) -> list[Span]:
    new: list[Span] = []
    for s in spans:
        if s.label == "ORG" and text[max(0, s.start - 4):s.start] == "The " and s.start >= 6 and (
            text[s.start - 6:s.start - 4].strip() not in (".", "!", "?", "") or text[s.start - 5] in ",;("
        ):
            # "at The Crossways Hotel": a capital "The" mid-sentence is part of the name
            new.append(Span(s.start - 4, s.end, "ORG", text[s.start - 4:s.end], s.confidence, s.source))
        if s.label == "ORG":
            m = _COORD_BEFORE.search(text, max(0, s.start - 40), s.start)
            left_last = fold(m.group(1).split()[-1]) if m else ""
            if m and not _bad_words(m.group(1).split()) and "\n" not in m.group() and (
                left_last not in ORG_HEADS_CAP and left_last not in LOC_HEADS_CAP  # "Burnley Centre and the X"
            ):
                st = m.start(1)
                new.append(Span(st, s.end, "ORG", text[st:s.end], s.confidence, s.source))
        if s.label == "PERSON" and len(s.text) == 1 and (m := _DOT_SURNAME.match(text, s.end)):
            # "Miss B. Oakes": the title rule took the initial; the surname after it belongs to it
            new.append(Span(s.start, m.end(), "PERSON", text[s.start:m.end()], s.confidence, s.source))
        if s.label == "PERSON" and " " not in s.text and _INITIAL_AFTER.match(text, s.end):
            # "Ollie P, [12.04.23 21:15]", "caller saved as "Lenny B"": a name and the initial of a surname
            new.append(Span(s.start, s.end + 2, "PERSON", text[s.start:s.end + 2], s.confidence, s.source))
        elif s.label == "PERSON" and " " not in s.text and (m := _STATION_AFTER.match(text, s.end)):
            new.append(Span(s.start, m.end(), "LOCATION", text[s.start:m.end()], s.confidence, s.source))
        elif (s.label == "LOCATION" or s.label == "ORG" and s.source == "ner") and (
                m := _GENERIC_PLACE_TAIL.match(text, s.end)):  # "Crewe station", "Grand Junction retail park"
            # "the Wolstanton retail park", "Kirkby industrial estate": the place and its kind, one span
            new.append(Span(s.start, m.end(), "LOCATION", text[s.start:m.end()], s.confidence, s.source))
        elif s.label == "LOCATION" and (m := _LOCAL_SERVICE.match(text, s.end)) and " " not in s.text:
            # "Bradford Children's Social Care": a named council's service is that organisation
            new.append(Span(s.start, m.end(), "ORG", text[s.start:m.end()], 0.7, "shape"))
        elif s.label == "PERSON" and (" " not in s.text or _SURNAME_OPEN.match(s.text)):
            m = _INITIAL_BEFORE.search(text, max(0, s.start - 3), s.start)
            if m and (gaz.surnames.get(fold(s.text), 0) >= 50 or s.confidence >= 0.6 or " " in s.text):
                new.append(Span(m.start(), s.end, "PERSON", text[m.start():s.end], max(0.65, s.confidence), "position"))
        elif s.label == "LOCATION" and " " not in s.text and (m := _SIGNED_INITIAL.search(text, max(0, s.start - 30),
                                                                                           s.start)):
            # "Ms A. Lyons", "Signed: C. Mearns": a surname that is also a place, after a person's initial
            st = m.start("i")
            new.append(Span(st, s.end, "PERSON", text[st:s.end], max(0.65, s.confidence), "position"))
    # a chain with its branch is one organisation: "Premier Inn Oxford City Centre", "Travelodge Burnley Centre"
    for m in _CHAIN.finditer(text):
        branch = next((s for s in spans if s.start == m.end() + 1 and s.label in ("ORG", "LOCATION")), None) or next(
            (s for s in spans if s.start == m.start() and s.label == "ORG" and s.end > m.end()), None)
        if branch is not None and text[branch.start - 1:branch.start] in (" ", "") or (
            branch is not None and branch.start == m.start()
        ):
            end = branch.end
            while (more := next((s for s in spans if s.start == end + 1 and s.label in ("ORG", "LOCATION")
                                 or s.start == end + 1 and s.label == "PERSON" and " " in s.text), None)) is not None \
                    and text[end] == " ":
                end = more.end  # "Holiday Inn Express Liverpool Albert Dock"
            new.append(Span(m.start(), end, "ORG", text[m.start():end], 0.75, "shape"))
    # "from Morley's on Brixton Road": a capitalised possessive standing alone after at/from is a shop
    for m in _SHOP_POSSESSIVE.finditer(text):
        stem = fold(m.group(1))[:-2]
        if fold(m.group(1)).replace("’", "'") in _NATIONAL_CHAINS:
            continue
        # a given name's possessive is a venue only with a venue's cue: "from Tony's on Roundhay Road", "the
        # shisha place on Stockport Road, Smokey's" (not "at Jade's after school": her home)
        if gaz.given.get(stem, (0, 0))[0] < 20 or _VENUE_AFTER.match(text, m.end(1)) or _VENUE_BEFORE.search(
                text, max(0, m.start(1) - 60), m.start(1)):
            new.append(Span(m.start(1), m.end(1), "ORG", m.group(1), 0.55, "shape"))
    # "refer to ERASE team", "someone from the Together for Children team": a local team's own name
    for m in _NAMED_TEAM.finditer(text):
        name = m.group("n")
        if fold(name) not in NATIONAL and fold(name) not in ROLE_UPPER and not _bad_words(name.split()[:1]) and (
            fold(name) not in _GENERIC_TEAMS
        ):
            new.append(Span(m.start("n"), m.end("n"), "ORG", name, 0.55, "shape"))
    for rx in (_WELSH_HEAD, _SAINT, _SAINTS):
        new += [Span(m.start(), m.end(), "ORG", m.group(), 0.7, "shape") for m in rx.finditer(text)]
    for m in _NAME_TOWN.finditer(text):
        if fold(m.group(2)) in gaz.major and fold(m.group(1)) not in gaz.words and fold(m.group(1)) not in gaz.given \
                and fold(m.group(1)) not in gaz.major:
            new.append(Span(m.start(1), m.end(2), "ORG", text[m.start(1):m.end(2)], 0.6, "shape"))
    for m in _HEAD_FIRST.finditer(text):
        words = m.group().split()[1:]
        if not _bad_words(words) and not any(fold(w) in NATIONAL for w in words):
            new.append(Span(m.start(), m.end(), "ORG", m.group(), 0.7, "shape"))
    for m in _PAIR.finditer(text):
        a, b = fold(m.group(1)), fold(m.group(2))
        if a in _NOT_THE - {"crown"} or b in _NOT_THE or gaz.words.get(a, 99) < 20 or gaz.words.get(b, 99) < 20:
            continue
        if m.start() > 0 and text[m.start() - 2:m.start()].strip().endswith((".", "!", "?")):
            continue
        new.append(Span(m.start(1), m.end(2), "ORG", text[m.start(1):m.end(2)], 0.55, "shape"))
    cov = _coverage(spans + new, len(text))
    for m in _THE_WORD.finditer(text):
        w = fold(m.group(1))
        if cov[m.start(1)] or w in _NOT_THE or w in NATIONAL or w in gaz.given:
            continue
        common = gaz.words.get(w, 99) < 35  # "round the Box": a common word, capitalised, is a venue's name
        if common and not _HANG_BEFORE_THE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if not (_PLACE_BEFORE_THE.search(text, max(0, m.start() - 12), m.start())
                or _PLACE_AFTER.match(text[m.end():m.end() + 10])):
            continue
        if text[max(0, m.start() - 2):m.start()].strip().endswith((".", "!", "?")) or m.start() == 0:
            continue
        new.append(Span(m.start(1), m.end(1), "LOCATION", m.group(1), 0.45 if common else 0.5, "shape"))
    # an address written on one line and ending with a postcode is one place, whatever its parts were
    for m in _ADDRESS_LINE.finditer(text):
        st, en = _address_start(text, m.start("v")), m.end("v")
        if st < 0:
            continue
        if any(s.start >= st and s.end <= en and s.label in ("LOCATION", "ORG") for s in spans):
            new.append(Span(st, en, "LOCATION", text[st:en], 0.75, "shape"))
    # a form's address field is one place, whatever it holds ("Address: Flat 6, Bryn Hafod House, Ely, CF5 4PL")
    for m in _ADDRESS_FIELD.finditer(text):
        value = m.group("v").rstrip(" .;,")
        if _POSTCODE_END.search(value) or re.match(r"(?:Flat|Apartment|Unit|Room)?\s*\d", value, re.IGNORECASE):
            st = m.start("v")
            new.append(Span(st, st + len(value), "LOCATION", value, 0.8, "shape"))
    # a town followed by a surname alone names an institution ("Leeds Beckett", "Carlton Bolling")
    by_start = {s.start: s for s in spans}
    for s in spans:
        if s.label != "LOCATION" or " " in s.text or not gaz.places1.get(fold(s.text)):
            continue
        nxt = by_start.get(s.end + 1)
        if nxt is None or nxt.label != "PERSON" or " " in nxt.text or text[s.end] != " ":
            continue
        k = fold(nxt.text)
        if gaz.surnames.get(k, 0) >= 50 and gaz.given.get(k, (0, 0))[0] < 200 and s.start > 0 and (
            text[s.start - 1] in " (\n"
        ):
            new.append(Span(s.start, nxt.end, "ORG", text[s.start:nxt.end], 0.6, "shape"))
    if not new:
        return spans
    # a widened span replaces the parts it holds
    keep = [s for s in spans if not any(x.start <= s.start and s.end <= x.end and (x.start, x.end) != (s.start, s.end)
                                        for x in new)]
    return merge(keep + new)


def handle_mentions(text: str, spans: list[Span]) -> list[Span]:
    """Chat handles: a handle heading a Discord-style message ("reeceyboy — Today at 19:03") is a CONTACT, every
    other mention of a handle found is proposed too, and role codes defined in a legend ("SUP (supervisor)")
    are roles, not people."""
    new = [Span(m.start("h"), m.end("h"), "CONTACT", m.group("h"), 0.8, "shape") for m in _HANDLE_HEADER.finditer(text)]
    # a handle is spread when it cannot be a word: digits, "_" or "." inside, or it headed a message
    handles = {s.text for s in spans if s.label == "CONTACT" and _HANDLE_SHAPE.fullmatch(s.text)
               and re.search(r"[0-9_.]", s.text)} | {s.text for s in new}
    if handles:
        rx = re.compile(r"(?<![\w@.])(" + "|".join(re.escape(h) for h in sorted(handles, key=len, reverse=True))
                        + r")(?![\w@]|\.\w)", re.IGNORECASE)
        new += [Span(m.start(), m.end(), "CONTACT", m.group(), 0.8, "propagate") for m in rx.finditer(text)]
    roles = {m.group(1) for m in _ROLE_LEGEND.finditer(text)}
    kept = [s for s in spans if not (s.label == "PERSON" and s.text in roles)]
    if not new and len(kept) == len(spans):
        return spans
    return merge(kept + new)


_HANDLE_SHAPE = re.compile(r"_{0,2}[A-Za-z0-9][A-Za-z0-9._-]{1,31}")
_HANDLE_HEADER = re.compile(
    r"(?m)^(?P<h>_{0,2}[A-Za-z0-9][A-Za-z0-9._-]{1,31}) [—–-] (?:Today|Yesterday|\d{1,2}/\d{1,2}/\d{2,4})(?: at)? "
    r"\d{1,2}:\d{2}")
# "SUP (supervisor), PRAC (practitioner)": codes explained by a role word in a legend
_ROLE_LEGEND = re.compile(
    r"\b([A-Z]{2,6}\d?) \((?:the )?(?:[a-z]+ )?(?:[a-z]+(?:or|er|ist|ant|ent|ian|ee|ive|ner)|chair|lead|"
    r"nurse|officer|student|child|parent|carer|young person|police)\)")
