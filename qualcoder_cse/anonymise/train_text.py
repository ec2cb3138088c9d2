"""Word lists and the sampler of the anonymiser's synthetic training text (``train.py`` trains on it).

``Gen`` draws names from the shipped gazetteers (every background of name, weighted by UK frequency, plus rare
ones; given names that are also English words; short lowercase nicknames and usernames), invented and real
places, streets, estates, postcode districts and landmarks, organisations of many shapes (head words, "and",
possessives, firms, NHS bodies), dates, phone numbers, handles and identifiers by shape. Labels follow
``tests/data/anonymise/GUIDELINES.md``: titles, a leading "the" and the possessive stay outside a span.
"""

from __future__ import annotations

import random

from .gazetteers import load_gazetteers
from .lexicon import STOP

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
        # given names that are also English words (Summer, Will, Pearl, Faith, Rose, Sky...): people only by position
        self.word_names = sorted(k for k, v in g.given.items() if v[0] >= 150 and g.words.get(k, 99) <= 35
                                 and k.isalpha() and len(k) > 2 and k not in STOP and k not in _NOT_WORD_NAMES)
        self.given_places = sorted(k for k, v in g.given.items() if v[0] >= 300 and k in g.places1)

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
        if x < 0.25:
            return self.code()
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


    def code(self) -> str:
        """A reference of a general structure (session 5): two to four parts of capitals and digits joined by
        "/", "-", "*" or nothing, with digits in it ("QK-2291-B", "SW/CP/0412", "30*118842", "7712QD19")."""
        L = "ABCDEFGHJKLMNPRSTUVWXYZ"
        parts = []
        for _ in range(self.r.randint(2, 4)):
            kind = self.r.random()
            if kind < 0.45:
                parts.append(str(self.r.randint(10, 999999)).zfill(self.r.choice([2, 4, 5, 6])))
            elif kind < 0.75:
                parts.append("".join(self.pick(L) for _ in range(self.r.randint(1, 4))))
            else:
                parts.append(f"{self.pick(L)}{self.r.randint(1, 9999)}{self.pick(['', self.pick(L)])}")
        if not any(ch.isdigit() for ch in "".join(parts)):
            parts.append(str(self.r.randint(100, 99999)))
        return self.pick(["/", "-", "*", "", "-"]).join(parts)

    # ------------------------------------------------------------------ the kinds of issue 15
    def word_name(self) -> str:
        return self.cap(self.pick(self.word_names))

    def any_first(self) -> str:
        """A given name; one in three is a word-name, one in twenty a place-name ("Chelsea")."""
        x = self.r.random()
        if x < 0.33:
            return self.word_name()
        if x < 0.38 and self.given_places:
            return self.cap(self.pick(self.given_places))
        return self.first()

    def full_name(self) -> str:
        return f"{self.any_first()} {self.surname()}"

    def nickname(self) -> str:
        """A lowercase chat name: a clipped given name ("mel", "jay", "ty"), "big stevo", "j-dog", "deano"."""
        f = self.any_first().lower()
        x = self.r.random()
        if x < 0.35:
            return f[:self.r.choice([2, 3, 3, 4])] if len(f) > 4 else f
        if x < 0.5:
            return self.pick(["big ", "lil ", "little ", "young "]) + self.pick([f[:3] + "o", f[:4], f[:3] + "y", f])
        if x < 0.62:
            return f"{f[0]}-{self.pick(['dog', 'man', 'boy', 'g', 'money', 'rock', 'star'])}"
        if x < 0.75:
            return f[:4] + self.pick(["o", "y", "z", "s", "zy", "ie"])
        if x < 0.85:
            return self.surname().lower()[:5] + self.pick(["y", "o", ""])
        return f

    def handle(self) -> str:
        """A username shape: deano_x, mel.x, tyy2k, nightowl_kez, b0ssman."""
        f = self.nickname().replace(" ", "").replace("-", "")
        x = self.r.random()
        if x < 0.3:
            return f + self.pick(["_x", "_xx", ".x", "x", "_", "__"])
        if x < 0.55:
            return f + self.pick(["", "_", "."]) + str(self.r.randint(1, 2009))
        if x < 0.75:
            return self.pick(["its", "real", "x", "lil", "the", "only", "official"]) + self.pick(["", "_", "."]) + f
        if x < 0.9:
            return self.pick(self.common)[:6] + self.pick(["_", "."]) + f
        return f.replace("o", "0").replace("e", "3") + self.pick(["man", "boi", "gal", "2k", "x"])

    def ordinary(self) -> str:
        return self.cap(self.pick(self.common))

    def whole_org(self) -> str:
        """Organisations whose names have "and", commas, possessives, firms' endings or a head first."""
        x = self.r.random()
        t1, t2 = self.town(), self.town()
        if x < 0.12:
            return f"{t1} and {self.pick(['The ', ''])}{t2} {self.pick(COLLEGE_HEADS)}"
        if x < 0.22:
            return f"{t1} and {self.pick(['Vale', 'District', 'West', 'North', t2])} {self.pick(NHS_HEADS)}"
        if x < 0.32:
            sur = self.surname()
            return self.pick([f"{sur} & {self.surname()} {self.pick(FIRM_HEADS)}", f"{sur} {self.pick(FIRM_HEADS)}",
                              f"{sur}, {self.surname()} and Co", f"{sur} and {self.surname()} {self.pick(FIRM_HEADS)}"])
        if x < 0.42:
            return f"{self.pick([self.first(), self.surname(), self.ordinary()])}'s {self.ordinary()} " \
                   f"{self.pick(VENUE_HEADS)}"
        if x < 0.52:
            return f"{self.pick(PUB_WORDS)} and {self.pick(PUB_WORDS)}"
        if x < 0.6:
            return f"{self.pick(['Hotel', 'Café', 'Cafe', 'Club', 'Bar', 'Casa'])} {self.pick([self.ordinary(), self.invented(), self.town()])}"
        if x < 0.7:
            return f"{self.pick([t1, self.surname()])} {self.pick(['Girls', 'Boys', 'Women', 'Young People'])}'" \
                   f"{'s' if self.r.random() < 0.3 else ''} {self.pick(['Space', 'Project', 'Group', 'Club', 'Network'])}"
        if x < 0.8:
            return f"{self.pick([t1, self.ordinary(), self.surname()])} {self.pick(TRUST_HEADS)}"
        if x < 0.9:
            return f"{self.ordinary()} {self.ordinary()} {self.pick(VENUE_HEADS)}"
        return f"{t1} {self.pick(['Youth Offending Service', 'Borough Council', 'Metropolitan Borough Council', 'Housing', 'Rugby Club', 'Boxing Academy', 'Family Hub'])}"

    def district(self) -> str:
        return f"{self.pick(POSTCODE_AREAS)}{self.r.randint(1, 28)}"

    def landmark(self) -> str:
        """A named place used with "the": "Esplanade", "Arches", "Regency", "Bullring" (the article outside)."""
        x = self.r.random()
        if x < 0.6:
            return self.pick(LANDMARKS)
        if x < 0.8:
            return f"{self.ordinary()} {self.pick(['Rec', 'Precinct', 'Parade', 'Quays', 'Arches', 'Flats', 'Towers'])}"
        return f"{self.town()} {self.pick(['estate', 'Estate', 'flats', 'Rec', 'Gardens'])}"

    def badge(self) -> str:
        """Letter-prefixed numbers: PH 4471, BPL-2291, WMBC 04821, CR/2291/25, 17-44213."""
        L = "ABCDEFGHJKLMNPRSTWXYZ"
        p = "".join(self.pick(L) for _ in range(self.r.choice([1, 2, 2, 3, 4])))
        n = str(self.r.randint(10, 99999)).zfill(self.r.choice([3, 4, 4, 5]))
        x = self.r.random()
        if x < 0.5:
            return f"{p}{self.pick([' ', '-', ''])}{n}"
        if x < 0.8:
            return f"{p}/{self.r.randint(100, 99999)}/{self.r.randint(10, 26)}"
        return f"{self.r.randint(10, 99)}-{self.r.randint(1000, 99999)}"


