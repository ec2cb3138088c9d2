"""Gazetteer and context rules over tokens: names (with frequency-aware handling of names that are also
words), titles ("PC X", "Mrs X"), cue phrases ("my name is X", "called X"), places, streets, estates,
addresses, and organisations by their head word ("X Academy", "X Taxis", "the X hotel").

Everything is plain dictionary look-ups on a regex tokenisation, so it runs far faster than the NER layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteers import Gazetteers
from .spans import Span, fold

TOKEN = re.compile(r"[^\W_]+(?:['’.\-&][^\W_]+)*(?:['’]s?)?")
_POSS = re.compile(r"['’]s?$")
_HYPHEN_SUFFIX = re.compile(r"^(.+?)-(?:based|born|bred|wide|area|bound|side|registered|plated)$", re.IGNORECASE)
_CONTRACTION = re.compile(r"['’](?:m|ll|re|ve|d|t|s)$")

STOP = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "so", "of", "to", "in", "on", "at", "by", "for", "from", "with", "without", "into", "onto", "over", "under", "up", "down", "off", "out", "about", "after", "before", "around", "round", "near", "past", "through", "via", "than", "then", "as", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had", "having", "i", "me", "my", "mine", "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its", "we", "us", "our", "they", "them", "their", "this", "that", "these", "those", "there", "here", "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "all", "any", "some", "no", "not", "nor", "only", "own", "same", "too", "very", "can", "will", "just", "should", "would", "could", "might", "must", "shall", "may", "yes", "yeah", "yea", "yep", "nah", "no", "ok", "okay", "oh", "ah", "um", "erm", "er", "uh", "like", "innit", "init", "lol", "omg", "tbh", "idk", "u", "ur", "ya", "yh", "ye", "bro", "bruv", "fam", "mate", "mum", "mam", "dad", "nan", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "just", "also", "even", "really", "still", "again", "ever", "never", "always", "mr", "mrs", "ms", "miss", "dr", "pc", "dc", "ds", "di", "dci", "sgt", "cllr", "sir", "madam", "officer"]
)
TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "pc", "dc", "ds", "di", "dci", "dsi", "dcs", "sgt", "sergeant", "inspector", "constable", "detective", "officer", "cllr", "councillor", "nurse", "auntie", "aunty", "uncle", "sir", "lady", "lord"]
)
ROLE_WORDS = frozenset(
    ["int", "interviewer", "interviewee", "facilitator", "researcher", "participant", "participants", "mod", "moderator", "admin", "chair", "yp", "r", "q", "a", "p", "f", "m", "i", "note", "notes", "present", "apologies", "date", "time", "venue", "subject", "re", "action", "agenda", "item", "mum", "dad", "carer", "worker", "officer", "host", "speaker", "unknown", "both", "all", "group", "girl", "boy", "victim", "suspect", "witness", "respondent", "member", "members", "attendees", "audio", "transcript", "transcriber", "location", "place", "duration", "consent", "youthvoice", "professor", "prof", "young", "person", "people", "panel", "police", "council", "school", "sergeant", "inspector", "constable", "detective", "nurse", "teacher", "manager", "lead", "coordinator", "analyst", "superintendent", "chief", "social", "worker", "fieldnotes", "field", "summary", "minutes", "tel", "mob", "email", "phone", "ext", "fax"]
)
MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
)
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
# capitalised words that are never a person on their own
NOT_NAMES = frozenset(
    ["god", "jesus", "allah", "christmas", "easter", "eid", "ramadan", "diwali", "snapchat", "snap", "instagram", "insta", "whatsapp", "facebook", "tiktok", "kik", "twitter", "youtube", "xbox", "playstation", "iphone", "android", "google", "uber", "police", "council", "school", "academy", "hotel", "road", "street", "lane", "avenue", "station", "court", "park", "estate", "centre", "center", "home", "office", "nhs", "cps", "nspcc", "ofsted", "english", "british", "asian", "white", "black", "muslim", "christian", "sikh", "hindu", "polish", "romanian", "pakistani", "indian", "bengali", "kurdish", "afghan", "albanian", "somali", "eritrean", "african", "caribbean", "irish", "scottish", "welsh", "european", "english", "okay", "mum", "mam", "dad", "nan", "nana", "gran", "grandad", "grandma", "grandpa", "auntie", "aunty", "uncle", "bro", "sis", "babe", "baby", "hun", "hon", "love", "mate", "lad", "lads", "girls", "boys", "yeah", "yes", "no", "ok", "oh", "um", "erm", "hmm", "right", "well", "so", "and", "but", "the", "i", "you", "he", "she", "they", "we", "it", "this", "that", "there", "red", "reg", "info", "bro", "sis", "cuz", "fam", "astra", "corsa", "golf", "polo", "fiesta", "focus", "transit", "bmw", "audi", "mercedes", "merc", "vauxhall", "ford", "toyota", "honda", "nissan", "kia", "skoda", "seat", "range", "rover", "mcdonald", "mcdonalds", "maccies", "kfc", "subway", "greggs", "tesco", "asda", "aldi", "lidl", "primark", "boots", "sainsbury", "morrisons", "nandos", "costa", "starbucks", "argos", "spar", "iceland", "romani", "roma", "traveller", "travellers", "gypsy", "gypsies", "facilitator", "interviewer", "researcher", "participant", "moderator", "chair", "respondent", "welcome", "great", "thanks", "thank", "sorry", "hello", "hi", "hiya", "chief", "constable", "money", "nando", "nandos", "other", "min", "tho", "dunno", "gonna", "wanna", "bc", "cos", "coz", "ppl", "pls", "plz", "thx", "ty", "np", "rn", "tbf", "ngl", "smh", "fr", "deffo", "defo", "bare", "peak", "mandem", "gyal", "ting", "wagwan", "innit", "wdym", "lmao", "lmfao", "rly", "sum", "nun", "dat", "dis", "dem", "wiv", "wen", "wat", "wot", "luv", "xx", "xxx", "bae", "blud", "ha", "haha", "wasnt", "dont", "cant", "wont", "didnt", "isnt", "aint", "couldnt", "wouldnt", "shouldnt", "doesnt", "havent", "hasnt", "ive", "youre", "theyre", "thats", "whats", "hes", "shes", "were", "weve", "theres"]
) | frozenset(
    ["england", "scotland", "wales", "ireland", "britain", "uk", "spain", "france", "germany", "italy", "poland", "romania", "bulgaria", "albania", "pakistan", "india", "bangladesh", "afghanistan", "iran", "iraq", "syria", "turkey", "somalia", "eritrea", "sudan", "ethiopia", "nigeria", "ghana", "kenya", "jamaica", "china", "vietnam", "thailand", "philippines", "portugal", "greece", "cyprus", "dubai", "america", "usa", "canada", "australia", "lithuania", "latvia", "estonia", "slovakia", "hungary", "czech", "kosovo", "serbia", "croatia", "morocco", "egypt", "libya", "yemen", "kuwait", "qatar", "europe", "africa", "asia", "london"]
) - frozenset(["london"])
NOT_NAMES = NOT_NAMES | frozenset(
    ["jus", "sumwhere", "smthn", "summat", "nuffin", "macdonalds", "northern", "southern", "eastern", "western", "judge", "magistrate", "aye", "gosh"]
)
# nationalities and languages: capitalised like names, never a person on their own ("the Russian", "Lithuanian guy")
DEMONYMS = frozenset(
    """russian lithuanian latvian estonian ukrainian slovak slovakian czech hungarian bulgarian serbian croatian
    bosnian kosovan kosovar greek turkish iranian iraqi syrian sudanese ethiopian nigerian ghanaian kenyan jamaican
    chinese vietnamese thai filipino portuguese spanish french german italian dutch belgian american canadian
    australian moroccan algerian egyptian libyan yemeni lebanese palestinian israeli arab arabic persian farsi
    punjabi gujarati urdu hindi tamil sinhalese nepali moldovan armenian chechen uzbek congolese zimbabwean ugandan
    cameroonian gambian eritrean somali somalian romanes pashto dari tigrinya amharic swahili yoruba igbo twi
    lithuanians russians romanians poles slovaks albanians kurds afghans pakistanis bangladeshis indians""".split()  # noqa: SIM905
)
NOT_NAMES = NOT_NAMES | DEMONYMS
TITLES = TITLES | {"judge", "coach"}
# national bodies and platforms the guidelines leave unmarked
NATIONAL = frozenset(
    """home office|cps|crown prosecution service|nspcc|barnardo's|barnardos|ofsted|hmicfrs|nhs|dfe|ceop|nca|
    national crime agency|iicsa|children's society|childline|snapchat|instagram|whatsapp|facebook|tiktok|
    youtube|mash|social services|children's services|the police|the council|ncmec|interpol|the met office"""
    .replace("\n", "").split("|")
)
PREP_PLACE = frozenset(
    ["in", "at", "from", "to", "near", "round", "around", "outside", "through", "into", "towards", "toward", "via", "off", "up", "down", "along", "across", "behind", "by", "past", "over"]
)
NAME_LEFT = (
    ("my", "name", "is"), ("her", "name", "is"), ("his", "name", "is"), ("name", "is"), ("name's",),
    ("names",), ("called",), ("named",), ("nicknamed",), ("known", "as"), ("calls", "himself"),
    ("calls", "herself"), ("call", "him"), ("call", "her"), ("call", "me"), ("goes", "by"), ("go", "by"),
    ("aka",), ("this", "is"), ("i'm",), ("im",), ("i", "am"), ("my", "cuz"), ("my", "cousin"), ("my", "mate"),
    ("my", "bf"), ("my", "gf"), ("my", "boyfriend"), ("my", "girlfriend"), ("my", "bro"), ("my", "sis"),
    ("my", "brother"), ("my", "sister"), ("my", "friend"), ("my", "bestie"), ("my", "bestfriend"),
    ("her", "boyfriend"), ("her", "bf"), ("his", "girlfriend"), ("his", "gf"), ("uncle",), ("auntie",),
    ("guy",), ("girl",), ("lad",), ("bloke",), ("fella",), ("they", "call"), ("we", "call"), ("they", "called"),
    ("everyone", "called"), ("everyone", "calls"), ("lads", "call"), ("girls", "call"),
)
KIN_CUES = frozenset(
    ("my", x) for x in ["cuz", "cousin", "mate", "bf", "gf", "boyfriend", "girlfriend", "bro", "sis", "brother", "sister", "friend", "bestie", "bestfriend"]
) | {("her", "boyfriend"), ("her", "bf"), ("his", "girlfriend"), ("his", "gf"), ("uncle",), ("auntie",), ("guy",),
   ("girl",), ("lad",), ("bloke",), ("fella",)}
