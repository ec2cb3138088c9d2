"""Forms of names the lists do not hold: nicknames made from a surname or a given name by a British ending
("Smithy", "Jonesy", "Robbo", "Gibbo", "Davo", "Macca"), and a kinship word used as part of a nickname in any
case ("uncle mo", "Auntie Shell": the whole is the name the young person uses, whether or not a relative)."""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .lexicon import MONTHS, NATIONAL, NOT_NAMES, STOP, WEEKDAYS
from .spans import Span, fold
from .tokens import Tok

_ENDINGS = ("sy", "zy", "za", "ie", "y", "o", "a")
_KIN = re.compile(r"(?:\b((?i:uncle|auntie|aunty|unc|aunt)|(?:Nain|Taid|Nana|Nanna|Nanny|Gran|Granny|Grandad|Grandma|"
                  r"Mamgu|Tadcu|Bampi|Mammy|Pappy))\s+$)")  # (session 7) a capitalised grandparent's word too
# (session 6) a kinship word before a single letter: "uncle t", "Auntie J"
_KIN_NAME = re.compile(r"\b(?:[Uu]ncle|UNCLE|[Aa]untie|[Aa]unty|[Nn]anny|[Nn]ana|[Gg]randad)[ \t]+([A-Za-z])\b(?![-'’.])")


def _stems(k: str) -> list[str]:
    out = []
    for end in _ENDINGS:
        if k.endswith(end) and len(k) - len(end) >= 3:
            stem = k[: -len(end)]
            out += [stem, stem + "s", stem + "e"]
            if len(stem) >= 4 and stem[-1] == stem[-2]:
                out += [stem[:-1], stem[:-1] + "s"]  # "Robbo" -> "rob", "Gibbo" -> "gibbs"
    return out


def derived_nicknames(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers) -> list[Span]:
    """A capitalised word mid-sentence (or in quotes) that is a surname or given name with a nickname ending,
    and not itself a common word: "a man called Smithy", "if we knew "Smithy"", "Smithy may be Darren Smith"."""
    covered = bytearray(len(text) + 1)
    for s in spans:
        covered[s.start:s.end] = b"\x01" * (s.end - s.start)
    out = []
    for i, t in enumerate(toks):
        k = t.key
        if t.shape != "title" or covered[t.start] or not k.isalpha() or len(k) < 4:
            continue
        if k in STOP or k in NOT_NAMES or fold(t.text) in NATIONAL or k + "'s" in NATIONAL or k in MONTHS or k in WEEKDAYS or gaz.words.get(k, 99) <= 35:
            continue
        quoted = t.start > 0 and text[t.start - 1] in "\"“'‘"
        if t.initial and not quoted and not (i + 1 < len(toks) and toks[i + 1].shape == "title"):
            continue
        if any(gaz.surnames.get(st, 0) >= 300 or gaz.given.get(st, (0, 0))[0] >= 100 for st in _stems(k)):
            out.append(Span(t.start, t.base_end, "PERSON", text[t.start:t.base_end], 0.55, "context"))
    return out


_CAR_MAKES = frozenset(["audi", "seat", "ford", "vauxhall", "toyota", "nissan", "kia", "bmw", "mercedes", "merc",
                        "volkswagen", "vw", "skoda", "honda", "peugeot", "renault", "hyundai", "fiat", "citroen",
                        "mazda", "volvo", "suzuki", "dacia", "mitsubishi", "lexus", "jaguar", "tesla"])


# (session 11) a common surname after a lowercase given name, before a verb or the end of a clause: "mikey ward
# driving", "mick mcardle wis drivin"
_AFTER_SURNAME = frozenset(["driving", "drivin", "drives", "drove", "was", "wis", "is", "said", "sed", "says", "has",
                            "had", "texted", "rang", "came", "comes", "picked", "lives", "knows", "got", "gets",
                            "wants", "sent", "from", "fae", "frm"])


def _surname_said(text: str, toks: list[Tok], x: int, gaz: Gazetteers) -> bool:
    t = toks[x]
    if gaz.surnames.get(t.key, 0) < 20000 or t.key in STOP or t.base_end != t.end:
        return False
    after = text[t.end:t.end + 1]
    return after in (".", ",", "!", "?", "") or x + 1 < len(toks) and toks[x + 1].key in _AFTER_SURNAME and (
        text[t.end:toks[x + 1].start] == " ")


