"""Organisation names joined by "and" kept whole (issue 15, session 6: ORG boundaries on unseen text).

Trades and takeaways are named by two kinds of thing joined by "and": "Hillside Tyres and Exhausts", "Marco's
Pizza and Kebab", "Redcar Food and Wine", "J.B. Plastering and Roofing". The head rules find the name up to
the first head ("Hillside Tyres") and stop at "and"; here the span runs on over "and" + capitalised ordinary
words ("Exhausts", "Pizza House", "Care Village") while no other name starts there: not "Hillside Tyres and
Oakfield Academy" (another organisation), not "Sunny Cabs and Leeds" (a place), not "Sunny Cabs and Jodie".
The same is done backwards when the name found starts with an ordinary word ("Safe and Sound Derby", found as
"Sound Derby"), and over a list of surnames before a firm's "X and Partners" / "X and Lee Solicitors"
("Kirkby, Ndlovu and Partners").

A council's building named by its kind in capitals ("Civic Centre", "City Hall", "Council House", "County
Hall") is where a meeting was held: a place in the town the text is about.

A name found as a person or a place and followed straight away by an institution's head is the institution
("Kent Police", "Dundee City Council", "London Luton Airport", "Princess Theatre"), and one after "University
of" is the university ("University of Bedfordshire").
"""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .spans import Span, absorb, fold

_AFTER = re.compile(r" (?:and|&) ((?:[A-Z][a-z'’]+)(?: [A-Z][a-z'’]+){0,2})(?![\w'’-]| [A-Z]| &| and [A-Z])")
_BEFORE = re.compile(r"(?:^|[^\w'’ ] ?|\b[a-z]+ )([A-Z][a-z]+) (?:and|&) $")
_SURNAME_BEFORE = re.compile(r"(?:^|[:;(] ?|\b[a-z]+,? )((?:[A-Z][a-z'’-]+, ){1,3})$")
_FIRM = re.compile(r"^[A-Z][\w'’-]+ (?:and|&) (?:[A-Z][\w'’-]+ )?(?:Partners|Solicitors|Co|LLP)\b")
_COMPANY_SUFFIX = re.compile(r" \([A-Z][\w'’ -]{1,30}\) (?:Ltd|Limited|LLP|plc|PLC|LTD)\b\.?")
_NOT_WORDS = frozenset(["the", "then", "now", "also", "so", "but", "i", "we", "they", "she", "he", "it", "you"])


def _ordinary(word: str, gaz: Gazetteers) -> bool:
    """A capitalised common English word that names no place and is no popular given name."""
    k = fold(word).rstrip("'’s") if word.endswith(("'s", "’s")) else fold(word)
    tier = gaz.words.get(k)
    if k in _NOT_WORDS or tier is None or tier > 50 or k in gaz.places1 and tier > 20:
        return False
    return gaz.given.get(k, (0, 0))[0] < 1000 or tier <= 20


def org_and_joins(text: str, spans: list[Span], gaz: Gazetteers) -> list[Span]:
    if " and " not in text and " & " not in text and ") " not in text:
        return spans
    out = list(spans)
    grown: list[Span] = []
    for idx, s in enumerate(out):
        if s.label != "ORG":
            continue
        new = s
        suffix = _COMPANY_SUFFIX.match(text, s.end)
        if suffix:  # "Streamline Taxis (Preston) Ltd": the town in brackets and the company's suffix
            new = Span(s.start, suffix.end(), "ORG", text[s.start:suffix.end()], s.confidence, s.source)
        m = _AFTER.match(text, new.end)
        if m and all(_ordinary(w, gaz) for w in m.group(1).split()):
            inside = [o for o in spans if o is not s and o.start < m.end() and o.end > m.start(1)]
            if all(o.end <= m.end() and o.label != "ORG" for o in inside):
                new = Span(s.start, m.end(), "ORG", text[s.start:m.end()], s.confidence, s.source)
        first = s.text.split(" ", 1)[0]
        b = _BEFORE.search(text, max(0, s.start - 40), s.start)
        if b and " " in s.text and _ordinary(first, gaz) and _ordinary(b.group(1), gaz) \
                and not any(o.end > b.start(1) and o.start < s.start for o in spans if o is not s):
            new = Span(b.start(1), new.end, "ORG", text[b.start(1):new.end], s.confidence, s.source)
        elif _FIRM.match(s.text):
            c = _SURNAME_BEFORE.search(text, max(0, s.start - 60), s.start)
            if c:
                new = Span(c.start(1), new.end, "ORG", text[c.start(1):new.end], s.confidence, s.source)
        if new is not s:
            out[idx] = new
            grown.append(new)
    return _with_grown(spans, out, grown)