NAME_LEFT_WEAK = frozenset(
    ["with", "told", "asked", "texted", "messaged", "rang", "phoned", "met", "and", "saw", "seen", "seeing", "tell", "ask", "text", "message", "ring", "phone", "meet", "fancied", "fancy", "loves", "loved", "dating", "dated", "kissed", "introduced", "by"]
)
NAME_RIGHT = frozenset(
    ["said", "says", "told", "tells", "texted", "text", "messaged", "rang", "phoned", "asked", "asks", "was", "is", "has", "had", "and", "came", "come", "comes", "went", "goes", "picked", "took", "takes", "gave", "gives", "got", "gets", "wanted", "wants", "used", "used", "knew", "knows", "lives", "lived", "reckons", "reckoned", "showed", "shouted", "started", "kept", "died", "disclosed"]
)
ORG_HEADS_CAP = {
    "academy": 1, "school": 1, "primary": 1, "college": 1, "high": 1, "grammar": 1, "infants": 1, "juniors": 1,
    "hotel": 1, "inn": 1, "lodge": 1, "motel": 1, "b&b": 1, "taxis": 1, "taxi": 1, "cars": 1, "cabs": 1,
    "minicabs": 1, "kebabs": 1, "kebab": 1, "pizza": 1, "pizzas": 1, "pizzeria": 1, "chicken": 1, "takeaway": 1,
    "cafe": 1, "café": 1, "grill": 1, "express": 1, "council": 1, "police": 1, "constabulary": 1, "trust": 1,
    "project": 1, "foundation": 1, "club": 1, "fc": 1, "barbers": 1, "garage": 1, "motors": 1, "store": 1,
    "stores": 1, "mart": 1, "board": 1, "alliance": 1, "abc": 1, "network": 1, "advisors": 1, "voices": 1,
    "hospital": 1, "infirmary": 1, "hospice": 1, "clinic": 1, "pharmacy": 1, "chemist": 1, "library": 1,
    "gym": 1, "ltd": 1, "limited": 1, "autos": 1, "newsagents": 1, "vapes": 1, "nightclub": 1, "foyer": 1,
    "housing": 1, "homes": 1, "comprehensive": 1, "secondary": 1, "utc": 1, "cutz": 1, "carwash": 1,
    "voice": 1, "forum": 1, "collective": 1, "hub": 1, "campus": 1, "palace": 1, "bites": 1, "group": 1, "partnership": 1, "association": 1, "supermarket": 1, "off-licence": 1, "bar": 1, "pub": 1, "arms": 1, "tavern": 1,
    "services": 1, "house": 1, "hall": 1, "nursery": 1, "fried": 0, "wines": 1, "convenience": 1, "shisha": 1,
    "lounge": 1, "restaurant": 1, "diner": 1, "bakery": 1, "launderette": 1, "nails": 1, "salon": 1,
    "hostel": 1, "zone": 1, "initiative": 1, "co-op": 1, "cooperative": 1, "sixth": 0, "centre": 1, "center": 1, "church": 1, "mosque": 1, "gurdwara": 1, "temple": 1,
}
ORG_MULTI = (
    ("youth", "club"), ("youth", "centre"), ("youth", "project"), ("children", "home"), ("childrens", "home"),
    ("care", "home"), ("private", "hire"), ("sixth", "form"), ("sixth", "form", "college"), ("high", "school"),
    ("primary", "school"), ("community", "centre"), ("community", "college"), ("leisure", "centre"),
    ("borough", "council"), ("city", "council"), ("county", "council"), ("district", "council"),
    ("metropolitan", "borough", "council"), ("fried", "chicken"), ("guest", "house"), ("kebab", "house"),
    ("pizza", "house"), ("family", "centre"), ("residential", "home"), ("pupil", "referral", "unit"),
    ("food", "bank"), ("youth", "service"), ("boxing", "club"), ("football", "club"), ("children", "centre"),
    ("mini", "market"), ("shisha", "lounge"), ("snooker", "club"), ("crown", "court"), ("magistrates", "court"),
    ("magistrates'", "court"), ("youth", "court"), ("family", "court"), ("rape", "crisis"), ("learning", "campus"),
    ("young", "advisors"), ("young", "voices"), ("young", "people's", "service"), ("youth", "zone"),
    ("medical", "centre"), ("health", "centre"), ("health", "board"), ("medical", "practice"), ("surgery",), ("car", "wash"),
    ("hand", "car", "wash"), ("family", "hub"), ("referral", "unit"), ("free", "school"), ("studio", "school"),
)
MULTI_FIRST = frozenset(m[0] for m in ORG_MULTI)
ORG_LOWER_HEADS = frozenset(
    ["academy", "school", "primary", "college", "high", "hotel", "inn", "lodge", "taxis", "cabs", "cars", "kebabs", "pizza", "takeaway", "chicken", "council", "police", "constabulary", "vapes", "hall", "motors", "autos", "nails", "carwash"]
)
ORG_KNOWN = {
    ("premier", "inn"), ("travelodge",), ("holiday", "inn"), ("ibis",), ("best", "western"), ("days", "inn"),
    ("park", "inn"), ("jurys", "inn"), ("novotel",), ("mercure",), ("ramada",), ("crowne", "plaza"),
    ("holiday", "inn", "express"), ("ibis", "budget"), ("hampton", "by", "hilton"), ("youth", "zone"),
    ("britannia", "hotel"), ("gmp",), ("wmp",), ("wyp",), ("syp",), ("psni",), ("btp",), ("tvp",), ("mps",),
    ("police", "scotland"), ("met", "police"), ("the", "met"), ("merseyside", "police"),
}
LOC_HEADS_CAP = frozenset(
    ["road", "rd", "street", "st", "lane", "avenue", "ave", "close", "drive", "way", "crescent", "grove", "gardens", "place", "court", "terrace", "square", "mews", "rise", "walk", "row", "parade", "boulevard", "hill", "view", "green", "croft", "vale", "chase", "wharf", "quay", "fields", "meadows", "park", "estate", "precinct", "retail", "interchange", "station", "brow", "brae", "wynd", "garth", "heights", "approach", "mount", "glade", "circle", "ridge", "dale", "bank", "drove", "gate", "yard", "orchard", "paddock", "causeway", "copse", "common", "broadway", "side", "end", "cross", "bridge", "village", "flats", "towers", "tower"]
)
LOC_LOWER_HEADS = frozenset(
    ["road", "rd", "street", "st", "lane", "avenue", "ave", "close", "drive", "crescent", "grove", "gardens", "terrace", "park", "estate", "flats", "towers", "mews", "way", "square", "precinct"]
)
LOC_HEAD_EXCLUDE_PREV = frozenset(
    ["crown", "magistrates", "magistrate", "family", "youth", "high", "police", "bus", "train", "railway", "coach", "fire", "petrol", "service", "car", "skate", "retail"]
)
CONNECTORS = frozenset(["of", "and", "&", "the", "upon", "le", "de", "la", "st", "st.", "saint"])
_SPEAKER = re.compile(
    # optional WhatsApp-style "[12/03/2019, 21:14:05] " or "12/03/2019, 21:14 - ", or a "[00:01:02]" stamp
    r"(?m)^[ \t]*(?:\[?\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?\]?"
    r"[ \t]*(?:-[ \t]*)?)?"
    r"(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\]?[ \t]*)?(?:<v[ \t]+)?"
    r"(?P<label>[^\W\d_][\w.'’-]*(?:[ \t][^\W\d_][\w.'’-]*){0,2})[ \t]*(?::|>)"
)
_HEADER_CUE = re.compile(
    r"\b(?:Interviewer|Researcher|Participant|Facilitator|Interviewee|Note-taker|Notetaker|Delivered by|"
    r"Chair|Observer|Present|Attendees?|Name|Full name|Surname|Forenames?|Known as|Alias|AKA|Child|"
    r"Young person|Mother|Father|Carer|Social worker|Allocated worker|Officer in case|OIC|Referrer|"
    r"Subject|Suspect|Victim|Witness)\s*:\s*(?:(?:Dr|Mr|Mrs|Ms|Miss|PC|DC|DS|DI|DCI|Sgt|Prof|Professor|Cllr)"
    r"\.?\s+)?(?P<name>[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*){0,2})"
)
ROLE_UPPER = frozenset(
    ["int", "iv", "yp", "yps", "r", "q", "a", "p", "i", "f", "m", "ie", "ch", "mod", "fac", "res", "inv", "sw", "dsl", "sio", "pc", "dc", "ds", "di", "dci", "sgt", "ps", "ins", "ivr", "ver", "me", "all", "interp", "dsu", "dcs", "acc", "dcc", "supt", "insp", "cse", "cid", "yot", "mash", "nhs", "gp", "sen", "tbc", "aob", "ld", "ok", "na", "nb", "re", "cc"]
) | frozenset(
    ["ip", "interp", "dob", "ni", "tel", "mob", "ref", "urn", "oic", "pnc", "crn", "cin", "cp", "lac", "cla", "ehcp", "send", "pcso", "dv", "va"]
)
CUES_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _cue in sorted(NAME_LEFT, key=len, reverse=True):
    CUES_BY_LAST.setdefault(_cue[-1], []).append(_cue)
