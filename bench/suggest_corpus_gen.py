"""Generate the suggester's evaluation set: 48 short interview transcripts in the study's voices (police
leads, LSCB managers, young people), reproducible from the seed. Coding follows suggest_corpus/RULES.md
(applied by suggest_rules.py to the text, not by this generator).

    from suggest_corpus_gen import transcripts
    for name, kind, voice, text in transcripts(seed=18): ...
"""

from __future__ import annotations

import random

# Material per topic, {x} slots filled from FILL; each voice has its own register.
POLICE = {
    "cawn": ["We served a child abduction warning notice on {man} within the week.",
             "The CAWN was the first thing we reached for with {man}.",
             "He breached the abduction notice twice and we arrested him at {place}.",
             "Warning notices only work if someone checks he stays away from her."],
    "hotel": ["We trained the night staff at {hotel} to ring us about lone girls.",
              "The guest house on {street} kept letting rooms to the same men.",
              "Licensing shut the takeaway on {street} after the third visit.",
              "Shisha bars were where the older lads met the girls."],
    "taxi": ["The taxi licensing team suspended two drivers after our referral.",
             "Private hire drivers were ferrying girls from {place} at night.",
             "We asked licensing to check every driver's licence on that rank."],
    "missing": ["She went missing from care eleven times in a month.",
                "Every missing episode got a return home interview within three days.",
                "The return interviews told us where she was going."],
    "digital": ["We downloaded her phone and found the Snapchat messages.",
                "ANPR put his car at {place} on the nights she was missing.",
                "The number plate came up on three different intelligence reports."],
    "intel": ["Soft intelligence from the youth workers started the whole operation.",
              "Partners pass on what they hear and we log it as intelligence.",
              "The intelligence picture was thin until the school rang us."],
    "abe": ["The ABE interview took four hours and she shut down halfway.",
            "We video-recorded her account at the suite in {place}."],
    "drift": ["The file sat with us for eighteen months before charge.",
              "Cases drifted when the officer in the case moved on.",
              "It dragged on for two years and she withdrew."],
    "court": ["At court the defence went through her whole history.",
              "She gave evidence behind a screen for three days.",
              "Cross-examination was brutal, seven barristers in turn."],
    "info": ["Information sharing with health is still the weak point.",
             "The MASH means we see children's social care data the same day."],
    "capacity": ["We lost four detectives in the cuts and never got them back.",
                 "Caseloads are about twenty each, which is too many.",
                 "There are vacancies in the team we cannot fill."],
}
MANAGER = {
    "cawn": ["The board asked the police how many abduction warning notices they had served.",
             "CAWNs came up in every audit we did."],
    "hotel": ["We ran awareness sessions for hotel and B&B staff across {area}.",
              "Licensed premises signed up to the night-time economy scheme."],
    "taxi": ["The council's licensing committee now trains every private hire driver.",
             "Taxi drivers must do safeguarding training before their licence is renewed."],
    "missing": ["Return home interviews are commissioned from a charity in {area}.",
                "The missing children panel meets monthly."],
    "info": ["Information sharing between agencies was the main finding of the review.",
             "Partners could not see each other's systems, so nobody had the whole picture.",
             "The MASH brought police, health and social care data together."],
    "capacity": ["Budgets were cut by a third over five years.",
                 "Social workers carry caseloads of thirty and more.",
                 "Staffing in the team has never recovered."],
    "drift": ["Cases took months to reach a decision, and families lost faith."],
    "intel": ["We set up a form for partners to pass soft intelligence to the police."],
    "trust": ["Young people told us they want the same worker throughout.",
              "Every time a worker leaves, the trust has to be built again."],
    "respect": ["Professionals still talk about girls as if they chose it.",
                "The language of blame has gone from our case notes, mostly."],
}
YOUNG = {
    "trust": ["My worker stayed with me the whole time, she never gave up on me.",
              "I had like five social workers in a year, why would I trust any of them.",
              "She was the only one I trusted, proper trusted.",
              "When my key worker left I just stopped going."],
    "respect": ["The police treated me like a criminal, like I was the one who done wrong.",
                "They never believed me the first time.",
                "She actually listened and didn't judge me.",
                "They called me a slag in the station, I heard them."],
    "missing": ["I went missing loads, like every weekend.",
                "When I came back they did that return interview thing but I never said nothing."],
    "digital": ["He used to message me on Snapchat all night.",
                "They took my phone off me for evidence and I never got it back."],
    "court": ["Court was the worst bit, they said I was lying.",
              "Giving evidence was scary even with the screen."],
    "abe": ["The video interview went on for hours and I just wanted to go home."],
    "hotel": ["They took us to a hotel in {place} and there was loads of men."],
    "taxi": ["The taxi driver knew where we was going, he took us every time."],
    "drift": ["It took like two years and then nothing even happened to him."],
}
NEUTRAL = {
    "police": ["I have been in the job about {n} years now.", "That was before the restructure.",
               "We had a conference at a hotel in {place} about it last spring.",
               "There was a missing page in the file, which was annoying.",
               "The weather was grim that whole winter.", "I think that is fair to say.",
               "We meet on Tuesdays as a team.", "The courtyard at the station was being rebuilt."],
    "lscb": ["I chair the sub-group on performance.", "The report went to the board in {month}.",
             "We are waiting for the figures, some are missing from the return.",
             "That is a question for the executive really.", "I came from education originally.",
             "Our next review is due in {month}."],
    "young_person": ["I dunno really.", "It was a long time ago now.", "My mum was working nights then.",
                     "I liked school at first, year seven was alright.", "I live with my nan now.",
                     "We used to go to the park by the shops."],
}
FILL = {
    "man": ["the older male", "him", "the main suspect", "a man in his thirties"],
    "place": ["the retail park", "the bus station", "a flat in town", "the seafront"],
    "hotel": ["the budget hotel by the ring road", "two hotels near the station"],
    "street": ["the high street", "Station Road", "the main road"],
    "area": ["the borough", "the north of the county", "the city"],
    "n": ["six", "twelve", "twenty"], "month": ["March", "June", "November"],
}
QUESTIONS = {
    "police": ["INT: Can you tell me how disruption works in your force?", "INT: What about investigations?",
               "INT: And partners?", "INT: What gets in the way?"],
    "lscb": ["INT: How does the board oversee this work?", "INT: What did the review find?",
             "INT: What would you change?"],
    "young_person": ["INT: What was it like talking to the police?", "INT: Who helped you?",
                     "INT: What should workers know?"],
}
# Phrasings used only in the held-out transcripts: new wording for the same topics, so the evaluation
# measures the suggester on sentences it has never seen, not on repeats of its training material.
UNSEEN = {
    "cawn": ["We put a notice on him under the abduction act and he ignored it.",
             "The warning notice meant we could arrest him the next time he was with her."],
    "hotel": ["The B&B owner said he had no idea what was going on upstairs.",
              "We did test purchases at hotels with a young-looking officer."],
    "taxi": ["One taxi firm had three drivers linked to the girls.",
             "The private hire office gave us their booking records."],
    "missing": ["She was reported missing again on the Sunday night.",
                "Nobody did a return home interview after that one."],
    "digital": ["Her Instagram was full of messages from men she had never met.",
                "We seized his phone and the WhatsApp groups gave us the network."],
    "intel": ["A shop worker gave us intelligence about the flat above the bookies."],
    "abe": ["Her second ABE was much better because she knew the officer."],
    "drift": ["Months went by before charge and by then she had moved away."],
    "court": ["The trial was put back twice, so she waited a year to go to court."],
    "trust": ["I only started talking when I could trust her not to tell everyone."],
    "respect": ["Nobody believed me, they thought I was making it up for attention."],
    "info": ["Schools and police now have an information sharing agreement."],
    "capacity": ["Too few officers for the demand, that is the honest answer."],
}
FILLERS = {"police": ["to be honest", "in fairness", "if I am honest"], "lscb": ["in practice", "broadly"],
           "young_person": ["like", "innit", "and that"]}

