"""Gazetteer and context rules, merging and the person-level pass, through the detector without the NER
model (so each rule is tested on its own): names, titles, cue phrases, words that are also names, places,
streets, estates, addresses, organisations, national bodies left alone."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector


@pytest.fixture(scope="module")
def det():
    return load_detector(use_model=False)


def spans(det, text: str, label: str | None = None) -> list[str]:
    return [s.text for s in det.detect(text) if label is None or s.label == label]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("PC Smith came round", "Smith"),
        ("DS Patel: we knew", "Patel"),
        ("Detective Sergeant Rhodes took it", "Rhodes"),
        ("and mrs okoro did", "okoro"),
        ("DCI Ó Briain: I was, yes.", "Ó Briain"),
    ],
)
def test_titles_stay_outside_the_span(det, text, expected):
    assert expected in spans(det, text, "PERSON")
    assert not any(t.split()[0] in ("PC", "DS", "mrs", "DCI", "Detective") for t in spans(det, text, "PERSON"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my name is Tyreece and", "Tyreece"),
        ("the man who ran it was called deeks. never", "deeks"),
        ("thru my cuz tj", "tj"),
        ("this guy shaz kept pickin her up", "shaz"),
        ('a man called "Uncle Vic" was', "Uncle Vic"),
        ("we had a lad, known as Skeng, who", "Skeng"),
    ],
)
def test_cue_phrases(det, text, expected):
    assert expected in spans(det, text, "PERSON")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("jodie said he had a car", "jodie"),
        ("me n kyle went", "kyle"),
        ("mohammed picked us up", "mohammed"),
        ("aleksandra was there", "aleksandra"),
        ("There was a girl, Chantelle Booth, fourteen", "Chantelle Booth"),
        ("I asked Wojciech Zielinski about it", "Wojciech Zielinski"),
    ],
)
def test_names_from_the_gazetteers_in_any_case(det, text, expected):
    assert expected in spans(det, text, "PERSON")


def test_possessive_stays_outside(det):
    assert spans(det, "it was kyle's car", "PERSON") == ["kyle"]
    assert spans(det, "Chantelle's phone had a number", "PERSON") == ["Chantelle"]
    # (session 7) written without the apostrophe, the whole word, as the later sets' convention marks it (an
    # older gold's "[[PERSON|danny]]s" is still covered)
    assert spans(det, "the black merc is dannys. always", "PERSON") == ["dannys"]


@pytest.mark.parametrize(
    "text",
    [
        "i will tell you what happened",
        "we hope it gets better",
        "there was a grace period",
        "mark it on the form",
        "they rated her amber and we watched",
        "faith groups help a lot",
        "the sky was dark",
        "she got a rose from him",
        "Hope that helps.",
        "Will you come with us?",
        "they will take u home",
        "Hope was lost.",
        "Will is coming.",
        "it may take a while",
    ],
)
def test_words_that_are_also_names_used_as_words(det, text):
    assert spans(det, text, "PERSON") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I was talking to Will about it", "Will"),
        ("me and grace and", "grace"),
        ("Sky said she was scared", "Sky"),
        ("we went round to mark's house", "mark"),
        ("Hope died in 2016", "Hope"),
        ("like amber stopped coming to n that", "amber"),
        ("is amber ok now?", "amber"),
        ("Grace was lovely to me.", "Grace"),
    ],
)
def test_words_that_are_also_names_used_as_names(det, text, expected):
    assert expected in spans(det, text, "PERSON")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a private hire firm off Oldham Road.", "Oldham Road"),
        ("the Northfield estate is bad", "Northfield estate"),
        ("ye the highfield estate is bad innit", "highfield estate"),
        ("she lives at 14 Elm Road, Northfield, NF3 2QT. ok", "14 Elm Road, Northfield, NF3 2QT"),
        ("takin stuff to shrewsbury on the train", "shrewsbury"),
        ("out towards Hollinsbury and back", "Hollinsbury"),
        ("We cover Rochdale and Heywood.", "Rochdale"),
        ("she went to Stoke-on-Trent with him", "Stoke-on-Trent"),
        ("the youth club on higher bridge st is only open", "higher bridge st"),
        ("chillin on green lane innit", "green lane"),
    ],
)
def test_places(det, text, expected):
    assert expected in spans(det, text, "LOCATION")


@pytest.mark.parametrize(
    "text",
    ["we went to the park", "down the road from us", "he lives up our road", "we was on that road", "in the town centre", "she was in the flats",
     "they came from Pakistan", "the North West is big", "the common room"],
)
def test_generic_places_are_left(det, text):
    assert spans(det, text, "LOCATION") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a teacher at St Joseph's Catholic Primary that", "St Joseph's Catholic Primary"),
        ("He ran Star Cars, a private hire firm", "Star Cars"),
        ("from Meadowview children's home on", "Meadowview children's home"),
        ("the Golden Fry chip shop late", "Golden Fry"),
        ("the detective inspector from Avon and Somerset Police.", "Avon and Somerset Police"),
        ("seconded from Bristol City Council. We", "Bristol City Council"),
        ("rooms at the Kingsway Lodge where", "Kingsway Lodge"),
        ("he got me into oakfield academy doin", "oakfield academy"),
        ("One driver from A1 Cars Huddersfield was seen", "A1 Cars Huddersfield"),
        ("one from High Tunstall College of Science. Youth", "High Tunstall College of Science"),
        ("they took him to the Royal Oldham Hospital that night", "Royal Oldham Hospital"),
        ("a flat above the Lucky Star Chinese takeaway on", "Lucky Star"),
        ("Briefing at Wigan Youth Zone at six", "Wigan Youth Zone"),
    ],
)
def test_organisations(det, text, expected):
    assert expected in spans(det, text, "ORG")


@pytest.mark.parametrize(
    "text",
    ["the Home Office figures", "the CPS were nervous", "NSPCC and Barnardo's both", "Ofsted rated it",
     "the police came", "the council did nothing", "the school rang", "children's services knew"],
)
def test_national_bodies_and_generic_organisations_are_left(det, text):
    assert spans(det, text, "ORG") == []


def test_person_level_pass_proposes_every_other_mention(det):
    text = "DI Khan: There was a girl, Chantelle Booth. Later CHANTELLE went missing, and chantelle's mum rang."
    got = spans(det, text, "PERSON")
    assert got.count("Chantelle Booth") == 1
    assert "CHANTELLE" in got and "chantelle" in got


def test_person_level_pass_finds_obvious_diminutives(det):
    text = "The man was Mohammed Ashraf. Everyone called him Mo, and Mo drove."
    got = spans(det, text, "PERSON")
    assert got.count("Mo") == 2


def test_common_word_parts_of_names_are_not_spread_to_words(det):
    text = "The girl, Amber Leigh, was rated amber. We hope it helps Amber."
    got = [s for s in det.detect(text) if s.label == "PERSON"]
    assert [s.text for s in got] == ["Amber Leigh", "Amber"]


def test_a_name_inside_an_email_is_contact_only(det):
    got = [(s.text, s.label) for s in det.detect("email jodie.s@hotmail.co.uk about Jodie")]
    assert ("jodie.s@hotmail.co.uk", "CONTACT") in got
    assert ("Jodie", "PERSON") in got
    assert len(got) == 2


def test_offsets_are_string_indices_into_the_text(det):
    text = "😀 émigré line\r\nPC Smith: hi Jodie 👋 at 07700 900123\n"
    for s in det.detect(text):
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rhi: ok so the question was", "Rhi"),
        ("Interviewer: Sam Lowe\nSL: Why does taxi licensing matter?", "SL"),
        ("<v Harjit Bains>I'm the partnership manager.", "Harjit Bains"),
        ("Interviewer: Dr Helen Marsh   Participant: DI Rizwan Khan", "Helen Marsh"),
        ("[00:00:11] DI FORSYTH: Yep.", "FORSYTH"),
    ],
)
def test_speaker_labels_and_headers(det, text, expected):
    assert expected in spans(det, text, "PERSON")


def test_initials_as_labels_are_people_only_when_a_named_person_has_them(det):
    """GUIDELINES.md: two- or three-letter initials of a named person used as a label are PERSON; other letter
    codes are roles (session 5: five sets written by others left them unmarked; proposing them cost the held-out
    set's precision 0.876 -> 0.922)."""
    text = "DM: How are you?\nTR: Fine.\nDM: And school?\nTR: Same.\nKM: Kerry Mills here, from the team."
    found = spans(det, text, "PERSON")
    assert "DM" not in found and "TR" not in found
    assert "KM" in found and "Kerry Mills" in found


@pytest.mark.parametrize("text", ["INT: Can you start?", "P1: Through the MASH.", "Facilitator: Thanks all.",
                                  "YP: ye ok", "Q: And then?"])
def test_role_labels_are_not_names(det, text):
    assert spans(det, text, "PERSON") == []


def test_usernames_as_chat_speaker_labels(det):
    assert spans(det, "ollie2k: not in halton it isnt", "CONTACT") == ["ollie2k"]
    assert spans(det, "zaraa.k: omg thats scary", "CONTACT") == ["zaraa.k"]


def test_misspelt_lowercase_name_is_proposed_unsure(det):
    got = [s for s in det.detect("me n chantlle went to the shop") if s.label == "PERSON"]
    assert [s.text for s in got] == ["chantlle"] and got[0].confidence < 0.6


def test_unknown_capitalised_word_mid_sentence_is_proposed_unsure(det):
    got = [s for s in det.detect("We spoke to the family of Zebrowskiak yesterday.") if s.label == "PERSON"]
    assert [s.text for s in got] == ["Zebrowskiak"] and got[0].confidence < 0.6


def test_flat_and_town_join_the_address(det):
    text = "registered to him at Flat 2, 9 Regent Street, Kettering NN16 8QG. No further action."
    assert spans(det, text, "LOCATION") == ["Flat 2, 9 Regent Street, Kettering NN16 8QG"]


def test_weekday_belongs_to_the_date(det):
    assert spans(det, "Date of session: Tuesday 14th March 2017.", "DATE") == ["Tuesday 14th March 2017"]


def test_whatsapp_export_lines(det):
    text = "12/03/2019, 21:14 - Kelz: u coming out\n[12/03/2019, 21:15:02] Tyreek Banner: ye wer\n"
    assert spans(det, text, "PERSON") == ["Kelz", "Tyreek Banner"]
    assert spans(det, text, "DATE") == ["12/03/2019", "12/03/2019"]


def test_form_fields(det):
    text = "Name: SMITH, Kayleigh\nDOB: 12/04/2002\nKnown as: Kaz\nSocial worker: Ms Deborah Ola\nSubject: Tuesday\n"
    assert spans(det, text, "PERSON") == ["SMITH, Kayleigh", "Kaz", "Deborah Ola"]  # (session 9) one person
    assert spans(det, text, "DATE") == ["12/04/2002"]


def test_one_letter_nickname_in_quotes(det):
    assert spans(det, 'Note the one-letter nickname "K": impossible to anonymise', "PERSON") == ["K"]
    assert spans(det, "K was there", "PERSON") == []
