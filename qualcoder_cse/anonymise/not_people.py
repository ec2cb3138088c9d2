"""The last look at the proposals: words that stand where a name goes but name no one (issue 15, session 5:
span precision on unseen text). Dropped wherever a layer proposed them:

- weekdays, plural or written short beside another day or a digit ("Tues/Fri", "comes in Thursdays"), as a
  person or a place;
- clothing brands named like people ("a michael kors bag", "tommy hilfiger", "ralph lauren polo");
- a national body met with its possessive cut off ("Barnardo" of "Barnardo's"), which the guidelines leave;
- a single letter as a speaker label ("W:", "F:"): a role code in the guidelines;
- an ordinary word numbering a thing ("on Case 3"), not a name before an age ("Jodie 14");
- a hyphenated pair of ordinary words ("Follow-up:", "Drop-in"), not a double-barrelled name ("Anne-Marie",
  "Smith-Jones": a part is a given name or no common word);
- (session 6) a form's heading in capitals made of common words ("WHAT HAS BEEN DONE"); letters defined as a role ("a police officer (PO)"), a word for a person in lowercase ("the
  child's notes"); a job title or a process named in Title Case ordinary words ("Senior Licensing Officer",
  "Common Law Police Disclosure", "National Referral Mechanism", "Schedule 12A"), and a common word with a
  possessive labelling a note ("Worker's note:");
- a word-name after a pronoun ("I HOPE YOU'RE..."): a verb; a role code naming a child by a letter ("Child W", "Girl B's", "4.2 Child W"), and a
  participant code of one or two letters and digits that is a speaker label in the document ("R04:", "YP2:").
- (after fresh14) a month written short ("Oct–Nov 2024", "Feb-Apr"; "Jan", "Jun", "Jul", "Dec", which are names too, only
  beside another month, a digit or a word of time); a Scots or dialect function word in lowercase ("tae",
  "dinnae", "cannae", "intae") or a contraction without its apostrophe ("im"); a field's name ending in "ID"
  ("Account ID"); an ordinary word labelling a field or a record ("Case reference:", "Case
  manager", "Child Abduction Act", "Misper ref:").
"""

from __future__ import annotations

import re

from .defined_initials import _stands_for
from .gazetteers import Gazetteers
from .lexicon import LOC_HEADS_CAP, NATIONAL, ORG_HEADS_CAP, ROLE_WORDS, STOP, WEEKDAYS
from .spans import Span, fold

_DAYS = WEEKDAYS | frozenset(["mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
                              # Welsh weekdays, as bilingual minutes give them
                              "dydd llun", "dydd mawrth", "dydd mercher", "dydd iau", "dydd gwener", "dydd sadwrn",
                              "dydd sul"])
# short forms are names too ("Thu", a Vietnamese given name): a weekday only beside another day, a "/" or a digit
_SHORT_DAYS = frozenset(["mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun"])
_DAY_CONTEXT = re.compile(r"[/&\d]|\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\b", re.IGNORECASE)
_NUMBERED = re.compile(r" \d{1,3}\b(?![:/.]\d)")
_ROLE_CODE = re.compile(r"(?:[\d.]+\s+)?(?:child|girl|boy|young person|yp|victim|witness|suspect|person|adult|"
                        r"male|female|participant|sibling|mother|father|parent)\s+[a-z]\d?(?:['’]s)?", re.IGNORECASE)
_CODE = re.compile(r"[A-Z]{1,2}\d{1,3}")
_ROLE_TAILS = frozenset(["officer", "manager", "practitioner", "adviser", "advisor", "lead", "worker", "coordinator",
                         "co-ordinator", "director", "consultant", "registrar", "disclosure", "mechanism",
                         "provisions", "review", "act", "department", "assessment", "procedure", "procedures"])
