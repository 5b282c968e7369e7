"""Vocabulary: how sources write each categorical value the schema holds.

One table per ClinicalTrials.gov vocabulary (API v2 value -> the labels registries and aggregators
print for it), and one per yes/no field. An evidence quote binds a categorical value when the value's
renderings are the only ones of its vocabulary the quote contains (term binding, checks in
checks/binding/categorical.py):

- a rendering counts where it stands as a whole (not inside a longer word: SINGLE is not read in
  SINGLE_GROUP), case as written (Other, OTHER; not "other" in a sentence);
- no rendering counts right after a word that denies it ("not autologous", "non-autologous", "no
  CD28", "without CD28", "Not Recruiting"), nor a status the words after it say has ended
  ("Recruiting was completed in 2024"), nor a sex named by a rule on pregnancy or contraception
  ("Female patients of childbearing potential must use contraception"), nor a sex or an answer on
  healthy volunteers the words after it widen, make an exception to, or give of a part of the trial
  ("Sex: Female (male patients are also eligible)", "Healthy volunteers: No; healthy volunteers may
  join the extension cohort");
- the longest rendering wins where renderings overlap ("Not yet recruiting" is not "Recruiting",
  "Early Phase 1" is not "Phase 1", "Phase 1/2" is both PHASE1 and PHASE2);
- a quote that renders two values of one field binds neither: choose the words that state this one.

The API value itself (RECRUITING, PHASE1) is always a rendering, and each label is also accepted in
capitals. The tables are the documentation too: `python -m sle_trials.outputs.docs` writes them into
docs/checks.md. tests/test_vocabulary.py holds every enum of the schema to a table here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading import kept_out, planned, retracted, sentences

# Words that name a chimeric antigen receptor product ("CAR-T cells", "CD19-CART", "CAR NK", "chimeric
# antigen receptors"), whole: "care" or "Cardiac" is none. Where a registry copy's intervention is its
# product (registry_copy._named_product), and where a plain document's sentence names the product
# (prose.naming_the_product)
CAR_WORDS = lazy(r"(?i)(?<![a-z])(?:CAR(?:[- ]?(?:T|NK))?|CART|chimeric antigen receptors?)(?![a-z])")

# Lupus nephritis named as what patients may have, not must ("Patients with lupus nephritis are allowed",
# "History of lupus nephritis is permitted", "LN is also acceptable"): the criterion lets them in with it
# or without it. Read as lupus nephritis alone, its words passed as the scope REQUIRED (or, in an exclusion,
# EXCLUDED).
_LET_IN = tuple(
    f"{name} {verb} {also}{word}"
    for name in ("lupus nephritis", "Lupus nephritis", "LN")
    for verb in ("is", "are")
    for also in ("", "also ")
    for word in ("allowed", "permitted", "acceptable", "accepted")
)

# value -> labels (besides the value itself). A label may stand for several values of a list field
# (phases): give it under each, and the binder reads it as all of them.
TABLES: dict[str, dict[str, tuple[str, ...]]] = {
    "overall status": {
        "ACTIVE_NOT_RECRUITING": ("Active, not recruiting", "Active, Not Recruiting"),
        "COMPLETED": ("Completed",),
        "ENROLLING_BY_INVITATION": ("Enrolling by invitation", "Enrolling by Invitation"),
        "NOT_YET_RECRUITING": ("Not yet recruiting", "Not Yet Recruiting"),
        "RECRUITING": ("Recruiting",),
        "SUSPENDED": ("Suspended",),
        "TERMINATED": ("Terminated",),
        "WITHDRAWN": ("Withdrawn",),
        "AVAILABLE": ("Available",),
        "NO_LONGER_AVAILABLE": ("No longer available", "No Longer Available"),
        "TEMPORARILY_NOT_AVAILABLE": ("Temporarily not available", "Temporarily Not Available"),
        "APPROVED_FOR_MARKETING": ("Approved for marketing", "Approved for Marketing"),
        "WITHHELD": ("Withheld",),
        "UNKNOWN": ("Unknown status", "Unknown Status", "Unknown"),
    },
    "phase": {
        "NA": ("N/A", "Not Applicable", "Not applicable"),
        # (and hyphenated, as prose writes it: "an early-phase 1 study" was read as PHASE1, hunt 210)
        "EARLY_PHASE1": ("Early Phase 1", "Early Phase I", "Early-Phase 1", "Early-Phase I", "Phase 0", "EARLY_PHASE1"),
        "PHASE1": (
            "Phase 1",
            "Phase I",
            "Phase1",
            "Phase 1/2",
            "Phase I/II",
            "Phase 1/Phase 2",
            "Phase 1|Phase 2",
            "PHASE1|PHASE2",
        ),
        "PHASE2": (
            "Phase 2",
            "Phase II",
            "Phase2",
            "Phase 1/2",
            "Phase I/II",
            "Phase 1/Phase 2",
            "Phase 1|Phase 2",
            "PHASE1|PHASE2",
            "Phase 2/3",
            "Phase II/III",
            "Phase 2/Phase 3",
            "Phase 2|Phase 3",
            "PHASE2|PHASE3",
        ),
        "PHASE3": (
            "Phase 3",
            "Phase III",
            "Phase3",
            "Phase 2/3",
            "Phase II/III",
            "Phase 2/Phase 3",
            "Phase 2|Phase 3",
            "PHASE2|PHASE3",
        ),
        "PHASE4": ("Phase 4", "Phase IV", "Phase4"),
    },
    "study type": {
        "INTERVENTIONAL": ("Interventional",),
        "OBSERVATIONAL": ("Observational",),
        "EXPANDED_ACCESS": ("Expanded Access", "Expanded access"),
    },
    "allocation": {
        "RANDOMIZED": ("Randomized", "Randomised"),
        "NON_RANDOMIZED": ("Non-Randomized", "Non-randomized", "Nonrandomized", "Non-Randomised", "Non-randomised"),
        "NA": ("N/A", "Not Applicable", "Not applicable"),
    },
    "intervention model": {
        "SINGLE_GROUP": ("Single Group Assignment", "Single Group", "Single group"),
        "PARALLEL": ("Parallel Assignment", "Parallel"),
        "CROSSOVER": ("Crossover Assignment", "Crossover"),
        "FACTORIAL": ("Factorial Assignment", "Factorial"),
        "SEQUENTIAL": ("Sequential Assignment", "Sequential"),
    },
    "primary purpose": {
        "TREATMENT": ("Treatment",),
        "PREVENTION": ("Prevention",),
        "DIAGNOSTIC": ("Diagnostic",),
        "ECT": ("Educational/Counseling/Training",),
        "SUPPORTIVE_CARE": ("Supportive Care", "Supportive care"),
        "SCREENING": ("Screening",),
        "HEALTH_SERVICES_RESEARCH": ("Health Services Research",),
        "BASIC_SCIENCE": ("Basic Science", "Basic science"),
        "DEVICE_FEASIBILITY": ("Device Feasibility",),
        "OTHER": ("Other",),
    },
    "masking": {
        "NONE": ("None (Open Label)", "None", "Open Label", "Open-label", "Open label"),
        "SINGLE": ("Single",),
        "DOUBLE": ("Double", "Double-blind", "Double-Blind", "Double blind"),
        "TRIPLE": ("Triple",),
        "QUADRUPLE": ("Quadruple",),
    },
    "observational model": {
        "COHORT": ("Cohort",),
        "CASE_CONTROL": ("Case-Control", "Case Control"),
        "CASE_ONLY": ("Case-Only", "Case Only"),
        "CASE_CROSSOVER": ("Case-Crossover", "Case Crossover"),
        "ECOLOGIC_OR_COMMUNITY": ("Ecologic or Community",),
        "FAMILY_BASED": ("Family-Based", "Family Based"),
        "DEFINED_POPULATION": ("Defined Population",),
        "NATURAL_HISTORY": ("Natural History",),
        "OTHER": ("Other",),
    },
    "time perspective": {
        "RETROSPECTIVE": ("Retrospective",),
        "PROSPECTIVE": ("Prospective",),
        "CROSS_SECTIONAL": ("Cross-Sectional", "Cross-sectional"),
        "OTHER": ("Other",),
    },
    "actual or estimated": {
        "ACTUAL": ("Actual",),
        "ESTIMATED": ("Estimated", "Anticipated", "Expected"),
    },
    "arm type": {
        "EXPERIMENTAL": ("Experimental",),
        "ACTIVE_COMPARATOR": ("Active Comparator", "Active comparator"),
        "PLACEBO_COMPARATOR": ("Placebo Comparator", "Placebo comparator"),
        "SHAM_COMPARATOR": ("Sham Comparator", "Sham comparator"),
        "NO_INTERVENTION": ("No Intervention", "No intervention"),
        "OTHER": ("Other",),
    },
    "intervention type": {
        "BEHAVIORAL": ("Behavioral",),
        "BIOLOGICAL": ("Biological",),
        "COMBINATION_PRODUCT": ("Combination Product",),
        "DEVICE": ("Device",),
        "DIAGNOSTIC_TEST": ("Diagnostic Test",),
        "DIETARY_SUPPLEMENT": ("Dietary Supplement",),
        "DRUG": ("Drug",),
        "GENETIC": ("Genetic",),
        "PROCEDURE": ("Procedure",),
        "RADIATION": ("Radiation",),
        "OTHER": ("Other",),
    },
    "sex": {
        "ALL": ("All", "Male and female", "Male and Female", "male or female", "Male or female"),
        "FEMALE": ("Female", "Women only", "Female only"),
        "MALE": ("Male", "Men only", "Male only"),
    },
    "agency class": {
        "NIH": ("NIH",),
        "FED": ("U.S. Fed", "FED"),
        "OTHER_GOV": ("Other U.S. Federal agency", "OTHER_GOV"),
        "INDIV": ("Individual", "INDIV"),
        "INDUSTRY": ("Industry",),
        "NETWORK": ("Network",),
        "AMBIG": ("Ambiguous", "AMBIG"),
        "OTHER": ("Other",),
        "UNKNOWN": ("Unknown",),
    },
    "responsible party type": {
        "SPONSOR": ("Sponsor",),
        "PRINCIPAL_INVESTIGATOR": ("Principal Investigator",),
        "SPONSOR_INVESTIGATOR": ("Sponsor-Investigator", "Sponsor Investigator"),
    },
    "official role": {
        "STUDY_CHAIR": ("Study Chair",),
        "STUDY_DIRECTOR": ("Study Director",),
        "PRINCIPAL_INVESTIGATOR": ("Principal Investigator",),
        "SUB_INVESTIGATOR": ("Sub-Investigator", "Sub Investigator"),
    },
    "secondary id type": {
        "NIH": ("U.S. NIH Grant/Contract", "NIH"),
        "FDA": ("U.S. FDA Grant/Contract", "FDA"),
        "VA": ("VA",),
        "CDC": ("CDC",),
        "AHRQ": ("AHRQ",),
        "SAMHSA": ("SAMHSA",),
        "OTHER_GRANT": ("Other Grant/Funding Number",),
        "EUDRACT_NUMBER": ("EudraCT Number", "EudraCT"),
        "CTIS": ("CTIS",),
        "REGISTRY": ("Registry Identifier",),
        "OTHER": ("Other Identifier",),
    },
    "route of administration": {
        "INTRAVENOUS": (
            "intravenous infusion",
            "Intravenous infusion",
            "intravenous injection",
            "intravenously",
            "Intravenously",
            "intravenous",
            "Intravenous",
            "IV infusion",
            "i.v.",
            "IV",
        ),
        "SUBCUTANEOUS": ("subcutaneous injection", "subcutaneously", "subcutaneous", "Subcutaneous", "s.c."),
        "ORAL": ("orally", "by mouth", "oral", "Oral"),
        "INTRAMUSCULAR": ("intramuscular injection", "intramuscularly", "intramuscular", "Intramuscular", "i.m."),
        "INTRATHECAL": ("intrathecally", "intrathecal", "Intrathecal"),
        "INTRA_ARTERIAL": ("intra-arterial", "intraarterial", "Intra-arterial"),
    },
    "target antigen": {
        "CD19": ("CD-19", "Cd19", "cd19"),
        "CD20": ("CD-20", "Cd20", "cd20"),
        "CD22": ("CD-22", "Cd22"),
        "BCMA": ("B-cell maturation antigen", "Bcma"),
        "CD7": ("CD-7", "Cd7"),
        "CD5": ("CD-5", "Cd5"),
        "CD38": ("CD-38", "Cd38"),
        "CD70": ("CD-70", "Cd70"),
        "CD30": ("CD-30", "Cd30"),
        "CD123": ("CD-123", "Cd123"),
        "CD138": ("CD-138", "Cd138"),
        "BAFF-R": ("BAFFR", "BAFF receptor"),
        "GPRC5D": ("Gprc5d",),
        "TACI": ("Taci",),
        "NKG2D": ("NKG2D ligands",),
    },
    "product origin": {
        "AUTOLOGOUS": ("autologous", "Autologous"),
        "ALLOGENEIC": ("allogeneic", "Allogeneic", "allogenic", "Allogenic", "donor-derived", "Donor-derived"),
    },
    "CAR generation": {
        "FIRST": ("first-generation", "First-generation", "first generation", "1st generation", "1st-generation"),
        "SECOND": ("second-generation", "Second-generation", "second generation", "2nd generation", "2nd-generation"),
        "THIRD": ("third-generation", "Third-generation", "third generation", "3rd generation", "3rd-generation"),
        "FOURTH": ("fourth-generation", "Fourth-generation", "fourth generation", "4th generation", "4th-generation"),
    },
    "co-stimulatory domain": {
        "CD28": ("Cd28",),
        "4-1BB": ("41BB", "4-1bb", "CD137"),
        "ICOS": ("Icos",),
        "OX40": ("OX-40",),
        "CD27": ("Cd27",),
    },
    "manufacturing": {
        "FAST": (
            "FasTCAR",
            "fast manufacturing",
            "Fast manufacturing",
            "rapid manufacturing",
            "Rapid manufacturing",
            "next-day manufacturing",
            "Next-day manufacturing",
        ),
        "UNIVERSAL": ("universal", "Universal", "off-the-shelf", "Off-the-shelf"),
    },
    "lymphodepleting agent": {
        "FLUDARABINE": ("fludarabine", "Fludarabine", "Flu"),
        "CYCLOPHOSPHAMIDE": ("cyclophosphamide", "Cyclophosphamide", "Cy", "CTX"),
        "BENDAMUSTINE": ("bendamustine", "Bendamustine"),
    },
    # Lupus nephritis named in a criterion: which list it stands in decides between the values a
    # phrase can have (READINGS: Reading.sides): "Severe lupus nephritis" is SEVERE_EXCLUDED in the exclusion
    # list and REQUIRED in the inclusion list.
    "lupus nephritis scope": {
        "REQUIRED": (
            "lupus nephritis",
            "Lupus nephritis",
            "active lupus nephritis",
            "Active lupus nephritis",
            "biopsy-proven lupus nephritis",
            "Biopsy-proven lupus nephritis",
            "Severe lupus nephritis",
            "severe lupus nephritis",
            "LN",
            # in other words: the kidney's lupus
            "renal lupus",
            "Renal lupus",
            "lupus glomerulonephritis",
            "Lupus glomerulonephritis",
        ),
        "ALLOWED": (
            "with or without lupus nephritis",
            "With or without lupus nephritis",
            "with or without LN",
            "including lupus nephritis",
            "Including lupus nephritis",
            *_LET_IN,
        ),
        "EXCLUDED": (
            "lupus nephritis",
            "Lupus nephritis",
            "active lupus nephritis",
            "Active lupus nephritis",
            "LN",
            "renal lupus",
            "Renal lupus",
            "lupus glomerulonephritis",
            "Lupus glomerulonephritis",
        ),
        "SEVERE_EXCLUDED": (
            "Severe lupus nephritis",
            "severe lupus nephritis",
            "severe active lupus nephritis",
            "Severe active lupus nephritis",
        ),
    },
    "classification criteria": {
        "ACR_1982": ("1982 revised criteria", "1982 ACR", "ACR 1982", "1982 American College of Rheumatology"),
        "ACR_1997": (
            "1997 revised criteria of the American College of Rheumatology",
            "1997 revised criteria",
            "1997 ACR",
            "ACR 1997",
            "1997 revised ACR",
            "1997 American College of Rheumatology",
            "American College of Rheumatology (ACR) 1997",
            "ACR-1997",
        ),
        "SLICC_2012": ("2012 SLICC", "SLICC 2012", "Systemic Lupus International Collaborating Clinics", "SLICC"),
        "EULAR_ACR_2019": (
            "2019 EULAR/ACR",
            "EULAR/ACR 2019",
            "2019 ACR/EULAR",
            "ACR/EULAR 2019",
            "EULAR/ACR",
            "ACR/EULAR",
            "EULAR-ACR",
            "ACR-EULAR",
            "2019 European League Against Rheumatism/American College of Rheumatology",
        ),
    },
    "autoantibody": {
        "ANA": (
            "antinuclear antibodies",
            "antinuclear antibody",
            "Antinuclear antibodies",
            "Antinuclear antibody",
            "anti-nuclear antibodies",
            "anti-nuclear antibody",
            "ANAs",
        ),
        "ANTI_DSDNA": (
            "anti-dsDNA",
            "Anti-dsDNA",
            "anti-DS-DNA",
            "Anti-DS-DNA",
            "anti-ds-DNA",
            "anti-double-stranded DNA",
            "Anti-double-stranded DNA",
            "anti-double stranded DNA",
            "Anti-double stranded DNA",
            "antibodies to double-stranded DNA",
            "Antibodies to double-stranded DNA",
            "dsDNA antibodies",
            "dsDNA antibody",
        ),
        "ANTI_SM": ("anti-Smith", "Anti-Smith", "anti-Sm", "Anti-Sm"),
        "ANTI_RNP": ("anti-RNP", "Anti-RNP", "anti-U1-RNP", "anti-U1 RNP"),
        "ANTI_RO_SSA": ("anti-Ro/SSA", "anti-SSA/Ro", "anti-Ro", "Anti-Ro", "anti-SSA", "Anti-SSA"),
        "ANTI_LA_SSB": ("anti-La/SSB", "anti-SSB/La", "anti-La", "Anti-La", "anti-SSB", "Anti-SSB"),
        "ANTIPHOSPHOLIPID": (
            "antiphospholipid antibodies",
            "antiphospholipid antibody",
            "Antiphospholipid antibodies",
            "anti-phospholipid antibodies",
            "aPL",
        ),
        "ANTI_C1Q": ("anti-C1q", "Anti-C1q"),
    },
    "antibody match": {  # (a word opening a sentence as written there: "Either ANA or ...", "Both ANA and ...")
        "ANY_OF": ("and/or", "or", "any of", "any one of", "at least one of", "either", "Either"),
        "ALL_OF": ("and", "all of", "both", "Both"),
    },
    "reference type": {
        "BACKGROUND": ("background", "Background"),
        "RESULT": ("result", "Result"),
        "DERIVED": ("derived", "Derived"),
    },
}

# Yes/no fields, by their dotted path: True -> renderings, False -> renderings. A JSON source is read
# as "key: value" lines, so true and false are renderings too (the key places them).
BOOLEANS: dict[str, dict[bool, tuple[str, ...]]] = {
    "results_posted": {
        True: ("Results Posted", "Has Results", "Study Results Posted", "true"),
        False: ("No Results Posted", "No results posted", "has not published outcome measurements", "false"),
    },
    "eligibility.healthy_volunteers": {
        True: (
            "Yes",
            "Accepts Healthy Volunteers",
            "Accepts healthy volunteers",
            "Accepts Healthy Volunteers: Yes",
            "Accepts healthy volunteers: Yes",
            "true",
        ),
        False: (
            "No",
            "Accepts Healthy Volunteers: No",
            "Accepts healthy volunteers: No",
            "No healthy volunteers",
            "Does not accept healthy volunteers",
            "false",
        ),
    },
    "eligibility.prior_therapy.refractory": {
        True: ("refractory", "Refractory"),
        False: ("not refractory", "non-refractory"),
    },
}

# The words a yes/no field's label holds, for its bare answers ("Yes", "No", "true", "false"): in a
# document that places no such field, an answer of its field only after its label on its line
# (binding.categorical._answer_unlabelled). "CD28 domain? Yes." bound healthy_volunteers true, a bare "Yes" of the page.
BARE_ANSWERS = frozenset({"yes", "no", "true", "false"})


def _answer_label(label: str) -> re.Pattern[str]:
    """A yes/no field's label (a pattern) with up to 40 characters of its line after it, ending where its answer
    would stand."""
    return lazy(rf"(?i)(?<![\w-]){label}(?![\w-])[^\n]{{0,40}}\Z")


# The criteria list each value of lupus nephritis scope is read from: the list decides between the values
# its phrase can have (binding/categorical.py keeps the values whose list is the criterion's)
_SCOPE_SIDES = MappingProxyType(
    {
        "REQUIRED": ("INCLUSION",),
        "ALLOWED": ("INCLUSION", "EXCLUSION"),
        "EXCLUDED": ("EXCLUSION",),
        "SEVERE_EXCLUDED": ("EXCLUSION",),
    }
)


class Rendering(NamedTuple):
    """A rendering of a vocabulary where it stands in a text, and the value(s) it stands for."""

    start: int
    end: int
    values: frozenset


@dataclass(frozen=True)
class Reading:
    """How one vocabulary's renderings are read beside the words around them, beyond what every vocabulary's
    are (none right after words that deny it: denied). Each vocabulary's rules are one entry of READINGS, so
    that what takes back a target antigen, or whom a criterion's autoantibody is asked of, is read in one
    place; a vocabulary with no entry reads its renderings as they stand."""

    # words right before a rendering that take it back (fixed-width lookbehinds: a past role, a status "may be")
    before: str = ""
    # words right after a rendering that take it back (lookaheads: a status ended, an antigen given as a marker)
    after: str = ""
    # a field's label right before a rendering, after which no words take it back (fixed-width lookbehinds)
    labelled: str = ""
    # the values no words take back where a phrase of several words names them ("Male or female patients who
    # agree to use contraception" says both sexes may enrol, whatever a rule asks of them)
    never_taken_back: frozenset[str] = frozenset()
    # words after a value of _LEFT_OUT's that let in the group it leaves out, make an exception to it or give it
    # of a part of the trial take it back (_widened: "Sex: Female (male patients are also eligible)")
    widened: bool = False
    # words right before a rendering that aim a CAR at it: there the words after it that take it back are
    # not read ("target CD19-positive B cells" names the cells the CAR is aimed at)
    aimed_by: re.Pattern[str] | None = None
    # words right before a rendering that gloss another therapy's name with it: it renders nothing there
    # ("after rituximab (anti-CD20)")
    glossed_by: re.Pattern[str] | None = None
    # its labels holding the word naming the field are read in a sentence's lower case too ("a phase 1 study")
    in_lower_case_too: bool = False
    # what a message refusing a value says the words taken back are not (binding/categorical.py)
    not_the_value: str | None = None
    # the criteria list each value is read from, where the list decides between a phrase's values
    sides: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    # a yes/no field's label, before which a bare answer ("Yes") of a page that places no such field is its
    # answer (binding.categorical._answer_unlabelled)
    answer_label: re.Pattern[str] | None = None
    # what a criterion asks of patients, which a part of the trial named before it in its sentence gives to
    # that part only (kept_out.of_a_part)
    asked_of_patients: bool = False
    # ... asked as one of alternatives to a limit of another kind, it asks nothing (scopes.among_alternatives)
    asked_alone: bool = False
    # words saying a value is only planned (retracted.taken_back with planned) leave it to the vocabulary's
    # own readers (a plan's own value, a phase's prose.no_trials_phase, a status's lookaheads)
    plans_read_apart: bool = False
    # a condition right after a term leaves it undecided ("Allocation: Randomized, subject to funding":
    # retracted.left_open); after a term of the others it says of whom or when it holds
    left_open_by_a_condition: bool = False


@dataclass(frozen=True)
class Vocabulary:
    """The renderings of one field's values, compiled for finding them in a quote."""

    name: str
    pattern: re.Pattern[str]
    values: dict[str, frozenset]  # rendering -> the value(s) it stands for
    # how its renderings are read beside the words around them (READINGS)
    reading: Reading = field(default_factory=Reading)
    # the pattern without the words after a rendering that take it back, read where words right before
    # it aim a CAR at it (Reading.aimed_by: "target CD19-positive B cells"); None for a vocabulary none aims
    aimed: re.Pattern[str] | None = None

    def find(self, quote: str) -> list[tuple[str, frozenset]]:
        """(rendering, values) of each rendering the quote contains, longest first where they overlap."""
        return [(m.group(0), self.values[m.group(0)]) for m in self._matches(quote)]

    def places(self, text: str) -> list[Rendering]:
        """Each rendering text contains, where it stands, as find() finds them."""
        return [Rendering(m.start(), m.end(), self.values[m.group(0)]) for m in self._matches(text)]

    def match(self, text: str, at: int) -> re.Match[str] | None:
        """The rendering that starts at text[at], as find() reads it there, else None."""
        m = self.pattern.match(text, at)
        if m is None and self.aimed is not None and self._aimed_at(text, at):
            m = self.aimed.match(text, at)
        return m if m is not None and not denied(text, at) and not self._glossed(text, at) else None

    def _matches(self, text: str) -> Iterator[re.Match[str]]:
        # as finditer, but a rendering right after a word that denies it is none, and the search goes
        # on from the next character, as it would were the denial a lookbehind of the pattern (24 of
        # them at each word's start made every vocabulary's search five times slower)
        at = 0
        while (m := self._search(text, at)) is not None:
            if not denied(text, m.start()) and not self._glossed(text, m.start()):
                yield m
                at = max(m.end(), m.start() + 1)
            else:
                at = m.start() + 1

    def _search(self, text: str, at: int) -> re.Match[str] | None:
        """The first rendering from text[at] the pattern finds, or one before it that words before it aim
        a CAR at (aimed), the words after it taking it back or not."""
        found = self.pattern.search(text, at)
        if self.aimed is None:
            return found
        while (loose := self.aimed.search(text, at)) is not None and (found is None or loose.start() < found.start()):
            if self._aimed_at(text, loose.start()):
                return loose
            at = loose.start() + 1
        return found

    def _aimed_at(self, text: str, at: int) -> bool:
        """Whether the words right before text[at] (a rendering) aim a CAR at it (Reading.aimed_by)."""
        aimed = self.reading.aimed_by
        return aimed is not None and aimed.search(text, max(0, at - 200), at) is not None

    def _glossed(self, text: str, at: int) -> bool:
        """Whether the words right before text[at] (a rendering) gloss another therapy's name with it
        (Reading.glossed_by)."""
        glossed = self.reading.glossed_by
        return glossed is not None and glossed.search(text, max(0, at - 60), at) is not None

    def renderings(self, value: object) -> list[str]:
        return [r for r, values in self.values.items() if value in values]

    def hints(self, value: object, side: str | None = None) -> list[str]:
        """The renderings of value that, read on their own as binding/categorical.py reads a quote (in a criterion
        of the list side, where that list decides between a phrase's values), state value alone ("Phase
        2", not "Phase 1/2", which states PHASE1 too): the words a hint may offer for a quote of it."""
        return [r for r in self.renderings(value) if self.stated(r, side) == {value}]

    def stated(self, text: str, side: str | None = None) -> set:
        """The values text renders, as binding/categorical.py reads a quote: in a criterion of the list side, only
        the values read from that list."""
        found = {v for rendering in self.places(text) for v in rendering.values}
        sides = self.reading.sides
        return found if not sides or side is None else {v for v in found if side in sides.get(v, ())}