_HEAD_AFTER = re.compile(r" (?:(?:City|Borough|County|District|Metropolitan|Town) )?(?P<head>Council|Police|"
                         r"Constabulary|Airport|Theatre|Monument|Cathedral|Stadium|University)\b(?!['’-])")
# the same in capitals ("PRESTON CITY COUNCIL", "BEDFORDSHIRE POLICE")
_HEAD_AFTER_CAPS = re.compile(r" (?:(?:CITY|BOROUGH|COUNTY|DISTRICT|METROPOLITAN|TOWN) )?(?P<head>COUNCIL|POLICE|"
                              r"CONSTABULARY|AIRPORT|THEATRE|MONUMENT|CATHEDRAL|STADIUM|UNIVERSITY)\b(?!['’-])")
_OF_BEFORE = re.compile(r"\b(?:University|College|Museum|Diocese) of $")
_PLACE_HEADS = frozenset(["Theatre", "Monument", "Cathedral", "Stadium"])


def heads_after_names(text: str, spans: list[Span]) -> list[Span]:
    """Widen a person or place found just before an institution's head, or after "University of", to it."""
    out = list(spans)
    grown: list[Span] = []
    for idx, s in enumerate(out):
        if s.label not in ("PERSON", "LOCATION") or s.text.count(" ") > 1:
            continue
        m = (_HEAD_AFTER_CAPS if s.text.isupper() else _HEAD_AFTER).match(text, s.end)
        start, end = s.start, s.end
        if m:
            end = m.end()
        of = _OF_BEFORE.search(text, max(0, s.start - 20), s.start)
        if of:
            start = of.start()
        if (start, end) == (s.start, s.end):
            continue
        label = "LOCATION" if m and m.group("head").title() in _PLACE_HEADS else "ORG"
        new = Span(start, end, label, text[start:end], max(s.confidence, 0.6), s.source)
        out[idx] = new
        grown.append(new)
    return _with_grown(spans, out, grown)


_CIVIC = re.compile(r"(?<![\w-])(?:(?:Civic|Council|Municipal|County|Guild) (?:Centre|Center|Offices|House|Hall|Buildings)"
                    r"|City Hall|Town Hall|Guildhall)(?![\w-])")


def civic_buildings(text: str) -> list[Span]:
    """A council's building named by its kind, capitalised: a place."""
    if "Hall" not in text and "Centre" not in text and "House" not in text and "Offices" not in text:
        return []
    return [Span(m.start(), m.end(), "LOCATION", m.group(), 0.6, "shape") for m in _CIVIC.finditer(text)]


def _with_grown(spans: list[Span], out: list[Span], grown: list[Span]) -> list[Span]:
    """``out`` (``spans`` with some widened into ``grown``) without the spans a widened one now covers."""
    if not grown:
        return spans
    kept = [s for s in out if s in grown or not any(g.start <= s.start and s.end <= g.end for g in grown)]
    return sorted(kept, key=lambda s: (s.start, -s.end))


# --------------------------------------------------------------------------- session 10
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Sir|Dame)\.? $")
_OWNER = re.compile(r"([A-Z][\w'’-]+) of (?=[A-Z0-9])")
_COUNCIL_OF = re.compile(r"(?:[Tt]he )?((?:Royal |Metropolitan |London )?(?:Borough|City|County|District|Town|"
                         r"Parish|Community) Council|Royal Borough|Council) of (?:the )?$")