def lowercase_full_names(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers) -> list[Span]:
    """A lowercase given name right after a found lowercase name is the rest of it ("mackem mark"); a
    capitalised word after a car make is the model, not a person ("a blue Seat Leon")."""
    by_end = {s.end: s for s in spans if s.label == "PERSON"}
    starts = {t.start: x for x, t in enumerate(toks)}
    out = []
    drop: set[int] = set()
    for x, t in enumerate(toks):
        if x and toks[x - 1].key in _CAR_MAKES and t.shape == "title" and t.spaced:
            drop.add(t.start)
    for s in spans:
        if s.label == "PERSON" and s.start in drop:
            continue
        nxt_i = None
        if s.label == "PERSON" and s.text.islower() and s.end in by_end:
            for x in range(starts.get(s.start, -1), len(toks)):
                if x >= 0 and toks[x].start >= s.end:
                    nxt_i = x
                    break
        if nxt_i is not None:
            nt = toks[nxt_i]
            if nt.spaced and nt.start == s.end + 1 and nt.shape == "lower" and (
                    gaz.given.get(nt.key, (0, 0))[0] >= 500 or _surname_said(text, toks, nxt_i, gaz)):
                s = Span(s.start, nt.base_end, s.label, text[s.start:nt.base_end], s.confidence, s.source)
        out.append(s)
    return out


_HANDLE_NAME = re.compile(r"^@?([a-z]{2,12})(?=[._\d]|$)")


def handle_names(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers) -> list[Span]:
    """The name a chat handle is made of, used bare in the chat: "tj" of "tj.fr3sh", "riz" of "riz_7x",
    "savvy" of "savvy.b6" ("tj u still linking him", "ur moving mad tj")."""
    names: set[str] = set()
    for s in spans:
        if s.label == "CONTACT" and not any(c.isspace() for c in s.text) and "@" not in s.text[1:]:
            m = _HANDLE_NAME.match(s.text.lower())
            if m and m.group(1) != s.text.lower().lstrip("@"):  # the handle has more than the name
                names.add(m.group(1))
    names = {k for k in names if k not in STOP and k not in NOT_NAMES and gaz.words.get(k, 99) > 35}
    if not names:
        return []
    out = []
    for t in toks:
        if t.key in names and t.shape in ("lower", "title") and t.text[:1] != "@":
            out.append(Span(t.start, t.base_end, "PERSON", text[t.start:t.base_end], 0.6, "context"))
    return out


# (session 11) Dutch, German, Italian and Spanish particles, also two of them and capitalised: "Jan van den Heuvel",
# "Luca Di Stefano", "Ana de la Cruz"
_PARTICLE_GAP = re.compile(r" (?:ap|ab|ferch|verch|bin|ibn|binti|al|el|de|da|di|du|dos|das|la|le|del|della|van|von|"
                           r"van der|van den|van de|von der|von dem|de la|de las|de los|der|den|ter|ten|zu|"
                           r"De|Di|Da|Du|Del|Della|Van|Von|Van [Dd]er|Van [Dd]en|Ter) $")


_MIDDLE_PARTICLES = frozenset(["Van", "Văn", "Thi", "Thị", "Bin", "Binti", "Ibn", "Abu", "Ould", "Mac", "Nic", "Ni"])


