"""Training material for the suggester tests: short police and young-person transcripts where two framework
codes (hotels, phones) have clear wording, coded through the domain API in a real encrypted project."""

from __future__ import annotations

import random

HOTELS = "Disruption/Premises, hotels and licensed venues"
CAWN = "Disruption/Child Abduction Warning Notices"
HOTEL_LINES = [
    "They booked the hotel room for the night under a false name.",
    "The hotel staff saw the girls at reception late on.",
    "A hotel near the station kept renting the rooms to them.",
    "Night managers at the hotel rang us about the men.",
    "We trained hotel receptionists to spot the signs.",
    "The licensed premises let them use the back rooms.",
]
CAWN_LINES = [
    "We served a child abduction warning notice on him that week.",
    "The abduction notice told him to stay away from her.",
    "He breached the warning notice twice before we charged him.",
    "A CAWN was issued after she went missing again.",
    "The notice named him and the girl and the dates.",
    "We used the abduction warning as a first step.",
]
OTHER_LINES = [
    "We went to the meeting on Tuesday morning.",
    "The weather was bad that whole week.",
    "School reported she was absent again on Friday.",
    "Her mum called the duty team in the evening.",
    "The review panel asked for more figures.",
    "I had been in the job about six years then.",
]


def build(project, documents: int = 10, coded: int = 8, seed: int = 3, coder: str | None = None):
    """Add ``documents`` transcripts; code the first ``coded`` with HOTELS / CAWN sentence by sentence.
    Returns the document ids."""
    rng = random.Random(seed)
    hotels, cawn = project.codes.by_path(HOTELS), project.codes.by_path(CAWN)
    ids = []
    for d in range(documents):
        picks = [(k, rng.choice([HOTEL_LINES, CAWN_LINES, OTHER_LINES][k])) for k in
                 (rng.randrange(3) for _ in range(24))]
        text = "DI: " + " ".join(s for _k, s in picks) + "\n"
        doc = project.documents.add(f"Suggest test {d}", text, kind="police")
        ids.append(doc.id)
        if d < coded:
            pos = 4
            items = []
            for k, s in picks:
                if k < 2:
                    items.append(((hotels, cawn)[k].id, doc.id, pos, pos + len(s)))
                pos += len(s) + 1
            project.codings.add_many(items, coder=coder)
    return ids