INVENTED_A = ["Ka", "Dil", "Zo", "Bre", "Hol", "Mar", "Ty", "Ri", "Sha", "Jo", "Ke", "Ar", "Na", "Le", "Mi", "Ta",
              "Ro", "Ay", "Qu", "Xa", "Ib", "Om", "Ul", "Ve"]
INVENTED_B = ["rwan", "shad", "rell", "nika", "dene", "lisa", "quan", "riel", "tavia", "mani", "zeke", "vonne",
              "bryn", "dari", "lowe", "nova", "stin", "ram", "yana", "fer"]
HEADLESS_ORGS = ["Streetwise", "Safe Haven", "Hollybank", "Safe Harbour", "Brighter Futures", "New Horizons",
                 "Open Door", "Safe Steps", "Street Voice", "Kidsafe", "Young Voices", "Second Chance",
                 "The Beacon", "Stepping Stones", "Lifeline", "Turning Point", "Fresh Start", "The Junction"]
_NOT_WORD_NAMES = frozenset(["said", "don", "ken", "art", "chi", "ram", "rares", "fares", "harsh", "emir", "sheikh",
                             "amen", "ares", "bear", "bay", "bow", "bray", "gene", "nick", "peter", "maria"])
COLLEGE_HEADS = ["College", "Sixth Form College", "University", "Academy Trust", "Colleges", "Learning Partnership"]
NHS_HEADS = ["UHB", "University Health Board", "NHS Foundation Trust", "Health Board", "CCG", "ICB",
             "Partnership NHS Trust"]
