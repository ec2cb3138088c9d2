"""The anonymiser's detector: runs every layer over a text and merges their proposals.

    from qualcoder_cse.anonymise.detect import load_detector
    detector = load_detector()          # loads gazetteers and the NER model once (about a second)
    spans = detector.detect(text)       # list[Span] sorted by start; offsets are str indices

Layers: UK patterns (``patterns.py``), gazetteers and context rules (``rules.py``), the spaCy NER model trained
by ``train.py`` and shipped in ``models/anonymiser`` (``ner.py``). Overlaps are resolved in favour of the
longer, then the more confident span; then a person-level pass proposes every other mention of each name
found (any case, possessive, obvious diminutives) and of each place and organisation.
"""


from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Iterable

from .acronyms import org_acronyms
from .address_parts import building_addresses, districts_after_places, full_addresses, street_numbers
from .bare_places import bare_places
from .caps_lines import caps_lines, caps_trimmed
from .chat_handle_stems import chat_handle_stems
from .chat_introductions import chat_introductions
from .chat_links import linked_names
from .chat_once_names import chat_once_names, letter_firsts, letter_names
from .chat_owner_names import chat_owner_names
from .chat_place_phrases import chat_place_phrases
from .chat_places import chat_places
from .chat_senders import chat_senders, me_chat_labels, member_lists, platform_accounts
from .chat_word_names import asked_names, chat_word_names, size_nicknames
from .chosen_names import drop_declared
from .common_word_venues import common_word_venues
from .csv_returns import csv_returns, field_handles, table_headers, table_ids
from .date_shapes import dotted_months, joined_dates, short_dates
from .defined_initials import defined_initials
from .defined_nicknames import defined_nicknames
from .entity_passes import EntityPasses
from .export_lines import (
    export_names,
    handle_headers,
    one_line_dates,
    surname_first,
    surname_labels,
    table_names,
)
from .gazetteers import Gazetteers, load_gazetteers
from .handle_cues import handle_cues
from .head_first import head_first_orgs, welsh_head_first
from .id_mentions import id_mentions
from .initial_surnames import initial_surnames
from .key_codes import key_codes
from .kin_positions import initial_chains, kin_positions
from .landmark_nouns import landmark_nouns
from .lexicon import NAME_PARTICLES, ORG_HEADS_CAP
from .list_siblings import age_lists, caps_full_names
from .lower_addresses import lower_addresses
from .lower_venues import lowercase_venues, named_before_kind
from .member_names import member_names
from .merging import _mention_regex, merge
from .name_forms import (
    chat_possessives,
    derived_nicknames,
    handle_names,
    initial_dots,
    kin_names,
    kin_nicknames,
    lowercase_full_names,
    name_affixes,
    particle_names,
)
from .naming_phrases import naming_phrases
from .ner_gate import NerGate, _joined
from .not_people import not_people
from .noted_names import noted_names
from .number_cues import number_cues
from .org_joins import (
    by_owner,
    civic_buildings,
    councils_of,
    firm_partners,
    heads_after_names,
    named_bodies,
    number_firms,
    org_and_joins,
    titled_owners,
    word_firms,
)
from .particle_surnames import particle_surnames
from .patterns import find_patterns
from .person_joins import join_people
from .positions import attendee_names, chat_names, first_names_again, full_names
from .quoted_names import explained_aliases, quoted_names, quoted_the_names
from .ref_codes import hash_marks, log_serials, partial_plates, reference_codes, unit_codes, whole_codes
from .rules import RuleLayer
from .second_opinion import SecondOpinion
from .sender_slots import sender_slots
from .shapes import find_shapes
from .span_passes import (
    _address_chain,
    _extend_locations,
    _initials_of_names,
    _org_appositive,
    _org_of,
    _org_with_town,
    _person_to_place,
)
from .spans import LABELS, Span, fold
from .spoken_codes import spoken_codes
from .surname_pairs import surname_pairs
from .timed_places import lower_timed_places, timed_places
from .title_runs import title_runs, workplaces
from .tokens import tokenize
from .turn_vocatives import self_introductions, turn_vocatives
from .venue_tails import named_venues, venue_tails
from .whole_spans import handle_mentions, whole_spans
from .word_names import upper_full_names, verb_names

__all__ = ["LABELS", "Detector", "Span", "load_detector"]


