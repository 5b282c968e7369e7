"""Pull-request attacks on a trial's fields read from a sentence about another trial or product.

A press release (a plain document) or a ClinConnect page's summary states its trial's phase,
enrollment, conditions and product in prose, and often another's in the next sentence: "Northbridge's
earlier antibody, NB-201, was evaluated in a Phase 2 trial in multiple myeloma, which completed
enrollment of 120 participants in 2024." A draft read the phase PHASE2, the enrollment 120, the
condition "multiple myeloma" and the product NB-201 from it and passed. A trial-level field is now
read from the sentences about the trial: not one naming a product code the document does not give
the trial (in its title or beside its id), nor the words after "an earlier study", "another product".
A sentence about a trial besides this one names no other product, disease or earlier study as often
as it does: "Northbridge also sponsors a Phase 2 trial that enrolled 120 participants", "A second
trial ...", "Northbridge plans to initiate a Phase 2 trial ...", "Its pipeline includes Phase 2
programs ...", "Other CAR-T therapies, such as those targeting BCMA, are allogeneic" gave the trial
Phase 2, 120, an allogeneic product targeting BCMA; they
now speak of this trial only up to those words, unless the words after them name the trial's id.
A place the release names as no site is none: "NB-301 is manufactured in Berlin, Germany",
"headquartered in", "offices in", "presented at the EULAR congress in" gave the trial a site in
Berlin.
An outcome's time frame is the one the release gives its measure: "SRI-4 response at week 24 and
safety at month 6" gave SRI-4 response month 6, and a time frame of any sentence passed.
A disease the release does not give the trial (in its title and id sentence) is no condition, even
in a sentence naming the trial's product: "Northbridge also develops NB-301 for myositis".
A therapy the participants had before, or the product is compared with, is no intervention:
"Participants must have failed treatment with belimumab" gave the trial the intervention belimumab.
An official is one the release names the trial's investigator, chair or lead, not any person it
quotes: "said Jane Smith, Chief Medical Officer of Northbridge" gave the trial an official.
A date of another event is none of the trial's, whatever a note reads it as: "Northbridge expects
to report topline data in December 2027" passed as the completion date with a note, and the
release's dateline ("BOSTON, Dec. 1, 2026 --") as its start.
A partner is no sponsor: "Northbridge licensed NB-301 from Acme Bio" gave the trial the sponsor Acme Bio.
The people a disease affects are no enrollment: "Lupus affects about 300,000 patients in the United
States" gave the trial 300,000 participants.
A site's texts are one site's: "Columbus, Ohio, and at Charité in Berlin, Germany" gave a site the
city Columbus and the country Germany.
And an outcome of one kind is not read from a sentence naming only another kind's ("Secondary
endpoints include safety at month 6." gave the trial a primary outcome).
A sentence naming the trial's product and disease and only another phase is another trial's:
"Northbridge is running a Phase 2 trial of NB-301 in lupus nephritis that enrolled 120" gave a
Phase 1 trial of NB-301 in lupus the phase and enrollment of that one.
An official's affiliation is the one written with that official's name: "led by Anna Berg of Charité
and Tom Hale of Columbus University" gave Anna Berg the affiliation Columbus University. The sentence
after the one naming the official last may go on about them: "The trial is led by Anna Berg. She is a
professor at Charité." refused Anna Berg of Charité. Only a sentence opening with a pronoun or the
official's surname goes on, naming no one the sentence before does not: "... led by Anna Berg at
Northbridge. The company's chief executive, Tom Hale, said ..." passed the official Tom Hale.
A date's label written after it is its label: "2024-07-30 (completion)" passed as the start date,
read as an unlabelled date with a note.
A city listed before another shares the region or country written after both: "sites in Berlin
and Munich, Germany" left Berlin with no country. "Berlin, Munich and Hamburg, Germany" is written as
"Columbus, Ohio and Berlin, Germany" is, and the record's own sites may not say which: read so, a
record of Columbus, Ohio and Berlin, all in Germany, vouched for itself. A sentence going
on about the site the sentence before it names last places it: "... at Northbridge University
Hospital. The hospital is in Columbus."
A time before a measure is its time frame where the first time after it is another item's: "At week
24, the primary endpoints are SRI-4 response and safety at month 6" refused SRI-4 response at week 24.
A basket trial's other autoimmune diseases, where its sentences enrol them, are its own: "in SLE and
other autoimmune diseases ... The trial enrolls patients with systemic sclerosis" refused the condition.
An abbreviation ends no sentence naming the product: "NB-301 (from Acme Corp. and targeting BCMA)"
left BCMA in a piece of text naming no product.
A sentence bringing a trial in ("A trial in myositis enrolled 120 participants", "A Phase 1 trial of
NB-301 in SLE ...") and naming no id is about another trial: of a basket trial's release it gave the
trial myositis and 120 participants, and of a release whose title gives no phase, another trial's
enrolment with the same product, disease and phase. Naming all the trial is (its product, disease
and phase, each the document gives it), it is the trial's: the release's own "A Phase 1 trial of
NB-301 in refractory systemic lupus erythematosus will enroll 24 patients." refused the enrollment 24.
So is one bringing it in anywhere, naming too little to tell it this trial: "NB-301 was studied in a
trial in SLE that enrolled 120 participants" gave NB-301's Phase 2 trial 120.
A headline ends its sentence at its line's end: run into "Lupus affects about 300,000 patients", its
"Trial" made the people lupus affects an enrolment. A heading, or a sentence about another trial before
a list, holds the lines under it; a list's line's "manufactured in" reaches its line only ("- NB-301
manufactured in Boston" then "- Enrolling at sites in Berlin, Germany" refused Berlin). A population
"eligible" for a therapy is no enrolment. An institution's capitalised words in the sentence going on
about an official name no person ("She is at Columbus University." refused the affiliation), and that
sentence names no official ("She is a professor at Charité." passed an official named Charité).
A sentence of another trial holds what its stop or semicolon runs into in lower case: "NB-201 was tested
in multiple myeloma." then a blank line and "its study enrolled 120 participants." passed 120. A list
line's cue ends at its line only where it names its place before a clause of its own: "- NB-301 is
manufactured at two facilities" then "- Berlin, Germany" passed Berlin, "- Prior therapies" then
"- Belimumab" the intervention Belimumab. A title naming nothing runs on into the list after it: cut at
"Northbridge Therapeutics, Inc.", another phase's enrolment passed.
A list's mark ends no sentence after a colon, nor any mark at a line's start ("a.", "ii.", "100."):
"Northbridge also runs a second trial:" then "1. It enrolled 120 participants." passed 120. A label
naming the trial makes no population an enrolment ("Trial design: Lupus affects about 300,000
patients"). A sentence naming the trial's id and nothing else runs on into the list after it, but
for its lines about another trial: "The trial is NCT…." then "- Phase 1, 24 patients." gave the
trial no phase, and another phase's enrolment passed. A facility's line runs on into the places on
the line after it: read as a headline's, "Northbridge University Hospital" was cut from "Columbus,
United States", and the site refused.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA_ROOT, RELMA_PATH, Trials, edit
from sle_trials import paths
from sle_trials.checks import evidence, load

NCT = "NCT09000099"
SOURCE = "seeds/952_press.txt"
TITLE = "Northbridge Therapeutics Doses First Patient in Phase 1 Trial of NB-301 in Systemic Lupus Erythematosus"
OWN = (
    f"Northbridge Therapeutics today announced that the first patient has been dosed in its Phase 1 trial ({NCT}) "
    "of NB-301, an autologous CD19 CAR-T cell therapy, in refractory systemic lupus erythematosus."
)
EARLIER = (
    "Northbridge's earlier antibody, NB-201, was evaluated in a Phase 2 trial in multiple myeloma, "
    "which completed enrollment of 120 participants in 2024."
)
SCHEMA = paths.load_schema(DATA_ROOT)


def _codes(tmp_path: Path, text: str, fields: dict[str, Any], quotes: dict[str, str]) -> set[str]:
    """The evidence checks' codes for a draft of NCT citing a press release of text (in memory but
    for its source)."""
    data = _draft(fields, quotes)
    (tmp_path / "seeds").mkdir(exist_ok=True)
    (tmp_path / "seeds" / "SHA256SUMS").write_text(
        f"{hashlib.sha256(text.encode()).hexdigest()}  {Path(SOURCE).name}\n", encoding="utf-8"
    )
    return {p.code for p in _checked(tmp_path, text, data)}


def _enrolled_120(tmp_path: Path, text: str) -> set[str]:
    """_codes of a draft whose source is text, holding an enrollment of 120 quoted "enrolled 120
    participants": the number another trial's sentence gives, in the attacks on what is this trial's."""
    quotes = {"enrollment.count": "enrolled 120 participants"}
    return _codes(tmp_path, text, {"enrollment": {"count": 120}}, quotes)


def _draft(fields: dict[str, Any], quotes: dict[str, str]) -> dict[str, Any]:
    """A draft of NCT citing SOURCE, a press release, with fields and their quotes."""
    return {
        "nct_id": NCT,
        "brief_title": "NB-301",
        "curation": {
            "status": "draft",
            "sources": [{"file": SOURCE, "kind": "PRESS_RELEASE", "as_of": "2026-12-01"}],
        },
        **fields,
        "evidence": {"curation.sources.0.as_of": "Last Updated: 2026-12-01", **quotes},
    }


def _checked(tmp_path: Path, text: str, data: dict[str, Any]) -> list:
    """The evidence checks' problems of the record data of NCT, in memory, citing SOURCE, a file of text."""
    (tmp_path / "seeds").mkdir(exist_ok=True)
    (tmp_path / SOURCE).write_text(text, encoding="utf-8")
    return evidence.check(load.Record(f"trials/{NCT}.yaml", data), SCHEMA, tmp_path)


def _noted(tmp_path: Path, text: str, name: str, date: str, quote: str) -> set[str]:
    """The evidence checks' codes for a draft of NCT giving dates.name the date of quote, with a note
    saying it reads the unlabelled date so (its reading, which E510 asks for)."""
    curation = {
        "status": "draft",
        "sources": [{"file": SOURCE, "kind": "PRESS_RELEASE"}],
        "notes": [{"field": "dates", "text": f"The release's {quote} is read as the {name} date."}],
    }
    data = {"nct_id": NCT, "brief_title": "NB-301", "curation": curation, "dates": {name: {"date": date}}}
    data["evidence"] = {f"dates.{name}.date": quote}
    return {p.code for p in _checked(tmp_path, text, data)}


