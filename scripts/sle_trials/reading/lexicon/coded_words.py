"""The words by which a curation note, an incomplete entry or a comment gives a coded value of a record's in prose (a
product's origin, the sex enrolled, the status, design, purpose and phases, healthy volunteers, whether results are
posted, the route, the arms' types, a dose's basis, the sponsor's class, the enrolment's and dates' types, lupus
nephritis, the construct, the responsible party, the lymphodepletion's agents): one Coded a field, in CODED.
checks/remark_prose reads a remark for them, each in its clause, and holds what it gives to the record and its sources
(E501).

Adding a field: a Coded in CODED, its codes' words (or phrases, each the codes it leaves the field), and a test in
tests/test_attacks_prose_hunt211.py.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading.lexicon import dosing


class Coded(NamedTuple):
    """A field of codes a remark may give a value of in prose."""

    field: str  # its dotted path
    words: dict[str, re.Pattern[str]]  # each code -> the words that give it (a "non-" before them in their group "non")
    stated: dict[str, re.Pattern[str]]  # each code -> the words by which a source states it
    denied: dict[str, str]  # a code -> the code its words give when denied (a field of two codes)
    # the words right after them, and right before, that make them another thing's
    not_its: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    # the words that must stand right before them, or right after, where words alone are no value of the trial's
    # ("the trial is recruiting", not "a site recruiting" or "patients who completed therapy"; "a randomised
    # trial", not "randomised trials show")
    of_the_trial: tuple[re.Pattern[str], re.Pattern[str] | None] | None = None
    # words that give one of several codes, said of the trial by their own words ("recruitment is closed": a
    # status past recruiting, whichever)
    phrases: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = ()
    joined: bool = False  # codes joined by a slash are both the trial's ("phase 1/2"), not weighed
    # whether a code a cited source states passes beside another the record holds (a phase a source's header gives
    # where the record holds its table's: the note may say what the source says)
    sourced: bool = False
    # whether its words are held only to a value the record holds, not to its silence nor its sources' (a sponsor
    # "is a company", which a page's "Co., Ltd." says where the registry's class is silent)
    held_only: bool = False

    def named(self, text: str) -> bool:
        """Whether text holds any of the field's words (the rest of the reading is for those that do)."""
        return any(words.search(text) for words in self.words.values()) or any(
            phrase.search(text) for phrase, _ in self.phrases
        )


def words_of(pattern: str, can_be_denied: bool = False) -> re.Pattern[str]:
    """The words of pattern, whole, case aside; with a leading "non-" in their group "non" where can_be_denied."""
    non = r"(?P<non>non-?)?" if can_be_denied else r"(?P<non>(?!))?"
    return lazy(rf"(?i)(?<![\w-]){non}(?:{pattern})(?![\w-])")


_AUTOLOGOUS = (
    r"autologous|autologously|patient[\s-]+derived|"
    r"patients?['\u2019]s?[ \t]+own[ \t]+(?:\w+[ \t]+)?(?:cells|lymphocytes|blood)"
)
_ALLOGENEIC = (
    r"allogeneic|allogenic|allogeneically|donor[\s-]+derived|off[\s-]+the[\s-]+shelf|"
    r"(?:healthy[ \t]+)?donors?['\u2019]?s?[ \t]+(?:own[ \t]+)?(?:cells|T[ \t]+cells|blood)"
)
# a transplant's origin, not a product's: its words right after ("allogeneic stem cell transplantation", "allogeneic
# HSCT") or right before ("prior transplant of allogeneic cells")
_TRANSPLANT = r"(?:transplant\w*|stem[\s-]+cells?|(?:bone[ \t]+)?marrow|graft\w*|[HP]?SCT|HCT)\b"
_TRANSPLANT_AFTER = lazy(rf"(?i)[\s-]+(?:(?:hematopoietic|haematopoietic|peripheral|blood|cord)[\s-]+)*{_TRANSPLANT}")
_TRANSPLANT_BEFORE = lazy(rf"(?i)\b{_TRANSPLANT}[ \t]+(?:\w+[ \t]+)?\Z")

# the sexes a trial enrols, in a note's words ("women only", "female participants only", "both sexes")
_PEOPLE = r"(?:[ \t]+(?:patients|participants|subjects|people|adults))?"
_ONLY = r"(?:{who}{people}[ \t]+only|only[ \t]+{who}{people}|{who}[\s-]+only)"
_FEMALE = _ONLY.format(who=r"(?:women|females?|female)", people=_PEOPLE)
_MALE = _ONLY.format(who=r"(?:men|males?|male)", people=_PEOPLE)
_ALL = (
    r"both[ \t]+sexes|all[ \t]+sexes|either[ \t]+sex|any[ \t]+sex|(?:men|males)[ \t]+and[ \t]+(?:women|females)|"
    r"(?:women|females)[ \t]+and[ \t]+(?:men|males)"
)


