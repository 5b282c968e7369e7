"""Not dosed: the words by which a source says a number of cells is no dose the trial's patients receive.

"at least 1×10^6 CAR-T cells/kg must be manufactured", "a minimum of 1×10^6 CAR-T cells/kg is
required for release", "1×10^6 CAR-T cells/kg were collected by apheresis", "the manufacturing
target is 1×10^6 CAR-T cells/kg": what the product must hold or what was collected; "1×10^6 CAR-T
cells/kg in the previous study", "... was the dose in mice": another study's. Each bound a cohort's
dose. Read by binding (a cohort's dose, with the words that take a dose back; of a lymphodepleting
agent's, another study's only) and by
completeness.cell_doses (the doses an arm's description gives, which a complete record holds and
which silence reads), so that the three read a number of cells alike.

not_given reads the words by which a dose is no dose the trial gives as its own: given only on a
condition ("reduced to 1×10^6 CAR-T cells/kg in the event of toxicity"), replaced ("instead of"),
denied ("will not receive") or only thought of ("could be given"); binding reads it of a cohort's
and an agent's dose (not completeness, whose doses a complete record holds: an escalation's).

named_elsewhere reads another trial named by its name or its id ("in the CARTITUDE trial"), by the
record's own names (binding reads it of a cohort's and an agent's dose).

of_another_product reads another product by any name the clause doses that the record does not give its
trial ("Yescarta is dosed at 1×10^6 CAR-T cells/kg"), a name no list holds: binding reads it of a cohort's dose.

for_a_subgroup reads the words by which a lymphodepleting agent's dose is a subgroup's ("in patients
over 65 years: 20 mg/m2/day", "for patients with renal impairment"), not the regimen's, which all its
patients receive; binding reads it of an agent's dose (a cohort may be a subgroup's own).

Only words in the dose's own clause count, and only those that say so of the number: a product
"manufactured at the site" and "infused at 1×10^6 CAR-T cells/kg" is dosed, and "a target dose of
1×10^6 CAR-T cells/kg" is the dose the patients are meant to receive.
"""

from __future__ import annotations

import math
import re

from sle_trials.patterns import lazy
from sle_trials.reading import phrases, planned, prose, vocabulary
from sle_trials.reading.lexicon import age_bounds