VOICES = (("police", "DI", POLICE, "Police lead"), ("lscb", "MGR", MANAGER, "LSCB manager"),
          ("young_person", "YP", YOUNG, "Young person"))


def _fill(rng: random.Random, s: str) -> str:
    return s.format(**{k: rng.choice(v) for k, v in FILL.items()})


def _vary(rng: random.Random, s: str, kind: str) -> str:
    """A spoken variant: a filler word, a dropped 'the', or a lower-case start, now and then."""
    r = rng.random()
    if r < 0.15:
        words = s.split()
        k = rng.randrange(1, max(len(words), 2))
        return " ".join(words[:k] + [rng.choice(FILLERS[kind]) + ","] + words[k:])
    if r < 0.25:
        return s.replace(" the ", " ", 1)
    if r < 0.3 and kind == "young_person":
        return s[0].lower() + s[1:]
    return s


def transcripts(seed: int = 18, per_voice: int = 16, turns: int = 14, held_out: int = 4):
    """(name, kind, voice label, text) for 3 x ``per_voice`` transcripts; the first ``held_out`` of each
    voice mix in the UNSEEN phrasings (half of their coded sentences)."""
    rng = random.Random(seed)
    for kind, label, material, title in VOICES:
        for i in range(per_voice):
            if i < held_out:
                material = {t: (UNSEEN[t] if rng.random() < 0.5 else v) for t, v in dict(
                    POLICE if kind == "police" else MANAGER if kind == "lscb" else YOUNG).items() if t in UNSEEN}
            else:
                material = POLICE if kind == "police" else MANAGER if kind == "lscb" else YOUNG
            topics = rng.sample(sorted(material), k=min(len(material), rng.randint(4, 7)))
            lines = []
            for _t in range(turns):
                lines.append(rng.choice(QUESTIONS[kind]))
                said = []
                for _s in range(rng.randint(3, 6)):
                    if rng.random() < 0.55:
                        said.append(_vary(rng, _fill(rng, rng.choice(material[rng.choice(topics)])), kind))
                    else:
                        said.append(_fill(rng, rng.choice(NEUTRAL[kind])))
                lines.append(f"{label}: " + " ".join(said))
            yield f"{title} {i + 1:02d}", kind, label, "\n".join(lines) + "\n"