# No rendering stands right after words that deny it: "not autologous", "non-autologous", "no CD28
# domain", "without CD28", "Not Recruiting" state no AUTOLOGOUS, CD28 or RECRUITING (a denied phrase that
# is a value of its own is a rendering of its own, matched from its first word: "Not yet recruiting",
# "non-refractory"); nor words that set it against the value stated ("allogeneic rather than
# autologous", "instead of autologous", "(as opposed to autologous)", "unlike autologous", "other than
# CD19", "never autologous", "neither autologous nor allogeneic": each bound AUTOLOGOUS). Each form a
# fixed-width lookbehind, as Python's re needs.
_HEDGES = (
    *planned.HEDGES,
    "probably",
    "hopefully",
    "ideally",
    "theoretically",
    "presumably",
    "conceivably",
    "not yet",
)
_DENIALS = (
    "not",
    "non",
    "no",
    "without",
    "never",
    "neither",
    "nor",
    "unlike",
    "except",
    "excluding",
    "lacking",
    "other than",
    "rather than",
    "instead of",
    "in place of",
    "as opposed to",
    # (a hedge: "CD19 and possibly BCMA", "perhaps a CD28 domain" state no BCMA, no CD28)
    *(f"{hedge}{article}" for hedge in _HEDGES for article in ("", " a", " an", " the")),
)
_NOT_DENIED = "".join(
    rf"(?<!\b{re.escape(form + gap)})"
    for words in _DENIALS
    for form in dict.fromkeys((words, words.capitalize(), words.upper()))
    for gap in (" ", "-")
)
# ... nor after a denied verb of making or giving and its preposition ("IM19 CAR-T cells are not made
# with FasTCAR", "are not given by subcutaneous injection", "will never be manufactured as universal
# cells"), or its preposition alone ("by intravenous infusion, not by subcutaneous injection"): each
# bound its value (FAST, SUBCUTANEOUS, UNIVERSAL)
_DENIED_VERB = lazy(
    # (or a verb of what might be, not what is: "might use CD28"; not "would" nor "could", which registries'
    # descriptions write for what the trial will do and what its cells can do: "Patients would be infused
    # with ...", "CAR-T cells could target CD19 and eliminate B cells")
    r"(?i)(?:\b(?:not|never|cannot|no[ \t]+longer|might)|n['\u2019]t)[ \t]+"
    r"(?:(?:(?:also|ever|still)[ \t]+)?(?:(?:be(?:en|ing)?|have[ \t]+been)[ \t]+)?"
    r"(?:made|manufactured|produced|generated|engineered|prepared|given|administered|delivered|infused|injected|"
    r"used|dosed|targeted|directed"
    # (in any form: "will not target BCMA", "does not include CD28", "no longer uses allogeneic donors")
    r"|(?:target|direct|administer|deliver|inject|engineer|express|contain|employ)(?:s|es|ing)?"
    r"|(?:us|infus|produc|generat|prepar|includ|incorporat|involv|recogni[sz]|dos|manufactur)(?:e|es|ed|ing)"
    r"|make|makes|making|give|gives|giving|carry|carries|carried|carrying|bind|binds|binding)"
    r"[ \t]+(?:with|by|as|via|using|through|from|in|into|against|to|at)?"
    # (or the preposition alone: "by intravenous infusion, not by subcutaneous injection")
    r"|(?:by|via|using|with|as)[ \t]+)[ \t]*\Z"
)
_DENIED_VERB_REACH = 48
# How far before a rendering its denial may begin ("as opposed to-", "never been manufactured through ")
DENIAL_REACH = max(max(map(len, _DENIALS)) + 1, _DENIED_VERB_REACH)