def _press(*sentences: str) -> str:
    return f"{TITLE}\nLast Updated: 2026-12-01\n" + "\n".join(sentences) + "\n"


OTHERS: dict[str, tuple[dict[str, Any], dict[str, str]]] = {  # each field read from the sentence about NB-201
    "phases": ({"phases": ["PHASE2"]}, {"phases": "a Phase 2 trial in multiple myeloma"}),
    "enrollment": (
        {"enrollment": {"count": 120}},
        {"enrollment.count": "completed enrollment of 120 participants"},
    ),
    "conditions": ({"conditions": ["multiple myeloma"]}, {}),
    "product": ({"interventions": [{"name": "NB-201"}], "cell_product": {"name": "NB-201"}}, {}),
}


BY_WORDS_AND_CODE = EARLIER
BY_CODE = EARLIER.replace("earlier antibody, NB-201,", "antibody NB-201")
BY_WORDS = EARLIER.replace(", NB-201,", "")  # "earlier antibody": no other product named
# by its disease alone: the press release gives its trial lupus, this sentence myeloma
BY_DISEASE = (
    "The company's antibody was evaluated in a Phase 2 trial in multiple myeloma, "
    "which completed enrollment of 120 participants in 2024."
)


@pytest.mark.parametrize(
    ("other", "field"),
    [(other, field) for other in (BY_WORDS_AND_CODE, BY_CODE) for field in sorted(OTHERS)]
    + [(other, field) for other in (BY_WORDS, BY_DISEASE) for field in ("conditions", "enrollment", "phases")],
)
def test_a_sentence_about_another_product_states_nothing_of_the_trial(tmp_path: Path, other: str, field: str) -> None:
    values, quotes = OTHERS[field]
    assert _codes(tmp_path, _press(OWN, other), values, quotes) == {"E512"}


# Sentences about a trial besides this one that name no other product, disease, earlier or another
# study: one more, one the sponsor also runs, one it plans, one after "Separately,".
BESIDES = [
    "Northbridge also sponsors a Phase 2 trial that enrolled 120 participants.",
    "NB-301 is also being evaluated in a Phase 2 trial that enrolled 120 participants.",
    "A second trial, a Phase 2 study, enrolled 120 participants.",
    "An additional Phase 2 study enrolled 120 participants.",
    "Northbridge plans to initiate a Phase 2 trial that will enroll 120 participants.",
    "The company expects to advance NB-301 into a Phase 2 study of 120 participants.",
    "A Phase 2 trial of 120 participants is planned for 2027.",
    "Separately, a Phase 2 trial enrolled 120 participants.",
    "Its pipeline includes Phase 2 programs that enrolled 120 participants.",
]


@pytest.mark.parametrize("other", BESIDES)
def test_a_sentence_about_a_trial_besides_this_one_states_nothing_of_it(tmp_path: Path, other: str) -> None:
    data = {"phases": ["PHASE2"], "enrollment": {"count": 120}}
    quotes = {"phases": "Phase 2", "enrollment.count": "120 participants"}
    record = {
        "nct_id": NCT,
        "brief_title": "NB-301",
        "curation": {"status": "draft", "sources": [{"file": SOURCE, "kind": "PRESS_RELEASE"}]},
        **data,
        "evidence": quotes,
    }
    problems = _checked(tmp_path, _press(OWN, other), record)
    said = sorted((p.code, p.message.split(":")[0]) for p in problems)
    assert said == [("E512", "evidence for enrollment.count"), ("E512", "evidence for phases")], problems


@pytest.mark.parametrize(
    "other",
    [
        "Other CAR-T therapies, such as those targeting BCMA, are allogeneic.",
        "Northbridge's pipeline includes allogeneic CAR-T cells targeting BCMA.",
        "Approved allogeneic CAR-T therapies target BCMA.",
    ],
)
def test_a_sentence_about_other_therapies_states_nothing_of_the_product(tmp_path: Path, other: str) -> None:
    product = {"name": "NB-301", "origin": "ALLOGENEIC", "target_antigens": ["BCMA"]}
    quotes = {"cell_product.origin": "allogeneic", "cell_product.target_antigens": "BCMA"}
    assert _codes(tmp_path, _press(OWN, other), {"cell_product": product}, quotes) == {"E512"}


@pytest.mark.parametrize(
    ("sentence", "values", "quotes"),
    [
        (  # the trial's own sentence
            "The Phase 1 trial of NB-301 in SLE enrolled 24 participants.",
            {"phases": ["PHASE1"], "enrollment": {"count": 24}, "interventions": [{"name": "NB-301"}]},
            {"phases": "The Phase 1 trial", "enrollment.count": "enrolled 24 participants"},
        ),
        (  # a prior therapy is the trial's participants', not another trial
            "The Phase 1 trial enrolled 24 participants whose lupus had not responded to prior therapies.",
            {"phases": ["PHASE1"], "enrollment": {"count": 24}},
            {"phases": "The Phase 1 trial", "enrollment.count": "enrolled 24 participants"},
        ),
        (  # the trial's own earlier phase
            "The trial's earlier dose-escalation phase enrolled 12 participants before the Phase 1 expansion.",
            {"phases": ["PHASE1"], "enrollment": {"count": 12}},
            {"phases": "the Phase 1 expansion", "enrollment.count": "enrolled 12 participants"},
        ),
        (  # the product by another code, in the trial's disease: the trial's (the IM19 page writes "IC19" once)
            "The NB301 CAR-T therapy for refractory lupus enrolled 24 participants.",
            {"enrollment": {"count": 24}},
            {"enrollment.count": "enrolled 24 participants"},
        ),
        (  # words of the trial's own: more of its sites, its plan, its id after words of a planned trial
            "The trial will open additional study sites and is expected to enroll 24 participants in Phase 1.",
            {"phases": ["PHASE1"], "enrollment": {"count": 24}},
            {"phases": "Phase 1", "enrollment.count": "enroll 24 participants"},
        ),
        (
            f"Northbridge plans to initiate a Phase 1 trial ({NCT}) that will enroll 24 participants.",
            {"phases": ["PHASE1"], "enrollment": {"count": 24}},
            {"phases": "a Phase 1 trial", "enrollment.count": "enroll 24 participants"},
        ),
        (  # the trial's words before it turns to an earlier study
            "This Phase 1 trial of NB-301 enrolled 24 participants, building on an earlier study of NB-201.",
            {"phases": ["PHASE1"], "enrollment": {"count": 24}, "conditions": ["systemic lupus erythematosus"]},
            {"phases": "This Phase 1 trial", "enrollment.count": "enrolled 24 participants"},
        ),
    ],
)
def test_the_trials_own_sentences_state_its_fields(
    tmp_path: Path, sentence: str, values: dict, quotes: dict[str, str]
) -> None:
    assert _codes(tmp_path, _press(OWN, EARLIER, sentence), values, quotes) == set()


OUTCOMES_AND_SITES = (
    "The primary endpoint is SRI-4 response at week 24. "
    "NB-301 is given at Northbridge University Hospital in Columbus, Ohio.",
    "NB-201's primary endpoint was overall response at month 3, assessed at sites in Berlin, Germany.",
)


@pytest.mark.parametrize(
    ("values", "codes"),
    [
        ({"outcomes": {"primary": [{"measure": "overall response", "time_frame": "month 3"}]}}, {"E512"}),
        ({"locations": [{"city": "Berlin", "country": "Germany"}]}, {"E512"}),
        ({"outcomes": {"primary": [{"measure": "SRI-4 response", "time_frame": "week 24"}]}}, set()),
        ({"locations": [{"facility": "Northbridge University Hospital", "city": "Columbus"}]}, set()),
    ],
)
def test_another_products_outcome_and_sites_are_not_the_trials(tmp_path: Path, values: dict, codes: set[str]) -> None:
    assert _codes(tmp_path, _press(OWN, *OUTCOMES_AND_SITES), values, {}) == codes


@pytest.mark.parametrize(
    ("sentence", "condition", "codes"),
    [  # the trial's product in a disease its title and id sentence do not give the trial: another trial's
        ("Northbridge also develops NB-301 for myositis.", "myositis", {"E512"}),
        ("NB-301 is being developed for lupus nephritis and myositis.", "myositis", {"E512"}),
        ("NB-301 is being developed for lupus nephritis and myositis.", "lupus nephritis", set()),
    ],
)
def test_the_products_other_disease_is_no_condition(tmp_path: Path, sentence: str, condition: str, codes: set) -> None:
    assert _codes(tmp_path, _press(OWN, sentence), {"conditions": [condition]}, {}) == codes


# a therapy the participants had before, or the product is set against, is neither an intervention of the
# trial nor its product
THERAPIES = [
    ("Participants must have failed treatment with belimumab.", "belimumab", {"E512"}),
    ("Patients whose lupus did not respond to rituximab receive NB-301.", "rituximab", {"E512"}),
    ("Unlike approved therapies such as belimumab, NB-301 is given once.", "belimumab", {"E512"}),
    # the words going on about that therapy (a ClinConnect summary's)
    (
        "Lupus stays active despite standard treatments, which may include corticosteroids.",
        "corticosteroids",
        {"E512"},
    ),
    ("Patients failed prior therapies, including belimumab.", "belimumab", {"E512"}),
    # a list's lines under a list's line naming none
    ("- Prior therapies\n- Belimumab\n- Rituximab", "Belimumab", {"E512"}),
    # what the trial gives, beside such words
    ("Patients refractory to standard therapy, who receive fludarabine, are dosed.", "fludarabine", set()),
    ("Prior to infusion, patients receive fludarabine and cyclophosphamide.", "cyclophosphamide", set()),
    ("Patients failed belimumab.\n\nThe trial gives NB-301 after fludarabine.", "fludarabine", set()),
]


@pytest.mark.parametrize(("sentence", "name", "codes"), THERAPIES)
def test_a_prior_or_compared_therapy_is_no_intervention(tmp_path: Path, sentence: str, name: str, codes: set) -> None:
    assert _codes(tmp_path, _press(OWN, sentence), {"interventions": [{"name": name}]}, {}) == codes


