"""Lowercase chat names said once, fixed by what only a person does or is (issue 15, session 8: lowercase chat
names that are words, on unseen text): "bash says im not allowed", "hope shouldnt even be out", "his mate
tiny was weird", "n a girl dawn whos older".

``chat_word_names.py`` needs a word-name said twice, or already a person; a chat often names someone once.
Here one position is enough when it is one only a person takes:

- the word opens a message (or follows "coz", "but", "and" there) before a verb of saying or of a person's
  doing ("says", "sed", "shouldnt", "told", "drives", "reckons");
- it follows a relation ("his mate", "my cousin", "her bf") and comes before a verb or "who";
- it follows "a girl", "a lad", "this guy" and comes before "who", "whos", "that";
- it is called after "shut up", "relax", "thanks", "night" at the end of a message or before "hes", "u"
  ("shut up reaper", "relax presh hes sound"), when no common English word or one that is a given name.

Never a pronoun, a word for a role or a relative ("mum says", "everyone says", "miss said"), text-speak, or
a verb form ("his mate picked", "my cousin lives"). Proposed unsure.
"""

from __future__ import annotations

import re

from .chat_places import _lower_line
from .gazetteers import Gazetteers
from .lexicon import NOT_NAMES, ROLE_WORDS, STOP, TITLES
from .merging import _coverage
from .spans import Span

_HUMAN_VERBS = (r"says|said|sed|sez|sayz|shouldnt|shudnt|told|tells|drives|drove|reckons|texted|messaged|rang|"
                r"fancies|snapchatted|dmd|dmed|picked|dropped|swears|promised|threatened|knows|lied|cried|"
                r"screamed|laughed|blocked|added|asked|wants|wanted")
_VERBS = frozenset(_HUMAN_VERBS.split("|"))
_OPENING = re.compile(rf"(?m)(?:^|:[ \t]+|\]\s+)(?:(?:coz|cos|but|and|n|like|well|yh|ye|yeah|nah|no|lol|omg)[ \t]+)?"
                      rf"(?P<n>[a-z][a-z'-]{{2,14}})[ \t]+(?:{_HUMAN_VERBS})\b")
_RELATION = re.compile(r"(?i:\b(?:his|her|my|ur|your|their|our)[ \t]+(?:mate|mates|cousin|cuz|bro|brother|sister|"
                       r"sis|friend|pal|boyfriend|girlfriend|bf|gf|uncle|auntie|aunty|ex|bestie))[ \t]+"
                       r"(?P<n>[a-z][a-z'-]{2,14})[ \t]+(?:is|was|said|says|sed|who|whos|who's|that|thats|has|had|"
                       rf"dont|doesnt|didnt|isnt|wasnt|{_HUMAN_VERBS})\b")
_SOMEONE = re.compile(r"(?i:\b(?:a|this|some|that)[ \t]+(?:girl|lad|boy|guy|man|fella|woman|kid|bloke|lass))[ \t]+"
                      r"(?P<n>[a-z][a-z'-]{2,14})[ \t]+(?:who|whos|who's|that|thats)\b")
_NOT = frozenset(["everyone", "everybody", "someone", "somebody", "nobody", "anyone", "anybody", "people", "ppl",
                  "teacher", "teachers", "social", "worker", "police", "feds", "school", "college", "doctor", "nurse",
                  "carer", "keyworker", "manager", "boss", "mum", "mam", "dad", "nan", "nana", "gran", "grandad",
                  "bro", "sis", "cuz", "mate", "babe", "hun", "snap", "insta", "google", "group", "chat", "staff",
                  "dude", "man", "lad", "girl", "boy", "guy", "kid", "thing", "fella", "bloke", "random", "weirdo",
                  "creep", "idiot", "older", "younger", "new", "other", "same", "one", "ones", "also", "just",
                  "literally", "actually", "honestly", "proper", "really", "still", "always", "never", "even",
                  # what a message calls someone who is not named
                  "loser", "weirdo", "nonce", "div", "muppet", "melt", "dickhead", "prick", "knob", "twat", "bitch",
                  "slag", "hoe", "bruv", "blud", "fam", "bestie", "bby", "baby", "darling", "sweetie", "lovely",
                  "gorgeous", "queen", "king", "chief", "fool", "dummy", "dumbass", "nerd", "geek", "snitch",
                  "grass", "rat", "liar", "boomer", "stranger", "lads", "girls", "guys", "gang", "team", "all",
                  "bae", "sweetheart", "pet", "hen", "chuck", "duck", "doll", "princess", "handsome", "brother", "now",
                  "saw", "beautiful", "wee", "then", "again", "too", "there", "here", "back", "later", "tho"])
