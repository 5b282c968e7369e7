"""Counts of people: the numbers a quote states as a number of people enrolled (counts: not a part's
count, another group's, a bound, a plan superseded or an outcome of some of them), and the patients it
numbers ("patients 1 to 3": patient_ranges)."""

from __future__ import annotations

import re

from sle_trials.patterns import lazy
from sle_trials.reading import kept_out, planned, retracted
from sle_trials.reading.lexicon import stated_limits
from sle_trials.reading.lexicon.quantities import WORDS_NUMBER, in_ratio, numbers

_PATIENTS = lazy(r"(?i)\b(?:patients?|participants?|subjects?)\s+(?:no\.?\s*)?(\d+)(?:\s*(?:to|-|–|through)\s*(\d+))?")
# what makes the numbers after "patients" a quantity, not patients: "patients 18 to 65 years", "40 kg"
_NOT_PATIENTS = lazy(r"(?i)\.?\d|\s*(?:years?|yrs?|months?|weeks?|days?|kg|%|percent)\b")


def patient_ranges(quote: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """The patient ranges a quote names (between lo and hi): "patients 1 to 3" (1, 3), "patient 4" (4, 4)."""
    found = _PATIENTS.finditer(quote, lo, len(quote) if hi is None else hi)
    return [(int(m.group(1)), int(m.group(2) or m.group(1))) for m in found if not _NOT_PATIENTS.match(quote, m.end())]


# The words for people a count of those taking part is read before: the registry's ("participants", "patients",
# "subjects") and a source's own ("will enrol 12 adults", "18 individuals", "20 women with lupus nephritis", "15
# healthy volunteers", "10 children"), with up to three words between that describe them ("24 eligible
# participants", "12 lupus nephritis patients", "10 paediatric patients", "Up to 24 evaluable Chinese adult
# participants"). Read before the registry's words alone, such a count let a source stating it pass with its
# enrollment declared silent (E523), and refused the honest count quoted so (E508). Not a word of a unit, of
# another phrase, or of another group or some of them: "12 weeks after patients", "18 years old patients", "2 mg/kg
# patients", "3 screened patients", "6 more patients" and "10 control subjects" count no one enrolled, nor does a
# word for them in the singular, which describes something else ("12 adult rheumatologists"). (No "cases",
# which counts events too: "12 cases of CRS"; no "controls": another group.)
_TAKING_PART = (
    r"(?:participants|patients|subjects|people|persons|individuals|adults|adolescents|children|infants|men|women|"
    r"volunteers)"
)
# (a unit's word is none as the head of a word either: "18 year-old patients", "2 mg/kg patients")
_UNIT_WORD = (
    r"(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|times|fold|doses?|cycles?|courses?|infusions?|lines?|"
    r"sites?|centers?|centres?|countries|mg|g|kg|ml|cells?|x|percent|ages?|aged|"
    # (a lab value's unit: "8 mmol/L patients", "50 \u00b5mol/L patients" were read as counts of 8 and 50 people)
    r"[m\u00b5\u03bcnpu]?mol|[\u00b5\u03bcnp]g|mcg|dl|l|iu|u|mm|mmhg)(?![^\W_])"
)
_VERB_WORD = (
    r"(?:excludes|includes|requires|enrols|enrolls|recruits|treats|doses|infuses|receives|allows|permits|admits|"
    r"lists|compares|counts|needs|gets|takes|gives|says|states|names|covers|applies|concerns|describes)"
)
_NOT_DESCRIBING = (
    r"(?:before|after|prior|previous|of|to|in|into|for|with|without|and|or|nor|per|the|a|an|at|on|from|than|"
    r"by|as|vs|versus|among|including|plus|are|is|were|was|be|been|being|have|has|had|will|would|may|might|must|"
    r"shall|should|can|could|who|whom|whose|which|that|these|those|not|no|each|every|all|both|more|less|fewer|"
    r"other|others|another|additional|further|extra|new|remaining|control|controls|matched|historical|external|"
    r"registry|comparator|placebo|screened|screening|"
    r"withdrawn|excluded|ineligible|deceased|dead|discontinued|responding|non-?responding|responders?|"
    # (a verb the number is the subject of: "Exclusion criterion 1 excludes patients", "Site 3 enrols patients")
    rf"{_VERB_WORD})(?![\w-])"
)
_DESCRIBED = rf"(?:(?!{_UNIT_WORD}|{_NOT_DESCRIBING})[^\W\d_][\w/'\u2019-]*[ \t]+){{0,3}}"
# ... and the registry's word in the singular after one ("1 patient", "one participant was enrolled"): after any
# other number it describes another noun ("12 patient visits", "12 patient samples", "24 participant interviews"),
# and before a hyphen it is a word's first part at any ("12 subject-years", "1 patient-year"). Each was read as a
# count of people and bound an enrollment of 12 (E508). (A source's slip, "12 patient were enrolled", "12 patient
# with SLE.", ending its clause or before a verb or "with", is still read: it describes no noun after it.)
_SLIP = (
    r"(?:participant|patient|subject)(?=[ \t]*(?:[.,;:!?)\]]|\n|\Z)|[ \t]+(?:were|was|will|are|is|with|who|have|"
    r"had|has|enrol+ed)(?![\w-]))"
)
# Cases of the disease are people who have it ("12 cases of refractory SLE", "3 cases of lupus nephritis"), and a
# count of them is one of people: it was read as none, and a source's "12 cases of SLE" left an enrollment declared
# silent on it. Not cases of anything else, which are events ("12 cases of CRS", "3 cases of herpes zoster"), nor of
# the disease's events ("3 cases of lupus flare", "2 cases of SLE relapse", "SLE-associated ...")
_CASES_OF = (
    rf"[ \t]+cases?[ \t]+of[ \t]+{_DESCRIBED}(?:SLE|systemic[ \t]+lupus[ \t]+erythematosus|lupus[ \t]+nephritis|"
    r"lupus(?![ \t]+(?:nephritis|erythematosus)))"
    r"(?![\w-]|[ \t]+(?:flares?|relapses?|exacerbations?|recurrences?|reactivations?|activity|episodes?|cris[ie]s|"
    r"onsets?|worsening|progression)(?![\w-]))"
)
_COUNT_AFTER = lazy(
    rf"(?:\s*(?:participants|patients|subjects|people|persons|{_SLIP})\b|[ \t]+{_DESCRIBED}{_TAKING_PART}(?![\w-])"
    rf"|{_CASES_OF})",
    re.I,
)
# (and after one, not before a noun it describes: "IM19 counts 1 patient visit." was read as a count of one person)
_DESCRIBED_NOUN = (
    r"(?![\w-]|[ \t]+(?:visits?|samples?|specimens?|interviews?|records?|charts?|files?|data(?:sets?)?|diar(?:y|ies)|"
    r"questionnaires?|surveys?|reports?|narratives?|profiles?|encounters?|consultations?|appointments?|admissions?|"
    r"populations?|registr(?:y|ies)|characteristics|demographics|information|education|outcomes?|experiences?|"
    r"preferences?|selection|screening|identifiers?|ids?|numbers?|materials?|partners?|advocates?|advocacy|"
    r"organi[sz]ations?|journeys?|days?|weeks?|months?|years?)(?![\w-]))"
)
_COUNT_AFTER_ONE = lazy(
    rf"(?:\s*(?:participants?|patients?|subjects?|people|persons?){_DESCRIBED_NOUN}"
    rf"|[ \t]+{_DESCRIBED}{_TAKING_PART}(?![\w-])|{_CASES_OF})",
    re.I,
)
# A number a word before it names something by ("Class 3 lupus nephritis patients", "Phase 1 SLE patients", "Type 1
# diabetes patients", "Cohort 2 patients", "Day 28 participants", "patients aged 18 ..."), or a year ("In 2024
# patients were enrolled"), counts no one: each was read as a count of people
# (or a bound or a range's end after its word: "Grade ≥3 patients", "Stage 3-4 patients", "class 3 or 4 lupus nephritis
# patients", "eGFR < 30 patients", each read as a count of 3, 4 or 30 people; or a score's, a measure's or a
# reference's or a protocol's number: "a SLEDAI-2K score of 8 patients", "BMI 30 patients", "CTCAE 5.0 patients", "ref.
# 12 patients", "Protocol 2 patients")
# (the words of a lab's measure and of a drug a number after them is a value or a dose of: _NAMED_BY_NUMBER)
_MEASURE = (
    r"(?:h(?:a)?emoglobin|hb|hgb|h(?:a)?ematocrit|hct|platelets?|plts?|wbc|anc|neutrophils?|lymphocytes?|leukocytes?|"
    r"creatinine|crcl|bilirubin|albumin|alt|ast|alp|ldh|crp|esr|proteinuria|upcr|uacr|c3|c4|complement|ig[gam]|"
    r"dsdna|ferritin|inr|fibrinogen|potassium|sodium|glucose|hba1c|troponin|lvef|ejection[ \t]+fraction|qtc|spo2|"
    r"fev1|dlco|weight|height)(?![\w-])"
)
_DRUG = (
    r"(?:(?:methyl)?prednis(?:o|olo)ne|glucocorticoids?|corticosteroids?|steroids?|hydroxychloroquine|hcq|"
    r"mycophenol(?:ate|ic[ \t]+acid)|mmf|cyclophosphamide|azathioprine|tacrolimus|methotrexate|fludarabine|"
    r"belimumab|rituximab|anifrolumab)(?![\w-])"
)
# (a bound: "\u2265", "above", "greater than", "up to")
_BOUND = (
    r"(?:[ \t]*(?:[<>\u2264\u2265\u2a7d\u2a7e]=?|=)|[ \t]+(?:above|below|over|under|(?:greater|more|less|lower|higher)"
    r"[ \t]+than|up[ \t]+to|at[ \t]+(?:most|least)))[ \t]*"
)
_NAMED_BY_NUMBER = lazy(
    r"(?i)(?:(?:\b(?:class|phase|grade|type|stage|part|cohort|arm|group|level|day|week|month|year|visit|dose|step|"
    r"tier|category|cycle|table|figure|fig\.|section|version|no\.|criterion|criteria|item|site|centre|center|"
    r"amendment|protocol|appendix|line|row|question|patient|participant|subject|references?|refs?\.?|ctcae|bmi|e?gfr)"
    r"|\b(?:scores?|sledai(?:-2k)?|bilag|titres?|titers?)(?:[ \t]+of)?)"
    r"[ \t]*(?:#|no\.?|[<>\u2264\u2265\u2a7d\u2a7e]=?|=)?[ \t]*"
    r"(?:(?:\d{1,3}|[IVX]{1,4})[ \t]*(?:-|\u2013|to|or|and|/)[ \t]*)?|#[ \t]*"
    # (an age, or a range's end after it: "aged 18-65 SLE patients", "ages between 18 and 65 adults")
    # (or its bound: "aged \u2265 18 patients", "aged over 18 patients")
    r"|\b(?:aged?|ages)(?:[ \t]+(?:of|between|from|over|under|above|below|at[ \t]+(?:least|most)|up[ \t]+to))?[ \t]*"
    r"(?:[<>\u2264\u2265\u2a7d\u2a7e]=?[ \t]*)?(?:\d{1,3}[ \t]*(?:-|\u2013|to|and)[ \t]*)?"
    # (or a lab value's, after the measure's word, its bound or its range's start: "hemoglobin 8 patients", "Hb \u2265 8
    # patients", "platelet count of 50 patients"; or a drug's dose, after its bound or "dose": "prednisone \u2264 10
    # patients", each read as a count of people)
    rf"|\b{_MEASURE}(?:[ \t]+(?:levels?|counts?|concentrations?|values?))?(?:[ \t]+(?:of|at))?(?:{_BOUND}|[ \t]*)"
    r"(?:\d{1,4}(?:\.\d+)?[ \t]*(?:-|\u2013|to|and)[ \t]*)?"
    rf"|\b{_DRUG}(?:[ \t]+(?:doses?|dosage)(?:[ \t]+(?:of|at))?(?:{_BOUND}|[ \t]*)|{_BOUND})"
    r"(?:\d{1,4}(?:\.\d+)?[ \t]*(?:-|\u2013|to|and)[ \t]*)?)\Z"
)
# (after "from" or "through" too, or as a range's end after a year: "Data from 2020 patients were reviewed", "From 2019
# to 2022 patients were enrolled", "2019-2022 patients", each read as a count of 2020 or 2022 people; a count that
# large after "from" is one no CAR-T trial writes, and "will enrol 2000 patients", "a total of 2020 patients" are read;
# and after a quarter or half year's or a criteria's body's name: "H1 2024 patients", "ACR 2019 patients", "SLICC 2012")
_YEAR_BEFORE = lazy(
    r"(?i)(?:\b(?:in|since|by|during|until|till|before|after|early|late|mid|end|from|through|throughout|q[1-4]|h[12]|"
    r"acr|eular|slicc|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:[ \t]+\d{1,2}(?:st|nd|rd|th)?,?)?)"
    r"|(?<![\d.,])(?:19[5-9]\d|20[0-4]\d)[ \t]*(?:-|\u2013|\u2014|/|to|and|through|until)(?![\w-]))[ \t-]*\Z"
)


def _named_not_counted(quote: str, start: int, end: int) -> bool:
    """Whether the number at quote[start:end] names something (_NAMED_BY_NUMBER) or is a year (_YEAR_BEFORE)."""
    if _NAMED_BY_NUMBER.search(quote, max(0, start - 32), start):
        return True
    year = quote[start:end]
    return (
        len(year) == 4
        and year.isdigit()
        and 1950 <= int(year) <= 2049
        and _YEAR_BEFORE.search(quote, max(0, start - 24), start) is not None
    )


# A count label: "Enrollment: 24", the JSON's "enrollmentInfo.count: 24", a "Count: 24" of its own, but
# not a count of something else ("Platelet count: 100" is no enrollment of 100; nor "CD4 count: 200")
_COUNT_BEFORE = lazy(
    r"(?i:(?:enrollment|enrolment)(?: count)?|(?:participant|patient|subject) count|enrollmentInfo\.count|"
    r"(?<![\w-])(?<![\w-] )count|sample size|(?:planned )?number of (?:participants|patients|subjects)"
    r"(?: (?:enrolled|enroled|to be enrolled|planned))?)\s*:?\s*\Z"
)


# A count of a part of the study: "12 participants per arm", "Enrollment: 3 in each cohort", "6 patients
# each", "6 people/arm". It bound an enrollment of 12 where the trial enrols 12 in each of its arms.
# So is a count in a part the words name after it ("12 participants in the CAR-T arm", "... in cohort
# 1") or before it: the parts it is one of ("two cohorts of 12 participants") or the whole it is some
# of ("24 participants, of whom 12 ...", "including 12 ..."), which bound an enrollment of 12. "Each"
# after any word of the count's clause that puts people somewhere ("3 patients at each dose level",
# "6 participants treated at each dose", "10 participants on every site") counts a part, and so does
# a part named by more words or other words ("12 participants in the dose-escalation phase", "in the
# Phase 1b part", "in dose expansion", "at dose level 1"): each bound an enrollment of the part's count.
# A phase with its number is the trial's ("24 participants in the Phase 1 trial"), no part of it.
_PART_NOUNS = (
    r"(?:cohort|arm|group|part|stage|portion|period|segment|sub-?study|run-in|expansion|escalation|"
    r"(?:dose\s+)?level|phase(?!\s*(?:[0-9]|I\b|II|III|IV|V\b)))"
)
_COUNT_OF_PART = lazy(
    r"\s*(?:/|(?:per|each|in each|in every|for each|a|an)\b|"
    r"(?:[a-z-]+\s+){0,3}?(?:at|on|in|into|within|for|from|across|during|under)\s+(?:each|every)\b|"
    rf"(?:[a-z-]+\s+){{0,3}}?(?:in|at|during|within|into)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{_PART_NOUNS}s?\b)",
    re.I,
)
# ... or after "includes:" or a sentence's "Includes" with no subject of its own: a comment on a count given elsewhere,
# naming its parts (a results table's milestone "COMPLETED: 46" commented "includes: 42 subjects with progression, 4
# subjects transferred to a continuation study", or "Includes 79 participants with study follow-up terminated by
# sponsor and 16 deaths": NCT00791778's real results, each read as the trial's count). "IM19 includes 24 patients"
# has a subject, and counts those enrolled.
_COUNT_PART_BEFORE = lazy(
    r"(?i)(?:\b(?:(?:cohorts?|arms?|groups?|sites?|centers?|centres?|parts?|stages?)\s+of|"
    r"of\s+(?:whom|which|these|them)|including|among\s+(?:them|whom|these)|includes?[ \t]*:)"
    r"|(?<![\w,;:'\"\u2019-])(?<![\w,;:'\"\u2019-][ \t])(?-i:Includes))\s*\Z"
)


# A count of another group than those enrolled, by the words of its clause before it ("Screening
# failures: 12 participants", "withdrawals: 3") or right after it ("12 participants withdrew", "... were
# screened", "... completed the study", ClinConnect's "0 patients applied"). It bound an enrollment of 12.
_OTHER_GROUP = (
    r"screen(?:ing)?[ -]?fail(?:ures?|ed)|screened|withdr(?:ew|awn|awals?)|discontinu(?:ed|ations?)|"
    r"dropped out|drop-?outs?|excluded|died|deaths?|lost to follow[- ]?up|appl(?:ied|icants?)|"
    # those the trial looked at before enrolling some of them (CONSORT's first box): "40 patients were
    # assessed for eligibility", "8 were ineligible", "30 participants consented" bound an enrollment
    r"assessed(?:\s+for\s+eligibility)?|(?:in|not\s+)eligible|did\s+not\s+meet|consented|approached|referred|invited|contacted|"
    # those who would not or could not take part ("60 participants declined to take part", "60 participants
    # failed screening", "60 participants will not be enrolled"), which bound an enrollment of 60
    r"declin(?:ed|ing)|refus(?:ed|als?)|opted\s+out|rejected|fail(?:ed|ing)\s+(?:the\s+)?(?:screening|eligibility)|"
    r"not\s+(?:be(?:en)?\s+)?(?:enrol(?:l)?ed|included|randomi[sz]ed|treated|dosed|infused)|"
    # ... or whom the trial will not, or no longer plans to, take in ("The study will not enroll 60
    # participants", "no longer plans to recruit 60 patients", "won't treat 60 patients")
    r"(?:not|never|no\s+longer|(?:do|does|did|will|would|could|should|can|wo|ca)n['\u2019]t)\s+"
    r"(?:(?:plans?|intends?|expects?|aims?|seeks?|hopes?)\s+to\s+)?"
    r"(?:enrol(?:l)?(?:s|ing)?|includ(?:e|es|ing)|recruit(?:s|ing)?|randomi[sz](?:e|es|ing)|treat(?:s|ing)?|"
    r"dos(?:e|es|ing)|infus(?:e|es|ing)|accept(?:s|ing)?|admit(?:s|ting)?)"
)
_OTHER_GROUP_BEFORE = lazy(rf"(?i)\b(?:{_OTHER_GROUP})\b[^.;,\d]*\Z")  # in the count's clause
# (and those who moved on to another study: "4 subjects transferred to a continuation study", "rolled over to another
# trial", which NCT00791778's real results write of some of those who completed it)
_MOVED_AWAY = (
    r"(?:transferred|rolled\s+over|moved)\s+(?:to|into)\s+(?:an?|another|other)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:stud(?:y|ies)|trials?|protocols?)"
)
_OTHER_GROUP_VERB = (
    r"\s+(?:(?:were|was|have|had|who|that|will|would|could|can|did|do|may|might|shall|are|is)\s+)?"
    rf"(?:{_OTHER_GROUP}|completed|{_MOVED_AWAY})\b"
)
# (or after a phrase describing them: "12 patients with disease progression withdrew", "2 participants due to adverse
# events discontinued", each read as the trial's count; the phrase holds no verb of the count's own, "12 patients with
# SLE were enrolled and 2 withdrew", nor a number)
_MODIFIER = (
    r"(?:\s+(?:with|without|having|due\s+to|because\s+of|owing\s+to|following|after|from|in)"
    r"(?:\s+(?!(?:were|was|are|is|have|has|had|been|will|would|and|or|but|then|who|whom|which|that|"
    r"enrol+(?:ed|s|ing)?|recruited|included|treated|dosed|infused|randomi[sz]ed)(?![\w-]))[^\W\d_][\w/'\u2019-]*){1,6}?)"
)
_OTHER_GROUP_AFTER = lazy(
    rf"(?i){_OTHER_GROUP_VERB}|{_MODIFIER}\s+(?:(?:were|was|have|had|who|that|will|did|are|is)\s+)?"
    rf"(?:{_OTHER_GROUP}|{_MOVED_AWAY})\b"
)
# ... and the same people enrolled ("24 patients were screened and enrolled", "24 patients who completed
# screening were enrolled"): the count is of those enrolled
_WERE_ENROLLED = r"(?:(?:were|was|have\s+been|had\s+been)\s+)?enrol(?:led|ed)"
_ALSO_ENROLLED = lazy(r"(?i)(?:\s+screening)?\s+(?:and\s+)?" + _WERE_ENROLLED + r"\b")
# ... but not those enrolled, or found, somewhere else than this trial, by the words right after the
# count: a patient registry, a database or a biobank ("40 patients enrolled in a lupus registry",
# "40 patients from the Hopkins Lupus Cohort registry"), another study ("40 patients enrolled in a
# previous study", "... in an observational study"). "After screening 40 patients enrolled in a
# registry, 24 patients were enrolled." bound an enrollment of 40, read as those screened and enrolled
_ENROLLED_ELSEWHERE = lazy(
    r"(?i)\s+(?:(?:who|that)\s+)?(?:(?:were|was|are|is|have\s+been|had\s+been)\s+)?"
    r"(?:(?:enrol(?:l)?ed|included|registered|recorded|followed(?:\s+up)?|participating|identified|held|stored|"
    r"kept|listed|captured|collected)\s+)?"
    r"(?:in|into|from|at|of|within|by|across|over)\s+(?:"
    r"(?:(?:an?|the|another|other|their|its|our|this|that|one|two|several)\s+)?(?:[^\W\d_][\w'’-]*\s+){0,3}?"
    r"(?:registr(?:y|ies)|data\s*bases?|bio-?banks?|repositor(?:y|ies))(?!['’])"
    r"|(?:another|other|(?:an?|the)\s+(?:previous|prior|earlier|separate|parent|different|observational|"
    r"natural[-\s]history|feeder))\s+(?:[\w-]+\s+){0,2}?(?:stud(?:y|ies)|trials?|cohorts?)"
    # ... or in this trial and others together ("60 participants across both studies", "in all three trials")
    r"|(?:both|all|(?:the\s+)?(?:two|three|four|several)|all\s+(?:the\s+)?(?:two|three|four))\s+"
    r"(?:[\w-]+\s+){0,2}?(?:stud(?:y|ies)|trials|protocols))\b"
)


# ... nor a plan its statement goes on to give the count enrolled against ("Enrollment: 60 patients
# planned, 20 enrolled", "60 planned; 20 actually enrolled", "60 patients were expected, but only 20
# were enrolled", "60 anticipated; actual enrollment: 20", "The study planned to enroll 60 patients but
# enrolled 20", "Planned enrollment: 60; actual: 20"): the trial's count is the later one, and the
# plan's superseded. Each bound an enrollment of 60. Not where the count enrolled is one so far ("20
# enrolled to date", "so far 20 have been enrolled"): the plan of a trial still recruiting stands.
_ENROLLED_VERB = r"(?:enrol+ed|recruited|included|randomi[sz]ed|treated|dosed|infused)(?![\w-])"
_ENROLLED_COUNT = (
    rf"(?:(?<![\w.,])(?:\d[\d,]*|{WORDS_NUMBER})[ \t]+(?:[\w-]+[ \t]+){{0,2}}?"
    r"(?:(?:were|was|have[ \t]+been|has[ \t]+been|had[ \t]+been|are|actually|finally|ultimately|eventually|only)"
    rf"[ \t]+)*{_ENROLLED_VERB}"
    rf"|(?<![\w-]){_ENROLLED_VERB}[ \t]+(?:(?:only|just|a[ \t]+total[ \t]+of)[ \t]+)?(?:\d|{WORDS_NUMBER})"
    r"|actual(?:[ \t]+(?:enrol+ment|number|count|sample[ \t]+size))?(?:[ \t]+(?:was|is|of))?"
    rf"[ \t]*[:=\u2013\u2014-]?[ \t]*(?:\d|{WORDS_NUMBER}))"
)
_ENROLLED_LATER = rf"[^.!?\n\d]{{0,40}}?{_ENROLLED_COUNT}"
# (the plan after the count, "60 patients planned", "60 (anticipated)", "were expected")
_PLAN_AFTER = (
    r"(?i)[ \t]*(?:[(\[][ \t]*)?(?:(?:were|was|are|is|had[ \t]+been|have[ \t]+been)[ \t]+)?"
    rf"(?:{planned.PLANNED}|targeted|estimated)\b"
)
_PLAN_THEN_ENROLLED = lazy(_PLAN_AFTER + _ENROLLED_LATER)
_PLANNED_AFTER = lazy(_PLAN_AFTER)
# (or the count enrolled opening the next sentence, of a plan before or after the count: "Planned enrollment:
# 60 patients. 20 patients were enrolled."; not words of another group first: "In the pilot, 20 were enrolled")
# (after the words closing the enrolment: "Enrollment has now closed; 20 patients were enrolled." left the plan of
# 60 the trial's count, mutation hunt 207)
_NEXT_OPENER = (
    r"(?:(?:enrol+ment|recruitment|accrual)[ \t]+(?:(?:is|was|has|have|had|been|now)[ \t]+)*"
    r"(?:complete|completed|closed|finished|ended|over)(?:[ \t]*[;,:\u2013\u2014-][ \t]*|[ \t]+)"
    r"(?:(?:with|and|after)[ \t]+)?)?"
    r"(?:but[ \t]+)?(?:only[ \t]+)?(?:(?:however|in[ \t]+total|overall|finally|ultimately|eventually|"
    r"in[ \t]+the[ \t]+end|to[ \t]+date|so[ \t]+far|thus[ \t]+far|as[ \t]+of[ \t]+now),?[ \t]+)?"
)
_ENROLLED_NEXT = lazy(r"(?i)[^.!?\n\d]{0,40}?[.!?][ \t]+" + _NEXT_OPENER + _ENROLLED_COUNT)
# (or before it, "planned to enroll 60", "Planned enrollment: 60", "a target of 60")
_PLAN_BEFORE = lazy(
    r"(?i)(?:\b(?:plan(?:s|ned)?|intend(?:s|ed)?|aim(?:s|ed)?|expect(?:s|ed)?|target(?:s|ed)?|sought|seeks?)[ \t]+"
    r"to[ \t]+(?:enrol+|recruit|include|treat|randomi[sz]e)"
    rf"|\b(?:{planned.PLANNED}|target(?:ed)?|estimated)[ \t]+"
    r"(?:enrol+ment|sample[ \t]+size|number(?:[ \t]+of[ \t]+\w+)?)"
    r"[ \t]*(?:[:=]|of|was|is)?|\ba[ \t]+target[ \t]+of)"
    r"[ \t]+(?:(?:a[ \t]+total[ \t]+of|approximately|about|around|up[ \t]+to)[ \t]+)?\Z"
)
_ENROLLED_AFTER = lazy(rf"(?i){_ENROLLED_LATER}")
# (a day the count was taken on: "by March 2025", "at the data cut-off", "by the cut-off date")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_TAKEN_ON = (
    rf"at[ \t]+(?:the[ \t]+)?(?:data[ \t]+)?cut-?off|by[ \t]+(?:the[ \t]+)?(?:data[ \t]+)?cut-?off|"
    rf"by[ \t]+(?:(?:the[ \t]+)?end[ \t]+of[ \t]+)?(?:{_MONTH}[ \t]+)?(?:19|20)\d\d"
)
# (a count since a day, "12 patients have been enrolled since 2024", "Since March 2024, 12 ...", or one now,
# "Twelve patients have now been enrolled": each bound an enrollment of 12 beside a planned 30, mutation hunt
# 206; "since" of a reason, "since 24 patients were enrolled, ...", is none)
_SINCE = (
    rf"since[ \t]+(?:(?:the|its|their)[ \t]+)?(?:(?:\d{{1,2}}[ \t]+)?{_MONTH}|(?:19|20)\d\d|start|beginning|opening|"
    r"launch|first|enrol+ment[ \t]+(?:began|opened|started)|then|last)"
)
_NOW = r"now(?![ \t]+(?:complete|completed|closed|finished|ended|over)\b)"
_SO_FAR = lazy(
    r"(?i)\b(?:so[ \t]+far|to[ \t]+date|thus[ \t]+far|as[ \t]+of|currently|at[ \t]+present|until[ \t]+now|"
    rf"up[ \t]+to[ \t]+now|by[ \t]+now|already|yet|{_TAKEN_ON}|{_SINCE}|{_NOW})\b"
)
_CLAUSE_STOP = lazy(r"[.;!?\n]|\Z")
# A count of those enrolled until the source's day, by words of its clause ("12 patients have been enrolled
# to date", "To date, 12 patients were treated", "12 enrolled so far"): neither the trial's planned count
# nor its final one. Read as either (beside "plans to enrol 30 patients" too), it bound an enrollment of
# 12 (mutation hunt 200), as did "12 patients have been enrolled as of March 2025", "currently 12 ...",
# "As of the data cut-off, 12 patients had received CAR-T cells" (review 205). A plan's clause ("will enrol
# 60 patients") is none, whatever it opens with.
_TALLY_WORDS = lazy(
    r"(?i)\b(?:so[ \t]+far|to[ \t]+date|thus[ \t]+far|until[ \t]+now|up[ \t]+to[ \t]+now|by[ \t]+now|as[ \t]+(?:of|at)|"
    rf"currently|at[ \t]+present|presently|at[ \t]+this[ \t]+time|{_TAKEN_ON}|{_SINCE}|{_NOW})\b"
)
_TALLIED_VERB = (
    r"(?:(?:have|has|had)[ \t]+been[ \t]+|were[ \t]+|was[ \t]+)?"
    r"(?:enrol(?:l)?ed|recruited|treated|infused|dosed|randomi[sz]ed|included|received|underg(?:one|went))\b"
)
_TALLIED = lazy(rf"(?i)\b{_TALLIED_VERB}")
# (a later part of the clause opening with the count's verb: "12 patients, all with LN, have been enrolled")
_TALLIED_OPENS = lazy(rf"(?i)\s*{_TALLIED_VERB}")
# (the words a clause's parts stand between: the tally words must be of the count's own part, or of an
# opening part of no verb of its own, "To date, 12 patients were treated"; "IM19 enrolled 24 patients,
# the largest lupus CAR-T cohort treated to date" gives "to date" to the cohort it compares, and was read
# as a tally, refusing the honest enrollment E508)
_PART_STOP = lazy(r"[,:](?!\d)|\u2014")
# ... but not a count its clause says is one of an enrolment complete or closed ("Enrollment is complete: 24
# patients have been enrolled to date", "Recruitment closed; 24 ..." is another clause), or whose own part
# says is final or in total ("in total 24 patients were enrolled to date"): the trial's, each refused E508
# (review 205). Not an enrolment not complete yet ("enrollment is not yet complete"), nor one a condition
# waits for ("until enrollment is complete"), nor another count's total ("30 patients in total, 12 enrolled
# to date"): each would give a tally as the trial's count.
_ENROLMENT = r"(?:enrol+ment|recruitment|accrual)"
_ENROLMENT_COMPLETE = lazy(
    rf"(?i)\b{_ENROLMENT}[ \t]+(?:(?:is|was|has|have|had|been|now)[ \t]+)*"
    r"(?:complete|completed|closed|finished|ended|over)\b"
    r"|(?<!not )(?<!n't )(?<!yet )(?<!to )(?<!will )\b(?:completed|closed|finished|ended)[ \t]+"
    rf"(?:(?:its|the|their)[ \t]+)?{_ENROLMENT}\b"
)
_AWAITED = lazy(r"(?i)\b(?:until|till|before|once|when|whenever|if|unless|after)[ \t]+(?:(?:the|its|their)[ \t]+)?\Z")
_COUNT_FINAL = lazy(rf"(?i)\bin[ \t]+total\b|\bfinal[ \t]+(?:{_ENROLMENT}|count|number|total|sample[ \t]+size)\b")


