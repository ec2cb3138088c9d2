"""Sentence templates of the anonymiser's training text: interview and chat lines with slots ({P} a person,
{F} a given name, {L} a place, {O} an organisation, {D} a date, {C} a contact, {I} an identifier; {U} {V} {W}
invented people, places and head-less organisations) and lines without identifiers, filled by ``Gen``.
"""

from __future__ import annotations

from .train_text import DISTRACTORS, SLANG, TITLES, Gen

# templates: {P} person, {F} first name only, {L} location, {O} org, {D} date, {C} contact, {I} id
FORMAL = [
    "{P} was fourteen when she first went missing from {O}.",
    "We got the call from {O} on the {D} about {F}.",
    "{F}'s phone had a number saved under a nickname, {C}.",
    "The car was a silver Astra, {I}, registered to {P} in {L}.",
    "She was found at a flat on {L} with {P}.",
    "I spoke to her social worker, {P}, who had been at {O} for years.",
    "He used to pick them up outside {O} and drive them to {L}.",
    "It went on crime reference {I} and was allocated to DC {P}.",
    "Her date of birth is {D} and she lived on {L}.",
    "We worked closely with {O} and {O} on that one.",
    "The girls were taken to the {O} in {L} on the {D}.",
    "My name is {P} and I'm the lead for {L}.",
    "I'm {F}, I work for {O}.",
    "There was a lad called {F} who knew all of them.",
    "{P} and {P} were both convicted in {D}.",
    "Mrs {P} at {O} raised the first concern.",
    "DS {P} took the statement at {L} police station.",
    "The address was {L}, {L}.",
    "You can email me on {C} or ring {C}.",
    "His NHS number was {I}, so health had the records.",
    "She went missing from {L} and turned up in {L} two days later.",
    "We covered {L}, {L} and out towards {L}.",
    "{F} told {F} that {P} had a car.",
    "They met at {O}, near {L}.",
    "The taxi firm, {O}, had drivers on our radar.",
    "Interview with {P}, {O}, held on {D}.",
    "Present: {P} ({O}), {P} ({O}), {P}.",
    "Uncle {F} was the one who gave her money.",
    "It was the {O} on {L}, a real dive.",
    "{P} from {O} said the referral came in on {D}.",
    "The man, {U}, was arrested the next week.",
    "{U}'s case was adjourned twice.",
    "She had been placed with {U} and his wife in {V}.",
    "Her worker from {W}, a local charity, came to every meeting.",
    "We referred him to {W} and they picked it up within a week.",
    "He lives in {V} now, near the ring road.",
    "There was a party on the {V} estate that night.",
    "I work for {W} as a sessional worker.",
    "The referral went to {W}, who run the drop-in.",
    "They moved her out to {V}, about an hour away.",
    "{U} and {U} were both known to us by then.",
    "Ask {U} about it, she was the one who rang.",
]
CHAT = [
    "{F} was 13 n this guy {F} kept pickin her up",
    "me n {F} went {L} on the bus",
    "my cuz {F} said i cud make easy money",
    "his snap is {C} lol",
    "add me on insta {C}",
    "the man who ran it was called {F}",
    "we used to chill outside {O} on {L}",
    "{F}s mum didnt even know",
    "his number was {C} but he changed it",
    "the car was {I} i remember cos of the plate",
    "{F} n {F} got picked up from {L}",
    "ye the {L} is bad innit",
    "i told {F} at the youth club",
    "she goes {O} with my sister",
    "{F} is safe tho he dont judge u",
    "they took us to a hotel in {L}",
    "thru my mate {F}",
    "every1 knows the black merc is {F}s",
    "my bday is {D} so im 15",
    "he lives up {L} near the shops",
    "{F} from {L} said hes from round here",
    "it was {F} who told me about {F}",
    "{C}: nah not rlly",
    "{C}: ye {F} did",
    "we went {O} after school",
    "the man who ran it was {u} from {v}",
    "{u} said we cud stay at his",
    "i used to go {w} on fridays",
    "we was chillin in {v} park",
    "me n {u} got the bus to {v}",
]
NEGATIVE = [
    "Can you tell me a bit about your role and how long you have been in post?",
    "We didn't have an analyst, we didn't have a proper tasking process, and it was messy.",
    "Honestly it came out of one case and nobody joined the dots at the time.",
    "The car was the link, and the phone data backed it up.",
    "We rate every young person red, amber or green and review the ambers weekly.",
    "Victimless prosecution, basically. Evidence-led. We had the call data.",
    "What would you say the team does differently now?",
    "I think the biggest change is that we listen to the children.",
    "She never pushed her. She'd just turn up and sit in the car.",
    "The home would ring it in and a PC would do a safe and well check.",
    "Information sharing is patchy with health, to be honest.",
    "We use Child Abduction Warning Notices a lot, and we visit hotels with licensing.",
    "The police are good at it now compared with five years ago.",
    "Thanks for making the time. Shall we start?",
    "Is there anything else you would like to add before we finish?",
    "yeah its alright i guess. bit rough round here tho",
    "they give u lifts n stuff n buy u food n then u owe them",
    "teachers dont notice nothin they just care bout uniform",
    "police never listen tbh they just judge u",
    "most of them judge u for going missing",
    "i didnt do nothing i want that to be clear",
    "it was scary but i didnt know what to do",
    "nah not rlly. they only cared after",
    "ok so the question was about places that feel unsafe",
    "Sorry, can you say that again? The line is bad.",
    "We moved the team into the same building as children's services.",
    "Return home interviews are done by an independent provider now.",
    "The Home Office data and the CPS guidance were both out of date.",
    "NSPCC and Barnardo's both run services in the area.",
    "In March 2016 we had a peer review, and it was hard reading.",
    "Every Friday night we do a joint patrol with the youth service.",
    "The school rang the council and the council rang us.",
    "He was about forty, maybe older, with a silver car.",
    "I will be honest, the early days were messy.",
    "We hope the new strategy makes a difference.",
    "Grace periods for referrals just meant delay.",
    "Mark the form and send it to the MASH.",
]
SPEAKERS_FORMAL = ["INT", "Interviewer", "Facilitator", "P1", "P2", "F1", "M1", "Q", "A", "R"]