# (the words after which a message calls someone: "shut up reaper", "relax presh hes sound")
_CALLED_AT = re.compile(r"(?m)(?:\b(?:shut up|relax|chill|calm down|oi|yo|cheers|thanks|ty|thx|"
                        r"love u|love you|miss u|miss you|hiya|hey|wagwan|sorry|soz|bye|behave|"
                        r"stop it|go away|leave it)[ \t,]+)(?P<n>[a-z][a-z'-]{2,14})(?=[ \t]*(?:$|[,.!?]|[ \t]+"
                        r"(?:hes|shes|u|ur|its|im|lol|x+|pls|plz|haha|man|mate|wtf|omg)\b))")


def _name_word(key: str, gaz: Gazetteers) -> bool:
    if key in STOP or key in NOT_NAMES or key in ROLE_WORDS or key in TITLES or key in _NOT or key in _VERBS:
        return False
    if key.endswith(("ing", "ed", "ly")) and key not in gaz.given:
        return False
    tier = gaz.words.get(key)
    return key in gaz.given or tier is None or tier > 10


def _called_word(key: str, gaz: Gazetteers) -> bool:
    """A stricter test where only a message's tone names the word: no common word unless a given name."""
    tier = gaz.words.get(key)
    return _name_word(key, gaz) and (tier is None or tier >= 35 or key in gaz.given)


# (session 9) a given name asked after at the end of a message: "wer is summer", "wheres grace??"
_WHERE_IS = re.compile(r"(?m)\b(?:where is|wheres|where's|wer is|wers|whers|where r|wer r|where are)[ \t]+"
                       r"(?P<n>[a-z][a-z'-]{2,14})(?=[ \t]*(?:$|[?!.]|(?:lol|tho|now|rn|tonight|2nite)\b))")


def chat_once_names(text: str, spans: list[Span], gaz: Gazetteers) -> list[Span]:
    cov = _coverage(spans, len(text))
    out: list[Span] = []
    for m in _WHERE_IS.finditer(text):
        s, e = m.span("n")
        if not cov[s] and gaz.given.get(m.group("n"), (0, 0))[0] >= 20 and m.group("n") not in _NOT \
                and _lower_line(text, s):
            out.append(Span(s, e, "PERSON", m.group("n"), 0.5, "position"))
    for rx in (_OPENING, _RELATION, _SOMEONE):
        for m in rx.finditer(text):
            s, e = m.span("n")
            if cov[s] or not _name_word(m.group("n"), gaz):
                continue
            out.append(Span(s, e, "PERSON", m.group("n"), 0.5, "position"))
    for m in _CALLED_AT.finditer(text):
        s, e = m.span("n")
        if not cov[s] and _called_word(m.group("n"), gaz) and _lower_line(text, s):
            out.append(Span(s, e, "PERSON", m.group("n"), 0.5, "position"))
    return out


# (session 8) a person known by one letter: once the text shows the letter is someone ("k said ur fit", "kayden.
# k jones", 'they call "T"'), the letter's other mentions where a name stands are that person ("which k lol",
# "whos j", "can m come", "j's got a car"). Letters that chat writes for words are never taken ("u", "n", "r").
_WORD_LETTERS = frozenset("aiunrbcxywoe")
_LETTER_BEFORE = frozenset(["which", "know", "whos", "who's", "about", "bout", "tell", "ask", "wiv", "with", "and",
                            "can", "its", "it's", "not", "like", "call", "ring", "text", "saw", "seen", "w", "n", "me",
                            "is", "was", "where", "wer", "wheres", "let", "told", "an", "or"])
_LETTER_AFTER = frozenset(["said", "says", "sed", "is", "was", "drivin", "driving", "drove", "chats", "has", "had",
                           "dont", "doesnt", "didnt", "will", "gonna", "comin", "coming", "come", "knows", "wants",
                           "got", "gets", "went", "goes", "told", "texted", "rang", "lives", "and", "n", "or"])