def denied(text: str, at: int) -> bool:
    """Whether words right before text[at] deny the rendering that starts there (_NOT_DENIED, _DENIED_VERB)."""
    return (
        _NOT_DENIED_HERE.match(text, at) is None
        or _DENIED_VERB.search(text, max(0, at - _DENIED_VERB_REACH), at) is not None
    )


# A status of what goes on that the words after it say has ended ("Recruiting was completed in 2024",
# "Enrolling by invitation was closed") renders no status: recruitment is over. Not the next line's
# words, nor a label ("Recruiting\nCompleted: 2026-06", "Recruiting Completed: 2026-06" name a date)
# (the words added later, which also begin other phrases, "complete list", "done by", only where they
# end the clause or a time follows: "Recruiting complete.", "Recruiting concluded in 2024")
_ENDED = r"(?:completed|closed|ended|finished|stopped|halted|over)"
_ENDED_AT_CLAUSE_END = r"(?:complete|concluded|ceased|terminated|done|wound[ \t]+down)"
_STATUS_ENDED = (
    r"(?!(?i:[ \t]+(?:(?:was|were|has|have|had|is)[ \t]+(?:been[ \t]+)?)?"
    rf"{_ENDED}\b(?![ \t]*:)"
    r"|[ \t]+(?:(?:was|were|has|have|had|is)[ \t]+(?:been[ \t]+)?)?"
    rf"{_ENDED_AT_CLAUSE_END}"
    r"(?=[ \t]*(?:[).;,\n]|\Z|(?:in|on|at|since|early|prematurely)\b))))"
)
# A sex named in words of pregnancy, contraception or partners ("Female patients of childbearing
# potential must use contraception") says what those who enrol must do, not who may enrol
_SEX_OF_A_RULE = (
    r"(?!(?i:[^.;\n]{0,60}?\b(?:childbearing|reproductive|contracept\w*|pregnan\w*|lactat\w*|"
    r"breast-?feed\w*|nursing|partners?)\b))"
)
# ... nor one the words after it say has not begun, will begin, is planned or has paused ("Recruiting
# will begin in 2026.", "Recruiting has not started.", "Recruiting is planned for 2026", "Recruiting
# (expected Q3 2026)", "Recruiting paused", "Recruiting suspended"), nor the status's word as a label
# whose value says so, or as a question ("Recruiting: not yet", "Recruiting status: closed",
# "Recruiting? Not yet."): each passed as RECRUITING,
# where its words say the trial is not recruiting. Not the next line's words, nor a label of its own
# after it ("Recruiting Completed: 2026-06")
# (as the word of what it is the status of, too: "Suspended enrollment will resume in 2026",
# "Recruiting study to start soon")
_STATUS_OF = r"(?:[ \t]+(?:enrol+ment|recruitment|accrual|dosing|screening|study|trial|participation))?"
# (a status "due" to begin is not yet, one "due to slow accrual" is for a reason: "Terminated due to slow
# accrual", "Suspended due to a safety review" state their status)
_TO_BEGIN = r"(?:begin|start|open|commence|resume|re-?open|restart|be)\b"
# (and one "pending" is not yet, unless a pause: "Suspended pending DSMB review" is paused now)
_PAUSES = ("Suspended", "Temporarily not available", "Temporarily Not Available", "TEMPORARILY_NOT_AVAILABLE")
_PAUSE_FORMS = tuple(dict.fromkeys(form for label in _PAUSES for form in (label, label.upper())))  # as written
_UNPAUSED = "".join(rf"(?<!{re.escape(form)})" for form in _PAUSE_FORMS)
_STATUS_PENDING = (
    rf"(?!{_UNPAUSED}(?i:{_STATUS_OF}[ \t]*[-–—(,]?[ \t]*(?:(?:is|are|was|were|has|have|had)[ \t]+(?:been[ \t]+)?)?"
    r"pending\b(?![ \t]*:)))"
)
# ... nor an open status (recruiting, enrolling, available) whose next clause says its own enrolment is
# paused or closed ("Recruiting; recruitment paused", "Recruiting, enrolment has been suspended"): read
# past a comma or a semicolon only where it names the enrolment, "Recruiting; planned enrollment 60"
# is open; after another status the clause agrees with it ("Completed; enrollment closed")
_OPEN = ("Recruiting", "Enrolling by invitation", "Available")
# (not "Active, not recruiting" nor "Not yet recruiting", whose words end alike)
_AFTER_OPEN = "|".join(
    rf"(?<={re.escape(form)})"
    + "".join(rf"(?<!{re.escape(before + form)})" for before in ("not ", "Not ", "NOT ", "yet ", "YET "))
    for label in _OPEN
    for form in dict.fromkeys((label, label.upper(), label.lower()))
)
_STATUS_CLOSED_AFTER = (
    rf"(?!(?:{_AFTER_OPEN})(?i:[ \t]*[;,][ \t]*(?:the[ \t]+)?"
    r"(?:enrol+ment|recruitment|accrual|screening|study|trial)[ \t]+"
    r"(?:(?:is|are|was|were|has|have|had)[ \t]+(?:been[ \t]+)?)?(?:(?:now|currently|temporarily)[ \t]+)?"
    r"(?:paused|suspended|halted|stopped|closed|interrupted|on[ \t]+hold)\b"
    # ... or in a bracket or after a dash or a comma right after it ("Recruiting (closed)", "Recruiting -
    # closed", "Recruiting, now completed"); after another status such words agree with it
    rf"|(?:{_AFTER_OPEN})(?i:[ \t]*[(,\-–—][ \t]*(?:now[ \t]+)?(?:{_ENDED}|{_ENDED_AT_CLAUSE_END})"
    r"[ \t]*(?:[).;,\n]|\Z|(?:in|on|at|since)\b))))"
)
# (the words of a plan after "Not yet recruiting" say when recruiting will begin, which agrees with it:
# "Not yet recruiting (anticipated start 2026)", "Not yet recruiting, expected to open in 2026" state
# the status NOT_YET_RECRUITING, and were read as a status only planned)
_UNSTARTED = r"(?<!not yet recruiting)(?<!not_yet_recruiting)"
_STATUS_NOT_YET = (
    r"(?!(?i:[ \t]*\?|[ \t]+status\b"
    r"|[ \t]*:[ \t]*(?:not|no|never|closed|completed|ended|finished|stopped|halted|over|paused|suspended|"
    r"on[ \t]+hold|pending|tbd|n/?a)\b"
    rf"|{_UNSTARTED}[ \t]*:[ \t]*{planned.PLANNED}\b"
    rf"|{_STATUS_OF}[ \t]*[-–—(,]?[ \t]*(?:(?:is|are|was|were|has|have|had)[ \t]+(?:been[ \t]+)?)?"
    rf"(?:paused|suspended|interrupted|postponed|delayed|deferred|"
    rf"due(?![ \t]+to[ \t]+(?!{_TO_BEGIN}))|on[ \t]+hold|not|never|yet[ \t]+to)\b(?![ \t]*:)"
    rf"|{_UNSTARTED}{_STATUS_OF}[ \t]*[-–—(,]?[ \t]*(?:(?:is|are|was|were|has|have|had)[ \t]+(?:been[ \t]+)?)?"
    rf"{planned.PLANNED}\b(?![ \t]*:)"
    r"|[ \t]+(?:is|are|was|were|has|have|had|did|does|do)(?:n't|[ \t]+not)\b"
    rf"|{_STATUS_OF}[ \t]+(?:will|shall|would|should|may|might|could|can|to)[ \t]+(?:not[ \t]+|soon[ \t]+|only[ \t]+)?"
    rf"{_TO_BEGIN}"
    r"))"
)
# ... nor a pause (SUSPENDED, TEMPORARILY_NOT_AVAILABLE) the words after it, or the next sentence's
# first, say is lifted or only would be ("Suspended (resumed in 2025)", "Suspended enrollment resumed",
# "Suspended; enrollment resumed in 2025", "Suspended. The suspension was lifted in 2025.", "Suspended
# if needed", "Suspended should safety signals arise"): "Suspended until the DSMB review" and
# "Suspended. Enrollment is expected to resume in 2026." are paused now
_PAUSED = "|".join(rf"(?<={re.escape(form)})" for form in _PAUSE_FORMS)
_STATUS_PAUSE_LIFTED = (
    rf"(?!(?:{_PAUSED})(?i:{_STATUS_OF}"
    r"(?:[ \t]*[-–—(,;.]?[ \t]*"
    r"(?:(?:the[ \t]+)?(?:enrol+ment|recruitment|accrual|dosing|screening|study|trial|suspension|pause|hold)[ \t]+)?"
    r"(?:(?:is|are|was|were|has|have|had)[ \t]+(?:been[ \t]+)?)?"
    r"(?:(?:since|now|later|then)[ \t]+)?"
    r"(?:resumed|lifted|reinstated|re-?opened|restarted|reactivated)\b"
    r"|[ \t]*\(?[ \t]*(?:if|unless|should|in[ \t]+case|as[ \t]+needed)\b)))"
)
# ... nor a status the words before it say only may, will or would be ("Enrollment may be Suspended",
# "could be Terminated if ...", "is to be Completed in 2026", "if Suspended"): each form a fixed-width
# lookbehind, as Python's re needs
_STATUS_MAY_BE = "".join(
    rf"(?<!\b{re.escape(form)})"
    for words in (
        *(f"{modal} be " for modal in ("may", "might", "could", "would", "will", "shall", "can", "should", "to")),
        *(f"{word} " for word in ("if", "unless", "once", "until")),
    )
    for form in dict.fromkeys((words, words.capitalize(), words.title(), words.upper()))
)
# ... nor one the words after it in its clause exclude ("Female patients are not eligible.", "Female
# patients are excluded", "Female patients cannot take part", "Female: not eligible"): each passed as
# the sex FEMALE, of a trial its source says takes no women
_SEX_EXCLUDED = (
    rf"(?!(?i:[^.;,\n]{{0,40}}?(?<![\w-])(?:{kept_out.DENIED}[ \t]+(?:be[ \t]+)?"
    rf"(?:{kept_out.LET_IN}|enrol\w*|participat\w*)(?![ \t]+(?:for|to)\b)|{kept_out.SHUT_OUT})\b"
    r"|[ \t]*:[ \t]*(?:not|no|none|excluded|ineligible)\b))"
)
# ... and no rendering of any vocabulary is its value where it is a label whose answer denies it
# ("Randomized: No", "Has Results: No", "Interventional: no, this is an observational registry"): each
# bound its value (RANDOMIZED, results posted, INTERVENTIONAL) with a quote of the label alone. Nor
# where the answer gives nothing ("Randomized: Unknown", "Has Results: N/A", "Randomized: TBD",
# "Randomized: -"), or denies it after a question mark, a bracket or "=" ("Randomized? No",
# "Randomized (no)"), the question's mark after the words of the value's own phrase too ("CD28 domain?
# No.", "Randomized allocation? Unclear": retracted.ASKED): the whole answer there, so that "Randomized
# (not blinded)" stays randomised. (Not after a dash, which a page's columns may stand apart by:
# "Recruiting - N/A" is a status and a phase.)
_NO_ANSWER = (
    r"(?:no|none|false|n/?a|unknown|unclear|undecided|undetermined|tb[acd]|not[ \t]+(?:known|stated|given|reported)"
    r"|to[ \t]+be[ \t]+(?:determined|decided|confirmed|announced))\b"
)
_ANSWERED_NO = (
    rf"(?!(?i:[ \t]*:[ \t]*(?:not|never|{_NO_ANSWER})"
    rf"|[ \t]*(?:\?+|[=(])[ \t]*{_NO_ANSWER}[ \t]*(?:[).,;\n]|\Z)"
    rf"|{retracted.ASKED}[ \t]*\?+[ \t]*{sentences.ANSWER_LABEL}?{_NO_ANSWER}[ \t]*(?:[).,;\n]|\Z)"
    r"|[ \t]*:[ \t]*[-–—][ \t]*(?:\n|\Z)))"
)
# ... nor results posted that the words right after it say are only planned or awaited ("Results Posted
# (planned for 2027)", "Has Results: expected 2027", "Has Results (pending)", "Results posted - to be
# posted in 2026"): each bound results_posted true for a trial that has posted none
_RESULTS_NOT_YET = (
    # (of the renderings of true: "No Results Posted (expected 2027)" says none are posted)
    r"(?!(?<!No Results Posted)(?<!No results posted)"
    rf"(?i:[ \t]*[(:,\-–—]?[ \t]*(?:(?:is|are|will[ \t]+be)[ \t]+)?(?:{planned.PLANNED}|pending|awaited|"
    r"forthcoming|due|upcoming|not[ \t]+yet|to[ \t]+(?:be|come)|will|soon)\b))"
)
# ... nor a sex or an answer on healthy volunteers that the words after it in its sentence (past a
# semicolon too: binding reads that far) widen to the group it leaves out, make an exception to, or give
# of a part of the trial only, or that the next sentence, opening on that group, widens: "Gender:
# Female (male patients are also eligible)", "Sex: Female; males with lupus nephritis may also enrol",
# "Sex: Female. Male patients with lupus nephritis are eligible.", "Sex: Female, including males",
# "Healthy volunteers: No; healthy volunteers may join the extension cohort", "No healthy volunteers,
# except in the extension cohort", "Sex: Female (extension cohort only)". Each bound its value with a
# quote of the label and its answer, where the source lets the others in. The group named in words that
# keep it out or set it a rule leaves the value standing ("Sex: Female (male patients are excluded)",
# "Sex: Female; male partners must use contraception"), as do a group named with no word letting it in
# ("Sex: Female. Males with SLE are also rare.") and an exception of a rule's ("Sex: Female (except
# pregnant women)"). "All" is widened by nothing.
# (each value: the group it leaves out, None for one that leaves out no group)
_LEFT_OUT: dict[str | bool, str | None] = {
    "FEMALE": r"(?:males?|men|boys|male[ \t]+(?:patients?|participants?|subjects?))",
    "MALE": r"(?:females?|women|girls|female[ \t]+(?:patients?|participants?|subjects?))",
    False: r"healthy[ \t]+(?:volunteers?|participants?|subjects?|individuals?|controls?|adults?)",
    True: None,
}
# ... which the value is given of, right after it and its phrase's words, or its label's answer ("(extension
# cohort only)", ", in Part B", "- for the sub-study", "Accepts Healthy Volunteers: Yes (sub-study only)")
_OF_A_PART = kept_out.PART_NAMED_AFTER