def _sex_stated(code: str) -> re.Pattern[str]:
    """A source's statement of the sex it enrols: its label and the code ("Sex: Female", "Gender ALL")."""
    return lazy(rf"(?i)\b(?:sex|sexes|gender)\b[^\n]{{0,40}}?\b{code}\b")


# the trial's status, in a note's words: said of the trial ("The trial is recruiting", "the study was terminated",
# "Its status is completed"), each status's words as ClinicalTrials.gov shows it
_STATUSES = {
    "ACTIVE_NOT_RECRUITING": r"active,?[ \t]+not[ \t]+recruiting",
    "COMPLETED": r"completed",
    "ENROLLING_BY_INVITATION": r"enrolling[ \t]+by[ \t]+invitation",
    "NOT_YET_RECRUITING": r"not[ \t]+yet[ \t]+recruiting",
    "RECRUITING": r"recruiting",
    "SUSPENDED": r"suspended",
    "TERMINATED": r"terminated",
    "WITHDRAWN": r"withdrawn",
}
# the trial's status in words of its recruitment or its end, each giving the statuses it may be ("Recruitment is
# closed": past recruiting, whichever; "The trial was halted"): hunt 211 wrote them beside Relma-cel's RECRUITING, and
# each passed, only a status's own words being read
_RECRUITMENT = r"(?:recruitment|enrol{1,2}ment|accrual)"
_TRIAL = r"\b(?:the|this|its)[ \t]+(?:trial|study)"
_A_WORD = r"(?:(?!(?:not|no|never|neither)\b)\w+[ \t]+)?"  # a word between, no denial ("is now closed")
_PAST_RECRUITING = frozenset({"ACTIVE_NOT_RECRUITING", "COMPLETED", "TERMINATED", "SUSPENDED", "WITHDRAWN"})
_OPEN = frozenset({"RECRUITING", "ENROLLING_BY_INVITATION"})
_NOT_YET = frozenset({"NOT_YET_RECRUITING", "WITHDRAWN"})
_STOPPED = frozenset({"TERMINATED", "SUSPENDED", "WITHDRAWN"})
_ENDED = frozenset({"COMPLETED", "TERMINATED", "WITHDRAWN"})
# what may follow the trial's end in its clause: the clause's end, or when or how it ended ("in 2024", "early")
_ITS_END = r"(?=[ \t]*(?:[.,;]|\Z|(?:in|on|by|as[ \t]+of|early|prematurely|ahead)\b))"
_STATUS_PHRASES = (
    (
        rf"\b{_RECRUITMENT}[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been)[ \t]+{_A_WORD}"
        r"(?:closed|complete|completed|finished|over|ended|stopped|halted)\b",
        _PAST_RECRUITING,
    ),
    (
        rf"\b{_RECRUITMENT}[ \t]+(?:has|had)[ \t]+{_A_WORD}(?:closed|finished|ended|stopped|completed)\b",
        _PAST_RECRUITING,
    ),
    (
        rf"(?:{_TRIAL}|\bit)[ \t]+(?:has|had)[ \t]+{_A_WORD}(?:completed|finished|closed|ended)[ \t]+"
        rf"(?:its[ \t]+)?{_RECRUITMENT}\b",
        _PAST_RECRUITING,
    ),
    (r"\bno[ \t]+longer[ \t]+(?:recruiting|enrolling|recruits|enrols|enrolls|open)\b", _PAST_RECRUITING),
    (rf"\b{_RECRUITMENT}[ \t]+(?:is|remains)[ \t]+{_A_WORD}(?:open|ongoing|under[ \t]*way)\b", _OPEN),
    (
        rf"{_TRIAL}[ \t]+(?:is|remains)[ \t]+(?:(?:still|now|currently)[ \t]+)?"
        rf"(?:enrolling|recruiting|open[ \t]+(?:to|for)[ \t]+{_RECRUITMENT})\b",
        _OPEN,
    ),
    (
        rf"\b{_RECRUITMENT}[ \t]+(?:has|had)[ \t]+not[ \t]+(?:yet[ \t]+)?(?:started|begun|opened)\b|"
        rf"\b{_RECRUITMENT}[ \t]+(?:is|was)[ \t]+not[ \t]+yet[ \t]+open\b|"
        rf"\byet[ \t]+to[ \t]+(?:start|begin|open)[ \t]+(?:{_RECRUITMENT}|recruiting|enrolling)\b",
        _NOT_YET,
    ),
    (
        rf"{_TRIAL}[ \t]+(?:was|has[ \t]+been|had[ \t]+been|is)[ \t]+{_A_WORD}"
        r"(?:halted|discontinued|stopped|paused|put[ \t]+on[ \t]+hold|on[ \t]+hold)\b",
        _STOPPED,
    ),
    (rf"{_TRIAL}[ \t]+(?:stopped|ended|closed|terminated)[ \t]+(?:early|prematurely)\b", _STOPPED),
    # the trial's end as its own verb, or a word of it after "is" ("The trial has completed", "It completed in
    # 2024", "The study is over"): hunt 212 wrote "The trial has completed." beside Relma-cel's RECRUITING and it
    # passed, a status's words being read only after "is", "was" or "has been"; not the end of its recruitment
    # ("It has completed its enrolment", above) nor of a step ("The trial has completed dosing")
    (rf"(?:{_TRIAL}|\bit)[ \t]+(?:has[ \t]+|had[ \t]+)?{_A_WORD}completed{_ITS_END}", frozenset({"COMPLETED"})),
    (rf"(?:{_TRIAL}|\bit)[ \t]+(?:is|was)[ \t]+{_A_WORD}complete{_ITS_END}", frozenset({"COMPLETED"})),
    (
        rf"(?:{_TRIAL}|\bit)[ \t]+(?:(?:has|had)[ \t]+{_A_WORD}(?:finished|concluded|ended)|"
        rf"(?:finished|concluded|ended)|(?:is|was)[ \t]+{_A_WORD}(?:over|finished|concluded)){_ITS_END}",
        _ENDED,
    ),
    # a status's words alone in their clause, as a comment's heading gives one in brackets ("# IM19 CAR-T cells in
    # refractory SLE (completed)."; hunt 212's, beside IM19's RECRUITING) or a label does ("Status: Completed")
    *((rf"\A[ \t]*(?:{words})[ \t]*\.?[ \t]*\Z", frozenset({code})) for code, words in _STATUSES.items()),
)
_OF_THE_TRIAL = lazy(
    r"(?i)(?:\b(?:the|this|its)[ \t]+(?:trial|study)(?:['\u2019]s[ \t]+status)?|\bits[ \t]+status)[ \t]+"
    r"(?:is|was|has[ \t]+been|remains|became)[ \t]+(?:(?:now|still|currently|already|not|yet|no[ \t]+longer)[ \t]+)*\Z"
)


