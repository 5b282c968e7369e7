"""Attacks found by a mutation hunt (hunt31) on the checks' reading of curated records: the
lymphodepleting agents held in another order than the source names them (rows._agents_out_of_order,
E533), a complete record's agent held without the dose its source gives it (silence.left_out_doses,
E520), a cohort's label cut before its designator or running into its dose (doses._labels_written,
doses._cohort_label, E508), a list of terms quoted apart in another order than its sources'
(categorical._quotes_in_order, E507), a per-kilogram dose whose unit writes per kilogram too
(doses.bind_cohort, E508), a cohort's dose quoted from another arm's words (doses._of_another_arm,
E512), and a plain document's sites and officials held in another order than its sentences give them
(rows._prose_out_of_order, E533).
"""

from __future__ import annotations

from pathlib import Path

import mutations
import pytest
from conftest import AS_OF_LINE, IM19_PATH, IM19_TITLE_LINE, add_source, im19_draft, joined, put, record_data

# --- the lymphodepleting agents in another order than the source's --------------------------------

# Each agent with its own quote was held to it, the list to no order: the schema's "in source order"
# (trials.csv joins them so) was read nowhere, and cyclophosphamide listed before fludarabine passed
FLU_THEN_CY = "Lymphodepletion with fludarabine 30 mg/m²/day and cyclophosphamide 300 mg/m²/day before the infusion.\n"
CY_THEN_FLU = "Lymphodepletion with cyclophosphamide 300 mg/m²/day and fludarabine 30 mg/m²/day before the infusion.\n"
FLU = ("FLUDARABINE", 30, "fludarabine 30 mg/m²/day")
CY = ("CYCLOPHOSPHAMIDE", 300, "cyclophosphamide 300 mg/m²/day")


def _agents_codes(registry: Path, text: str, agents: list[tuple[str, int, str]]) -> set[str]:
    """The codes of an IM19 draft citing a source of text and holding agents (each quoted alone)."""
    source = add_source(registry, "seeds/981_hunt31_agents.txt", f"{IM19_TITLE_LINE}\n{AS_OF_LINE}{text}")
    held = "".join(f"    - agent: {a}\n      dose: {d}\n      unit: mg/m²/day\n" for a, d, _ in agents)
    quoted = "".join(f'  lymphodepletion.agents.{i}: "{q}"\n' for i, (_, _, q) in enumerate(agents))
    put(registry, IM19_PATH, joined(im19_draft(source), f"lymphodepletion:\n  agents:\n{held}evidence:\n{quoted}"))
    return mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH))


@pytest.mark.parametrize(
    ("text", "agents", "codes"),
    [
        (FLU_THEN_CY, [CY, FLU], {"E533"}),
        (FLU_THEN_CY, [FLU, CY], set()),
        (CY_THEN_FLU, [FLU, CY], {"E533"}),
        (CY_THEN_FLU, [CY, FLU], set()),
        # an agent the words name twice may stand where either naming is
        (CY_THEN_FLU + "Lymphodepletion: fludarabine and cyclophosphamide.\n", [FLU, CY], set()),
    ],
)
def test_agents_in_another_order_than_the_sources_are_refused(
    registry: Path, text: str, agents: list[tuple[str, int, str]], codes: set[str]
) -> None:
    assert _agents_codes(registry, text, agents) == codes


# --- a complete record's agent held without the dose its source gives it ---------------------------

# A complete record's fields are held whole field by field (fields.unaccounted): an agent with no dose
# beside another with one passed, though its own words give it ("fludarabine 30 mg/m²/day"), and
# trials.csv read FLUDARABINE as given at no stated dose
COMPLETE = """\
nct_id: NCT06513429
brief_title: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)
curation:
  status: complete
  sources:
    - file: {source}
      kind: OTHER
      as_of: "2025-08-17"
{notes}  silent: [acronym, official_title, why_stopped, dates.start, dates.primary_completion, dates.completion,
    dates.first_submitted, dates.first_posted, dates.last_updated.type, dates.launched, results_posted, phases,
    study_type, design, enrollment, conditions, keywords, brief_summary, detailed_description,
    third_party_summary, cell_product, arms, interventions, outcomes, eligibility, sponsor, responsible_party,
    officials, locations, identifiers, references, related_trials]
overall_status: RECRUITING
dates:
  last_updated: {{date: "2025-08-17"}}
lymphodepletion:
  agents:
{agents}evidence:
  curation.sources.0.as_of: "Last Updated: 2025-08-17"
  overall_status: "Overall status: RECRUITING"
  dates.last_updated.date: "Last Updated: 2025-08-17"
{quotes}"""