def _enrolled_so_far(quote: str, start: int, end: int) -> bool:
    """Whether the count at quote[start:end] is a tally so far: the part of its clause its verb stands in
    (its own, or a later one opening with the verb: "12 patients, all with lupus nephritis, have been
    enrolled to date") says they were enrolled (_TALLIED) and so far (_TALLY_WORDS), or an opening part of
    its clause of no such verb says so far; and neither its clause says enrolment is complete nor its part
    that it is final."""
    lo, hi = stated_limits.clause(quote, start, end)
    stops = [m.end() for m in _PART_STOP.finditer(quote, lo, start)]
    part_lo = stops[-1] if stops else lo
    after = _PART_STOP.search(quote, end, hi)
    part_hi = after.start() if after else hi
    verb_lo, verb_hi = part_lo, part_hi
    if _TALLIED.search(quote, part_lo, part_hi) is None:
        # (a later part opening with the verb; a part is cut by one character, _PART_STOP)
        at, verb_lo = part_hi, -1
        while at < hi and verb_lo < 0:
            later = _PART_STOP.search(quote, at + 1, hi)
            if _TALLIED_OPENS.match(quote, at + 1, later.start() if later else hi) is not None:
                verb_lo, verb_hi = at + 1, later.start() if later else hi
            at = later.start() if later else hi
        if verb_lo < 0:
            return False
    opening = quote[lo:part_lo]
    if (
        _TALLY_WORDS.search(quote, part_lo, part_hi) is None
        and _TALLY_WORDS.search(quote, verb_lo, verb_hi) is None
        and not (_TALLY_WORDS.search(opening) and not _TALLIED.search(opening))
    ):
        return False
    if any(
        not _AWAITED.search(quote, max(lo, m.start() - 20), m.start())
        for m in _ENROLMENT_COMPLETE.finditer(quote, lo, hi)
    ):
        return False
    # (an opening part holding no number is the count's own: "In total, 24 patients ...")
    final_lo = lo if not any(c.isdigit() for c in opening) else part_lo
    return _COUNT_FINAL.search(quote, final_lo, part_hi) is None


