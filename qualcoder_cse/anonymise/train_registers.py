"""Whole documents of the anonymiser's training text in the registers where the detector missed on unseen text
(issue 15): minutes with attendee lists, WhatsApp (Android and iPhone), Discord and "[18:03] name:" chat
exports, Snapchat-style capitals, referral forms, field notes with times, and interviews where word-names
(Summer, Will, Pearl, Faith...) stand in name positions. Each document mixes identifiers with negatives of the
same shapes: the same words used as words, role and service acronyms, ranks alone, capitalised function words,
and the times of export headers, which the guidelines leave unmarked (the header's date is marked: it names a
day).
"""

from __future__ import annotations

from .train_templates import _fill
from .train_text import Gen

Ents = list[tuple[int, int, str]]


class Doc:
    """Text built piece by piece with its entity offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.ents: Ents = []
        self.n = 0

    def add(self, s: str, label: str | None = None) -> Doc:
        if label:
            self.ents.append((self.n, self.n + len(s), label))
        self.parts.append(s)
        self.n += len(s)
        return self

    def fill(self, gen: Gen, tpl: str, lower: bool = False) -> Doc:
        text, ents = _fill(gen, tpl, lower)
        self.ents.extend((self.n + s, self.n + e, lab) for s, e, lab in ents)
        return self.add(text)

    def result(self) -> tuple[str, Ents]:
        return "".join(self.parts), self.ents


# slots beyond train_templates': {X} word-name, {Y} full name (first part may be a word), {N} chat nickname,
# {H} username, {K} landmark (after "the"), {Z} postcode district, {B} badge/licence number, {R} whole ORG
NAME_POSITIONS = [
    "{Y}, fourteen at the time, was placed at {R}.", "{X} said she would ring the school the next day.",
    "Thanks, {X}. Can you say a bit more about that?", "{X}'s mum rang us the night she went missing.",
    "I spoke to {X} and {X} after the meeting.", "DI {Y} led the operation from {L}.",
    "DC {X} {S} took the first account.", "Her carer, {X}, had raised it twice.", "Ask {X}, she knows the family.",
    "We met {Y} at {R} on {D}.", "{X} told me he had been to the {K} with them.", "{X} and {Y} were both at {R}.",
    "My name's {X}, I'm the DSL at {R}.", "PC {X} and Sergeant {S} attended {L}.", "It was {X} who noticed first.",
    "{X}, can you take us through the timeline?", "According to {X}, the car came most nights.",
    "{Y} (Chair) opened the meeting.", "Mrs {S} said {X} had not been in school since {D}.",
    "She was known as {X} on the street, her real name is {Y}.", "Cllr {Y} asked about {R}.",
    "The referral came from {X} at {R}, ref {B}.", "{X} rang from {L} to say {X} was safe.",
]
NEGATIVES = [
    "Will you say that again for the tape?", "Mark the date in the diary.", "Say what you saw, in your own words.",
    "See the notes from last time.", "Honestly, nobody asked her.", "Summer holidays were always the worst time.",
    "Faith groups were not at the table.", "Referrals rose by a third.", "Sky News ran the story first.",
    "The risk was rated amber, then red.", "Sergeant, can I ask about the hotels?", "The Sergeant rang the Inspector.",
    "CSE and CCE referrals went to the MASH.", "IAG and YOS were both represented.", "CAMHS declined the referral.",
    "The LADO was informed the same day.", "A MARAC was held and an NRM referral made.", "The DSL logged it on CPOMS.",
    "Hope is not a plan.", "Grace periods do not apply.", "Chase it up with the SPOC.", "Miles from anywhere.",
    "Basically, the PCSO saw it first.", "Obviously we went to the ISVA.", "Right, shall we move on?",
    "Apologies were noted.", "Action: circulate the terms of reference.", "Outcome: no further action.",
    "Present as above.", "Any other business: none.", "Jade plants and rose bushes, that is what I remember.",
    "New Year's Eve was busy.", "Early Help closed the case.", "Operationally it was hard.",
    "ok so", "lol same", "nah", "wat u doin", "im on my way", "ye ok", "haha", "cant tonight", "who is this",
    "u coming?", "brb", "my mum is going mad", "dont tell anyone", "where r u", "omw", "say less", "wait what",
    "will do", "hope ur ok", "see u there", "mark my words", "no faith in them", "its summer soon", "jade green nails",
]
CHAT_LINES = [
    "me n {N} went {L} on the bus", "{N} said we cud go his", "ask {N} hes got the car", "{N} is 23 tho",
    "im telling {N} tmrw", "{N} n {N} are coming", "we was at the {K} til late", "meet at the {K} after",
    "hes from {Z} init", "they live up {Z}", "big man picked us up outside {R}", "{X} said dont tell ur mum",
    "add {H} on snap", "{N}s cousin is {N}", "going {R} later", "{N}: where r u", "with {N} and {X}",
    "dont tell {X}", "{X} knows him", "the car was {I}", "his number is {C}", "my cuz {N} is doing a party",
    "{N} from {Z} is bare annoying", "lol {N}", "u seen {N}?", "tell {N} to bring the stuff",
]
PLACE_ID_LINES = [
    "He was stopped in {Z} with two girls in the car.", "Both addresses were in {Z}, off {L}.",
    "They hung around the {K} most nights.", "We did a sweep of the {K} and the {K}.", "The taxi, plate {B}, was seen.",
    "His badge number was {B}.", "Licence {B} was suspended.", "It went on as ref {B}.", "Driver badge {B}, vehicle {I}.",
    "Hotels in {Z} and {Z} were visited.", "Seen near the {K} at 23:10.", "Log {B} refers.",
]
ROLES = ["Chair", "DSL", "YOS", "CSE lead", "IAG", "Sergeant", "Social Worker", "Team Manager", "Head of Year",
         "ISVA", "Youth Worker", "Minutes", "Health", "Education", "Early Help", "Housing", "CAMHS"]
_SLOTS = {"X": "word_name", "Y": "wordy_full", "N": "nickname", "H": "handle", "K": "landmark", "Z": "district",
          "B": "badge", "R": "whole_org", "S": "surname"}
_LABELS = {"X": "PERSON", "Y": "PERSON", "N": "PERSON", "H": "CONTACT", "K": "LOCATION", "Z": "LOCATION",
           "B": "ID", "R": "ORG", "S": "PERSON"}


def fill2(gen: Gen, doc: Doc, tpl: str, lower: bool = False) -> None:
    """Fill a template that may use the slots above as well as train_templates' ones."""
    i = 0
    while i < len(tpl):
        j = tpl.find("{", i)
        if j < 0:
            doc.add(tpl[i:])
            return
        doc.add(tpl[i:j])
        key = tpl[j + 1]
        if key in _SLOTS:
            value = gen.full_name() if key == "Y" else getattr(gen, _SLOTS[key])()
            label = _LABELS[key]
            doc.add(value.lower() if lower and label not in ("ID",) else value, label)
        else:
            doc.fill(gen, tpl[j:j + 3], lower)
        i = j + 3