_COURT_IN = re.compile(r"\b(?:High|Crown|Magistrates['’]?|Sheriff|County|Youth|Family|Coroner['’]s) Court "
                       r"(?:in|at|of|sitting at) ((?:[A-Z][\w'’-]+)(?: (?:upon |on )?[A-Z][\w'’-]+){0,2})")
_NUMBER_FIRM = re.compile(r"(?<![\w/£$.,:-])(?:[A-Z][a-z]+ )?\d{1,4} (?:Cars|Taxis|Taxi|Private Hire|Cabs)\b"
                          r"(?! rank| office| driver)")


def number_firms(text: str) -> list[Span]:
    """A taxi firm named by a number: "786 Cars", "Alpha 1 Taxis" (not "two cars": a count is in words or
    lowercase)."""
    return [Span(m.start(), m.end(), "ORG", m.group(), 0.7, "shape") for m in _NUMBER_FIRM.finditer(text)]


def titled_owners(text: str, spans: list[Span]) -> list[Span]:
    """A titled person before "of" and their firm are two spans, not one organisation: "Mr Singh of Star
    Private Hire", "Cllr Begum of Hartlepool Borough Council" (several layers read the whole as the firm)."""
    out: list[Span] = []
    for s in spans:
        m = _OWNER.match(s.text) if s.label == "ORG" else None
        if m and _TITLE_BEFORE.search(text, max(0, s.start - 12), s.start):
            a = s.start + m.end()
            out.append(Span(s.start, s.start + len(m.group(1)), "PERSON", m.group(1), s.confidence, s.source))
            out.append(Span(a, s.end, "ORG", text[a:s.end], s.confidence, s.source))
        else:
            out.append(s)
    return out


def councils_of(text: str, spans: list[Span]) -> list[Span]:
    """A council named "of" its place is one organisation: "Borough Council of Wellingborough and East
    Northants", "Royal Borough of Greenwich", "Council of the Isles of Scilly" ("the" before it stays out); and
    a court named by its town: "the High Court in Glasgow"."""
    found = [Span(m.start(), m.end(), "ORG", m.group(), 0.75, "shape") for m in _COURT_IN.finditer(text)]
    for s in spans:
        if s.label in ("LOCATION", "ORG") and (m := _COUNCIL_OF.search(text, max(0, s.start - 60), s.start)):
            a = m.start(1)
            found.append(Span(a, s.end, "ORG", text[a:s.end], max(s.confidence, 0.75), s.source))
    return absorb(spans, found, edges=True)



# (session 11) bodies named by a place and a statutory kind: "Highland Child Protection Committee", "Metropolitan
# Police Service", "Police Service of Northern Ireland" (the head rules stop at "Police" or read "Highland Child"
# as a person)
_NAMED_BODY = re.compile(
    r"(?<![\w'’-])(?:(?:[A-Z][\w'’-]+ (?:(?:and|&) )?){1,4}(?:Child|Adult|Public) Protection Committee"
    r"|(?:[A-Z][\w'’-]+ (?:(?:and|&) )?){1,3}Police Service\b"
    r"|Police Service of (?:Northern Ireland|Scotland)"
    r"|(?:[A-Z]+ (?:AND |& )?){1,4}(?:CHILD|ADULT|PUBLIC) PROTECTION COMMITTEE"
    r"|(?:[A-Z]+ (?:AND |& )?){1,3}POLICE SERVICE\b|POLICE SERVICE OF (?:NORTHERN IRELAND|SCOTLAND)"
    # (session 12) a council of joined places: "Nuneaton and Bedworth Borough Council", "Armagh City, Banbridge and
    # Craigavon Borough Council"
    r"|(?:(?!Council|Borough|County)[A-Z][\w'’-]+(?: (?!Council|Borough|County)[A-Z][\w'’-]+)?(?:, | and | & )){1,3}"
    r"(?!Council|Borough|County)[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
    r" (?:Metropolitan |County )?(?:Borough|District|County|City) Council)")
_NOT_BODY_START = frozenset(["The", "THE", "A", "Our", "OUR", "Local", "LOCAL"])


