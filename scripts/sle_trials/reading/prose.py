"""How a plain document's sentences are read: which are about this trial, which sentence ties a
measure to its time frame, a site's places to each other.

A registry's layout states each field in a place of its own (layouts.py); a plain document (a press
release, a plain page) and a ClinConnect page's summary state a trial's fields in sentences, and
often another trial's or product's in the next one ("Northbridge's earlier antibody, NB-201, was
evaluated in a Phase 2 trial in multiple myeloma"). These are the rules by which the evidence checks
(checks/evidence.py) read such prose: the sentences (reading/sentences.py), those about this trial
(of_this_trial: no other product's code or disease, nor only another phase, nor the words after
"an earlier study", "a second trial", "also sponsors"), the words in them that state no field of the trial (stating: a
place of manufacture, a disease's population, the date of data or of the dateline, a quoted
officer, a prior therapy; without_partners: a licensor), the sentences naming the product
(naming_the_product), and what ties one item's texts together: a measure and its time frame (tied),
a site's facility and places (together), an official's name and affiliation (affiliated). They
are cue words and their readers, kept apart from the checks so that each cue stands beside the
others it is weighed against. Each field's rule is in one place (_RULES, _plain_rule): Trial reads
a record's sources by them for the evidence checks and the silence check (where a document states
a field, and whether a condition read there is another trial's), and read_as says them in a message.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading import edges, layouts, planned, retracted, vocabulary
from sle_trials.reading.layouts import SourceDoc, normalise
from sle_trials.reading.lexicon import age_bounds, quantities
from sle_trials.reading.sentences import (
    INSTITUTION,
    LABEL,
    LIST_MARK,
    OPENS,
    PLACES_FIRST,
    SENTENCES,
    STOP,
    joined,
    pieces,
    split,
    unanswered,
)

# The fields a ClinConnect page places in its summary (prose; its other places are lines, not sentences)
_SUMMARY_FIELDS = ("phases", "cell_product", "interventions")


# A product's code in its name ("IM19" of "IM19 CAR-T cells", "KYV-101", "CABA-201"): letters then
# digits, not a cluster of differentiation ("CD19" of "CD19 CAR-T cells" names a target, not the product)
_CODE = lazy(r"(?i)(?!CD\d)[a-z]{1,6}-?\d{1,6}[a-z]?")


def naming_the_product(passages: list[layouts.Passage], name: Any) -> list[layouts.Passage]:
    """The sentences of a plain document's passages that name the product (a CAR, the product's
    name, or its name's code: "IM19, an autologous therapy" names "IM19 CAR-T cells"): where it
    states the product's facts. "Allogeneic transplantation is excluded." and "Prior anti-BCMA
    therapy" name other things, and gave a CAR-T product the origin and target they name."""
    named = normalise(name).lower() if isinstance(name, str) and name.strip() else None
    codes = [w for w in re.split(r"[\s,;()]+", named) if _CODE.fullmatch(w)] if named else []
    code = re.compile(r"(?i)(?<![\w-])(?:" + "|".join(map(re.escape, codes)) + r")(?![\w])") if codes else None
    return [
        layouts.Passage(sentence)
        for passage in passages
        for sentence in split(passage.text)
        if vocabulary.CAR_WORDS.search(sentence)
        or (named is not None and named in sentence.lower())
        or (code is not None and code.search(sentence))
    ]


# The fields of the trial as a whole: what a plain document or a page's prose states of the trial in
# its sentences about the trial, not in one about another trial or product ("Northbridge's earlier
# antibody, NB-201, was evaluated in a Phase 2 trial in multiple myeloma, which completed enrollment
# of 120 participants" gave a draft the phase, enrollment, condition and product of another trial).
_TRIAL_LEVEL = frozenset(
    {
        "overall_status",
        "last_known_status",
        "dates",
        "phases",
        "study_type",
        "design",
        "enrollment",
        "conditions",
        "cell_product",
        "arms",
        "interventions",
        "outcomes",
        "locations",
        "officials",
        # (a registry's term, stated only in its words: _RESPONSIBLE)
        "responsible_party",
        # (a name and a reason of the trial's: "The sister study LUPUS-CAR2 uses the same product" gave a
        # record the acronym of another study)
        "acronym",
        "why_stopped",
    }
)
# Words that turn a sentence to another trial or product: "an earlier Phase 1 study", "Northbridge's
# earlier antibody", "another CAR-T product", "a previous trial" (a noun at most two words on: "the
# trial's earlier dose-escalation phase" and "prior therapies" are this trial's own words). A
# sentence speaks of this trial up to them.
_TRIAL_NOUN = (
    r"(?:trials?|stud(?:y|ies)|antibod(?:y|ies)|products?|programm?e?s?|candidates?|assets?|molecules?|compounds?)"
    r"(?![\w-])"
)
_OTHER = lazy(rf"(?i)(?<![\w-]){age_bounds.ANOTHER}\s+" + r"(?:[\w()'’/-]+\s+){0,2}?" + _TRIAL_NOUN)
# Words that introduce a trial besides this one without naming it earlier or another: one more ("a
# second trial", "an additional Phase 2 study", "the planned Phase 2 trial", "a long-term follow-up
# study"), one the sponsor "also" runs ("Northbridge also sponsors a Phase 2 trial", "NB-301 is also
# being evaluated in a Phase 2 study"), one it plans ("plans to initiate a Phase 2 trial", "will
# advance NB-301 into a Phase 2 study", "A Phase 2 trial is planned"), or a sentence turning away
# ("Separately, ..."), the sponsor's pipeline, or therapies besides the trial's ("Other CAR-T
# therapies, such as those targeting BCMA", "approved CAR-T therapies"). A noun these name as a word of
# this trial's ("additional study visits", "other trial sites") is none. They may name this trial (a
# press release announcing a planned trial: "plans to initiate a Phase 1 trial (NCT…)"): a sentence
# naming the trial's id after them is about it.
_NOT_A_TRIAL = (
    r"(?!\s+(?:visits?|procedures?|drugs?|treatments?|medications?|assessments?|sites?|cent(?:er|re)s?|"
    r"doctors?|physicians?|investigators?|staff|teams?|protocols?|periods?|schedules?|windows?)(?![\w-]))"
)
_A = r"(?:a|an|one|two|three|four|five|several|multiple|more)\s+"
_WORDS = r"(?:[\w()'’/,-]+\s+){0,3}?"
_ANOTHER_TRIAL = lazy(
    r"(?i)(?<![\w-])(?:"
    + r"(?:second|third|fourth|fifth|additional|further|subsequent|next|planned|upcoming|future|follow-on|"
    + r"follow-up|confirmatory|larger|independent|parallel|companion)\s+"
    + _WORDS
    + _TRIAL_NOUN
    + r"|(?:also|additionally|in\s+addition)\b[^.;]{0,60}?(?<![\w-])"
    + _A
    + _WORDS
    + _TRIAL_NOUN
    + r"|(?:plans?|planning|intends?|intending|expects?|expecting|anticipates?|aims?|hopes?|will|would|could|may)"
    + r"\s+(?:to\s+)?(?:\w+\s+){0,2}?(?:initiate|start|begin|launch|commence|open|conduct|run|advance|move|"
    + r"progress)\w*\s+(?:[\w-]+\s+){0,2}?(?:into\s+)?"
    + _A
    + _WORDS
    + _TRIAL_NOUN
    + r"|"
    + _A
    + _WORDS
    + _TRIAL_NOUN
    + r"(?:\s+[\w()'’/,-]+){0,4}?\s+(?:is|are|will\s+be)\s+(?:\w+\s+)?(?:planned|scheduled|slated)"
    # (a study within this one, with the words that describe it: "Observational sub-study", "an imaging
    # substudy", "an ancillary study": its type and design are its own)
    + r"|(?:[\w-]+\s+){0,2}?(?:sub-?stud(?:y|ies)|ancillary\s+stud(?:y|ies))(?![\w-])"
    + r"|(?:separately|in\s+other\s+news)\s*,"
    + r"|(?:pipelines?|portfolios?)(?![\w-])"
    + r"|(?:another|other|approved|existing|marketed|commercial(?:ly)?|available)\s+(?:[\w()'’/-]+\s+){0,2}?"
    + r"(?:therap(?:y|ies)|treatments?|cells?|drugs?|medicines?)(?![\w-])"
    + r")"
    + _NOT_A_TRIAL
)
# A trial a sentence brings in as a new one, by an indefinite article anywhere in it ("A trial in myositis
# enrolled 120 participants", "NB-301 was studied in a trial in SLE that enrolled 120", "One Phase 1 trial of
# NB-301 ..."): a document brings its own trial in by its title and id, and speaks of it after as "the
# trial", "this study", "its trial". Without it, a sentence naming this trial's product, disease and phase,
# or a disease it alone names (a basket trial's, which it counted as enrolled), spoke of this trial, and
# one naming no phase, wherever it brought the trial in. Not a trial a sentence describes ("The trial is an
# open-label study", "is a randomized, double-blind study"), nor words between the article and the noun
# that place the noun in this trial ("a dose in the study", "a patient of this trial"). The noun in small
# letters: a title opens so too, in capitals ("A Study of CAR-T Cells in Subjects With Systemic Lupus
# Erythematosus" is a trial's title, a list's line of this trial).
_BETWEEN = r"(?:(?!(?:the|this|that|its|their|our|in|of|at|for|from|with|on|by|to)\s)[\w()'’/,-]+\s+){0,3}?"
_BRINGS_IN = lazy(
    r"(?<![\w-])(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bbe\s)(?<!\bas\s)(?:[Aa]n?|[Oo]ne)\s+"
    + _BETWEEN
    + r"(?:trials?|stud(?:y|ies))(?![\w-])"
    + _NOT_A_TRIAL
)
# A product's code as a document writes it ("NB-201", "KYV-101", "IM19"), not a target, a virus or a score.
# Not _CODE, which finds the code in the name a record gives its product (lower-cased there, so in any
# case, of one letter and one digit at least: a curator's name is read generously, since it only widens
# the sentences that name the product); this one finds codes in running prose, where a word in lower
# case ("covid19"), one letter and one digit ("a1", "T2") or a score ("SF-36", "BILAG-2004") names no
# product, and a code it took for one would turn a sentence about the trial to another product.
_PRODUCT_CODE = lazy(r"(?<![\w-])(?!CD\d|COVID|IL-?\d|SF-?\d|BILAG)[A-Z]{2,6}-?\d{2,6}[A-Z]?(?![\w-])")
# A disease a CAR-T trial is run in, by the word naming it ("SLE" and "lupus nephritis" name lupus): a
# sentence naming only diseases the document's sentences about the trial do not speaks of another trial
_DISEASE = lazy(
    r"\bSLE\b|(?i:\b(?:lupus|myeloma|lymphoma|leuka?emia|myasthenia|scleroderma|systemic sclerosis|"
    r"multiple sclerosis|myositis|vasculitis|rheumatoid arthritis|sj[öo]gren))"
)
_SAME_DISEASE = {"sle": "lupus", "leukaemia": "leukemia", "scleroderma": "systemic sclerosis", "sjogren": "sjögren"}


def product_codes(text: str) -> set[str]:
    """The product codes a text names (_PRODUCT_CODE: "NB-301", "KYV-101")."""
    return set(_PRODUCT_CODE.findall(text))


def diseases(text: str) -> set[str]:
    return {_SAME_DISEASE.get(w, w) for w in (m.lower() for m in _DISEASE.findall(text))}


# The product codes and the diseases a text names (_PRODUCT_CODE, _DISEASE)
Names = tuple[set[str], set[str]]