def _person_label(gen: Gen) -> tuple[str, str]:
    """A chat sender: a name in any form, a word-name, a nickname (PERSON) or a username (CONTACT)."""
    x = gen.r.random()
    if x < 0.25:
        return gen.any_first(), "PERSON"
    if x < 0.4:
        return gen.full_name(), "PERSON"
    if x < 0.6:
        return gen.nickname(), "PERSON"
    return gen.handle(), "CONTACT"


def _message(gen: Gen, doc: Doc) -> None:
    if gen.r.random() < 0.45:
        doc.add(gen.pick(NEGATIVES).lower() if gen.r.random() < 0.7 else gen.pick(NEGATIVES))
    else:
        fill2(gen, doc, gen.pick(CHAT_LINES), lower=gen.r.random() < 0.8)


def _clock(gen: Gen, seconds: bool = False) -> str:
    t = f"{gen.r.randint(0, 23):02d}:{gen.r.randint(0, 59):02d}"
    return t + (f":{gen.r.randint(0, 59):02d}" if seconds else "")


def _day(gen: Gen) -> str:
    return f"{gen.r.randint(1, 28):02d}/{gen.r.randint(1, 12):02d}/{gen.r.randint(2019, 2026)}"


def whatsapp(gen: Gen, doc: Doc) -> None:
    """Export lines; the header's date is marked (it names a day; GUIDELINES.md), its time is not."""
    senders = [_person_label(gen) for _ in range(gen.r.randint(2, 4))]
    senders = [(n, "CONTACT") if gen.r.random() < 0.15 else (n, lab) for n, lab in senders]
    senders = [(gen.contact() if lab == "CONTACT" and gen.r.random() < 0.3 else n, lab) for n, lab in senders]
    iphone = gen.r.random() < 0.4
    day = _day(gen)
    for _ in range(gen.r.randint(4, 10)):
        name, label = gen.pick(senders)
        doc.add("[" if iphone else "").add(day, "DATE")
        doc.add(f", {_clock(gen, True)}] " if iphone else f", {_clock(gen)} - ")
        doc.add(name if label == "CONTACT" else gen.cap(name) if gen.r.random() < 0.6 else name, label)
        doc.add(gen.pick(["", "", " 💕", " 🦋", " x"]) + ": ")
        _message(gen, doc)
        doc.add("\n")


