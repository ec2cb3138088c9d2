"""The word lists the rule layer decides with: stop words, titles and ranks, role labels, months, cue phrases,
organisation and place head words, and the words that are never a person on their own. Data only."""

from __future__ import annotations

import re

TOKEN = re.compile(r"[^\W_]+(?:['’.\-&][^\W_]+)*(?:['’]s?)?")
_POSS = re.compile(r"['’][sS]?$")
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
NOT_NAMES = NOT_NAMES | DEMONYMS | frozenset(["tel", "mob", "fax", "dob", "signed", "attendees", "apologies",
                                               "cc", "bcc", "fwd", "subject",  # e-mail header fields ("Cc: Early Help")
                                               # platforms and police command roles ("Gold group", "Silver")
                                               "messenger", "discord", "telegram", "skype", "facetime", "kik",
                                               "viber", "wickr", "gold", "silver", "bronze",
                                               # Scots and northern function words ("fae", "the morra")
                                               "fae", "morra", "nain", "taid", "youse", "yous", "gannin", "canny", "nowt", "owt", "wis", "naw", "telt", "hur", "wee'un",
                                               # car models said in place of the car ("a silver Passat")
                                               "passat", "corsa", "fiesta", "insignia", "octavia", "qashqai",
                                               "juke", "prius", "micra", "yaris", "civic", "corolla", "punto", "zafira",
                                               "megane", "sportage", "tucson", "picanto", "ibiza",
                                               # banks, shops and apps named like people ("a Monzo card")
                                               "monzo", "revolut", "starling", "paypal", "klarna", "vinted",
                                               "depop", "deliveroo", "airbnb", "microsoft", "gucci"])