# ... or any count its statement gives a new one after, labelled so ("Enrollment: 60 patients; revised
# enrollment: 20 patients", "60 participants; actual enrollment: 20", "60; updated target: 40")
_NEW_COUNT_AFTER = lazy(
    r"(?i)[^.!?\n\d]{0,40}?\b(?:revised|amended|updated|new|current|corrected|actual|final)[ \t]+"
    r"(?:enrol+ment|target|count|number|sample[ \t]+size|total)(?:[ \t]+(?:is|was|of))?[ \t]*[:=\u2013\u2014-]?[ \t]*"
    rf"(?:\d|{WORDS_NUMBER})"
)


# (the next sentence, opening with a count enrolled: what a plan's sentence is read with)
_ENROLLED_OPENS = lazy(r"(?i)[.!?]?[ \t]+" + _NEXT_OPENER + _ENROLLED_COUNT)


def enrolled_next(text: str, at: int) -> int | None:
    """Where the count enrolled ends that the sentence after text[at], a sentence's end, opens with ("Planned
    enrollment: 60 patients. 20 patients were enrolled.", "... Enrollment has closed; 20 patients were enrolled."),
    or None: the plan's sentence is read with it to that count's sentence's end, which may supersede the plan
    (_ENROLLED_NEXT)."""
    found = _ENROLLED_OPENS.match(text, at)
    return None if found is None else found.end()


