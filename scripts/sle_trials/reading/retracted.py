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
is an estimated value, not a withdrawn one.
"""

from __future__ import annotations

import re

# The words that take a value back, inside a parenthesis or a bracket right after it, as its first
# words: "(cancelled)", "(withdrawn)", "(not applicable)", "(N/A)", "(TBD)", "(to be confirmed)",
# "(previously)", "(revised to 40)", "(originally; now 40)", "(no longer applies)"
_BACK_WORDS = (
    r"cancel+ed|withdrawn|retracted|rescinded|revoked|deleted|removed|void(?:ed)?|struck(?:\s+out)?|"
    r"(?:superseded|replaced)(?=[ \t]*[)\]]|[ \t]+by\b)|"
    r"obsolete|outdated|erroneous|in\s+error|errors?|incorrect|wrong|invalid|"
    r"not\s+applicable|n/a|tb[cd]|to\s+be\s+(?:confirmed|determined|decided|defined|announced|updated)|"
    r"not\s+(?:yet\s+)?(?:confirmed|final(?:i[sz]ed)?|decided|determined)|unconfirmed|"
    # (alone, or before the value that replaced it: "(formerly)", "(originally; now 40)"; "Acme
    # (formerly Beta Corp.)" names the value's old name, and leaves it standing)
    r"no\s+longer|(?:previous(?:ly)?|former(?:ly)?|original(?:ly)?)(?=[ \t]*[)\];,])|postponed|"
    r"(?:(?:later|since|subsequently|then|now)\s+)?"
    r"(?:revised|amended|changed|corrected|updated|reduced|increased|lowered|raised|decreased|modified)"
    r"\s+(?:to|from)|now\s+(?-i:[0-9A-Z])"
)
# ... or after a colon or a dash, alone to the end of its clause: "18 years: not applicable",
# "60 participants: no", "Female - not applicable", "Phase 2: N/A"
_ANSWER_WORDS = (
    r"not\s+applicable|n/a|tb[cd]|to\s+be\s+(?:confirmed|determined|decided|defined|announced)|"
    r"cancel+ed|withdrawn|retracted|deleted|removed|void|none|no|false|no\s+longer\s+[a-z]+(?:\s+[a-z]+)?"
)
# ... or after a comma, a semicolon, a stop or a double dash, the plainest of them alone: "60
# participants, withdrawn", "60 participants; cancelled", "60 participants. Cancelled."
_ALONE_WORDS = r"cancel+ed|withdrawn|retracted|rescinded|revoked|deleted|void(?:ed)?|not\s+applicable|n/a|tb[cd]"
_CLAUSE_END = r"(?=[ \t]*(?:[.;,)\]]|\Z|\n))"
# A qualifier that leaves a value standing, and the words after it still read: "(estimated; cancelled)",
# "(estimated) (cancelled)"
_QUALIFIER = r"(?:actual|estimated|anticipated|planned|expected|target|inclusive)"
# (spaces and tabs only: a line's end is no word of the value's)
_AFTER = re.compile(
    r"(?i)[ \t]*(?:"
    rf"(?:[(\[][ \t]*{_QUALIFIER}[ \t]*[)\]][ \t]*)?[*_]{{0,2}}"
    rf"[(\[][ \t]*(?:{_QUALIFIER}[ \t]*[;,/][ \t]*)?(?:{_BACK_WORDS})\b[^)\]\n]*[)\]]"
    rf"|(?:[ \t]*[:\u2013\u2014]|[ \t]+-)[ \t]*(?:{_ANSWER_WORDS}){_CLAUSE_END}"
    rf"|(?:[,;]|\.(?=[ \t])|[ \t]--)[ \t]*(?:{_ALONE_WORDS})(?=[ \t]*(?:[.;)\]]|\Z|\n))"
    # ... or a sentence saying so ("Planned enrollment of 60 participants was cancelled.")
    r"|[ \t]+(?:was|were|has[ \t]+been|have[ \t]+been|is|are|will[ \t]+be)[ \t]+(?:since[ \t]+|later[ \t]+)?"
    r"(?:cancel+ed|withdrawn|retracted|rescinded|revoked|voided|abandoned|deleted|removed|struck)\b"
    # ... or N/A, TBD or TBC written right after it ("60 participants N/A", "Recruiting TBD")
    rf"|(?<=[^\s:])[ \t]+(?:n/a|tb[cd]){_CLAUSE_END}"
    # ... or a struck-out value's closing marks ("~~60~~ 6")
    r"|~~"
    # ... or the words that give it another value ("was 60 participants; amended to 6", "60, now 40")
    r"|[,;]?[ \t]*(?:(?:later|since|subsequently|then|but|and)[ \t]+)?"
    r"(?:revised|amended|changed|corrected|updated|reduced|increased|lowered|raised|decreased|modified)"
    r"[ \t]+to\b"
    r"|[,;][ \t]*now[ \t]+[0-9]"
    r")"
)
# The words right before a value that take it back: "formerly Recruiting", "previously 60
# participants", "originally 2024-07-30", "no longer 60", "not 60", "revised from 60", "~~60",
# "cancelled: 60", "Enrollment (cancelled): 60"
_BEFORE = re.compile(
    r"(?i)(?:\b(?:formerly|previously|originally|no\s+longer|not)"
    r"|\b(?:revised|amended|changed|corrected|updated|reduced|increased|lowered|raised|decreased|modified)"
    r"(?:\s+[a-z]+){0,2}?\s+from"
    r"|\b(?:cancel+ed|withdrawn|retracted|deleted|void|not\s+applicable|n/a)[ \t]*[):][ \t]*:?"
    # ... or a label that says the value is an old one: "Previous enrollment: 60", "Original Estimated
    # Enrollment: 60", "Previous status: Recruiting", "Enrollment (formerly): 60"; a label of a field's
    # own noun only ("Previous therapy: cyclophosphamide" names a prior therapy, the trial's own value)
    r"|\b(?:previous|former|original|earlier|superseded|outdated|obsolete)(?:[ \t]+[a-z]+){0,2}?[ \t]+"
    r"(?:enrol+ment|status|phases?|sponsor|start|completion|dates?|ages?|sex|gender|title|conditions?|"
    r"locations?|sites?|sample[ \t]+size|allocation|masking|model|purpose|target)\b[^:\n.;]{0,20}:"
    r"|[(\[][ \t]*(?:formerly|previously|originally)[ \t]*[)\]][ \t]*:?"
    r"|~~)[ \t]*\Z"
)
# How far before a value the words taking it back are looked for
_REACH = 60
# The unit words an age or a count's number may have before the words after it ("18 years: n/a")
_UNIT_AFTER = re.compile(
    r"(?i)(?:[ \t]+(?:years?|months?|weeks?|days?)(?:[ \t]+(?:old|of[ \t]+age))?"
    r"(?:[ \t]+(?:or|and)[ \t]+(?:older|younger|above|below|over|under))?)?"
)

_YES = re.compile(r"(?i)[ \t]*:[ \t]*(?:yes|true)\b")


def taken_back(text: str, start: int, end: int) -> bool:
    """Whether the words right around text[start:end], a value as the source writes it (a number with
    its unit, a date, a term), take it back: cancel it, withdraw it, say it does not apply or is yet to
    be decided, or replace it with another."""
    if _BEFORE.search(text, max(0, start - _REACH), start):
        return True
    unit = _UNIT_AFTER.match(text, end)
    # (past a label's answer "yes": "Has Results: Yes (withdrawn)", the label the value's term)
    answer = _YES.match(text, unit.end() if unit else end)
    return _AFTER.match(text, answer.end() if answer else unit.end() if unit else end) is not None
