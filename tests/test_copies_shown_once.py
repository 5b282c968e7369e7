"""A change of a source's words is shown once, however many of its words it changes.

`trials diff` of a registry JSON read again (`trials drift --apply`, docs/curating.md) showed its new
last-update date twice: "2025-03-06" → "2026-03-01" changes the words "2025" and "06" with "03" equal
between them, two changes to difflib, and each was shown with the same text around it, “… 2025-03-06
…” → “… 2026-03-01 …” twice, counted as two changes of the source's words. Changes whose shown texts
are the same place of both documents are one change; the same change made in two places is two.
"""

from __future__ import annotations

from sle_trials.curate import copies

FILLER = " ".join(f"word{n}" for n in range(120))


def _changes(old: str, new: str) -> list[str]:
    (found,) = copies.copies(
        {"seeds/b.txt": new.encode()}, {"seeds/a.txt": old.encode()}, {"seeds/b.txt": ["seeds/a.txt"]}, set()
    )
    assert isinstance(found, copies.Copy)
    return found.changes


def test_a_date_with_two_of_its_words_changed_is_one_change() -> None:
    old = f"{FILLER}\nLast updated: 2025-03-06\n{FILLER}\n"
    new = f"{FILLER}\nLast updated: 2026-03-01\n{FILLER}\n"
    assert _changes(old, new) == ["“updated: 2025-03-06 word0” → “updated: 2026-03-01 word0”"]


def test_the_same_change_in_two_places_is_two_changes() -> None:
    old = f"{FILLER}\nStart: 2025-03-06\n{FILLER}\nEnd: 2025-03-06\n{FILLER}\n"
    new = f"{FILLER}\nStart: 2026-03-01\n{FILLER}\nEnd: 2026-03-01\n{FILLER}\n"
    assert _changes(old, new) == [
        "“Start: 2025-03-06 word0” → “Start: 2026-03-01 word0”",
        "“End: 2025-03-06 word0” → “End: 2026-03-01 word0”",
    ]


def test_changes_side_by_side_are_each_shown() -> None:
    """Two values changed a word apart show overlapping texts, not the same one: each is shown."""
    old = f"{FILLER}\nEnrollment: 6 participants, 2 sites\n{FILLER}\n"
    new = f"{FILLER}\nEnrollment: 60 participants, 3 sites\n{FILLER}\n"
    assert _changes(old, new) == [
        "“Enrollment: 6 participants,” → “Enrollment: 60 participants,”",
        "“participants, 2 sites” → “participants, 3 sites”",
    ]