def _superseded_plan(quote: str, start: int, end: int) -> bool:
    """Whether the count at start:end is a plan its statement gives the count enrolled against
    (_PLAN_THEN_ENROLLED, or _PLAN_BEFORE and _ENROLLED_AFTER; or either plan and the next sentence's,
    _ENROLLED_NEXT, where the quote holds it: enrolled_next), not one so far (_SO_FAR, from the plan
    to the enrolled count's clause end); or a count its statement gives a new one after (_NEW_COUNT_AFTER)."""
    if _NEW_COUNT_AFTER.match(quote, end):
        return True
    then = _PLAN_THEN_ENROLLED.match(quote, end)
    plan_before = _PLAN_BEFORE.search(quote, max(0, start - 60), start) is not None
    if then is None and plan_before:
        then = _ENROLLED_AFTER.match(quote, end)
    if then is None and (plan_before or _PLANNED_AFTER.match(quote, end)):
        then = _ENROLLED_NEXT.match(quote, end)
    if then is None:
        return False
    stop = _CLAUSE_STOP.search(quote, then.end())
    return _SO_FAR.search(quote, max(0, start - 60), stop.start() if stop else len(quote)) is None


# ... or a count of those who had an outcome, by the words right after it ("6 patients responded", "Six
# patients achieved remission", "3 patients experienced CRS", "4 patients were in remission"): some of
# those enrolled, which bound an enrollment of 6 where the source says 20 were enrolled. "All 12
# patients achieved ..." counts them all, and "enrolled 12 patients who achieved ..." says who they were.
_OUTCOME_AFTER = lazy(
    r"(?i)\s+(?:(?:were|was|have|has|had)\s+)?(?:(?:also|then|later|subsequently)\s+)?"
    r"(?:respond(?:ed|s)|achiev(?:ed|es)|attain(?:ed|s)|reach(?:ed|es)|relaps(?:ed|es)|flared|"
    r"experienc(?:ed|es)|develop(?:ed|s)|show(?:ed|s)|improv(?:ed|es)|recover(?:ed|s)|"
    r"(?:remained\s+|remain\s+|are\s+)?in\s+(?:[a-z-]+\s+){0,2}?remission|"
    # ("3 patients entered remission", "went into remission", "met the primary endpoint", "had a complete
    # renal response", "were responders": some of them too, each read as the enrollment)
    r"enter(?:ed|s)|(?:went|go|goes)\s+into|m(?:et|eets)\s+the|(?:are|were)\s+(?:[a-z-]+\s+){0,2}?(?:non-?)?responders|"
    r"(?:had|has|have)\s+(?:(?:a|an|the)\s+)?(?:(?!(?:inadequate|insufficient|incomplete|poor|no|lack)\b)[a-z-]+\s+){0,2}?"
    r"(?:responses?|remissions?|flares?|relapses?|CRS|ICANS|cytokine|infections?|adverse|serious))\b"
)
_ALL_BEFORE = lazy(r"(?i)\ball(?:\s+of\s+the|\s+the)?\s+\Z")
# ... but not one whose outcome is the enrolment itself ("24 patients completed enrollment", "A total of
# 24 patients achieved enrollment"): read as an outcome of some of them, or as those who completed the
# study, an honest enrollment of 24 was refused E508
_ENROLMENT_DONE = lazy(
    r"(?i)\s+(?:(?:have|has|had)\s+)?(?:completed|achieved|reached|attained)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:enrol+ment|recruitment)(?![\w-]|\s+(?:visits?|criteria|periods?|windows?|targets?|goals?)\b)"
)
# ... or a count of some of them, by a word before it that picks them out of the rest ("the first 3
# patients", "an additional 6 patients", "the remaining 12"), or as a part of a count of people before
# it in its sentence, after a comma, a colon, a dash or a parenthesis opened after that count ("30
# participants, 15 healthy volunteers and 15 patients", "30 participants (15 patients with SLE ...)"):
# each bound an enrollment of the part, where the source gave the total
_SOME_OF_THEM_BEFORE = lazy(
    r"(?i)\b(?:first|last|initial|next|remaining|additional|further|other|another|final|latest|earliest|"
    r"subsequent|latter|former|previous|second|third|top|bottom)"
    r"(?:\s+of\s+the)?\s+\Z"
)
# (a count that says itself that they were enrolled is none: "After screening 40 patients, 24 patients
# were enrolled.", "We screened 40 patients - 24 patients were enrolled.")
_ENROLLED_ALONE = lazy(
    r"(?i)\s+" + _WERE_ENROLLED + r"(?:\s+(?:in|into)\s+(?:the|this)\s+(?:study|trial))?\s*(?:[.;!?]|\Z)"
)
_BREAKDOWN_OPENS = lazy(r"\s*(?:[,:(–—]|\s-\s)[^.;!?]*\Z")
# ... nor a count of people that another count of people is added to in its sentence ("60 patients with
# lupus nephritis and 20 without", "40 adults and 20 adolescents", "40 participants, plus 20 in the
# extension", "40 participants; 20 more in China"): each bound an enrollment of the first, a part of
# the trial's. The other count is of people by its noun (healthy controls too), or by a word that
# stands for one ("20 without", "20 more", "20 in China"); numbers of other things ("and 3 sites", "and
# 2 prior therapies") add no one. A breakdown in a bracket or after "of whom" is the count's own parts.
_PEOPLE = (
    r"(?:participants?|patients?|subjects?|people|persons?|individuals?|adults?|child(?:ren)?|adolescents?|"
    r"infants?|men|women|volunteers?|controls?|cases?)"
)
_ADDED = (
    r"(?:(?<![\w-])(?:and|plus|as\s+well\s+as|along\s+with|together\s+with|in\s+addition\s+to|then|"
    r"followed\s+by|and\s+later|later)(?![\w-])|[+&])"
)
_ADDED_COUNT = (
    rf"(?:another\s+|a\s+further\s+|an\s+additional\s+)?(?:\d[\d,]*|{WORDS_NUMBER})\s+"
    rf"(?:(?:[\w-]+\s+){{0,3}}?{_PEOPLE}|more|others?|additional|extra|further|without|with|in|at|from)(?![\w-])"
)
# (within the count's own clause: past a verb, "12 patients have been enrolled and 6 patients have
# responded" goes on to what some of them did)
_IN_ITS_CLAUSE = (
    r"(?:(?!(?<![\w-])(?:have|has|had|were|was|are|is|will|would|been|being|shall|may|might)(?![\w-]))"
    r"[^.;!?\d()\[\]])"
)
_A_NUMBER = rf"(?:\d[\d,]*|{WORDS_NUMBER})"
_MORE = r"(?:more|additional|further|extra)"
_ANOTHER_COUNT_AFTER = lazy(
    # (not a count of some of them that left or were kept out: "12 patients enrolled, then 2 patients
    # withdrew" adds no one to the 12)
    rf"(?i)(?:{_IN_ITS_CLAUSE}{{0,60}}?\s*{_ADDED}\s*{_ADDED_COUNT}(?!{_OTHER_GROUP_VERB})"
    rf"|\s*;\s*{_A_NUMBER}\s+{_MORE}(?![\w-])"
    # (or "with" a number more: "60 patients, with 20 more if funding allows", "with another 20", "with an
    # extra 20", "with up to 20 more")
    rf"|\s*,?\s*with\s+(?:(?:another|a\s+further|an\s+additional|an\s+extra)\s+{_A_NUMBER}(?:\s+{_MORE})?"
    rf"|(?:(?:up\s+to|as\s+many\s+as|at\s+most)\s+)?{_A_NUMBER}\s+{_MORE})(?![\w-]))"
)
_ANOTHER_COUNT_BEFORE = lazy(
    rf"(?i)(?<![\w.,])(?:\d[\d,]*|{WORDS_NUMBER})\s+(?:[\w-]+\s+){{0,3}}?{_PEOPLE}(?![\w-])"
    rf"{_IN_ITS_CLAUSE}{{0,60}}?\s*{_ADDED}\s*(?:another\s+|a\s+further\s+|an\s+additional\s+)?\Z"
)
# ... and a count of those the trial looks at before enrolling some of them, after the verb ("After
# screening 40 patients, 24 patients were enrolled", "Screening of 40 patients", "assessing 40
# patients"): _OTHER_GROUP_BEFORE knew "screened" and "screening failures", and "screening 40 patients"
# bound an enrollment of 40. Not where the count's own words say they were enrolled ("After screening
# 24 patients were enrolled": the screening is the step they were enrolled after). Nor a count the verb
# has no hold of, where a therapy is evaluated or assessed: "evaluating CAR-T cells in 24 patients"
# counts those enrolled, and refused the honest enrollment E508 (screening "in 24 patients" still
# counts those screened: "Screening is ongoing in 24 patients").
_SCREENING_BEFORE = lazy(
    # (the verb too: "We plan to screen 40 patients to enrol 24" bound an enrollment of 40)
    r"(?i)\b(?:screen|screens|screening|approaching)\b[^.;,\d]*\Z"
    r"|\b(?:assessing|evaluating)\b(?:(?!\b(?:in|among|across|within|amongst)\b)[^.;,\d])*\Z"
)