_SCHEDULE = re.compile(r"(?:Schedule|Section|Part|Appendix|Annex) \d+[A-Z]?")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:the|a|an|this|that|these|those)\s+$", re.IGNORECASE)
_PEOPLE_WORDS = frozenset(["child", "children", "mother", "father", "parent", "parents", "carer", "lawyer", "author",
                           "victim", "suspect", "witness", "patient", "client", "pupil", "student", "author"])
# a role's letters defined in brackets after the role in lowercase: "a police officer (PO), a social worker (SW)"
_SERVICES = frozenset(["what3words", "w3w", "whatsapp", "snapchat", "instagram", "tiktok", "telegram", "discord",
                       "messenger", "facebook", "youtube", "twitter", "google", "life360"])
_ROLE_CODE_DEF = re.compile(r"\b[a-z][a-z'-]+(?: [a-z][a-z'-]+){0,3} \(([A-Z]{2,4}\d?)\)")
_NOTE_AFTER = re.compile(r" (?:note|notes|comment|comments|summary|account|view|record)\b", re.IGNORECASE)
_PRONOUN_BEFORE = re.compile(r"(?<![\w'’])(?:i|we|they)\s+$", re.IGNORECASE)
# months written short: no one is called "Oct"; "Jan", "Jun", "Jul", "Dec" are names, so a month only in a month's place
_SHORT_MONTHS = frozenset(["feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov"])
_NAME_MONTHS = frozenset(["jan", "jun", "jul", "dec"])  # "Dec" is Declan
_MONTH_CONTEXT_BEFORE = re.compile(r"(?:[\d/–—-]|\b(?:in|since|from|until|till|by|before|after|early|late|mid|"
                                   r"last|next|this|of|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec))\s*$",
                                   re.IGNORECASE)
_MONTH_CONTEXT_AFTER = re.compile(r"\s*(?:[–—/-]|'?\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\b)",
                                  re.IGNORECASE)
# Scots and dialect function words, written lowercase in chat ("gave it tae her", "dinnae greet")
_DIALECT = frozenset(["tae", "intae", "ontae", "untae", "dinnae", "cannae", "wouldnae", "couldnae", "shouldnae",
                      "doesnae", "didnae", "isnae", "wasnae", "hasnae", "havnae", "havenae", "gonnae", "wannae",
                      "widnae", "wullnae", "arenae", "werenae", "willnae", "mustnae", "dae", "oot", "aboot",
                      "noo", "whit", "hame", "awa", "naw", "aye", "wi", "frae", "tha", "yous", "youse",
                      "yees", "yiz", "yez", "fae", "da", "das", "ma", "maw", "steamin", "daftie", "wee", "ya",
                      "sed", "sez", "havin", "oi", "peng", "cor", "mamgu", "bach", "cariad"])
_CONTRACTIONS = frozenset(["im", "ive", "ill", "id", "youre", "theyre", "hes", "shes", "thats", "whats", "dont",
                           "cant", "wont", "didnt", "isnt", "wasnt", "aint", "youve", "weve", "theyve", "itll"])
# the word after an ordinary word that makes it a field or a record's label ("Case reference:", "Child Abduction")
_FIELD_AFTER = re.compile(r"(?:'s)? (?:ref|reference|no|number|id|manager|notes|note|file|status|type|details|"
                          r"summary|log|address|worker|officer|abduction|conference|plan|review)\b\.?",
                          re.IGNORECASE)
_REF_AFTER = re.compile(r" (?:ref|reference|no|number|id)\.?:", re.IGNORECASE)
_BRANDS = frozenset(["michael kors", "ralph lauren", "tommy hilfiger", "hilfiger", "ted baker", "calvin klein",
                     "hugo boss", "stone island", "canada goose", "north face", "the north face", "louis vuitton",
                     "vuitton", "jack wills", "moncler", "burberry", "versace", "armani", "prada", "balenciaga",
                     "lacoste", "fendi", "givenchy", "hollister", "superdry", "trapstar", "corteiz", "nike",
                     "adidas", "puma", "reebok", "kurt geiger", "jd sports", "pandora", "primark"])


