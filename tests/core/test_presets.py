"""Attribute presets: the 43 territorial police forces, the four policing models, and pseudonymised forces."""

from __future__ import annotations

import shutil

from qualcoder_cse.core import Project
from qualcoder_cse.core import presets as P


def test_the_43_territorial_forces():
    assert len(P.POLICE_FORCES) == 43 == len(set(P.POLICE_FORCES))
    assert len(P.ENGLAND_FORCES) == 39 and len(P.WALES_FORCES) == 4
    assert "City of London Police" in P.POLICE_FORCES
    assert "Metropolitan Police Service" in P.POLICE_FORCES
    assert not any("Transport" in f or "Scotland" in f or "Ministry" in f for f in P.POLICE_FORCES)


def test_canonical_force_accepts_common_forms():
    assert P.canonical_force("Devon & Cornwall") == "Devon and Cornwall Police"
    assert P.canonical_force("GMP") == "Greater Manchester Police"
    assert P.canonical_force("Hampshire Constabulary") == "Hampshire and Isle of Wight Constabulary"
    assert P.canonical_force("dyfed powys police") == "Dyfed-Powys Police"
    assert P.canonical_force("Police Scotland") is None


def test_presets_added_once_and_choices_completed(project):
    attrs = project.presets.add_research()
    assert [a.name for a in attrs] == ["Participant group", "Police force", "Policing model", "Role", "Area type"]
    force = project.attributes.by_name("Police force")
    assert force.type == "category" and len(force.choices) == 43
    model = project.attributes.by_name("Policing model")
    assert list(model.choices) == [c.name for c in project.codes.children(
        project.codes.by_path("Policing models and organisational arrangements").id)][:4]
    project.attributes.set_choices(model.id, ["Integrated specialist CSE team", "Our own model"])
    project.presets.add_research()
    assert project.attributes.by_name("Policing model").choices[:2] == (
        "Integrated specialist CSE team", "Our own model")
    assert len(project.attributes.by_name("Policing model").choices) == 5
    assert len(project.attributes.list("case")) == 5


def test_pseudonymised_display_is_stable_not_alphabetical_and_reversible(project, project_path, tmp_path):
    project.presets.add_research()
    force = project.attributes.by_name("Police force")
    case = project.cases.add("DI 1")
    project.attributes.set_value(force.id, case.id, "Kent Police")
    assert project.presets.display_value(force, "Kent Police") == "Kent Police"
    project.presets.set_forces_pseudonymised(True)
    mapping = project.presets.force_pseudonyms()
    assert sorted(mapping.values()) == sorted(f"Force {P._letters(i)}" for i in range(43))
    assert P._letters(0) == "A" and P._letters(25) == "Z" and P._letters(26) == "AA"
    by_letter = [real for real, _ in sorted(mapping.items(), key=lambda kv: (len(kv[1]), kv[1]))]
    assert by_letter != sorted(P.POLICE_FORCES)
    shown = project.presets.display_value(force, "Kent Police")
    assert shown.startswith("Force ") and shown == mapping["Kent Police"]
    assert project.presets.stored_value(force, shown) == "Kent Police"
    assert project.attributes.value(force.id, case.id) == "Kent Police"
    # the same project file gives the same letters when opened again
    project.close()
    copy = tmp_path / "copy.qcse"
    shutil.copyfile(project_path, copy)
    with Project.open(copy, "correct horse battery staple") as again:
        assert again.presets.forces_pseudonymised() and again.presets.force_pseudonyms() == mapping


def test_other_projects_get_other_letters(project, tmp_path, passphrase):
    with Project.create(tmp_path / "other.qcse", passphrase, framework="none") as other:
        assert other.presets.force_pseudonyms() != project.presets.force_pseudonyms()


def test_analysis_frames_show_pseudonymised_forces(project):
    project.presets.add_research()
    force = project.attributes.by_name("Police force")
    case = project.cases.add("CSE coordinator")
    project.attributes.set_value(force.id, case.id, "Gwent Police")
    values = lambda: project.frames.attribute_values("case").set_index("attribute")["value"].to_dict()
    assert values() == {"Police force": "Gwent Police"}
    project.presets.set_forces_pseudonymised(True)
    assert values() == {"Police force": project.presets.force_pseudonyms()["Gwent Police"]}


def test_presets_do_not_add_near_duplicate_choices(project):
    project.attributes.add("Participant group", type="category", choices=["Police", "LSCB / partner agency",
                                                                         "Young people"])
    project.presets.add_research()
    assert project.attributes.by_name("Participant group").choices == (
        "Police", "LSCB / partner agency", "Young people", "Researcher")