# A number that bounds the count, or ends a range of counts, states no count: "more than 60
# participants", "over 60", "fewer than 60", "60 or more participants", "Enrollment: 60-80
# participants", "between 60 and 80 participants" each bound an enrollment of 60 (or 80) the source
# never gives. A target an estimated count is given by stays one: "up to 60", "approximately 60", "at
# least 60" (a registry's planned enrollment is written so).
_COUNT_BOUND_BEFORE = lazy(
    r"(?i)(?:\b(?:more|fewer|less|greater)\s+than|\b(?:over|under|above|below|exceeding)"
    r"|\bbetween(?:\s+\d[\d,.]*\s+and)?|\d\s*(?:to|-|–|—)|[<>≤≥⩽⩾])\s*\Z"
)
_COUNT_BOUND_AFTER = lazy(
    rf"(?i)\s*(?:(?:(?:participants?|patients?|subjects?|people|persons)\b|{_DESCRIBED}{_TAKING_PART}(?![\w-]))\s*)?"
    # (after a comma or in a bracket too: "60 patients, or fewer if recruitment is slow", "(or fewer)"; or
    # hedged: "60 patients, possibly fewer", "though maybe more")
    r"(?:[,;]?\s*[(\[]?\s*(?:(?:though|but|and)\s+)?"
    r"(?:or|or\s+(?:possibly|perhaps|maybe|potentially)|possibly|perhaps|maybe|potentially)"
    r"\s+(?:more|fewer|less|greater|over|above|under|below)\b|\+)"
    r"|\s*(?:to|-|–|—)\s*\d"
)


