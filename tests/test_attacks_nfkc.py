"""Pull-request attacks on the words: a record's text that is its source's only in Unicode NFKC.

Verbatim text and quotes are compared with their source in NFKC, so that a source's full-width
"２４" or a ligature reads as a reader sees it. The other way round, a record could write characters
its source never has: a title "ＣＤ１９-CART..." (full-width) passed as the word-for-word copy of
"CD19-CART...", and trials.csv, the exports and the site then held a title in which a search for
CD19 finds nothing, with mathematical or full-width letters that look like the source's own. Now each
character of a record's text that NFKC reads as another must be written so in a cited source too
(E501 for verbatim text, E502 for a quote), and a record may still write in plain characters what a
source writes in compatibility ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import IM19_PATH, RELMA_PATH, Trials, add_source, edit, im19_draft, joined, place_of

# (words of the Relma-cel record's title, as a record writes them, the character the problem names)
MISWRITTEN = [
    ("CD19-CART", "ＣＤ１９-CART", "'Ｃ' (U+FF23 FULLWIDTH LATIN CAPITAL LETTER C), which reads as 'C' only in NFKC"),
    ("Active Systemic", "Active 𝐒ystemic", "'𝐒' (U+1D412 MATHEMATICAL BOLD CAPITAL S)"),
    ("Lupus Erythematosus", "Lupus Eryt\u210eematosus", "(U+210E PLANCK CONSTANT), which reads as 'h'"),
    ("(Relma-cel)", "(Relma-ｃel)", "'ｃ' (U+FF43 FULLWIDTH LATIN SMALL LETTER C)"),
]


@pytest.mark.parametrize(("plain", "words", "named"), MISWRITTEN, ids=["fullwidth", "math-bold", "planck", "one"])
def test_a_title_in_characters_its_source_does_not_write_is_refused(
    registry: Path, trials: Trials, plain: str, words: str, named: str
) -> None:
    title = "brief_title: CD19-CART(Relma-cel) for Moderate to Severe Active Systemic Lupus Erythematosus\n"
    edit(registry, RELMA_PATH, (title, title.replace(plain, words)))
    result = trials("validate", registry / RELMA_PATH)
    assert result.status == 1, result.out
    place = place_of(registry, RELMA_PATH, "brief_title: ")
    assert f"{RELMA_PATH}:{place}: E501 brief_title: the text writes " in result.out
    assert named in result.out and "no cited source writes it so" in result.out


def test_a_quote_in_characters_its_source_does_not_write_is_refused(registry: Path, trials: Trials) -> None:
    """A quote is the source's words too: its full-width "１" bound the age its source writes "18"."""
    quote = "eligibility.minimum_age: you must be between 18 and 70 years old (inclusive)"
    edit(registry, RELMA_PATH, (quote, quote.replace("18", "\uff118")))
    result = trials("validate", registry / RELMA_PATH)
    assert result.status == 1, result.out
    place = place_of(registry, RELMA_PATH, "  eligibility.minimum_age: ")
    assert f"{RELMA_PATH}:{place}: E502 evidence for eligibility.minimum_age: the quote writes '１' (U+FF11" in (
        result.out
    )


# A page of no known layout that writes its title and its enrollment in full-width characters.
WIDE_SOURCE = "seeds/920_wide.txt"
WIDE_TEXT = (
    "Trial NCT06513429: IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (ＳＬＥ)\n"
    "Last Updated: 2025-08-17\n"
    "Enrollment: ２４ participants\n"
)


@pytest.mark.parametrize("title", ["(ＳＬＥ)", "(SLE)"], ids=["as-written", "plain"])
@pytest.mark.parametrize("quote", ["Enrollment: ２４ participants", "Enrollment: 24 participants"])
def test_a_source_in_compatibility_characters_is_copied_as_written_or_plain(
    registry: Path, trials: Trials, title: str, quote: str
) -> None:
    add_source(registry, WIDE_SOURCE, WIDE_TEXT)
    record = im19_draft(WIDE_SOURCE).replace("Erythematosus (SLE)", f"Erythematosus {title}")
    (registry / IM19_PATH).write_text(
        joined(record, f"enrollment:\n  count: 24\nevidence:\n  enrollment: '{quote}'\n"), encoding="utf-8"
    )
    result = trials("validate", registry / IM19_PATH)
    assert result.status == 0, result.out


def test_compatibility_characters_must_stand_where_the_source_states_the_field(registry: Path, trials: Trials) -> None:
    """The characters as written were looked for anywhere in a cited source: a copy of IM19's page
    with one more line writing "ＩＭ19 ..." in full-width letters let the record's title be "ＩＭ19 ...",
    though the page's title line says "IM19" (trials.csv would hold a title in which a search for IM19
    finds nothing). They must now stand where the source states the field; the same title on the
    page's own title line still passes."""
    seed = "seeds/000_84a0f0163f21158e.txt"
    page = (registry / seed).read_text(encoding="utf-8")
    title = "IM19 CAR-T Cell Therapy in Refractory Systemic Lupus Erythematosus (SLE)"
    wide = title.replace("IM19", "ＩＭ19")
    for name, text, status in (
        ("seeds/953_copy.txt", page + wide + "\n", 1),  # written so further down only
        ("seeds/954_copy.txt", page.replace(title, wide, 1), 0),  # written so on the title line
    ):
        add_source(registry, name, text)
        record = (registry / IM19_PATH).read_text(encoding="utf-8").replace(seed, name)
        edit_text = record.replace(f"brief_title: {title}\n", f"brief_title: {wide}\n")
        (registry / IM19_PATH).write_text(edit_text, encoding="utf-8")
        result = trials("validate", registry / IM19_PATH)
        assert result.status == status, result.out
        if status:
            place = place_of(registry, IM19_PATH, "brief_title: ")
            assert f"{IM19_PATH}:{place}: E501 brief_title: the text writes 'Ｉ' (U+FF29" in result.out
        (registry / IM19_PATH).write_text(record.replace(name, seed), encoding="utf-8")


def test_a_source_read_again_as_written_is_counted_in_the_runs_memory(tmp_path: Path) -> None:
    """A source with compatibility characters is read a second time, as written, for the record's
    characters (SourceDoc.as_written). The run's documents are bounded by the characters they hold,
    and that second reading was made after its document was counted: a pull request's sources in
    full-width letters held twice the room. What the documents hold, each read again, stays within
    their room."""
    from sle_trials.checks.documents import Documents

    source = tmp_path / "page.txt"
    source.write_text("NCT06513429 Ｆｕｌｌ-width words of a page.\n" * 200, encoding="utf-8")
    read = Documents(1 << 20).get(str(source), "seeds/page.txt", (0,))
    assert read.doc is not None and read.doc.raw is not None  # read again as written when asked
    held = read.doc
    twin = held.as_written()
    counted = len(held.text) + len(held.written or "") + len(held.raw or b"")
    # room for all but the second reading's text
    documents = Documents(counted)
    documents.get(str(source), "seeds/page.txt", (1,))
    total = 0
    for kept in documents.docs.values():
        assert kept.doc is not None
        again = kept.doc.as_written()
        total += len(kept.doc.text) + len(kept.doc.written or "") + len(kept.doc.raw or b"")
        total += len(again.text) if again is not kept.doc else 0
    assert twin is not held and total <= counted