# ... and as the product's name: a drug given beside the cells is no cell product's (product_names.py)
PRODUCT_THERAPIES = [
    *(row for row in THERAPIES if row[2]),
    ("Patients refractory to standard therapy, who receive NB-301, are dosed.", "NB-301", set()),
    ("Prior to infusion of NB-301, patients receive fludarabine and cyclophosphamide.", "NB-301", set()),
    ("Patients failed belimumab.\n\nThe trial gives NB-301 after fludarabine.", "NB-301", set()),
    ("Patients failed belimumab.\n\nThe trial gives NB-301 after fludarabine.", "fludarabine", {"E512"}),
]


@pytest.mark.parametrize(("sentence", "name", "codes"), PRODUCT_THERAPIES)
def test_a_prior_or_compared_therapy_is_no_product(tmp_path: Path, sentence: str, name: str, codes: set) -> None:
    """Relma-cel's record passed with its product named "corticosteroids", from its ClinConnect
    summary's "despite standard treatments, which may include medications like corticosteroids": the
    words naming a therapy had before were cut from the sentences stating an intervention, not the
    product."""
    assert _codes(tmp_path, _press(OWN, sentence), {"cell_product": {"name": name}}, {}) == codes


@pytest.mark.parametrize(
    ("sentence", "official", "codes"),
    [  # a company's officer or an analyst quoted is no official of the trial
        ('"We are excited," said Jane Smith, Chief Medical Officer of Northbridge.', {"name": "Jane Smith"}, {"E512"}),
        ("Jane Smith, an analyst at Acme Capital, said the data were promising.", {"name": "Jane Smith"}, {"E512"}),
        # one the release names the trial's investigator, chair or lead
        ('"A milestone," said John Doe, principal investigator of the trial.', {"name": "John Doe"}, set()),
        ("The trial is led by John Doe of Columbus University.", {"name": "John Doe"}, set()),
    ],
)
def test_an_official_is_named_as_the_trials(tmp_path: Path, sentence: str, official: dict, codes: set) -> None:
    assert _codes(tmp_path, _press(OWN, sentence), {"officials": [official]}, {}) == codes


@pytest.mark.parametrize(
    ("sentence", "name", "date", "quote", "codes"),
    [  # the date of the trial's data, of the sponsor or of the product's approval is no trial date
        (
            "Northbridge expects to report topline data in December 2027.",
            "completion",
            "2027-12",
            "December 2027",
            {"E512"},
        ),
        ("Data will be presented at a meeting in June 2027.", "primary_completion", "2027-06", "June 2027", {"E512"}),
        ("Northbridge was founded in March 2015.", "start", "2015-03", "March 2015", {"E512"}),
        ("NB-301 received Fast Track designation in May 2025.", "start", "2025-05", "May 2025", {"E512"}),
        (
            "BOSTON, Dec. 1, 2026 -- Northbridge announced the first dosing.",
            "start",
            "2026-12-01",
            "Dec. 1, 2026",
            {"E512"},
        ),
        # the trial's own, beside such words
        (
            "The trial began in March 2026, and topline data are expected in 2027.",
            "start",
            "2026-03",
            "March 2026",
            set(),
        ),
        ("The trial is expected to complete in December 2027.", "completion", "2027-12", "December 2027", set()),
    ],
)
def test_another_events_date_is_no_trial_date(
    tmp_path: Path, sentence: str, name: str, date: str, quote: str, codes: set[str]
) -> None:
    assert _noted(tmp_path, _press(OWN, sentence), name, date, quote) == codes


@pytest.mark.parametrize(
    ("sentence", "sponsor", "codes"),
    [  # a licensor, a partner or an owner is no sponsor
        ("Northbridge licensed NB-301 from Acme Bio.", "Acme Bio", {"E512"}),
        ("Northbridge is developing NB-301 in collaboration with Acme Bio.", "Acme Bio", {"E512"}),
        ("Northbridge was acquired by Acme Bio in 2025.", "Acme Bio", {"E512"}),
        ("Northbridge licensed NB-301 from Acme Bio.", "Northbridge Therapeutics", set()),
        # ... nor a funder, a supplier or a CRO: "funded by Acme Bio" gave the trial the sponsor Acme Bio
        ("The trial is funded by Acme Bio.", "Acme Bio", {"E512"}),
        ("The trial is supported by a grant from Acme Bio.", "Acme Bio", {"E512"}),
        ("The vectors are supplied by Acme Bio.", "Acme Bio", {"E512"}),
        ("The CRO Acme Bio manages the sites.", "Acme Bio", {"E512"}),
        ("Northbridge sponsors the trial, funded by Acme Bio.", "Northbridge Therapeutics", set()),
    ],
)
def test_a_partner_is_no_sponsor(tmp_path: Path, sentence: str, sponsor: str, codes: set[str]) -> None:
    assert _codes(tmp_path, _press(OWN, sentence), {"sponsor": {"name": sponsor}}, {}) == codes


@pytest.mark.parametrize(
    ("sentence", "count", "codes"),
    [  # the people a disease affects, or a product has been given to, are no trial's participants
        ("Lupus affects about 300,000 patients in the United States.", "300,000 patients", {"E512"}),
        ("An estimated 1,500 participants worldwide have received CAR-T therapy.", "1,500 participants", {"E512"}),
        ("The trial will enroll 24 patients living with refractory lupus.", "24 patients", set()),
        ("About 1.5 million Americans live with lupus. The trial will enroll 24 patients.", "24 patients", set()),
    ],
)
def test_a_diseases_population_is_no_enrollment(tmp_path: Path, sentence: str, count: str, codes: set[str]) -> None:
    number = int(count.split()[0].replace(",", ""))
    assert (
        _codes(tmp_path, _press(OWN, sentence), {"enrollment": {"count": number}}, {"enrollment.count": count}) == codes
    )


POPULATION = "Lupus affects about 300,000 patients in the United States."
UPDATED = "Last Updated: 2026-12-01"


@pytest.mark.parametrize(
    "text",
    [  # a headline and its date line, each ending with no stop, before the people lupus affects
        _press(POPULATION, OWN),
        f"{TITLE}\n{POPULATION}\n{OWN}\n{UPDATED}\n",
        f"{TITLE.upper()}\n{POPULATION}\n{OWN}\n{UPDATED}\n",
        f"{TITLE}\n\n{POPULATION}\n{OWN}\n{UPDATED}\n",
        f"{TITLE.replace('Phase 1 Trial', 'Phase I Study')}\n{UPDATED}\n{POPULATION}\n{OWN}\n",
        # a list's lines, each ending with no stop
        f"{TITLE}\n{UPDATED}\n{OWN}\nHighlights\n- Phase 1 trial dosing\n- {POPULATION[:-1]}\n",
        f"{TITLE}\n{UPDATED}\n{OWN}\n1. Trial enrolling\n2. {POPULATION}\n",
    ],
)
def test_a_headline_runs_into_no_population_sentence(tmp_path: Path, text: str) -> None:
    """Before: the release's headline ("... Phase 1 Trial of NB-301 ...") and its date line end with no
    stop: read as one sentence with the line after them, the headline's "Trial" made the people lupus
    affects an enrolment, and 300,000 passed as the trial's enrollment. A line ending a sentence is
    now marked at its own place (sentences.line_ends; 3a65178 cut the same words anywhere, reverted)."""
    fields, quotes = {"enrollment": {"count": 300000}}, {"enrollment.count": "300,000 patients"}
    assert _codes(tmp_path, text, fields, quotes) == {"E512"}


@pytest.mark.parametrize(
    "text",
    [  # a sentence broken across lines is read whole
        _press(OWN, "Across 12 sites in the United States, 24 patients will be\nenrolled in the trial."),
        _press(OWN, "In the United States, the Phase 1 trial\nWill Enroll 24 patients."),
        _press(OWN, "- The trial will enroll 24 patients\n  in the United States."),
    ],
)
def test_a_sentence_broken_across_lines_is_read_whole(tmp_path: Path, text: str) -> None:
    # Hard-wrapped prose: the enrolment's words are on the line after the count's; cut at the line, the
    # count stood in a sentence about the people of the United States, and was no enrolment.
    assert _codes(tmp_path, text, {"enrollment": {"count": 24}}, {"enrollment.count": "24 patients"}) == set()


def test_a_line_ends_sentence_ends_no_sentence_elsewhere(tmp_path: Path) -> None:
    # The page's last line "A second trial" ends a sentence with no stop: cut wherever a sentence
    # starts with those words (3a65178), the body's "A second trial of NB-301 in lupus enrolled 120
    # participants." lost the words making it another trial's, and its 120 passed as the trial's.
    body = "A second trial of NB-301 in lupus enrolled 120 participants."
    text = _press(OWN, body, "", "Contact", "", "A second trial", "")
    assert _enrolled_120(tmp_path, text) == {"E512"}


@pytest.mark.parametrize(
    "block",
    [
        "EARLIER STUDY OF NB-201\nThe study enrolled 120 participants.",
        "Earlier study of NB-201:\nThe study enrolled 120 participants.",
        "Earlier study of NB-201: Phase 2\nThe study enrolled 120 participants.",
        "NB-201 in multiple myeloma\n\nThe study enrolled 120 participants.",
        # its list's lines, each a sentence of its own
        "EARLIER STUDY OF NB-201\n- Phase 2\n- The study enrolled 120 participants.",
        "Earlier study of NB-201:\n- Phase 2\n- The study enrolled 120 participants.",
        "Another Phase 2 Trial\n1. Multiple myeloma\n2. The study enrolled 120 participants.",
        "- NB-201 in multiple myeloma\n- The study enrolled 120 participants.",
        # a list's lines ending in stops, under a heading or a sentence about another trial
        "EARLIER STUDY OF NB-201\n- Phase 2.\n- The study enrolled 120 participants.",
        "Northbridge also runs a second trial.\n- It is a Phase 2 trial.\n- The study enrolled 120 participants.",
        "NB-201 was tested in multiple myeloma.\n1. Phase 2.\n2. The study enrolled 120 participants.",
        # a line after a blank line its stop alone ends no sentence before (no capital): one sentence
        "NB-201 was tested in multiple myeloma.\n\nits study enrolled 120 participants.",
        "Northbridge also runs a second trial.\n\nthe study enrolled 120 participants.",
        "Northbridge also runs a second trial.\n- It is Phase 2.\n\n2024: the study enrolled 120 participants.",
        # nor a semicolon before words in lower case (main passed these too)
        "NB-201 was tested in multiple myeloma; its study enrolled 120 participants.",
        "Northbridge also runs a second trial; it enrolled 120 participants.",
    ],
)
def test_a_heading_about_another_trial_holds_the_lines_under_it(tmp_path: Path, block: str) -> None:
    # A heading naming another trial (another product, another disease) makes the sentence under it
    # that trial's: cut off at the heading's line end (3a65178), "The study enrolled 120 participants."
    # read as the trial's own, and 120 passed as its enrollment.
    assert _enrolled_120(tmp_path, _press(OWN, block)) == {"E512"}