def _complete_codes(registry: Path, text: str, agents: list[tuple[str, int | None, str]], note: str = "") -> set[str]:
    """The codes of a complete IM19 record citing a source of text, holding agents (a dose of None:
    none held), each quoted alone, with a note on the lymphodepletion when note is given."""
    source = add_source(
        registry, "seeds/982_hunt31_doses.txt", f"{IM19_TITLE_LINE}\n{AS_OF_LINE}Overall status: RECRUITING\n{text}"
    )
    held = "".join(
        f"    - agent: {a}\n" + (f"      dose: {d}\n      unit: mg/m²/day\n" if d is not None else "")
        for a, d, _ in agents
    )
    quoted = "".join(f'  lymphodepletion.agents.{i}: "{q}"\n' for i, (_, _, q) in enumerate(agents))
    notes = f"  notes:\n    - field: lymphodepletion\n      text: {note}\n" if note else ""
    put(registry, IM19_PATH, COMPLETE.format(source=source, notes=notes, agents=held, quotes=quoted))
    return mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH))


@pytest.mark.parametrize(
    ("agents", "codes"),
    [
        ([FLU, CY], set()),
        ([("FLUDARABINE", None, FLU[2]), CY], {"E520"}),
        ([("FLUDARABINE", None, "fludarabine"), CY], {"E520"}),  # its quote cut to its name
        ([FLU, ("CYCLOPHOSPHAMIDE", None, "cyclophosphamide")], {"E520"}),
    ],
)
def test_an_agent_without_the_dose_its_source_gives_is_refused(
    registry: Path, agents: list[tuple[str, int | None, str]], codes: set[str]
) -> None:
    assert _complete_codes(registry, FLU_THEN_CY, agents) == codes


def test_an_agent_its_source_gives_no_dose_is_held_without_one(registry: Path) -> None:
    text = "Lymphodepletion with fludarabine 30 mg/m²/day and cyclophosphamide before the infusion.\n"
    assert _complete_codes(registry, text, [FLU, ("CYCLOPHOSPHAMIDE", None, "cyclophosphamide")]) == set()


def test_a_note_naming_the_agents_dose_excuses_it(registry: Path) -> None:
    note = "The source's fludarabine 30 mg/m²/day is a test dose, not the lymphodepletion's."
    assert _complete_codes(registry, FLU_THEN_CY, [("FLUDARABINE", None, "fludarabine"), CY], note) == set()


@pytest.mark.parametrize(
    "note", ["fludarabine 30 mg/m²/day", "The source gives fludarabine 30 mg/m²/day.", "The dose is 30 mg/m²/day."]
)
def test_a_note_giving_the_agents_dose_and_no_reason_excuses_nothing(registry: Path, note: str) -> None:
    """The dose moved into a note on the field, with no reason it is not the agent's (a mutation hunt:
    tests/test_attacks_mut_hunt162.py), names the words and excused it."""
    assert _complete_codes(registry, FLU_THEN_CY, [("FLUDARABINE", None, "fludarabine"), CY], note) == {"E520"}


# --- a cohort's label cut before its own designator ----------------------------------------------

# "Dose level" of "Dose level 2: 3×10^6 CAR-T cells/kg" stood before the dose as a label of the arm's
# cohorts (the first cohort's "Dose level 1" took only its own place), and passed as the second's
COHORTS = """\
arms:
  - label: CAR-T cell therapy group
    cohorts:
      - label: "{first}"
        dose: {{value: 1000000, unit: CAR-T cells, basis: PER_KG}}
      - label: "{second}"
        dose: {{value: 3000000, unit: CAR-T cells, basis: PER_KG}}
evidence:
  arms.0.cohorts.0: "{one}"
  arms.0.cohorts.1: "{two}"
"""