# The words of the clause after the number that say it is made, collected or required, not given
# ("must be manufactured", "were collected by apheresis", "is required for release", "for product
# release"), within the clause (no stop, semicolon, colon or bracket between)
_AFTER = lazy(
    r"(?i)[^.;:()\[\]\n]{0,40}?(?<![\w-])(?:"
    r"(?:(?:must|should|shall|will|are|is|were|was|be|been|being|to)\s+){1,3}"
    r"(?:manufactured|produced|generated|expanded|collected|harvested|obtained|isolated|required|needed)"
    r"|(?:(?:for|before)\s+(?:(?:the|product|lot|batch)\s+){0,2}release|by\s+(?:leuk)?apheresis)"
    r")(?![\w-])"
)
# ... or before it, right before the number: the words of a specification or a making of cells
# ("manufacturing target: 1×10^6", "release criterion of at least 1×10^6", "release requires 1×10^6",
# "collect >= 1×10^9")
_BEFORE = lazy(
    r"(?i)(?<![\w-])(?:"
    r"(?:manufacturing|production|release|expansion|harvest|collection)\s+"
    r"(?:(?:target|specification|requirement|criteri(?:on|a)|yield|goal)s?(?:\s+(?:is|are|was|were|of))?"
    r"|requires?|required|needs?)\s*[:=]?"
    r"|(?:collect|harvest|expand|manufactur|produc)(?:e|es|ed|ing|t)?"
    r")\s*(?:(?:at\s+least|a\s+minimum\s+of|no\s+(?:fewer|less)\s+than|more\s+than|over|up\s+to|about|approximately)"
    r"\s+|[≥>]=?\s*)?\Z"
)
# The words after the number, in its clause, that say it is another study's: "in the previous study",
# "in an earlier trial", "in mice", "in preclinical studies", "in non-human primates" (not a likeness:
# "as in the previous study", "than in an earlier trial" give the dose to this trial too)
_ELSEWHERE = (
    r"(?<!\bas\s)(?<!\blike\s)(?<!\bthan\s)in\s+(?:(?:the|a|an|our|its|their|other|several)\s+)?"
    r"(?:(?:previous|prior|earlier|another|other|separate|preclinical|pre-clinical|animal|murine|parent)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:stud(?:y|ies)|trials?|models?|experiments?)"
    r"|mice|rats|animals|(?:non-?human\s+)?primates|vitro|xenografts?"
    # (another species: "in monkeys", "in cynomolgus macaques", "in NHPs")
    r"|(?:cynomolgus\s+)?(?:monkeys|macaques)|cynomolgus|dogs|rabbits|rodents|NHPs?"
    # (another disease's patients, in a registry of lupus trials: "in lymphoma", "in patients with
    # myeloma", "in oncology", "in B-cell malignancies")
    r"|(?:patients\s+with\s+)?(?:(?:B[- ]cell\s+)?lymphomas?|leuka?emias?|(?:multiple\s+)?myelomas?|oncology|"
    r"cancers?|(?:B[- ]cell|ha?ematologic(?:al)?)\s+malignanc(?:y|ies))(?:\s+patients)?)(?![\w-])"
)
_ELSEWHERE_AFTER = lazy(rf"(?i)[^.;:()\[\]\n]{{0,40}}?(?<![\w-]){_ELSEWHERE}")
# ... or before it in its clause ("In preclinical studies, 1×10^6 CAR-T cells/kg was safe")
_ELSEWHERE_BEFORE = lazy(rf"(?i)(?<![\w-]){_ELSEWHERE}[^.;:()\[\]\n]{{0,40}}\Z")
# ... or the words before it that give it to reports of other studies ("published reports used 1×10^6",
# "in the literature, 1×10^6"), or set it against this trial's as another study's ("Unlike the prior
# study (fludarabine 30 mg/m2/day), ...")
_REPORTED_BEFORE = lazy(
    r"(?i)(?<![\w-])(?:(?:published|literature|previously\s+reported)(?![\w-])[^.;:()\[\]\n]{0,40}"
    r"|(?:unlike|versus|vs\.?|compared\s+(?:with|to))\s+(?:in\s+)?(?:(?:the|a|an|our|its)\s+)?"
    r"(?:previous|prior|earlier|other|another|parent|original)\s+(?:[\w-]+\s+){0,2}?(?:stud(?:y|ies)|trials?)"
    r"\s*[(:,]?\s*(?:[a-z]+\s+)?)\Z"
)
# How far before a number its clause's words are looked for
_REACH = 80
# ... or that tie it to a trial by its name: an acronym or a code in capitals ("in the CARTITUDE trial", "In
# the ZUMA-1 study, ...", "the KYV-101 trial used"), or its registry id ("in NCT01234567"), which elsewhere
# reads by the trial's own names (a trial's title, acronym, product and id name it too: "in the IM19
# trial"); not a phase's numeral ("the III trial"), "CAR-T" nor the registry's disease ("the SLE trial")
_TRIAL_NAME = (
    r"(?-i:(?P<name>(?!(?:I{1,3}|IV|CAR|SLE)(?![\w-]))[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*)\s+(?:trials?|stud(?:y|ies))"
    r"|(?P<id>NCT[0-9]{8}))(?![\w-])"
)
_IN_NAMED = (
    r"(?<![\w-])(?<!\bas\s)(?<!\blike\s)(?<!\bthan\s)(?:in|from|of|during|by|within|under)\s+(?:the\s+)?" + _TRIAL_NAME
)
_NAMED_AFTER = lazy(rf"(?i)[^.;:()\[\]\n]{{0,40}}?{_IN_NAMED}")
_NAMED_BEFORE = lazy(rf"(?i){_IN_NAMED}[^.;:()\[\]\n]{{0,40}}\Z")
_NAMED_SUBJECT = lazy(rf"(?i)(?<![\w-])(?:the\s+)?{_TRIAL_NAME}[^.;:()\[\]\n]{{0,40}}\Z")


def not_dosed(text: str, start: int, end: int) -> bool:
    """Whether the words around a number of cells at text[start:end] (its number to its unit's end)
    say it is no dose the trial's patients receive: made, collected or required (made), or another
    study's (elsewhere)."""
    return made(text, start, end) or elsewhere(text, start, end)