def not_people(text: str, spans: list[Span], gaz: Gazetteers) -> list[Span]:
    out = []
    labels = None
    role_codes = set(_ROLE_CODE_DEF.findall(text)) if " (" in text else set()
    if role_codes:  # not a named person's initials ("Jade Whitworth, social worker (JW)")
        role_codes -= {"".join(w[0] for w in s.text.replace("-", " ").split() if w[:1].isupper())
                       for s in spans if s.label == "PERSON" and " " in s.text}
        # (session 13) a middle name left out: "Rebwar Ahmed Karim, licence holder (RK)"
        role_codes = {c for c in role_codes if not any(
            s.label == "PERSON" and " " in s.text and _stands_for(c, s.text) for s in spans)}
    for s in spans:
        if s.source in ("sender", "noted"):  # a chat's other side (chat_senders), a name a note defines
            out.append(s)
            continue
        if s.label in ("PERSON", "LOCATION", "ORG") and _names_no_one(text, s, gaz):
            continue
        if s.label in ("PERSON", "CONTACT") and fold(s.text) in _SERVICES:
            continue  # (session 13) "given as a what3words": the service, no one's handle
        if s.label != "ID" and _ROLE_CODE.fullmatch(s.text):
            continue
        if s.label == "PERSON" and s.text in role_codes:
            continue  # "PO:" where "a police officer (PO)" said what the letters stand for
        if s.label == "PERSON" and _institution_word(text, s):
            continue  # (session 9) "the Trust's Gateway team", "Youth Justice", "Ask for Angela"
        if s.label in ("PERSON", "CONTACT", "ORG") and _CODE.fullmatch(s.text):
            if labels is None:
                labels = _labels(text)
            if s.text in labels:
                continue
        out.append(s)
    return out


# (session 9) words of a body or a scheme read as a person: "the Trust", "the Forum", "Youth Justice", "Public
# Protection", "Major Crime", "Business Support", "Ask for Angela"
_INSTITUTIONS = frozenset(["trust", "forum", "board", "partnership", "panel", "service", "project", "hub", "unit",
                           "collective", "network", "alliance", "foundation"])
_SERVICE_FIRST = frozenset(["public", "major", "business", "serious", "complex", "early"])
_SERVICE_NEXT = re.compile(r" (?:Protection|Crime|Support|Organised|Case|Help|Abuse|Investigation)\b")


def _institution_word(text: str, s: Span) -> bool:
    key = fold(s.text)
    if " " in key:
        return False
    before = text[max(0, s.start - 12):s.start].lower()
    if key in _INSTITUTIONS and before.endswith("the "):
        return True
    if key == "justice" and before.endswith(("youth ", "criminal ")):
        return True
    if key == "angela" and before.endswith("ask for "):
        return True
    return key in _SERVICE_FIRST and bool(_SERVICE_NEXT.match(text, s.end))


def _labels(text: str) -> set[str]:
    """The participant codes opening a line as a speaker label ("R04:")."""
    return set(re.findall(r"^([A-Z]{1,2}\d{1,3}):", text, re.MULTILINE))