SITE = "NB-301 is given at Northbridge University Hospital in Columbus, Ohio."
BERLIN = {"city": "Berlin", "country": "Germany"}


@pytest.mark.parametrize(
    ("sentence", "site", "codes"),
    [  # where the product is made, the sponsor's seat or offices: no site of the trial
        ("NB-301 is manufactured in Berlin, Germany.", BERLIN, {"E512"}),
        ("NB-301 is produced at a GMP facility in Berlin, Germany.", BERLIN, {"E512"}),
        ("Cells are shipped to Northbridge's manufacturing facility in Berlin, Germany.", BERLIN, {"E512"}),
        ("Northbridge Therapeutics, headquartered in Berlin, Germany, is a clinical-stage company.", BERLIN, {"E512"}),
        ("Northbridge is a biotechnology company based in Berlin, Germany.", BERLIN, {"E512"}),
        ("The company has offices in Berlin, Germany and Boston.", {"city": "Boston"}, {"E512"}),
        # where the trial's data are presented
        ("Data from the trial will be presented at the EULAR congress in Berlin, Germany.", BERLIN, {"E512"}),
        ("Northbridge will present the results at a meeting in Berlin, Germany.", BERLIN, {"E512"}),
        # the trial's sites in the same sentence as such a place
        ("Northbridge, headquartered in Boston, is enrolling patients at sites in Berlin, Germany.", BERLIN, set()),
        (
            "Northbridge, headquartered in Boston, is enrolling patients at sites in Berlin.",
            {"city": "Boston"},
            {"E512"},
        ),
        ("The trial is enrolling at sites in Berlin, Germany, and NB-301 is manufactured in Boston.", BERLIN, set()),
        ("NB-301 is manufactured in Boston. The trial is enrolling at sites in Berlin, Germany.", BERLIN, set()),
        ("NB-301 is manufactured in Boston.\n\nThe trial is enrolling at sites in Berlin, Germany.", BERLIN, set()),
        # a list's line of its own, its clause ending at its line's end
        ("- NB-301 manufactured in Boston\n- Enrolling at sites in Berlin, Germany", BERLIN, set()),
        ("* NB-301 is made in Boston\n* Sites in Berlin, Germany are enrolling", BERLIN, set()),
        ("1. NB-301 manufactured in Boston\n2. Enrolling at sites in Berlin, Germany", BERLIN, set()),
        ("- NB-301 manufactured in Boston\n- Enrolling at sites in Berlin, Germany", {"city": "Boston"}, {"E512"}),
        # not a heading's: its clause reaches the list under it
        ("Manufactured at facilities in\n- Boston\n- Berlin, Germany", BERLIN, {"E512"}),
        ("NB-301 is manufactured in:\n- Boston\n- Berlin, Germany", BERLIN, {"E512"}),
        ("Manufacturing Sites Located In Boston And\n- Berlin, Germany", BERLIN, {"E512"}),
        # nor a list's line's over the lines nested under it, or after its colon
        ("- NB-301 is manufactured in Boston\n  - Berlin, Germany", BERLIN, {"E512"}),
        ("- NB-301 is manufactured in:\n  - Boston\n  - Berlin, Germany", BERLIN, {"E512"}),
        ("- NB-301 is manufactured in:\n- Boston\n- Berlin, Germany", BERLIN, {"E512"}),
        # nor a list's line's naming no place, or before a line of what it lists
        ("- NB-301 is manufactured at two facilities\n- Boston\n- Berlin, Germany", BERLIN, {"E512"}),
        ("- Manufactured at two facilities in Europe\n- Berlin, Germany", BERLIN, {"E512"}),
        ("- NB-301 manufactured in Boston\n- Berlin and Munich, Germany", BERLIN, {"E512"}),
        ("- NB-301 is manufactured in Boston.\n- Also in Berlin, Germany.", BERLIN, {"E512"}),
        ("- NB-301 manufactured in Boston\n- Berlin, Germany plant opens in 2027", BERLIN, {"E512"}),
    ],
)
def test_a_place_of_manufacture_or_of_the_sponsor_is_no_site(
    tmp_path: Path, sentence: str, site: dict, codes: set[str]
) -> None:
    assert _codes(tmp_path, _press(OWN, SITE, sentence), {"locations": [site]}, {}) == codes


TWO_SITES = "The trial enrolls at Northbridge University Hospital in Columbus, Ohio, and at Charité in Berlin, Germany."
NUH = "Northbridge University Hospital"


@pytest.mark.parametrize(
    ("site", "codes"),
    [  # one site's texts from two sites of the sentence
        ({"city": "Columbus", "country": "Germany"}, {"E512"}),
        ({"facility": "Charité", "city": "Columbus"}, {"E512"}),
        ({"facility": NUH, "region": "Ohio", "country": "Germany"}, {"E512"}),
        # each site's own
        ({"facility": "Charité", "city": "Berlin", "country": "Germany"}, set()),
        ({"facility": NUH, "city": "Columbus", "region": "Ohio"}, set()),
    ],
)
def test_a_sites_texts_are_written_together(tmp_path: Path, site: dict, codes: set[str]) -> None:
    assert _codes(tmp_path, _press(OWN, TWO_SITES), {"locations": [site]}, {}) == codes


KINDS = "The primary endpoint is SRI-4 response at week 24. Secondary endpoints include safety at month 6."
SRI4 = {"measure": "SRI-4 response", "time_frame": "week 24"}
SAFETY = {"measure": "safety", "time_frame": "month 6"}


@pytest.mark.parametrize(
    ("outcomes", "codes"),
    [
        ({"primary": [SAFETY]}, {"E512"}),  # a secondary endpoint given as the primary
        ({"primary": [SRI4], "secondary": [SRI4]}, {"E512"}),  # the primary given as a secondary
        ({"primary": [SRI4], "secondary": [SAFETY]}, set()),
    ],
)
def test_an_outcome_is_read_from_sentences_naming_its_kind(tmp_path: Path, outcomes: dict, codes: set[str]) -> None:
    assert _codes(tmp_path, _press(OWN, KINDS), {"outcomes": outcomes}, {}) == codes


TIMED = "The primary endpoint is SRI-4 response at week 24 and safety at month 6. Secondary endpoints include"
TIMED += " B-cell counts at month 3. The trial lasts 2 years."
DLT = "The primary endpoint is the incidence of dose-limiting toxicities."


@pytest.mark.parametrize(
    ("text", "outcomes", "codes"),
    [  # a time frame of another outcome, or of another sentence
        (TIMED, {"primary": [{"measure": "SRI-4 response", "time_frame": "month 6"}]}, {"E512"}),
        (TIMED, {"primary": [{"measure": "safety", "time_frame": "week 24"}]}, {"E512"}),
        (TIMED, {"secondary": [{"measure": "B-cell counts", "time_frame": "2 years"}]}, {"E512"}),
        # a time in words is a time (quantities.WORDS_NUMBER): "thirty days" is SRI-4 response's, not week 24
        (
            "The primary endpoints are SRI-4 response at thirty days and safety at week 24.",
            {"primary": [SRI4]},
            {"E512"},
        ),
        (
            f"{DLT} The trial lasts 2 years.",
            {"primary": [{"measure": "dose-limiting toxicities", "time_frame": "2 years"}]},
            {"E512"},
        ),
        # its own: the time next after it, the nearest before it with none after, or the next sentence's going on
        (
            TIMED,
            {"primary": [SRI4, SAFETY], "secondary": [{"measure": "B-cell counts", "time_frame": "month 3"}]},
            set(),
        ),
        ("The primary endpoints are SRI-4 response and safety at week 24.", {"primary": [SRI4]}, set()),
        ("At week 24, the primary endpoint is SRI-4 response.", {"primary": [SRI4]}, set()),
        (
            f"{DLT} It is assessed 28 days after infusion.",
            {"primary": [{"measure": "dose-limiting toxicities", "time_frame": "28 days after infusion"}]},
            set(),
        ),
    ],
)
def test_an_outcomes_time_frame_is_its_measures(tmp_path: Path, text: str, outcomes: dict, codes: set[str]) -> None:
    assert _codes(tmp_path, _press(OWN, text), {"outcomes": outcomes}, {}) == codes


CLINCONNECT = """ClinConnect ClinConnect Logo
Search / Trial {nct}

NB-301 for Systemic Lupus Erythematosus

Trial Information

Current as of November 14, 2025

Recruiting

ClinConnect Summary

This clinical trial is testing NB-301 in people with lupus. It is in the early phase (Phase I). {other}

Gender

ALL
"""


@pytest.mark.parametrize(
    ("other", "phase", "quote", "codes"),
    [
        ("It follows an earlier Phase 2 study of the antibody in myeloma.", "PHASE2", "Phase 2 study", {"E512"}),
        ("NB-201 was evaluated in a Phase 2 study.", "PHASE2", "Phase 2 study", {"E512"}),
        ("It follows an earlier Phase 2 study of the antibody in myeloma.", "PHASE1", "(Phase I)", set()),
    ],
)
def test_a_summary_sentence_about_another_study_states_not_the_trials_phase(
    tmp_path: Path, other: str, phase: str, quote: str, codes: set[str]
) -> None:
    text = CLINCONNECT.format(nct=NCT, other=other)
    data = {
        "nct_id": NCT,
        "brief_title": "NB-301 for Systemic Lupus Erythematosus",
        "curation": {
            "status": "draft",
            "sources": [{"file": SOURCE, "kind": "TRIAL_FINDER_PAGE", "as_of": "2025-11-14"}],
        },
        "phases": [phase],
        "evidence": {"curation.sources.0.as_of": "Current as of November 14, 2025", "phases": quote},
    }
    problems = _checked(tmp_path, text, data)
    assert {p.code for p in problems} == codes, problems


