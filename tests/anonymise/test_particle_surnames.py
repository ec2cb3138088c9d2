"""A surname's particle and a Welsh initial belong to the name (issue 15, session 12)."""

from __future__ import annotations

import pytest

from .found import persons


@pytest.mark.parametrize("text, name", [
    ("Signed: DC R. de Almeida 40213, at the station.", "R. de Almeida"),
    ("Ricardo dos Santos was seen. Later, in the car, with dos Santos and a second man.", "dos Santos"),
    ("Workers: Sofia Ní Bhriain (SNB), Mateus da Silva (MdS), and a volunteer.", "Mateus da Silva"),
    ("Apologies: Rh. Pugh (head of year).", "Rh. Pugh"),
    ("Witness: A. van der Berg, aged 44, of no fixed address.", "A. van der Berg"),
])
def test_the_particle_or_initial_is_inside_the_name(det, text: str, name: str) -> None:
    assert name in persons(det, text)


@pytest.mark.parametrize("text", [
    "She got in the van Kelly had parked.",
    "A man from Snap Inc confirmed the account.",
])
def test_a_word_before_a_name_is_not_a_particle(det, text: str) -> None:
    assert not [p for p in persons(det, text) if p.startswith(("van ", "ap "))]
