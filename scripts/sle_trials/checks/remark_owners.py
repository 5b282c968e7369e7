"""E501: a listing a site makes of its own that a curation note or an incomplete entry gives to the sponsor, the
registry or the trial: a copy's "Related Clinical Trials" (its similarity picks), a trial finder's "Similar Trials",
its "0 patients applied" (its own users) or its summary. IM19's note says its "Related Clinical Trials" "are the
site's similarity picks, not trials the sponsor names"; hunt 212 rewrote it to "are trials the sponsor names", and
Relma-cel's "counts ClinConnect applicants" to "counts trial applicants" (hunt 214: "counts enrolled patients"), and
each passed: whose listing it is was read by nothing. A reader takes the related trials for the sponsor's programme,
the count for the trial's enrolment.

A clause that names such a section (its heading, quoted or not, or a run quoted that the section writes) gives it
to another where it names the sponsor, the investigators, the registry or ClinicalTrials.gov, or the trial's
applicants, participants or enrolment, not denied before it ("not trials the sponsor names"). The sections of a
source are read once a run, kept with the document (remark_sections.sections_of).
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials.checks.documents import Sources
from sle_trials.checks.load import Record
from sle_trials.checks.remark_sections import sections_of
from sle_trials.checks.remarks import QUOTED, said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem
from sle_trials.reading.layouts import TEXT, SourceDoc, normalise
from sle_trials.reading.lexicon import note_names

# the sections of each layout that are the site's own making, not the trial's record
SITES_OWN = {
    "registry_copy": ("Related Clinical Trials", "More Related Trials"),
    "clinconnect": ("Similar Trials", "Patients applied", "ClinConnect Summary"),
}
# another the listing is given to: the sponsor, its investigators or the registry; a copy's "copy of the
# ClinicalTrials.gov record" says what the source is, not whose the listing is (hunt 215: "The source, a third-party
# site's copy of the ClinicalTrials.gov record, lists "Related Clinical Trials" that are the site's similarity picks"
# was refused)
_ANOTHERS = lazy(r"(?i)(?<![\w-])(?:the[ \t]+)?(?:sponsor|investigators?|registry|ClinicalTrials\.gov)(?![\w-])")
# whose trial it is ("speaks of the sponsor's trial"), not whose listing: the trial is the sponsor's (hunt 215's honest
# Relma-cel note "The ClinConnect Summary speaks of the sponsor's trial in plain words" was refused)
_WHOSE_TRIAL = lazy(
    r"(?i)['\u2019]s[ \t]+(?:trial|study)\b(?![ \t]+(?:summary|synopsis|page|list|listing|record|description|picks|"
    r"counts?|applicants|text))"
)
_COPY_OF = lazy(r"(?i)\b(?:source|it|page)\b[^;:]*\bcop(?:y|ies)[ \t]+of[ \t]+\Z")
_WHOLE_RECORD = lazy(r"(?i)(?:['\u2019]s)?[ \t]+(?:own[ \t]+)?(?:record|page|entry)\b")
# ... or, of a count of the site's users (its "0 patients applied"), the trial's people: a summary or a list of
# trials the site makes speaks of participants as the trial's (hunt 215: Relma-cel's "The ClinConnect Summary says
# participants need to be between 18 and 70 years old" was refused)
_PEOPLE_COUNTED = lazy(
    r"(?i)(?<![\w-])(?:(?:trial|study)(?:['\u2019]s)?[ \t]+(?:applicants|participants|patients|subjects|"
    r"enrol{1,2}ment)\b|enrolled[ \t]+(?:patients|participants|subjects)\b|(?:participants|enrol{1,2}ment)\b)"
)
_COUNTS_OF_USERS = frozenset({"Patients applied"})
# a denial, a question or a time to come before it ("not trials the sponsor names", "read as none until the registry
# gives one": hunt 162's honest note on Relma-cel's phase; "listed with no sponsor", "gives no enrollment": hunt 215's)
_DENIED_BEFORE = lazy(
    r"(?i)(?:\b(?:not|no|none|nothing|neither|without|never|nor|unlike|rather[ \t]+than|instead[ \t]+of|whether|if|"
    r"unless|until|till|once|when)\b|n't\b)[^;:]*\Z"
)
_CLAUSES = lazy(r";[ \t]*|:[ \t]+")

RULE = "a remark gives a listing a site makes of its own (its similar trials, its applicants) to no other"


def check_remark_owners(record: Record, sources: Sources) -> Iterator[Problem]:
    """E501: each listing of a site's own that a remark gives to the sponsor, the registry or the trial."""
    docs = [doc for doc in sources.docs if doc.unread is None and doc.layout in SITES_OWN and doc.form == TEXT]
    if not docs:
        return iter(())
    return said_by_remarks(record, "E501", lambda text: _given_away(text, docs), RULE)


def _given_away(text: str, docs: list[SourceDoc]) -> Iterator[str]:
    """What text gives another of each section of a site's own that a clause of it names."""
    for sentence in note_names.sentences_of(normalise(text)):
        for clause in _CLAUSES.split(sentence):
            named = _named(clause, docs)
            if not named:
                continue
            read = QUOTED.sub(lambda m: " " * len(m.group(0)), clause)
            others = [*_ANOTHERS.finditer(read), *(_PEOPLE_COUNTED.finditer(read) if named in _COUNTS_OF_USERS else ())]
            for m in others:
                if _WHOSE_TRIAL.match(read, m.end()):
                    continue  # (whose trial it is)
                if _COPY_OF.search(read, 0, m.start()) and _WHOLE_RECORD.match(read, m.end()):
                    continue  # (what the source is said to be a copy of)
                if not _DENIED_BEFORE.search(read, 0, m.start()):
                    yield f"gives the site's own {named!r} to {' '.join(m.group().split())!r}"


def _named(clause: str, docs: list[SourceDoc]) -> str | None:
    """The section of a site's own that clause names: its heading's words, or a run it quotes that the section
    writes."""
    folded = clause.casefold()
    quoted = [" ".join((m.group(1) or m.group(2) or "").split()).casefold() for m in QUOTED.finditer(clause)]
    for doc in docs:
        for heading, written in _written(doc).items():
            if heading.casefold() in folded or any(run and run in written for run in quoted):
                return heading
    return None


def _written(doc: SourceDoc) -> dict[str, str]:
    """Each section of a site's own in doc -> its words, folded, read once (SourceDoc.reading)."""
    return doc.reading(
        ("site's own sections",),
        lambda: {h: " ".join(sections_of(doc)[h][0].split()).casefold() for h in SITES_OWN[doc.layout]},
    )