def particle_names(text: str, spans: list[Span]) -> list[Span]:
    """Two parts of a name found on either side of a lowercase particle are one name ("Rhys ap Dafydd",
    "Ahmed bin Rashid", "Maria de Souza")."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda x: (x.start, x.end)):
        prev = out[-1] if out else None
        if prev is not None and prev.label == s.label == "PERSON" and 0 < s.start - prev.end <= 10 and (
                _PARTICLE_GAP.fullmatch(text[prev.end:s.start]) and text[s.start:s.start + 1].isupper()
                # (session 9) a middle name read with the first part: "Nguyen Van" + "Duc", "Tran Thi" + "Mai"
                or text[prev.end:s.start] == " " and prev.text.split()[-1] in _MIDDLE_PARTICLES):
            out[-1] = Span(prev.start, s.end, "PERSON", text[prev.start:s.end], max(prev.confidence, s.confidence),
                           prev.source)
            continue
        out.append(s)
    return out


def kin_nicknames(text: str, spans: list[Span]) -> list[Span]:
    """Widen a person found right after "uncle"/"auntie" to take the kinship word in ("uncle mo")."""
    out = []
    for s in spans:
        if s.label == "PERSON":
            m = _KIN.search(text, max(0, s.start - 8), s.start)
            if m and m.end() == s.start and "\n" not in m.group():
                s = Span(m.start(1), s.end, s.label, text[m.start(1):s.end], s.confidence, s.source)
        out.append(s)
    return out


def kin_names(text: str, gaz: Gazetteers) -> list[Span]:
    """"uncle t", "Auntie J": a kinship word before a single letter is a nickname."""
    out: list[Span] = []
    low = text.lower()
    if "uncle" not in low and "aunt" not in low and "nan" not in low and "grandad" not in low:
        return out
    for m in _KIN_NAME.finditer(text):
        w = m.group(1)
        k = w.lower()
        if len(w) != 1 or k in ("a", "i"):
            continue  # a given name after "nana" is found by itself, and "nana" would then be a name everywhere
        out.append(Span(m.start(), m.end(1), "PERSON", m.group(), 0.6, "context"))
    return out


def chat_possessives(text: str, spans: list[Span]) -> list[Span]:
    """A lowercase name with a possessive written without its apostrophe is the whole word ("at amayas",
    "tiannas cousin"), as the guidelines mark it; with an apostrophe the 's stays outside."""
    out = []
    for s in spans:
        e = s.end
        if s.label == "PERSON" and s.text.islower() and " " not in s.text and text[e:e + 1] == "s" and (
                e + 1 >= len(text) or not text[e + 1].isalnum()):
            s = Span(s.start, e + 1, s.label, text[s.start:e + 1], s.confidence, s.source)
        out.append(s)
    return out


# (session 8) words a name is said with, kept inside its span: an Arabic kunya before it ("Um Rania", "Abu
# Yusuf"), the Scots "wee" before it ("wee mikey"), the Welsh diminutive after it ("Dewi bach", "Mali fach"),
# a surname cut to its prefix after a lowercase chat name ("ciara mc")
_BEFORE_NAME = re.compile(r"(?:\b(?:Um|Umm|Om|Abu|Abou|Bint|wee|Wee)[ \t]+)$")
_AFTER_NAME = re.compile(r"^[ \t]+(?:bach|fach|Bach|Fach)\b|^[ \t]+(?:mc|mac|o')(?![\w'’])")
_CHAT_TAIL = re.compile(r"^[ \t]+(?:comin|coming|goin|going|gonna|innit|tho|lol)\b")


def name_affixes(text: str, spans: list[Span]) -> list[Span]:
    """Widen a person to the words it is said with; cut a chat word the name ran into ("mikey comin")."""
    out = []
    for s in spans:
        if s.label == "PERSON" and s.text[:1].islower() and s.text.count(" ") == 1:
            head, _sp, tail = s.text.partition(" ")
            if _CHAT_TAIL.match(" " + tail):
                s = Span(s.start, s.start + len(head), s.label, head, s.confidence, s.source)
        if s.label == "PERSON" and " " not in s.text.strip():
            m = _BEFORE_NAME.search(text, max(0, s.start - 6), s.start)
            if m and "\n" not in m.group() and (m.group().strip()[0].isupper() == s.text[0].isupper()
                                                or m.group().strip().lower() != "wee"):
                s = Span(m.start(), s.end, s.label, text[m.start():s.end], s.confidence, s.source)
            a = _AFTER_NAME.search(text[s.end:s.end + 8])
            if a and (a.group().strip() in ("bach", "fach", "Bach", "Fach") or s.text[:1].islower()):
                e = s.end + a.end()
                s = Span(s.start, e, s.label, text[s.start:e], s.confidence, s.source)
        out.append(s)
    return out


def initial_dots(text: str, spans: list[Span]) -> list[Span]:
    """(session 9) A person ending with a surname's initial keeps its dot: "Hodan A." (a record marking the dot
    is then covered)."""
    return [Span(s.start, s.end + 1, s.label, text[s.start:s.end + 1], s.confidence, s.source)
            if s.label == "PERSON" and text[s.end:s.end + 1] == "." and len(s.text) >= 3 and s.text[-2] == " "
            and s.text[-1].isupper() else s for s in spans]