def _names(text: str) -> Names:
    """The product codes and the diseases a text names."""
    return product_codes(text), diseases(text)


# A trial's phase as prose names it ("Phase 1", "Phase II", "phase 2b", "Phase 1/2", "Phases 1 and 2"),
# not a dose named by the phase it is meant for ("the recommended Phase 2 dose" of a Phase 1 trial):
# phases() keeps those no_trials_phase does not read as a dose's or studies' in general
_PHASE_NUMBER = r"([1-4]|I{1,3}|IV)[ab]?"
# "Phase 2 dose": the dose a phase is meant for ("Phase 1 dosing": its own). "dosage" is a dose, and
# "dosing recommendations", a "dosing schedule" or "regimen" are of the dose: "A phase 2 dosage will be
# selected." and "to select a Phase 2 dosing schedule" named the trial's phase
_A_DOSE_AFTER = r"\s+(?:dos(?:e|es|ages?)|dosing\s+(?:recommendations?|schedules?|regimens?))\b"
_PHASE = lazy(
    r"(?i)(?<![\w-])phases?\s*" + _PHASE_NUMBER + r"(?:\s*(?:/|-|–|and|or|&)\s*(?:phase\s*)?" + _PHASE_NUMBER + r")?"
    r"(?![\w])"
)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
# ... as a vocabulary's rendering of a phase stands in a text: a dose's ("the recommended Phase 2 dose",
# "a Phase 2 dose (RP2D)"), not a part of the trial's phase ("Phase 1 dose escalation"), or studies'
# in general ("a dose for Phase 2 studies", "succeeded in Phase 1 studies"), or one a trial may move
# to ("advancing to Phase 2", "may move into Phase 3"), no trial's phase (no_trials_phase)
_NO_TRIALS_PHASE_BEFORE = lazy(
    r"(?i)\b(?:recommended|optimal|to|into|towards?|optional|possible|potential|conditional|contingent)\s+\Z"
)
_NO_TRIALS_PHASE_AFTER = lazy(
    r"(?i)" + _A_DOSE_AFTER + r"(?![\s-]+(?:escalation|expansion|finding|ranging|optimi[sz]ation|cohorts?|levels?"
    r"|part|portion|stage)\b)"
)
_STUDIES = lazy(r"(?i)\s+(?:studies|trials)\b")
# ... or one the words after it say is planned, or will begin ("This is a Phase 1 trial. Phase 2 is
# planned for 2027.", "Phase 2 will begin in 2027 if the Phase 1 part succeeds."): a part the trial
# has not reached, or another trial, which bound the phase PHASE2
# (or one a trial may or may not run: "Phase 2 extension optional", "an optional Phase 2 part")
# (after the part of the trial the phase names, too: "a Phase 2 extension may follow", "the Phase 2 part
# is planned"; or in a later version of it: "Phase 1; Phase 2 in a later version")
_PHASE_PART = r"(?:[ \t]+(?:part|extension|portion|stage|segment|expansion|cohort|study|trial))?"
_PLANNED_PHASE = lazy(
    rf"(?i){_PHASE_PART}[ \t]+(?:(?:is|are|was|were|has[ \t]+been|have[ \t]+been|will[ \t]+be|would[ \t]+be|"
    r"to[ \t]+be)[ \t]+)?"
    rf"(?:{planned.PLANNED}|pending|optional|possible|conditional|contingent)\b"
    rf"|{_PHASE_PART}[ \t]+(?:will|would|may|might|could|shall|is[ \t]+to|are[ \t]+to)[ \t]+"
    r"(?:then[ \t]+|only[ \t]+|not[ \t]+)?"
    r"(?:begin|start|follow|commence|open|be[ \t]+(?:initiated|conducted|started|opened))\b"
    rf"|{_PHASE_PART}[ \t]+(?:in|for|with)[ \t]+(?:a|the|any)[ \t]+(?:later|future|subsequent|follow-?up)[ \t]+"
    r"(?:version|stage|part|study|trial|protocol|amendment)\b"
    # (or one a condition right after it leaves open: "a Phase 2 extension if approved", "Phase 2, subject to
    # the safety review"; or one dropped: "Phase 2 was dropped", "(Phase 2 part cancelled)")
    rf"|{_PHASE_PART}[ \t]*,?[ \t]+{planned.CONDITIONS}\b"
    rf"|{_PHASE_PART}[ \t]+(?:(?:was|were|is|are|has[ \t]+been|have[ \t]+been|had[ \t]+been)[ \t]+)?"
    r"(?:(?:since|later|then|subsequently)[ \t]+)?"
    r"(?:dropped|cancel+ed|discontinued|abandoned|removed|withdrawn|deleted|scrapped)\b"
)
# ... or one a condition before it in its sentence makes only possible ("If safe, Phase 2.", "Should
# Phase 1 succeed, Phase 2 ..."): a part the trial may reach
_CONDITIONAL_PHASE = lazy(
    r"(?i)(?:^|[.;:\n]|\b)(?:if|should|once|provided)\b[^.;:\n]{0,60}?,[ \t]*(?:an?[ \t]+|the[ \t]+)?\Z"
)


# ... or the phase a dose named before it in its clause is meant for, restated ("RP2D: the Phase 2 dosing
# level", "RP2D, i.e. the dosing level for Phase 2"): the dose's phase, no trial's. The
# dose's own name says which phase it is for ("RP2D", "recommended phase 2 dose"); another phase in its
# clause ("a Phase 1 trial to find the RP2D"), or one a verb between ties to something else ("the RP2D will
# be used in the Phase 2 part"), is still read as any other.
_DOSE_FOR_A_PHASE_BEFORE = lazy(
    r"(?i)(?<![\w-])(?:RP(?P<rp>[1-4])Ds?|recommended\s+phase\s*(?P<named>[1-4]|I{1,3}|IV)[ab]?\s+"
    r"(?:dos(?:e|es|ing|ages?)))(?![\w-])"
    r"(?:(?!(?<![\w-])(?:is|are|was|were|will|shall|be|been|used|given|carried|taken|applied|tested)(?![\w-]))"
    r"(?:i\.e\.|e\.g\.|[^.;\n])){0,60}\Z"
)


# ... or the phase a dose chosen for it is for ("the dose selected for Phase 2", "to determine the recommended dose
# for the Phase 2 trial", "will determine the dose for Phase 2"): a dose a trial selects, recommends or determines
# for a phase is meant for that phase, which need not be the trial's own
_CHOSEN_DOSE_FOR = lazy(
    r"(?i)(?<![\w-])(?:(?:recommended|selected|chosen|optimal|appropriate)\s+dos(?:e|es|ing|ages?)(?:\s+levels?)?"
    r"|dos(?:e|es|ing|ages?)(?:\s+levels?)?\s+(?:selected|recommended|chosen|selection)"
    r"|(?:determin|select|choos|identif|establish|defin|find)\w*\s+(?:the\s+|a\s+)?dos(?:e|es|ing|ages?)"
    r"(?:\s+levels?)?)\s+for\s+(?:the\s+|a\s+)?\Z"
)


def _the_named_doses_phase(text: str, start: int) -> bool:
    """Whether the phase rendered from text[start] on is the one a dose named before it in its clause is
    meant for (_DOSE_FOR_A_PHASE_BEFORE), and that one only."""
    dose = _DOSE_FOR_A_PHASE_BEFORE.search(text, max(0, start - 80), start)
    phase = _PHASE.match(text, start)
    if dose is None or phase is None:
        return False
    meant = dose.group("rp") or dose.group("named")
    return {_ROMAN.get(n.lower(), n) for n in phase.groups() if n} == {_ROMAN.get(meant.lower(), meant)}


def no_trials_phase(text: str, start: int, end: int) -> bool:
    """Whether a phase rendered at text[start:end] is a dose's or studies' in general, no trial's:
    read as the trial's, an honest record declaring its phases silent was refused, and one giving the
    phase a dose is meant for passed."""
    window = max(0, start - 20)
    return (
        _NO_TRIALS_PHASE_BEFORE.search(text, window, start) is not None
        or _NO_TRIALS_PHASE_AFTER.match(text, end) is not None
        or _STUDIES.match(text, end) is not None
        or _PLANNED_PHASE.match(text, end) is not None
        or _CONDITIONAL_PHASE.search(text, max(0, start - 80), start) is not None
        or retracted.opened_by_a_plan(text, start)  # ("Phase: planned Phase 2")
        or _the_named_doses_phase(text, start)
        or _CHOSEN_DOSE_FOR.search(text, max(0, start - 80), start) is not None
    )


def phases(text: str) -> set[str]:
    """The phases a text names a trial in, as numbers ("Phase I/II": {"1", "2"}): each as binding and
    silence read a vocabulary's rendering of a phase (no_trials_phase). Read apart, "Phase 1 Dose
    Escalation Trial" gave a release's trial no phase, and its sentence "In Phase 2, NB-301 enrolled
    120 participants" was read as the trial's own."""
    return {
        _ROMAN.get(n.lower(), n)
        for found in _PHASE.finditer(text)
        if not no_trials_phase(text, found.start(), found.end())
        for n in found.groups()
        if n
    }


class Own(NamedTuple):
    """What a document gives this trial in its title and its sentences naming the trial's id: the
    product codes and the diseases they name (names), and the phases."""

    names: Names
    phases: set[str]


def in_prose(doc: SourceDoc, field: str) -> bool:
    """Whether doc states the trial-level field (a record's top-level key) in prose (sentences, some
    about others)."""
    return field in _TRIAL_LEVEL and (
        doc.layout == layouts.PLAIN or (doc.layout == "clinconnect" and field in _SUMMARY_FIELDS)
    )


def own_names(doc: SourceDoc, nct_id: str) -> Own:
    """The product codes, the diseases and the phases the document gives this trial: those of its
    title (its first sentence, a press release's headline, or the title it places) and of its
    sentences naming the trial's id, each read with its lines run on (_groups: a headline's sentence
    runs on into the line after it, but a list after a stop is none of it). None of a kind: a sentence
    naming one of that kind is read as any other."""
    groups = _groups(_as_prose(doc).text, nct_id)
    sentences = [" ".join(piece for piece, _ in group) for group in groups]
    lines = _title(sentences) + [p.text for p in doc.place(("brief_title",)) or []]
    titled = Own(_names(" ".join(lines)), phases(" ".join(lines)))
    for n, group in enumerate(groups):
        if nct_id in sentences[n]:
            # (the id's own line's sentence on, which a headline before it ran on into: naming nothing, it
            # runs on into the list after it)
            own_line = " ".join(piece for piece, _ in group[next(i for i, p in enumerate(group) if nct_id in p[0]) :])
            ours = _runs_on(
                [own_line, *sentences[n + 1 :]],
                lambda later: _turn(later, nct_id) is None and not _of_another_trial(titled, later, nct_id),
            )
            lines += [sentences[n], *ours[1:]]
    own = Own(_names(" ".join(lines)), phases(" ".join(lines)))
    if _BASKET.search(" ".join(lines)):
        own.names[1].update(_basket_diseases(sentences, own, nct_id))
    return own


def _title(sentences: list[str]) -> list[str]:
    """A document's title: its first sentence, and where that names no product, disease nor phase
    (a line of the company's: "Northbridge Therapeutics, Inc."), the sentences after it its stop alone
    runs on into (a list's line: "- Phase 1 Trial of NB-301 in SLE Doses First Patient."), up to one
    naming some. Cut at the list, the title named nothing, and a sentence of another product or phase
    was read as any other."""
    return _runs_on(sentences, lambda _: True)