def _fill(gen: Gen, template: str, lower: bool) -> tuple[str, list[tuple[int, int, str]]]:
    out: list[str] = []
    ents: list[tuple[int, int, str]] = []
    pos = 0
    i = 0
    fns = {"P": ("PERSON", gen.person), "F": ("PERSON", gen.first), "L": ("LOCATION", gen.location),
           "U": ("PERSON", gen.invented), "V": ("LOCATION", gen.invented_place), "W": ("ORG", gen.headless_org),
           "u": ("PERSON", gen.invented), "v": ("LOCATION", gen.invented_place), "w": ("ORG", gen.headless_org),
           "O": ("ORG", gen.org), "D": ("DATE", gen.date), "C": ("CONTACT", gen.contact), "I": ("ID", gen.ident)}
    while i < len(template):
        if template[i] == "{" and template[i + 2] == "}" and template[i + 1] in fns:
            label, fn = fns[template[i + 1]]
            value = fn()
            if lower and label != "ID":
                value = value.lower()
            ents.append((pos, pos + len(value), label))
            out.append(value)
            pos += len(value)
            i += 3
        else:
            out.append(template[i])
            pos += 1
            i += 1
    return "".join(out), ents


def template_docs(gen: Gen, n_docs: int) -> list[tuple[str, list[tuple[int, int, str]]]]:
    docs = []
    r = gen.r
    for _ in range(n_docs):
        register = r.random()
        lines: list[str] = []
        ents: list[tuple[int, int, str]] = []
        offset = 0
        for _k in range(r.randint(3, 7)):
            if r.random() < 0.45:  # plain lines without identifiers, so ordinary words are learnt as O
                if r.random() < 0.5:
                    tpl = gen.pick(NEGATIVE)
                else:
                    tpl = " ".join(gen.pick(gen.common) for _w in range(r.randint(6, 18)))
                    tpl = tpl.capitalize() + "." if register < 0.5 else tpl
                if register >= 0.5 and r.random() < 0.85:
                    tpl = tpl.lower()
                text, e = tpl.replace("{", "(").replace("}", ")"), []
                prefix = gen.pick(SPEAKERS_FORMAL) + ": " if register < 0.5 else gen.pick(["YP: ", "R: ", ""])
                line = prefix + text
                lines.append(line)
                offset += len(line) + 1
                continue
            if register < 0.5:
                tpl = gen.pick(FORMAL) if r.random() < 0.8 else gen.pick(DISTRACTORS).capitalize() + "."
                lower = False
            else:
                tpl = gen.pick(CHAT) if r.random() < 0.75 else gen.pick(DISTRACTORS)
                lower = r.random() < 0.85
                if r.random() < 0.3:
                    tpl += " " + gen.pick(SLANG)
            text, e = _fill(gen, tpl, lower)
            # speaker label
            if register < 0.5:
                if r.random() < 0.4:
                    title, name = gen.pick(TITLES[:6]), gen.surname()
                    prefix = f"{title} {name}: "
                    ents.append((offset + len(title) + 1, offset + len(title) + 1 + len(name), "PERSON"))
                else:
                    prefix = gen.pick(SPEAKERS_FORMAL) + ": "
                if r.random() < 0.15:
                    stamp = f"[00:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}] "
                    ents[:] = [(s + len(stamp), en + len(stamp), lab) if s >= offset else (s, en, lab)
                               for s, en, lab in ents]
                    prefix = stamp + prefix
            else:
                if r.random() < 0.4:
                    handle = gen.contact().lstrip("@")
                    if "@" in handle or handle[:1].isdigit() or handle.startswith("+"):
                        handle = gen.first().lower() + "_x"
                    prefix = handle + ": "
                    ents.append((offset, offset + len(handle), "CONTACT"))
                else:
                    prefix = gen.pick(["YP: ", "R: ", "ME: ", "B1: ", "G2: ", ""])
            ents.extend((offset + len(prefix) + s, offset + len(prefix) + en, lab) for s, en, lab in e)
            line = prefix + text
            lines.append(line)
            offset += len(line) + 1
        docs.append(("\n".join(lines), ents))
    return docs
