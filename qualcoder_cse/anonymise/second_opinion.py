"""The model's second opinion: after every rule has run, the NER's spans over the whole text are read once more
and what they add is proposed, flagged unsure.

The rules know names by lists, shapes and positions; on text in a voice they were never tuned on they miss the
names those do not cover (a lowercase chat name that is a word, a landmark named alone, an organisation in
capitals, the rest of a venue's name). The model, trained on generated text and on the project's annotated
transcripts (``train.py``, ``train_corpora.py``), reads context instead. Its spans are kept here in two cases:

- **free**: it covers no character any layer proposed, and its words look like a name (not ordinary words, role
  codes, times, emoji or the labels of a form; ``plausible``);
- **wider**: it holds whole spans of the rules and adds only name-shaped words to them ("Kirkgate" + "Market").

Free spans carry the review's "unsure" confidence, so the researcher sees them flagged; the detector's last
filters (``not_people``, declared pseudonyms) still apply to them.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .chat_links import _CHAT_ABBREV
from .gazetteers import Gazetteers
from .lexicon import LOWER_TITLES, NATIONAL, NOT_NAMES, ROLE_WORDS, STOP
from .mention_index import MentionIndex
from .merging import _coverage
from .ner_gate import UNSURE, _title_part, widened
from .span_passes import _NER_NOT
from .spans import Span, fold
from .title_runs import kind_of_team
from .tokens import Tok

_WIDER = frozenset(["ORG", "LOCATION", "ID", "PERSON"])
_CODE = re.compile(r"[A-Z]{1,3}|[A-Z]+\d+[A-Z]?")  # a speaker's or a field's code: "INT1", "R04", "REC"
_HANDLE = re.compile(r"@?[^\W_][\w.]*[^\W_]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_TEXT_SPEAK = re.compile(r"(\w)\1\1")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
# chat shorthand no list of words holds ("wyd", "hbu"; chat_links' list and more): never a name
_SHORTHAND = _CHAT_ABBREV | frozenset(["omd", "lmk", "brb", "imo", "imho", "btw", "irl", "omw", "ofc", "srs",
                                      "sry", "stfu", "wtf", "wth", "fyi", "gtg", "ttyl", "bday", "r", "n",
                                      "k", "kk", "x", "rofl", "cba"])


_END = re.compile(r"(?![\w@]|['’]\w\w)")  # a mention ends where the name does ("kez's" yes, "kezza" no)
_PLURAL_END = re.compile(r"s?(?![\w@]|['’]\w\w)")
_SO_WINDOW = 25  # characters of context either side of a word that may be a name (the gate uses 50)
_COMMON = 35  # SCOWL tiers up to this are ordinary words ("lift", "status", "summer")


# the words around a lowercase name in a chat: "tell pearl", "at jades", "is that kez", "pearl said", "hunter where r u"
_NAME_BEFORE = frozenset(["n", "and", "wiv", "not", "which", "its", "it's", "that", "tell", "ask", "call", "ring",
                          "text", "bout", "about", "big", "lil", "saw", "seen", "at", "who's", "whos", "hi", "hiya",
                          "thanks", "ta", "cheers", "oi", "love", "babe", "hun", "to", "from", "wi", "with"])
_NAME_AFTER = frozenset(["is", "was", "said", "says", "does", "did", "rang", "texted", "knows", "has", "had", "dont",
                         "doesnt", "didnt", "aint", "isnt", "wasnt", "comes", "coming", "comin", "wants", "got",
                         "gets", "went", "goes", "told", "n", "and", "where", "wer", "whr", "u", "r", "ur", "can",
                         "cud", "pls", "saw", "will", "wud", "would", "lives", "drove", "picked", "sent", "says"])
_LOWER_COMMON = frozenset(["with", "to", "from", "and"])  # a name after these only when it is no common word
# a name called at the end of a message: "ty hazel", "chill hazel lol", "night kez x"
_CALLED = frozenset(["hi", "hey", "hiya", "ty", "thx", "thanks", "cheers", "chill", "oi", "yo", "night", "morning",
                     "bye", "sorry", "sry", "miss", "luv", "love", "congrats", "happy", "shut", "up", "calm", "relax", "alrite",
                     "alright", "wagwan", "hello", "evening"])
_TRAILING = frozenset(["lol", "lmao", "haha", "x", "xx", "xxx", "pls", "plz", "innit", "tho", "then", "mate"])


def _name_position(text: str, start: int, end: int) -> bool:
    """A lowercase word stands where a name stands: after or before the words above, or alone in its message."""
    ls = max(text.rfind("\n", 0, start), text.rfind(":", 0, start)) + 1
    le = text.find("\n", end)
    if text[start - 1:start] in "\"“'‘" and text[end:end + 1] in "\"”'’":
        return True  # a word quoted as a name: the notes naming "ash"
    before = re.split(r"[\s,|]+", text[ls:start].strip(" \t,|"))
    before = [w for w in before if w]
    after = text[end:len(text) if le < 0 else le].split()
    prev = before[-1].lower().strip(",.!?") if before else ""
    nxt = after[0].lower().strip(",.!?") if after else ""
    rest = [w for w in after if any(ch.isalnum() for ch in w) and w.lower().strip(",.!?") not in _TRAILING]
    if not before and not rest:
        return True  # the whole message: "summer"
    if prev in LOWER_TITLES:
        return True  # "pc okafor-reid", "mrs o'donnell"
    if prev and prev[-1:] in ".!?" or (before and before[-1][-1:] in ".!?"):
        prev = ""
    called = not rest or not any(ch.isalnum() for ch in after[0]) or text[end:end + 1] in ",!?"
    return (prev in _NAME_BEFORE and prev not in _LOWER_COMMON) or nxt in _NAME_AFTER or (
        called and (prev in _NAME_BEFORE or prev in _CALLED))  # "ty hazel 🙏 see u", "night kez, x"


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"“‘'(":
        j -= 1
    return j < 0 or text[j] in "\n.!?:;-–"


_JOINER_END = re.compile(r"(?:\s+(?:and|of|the|&|at|in|on))+$", re.IGNORECASE)


_BREAK = re.compile(r"\s*(?:\n|\t| {2,})")  # a line break, a tab or a column's spaces end a name ("Okafor   Date")


def _clean(text: str, s: Span) -> Span | None:
    end = s.end
    b = _BREAK.search(text, s.start, end)
    if b:
        end = b.start()
    m = _JOINER_END.search(text, s.start, end)
    if m:
        end = m.start()
    while end > s.start and text[end - 1] in "\"”),;:.!?-– ":
        end -= 1
    start = s.start
    while start < end and text[start] in "\"“‘'(-–":
        start += 1
    if end <= start:
        return None
    return Span(start, end, s.label, text[start:end], s.confidence, s.source)


class SecondOpinion:
    def __init__(self, gaz: Gazetteers, heads: frozenset[str]) -> None:
        self.gaz = gaz
        self.heads = heads

    def _given(self, k: str) -> bool:
        g = self.gaz.given.get(k)
        return g is not None and g[0] >= 150

    def _namish(self, k: str) -> bool:
        """A word that may be (part of) a name: a given name, a surname or place no dictionary holds as an
        ordinary word, or no word at all."""
        if k in STOP or k in NOT_NAMES or k in ROLE_WORDS or k in _SHORTHAND or len(k) < 2:
            return False
        if self._given(k):
            return True
        tier = self.gaz.words.get(k)
        if tier is None:
            return not _TEXT_SPEAK.search(k)
        return tier > _COMMON and (k in self.gaz.surnames or k in self.gaz.places1 or k in self.gaz.given)

    def _person_word(self, k: str) -> bool:
        """A word that names people often enough to trust the model's "person" for it ("Tuck", "Hope"; a
        listed brand only when it is a common given name too, "Mercedes")."""
        if k in STOP or k in ROLE_WORDS or len(k) < 3:
            return False
        if k in NOT_NAMES:
            return self.gaz.given.get(k, (0, 0))[0] >= 1000
        return self._given(k) or self.gaz.surnames.get(k, 0) >= 1000

    def _generic(self, t: str) -> bool:
        """A team or a kind of place in ordinary words: "Quality Committee", "the Church Hall"."""
        title = _title_part(t)
        return bool(title) and (kind_of_team(title, self.gaz.words) or (
            title[-1] in self.heads and all(self.gaz.words.get(k, 99) <= _COMMON for k in title)))

    def plausible(self, s: Span, text: str = "") -> bool:
        t = s.text
        if s.label == "DATE" or not any(ch.isalpha() for ch in t):
            return s.label == "ID" and sum(ch.isdigit() for ch in t) >= 4 and not _YEAR.fullmatch(t.strip())
        if s.label != "ID" and _CODE.fullmatch(t):
            return False
        if s.label == "ID":
            return sum(ch.isdigit() for ch in t) >= 4 and fold(t) not in self.gaz.words
        if s.label == "CONTACT":  # a handle: one token of letters, digits, "_" and ".", no dictionary word
            stem = fold(t).rstrip("0123456789")  # "interview2", "session3": a file's word and number
            return _HANDLE.fullmatch(t) is not None and len(t) >= 4 and fold(t) not in self.gaz.words and not (
                stem != fold(t) and self.gaz.words.get(stem, 99) <= _COMMON and not self._given(stem))
        if _NER_NOT.search(t) or fold(t) in NATIONAL:
            return False
        keys = [fold(w) for w in _WORD.findall(t)]
        if not keys:
            return False
        if self._generic(t):
            return False
        if t.isupper() and len(keys) == 1 and len(keys[0]) <= 4 and not self._given(keys[0]) \
                and self.gaz.surnames.get(keys[0], 0) < 1000:
            return False  # "REC", "COPD": letters of a role or a term, not a surname in capitals
        names = [k for k in keys if self._namish(k) or (k.endswith("s") and self._given(k[:-1]))]
        if len(keys) == 1 and not t.isupper() and _sentence_start(text, s.start) \
                and self.gaz.words.get(keys[0], 99) <= 20:
            return False  # "Hope from the community was high.", "Faith alone...": a word opening a sentence
        if not names and s.label == "PERSON" and all(self._person_word(k) for k in keys) \
                and fold(text[s.end:s.end + 20].split(" ", 2)[1] if text[s.end:s.end + 1] == " " else "") \
                not in self.heads:  # "Church" before "Hall" names a place
            names = keys
            if _sentence_start(text, s.start) and not t.isupper():  # "Happy", "Hope", "Judge" open a sentence
                names = [k for k in names if self.gaz.given.get(k, (0, 0))[0] >= 1000
                         and self.gaz.words.get(k, 99) > 20]
        if s.label == "PERSON" and t.islower() and " " not in t and not _name_position(text, s.start, s.end) \
                and len(re.findall(r"(?<![\w@.])" + re.escape(t) + r"(?!\w)", text)) < 3:
            return False  # a lowercase word said once, out of a name's place: chat slang ("proper jelz")
        return bool(names) and keys[0] not in STOP and keys[-1] not in STOP

    def _trigger(self, t: Tok) -> bool:
        """A word the second opinion could keep a span for (``plausible`` needs one)."""
        k = t.key
        if not k.replace("-", "").replace("'", "").replace("’", "").isalpha() or (t.shape == "upper" and len(k) <= 4 and not self._given(k)
                               and self.gaz.surnames.get(k, 0) < 1000):
            return False
        if t.shape == "lower":
            g = self.gaz.given.get(k)
            if g is not None and (g[0] >= 1000 or g[0] >= 150 and self.gaz.words.get(k, 99) >= 20):
                return k not in STOP
            return k not in self.gaz.words and len(k) >= 3 and self._namish(k)
        return t.cap and (self._namish(k) or self._person_word(k)) \
            and not (t.initial and k in self.gaz.words and not self._given(k))

    def ranges(self, text: str, toks: list[Tok], spans: list[Span]) -> list[tuple[int, int]]:
        """Where the model should read: a window of context around every word no layer explained that may be
        a name (capitalised and no function word, or lowercase and a given name or no word at all).

        Lines of ordinary talk are skipped, which keeps the detector above its speed floor."""
        cov = _coverage(spans, len(text))
        out: list[tuple[int, int]] = []
        last = -1
        for t in toks:
            if t.start < last or cov[t.start]:
                continue
            if not self._trigger(t):
                continue
            s = max(0, t.start - _SO_WINDOW)
            e = min(len(text), t.end + _SO_WINDOW)
            ls = text.rfind("\n", 0, t.start) + 1
            le = text.find("\n", t.end)
            s = max(s, ls)
            e = min(e, len(text) if le < 0 else le)
            if s > ls:
                cut = text.find(" ", s, t.start)
                s = cut + 1 if cut >= 0 else s
            if le < 0 or e < le:
                cut = text.rfind(" ", t.end, e)
                e = cut if cut >= 0 else e
            out.append((s, e))
            last = e
        return out

    def find(self, text: str, ents: list[Span], spans: list[Span]) -> list[Span]:
        """The model's spans ``ents`` (over the whole text) that add to ``spans`` (the rules' final spans)."""
        cov = _coverage(spans, len(text))
        spans = sorted(spans, key=lambda p: p.start)
        starts = [p.start for p in spans]
        free: list[Span] = []
        wide: list[Span] = []
        for raw in ents:
            s = _clean(text, raw)
            if s is None:
                continue
            if not any(cov[s.start:s.end]):
                if self.plausible(s, text):
                    free.append(Span(s.start, s.end, s.label, s.text, UNSURE, "ner"))
                    cov[s.start:s.end] = b"\x01" * (s.end - s.start)
            elif s.label in _WIDER and s.text[:1].isupper() and not all(cov[s.start:s.end]) \
                    and not self._generic(s.text) and not _NER_NOT.search(s.text):
                # the spans inside it, by bisection (a scan of every span per entity is quadratic)
                inner = spans[bisect_left(starts, s.start):bisect_left(starts, s.end)]
                w = widened(text, s, [p for p in inner if p.end <= s.end], cov)
                if w is not None:
                    wide.append(w)
        return free + wide + self._mentions(text, free, cov)

    def _mentions(self, text: str, found: list[Span], cov: bytearray) -> list[Span]:
        """The other mentions of a name the model found alone, written the same way ("Mercedes" in a log
        where one line names her); a lowercase word-name ("pearl") only where a name stands ("tell pearl"),
        as it is a word elsewhere ("a pearl necklace")."""
        out: list[Span] = []
        done: set[str] = set()
        index = MentionIndex(text) if found else None
        for s in found:
            if s.label == "ID" or s.text in done:
                continue
            done.add(s.text)
            word = s.text.islower() and fold(s.text) in self.gaz.words
            plural = s.label == "PERSON" and s.text.islower()  # "kasia" -> "kasias mate"
            for st, en in index.find(s.text, _PLURAL_END if plural else _END):
                if word and (s.label != "PERSON" or not _name_position(text, st, en)):
                    continue
                if not any(cov[st:en]):
                    out.append(Span(st, en, s.label, s.text, UNSURE, "ner"))
                    cov[st:en] = b"\x01" * (en - st)
        return out