def _runs_on(sentences: list[str], ours: Callable[[str], bool]) -> list[str]:
    """The first of sentences, and where that names no product, disease nor phase, the sentences after
    it its stop alone runs on into (a list's lines), up to one naming some, but those not ours: a
    sentence naming the trial's id and nothing else ("The trial is NCT…." then "- Phase 1, 24
    patients.") gave the trial no phase, and another phase's enrolment passed; the list's line about
    another trial or product (by the title's names, or turning to one: "- NB-201 in multiple myeloma,
    Phase 2.", "- An earlier Phase 2 study.") lends it none of its names."""
    run: list[str] = []
    for sentence in sentences:
        if run and OPENS.match(sentence) is not None:
            break
        if run and not ours(sentence):
            continue
        run.append(sentence)
        if any(_names(sentence)) or phases(sentence):
            break
    return run


# Words giving a trial diseases of a kind besides those named ("lupus and other autoimmune diseases",
# "B cell-mediated autoimmune disorders", "a basket trial"), and the diseases of that kind: a basket
# trial's other autoimmune diseases are its own, not another trial's
_BASKET = lazy(
    r"(?i)(?<![\w-])(?:basket|(?:autoimmune|rheumatic|immune[- ]mediated)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:diseases|disorders|conditions))(?![\w-])"
)
_NOT_AUTOIMMUNE = frozenset({"myeloma", "lymphoma", "leukemia"})
# Words of a trial's enrolment of patients ("enrolls patients with myositis", "a myositis cohort", "have been
# dosed"): a sentence about a disease's population (_POPULATION) counts a trial's participants only by them
_ENROLLING_ONLY = r"enrol\w*|cohorts?|arms?|randomi[sz]\w*|dos(?:ed|ing)|infused"
_ENROLLING = r"trials?|stud(?:y|ies)|" + _ENROLLING_ONLY
_ENROLMENT = lazy(r"(?i)(?<![\w-])(?:" + _ENROLLING + r")(?![\w-])")
# ... and in a label's words before its colon, only those naming an enrolment ("Enrollment:", "Cohort:"): a
# label naming the trial ("Trial design:", "Study background:") names the field its line states, which
# "Trial design: Lupus affects about 300,000 patients in the United States" made an enrolment
_ENROLMENT_LABEL = lazy(r"(?i)(?<![\w-])(?:" + _ENROLLING_ONLY + r")(?![\w-])")
# ... and the words a basket trial's sentence enrols a disease's patients by: those, or "are also eligible".
# Not the population rule's: "300,000 patients in the United States are eligible for CAR-T therapy"
# counts no participants of a trial.
_ENROLS = lazy(r"(?i)(?<![\w-])(?:" + _ENROLLING + r"|eligib\w*)(?![\w-])")


def _basket_diseases(sentences: list[str], own: Own, nct_id: str) -> set[str]:
    """The autoimmune diseases a basket trial's document enrols (_ENROLS) in its sentences, up to
    where they turn to another trial (_turn), in those not of another trial but by the diseases they
    name (_of_another_trial, its other product or phase, a trial it brings in): "The trial enrolls
    patients with lupus, systemic sclerosis and myositis", "A second cohort enrolls patients with
    myositis". Not "Northbridge also develops NB-301 for myositis" (no
    enrolment), "NB-201 is evaluated in a trial in myositis", "a Phase 2 trial in myositis", "A trial in
    myositis enrolled 120 participants"."""
    found: set[str] = set()
    for sentence in sentences:
        turn = _turn(sentence, nct_id)
        words = sentence if turn is None else sentence[:turn]
        if _ENROLS.search(words) and not _of_another_trial(own, words, nct_id, by_disease=False):
            found |= diseases(words) - _NOT_AUTOIMMUNE
    return found


def _of_another_trial(own: Own, sentence: str, nct_id: str, *, by_disease: bool = True) -> bool:
    """Whether a sentence that does not name this trial's id speaks of another trial, by comparing
    what it names with what the document gives this trial (own): a sentence bringing a trial in
    (_BRINGS_IN) unless it names all this trial is (_names_all_of); any other by the products and
    diseases it names (_of_another), or by a phase the document does not give this trial and none it
    does ("Northbridge is running a Phase 2 trial of NB-301 in lupus nephritis" of a release
    announcing a Phase 1 trial of NB-301 in lupus: one trial has one phase, or the few of a Phase 1/2
    trial). Not by_disease: by the products alone (a basket trial's sentences, read for the diseases
    they enrol)."""
    if nct_id in sentence:
        return False
    # a trial brought in up to where the sentence turns to another ("building on an earlier study": _turn's)
    turn = _turn(sentence, nct_id)
    if _BRINGS_IN.search(sentence, 0, len(sentence) if turn is None else turn) is not None:
        return not _names_all_of(own, sentence)
    codes, named_diseases = _names(sentence)
    if _of_another(own.names, (codes, named_diseases if by_disease else set())):
        return True
    named = phases(sentence)
    return bool(own.phases and named and not named & own.phases)


def _of_another(own: Names, named: Names) -> bool:
    """Whether a sentence naming these codes and diseases speaks of another trial: it names a code
    or a disease of a kind the document gives this trial, none of this trial's (of either kind: the
    IM19 page's "IC19 CAR-T Cell Therapy for Refractory Systemic Lupus Erythematosus" is its own)."""
    foreign = any(ours and theirs - ours for ours, theirs in zip(own, named, strict=True))
    return foreign and not any(ours & theirs for ours, theirs in zip(own, named, strict=True))


# An outcome's kind as prose names it: "the primary endpoint", "secondary outcome measures", "exploratory endpoints"
_OUTCOME_KIND = lazy(
    r"(?i)\b(primary|secondary|exploratory)\s+(?:[\w-]+\s+){0,2}?(?:end-?points?|outcomes?|objectives?)\b"
)


def _of_another_kind(sentence: str, kind: str | None) -> bool:
    """Whether a sentence names only outcomes of another kind than kind ("primary", "secondary";
    None: not an outcome's field): "Secondary endpoints include safety at month 6." states no
    primary outcome."""
    if kind is None:
        return False
    named = {m.lower() for m in _OUTCOME_KIND.findall(sentence)}
    return bool(named) and kind not in named


def _turn(sentence: str, nct_id: str) -> int | None:
    """Where a sentence turns to another trial or product (None: it does not): at words naming an
    earlier or another one, or introducing one besides this trial where the words after them do not
    name this trial's id; at the start of their clause where a preposition ties them to the words
    before them (_TIED_BACK)."""
    turns = [m.start() for m in [_OTHER.search(sentence)] if m is not None]
    turns += [m.start() for m in _ANOTHER_TRIAL.finditer(sentence) if nct_id not in sentence[m.start() :]][:1]
    turn = min(turns, default=None)
    if turn is not None and (tied := _TIED_BACK.search(sentence, 0, turn)) is not None:
        return tied.start()
    return turn


def turn(sentence: str, nct_id: str) -> int | None:
    """Where a sentence turns to another trial or product (_turn), for the readers of a number's words
    (study_ids: "Protocol number of the earlier study: IM19-SLE-001")."""
    return _turn(sentence, nct_id)


# The words a preposition ties to another trial its clause names after them are that trial's: "60
# participants in the previous study", "1×10^6 CAR-T cells/kg in an earlier trial; here 2×10^6": the
# sentence was read as this trial's up to "previous", and bound its count and its dose. Its clause
# starts after a stop, a semicolon, a colon, a comma or a bracket ("Enrollment: 60 participants in the
# previous study" keeps its label; "at 1×10^6 CAR-T cells/kg, as in the previous study" its dose).
_TIED_BACK = lazy(
    r"(?:(?<=[.;:,(\[])|^)[^.;:,(\[]*?(?<![\w-])(?:in|from|of|during|by|within|under)\s+"
    r"(?:(?:the|a|an|our|its|their|that|this)\s+)?\Z"
)


def _names_all_of(own: Own, sentence: str) -> bool:
    """Whether a sentence names this trial's product code, disease and phase, each one the document
    gives this trial and none other: a release's own "A Phase 1 trial of NB-301 in refractory systemic
    lupus erythematosus will enroll 24 patients" (of a Phase 1 trial of NB-301 in SLE) was read as
    another trial's. Where the document gives this trial no phase, or the sentence names none, what
    it brings in may be another trial ("A trial in myositis enrolled 120" of a basket trial's release)."""
    named = (*_names(sentence), phases(sentence))
    ours = (*own.names, own.phases)
    return all(theirs and mine and theirs <= mine for theirs, mine in zip(named, ours, strict=True))


def of_this_trial(
    passages: list[layouts.Passage], own: Own, nct_id: str, kind: str | None = None
) -> list[layouts.Passage]:
    """The sentences of passages of prose that speak of this trial: a sentence naming a product
    code or a disease the document does not give this trial, and no code or disease it does, nor
    the trial's id, speaks of another product (another trial: "a Phase 2 trial in multiple myeloma" of a lupus
    trial's press release), as does one naming only a phase the document does not give this trial
    (_of_another_trial); one turning to "an earlier study" or "another antibody", or to a trial
    besides this one ("a second trial", "also sponsors a Phase 2 trial"), speaks of this trial only up
    to those words (_turn). An outcome of kind (primary, secondary) is stated in no sentence
    naming only another kind's outcomes."""
    kept: list[layouts.Passage] = []
    for passage in passages:
        if passage.whole:
            kept.append(passage)
            continue
        run: list[tuple[str, str]] = []  # sentences in a row about this trial: one passage (a quote may span them)
        holding = False  # whether the sentence before, another trial's, holds the list's lines after it
        for group in _groups(passage.text, nct_id):
            # the words the sentence holds as its lines run on (a heading about another trial holds the
            # lines under it: "EARLIER STUDY OF NB-201" then "The study enrolled 120 participants."), and
            # each line's sentence alone (a headline's words are no sentence's under it); a sentence of
            # another trial ending at its line's end holds the list after it too ("Northbridge also runs
            # a second trial." then "- It enrolled 120 participants."), and any line its stop alone
            # does not end a sentence before (after a blank line: "120 participants were enrolled.")
            whole = " ".join(piece for piece, _ in group)
            holding = holding and (LIST_MARK.match(whole) is not None or OPENS.match(whole) is None)
            other = holding or _of_another_trial(own, whole, nct_id) or _of_another_kind(whole, kind)
            limit = 0 if other else len(whole)
            if limit and (turn := _turn(whole, nct_id)) is not None:
                limit = turn
            # (or at a semicolon: "NB-201 was tested in myeloma; 120 participants were enrolled.")
            holding = limit < len(whole) and (bool(group[-1][1]) or group[-1][0].endswith(";"))
            at = 0
            # (a sentence of one line, read whole and kept whole, is read so again by no rule: twice
            # the time a document of one-line list items took)
            again = len(group) > 1 or limit < len(whole)
            for piece, at_line_end in group:
                sentence, at = piece[: max(0, limit - at)], at + len(piece) + 1
                if (
                    again
                    and sentence
                    and (_of_another_trial(own, sentence, nct_id) or _of_another_kind(sentence, kind))
                ):
                    sentence = ""
                turn = _turn(sentence, nct_id) if again and sentence else None
                cut = sentence if turn is None else sentence[:turn]
                if cut:
                    run.append((cut, at_line_end))
                # (nor past a question ending a paragraph set apart: joined on, "Randomized allocation?"
                # and a "Yes" set apart under it, a heading's or six blank lines down, read as one line)
                if (turn is not None or len(sentence) < len(piece) or unanswered(piece, at_line_end)) and run:
                    kept.append(layouts.Passage(joined(run)))
                    run = []
        if run:
            kept.append(layouts.Passage(joined(run)))
    return kept


