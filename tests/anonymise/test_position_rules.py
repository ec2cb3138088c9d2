"""The kinds of miss of issue 15, each with a case the detector must cover whole and a look-alike it must leave:
names that are words in name positions, propagation of first names, lowercase names in chats, whole ORG/LOC
spans, postcode districts, licence/badge numbers and named operations, and precision on ranks and function
words. Every case to cover failed on the detector before this change (and "Sergeant", "Say", "Tel", "Chip"
were proposed); the other look-alikes guard the new rules. The review screen's threshold is used, so what
is tested is what the researcher is shown."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE, entity_key

from .found import persons


@pytest.fixture(scope="module")
def det():
    return load_detector()


def covered(det, text: str, surface: str) -> bool:
    """True when every character of ``surface`` (its first occurrence) is inside some proposal."""
    start = text.index(surface)
    end = start + len(surface)
    spans = det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, end))


def proposed(det, text: str, surface: str) -> bool:
    start = text.index(surface)
    spans = det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)
    return any(s.start < start + len(surface) and start < s.end for s in spans)


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Present:\nJade Whitworth (JW), Head of Safeguarding\nOwen Baptiste (OB), Chair", "Jade Whitworth"),
        ("In attendance: Kofi Annan-Reid (minutes), Will Fenwick (analyst, for item 3)", "Will Fenwick"),
        ("Members: Amber Kilbride (AK), Empowerment Charity", "Amber Kilbride"),
        ("Will, Will Fenwick, presented the problem profile. Will said the data were thin.", "Will said"),
        ("Amber Kilbride chaired. Later, Amber reported that two hotels had trained staff.", "Amber reported"),
        ("18:40 Met the team at the centre. Precious (team leader) briefed us on two names.", "Precious"),
        ("Section 6: Signed\nD. Probert, 12/03/2024", "D. Probert"),
        # named by where they work (found trying the product: a focus group's "Will" was stored as it was)
        ("P2: Will from my team refers most cases to the MASH.", "Will"),
        ("Mark from CID said no further action.", "Mark"),
    ],
)
def test_names_that_are_words_in_name_positions(det, text, surface):
    assert covered(det, text, surface.split(" said")[0].split(" reported")[0])


@pytest.mark.parametrize(
    "text, surface",
    [
        ("[18:03] jaymoney07: ye me n ty will meet u there", "ty"),
        ("[18:05] keelz.m: mel said he is picking people up again", "mel"),
        ("[18:05] keelz.m: he was with big stevo again after school", "big stevo"),
        ("[18:06] keelz.m: thats literally how it starts. ask pearl\n[18:07] jay: ok", "pearl"),
        ("[23:44] keelz.m: im telling pearl tmrw", "pearl"),
        ("[18:09] deano_x: j-dog said she was at a house for 3 days", "j-dog"),
    ],
)
def test_lowercase_names_and_nicknames_in_chat(det, text, surface):
    assert covered(det, text, surface)


@pytest.mark.parametrize(
    "text, word",
    [
        ("the waiting list is long.\nINT: and boys?", "long"),
        ("she put it on her snap story. the girl at the back laughed", "story"),
        ("Hope isn't a plan. We need resources.", "Hope"),
        ("Every child gets a named officer. Every suspect gets a plan.", "Every"),
        ("Apologies: Dr Hannah Eze, Sergeant Danny Kerrigan", "Sergeant"),
        ("It is not a role we can send, said DCI Baptiste; Say the word and an inspector will attend.", "Say"),
        ("Role: Designated Safeguarding Lead    Tel: 029 2018 0743", "Tel"),
        ("20:20 Chip shop on the corner was shut.", "Chip"),
        ("Apart from the team, nobody knew.", "Apart"),
        ("May from the 3rd the team moves.", "May"),
        ("Hope from the community was high.", "Hope"),
    ],
)
def test_words_are_left_alone(det, text, word):
    assert not proposed(det, text, word)


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Minutes of the meeting held at Blackpool and The Fylde College, Bispham campus", "Blackpool and The Fylde College"),
        ("She has been seen at the Cardiff and Vale UHB sexual health clinic twice.", "Cardiff and Vale UHB"),
        ("Two hotels, the Crossways Hotel and Hotel Sorrento on Albert Road, had trained staff.", "Hotel Sorrento"),
        ("the landlord of the Crown and Anchor wrote to the panel.", "Crown and Anchor"),
        ("She was dropped by the Sultan's Garden Lounge on Manningham Lane.", "Sultan's Garden Lounge"),
        ("Head of Safeguarding, Blackpool Teaching Hospitals", "Blackpool Teaching Hospitals"),
        ("GP: Ely Bridge Surgery", "Ely Bridge Surgery"),
        ("the research team at Leeds Beckett (consent only).", "Leeds Beckett"),
        ("Hotspots: the Esplanade, the Arches near Central Pier and the bus station.", "Esplanade"),
        ("Hotspots: the Esplanade, the Arches near Central Pier and the bus station.", "Arches"),
        ("Hotspots: the Esplanade, the Arches near Central Pier and the bus station.", "Central Pier"),
    ],
)
def test_whole_org_and_place_spans(det, text, surface):
    assert covered(det, text, surface)


@pytest.mark.parametrize(
    "text, surface",
    [
        ("found twice in FY1 and once in FY4", "FY1"),
        ("she lives in bd3 now with her aunt", "bd3"),
        ("a home in ST6, out of area", "ST6"),
        ("a house in SE15 for 3 days", "SE15"),
        ("two licensed vehicles, plates BPL-2291 and BPL 3307, badge PH 4471.", "BPL 3307"),
        ("two licensed vehicles, plates BPL-2291 and BPL 3307, badge PH 4471.", "PH 4471"),
        ("PCSO Bowles joined us, badge number WMBC 04821, on loan.", "WMBC 04821"),
        ("PC Jeremiah, collar SW 6621, attended.", "SW 6621"),
        ("Action 14: Operation Lantern briefing circulated.", "Operation Lantern"),
    ],
)
def test_places_and_ids_by_shape(det, text, surface):
    assert covered(det, text, surface)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Social workers: SW1, SW2.\nSW1: I've got eighteen.\nSW2: Sixteen.", "SW2"),
        ("placed here by role codes: CHAIR, M1 to M5.\nM5: I think that's true.", "M5"),
        ("CO2 emissions from the vans were discussed in 2023 by the CSE team.", "CO2"),
        ("the Children's Society and the Midlands team", "Midlands"),
    ],
)
def test_shapes_leave_look_alikes(det, text, word):
    assert not proposed(det, text, word)


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Thanks Faith, that's really helpful.", "Faith"),
        ("Hope, can you take the minutes?", "Hope"),
        ("ty said he saw her outside", "ty"),
        ("Big Stevo picked us up from school", "Big Stevo"),
        ("Mark Osei-Bonsu (MOB), Service Manager\nAction 16 (MOB): to meet the landlord", "MOB"),
        ("we went to the Piece Hall on Saturday", "Piece Hall"),
    ],
)
def test_vocatives_chat_speech_and_double_barrelled_initials(det, text, surface):
    assert covered(det, text, surface)


@pytest.mark.parametrize(
    "text, word",
    [("Honestly, Say what you like about it.", "Say"), ("See appendix B for the figures.", "See"),
     ("they play in the Church Hall most weeks", "Church")],
)
def test_verbs_and_generic_halls_are_not_names(det, text, word):
    assert not proposed(det, text, word)


def test_a_capital_the_mid_sentence_is_part_of_the_name_and_the_same_entity(det):
    text = "She stayed at The Crossways Hotel for two nights."
    assert covered(det, text, "The Crossways Hotel")
    assert entity_key("The Crossways Hotel") == entity_key("Crossways Hotel")  # one placeholder for both


@pytest.mark.parametrize(
    "text, surface",
    [
        ("ME (4:31 PM): stay there. Sky from the project is coming 4 u", "Sky"),
        ("gingerninja05: and will from the youth bus. hes decent", "will"),
        ("Name: Kay\nAddress: Flat 6, Bryn Hafod House, Ely, Cardiff CF5 4PL\nSchool: none", "Flat 6, Bryn Hafod House, Ely, Cardiff CF5 4PL"),
    ],
)
def test_names_by_workplace_and_whole_address_fields(det, text, surface):
    assert covered(det, text, surface)


def test_will_as_a_verb_before_from_the_is_left(det):
    assert not proposed(det, "it will from the start be hard for them", "will")


def test_a_chain_with_its_branch_is_one_organisation_and_a_full_org_is_not_coordinated(det):
    text = "at the Premier Inn Oxford City Centre. The Travelodge Burnley Centre and the Crown Hotel in Nelson."
    assert covered(det, text, "Premier Inn Oxford City Centre")
    spans = det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)
    assert not any(s.text.startswith("Burnley Centre and") for s in spans)


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Ollie P, [12.04.23 21:15]\nnah she was out", "Ollie P"),
        ("she just replied. says shes at mel's in Layton", "mel"),
        ("real name Callum Brereton and his mate shaq", "shaq"),
        ("saw kels get in a car wiv j-dog driving", "j-dog"),
        ("Honey Marsden was there.\nHoney she's doing alright now", "Honey she"),
        ("found twice at the Wolstanton retail park and once in Crewe", "Wolstanton retail park"),
        ("Bradford Children's Social Care | Britannia House, Hall Ings, Bradford BD1 1HX", "Bradford Children's Social Care"),
        ("Bradford Children's Social Care | Britannia House, Hall Ings, Bradford BD1 1HX", "Britannia House, Hall Ings, Bradford BD1 1HX"),
        ("Plan: admit to Ward 21 overnight.", "Ward 21"),
        ("a car outside Coast FM at midnight", "Coast FM"),
        ("Lorraine | Foster carer | Calder Valley Fostering", "Calder Valley Fostering"),
    ],
)
def test_kinds_from_the_first_sealed_set(det, text, surface):
    assert covered(det, text, surface.removesuffix(" she"))


@pytest.mark.parametrize(
    "text, word",
    [("Will she come? his mate said so.", "said"), ("gave out the charity's confidential line", "charity")],
)
def test_kin_possessive_and_contraction_look_alikes(det, text, word):
    assert not proposed(det, text, word)


def test_a_first_name_found_is_not_proposed_again_before_a_negative_verb(det):
    text = "Hope Carrick chaired.\nThe room agreed. Hope isn't a plan, she said."
    second = text.index("Hope isn't")
    assert not any(s.start == second for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE))


@pytest.mark.parametrize(
    "text, surface",
    [
        ("kai.xo — Today at 19:02\nhi\n\nreeceyboy — Today at 19:03\nyo\n\nreeceyboy — Today at 19:08\nok", "reeceyboy"),
        ("me n dev. big ash said he'll drive us\ndev said ash works at the chippy", "ash works"),
        ("me n dev. big ash said he'll drive us\nash drives a black merc", "ash drives"),
        ("ok im messaging faith now. her work number is 0161 496 0733", "faith"),
        ("Body-worn video transcript, exhibit KLM/0412, typed by the officer.", "KLM/0412"),
        ("OFFICER 1 (PC Dervla Quinn, PC 2261): It's twenty past one.", "PC 2261"),
        ("Logged by AW.\nSigned: A. Whitaker (DSL)", "AW"),
        ("PRAC: His pal Stevie, wee Stevie they call him, has been", "wee Stevie"),
        ("PRAC: Grace from the Includem team is already in.", "Grace"),
    ],
)
def test_kinds_from_the_second_sealed_set(det, text, surface):
    assert covered(det, text, surface.split()[0] if surface.endswith((" works", " drives")) else surface)


@pytest.mark.parametrize(
    "text, word",
    [("Speakers: SUP (supervisor), PRAC (practitioner).\n\nSUP: So, where are we?\nPRAC: Fine.", "SUP"),
     ("SUP: Right. Grace and patience, but we need a plan.", "Grace"),
     ("big ash said he'll drive us there", "he'll"),
     ("09/10/2023 15:20 Mark in register queried by office.", "Mark"),
     ("Two chat exports shared by a worker. Snapchat: chat with \"lil_kay22\"", "exports")],
)
def test_roles_in_a_legend_and_ordinary_words_are_left(det, text, word):
    assert not proposed(det, text, word)


@pytest.mark.parametrize(
    "text, surface",
    [
        ("| T/Supt Helen Okoro (HO) | Gold, chair |\n1. HO opened the meeting.", "HO opened"),
        ("| DCI Rhys Evans (RE) | Silver |\n2. RE: fourteen victims.\nActions: RE to brief the CPS", "RE to"),
        ("GOLD GROUP - OPERATION HARBOUR (extract of the minutes)", "OPERATION HARBOUR"),
        ("DS Marsden covered the L8 and L1 hotspots.", "L8"),
        ("he had a van that said Morgan Plumbing on the side", "Morgan Plumbing"),
        ("ring me after 4 cos im at ysgol llanhari til then", "ysgol llanhari"),
        ("Can we all meet? St Cuthbert's church hall, Thursday 7pm.", "St Cuthbert's"),
        ("delivered by the police and the Liverpool City Region hotels forum", "Liverpool City Region"),
        ("the function suite at the Adelphi Liverpool (not named)", "Adelphi Liverpool"),
        ("including the Holiday Inn Express Liverpool Albert Dock, and others", "Holiday Inn Express Liverpool Albert Dock"),
        ("She rang Bradford social services, well it was the office then", "Bradford social services"),
    ],
)
def test_kinds_from_the_third_sealed_set(det, text, surface):
    assert covered(det, text, surface.removesuffix(" opened").removesuffix(" to"))


@pytest.mark.parametrize(
    "text, word",
    [("Facebook Messenger group, printed to PDF by a parent", "Messenger"),
     ("| DCI Rhys Evans (RE) | Silver |", "Silver"), ("next Gold group 5 February", "Gold"),
     ("Honestly, Summer holidays were the worst.", "Summer")],
)
def test_platforms_command_roles_and_seasons_are_not_people(det, text, word):
    assert not proposed(det, text, word)


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Plan: strategy discussion; refer to ERASE team; next visit soon.", "ERASE"),
        ("They said someone from the Together for Children team would call.", "Together for Children"),
    ],
)
def test_local_teams_named_by_ordinary_words(det, text, surface):
    assert covered(det, text, surface)


@pytest.mark.parametrize(
    "text, word",
    [("the one fae Drumchapel?? hes like 25", "fae"), ("ok il tell donna the morra", "morra"),
     ("Nadeem has a silver Passat, reg unknown.", "Passat"), ("I work in the Youth Justice service now.", "Youth"),
     ("we met at Nando's in town after school", "Nando's")],
)
def test_dialect_words_car_models_generic_teams_and_chains_are_left(det, text, word):
    assert not proposed(det, text, word)


def test_leon_is_still_a_name(det):
    assert covered(det, "Leon: for lads its different tho", "Leon")


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Thanks,\nBeth\nMiss B. Oakes | Teacher of English", "B. Oakes"),
        ("Chelsea is at the Lemon Street Market with a man.", "Lemon Street Market"),
        ("Callum is 19 and works at Hengrove Car Sales.", "Hengrove Car Sales"),
        ("forum held at Jamia Masjid Ghausia, Nelson.", "Jamia Masjid Ghausia"),
        ("the youth club at St Mary's and a volunteer", "St Mary's"),
    ],
)
def test_kinds_from_the_fifth_sealed_set(det, text, surface):
    assert covered(det, text, surface)


def test_a_rank_used_as_a_speaker_label_is_not_a_title_for_the_next_word(det):
    assert not proposed(det, "DC: Tell me about the man you mentioned.", "Tell")


@pytest.mark.parametrize(
    "text, whole",
    [
        # session 6: a surname that is also a place, after a person's initial and a title or "Signed:"
        ("Logged by: Mrs J. Keswick | Category: online concern", "J. Keswick"),
        ("Outcome agreed with the family.\nSigned: T. Ripon\n", "T. Ripon"),
        # an initial before a surname that opens with a particle
        ("Seen and discussed.\nSigned: D. Mac Giolla Phádraig\n", "D. Mac Giolla Phádraig"),
    ],
)
def test_an_initial_before_a_surname_that_is_a_place_or_has_a_particle(det, text, whole):
    spans = det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)
    assert any(s.text == whole and s.label == "PERSON" for s in spans)


def test_a_compass_initial_before_a_place_stays_a_place(det):
    spans = det.detect("The family moved from Mrs Keswick's to N. Wales last year.", min_confidence=REVIEW_MIN_CONFIDENCE)
    assert not any(s.text.startswith("N.") and s.label == "PERSON" for s in spans)


@pytest.mark.parametrize(
    "text, number",
    [
        # session 6: a collar number after the officer's rank and name, with initials, in brackets, or a
        # year-like number signing off a note
        ("Seen with Constable Moira Tennant (2264) at the door.", "2264"),
        ("Author: Sgt P. Okoro-Lamb 3310\n", "3310"),
        ("Sgt T. Vance 1987 / t.vance@example.police.uk\n", "1987"),
    ],
)
def test_collar_numbers_after_an_officers_name(det, text, number):
    spans = det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)
    assert any(s.text == number and s.label == "ID" for s in spans)


def test_a_year_after_an_officers_name_is_not_a_collar_number(det):
    spans = det.detect("PC Jones 2019 was the year it all changed.", min_confidence=REVIEW_MIN_CONFIDENCE)
    assert not any(s.label == "ID" for s in spans)


@pytest.mark.parametrize(
    "text, code",
    [
        # session 6: badge, seal and taxi numbers with a mixed-case or two-part letter prefix
        ("COUNCIL PLATE. BADGE KnB 4412.", "KnB 4412"),
        ("My badge now is SMBC PH 7731, write it down.", "SMBC PH 7731"),
        ("Clothing bagged (seal numbers FSL 00412 and FSL 00413).", "FSL 00413"),
        ("- Taxi K 3310 (Star Cars) seen at the rear.", "K 3310"),
    ],
)
def test_announced_numbers_with_letter_prefixes(det, text, code):
    spans = det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)
    assert any(s.text == code and s.label == "ID" for s in spans)


def test_a_town_read_as_a_person_inside_an_address_is_the_town(det):
    """Session 6: "CLAYTON" (a surname too) between a numbered street and a postcode is the address's town."""
    text = "THE CAR IS REGISTERED AT 7 BANK ROAD, CLAYTON, ST5 3HQ.\nSUS: OK."
    spans = det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)
    assert any(s.text == "7 BANK ROAD, CLAYTON, ST5 3HQ" and s.label == "LOCATION" for s in spans)


# (session 9)
def test_a_found_surname_that_is_a_word_opening_a_sentence_before_an_act_is_the_person(det) -> None:
    text = ("Room 4: two girls with Darren Hunt (DOB 03/06/1997). Both girls intoxicated. Hunt arrested 00:58 on "
            "suspicion of abduction.\n02:15  Hunt booked in at custody.\n")
    found = persons(det, text)
    assert found.count("Hunt") == 2