ORG_KNOWN_FIRST = frozenset(k[0] for k in ORG_KNOWN)
LOWER_TITLES = frozenset(["mr", "mrs", "miss", "ms", "pc", "dc", "ds", "sgt", "coach", "sir", "miss"])
UNKNOWN_CONF = 0.42
LOC_HEAD_BLOCK = frozenset(
    ["end", "side", "head", "down", "bottom", "ground", "cross", "common", "edge", "link", "corner", "piece", "field", "fields", "approach", "mount", "view", "bank", "gate", "farm", "cottages", "mill", "bridge", "wood", "oval", "circle", "ride", "fold", "glas", "bach", "newydd", "fawr", "isaf", "uchaf", "wen", "gwyn", "las", "coed", "afon", "nant", "felin", "ysgol", "eglwys", "bryn", "pleasant", "dale"]
)
PAST_NAME_VERBS = frozenset(
    ["said", "says", "told", "texted", "messaged", "rang", "reckons", "asked", "stopped", "went", "came", "got", "kept", "picked", "took", "gave", "knew", "lived", "moved", "left", "ran", "showed", "started", "wanted", "needed", "tried", "goes", "comes", "gets", "keeps", "picks", "takes", "gives", "wants"]
)
STREET_PREPS = frozenset(["on", "off", "down", "along", "near", "up", "round"])
PLACE_CUES = frozenset(["in", "from", "towards", "toward", "via", "near", "around", "round", "outside"])
MOTION = frozenset(["went", "back", "go", "going", "goes", "moved", "move", "drove", "drive", "came", "come", "taken", "took", "sent", "placed", "get", "got", "travelled", "ran", "run", "walked", "moving"])
_QUOTED_NICK = re.compile(r"\b([A-Z][a-z]+) [\"“]([A-Z][a-z]+)[\"”] ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
NAME_PARTICLES = frozenset(["ó", "o", "ni", "nic", "mac", "mc", "van", "von", "de", "da", "di", "du", "le", "la", "al", "el", "bin", "ben", "abu", "ibn"])
RANKS = TITLES | frozenset(["chief", "superintendent", "acting", "temporary", "detective", "police", "deputy", "assistant"])


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    key: str  # folded, possessive stripped
    base_end: int  # end without the possessive
    shape: str  # "lower", "title", "upper", "other"
    initial: bool  # first word of a sentence, line or speaker turn
    spaced: bool = True  # preceded by exactly one space (so it may continue a name)

    @property
    def cap(self) -> bool:
        return self.shape in ("title", "upper")


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    prev_end = 0
    for m in TOKEN.finditer(text):
        s, e = m.start(), m.end()
        raw = m.group()
        base = raw
        pm = _POSS.search(raw)
        if pm and len(raw) > 2:
            base = raw[: pm.start()]
        gap = text[prev_end:s]
        initial = not toks or ("\n" in gap) or bool(re.search(r"[.!?:]\s*$", gap)) or (
            toks and toks[-1].key in ROLE_WORDS and ":" in gap
        )
        letters = [c for c in base if c.isalpha()]
        if not letters:
            shape = "other"
        elif all(c.islower() for c in letters):
            shape = "lower"
        elif all(c.isupper() for c in letters):
            shape = "upper" if len(letters) > 1 else "title"
        elif base[0].isupper():
            shape = "title"
        else:
            shape = "other"
        key = fold(base)
        hm = _HYPHEN_SUFFIX.match(raw)
        if hm:  # "Sunderland-based": the place is the first part
            base = raw = hm.group(1)
            e = s + len(raw)
            key = fold(raw)
        toks.append(Tok(raw, s, e, key, s + len(base), shape, bool(initial), gap == " "))
        prev_end = e
    return toks


class RuleLayer:
    """Proposes spans from gazetteers and context; see the module docstring."""

    def __init__(self, gaz: Gazetteers) -> None:
        self.g = gaz
        self._del_index: set[str] | None = None
        # capitalised street and place heads: the hand list plus OS street-type words, minus generic ones
        self.loc_heads = LOC_HEADS_CAP | {"bay", "quays", "marina", "docks"} | (gaz.street_suffixes - LOC_HEAD_BLOCK)
        self._popular: set[str] = set()

    # ---------------------------------------------------------------- name scoring
    def given_score(self, t: Tok, upper_doc: bool) -> float:
        """How likely a token is a person's name from the lists and its shape alone (0 = not at all)."""
        k = t.key
        if len(k) < 2 or k in STOP or k in NOT_NAMES or k in MONTHS or k in WEEKDAYS or not k[0].isalpha():
            return 0.0
        if "-" in k and k not in self.g.given and t.shape != "lower":
            # "Smith-Jones", "Jean-Baptiste": a name when its parts are names
            parts = [p for p in k.split("-") if p]
            if len(parts) >= 2 and all(p in self.g.given or p in self.g.surnames for p in parts) and not all(
                self.g.words.get(p, 99) <= 20 for p in parts
            ):
                return 0.8 if not t.initial else 0.6
            return 0.0
        if ("'" in k or "’" in k) and (_CONTRACTION.search(k) or not re.match(r"^[a-z]['’][a-z]{3,}", k)):
            return 0.0  # I'm, she'll, don't (but O'Brien, D'Souza)
        if t.shape == "upper" and not upper_doc and (len(k) <= 4 or self.g.words.get(k, 99) <= 35):
            return 0.0  # CID, MASH, SIO, GREEN
        if t.shape == "upper" and upper_doc:
            t = Tok(t.text, t.start, t.end, k, t.base_end, "lower", t.initial, t.spaced)
        g = self.g.given.get(k)
        s = self.g.surnames.get(k.replace("'", "").replace("-", "").replace("’", ""))
        tier = self.g.words.get(k)
        cap = t.cap and not (upper_doc and t.shape == "upper")
        if g:
            uk, us = g
            popular = uk >= 20 or us >= 1000
            if cap:
                if tier is None or tier >= 50:
                    return 0.9 if not t.initial else (0.8 if popular else 0.5)
                return 0.0 if t.initial else 0.65
            if tier is None:
                if popular and len(k) >= 3:
                    return 0.8
                if uk >= 3 and len(k) >= 4:
                    return 0.45
                return 0.0
            if tier >= 50 and uk >= 200:
                return 0.65
            if tier in (35, 40) and uk >= 1000 and k not in AMBIGUOUS_35:
                return 0.55
            return 0.0
        if s:
            if cap and not t.initial:
                if tier is None:
                    return 0.8 if s >= 100 else 0.55
                return 0.5 if tier >= 50 else (0.35 if tier >= 35 else 0.0)
            if cap and t.initial and tier is None and s >= 1000:
                return 0.55
        return 0.0

    def is_name_word(self, t: Tok) -> bool:
        k = t.key
        if k in STOP or k in MONTHS or k in WEEKDAYS or k in NOT_NAMES:
            return False
        return k in self.g.given or k.replace("'", "").replace("-", "") in self.g.surnames

    # ---------------------------------------------------------------- main pass
    def find(self, text: str, toks: list[Tok] | None = None) -> list[Span]:
        toks = toks if toks is not None else tokenize(text)
        letters = [c for c in text[:5000] if c.isalpha()]
        upper_doc = bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)
        out: list[Span] = []
        n = len(toks)
        used = [False] * n

        def add(i: int, j: int, label: str, conf: float, src: str = "rule", *, keep_poss: bool = False) -> None:
            s = toks[i].start
            e = toks[j].end if keep_poss else toks[j].base_end
            out.append(Span(s, e, label, text[s:e], conf, src))
            for x in range(i, j + 1):
                used[x] = True

        keys = [t.key for t in toks]
        for i, t in enumerate(toks):
            k = keys[i]
            # ---- organisations and places by head word (look left from the head)
            if k in ORG_HEADS_CAP or k in self.loc_heads or k in ORG_LOWER_HEADS or k in LOC_LOWER_HEADS or (
                k in MULTI_FIRST or k in LOWER_HEAD_OUTSIDE
            ):
                self._head_rule(text, toks, keys, i, add, upper_doc)
            # ---- titles: "PC Smith", "Mrs jones"
            if k in TITLES and i + 1 < n and (t.cap or k in LOWER_TITLES) and not (
                t.text == "MS" and not upper_doc  # "MS Teams"
            ):
                j = i + 1
                while j + 1 < n and keys[j] in RANKS and toks[j].cap:
                    j += 1
                nt = toks[j]
                if nt.start - t.end <= 2 and nt.key not in STOP and nt.key not in NOT_NAMES and (
                    nt.cap or (nt.shape == "lower" and self.g.words.get(nt.key, 99) >= 35)
                    or (nt.shape == "lower" and self.g.given.get(nt.key, (0, 0))[0] >= 500)
                ) and nt.key.isalpha() is not False:
                    end = j
                    while end + 1 < n and self._joins(toks[end], toks[end + 1], upper_doc):
                        end += 1
                    if k in ("uncle", "auntie", "aunty") and t.shape == "title":
                        j = i  # "Uncle Vic" is the nickname itself
                    if nt.key not in RANKS:
                        add(j, end, "PERSON", 0.9)
        # ---- cue phrases: "my name is X", "called X"
        for i in range(1, n):
            cues = CUES_BY_LAST.get(keys[i - 1])
            if not cues or used[i]:
                continue
            for cue in cues:
                L = len(cue)
                if i >= L and tuple(keys[i - L:i]) == cue:
                    t = toks[i]
                    if t.key in STOP or t.key in NATIONAL or (t.key in NOT_NAMES and not (t.cap and t.key in self.g.given)) or t.shape == "other" or t.key in MONTHS or _CONTRACTION.search(
                        t.key
                    ) or any(
                        c.isdigit() for c in t.key
                    ):
                        continue
                    if cue in (("this", "is"), ("i'm",), ("im",), ("i", "am")) and self.given_score(t, upper_doc) <= 0 \
                            and not (t.cap and not t.initial and t.key not in self.g.words):
                        continue
                    if cue in (("called",), ("named",)) and not (t.cap or self.is_name_word(t)):
                        continue
                    if cue in KIN_CUES and (t.key in self.g.words or t.key in NOT_NAMES or len(t.key) > 12):
                        continue
                    if not t.cap and self.g.words.get(t.key, 99) <= 35:
                        continue
                    if t.cap and self.g.words.get(t.key, 99) <= 20 and t.key not in self.g.given:
                        continue
                    end = i
                    if end + 1 < n and not used[end + 1] and self._joins(toks[end], toks[end + 1], upper_doc):
                        end += 1
                    add(i, end, "PERSON", 0.9, "context")
                    break
        self._nickname_cues(text, toks, keys, used, add, upper_doc)
        # ---- "lil d", "big man" style street names
        for i in range(n - 1):
            if keys[i] in ("lil", "little", "big", "young", "yung", "fat", "wee", "skinny", "mad") and not used[i + 1]:
                prev = keys[i - 1] if i else ""
                nk = keys[i + 1]
                if prev in ("a", "the", "this", "that", "some", "very", "so", "too", "my", "his", "her", "your"):
                    continue
                if nk in STOP and nk not in ("man",):
                    continue
                if not toks[i + 1].spaced or keys[i] in ("fat", "wee", "skinny", "mad") and not (
                    toks[i].cap and toks[i + 1].cap and self.given_score(toks[i + 1], upper_doc) > 0
                ):
                    continue  # "Fat Tony", not "went mad\nY3"
                if keys[i] in ("little", "young", "big") and not (
                    len(nk) <= 2 or nk == "man" or self.given_score(toks[i + 1], upper_doc) > 0
                ):
                    continue
                if keys[i] == "lil" and not (len(nk) <= 3 or nk == "man" or self.is_name_word(toks[i + 1])):
                    continue
                add(i, i + 1, "PERSON", 0.6, "context")
        # ---- speaker labels: "Rhi:", "SL:", "<v Harjit Bains>", header lines "Interviewer: Dr Helen Marsh"
        for m in _SPEAKER.finditer(text):
            self._speaker_label(text, m.start("label"), m.group("label"), out)
        for m in _HEADER_CUE.finditer(text):
            name = m.group("name")
            words = name.split()
            if len(words) == 1 and re.match(r" [a-z]", text[m.end("name"):m.end("name") + 2]) and (
                self.g.words.get(fold(name), 99) <= 35 or _CONTRACTION.search(fold(name))
            ):
                continue  # "Interviewer: Tell me about...", "Interviewer: That's fine": a turn, not a name
            while words and fold(words[-1]) in ROLE_WORDS | STOP:
                words.pop()
            if words and fold(words[0]) not in self.g.given and self.g.words.get(fold(words[0]), 99) <= 50:
                continue
            if words and (fold(words[0]) in ROLE_UPPER or fold(words[0]) in WEEKDAYS or fold(words[0]) in MONTHS):
                continue
            if words and not all(fold(w) in ROLE_WORDS or fold(w) in NOT_NAMES for w in words) and (
                len(words[0]) > 1
            ):
                name = " ".join(words)
                out.append(Span(m.start("name"), m.start("name") + len(name), "PERSON", name, 0.8, "context"))
        # ---- organisations known by name ("PSNI", "Premier Inn")
        for i in range(n):
            if keys[i] not in ORG_KNOWN_FIRST:
                continue
            for L in (3, 2, 1):
                if i + L <= n and tuple(keys[i:i + L]) in ORG_KNOWN and (toks[i].cap or L > 1):
                    add(i, i + L - 1, "ORG", 0.8, "gazetteer")
                    break
        # ---- Gary "Gaz" Whitworth
        for m in _QUOTED_NICK.finditer(text):
            if self.g.given.get(fold(m.group(1))):
                out.append(Span(m.start(), m.end(), "PERSON", m.group(), 0.9, "context"))
        # ---- multi-word places from the gazetteer
        for i in range(n):
            if used[i]:
                continue
            cands = self.g.places_multi.get(keys[i])
            if not cands:
                continue
            for parts, townish in cands:
                L = len(parts)
                if tuple(keys[i:i + L]) == parts and not any(used[i:i + L]):
                    caps = all(toks[x].cap or keys[x] in CONNECTORS for x in range(i, i + L))
                    if keys[i] == "the" and not toks[i + 1].cap:
                        break
                    after_prep = i > 0 and keys[i - 1] in _AT_PREPS | PLACE_CUES and toks[i - 1].shape == "lower"
                    if caps or (townish and L >= 2 and (
                        any(self.g.words.get(x, 99) >= 50 for x in parts) or (after_prep and L >= 2 and all(
                            toks[x].shape == "lower" for x in range(i, i + L)) and parts[-1] not in _GENERIC_PLACE_WORDS)
                    )):
                        add(i, i + L - 1, "LOCATION", 0.85 if caps else 0.6, "gazetteer")
                    break
        # ---- single tokens: names and places
        for i, t in enumerate(toks):
            if used[i]:
                continue
            k = keys[i]
            prev = keys[i - 1] if i else ""
            prev_gap_ok = i > 0 and t.start - toks[i - 1].end <= 2
            place = self.g.places1.get(k)
            gscore = self.given_score(t, upper_doc)
            if place is not None and k not in STOP and k not in NOT_NAMES and k not in MONTHS:
                tier = self.g.words.get(k)
                after_prep = prev in PREP_PLACE and prev_gap_ok
                is_given = k in self.g.given and (self.g.given[k][0] >= 50 or self.g.given[k][1] >= 2000)
                if place and t.cap and not t.initial and self.g.given.get(k, (0, 0))[0] < 200 and (
                    tier is None
                ):
                    is_given = False
                popular = self.g.given.get(k, (0, 0))[0] >= 1000 and not place
                if k in self.g.major and t.cap and tier is None and not (
                    i + 1 < n and keys[i + 1] in NAME_RIGHT - {"and"}
                ) and prev not in TITLES:
                    add(i, i, "LOCATION", 0.8, "gazetteer")  # London, Oldham: a town before a given name
                    continue
                if after_prep and (t.cap or tier is None or (place and tier >= 50)) and not popular and not (
                    is_given and prev in NAME_LEFT_WEAK and prev not in PREP_PLACE
                ):
                    add(i, i, "LOCATION", 0.8, "gazetteer")
                    continue
                if t.cap and not t.initial and tier is None and not is_given:
                    add(i, i, "LOCATION", 0.75, "gazetteer")
                    continue
                if t.cap and t.initial and tier is None and not is_given and place:
                    add(i, i, "LOCATION", 0.6, "gazetteer")
                    continue
                if t.shape == "lower" and tier is None and place and not is_given and len(k) >= 4:
                    add(i, i, "LOCATION", 0.55, "gazetteer")
                    continue
            if gscore <= 0 and t.shape == "lower" and len(k) >= 5 and k.isalpha() and self._misspelt_name(k):
                gscore = 0.45  # "jayde", "mikaela": one letter from a common given name, and no English word
            if gscore <= 0 and t.shape == "lower" and k.endswith("s") and len(k) >= 4 and k not in self.g.words and (
                k not in NOT_NAMES  # "greggs" is a shop, not Gregg's
            ):
                # "dannys", "shazs": a possessive written without the apostrophe
                stem_tok = Tok(t.text[:-1], t.start, t.base_end - 1, k[:-1], t.base_end - 1, t.shape, t.initial,
                               t.spaced)
                sc = self.given_score(stem_tok, upper_doc)
                if sc > 0 and k[:-1] not in self.g.words:
                    e = t.base_end - 1 if len(k) > 4 else t.base_end  # "kels" is a nickname, "dannys" possessive
                    out.append(Span(t.start, e, "PERSON", text[t.start:e], sc, "gazetteer"))
                    used[i] = True
                    continue
            if gscore <= 0 and t.cap and t.initial and k in self.g.given and k not in STOP and k not in NOT_NAMES and (
                self._label_name_ok(t.text, k)
            ):
                after = text[t.end:t.end + 1]
                line_start = t.start == 0 or text[t.start - 1] == "\n"
                if after == ":" and line_start:
                    gscore = 0.7  # a speaker label: "Sue:"
                elif after in (",", ".") and re.search(r"^\S+:\s*$", text[text.rfind("\n", 0, t.start) + 1:t.start]):
                    gscore = 0.55  # "Sue: Sue, looked-after children's nurse"
            if gscore <= 0 and t.cap and t.initial and t.shape == "title" and t.base_end != t.end and k.isalpha() and (
                len(k) >= 3 and k not in self.g.words and k not in NOT_NAMES and k not in self.g.places1
            ):
                gscore = 0.5  # "Karwan's asylum case": an unknown capitalised possessive is someone's
            if gscore <= 0 and t.cap and not t.initial and t.shape == "title" and k.isalpha() and len(k) >= 3 and (
                k not in self.g.words and k not in NOT_NAMES and k not in self.g.places1
            ):
                nxt = keys[i + 1] if i + 1 < n else ""
                if k in TITLES or k in RANKS:
                    pass  # "tell Mrs Okonjo": the title is not the name
                elif prev == "to" and i > 1 and keys[i - 2] in _TALK_VERBS:
                    gscore = 0.5  # "I spoke to Dilshad": a person, not a place after "to"
                elif nxt in NAME_RIGHT - {"is", "was", "and", "has", "had"} or prev in NAME_LEFT_WEAK - {"and", "by"}:
                    gscore = 0.5  # an unknown capitalised word in a name position: "then Deeko picked me up"
                elif k not in MONTHS and k not in WEEKDAYS and k.rstrip("s") not in WEEKDAYS and (
                    t.text[1:].islower() and k not in ROLE_WORDS and k not in RANKS and not k.startswith("barnardo")
                    and not k.endswith(("ian", "ish", "ese", "ean", "ani")) and prev not in PREP_PLACE
                    and not (i + 1 < n and keys[i + 1] in LOC_HEADS_CAP | ORG_HEADS_CAP.keys())
                ):
                    gscore = UNKNOWN_CONF  # any unknown capitalised word mid-sentence: proposed, flagged unsure
            if gscore <= 0:
                gscore = self._context_name(toks, keys, i, upper_doc)
                if gscore <= 0:
                    continue
            if t.cap and not t.initial and prev_gap_ok and k not in self.g.given and (
                prev in PLACE_CUES or (prev == "to" and i > 1 and keys[i - 2] in MOTION)
            ) and (i + 1 >= n or keys[i + 1] not in NAME_RIGHT):
                add(i, i, "LOCATION", 0.55, "rule")  # "back to Ashworth": a surname used as a place
                continue
            end = i
            while end + 1 < n and not used[end + 1] and self._joins(toks[end], toks[end + 1], upper_doc):
                end += 1
            add(i, end, "PERSON", gscore, "unknown" if gscore == UNKNOWN_CONF else "gazetteer")
        return out

    # ---------------------------------------------------------------- nicknames
    def _nickname_cues(self, text, toks, keys, used, add, upper_doc) -> None:
        """Nicknames that are ordinary words or that no list knows, found by the words around them: "they
        called him Boxer", "a man, Noddy, they called him", "Mercedes (14)", "shadz said", "with "T-Bone"."""
        n = len(toks)
        for i in range(n):
            if used[i]:
                continue
            t = toks[i]
            k = keys[i]
            if k in STOP or k in MONTHS or k in WEEKDAYS or k in ROLE_WORDS or not k[:1].isalpha():
                continue
            if t.shape == "upper" and not upper_doc:
                continue
            prev = tuple(keys[max(0, i - 2):i])
            nxt = tuple(keys[i + 1:i + 4])
            after = text[t.base_end:t.base_end + 12]
            conf = 0.0
            if t.cap and not t.initial and prev[-1:] in (("him",), ("her",)) and prev[:1] in (
                ("called",), ("calls",), ("call",), ("nicknamed",)
            ) and k not in NOT_NAMES:
                conf = 0.7  # "everyone called him Boxer"
            elif t.cap and nxt[:3] in _CALLED_RIGHT and k not in NOT_NAMES:
                conf = 0.7  # "a man, Noddy, they called him"
            elif t.cap and k not in NOT_NAMES - _CAR_NAMES and _AGE_AFTER.match(after) and len(k) >= 2 and (
                k.replace("-", "").replace("'", "").isalpha()
            ):
                conf = 0.7  # "Mercedes (14, says she's 16)"
                start = i
                while start > 0 and i - start < 2 and toks[start].spaced and toks[start - 1].cap and not used[start - 1] and (
                    keys[start - 1] not in STOP and keys[start - 1] not in TITLES and keys[start - 1] not in ROLE_WORDS
                    and keys[start - 1] not in NOT_NAMES and toks[start - 1].base_end == toks[start - 1].end
                ):
                    start -= 1  # "Tyler-Jay Marsh (15)": the whole name
                if start < i:
                    add(start, i, "PERSON", conf, "context")
                    continue
            elif t.cap and k.isalpha() and len(k) >= 2 and prev[-1:] in (("oi",), ("oii",), ("oy",)) and (
                k not in NOT_NAMES and k not in self.g.places1
            ):
                conf = 0.6  # "oi Reds come here": a vocative
            elif t.shape == "title" and t.initial and k.isalpha() and len(k) >= 4 and k not in self.g.words and (
                t.text[1:].islower()  # not "SQLCipher", "DataFrame"
            ) and (
                k not in self.g.given and k not in self.g.surnames and k not in self.g.places1 and k not in NOT_NAMES
                and nxt[:1] in (("was",), ("is",), ("has",), ("had",), ("and",), ("came",), ("went",), ("got",))
                and t.base_end == t.end and text[t.start - 1:t.start] != "\n" if t.start else False
            ):
                conf = 0.45  # "Dilshad was there too": an unknown word opening a sentence before a verb (unsure)
            elif t.shape == "lower" and k in self.g.given and self.g.words.get(k, 0) >= 35 and (
                self.g.given[k][0] >= 50 and nxt[:1] in _SPEECH and k not in NOT_NAMES and k not in STOP
                and prev[-1:] not in _DETERMINERS
            ):
                conf = 0.45  # "then destiny said no": a rarer word that is a given name, before a speech verb
            elif t.cap and t.initial and t.shape == "title" and nxt[:1] in _SPEECH and k.isalpha() and (
                self.g.words.get(k, 99) >= 35 and k not in NOT_NAMES and k not in RANKS and k not in self.g.places1
            ):
                conf = 0.5  # "Reds said he would sort it": a rarer word opening a sentence before a speech verb
            elif t.shape == "lower" and len(k) >= 3 and k.isalpha() and k not in self.g.words and (
                k not in NOT_NAMES and k not in self.g.places1
            ) and not k.endswith(("ing", "in")) and (
                (prev[-1:] in (("does",), ("did",), ("is",), ("has",), ("was",)) and nxt[:1] in _CHAT_AFTER)
                or (prev[-1:] in (("tell",), ("ask",), ("with",), ("n",)) and (not nxt or nxt[:1] in _CHAT_AFTER))
            ):
                conf = 0.45  # "does taz know", "is shadz gonna be there", "tell kez": an unknown word as a name
            elif t.shape == "lower" and len(k) >= 3 and k.isalpha() and k not in self.g.words and (
                k not in NOT_NAMES and k not in self.g.given and nxt[:1] in (("said",), ("says",), ("told",),
                                                                            ("texted",), ("messaged",), ("added",),
                                                                            ("reckons",), ("rang",))
            ) and not k.endswith(("ing", "in")):
                conf = 0.5  # "shadz said": an unknown lowercase word before a speech verb
            elif t.base_end - t.start == 1 and t.text[0].isupper() and k not in ("i", "a") and not (
                i and keys[i - 1] in _LETTER_ROLES
            ) and (
                (t.base_end != t.end and nxt[:1] and nxt[0] in _POSS_THINGS)
                or nxt[:1] in (("said",), ("says",), ("told",), ("texted",), ("messaged",), ("rang",), ("reckons",),
                               ("picked",), ("took",), ("gave",), ("drove",), ("wanted",), ("asked",))
                or prev in (("me", "and"), ("and", "me"))
                or (prev[-1:] in (("with",), ("oi",)) and not (i + 1 < n and (toks[i + 1].cap or keys[i + 1][:1].isdigit())))
            ):
                conf = 0.55  # "K said", "me and J", "J's car" (not "Girl A said", "Plan B")
            if conf:
                end = i
                if t.cap and end + 1 < n and not used[end + 1] and self._joins(toks[end], toks[end + 1], upper_doc):
                    end += 1
                add(i, end, "PERSON", conf, "context")
        # a short quoted nickname after a cue: with "T-Bone", called "Daddy D"
        at_start = {tk.start: x for x, tk in enumerate(toks)}
        for m in _QUOTED_SHORT.finditer(text):
            before = text[max(0, m.start() - 12):m.start()].split()
            words = m.group(2).split()
            first = fold(words[0]) if words else ""
            given_first = first in self.g.given and self.g.words.get(first, 99) >= 35 and len(words) >= 2
            if not given_first and (not before or before[-1].lower() not in _QUOTE_CUES and not (
                before[-1][:1].isupper() and fold(before[-1]) in self.g.given  # Declan "Daddy D"
            )):
                continue
            if any(fold(w) in NOT_NAMES or fold(w) in STOP or fold(w) in ROLE_WORDS for w in words):
                continue
            out_s, out_e = m.start(2), m.end(2)
            ti = at_start.get(out_s)
            if ti is None or used[ti]:
                continue
            tj = next((x for x in range(ti, n) if toks[x].end >= out_e), ti)
            add(ti, tj, "PERSON", 0.6, "context")

    # ---------------------------------------------------------------- helpers
    def _label_name_ok(self, word: str, k: str) -> bool:
        """A speaker label that is also a common word ("GREEN:", "Sky:") is a name only when it is written like
        one and is a popular given name ("Sue:", "Rob:")."""
        tier = self.g.words.get(k)
        if tier is None or tier > 35:
            return True
        uk, us = self.g.given.get(k, (0, 0))
        return not word.isupper() and (uk >= 20 or us >= 5000)

    def _misspelt_name(self, k: str) -> bool:
        if k in self.g.words or k in self.g.given or k in NOT_NAMES or k in STOP or k in self.g.places1:
            return False
        if k.endswith(("in", "ing", "ed", "s", "z", "ly", "nt")):
            return False  # "pickin", "lookin", "dont": chat spellings of words
        index = self._deletions()
        if k in index:
            return True
        return any(k[:i] + k[i + 1:] in index or k[:i] + k[i + 1:] in self._popular for i in range(len(k)))

    def _deletions(self) -> set[str]:
        if self._del_index is None:
            popular = {n for n, (uk, _us) in self.g.given.items() if uk >= 300 and n.isalpha() and len(n) >= 4
                       and n not in self.g.words}
            index = set(popular)
            for n in popular:
                for i in range(len(n)):
                    index.add(n[:i] + n[i + 1:])
            self._popular = popular
            self._del_index = index
        return self._del_index

    def _speaker_label(self, text: str, start: int, label: str, out: list[Span]) -> None:
        words = label.split()
        pos = start
        spans: list[tuple[int, int]] = []
        for w in words:
            ws = text.index(w, pos)
            pos = ws + len(w)
            k = fold(w)
            if k in TITLES or k in RANKS or k in ROLE_WORDS or k in STOP or k in NOT_NAMES:
                continue
            if any(c.isdigit() for c in w) or "_" in w or "." in w.strip("."):
                if len(words) == 1 and sum(c.isalpha() for c in w) >= 3 and not re.fullmatch(r"[A-Za-z]{1,3}\d+", w) and (
                    not re.search(r"facilitator|admin|moderator|interviewer|researcher", w, re.IGNORECASE)
                ):
                    out.append(Span(ws, ws + len(w), "CONTACT", w, 0.75, "context"))  # "ollie2k:"
                return  # a numbered role (P1, yp2, R041)
            if len(words) == 1 and w.islower() and w.isalpha() and len(w) >= 6 and k not in self.g.words and (
                k not in self.g.given and k not in self.g.places1 and k not in self.g.surnames
                and not self._misspelt_name(k)
            ):
                out.append(Span(ws, ws + len(w), "CONTACT", w, 0.6, "context"))  # "crispyfries:" a chat handle
                return
            if len(w) == 1 and w.isupper() and spans and len(words) == 2 and w is words[-1]:
                spans.append((ws, ws + 1))  # "Sharon B:" a name and an initial
                continue
            if w.isupper() and 2 <= len(w) <= 3:
                if k not in ROLE_UPPER:
                    spans.append((ws, ws + len(w)))
                continue
            if w[0].isupper() and len(w) >= 2 and (k in self.g.given or k not in self.g.words) and self._label_name_ok(
                w, k
            ) and (
                k not in self.g.places1 or k in self.g.given
            ):
                spans.append((ws, ws + len(w)))
        if not spans:
            return
        s, e = spans[0][0], spans[-1][1]
        if text[s:e].count(" ") + 1 != len(spans):
            for a, b in spans:
                out.append(Span(a, b, "PERSON", text[a:b], 0.6, "context"))
            return
        out.append(Span(s, e, "PERSON", text[s:e], 0.65, "context"))

    def _joins(self, a: Tok, b: Tok, upper_doc: bool) -> bool:
        """Does ``b`` continue the name that ends with ``a`` ("Jodie Smith", "kyle o'brien")?"""
        if a.base_end != a.end or not b.spaced or b.key in STOP or b.key in NOT_NAMES:
            return False
        if _CONTRACTION.search(b.key) or any(c.isdigit() for c in b.key):
            return False
        if b.key in MONTHS or b.key in WEEKDAYS or b.key in LOC_HEADS_CAP or b.key in ORG_HEADS_CAP:
            return False
        sk = b.key.replace("'", "").replace("-", "").replace("’", "")
        if b.shape == "upper" and len(b.key) <= 4 and not upper_doc:
            return False
        if a.cap and b.cap and (a.key in NAME_PARTICLES or b.key in NAME_PARTICLES):
            return True
        if a.cap and b.cap:
            return sk in self.g.surnames or b.key in self.g.given or (
                b.key not in self.g.words and b.shape == "title"
            )
        if a.shape == "lower" and b.shape == "lower":
            return (sk in self.g.surnames and self.g.words.get(b.key, 99) >= 50) or (
                b.key in self.g.given and b.key not in self.g.words and self.g.given[b.key][0] >= 20
            )
        return False

    def _context_name(self, toks: list[Tok], keys: list[str], i: int, upper_doc: bool) -> float:
        """A word that is also a name ("will", "Grace"), taken as a name only when the context says so."""
        t = toks[i]
        k = keys[i]
        if k in NOT_NAMES or k in RANKS or any(c.isdigit() for c in k) or (
            t.shape == "upper" and not upper_doc and len(k) <= 4
        ):
            return 0.0
        g = self.g.given.get(k)
        if (not g or (g[0] < 50 and g[1] < 2000) or k in STOP - {"will", "may"} or k in MONTHS or k in WEEKDAYS) and (
            not (k == "will" and g)
        ):
            return 0.0
        prev = keys[i - 1] if i else ""
        prev2 = keys[i - 2] if i > 1 else ""
        nxt = keys[i + 1] if i + 1 < len(toks) else ""
        poss = t.base_end != t.end
        if k in ("will", "may", "mark", "bill", "pat", "sue", "rob", "frank", "guy", "chase", "miles", "drew",
                 "grant", "jack", "sky", "dawn", "joy", "chance", "hope", "faith", "summer", "grace", "rose",
                 "amber") and not t.cap:
            # lowercase: only clear name positions
            if poss and nxt in ("mum", "dad", "house", "car", "brother", "sister", "mate", "mates", "phone",
                                "flat", "nan", "place", "girlfriend", "boyfriend", "bird", "cousin", "uncle"):
                return 0.5
            if prev in ("me", "and") and prev2 in ("me", "and") and prev != prev2:
                return 0.5
            if nxt in PAST_NAME_VERBS and prev not in (
                    "i", "you", "we", "they", "he", "she", "it", "that", "this", "who", "which", "a", "the", "my",
                    "your", "his", "her", "our", "their", "no", "any", "some"):
                return 0.45  # "like amber stopped coming", "will said" (the modal takes a base form)
            if prev in ("is", "was") and nxt in ("ok", "okay", "alright", "safe", "there", "coming", "here"):
                return 0.45  # "is amber ok now?"
            if prev in ("with", "told", "texted", "messaged", "met", "saw", "asked", "seen") and nxt in (
                    "", "and", "about", "yesterday", "again", "too", "then", "on", "at", "in"):
                return 0.45
            return 0.0
        if t.cap and not t.initial and t.spaced:
            if self.g.words.get(k, 99) <= 20 and g[0] < 500:
                return 0.0
            return 0.6
        if t.cap and t.initial and (poss or nxt in NAME_RIGHT - {"was", "is", "has", "had", "and"}):
            return 0.55
        if t.cap and t.initial and nxt in ("was", "is", "has", "had") and self.g.words.get(k, 99) >= 20 and (
            g[0] >= 500
        ):
            return 0.5  # "Grace was lovely", "Jack had a car" (not "Hope was lost": a commoner word)
        if poss and t.cap:
            return 0.55
        return 0.0

    def _head_rule(self, text, toks, keys, i, add, upper_doc) -> None:
        """``X Academy``, ``X Road``, ``the X estate``: take the name words to the left of a head word."""
        t = toks[i]
        k = keys[i]
        if i > 0 and tuple(keys[i - 1:i + 1]) in MULTI_PAIRS:
            return  # the head starts one word earlier; handled there
        head_end = i
        for multi in ORG_MULTI_SORTED:
            L = len(multi)
            if tuple(keys[i:i + L]) == multi:
                head_end = i + L - 1
                break
        if t.shape == "upper" and not upper_doc and k not in ("abc", "fc", "cic"):
            return
        if head_end == i and not (k in ORG_HEADS_CAP or k in self.loc_heads or k in ORG_LOWER_HEADS
                                  or k in LOC_LOWER_HEADS or k in LOWER_HEAD_OUTSIDE):
            return
        is_org = head_end > i or k in ORG_HEADS_CAP or k in ORG_LOWER_HEADS or k in LOWER_HEAD_OUTSIDE
        is_loc = head_end == i and ((k in self.loc_heads and t.cap) or k in LOC_HEADS_CAP or k in LOC_LOWER_HEADS)
        nxt = keys[head_end + 1] if head_end + 1 < len(keys) else ""
        if t.shape == "lower" and k in LOWER_HEAD_OUTSIDE:
            is_org, is_loc = True, False
        if k == "high" and nxt in ("street", "st", "road", "rd"):
            return  # "Rubery high street": the place is found on its own
        lower_ok = t.shape == "lower" and (k in ORG_LOWER_HEADS or k in LOC_LOWER_HEADS or head_end > i)
        outside = t.shape == "lower" and k in LOWER_HEAD_OUTSIDE
        if k == "police" and nxt == "station" and t.shape == "lower":
            outside, is_org, is_loc = True, False, True  # "Broadway police station": the place only
        if k == "park" and t.shape == "lower" and i > 0 and toks[i - 1].cap:
            outside, is_loc = True, True  # "Chapel Allerton park"
        if lower_ok and is_loc:
            # "on market st", "on higher bridge st": lowercase words between "on" and a street word
            for p in range(i - 1, max(-1, i - 5), -1):
                if keys[p] in STREET_PREPS or keys[p] in _AT_PREPS:
                    if p < i - 1 and all(
                        toks[x].shape == "lower" and keys[x] not in STOP and keys[x].isalpha() for x in range(p + 1, i)
                    ) and (keys[p] in STREET_PREPS or (
                        # "at queens park", "in moss side flats" (not "at the skate park", "in a car park")
                        not any(keys[x] in _GENERIC_PLACE_WORDS or self.g.words.get(keys[x], 99) < 20
                                or keys[x] in NOT_NAMES for x in range(p + 1, i))
                    )):
                        add(p + 1, head_end, "LOCATION", 0.6, "rule")
                        return
                    break
        j = i - 1
        if outside and j >= 0 and toks[j].shape == "lower" and keys[j] in GENERIC_MODIFIERS:
            j -= 1
        name_end = j
        start = None
        while j >= 0 and i - j <= 5:
            w = toks[j]
            gap = text[w.end:toks[j + 1].start] if j + 1 < len(toks) else ""
            if gap not in (" ", "") and not (is_org and gap.strip() == "&"):
                break
            # a possessive inside a name: "St Mary's RC Primary" is fine, "Kyle's school" is not
            if w.base_end != w.end and j != i - 1 and not (j > 0 and keys[j - 1] in ("st", "saint", "st.")) and (
                not (start is None and toks[j + 1].cap)
            ):
                break
            if w.cap and w.key not in ("the", "i") and w.key not in TITLES and w.key not in MONTHS and (
                w.key not in WEEKDAYS and w.key not in NOT_NAMES_HEAD
            ):
                if (w.key in ORG_HEADS_CAP or (w.key in LOC_HEADS_CAP and not is_org)) and j < i - 1 and w.key not in (
                        "high", "park", "hill", "green", "house", "bridge", "cross", "common", "st"):
                    break
                start = j
            elif any(c.isdigit() for c in w.text) and not w.cap:
                break
            elif w.key in ("of", "&", "and", "with", "upon", "le", "de", "la") and start is not None and is_org or w.key in ("upon", "le", "de", "la") and start is not None:
                pass
            elif lower_ok and w.shape == "lower" and w.key not in STOP and w.key not in NOT_NAMES and (
                self.g.words.get(w.key, 99) >= 50
            ):
                start = j
            elif outside and w.shape == "lower" and w.key not in STOP and w.key not in NOT_NAMES and (
                w.key not in LOWER_NAME_BLOCK and j >= name_end - 2 and w.key.isalpha()
                and self.g.words.get(w.key, 99) >= 50
            ):
                start = j  # "the golden dragon takeaway": lowercase names in chat

            elif lower_ok and w.shape == "lower" and (w.key in self.g.places1 or w.key in self.g.given) and (
                w.key not in STOP and self.g.words.get(w.key, 99) >= 35
            ):
                start = j
            else:
                break
            j -= 1
        if start is None:
            return
        while start < i and (keys[start] in ("of", "&", "and", "with", "upon", "le", "de", "la", "the")
                             or (keys[start] in STOP and (toks[start].initial or not toks[start].cap))):
            start += 1
        if start >= i:
            return
        if not (t.cap or lower_ok or outside or (toks[start].cap and head_end > i)):
            return
        name_keys = keys[start:name_end + 1]
        phrase = " ".join(keys[start:head_end + 1])
        if phrase in NATIONAL or " ".join(name_keys) in NATIONAL:
            return
        if all(nk in STOP or (nk in NOT_NAMES and not toks[start].cap) for nk in name_keys) or all(
            nk in NOT_NAMES for nk in name_keys
        ) and head_end == i:
            return
        while start < name_end and toks[start].initial and keys[start].endswith(("ed", "ing")) and (
            keys[start] in self.g.words
        ):
            start += 1  # "Visited Castle View Academy"
        while start <= name_end and toks[start].cap and self.g.words.get(keys[start], 99) <= 20 and (
            start + 1 <= i and not toks[start + 1].cap
        ):
            start += 1  # "Because taxis..."
        if start > name_end and not (head_end > i or t.cap):
            return
        if start <= name_end and not toks[start].cap and self.g.words.get(keys[start], 99) <= 35:
            return
        if outside:
            while name_end > start and keys[name_end] in CUISINES:
                name_end -= 1  # "the Lucky Star Chinese takeaway"
        if is_loc and outside:
            add(start, name_end, "LOCATION", 0.75, "rule")
            return
        if is_loc:
            if len(name_keys) == 1 and name_keys[0] in LOC_HEAD_EXCLUDE_PREV:
                return
            if k == "estate" and not toks[start].cap and self.g.words.get(keys[start], 99) <= 35:
                return
            s = start
            if s > 0 and re.fullmatch(r"\d{1,4}[a-zA-Z]?", toks[s - 1].text) and toks[s].start - toks[s - 1].end <= 1:
                s -= 1  # a house number: "14 Elm Road"
                if s > 1 and keys[s - 2] == "flat" and re.fullmatch(r"\d{1,4}[a-zA-Z]?", toks[s - 1].text):
                    s -= 2
            add(s, head_end, "LOCATION", 0.85 if t.cap else 0.65, "rule")
            return
        if outside:
            add(start, name_end, "ORG", 0.75, "rule")  # "the Golden Fry chip shop": the name only
            return
        if head_end == i and k in WEAK_ORG_HEADS and len(name_keys) == 1 and (
            self.g.words.get(name_keys[0], 99) <= 20
        ) and (toks[start].initial or self.g.words.get(name_keys[0], 99) <= 10):
            return
        add(start, head_end, "ORG", 0.85 if t.cap else 0.7, "rule")