# A sentence ending at a stop or a semicolon (its closing marks after it): a line's end after it ends the
# sentence read with its lines run on (_groups). Not sentences._ENDED, a line's stop alone.
_STOP_OR_SEMICOLON_ENDED = lazy(r"[.!?;]['\"”’)\]]*$")


def _groups(text: str, nct_id: str | None = None) -> list[list[tuple[str, str]]]:
    """The sentences of a passage's text as read with its lines run on (sentences.pieces joined where
    a line's end, not a stop, ends one): each as its lines' sentences. A rule reading a sentence by a
    word that makes it no source of a value (another trial's, another outcome kind's, a place that
    is no site) reads it so, and one reading it by a word that makes it a source (an enrolment's)
    reads each line's sentence alone too. A sentence naming the trial's id (nct_id) runs on to no
    line that begins with a label ("Last Updated: ...", "Enrollment: ..."): a field's line is no
    headline's. Run on, a title line naming the id took every line below it up to a stop, each
    named the trial's own: "IM29 CAR-T in lymphoma" under IM19's title and date gave IM19 that product
    and disease, and the enrollment under it passed as IM19's."""
    groups: list[list[tuple[str, str]]] = [[]]
    # whether the sentence being read names the id so far: kept as its lines come, since looking through
    # its lines again for each line took a page of 20,000 lines with no stop four seconds a reading
    names_id = False
    for piece in pieces(text):
        if names_id and groups[-1][-1][1] and LABEL.match(piece[0]) is not None:
            groups.append([])
            names_id = False
        groups[-1].append(piece)
        names_id = names_id or (nct_id is not None and nct_id in piece[0])
        if not piece[1] or _STOP_OR_SEMICOLON_ENDED.search(piece[0]):  # (a line's end after a stop ends the sentence)
            groups.append([])
            names_id = False
    return [g for g in groups if g]


# Words placing something that is no site of the trial: where the product is made ("manufactured in",
# "a manufacturing facility in", "shipped to"), the sponsor's seat ("headquartered in", "a company based
# in", "offices in"), a laboratory's, where data are presented ("presented at the ACR Convergence
# meeting in Washington", "a congress in Barcelona"). The place they name runs to the clause's end: a comma or a joining
# word before a word in lower case ("Northbridge, headquartered in Boston, is enrolling at sites in
# Berlin": Berlin is a site, Boston none), or the sentence's end.
_NOT_A_SITE = lazy(
    r"(?i)(?<![\w-])(?:manufactur\w*|production|processed|engineered|shipped|transported|headquarter\w*|HQ|"
    r"based|incorporated|registered|founded|domiciled|offices?|subsidiar(?:y|ies)|affiliates?|"
    r"laborator(?:y|ies)|labs?|R&D|research\s+and\s+development|plants?|present(?:s|ed|ations?)?)\s+"
    r"(?:[\w'’&-]+\s+){0,3}?(?:in|at|near|outside|from|to|across|throughout)(?![\w-])"
    r"|(?i:(?<![\w-])(?:(?:produced|made|prepared)\s+(?:at|in)|(?:c?GMP|cell[- ]processing)\s+"
    r"(?:facilit(?:y|ies)|cent(?:er|re)s?|sites?)\s+(?:in|at)|(?:conference|congress|meeting|symposium|"
    r"convention|summit|webcast)s?\s+(?:in|at))(?![\w-]))"
    # ... or a label naming such a place ("Manufacturing site: Shanghai, China", "Central laboratory:
    # Shanghai", "Sponsor address: ...", "Headquarters: ..."): each passed as a trial site
    # (a "reference centre" or a "coordinating centre" may be the trial's own site: only a laboratory so)
    r"|(?i:(?<![\w-])(?:(?:manufactur\w*|production|processing|cell[- ]processing|c?GMP)\s+"
    r"(?:sites?|facilit(?:y|ies)|laborator(?:y|ies)|labs?|plants?|cent(?:er|re)s?)"
    r"|(?:central|core|reference)\s+(?:laborator(?:y|ies)|labs?)"
    r"|(?:sponsor(?:'s|’s)?|company|corporate|registered)\s+(?:address(?:es)?|offices?|headquarters)"
    r"|headquarters|HQ)\s*:)"
)
_CLAUSE_END = lazy(
    r"(?:,\s*|\s+(?:and|but|while|whereas|where)\s+)(?=[a-z])"
    # words going on about what the cue named: "despite standard treatments, which may include
    # medications like corticosteroids", ", including", ", such as", ", or"
    r"(?!(?:which|including|such|like|e\.g|i\.e|namely|especially|particularly|notably|or)(?![\w-]))|"
    # or the sentence's end (where a line's end ends one with no stop, only a list's line's before the
    # next: _clause_end)
    + SENTENCES.pattern
)


def _sites(passages: list[layouts.Passage]) -> list[layouts.Passage]:
    """The passages of prose (sentences about the trial) without the places they say are no site of
    the trial (_NOT_A_SITE): "NB-301 is manufactured in Berlin, Germany" passed as a site in Berlin."""
    return _cut_out(passages, _NOT_A_SITE)


def _cut_out(
    passages: list[layouts.Passage],
    cue: re.Pattern[str],
    *,
    on: bool = True,
    short_of: re.Pattern[str] | None = None,
    unless: Callable[[str, re.Match[str], int], bool] | None = None,
) -> list[layouts.Passage]:
    """The passages of prose without the words from each cue to its clause's end (_CLAUSE_END), nor
    past its sentence's (on=False: without the cue's own words only); nor past words short_of finds
    there, and none where unless holds of the text, the cue and its clause's end."""
    out: list[layouts.Passage] = []
    for passage in passages:
        text, at = passage.text, 0
        if passage.whole:
            out.append(passage)
            continue
        for found in cue.finditer(text):
            if found.start() < at:
                continue
            end = _clause_end(text, found.start(), found.end()) if on else None
            if unless is not None and unless(text, found, len(text) if end is None else end):
                continue
            out.append(layouts.Passage(text[at : found.start()]))
            at = end if end is not None else len(text) if on else found.end()
            stop = short_of.search(text, found.end(), at) if short_of is not None else None
            at = at if stop is None else stop.start()
        out.append(layouts.Passage(text[at:]))
    return [p for p in out if p.text.strip()]


def _clause_end(text: str, cue: int, start: int) -> int | None:
    """Where the clause of a cue at text[cue:start] ends (_CLAUSE_END): at a line's end only where the
    cue stands in a list's line naming what it places (_NAMED) and the next line is the list's too, a
    clause of its own (_own_clause: "- NB-301 manufactured in Boston" then "- Enrolling at sites in
    Berlin, Germany"); a heading's cue reaches the lines under it ("Manufactured at" then "- Boston"
    and "- Berlin"), as its sentence runs on, and so does a list line's that names nothing ("- NB-301
    is manufactured at two facilities" then "- Berlin, Germany"), or before a line it lists ("- Berlin
    and Munich", "- Also in Berlin")."""
    line = text.rfind("\n", 0, cue) + 1
    in_list = LIST_MARK.match(text, line) is not None
    for end in _CLAUSE_END.finditer(text, start):
        # (a stop ends it before a capital, a line's end after it or not: "in Boston." then "The trial ...")
        if "\n" not in end.group() or STOP.match(text, end.start()) is not None:
            return end.start()
        # (not where a colon before it opens the list after it: "- Manufactured in:" then "- Boston")
        mark = LIST_MARK.match(text, end.end()) if in_list and ":" not in text[cue : end.start()] else None
        if mark is not None and _NAMED.search(text, start, end.start()) and _own_clause(text, mark.end()):
            return end.start()
    return None


# A word a cue's clause names what it places by: a capitalised one or a number ("Boston", "December 2027")
_NAMED = lazy(r"(?<![\w'’-])[A-Z0-9]")
# The words that go on from the line before in a list's line ("and in Berlin", "Also in Berlin")
_CONTINUING = frozenset("and or nor of in the with at to a an by for from as on than also plus both then too".split())


def _own_clause(text: str, at: int) -> bool:
    """Whether the list's line at text[at:] is a clause of its own, not one more of what the line before
    names: its first word goes on from nothing (_CONTINUING), and it writes a word in lower case
    besides those, and it opens with no places and a comma ("Enrolling at sites in Berlin", "Sites in
    Berlin are enrolling"; not "Berlin, Germany", "Berlin and Munich, Germany", "Also in Berlin",
    "Berlin, Germany plant opens in 2027")."""
    end = text.find("\n", at)
    line = text[at : len(text) if end < 0 else end]
    words = re.findall(r"[\w'’-]+", line)
    return (
        bool(words)
        and words[0].lower() not in _CONTINUING
        and PLACES_FIRST.match(line) is None
        and any(w[0].islower() and w not in _CONTINUING for w in words)
    )


# Words naming a therapy the trial does not give: one its participants had before ("failed treatment
# with belimumab", "refractory to", "did not respond to", "previously treated with", "prior rituximab" but not
# "prior to infusion"), or one the product is set against ("Unlike approved therapies such as
# belimumab", "better than"). (A comparator the trial randomises to, "versus placebo", is the trial's.) Not
# the trial's own earlier step ("if the previous dose level was well tolerated", "the prior cohort", "the
# earlier dose"; not "prior doses of rituximab"): cut there, a dose on that condition was read without it,
# and bound.
_OWN_STEP = r"(?!\s+(?:(?:dose[- ])?(?:levels?|cohorts?|groups?)|doses?(?!\s+of\b)|dosing)(?![\w-]))"
_NOT_GIVEN = lazy(
    r"(?i)(?<![\w-])(?:fail(?:s|ed|ing)?|(?:refractory|resistant|resistance)\s+to|intoleran(?:t|ce)\s+(?:of|to)|"
    r"inadequate(?:ly)?|"
    rf"despite|previously|(?:previous|prior(?!\s+to\b)|earlier){_OWN_STEP}|unlike|approved|"
    r"not\s+(?:\w+\s+)?respond\w*|non-?respon\w*|"
    r"(?:better|worse)\s+than|"
    r"(?:superior|inferior)\s+to|standard(?:-of-|\s+of\s+)care|current(?:ly)?\s+available|existing|"
    # ... or one the trial forbids, named after the word ("Prohibited: rituximab", "not allowed: ...")
    r"prohibit\w*|forbidden|disallowed|not\s+(?:permitted|allowed))(?![\w-])"
)
# ... and the clause of a therapy the words after it forbid ("Drug: rituximab (prohibited)", "Rituximab is
# not allowed"): each passed as an intervention of the trial. The whole clause, from its start: the
# therapy's name stands before the words. (A bracket that opens with them: "IM19 CAR-T cells (other
# CAR-T products not allowed)" forbids another product.)
_PROHIBITED_WORDS = r"(?:prohibited|forbidden|disallowed|not\s+(?:be\s+)?(?:permitted|allowed))"
_PROHIBITED = lazy(
    # (from a clause's start only: tried at every place, each scan to the clause's end made a passage's
    # reading quadratic in its clauses' length, 4% of the suite's time)
    rf"(?i)(?:^|(?<=[.;:,()\[\]\n]))[^.;:,()\[\]\n]*?(?:[(\[][ \t]*{_PROHIBITED_WORDS}(?![\w-])[^)\]\n]*[)\]]"
    rf"|\s+(?:is|are|will\s+be|must|may)\s+{_PROHIBITED_WORDS}(?![\w-]))"
)