def _labels_codes(registry: Path, text: str, labels: tuple[str, str], quotes: tuple[str, str]) -> set[str]:
    source = add_source(
        registry, "seeds/983_hunt31_labels.txt", f"{IM19_TITLE_LINE}\n{AS_OF_LINE}CAR-T cell therapy group: {text}\n"
    )
    tail = COHORTS.format(first=labels[0], second=labels[1], one=quotes[0], two=quotes[1])
    put(registry, IM19_PATH, joined(im19_draft(source), tail))
    return mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH))


LEVELS = "Dose level 1: 1×10^6 CAR-T cells/kg. Dose level 2: 3×10^6 CAR-T cells/kg."
LETTERS = "Cohort A (1×10^6 CAR-T cells/kg), Cohort B (3×10^6 CAR-T cells/kg)."
NAMED = "Low dose 1×10^6 CAR-T cells/kg, high dose 3×10^6 CAR-T cells/kg."


@pytest.mark.parametrize(
    ("text", "labels", "quotes", "codes"),
    [
        (LEVELS, ("Dose level 1", "Dose level"), tuple(LEVELS[:-1].split(". ")), {"E508"}),
        (LEVELS, ("Dose level", "Dose level 2"), tuple(LEVELS[:-1].split(". ")), {"E508"}),
        (LETTERS, ("Cohort A", "Cohort"), (LETTERS, LETTERS), {"E508"}),
        (LEVELS, ("Dose level 1", "Dose level 2"), tuple(LEVELS[:-1].split(". ")), set()),
        (LETTERS, ("Cohort A", "Cohort B"), (LETTERS, LETTERS), set()),
        # a label's words before a dose's number are no designator of it
        (NAMED, ("Low dose", "high dose"), (NAMED, NAMED), set()),
    ],
)
def test_a_label_cut_before_its_designator_is_refused(
    registry: Path, text: str, labels: tuple[str, str], quotes: tuple[str, str], codes: set[str]
) -> None:
    assert _labels_codes(registry, text, labels, quotes) == codes


# --- a list of terms quoted apart, in another order than its sources give it ----------------------

# A list of terms is held to the order its quote renders them, and with a quote for each term, to the
# order of its quotes: ["BCMA", "CD19"] quoted "BCMA" and "CD19" passed from "targeting CD19 and BCMA"
PRODUCT = "IM19 CAR-T cells target CD19 and BCMA, with a 4-1BB and a CD28 co-stimulatory domain.\n"
TERMS = """\
cell_product:
  name: IM19 CAR-T cells
  {held}: [{values}]
evidence:
  cell_product.{field}: [{quotes}]
"""


def _terms_codes(registry: Path, text: str, field: str, values: list[str], quotes: list[str]) -> set[str]:
    source = add_source(registry, "seeds/984_hunt31_terms.txt", f"{IM19_TITLE_LINE}\n{AS_OF_LINE}{text}")
    held = field.replace(".", ":\n    ")  # construct.costimulatory_domains, nested
    tail = TERMS.format(held=held, field=field, values=", ".join(values), quotes=", ".join(f'"{q}"' for q in quotes))
    put(registry, IM19_PATH, joined(im19_draft(source), tail))
    return mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH))


@pytest.mark.parametrize(
    ("text", "field", "values", "quotes", "codes"),
    [
        (PRODUCT, "target_antigens", ["BCMA", "CD19"], ["BCMA", "CD19"], {"E507"}),
        (PRODUCT, "target_antigens", ["CD19", "BCMA"], ["CD19", "BCMA"], set()),
        (PRODUCT, "construct.costimulatory_domains", ["CD28", "4-1BB"], ["a CD28", "a 4-1BB"], {"E507"}),
        (PRODUCT, "construct.costimulatory_domains", ["4-1BB", "CD28"], ["a 4-1BB", "a CD28"], set()),
        # the sources write them in both orders: either is theirs
        (PRODUCT + "Its targets, BCMA and CD19, ...\n", "target_antigens", ["BCMA", "CD19"], ["BCMA", "CD19"], set()),
    ],
)
def test_terms_quoted_apart_in_another_order_are_refused(
    registry: Path, text: str, field: str, values: list[str], quotes: list[str], codes: set[str]
) -> None:
    assert _terms_codes(registry, text, field, values, quotes) == codes


