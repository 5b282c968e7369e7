"""Retracted: whether the words right around a value a source writes take it back.

A value the source writes and, in the same breath, cancels, withdraws, says does not apply, is yet to
be decided, or replaced by another is no value of the trial: "Enrollment: 60 participants
(cancelled)", "Minimum age: 18 years: not applicable", "Start date: 2024-07-30 (to be confirmed)",
"Status: formerly Recruiting, now Completed", "Phase: ~~Phase 2~~ Phase 1", "Enrollment revised from
60 participants to 6 participants". Each bound its value, read by the words the quote keeps. One
reading serves every field a label or a sentence gives a value to (counts, ages, dates, the
enumerated terms): binding asks it of each place the source gives the value.

The words that take a value back stand right after it (a parenthesis of them, or after a colon or a
dash) or right before it ("formerly", "previously", "originally", "no longer", "revised from", a
struck-out "~~"). Words that qualify a value without taking it back leave it standing:
"(actual)", "(estimated)", "(inclusive)", "was" (a past state: "Enrollment was 60 participants"),
"[sic]" (the source's own writing kept as it is), and a target or a plan ("60 (planned)"), which
is an estimated value, not a withdrawn one: of a count or a date, which a record types ESTIMATED.
A value that has no estimate of its own (a design term, a site, a dose) and that the words right
after it say is only planned ("Allocation: Randomized (planned)", "Shanghai, China (proposed)",
"1×10^6 CAR-T cells/kg (tentative)") is no value of the trial yet: with planned, those words take
it back too (_PLANNED_AFTER, of planned.PLANNED, the words phases and statuses are read by).

A count, whose plan is its estimate, is no count of the trial either where the words around it leave
it open (count_left_open): on a condition ("60 participants (if funding allows)", "subject to funding", of
planned.CONDITIONS), undecided ("60 participants, to be confirmed") or as an old plan ("60
participants originally planned; 20 enrolled").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from sle_trials.patterns import lazy
from sle_trials.reading import kept_out
from sle_trials.reading import planned as planned_words
from sle_trials.reading.sentences import ANSWER_LABEL, CHOICE, INSTITUTION

# The nouns a source calls a value by where it takes it back in words of its own: "this figure", "the
# date", "this site", "the listed sample size"; not the trial's ("the study was withdrawn" gives its
# status WITHDRAWN) nor its participants' ("participants withdrawn from study drug")
_NOUN = (
    r"(?:figure|number|value|count|total|estimate|entry|date|status|data|information|detail|item|statement|"
    r"record|field|site|location|cent(?:er|re)|facility|name|condition|age|limit|dose|phase|listing|"
    r"enrol+ment|sample[ \t]+size|target)s?"
)
# ... and the words that make such a noun another value's: "the earlier figure was withdrawn" leaves
# this one standing
_OTHER = r"(?:earlier|previous|prior|original|old|former|initial|first|second|new|other|revised|updated|amended)"
# The words every reading below takes a value back by, each with words of its own (a participle alone
# after a stop, an answer after a colon, a parenthesis's first word, ...): one list of their core
_UNDONE = r"cancel+ed|withdrawn|retracted|rescinded|revoked"
# What a value taken back is: the participles that say so ("this figure was withdrawn", "withdrawn by
# the sponsor"), and what may stand after them: the clause's end, or by whom or when ("withdrawn by
# the sponsor", "retracted in 2025"); "withdrawn from study drug", "removed from the study" name
# participants, "replaced the 2019 protocol" another thing
_BACK_DONE = (
    rf"(?:{_UNDONE}|invalidated|annulled|voided|deleted|removed|"
    r"struck(?:[ \t]+out)?|superseded|replaced|abandoned|discarded|dropped)"
)
_BY_WHOM_OR_WHEN = r"[ \t]+(?:by|on|in|as[ \t]+of|at|since|following|due|because|per|pending|upon|effective)\b"
# ... or what it was taken out of: the protocol, the registry, the record ("This condition was removed
# from the protocol"); not the study or its drug, out of which participants are taken
_FROM_THE_RECORD = (
    r"[ \t]+from[ \t]+(?:the[ \t]+|this[ \t]+|its[ \t]+)?(?:study[ \t]+)?"
    r"(?:protocol|registry|register|record|listing|list|page|entry|website)s?\b"
)
_BACK_TAIL = rf"(?=[ \t]*(?:[.;,!)\]\u2013\u2014]|\Z|\n|--?(?:[ \t]|\Z))|{_BY_WHOM_OR_WHEN}|{_FROM_THE_RECORD})"
# ... and the participle alone after a stop, a comma or a dash, one that says a statement is taken
# back (not "removed" or "dropped", which participants are), only before the clause's end or those
# words: "added, removed, renamed" lists three, "WITHDRAWN — the study stopped ..." defines a term
_ALONE_DONE = (
    rf"(?:{_UNDONE}|invalidated|annulled|voided|deleted|struck[ \t]+out|"
    r"superseded|replaced)"
)
_ALONE_TAIL = rf"(?=[ \t]*(?:[.;)\]]|\Z|\n)|{_BY_WHOM_OR_WHEN})"
# ... and the words that say a value is no longer in force: "no longer valid", "not current", "out of
# date", "obsolete"
_NOT_IN_FORCE = (
    r"(?:(?:not|no[ \t]+longer)[ \t]+(?:valid|current|accurate|correct|applicable|in[ \t]+(?:force|effect))|"
    r"no[ \t]+longer[ \t]+(?:applies|apply|stands|holds)|out[ \t]+of[ \t]+date|outdated|obsolete|invalid|"
    r"incorrect|erroneous|wrong|in[ \t]+error)\b"
)
# The words a source takes a value back in, a subject of them and a predicate: "this figure was
# withdrawn", "the date has since been retracted", "it was withdrawn by the sponsor", "which is no
# longer valid", "figure superseded"; a pronoun with a verb only ("the memos it replaced" names what it
# replaced)
_VERB = r"(?:was|were|is|are|has|have|had|will|shall|being|been|be)"
_ADVERB = r"(?:since|later|subsequently|now|then|formally|officially|also|meanwhile)"
_SAID = rf"(?:{_BACK_DONE}{_BACK_TAIL}|{_NOT_IN_FORCE})"
_SAID_PREDICATE = rf"[ \t]+(?:(?:{_VERB}|{_ADVERB})[ \t]+){{0,4}}{_SAID}"
_SAID_VERB = (
    rf"[ \t]+(?:{_ADVERB}[ \t]+)?(?:{_VERB}[ \t]+(?:(?:{_VERB}|{_ADVERB})[ \t]+){{0,3}}{_SAID}"
    r"|no[ \t]+longer[ \t]+(?:applies|apply|stands|holds)\b)"
)
_NOUN_PHRASE = rf"(?!{_OTHER}\b)(?:[a-z]+[ \t]+)?{_NOUN}"
_SAID_BACK = (
    rf"(?:(?:it|which|this|that){_SAID_VERB}"
    rf"|(?:this|that|the|these|those|said|such|its)[ \t]+{_NOUN_PHRASE}{_SAID_PREDICATE})"
)
# ... and as the next sentence says it, of this value only: a demonstrative opening it ("This figure has
# since been withdrawn.", "It was withdrawn.", "This was superseded by ..."); "The start date was
# withdrawn." names another
_SAID_NEXT = rf"(?-i:It|This|That|These|Those|Said|Such)(?:{_SAID_VERB}|[ \t]+{_NOUN_PHRASE}{_SAID_PREDICATE})"
# ... or, as a parenthesis's first words, the noun alone: "(figure withdrawn)", "(enrollment figure
# superseded)"
_BARE_SAID = rf"(?:{_NOUN_PHRASE}{_SAID_PREDICATE})"

# The words of a value yet to be settled, after "to be" ("to be confirmed", "to be determined") and after
# "not" ("not yet confirmed", "not decided"): read in a bracket after a value, as an answer, and as a plan
_SETTLED = r"(?:confirmed|determined|decided|defined|announced|finali[sz]ed|agreed)"
_UNSETTLED = r"(?:confirmed|final(?:i[sz]ed)?|decided|determined)"

# The words that give a value another one, before "to" or "from": "amended to 6", "revised from 60",
# and, of a date above all, "later postponed to 2024-09-01", "pushed back to 2025", "moved from March"
_CHANGED = (
    r"(?:revised|amended|changed|corrected|updated|reduced|increased|lowered|raised|decreased|modified|"
    r"postponed|delayed|deferred|rescheduled|moved|pushed[ \t]+back|brought[ \t]+forward|extended|shortened|shifted)"
)

# The words that take a value back, inside a parenthesis or a bracket right after it, as its first
# words: "(cancelled)", "(withdrawn)", "(not applicable)", "(N/A)", "(TBD)", "(to be confirmed)",
# "(previously)", "(revised to 40)", "(originally; now 40)", "(no longer applies)"
_BACK_WORDS = (
    r"(?:(?:since|later|subsequently|now|then|formally|officially)\s+)?"
    rf"(?:{_UNDONE}|invalidated|annulled|deleted|removed|void(?:ed)?|"
    r"struck(?:\s+out)?)|"
    rf"(?:superseded|replaced)(?=[ \t]*[)\]]|{_BY_WHOM_OR_WHEN})|"
    r"obsolete|outdated|expired|lapsed|out\s+of\s+date|erroneous|in\s+error|errors?|incorrect|wrong|invalid|"
    r"not\s+(?:valid|current|accurate|correct|in\s+(?:force|effect))|"
    # (an old one, alone or as the value's noun: "(old)", "(old figure)"; "(old campus)" names a place)
    rf"old(?:\s+{_NOUN})?(?=[ \t]*[)\];,])|"
    # (not one saying to whom, where or when it does not apply, which restricts it: "(not applicable in
    # Gilbert's syndrome)", "(not applicable to healthy volunteers)", "(N/A if due to Gilbert's syndrome)")
    rf"(?:not\s+applicable|n/a)(?!\s+{kept_out.NOT_APPLYING_TO}\b)|tb[cd]|to\s+be\s+(?:{_SETTLED}|updated)|"
    rf"not\s+(?:yet\s+)?{_UNSETTLED}|unconfirmed|"
    # (alone, or before the value that replaced it: "(formerly)", "(originally; now 40)"; "Acme
    # (formerly Beta Corp.)" names the value's old name, and leaves it standing)
    # (or of the value's noun, or a sponsor's: "(former sponsor)", "(previous entry)"; a role of an official's
    # names a post they held, "Wang Li, Principal Investigator (former Study Director)")
    rf"no\s+longer|(?:previous(?:ly)?|former(?:ly)?|original(?:ly)?|outgoing|previous\s+{_NOUN}|former\s+{_NOUN}|"
    r"(?:(?:previous|former|original|outgoing)\s+|ex-)(?:sponsors?|collaborators?))(?=[ \t]*[)\];,])|"
    # (a value changed to another, "(revised to 40)", "(postponed to 2025)", or moved with no new one given,
    # "(postponed)", "(delayed)"; not from another, which names the old one: "2024-09-01 (delayed from
    # 2024-03-01)" gives the new date; nor "(updated)", "(revised)", "(corrected)", which say the value is
    # the new one)
    r"(?:(?:later|since|subsequently|then|now)\s+)?"
    rf"(?:{_CHANGED}\s+to\b|(?:postponed|delayed|deferred|rescheduled)(?=[ \t]*[)\];,]))|now\s+(?=(?-i:[0-9A-Z]))"
)
# ... or after a colon or a dash, alone to the end of its clause: "18 years: not applicable",
# "60 participants: no", "Female - not applicable", "Phase 2: N/A"
_ANSWER_WORDS = (
    rf"not\s+applicable|n/a|tb[cd]|to\s+be\s+{_SETTLED}|"
    rf"{_UNDONE}|deleted|removed|void|none|no|false|no\s+longer\s+[a-z]+(?:\s+[a-z]+)?|"
    r"voided|invalidated|superseded|obsolete|outdated|out\s+of\s+date|invalid|incorrect|"
    r"erroneous|wrong|not\s+(?:valid|current|in\s+(?:force|effect))"
)
# ... or after a comma, a semicolon, a stop or a double dash, the plainest of them alone: "60
# participants, withdrawn", "60 participants; cancelled", "60 participants. Cancelled."
_ALONE_WORDS = (
    rf"{_UNDONE}|deleted|void(?:ed)?|not\s+applicable|n/a|tb[cd]|"
    r"invalidated|superseded|obsolete|outdated|out\s+of\s+date|no\s+longer\s+valid|not\s+valid|invalid"
)
_CLAUSE_END = r"(?=[ \t]*(?:[.;,)\]]|\Z|\n))"
# A qualifier that leaves a value standing, and the words after it still read: "(estimated; cancelled)",
# "(estimated) (cancelled)"
_QUALIFIER = r"(?:actual|estimated|anticipated|planned|expected|target|inclusive)"
# The words of a value's own phrase a question mark may stand after, asking the value ("CD28 domain?",
# "Randomized allocation?", "Female patients only?", "CD28 or 4-1BB?", "autologous CAR-T cells?"): a few,
# on the value's line, each opening in lower case or a digit, or an abbreviation in capitals ("CAR-T",
# "SLE"), with no stop, comma or colon between. (Not a word in title case: a source's lines are read
# joined by spaces, and "Last Updated: 2025-08-17" over a line "Has Results?", or "Sex: Female" over
# "Any questions?", would be asked.) Read by vocabulary's answers too.
ASKED = r"(?:[ \t]+(?-i:[a-z0-9][\w'\u2019/-]*|[A-Z][A-Z0-9]+(?:[-/][A-Za-z0-9]+)*)(?![\w'\u2019])){0,4}"
# ... and another choice after a yes (sentences.CHOICE), after a comma, a slash, "or" or a list's mark
_ANOTHER_CHOICE = rf"[ \t]*(?:[,/|;]|or\b)?[ \t]*{CHOICE.pattern}"
# (spaces and tabs only: a line's end is no word of the value's)
_AFTER = lazy(
    r"(?i)[ \t]*(?:"
    rf"(?:[(\[][ \t]*{_QUALIFIER}[ \t]*[)\]][ \t]*)?[*_]{{0,2}}"
    rf"[(\[][ \t]*(?:{_QUALIFIER}[ \t]*[;,/][ \t]*)?(?:{_BACK_WORDS})\b[^)\]\n]*[)\]]"
    rf"|(?:[ \t]*[:\u2013\u2014]|[ \t]+-)[ \t]*(?:{_ANSWER_WORDS}){_CLAUSE_END}"
    rf"|(?:[,;]|\.(?=[ \t])|[ \t]--)[ \t]*(?:{_ALONE_WORDS})(?=[ \t]*(?:[.;)\]]|\Z|\n))"
    # ... or a sentence saying so ("Planned enrollment of 60 participants was cancelled.")
    r"|[ \t]+(?:was|were|has[ \t]+been|have[ \t]+been|is|are|will[ \t]+be)[ \t]+(?:since[ \t]+|later[ \t]+)?"
    rf"(?:{_UNDONE}|voided|abandoned|deleted|removed|struck)\b"
    # ... or a sentence saying it will not be given or used ("1×10^6 CAR-T cells/kg will not be given.",
    # "fludarabine 30 mg/m2/day is no longer used"): a dose no one receives
    r"|[ \t]+(?:will|shall|would|is|are|was|were|has[ \t]+been|have[ \t]+been)[ \t]+(?:not|never|no[ \t]+longer)"
    r"[ \t]+(?:be[ \t]+)?(?:given|administered|used|infused|offered|applied|dosed)\b"
    # ... or N/A, TBD or TBC written right after it ("60 participants N/A", "Recruiting TBD")
    rf"|(?<=[^\s:])[ \t]+(?:n/a|tb[cd]){_CLAUSE_END}"
    # ... or a struck-out value's closing marks ("~~60~~ 6")
    r"|~~"
    # ... or a question mark right after it, alone or in brackets: a value asked, not given ("Sex:
    # Female?", "Minimum age: 12 years?", "Masking: Double?", "Start date: 2024-07-30 (?)", "(Actual?)");
    # or after the few words in lower case of the value's own phrase (ASKED: "CD28 domain? No.",
    # "Randomized allocation? Unclear", "Female patients only?"); not one the question's answer gives
    # ("Randomized? Yes"), nor one that opens a link's query ("...?id=1")
    # (one mark or more: "Sex: Female??", "Randomized?? No")
    # (its answer after a label or a dash too: "CD28 domain? A: Yes", "? — Yes"; not a yes another choice
    # follows, one of a list of choices: "CD28 domain? Yes / No", "? - Yes - No", "? Yes, No")
    rf"|{ASKED}[ \t]*(?:[(\[][ \t]*)?\?+(?![ \t]*{ANSWER_LABEL}?(?:yes|true)\b(?!{_ANOTHER_CHOICE}))"
    r"(?=[ \t)\]\n.,;:!]|\Z)"
    # ... or the words that give it another value ("was 60 participants; amended to 6", "60, now 40",
    # "1×10^6 CAR-T cells/kg was changed to 3×10^6")
    r"|[,;]?[ \t]*(?:(?:later|since|subsequently|then|but|and)[ \t]+)?"
    r"(?:(?:was|were|has[ \t]+been|have[ \t]+been|had[ \t]+been)[ \t]+(?:(?:later|since|subsequently)[ \t]+)?)?"
    rf"{_CHANGED}"
    r"[ \t]+to\b"
    r"|[,;][ \t]*now[ \t]+[0-9]"
    r")"
)
# ... or words of the source's own saying so, of a value that is no such word itself (a status
# "Withdrawn" that "it was withdrawn by the sponsor" repeats): in a parenthesis, wherever they stand in
# it ("(this figure was withdrawn)", "(estimated; figure superseded)"; "(5 withdrawn)" counts
# participants); after a comma, a colon or a dash, with whom or when ("- withdrawn by the sponsor",
# "; this figure has since been withdrawn"); or as the next sentence, of the line or of the next line
# of its paragraph ("60 participants. This figure has since been withdrawn.")
_SAID_AFTER = lazy(
    r"(?i)[ \t]*(?:"
    rf"(?:[(\[][ \t]*{_QUALIFIER}[ \t]*[)\]][ \t]*)?[*_]{{0,2}}[(\[][ \t]*(?:{_QUALIFIER}[ \t]*[;,/][ \t]*)?"
    rf"(?:{_BARE_SAID}|(?:[^)\]\n]*?(?<![\w'\u2019]))?{_SAID_BACK})[^)\]\n]*[)\]]"
    rf"|(?:[ \t]*[,;:\u2013\u2014]|[ \t]+--?)[ \t]*{_SAID_BACK}"
    rf"|(?:[,;]|\.(?=[ \t])|[ \t]*[:\u2013\u2014]|[ \t]+--?)[ \t]*"
    rf"(?:{_ADVERB}[ \t]+)?{_ALONE_DONE}{_ALONE_TAIL}"
    # (past the words of the value's own clause, few and with no stop or colon: a source's lines are
    # read joined by spaces, and a colon opens another line's label)
    r"|(?:[ \t]+[^\s.!?:;,()\[\]]+){0,6}?(?:[ \t]*[(\[][^)\]\n]{0,40}[)\]])?[.!?]?[ \t\n]+"
    rf"{_SAID_NEXT}"
    r")"
)
# A value that is such a word itself: the status "Withdrawn"
_BACK_VALUE = lazy(rf"(?i)[ \t]*{_BACK_DONE}[ \t]*")
# What a label calls a trial's officials and collaborators (a label that says they are old ones, _BEFORE,
# or only planned, _PLANNED_BEFORE): "Former Study Chair:", "Tentative Principal Investigator:"
_OFFICIALS = r"(?:collaborators?|investigators?|directors?|chairs?|officials?|PIs?)"
# The words right before a value that take it back: "formerly Recruiting", "previously 60
# participants", "originally 2024-07-30", "no longer 60", "not 60", "revised from 60", "~~60",
# "cancelled: 60", "Enrollment (cancelled): 60"
_BEFORE = lazy(
    # (or hedged: "Sponsor: possibly Acme Bio", "perhaps 60 participants", "Sites: maybe Shanghai")
    rf"(?i)(?:\b(?:formerly|previously|originally|no\s+longer|not|{planned_words.HEDGED}|probably|tentatively)"
    # ... and the old name or listing they give it ("formerly called IM29", "previously known as Acme Bio",
    # "previously listed as Recruiting"): the value's old one, which "IM19 (formerly called IM29)" named
    r"|\b(?:formerly|previously|originally)[ \t]+(?:called|named|known[ \t]+as|listed[ \t]+as|titled|"
    r"registered[ \t]+as|reported[ \t]+as|given[ \t]+as|spel+(?:ed|t))"
    # ... or the name it is yet to have ("IM19 CAR-T cells (to be renamed IM29)", "will be known as", "may be
    # rebranded as"): a name the trial does not give it now
    r"|\b(?:to[ \t]+be|will[ \t]+be|may[ \t]+be|might[ \t]+be|later[ \t]+to[ \t]+be)[ \t]+"
    r"(?:renamed|rebranded|called|named|known[ \t]+as|marketed[ \t]+as)(?:[ \t]+as)?"
    # ... or the role or the place it gave the value then ("formerly targeting CD22", "previously sponsored
    # by Beta Corp", "originally located in Shanghai"); not what patients had before ("previously treated
    # with rituximab" names a prior therapy, which the trial asks for)
    r"|\b(?:formerly|previously|originally)[ \t]+(?:target(?:ing|ed)|sponsored|funded|led|run|directed|chaired|"
    r"managed|owned|located|based|sited|held|hosted|conducted|enrol+ing|recruiting|dosed|dosing)"
    r"(?:[ \t]+(?:by|at|in|as|with|to))?"
    rf"|\b{_CHANGED}"
    r"(?:\s+[a-z]+){0,2}?\s+from"
    r"|\b(?:cancel+ed|withdrawn|retracted|deleted|void|not\s+applicable|n/a)[ \t]*[):][ \t]*:?"
    # ... or a label that says the value is an old one: "Previous enrollment: 60", "Original Estimated
    # Enrollment: 60", "Previous status: Recruiting", "Enrollment (formerly): 60"; a label of a field's
    # own noun only ("Previous therapy: cyclophosphamide" names a prior therapy, the trial's own value)
    # (or a sponsor's or an official's: "Outgoing sponsor: Acme Bio", "Ex-sponsor:", "Former Study Chair:")
    r"|\b(?:(?:previous|former|original|earlier|prior|old|superseded|outdated|obsolete|withdrawn|retracted|"
    r"cancel+ed|deleted|removed|invalid|outgoing)(?:[ \t]+[a-z]+){0,2}?[ \t]+|ex-)"
    r"(?:enrol+ment|status|phases?|sponsor|start|completion|dates?|ages?|sex|gender|title|conditions?|"
    r"locations?|sites?|sample[ \t]+size|allocation|masking|model|purpose|target|"
    rf"{_OFFICIALS}(?!-))\b[^:\n.;]{{0,20}}:"
    r"|[(\[][ \t]*(?:formerly|previously|originally)[ \t]*[)\]][ \t]*:?"
    # ... or a label of a value of another part or kind than the trial's own ("Secondary purpose: Basic
    # Science", "Sub-study type: Observational", "Extension phase: Phase 3", "Secondary sponsor: Beta
    # Corp", a registry's collaborator)
    r"|\b(?:secondary|sub-?study|substudy|ancillary|exploratory|optional|alternative|alternate|backup|"
    r"extension(?:[ \t]+(?:study|part|phase))?)[ \t]+"
    r"(?:purpose|type|model|allocation|masking|blinding|phase|status|design|sponsor|dose|dosing|regimen)s?"
    r"\b[^:\n.;]{0,20}:"
    r"|~~)[ \t]*\Z"
)
# How far before a value the words taking it back are looked for
_REACH = 60
# ... or the words of an earlier protocol or version giving it, in the value's clause ("the sponsor's earlier
# protocol allowed up to 75 years" bound a maximum age of 75 beside "Age 18-65 years", mutation hunt 206)
# (not a first registration's: "First registration: 2024-07-30" is the trial's own date)
_EARLIER_PROTOCOL_BEFORE = lazy(
    r"(?i)\b(?:earlier|previous|prior|original|old|former|superseded)[ \t]+(?:study[ \t]+|trial[ \t]+)?"
    r"(?:protocol|version|amendment|design)s?\b(?P<gap>[^.;,()\n:]{0,40}?)[ \t]*\Z"
)
# ... but not where the clause says the value is as the earlier one ("As in the original protocol, ..."), nor
# where the value is the new one of a change from it ("increased from 30 patients in the previous version to 40
# patients"): each refused the trial's own value (review 206)
_AS_EARLIER = lazy(
    r"(?i)\b(?:as[ \t]+(?:in|per|with|under|stated[ \t]+in)|like|same[ \t]+as|unchanged[ \t]+from|"
    r"in[ \t]+line[ \t]+with|kept[ \t]+from|retained[ \t]+from)[ \t]+(?:[\w'\u2019-]+[ \t]+){0,3}\Z"
)
_CHANGE_FROM = lazy(r"(?i)\bfrom\b")
_CLAUSE_STOPS = lazy(r"[.;:,\n]")
_NEW_VALUE_TO = lazy(r"(?i)(?<!\bup)(?:^|[ \t])(?:to|by)[ \t]*\Z")


def _of_an_earlier_protocol(text: str, head: int, at: int) -> bool:
    """Whether the words before text[at:] in its clause are an earlier protocol's giving it
    (_EARLIER_PROTOCOL_BEFORE): not as the earlier one (_AS_EARLIER), nor the new value of a change from it, the
    word "to" before it and no number of the earlier's between, or the change's "from" before the protocol's words
    ("raised from the original protocol's 65 years to 75 years")."""
    found = _EARLIER_PROTOCOL_BEFORE.search(text, head, at)
    if found is None:
        return False
    lead = text[head : found.start()]
    if _AS_EARLIER.search(lead):
        return False
    gap = found.group("gap")
    if _NEW_VALUE_TO.search(gap) and (
        not any(c.isdigit() for c in gap) or _CHANGE_FROM.search(_CLAUSE_STOPS.split(lead)[-1])
    ):
        return False
    return True


# The unit words an age or a count's number may have before the words after it ("18 years: n/a")
_UNIT_AFTER = lazy(
    r"(?i)(?:[ \t]+(?:years?|months?|weeks?|days?)(?:[ \t]+(?:old|of[ \t]+age))?"
    r"(?:[ \t]+(?:or|and)[ \t]+(?:older|younger|above|below|over|under))?)?"
)

# The other parts of an entry after a value of it, each after a comma, in words of capitals or digits
# (", China", ", Zhejiang Province", ", 200025", ", People's Republic of China", ", Inc."; a word after a
# stop opens the next sentence: ", China. This site ..."), and how many
# (past a bracket of the part before that takes nothing back: "Ruijin Hospital (Recruiting), Shanghai, China
# (withdrawn)")
_PART_BRACKET = r"[ \t]*[(\[][^)\]\n]{0,60}[)\]]"
# (a part's first word has a capital or a digit first, and so has each word after it, or is one of the
# small words a place's name holds: "Hospital of", "Universidad de la")
_PART_WORD = r"(?-i:[A-Z0-9])[\w'\u2019.&-]*"
_PART_NEXT = rf"(?:{_PART_WORD}|of|de|la|del|du|di|and)"
_ENTRY_PART = lazy(rf"(?:{_PART_BRACKET})?[ \t]*,[ \t]*{_PART_WORD}(?:(?<!\.)[ \t]+{_PART_NEXT})*")
_ENTRY_PARTS = 4
# ... and the other words of the part a value is the first words of, up to the part's comma or bracket ("
# Hospital" of "Shanghai Hospital, Shanghai, China" and of "Shanghai Hospital (withdrawn), Shanghai, China",
# the value "Shanghai")
_PART_REST = lazy(rf"(?:(?<!\.)[ \t]+{_PART_NEXT}){{1,6}}(?=[ \t]*[,(\[])")

_YES = lazy(r"(?i)[ \t]*:[ \t]*(?:yes|true)\b")

# A site's own words for being out of the trial, of a site only ("Enrollment: 60 (closed)" closes the
# trial's recruitment, and leaves its count standing), read as ClinicalTrials.gov reads a location's
# status WITHDRAWN (reading/ctgov_study.withdrawn): the site closed, was terminated, discontinued or
# deactivated, withdrew, left, or is not or no longer participating; not a site that closed to
# recruitment only ("closed to new patients", "recruitment closed"), nor one that completed, is
# active and not recruiting, or is suspended, each still a site of the trial
_NOT_RECRUITING_ONLY = (
    r"(?![ \t]+(?:(?:to|for)[ \t]+)?(?:its[ \t]+|the[ \t]+)?(?:new[ \t]+|further[ \t]+)?"
    r"(?:recruit|enrol|accru|screen|patient|participant|subject|referral|inclusion))"
)
# (the trial itself, which a site leaves; "not participating in the extension", "withdrew from Part B"
# leave it a site of the trial)
_THE_TRIAL = r"(?:the|this)[ \t]+(?:study|trial)\b"
_SITE_GONE = (
    r"(?:(?:permanently|prematurely|early)[ \t]+)?(?:closed(?:[ \t]+down)?|terminated|discontinued|deactivated|"
    r"withdrew|dropped|(?:left|exited|quit)(?=[ \t]+the[ \t]+(?:study|trial))|dropped[ \t]+out|"
    r"(?:stopped|ceased)[ \t]+participating|non-?participating|"
    r"(?:no[ \t]+longer|not)[ \t]+(?:participating|taking[ \t]+part|involved)"
    rf"(?![ \t]+in[ \t]+(?!{_THE_TRIAL}))|"
    r"(?:no[ \t]+longer|not)[ \t]+(?:a[ \t]+)?(?:participating[ \t]+)?(?:study[ \t]+)?(?:site|cent(?:er|re)|location)|"
    # (or never made one: "(not selected)", "(site not activated)", "- never opened", "(declined to
    # participate)"; "not yet activated" waits to open, as "Not yet recruiting" does, and stays a site)
    r"(?:not|never)[ \t]+(?:been[ \t]+)?(?:selected|activated|opened|initiated|contracted|approved)|"
    r"de-?selected|declined(?:[ \t]+to[ \t]+(?:participate|take[ \t]+part|join))?|"
    r"did[ \t]+not[ \t]+(?:participate|take[ \t]+part|join|open)|"
    # (or a site of the trial's past: "(past site)", "(ex-site)", "(erstwhile study centre)", to the
    # clause's end; "(past site visits completed)" counts visits)
    r"(?:(?:past|erstwhile|previous|former)[ \t]+|ex-)(?:study[ \t]+|trial[ \t]+)?(?:site|cent(?:er|re)|location)"
    rf"(?=[ \t]*(?:[.;,)\]]|\Z|\n)|{_BY_WHOM_OR_WHEN})|"
    # (or is only planned: "(site planned)", "This site is expected to open in 2026"; not "expected to
    # recruit 20 participants", a site's own target)
    rf"{planned_words.PLANNED})"
    rf"\b{_NOT_RECRUITING_ONLY}(?![ \t]+from[ \t]+(?!{_THE_TRIAL}))"
)
# ... with its subject ("site closed", "this site has closed", "which withdrew", "the site is no
# longer participating") or without one, where it stands alone after the site ("(closed)")
_SITE_NOUN = r"(?:study[ \t]+|trial[ \t]+)?(?:site|location|cent(?:er|re)|facility|hospital|institution)s?"
_SITE_VERBS = rf"(?:(?:{_VERB}|{_ADVERB}|permanently|also)[ \t]+){{0,3}}"
_SITE_SAID = (
    rf"(?:(?:(?:this|that|the|said|its)[ \t]+)?{_SITE_NOUN}[ \t]+|(?:which|that|it)[ \t]+)?{_SITE_VERBS}{_SITE_GONE}"
)
# ... as a sentence of its own after the entry, of a site by its noun ("This site closed in 2024.";
# "The study was terminated." is the trial's status, "It was closed." may be anything's)
_SITE_NEXT = rf"(?-i:This|That|The|Said)[ \t]+{_SITE_NOUN}[ \t]+{_SITE_VERBS}{_SITE_GONE}"
# (the clause's end, or by whom, when or from what: "closed in 2024", "withdrew from the study")
_SITE_TAIL = rf"(?=[ \t]*(?:[.;,!)\]]|\Z|\n)|{_BY_WHOM_OR_WHEN}|[ \t]+from\b)"
_SITE_AFTER = lazy(
    r"(?i)[ \t]*(?:"
    # in a parenthesis or a bracket, as its first words or a later clause's ("(site closed)",
    # "(recruiting; site terminated)")
    rf"[*_]{{0,2}}[(\[][ \t]*(?:[^)\]\n]*?[;,][ \t]*)?{_SITE_SAID}[^)\]\n]*[)\]]"
    # after a comma, a semicolon, a colon, a dash or a stop ("— site terminated", ": closed", ". Closed.")
    rf"|(?:[ \t]*[,;:\u2013\u2014]|[ \t]+--?|\.(?=[ \t]))[ \t]*{_SITE_SAID}{_SITE_TAIL}"
    # as the next sentence ("Shanghai, China. This site has closed.")
    r"|(?:[ \t]+[^\s.!?:;,()\[\]]+){0,6}?(?:[ \t]*[(\[][^)\]\n]{0,40}[)\]])?[.!?]?[ \t\n]+"
    rf"{_SITE_NEXT}"
    r")"
)
# ... and a label before it calling the sites so: "Closed sites: Shanghai", "Sites no longer
# participating: Shanghai", "Terminated locations (2): Shanghai"
# (or only planned: "Planned sites: Shanghai", "Proposed locations: Shanghai")
# (or of the trial's past: "Past sites:", "Erstwhile locations:", "Ex-sites:")
_SITE_GONE_LABEL = (
    rf"(?:closed|terminated|discontinued|deactivated|non-?participating|former|past|erstwhile|{planned_words.PLANNED})"
)
_SITE_BEFORE = lazy(
    rf"(?i)(?:(?:\b{_SITE_GONE_LABEL}(?:[ \t]+[a-z]+){{0,2}}?[ \t]+|\bex-){_SITE_NOUN}"
    rf"|\b{_SITE_NOUN}[ \t]+{_SITE_VERBS}{_SITE_GONE})\b[^:\n.;]{{0,20}}:[ \t]*\Z"
)
# A sponsor's or an official's own words for being out of the trial (with party): the person stepped down,
# resigned, withdrew, left the study or died, the sponsorship or the role was transferred or handed over
# to another ("(stepped down)", "(resigned in 2024)", "- left the study", "(sponsorship transferred to
# Beta Corp)"), or is yet to be appointed ("(to be appointed)"); or stood down, relinquished the role,
# departed, moved on, left at a time ("(left in 2024)"; "(left)" alone places a person in a photograph,
# "left in charge" keeps one), or was succeeded by another ("(succeeded by Zhang Wei)"); not one that
# took it over ("(transferred from Beta Corp)" names this sponsor's predecessor, "(succeeded Beta Corp)"
# this one), nor one that left another post ("(left Ruijin Hospital in 2023)" moves an affiliation)
_PARTY_GONE = (
    r"(?:(?:has|have|had|since|later|subsequently)[ \t]+)*"
    r"(?:(?:stepped|stood)[ \t]+down|resigned|withdrew|deceased|died|passed[ \t]+away|"
    r"(?:left|departed|moved[ \t]+on)(?![ \t]+in[ \t]+charge\b)"
    r"(?=[ \t]+(?:the|this)[ \t]+(?:study|trial|project|post|position|role|sponsorship)\b"
    rf"|{_BY_WHOM_OR_WHEN})|(?:departed|moved[ \t]+on)(?=[ \t]*(?:[.;,!)\]]|\Z|\n))|"
    r"relinquished(?:[ \t]+(?:the|its|his|her|their)[ \t]+(?:role|post|position|sponsorship))?|"
    r"succeeded[ \t]+by\b|"
    # (or its term is over, with no date: "(term expired)", "(sponsorship ended)", "- role ended")
    r"(?:(?:its|his|her|their|the)[ \t]+)?(?:term|tenure|role|sponsorship|appointment|mandate)[ \t]+"
    r"(?:(?:has|had|was)[ \t]+)?(?:ended|expired|lapsed|concluded|terminated)"
    r"(?=[ \t]*(?:[.;,!)\]]|\Z|\n)|[ \t]+(?:by|due|because|following|upon|early|prematurely)\b)|"
    r"(?:(?:sponsorship|role|responsibility|post|position)[ \t]+(?:(?:was|has[ \t]+been)[ \t]+)?)?"
    r"(?:transferred|handed[ \t]+over|passed|reassigned)(?=[ \t]+to\b|[ \t]*[)\];,.])|"
    # (or is not one yet: "(to be appointed)", "(appointment pending)")
    r"(?:yet[ \t]+)?to[ \t]+be[ \t]+(?:appointed|nominated|named|designated)|appointment[ \t]+pending|"
    r"pending[ \t]+(?:\w+[ \t]+)?appointment)"
)
# What a source calls a party's role, of each role a record gives one (evidence names it: a sponsor's
# "sponsor", an official's its role, PARTY_ROLE_ANY where the record gives none): "(former PI)" ends a
# principal investigator's role, and leaves a principal investigator who was once a study's director,
# "Principal Investigator: Wang Li (former Study Director)", one
PARTY_ROLES: dict[str, str] = {
    "sponsor": r"(?:(?:lead[ \t]+|study[ \t]+|trial[ \t]+)?sponsor|responsible[ \t]+party|funder)",
    "PRINCIPAL_INVESTIGATOR": (
        r"(?:(?:study[ \t]+|trial[ \t]+|overall[ \t]+)?(?:(?:principal|lead|chief)[ \t]+investigator|PI))"
    ),
    "STUDY_DIRECTOR": r"(?:(?:study[ \t]+|trial[ \t]+|medical[ \t]+)?director)",
    "STUDY_CHAIR": r"(?:(?:study[ \t]+|trial[ \t]+)?chair(?:man|woman|person)?)",
    "SUB_INVESTIGATOR": r"(?:sub-?[ \t]*investigator)",
}
PARTY_ROLE_ANY = "|".join(PARTY_ROLES.values())
# (an official whose role the record does not give: any official's)
PARTY_ROLE_OFFICIAL = "|".join(v for k, v in PARTY_ROLES.items() if k != "sponsor")
# ... and the words that say the party holds it no more, before the role ("(former PI)", "(ex-PI)",
# "(formerly the sponsor)", "- past PI", "(no longer the PI)", "(emeritus PI)") or after it ("(PI
# emeritus)"), to the clause's end or by whom or when ("former PI of the pilot study" held another
# study's role); or alone, "(retired)", "(retired in 2024)", "- now retired". An interim or an acting one
# holds the role now, and "Professor Emeritus" is a title of rank, no role of the trial's: each leaves
# the name standing, as does a former post of another kind ("(former head of rheumatology)")
_ROLE_ENDED_WORDS = (
    r"(?:former(?:ly)?|previous(?:ly)?|past|erstwhile|retired|outgoing|departed|one-?time|emerit(?:us|a)|"
    r"ex(?![ \t]+officio)|no[ \t]+longer|until[ \t]+recently|ceased[ \t]+to[ \t]+be)"
)
# ... or one of them alone in a parenthesis, as its first words or past another clause ("(past)", "(PI,
# former)", "(MD; previous)")
_ROLE_ENDED_ALONE = r"(?:former|previous|past|erstwhile|outgoing|departed|ex)"
_RETIRED = (
    r"(?:(?:now|since|has|have|had)[ \t]+)*retired"
    r"(?=[ \t]*(?:[.;,!)\]]|\Z|\n)|[ \t]+(?:in|on|since|as[ \t]+of|at|effective)\b"
    r"|[ \t]+(?:from|as)[ \t]+(?:the|this|its)[ \t]+(?:study|trial|project|post|position|role|sponsorship)\b)"
)

# ... and a label before the name that says so, of a sponsor's or an official's noun (_BEFORE reads
# "Former", "Previous", "Outgoing" and "Ex-" labels of any field): "Past sponsor:", "Erstwhile Principal
# Investigator:", "Retired PI:", "Ex Principal Investigator:", "Sponsor (former):", "Principal
# Investigator (retired):", "Principal Investigator Emeritus:"; not "Interim sponsor:" or "Acting
# Principal Investigator:", who hold it now
_PARTY_LABEL = rf"(?:sponsors?|responsible[ \t]+part(?:y|ies)|funders?|{_OFFICIALS})"
_PARTY_ENDED_LABEL = (
    r"(?:former|previous|past|erstwhile|retired|outgoing|departed|one-?time|emeritus|ex|until[ \t]+recently)"
)
_PARTY_BEFORE = lazy(
    rf"(?i)(?:\b(?:(?:past|erstwhile|retired|departed|one-?time|emeritus|ex)(?:[ \t]+[a-z]+){{0,2}}?[ \t]+"
    r"|ex-(?:[a-z]+[ \t]+){0,2}?)(?<!officio[ \t])"
    rf"{_PARTY_LABEL}(?!-)\b[^:\n.;]{{0,20}}"
    rf"|\b{_PARTY_LABEL}(?:[ \t]+emeritus|[ \t]*[(\[][ \t]*{_PARTY_ENDED_LABEL}[ \t]*[)\]])[ \t]*)"
    r":[ \t]*\Z"
)

# ... or, in running words, the role right before the name that says so: "The former principal
# investigator, Wang Li, said", "Former PI Dr. Wang Li", "ex-sponsor Acme Bio" (of the record's role:
# "Former Study Director Wang Li" of a principal investigator names a post once held)


def _party_before(role: str) -> re.Pattern[str]:
    return lazy(
        rf"(?i)(?:\bex-|\b{_ROLE_ENDED_WORDS}[ \t]+(?:(?:the|a|an|its|our)[ \t]+)?)(?:(?:study|trial)[ \t]+)?(?:{role})"
        r"[ \t]*,?[ \t]*(?:(?-i:Dr|Prof|Professor|Mr|Ms|Mrs|Mx)\.?[ \t]+)?\Z"
    )


# ... and the words that end its role at a date ("(PI until 2023)", "(sponsor until March 2024)",
# "(2019-2023)", "(served as PI from 2019 to 2023)", "- term ended in 2024", "Sponsor until March
# 2024:", "Principal Investigator (2019-2023):"): an end stated, which takes the party back unless the
# source's own as-of date shows the role still held then (taken_back's held); not a start ("(PI since
# 2023)", "(appointed in 2023)"), nor an end that is none ("(2019-present)", "(until further notice)")
_MONTH_NAME = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_TEXT = (
    rf"(?:[0-9]{{4}}(?:-[0-9]{{2}}){{0,2}}"
    rf"|(?:[0-9]{{1,2}}[ \t]+)?{_MONTH_NAME}(?:[ \t]+[0-9]{{1,2}},?)?[ \t]+[0-9]{{4}})"
)
_UNTIL = (
    r"(?:(?:from|since|between)[ \t]+"
    rf"{_DATE_TEXT}[ \t]*(?:[-\u2013\u2014]|to|until|till|through|thru|and)[ \t]*"
    rf"|{_DATE_TEXT}(?:[ \t]*[-\u2013\u2014]|[ \t]+(?:to|until|till|through|thru)[ \t])[ \t]*"
    r"|(?:until|till|through|thru|up[ \t]+to|ended|ending|ends|expired|expires|expiring)"
    r"(?:[ \t]+(?:in|on))?[ \t]+(?:(?:the[ \t]+)?end[ \t]+of[ \t]+)?)"
    rf"(?P<end>{_DATE_TEXT})(?![\w-])"
)
_PARTY_UNTIL_BEFORE = lazy(rf"(?i)\b{_PARTY_LABEL}(?:[ \t]*[(\[])?[ \t]*{_UNTIL}[ \t]*[)\]]?[ \t]*:[ \t]*\Z")

# ... and, of an open status (recruiting, enrolling, available), the words right after it that end it at a
# date ("Recruiting until March 2024", "Recruiting (ended 2024)", "Recruiting 2019-2023") or begin it at one
# ("Recruiting from 2026", "Recruiting, to start in March 2026"): read against the source's as-of date
# (status_out_of_time); "Recruiting since 2024" says when it began, which agrees with it
_STATUS_UNTIL = lazy(rf"(?i)[ \t]*(?:[(\[,;:\u2013\u2014][ \t]*|[ \t]+--?[ \t]*)?{_UNTIL}")
_STATUS_FROM = lazy(
    r"(?i)[ \t]*(?:[(\[,;:\u2013\u2014][ \t]*|[ \t]+--?[ \t]*)?"
    r"(?:from|starting|beginning|opening|opens|(?:(?:is|are)[ \t]+)?to[ \t]+(?:start|open|begin))"
    rf"(?:[ \t]+(?:in|on))?[ \t]+(?P<start>{_DATE_TEXT})(?![\w-])"
)


def status_out_of_time(text: str, at: int, held: Callable[[str], bool]) -> bool:
    """Whether the words from text[at], right after an open status, say it is not open at the source's
    as-of date: an end they give that the as-of date does not fall wholly before (held, date_mentions.held_before:
    an end stated is an end where no as-of date shows otherwise), or a start that it does."""
    until = _STATUS_UNTIL.match(text, at)
    if until is not None and not held(until.group("end")):
        return True
    start = _STATUS_FROM.match(text, at)
    return start is not None and held(start.group("start"))


def _party_until(role: str) -> re.Pattern[str]:
    """The words right after a sponsor's or an official's name that end its role (a pattern of PARTY_ROLES)
    at a date, the date as group "end"."""
    tenure = (
        r"(?:(?:who|which)[ \t]+)?(?:(?:served|acting|was|were|is|are|been|has[ \t]+been|had[ \t]+been)[ \t]+"
        r"(?:as[ \t]+)?)?(?:(?:the|a|an|its)[ \t]+)?(?:(?:study|trial)[ \t]+)?"
        r"(?:(?:interim|acting|temporary)[ \t]+)?"
        rf"(?:(?:{role}|role|term|tenure|sponsorship|appointment|post|position)[ \t]+)?{_UNTIL}"
    )
    # (in a parenthesis or a bracket, as its first words or a later clause's, to its close; or after a
    # comma, a colon or a dash)
    # (or as the name's predicate, with its verb: "Wang Li was the principal investigator until 2023")
    return lazy(
        r"(?i)[ \t]*(?:(?P<open>[*_]{0,2}[(\[][ \t]*(?:[^)\]\n]*?[;,][ \t]*)?)"
        r"|(?:[ \t]*[,;:\u2013\u2014]|[ \t]+--?)[ \t]*"
        r"|(?<=[\w.])[ \t]+(?=(?:served|acted|was|were|has[ \t]+been|had[ \t]+been)[ \t]))"
        rf"{tenure}(?(open)[^)\]\n]*[)\]])"
    )


def _party_after(role: str) -> re.Pattern[str]:
    """The words right after a sponsor's or an official's name that say they are out of the trial:
    _PARTY_GONE, the words that say they hold role (a pattern of PARTY_ROLES) no more, and a next
    sentence saying either (_party_next)."""
    # (to the clause's end, by whom or when, or over what time: "(former PI until 2023)")
    # (with its article, "the former principal investigator", or as what it once served as, "previously
    # served as principal investigator")
    ended = (
        rf"(?:(?:(?:the|a|an|its|our)[ \t]+)?(?:ex-|{_ROLE_ENDED_WORDS}[ \t]+(?:(?:the|a|an|its|our)[ \t]+)?)(?:{role})"
        r"|(?:previously|formerly|once|earlier)[ \t]+(?:served|acted|worked)[ \t]+as[ \t]+(?:(?:the|a|an|its)[ \t]+)?"
        rf"(?:{role})|(?:{role})[ \t]+emerit(?:us|a)|{_RETIRED})"
        rf"(?![\w-])(?=[ \t]*(?:[.;,!)\]]|\Z|\n)|{_BY_WHOM_OR_WHEN}|[ \t]+(?:until|till|through|from|between)\b)"
    )
    return lazy(
        r"(?i)[ \t]*(?:"
        rf"[*_]{{0,2}}[(\[][ \t]*(?:[^)\]\n]*?[;,][ \t]*)?(?:(?:who|which|it|he|she|they)[ \t]+)?"
        rf"(?:{_PARTY_GONE}|(?:(?:is|was|are|were|has|have)[ \t]+)?{ended})"
        r"[^)\]\n]*[)\]]"
        rf"|[*_]{{0,2}}[(\[][ \t]*(?:[^)\]\n]*?[;,][ \t]*)?{_ROLE_ENDED_ALONE}[ \t]*[)\]]"
        rf"|(?:[ \t]*[,;:\u2013\u2014]|[ \t]+--?)[ \t]*(?:(?:who|which)[ \t]+)?"
        rf"(?:{_PARTY_GONE}|(?:(?:is|was|are|were|has|have)[ \t]+)?{ended})"
        # (or as the name's predicate: "Wang Li stepped down as PI in 2024", "Wang Li was formerly the PI")
        rf"|[ \t]+(?:{_party_said(role)}|(?:is|was|are|were|has[ \t]+been|had[ \t]+been)[ \t]+{ended}"
        rf"|(?:previously|formerly|once|earlier)[ \t]+{ended})"
        # (or as the next sentence, past the words of the name's own clause: _party_next)
        r"|(?:[ \t]+[^\s.!?:;,()\[\]]+){0,6}?(?:[ \t]*[(\[][^)\]\n]{0,40}[)\]])?[.!?]?[ \t\n]+"
        rf"{_party_next(role)}"
        r")"
    )


class Party(NamedTuple):
    """The words that take back a party of one role (a pattern of PARTY_ROLES): before its name
    (_party_before), ending its role at a date after it (_party_until), and saying it is out of the
    trial after it (_party_after)."""

    before: re.Pattern[str]
    until: re.Pattern[str]
    after: re.Pattern[str]


def _party_next(role: str) -> str:
    """A sentence after a sponsor's or an official's name that says it is out of the trial, of it by a
    pronoun or by its role ("She has since stepped down.", "It withdrew from the study in 2024.", "The
    PI retired in 2024.", "He is no longer the PI.", "The sponsor was replaced by Beta Corp."): to the
    clause's end, by whom or when, or from the trial or the role ("She withdrew consent", "He retired from
    Ruijin Hospital", "The sponsor withdrew the study" say another thing). A person's name in it may be
    another's, and is not read."""
    subject = rf"(?:(?-i:He|She|They|It)|(?-i:The|This|Its)[ \t]+(?:{role}))"
    return rf"{subject}[ \t]+{_party_said(role)}"


def _party_said(role: str) -> str:
    """The predicate of a sentence saying a party is out of the trial (_party_next), or of its name's own
    clause ("Wang Li stepped down as PI in 2024")."""
    gone = (
        rf"(?:{_PARTY_GONE}|{_RETIRED}"
        rf"|(?:is|was|are|were)[ \t]+no[ \t]+longer[ \t]+(?:(?:the|a|an|its)[ \t]+)?(?:{role})"
        r"|(?:was|were|has[ \t]+been|have[ \t]+been)[ \t]+(?:replaced|succeeded|superseded)[ \t]+by)"
    )
    # (and "left" what _PARTY_GONE says it left: "She left the study in 2024")
    tail = (
        rf"(?=[ \t]*(?:[.;,!)\]]|\Z|\n)|{_BY_WHOM_OR_WHEN}"
        r"|[ \t]+(?:from|as)[ \t]+(?:(?:the|this|its|a|an)[ \t]+)?"
        rf"(?:study|trial|project|role|post|position|sponsorship|{role})\b|(?<=by)|(?<=left)[ \t]+(?:the|this)[ \t])"
    )
    return rf"(?:(?:has|have|had|since|later|subsequently|now|then)[ \t]+)*{gone}{tail}"


# Each role's words, compiled when first used (a role's words after a name are 15,000 characters of
# pattern, 20 ms to compile): made from the roles' text alone, as every module's patterns are. Compiled
# once a run instead, they were compiled again by every run of a process (the tests run the tool in one
# process about 6,000 times).
_PARTIES = {
    role: Party(_party_before(role), _party_until(role), _party_after(role))
    for role in (*PARTY_ROLES.values(), PARTY_ROLE_OFFICIAL, PARTY_ROLE_ANY)
}


def party(role: str = PARTY_ROLE_ANY) -> Party:
    """The words that take back a party of role: a value of PARTY_ROLES, PARTY_ROLE_OFFICIAL or
    PARTY_ROLE_ANY."""
    return _PARTIES[role]


# ... and, of a value that has no estimate of its own (with planned: a term, a site, a dose), the words
# right after it that say it is only planned (planned.PLANNED): in a parenthesis or a bracket, as its
# first words or a later clause's, after the value's noun or a verb ("(planned)", "(proposed for
# 2026)", "(site planned)", "(recruiting; tentative)"); after a comma, a colon or a dash ("- planned",
# ": proposed", ", tentatively"); or as the value's predicate ("Randomized is planned"). Each only where
# the plan ends its clause or has a time after it ("planned for 2026", "expected in Q3"): "(scheduled on
# Day 0)" times an infusion, "(intended for patients over 60 kg)" names whom a dose is for,
# "Recruiting; planned enrollment 60" plans a count
_PLANNED_NOW = (
    r"(?:(?:is|are|was|were|to[ \t]+be|being|been|has|have|will[ \t]+be|only|still|currently|now|also)[ \t]+)*"
)
_PLANNED_TIME = (
    r"(?:for|in|from|by|since|as[ \t]+of|after|until|around|during)[ \t]+(?:(?:early|late|mid|next|later|future|"
    r"the[ \t]+(?:first|second|third|fourth|next|end|start|beginning)|a[ \t]+later|(?:jan|feb|mar|apr|may|jun|jul|"
    r"aug|sep|oct|nov|dec)[a-z]*|spring|summer|autumn|fall|winter|Q[1-4]|H[12])\b|[0-9])"
)
# (the value's own noun: "(planned site)", "(proposed dose)", "(design planned)"; not a count's, "(enrollment
# expected to begin soon)" plans the site's recruitment)
_PLANNED_NOUN = (
    rf"(?:{_SITE_NOUN}|(?:figure|value|entry|item|statement|dose|design|arm|cohort|regimen|allocation|masking|"
    r"model|purpose|domain|agent|route|target|version|construct|product|formulation|"
    # (a condition's, by whom it enrols: "Lupus Nephritis patients may be added later")
    r"patient|participant|subject|population)s?|targeting)"
)
_PLANNED_TAIL = rf"(?:[ \t]+{_PLANNED_NOUN})?(?=[ \t]*(?:[.;,!)\]]|\Z|\n)|[ \t]+{_PLANNED_TIME})"
# (and the words that say it waits on a decision, whatever follows them: "(pending approval)", "(subject to
# confirmation)", "- under consideration", "(if approved)")
_PENDING = r"(?:pending|awaiting)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:approval|confirmation|agreement|decision|activation)"
_WAITING = (
    rf"(?:{_PENDING}"
    r"|subject[ \t]+to[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:approval|confirmation|agreement|change)"
    r"|under[ \t]+(?:consideration|discussion|negotiation|development|review)|if[ \t]+approved"
    # (or that it is not settled yet: "Masking: Double, to be confirmed", "(not yet confirmed)")
    rf"|(?:(?:yet|still)[ \t]+)?to[ \t]+be[ \t]+{_SETTLED}"
    rf"|not[ \t]+(?:yet[ \t]+)?{_UNSETTLED}|unconfirmed|undecided|tb[cd])"
)
_UNDECIDED = (
    rf"(?:{_WAITING}"
    # (or alone, closing a bracket: "(BCMA pending)")
    rf"|(?:pending|optional|{planned_words.HEDGED}|tentative(?:ly)?)(?=[ \t]*[)\]]))\b"
)
_PLAN = rf"(?:{planned_words.PLANNED}\b{_PLANNED_TAIL}|{_UNDECIDED})"
_PLANNED_AFTER = lazy(
    r"(?i)[ \t]*(?:"
    rf"[*_]{{0,2}}[(\[][ \t]*(?:[^)\]\n]*?[;,][ \t]*)?(?:{_PLANNED_NOUN}[ \t]+)?{_PLANNED_NOW}"
    rf"{_PLAN}[^)\]\n]*[)\]]"
    rf"|(?:[ \t]*[,;:\u2013\u2014]|[ \t]+--?)[ \t]*{_PLANNED_NOW}{_PLAN}"
    rf"|[ \t]+(?:is|are|was|were|will[ \t]+be|has[ \t]+been|have[ \t]+been|remains?)[ \t]+{_PLANNED_NOW}"
    rf"{planned_words.PLANNED}\b{_PLANNED_TAIL}"
    # ... or after the value's own noun ("BCMA targeting planned", "CD28 domain proposed", "BCMA version under
    # development"), or alone where the plan closes a bracket the value opens ("(BCMA pending)"), or as what a
    # version of it may later be ("a BCMA arm may be added later"): the value is not the trial's yet
    rf"|[ \t]+{_PLANNED_NOUN}[ \t]+{_PLANNED_NOW}{_PLAN}"
    rf"|[ \t]+{_PLANNED_NOW}(?:{planned_words.PLANNED}\b|{_UNDECIDED})[ \t]*[)\]]"
    rf"|[ \t]+(?:{_PLANNED_NOUN}[ \t]+)?(?:may|might|could|will|would|is[ \t]+to)[ \t]+"
    r"(?:(?:later|also|eventually|still|then)[ \t]+){0,2}be[ \t]+"
    r"(?:added|introduced|included|opened|developed|explored|considered)\b"
    # ... or only where a need arises ("subcutaneous if needed", "cyclophosphamide, as needed", "(if
    # necessary)", "where feasible"): a term, a site or a dose given on a condition is not the trial's own
    r"|[ \t]*(?:,[ \t]*|[(\[][ \t]*|[ \t]+)(?:only[ \t]+)?(?:if|when|where|as)[ \t]+"
    r"(?:clinically[ \t]+)?(?:needed|necessary|required|indicated|feasible|possible|appropriate|tolerated)\b"
    r")"
)
# ... and, of such a value, the words right after it that say it was dropped: a participle closing a
# bracket it stands in or opens ("(BCMA dropped)", "(BCMA later discontinued)", "Randomized (dropped)"),
# or a verb's ("BCMA was dropped", "CD28 has been discontinued"). Of a value only that has no count of
# its own: "(5 withdrawn)" counts participants
_DROPPED = r"(?:dropped|discontinued|abandoned|omitted|eliminated|removed|deleted)"
_DROPPED_AFTER = lazy(
    r"(?i)[ \t]*(?:"
    rf"(?:[(\[][ \t]*)?(?:(?:since|later|subsequently|then|now)[ \t]+)?(?:{_DROPPED}|{_UNDONE})[ \t]*[)\]]"
    # (or after a comma, with the word of when: "SRI-4 response at week 24, later dropped")
    rf"|[,;][ \t]*(?:since|later|subsequently|then|now)[ \t]+{_DROPPED}\b"
    r"|[ \t]+(?:was|were|is|are|has[ \t]+been|have[ \t]+been|had[ \t]+been|will[ \t]+be)[ \t]+"
    rf"(?:(?:since|later|subsequently|then|now|also)[ \t]+)?{_DROPPED}\b"
    r")"
)
# ... and, of a term, a site or a party, the words right after it that leave it open on a condition
# (planned.CONDITIONS): "Randomized if enough patients enrol", "Masking: Double, provided the placebo is
# available", "Allocation: Randomized (subject to funding)", "Shanghai, China (if funded)", "Sponsor: Acme
# Bio (subject to contract)". Not a participant's condition (_THEIRS), which says whom the value is for,
# not whether it holds ("randomized if eligible", "if they consent"); a dose's
# and an age's conditions are of that kind mostly ("if body weight is under 60 kg"), and are read by
# their own readers (not_dosed, lexicon); so are those of a term of whom the trial enrols
# (vocabulary.Reading.left_open_by_a_condition)
# (the words of a participant's condition, after the condition's word: whom a value is for, not whether
# it holds; a count's condition is read by them too, count_left_open)
_THEIRS = (
    r"[ \t]+(?:that[ \t]+)?(?:they|he|she|he/she|s/he|each|every|those|their|his|her|"
    r"(?:(?:the|a|an|any)[ \t]+)?(?:patient|participant|subject|individual|person|child|adolescent|adult|women|men)s?|"
    r"you|your|(?:in)?eligib\w*|qualif\w*|willing|able|(?:informed[ \t]+)?consent\w*|screening|otherwise|"
    r"(?:contra-?)?indicated|clinically|medically)(?![\w-])"
)
# (a condition's word, not a participant's condition: what left_open and count_left_open both read)
_A_CONDITION = rf"(?<![\w-]){planned_words.CONDITIONS}(?![\w-])(?!{_THEIRS})"
_LEFT_OPEN = lazy(rf"(?i)[ \t]*(?:,[ \t]*|[(\[][ \t]*|[ \t]+)(?:only[ \t]+)?{_A_CONDITION}")


def dropped(text: str, at: int) -> bool:
    """Whether the words from text[at], right after a value, say it was dropped (_DROPPED_AFTER): for the
    texts that words of a plan do not take back (an outcome, an intervention, an arm), which taken_back
    with planned reads for the others."""
    return _DROPPED_AFTER.match(text, at) is not None


# ... and, of an outcome, an intervention or an arm, the words right before it that leave it a mere
# possibility: a verb of what may be ("The primary endpoint may be SRI-4 response", "could instead be")
# or a hedge ("SRI-4 response or possibly BICLA response", "perhaps rituximab"); "will be" and "would
# be" say what the trial will do; an adverb between ("might well be", "may eventually be", "may possibly
# be"), another verb of becoming ("could become", "might change to", "may include"), a colon or a bracket
# after it ("may be: ...", "may be (tentatively) ...") or "also" after a hedge ("possibly also") hedge it too
# (or a verb of receiving, of an intervention: "Patients may receive rituximab", "may also be given", "might be
# treated with")
_MAY_BE = (
    r"(?i)(?:\b(?:may|might|could)[ \t]+"
    rf"(?:(?:also|either|instead|still|well|even|eventually|ultimately|later|yet|{planned_words.HEDGED})[ \t]+)*"
    r"(?:be[ \t]+(?:given|treated[ \t]+with|offered|administered)|be|become|change[ \t]+to|switch[ \t]+to|include"
    r"|receive|undergo|get)"
    rf"|\b{planned_words.HEDGED}(?:[ \t]+(?:also|even|instead))?)"
    r"(?:[ \t]*:|[ \t]*\([^()\n]{0,30}\))?[ \t]+(?:(?:either|the|a|an)[ \t]+)?"
)
_MAY_BE_BEFORE = lazy(_MAY_BE + r"\Z")
# ... or, after such words, another alternative of what they leave open, joined by "or" in their clause
# ("may be either BICLA response or SRI-4 response": SRI-4 as much as BICLA)
_MAY_BE_OR = lazy(_MAY_BE + r"[^.;:!?\n()\[\]]{1,80}?(?<![\w-])or[ \t]+(?:(?:the|a|an)[ \t]+)?\Z")


def may_be(text: str, at: int) -> bool:
    """Whether the words right before text[at], an outcome, an intervention or an arm, leave it only a
    possibility (_MAY_BE_BEFORE, _MAY_BE_OR)."""
    lo = max(0, at - 80)
    return _MAY_BE_BEFORE.search(text, lo, at) is not None or _MAY_BE_OR.search(text, max(0, at - 200), at) is not None


# ... or the words after it, in its clause, that say it is no outcome of the trial's ("SRI-4 response at
# week 24 is not an endpoint", "is no longer a primary endpoint"; not "is not only the primary endpoint",
# nor a relative clause's, "which is not a secondary endpoint", of the outcome the trial has)
_NO_OUTCOME_AFTER = lazy(
    r"(?i)(?:[ \t]+(?!(?:which|that|who|and|but|or)(?![\w-]))[^\s.,;:!?()\[\]]+){0,6}?[ \t]+"
    r"(?:is|are|was|were|will[ \t]+be|has[ \t]+been|have[ \t]+been)[ \t]+(?:not|no[ \t]+longer)[ \t]+"
    r"(?!only\b)(?:(?:an?|the|one[ \t]+of[ \t]+the)[ \t]+)?(?:(?:primary|secondary|main|key|study|trial's?|"
    r"efficacy|safety|exploratory)[ \t]+)*(?:end-?points?|outcomes?(?:[ \t]+measures?)?)\b"
)


def no_outcome(text: str, at: int) -> bool:
    """Whether the words from text[at], right after an outcome, say in its clause that it is none
    (_NO_OUTCOME_AFTER)."""
    return _NO_OUTCOME_AFTER.match(text, at) is not None


def left_open(text: str, at: int) -> bool:
    """Whether the words from text[at], right after a term, a site or a party, leave it open on a condition
    the source does not say is met (_LEFT_OPEN)."""
    return _LEFT_OPEN.match(text, at) is not None


def left_open_before(text: str, start: int) -> bool:
    """Whether a condition before the term at text[start:] leaves it open, as one after it does: the
    clause a condition opens, set off by its comma, then a few words of the term's own ("If funding
    allows, the trial will be randomized", "Subject to funding, the study will be double-blind"), or a
    label the condition stands in ("Allocation (if funded): Randomized")."""
    return _LEFT_OPEN_BEFORE_TERM.search(text, max(0, start - _REACH - 80), start) is not None


# ... or a label right before it that says so, of the value's own noun: "Planned allocation: Randomized",
# "Allocation (proposed): Randomized", "Allocation - expected: Randomized", "Proposed dose: 1×10^6
# CAR-T cells/kg", "Tentative minimum age: 18 years" ("Planned enrollment: 60" labels a count, whose plan
# is its estimate, read without planned); or the word itself, between a label and the value ("Allocation:
# planned Randomized", "Dose: (proposed) 1×10^6 CAR-T cells/kg"): in running text a plan word before a
# term may be the trial's ("a planned randomized study": a study not begun, randomized), so only there
_PLANNED_LABEL_NOUN = (
    r"(?:allocation|masking|blinding|model|purpose|design|dos(?:e|es|age|ages|ing)|regimens?|sites?|locations?|"
    r"cent(?:er|re)s?|facilit(?:y|ies)|hospitals?|ages?|routes?|domains?|constructs?|origin|agents?|"
    r"lymphodepletion|conditioning|sex|gender|type|"
    # (a sponsor's and an official's: "Proposed sponsor: Acme Bio", "Tentative Principal Investigator: Wang Li")
    rf"sponsors?|{_OFFICIALS}|party)"
)
_PLAN_WORDS = (
    rf"(?:{planned_words.PLANNED}|under[ \t]+(?:consideration|discussion|review)|to[ \t]+be[ \t]+confirmed|tb[cd])"
)
_PLAN_WORD = rf"(?:\b{_PLAN_WORDS}\b|[(\[][ \t]*{_PLAN_WORDS}[ \t]*[)\]])"
# (and, of a label only, the words of a value not yet chosen: "Potential sites:", "Candidate sponsor:")
_LABEL_PLAN = rf"(?:{planned_words.PLANNED}|potential|prospective|candidate|possible|provisional)"
_OPENED_BY_A_PLAN = rf":[ \t]*{_PLAN_WORD}[ \t]*:?[ \t]*\Z"
_PLANNED_BEFORE = lazy(
    rf"(?i)(?:(?:\b{_LABEL_PLAN}(?:[ \t]+[a-z]+){{0,2}}?[ \t]+{_PLANNED_LABEL_NOUN}\b[^:\n.;]{{0,20}}"
    rf"|\b{_PLANNED_LABEL_NOUN}(?:[ \t]+[a-z]+){{0,2}}?(?:[ \t]*|[ \t]*[,\u2013\u2014][ \t]*|[ \t]+--?[ \t]+)"
    rf"{_PLAN_WORD}[ \t]*):[ \t]*\Z|{_OPENED_BY_A_PLAN})"
)
_OPENED = lazy(rf"(?i){_OPENED_BY_A_PLAN}")


def opened_by_a_plan(text: str, start: int) -> bool:
    """Whether a plan word stands between a label and the value at text[start:] ("Status: expected
    Recruiting", "Phase: planned Phase 2"): for the values whose plans after them their own readers
    read (a status, a phase), which taken_back with planned does not read."""
    return _OPENED.search(text, max(0, start - _REACH), start) is not None


# A value whose plan is its estimate (a count: "Enrollment: 60 (anticipated)" gives its estimate) that
# the words around it leave open: on a condition ("60 patients (if funding allows)", "subject to funding",
# "depending on the interim analysis", "If funding allows, 60 patients ..."), undecided ("60 patients, to
# be confirmed", "(number not yet decided)", "60 patients. This number is yet to be confirmed.", "60
# patients, possibly"), or an old plan a later count replaced ("60 patients originally planned; 20
# enrolled", "60 patients (initially expected)"). Each bound an enrollment of 60, read as its estimate.
# A participant's condition ("60 patients if eligible", "provided they consent", "subject to informed
# consent"), a condition that asks ("to determine if ..."), and a plan kept ("as originally planned")
# leave the count standing.
# ("if" asking, not supposing: "to determine if", "to assess if")
_ASKING = "".join(
    rf"(?<!{verb}[ \t])"
    for verb in (
        "determine", "assess", "evaluate", "see", "examine", "investigate", "explore", "establish", "know", "check",
        "verify", "ask", "learn", "understand", "decide", "confirm", "whether", "out",
    )
)  # fmt: skip
_ON_A_CONDITION = (
    rf"(?:{_ASKING}{_A_CONDITION}"
    # (or an absolute one: "funding permitting", "resources allowing")
    r"|(?<![\w-])(?:[\w-]+[ \t]+){1,2}?(?:permitting|allowing)(?=[ \t]*(?:[.;,)\]]|\Z|\n))"
    # (or a precondition still to be met: "once funding is secured", "once the amendment has been approved",
    # "once the IRB approves"; not "once daily", nor "once patients are enrolled", a step of the trial's own,
    # nor a participant's: "once eligibility is confirmed", "once informed consent is signed")
    # (or "as soon as", and its other words: "once the grant is awarded", "once we secure funding", "once funded")
    # (or "when", "whenever", "after": "when donor cells are available", "after funding is secured")
    rf"|(?<![\w-])(?:once|as[ \t]+soon[ \t]+as|when(?:ever)?|after)(?!{_THEIRS})[ \t]+"
    r"(?!(?:daily|weekly|monthly|a|an|per|only|again|more|every|or|and)\b)"
    r"(?:funded\b|[^.;,:()\[\]\n]{0,40}?\b(?:(?:is|are|has[ \t]+been|have[ \t]+been|gets?|becomes?)[ \t]+"
    r"(?:secured|granted|approved|obtained|available|received|confirmed|signed|raised|in[ \t]+place|lifted"
    r"|awarded|funded|renewed)"
    r"|approves|allows|permits|agrees|comes[ \t]+through|(?:we|they|the[ \t]+sponsor)[ \t]+"
    r"(?:secures?|obtains?|receives?|raises?)\b))"
    # (or "should" opening its clause, a condition inverted: "Should funding allow, ...", "..., should the
    # grant be renewed"; not the participants': "Should a patient relapse")
    rf"|(?:(?<=^)|(?<=[.;:!?,(\[\n])|(?<=[.;:!?,(\[\n][ \t]))should(?!{_THEIRS})(?=[ \t])"
    # (or what is still awaited, a resource the trial may not get: "Pending funding", "Upon donor supply",
    # "awaiting availability of donor cells"; not "upon infusion", a step of the trial's own)
    r"|(?<![\w-])(?:pending|awaiting|upon)[ \t]+(?:[\w-]+[ \t]+){0,2}?"
    r"(?:funding|funds|grants?|supply|supplies|availability)(?![\w-]))"
)
# (the words of the value's clause between it and a condition: a few, with no stop, comma or bracket, nor
# a relative clause's, which are the participants' own: "60 patients who will be retreated if relapse occurs";
# nor a power's, whose conditions are the statistics': "60 patients give 80% power if the true rate is 30%")
_OPEN_WORD = (
    r"(?!(?:who|whom|whose|where|when|while|power(?:ed)?|detect)(?![\w-]))"
    r"[^\s.,;:!?()\[\]]+(?![^\s.,;:!?()\[\]])"
)
_OPEN_GAP = rf"(?:[ \t]*[(\[\u2013\u2014][ \t]*{_OPEN_WORD})?(?:[ \t]+{_OPEN_WORD}){{0,8}}?"
# (a count's own nouns, which words of their own leave open: "(number to be determined)", "This figure is
# not yet final.")
_COUNT_NOUN = (
    r"(?:(?:the|this|that|its|final|exact|precise|total|actual|planned|target|overall)[ \t]+){0,2}"
    r"(?:number|figure|count|total|estimate|enrol+ment|sample[ \t]+size|target)"
    r"(?:[ \t]+of[ \t]+(?:participants|patients|subjects))?"
)
_OPEN_NOW = r"(?:(?:is|are|was|were|remains?|still|currently|now|being|has|have|been|also)[ \t]+)*"
# (the words that leave it undecided, hedged, or hanging on something: "to be confirmed", "possibly", "will
# depend on the interim analysis", "is contingent on funding")
_LEFT_OPEN_WORDS = (
    rf"(?:{_WAITING}\b|{planned_words.HEDGED}(?=[ \t]*(?:[.;,!)\]]|\Z|\n))"
    rf"|(?:(?:will|may|might|could|would|shall)[ \t]+)?depend(?:s|ing)?[ \t]+(?:on|upon)\b(?!{_THEIRS})"
    rf"|(?<=[ \t])(?:is|are|remains?)[ \t]+{_ON_A_CONDITION}"
    # (or waiting, right after it: "60 patients pending funding", "(awaiting a decision)"; or so, closing a
    # bracket: "(conditional)")
    rf"|(?:pending|awaiting)(?![\w-])(?!{_THEIRS})|(?:conditional|contingent)(?=[ \t]*[)\]]))"
)
_OLD_PLAN = rf"(?:{planned_words.PLANNED}|targeted|estimated|aimed[ \t]+for)\b"
_LEFT_OPEN_AFTER = lazy(
    r"(?i)(?:"
    # undecided: right after it, in its bracket, or after a comma, a semicolon, a colon or a dash
    r"[ \t]*(?:[(\[][ \t]*(?:[^)\]\n]*?[;,][ \t]*)?|[,;:\u2013\u2014][ \t]*|--?[ \t]*)?"
    rf"(?:(?:{_COUNT_NOUN}|this|which|it)[ \t]+)?{_OPEN_NOW}{_LEFT_OPEN_WORDS}"
    # on a condition, in its clause ("(if funding allows)", "will be enrolled, subject to funding")
    rf"|{_OPEN_GAP}[ \t]*(?:[,(\[\u2013\u2014][ \t]*|--?[ \t]*)?(?:but[ \t]+)?(?:only[ \t]+)?{_ON_A_CONDITION}"
    # ... or a bound of it on one, after a mark or in its clause ("60 patients; fewer if recruitment is slow",
    # ", more if funding allows": the count is not settled)
    r"|[ \t]*(?:[,;(\[\u2013\u2014][ \t]*|[ \t]+)(?:(?:or|but|and|possibly|perhaps|maybe)[ \t]+)?"
    r"(?:fewer|more|less|lower|higher|smaller|larger)(?:[ \t]+(?:patients|participants|subjects|people))?"
    r"(?:[ \t]+(?:may|might|could|will|would)[ \t]+be[ \t]+(?:enrol+ed|recruited|included|treated))?"
    rf"[ \t]*,?[ \t]+{_ON_A_CONDITION}"
    # ... or "should" opening one after a comma or a bracket ("60 patients, should funding allow")
    rf"|{_OPEN_GAP}[ \t]*[,(\[][ \t]*should(?![ \t]+(?:be|have|not|also|only)\b)(?![\w-])(?!{_THEIRS})"
    # an old plan: "60 patients originally planned", "(initially expected)", "were originally targeted",
    # "60 patients originally; now 20" ("as originally planned" keeps it); "(original target)", "(initial
    # estimate)"; or one changed since, with no new one given ("(later reduced)", ", since revised": "(revised)"
    # alone says the value is the new one)
    r"|[ \t]*(?:[(\[][ \t]*|,[ \t]*)?(?:(?:was|were|had[ \t]+been|is|are)[ \t]+)?"
    rf"(?:originally|initially|at[ \t]+first)(?:[ \t]+{_OLD_PLAN}|(?=[ \t]*(?:[.;,)\]]|\Z|\n)))"
    r"|[ \t]*[(\[][ \t]*(?:original|initial|first|earlier|old)[ \t]+(?:planned[ \t]+)?"
    r"(?:estimate|target|plan|goal|figure|number|count|enrol+ment|sample[ \t]+size)\b"
    r"|[ \t]*(?:[(\[][ \t]*|,[ \t]*)?(?:(?:was|were|has[ \t]+been|had[ \t]+been)[ \t]+)?"
    rf"(?:later|since|subsequently)[ \t]+{_CHANGED}(?=[ \t]*(?:[.;,)\]]|\Z|\n))"
    r")"
)
# ... as the next sentence says of it ("60 patients. This number is yet to be confirmed.", "The final
# figure has not yet been decided.")
_LEFT_OPEN_NEXT = lazy(
    r"(?i)(?:[ \t]+[^\s.!?:;,()\[\]]+){0,6}?(?:[ \t]*[(\[][^)\]\n]{0,40}[)\]])?[.!?]?[ \t\n]+"
    rf"(?-i:It|This|That|The|Its|Said)(?:[ \t]+{_COUNT_NOUN})?[ \t]+"
    rf"(?:(?:is|are|was|were|remains?|still|currently|now|being|has|have|had|been|also)[ \t]+)*"
    rf"(?:{_LEFT_OPEN_WORDS}|not[ \t]+(?:yet[ \t]+)?been[ \t]+{_UNSETTLED}\b)"
)
# ... or a condition before it in its clause ("If funding allows, 60 patients will be enrolled", "Subject
# to funding, the study will enroll 60 patients", "Enrollment (if funded): 60"); or words before it that
# make it an old plan ("originally planned to enroll 60 patients", "the original target of 60 patients",
# "an initial sample size of 60")
_ABOUT = r"(?:(?:a[ \t]+total[ \t]+of|approximately|about|around|roughly|up[ \t]+to)[ \t]+)?"
_LEFT_OPEN_BEFORE = lazy(
    rf"(?i)(?:(?:{_ON_A_CONDITION}|\b{_PENDING}\b)[^.;!?\n]{{0,80}}"
    # (a label saying so: "Conditional enrollment: 60", "Contingent sample size:")
    r"|\b(?:conditional|contingent)[ \t]+(?:enrol+ment|sample[ \t]+size|target|number)\b[^:\n.;]{0,20}:[ \t]*"
    rf"|\b(?:originally|initially|at[ \t]+first)[ \t]+{_OLD_PLAN}"
    r"(?:[ \t]+to[ \t]+(?:enrol+|recruit|include|treat|randomi[sz]e|have))?[ \t]+"
    r"|\b(?:original|initial|previous|former|earlier)(?:ly)?[ \t]+"
    r"(?:(?:planned|estimated|projected|expected|intended|targeted)[ \t]+)?"
    r"(?:target|plan|estimate|enrol+ment(?:[ \t]+(?:target|goal))?|sample[ \t]+size|number|goal|figure|count|total)"
    r"[ \t]+(?:of|was|were|had[ \t]+been|is)[ \t]+"
    rf"){_ABOUT}\Z"
)


# (of a term: the condition's clause ends at its comma, the term's words after it few, no stop between:
# "If a DLT occurs, the dose is reduced; the study is randomized" leaves it; or a label holding it)
# (its clause set off by a colon or a dash as by a comma: "If funding allows: IM19 ...", "If funding allows -
# IM19 ..."; a bracket holding it before the term's words or a label: "(If funding allows) IM19 CAR-T cells
# will target ...", "Allocation (only if funded): Randomized")
_CONDITION_SET_OFF = r"(?:,|:|[ \t]+-(?=[ \t])|[ \t]*[\u2013\u2014])"
# (the term's words after it: a dozen at most, with no stop, comma or bracket; where no mark sets it off,
# the term stands in the condition's clause or runs on from it, in its sentence: "If funding allows IM19
# CAR-T cells will target CD19 and BCMA")
_TERMS_WORDS = r"(?:[ \t]+[^\s.;!?,:()\[\]]+){0,12}[ \t]+"
_LEFT_OPEN_BEFORE_TERM = lazy(
    rf"(?i)(?:(?<![^\s(\[]){_ON_A_CONDITION}[^.;!?\n,:()\[\]\u2013\u2014]{{0,80}}?{_CONDITION_SET_OFF}{_TERMS_WORDS}"
    rf"|(?<![^\s(\[]){_ON_A_CONDITION}[^.;!?\n,:()\[\]\u2013\u2014]{{0,80}}?[ \t]+"
    rf"|[(\[][ \t]*(?:only[ \t]+)?{_ON_A_CONDITION}[^)\]\n]{{0,60}}[)\]](?:[ \t]*:[ \t]*|{_TERMS_WORDS}))\Z"
)


def count_left_open(text: str, start: int, end: int) -> bool:
    """Whether the words around text[start:end], a count as the source writes it (its number and the word
    for those counted), leave it open: given on a condition, undecided or hedged, or as an old plan
    (_LEFT_OPEN_AFTER, _LEFT_OPEN_NEXT, _LEFT_OPEN_BEFORE). A count's plan is its estimate, which
    taken_back leaves standing; these words give no estimate."""
    return (
        _LEFT_OPEN_AFTER.match(text, end) is not None
        or _LEFT_OPEN_NEXT.match(text, end) is not None
        or _LEFT_OPEN_BEFORE.search(text, max(0, start - _REACH - 40), start) is not None
    )


# The other parts of an entry before a value of it ("Ruijin Hospital, " of "Closed sites: Ruijin
# Hospital, Shanghai"), read back to the label before the entry's first part
# (a part may have a bracket before its comma: "Ruijin Hospital (withdrawn), ")
_PART_WORDS = rf"{_PART_WORD}(?:[ \t]+{_PART_NEXT})*"
_PARTS_BEFORE = lazy(rf"(?:(?<![\w'\u2019.&-]){_PART_WORDS}(?:{_PART_BRACKET})?[ \t]*,[ \t]*){{1,4}}\Z")
_PART_BEFORE = lazy(rf"(?P<words>{_PART_WORDS})(?P<bracket>{_PART_BRACKET})?[ \t]*,[ \t]*")
# ... of which a site's facility opens the entry, and the words in a bracket after it or a part after it
# take back the parts after them ("Shanghai Hospital (withdrawn), Shanghai, China": the city of a site
# withdrawn); without a facility the parts may be a list's ("Sites: Beijing (closed), Shanghai"), each
# its own entry
_FACILITY = lazy(rf"\b{INSTITUTION.pattern}\b")


def taken_back(
    text: str,
    start: int,
    end: int,
    entry: bool = False,
    site: bool = False,
    planned: bool = False,
    party: Party | None = None,
    held: Callable[[str], bool] | None = None,
) -> bool:
    """Whether the words right around text[start:end], a value as the source writes it (a number with
    its unit, a date, a term), take it back: cancel it, withdraw it, say it does not apply or is yet to
    be decided, or replace it with another. With entry, the value is one part of an entry the source
    writes its parts of with commas (a site's facility, city, region and country), and the words after
    the entry's last part, or before its first, take it back too. With site, the entry is a site's, and
    words saying the site is out of the trial ("(site closed)", "— site terminated", "(no longer
    participating)") take it back too (_SITE_AFTER). With planned, the value has no estimate of its own
    (a term, a site, a dose; not a count or a date, whose plan is its estimate), and words right after
    it saying it is only planned ("(planned)", "- proposed", "is tentative") take it back too
    (_PLANNED_AFTER), as does a label of its noun saying so ("Planned allocation:", _PLANNED_BEFORE). With
    party, the entry is a sponsor's or an official's, and words saying they left the trial ("(stepped
    down)", "(sponsorship transferred to Beta Corp)") or hold its role (party: the words of its role,
    party) no more ("(former PI)", "(retired)") take it back too (_party_after), as does a label saying so
    ("Past sponsor:", "Principal Investigator (retired):", _PARTY_BEFORE). Words that end the role at a
    date ("(PI until 2023)", "Sponsor until March 2024:", _party_until) take it back unless held, given
    the date as written, says the source's as-of date shows the role still held then: an end stated
    is an end where none is given."""
    if _back_before(text, start, site, planned, party, held):
        return True
    # (a part of an entry, past the entry's parts before it: "Shanghai" of "Withdrawn sites: Ruijin
    # Hospital, Shanghai")
    said = _BACK_VALUE.fullmatch(text, start, end) is None
    after = _PartyAfter(party.after, party.until, held) if party else None
    # (an entry's text that holds the words taking it back, copied with them: "Acme Bio (withdrawn)", "Wang
    # Li (former PI)", "Shanghai (closed)"; read as if the value ended at each of its own breaks)
    if entry and any(
        _back_after(text, inner.start(), said, site, planned, after) for inner in _INNER.finditer(text, start, end)
    ):
        return True
    parts = _PARTS_BEFORE.search(text, max(0, start - _REACH * 3), start) if entry else None
    if parts is not None:
        first = parts.start()
        if _back_before(text, first, site, planned, party, held):
            return True
        if _taken_back_in_parts_before(text, first, start, end, said, site, planned, after):
            return True
    unit = _UNIT_AFTER.match(text, end)
    # (past a label's answer "yes": "Has Results: Yes (withdrawn)", the label the value's term)
    answer = _YES.match(text, unit.end() if unit else end)
    at = answer.end() if answer else unit.end() if unit else end
    if _back_after(text, at, said, site, planned, after):
        return True
    # (a word of an entry's part whose other words follow it to the part's comma: "Shanghai" of "Shanghai
    # Hospital, Shanghai, China (proposed)", which bound a site's city where its entry's last part did not)
    rest = _PART_REST.match(text, at) if entry else None
    if rest is not None:
        at = rest.end()
        if _back_after(text, at, said, site, planned, after):
            return True
    # (a part of an entry, past the entry's other parts: "Shanghai" of "Shanghai, China (withdrawn)")
    for _ in range(_ENTRY_PARTS if entry else 0):
        part = _ENTRY_PART.match(text, at)
        if part is None:
            break
        at = part.end()
        if _back_after(text, at, said, site, planned, after):
            return True
    return False


def _back_before(
    text: str, at: int, site: bool, planned: bool, party: Party | None, held: Callable[[str], bool] | None
) -> bool:
    """Whether the words right before text[at:] (a value, or the first part of its entry) take it back
    (_BEFORE), as taken_back's site, planned and party read them: a label of closed sites, of a plan, of
    a party's past or ended role."""
    head = max(0, at - _REACH)
    return bool(
        _BEFORE.search(text, head, at)
        or _of_an_earlier_protocol(text, head, at)
        or (site and _SITE_BEFORE.search(text, head, at))
        or (planned and _PLANNED_BEFORE.search(text, head, at))
        or (party and (_PARTY_BEFORE.search(text, head, at) or party.before.search(text, head, at)))
        or (party and _ended(_PARTY_UNTIL_BEFORE.search(text, head, at), held))
    )


# The places inside an entry's text where its words may end and others follow: a bracket, a comma, a
# semicolon, a colon or a dash after a word of it
_INNER = lazy(r"(?<=[\w.'\u2019])(?=[ \t]*(?:[(\[,;:\u2013\u2014]|--?[ \t]))")


def _ended(until: re.Match[str] | None, held: Callable[[str], bool] | None) -> bool:
    """Whether words that end a party's role at a date (until, its date as group "end") take it back: unless
    held says the source's as-of date shows the role still held then."""
    return until is not None and not (held is not None and held(until.group("end")))


class _PartyAfter:
    """taken_back's readings of the words right after a party's name: those that say it is out of the
    trial (gone: _party_after), and those that end its role at a date (until: _party_until, read with
    held)."""

    def __init__(self, gone: re.Pattern[str], until: re.Pattern[str], held: Callable[[str], bool] | None) -> None:
        self.gone, self.until, self.held = gone, until, held

    def takes_back(self, text: str, at: int) -> bool:
        return self.gone.match(text, at) is not None or _ended(self.until.match(text, at), self.held)


def _taken_back_in_parts_before(
    text: str, first: int, start: int, end: int, said: bool, site: bool, planned: bool, after: _PartyAfter | None
) -> bool:
    """Whether a bracket after one of the entry's parts before the value (from text[first]) takes it back:
    one of the parts from the nearest facility before it (_FACILITY) on, the value no facility itself."""
    if _FACILITY.search(text, start, end):
        return False
    found = list(_PART_BEFORE.finditer(text, first, start))
    facility = next((i for i in range(len(found) - 1, -1, -1) if _FACILITY.search(found[i].group("words"))), None)
    return facility is not None and any(
        part.group("bracket") and _back_after(text, part.end("words"), said, site, planned, after)
        for part in found[facility:]
    )


def _back_after(text: str, at: int, said: bool, site: bool, planned: bool, after: _PartyAfter | None) -> bool:
    """Whether the words from text[at] take back the value (or the entry's part) that ends there: taken_back's
    readings after a value, said the value is no such word itself (_SAID_AFTER)."""
    return (
        _AFTER.match(text, at) is not None
        or (said and _SAID_AFTER.match(text, at) is not None)
        or (site and _SITE_AFTER.match(text, at) is not None)
        or ((site or after is not None) and left_open(text, at))
        or (planned and (_PLANNED_AFTER.match(text, at) is not None or _DROPPED_AFTER.match(text, at) is not None))
        or (after is not None and after.takes_back(text, at))
    )