# Words dating an event that is none of the trial's dates: its data's ("topline data in December 2027",
# "Results are expected in", "presented at a meeting in June 2027"), the sponsor's or the product's
# ("founded in March 2015", "Fast Track designation in May 2025", "approval"). A date a plain document
# gives the trial is unlabelled (a reading with a note), but not one these words give another event.
_NOT_THE_TRIALS_DATE = lazy(
    r"(?i)(?<![\w-])(?:top-?line|data|results?|read-?outs?|present(?:s|ed|ing|ations?)?|publish(?:es|ed|ing)?|"
    r"publications?|founded|IPO|approv(?:al|als|ed)|designations?|granted|clearance|cleared|fiscal|quarterly|"
    r"earnings|conferences?|congress(?:es)?|meetings?|webcasts?)(?![\w-])"
)


# Words naming a company besides the sponsor: one it licensed the product from or partners with ("licensed
# NB-301 from Acme Bio", "in collaboration with", "partnered with"), one that owns or funds it ("acquired
# by", "investors include", "a financing led by", "funded by", "a grant from"), one that serves the trial
# ("supplied by", "a CRO"), or a site ("conducted at", "participating sites").
_NOT_THE_SPONSOR = lazy(
    r"(?i)(?<![\w-])(?:licens(?:e|es|ed|ing|or|ee)|in-?licens\w*|partner(?:s|ed|ing|ships?)?|collaborat\w*|"
    r"acqui(?:red|res|re|sition)|investors?|financing|backed|spun\s+out|spin-?off|subsidiary\s+of|parent|"
    r"distribut\w*|commerciali[sz]\w*|co-?develop\w*|alliance|"
    r"(?:funded|supplied|provided|manufactured|produced)\s+by|funding|funders?|grants?|CROs?|"
    r"manufacturers?|suppliers?|vendors?|"
    r"contract\s+research\s+organi[sz]ations?)(?![\w-])"
)
# ... or a place the trial is run at (_A_SITE), none of them its sponsor: "IM19 is conducted at Acme Hospital;
# the sponsor is Beta Bio" bound the sponsor Acme Hospital (mutation hunt 200), as did "IM19 enrolls patients
# at", "patients are treated at", "located at", "Site:" and "Locations:" (review 205). Such words take away
# only the place they name: not past words naming the sponsor in their clause ("Conducted at Acme Hospital,
# IM19 is sponsored by Beta Bio", "run in Beijing by its sponsor, Acme Hospital": _SPONSOR_WORD), and
# nothing where the sentence gives that place as the sponsor too (_SITE_SPONSORS: "sponsored by and
# conducted at Acme Hospital", "Acme Hospital, which also sponsors it", "Acme Hospital, its sponsor"), as
# an investigator-initiated trial's sponsor is its site. Cut to its clause's end, each was refused (E512).
_A_SITE = lazy(
    r"(?i)(?<![\w-])(?:(?:(?:conducted|carried\s+out|performed|held|run|tak(?:es|ing)\s+place)"
    r"|(?:enrol+(?:s|ed|ing)?|recruit(?:s|ed|ing)?|treat(?:s|ed|ing)?|located|situated)(?:\s+[\w'’-]+){0,2}?)"
    r"\s+(?:at|in)|(?:study|trial|participating|investigational|clinical)\s+sites?"
    # (a host of the trial: "IM19 is hosted by Acme Hospital", "the host institution", mutation hunt 206)
    r"|hosted\s+(?:by|at|in)|host(?:ing)?\s+(?:sites?|institutions?|hospitals?|cent(?:er|re)s?)"
    r"|(?:(?:study|trial|clinical)\s+)?(?:sites?|locations?)(?=\s*:))(?![\w-])"
)
_SPONSOR_WORD = lazy(r"(?i)(?<![\w-])(?:co-?)?sponsor(?:s|ed|ing|ship)?(?![\w'’-])")
# (each right before a site cue's end, the cue the coordinated verb; or from its clause's place on)
_SITE_SPONSORS_BEFORE = lazy(
    r"(?i)(?<![\w-])sponsored(?:\s+by)?\s*,?\s+(?:and|&)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:(?:conducted|carried\s+out|performed|held|run)\s+(?:at|in)|hosted\s+(?:by|at|in)|(?:run|managed)\s+by)\Z"
    # (or a label naming the sponsor and the host together: "Sponsor and host institution: Acme Hospital", refused
    # as a host's alone, review 206)
    r"|(?<![\w-])(?:co-?)?sponsor\s*(?:and|&|/)\s*host(?:ing)?\s+(?:sites?|institutions?|hospitals?|cent(?:er|re)s?)\Z"
)
# (the sponsor of the trial, no other: "which sponsors Beta Bio's other trials" names another's)
_IT = r"(?:\s+(?:of\s+)?(?:it|this\s+(?:trial|study)|the\s+(?:trial|study)))?(?!\s*[\w'’-])"
_SITE_SPONSORS_AFTER = lazy(
    r"(?i)[,(]\s*(?:(?:which|who|that)\s+(?:also\s+)?(?:sponsors|(?:is|acts\s+as)\s+(?:also\s+)?"
    r"(?:its|the)\s+(?:(?:trial|study)['’]s\s+)?sponsor)"
    rf"|(?:also\s+)?(?:its|the)\s+(?:(?:trial|study)['’]s\s+)?sponsor){_IT}"
)


def _site_sponsors(text: str, cue: re.Match[str], end: int) -> bool:
    """Whether the sentence gives the place a site's cue names (text[cue.end():end]) as the sponsor too."""
    return _SITE_SPONSORS_BEFORE.search(text, max(0, cue.start() - 80), cue.end()) is not None or (
        (after := _SITE_SPONSORS_AFTER.search(text, cue.end())) is not None and after.start() <= end
    )


# A press release's dateline: its city in capitals, the day it was issued, then a dash or the wire's name
# ("BOSTON, Dec. 1, 2026 --", "SAN DIEGO, Calif., Dec. 1, 2026 /PRNewswire/"): the document's date, no trial's
_DATELINE = lazy(
    r"(?<![\w,])[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*,\s+(?:[A-Z][a-z]+\.?,\s+)?[^,\n]{0,20}?,?\s*\d{4}\s*"
    r"(?:--|–|—|/\s*(?:PRNewswire|GLOBE NEWSWIRE|Business\s*Wire)\s*/|\((?:GLOBE NEWSWIRE|BUSINESS WIRE|PRNewswire)\))"
)


# Words of a sentence about the people a disease affects, not a trial's ("Lupus affects about 300,000
# patients in the United States", "1,500 participants worldwide have received CAR-T therapy"): a sentence
# with them and no words of a trial's enrolment (_ENROLMENT) counts no participants.
_POPULATION = lazy(
    r"(?i)(?<![\w-])(?:affect(?:s|ed|ing)?|afflict(?:s|ed|ing)?|liv(?:e|es|ing)\s+with|suffer(?:s|ing)?\s+from|"
    r"prevalen(?:ce|t)|incidence|worldwide|globally|nationwide|Americans|Europeans|in\s+the\s+(?:United\s+States|"
    r"U\.?S\.?|US|EU|world))(?![\w-])"
)


def _counting(passages: list[layouts.Passage]) -> list[layouts.Passage]:
    """The passages of prose (sentences about the trial) without the sentences about a disease's
    population (_POPULATION) that name no enrolment (_ENROLMENT): "Lupus affects about 300,000 patients
    in the United States" gave the trial an enrollment of 300,000."""
    return _keeping(passages, _not_a_population, each=_not_a_population)


def _not_a_population(sentence: str) -> bool:
    if not _POPULATION.search(sentence):
        return True
    label = LABEL.match(sentence)
    if label is None:
        return _ENROLMENT.search(sentence) is not None
    return bool(_ENROLMENT_LABEL.search(label.group()) or _ENROLMENT.search(sentence, label.end()))


# Words naming a trial's official ("principal investigator", "the study's chair", "who leads the trial"):
# a plain document's sentence without them names no official of the trial ("said Jane Smith, Chief
# Medical Officer of Northbridge", an analyst, a patient advocate)
_OFFICIAL = lazy(
    r"(?i)(?<![\w-])(?:(?:co-?)?investigators?|study\s+(?:chair|director)s?|chair(?:s|ed|ing)?|principal|"
    r"(?:lead|leads|leading|led|direct|directs|directing|directed)\s+(?:by\b|(?:\w+\s+){0,2}?(?:trial|study)))(?![\w-])"
)


# A person's name: two capitalised words ("Tom Hale"), which a sentence going on about an official
# writes only where the sentence before it does
_TWO_NAMES = lazy(r"(?<![\w'’-])(?=([A-Z][\w'’-]*\s+[A-Z][\w'’-]*)(?![\w'’-]))")


def _goes_on(sentence: str, before: str) -> bool:
    """Whether sentence may go on about an official the sentence before names: it opens with a pronoun
    or their surname, as affiliated() reads it (_GOES_ON_OFFICIAL), and names no person the sentence
    before does not ("The trial is led by Anna Berg at Northbridge. Northbridge chief executive Tom
    Hale said ..." made Tom Hale an official; so did "The company's chief executive, Tom Hale, said",
    opening with a word the sentence before writes). A name of two capitalised words the sentence
    before does not write keeps it out too, but for an institution's ("She is at Columbus University.",
    "Ohio State University Medical Center": _institutions)."""
    surnames = sorted({re.escape(name.group(1).split()[-1]) for name in _TWO_NAMES.finditer(before)})
    opening = _GOES_ON_OFFICIAL.format(surname=f"(?:{'|'.join(surnames)})" if surnames else "(?!)")
    if re.match(opening, sentence) is None:
        return False
    named = _institutions(sentence)
    return all(
        name.group(1) in before or any(lo <= name.start() < hi for lo, hi in named)
        for name in _TWO_NAMES.finditer(sentence)
    )


# A run of capitalised words
_CAPITALISED = lazy(r"(?<![\w'’-])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+(?![\w'’-])")


def _institutions(sentence: str) -> list[tuple[int, int]]:
    """Where a sentence names an institution by capitalised words: a run of them with an institution's
    word (sentences.INSTITUTION) and at most one word after the last (its city: "University Hospital
    Heidelberg"); not "Columbus University President Tom Hale", whose words after it name a person."""
    out: list[tuple[int, int]] = []
    for run in _CAPITALISED.finditer(sentence):
        words = run.group().split()
        last = max((i for i, w in enumerate(words) if INSTITUTION.fullmatch(w)), default=None)
        if last is not None and len(words) - last <= 2:
            out.append(run.span())
    return out


def _officials(passages: list[layouts.Passage], *, going_on: bool = True) -> list[layouts.Passage]:
    """The passages of prose (sentences about the trial) of sentences naming a trial's official
    (_OFFICIAL), and (going_on) the sentence after one that may go on about the person it names
    (_goes_on): "said Jane Smith, Chief Medical Officer of Northbridge" gave the trial an official.
    Which official the words after go on about is affiliated()'s to say; an official's name is read
    without them (_named_officials)."""
    last = [""]  # the sentence before, where it names an official; else ""

    def keep(sentence: str) -> bool:
        before, last[0] = last[0], ""
        if _OFFICIAL.search(sentence) is not None:
            last[0] = sentence
            return True
        return going_on and bool(before) and _goes_on(sentence, before)

    return _keeping(passages, keep)


def _named_officials(passages: list[layouts.Passage]) -> list[layouts.Passage]:
    """The sentences naming a trial's official (_officials), not those going on about one: "The trial
    is led by Anna Berg. She is a professor at Charité." gave the trial an official named Charité."""
    return _officials(passages, going_on=False)


