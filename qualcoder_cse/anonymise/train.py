"""Train the anonymiser's NER component on synthetic transcript-style text generated here.

    python -m qualcoder_cse.anonymise.train [--out models/anonymiser] [--docs 6000] [--epochs 12] [--seed 7]

No real transcript is used and nothing is downloaded. The generator fills templates in several registers
(police interviews with speaker labels, focus groups, timestamped notes, lowercase youth chat with slang and
usernames, text-message interviews) with names sampled from the shipped gazetteers (every background of
name, weighted by UK frequency, plus rare ones), invented and real places, streets, estates, organisations
built from head words, dates, phone numbers, handles and identifiers; and adds sentences where words that are
also names (will, hope, grace, mark...) are used as words. The model is ``spacy.blank("en")`` + a small
``ner`` (hash-embed CNN, width 48) so that it loads fast and runs at well over 10,000 words per second. The
generated data are the same on every run with the same seed; the trained weights differ slightly between runs
(thinc on CPU), with the same scores on the dev corpus to within 0.001. About 1.5 minutes on two idle cores.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from .gazetteers import PLACE_TOWN_TYPES, load_gazetteers  # noqa: F401  (gazetteers for sampling)
from .spans import LABELS

# ---------------------------------------------------------------------------------------------- fillers
STREET_TYPES = ["Road", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Crescent", "Grove", "Gardens",
                "Terrace", "Place", "Walk", "Rise", "Mews", "Square", "View", "Park", "Court", "Row"]
PLACE_PARTS_A = ["Ash", "Brack", "Holl", "North", "West", "East", "South", "Oak", "Elm", "Thorn", "Black", "Red",
                 "Kings", "Church", "Mill", "Bram", "Castle", "Hather", "Marl", "Wyn", "Stan", "Long", "Hazel",
                 "Green", "Fern", "Roch", "Old", "Brad", "Crick", "Dun", "Bur", "Hals", "Pen", "Tre", "Glen"]
PLACE_PARTS_B = ["worth", "ley", "bury", "field", "ton", "ham", "by", "dale", "stead", "wick", "bridge", "moor",
                 "gate", "side", "hurst", "brook", "well", "cliffe", "wood", "thorpe", "combe", "ford", "holme"]
ORG_HEADS = {
    "school": ["Academy", "High School", "Primary School", "College", "Community School", "Primary",
               "Sixth Form College", "High", "Catholic High", "RC Primary", "CofE Primary"],
    "hotel": ["Hotel", "Lodge", "Inn", "Guest House", "Arms"],
    "taxi": ["Cars", "Taxis", "Private Hire", "Cabs"],
    "food": ["Kebabs", "Pizza", "Fried Chicken", "Chicken", "Grill", "Takeaway", "Cafe", "Express"],
    "youth": ["Youth Club", "Youth Centre", "Youth Project", "Boxing Club", "Community Centre"],
    "home": ["Children's Home", "House", "Lodge"],
    "charity": ["Project", "Trust", "Network", "Foundation", "Women's Group", "Partnership"],
}
ORG_WORDS = ["Star", "Royal", "Golden", "Best", "Sunrise", "Premier", "Ace", "City", "Phoenix", "Crown", "Unity",
             "Pioneer", "Diamond", "Express", "Silver", "Eagle", "Rainbow", "Harbour", "Meadow", "Beacon",
             "Zam Zam", "Peking", "Shalimar", "Mumtaz", "Bombay", "Tasty", "Lucky", "Paradise", "Victoria"]
FORCES = ["Northshire Police", "Greater Manchester Police", "West Yorkshire Police", "Lancashire Constabulary",
          "Avon and Somerset Police", "West Midlands Police", "Derbyshire Constabulary", "Merseyside Police",
          "South Yorkshire Police", "Thames Valley Police", "Kent Police", "Essex Police", "GMP", "WMP",
          "Police Scotland", "PSNI", "Cheshire Constabulary", "Durham Constabulary", "Sussex Police"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
TITLES = ["PC", "DC", "DS", "DI", "DCI", "Sgt", "Mr", "Mrs", "Ms", "Miss", "Dr", "Cllr"]
ROLE_LABELS = ["INT", "Interviewer", "Facilitator", "R", "YP", "P1", "P2", "P3", "F1", "F2", "M1", "Q", "A"]
SLANG = ["innit", "tbh", "lol", "ngl", "deffo", "fr", "bruv", "ye", "nah", "proper", "bare", "peak", "lmao",
         "wagwan", "allow it", "man like", "swear down", "dunno", "init", "u know", "like", "n that"]
DISTRACTORS = [
    "i will tell you what happened", "we hope it gets better", "there was a grace period", "mark it on the form",
    "she got a rose from him", "they rated her amber", "the sky was dark", "faith groups help a lot",
    "in the summer holidays", "at dawn they came", "he had to jack it in", "be frank with me",
    "the bill came to forty quid", "they rob phones", "give it a pat", "she wanted to sue", "a guy i know",
    "may i ask", "they chase us", "it was miles away", "no joy there", "no chance", "will you come",
    "hope so", "grace under pressure", "i can mark that", "we had to chase the council",
    "the police came", "the council did nothing", "the school rang my mum", "we went to the park",
    "she was in the home", "a hotel in town", "the takeaway on the corner", "children's services knew",
    "the CPS said no", "the Home Office data", "NSPCC and Barnardo's", "Ofsted rated it good",
    "in March 2016", "back in 2019", "on a Friday night", "last summer", "she was 14", "at 3am",
]


class Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        g = load_gazetteers()
        given = [(k, v[0]) for k, v in g.given.items() if v[0] >= 20 and k.isalpha()]
        given.sort(key=lambda x: -x[1])
        self.first_common = [k for k, _ in given[:3000]]
        self.first_rare = [k for k, _ in given[3000:40000]]
        sur = [(k, v) for k, v in g.surnames.items() if v >= 300 and k.isalpha()]
        sur.sort(key=lambda x: -x[1])
        self.sur_common = [k for k, _ in sur[:5000]]
        self.sur_rare = [k for k, _ in sur[5000:60000]] + [k for k, v in g.surnames.items() if v == 1][:20000]
        self.towns = [k for k, t in g.places1.items() if t and k.isalpha()] or ["oldham"]
        self.places = [k for k in g.places1 if k.isalpha()]
        self.common = sorted(k for k, t in g.words.items() if t <= 20 and k.isalpha())

    def pick(self, xs):
        return xs[self.r.randrange(len(xs))]

    def cap(self, s: str) -> str:
        return " ".join(w[:1].upper() + w[1:] for w in s.split())

    def first(self) -> str:
        return self.cap(self.pick(self.first_common if self.r.random() < 0.6 else self.first_rare))

    def surname(self) -> str:
        s = self.pick(self.sur_common if self.r.random() < 0.5 else self.sur_rare)
        s = self.cap(s)
        if self.r.random() < 0.05:
            s = "O'" + s
        return s

    def person(self) -> str:
        x = self.r.random()
        if x < 0.35:
            return self.first()
        if x < 0.75:
            return f"{self.first()} {self.surname()}"
        if x < 0.9:
            return self.surname()
        f = self.first()
        return self.pick([f[:3], f[:3] + "y", f[:2] + "z", "lil " + f[0].lower(), "big " + f[:3].lower(), f])

    def invented(self) -> str:
        return self.pick(INVENTED_A) + self.pick(INVENTED_B)

    def invented_place(self) -> str:
        return self.pick(PLACE_PARTS_A) + self.pick(PLACE_PARTS_B)

    def headless_org(self) -> str:
        return self.pick(HEADLESS_ORGS)

    def town(self) -> str:
        if self.r.random() < 0.45:
            return self.pick(PLACE_PARTS_A) + self.pick(PLACE_PARTS_B)
        return self.cap(self.pick(self.towns if self.r.random() < 0.7 else self.places))

    def street(self) -> str:
        base = self.pick([self.town(), self.surname(), self.pick(PLACE_PARTS_A) + self.pick(PLACE_PARTS_B),
                          self.first()])
        s = f"{base} {self.pick(STREET_TYPES)}"
        if self.r.random() < 0.2:
            s = f"{self.r.randint(1, 240)} {s}"
        return s

    def location(self) -> str:
        x = self.r.random()
        if x < 0.45:
            return self.town()
        if x < 0.75:
            return self.street()
        if x < 0.85:
            return f"{self.town()} estate"
        if x < 0.92:
            return f"{self.town()} Park"
        return self.postcode()

    def postcode(self) -> str:
        L = "ABCDEFGHJKLMNOPRSTUWYZ"
        return (f"{self.pick(L)}{self.pick(L) if self.r.random() < 0.7 else ''}{self.r.randint(1, 29)} "
                f"{self.r.randint(1, 9)}{self.pick(L)}{self.pick(L)}")

    def org(self) -> str:
        kind = self.pick(list(ORG_HEADS))
        if kind == "school" and self.r.random() < 0.2:
            return f"St {self.first()}'s {self.pick(['RC Primary', 'Catholic High', 'CofE Primary', 'Academy'])}"
        if self.r.random() < 0.12:
            return self.pick(FORCES)
        if self.r.random() < 0.08:
            return f"{self.town()} {self.pick(['Council', 'Borough Council', 'City Council'])}"
        name = self.pick([self.town(), self.pick(ORG_WORDS), self.surname(), self.pick(PLACE_PARTS_A) + "view"])
        return f"{name} {self.pick(ORG_HEADS[kind])}"

    def date(self) -> str:
        d, m, y = self.r.randint(1, 28), self.r.randint(1, 12), self.r.randint(1998, 2023)
        suf = "th" if 4 <= d <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        return self.pick([
            f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{y % 100:02d}", f"{d}.{m}.{y}", f"{d}{suf} {MONTHS[m - 1]} {y}",
            f"{d}{suf} of {MONTHS[m - 1]}", f"{MONTHS[m - 1]} {d}{suf}", f"{d} {MONTHS[m - 1][:3]} {y}",
            f"{d}{suf} {MONTHS[m - 1].lower()}",
        ])

    def contact(self) -> str:
        x = self.r.random()
        f = self.first().lower()
        if x < 0.35:
            return self.pick([f"07700 900{self.r.randint(100, 999)}", f"07700900{self.r.randint(100, 999)}",
                              f"0161 496 0{self.r.randint(100, 999)}", f"+44 7700 900{self.r.randint(100, 999)}",
                              f"0113 496 0{self.r.randint(100, 999)}"])
        if x < 0.55:
            return f"{f}.{self.surname().lower()}@{self.pick(['hotmail.co.uk', 'gmail.com', 'outlook.com'])}"
        if x < 0.8:
            return "@" + f + self.pick(["_x", "99", "_official", "xo", str(self.r.randint(1, 99))])
        return f + self.pick(["_x", "bae", "x", "_xx", "07", "_22"]) + self.pick(["", str(self.r.randint(0, 9))])

    def ident(self) -> str:
        L = "ABCDEFGHJKLMNOPRSTUVWXYZ"
        x = self.r.random()
        if x < 0.4:
            reg = f"{self.pick(L)}{self.pick(L)}{self.r.randint(10, 72)} {self.pick(L)}{self.pick(L)}{self.pick(L)}"
            return reg.lower() if self.r.random() < 0.2 else reg
        if x < 0.7:
            return self.pick([f"{self.r.randint(10, 99)}/{self.r.randint(100000, 999999)}/{self.r.randint(10, 23)}",
                              f"CR/{self.r.randint(10000, 99999)}/{self.r.randint(15, 23)}",
                              f"{self.r.randint(2015, 2023)}/{self.r.randint(100000, 999999)}"])
        if x < 0.85:
            return f"{self.r.randint(400, 999)} {self.r.randint(100, 999)} {self.r.randint(1000, 9999)}"
        return (f"{self.pick('ABCEGHJKLMNPRSTWXYZ')}{self.pick('ABCEGHJKLMNPRSTWXYZ')} {self.r.randint(10, 99)} "
                f"{self.r.randint(10, 99)} {self.r.randint(10, 99)} {self.pick('ABCD')}")


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
INVENTED_A = ["Ka", "Dil", "Zo", "Bre", "Hol", "Mar", "Ty", "Ri", "Sha", "Jo", "Ke", "Ar", "Na", "Le", "Mi", "Ta",
              "Ro", "Ay", "Qu", "Xa", "Ib", "Om", "Ul", "Ve"]
INVENTED_B = ["rwan", "shad", "rell", "nika", "dene", "lisa", "quan", "riel", "tavia", "mani", "zeke", "vonne",
              "bryn", "dari", "lowe", "nova", "stin", "ram", "yana", "fer"]
HEADLESS_ORGS = ["Streetwise", "Safe Haven", "Hollybank", "Safe Harbour", "Brighter Futures", "New Horizons",
                 "Open Door", "Safe Steps", "Street Voice", "Kidsafe", "Young Voices", "Second Chance",
                 "The Beacon", "Stepping Stones", "Lifeline", "Turning Point", "Fresh Start", "The Junction"]
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


def generate(gen: Gen, n_docs: int) -> list[tuple[str, list[tuple[int, int, str]]]]:
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


def train(out: Path, n_docs: int, epochs: int, seed: int) -> None:
    import spacy
    from spacy.training import Example
    from spacy.util import compounding, fix_random_seed, minibatch

    fix_random_seed(seed)
    gen = Gen(seed)
    data = generate(gen, n_docs)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": 48, "maxout_pieces": 2, "use_upper": True, "nO": None,
        "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": 48,
                    "depth": 2, "embed_size": 3000, "window_size": 1, "maxout_pieces": 2,
                    "subword_features": True},
    }})
    for label in LABELS:
        ner.add_label(label)
    examples = []
    skipped = 0
    for text, ents in data:
        doc = nlp.make_doc(text)
        good = []
        for s, e, lab in sorted(set(ents)):
            if doc.char_span(s, e, label=lab) is None or any(s < ge and gs < e for gs, ge, _l in good):
                skipped += 1
                continue
            good.append((s, e, lab))
        examples.append(Example.from_dict(doc, {"entities": good}))
    print(f"{len(examples)} synthetic documents; {skipped} misaligned spans skipped", flush=True)
    optimizer = nlp.initialize(lambda: examples[:500])
    rng = random.Random(seed)
    t0 = time.time()
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=compounding(8.0, 32.0, 1.01)):
            nlp.update(batch, drop=0.2, sgd=optimizer, losses=losses)
        print(f"epoch {epoch + 1}/{epochs}: ner loss {losses.get('ner', 0):.1f} ({time.time() - t0:.0f} s)",
              flush=True)
    out.mkdir(parents=True, exist_ok=True)
    nlp.meta["name"] = "anonymiser"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = "QualCoder-CSE anonymiser NER, trained on synthetic text by qualcoder_cse.anonymise.train"
    nlp.meta["sources"] = [{"name": "synthetic", "license": "generated; gazetteers see resources/gazetteers"}]
    nlp.to_disk(out)
    print(f"saved to {out}")


def main(argv: list[str] | None = None) -> int:
    from ..paths import models_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=models_dir() / "anonymiser")
    parser.add_argument("--docs", type=int, default=4000)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sample", type=int, default=0, help="print N generated documents and stop")
    args = parser.parse_args(argv)
    if args.sample:
        for text, ents in generate(Gen(args.seed), args.sample):
            print(text)
            print("  ->", [(text[s:e], lab) for s, e, lab in ents])
        return 0
    train(args.out, args.docs, args.epochs, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
