"""Pull-request attacks on a record's markdown escapes held to a source that writes its own.

A record's markdown escape must be written so in a cited source (test_attacks_record_characters.py).
The source's text was read with its escapes removed, so a quote copied byte for byte from a source
writing "\\(all adults\\)" was refused, with a message saying no source writes what it does. The
source's own backslashes are now read where a record writes one; an escape it does not write there
is still refused.
"""

from __future__ import annotations

from pathlib import Path

from test_attacks_other_trial_sentences import OWN, _codes, _press

ESCAPED = r"The trial enrolled 24 participants \(all adults\)."


def test_a_quote_copied_with_its_sources_escapes_passes(tmp_path: Path) -> None:
    text = _press(OWN, ESCAPED)
    for quote in (r"enrolled 24 participants \(all adults\)", "enrolled 24 participants (all adults)"):
        assert _codes(tmp_path, text, {"enrollment": {"count": 24}}, {"enrollment.count": quote}) == set(), quote


def test_an_escape_the_source_does_not_write_is_refused(tmp_path: Path) -> None:
    for text, quote in (
        (_press(OWN, "The trial enrolled 24 participants (all adults)."), r"enrolled 24 participants \(all adults\)"),
        (_press(OWN, ESCAPED), r"enrolled 24 participants \(all adults)"),
    ):
        assert _codes(tmp_path, text, {"enrollment": {"count": 24}}, {"enrollment.count": quote}) == {"E502"}, quote


def test_an_escape_the_source_writes_only_of_another_trial_is_refused(tmp_path: Path) -> None:
    """The page writes the escape only in its lines of another trial: not where it states the field."""
    plain = "The trial enrolled 24 participants (all adults)."
    text = _press(OWN, plain, "A second trial, NCT09000098, tests NB-302 in myositis.", ESCAPED)
    quotes = {r"enrolled 24 participants \(all adults\)": {"E502"}, "enrolled 24 participants (all adults)": set()}
    for quote, codes in quotes.items():
        assert _codes(tmp_path, text, {"enrollment": {"count": 24}}, {"enrollment.count": quote}) == codes, quote