FIRM_HEADS = ["LLP", "Solicitors", "Associates", "Law", "Ltd", "Lettings", "Estates", "Property Management"]
VENUE_HEADS = ["Lounge", "Garden", "Kitchen", "Bar", "Grill", "Space", "Shisha Lounge", "Barbers", "Cafe", "Diner",
               "Gym", "Motors", "Car Wash", "Mini Market", "Off Licence", "Hotel", "Rooms", "Apartments"]
PUB_WORDS = ["Crown", "Anchor", "Rose", "Fox", "Hounds", "Plough", "Harrow", "Bell", "Lamb", "Flag", "Swan", "Feathers",
             "Castle", "Key", "Star", "Garter", "Horse", "Jockey", "Shears", "Wheatsheaf", "Ship", "Compass", "Dragon"]
TRUST_HEADS = ["Trust", "Housing Trust", "Community Trust", "Foundation", "CIC", "Partnership", "Alliance", "Hub",
               "Collective", "Network", "Outreach", "Youth Zone", "Community Interest Company"]
LANDMARKS = ["Esplanade", "Arches", "Regency", "Bullring", "Promenade", "Piazza", "Quays", "Wharf", "Rec", "Precinct",
             "Circle", "Parade", "Fountains", "Triangle", "Tip", "Rezzy", "Bandstand", "Viaduct", "Lido", "Locks",
             "Ropewalk", "Cut", "Bottoms", "Dell", "Backs", "Mound", "Crescent", "Mall", "Interchange", "Arcade"]
POSTCODE_AREAS = ["ST", "SE", "BD", "FY", "LS", "M", "B", "OL", "WF", "HD", "HX", "SK", "WA", "WN", "BL", "BB", "PR",
                  "L", "CH", "NE", "SR", "TS", "DL", "YO", "HU", "DN", "S", "NG", "LE", "CV", "WS", "WV", "DY", "TF",
                  "SY", "CF", "NP", "SA", "LL", "BS", "BA", "GL", "PL", "EX", "TQ", "E", "N", "NW", "SW", "W", "CR",
                  "BR", "DA", "RM", "IG", "EN", "HA", "UB", "TW", "KT", "SM", "LU", "MK", "NN", "PE", "CB", "IP", "NR",
                  "CO", "CM", "SS", "ME", "CT", "TN", "BN", "RH", "GU", "PO", "SO", "BH", "SP", "RG", "OX", "HP", "SL"]
