"""A count a curation note gives of the names it writes beside it, with no mark between: "the two sections
Conditions and Brief Summary", "two Union Hospital sites". Only a count of a list after its mark, of dates or
quoted runs, was read (note_lists.counted_lists): IM19's "The source's Conditions, Brief Summary and Detailed
Description sections are empty." made "The source's two sections Conditions, Brief Summary and Detailed Description
are empty.", and Relma-cel's officials said to work "at two Union Hospital sites" (its source names one), passed
(hunts 217 and 218's leftovers). A reader counts the names themselves.

A name is a run of capitalised words (with the small words a name holds between them: "University of Science"),
names are joined by commas and "and". The count is read of them only where its noun is a kind of thing such names
name (a section, a hospital, a site: "two Union Hospital officials" counts officials, not hospitals), and, after
its noun, where the names end the clause or a lower-case word follows; a site's or a city's noun only before the
names ("the one location Shanghai, China" is one place's name, written with a comma).
"""

from __future__ import annotations

from sle_trials.patterns import lazy
from sle_trials.reading.lexicon.note_lists import SMALL_WORDS, CountedList

_COUNT = r"(?P<count>(?i:" + "|".join(sorted(SMALL_WORDS, key=len, reverse=True)) + r")|\d{1,2})"
_NAME = r"[A-Z][\w'\u2019.-]*(?:[ \t]+(?:(?:of|de|for|the)[ \t]+)?[A-Z][\w'\u2019.-]*)*"
_NAMES = rf"(?P<names>{_NAME}(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+){_NAME})*)"
_KINDS = (
    r"sections?|headings?|fields?|tabs?|hospitals?|universit(?:y|ies)|institutions?|sponsors?|collaborators?|"
    r"keywords?|conditions?|countr(?:y|ies)"
)
_PLACES = r"sites?|locations?|cent(?:er|re)s?|facilit(?:y|ies)|cit(?:y|ies)"
# "two sections Conditions and Brief Summary are empty"
_NAMES_AFTER = lazy(
    rf"(?<![\w.,-]){_COUNT}[ \t]+(?P<noun>{_KINDS})(?:[ \t]*[,:])?[ \t]+(?:named[ \t]+|called[ \t]+)?{_NAMES}"
    r"(?=[ \t]+[a-z]|[ \t]*[.;:,)]|\Z)",
)
# "two Union Hospital sites", "the three Conditions, Brief Summary and Detailed Description sections"
_NAMES_BEFORE = lazy(rf"(?<![\w.,-]){_COUNT}[ \t]+{_NAMES}[ \t]+(?P<noun>{_KINDS}|{_PLACES})\b")
_BETWEEN_NAMES = lazy(r"[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")
_AND = lazy(r"[ \t]and[ \t]")


def counted_names(text: str) -> list[CountedList]:
    """Each count text gives of the names it writes beside it (the module's docstring)."""
    out: list[CountedList] = []
    for pattern in (_NAMES_AFTER, _NAMES_BEFORE):
        for m in pattern.finditer(text):
            word = m.group("count").lower()
            count = int(word) if word.isdigit() else SMALL_WORDS[word]
            listed = len(_BETWEEN_NAMES.split(m.group("names")))
            # (an "and" past the list's one may be a name's own: "Conditions and Arms and Interventions" are two
            # sections or three, the note's count either)
            joined = max(0, len(_AND.findall(m.group("names"))) - 1)
            out.append(CountedList(count, m.group("noun"), count if listed - joined <= count <= listed else listed))
    return out