def discord(gen: Gen, doc: Doc) -> None:
    """Discord as copied from the app: "name — Today at 18:02", the message on the next line."""
    handles = [gen.handle() for _ in range(gen.r.randint(2, 4))]
    for _ in range(gen.r.randint(3, 8)):
        doc.add(gen.pick(handles), "CONTACT")
        doc.add(f" — {gen.pick(['Today at ', 'Yesterday at ', 'today at '])}{_clock(gen)}\n")
        _message(gen, doc)
        doc.add("\n")


def bracket_chat(gen: Gen, doc: Doc) -> None:
    senders = [_person_label(gen) for _ in range(gen.r.randint(2, 4))]
    for _ in range(gen.r.randint(4, 9)):
        name, label = gen.pick(senders)
        doc.add(f"[{_clock(gen)}] ")
        doc.add(name.lower() if label == "PERSON" and gen.r.random() < 0.6 else name, label)
        doc.add(": ")
        _message(gen, doc)
        doc.add("\n")


def snapchat(gen: Gen, doc: Doc) -> None:
    other, label = _person_label(gen)
    other = other.upper() if gen.r.random() < 0.5 else other
    for _ in range(gen.r.randint(4, 9)):
        if gen.r.random() < 0.5:
            doc.add(gen.pick(["ME", "Me", "me"]) + ": ")
        else:
            doc.add(other, label).add(": ")
        _message(gen, doc)
        doc.add("\n")


def minutes(gen: Gen, doc: Doc) -> None:
    doc.add(f"{gen.pick(['Minutes of the', 'Notes of the', 'Record of the'])} ")
    doc.add(gen.whole_org() if gen.r.random() < 0.5 else gen.org(), "ORG")
    doc.add(f" {gen.pick(['CSE', 'MACE', 'strategy', 'partnership', 'safeguarding', 'trustee'])} meeting, ")
    doc.add(gen.date(), "DATE")
    doc.add("\n")
    for head in gen.r.sample(["Present", "Apologies", "In attendance", "Attendees"], gen.r.randint(1, 3)):
        doc.add(f"{head}: ")
        for k in range(gen.r.randint(2, 5)):
            if k:
                doc.add(gen.pick([", ", "; ", ", "]))
            doc.add(gen.pick([gen.full_name(), gen.any_first(), gen.word_name()]), "PERSON")
            if gen.r.random() < 0.7:
                doc.add(f" ({gen.pick(ROLES)}")
                if gen.r.random() < 0.4:
                    doc.add(", ").add(gen.whole_org() if gen.r.random() < 0.5 else gen.org(), "ORG")
                doc.add(")")
        doc.add("\n")
    for k in range(gen.r.randint(3, 6)):
        doc.add(f"{k + 1}. ")
        if gen.r.random() < 0.35:
            doc.add(gen.pick(NEGATIVES[:34]))
        else:
            fill2(gen, doc, gen.pick(NAME_POSITIONS + PLACE_ID_LINES))
        if gen.r.random() < 0.4:
            doc.add(" Action: ").add(gen.any_first(), "PERSON").add(gen.pick([" to follow up.", " to circulate."]))
        doc.add("\n")