# ... nor what a criterion asks of patients (an autoantibody, lupus nephritis, a classification criteria set)
# that the words right after it say patients lack, need not have, may have, or have in a part of the trial
# only: "ANA negative", "Anti-dsDNA positivity is not required", "Lupus nephritis is preferred", "Lupus
# nephritis (optional)", "Positive ANA (Part B only)", "Lupus nephritis in Part B only". Each bound the
# term as a requirement (or an exclusion) of the trial's. (Past the few words of its own phrase:
# "positivity", "antibodies", "titre".)
_NOT_ASKED_AFTER = (
    r"(?!(?i:[ \t]*(?:antibod(?:y|ies)[ \t]+|titer[ \t]+|titre[ \t]+|test[ \t]+|status[ \t]+)?[-(:]?[ \t]*"
    r"(?:sero)?negativ(?:e|ity)\b"
    r"|[^.;:,()\n]{0,30}?\b(?:is|are|was|were|be)[ \t]+(?:(?:not|no[ \t]+longer)[ \t]+(?:required|necessary|needed"
    r"|mandatory)|preferred|optional|recommended|desirable|encouraged)\b"
    r"|(?:[ \t]+(?:criteria|antibod(?:y|ies)|titers?|titres?))?[ \t]*[(\[][ \t]*(?:preferred|preferably|optional"
    r"|recommended|not[ \t]+required|if[ \t]+(?:known|available|possible))[ \t]*[)\]]"
    r"))(?!(?i:" + _OF_A_PART + r"))"
)
# ... nor an antigen the words right after it give as a marker of cells, patients or a disease ("CD19
# Positive Systemic Lupus Erythematosus", "CD20+ B cells", "CD22-negative", "BCMA-expressing"; not a "+"
# joining another antigen, "CD19+BCMA"), or as what an antibody binds ("CD20 monoclonal antibodies", "an
# anti-CD20 antibody", "CD20-targeted mAb"): none says what a CAR targets, nor a co-stimulatory domain it
# holds ("anti-CD28 antibody beads"). Each bound a target antigen, a stub's CD19 quoted from its title's
# disease or a second antigen beside the CAR's, or a domain (hunt 200).
# ... (nor a therapy's of that name or one depleting cells of it: "after failure of anti-CD20 therapy",
# "after CD20-depleting therapy", each a second antigen beside the CAR's, review 205)
_NOT_A_TARGET_AFTER = (
    r"(?!\+(?![ \t]*(?:[A-Z]{2}|[0-9]))"
    r"|(?i:[ \t]*[-‐]?[ \t]*(?:positiv|negativ|express|deplet)"
    r"|[ \t]+(?:therap(?:y|ies)|treatments?)\b"
    r"|(?:[- \t]+(?:directed|targeted|targeting|specific))?[ \t]+(?:monoclonal[ \t]+)?(?:antibod|mabs?\b)))"
)
# ... nor an origin or a kind of manufacturing the words right after it give to what is no cell product:
# "cultured in autologous serum", "autologous plasma", "handled with universal precautions", "prior
# autologous stem cell transplantation" (each bound the product's origin or manufacturing, hunt 200)
# ... (nor stem cells, a haematopoietic cell transplant: "given autologous stem cells", "after allogeneic
# hematopoietic cell transplantation" each bound an origin, review 205; not a product derived from them)
_NOT_THE_PRODUCTS_AFTER = (
    r"(?!(?i:[ \t]+(?:serum|sera|plasma|platelet|precautions?|health|coverage|access|screening|"
    r"stem[- ]cells?(?![- ]derived)|(?:haemato|hemato)poietic\b(?![- ]stem[- ]cell[- ]derived)|"
    r"(?:(?:haemato|hemato)poietic[ \t]+)?(?:stem[- ]cell|bone[ \t]+marrow)[ \t]+transplant|transplant|hsct\b|sct\b))"
    r")"
)
# ... unless words right before it aim a CAR at it: then a marker is the marker of the cells the CAR is
# aimed at ("IM19 CAR-T cells target CD19-positive B cells", "are directed against CD19-expressing B cells",
# "kill CD19+ B cells", "recognise", "bind", "specific for"), and an antibody's the one its binder is taken
# from ("an scFv from the anti-CD19 monoclonal antibody FMC63"). Each was refused (review 205). Only where
# the sentence names the CAR before the words, and nothing between names another therapy or one had
# before ("after an anti-CD20 antibody targeting CD20-positive cells", "rituximab, an antibody against
# CD20-positive cells"), as another product's words do not aim this one ("deplete" names an effect).
_AIMING = (
    r"(?:target(?:s|ed|ing)?|(?:re)?direct(?:s|ed|ing)?[ \t]+(?:against|at|to|towards?)|against|"
    r"kill(?:s|ed|ing)?|recogni[sz](?:e|es|ed|ing)|bind(?:s|ing)?(?:[ \t]+to)?|"
    r"specific(?:ally)?[ \t]+(?:for|to)|specificity[ \t]+(?:for|to)|"
    r"(?:scFvs?|single[- ]chain[ \t]+variable[ \t]+fragments?|binders?|binding[ \t]+domains?)[ \t]+"
    r"(?:(?:derived|taken|built)[ \t]+)?from)"
)
_NOT_THIS_CARS = (
    r"[.;!?\n]|(?<![\w-])(?:antibod\w*|\w*mabs?|after|before|prior|previous(?:ly)?|follow\w*|fail\w*|"
    r"refractory|resistant|despite|unlike|versus|vs|rituximab|belimumab|"
    # (nor the patients and what they had: "target CD19 in patients who received treatment against CD20-...")
    r"who|whom|whose|patients?|participants?|subjects?|receiv\w*|treated|had)(?![\w-])"
)
_AIMED = lazy(
    r"(?i)(?<![\w-])(?:CARs?|chimeric[ \t]+antigen[ \t]+receptors?)(?![A-Za-z0-9_])"
    rf"(?:(?!{_NOT_THIS_CARS}).)*?(?<![\w-]){_AIMING}[ \t]+(?:(?:the|a|an|both)[ \t]+)?(?:anti-?[ \t]*)?\Z"
)
# ... and none a monoclonal antibody's name right before it glosses ("after rituximab (anti-CD20)",
# "obinutuzumab, anti-CD20": the antibody's target, no CAR's; review 205)
_GLOSSED_BY_AN_ANTIBODY = lazy(
    r"(?i)(?<![\w-])[a-z]+mabs?[ \t]*[(\[,:]?[ \t]*(?:(?:an?|the)[ \t]+)?(?:anti-?[ \t]*)?\Z"
)