def _titled(title: str, own: str, *sentences: str) -> str:
    """A press release of another headline and first sentence than _press's."""
    return f"{title}\nLast Updated: 2026-12-01\n{own}\n" + "\n".join(sentences) + "\n"


ENROLLED_120 = ({"enrollment": {"count": 120}}, {"enrollment.count": "120 participants"})


@pytest.mark.parametrize(
    ("sentence", "values", "quotes"),
    [  # the trial's product and disease, no word turning to another trial: only the phase tells
        (
            "Northbridge is running a Phase 2 trial of NB-301 in lupus nephritis that enrolled 120 participants.",
            {"phases": ["PHASE2"], "enrollment": {"count": 120}},
            {"phases": "Phase 2", "enrollment.count": "120 participants"},
        ),
        (
            "A Phase II study of NB-301 in SLE enrolled 120 participants.",
            {"phases": ["PHASE2"], "enrollment": {"count": 120}},
            {"phases": "Phase II", "enrollment.count": "120 participants"},
        ),
        ("NB-301 is being studied in a Phase 2b trial in lupus that enrolled 120 participants.", *ENROLLED_120),
        ("The Phase 2/3 trial of NB-301 in systemic lupus erythematosus enrolled 120 participants.", *ENROLLED_120),
        ("In Phase 3, NB-301 enrolled 120 participants with SLE.", *ENROLLED_120),
    ],
)
def test_a_sentence_about_a_trial_of_another_phase_states_nothing_of_it(
    tmp_path: Path, sentence: str, values: dict, quotes: dict[str, str]
) -> None:
    assert _codes(tmp_path, _press(OWN, sentence), values, quotes) == {"E512"}


PHASE_1_2 = TITLE.replace("Phase 1 Trial", "Phase 1/2 Trial")


@pytest.mark.parametrize(
    ("title", "sentence"),
    [  # a phase the release gives the trial, or a dose named by the phase it is meant for
        (TITLE, "The Phase 1 trial of NB-301 in SLE enrolled 24 participants."),
        (TITLE, "The trial will determine the recommended Phase 2 dose and enroll 24 participants."),
        (TITLE, "The trial enrolled 24 participants in its phase 1b portion."),
        (PHASE_1_2, "The Phase 2 portion of the trial will enroll 24 participants."),
        (PHASE_1_2, "The Phase I part enrolled 24 participants."),
    ],
)
def test_a_sentence_naming_the_trials_phase_states_its_fields(tmp_path: Path, title: str, sentence: str) -> None:
    text = _titled(title, OWN, sentence)
    assert _codes(tmp_path, text, {"enrollment": {"count": 24}}, {"enrollment.count": "24 participants"}) == set()


@pytest.mark.parametrize(
    ("sentences", "affiliation", "codes"),
    [  # the next sentence goes on about the official the sentence before names last
        (("The trial is led by Anna Berg.", "She is a professor of medicine at Charité."), "Charité", set()),
        (("Anna Berg is the principal investigator.", "Dr. Berg is a rheumatologist at Charité."), "Charité", set()),
        (("The trial is led by Anna Berg.", "Berg heads the lupus clinic of Charité."), "Charité", set()),
        # not one named before another person, nor another person's affiliation in the next sentence
        (("The trial is led by Anna Berg and Tom Hale.", "He is a professor at Charité."), "Charité", {"E512"}),
        (("The trial is led by Anna Berg.", "She works with Tom Hale of Charité."), "Charité", {"E512"}),
        (("The trial is led by Anna Berg.", "Enrollment is open at Charité."), "Charité", {"E512"}),
        (("The trial is led by Anna Berg.", "Enrollment is open.", "She is at Charité."), "Charité", {"E512"}),
    ],
)
def test_an_officials_affiliation_in_the_next_sentence_is_theirs(
    tmp_path: Path, sentences: tuple[str, ...], affiliation: str, codes: set[str]
) -> None:
    """Before: "The trial is led by Anna Berg. She is a professor of medicine at Charité." refused the
    official Anna Berg of Charité (the affiliation was read only in the name's sentence)."""
    official = {"name": "Anna Berg", "affiliation": affiliation}
    assert _codes(tmp_path, _press(OWN, " ".join(sentences)), {"officials": [official]}, {}) == codes


@pytest.mark.parametrize(
    "second",
    [  # a sentence after the official's naming another person, opening with a word the one before writes
        "The company's chief executive, Tom Hale, said Northbridge was pleased.",
        "Northbridge chief executive Tom Hale said the company was pleased.",
        'Tom Hale, chief executive of Northbridge, said: "We are pleased."',
        "She thanked Tom Hale of Northbridge.",
    ],
)
def test_a_person_named_in_the_sentence_after_an_official_is_no_official(tmp_path: Path, second: str) -> None:
    """Before: "The trial is led by Anna Berg at Northbridge. The company's chief executive, Tom Hale,
    said ..." passed the official Tom Hale (the next sentence was kept for officials as it opens with
    "The", a word the sentence before writes)."""
    text = _press(OWN, "The trial is led by Anna Berg at Northbridge.", second)
    assert _codes(tmp_path, text, {"officials": [{"name": "Tom Hale"}]}, {}) == {"E512"}


LEADS = "The trial is led by Anna Berg of Charité and Tom Hale of Columbus University."
LEADS_THREE = (
    "The trial is led by Anna Berg of Charité, Tom Hale of Columbus University and Li Wei of Peking University."
)
CU = "Columbus University"


@pytest.mark.parametrize(
    ("sentence", "name", "affiliation", "codes"),
    [  # another official's affiliation
        (LEADS, "Anna Berg", CU, {"E512"}),
        (LEADS, "Tom Hale", "Charité", {"E512"}),
        (LEADS_THREE, "Anna Berg", CU, {"E512"}),
        (LEADS_THREE, "Tom Hale", "Peking University", {"E512"}),
        (
            "Principal investigators are Anna Berg (Charité) and Tom Hale (Columbus University).",
            "Anna Berg",
            CU,
            {"E512"},
        ),
        ("Principal investigators are Anna Berg, Charité; Tom Hale, Columbus University.", "Anna Berg", CU, {"E512"}),
        ("Tom Hale of Columbus University and Anna Berg of Charité lead the trial.", "Anna Berg", CU, {"E512"}),
        # the official's own
        (LEADS, "Anna Berg", "Charité", set()),
        (LEADS, "Tom Hale", CU, set()),
        (LEADS_THREE, "Li Wei", "Peking University", set()),
        ("Principal investigators are Anna Berg (Charité) and Tom Hale (Columbus University).", "Tom Hale", CU, set()),
        (
            "Anna Berg, MD, PhD, Professor of Medicine at Charité, is the principal investigator.",
            "Anna Berg",
            "Charité",
            set(),
        ),
        (
            "The principal investigator at Charité, Anna Berg, said the trial is enrolling.",
            "Anna Berg",
            "Charité",
            set(),
        ),
    ],
)
def test_an_officials_affiliation_is_written_with_the_name(
    tmp_path: Path, sentence: str, name: str, affiliation: str, codes: set[str]
) -> None:
    official = {"name": name, "affiliation": affiliation}
    assert _codes(tmp_path, _press(OWN, sentence), {"officials": [official]}, {}) == codes


DRS = "The trial is led by Dr. Anna Berg of Charité and Dr. Tom Hale of Columbus University."


@pytest.mark.parametrize(
    ("sentence", "values", "codes"),
    [  # a title before a name ends no sentence
        ("The trial is led by Dr. Anna Berg.", {"officials": [{"name": "Anna Berg"}]}, set()),
        (
            "The trial is led by Dr. Anna Berg of Charité.",
            {"officials": [{"name": "Anna Berg", "affiliation": "Charité"}]},
            set(),
        ),
        ("Drs. Anna Berg and Tom Hale lead the trial.", {"officials": [{"name": "Tom Hale"}]}, set()),
        (
            "The trial enrolls at St. Mary's Hospital in Columbus, Ohio.",
            {"locations": [{"facility": "St. Mary's Hospital", "city": "Columbus"}]},
            set(),
        ),
        (DRS, {"officials": [{"name": "Tom Hale", "affiliation": CU}]}, set()),
        # and joins no official to another's affiliation
        (DRS, {"officials": [{"name": "Anna Berg", "affiliation": CU}]}, {"E512"}),
    ],
)
def test_a_title_before_a_name_ends_no_sentence(tmp_path: Path, sentence: str, values: dict, codes: set[str]) -> None:
    assert _codes(tmp_path, _press(OWN, sentence), values, {}) == codes


DATES = "The trial dates are 2022-01-15 (start) and 2024-07-30 (completion)."


@pytest.mark.parametrize(
    ("sentence", "name", "date", "quote", "codes"),
    [  # a date labelled, after it, as another of the trial's dates
        (DATES, "start", "2024-07-30", "2024-07-30", {"E509"}),
        (DATES, "start", "2024-07-30", "2024-07-30 (completion)", {"E509"}),
        (DATES, "completion", "2022-01-15", "2022-01-15", {"E509"}),
        (
            "The trial runs to July 30, 2024 (primary completion).",
            "completion",
            "2024-07-30",
            "July 30, 2024",
            {"E509"},
        ),
        (
            "The trial began on January 15, 2022 [study start].",
            "completion",
            "2022-01-15",
            "January 15, 2022",
            {"E509"},
        ),
        ("Enrollment closes 2024-07-30 (estimated completion date).", "start", "2024-07-30", "2024-07-30", {"E509"}),
        # as its own, or with no label after it
        (DATES, "completion", "2024-07-30", "2024-07-30", set()),
        (DATES, "start", "2022-01-15", "2022-01-15 (start)", set()),
        (
            "The trial runs to July 30, 2024 (primary completion).",
            "primary_completion",
            "2024-07-30",
            "July 30, 2024",
            set(),
        ),
        ("Start 2022-01-15, completion 2024-07-30.", "start", "2022-01-15", "2022-01-15", set()),
    ],
)
def test_a_label_after_a_date_is_its_label(
    tmp_path: Path, sentence: str, name: str, date: str, quote: str, codes: set[str]
) -> None:
    assert _noted(tmp_path, _press(OWN, sentence), name, date, quote) == codes


