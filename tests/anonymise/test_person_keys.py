"""Which bare mentions share a full name's placeholder in one document (``person_keys``)."""

from __future__ import annotations

from qualcoder_cse.anonymise.person_keys import same_person_keys
from qualcoder_cse.anonymise.spans import Span, entity_key


def _persons(text: str, *surfaces: str) -> list[Span]:
    out, pos = [], 0
    for surface in surfaces:
        pos = text.index(surface, pos)
        out.append(Span(pos, pos + len(surface), "PERSON", surface, 0.9, "test"))
        pos += len(surface)
    return out


def test_initials_with_a_particle_and_parts_map_to_the_full_name() -> None:
    text = "Catrin ap Dafydd (CaD) and Jade Whitworth (J.W.). CaD and Jade agreed."
    keys = same_person_keys(text, _persons(text, "Catrin ap Dafydd", "CaD", "Jade Whitworth", "J.W.", "CaD", "Jade"))
    assert keys["cad"] == "catrin ap dafydd" and keys["jade"] == "jade whitworth"
    assert keys[entity_key("J.W.")] == "jade whitworth"


def test_a_shared_first_name_or_shared_initials_map_to_no_one() -> None:
    text = "Karen Jones, Karen Smith, Kim Jackson and Kerry James (KJ). Karen and KJ left."
    keys = same_person_keys(text, _persons(text, "Karen Jones", "Karen Smith", "Kim Jackson", "Kerry James", "KJ",
                                           "Karen", "KJ"))
    assert keys["karen"] == "" and not keys.get("kj")