# the trial's design, in a note's words: said of the trial ("The trial is open-label", "a randomised, double-blind
# trial"), each code's words as registries write them, and as a source states them (where the record holds none);
# the codes whose words are common ones ("sequential", "factorial") are left out
_DESIGNS = {
    "study_type": {
        "INTERVENTIONAL": r"interventional",
        "OBSERVATIONAL": r"observational",
        "EXPANDED_ACCESS": r"expanded[ \t]+access",
    },
    "design.allocation": {"RANDOMIZED": r"randomi[sz]ed", "NON_RANDOMIZED": r"non-?randomi[sz]ed"},
    "design.masking": {
        "NONE": r"open[\s-]+label|unblinded|unmasked",
        "SINGLE": r"single[\s-]+(?:blind|blinded|masked)",
        "DOUBLE": r"double[\s-]+(?:blind|blinded|masked)",
        "TRIPLE": r"triple[\s-]+(?:blind|blinded|masked)",
        "QUADRUPLE": r"quadruple[\s-]+(?:blind|blinded|masked)",
    },
    "design.intervention_model": {
        "SINGLE_GROUP": r"single[\s-]+(?:arm|group)",
        "PARALLEL": r"parallel[\s-]+(?:arm|group)s?",
        "CROSSOVER": r"cross-?over",
    },
}
_OF_THE_DESIGN = (
    lazy(
        r"(?i)\b(?:the|this|it|its)[ \t]+(?:(?:trial|study|design)[ \t]+)?(?:is|was)[ \t]+(?:an?[ \t]+)?"
        r"(?:(?:now|still|not)[ \t]+)*\Z"
    ),
    lazy(
        r"(?i)(?:[ \t]*,?[ \t]+(?:and[ \t]+)?(?:\w+-[\w-]+|controlled|multi-?cent(?:er|re)|pilot|clinical|prospective|"
        r"phase[ \t]+\w+)){0,4}?[ \t]+(?:trial|study|design)\b(?!['\u2019]s)"
    ),
)
# the design in other words: participants said to be randomised or blinded ("Patients are randomised 1:1", "The
# trial is blinded"), which hunt 211 wrote of trials whose sources never say
_MASKED = frozenset({"SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE"})
_PEOPLE_ARE = (
    r"\b(?:patients|participants|subjects|investigators|(?:outcome[ \t]+)?assessors)[ \t]+(?:are|were|will[ \t]+be)"
)
_DESIGN_PHRASES = {
    "design.allocation": (
        (
            rf"{_PEOPLE_ARE}[ \t]+{_A_WORD}randomi[sz]ed\b|\brandomly[ \t]+(?:assigned|allocated)\b",
            frozenset({"RANDOMIZED"}),
        ),
    ),
    "design.masking": (
        (
            rf"{_PEOPLE_ARE}[ \t]+{_A_WORD}(?:blinded|masked)\b|"
            rf"{_TRIAL}[ \t]+(?:is|was)[ \t]+{_A_WORD}(?:blinded|masked)\b|"
            r"\b(?:an?|the)[ \t]+(?:blinded|masked)[ \t]+(?:trial|study)\b",
            _MASKED,
        ),
    ),
}
# (between the words and "trial" only the design's other words: "a randomised, double-blind, placebo-controlled
# trial"; the importer's "an observational model of an interventional study" says it of no trial)