@pytest.mark.parametrize(
    ("sentence", "site", "codes"),
    [  # another city listed after the site's, then their region or country
        ("Sites in Berlin and Munich, Germany are enrolling.", BERLIN, set()),
        ("The trial enrolls at sites in Berlin or Munich, Germany.", BERLIN, set()),
        ("The trial enrolls at sites in Berlin and Munich (Germany).", BERLIN, set()),
        (
            "The trial enrolls at Northbridge University Hospital in Columbus and Dayton, Ohio.",
            {"facility": NUH, "city": "Columbus", "region": "Ohio"},
            set(),
        ),
        (
            "The trial enrolls at sites in Houston and Dallas, Texas, USA.",
            {"city": "Houston", "region": "Texas", "country": "USA"},
            set(),
        ),
        # and no site's place given to another's
        (
            "The trial enrolls at sites in Columbus, Ohio, and Berlin, Germany.",
            {"city": "Columbus", "country": "Germany"},
            {"E512"},
        ),
        (
            "The trial enrolls at sites in Berlin, Germany and Columbus, Ohio.",
            {"city": "Berlin", "region": "Ohio"},
            {"E512"},
        ),
        (
            "The trial enrolls at sites in Columbus, Ohio and Berlin, Germany.",
            {"city": "Columbus", "region": "Ohio", "country": "Germany"},
            {"E512"},
        ),
        (
            "The trial enrolls at Charité and Northbridge University Hospital in Columbus.",
            {"facility": "Charité", "city": "Columbus"},
            {"E512"},
        ),
    ],
)
def test_cities_listed_together_share_their_region(tmp_path: Path, sentence: str, site: dict, codes: set[str]) -> None:
    assert _codes(tmp_path, _press(OWN, sentence), {"locations": [site]}, {}) == codes


THREE_CITIES = "The trial enrolls at sites in Berlin, Munich and Hamburg, Germany."
OHIO_AND_BERLIN = "The trial enrolls at sites in Columbus, Ohio and Berlin, Germany."
IN_GERMANY = [{"city": city, "country": "Germany"} for city in ("Berlin", "Munich", "Hamburg")]


@pytest.mark.parametrize(
    ("sentence", "sites", "codes"),
    [  # "A, B and C, D" reads as three cities of D or as A in B and C in D: the words do not say which
        (OHIO_AND_BERLIN, [{"city": "Columbus", "region": "Ohio"}, {"city": "Berlin", "country": "Germany"}], set()),
        (THREE_CITIES, [IN_GERMANY[2]], set()),
        # nor may the record's own sites say it: each vouched for the others
        (OHIO_AND_BERLIN, [{"city": c, "country": "Germany"} for c in ("Columbus", "Ohio", "Berlin")], {"E512"}),
        (OHIO_AND_BERLIN, [{"city": "Ohio", "country": "Germany"}], {"E512"}),
        (OHIO_AND_BERLIN, [{"city": "Columbus", "region": "Ohio"}, {"city": "Ohio", "country": "Germany"}], {"E512"}),
        (THREE_CITIES, IN_GERMANY, {"E512"}),  # a known false refusal: Berlin's country is not read
        (THREE_CITIES, [IN_GERMANY[1]], {"E512"}),
    ],
)
def test_a_list_of_cities_is_not_read_as_the_records_sites_read_it(
    tmp_path: Path, sentence: str, sites: list[dict], codes: set[str]
) -> None:
    """Before: "Columbus, Ohio and Berlin, Germany" passed a record of Columbus, Ohio and Berlin, all
    in Germany (each site's city list read as the record's other sites read it), and earlier gave a
    site in the city Ohio the country Germany."""
    assert _codes(tmp_path, _press(OWN, sentence), {"locations": sites}, {}) == codes


AT_NUH = "NB-301 is given at Northbridge University Hospital."
AND_CHARITE = "The trial enrolls at Northbridge University Hospital and at Charité."


@pytest.mark.parametrize(
    ("sentences", "site", "codes"),
    [  # the next sentence goes on about the site the sentence names last
        ((AT_NUH, "The hospital is in Columbus."), {"facility": NUH, "city": "Columbus"}, set()),
        ((AT_NUH, "It is located in Columbus, Ohio."), {"facility": NUH, "city": "Columbus", "region": "Ohio"}, set()),
        ((AT_NUH, "The medical center is in Columbus, Ohio."), {"facility": NUH, "region": "Ohio"}, set()),
        ((AND_CHARITE, "The hospital is in Berlin, Germany."), {"facility": "Charité", "city": "Berlin"}, set()),
        # not a site it names before another, nor a place after another name
        ((AND_CHARITE, "The hospital is in Berlin, Germany."), {"facility": NUH, "city": "Berlin"}, {"E512"}),
        (
            (AT_NUH, "The hospital is in Columbus, and Charité is in Berlin."),
            {"facility": NUH, "city": "Berlin"},
            {"E512"},
        ),
        ((AT_NUH, "Northbridge is based in Boston."), {"facility": NUH, "city": "Boston"}, {"E512"}),
        ((AT_NUH, "Enrollment is open. The hospital is in Columbus."), {"facility": NUH, "city": "Columbus"}, {"E512"}),
    ],
)
def test_the_next_sentence_places_the_site_named_last(
    tmp_path: Path, sentences: tuple[str, ...], site: dict, codes: set[str]
) -> None:
    assert _codes(tmp_path, _press(OWN, " ".join(sentences)), {"locations": [site]}, {}) == codes


AT_24 = "At week 24, the primary endpoints are SRI-4 response and safety at month 6."
BICLA = {"measure": "BICLA response", "time_frame": "week 24"}


@pytest.mark.parametrize(
    ("text", "outcomes", "codes"),
    [  # the time before the measure, where the first after it is another item's
        (AT_24, {"primary": [SRI4]}, set()),
        (AT_24, {"primary": [SRI4, SAFETY]}, set()),
        (
            "At week 24, SRI-4 response, BICLA response and safety at month 6 are assessed.",
            {"primary": [SRI4, BICLA]},
            set(),
        ),
        (
            "By month 12, the primary endpoints are SRI-4 response as well as safety at month 6.",
            {"primary": [{"measure": "SRI-4 response", "time_frame": "month 12"}]},
            set(),
        ),
        # not where the first time after it is its own
        (AT_24, {"primary": [{"measure": "safety", "time_frame": "week 24"}]}, {"E512"}),
        ("At week 24, the primary endpoint is SRI-4 response at month 6.", {"primary": [SRI4]}, {"E512"}),
        ("At week 24, the primary endpoint is SRI-4 response, assessed at month 6.", {"primary": [SRI4]}, {"E512"}),
    ],
)
def test_a_time_before_the_measure_is_its_own_past_another_item(
    tmp_path: Path, text: str, outcomes: dict, codes: set[str]
) -> None:
    assert _codes(tmp_path, _press(OWN, text), {"outcomes": outcomes}, {}) == codes


BASKET_TITLE = TITLE.replace("Phase 1 Trial", "Phase 1 Basket Trial").replace(
    "Systemic Lupus Erythematosus", "Lupus and Other Autoimmune Diseases"
)
BASKET_OWN = OWN.replace("refractory systemic lupus erythematosus", "SLE and other refractory autoimmune diseases")
ENROLS = "The trial enrolls patients with lupus, systemic sclerosis and myositis."


@pytest.mark.parametrize(
    ("sentence", "condition", "codes"),
    [  # a basket trial's autoimmune diseases, where its sentences enrol them
        (ENROLS, "systemic sclerosis", set()),
        (ENROLS, "myositis", set()),
        ("A second cohort enrolls patients with myositis.", "myositis", set()),
        ("Patients with ANCA-associated vasculitis are also eligible.", "ANCA-associated vasculitis", set()),
        # the words of a trial's enrolment are one list (prose._ENROLLING), the population rule's too
        ("The first patients with myositis have been dosed.", "myositis", set()),
        # not the product's other diseases, another product's or phase's trial, nor a disease of another kind
        ("Northbridge also develops NB-301 for myositis.", "myositis", {"E512"}),
        ("NB-201 is being evaluated in a trial in myositis.", "myositis", {"E512"}),
        ("A Phase 2 trial of NB-301 in myositis enrolled 120 participants.", "myositis", {"E512"}),
        ("Northbridge also sponsors a trial in myositis.", "myositis", {"E512"}),
        ("A trial in multiple myeloma enrolled 120 participants.", "multiple myeloma", {"E512"}),
        # nor a disease only a trial the sentence brings in enrols ("A trial in ...": another trial)
        ("A trial in myositis enrolled 120 participants.", "myositis", {"E512"}),
    ],
)
def test_a_basket_trials_other_diseases_are_its_own(tmp_path: Path, sentence: str, condition: str, codes: set) -> None:
    text = _titled(BASKET_TITLE, BASKET_OWN, sentence)
    assert _codes(tmp_path, text, {"conditions": [condition]}, {}) == codes


NO_PHASE_TITLE = TITLE.replace("Phase 1 Trial", "Trial")


@pytest.mark.parametrize(
    ("title", "sentence", "count"),
    [  # a sentence bringing in a trial that names all this trial is: the release's own
        (TITLE, "A Phase 1 trial of NB-301 in refractory systemic lupus erythematosus will enroll 24 patients.", 24),
        (NO_PHASE_TITLE, "A Phase 1 trial of NB-301 in SLE enrolled 120 participants.", 120),
        (TITLE, "An open-label Phase 1 study of NB-301 in lupus enrolled 120 participants.", 120),
    ],
)
def test_a_sentence_bringing_in_a_trial_naming_all_it_is_states_it(
    tmp_path: Path, title: str, sentence: str, count: int
) -> None:
    """Before: the release's own "A Phase 1 trial of NB-301 in refractory systemic lupus erythematosus
    will enroll 24 patients." refused the enrollment 24 (read as another trial's: fc293ed)."""
    evidence = {"enrollment.count": f"{count} {sentence.split(f' {count} ')[1].split('.')[0]}"}
    assert _codes(tmp_path, _titled(title, OWN, sentence), {"enrollment": {"count": count}}, evidence) == set()