# The words before an autoantibody an inclusion criterion names that say patients lack it ("Negative for
# anti-dsDNA", "Seronegative for ANA and anti-Sm"; no "positive" between): it asks them to be negative, and
# bound ANTI_DSDNA among the antibodies patients must be positive for (binding), and kept a record from
# declaring them silent (silence). An exclusion criterion's keeps out those who lack it, and asks for it
# (prior_therapy.NOT_MET): each reader asks this of an inclusion criterion's antibodies only.
_NEGATIVE_FOR = lazy(r"(?i)\b(?:sero)?negative\s+(?:for|to)\b(?:(?!\bpositiv)[^.;:()\n]){0,40}\Z")


def negative_for(text: str, at: int) -> bool:
    """Whether the words right before text[at] (an autoantibody's rendering) say patients are negative for it."""
    return _NEGATIVE_FOR.search(text, max(0, at - 60), at) is not None


# What an inclusion criterion asks of patients (lupus nephritis, an autoantibody) as one of alternatives to a
# limit of another kind asks of no patient ("SLEDAI-2K ≥ 6 or active lupus nephritis", "One of: SLEDAI-2K ≥ 6;
# positive anti-dsDNA"): it renders nothing there (Reading.asked_alone). An alternative naming another term of
# the vocabulary ("ANA ≥ 1:80 or anti-dsDNA positive") gives the field's own alternatives (an antibody match:
# ANY_OF), and a classification criteria set named beside a count of criteria is one the trial accepts.


