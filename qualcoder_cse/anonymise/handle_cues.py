"""Usernames that are plain letters, found by what is said around them (issue 15, session 11: CONTACT recall).

A handle with digits, "_" or "." has a shape of its own; "kayzmarie", "deanox" or "xXkezXx" has none, and the
patterns take it only after "snap:" or "my snap is". Reports and chats name accounts in many more ways: "add
my snap kayzmarie", "follow deanox on insta", "added by jordanbx on Snapchat", "Instagram account 'kayzmarie'",
"the account xXkezXx messaged her", "account name deanox", "Display name: Kez, username kayzmarie",
"Sender: deanox". The word after such a cue is a username when no English word list holds it (so "add my snap
later", "the account was deleted" and "follow him on insta" name no one).
"""

from __future__ import annotations

import re

from .chat_links import _CHAT_ABBREV
from .gazetteers import Gazetteers
from .lexicon import STOP
from .spans import Span

_APP = (r"(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|tt|kik|facebook|fb|messenger|discord|telegram|twitter|"
        r"x|threads|yubo|wizz|whatsapp)")
_USER = r"(?P<u>[A-Za-z0-9][A-Za-z0-9_.]{2,29}[A-Za-z0-9_])"
_CUES = [
    # "add my snap kayzmarie", "dm me on ig deanox", "his insta deanox", "on snap jordanbx"
    re.compile(rf"(?i:\b(?:add(?:ed)?\s+(?:my|me\s+on|me|him\s+on|her\s+on)|on|my|his|her|their|dm\s+me\s+on)\s+"
               rf"{_APP})[ \t]+{_USER}(?![\w@])"),
    # "add me kayzmarie", "add me @deanox": a username straight after "add me"
    re.compile(rf"(?i:\badd\s+me\s+@?){_USER}(?![\w@])"),
    # "follow deanox on insta", "added by jordanbx on Snapchat", "messages from kayzmarie on snap"
    re.compile(rf"(?i:\b(?:follow|add|added\s+by|message|messaged\s+by|dm|from|by|chatting\s+to|talking\s+to)\s+)"
               rf"{_USER}(?i:\s+on\s+{_APP}\b)"),
    # "Instagram account 'kayzmarie'", "the account "deanox"", "username ‘jordanbx’"
    re.compile(r"(?i:\b(?:account|profile|page|user\s?name|username|handle|gamertag)(?:\s+name)?"
               r"\s*[:=]?\s*)[\"'“‘]" + _USER + r"[\"'”’]"),
    # "account name deanox", "username kayzmarie", "Facebook profile kayzmarie", "the account xXkezXx messaged"
    re.compile(rf"(?i:\b(?:(?:{_APP}\s+)?(?:account|profile|page)(?:\s+name)?|user\s?name|handle|gamertag)"
               rf"[ \t]*[:=]?[ \t]*){_USER}(?![\w@])"),
    # a return's or an export's field: "Sender: deanox", "Author: kayzmarie", "Target: jordanbx"
    re.compile(rf"(?im:^[ \t]*(?:sender|author|recipient|target|account|participant|owner|subscriber)s?[ \t]*"
               rf"[:=][ \t]*){_USER}[ \t]*(?:$|\()"),
]
_CHAT_WORDS = frozenset(["pls", "plz", "plss", "please", "tho", "lol", "lmao", "rn", "asap", "bro", "bruv", "fam", "hun",
                         "babe", "x", "xx", "xxx", "innit", "tbh", "ngl", "pal", "mate", "back", "tmrw", "2moro",
                         "l8r", "laters", "too", "2", "aswell", "again", "first", "quick", "quickly", "instead"])
_ROLE = re.compile(r"facilitator|admin|moderator|interviewer|researcher|worker", re.IGNORECASE)
_NOT = frozenset(["name", "names", "holder", "details", "number", "id", "was", "is", "has", "had", "been", "and",
                  "deleted", "blocked", "private", "public", "open", "closed", "linked", "called", "named", "unknown",
                  "settings", "request", "requests", "page", "profile", "account", "user", "username", "later",
                  "tonight", "now", "instead", "too", "again", "back", "them", "him", "her", "me", "you"])


def handle_cues(text: str, gaz: Gazetteers) -> list[Span]:
    out: list[Span] = []
    for rx in _CUES:
        for m in rx.finditer(text):
            u = m.group("u").rstrip("._")
            k = u.casefold()
            if k in _NOT or k in STOP or k in gaz.words or k in _CHAT_ABBREV or k in _CHAT_WORDS or (
                    _ROLE.search(u)) or (
                    u[:1].isupper() and u[1:].islower() and k in gaz.given):
                continue  # a word ("add my snap later"), or a name written as a name ("username Kez" is hers)
            s = m.start("u")
            out.append(Span(s, s + len(u), "CONTACT", u, 0.75, "context"))
    return out