@pytest.mark.parametrize(
    ("title", "own", "sentence"),
    [  # a sentence bringing in a trial ("A ... trial"), naming no id: another trial, unless it names all
        # this trial is (product, disease and phase, each the document gives it)
        (BASKET_TITLE, BASKET_OWN, "A trial in myositis enrolled 120 participants."),
        (NO_PHASE_TITLE, OWN.replace("Phase 1 trial", "trial"), "A trial of NB-301 in SLE enrolled 120 participants."),
        (TITLE, OWN, "A trial of NB-301 in lupus enrolled 120 participants."),
        (TITLE, OWN, "A Phase 1 trial of NB-201 in lupus enrolled 120 participants."),
    ],
)
def test_a_sentence_bringing_in_a_trial_states_nothing_of_this_one(
    tmp_path: Path, title: str, own: str, sentence: str
) -> None:
    """Before: a sentence naming only this trial's product, disease and phase (a release whose title
    gives no phase), or a basket trial's other disease, gave the trial its enrolment of 120."""
    assert _codes(tmp_path, _titled(title, own, sentence), *ENROLLED_120) == {"E512"}
    # the trial's own sentence, or one bringing it in by its id, states it
    for own_sentence in (
        sentence.replace("A ", "The ", 1).replace("An ", "The ", 1),
        sentence.replace(" enrolled", f" ({NCT}) enrolled"),
    ):
        assert _codes(tmp_path, _titled(title, own, own_sentence), *ENROLLED_120) == set(), own_sentence


def test_a_trial_not_named_a_basket_keeps_its_diseases(tmp_path: Path) -> None:
    assert _codes(tmp_path, _press(OWN, ENROLS), {"conditions": ["myositis"]}, {}) == {"E512"}


@pytest.mark.parametrize(
    ("sentence", "product", "quotes", "codes"),
    [  # the product's sentence, an abbreviation before a word in lower case within it
        (
            "NB-301 (from Acme Corp. and targeting BCMA) is given once.",
            {"target_antigens": ["BCMA"]},
            {"cell_product.target_antigens": "BCMA"},
            set(),
        ),
        (
            "NB-301, made by Acme Ltd. from donor cells, is allogeneic.",
            {"origin": "ALLOGENEIC"},
            {"cell_product.origin": "allogeneic"},
            set(),
        ),
        (
            "NB-301 was engineered by Acme Inc. to target BCMA.",
            {"target_antigens": ["BCMA"]},
            {"cell_product.target_antigens": "BCMA"},
            set(),
        ),
        # a sentence after the product's, naming none
        (
            "NB-301 is given once. Allogeneic transplant recipients are excluded.",
            {"origin": "ALLOGENEIC"},
            {"cell_product.origin": "Allogeneic"},
            {"E512"},
        ),
    ],
)
def test_an_abbreviation_ends_no_sentence_naming_the_product(
    tmp_path: Path, sentence: str, product: dict, quotes: dict[str, str], codes: set[str]
) -> None:
    values = {"cell_product": {"name": "NB-301", **product}}
    assert _codes(tmp_path, _press(OWN, sentence), values, quotes) == codes


def test_relma_cels_product_is_not_the_therapy_its_summary_says_patients_had(trials: Trials, registry: Path) -> None:
    edit(registry, RELMA_PATH, ("cell_product:\n  name: Relma-cel\n", "cell_product:\n  name: corticosteroids\n"))
    run = trials("validate", RELMA_PATH)  # the copy's file: the command runs from its root
    assert run.status == 1 and "E512 cell_product.name" in run.out, run.out


@pytest.mark.parametrize(
    ("sentence", "values", "quotes", "rule"),
    [  # each field's rule (prose._RULES), and the sponsor's, said where it refuses a value
        (
            "Lupus affects about 300,000 patients in the United States.",
            {"enrollment": {"count": 300000}},
            {"enrollment.count": "300,000 patients"},
            "; nor one about the people a disease affects, naming no enrolment)",
        ),
        (
            "NB-301 is manufactured in Berlin, Germany.",
            {"locations": [BERLIN]},
            {},
            "; nor a place it names as no site: where the product is made, the sponsor's seat)",
        ),
        (
            "Northbridge licensed NB-301 from Acme Bio.",
            {"sponsor": {"name": "Acme Bio"}},
            {},
            "names the sponsor not in words naming a partner, a licensor, an owner, an investor, a funder, a "
            "supplier or a site",
        ),
        (
            EARLIER,
            {"phases": ["PHASE2"]},
            {"phases": "a Phase 2 trial in multiple myeloma"},
            "or the words after an earlier study, another product, a second or planned trial, one the sponsor "
            "also runs)",
        ),
    ],
)
def test_a_refusal_says_the_rule_it_reads_the_field_by(
    tmp_path: Path, sentence: str, values: dict, quotes: dict, rule: str
) -> None:
    """The rules that read a field from prose and the words a message says them in are one table: a
    rule added there is said too."""
    problems = [p for p in _checked(tmp_path, _press(OWN, sentence), _draft(values, quotes)) if p.code == "E512"]
    assert problems and all(rule in p.message for p in problems), [p.message for p in problems]


@pytest.mark.parametrize(
    ("text", "values", "message"),
    [  # one reading of a list's item in prose (rows.TIES): where it is refused and what it says
        (
            TIMED,
            {"outcomes": {"primary": [SRI4, {"measure": "safety", "time_frame": "week 24"}]}},
            "outcomes.primary.1: no sentence about the trial gives the time frame 'week 24' to the measure 'safety'",
        ),
        (
            TWO_SITES,
            {"locations": [{"facility": "Charité", "city": "Berlin"}, {"city": "Columbus", "country": "Germany"}]},
            "locations.1: no sentence about the trial writes city 'Columbus', country 'Germany' together as one site",
        ),
        (
            LEADS,
            {"officials": [{"name": "Tom Hale", "affiliation": CU}, {"name": "Anna Berg", "affiliation": CU}]},
            "officials.1: no sentence about the trial writes the name 'Anna Berg' with the affiliation "
            f"{CU!r} as one official's",
        ),
    ],
)
def test_an_item_not_tied_in_prose_is_refused_at_its_place(
    tmp_path: Path, text: str, values: dict, message: str
) -> None:
    problems = [p.message for p in _checked(tmp_path, _press(OWN, text), _draft(values, {})) if p.code == "E512"]
    assert len(problems) == 1 and problems[0].startswith(message), problems


PHASE_2_TITLE = TITLE.replace("Phase 1", "Phase 2")
PHASE_2_OWN = OWN.replace("Phase 1", "Phase 2")


@pytest.mark.parametrize(
    ("title", "own", "sentence"),
    [  # this trial is NB-301's Phase 2 in SLE: a trial brought in of another phase, however written
        (PHASE_2_TITLE, PHASE_2_OWN, "A Phase 1 trial of NB-301 in SLE enrolled 120 participants."),
        (PHASE_2_TITLE, PHASE_2_OWN, "A Phase I trial of NB-301 in SLE enrolled 120 participants."),
        (PHASE_2_TITLE, PHASE_2_OWN, "A phase 1b study of NB-301 in lupus enrolled 120 participants."),
        (PHASE_2_TITLE, PHASE_2_OWN, "A Phase 1/2 trial of NB-301 in SLE enrolled 120 participants."),
        (PHASE_2_TITLE, PHASE_2_OWN, "One Phase 1 trial of NB-301 in SLE enrolled 120 participants."),
        # of another product, disease or id
        (PHASE_2_TITLE, PHASE_2_OWN, "A Phase 2 trial of NB-302 in SLE enrolled 120 participants."),
        (PHASE_2_TITLE, PHASE_2_OWN, "A Phase 2 trial of NB-301 in myositis enrolled 120 participants."),
        (PHASE_2_TITLE, PHASE_2_OWN, "A Phase 2 trial (NCT09000001) of NB-301 in SLE enrolled 120 participants."),
        (PHASE_2_TITLE, PHASE_2_OWN, "Another Phase 2 trial of NB-301 in SLE enrolled 120 participants."),
        # or naming too little to be told this trial: no phase, wherever in the sentence it is brought in
        (PHASE_2_TITLE, PHASE_2_OWN, "A trial of NB-301 in SLE enrolled 120 participants."),
        (PHASE_2_TITLE, PHASE_2_OWN, "NB-301 was studied in a trial in SLE that enrolled 120 participants."),
        (PHASE_2_TITLE, PHASE_2_OWN, "In a trial of NB-301 in SLE, 120 participants were enrolled."),
        (TITLE, OWN, "Results from an open-label trial of NB-301 in SLE that enrolled 120 participants were shown."),
        (TITLE, OWN, "In an investigator-initiated study of NB-301 in lupus, 120 participants were enrolled."),
        (TITLE, OWN, "A Phase 1 study in lupus enrolled 120 participants."),
    ],
)
def test_a_trial_brought_in_that_is_not_told_to_be_this_one_lends_nothing(
    tmp_path: Path, title: str, own: str, sentence: str
) -> None:
    """Before: "NB-301 was studied in a trial in SLE that enrolled 120 participants." gave NB-301's
    Phase 2 trial the enrolment 120 (only a sentence opening "A ... trial" was read as bringing one
    in), as did "One Phase 1 trial of NB-301 ..." of a Phase 1 trial."""
    assert _codes(tmp_path, _titled(title, own, sentence), *ENROLLED_120) == {"E512"}


@pytest.mark.parametrize(
    "sentence",
    [  # a trial described, not brought in: "the trial is a ... study"; the release's own naming all it is
        "The trial is an open-label study that will enroll 120 participants.",
        "The Phase 2 trial is a randomized, double-blind study enrolling 120 participants.",
        "NB-301 is being evaluated in a Phase 2 trial of NB-301 in lupus that will enroll 120 participants.",
        "In a Phase II study of NB-301 in SLE, 120 participants will be enrolled.",
    ],
)
def test_a_trial_described_or_named_in_full_states_its_fields(tmp_path: Path, sentence: str) -> None:
    assert _codes(tmp_path, _titled(PHASE_2_TITLE, PHASE_2_OWN, sentence), *ENROLLED_120) == set()