def _widening(left_out: str | None) -> str:
    """The words after a value that let in the group it leaves out (left_out: _LEFT_OUT's), make an
    exception to it (kept_out.excepted), or give it of a part of the trial (_widened)."""
    lets_in = (
        ""
        if left_out is None
        else (
            rf"|{kept_out.let_in(left_out)}|{kept_out.let_in_next(left_out)}"
            rf"|{kept_out.IN_SENTENCE}{{0,80}}?(?<![\w-])(?:and|or|plus|including|incl\.|as[ \t]+well[ \t]+as)[ \t]+"
            rf"(?:[\w-]+[ \t]+){{0,2}}?{left_out}(?![\w-]){kept_out.NO_RULE}"
        )
    )
    return rf"(?i:{_OF_A_PART}|{kept_out.excepted('' if left_out is None else left_out)}{lets_in})"


def _widened(reading: Reading, values: dict[str, set]) -> str:
    """The lookaheads that take back each value of _LEFT_OUT's a vocabulary read widened (Reading.widened)
    renders where the words after it widen it (_widening): each after that value's renderings only, a
    fixed-width lookbehind each ("Male" after no letter: not the end of "Female")."""
    found = ""
    for value, left_out in _LEFT_OUT.items() if reading.widened else ():
        forms = sorted(r for r, of in values.items() if of == {value})
        if forms:
            after = "|".join(rf"(?<=(?<![A-Za-z0-9_]){re.escape(form)})" for form in forms)
            found += rf"(?!(?:{after}){_widening(left_out)})"
    return found