def made(text: str, start: int, end: int) -> bool:
    """Whether the words around a number of cells say it is made, collected or required, not given
    (_AFTER, _BEFORE). Of cells only: "fludarabine 30 mg/m2/day is required" is a regimen's dose."""
    return _AFTER.match(text, end) is not None or _BEFORE.search(text, max(0, start - _REACH), start) is not None


def elsewhere(text: str, start: int, end: int) -> bool:
    """Whether the words of its clause say a dose at text[start:end] is another study's ("in the
    previous study", "in mice", "in preclinical studies"): of any dose, an agent's too."""
    return (
        _ELSEWHERE_AFTER.match(text, end) is not None
        or _ELSEWHERE_BEFORE.search(text, max(0, start - _REACH), start) is not None
        or _REPORTED_BEFORE.search(text, max(0, start - _REACH), start) is not None
    )


def names_in(text: str) -> frozenset[str]:
    """The names a trial may go by that a text writes (its title's, its acronym's, its product's): each
    word in capitals _TRIAL_NAME reads, in upper case."""
    return frozenset(m.upper() for m in re.findall(r"(?<![\w-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*", text))


def named_elsewhere(text: str, start: int, end: int, own: frozenset[str]) -> bool:
    """Whether the words of its clause give a dose at text[start:end] to a trial they name that is not
    this one, whose names (upper case) are own ("1×10^6 CAR-T cells/kg in the CARTITUDE trial", "In the
    ZUMA-1 study, ..."; of any dose, an agent's too): not "in the IM19 trial" of IM19's trial, nor a
    likeness ("as in the ZUMA-1 trial")."""
    lo = max(0, start - _REACH)
    for found in (_NAMED_AFTER.match(text, end), _NAMED_BEFORE.search(text, lo, start)):
        if found is not None and (found.group("name") or found.group("id")).upper() not in own:
            return True
    subject = _NAMED_SUBJECT.search(text, lo, start)  # ("The KYV-101 trial used 1×10^6 ...")
    return subject is not None and (subject.group("name") or subject.group("id")).upper() not in own


# --- a dose given only on a condition, replaced, denied or only thought of ------------------------