def _keeping(
    passages: list[layouts.Passage], keep: Callable[[str], bool], each: Callable[[str], bool] | None = None
) -> list[layouts.Passage]:
    """The passages of prose with only their sentences that keep holds of (read with their lines run
    on: _groups), and each of their lines' sentences that each holds of, those in a row one passage."""
    out: list[layouts.Passage] = []
    for passage in passages:
        if passage.whole:
            out.append(passage)
            continue
        run: list[tuple[str, str]] = []
        for group in _groups(passage.text):
            kept = keep(" ".join(piece for piece, _ in group))
            for piece in group:
                if kept and (each is None or each(piece[0])):
                    run.append(piece)
                    if not unanswered(*piece):
                        continue
                if run:
                    out.append(layouts.Passage(joined(run)))
                    run = []
        if run:
            out.append(layouts.Passage(joined(run)))
    return out


def _dated(passages: list[layouts.Passage]) -> list[layouts.Passage]:
    """The passages of prose without the dateline's words, nor words dating another event from their
    cue to its clause's end (_DATELINE, _NOT_THE_TRIALS_DATE)."""
    return _cut_out(_cut_out(passages, _DATELINE, on=False), _NOT_THE_TRIALS_DATE)


def _given(passages: list[layouts.Passage]) -> list[layouts.Passage]:
    """The passages of prose without words naming a therapy the trial does not give (_NOT_GIVEN), nor
    one its clause says is prohibited (_PROHIBITED)."""
    # (the clause first: the cue's own cut would leave its name before it)
    return _cut_out(_cut_out(passages, _PROHIBITED, on=False), _NOT_GIVEN)


# Words naming who runs the trial ("IM19 is run by Acme Hospital", "managed by", "coordinated by"): its sponsor, in an
# investigator's trial, or a site or an organisation it hires. Where the passage names a sponsor besides ("IM19 is
# run by Acme Hospital, sponsored by Beta Bio", "... The sponsor is Beta Bio."), the one who runs it is not that
# sponsor: read as a sponsor's words, Acme Hospital bound the sponsor (mutation hunt 206, left; hunt 207).
_RUN_BY = lazy(r"(?i)(?<![\w-])(?:run|managed|coordinated|operated|administered|organi[sz]ed)\s+by(?![\w-])")


def _runs_as_the_sponsor(text: str, cue: re.Match[str], end: int) -> bool:
    """Whether the one who runs the trial (named at text[cue.end():end]) may be its sponsor: the passage names no
    sponsor outside the cue's clause, or the sentence gives that one as the sponsor too (_site_sponsors)."""
    others = (m for m in _SPONSOR_WORD.finditer(text) if not cue.start() <= m.start() < end)
    return next(others, None) is None or _site_sponsors(text, cue, end)


def without_partners(passages: list[layouts.Passage]) -> list[layouts.Passage]:
    """A plain document's passages without the words naming a company besides the sponsor
    (_NOT_THE_SPONSOR): a partner, a licensor or an investor is no sponsor of the trial; nor the place
    a site's words name where the sentence gives it no sponsor's words (_A_SITE), nor the one who runs the trial
    where the passage names a sponsor besides (_RUN_BY)."""
    sites = _cut_out(passages, _A_SITE, short_of=_SPONSOR_WORD, unless=_site_sponsors)
    runners = _cut_out(sites, _RUN_BY, short_of=_SPONSOR_WORD, unless=_runs_as_the_sponsor)
    return _cut_out(runners, _NOT_THE_SPONSOR)


class Rule(NamedTuple):
    """What a field's sentences about the trial state none of it (cut leaves it out), and what that
    is, for a message (says)."""

    cut: Callable[[list[layouts.Passage]], list[layouts.Passage]]
    says: str


# Words naming the party responsible for a trial's registry record: a registry's term, which a plain
# document states only in its words ("Responsible party: Sponsor"). An official's "Wang Li, Principal
# Investigator" beside it bound the responsible party PRINCIPAL_INVESTIGATOR (mutation hunt 200).
_RESPONSIBLE = lazy(r"(?i)(?<![\w-])responsible[ \t]+part(?:y|ies)(?![\w-])")
# ... not where the sentence denies it the name ("Wang Li, Principal Investigator, is not the responsible party":
# the official's role bound the responsible party PRINCIPAL_INVESTIGATOR, mutation hunt 206)
_RESPONSIBLE_DENIED = lazy(
    r"(?i)(?:(?<![\w-])(?:not|never|no[ \t]+longer)|n['’]t)[ \t]+(?:(?:the|a|its|their)[ \t]+)?"
    r"responsible[ \t]+part(?:y|ies)(?![\w-])"
)


def _responsible(passages: list[layouts.Passage]) -> list[layouts.Passage]:
    """The passages of prose of sentences naming the responsible party (_RESPONSIBLE), without their lines
    that open with another label: "Responsible Party: Sponsor" ends at no stop, and the line under it,
    "Principal Investigator: Wang Li", ran on into its sentence and bound PRINCIPAL_INVESTIGATOR (review
    205). A line with no label of its own goes on with the sentence ("The responsible party is" / "Wang
    Li, Principal Investigator."). Without the words a sentence denies the name (_denied)."""
    kept = _keeping(
        passages,
        lambda sentence: _RESPONSIBLE.search(sentence) is not None,
        lambda line: LABEL.match(line) is None or _RESPONSIBLE.search(line) is not None,
    )
    return [piece for passage in kept for piece in _denied(passage)]


_CLAUSE_OPENS = lazy(r"[.;:!?\n][^.;:!?\n]*\Z")
_SENTENCE_STOP = lazy(r"[.!?\n]")


def _denied(passage: layouts.Passage) -> list[layouts.Passage]:
    """The passage without the words each denial of the name denies it to (_RESPONSIBLE_DENIED): its subject
    in its clause ("Wang Li, Principal Investigator, is not the responsible party": the official's role bound
    PRINCIPAL_INVESTIGATOR, mutation hunt 206), or, where it has none, its sentence's words after it ("Not the
    responsible party: Wang Li, ..."). The rest of the sentence stays: "The sponsor is not the responsible
    party; Wang Li, Principal Investigator, is." names the official, and refusing every sentence that denies
    one more name than it gives refused it (review 206)."""
    if passage.whole:
        return [passage]
    text, at, out = passage.text, 0, []
    for found in _RESPONSIBLE_DENIED.finditer(text):
        if found.start() < at:
            continue
        opens = _CLAUSE_OPENS.search(text, at, found.start())
        lo = opens.start() + 1 if opens else at
        if any(c.isalnum() for c in text[lo : found.start()]):
            out.append(text[at:lo])
            at = found.end()
        else:
            out.append(text[at : found.start()])
            stop = _SENTENCE_STOP.search(text, found.end())
            at = stop.start() if stop else len(text)
    if not out:
        return [passage]
    out.append(text[at:])
    return [layouts.Passage(piece) for piece in out if piece.strip()]


# Each trial-level field's rule (a record's top-level key), the one place the evidence checks and the
# silence check read them from, and a message tells the curator of them
_RULES = {
    "locations": Rule(_sites, "nor a place it names as no site: where the product is made, the sponsor's seat"),
    "enrollment": Rule(_counting, "nor one about the people a disease affects, naming no enrolment"),
    "dates": Rule(_dated, "nor words dating another event: data, results, the sponsor's founding"),
    "officials": Rule(_officials, "an official in one naming the trial's investigator, chair or lead"),
    "responsible_party": Rule(_responsible, "the responsible party in one naming it so"),
    # (an official's name: not in the sentence going on about one, which gives an affiliation)
    "officials.name": Rule(_named_officials, "an official in one naming the trial's investigator, chair or lead"),
    **dict.fromkeys(
        ("interventions", "arms", "cell_product"),
        Rule(_given, "nor words naming a therapy had before or compared against"),
    ),
}


def stating(field: str, sentences: list[layouts.Passage], leaf: str | None = None) -> list[layouts.Passage]:
    """A plain document's sentences about the trial (of_this_trial) without the words in them that
    state no such field of the trial (field: a record's top-level key, leaf its item's key; _RULES): a
    place named as no site, a disease's population, another event's date or the dateline, a person not
    named as the trial's official, a therapy had before or compared against."""
    rule = _RULES.get(f"{field}.{leaf}") or _RULES.get(field)
    return sentences if rule is None else rule.cut(sentences)


# Words naming the lymphodepletion ("preconditioning", "pre-conditioning" and "lymphocyte depletion" name
# it too: a description saying "Preconditioning chemotherapy with fludarabine and cyclophosphamide ..."
# let a record declare it silent)
# ... and the words that name it otherwise: its abbreviation ("LD chemotherapy", "Flu/Cy"), or the
# trial's infusion as what it precedes ("Patients received fludarabine ... and
# cyclophosphamide ... on days -5 to -3 before CAR-T infusion"): read in sentences naming it by name
# only (3eef0fa), an honest record quoting its agents from those was refused E512
_LYMPHODEPLETION = lazy(
    r"(?i)(?<![\w-])(?:lympho-?(?:depl|ablat)\w*|lymphocyte[- ]deplet\w*|(?:pre-?)?conditioning\b|"
    r"(?-i:LD)(?![\w-])|flu\s*/\s*cy\b)"
)
_BEFORE_THE_INFUSION = lazy(rf"(?i)\b(?:before|prior\s+to|preceding|ahead\s+of)\s+{age_bounds.THE_INFUSION}")
# ... but not a sentence of another therapy given before the infusion ("Bridging therapy with
# cyclophosphamide 500 mg/m² is allowed before CAR-T infusion", one for a flare, the comparator's)
_ANOTHER_THERAPY = lazy(
    r"(?i)\b(?:bridg\w*|flares?|rescue|comparator|control\s+arm|standard[-\s]of[-\s]care|salvage|maintenance)\b"
)

# ... nor one that stops, washes out or forbids a therapy before the infusion ("Any cyclophosphamide
# 500 mg/m²/day must be washed out before the infusion", "... is not allowed", "Prior ... is
# prohibited"): a washout or an exclusion, which bound a lymphodepleting agent's dose
_STOPPED_OR_FORBIDDEN = lazy(
    r"(?i)\b(?:stop(?:s|ped|ping)?|discontinu\w*|wash(?:ed)?[-\s]?out|withdrawn?|taper\w*|prohibited|forbidden"
    r"|excluded|exclusion|not\s+(?:be\s+)?(?:allowed|permitted|given)|must\s+not|prior\s+(?!to\b)\w+|previous\w*)\b"
)


def _names_lymphodepletion(sentence: str) -> bool:
    """Whether a sentence names the lymphodepletion (_LYMPHODEPLETION), or the trial's infusion as what
    its therapy precedes, no other therapy named (_BEFORE_THE_INFUSION, _ANOTHER_THERAPY)."""
    if _LYMPHODEPLETION.search(sentence):
        return True
    return (
        bool(_BEFORE_THE_INFUSION.search(sentence))
        and not _ANOTHER_THERAPY.search(sentence)
        and not _STOPPED_OR_FORBIDDEN.search(sentence)
    )


# A sentence that goes on speaking of the sentence before it ("Lymphodepletion is given on days -5 to -3.
# It consists of fludarabine and cyclophosphamide."): its agents are the lymphodepletion's too
# (or says what all the trial's patients are given: "Lymphodepletion precedes the infusion. Patients
# receive fludarabine ... and cyclophosphamide ..." refused the honest agents E512. Not one naming
# some of them, "The comparator arm receives cyclophosphamide", nor an agent first, "Cyclophosphamide
# is given in case of a flare")
_GOES_ON_LYMPHODEPLETION = lazy(
    r"(?i)\s*(?:(?:it|this|these|the\s+(?:regimen|chemotherapy|conditioning|lymphodepletion))\s+"
    r"(?:consists?|comprises?|includes?|involves?|is|are|was|were|uses?)\b"
    r"|(?:all\s+)?(?:the\s+)?(?:patients|participants|subjects)\s+(?:will\s+|then\s+|first\s+)*"
    r"(?:receive|received|are\s+given|were\s+given|get)\b)"
)

