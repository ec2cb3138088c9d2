"""Nicknames found by the words around them and names inside speaker labels. A mixin of ``RuleLayer``."""

from __future__ import annotations

import re

from .lexicon import (
    _AGE_AFTER,
    _CALLED_RIGHT,
    _CAR_NAMES,
    _CHAT_AFTER,
    _DETERMINERS,
    _LETTER_ROLES,
    _POSS_THINGS,
    _QUOTE_CUES,
    _QUOTED_SHORT,
    _SPEECH,
    MONTHS,
    NOT_NAMES,
    RANKS,
    ROLE_UPPER,
    ROLE_WORDS,
    STOP,
    TITLES,
    WEEKDAYS,
)
from .spans import Span, fold

# a chat line's time stamp before its speaker ("[22:18] ", "22:18 ")
_NOT_PARTICIPANTS = frozenset(["system", "server", "bot", "admin", "mod", "moderator", "unknown", "deleted", "you",
                               "me", "note", "notes", "status", "call", "missed", "media", "image", "video"])
_STAMPED = re.compile(r"[ \t]*\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]+")


_WORD_LABELS = frozenset(["all", "both", "others", "everyone", "note", "notes", "summary", "action", "actions", "chair",
                          "answer", "question", "comment", "reply", "response", "update", "agreed", "decision",
                          "mam", "mum", "mom", "nan", "nana", "nanna", "gran", "granny", "grandad", "dad", "auntie",
                          "aunty", "uncle", "sis", "bro", "babe", "baby", "me", "you", "staff", "teacher", "worker"])


class NicknameRules:
    """Nickname and speaker-label rules; expects ``self.g`` and the helpers of ``RuleLayer``."""

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

    def _chat_label_name(self, words: list[str]) -> bool:
        if not 1 <= len(words) <= 2 or len(words) == 2 and len(words[1]) != 1 or not words[0].isalpha():
            return False
        k = words[0]
        return k not in ROLE_WORDS and k not in TITLES and k not in RANKS and k not in STOP and (
            self.g.given.get(k, (0, 0))[0] >= 100 and self.g.words.get(k, 99) > 35)

    def _speaker_label(self, text: str, start: int, label: str, out: list[Span], turns: int = 1) -> None:
        words = label.split()
        line_start = text.rfind("\n", 0, start) + 1
        if len(words) == 1 and label.isalpha() and label.islower() and len(label) >= 3 and _STAMPED.fullmatch(
                text, line_start, start) and label not in ROLE_WORDS and label not in STOP and label not in NOT_NAMES \
                and label not in _NOT_PARTICIPANTS and label in self.g.words:
            # "[22:18] reaper: ...": a word opening a time-stamped chat line is a participant (a word no list
            # knows is left to the handle rule below: "crispyfries:")
            out.append(Span(start, start + len(label), "PERSON", label, 0.6, "context"))
            return
        if turns >= 2 and label.islower() and self._chat_label_name(words):
            # "ty 💯:", "reece w:" opening turns of a chat: a given name (not a word), perhaps with an initial
            out.append(Span(start, start + len(label), "PERSON", label, 0.65, "context"))
            return
        key = fold(label)
        if len(words) == 1 and label.istitle() and label.isalpha() and turns >= 2 and key not in ROLE_WORDS \
                and key not in TITLES and key not in RANKS and key not in _WORD_LABELS \
                and (self.g.given.get(key, (0, 0))[0] >= 5 or self.g.given.get(key, (0, 0))[1] >= 1000) \
                and key in self.g.words:  # (session 11) "Memory:", a Zimbabwean name the UK list lacks
            # (session 9) "Will:", "May:", "Rich:" heading two turns or more: a given name that is also a word
            out.append(Span(start, start + len(label), "PERSON", label, 0.6, "context"))
            return
        pos = start
        spans: list[tuple[int, int]] = []
        for w in words:
            ws = text.index(w, pos)
            pos = ws + len(w)
            k = fold(w)
            if k in TITLES or k in RANKS or k in ROLE_WORDS or k in STOP or k in NOT_NAMES or (
                w.isupper() and k in ROLE_UPPER
            ):
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
            if len(words) == 1 and w.islower() and w.isalpha() and turns >= 2 and self._label_name_ok(
                w.upper(), k, turns
            ) and k in self.g.given:
                out.append(Span(ws, ws + len(w), "PERSON", w, 0.6, "context"))  # "faith:" on every turn of a chat
                return
            if len(w) == 1 and w.isupper() and spans and len(words) == 2 and w is words[-1]:
                spans.append((ws, ws + 1))  # "Sharon B:" a name and an initial
                continue
            if w.isupper() and 2 <= len(w) <= 3:
                # initials as a label are a person only when they are a named person's ("DF:" for Deborah
                # Fairclough: span_passes._initials_of_names); others are role codes ("SW:", "FW:")
                continue
            if w[0].isupper() and len(w) >= 2 and (k in self.g.given or k not in self.g.words) and self._label_name_ok(
                w, k, turns
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