# The events a dose may be changed on ("if tolerated", "in the event of toxicity", "if a DLT occurs",
# "as needed"): a dose given only then is a modification of the regimen, not a cohort's or the
# regimen's own
_EVENT = (
    r"(?:toxicit(?:y|ies)|DLTs?|dose[- ]limiting|(?:not\s+|well\s+)?tolera(?:ted|ble|nce|te)|intoleran\w*|"
    r"adverse|side[- ]effects?|CRS|ICANS|neurotoxicity|safety\s+concerns?|(?:clinically\s+)?(?:needed|"
    r"necessary|required|indicated)|relapse|progression|(?:insufficient|inadequate|no|poor)\s+response)"
)
# ... and the states of a subgroup a dose is adjusted for ("for renal impairment", "in patients with
# hepatic insufficiency", "if creatinine clearance ...")
_IMPAIRED = (
    r"(?:(?:renal|hepatic|kidney|liver|organ)\s+(?:impairment|insufficiency|dysfunction|failure)|"
    r"impaired\s+(?:renal|hepatic|kidney|liver)|creatinine\s+clearance|CrCl)"
)
# (the words of a condition: planned.CONDITIONS, "provided", "as long as", "subject to"; not "unless", which
# gives the dose but on the event: "3×10^6 CAR-T cells/kg unless DLTs occur" is the dose)
_IF = rf"(?:(?!unless\b){planned.CONDITIONS}|in\s+(?:the\s+)?case\s+of|in\s+case|should|whenever|when|as)"
_FOR = r"(?:(?:for|in)\s+(?:(?:patients?|participants?|subjects?|those)\s+with\s+)?|if\s+|when\s+)"
# The words of a dose's clause between it and a condition: no stop or bracket, and no number but a small
# one of no dose ("grade 3 CRS", "day 28"): the next dose's number ("3×10^6", "20 mg") stops them
_CLAUSE_WORDS = r"(?:[^.;:()\[\]\n\d]|(?<![\d.,])\d{1,2}(?![\d.,×xX*^])(?!\s*(?:mg|g|µg|mcg|cells?)\b))"
_CONDITION = rf"(?:{_IF}\s+(?:{_CLAUSE_WORDS}{{0,40}}?(?<![\w-]))?{_EVENT}|{_FOR}{_IMPAIRED})(?![\w-])"
# A dose's unit words before what follows it (at most four, none opening with a digit: the next dose's
# number stops them; "mg/m2/day" is one)
_UNIT = r"(?:\s*[^\s\d.;:()\[\]][^\s.;:()\[\]]*){0,4}?"
_NOT_GIVEN_AFTER = lazy(
    r"(?i)(?:"
    # a condition in its clause, after it ("reduced to 1×10^6 CAR-T cells/kg in the event of toxicity",
    # "... if tolerated", "(... for renal impairment)")
    rf"{_UNIT}{_CLAUSE_WORDS}{{0,60}}?(?<![\w-]){_CONDITION}"
    # a verb of what might be ("... could be given", "might be administered"; not "would", which registries
    # write for what the trial will do: "1×10^6 CAR-T cells/kg would be infused once")
    rf"|{_UNIT}\s+(?:could|might)\s+(?:(?:also|still|then|later)\s+)?(?:not\s+)?be\s+"
    r"(?:given|administered|infused|used|dosed|offered|explored|tested|tried)(?![\w-])"
    # only thought of ("... is under consideration", "is being considered", "was proposed but rejected")
    rf"|{_UNIT}\s+(?:is|are|was|were|remains?)\s+(?:(?:still|currently|now)\s+)?(?:being\s+(?:considered|discussed)"
    r"|under\s+(?:consideration|discussion)|(?:proposed|considered)\s+but\s+(?:rejected|(?:never|not)\s+\w+))"
    # only allowed ("re-treatment at 1×10^6 CAR-T cells/kg is permitted", "... is optional")
    rf"|{_UNIT}\s+(?:is|are)\s+(?:(?:also|only)\s+)?(?:permitted|allowed|optional)(?![\w-])"
    # its cohort taken out ("the 1×10^6 CAR-T cells/kg cohort was abandoned")
    rf"|{_UNIT}\s+(?:cohort|arm|group|dose\s+level|level)\s+(?:(?:was|were|has\s+been|have\s+been|is|are)\s+)?"
    r"(?:(?:since|later|subsequently|permanently)\s+)?(?:abandoned|removed|dropped|cancel+ed|withdrawn|deleted|"
    r"never\s+opened)(?![\w-])"
    r")"
)
_NOT_GIVEN_BEFORE = lazy(
    r"(?i)(?:"
    # a condition before it in its clause ("in the event of toxicity, 1×10^6", "if a DLT occurs, the
    # dose will be de-escalated to 1×10^6"), or "otherwise"
    rf"(?<![\w-])(?:{_CONDITION}|otherwise(?![\w-])){_CLAUSE_WORDS}{{0,60}}"
    # a verb of what might be done to the dose ("may be escalated to", "could be reduced to")
    r"|(?<![\w-])(?:may|might|could|can|would)\s+(?:(?:also|then|later|further|subsequently)\s+)?be\s+"
    r"(?:dose[- ])?(?:escalated|de-escalated|reduced|increased|decreased|lowered|raised|adjusted|titrated|modified|"
    r"changed|switched)\s+(?:(?:up|down)\s+)?to\s+(?:(?:the|a)\s+)?(?:(?:dose|level)\s+of\s+)?"
    # another dose it stands in for ("3×10^6 instead of 1×10^6", "rather than", "replacing")
    r"|(?<![\w-])(?:instead\s+of|rather\s+than|in\s+(?:place|lieu)\s+of|replacing|as\s+opposed\s+to)\s+"
    r"(?:(?:the|a|an)\s+)?(?:(?!(?:receives?|gets?|are|is|be|given|will)\b)[a-z-]+\s+){0,2}?"
    r"(?:(?:dose|regimen)\s+of\s+)?"
    # a verb denied ("will not receive", "do not receive fludarabine", "no patient receives")
    r"|(?:(?<![\w-])(?:will|shall|would|do|does|did|must|should|can|could|may)\s*(?:not|n['\u2019]t)"
    r"|(?<![\w-])(?:won['\u2019]t|never|no\s+longer|no\s+(?:patients?|participants?|subjects?|one)"
    r"(?:\s+(?:will|shall|would|can|may))?))\s+"
    r"(?:(?:be|ever|further|also)\s+)?(?:receives?|received|get|gets|given|administered|infused|dosed|"
    r"treated\s+with|uses?|used)\s+(?:(?:a|an|the|any)\s+)?(?:(?:single|second|further|additional)\s+)?"
    r"(?:(?:dose|infusion)\s+of\s+)?(?:[a-z]+\s+)?(?:at\s+)?"
    # a dose of a treatment given again, on need ("re-treatment at 1×10^6", "retreatment with")
    r"|(?<![\w-])(?:re-?treatment|re-?infusion|re-?dosing)\s+(?:at|with|of)\s+(?:(?:a|the)\s+)?(?:dose\s+of\s+)?"
    # a dose yet to be found ("the recommended phase 2 dose will be 1×10^6")
    r"|(?<![\w-])(?:RP2D|recommended\s+phase\s+(?:2|II|two)\s+dose|MTD|maximum\s+tolerated\s+dose)\s+"
    r"(?:will|would|may|might|is\s+expected\s+to|is\s+anticipated\s+to)\s+be\s+"
    r")\Z"
)