TITLES = TITLES | {"judge", "coach", "supt", "dsupt", "csupt", "insp", "ch", "dsu", "acc", "dcc", "ps", "prof",
                   "professor", "rev", "father", "sister", "imam", "pastor", "const", "cst", "pcso"}
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
    ("guy",), ("girl",), ("lad",), ("bloke",), ("fella",), ("lass",), ("they", "call"), ("we", "call"), ("they", "called"),
    ("everyone", "called"), ("everyone", "calls"), ("lads", "call"), ("girls", "call"),
)
KIN_CUES = frozenset(
    ("my", x) for x in ["cuz", "cousin", "mate", "bf", "gf", "boyfriend", "girlfriend", "bro", "sis", "brother", "sister", "friend", "bestie", "bestfriend"]
) | {("her", "boyfriend"), ("her", "bf"), ("his", "girlfriend"), ("his", "gf"), ("uncle",), ("auntie",), ("guy",),
   ("girl",), ("lad",), ("bloke",), ("fella",), ("lass",), ("lassie",)}
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
    "hospital": 1, "hospitals": 1, "fm": 1, "fostering": 1, "adoption": 1, "plumbing": 1, "roofing": 1,
    "builders": 1, "scaffolding": 1, "electrical": 1, "plastering": 1, "removals": 1, "haulage": 1, "joinery": 1,
    "landscaping": 1, "glazing": 1, "valeting": 1, "construction": 1, "tyres": 1, "sales": 1, "surgery": 1, "practice": 1, "uhb": 1, "charity": 1, "infirmary": 1, "hospice": 1, "clinic": 1, "pharmacy": 1, "chemist": 1, "library": 1,
    "gym": 1, "ltd": 1, "limited": 1, "solicitors": 1, "accountants": 1, "lettings": 1, "llp": 1, "autos": 1, "newsagents": 1, "vapes": 1, "nightclub": 1, "foyer": 1,
    "housing": 1, "homes": 1, "comprehensive": 1, "secondary": 1, "utc": 1, "cutz": 1, "carwash": 1,
    "voice": 1, "forum": 1, "collective": 1, "hub": 1, "campus": 1, "palace": 1, "bites": 1, "group": 1, "partnership": 1, "association": 1, "supermarket": 1, "off-licence": 1, "bar": 1, "pub": 1, "arms": 1, "tavern": 1,
    "services": 1, "house": 1, "hall": 1, "nursery": 1, "fried": 0, "wines": 1, "convenience": 1, "shisha": 1,
    "lounge": 1, "restaurant": 1, "diner": 1, "bakery": 1, "launderette": 1, "nails": 1, "salon": 1,
    "hostel": 1, "zone": 1, "initiative": 1, "co-op": 1, "cooperative": 1, "sixth": 0, "centre": 1, "center": 1, "church": 1, "mosque": 1, "gurdwara": 1, "temple": 1,
    "apartments": 1, "building": 1, "service": 1, "outreach": 1, "stays": 1, "lets": 1,
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
    ("police", "station"), ("fire", "and", "rescue"), ("fire", "and", "rescue", "service"), ("fire", "service"),
    ("girls'", "space"), ("girls", "space"), ("women's", "centre"),
)
MULTI_FIRST = frozenset(m[0] for m in ORG_MULTI)
ORG_LOWER_HEADS = frozenset(
    ["academy", "school", "primary", "college", "high", "hotel", "inn", "lodge", "taxis", "cabs", "cars", "kebabs", "pizza", "takeaway", "chicken", "council", "police", "constabulary", "vapes", "hall", "motors", "autos", "nails", "carwash"]
)
ORG_KNOWN = {
    ("premier", "inn"), ("travelodge",), ("holiday", "inn"), ("ibis",), ("best", "western"), ("days", "inn"),
    ("park", "inn"), ("jurys", "inn"), ("novotel",), ("mercure",), ("ramada",), ("crowne", "plaza"),
    ("holiday", "inn", "express"), ("ibis", "budget"), ("hampton", "by", "hilton"), ("youth", "zone"),
    ("britannia", "hotel"), ("gmp",), ("wmp",), ("wyp",), ("syp",), ("psni",), ("btp",), ("tvp",), ("mps",), ("nwp",), ("swp",), ("nyp",), ("gwp",), ("west", "mercia"), ("thames", "valley", "police"),
    ("police", "scotland"), ("met", "police"), ("the", "met"), ("merseyside", "police"),
}
LOC_HEADS_CAP = frozenset(
    ["pier", "promenade", "road", "rd", "street", "st", "lane", "avenue", "ave", "close", "drive", "way", "crescent", "grove", "gardens", "place", "court", "terrace", "square", "mews", "rise", "walk", "row", "parade", "boulevard", "hill", "view", "green", "croft", "vale", "chase", "wharf", "quay", "fields", "meadows", "park", "estate", "precinct", "retail", "interchange", "station", "brow", "brae", "wynd", "garth", "heights", "approach", "mount", "glade", "circle", "ridge", "dale", "bank", "drove", "gate", "yard", "orchard", "paddock", "causeway", "copse", "common", "broadway", "side", "end", "cross", "bridge", "village", "flats", "towers", "tower", "circus", "quarter"]
)
LOC_LOWER_HEADS = frozenset(
    ["road", "rd", "street", "st", "lane", "avenue", "ave", "close", "drive", "crescent", "grove", "gardens", "terrace", "park", "estate", "flats", "towers", "mews", "way", "square", "precinct"]
)
LOC_HEAD_EXCLUDE_PREV = frozenset(
    ["crown", "magistrates", "magistrate", "family", "youth", "high", "police", "bus", "train", "railway", "coach", "fire", "petrol", "service", "car", "skate", "retail",
     # (session 11) a relative's home, not a named place: "at my nans flats"
     "nans", "nanas", "grans", "mums", "mams", "dads", "aunties", "uncles", "cousins", "mates", "sisters", "brothers"]
)
CONNECTORS = frozenset(["of", "and", "&", "the", "upon", "le", "de", "la", "st", "st.", "saint"])
_SPEAKER = re.compile(
    # optional WhatsApp-style "[12/03/2019, 21:14:05] " or "12/03/2019, 21:14 - ", or a "[00:01:02]" stamp
    r"(?m)^[ \t]*(?:\[?\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?\]?"
    r"[ \t]*(?:-[ \t]*)?)?"
    r"(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\]?[ \t]*)?(?:<v[ \t]+)?"
    r"(?P<label>[^\W\d_][\w.'’-]*(?:[ \t][^\W\d_][\w.'’-]*){0,2})[ \t]*"
    # emoji after a chat name ("ty 💯:", "Kayla 💕:"), not punctuation
    r"(?:[^\w\s:<>\[\]()\"'’.,;!?&*/-]{1,8}[ \t]*)?(?::|>)"
)
_HEADER_CUE = re.compile(
    r"\b(?:Interviewer|Researcher|Participant|Facilitator|Interviewee|Note-taker|Notetaker|Delivered by|"
    r"Chair|Observer|Present|Attendees?|Name|Full name|Surname|Forenames?|Known as|Alias|AKA|Child|"
    r"Preferred name|Also known as|Nickname|Street name|Goes by|"
    r"Young person|Mother|Father|Carer|Social worker|Allocated worker|Officer in case|OIC|Referrer|"
    r"Subject|Suspect|Victim|Witness)\s*:\s*(?:(?:Dr|Mr|Mrs|Ms|Miss|PC|DC|DS|DI|DCI|Sgt|Prof|Professor|Cllr)"
    r"\.?\s+)?(?P<name>[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*){0,2})"
)
ROLE_UPPER = frozenset(
    ["int", "iv", "yp", "yps", "r", "q", "a", "p", "i", "f", "m", "ie", "ch", "mod", "fac", "res", "resp", "int", "intv", "inv", "sw", "dsl", "sio", "pc", "dc", "ds", "di", "dci", "sgt", "ps", "ins", "ivr", "ver", "me", "all", "interp", "dsu", "dcs", "acc", "dcc", "supt", "insp", "cse", "cid", "yot", "mash", "nhs", "gp", "sen", "tbc", "aob", "ld", "ok", "na", "nb", "re", "cc"]
) | frozenset(
    ["ip", "interp", "dob", "ni", "tel", "mob", "ref", "urn", "oic", "pnc", "cro", "crn", "cin", "cp", "lac", "cla", "ehcp", "send", "pcso", "dv", "va", "id", "lado", "gp"]
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
NAME_PARTICLES = frozenset(["ó", "o", "ni", "nic", "mac", "mc", "van", "von", "de", "da", "di", "du", "le", "la", "al", "el", "bin", "ben", "abu", "ibn",
                            "ap", "ab", "ferch", "verch"])
RANKS = TITLES | frozenset(["chief", "superintendent", "acting", "temporary", "detective", "police", "deputy", "assistant"])

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
    ["house", "hall", "centre", "center", "services", "service", "building", "express", "store", "bar", "club", "project", "trust", "high", "arms", "church", "group", "network", "lounge"]
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