# --- a per-kilogram dose whose unit writes the per-kilogram too -----------------------------------

# The words' "/kg" bound the basis PER_KG and stood in the unit as well: "CAR-T cells/kg" per kilogram
# passed, and trials.csv read the dose as "1×10^6 CAR-T cells/kg/kg"
DOSE = """\
arms:
  - label: CAR-T cell therapy group
    cohorts:
      - dose: {{value: 1000000, unit: {unit}, basis: {basis}}}
evidence:
  arms.0.cohorts.0: "{quote}"
"""


@pytest.mark.parametrize(
    ("words", "unit", "basis", "codes"),
    [
        ("1×10^6 CAR-T cells/kg", "CAR-T cells/kg", "PER_KG", {"E508"}),
        ("1×10^6 CAR-T cells per kg", "CAR-T cells per kg", "PER_KG", {"E508"}),
        ("1×10^6 CAR-T cells/kg", "CAR-T cells", "PER_KG", set()),
        ("1×10^6/kg CAR-T cells", "CAR-T cells", "PER_KG", set()),
    ],
)
def test_a_per_kilogram_basis_written_in_the_unit_too_is_refused(
    registry: Path, words: str, unit: str, basis: str, codes: set[str]
) -> None:
    source = add_source(
        registry, "seeds/985_hunt31_dose.txt", f"{IM19_TITLE_LINE}\n{AS_OF_LINE}CAR-T cell therapy group: {words}.\n"
    )
    put(registry, IM19_PATH, joined(im19_draft(source), DOSE.format(unit=unit, basis=basis, quote=words)))
    assert mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH)) == codes


# --- a cohort's label running into its dose's words -----------------------------------------------

# A label written whole in its dose's quote was the label before (or after) the dose even where it held
# the dose itself: "Dose level 2: 3×10^6 CAR-T cells/kg" passed as the second cohort's label
AFTER = "1×10^6 CAR-T cells/kg (Dose level 1), 3×10^6 CAR-T cells/kg (Dose level 2)."


@pytest.mark.parametrize(
    ("text", "labels", "quotes", "codes"),
    [
        (LEVELS, ("Dose level 1", "Dose level 2: 3×10^6 CAR-T cells/kg"), tuple(LEVELS[:-1].split(". ")), {"E508"}),
        (AFTER, ("Dose level 1", "CAR-T cells/kg (Dose level 2)"), (AFTER, AFTER), {"E508"}),
        (AFTER, ("Dose level 1", "Dose level 2"), (AFTER, AFTER), set()),
    ],
)
def test_a_label_running_into_its_dose_is_refused(
    registry: Path, text: str, labels: tuple[str, str], quotes: tuple[str, str], codes: set[str]
) -> None:
    assert _labels_codes(registry, text, labels, quotes) == codes


# --- a cohort's dose quoted from another arm's words in a plain document ------------------------------

# A layout holds a cohort's quote to its arm's row; a plain document gives no arm a row, and arm A's
# cohort passed with arm B's dose, quoted from "Arm B (high dose): patients receive 5×10^6 ..."
ARMS = (
    "Arm A (low dose): patients receive 1×10^6 CAR-T cells/kg. "
    "Arm B (high dose): patients receive 5×10^6 CAR-T cells/kg."
)
NEITHER = (
    "Arm A (low dose) and Arm B (high dose) are two levels. "
    "Patients receive 1×10^6 CAR-T cells/kg or 5×10^6 CAR-T cells/kg."
)
TWO_ARMS = """\
arms:
  - label: Arm A (low dose)
    cohorts:
      - dose: {{value: {first}, unit: CAR-T cells, basis: PER_KG}}
  - label: Arm B (high dose)
    cohorts:
      - dose: {{value: {second}, unit: CAR-T cells, basis: PER_KG}}
evidence:
  arms.0.cohorts.0: "{one}"
  arms.1.cohorts.0: "{two}"
"""
LOW, HIGH = ARMS[:-1].split(". ")