def not_given(text: str, start: int, end: int) -> bool:
    """Whether the words of its clause say a dose at text[start:end] (its number, to its unit's end or
    not) is no dose the trial gives as its own: given only on a condition ("reduced to 1×10^6 CAR-T
    cells/kg in the event of toxicity", "if tolerated", "for renal impairment", "otherwise"), what it
    may be changed to ("may be escalated to"), a dose another replaces ("instead of", "rather than"),
    one denied ("will not receive") or only thought of ("could be given", "is under consideration"),
    or its cohort taken out ("the ... cohort was abandoned"). A dose escalated to in a later cohort
    ("escalated to 3×10^6 in cohort 2"), or given to patients who qualify ("if eligible"), stands."""
    return (
        _NOT_GIVEN_AFTER.match(text, end) is not None
        or _NOT_GIVEN_BEFORE.search(text, max(0, start - _REACH), start) is not None
    )


# --- a dose of another product, named by any name of its own ------------------------------------

# A name as a source writes one: a run of words in capitals, the first opening with a capital letter, each after it
# with a capital or a digit ("Yescarta", "Arm A", "IM19 CAR-T"), and an aside right after it ("Yescarta
# (axicabtagene ciloleucel)"); one word in capitals at a sentence's start is read so too, and what it names is
# told from a name by the words of no name it may be (_NO_NAME_WORDS). Or a cell therapy's international name, which
# a source writes in lower case ("tisagenlecleucel", "axicabtagene ciloleucel", "obe-cel"; its stems, as
# product_names reads one, and no English word's: "cancel", "parcel"): read in capitals only, "tisagenlecleucel is
# given at 1×10^6 CAR-T cells/kg" bound a cohort's dose as the trial's.
_INTERNATIONAL_NAME = r"(?:[a-z]+gene[ \t]+)?(?:[a-z]+(?:leucel|tecel)|[a-z]{2,}-cel)(?![\w-])"
_NAME = (
    r"(?-i:(?P<name>[A-Z][\w'\u2019-]*[\u00ae\u2122]?(?:[ \t]+[A-Z0-9][\w'\u2019-]*[\u00ae\u2122]?){0,3}"
    rf"|{_INTERNATIONAL_NAME}))"
    r"(?:['\u2019]s)?(?:\s*\([^()]{0,60}\))?"
)  # (a brand's registered or trade mark after its word: "Yescarta® is dosed at")
_BE = (
    r"(?:is|are|was|were|be|(?:will|would|shall|should|can|could|may|might|must)\s+be|(?:has|have|had)\s+been)"
    r"(?:\s+(?:usually|typically|normally|commonly|generally|routinely|also|then|currently|already|instead))?"
)
_DOSED = r"(?:dosed|given|administered|infused|approved|licen[cs]ed|labell?ed)"
_AT_A_DOSE = (
    r"(?:\s*(?:at|with|to|:|=|,))?\s*(?:(?:a|an|the)\s+)?(?:(?:target|single|fixed|flat|total|approved|labell?ed|"
    r"recommended|standard|usual)\s+)?(?:(?:dose|dosage)\s+(?:level\s+)?(?:of\s+)?)?"
)
# (verbs of a product's giving a dose: "Yescarta uses 1×10^6 ...", "Kymriah delivers")
_GIVING = r"(?:uses?|used|employs?|employed|gives?|gave|delivers?|delivered|recommends?|recommended)"
_PRODUCT_WORDS = r"(?:\s+(?:(?:CAR[- ]?T|CART)\s+)?(?:cells?|products?|infusions?))?"
_NAME_DOSED_BEFORE = (
    # the subject of its dosing ("Yescarta is dosed at", "Kymriah, which is given at", "Yescarta uses")
    lazy(
        rf"(?i)(?<![\w-]){_NAME}{_PRODUCT_WORDS}(?:\s*,?\s*(?:which|that))?\s+(?:{_BE}\s+{_DOSED}|{_GIVING})"
        rf"{_AT_A_DOSE}\Z"
    ),
    # ... or what it is set against ("higher than Yescarta (1×10^6", "compared with Kymriah's 1×10^6")
    lazy(
        rf"(?i)(?<![\w-])(?:than|unlike|versus|vs\.?|compared\s+(?:with|to)|as\s+opposed\s+to)\s+"
        rf"(?:(?:the|a|an)\s+)?{_NAME}{_PRODUCT_WORDS}(?:\s+(?:dose|dosage))?\s*(?:[(:,]\s*)?{_AT_A_DOSE}\Z"
    ),
    # ... or the one whose dose it is ("Yescarta's approved dose is", "Kymriah dose:")
    lazy(
        rf"(?i)(?<![\w-]){_NAME}{_PRODUCT_WORDS}\s+(?:(?:approved|labell?ed|recommended|standard|usual|registered|"
        rf"commercial)\s+)?(?:dose|dosage)(?:\s+level)?(?:\s+(?:is|was|are|were))?{_AT_A_DOSE}\Z"
    ),
    # ... or what it is the dose of, or the object its patients receive ("the dose of Breyanzi is", "patients
    # receiving Kymriah at")
    lazy(
        r"(?i)(?<![\w-])(?:(?:dose|dosage)(?:\s+level)?\s+(?:of|for)|receiv(?:e|es|ed|ing)|treated\s+with|"
        r"infusions?\s+of|(?:given|administered|infused|dosed)\s+(?:with\s+)?)\s+(?:(?:the|a|an)\s+)?"
        rf"{_NAME}{_PRODUCT_WORDS}(?:\s+(?:is|was|are|were))?{_AT_A_DOSE}\Z"
    ),
)
# ... or after it ("1×10^6 CAR-T cells/kg of Yescarta", "... for Kymriah")
# Words of people: a name before them describes whom ("for Chinese patients", "for Relapsed Patients"), no product
_PERSON_WORDS = ("patient", "participant", "subject", "person", "adult", "adolescent", "individual")  # (+ "s")
_PEOPLE_WORDS = ("people", "child", "children", "women", "men")
_PEOPLE = r"(?:(?:" + "|".join(_PERSON_WORDS) + r")s?|" + "|".join(_PEOPLE_WORDS) + r")\b"
_NAME_DOSED_AFTER = lazy(rf"(?i){_UNIT}\s+(?:of|for)\s+(?:(?:the|a|an)\s+)?{_NAME}(?![\w-])(?!\s+{_PEOPLE})")
# The words of no product's name: of a closed class ("It", "This", "Each"), of people, of the trial's parts, of a
# product of no name ("Treatment", "Cells"), a verb a line in capitals writes so ("Subjects Will Be Dosed At"), or a
# designator ("A" of "Arm A", "II", "2")
_NO_NAME_WORDS = frozenset(
    (
        *"is are was were be been will would shall should can could may might must has have had do does did".split(),
        *_PERSON_WORDS,
        *_PEOPLE_WORDS,
        "those",
        "everyone",
        *"arm cohort group part stage phase level dose dosage dosing regimen study trial product therapy treatment "
        "infusion drug intervention cell lymphocyte car-t cart car agent medication investigational body weight "
        "bodyweight protocol investigator investigators sponsor sponsors".split(),
    )
)
_DESIGNATOR = lazy(r"(?i)(?:[0-9]+[a-z]?|[a-z]|[ivx]+)")