# A count of people by a label before it, with its verb too ("Enrollment was 24 (estimated)", "Sample size
# is 40"): people_counts reads it where the enrollment's reading (_COUNT_BEFORE) reads only a label's colon
_PEOPLE_LABEL_BEFORE = lazy(
    r"(?i)\b(?:enrol+ment|recruitment|sample[ \t]+size|number[ \t]+of[ \t]+" + _PEOPLE + r")"
    r"(?:[ \t]+(?:count|target|number))?[ \t]*(?:[:=]|(?:was|is|of|will[ \t]+be|would[ \t]+be)\b)?[ \t]*"
    r"(?:(?:a[ \t]+total[ \t]+of|approximately|about|around|up[ \t]+to)[ \t]+)?\Z"
)
# (the words between a number and its people describe them, "30 adult patients", "24 evaluable SLE patients";
# a unit or a word of another phrase is none: "within 6 months before patients are screened" counts no one)
_NOT_OF_PEOPLE = (
    r"(?:years?|months?|weeks?|days?|hours?|times|doses?|sites?|centers?|centres?|mg\S*|kg|ml|cells?|"
    r"before|after|prior|of|to|in|into|for|with|without|and|or|nor|per|the|a|an|at|on|from|than|by|as|"
    r"are|is|were|was|be|been|have|has|had|will|may|must|should|can|could|would|who|which|that)(?![\w-])"
)
# (a word for them in the singular only after one, as _COUNT_AFTER_ONE: "12 adult rheumatologists", "12 patient
# visits" were read as counts of 12 people a note might state, E501; and cases only of the disease, as _CASES_OF: a
# source's "12 cases of CRS" was read as 12 people)
# (and a describing word is a word, not a number: "Enrolled by year: 2024 12 patients", "Q2 2025 12 patients" were read
# as counts of 2024 and 2025 people)
_DESCRIBING_PEOPLE = rf"[ \t]+(?:(?!{_NOT_OF_PEOPLE}|{_UNIT_WORD}|{_VERB_WORD}(?![\w-]))[^\W\d_][\w-]*[ \t]+){{0,2}}?"
_PEOPLE_PLURAL = (
    r"(?:participants|patients|subjects|people|persons|individuals|adults|children|adolescents|infants|men|women|"
    r"volunteers|controls)"
)
_PEOPLE_AFTER_ONE = lazy(
    rf"(?i){_DESCRIBING_PEOPLE}(?:{_PEOPLE_PLURAL}|participant|patient|subject|person|individual|adult|child|"
    rf"adolescent|infant|volunteer|control){_DESCRIBED_NOUN}|{_CASES_OF}"
)
_PEOPLE_AFTER = lazy(rf"(?i){_DESCRIBING_PEOPLE}(?:{_PEOPLE_PLURAL}|{_SLIP})(?![\w-])|{_CASES_OF}")