# the agents of the trial's lymphodepletion, in a note's words: said of it ("Lymphodepletion uses fludarabine",
# "fludarabine-based conditioning"), not of a prior therapy ("prior cyclophosphamide is excluded")
_AGENTS = {"FLUDARABINE": r"fludarabine", "CYCLOPHOSPHAMIDE": r"cyclophosphamide", "BENDAMUSTINE": r"bendamustine"}
# (an agent's name joined to a word that makes it a regimen's: "fludarabine-based conditioning" of IM19, whose
# lymphodepletion is silent, passed, the hyphen after the name making it no whole word, hunt 211)
_REGIMEN = r"(?:-(?:based|containing|only|led))?"
_LYMPHODEPLETION = r"(?:lympho-?deplet\w*|(?:pre-?)?conditioning)\b"
_OF_THE_LYMPHODEPLETION = (
    lazy(rf"(?i)\b{_LYMPHODEPLETION}[^.;]*\Z"),
    lazy(rf"(?i)[^.;]{{0,40}}?\b{_LYMPHODEPLETION}"),
)


# the trial's primary purpose, said so ("Its primary purpose is prevention")
_PURPOSE_IS = r"primary[ \t]+purpose[ \t]+(?:is|was)[ \t]+(?:the[ \t]+)?"
_PURPOSES = {
    "TREATMENT": r"treatment",
    "PREVENTION": r"prevention",
    "DIAGNOSTIC": r"diagnos(?:is|tic)",
    "SUPPORTIVE_CARE": r"supportive[ \t]+care",
    "SCREENING": r"screening",
    "HEALTH_SERVICES_RESEARCH": r"health[ \t]+services[ \t]+research",
    "BASIC_SCIENCE": r"basic[ \t]+science",
    "DEVICE_FEASIBILITY": r"device[ \t]+feasibility",
}

# whether it takes healthy volunteers, said so ("Healthy volunteers are accepted", "It takes no healthy volunteers")
_ANSWERS = {"YES": r"yes|true|accepted", "NO": r"no|false|not[ \t]+accepted"}
_VOLUNTEERS = (
    (
        r"\bhealthy[ \t]+volunteers?[ \t]+(?:are|is|were|may[ \t]+be)[ \t]+(?:also[ \t]+)?"
        r"(?:accepted|eligible|enrolled|allowed|included|welcome)\b|"
        r"\b(?:accepts?|takes?|enrols?|enrolls?|includes?|recruits?)[ \t]+(?:also[ \t]+)?healthy[ \t]+volunteers\b|"
        r"\bopen[ \t]+to[ \t]+healthy[ \t]+volunteers\b",
        frozenset({"YES"}),
    ),
    (
        r"\bhealthy[ \t]+volunteers?[ \t]+(?:are|is|were)[ \t]+not[ \t]+"
        r"(?:accepted|eligible|enrolled|allowed|included)\b|"
        r"\b(?:accepts?|takes?|enrols?|enrolls?|includes?|recruits?)[ \t]+no[ \t]+healthy[ \t]+volunteers\b|"
        r"\b(?:not|never)[ \t]+(?:accept|take|enrol|enroll|include|recruit)[ \t]+healthy[ \t]+volunteers\b|"
        r"\bno[ \t]+healthy[ \t]+volunteers[ \t]+(?:are|is|were)\b",
        frozenset({"NO"}),
    ),
)