def of_another_product(text: str, start: int, end: int, own: frozenset[str]) -> bool:
    """Whether the words of its clause give a number of cells at text[start:end] (its number to its unit's
    end) to a product they name that is not the trial's, whose names (upper case, names_in: its id's,
    titles', acronym's, product's, interventions', arms' and cohorts' labels' words) are own: the subject
    of its dosing ("Yescarta is dosed at 1×10^6 CAR-T cells/kg"), what it is the dose of or the
    object its patients receive ("the dose of Kymriah is", "patients receiving Breyanzi at"), or what
    the number of cells is of after it ("1×10^6 CAR-T cells/kg of Abecma"). A name is another
    product's where it holds a word of a name (no word of a closed class, of people, of the trial's
    parts, of a product of no name, nor a designator: "Arm A", "Patients", "The product", "CAR-T
    cells") and no such word is one of the trial's: "IM19 is given at", "Arm A is dosed at" are the
    trial's. What the name names is read from the source's own words, not a list of products: a
    brand ("Yescarta") is a name because the clause doses it."""
    lo = max(0, start - _REACH)
    found = [p.search(text, lo, start) for p in _NAME_DOSED_BEFORE] + [_NAME_DOSED_AFTER.match(text, end)]
    return any(f is not None and _another_name(f.group("name"), own) for f in found)