def _names_no_one(text: str, s: Span, gaz: Gazetteers) -> bool:
    key = fold(s.text).strip(" .")
    if s.label in ("PERSON", "LOCATION") and (key in _DAYS or key in _SHORT_DAYS and (
            _DAY_CONTEXT.search(text[max(0, s.start - 6):s.start]) or _DAY_CONTEXT.search(text[s.end:s.end + 6]))):
        return True
    if s.label in ("PERSON", "LOCATION") and " " not in key and (key in _SHORT_MONTHS or key in _NAME_MONTHS and (
            _MONTH_CONTEXT_BEFORE.search(text, max(0, s.start - 7), s.start)
            or _MONTH_CONTEXT_AFTER.match(text, s.end))) and s.text[:1].isupper():
        return True  # "Oct–Nov 2024", "Feb–Apr", "in Jun"
    if s.label in ("PERSON", "ORG") and len(s.text.split()) >= 2 and s.text.split()[-1] == "ID":
        return True  # "Account ID", "PNC ID": a field's name
    if s.label == "PERSON" and s.text.islower() and key in _CONTRACTIONS:
        return True  # "im parked up", "ive told u": a contraction without its apostrophe
    if s.label == "PERSON" and s.text.islower() and (
            key in _DIALECT or all(w in _DIALECT for w in key.split())):
        return True  # "come back tae Govan", "dinnae greet"
    bare = key.removesuffix("'s").removesuffix("’s")
    if s.label == "PERSON" and " " not in key and (_REF_AFTER.match(text, s.end) or (
            gaz.words.get(bare, 99) <= 20 and gaz.given.get(bare, (0,))[0] < 200 and _FIELD_AFTER.match(text, s.end))):
        return True  # "Case reference:", "Case manager", "Child Abduction Act", "Misper ref:"
    if key in _BRANDS or key in NATIONAL or (key + "'s") in NATIONAL or (key + "s") in NATIONAL and len(key) > 3:
        return True  # (not initials: "NH" for Nick Harland is no "NHS")
    if s.label == "PERSON" and len(s.text) == 1 and text[s.end:s.end + 1] == ":" and (
            s.start == 0 or text[s.start - 1] == "\n"):
        return True
    if s.label == "PERSON" and " " not in key and _NUMBERED.match(text, s.end) and gaz.words.get(key, 99) <= 20 \
            and gaz.given.get(key, (0,))[0] < 200:
        return True  # "Case 3", "Item 4": an ordinary word numbering a thing
    if s.label == "PERSON" and " " not in key and gaz.words.get(key, 99) <= 35 and _PRONOUN_BEFORE.search(
            text, max(0, s.start - 6), s.start):
        return True  # "I HOPE YOU'RE...", "we hope": a verb after a pronoun
    words = key.split()
    if len(words) >= 2 and words[-1] in _ROLE_TAILS and all(gaz.words.get(w, 99) <= 50 for w in words) and all(
            gaz.given.get(w, (0, 0))[0] < 500 for w in words[:-1]):
        return True  # "Senior Licensing Officer", "Common Law Police Disclosure"
    if _SCHEDULE.fullmatch(s.text):
        return True
    if len(words) >= 2 and s.text.isupper() and 2 * sum(w in STOP for w in words) >= len(words) and all(
            w in STOP or gaz.words.get(w, 99) <= 20 and w not in ORG_HEADS_CAP and w not in LOC_HEADS_CAP
            for w in words):
        return True  # "WHAT HAS BEEN DONE", "USE ONLY": a form's heading in capitals
    if s.label == "PERSON" and len(words) == 1 and key.endswith(("'s", "’s")) and (gaz.words.get(
            key[:-2], 99) <= 35 and gaz.given.get(key[:-2], (0, 0))[0] < 200 or key[:-2] in ROLE_WORDS) and (
            _NOTE_AFTER.match(text, s.end)):
        return True  # "Worker's note:", "Facilitator's note"
    if s.label == "PERSON" and s.text.islower() and " " not in s.text and _ARTICLE_BEFORE.search(
            text, max(0, s.start - 6), s.start):
        return True  # "the app says", "a lan": a lowercase word after an article is a thing
    if s.label == "PERSON" and s.text.islower() and key.removesuffix("'s").removesuffix("’s") in _PEOPLE_WORDS:
        return True  # "the child's notes": a word for a person, in lowercase
    if s.label == "PERSON" and "-" in key and " " not in key:
        parts = key.split("-")
        return len(parts) == 2 and all(
            gaz.words.get(p, 99) <= 35 and gaz.given.get(p, (0,))[0] < 200 for p in parts)
    return False