# whether the trial has posted results, in a note's words ("The trial has results posted", "No results are posted"):
# IM19's "The trial has results posted." passed beside its results_posted false (hunt 224), the field read by nothing
_POSTED = r"(?:posted|published|reported)"
_RESULTS_POSTED = (
    (
        rf"\b(?:has|have|had)[ \t]+(?:its[ \t]+|their[ \t]+)?results[ \t]+{_POSTED}\b|"
        rf"\bresults[ \t]+(?:are|were|(?:have|has|had)[ \t]+been)[ \t]+(?:already[ \t]+)?{_POSTED}\b|"
        rf"\b(?:has|have|had)[ \t]+(?:already[ \t]+)?{_POSTED}[ \t]+(?:its[ \t]+|their[ \t]+)?results\b",
        frozenset({"YES"}),
    ),
    (
        rf"\b(?:has|have|had)[ \t]+no[ \t]+results[ \t]+{_POSTED}\b|"
        rf"\bno[ \t]+results[ \t]+(?:are|were|(?:have|has|had)[ \t]+been)[ \t]+{_POSTED}\b|"
        rf"\bresults[ \t]+(?:are|were|have|has|had)[ \t]+not[ \t]+(?:yet[ \t]+)?(?:been[ \t]+)?{_POSTED}\b|"
        rf"\b(?:has|have|had)[ \t]+not[ \t]+(?:yet[ \t]+)?{_POSTED}[ \t]+(?:any[ \t]+|its[ \t]+)?results\b",
        frozenset({"NO"}),
    ),
)
_RESULTS_STATED = {
    "YES": lazy(r"(?i)\bresults[\s_]*posted\W{0,4}(?:yes|true)\b"),
    "NO": lazy(r"(?i)\bresults[\s_]*posted\W{0,4}(?:no|false)\b|\bhas[ \t]+not[ \t]+published[ \t]+outcome\b"),
}

# the trial's phases in words ("a phase 2 trial", "a phase 1/2 study", "early phase 1"); said of the trial as its
# design is
_PHASES = {
    "EARLY_PHASE1": r"early[\s-]+phase[ \t]*(?:1|i|one)",
    "PHASE1": r"(?<!early[ \t])(?<!early-)phase[ \t]*(?:1|i|one)(?:[ \t]*/[ \t]*(?:2|ii|two))?",
    "PHASE2": r"phase[ \t]*(?:(?:1|i)[ \t]*/[ \t]*)?(?:2|ii|two)(?:[ \t]*/[ \t]*(?:3|iii|three))?",
    "PHASE3": r"phase[ \t]*(?:(?:2|ii)[ \t]*/[ \t]*)?(?:3|iii|three)",
    "PHASE4": r"phase[ \t]*(?:4|iv|four)",
}


# the phase in words of the trial's place in the product's testing: a trial first in humans is a phase 1 one (early or
# not); hunt 212 wrote "It is a first-in-human trial." beside IM19's NA, and it passed; said of this trial ("It is",
# "This first-in-human study"), not of another ("It follows a first-in-human study")
_FIRST_IN_HUMAN = r"first[\s-]+in[\s-]+(?:humans?|man)"
_PHASE_PHRASES = (
    (
        rf"\b(?:(?:the|this|it)[ \t]+(?:(?:trial|study)[ \t]+)?(?:is|was)[ \t]+(?:(?:an?|the)[ \t]+)?|this[ \t]+)"
        rf"{_FIRST_IN_HUMAN}\b",
        frozenset({"EARLY_PHASE1", "PHASE1"}),
    ),
)


# (said of this trial: "It is a phase 2 trial", "The study is in phase 1"; not "It follows a phase 1 study", nor "An
# Early Phase 1 label is absent")
_OF_THE_PHASE = lazy(
    r"(?i)\b(?:the|this|it|its)[ \t]+(?:(?:trial|study)[ \t]+)?(?:is|was)[ \t]+(?:(?:now|still|currently)[ \t]+)?"
    r"(?:(?:an?|in)[ \t]+)?\Z"
)


# the route the trial's product is given by, in a note's words: said of it ("Cells are given subcutaneously", "IM19
# CAR-T cells by intravenous infusion", "Its route is oral", "an intravenous infusion of the cells"), not of another
# drug ("patients on oral corticosteroids", "given after oral premedication"); IM19's note "Cells are given
# subcutaneously" (its route INTRAVENOUS) passed, a route being read in a note by nothing (hunt 211); its words are
# dosing.ROUTES
_OF_THE_ROUTE = (
    lazy(
        r"(?i)(?:\b(?:cells?|CAR[\s-]*T|products?|interventions?|infusions?|treatment|it|they)\b[^.;]{0,60}?"
        r"(?<![\w-])(?:given|administered|delivered|infused|injected|by|via|through)[ \t]+(?:(?:an?|the)[ \t]+)?|"
        r"\broute(?:[ \t]+of[ \t]+administration)?[ \t]+(?:is|was)[ \t]+(?:an?[ \t]+)?)\Z"
    ),
    lazy(
        r"(?i)[ \t]+(?:infusion|injection|administration|delivery)[ \t]+of[ \t]+(?:[\w-]+[ \t]+){0,3}?"
        r"(?:cells|CAR[\s-]*T\b|products?)"
    ),
)