# ... nor a role the word before it says someone held before or will hold ("Former Principal Investigator:
# Wang Li", "previous Study Chair", "Ex-Study Director", "Incoming Principal Investigator"): each bound
# the official's role of one who does not hold it now
_ROLE_NOT_NOW = "".join(
    rf"(?<!\b{re.escape(form + gap)})"
    for word in ("former", "previous", "past", "ex", "outgoing", "retired", "incoming", "future")
    for form in dict.fromkeys((word, word.capitalize(), word.upper()))
    for gap in ((" ", "-") if word == "ex" else (" ",))
)
# The labels a page writes the sex of participants under (a registry's "Sexes Eligible for Study: All")
SEX_LABELS = ("Sex", "Sexes", "Gender", "Sexes Eligible for Study", "Sexes Eligible", "Eligible Sex")
# A rendering right after its field's label is the field's value, whatever words follow it ("Sex:
# Female (women of childbearing potential must use contraception)" says who may enrol): none is taken
# back. Each label and separator a fixed-width lookbehind of its own, as Python's re needs.
_SEX_LABELLED = "|".join(
    rf"(?<={re.escape(form + sep)})"
    for label in SEX_LABELS
    for form in dict.fromkeys((label, label.lower(), label.upper(), label.capitalize()))  # (a set's order varies)
    for sep in (":", ": ", "：")
)


_NOT_DENIED_HERE = lazy(_NOT_DENIED)  # matched (empty) at a rendering's start unless a denial stands before


# The words a title leaves in lower case ("Criteria of the American College of Rheumatology")
_TITLE_LOWER = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})


def _titled(label: str) -> tuple[str, ...]:
    """A rendering of several words as a title writes it: each word capitalised ("Lupus Nephritis",
    "Antinuclear Antibody"), and the short words of a title left in lower case ("1997 Revised
    Criteria of the American College of Rheumatology"); and as a sentence or a list item opens with
    it, its first word capitalised ("At least one of: positive ANA; positive anti-dsDNA"). A
    criterion so written showed a reader the phrase, and was read as none: a record declaring
    eligibility.lupus_nephritis silent passed E523 against "Patients with active Lupus Nephritis"
    (the upper-case forms were read already), and an honest antibody match ANY_OF was refused (E507)."""
    words = label.split(" ")
    if len(words) < 2:
        return ()
    every = [w[:1].upper() + w[1:] for w in words]
    title = [w if i and w in _TITLE_LOWER else every[i] for i, w in enumerate(words)]
    return (" ".join(every), " ".join(title), " ".join([every[0], *words[1:]]))