class Detector(EntityPasses):
    def __init__(self, gazetteers: Gazetteers, ner=None, *, min_confidence: float = 0.4) -> None:
        self.gaz = gazetteers
        self.rules = RuleLayer(gazetteers)
        self.ner = ner
        self.min_confidence = min_confidence
        self._heads = frozenset(self.rules.loc_heads | set(ORG_HEADS_CAP))
        self.gate = NerGate(gazetteers, self._heads)
        self.second = SecondOpinion(gazetteers, self._heads)

    # ------------------------------------------------------------------ public
    def detect(self, text: str, *, min_confidence: float | None = None, _inner: bool = False) -> list[Span]:
        """Proposals for ``text`` with confidence >= ``min_confidence`` (default: the detector's, 0.4).
        Thread-safe: the detector keeps no per-call state."""
        toks = tokenize(text)
        spans: list[Span] = list(find_patterns(text))
        upper = _upper_doc(text)
        spans += self.rules.find(text, toks, upper_doc=upper)
        ents: list[Span] = []
        if self.ner is not None:
            cand, weak, ranges = self.gate.candidates(text, toks, spans)
            read = _joined(ranges + self.second.ranges(text, toks, spans))
            ents = self.ner.find(text, read) if read else []
            if ranges:
                spans += self.gate.keep(text, _within(ents, ranges), spans, cand, weak)
        spans += find_shapes(text) + reference_codes(text) + unit_codes(text) + short_dates(text) + civic_buildings(text)
        merged = merge(dotted_months(text, joined_dates(spans)))
        merged = merge(merged + full_names(text, toks, merged, self.gaz, self._heads)
                       + attendee_names(text, toks, self.gaz) + chat_names(text, toks, merged, self.gaz)
                       + chat_places(text, toks, merged, self.gaz) + chat_place_phrases(text, merged, self.gaz)
                       + lower_addresses(text, merged)
                       + derived_nicknames(text, toks, merged, self.gaz) + export_names(text) + table_names(text)
                       + chat_senders(text) + me_chat_labels(text) + member_lists(text) + platform_accounts(text)
                       + handle_cues(text, self.gaz) + sender_slots(text, self.gaz)
                       + surname_pairs(text, self.gaz.given)
                       + handle_headers(text) + surname_first(text, self.gaz.given, self.gaz.places1) + quoted_names(text, self.gaz)
                       + spoken_codes(text) + number_cues(text)
                       + quoted_the_names(text, self.gaz) + kin_names(text, self.gaz)
                       + kin_positions(text, self.gaz) + explained_aliases(text, self.gaz)
                       + (upper_full_names(text, toks, self.gaz) if upper else [])
                       + handle_names(text, toks, merged, self.gaz))
        merged = merge(merged + linked_names(text, toks, merged, self.gaz) + age_lists(text, merged)
                       + ([] if upper else caps_full_names(text, merged, self.gaz)))
        merged = self.propagate(text, toks, merge(lowercase_full_names(text, toks, merged, self.gaz)))
        extra = (first_names_again(text, toks, merged, self.gaz) + verb_names(text, toks, merged, self.gaz, upper)
                 + chat_word_names(text, toks, merged, self.gaz) + size_nicknames(text, merged) + asked_names(text, merged, self.gaz) + chat_introductions(text, merged, self.gaz)
                 + chat_owner_names(text, merged, self.gaz) + surname_labels(text, merged)
                 + turn_vocatives(text, merged, self.gaz) + naming_phrases(text, merged, self.gaz)
                 + self_introductions(text, merged, self.gaz)
                 + timed_places(text, merged, self.gaz) + lower_timed_places(text, merged, self.gaz) + chat_once_names(text, merged, self.gaz)
                 + defined_nicknames(text, merged) + member_names(text, toks, merged, self.gaz)
                 + letter_firsts(text, merged) + chat_handle_stems(text, merged, self.gaz))
        merged = merge(merged + extra) if extra else merged
        if letters := letter_names(text, merged):
            merged = merge(merged + letters)
        merged = self._extend_persons(text, toks, merged)
        merged = _extend_locations(text, merged)
        merged = _address_chain(text, merged)
        merged = [p for p in (_person_to_place(s) for s in merged) if p is not None]
        merged = self._coordination(text, toks, merged)
        merged = _initials_of_names(text, merged)
        merged = _org_appositive(text, merged)
        merged = self._title_run_orgs(text, toks, merged)
        merged = _org_with_town(text, merged)
        merged = firm_partners(text, _org_of(text, merged))
        merged = whole_spans(text, toks, merged, self.gaz)
        merged = title_runs(text, toks, merged, self.gaz, self._heads, upper)
        merged = merge(merged + workplaces(text, toks, merged, self.gaz))
        merged = _initials_of_names(text, merged)  # again: names widened last ("A. Whitaker" -> "AW")
        merged = handle_mentions(text, merged)
        merged = merge(name_affixes(text, particle_names(text, kin_nicknames(text, one_line_dates(text, merged)))))
        if _PARTICLE_NAME.search(text):  # a name joined by its particle last goes by letters too: "CaD"
            merged = _initials_of_names(text, merged)
        merged = _address_chain(text, merged)  # again: places widened late ("Hathersage Road, Manchester, M13 0JH")
        merged = building_addresses(text, merge(merged + districts_after_places(text, merged)))
        merged = street_numbers(text, full_addresses(text, merged))  # whole addresses, whatever the parts were
        merged = merge(merged + lowercase_venues(text, toks, merged, self.gaz) + head_first_orgs(text) + welsh_head_first(text)
                       + common_word_venues(text) + named_before_kind(text, toks, merged, self.gaz)
                       + venue_tails(text, toks, merged) + named_venues(text, self.gaz))
        merged = merge(landmark_nouns(text, merged) + bare_places(text, merged, self.gaz))
        if self.ner is not None:
            merged = merge(merged + self.second.find(text, ents, merged))
        merged = defined_initials(text, merged, self.gaz)  # after the model: letters defined beside a name it found
        if noted := noted_names(text, merged):  # '"sunday" is Sunday Adeyemi' in a note under a chat
            merged = merge(merged + noted)
        merged = hash_marks(text, partial_plates(text, whole_codes(text, merged)))
        merged = drop_declared(text, not_people(text, log_serials(text, merged), self.gaz))
        merged = initial_chains(text, heads_after_names(text, org_and_joins(text, merged, self.gaz)))
        firms = number_firms(text) + named_bodies(text) + word_firms(text)
        merged = by_owner(text, councils_of(text, titled_owners(text, merge(merged + firms))))
        merged = table_headers(text, org_acronyms(text, csv_returns(text, field_handles(text, merged))), self.gaz)
        merged = initial_dots(text, chat_possessives(text, table_ids(text, merged)))
        if not _inner:  # a line in capitals read in ordinary case ('Custody Record') joins nothing
            merged = join_people(text, merged)
        merged = key_codes(text, id_mentions(text, particle_surnames(text, initial_surnames(text, merged, self.gaz))))
        if not upper and not _inner and (caps := caps_lines(text)):
            merged = merge(merged + self._in_caps_lines(text, caps))
        floor = self.min_confidence if min_confidence is None else min_confidence
        return [s for s in merged if s.confidence >= floor]

    def _in_caps_lines(self, text: str, lines: list[tuple[int, str]]) -> list[Span]:
        """What the detector finds in the lines written in capitals (a letterhead, a heading: "SOUTH WALES
        POLICE") when they are read in ordinary case; the spans keep the text's own letters. The lines are read
        in one pass (a log with hundreds of such lines costs one detection, not hundreds)."""
        joined, starts, pos = [], [], 0
        for _start, line in lines:
            starts.append(pos)
            joined.append(line)
            pos += len(line) + 1
        out = []
        for s in self.detect("\n".join(joined), min_confidence=0.5, _inner=True):
            k = bisect_right(starts, s.start) - 1
            if k < 0 or s.end > starts[k] + len(lines[k][1]):
                continue  # a span across two of the lines is no name
            s = caps_trimmed(s, self.gaz.words)
            if s is None:
                continue
            a = lines[k][0] + s.start - starts[k]
            b = a + s.end - s.start
            out.append(Span(a, b, s.label, text[a:b], s.confidence, s.source))
        return out

    def detect_many(self, texts: Iterable[str]) -> list[list[Span]]:
        return [self.detect(t) for t in texts]

    def mentions(self, text: str, surface: str, label: str, *, source: str = "added") -> list[Span]:
        """Every other mention of ``surface`` in ``text`` (any case, possessive allowed), as proposals."""
        out = []
        for m in _mention_regex(surface).finditer(text):
            out.append(Span(m.start(1), m.end(1), label, m.group(1), 0.9, source))
        return out