_AT_PREPS = frozenset(["at", "in", "near", "by", "outside", "behind", "from", "to", "round", "around"])
_GENERIC_PLACE_WORDS = frozenset(
    ["skate", "car", "theme", "caravan", "trailer", "water", "country", "national", "safari",
     "amusement", "holiday", "bus", "train", "science", "ball", "play", "local", "big", "little", "old", "new", "main",
     "council", "same", "other", "dodgy", "nearest", "usual", "back", "front", "end", "top", "bottom", "high", "town",
     "city", "sports", "sport", "football", "cricket", "golf", "bowling", "student",
     "tower", "high-rise", "them", "those", "these", "his", "her", "their", "our", "my", "your"]
)
_LETTER_ROLES = frozenset(
    ["girl", "boy", "child", "victim", "suspect", "person", "witness", "male", "female", "adult", "yp", "plan",
     "category", "grade", "year", "section", "appendix", "option", "part", "type", "vitamin", "class", "group",
     "site", "room", "block", "wing", "unit", "ward", "level", "team", "table", "form", "band", "tier", "stage",
     "phase", "mr", "mrs", "ms", "miss", "dr", "pc", "ds", "dc", "the", "a", "an", "letter", "capital", "offender",
     "perpetrator", "young", "subject", "informant", "source", "parent", "mum", "dad", "officer", "professional"]
)
_POSS_THINGS = frozenset(["car", "house", "mum", "dad", "flat", "phone", "mate", "mates", "brother", "sister", "cousin",
                          "girlfriend", "boyfriend", "number", "place", "friend", "friends", "van", "uncle", "nan"])