@pytest.mark.parametrize(
    ("text", "doses", "quotes", "codes"),
    [
        (ARMS, (5000000, 1000000), (HIGH, LOW), {"E512"}),
        (ARMS, (5000000, 5000000), ("5×10^6 CAR-T cells/kg", HIGH), {"E512"}),
        (ARMS, (1000000, 5000000), (LOW, HIGH), set()),
        (ARMS, (1000000, 5000000), ("1×10^6 CAR-T cells/kg", "5×10^6 CAR-T cells/kg"), set()),
        # a sentence naming no arm may give either arm's dose
        (NEITHER, (1000000, 5000000), ("1×10^6 CAR-T cells/kg", "5×10^6 CAR-T cells/kg"), set()),
    ],
)
def test_a_dose_quoted_from_another_arms_words_is_refused(
    registry: Path, text: str, doses: tuple[int, int], quotes: tuple[str, str], codes: set[str]
) -> None:
    source = add_source(registry, "seeds/986_hunt31_arms.txt", f"{IM19_TITLE_LINE}\n{AS_OF_LINE}{text}\n")
    tail = TWO_ARMS.format(first=doses[0], second=doses[1], one=quotes[0], two=quotes[1])
    put(registry, IM19_PATH, joined(im19_draft(source), tail))
    assert mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH)) == codes


# --- sites and officials in another order than a plain document's sentences give them ------------

# No source gives them as rows, so their order was held to nothing: a press release's "2 sites: Peking
# University Third Hospital in Beijing, China and Ruijin Hospital in Shanghai, China" passed with Ruijin
# Hospital first, and its two officials' sentences in reverse too
PEOPLE_AND_PLACES = (
    "Principal Investigator: Mu Rong, Peking University Third Hospital. Study Chair: Wei Li, Ruijin Hospital.\n"
    "The study runs at 2 sites: Peking University Third Hospital in Beijing, China and Ruijin Hospital in "
    "Shanghai, China.\n"
)
SITES = [("Peking University Third Hospital", "Beijing"), ("Ruijin Hospital", "Shanghai")]
AFFILIATIONS = {"Mu Rong": "Peking University Third Hospital", "Wei Li": "Ruijin Hospital"}
OFFICIALS = [("Mu Rong", "PRINCIPAL_INVESTIGATOR", "Principal Investigator"), ("Wei Li", "STUDY_CHAIR", "Study Chair")]


def _listed_codes(
    registry: Path, text: str, sites: list[tuple[str, str]], officials: list[tuple[str, str, str]]
) -> set:
    source = add_source(registry, "seeds/987_hunt31_sites.txt", f"{IM19_TITLE_LINE}\n{AS_OF_LINE}{text}")
    held = "locations:\n" + "".join(f"  - facility: {f}\n    city: {c}\n    country: China\n" for f, c in sites)
    held += "officials:\n" + "".join(
        f"  - name: {n}\n    role: {r}\n    affiliation: {AFFILIATIONS[n]}\n" for n, r, _ in officials
    )
    held += "evidence:\n" + "".join(f'  officials.{i}.role: "{w}: {n}"\n' for i, (n, _, w) in enumerate(officials))
    put(registry, IM19_PATH, joined(im19_draft(source), held))
    return mutations.Checks(registry).codes(IM19_PATH, record_data(registry / IM19_PATH, IM19_PATH))


@pytest.mark.parametrize(
    ("sites", "officials", "codes"),
    [
        (SITES, OFFICIALS, set()),
        (SITES[::-1], OFFICIALS, {"E533"}),
        (SITES, OFFICIALS[::-1], {"E533"}),
    ],
)
def test_sites_and_officials_in_another_order_than_the_sentences_are_refused(
    registry: Path, sites: list[tuple[str, str]], officials: list[tuple[str, str, str]], codes: set[str]
) -> None:
    assert _listed_codes(registry, PEOPLE_AND_PLACES, sites, officials) == codes


def test_sites_a_document_names_in_both_orders_may_stand_in_either(registry: Path) -> None:
    text = (
        PEOPLE_AND_PLACES
        + "Ruijin Hospital in Shanghai, China and Peking University Third Hospital in Beijing, China.\n"
    )
    assert _listed_codes(registry, text, SITES[::-1], OFFICIALS) == set()
