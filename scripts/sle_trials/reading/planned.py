"""Planned: the words by which a source says a value is only planned, not yet so.

"Phase 2 is planned for 2027", "Recruiting is anticipated to begin in 2026", "Recruiting
(tentative)", "Recruiting: proposed": a phase or a status so spoken of is not the trial's now; nor
is a design term, a site or a dose ("Allocation: Randomized (planned)", "Shanghai, China
(proposed)", "1×10^6 CAR-T cells/kg (tentative)"). Three readers read them, each with its own grammar
for where they stand: prose.no_trials_phase (a phase), vocabulary's status lookaheads, and
retracted.taken_back with planned (the words right after a term, a site or a dose). The words are
listed here once: each reader had a list of its own, and "Recruiting is proposed for 2026" bound the
status RECRUITING while "Phase 2 is proposed" was no phase of the trial. (A count's or a date's plan
is its estimate, "Enrollment: 60 (anticipated)", and no reader takes it back.)
"""

from __future__ import annotations

PLANNED = (
    r"(?:planned|expected|scheduled|anticipated|proposed|intended|projected|envisaged|foreseen|"
    r"tentative(?:ly)?|provisional(?:ly)?)"
)
# The words by which a source gives a value as only possible, not as so ("CD19 and possibly BCMA",
# "Sponsor: perhaps Acme Bio", "Shanghai (maybe)"), which each reader reads with words of its own:
# vocabulary's denials before a term, retracted's words before a value and its undecided words closing
# a bracket. Listed here once: each reader had a list of its own.
HEDGES = ("possibly", "potentially", "perhaps", "maybe")
HEDGED = "(?:" + "|".join(HEDGES) + ")"
# The words by which a source leaves a value open on a condition right after it ("a Phase 2 extension if
# approved", "Randomized, subject to funding", "Masking: Double, provided the placebo is available",
# "dependent on the interim results"): a value on a condition the source does not say is met is not yet
# the trial's. Read after a phase (prose.no_trials_phase), after a term, a site or a party
# (retracted.left_open) and around a count (retracted.count_left_open), each with its own grammar.
# ("provided" and "providing" only as a condition's conjunction, "provided that", "provided the placebo
# is available": not as a participle, "cells provided by Acme Bio", "information provided in the protocol")
_PROVIDED = (
    r"provid(?:ed|ing)(?:[ \t]+that|(?=[ \t]+(?:the|a|an|enough|sufficient|adequate|there|it|its|funding|"
    r"approval|regulatory|ethics|donor|all|no|at[ \t]+least)\b))"
)
CONDITIONS = (
    rf"(?:if|unless|{_PROVIDED}|subject[ \t]+to|"
    r"(?:contingent|conditional|dependent|depending)[ \t]+(?:on|upon)|(?:as|so)[ \t]+long[ \t]+as|"
    r"on[ \t]+(?:the[ \t]+)?condition[ \t]+that|in[ \t]+the[ \t]+event[ \t]+(?:that|of))"
)