_DETERMINERS = frozenset([(w,) for w in ["a", "an", "the", "my", "your", "his", "her", "our", "their", "this", "that",
                                         "some", "any", "no", "every", "which", "what", "whose"]])
_TALK_VERBS = frozenset(["spoke", "speak", "speaking", "spoken", "talked", "talk", "talking", "chatted", "chatting",
                         "listened", "listen", "wrote", "write", "writing", "explained", "reported", "introduced",
                         "married", "engaged", "lied", "lying", "apologised", "apologized", "replied", "sent",
                         "handed", "gave", "give", "giving", "passed", "referred", "close", "related", "loyal"])
_SPEECH = frozenset([("said",), ("says",), ("told",), ("texted",), ("messaged",), ("rang",), ("reckons",),
                     ("reckoned",), ("snapchatted",)])
_CHAT_AFTER = frozenset([("know",), ("knows",), ("gonna",), ("going",), ("coming",), ("there",), ("about",),
                         ("said",), ("says",), ("tho",), ("though",), ("too",), ("lol",), ("again",), ("yet",)])
_CALLED_RIGHT = frozenset(
    (a, b, c) for a in ("they", "everyone", "people", "we", "lads", "girls") for b in ("called", "call", "calls")
    for c in ("him", "her", "them")
)
_AGE_AFTER = re.compile(r"^ ?\((?:aged? )?\d{1,2}(?:\)|,\s|\s|/)")
_CAR_NAMES = frozenset(["mercedes", "merc", "astra", "golf", "polo", "focus", "seat"])
_QUOTED_SHORT = re.compile(r"([\"“])([A-Z][\w'’-]{0,15}\.?(?: [A-Z][\w'’-]{0,15}){0,2})[\"”]")
_QUOTE_CUES = frozenset(["with", "called", "named", "nicknamed", "aka", "him", "her", "as", "call", "calls"])