# an arm's type in words ("a placebo arm", "an active comparator", "a placebo-controlled trial")
_ARM_TYPES = {
    "PLACEBO_COMPARATOR": r"placebo[\s-]+(?:comparator|arm|group|control|controlled)",
    "ACTIVE_COMPARATOR": r"active[\s-]+(?:comparator|control|controlled)",
    "SHAM_COMPARATOR": r"sham[\s-]+(?:comparator|arm|group|control|controlled|procedure)",
    "NO_INTERVENTION": r"no[\s-]+intervention[ \t]+(?:arm|group)",
}


# fields a note gives in phrases alone, each phrase the codes it leaves the field ("an industry-sponsored trial",
# "the start date is estimated", "patients with lupus nephritis are excluded", "a second-generation CAR")
_ENROLMENT = r"(?:enrol{1,2}ment|count|number|figure|sample[ \t]+size)"
_ESTIMATE = r"(?:estimated|estimate|anticipated|expected|planned|target(?:ed)?)"
_NEPHRITIS = r"(?:(?:active|severe|biopsy-proven)[ \t]+)?(?:lupus[ \t]+nephritis|LN)"
_WITH_NEPHRITIS = (
    rf"\b(?:patients|participants|people|those|subjects)[ \t]+with[ \t]+{_NEPHRITIS}[ \t]+(?:are|is)[ \t]+"
)