# ... and none giving a therapy at another time than the lymphodepletion's, or on a condition: after the
# infusion, before the trial or as a history, on a relapse or a toxicity ("Lymphodepletion with
# fludarabine ... precedes the infusion. Patients receive cyclophosphamide 500 mg/m²/day after the
# infusion." bound a lymphodepleting agent, and so did "Patients received ... before enrollment.")
_ANOTHER_TIME = lazy(
    rf"(?i)\b(?:after|following)\s+{age_bounds.THE_INFUSION}|\bpost[-\s]?infusion\b"
    r"|\bbefore\s+(?:the\s+)?(?:enrol\w*|screening|consent\w*|randomi[sz]\w*|inclusion|(?:study|trial)\s+entry"
    r"|(?:the\s+)?(?:study|trial)\b)|\bprior\s+to\s+(?:enrol\w*|screening|inclusion)|\bpreviously\b|\bhistory\b"
    r"|\bif\b|\bin\s+case\b|\bunless\b|\brelaps\w*|\bCRS\b|\bICANS\b|\btoxicit\w*|\bcytokine\s+release\b"
)

_AN_ITEM = lazy(r"\s*(?:and\s+)?[^\W\d_][\w-]*\s*[:(]?\s*[0-9]")


def on_lymphodepletion(passages: list[layouts.Passage]) -> list[layouts.Passage]:
    """The sentences of passages naming the lymphodepletion, and each going on about one that does:
    where a text states its agents and their doses, for binding and silence alike. Read anywhere in a
    plain document, the comparator arm's "cyclophosphamide 500 mg/m²" or one given for a flare bound
    a lymphodepleting agent's dose."""
    out = []
    for passage in passages:
        said = [s for line in passage.text.splitlines() for s in split(line)]
        named = [_names_lymphodepletion(s) for s in said]
        for i, sentence in enumerate(said):
            # (a list's item after a semicolon, a name and its dose, is the sentence before it going
            # on: "Lymphodepletion (LD): fludarabine 30 mg/m²/day; cyclophosphamide 500 mg/m²/day.";
            # a clause of its own after one is not: "...; the comparator arm receives ...")
            after_semicolon = (
                i > 0 and named[i - 1] and said[i - 1].rstrip().endswith(";") and bool(_AN_ITEM.match(sentence))
            )
            named[i] = named[i] or after_semicolon  # (its own pieces after a semicolon, each)
            goes_on = (
                _GOES_ON_LYMPHODEPLETION.match(sentence) is not None
                and not _ANOTHER_THERAPY.search(sentence)
                and not _ANOTHER_TIME.search(sentence)
            )
            if named[i] or (i > 0 and named[i - 1] and goes_on):
                out.append(layouts.Passage(sentence))
    return out


def _plain_rule(doc: SourceDoc, path: tuple) -> Callable[..., list[layouts.Passage]] | None:
    """The rule of a field a plain document states outside its trial-level sentences' rules: a
    sponsor's name not in words naming a partner (without_partners), a product's facts only where it
    names the product (naming_the_product, given the product's name), a lymphodepletion's agents in
    words on it (on_lymphodepletion); None for none."""
    if doc.layout != layouts.PLAIN:
        return None
    if tuple(path[:2]) == ("sponsor", "name"):
        return without_partners
    if path[0] == "cell_product" and len(path) > 1 and path[1] != "name":
        return naming_the_product
    if path[0] == "lymphodepletion":
        return on_lymphodepletion
    return None


class Trial:
    """How the prose rules read one record's sources: for each document and field, where it states
    the field of this trial (stating_in), whether a text read there is another trial's (foreign),
    and words for a message (read_as); each document's own names worked out once."""

    def __init__(self, nct_id: str, product: Any) -> None:
        self.nct_id = nct_id
        self.product = product  # the record's cell_product.name
        # (id of a document (held), field) -> where it states it
        self.stated: dict[tuple[int, tuple], tuple[SourceDoc, list[layouts.Passage] | None]] = {}

    def own(self, doc: SourceDoc) -> Own:
        """own_names of doc for this trial, worked out once for a document and trial (a reading the
        document keeps: a function of its words and the trial's id alone)."""
        return doc.reading(("own names", self.nct_id), lambda: own_names(doc, self.nct_id))

    def stating_in(
        self, doc: SourceDoc, path: tuple, found: list[layouts.Passage] | None
    ) -> list[layouts.Passage] | None:
        """Where doc states the field at path of this trial, of found (its place, or its sections
        about the trial; None: the whole document): in prose, its sentences about this trial
        (of_this_trial) without the words the field's rule leaves out (stating), and in a plain
        document, a sponsor's or a product's rule (_plain_rule). Worked out once a document and field."""
        key = (id(doc), tuple(p for p in path if isinstance(p, str)))
        known = self.stated.get(key)
        if known is None or known[0] is not doc:
            out = found
            if in_prose(doc, path[0]):
                whole = [_as_prose(doc)] if found is None else [_prose_of(p) for p in found]
                kind = str(path[1]) if path[0] == "outcomes" and len(path) > 1 else None
                leaf = str(path[-1]) if len(path) > 1 and isinstance(path[-1], str) else None
                # the sentences about the trial: the same for every field of its kind read from the
                # same passages (a plain page's fields all read the whole page), so kept with the document
                passages = None if found is None else tuple((p.text, p.whole, p.value, p.prose) for p in found)
                ours = doc.reading(
                    ("of this trial", self.nct_id, kind, passages),
                    lambda: of_this_trial(whole, self.own(doc), self.nct_id, kind),
                )
                out = stating(path[0], ours, leaf)
            rule = _plain_rule(doc, path)
            if rule is not None:
                whole = [_as_prose(doc)] if out is None else out
                out = naming_the_product(whole, self.product) if rule is naming_the_product else rule(whole)
            known = self.stated[key] = (doc, None if out is None else [_as_read(p) for p in out])
        return known[1]

    def foreign(self, doc: SourceDoc, path: tuple, text: str) -> bool:
        """Whether text, read from doc's prose as the field at path, is another trial's: a condition
        naming only diseases the document does not give this trial (in its title and its sentences
        naming the trial's id), where it gives it some: "Northbridge also develops NB-301 for
        myositis" is about the product, and its disease is no condition of a lupus trial. (A basket
        trial's release naming "other autoimmune diseases" there gives the trial those its sentences
        enrol: own_names.)"""
        if path[0] != "conditions" or not in_prose(doc, path[0]):
            return False
        named, ours = diseases(text), self.own(doc).names[1]
        return bool(ours and named and not named & ours)


def _as_prose(doc: SourceDoc) -> layouts.Passage:
    """A document's whole text as its prose is read: a headline's line's end ends its sentence."""
    return layouts.Passage(doc.text if doc.prose is None else doc.prose)


def _prose_of(passage: layouts.Passage) -> layouts.Passage:
    """A passage as its prose is read (Passage.prose)."""
    return passage if not passage.prose else layouts.Passage(passage.prose, passage.whole, passage.value)


def _as_read(passage: layouts.Passage) -> layouts.Passage:
    """A passage of prose as its document's text reads it, its lines' ends spaces again (a quote is
    held to that text), its prose kept for the sentences the ties read (Sentences)."""
    if "\n" not in passage.text:
        return passage
    return layouts.Passage(passage.text.replace("\n", " "), passage.whole, passage.value, prose=passage.text)


def read_as(doc: SourceDoc, path: tuple, field: str) -> str | None:
    """Words for where doc reads the field at path (field: its dotted name) by the prose rules, for
    a message; None where it reads it by none."""
    if _plain_rule(doc, path) is without_partners:
        return (
            f"{doc.file} names the sponsor not in words naming a partner, a licensor, an owner, an investor, "
            "a funder, a supplier or a site (licensed from, in collaboration with, acquired by, funded by, "
            "supplied by, a CRO, conducted at)"
        )
    if not in_prose(doc, path[0]):
        return None
    rule = _RULES.get(path[0])
    return (
        f"{doc.file} states {field} in its sentences about this trial, not in one about another trial or "
        "product (one naming a product code or a disease its title and its sentences naming the trial do not, "
        "or only a phase they do not, or the words after an earlier study, another product, a second or "
        "planned trial, one the sponsor also runs" + ("" if rule is None else "; " + rule.says) + ")"
    )


# A time point or span as prose writes an outcome's time frame: "week 24", "Month 6", "Day 28", "24 weeks",
# "12-month", "2 years", "one year", "thirty days" (a number in words: quantities.WORDS_NUMBER)
_TIME = lazy(
    r"(?i)(?<![\w-])(?:(?:days?|weeks?|wks?|months?|years?|hours?)\s*\d+"
    r"|(?:\d+(?:\.\d+)?|"
    + quantities.WORDS_NUMBER
    + r")[\s-]*(?:days?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?))(?![\w])"
)
# A sentence that goes on about the outcome of the sentence before it ("It will be assessed at week 24.")
_GOES_ON = lazy(
    r"(?i)(?:it|this|these|they|both|each|all|th(?:e|is|ese)\s+(?:(?:primary|secondary|exploratory)\s+)?"
    r"(?:end-?points?|outcomes?|measures?|assessments?))\b"
)


def _timed(sentence: str, measure: str, time_frame: str) -> bool:
    """Whether a sentence (with the one before it, when this goes on about it: none) gives time_frame
    as measure's: the time written next after the measure ("SRI-4 response at week 24 and safety at
    month 6": week 24 is SRI-4 response's, month 6 safety's), or, with none after it in the
    sentence, or the first after it only past another item (_ANOTHER_ITEM: "At week 24, the primary
    endpoints are SRI-4 response and safety at month 6"), the nearest before it ("At week 24, the
    primary endpoint is SRI-4 response"); or in the measure itself."""
    times = [m.start() for m in _TIME.finditer(sentence)]
    for at in edges.occurrences(sentence, measure):
        end = at + len(measure)
        after = [t for t in times if t >= end]
        for ts in edges.occurrences(sentence, time_frame):
            te = ts + len(time_frame)
            if at <= ts and te <= end:
                return True
            if ts >= end and not any(end <= t < ts for t in after):
                return True
            if (
                te <= at
                and not any(te <= t < at for t in times)
                and (not after or _ANOTHER_ITEM.search(sentence, end, after[0]))
            ):
                return True
    return False


# Words between a measure and the next time after it that list another item first, whose time that is:
# "SRI-4 response and safety at month 6", "SRI-4 response, BICLA response and safety at month 6";
# not a comma going on about the measure ("SRI-4 response, assessed at month 6")
_ANOTHER_ITEM = lazy(
    r"(?i)(?<![\w-])(?:and|or|as\s+well\s+as|plus)(?![\w-])|;"
    r"|,\s+(?!(?:as\s+)?(?:measured|assessed|evaluated|defined|determined|at|by|from|over|through|until|up\s+to|"
    r"during|after|within|in)(?![\w-]))"
)