# Each vocabulary's rules of reading (Reading), by its name in TABLES or BOOLEANS. Why each entry says what it
# says:
# - overall status: words before it may say it is only possible, words after it that it ended, has not begun,
#   is pending, was lifted or closed (_STATUS_MAY_BE, _STATUS_ENDED, ...); plans are read by its lookaheads.
# - phase: its labels holding the word "phase" ("Phase 1", "Early Phase I") are read in a sentence's lower case
#   too ("a phase 1 study", "a phase II study"): they name nothing else, as "other" or "recruiting" may. Read as
#   written only, an honest record quoting "phase 1" was refused, and silence let a record declare the phases of
#   "this phase 2 trial" silent. Only those: "not applicable" or "n/a" in lower case (NA's "Not Applicable",
#   "N/A") names no phase, and bound a Phase 2 trial's phases NA. Its plans are read by prose.no_trials_phase.
# - sex: a rendering after its label is taken back by no words (_SEX_LABELLED); "Male or female patients who
#   agree to use contraception" says both sexes may enrol, whatever a rule asks of them, while a bare "All" may
#   be "All women of childbearing potential", and is taken back as any other (never_taken_back).
# - target antigen, co-stimulatory domain: no marker of cells or what an antibody binds (_NOT_A_TARGET_AFTER),
#   unless words aim the CAR at it (_AIMED); no antibody's gloss (_GLOSSED_BY_AN_ANTIBODY).
# - lupus nephritis scope, autoantibody, classification criteria: asked of patients (_NOT_ASKED_AFTER), the
#   list a criterion stands in deciding lupus nephritis's value (_SCOPE_SIDES).
# - plans read apart: words saying a value is only planned (retracted.taken_back with planned) leave alone, in
#   binding and in silence alike, a plan's own value ("Enrollment: 60 (Anticipated)" types its count
#   ESTIMATED), and those whose own readers read plans by words of their own (a phase: prose.no_trials_phase;
#   a status and results posted: this module's lookaheads). Read planned, "No Results Posted (expected in
#   2027)" rendered no results_posted false, though it says none are posted now.
# - left open by a condition: the trial's own design and product, which a condition right after a term leaves
#   undecided ("Allocation: Randomized, subject to funding": retracted.left_open). A condition after a term of
#   the others says of whom or when it holds, as a rule of the participants does: "Sex: Female, unless
#   postmenopausal", "cyclophosphamide unless contraindicated", "Anti-dsDNA positive, if ANA is negative".
READINGS: Mapping[str, Reading] = MappingProxyType(
    {
        "overall status": Reading(
            before=_STATUS_MAY_BE,
            after=_STATUS_ENDED + _STATUS_NOT_YET + _STATUS_PENDING + _STATUS_PAUSE_LIFTED + _STATUS_CLOSED_AFTER,
            plans_read_apart=True,
        ),
        "phase": Reading(in_lower_case_too=True, plans_read_apart=True),
        "actual or estimated": Reading(plans_read_apart=True),
        "study type": Reading(left_open_by_a_condition=True),
        "allocation": Reading(left_open_by_a_condition=True),
        "intervention model": Reading(left_open_by_a_condition=True),
        "primary purpose": Reading(left_open_by_a_condition=True),
        "masking": Reading(left_open_by_a_condition=True),
        "observational model": Reading(left_open_by_a_condition=True),
        "time perspective": Reading(left_open_by_a_condition=True),
        "official role": Reading(before=_ROLE_NOT_NOW),
        "responsible party type": Reading(before=_ROLE_NOT_NOW),
        "sex": Reading(
            after=_SEX_OF_A_RULE + _SEX_EXCLUDED,
            labelled=_SEX_LABELLED,
            never_taken_back=frozenset({"ALL"}),
            widened=True,
        ),
        "target antigen": Reading(
            after=_NOT_A_TARGET_AFTER,
            aimed_by=_AIMED,
            glossed_by=_GLOSSED_BY_AN_ANTIBODY,
            not_the_value=(
                "an antigen given as a marker of cells, patients or a disease, or as what another antibody binds, "
                "is not the product's target unless words aim its CAR at it (targets, directed against, an scFv "
                "from)"
            ),
            left_open_by_a_condition=True,
        ),
        "co-stimulatory domain": Reading(after=_NOT_A_TARGET_AFTER),
        "product origin": Reading(after=_NOT_THE_PRODUCTS_AFTER, left_open_by_a_condition=True),
        "manufacturing": Reading(after=_NOT_THE_PRODUCTS_AFTER, left_open_by_a_condition=True),
        "lupus nephritis scope": Reading(
            after=_NOT_ASKED_AFTER, sides=_SCOPE_SIDES, asked_of_patients=True, asked_alone=True
        ),
        "autoantibody": Reading(after=_NOT_ASKED_AFTER, asked_of_patients=True, asked_alone=True),
        "classification criteria": Reading(after=_NOT_ASKED_AFTER, asked_of_patients=True),
        "eligibility.healthy_volunteers": Reading(
            widened=True, answer_label=_answer_label(r"healthy[ \t]+(?:volunteers?|participants?|subjects?)")
        ),
        "results_posted": Reading(
            after=_RESULTS_NOT_YET, answer_label=_answer_label(r"results?"), plans_read_apart=True
        ),
    }
)
_AS_THEY_STAND = Reading()


def _compile(name: str, table: dict) -> Vocabulary:
    reading = READINGS.get(name, _AS_THEY_STAND)
    values: dict[str, set] = {}
    for value, labels in table.items():
        shown = [str(value)] if isinstance(value, str) else []
        titled = [form for label in labels for form in _titled(label)]
        lower = [
            form
            for label in labels
            if name in label.lower()  # ("N/A", "Not Applicable": no phase in lower case)
            for form in (label.lower(), re.sub(rf"\b{name.title()}\b", name, label))
        ]
        lower = lower if reading.in_lower_case_too else []
        for label in (*shown, *labels, *(label.upper() for label in labels), *titled, *lower):
            values.setdefault(label, set()).add(value)
    ordered = sorted(values, key=lambda r: (-len(r), r))  # the regex tries the longest first at each place
    rendering = "(?:" + "|".join(map(re.escape, ordered)) + r")(?![A-Za-z0-9_])"
    widened = _widened(reading, values)
    taken_back = reading.before + rendering + _ANSWERED_NO + reading.after + widened
    if reading.labelled:
        taken_back = f"(?:{reading.labelled}){rendering}{widened}|{taken_back}"
    if reading.never_taken_back:
        # tried first at each place, as long a rendering as the others ("Male or female" before "Male")
        kept = sorted(
            (r for r in values if values[r] & reading.never_taken_back and " " in r), key=lambda r: (-len(r), r)
        )
        taken_back = "(?:" + "|".join(map(re.escape, kept)) + r")(?![A-Za-z0-9_])|" + taken_back
    pattern = lazy(r"(?<![A-Za-z0-9_])(?:" + taken_back + ")")
    aimed = (
        lazy(r"(?<![A-Za-z0-9_])(?:" + reading.before + rendering + _ANSWERED_NO + widened + ")")
        if reading.aimed_by is not None
        else None
    )
    return Vocabulary(name, pattern, {k: frozenset(v) for k, v in values.items()}, reading, aimed)


def _by_values() -> dict[frozenset, Vocabulary]:
    found: dict[frozenset, Vocabulary] = {}
    for name, table in TABLES.items():  # two tables of the same values: the first
        found.setdefault(frozenset(table), _compile(name, table))
    return found


# Compiled once, when the module is imported (only a run that checks a record imports it), and never
# changed: the vocabularies are constants, and a record binds a dozen values to them.
_FOR_ENUM = MappingProxyType(_by_values())
_FOR_BOOLEAN = MappingProxyType({field: _compile(field, table) for field, table in BOOLEANS.items() if table})


def term_taken_back(vocab: Vocabulary, text: str, start: int, end: int) -> bool:
    """Whether the words right around a rendering at text[start:end] take its term back, as binding
    and silence read them (retracted.taken_back): planned unless the vocabulary reads its plans apart
    (Reading.plans_read_apart); of a status and results posted, whose plans this module's lookaheads
    read after them, a plan word between their label and them too ("Status: expected Recruiting"; a phase's reader,
    prose.no_trials_phase, reads its own)."""
    if not vocab.reading.plans_read_apart:
        return retracted.taken_back(text, start, end, planned=True) or (
            vocab.reading.left_open_by_a_condition
            and (
                retracted.left_open(text, end)
                or retracted.left_open_before(text, start)
                # (or held in a part of the trial alone: "Randomized in the extension study only")
                or kept_out.of_a_part_after(text, end, only=True)
            )
        )
    return retracted.taken_back(text, start, end) or (
        vocab.name in ("overall status", "results_posted") and retracted.opened_by_a_plan(text, start)
    )


def for_enum(values: tuple[str, ...]) -> Vocabulary | None:
    """The vocabulary whose values are exactly this enum's (as the schema lists them), else None."""
    return _FOR_ENUM.get(frozenset(values))


def for_boolean(field: str) -> Vocabulary | None:
    """The renderings of a yes/no field (dotted path without list indexes), else None."""
    return _FOR_BOOLEAN.get(field)


class AnyTerm(NamedTuple):
    """Every rendering of every vocabulary in one pattern (longest first at each place), the length
    of the longest, and the runs of letters, digits and "_" the renderings are made of: edges.py looks
    for a term across an end of a quote with them."""

    pattern: re.Pattern[str]
    longest: int
    runs: frozenset[str]  # every run of a rendering
    longest_run: int
    before_more: frozenset[str]  # the runs a rendering goes on after ("Not" of "Not Yet Recruiting")
    after_more: frozenset[str]  # the runs a rendering has something before ("Recruiting" of the same)
    word_first: bool  # every rendering begins with a letter or digit (none with "(" or a space)


def _any_term(vocabularies: tuple[Vocabulary, ...]) -> AnyTerm:
    ordered = sorted({r for vocab in vocabularies for r in vocab.values}, key=lambda r: (-len(r), r))
    pattern = lazy(r"(?<![A-Za-z0-9_])(?:" + "|".join(map(re.escape, ordered)) + r")(?![A-Za-z0-9_])")
    found = [(m.group(), m.start() > 0, m.end() < len(r)) for r in ordered for m in re.finditer(r"[A-Za-z0-9_]+", r)]
    runs = frozenset(run for run, _, _ in found)
    before_more = frozenset(run for run, _, more in found if more)
    after_more = frozenset(run for run, more, _ in found if more)
    word_first = all(re.match(r"[A-Za-z0-9]", r) for r in ordered)
    return AnyTerm(pattern, max(map(len, ordered)), runs, max(map(len, runs)), before_more, after_more, word_first)


_EVERY = (*_FOR_ENUM.values(), *_FOR_BOOLEAN.values())
_ANY_TERM = _any_term(_EVERY)


def every() -> tuple[Vocabulary, ...]:
    """Every vocabulary: the enums' and the yes/no fields'."""
    return _EVERY


def any_term() -> AnyTerm:
    return _ANY_TERM