def _dated(kind: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The phrases that say a date of kind ("start", "completion") is actual or estimated."""
    date = rf"\b{kind}[ \t]+date[ \t]+(?:is|was)[ \t]+(?:an?[ \t]+)?"
    return (
        (rf"{date}actual\b|\bactual[ \t]+{kind}[ \t]+date\b", frozenset({"ACTUAL"})),
        (rf"{date}{_ESTIMATE}\b|\b{_ESTIMATE}[ \t]+{kind}[ \t]+date\b", frozenset({"ESTIMATED"})),
    )


_PHRASED: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {
    "sponsor.class": (
        (
            r"\bindustry[\s-]+(?:sponsored|funded|sponsor)\b|\bsponsored[ \t]+by[ \t]+(?:the[ \t]+)?industry\b|"
            r"\b(?:sponsor|funder)[ \t]+is[ \t]+an[ \t]+industry[ \t]+sponsor\b",
            frozenset({"INDUSTRY"}),
        ),
        (r"\b(?:investigator[\s-]+initiated|academic[\s-]+(?:sponsored|sponsor|trial|study))\b", frozenset({"OTHER"})),
    ),
    "enrollment.type": (
        (
            rf"\bactual[ \t]+{_ENROLMENT}\b|\b{_ENROLMENT}[ \t]+(?:is|was)[ \t]+(?:an[ \t]+)?actual\b",
            frozenset({"ACTUAL"}),
        ),
        (
            rf"\b{_ESTIMATE}[ \t]+{_ENROLMENT}\b|\b{_ENROLMENT}[ \t]+(?:is|was)[ \t]+(?:an?[ \t]+)?{_ESTIMATE}\b",
            frozenset({"ESTIMATED"}),
        ),
    ),
    "dates.start.type": _dated("start"),
    "dates.primary_completion.type": _dated("primary[ \t]+completion"),
    "dates.completion.type": _dated("(?<!primary[ \t])completion"),
    "eligibility.lupus_nephritis.scope": (
        (
            rf"{_WITH_NEPHRITIS}(?:excluded|ineligible|not[ \t]+eligible)\b|"
            rf"\b{_NEPHRITIS}[ \t]+(?:is|are)[ \t]+excluded\b",
            frozenset({"EXCLUDED", "SEVERE_EXCLUDED"}),
        ),
        (
            rf"\b{_NEPHRITIS}[ \t]+is[ \t]+required\b|\brequires?[ \t]+{_NEPHRITIS}\b|"
            rf"\b(?:patients|participants)[ \t]+must[ \t]+have[ \t]+{_NEPHRITIS}\b",
            frozenset({"REQUIRED"}),
        ),
        (
            rf"{_WITH_NEPHRITIS}(?:eligible|allowed|included|enrolled|accepted)\b|"
            rf"\b{_NEPHRITIS}[ \t]+is[ \t]+allowed\b",
            frozenset({"ALLOWED", "REQUIRED", "SEVERE_EXCLUDED"}),
        ),
    ),
    "cell_product.construct.generation": tuple(
        (rf"\b(?:{words})[\s-]+generation\b", frozenset({code}))
        for code, words in (
            ("FIRST", "first|1st"),
            ("SECOND", "second|2nd"),
            ("THIRD", "third|3rd"),
            ("FOURTH", "fourth|4th"),
        )
    ),
    "cell_product.construct.manufacturing": (
        (r"\b(?:fast|rapid)[\s-]+(?:manufactur\w*|production|process\w*)\b", frozenset({"FAST"})),
        (r"\buniversal[\s-]+(?:car-?t|cells?|products?)\b", frozenset({"UNIVERSAL"})),
    ),
    "responsible_party.type": (
        (r"\bresponsible[ \t]+party[ \t]+is[ \t]+the[ \t]+sponsor\b", frozenset({"SPONSOR"})),
        (
            r"\b(?:principal[ \t]+investigator|PI)[ \t]+is[ \t]+the[ \t]+responsible[ \t]+party\b|"
            r"\bresponsible[ \t]+party[ \t]+is[ \t]+the[ \t]+(?:principal[ \t]+investigator|PI)\b",
            frozenset({"PRINCIPAL_INVESTIGATOR"}),
        ),
        (r"\bsponsor[\s-]+investigator\b", frozenset({"SPONSOR_INVESTIGATOR"})),
    ),
}


# (a sponsor said to be a company, held to the class the record holds alone: the page of a sponsor "Co., Ltd." says
# as much where the registry's class is silent, Relma-cel's; IM19's hospital, class OTHER, is none)
_SPONSOR_A_COMPANY = (
    (
        r"\bsponsored[ \t]+by[ \t]+(?:a|the|its)[ \t]+(?:company|manufacturer|(?:pharmaceutical|biotech\w*|drug)[ \t]+"
        r"company)\b|\b(?:sponsor|funder)[ \t]+is[ \t]+(?:a|an)[ \t]+(?:company|manufacturer|"
        r"(?:pharmaceutical|biotech\w*|drug)[ \t]+company)\b",
        frozenset({"INDUSTRY"}),
    ),
)


def _phrased(field: str, table: tuple[tuple[str, frozenset[str]], ...]) -> Coded:
    """The Coded of a field a note gives in phrases alone: a source states a code in one of them too."""
    codes = sorted({code for _, given in table for code in given})
    stated = {
        code: lazy("(?i)" + "|".join(f"(?:{pattern})" for pattern, given in table if code in given)) for code in codes
    }
    return Coded(field, {}, stated, {}, phrases=_phrases(table))


def _held_only(coded: Coded) -> Coded:
    """coded, its words held only to a value the record holds."""
    return coded._replace(held_only=True)


# a cohort's dose's basis, in a note's words said of a dose ("recorded as a flat dose", "a per-kilogram dose", "dosed
# per kg"): IM19's note on its second cohort "recorded as a flat dose" rewritten to "recorded as a per-kilogram dose"
# passed, a basis being read in a note by nothing (hunt 211); "with no per-kilogram wording" says no basis
_DOSE = r"[\s-]+dos(?:e|es|ed|ing)"
# ... and said after "dose is": IM19's "The second cohort's dose is per kilogram." passed (hunt 223's leftover), as did
# "The dose for patients 4 to 6 is given per kg." (hunt 225), the cohort between
_DOSE_IS = (
    r"dos(?:e|es)(?:[ \t]+(?:for|of)[ \t]+[^.;:,()]{1,40}?)?[ \t]+(?:is|are|was|were)[ \t]+"
    r"(?:(?:given|set|calculated|counted|written)[ \t]+)?"
)
_BASES = {
    "FLAT": rf"(?:flat|fixed){_DOSE}|{_DOSE_IS}(?:flat|fixed)(?![\w-])"
    # (and "dosed flat", as "dosed per kg" is: Relma-cel's "Relma-cel is dosed flat." passed, its arms declared silent)
    r"|dos(?:e|es|ed|ing)[ \t]+(?:at[ \t]+a[ \t]+)?(?:flat|fixed)(?![\w-])",
    "PER_KG": rf"(?:per[\s-]+(?:kilogram|kg)|weight[\s-]+based|weight[\s-]+adjusted){_DOSE}"
    r"|dos(?:e|es|ed|ing)[ \t]+per[ \t]+(?:kilogram|kg)|dosed[ \t]+by[ \t]+(?:body[ \t]+)?weight"
    rf"|{_DOSE_IS}(?:per[ \t]+(?:kilogram|kg)|weight[\s-]+(?:based|adjusted))(?![\w-])",
}


def _design(field: str, codes: dict[str, str]) -> Coded:
    """The Coded of a field of the design: its codes' words, in a note and in a source alike, said of the trial."""
    words = {code: words_of(pattern) for code, pattern in codes.items()}
    return Coded(field, words, words, {}, of_the_trial=_OF_THE_DESIGN, phrases=_phrases(_DESIGN_PHRASES.get(field, ())))


def _phrases(table: tuple[tuple[str, frozenset[str]], ...]) -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    """A table of phrases (pattern, the codes it gives), compiled as their words are read: case aside."""
    return tuple((lazy(f"(?i){pattern}"), codes) for pattern, codes in table)


def _status_stated(words: str) -> re.Pattern[str]:
    """A source's statement of the trial's status: its label and the status ("Recruitment Status: Recruiting")."""
    return lazy(rf"(?i)\bstatus\b[^\n]{{0,40}}?\b(?:{words})\b")


CODED = (
    Coded(
        "cell_product.origin",
        {"AUTOLOGOUS": words_of(_AUTOLOGOUS, True), "ALLOGENEIC": words_of(_ALLOGENEIC, True)},
        {"AUTOLOGOUS": words_of(_AUTOLOGOUS), "ALLOGENEIC": words_of(_ALLOGENEIC)},
        {"AUTOLOGOUS": "ALLOGENEIC", "ALLOGENEIC": "AUTOLOGOUS"},
        (_TRANSPLANT_AFTER, _TRANSPLANT_BEFORE),
    ),
    Coded(
        "eligibility.sex",
        {"FEMALE": words_of(_FEMALE), "MALE": words_of(_MALE), "ALL": words_of(_ALL)},
        {"FEMALE": _sex_stated("female"), "MALE": _sex_stated("male"), "ALL": _sex_stated("all")},
        {},
    ),
    Coded(
        "overall_status",
        {code: words_of(words) for code, words in _STATUSES.items()},
        {code: _status_stated(words) for code, words in _STATUSES.items()},
        {},
        of_the_trial=(_OF_THE_TRIAL, None),
        phrases=_phrases(_STATUS_PHRASES),
    ),
    *(_design(field, codes) for field, codes in _DESIGNS.items()),
    Coded(
        "design.primary_purpose",
        {},
        {code: lazy(rf"(?i)primary[\s_]*purpose\W{{0,4}}(?:{words})\b") for code, words in _PURPOSES.items()},
        {},
        phrases=tuple((words_of(rf"{_PURPOSE_IS}(?:{words})"), frozenset({code})) for code, words in _PURPOSES.items()),
    ),
    Coded(
        "eligibility.healthy_volunteers",
        {},
        {answer: lazy(rf"(?i)\bhealthy[\s_-]*volunteers?\W{{0,4}}(?:{words})\b") for answer, words in _ANSWERS.items()},
        {},
        phrases=_phrases(_VOLUNTEERS),
    ),
    Coded("results_posted", {}, _RESULTS_STATED, {}, phrases=_phrases(_RESULTS_POSTED)),
    Coded(
        "phases",
        {code: words_of(words) for code, words in _PHASES.items()},
        {code: words_of(words) for code, words in _PHASES.items()},
        {},
        of_the_trial=(_OF_THE_PHASE, None),
        joined=True,
        sourced=True,
        phrases=_phrases(_PHASE_PHRASES),
    ),
    Coded(
        "interventions.route",
        {code: words_of(words) for code, words in dosing.ROUTES.items()},
        {code: words_of(words) for code, words in dosing.ROUTES.items()},
        {},
        of_the_trial=_OF_THE_ROUTE,
    ),
    Coded(
        "arms.type",
        {code: words_of(words) for code, words in _ARM_TYPES.items()},
        {code: words_of(words) for code, words in _ARM_TYPES.items()},
        {},
        phrases=_phrases(
            (
                (
                    r"\b(?:receives?|receiving|given|gets?)[ \t]+(?:an?[ \t]+)?placebo\b",
                    frozenset({"PLACEBO_COMPARATOR"}),
                ),
            )
        ),
    ),
    *(_phrased(field, table) for field, table in _PHRASED.items()),
    _held_only(_phrased("sponsor.class", _SPONSOR_A_COMPANY)),
    Coded(
        "arms.cohorts.dose.basis",
        {code: words_of(words, True) for code, words in _BASES.items()},
        {code: words_of(words) for code, words in _BASES.items()},
        {"FLAT": "PER_KG", "PER_KG": "FLAT"},
    ),
    Coded(
        "lymphodepletion.agents.agent",
        {code: words_of(words + _REGIMEN) for code, words in _AGENTS.items()},
        {code: words_of(words) for code, words in _AGENTS.items()},
        {},
        of_the_trial=_OF_THE_LYMPHODEPLETION,
    ),
)