ORG_MULTI_SORTED = sorted(ORG_MULTI, key=len, reverse=True)
MULTI_PAIRS = frozenset(m[:2] for m in ORG_MULTI)
LOWER_HEAD_OUTSIDE = frozenset(
    ["takeaway", "shop", "chippy", "cafe", "café", "garage", "barbers", "salon", "kebab", "hotel", "pub"]
)
CUISINES = frozenset(["chinese", "indian", "turkish", "thai", "italian", "kebab", "pizza", "fish", "chip", "chips", "fried"])
WEAK_ORG_HEADS = frozenset(
    ["house", "hall", "centre", "center", "services", "express", "store", "bar", "club", "project", "trust", "high", "arms", "church", "group", "network", "lounge"]
)
GENERIC_MODIFIERS = frozenset(["chip", "kebab", "phone", "corner", "nail", "nails", "pizza", "chicken", "fish", "mobile", "car", "vape"])
NOT_NAMES_HEAD = frozenset(["police", "council", "school", "academy", "the"])
LOWER_NAME_BLOCK = frozenset(
    ["local", "corner", "little", "big", "old", "new", "other", "same", "main", "nearest", "late", "night", "dodgy", "cheap", "usual", "chinese", "indian", "turkish", "fish", "chip", "chips", "kebab", "pizza", "chicken", "phone", "mobile", "vape", "nail", "nails", "car", "barber", "barbers", "hair"]
)

# words from the SCOWL 35/40 tier that are far more often words than names in transcripts
AMBIGUOUS_35 = frozenset(
    ["hunter", "miller", "cooper", "archer", "heath", "brook", "fox", "clay", "august", "cherry", "sandy", "glen", "lance", "princess", "buddy", "blossom", "meadow", "pearl", "olive", "robin", "iris", "destiny", "nova", "aura", "sage", "ember", "star", "fern", "warren", "victor", "flora", "kitty", "coral", "raven", "indigo", "marina", "dolly", "woody", "maxim", "deacon", "pixie", "sultan", "emir", "sheikh", "maverick", "rocky", "juniper", "paddy", "pierce", "serenity", "laurel", "viola", "cadence", "sierra", "caprice", "heather", "hazel", "ebony", "saffron", "primrose", "rosemary", "sapphire", "bluebell", "willow", "mason", "eve", "dean", "holly", "ivy", "daisy", "poppy", "lily", "violet", "carol", "matt", "piers", "abbey", "aria", "veer", "rares"]
) - frozenset(["lily", "poppy", "daisy", "holly", "mason", "dean", "eve", "ivy", "matt", "abbey", "carol", "violet"])
