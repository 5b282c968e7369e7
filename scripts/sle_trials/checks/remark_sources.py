"""E501: a source file a curation note, an incomplete entry or a comment of the record's file names (a path under
seeds/) that the record does not cite. IM19's first lines say "# Curated from seeds/000_84a0f0163f21158e.txt; every
value below is stated there."; rewritten to name Relma-cel's page, seeds/004_2ad16b9ce66a0787.txt, it passed (mutation
hunt 211): a comment's path is blanked before its names are read (comment_lines.remarks), and a note's was read by
nothing. A reader takes the path for the source the values were read from; the record's sources are its
curation.sources, each checked (E1xx), so a path a remark names is one of them. The evidence stage runs it beside the
other remark checks (evidence.stages).
"""

from __future__ import annotations

from collections.abc import Iterator

from sle_trials.checks import comment_lines
from sle_trials.checks.load import Record
from sle_trials.checks.remarks import said_by_remarks
from sle_trials.patterns import lazy
from sle_trials.problem import Problem

# a path under seeds/, as a remark writes one (to a space, a bracket, a quote or a clause's mark; a stop ending it is
# the sentence's)
_SEED_PATH = lazy(r"(?<![\w/.-])seeds/[^\s()\[\]\"'\u201c\u201d,;]+")


def check_remark_sources(record: Record, schema: dict) -> Iterator[Problem]:
    """E501: each path under seeds/ a remark or a comment names that is none of the record's curation.sources."""
    cited = {s.get("file") for s in record.data["curation"].get("sources") or [] if isinstance(s, dict)}
    yield from said_by_remarks(record, "E501", lambda text: _uncited(text, cited), _RULE)
    for comment, _ in comment_lines.remarks(record.comments, schema):  # (its words as written: remarks() blanks paths)
        for claim in _uncited(comment.text, cited):
            yield Problem(record.path, comment.line, comment.column, "E501", f"the comment {claim}: {_RULE}")


def _uncited(text: str, cited: set) -> Iterator[str]:
    """What text says of each path under seeds/ it names that is not cited (its sentence's stop aside)."""
    for m in _SEED_PATH.finditer(text):
        path = m.group().rstrip(".:")
        if path not in cited:
            yield f"names {path}, which the record does not cite"


_RULE = "a remark names as sources only its curation.sources"