_LETTER = re.compile(r"[^\W\d_]")
_PARTICLE_NAME = re.compile(rf"[A-Z]\w+ (?:{'|'.join(sorted(NAME_PARTICLES))}) [A-Z]")


def _upper_doc(text: str) -> bool:
    """Whether the text is written in capitals (then capitals say nothing about names)."""
    letters = _LETTER.findall(text, 0, 5000)
    return bool(letters) and sum(map(str.isupper, letters)) > 0.6 * len(letters)


_LOCK = threading.Lock()
_CACHE: dict[tuple, Detector] = {}


def _within(ents: list[Span], ranges: list[tuple[int, int]]) -> list[Span]:
    """The model's spans that start inside one of the (sorted, disjoint) ``ranges``."""
    starts = [r[0] for r in ranges]
    return [e for e in ents if (i := bisect_right(starts, e.start) - 1) >= 0 and e.start < ranges[i][1]]


def load_detector(*, use_model: bool = True, model_dir: str | None = None) -> Detector:
    """The detector with the shipped gazetteers and (when present) the trained NER model; cached."""
    key = (use_model, model_dir)
    with _LOCK:
        det = _CACHE.get(key)
        if det is None:
            ner = None
            if use_model:
                from .ner import load_ner

                ner = load_ner(model_dir)
            det = Detector(load_gazetteers(), ner)
            _CACHE[key] = det
        return det


__all__ += ["_mention_regex", "fold", "merge"]