def people_counts(text: str) -> list[tuple[float, int, int]]:
    """Every count of people text writes, whatever it counts (those enrolled, planned, screened, enrolled so
    far, who withdrew), each with where its number starts and where the count ends: what a source writes of
    people, which a curation note may state (remarks.check_remark_facts). count_spans reads of them only the
    trial's enrollment, and a note's "the source's tally of 12 patients" beside "12 patients have been
    enrolled to date" was refused as a count no source writes. Not a side of a ratio, a factor of a product,
    nor a number of another thing ("12 sites")."""
    out = []
    for n in numbers(text):
        if in_ratio(text, n.start, n.end) or not n.value.is_integer():
            continue  # (no one is counted in a fraction: "3.5 patients", a mean)
        if _TIMES_SPACED_AFTER.match(text, n.end) or _TIMES_SPACED_BEFORE.search(text, max(0, n.start - 8), n.start):
            continue
        after = (_PEOPLE_AFTER_ONE if n.value == 1 else _PEOPLE_AFTER).match(text, n.end)
        if _named_not_counted(text, n.start, n.end):
            continue  # "Class 3 lupus nephritis patients", "Type 1 diabetes patients", "In 2024 patients ..."
        if (
            after
            or _COUNT_BEFORE.search(text[max(0, n.start - 40) : n.start])
            or _PEOPLE_LABEL_BEFORE.search(text, max(0, n.start - 60), n.start)
        ):
            out.append((n.value, n.start, after.end() if after else n.end))
    return out