# A lymphodepleting agent's dose given in the regimen of a product named before it in its clause: its owner
# ("Yescarta's conditioning uses fludarabine 25 mg/m2/day") or the name of its label or regimen ("(Yescarta label:
# fludarabine 25 mg/m2/day)"); or after it, the product it is given for ("... 25 mg/m2/day for Yescarta")
_REGIMEN_OF_A_NAME_BEFORE = (
    lazy(rf"(?i)(?<![\w-]){_NAME}(?<=['\u2019]s)\s+[^.;:()\[\]\n]{{0,60}}\Z"),
    lazy(
        rf"(?i)(?<![\w-]){_NAME}\s+(?:label(?:l?ing)?|regimens?|conditioning|protocol|lymphodepletion|"
        r"prescribing\s+information)(?![\w-])[^.;()\[\]\n]{0,60}\Z"
    ),
)


def regimen_of_another_product(text: str, start: int, end: int, own: frozenset[str]) -> bool:
    """Whether the words of its clause give a lymphodepleting agent's dose at text[start:end] (its number to its
    unit's end) in the regimen of a product they name that is not the trial's (own: names_in of the record's
    names, its parts' and its agents'): its owner ("Yescarta's conditioning uses fludarabine 25 mg/m2/day"), its
    label or regimen named so ("(Yescarta label: fludarabine 25 mg/m2/day)"), or the product it is given for
    after it ("... 25 mg/m2/day for Yescarta"). A name as of_another_product reads one."""
    lo = max(0, start - _REACH)
    found = [p.search(text, lo, start) for p in _REGIMEN_OF_A_NAME_BEFORE] + [_NAME_DOSED_AFTER.match(text, end)]
    return any(f is not None and _another_name(f.group("name"), own) for f in found)


def _another_name(name: str, own: frozenset[str]) -> bool:
    """Whether name (a run of words in capitals) names something not the trial's: a word of a name in it
    (_NO_NAME_WORDS, a closed class's, a designator) and none of the trial's names (own)."""
    words = [w.strip("'\u2019\u00ae\u2122").removesuffix("'s").removesuffix("\u2019s") for w in name.split()]
    if any(re.fullmatch(_PEOPLE, w, re.IGNORECASE) for w in words):
        return False  # (people described: "for Relapsed Patients")
    named = [w for w in words if not _no_name_word(w)]
    # (a disease's name is no product's: "for Lupus Nephritis")
    return bool(named) and not any(w.upper() in own for w in named) and not prose.diseases(name)


def _no_name_word(word: str) -> bool:
    """Whether word is no word of a name: a closed class's ("It", "Each"), one of _NO_NAME_WORDS (in the
    plural too), a designator ("A", "2", "II") or a CAR's ("CAR-T")."""
    bare = word.lower()
    return (
        phrases.closed_word(bare)
        or bare in _NO_NAME_WORDS
        or bare.removesuffix("s") in _NO_NAME_WORDS
        or bare.removesuffix("es") in _NO_NAME_WORDS
        or _DESIGNATOR.fullmatch(bare) is not None
        or vocabulary.CAR_WORDS.fullmatch(word) is not None
        or _ANTIGEN.fullmatch(word) is not None
    )