@pytest.mark.parametrize(
    ("sentence", "count", "codes"),
    [  # a population eligible for a therapy is no enrolment
        ("About 300,000 patients in the United States are eligible for CAR-T therapy.", "300,000 patients", {"E512"}),
        ("Worldwide, 120 patients were eligible for CAR-T treatment.", "120 patients", {"E512"}),
        ("Nationwide, 120 patients are eligible.", "120 patients", {"E512"}),
        # an enrolment said with it is one
        ("In the United States, the trial will enroll 120 patients who are eligible.", "120 patients", set()),
    ],
)
def test_a_population_eligible_for_a_therapy_is_no_enrollment(
    tmp_path: Path, sentence: str, count: str, codes: set[str]
) -> None:
    """Before: a population sentence saying "eligible" counted as naming an enrolment (one list of
    enrolment words served the basket trial's rule and this one), and 300,000 passed."""
    number = int(count.split()[0].replace(",", ""))
    fields, quotes = {"enrollment": {"count": number}}, {"enrollment.count": count}
    assert _codes(tmp_path, _press(OWN, sentence), fields, quotes) == codes


@pytest.mark.parametrize(
    ("sentences", "official", "codes"),
    [  # the next sentence going on about the official, naming an institution of capitalised words
        (("The trial is led by Anna Berg.", "She is at Columbus University."), {"affiliation": CU}, set()),
        (
            ("Anna Berg is the principal investigator.", "She joined Columbus University in 2020."),
            {"affiliation": CU},
            set(),
        ),
        (
            ("The trial is led by Anna Berg.", "She is a professor at Ohio State University Medical Center."),
            {"affiliation": "Ohio State University Medical Center"},
            set(),
        ),
        (
            ("The trial is led by Anna Berg.", "Dr. Berg heads the lupus clinic at University Hospital Heidelberg."),
            {"affiliation": "University Hospital Heidelberg"},
            set(),
        ),
        # not another person named with it, nor the institution as an official
        (
            ("The trial is led by Anna Berg.", "She works with Tom Hale of Columbus University."),
            {"affiliation": CU},
            {"E512"},
        ),
        (
            ("The trial is led by Anna Berg.", "She thanked Columbus University President Tom Hale."),
            {"affiliation": CU},
            {"E512"},
        ),
        (("The trial is led by Anna Berg.", "She is at Columbus University."), {"name": CU}, {"E512"}),
        (("The trial is led by Anna Berg.", "She is a professor at Charité."), {"name": "Charité"}, {"E512"}),
    ],
)
def test_an_institution_in_the_sentence_going_on_about_an_official_is_no_person(
    tmp_path: Path, sentences: tuple[str, ...], official: dict, codes: set[str]
) -> None:
    """Before: "The trial is led by Anna Berg. She is at Columbus University." refused Anna Berg of
    Columbus University (its two capitalised words read as another person's name), and the sentence
    going on about the official gave the trial an official named "Charité" (a name was read from
    it, not only an affiliation)."""
    values = {"officials": [{"name": "Anna Berg", **official} if "affiliation" in official else official]}
    assert _codes(tmp_path, _press(OWN, " ".join(sentences)), values, {}) == codes


@pytest.mark.parametrize(
    "other",
    [
        "NB-301 in SLE: the Phase 2 cohort enrolled 120 participants.",
        "NB-201 in myeloma: the cohort enrolled 120 participants.",
    ],
)
def test_a_title_cut_at_a_list_runs_on_into_it_naming_nothing(tmp_path: Path, other: str) -> None:
    # The release's first line ends in a stop before a list's line, its headline: the title, cut there
    # (ccd76e6), named no product, disease nor phase, and a sentence of another phase or product was
    # read as any other (main read the headline in the title: the line ran on).
    text = (
        "Northbridge Therapeutics, Inc.\n- Phase 1 Trial of NB-301 in SLE Doses First Patient.\n"
        f"Last Updated: 2026-12-01\nThe trial is {NCT}.\n{other}\n"
    )
    assert _enrolled_120(tmp_path, text) == {"E512"}


@pytest.mark.parametrize(
    "block",
    [  # a list under a colon, or under a heading, by a number, a letter or a roman numeral
        "Northbridge also runs a second trial:\n1. It enrolled 120 participants.",
        "Northbridge also runs a second trial: 1. It enrolled 120 participants.",
        "Northbridge also runs a second trial:\n\n1. It enrolled 120 participants.",
        "EARLIER PHASE 2 TRIAL OF NB-201\na. It enrolled 120 participants.",
        "EARLIER PHASE 2 TRIAL OF NB-201\ni. It enrolled 120 participants.",
        "EARLIER PHASE 2 TRIAL OF NB-201\nii. It enrolled 120 participants.",
        "EARLIER PHASE 2 TRIAL OF NB-201\nB. It enrolled 120 participants.",
        "EARLIER PHASE 2 TRIAL OF NB-201\n100. It enrolled 120 participants.",
    ],
)
def test_a_lists_mark_ends_no_sentence_under_another_trial(tmp_path: Path, block: str) -> None:
    # A stop after a list's mark ended a sentence where the line before was not marked a line's end (a
    # colon joins it), or where the mark was not a digit or two ("a.", "i.", "100."): "1." stood alone,
    # the sentence of another trial held nothing, and "It enrolled 120 participants." passed 120.
    assert _enrolled_120(tmp_path, _press(OWN, block)) == {"E512"}


@pytest.mark.parametrize(
    ("line", "count", "codes"),
    [  # a label naming the trial makes no population an enrolment
        ("Trial design: Lupus affects about 300,000 patients in the United States.", "300,000 patients", {"E512"}),
        ("Study background: Lupus affects about 300,000 patients in the United States.", "300,000 patients", {"E512"}),
        # one naming an enrolment does, and so do the words after any label
        ("Enrollment: 24 patients in the United States.", "24 patients", set()),
        ("Trial design: 24 patients in the United States will be enrolled.", "24 patients", set()),
    ],
)
def test_a_labels_words_make_no_population_an_enrollment(tmp_path: Path, line: str, count: str, codes: set) -> None:
    # The label's "Trial" counted as a word of the trial's enrolment, and 300,000 passed.
    number = int(count.split()[0].replace(",", ""))
    fields, quotes = {"enrollment": {"count": number}}, {"enrollment.count": count}
    assert _codes(tmp_path, _press(OWN, line), fields, quotes) == codes


@pytest.mark.parametrize(
    ("lines", "other"),
    [  # the list under a sentence naming the trial's id and nothing else is the trial's
        (f"The trial is {NCT}.\n- Phase 1, 24 patients.", "NB-301's Phase 2 cohort in SLE enrolled 120 participants."),
        (
            f"The trial is {NCT}.\n1. Phase 1.\n2. 24 patients.",
            "A Phase 2 cohort of NB-301 in SLE enrolled 120 participants.",
        ),
        # but not a line of it about another product, which lends the trial none of its names
        (
            f"The trial is {NCT}.\n- Phase 1, 24 patients.\n- NB-201 in multiple myeloma, Phase 2.",
            "NB-201 was evaluated in a Phase 2 trial in multiple myeloma that enrolled 120 participants.",
        ),
        (
            f"The trial is {NCT}.\n- NB-201 in multiple myeloma, Phase 2.",
            "NB-201 was evaluated in a Phase 2 trial in multiple myeloma that enrolled 120 participants.",
        ),
        (
            f"The trial is {NCT}.\n- An earlier Phase 2 study.\n- Phase 1, 24 patients.",
            "NB-301 in SLE: the Phase 2 study enrolled 120 participants.",
        ),
    ],
)
def test_the_list_under_the_trials_id_sentence_gives_it_names(tmp_path: Path, lines: str, other: str) -> None:
    # "The trial is NCT…." names no product, disease nor phase; its list's "Phase 1" was read as any
    # sentence's, the release gave the trial no phase, and another phase's enrolment passed.
    text = _titled(NO_PHASE_TITLE, lines, other)
    assert _enrolled_120(tmp_path, text) == {"E512"}


COLUMBUS_SITE = {"facility": "Northbridge University Hospital", "city": "Columbus", "country": "United States"}


@pytest.mark.parametrize(
    ("block", "codes"),
    [  # an address block: the facility's line of capitalised words runs on into its places
        ("The trial enrolls at one site:\nNorthbridge University Hospital\nColumbus, United States", set()),
        ("Study site\n\nNorthbridge University Hospital\nColumbus, United States", set()),
        ("Sites:\n- Northbridge University Hospital\n  Columbus, United States", set()),
        # not into another facility's line: the places after it are that one's
        ("Northbridge University Hospital\nLupus Trial Center\nColumbus, United States", {"E512"}),
    ],
)
def test_a_facilitys_line_runs_on_into_its_places(tmp_path: Path, block: str, codes: set[str]) -> None:
    # The facility's line, three capitalised words, read as a headline's, ended its sentence: cut from
    # its city, the site was refused (E512).
    assert _codes(tmp_path, _press(OWN, block), {"locations": [COLUMBUS_SITE]}, {}) == codes


DOSE_ESCALATION = TITLE.replace("Phase 1 Trial", "Phase 1 Dose Escalation Trial")
OWN_NO_PHASE = OWN.replace("its Phase 1 trial", "its trial")


@pytest.mark.parametrize(
    "title",
    [
        DOSE_ESCALATION,
        TITLE.replace("Phase 1 Trial", "Phase 1 Dose-Finding Trial"),
        TITLE.replace("Phase 1 Trial", "Phase 1 Dose Expansion Study"),
    ],
)
def test_a_phase_before_the_words_of_its_doses_is_the_trials_own_in_its_title(tmp_path: Path, title: str) -> None:
    """A title's "Phase 1 Dose Escalation Trial" gave the trial no phase (prose.phases read "Phase 1
    dose" as a dose's, though binding reads it as the trial's phase: prose.no_trials_phase), so
    "In Phase 2, NB-301 enrolled 120 participants with SLE." was read as the trial's own and its
    enrollment passed."""
    other = "In Phase 2, NB-301 enrolled 120 participants with SLE."
    text = _titled(title, OWN_NO_PHASE, other)
    assert _codes(tmp_path, text, *ENROLLED_120) == {"E512"}
    # and the trial's own phase still binds to it
    assert _codes(tmp_path, text, {"phases": ["PHASE1"]}, {"phases": title[title.index("Phase 1") :]}) == set()