def counts(quote: str) -> list[float]:
    """Numbers the quote states as a number of people: "6 participants", "Enrollment: 24", not a count
    of a part ("12 participants per arm", "two cohorts of 12 participants", "of whom 12 ...") nor one
    of another group ("Screening failures: 12 participants", "12 participants withdrew")."""
    return [value for value, _ in count_places(quote)]


# A multiplication sign and digits after a number, or digits and one before it, spaced ("6 x 10", "2 × 30"):
# numbers() reads a product written so as its factors (a dose "2 x 10 mg" is read by its 10 mg), but
# neither factor is a count of people: "Enrollment: 6 x 10 participants" bound an enrollment of 6 or of 10
_TIMES_SPACED_AFTER = lazy(r"\s*[xX×*]\s*\d")
_TIMES_SPACED_BEFORE = lazy(r"\d\s*[xX×*]\s*\Z")


def count_places(quote: str) -> list[tuple[float, int]]:
    """counts(), each with where its number starts in the quote."""
    return [(value, start) for value, start, _ in count_spans(quote)]


def count_spans(quote: str) -> list[tuple[float, int, int]]:
    """counts(), each with where its number starts in the quote and where the count (its number and the
    word for those counted, "60 participants") ends."""
    out = []
    people_end: int | None = None  # where the last count of people before a number ends (_BREAKDOWN_OPENS)
    for n in numbers(quote):
        if in_ratio(quote, n.start, n.end):
            continue  # a side of a ratio, a titre or a time ("6:0 participants"): no count of people
        if not n.value.is_integer():
            continue  # nor a fraction ("a mean of 3.5 patients per site", "Enrollment: 2.5"): no one is counted so
        if _TIMES_SPACED_AFTER.match(quote, n.end) or _TIMES_SPACED_BEFORE.search(quote, max(0, n.start - 8), n.start):
            continue  # a factor of a product written with spaces ("6 x 10 participants"): no count either
        after = (_COUNT_AFTER_ONE if n.value == 1 else _COUNT_AFTER).match(quote, n.end)
        if not (after or _COUNT_BEFORE.search(quote[max(0, n.start - 40) : n.start])):
            continue
        if _named_not_counted(quote, n.start, n.end):
            continue  # a number naming something ("Class 3 lupus nephritis patients", "Phase 1 patients") or a year
        of_people_before, people_end = people_end, (after.end() if after else people_end)
        if (
            of_people_before is not None
            and _BREAKDOWN_OPENS.match(quote, of_people_before, n.start)
            and not (after and _ENROLLED_ALONE.match(quote, after.end()))
        ):
            continue
        if _COUNT_PART_BEFORE.search(quote, max(0, n.start - 40), n.start):
            continue
        if kept_out.of_a_part(quote, n.start):
            continue  # a part's count, by its sentence's label ("Part A: 12 participants. Part B: 18 ...")
        if _COUNT_BOUND_BEFORE.search(quote, max(0, n.start - 40), n.start) or _COUNT_BOUND_AFTER.match(quote, n.end):
            continue  # a bound of the count or an end of a range of counts ("more than 60", "60-80")
        if _SOME_OF_THEM_BEFORE.search(quote, max(0, n.start - 24), n.start):
            continue
        if _OTHER_GROUP_BEFORE.search(quote, max(0, n.start - 40), n.start):
            continue
        end = after.end() if after else n.end
        if _ENROLLED_ELSEWHERE.match(quote, end):
            continue
        if _ANOTHER_COUNT_AFTER.match(quote, end) or _ANOTHER_COUNT_BEFORE.search(
            quote, max(0, n.start - 100), n.start
        ):
            continue  # a part of those enrolled, another count of people added to it
        if retracted.taken_back(quote, n.start, end):
            continue  # a count the words around it take back ("60 participants (cancelled)", "formerly 60")
        if retracted.count_left_open(quote, n.start, end) or _superseded_plan(quote, n.start, end):
            continue  # ... or leave open ("60 participants (if funding allows)", "to be confirmed", "60 planned,
            # 20 enrolled")
        if _SCREENING_BEFORE.search(quote, max(0, n.start - 40), n.start) and not _ALSO_ENROLLED.match(quote, end):
            continue
        if _enrolled_so_far(quote, n.start, end):
            continue  # a tally of those enrolled until the source's day ("12 patients have been enrolled to date")
        done = _ENROLMENT_DONE.match(quote, end) is not None
        if (
            not done
            and _OUTCOME_AFTER.match(quote, end)
            and not _ALL_BEFORE.search(quote, max(0, n.start - 12), n.start)
        ):
            continue
        other = None if done else _OTHER_GROUP_AFTER.match(quote, end)
        if not _COUNT_OF_PART.match(quote, end) and (other is None or _ALSO_ENROLLED.match(quote, other.end())):
            out.append((n.value, n.start, end))
    return out