def named_bodies(text: str) -> list[Span]:
    out = []
    for m in _NAMED_BODY.finditer(text):
        s = m.start()
        first = m.group().split()[0]
        if first in _NOT_BODY_START:
            s += len(first) + 1
            if m.group()[s - m.start():].split()[0] in ("Child", "Adult", "Public", "Police", "CHILD", "ADULT",
                                                           "PUBLIC", "POLICE") and "of" not in m.group():
                continue  # "the Child Protection Committee", "the Police Service": no name
        out.append(Span(s, m.end(), "ORG", text[s:m.end()], 0.85, "rule"))
    return out


# (session 11) a cab firm named by ordinary words, perhaps two joined by "and": "Town and Country Cars", "Bell and
# Anchor Taxis" (the head rules stop at a word they take for a kind, the coordination pass reads two people)
_WORD_FIRM = re.compile(r"(?<![\w'’&-] )(?<![\w'’-])(?P<n>(?:[A-Z][a-z'’]+ (?:(?:and|&) )?){1,4})"
                        r"(?:Cars|Taxis|Taxi|Cabs|Minicabs|Private Hire|Couriers)\b")
_NOT_FIRM_START = frozenset(["The", "A", "An", "This", "That", "Our", "Their", "His", "Her", "Local", "Licensed",
                             "Black", "Private", "Other", "Some", "Two", "Three", "Many", "All", "No", "Any", "Which",
                             "What", "Uber", "Hackney", "Council", "Unlicensed", "Marked", "Unmarked", "Police",
                             # a contact saved by who drives ("Uncle Mo Taxi") is a person
                             "Uncle", "Auntie", "Aunty", "Mr", "Mrs", "Ms", "Miss", "Dr", "Big", "Lil", "Little"])


# (session 12) a trade named for its owner: "Luxe Nails by Mai", "Cuts by Kamil"
_BY_OWNER = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’]+ ){0,2}(?:Nails|Hair|Lashes|Beauty|Brows|Cakes|Bakes|Cuts|Styles|"
                       r"Aesthetics|Tattoos?|Ink|Designs|Boutique|Barbers?|Tans?|Glam) by [A-Z][\w'’]+(?: [A-Z][\w'’]+)?")


def by_owner(text: str, spans: list[Span]) -> list[Span]:
    found = [Span(m.start(), m.end(), "ORG", m.group(), 0.75, "rule") for m in _BY_OWNER.finditer(text)
             if m.group().split()[0] not in _NOT_FIRM_START]
    return absorb(spans, found, edges=True) if found else spans


def word_firms(text: str) -> list[Span]:
    out = []
    for m in _WORD_FIRM.finditer(text):
        first = m.group("n").split()[0]
        if first in _NOT_FIRM_START:
            continue
        out.append(Span(m.start(), m.end(), "ORG", m.group(), 0.7, "rule"))
    return out


# (session 14) a firm of partners named by their surnames, the first before a comma: "Brennan, Sandhu and Co
# Solicitors", "Patel, Hughes & Partners"; the first name is the firm's, not a person's
_FIRM_TAIL = re.compile(r"(?:(?:and|&) Co\.?|Solicitors|LLP|Associates|Partners)(?:\s+(?:Solicitors|LLP))?$")
_FIRST_PARTNER = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+, $")


def firm_partners(text: str, spans: list[Span]) -> list[Span]:
    firms = []
    for s in spans:
        if s.label == "ORG" and " " in s.text and _FIRM_TAIL.search(s.text):
            m = _FIRST_PARTNER.search(text, max(0, s.start - 30), s.start)
            if m is not None and re.search(r"(?:^|[,:;(]\s*|\n)$", text[max(0, m.start() - 3):m.start()]):
                firms.append((m.start(), s))  # not "DECLAN O'HARE, O'HARE BRENNAN LLP": a name's end
    if not firms:
        return spans
    out = list(spans)
    for start, firm in firms:
        out = [x for x in out if x is not firm and not (x.label == "PERSON" and start <= x.start and x.end <= firm.start)]
        out.append(Span(start, firm.end, "ORG", text[start:firm.end], firm.confidence, firm.source))
    return sorted(out, key=lambda x: (x.start, -x.end))