def referral(gen: Gen, doc: Doc) -> None:
    fields = [("Name", gen.full_name(), "PERSON"), ("Known as", gen.nickname(), "PERSON"),
              ("DOB", gen.date(), "DATE"), ("Address", f"{gen.street()}, {gen.town()}", "LOCATION"),
              ("School", gen.whole_org(), "ORG"), ("Referrer", gen.full_name(), "PERSON"),
              ("Ref", gen.badge(), "ID"), ("Contact", gen.contact(), "CONTACT"), ("Area", gen.district(), "LOCATION"),
              ("Social worker", gen.full_name(), "PERSON"), ("GP", gen.whole_org(), "ORG")]
    for key, value, label in gen.r.sample(fields, gen.r.randint(4, 8)):
        doc.add(f"{key}: ").add(value, label).add("\n")
    for _ in range(gen.r.randint(2, 4)):
        fill2(gen, doc, gen.pick(NAME_POSITIONS + PLACE_ID_LINES))
        doc.add("\n")


def fieldnotes(gen: Gen, doc: Doc) -> None:
    for _ in range(gen.r.randint(4, 8)):
        doc.add(gen.pick([_clock(gen), _clock(gen).replace(":", "."), _clock(gen) + " -"]) + " ")
        x = gen.r.random()
        if x < 0.3:
            doc.add(gen.pick(NEGATIVES[:34]))
        elif x < 0.55:
            fill2(gen, doc, gen.pick(PLACE_ID_LINES))
        else:
            fill2(gen, doc, gen.pick(["Met {N} and {N} outside the {K}.", "{X} and {N} were by {R}.",
                                      "Spoke to {Y} at {R}.", "{N} said {X} was in {Z}.", "Drove past the {K}.",
                                      "Saw {X} with an older male near {L}.", "Car {I} parked at {R}."]))
        doc.add("\n")


def interview(gen: Gen, doc: Doc) -> None:
    first, sur = gen.word_name(), gen.surname()
    doc.add(gen.pick(["INT: Can you introduce yourself?\n", "Interviewer: For the tape, your name?\n"]))
    doc.add(gen.pick(["DI ", "DS ", "PC ", "", "Sergeant "]))
    doc.add(sur, "PERSON").add(": ").add(first, "PERSON").add(", ").add(f"{first} {sur}", "PERSON")
    doc.add(f". I'm with {gen.pick(['the CSE team', 'the YOS', 'the MASH', 'Early Help'])} at ")
    doc.add(gen.whole_org() if gen.r.random() < 0.5 else gen.org(), "ORG").add(".\n")
    for _ in range(gen.r.randint(3, 7)):
        if gen.r.random() < 0.5:
            doc.add(gen.pick(["INT", "Interviewer", "Q", "R"]) + ": ")
        else:
            doc.add(gen.pick([first, sur, first.upper()]), "PERSON").add(": ")
        if gen.r.random() < 0.3:
            doc.add(gen.pick(NEGATIVES[:34]))
        else:
            fill2(gen, doc, gen.pick(NAME_POSITIONS + PLACE_ID_LINES))
        doc.add("\n")


REGISTERS = [whatsapp, discord, bracket_chat, snapchat, minutes, referral, fieldnotes, interview]


def register_docs(gen: Gen, n_docs: int) -> list[tuple[str, Ents]]:
    out = []
    for _ in range(n_docs):
        doc = Doc()
        gen.pick(REGISTERS)(gen, doc)
        out.append(doc.result())
    return out