class Sentences:
    """The sentences of a field's passages of prose, looked up by the texts they hold: each item of a
    list (hundreds of sites or outcomes) was looked for through every sentence, in Python, which took
    seconds for a record of 500 sites and outcomes from a page stating them (quadratic)."""

    def __init__(self, passages: list[layouts.Passage], splitter: re.Pattern[str]) -> None:
        self.sentences: list[str] = []
        self.run: list[int] = []  # each sentence's passage (sentences of one passage run on)
        for n, passage in enumerate(passages):
            for sentence in split(passage.prose or passage.text, stops=splitter):
                self.sentences.append(sentence)
                self.run.append(n)
        self.starts: list[int] = []
        at = 0
        for sentence in self.sentences:
            self.starts.append(at)
            at += len(sentence) + 1
        self.text = "\n".join(self.sentences)

    def holding(self, text: str) -> list[int]:
        """The sentences (by number, in order) holding text."""
        out: list[int] = []
        at = self.text.find(text) if text else -1
        while at >= 0:
            n = bisect.bisect_right(self.starts, at) - 1
            if at + len(text) <= self.starts[n] + len(self.sentences[n]) and (not out or out[-1] != n):
                out.append(n)
            at = self.text.find(text, at + 1)
        return out

    def after(self, n: int) -> str:
        """The sentence after sentence n in its passage ("" for none)."""
        return self.sentences[n + 1] if n + 1 < len(self.sentences) and self.run[n + 1] == self.run[n] else ""


# What may stand between the texts of one site as prose writes it: "Northbridge University Hospital in
# Columbus, Ohio", "Charité (Berlin, Germany)", "Berlin - Germany"; not "and", nor another site's words.
# Nor, after a text, a bracket of the site's own recruitment status or number ("Ruijin Hospital
# (Recruiting), Shanghai, China", "(Site 01)"): read as another site's words, an honest site was
# refused E512 (a status that takes a site back, "(withdrawn)", retracted reads)
_SITE_NOTE = (
    r"(?:\(\s*(?i:(?:not\s+yet\s+|active,?\s+not\s+)?recruiting|enrolling\s+by\s+invitation|active|completed|"
    r"suspended|site\s*(?:no\.?\s*|#\s*)?\d+)\s*\))?"
)
_SITE_JOIN = lazy(rf"[\s,;:\-–—]*{_SITE_NOTE}[\s,;:()\-–—]*(?:(?:in|at|of)\s+(?:the\s+)?)?[\s,;:()\-–—]*")
SITE_PLACES = ("city", "region", "country")


def together(prose: Sentences, places: list[str], facility: str | None, *, city: bool = False) -> bool:
    """Whether a sentence of prose writes a site's texts together (or none stands in any of them).
    With city (places starts with the site's city), other cities may be listed after it and share
    its region or country ("sites in Berlin and Munich, Germany": _OTHER_CITIES)."""
    # each order the texts may be written in, and the one of them other cities may stand before (the
    # place after the city)
    orders = [(places, 1)] if facility is None else [([facility, *places], 2), ([*places, facility], 1)]
    found = [set(prose.holding(text)) for text in orders[0][0]]
    if not any(found):
        return True  # (no text stands in a sentence about the trial: E501/E512 report each)
    for n in sorted(set.intersection(*found)):
        sentence = prose.sentences[n]
        if any(_written_together(sentence, order, listed if city else None) for order, listed in orders):
            return True
        if facility is not None and _listed_under(sentence, places, facility, 1 if city else None):
            return True
    return facility is not None and any(_placed_after(prose, n, facility, places) for n in prose.holding(facility))


# A sentence that goes on about the site the sentence before it names last ("The hospital is in Columbus.",
# "It is located in Columbus, Ohio.")
_GOES_ON_SITE = lazy(
    r"(?:It|(?:The|This|That)\s+(?:hospital|medical\s+cent(?:er|re)|cent(?:er|re)|clinic|site|institute|"
    r"institution|university|facility|campus))(?![\w-])"
)
_CAPITAL = lazy(r"(?<![\w'’-])[A-Z]")


def _placed_after(prose: Sentences, n: int, facility: str, places: list[str]) -> bool:
    """Whether sentence n names facility last (no capital after it) and the next goes on about it
    (_GOES_ON_SITE), writing the site's places together before any other name: "NB-301 is given at
    Northbridge University Hospital. The hospital is in Columbus." ("at Northbridge University
    Hospital and at Charité. The hospital is in Berlin." places Charité)."""
    sentence, later = prose.sentences[n], prose.after(n)
    if not places or not _GOES_ON_SITE.match(later):
        return False
    if any(_CAPITAL.search(sentence, at + len(facility)) for at in edges.occurrences(sentence, facility)):
        return False
    start = later.find(places[0])
    if start < 0:
        return False
    # places the site leaves out before its own ("Columbus, " of "Columbus, Ohio"), a few words back at most
    before = _PLACES_BEFORE.search(later, max(0, start - 200), start)
    return not _CAPITAL.search(later, 1, before.start() if before else start) and _written_together(
        later[start:], places
    )


_PLACES_BEFORE = lazy(r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*,\s*)+$")


def _written_together(sentence: str, texts: list[str], listed: int | None = None) -> bool:
    """Whether sentence writes texts one after another with only _SITE_JOIN between them (and, before
    texts[listed], other cities: _OTHER_CITIES)."""
    return next(_chains(sentence, texts, listed), None) is not None


# Other cities listed after a site's city, sharing the region or country written after them: "Berlin
# and Munich, Germany", "Houston or Dallas, Texas". Only one, joined by "and", "or" or "&", right after
# the city, and the city not right after a place and a comma (_CITY_BEFORE): "Berlin, Germany and
# Columbus, Ohio" lists no Ohio city Berlin, nor does "Columbus, Ohio and Berlin, Germany" a German
# Ohio. "Berlin, Munich and Hamburg, Germany" leaves its cities with no country, as a comma before a
# city reads the same as one before a region; the record's own sites cannot say which it is (a record
# of Columbus, Ohio and Berlin in Germany would vouch for itself), so such a list is refused.
_OTHER_CITIES = lazy(r"\s+(?:and|or|&)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
_CITY_BEFORE = lazy(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*,\s*\Z")


def _chains(sentence: str, texts: list[str], listed: int | None = None) -> Iterator[int]:
    """Where each run of texts written one after another (only _SITE_JOIN between them, and other
    cities before texts[listed]) ends in sentence."""
    for start in edges.occurrences(sentence, texts[0]):
        at = start + len(texts[0])
        for i, text in enumerate(texts[1:], 1):
            if (
                i == listed
                and (others := _OTHER_CITIES.match(sentence, at)) is not None
                and _CITY_BEFORE.search(sentence, max(0, start - 60), start) is None
            ):
                join = _SITE_JOIN.match(sentence, others.end())
                if join is not None and sentence.startswith(text, join.end()):
                    at = join.end() + len(text)
                    continue
            join = _SITE_JOIN.match(sentence, at)
            at = join.end() if join is not None else at
            if not sentence.startswith(text, at):
                break
            at += len(text)
        else:
            yield at


# The end of places a list of sites stands under: those the site leaves out ("..., China"), then a colon
_THEN_COLON = lazy(r"(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)*\s*:")


def _listed_under(sentence: str, places: list[str], facility: str, listed: int | None = None) -> bool:
    """Whether sentence lists the facility after its places and a colon ("Sites in Beijing, China:
    Peking University Third Hospital; Peking Union Medical College Hospital"), no other colon between."""
    for end in _chains(sentence, places, listed) if places else ():
        colon = _THEN_COLON.match(sentence, end)
        if colon is None:
            continue
        rest = sentence[colon.end() :]
        at = rest.find(facility)
        if at >= 0 and ":" not in rest[:at]:
            return True
    return False


def tied(prose: Sentences, measure: str, time_frame: str) -> bool | None:
    """Whether a sentence of prose gives time_frame to measure (None: none holds the measure)."""
    holding = prose.holding(measure)
    for n in holding:
        sentence = prose.sentences[n]
        if _timed(sentence, measure, time_frame):
            return True
        later = prose.after(n)
        if _GOES_ON.match(later) and time_frame in later and not _TIME.search(sentence, sentence.find(measure)):
            return True
    return None if not holding else False


# What may not stand between an official's name and the affiliation written after it: a join to another
# person ("Anna Berg of Charité and Tom Hale of Columbus University", "... with Tom Hale of", "Anna Berg
# (Charité) and", "; Tom Hale"), or another affiliation ended by a comma before another name ("Anna Berg
# of Charité, Tom Hale of Columbus University"). A title between them is none: "Anna Berg, MD, PhD,
# Professor of Medicine at Charité", "Anna Berg, Director of the Lupus Clinic, Charité".
_ANOTHER_PERSON = lazy(
    r"(?i:(?<![\w-])(?:and|with|alongside|as\s+well\s+as)(?![\w-]))|[&;)]"
    r"|(?<![\w-])(?:of|at|from)\s+(?:the\s+)?[A-Z][^,]*,\s*(?:(?:Drs?|Prof)\.?\s+)?[A-Z]"
)
# An affiliation written after a name: the name's own, which one written before it is not
_AFFILIATION_AFTER = lazy(r"\s*,?\s*(?:of|at|from|\()(?![\w-])")
# What may stand between an affiliation and the name after it: a comma ("the principal investigator at
# Charité, Anna Berg, said")
_BEFORE_NAME = lazy(r"\s*,\s*")


def affiliated(prose: Sentences, name: str, affiliation: str) -> bool:
    """Whether a sentence of prose writes affiliation as the official name's (or neither stands in
    any: E501/E512 report each): after the name with no other person between (_ANOTHER_PERSON), or
    right before it, the name then not followed by an affiliation of its own. "Dr A of Hospital X
    and Dr B of Hospital Y lead the trial" gave A the affiliation Hospital Y."""
    found = [set(prose.holding(text)) for text in (name, affiliation)]
    if not any(found):
        return True
    if any(_affiliation_of(prose.sentences[n], name, affiliation) for n in sorted(found[0] & found[1])):
        return True
    return any(_affiliated_after(prose, n, name, affiliation) for n in sorted(found[0]))


# A sentence going on about the person the sentence before names last: by a pronoun, or by the name's
# last word with or without a title ("She is a professor at Charité.", "Dr. Berg is a rheumatologist at")
_GOES_ON_OFFICIAL = r"(?:(?:She|He|They)|(?:(?:Drs?|Prof)\.?\s+|Professor\s+)?{surname})(?![\w'’-])"


def _affiliated_after(prose: Sentences, n: int, name: str, affiliation: str) -> bool:
    """Whether sentence n names the official last (no capital after the name) and the next sentence
    goes on about them (_GOES_ON_OFFICIAL), writing the affiliation with no other person before it: "The
    trial is led by Anna Berg. She is a professor at Charité." ("led by Anna Berg and Tom Hale. She is
    at Charité." names Tom Hale last)."""
    sentence, later = prose.sentences[n], prose.after(n)
    surname = name.split()[-1] if name.split() else ""
    if not surname or not re.match(_GOES_ON_OFFICIAL.format(surname=re.escape(surname)), later):
        return False
    if any(_CAPITAL.search(sentence, at + len(name)) for at in edges.occurrences(sentence, name)):
        return False
    place = later.find(affiliation)
    return place > 0 and not _ANOTHER_PERSON.search(later, 0, place)


def _affiliation_of(sentence: str, name: str, affiliation: str) -> bool:
    for at in edges.occurrences(sentence, name):
        end = at + len(name)
        for place in edges.occurrences(sentence, affiliation):
            if place >= end and not _ANOTHER_PERSON.search(sentence, end, place):
                return True
            if (
                place + len(affiliation) <= at
                and _BEFORE_NAME.fullmatch(sentence, place + len(affiliation), at)
                and not _AFFILIATION_AFTER.match(sentence, end)
            ):
                return True
    return False