# A CAR's target antigen, as a word of a product of no name ("treated with CD19 CAR-T cells at a dose of", "anti-BCMA
# cells"): the antigens of the target's vocabulary, in any case, "anti-" before them
_ANTIGEN = lazy(
    r"(?i)(?:anti-?)?(?:"
    + "|".join(re.escape(t) for t in sorted(vocabulary.TABLES["target antigen"], key=len, reverse=True))
    + r")(?:-?(?:CAR-?T?|CART))?"
)


# --- a dose of a subgroup's ------------------------------------------------------------------------

# Those beyond an age: older (age_bounds.BEYOND_AN_AGE's "max": "over 65 years", "older", "elderly"; and
# "≥ 65 years", "aged 65 years or older") or younger ("under 12 years", "≤ 12 years", "12 years or younger")
_YEARS = r"\s*(?:years?|yrs?)(?:\s+(?:of\s+age|old))?"
_OLDER = (
    rf"(?:(?:≥|>=|at\s+least|more\s+than)\s*(?P<over>[0-9]{{1,3}}){_YEARS}"
    rf"|(?P<or_over>[0-9]{{1,3}}){_YEARS}\s+(?:or|and)\s+(?:older|over|above)|{age_bounds.BEYOND_AN_AGE['max']})"
)
_YOUNGER = (
    rf"(?:(?:under|below|younger\s+than|less\s+than|[<≤]=?)\s*(?P<under>[0-9]{{1,3}}){_YEARS}"
    rf"|(?P<or_under>[0-9]{{1,3}}){_YEARS}\s+(?:or|and)\s+(?:younger|under|below))"
)
_SUBGROUP = (
    r"(?:(?:for|in)\s+(?:(?:the|all)\s+)?(?:(?:patients?|participants?|subjects?|those|adults|people)\s+)?"
    rf"(?:(?:who\s+are|aged?)\s+)?(?:(?P<older>{_OLDER})|{_YOUNGER})"
    r"(?:\s+(?:patients?|participants?|subjects?|adults|people))?"
    rf"|(?P<impaired>{_FOR}{_IMPAIRED}))(?![\w-])"
)
# ... named in the dose's clause after it ("20 mg/m2/day in patients over 65 years"), or before it, as its
# heading too ("in patients over 65 years: 20 mg/m2/day", "for patients with renal impairment, 20 ...")
_SUBGROUP_AFTER = lazy(rf"(?i){_UNIT}{_CLAUSE_WORDS}{{0,60}}?(?<![\w-]){_SUBGROUP}")
_SUBGROUP_BEFORE = lazy(rf"(?i)(?<![\w-]){_SUBGROUP}\s*[:,]?{_CLAUSE_WORDS}{{0,60}}\Z")


def for_a_subgroup(text: str, start: int, end: int, ages: tuple[float, float] = (0, math.inf)) -> bool:
    """Whether the words of its clause give a dose at text[start:end] to a subgroup of the trial's patients,
    whose ages (in years) are ages: those with an impairment ("in patients with renal impairment: 20
    mg/m2/day"), or those beyond an age that leaves some of the trial's out ("in patients over 65 years: 20
    mg/m2/day", "for patients ≥ 65 years", "in elderly patients"). Those beyond an age all the trial's
    patients are ("in patients ≥ 18 years" of a trial of adults) are no subgroup, nor an age range ("aged 18
    to 65 years"): the trial's own eligibility is written so. Read of a lymphodepleting agent's dose, which
    the regimen gives all its patients; not of a cohort's, which may be a subgroup's own ("for patients 1
    to 3", a paediatric cohort's)."""
    found = _SUBGROUP_AFTER.match(text, end) or _SUBGROUP_BEFORE.search(text, max(0, start - _REACH), start)
    if found is None:
        return False
    if found.group("impaired"):
        return True
    over, under = found.group("over") or found.group("or_over"), found.group("under") or found.group("or_under")
    if found.group("older"):
        # (older than the youngest the trial enrols; "older", "elderly": always some of them)
        number = over or next(iter(re.findall(r"[0-9]+", found.group("older"))), None)
        return number is None or float(number) > ages[0]
    return under is not None and float(under) < ages[1]