_INITIAL_AFTER = re.compile(r" ([a-z])(?=[ \t]+(?:he|she|hes|shes|from|is|was|said|sed|knows|has|and|n|or)\b|[.,!?]|$)",
                            re.MULTILINE)


def letter_names(text: str, spans: list[Span]) -> list[Span]:
    letters = {s.text.lower() for s in spans if s.label == "PERSON" and len(s.text) == 1 and s.text.isalpha()}
    widened = []
    for s in spans:  # "k jones": a letter before a surname found in lowercase is the given name's initial
        if s.label == "PERSON" and s.text.islower() and " " not in s.text and s.start >= 2:
            m = re.search(r"(?<![\w'’.-])([a-z]) $", text[max(0, s.start - 3):s.start])
            if m and m.group(1) not in _WORD_LETTERS:
                letters.add(m.group(1))
                widened.append(Span(s.start - 2, s.end, "PERSON", text[s.start - 2:s.end], s.confidence, s.source))
        # (session 9) a surname's initial after a name found in lowercase: "ask ashley f he knows me"
        if s.label == "PERSON" and s.text.islower() and " " not in s.text:
            m = _INITIAL_AFTER.match(text, s.end)
            if m and m.group(1) not in _WORD_LETTERS:
                widened.append(Span(s.start, s.end + 2, "PERSON", text[s.start:s.end + 2], s.confidence, s.source))
    letters -= _WORD_LETTERS
    if not letters:
        return widened
    cov = _coverage(spans, len(text))
    out = list(widened)
    # mentions in lowercase only: a capital letter in prose is a code or a role far more often ("Child M was")
    rx = re.compile(rf"(?<![\w'’.@-])[{''.join(sorted(letters))}](?=['’]s\b|(?![\w'’-]|\.\w))")
    for m in rx.finditer(text):
        s = m.start()
        if cov[s]:
            continue
        before = re.search(r"([\w'’]+)\W*$", text[max(0, s - 12):s])
        after = re.match(r"(?:['’]s\b)|\W*([\w'’]+)", text[s + 1:s + 14])
        b = before.group(1).lower() if before else ""
        a = (after.group(1) or "").lower() if after else ""
        if b in _LETTER_BEFORE or a in _LETTER_AFTER or (after and after.group().startswith(("'", "’"))) or (
                text[s + 1:s + 2] in ("?", "\n", "") and b in ("", "k", "lol")):
            out.append(Span(s, s + 1, "PERSON", text[s], 0.5, "context"))
    return out


# (session 9) where a single letter can only be someone, the first time it is written: "me n j at the pier",
# "tell T to bring my charger", "bring k", "u owe T 50", "m n his mate", "d comin?"; chat lines in lowercase only
# ("Child M was" in prose is a code). Letters chat writes for words are kept out except after "me n".
_LETTER_FIRST = re.compile(
    r"\bme (?:n|and|an|&) (?P<a>[a-z])(?![\w'’-]|\.\w)"
    r"|\btell (?P<b>[a-zA-Z]) (?:to|2)\b"
    r"|\b(?:bring|owe|ring|text|ask) (?P<c>[a-zA-Z])(?=[ \t]*(?:$|[.!?\n]|\d|tho\b|lol\b|too\b))"
    r"|(?:^|: |\. )(?P<d>[a-zA-Z]) (?:n|and|an) (?:his|her|their|ur) (?:mate|mates|m8|bro|sister|cousin)"
    r"|(?:^|: |\. )(?P<e>[a-z]) (?:comin|coming|drivin|driving|said|sed|says)\b"
    r"|(?:^|: |\. )(?P<f>[A-Z]) (?:is|was|has|said|says|sed) (?:dropping|bringing|driving|coming|picking|waiting|"
    r"outside|here|sending)\b",
    re.MULTILINE)


def letter_firsts(text: str, spans: list[Span]) -> list[Span]:
    cov = _coverage(spans, len(text))
    out = []
    for m in _LETTER_FIRST.finditer(text):
        group = m.lastgroup
        s = m.start(group)
        letter = text[s]
        if cov[s] or (letter.lower() in _WORD_LETTERS and group != "a") or letter.lower() in "uni" \
                or not _lower_line(text, s):
            continue
        out.append(Span(s, s + 1, "PERSON", letter, 0.5, "context"))
    return out
