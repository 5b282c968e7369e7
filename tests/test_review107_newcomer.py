"""A newcomer's review (helper-107): a curator following the README's steps on a source of their own,
and what the tool then says. Each test holds one message that left the curator with no way forward."""

from __future__ import annotations

import hashlib

from conftest import Trials

PRESS = (
    "Date: 2026-03-02\n\n"
    "Example Bio announces first patient dosed in Phase 1 trial of EXB-19 CAR-T cells in systemic lupus "
    "erythematosus\n\n"
    "The open-label study (NCT09999991) will enrol 12 adults with refractory SLE.\n"
)


def sourced(trials: Trials) -> None:
    """The README's step 1 on a press release: the source under seeds/ and its line in the manifest."""
    (trials.root / "seeds" / "press.txt").write_text(PRESS, encoding="utf-8")
    digest = hashlib.sha256(PRESS.encode("utf-8")).hexdigest()
    with (trials.root / "seeds" / "SHA256SUMS").open("a", encoding="utf-8") as manifest:
        manifest.write(f"{digest}  press.txt\n")


def started(trials: Trials) -> str:
    """The source, then `trials new` with what it asks for. Returns the record's path."""
    sourced(trials)
    title = "Phase 1 trial of EXB-19 CAR-T cells in systemic lupus erythematosus"
    result = trials(
        "new", "NCT09999991", "--source", "seeds/press.txt", "--title", title, "--kind", "PRESS_RELEASE",
        "--as-of", "2026-03-02", "--as-of-label", "Date",
    )  # fmt: skip
    assert result.status == 0, result.err
    return "trials/NCT09999991.yaml"


def test_an_enrollment_quoted_with_no_count_says_what_a_count_is_read_as(trials: Trials) -> None:
    """Before, "will enrol 12 adults" quoted for an enrollment of 12 was refused "(no number of
    participants)" and no more: the curator could not tell what the check wanted. The message now says
    which words a count is read in, and where the docs list them. (Hunt 227 reads "12 adults" as a count:
    the quote here is one with no word for people, "will enrol 12".)"""
    record = trials.root / started(trials)
    text = record.read_text(encoding="utf-8")
    text = text.replace("# enrollment:  #", "enrollment:\n  count: 12\n# was:  #", 1)
    record.write_text(text + "  enrollment.count: will enrol 12\n", encoding="utf-8")
    result = trials("validate", "trials/NCT09999991.yaml")
    assert result.status == 1
    assert (
        "E508 enrollment.count: 12 is not the number of participants the quote states (no number of participants: "
        "a count is read as '24 participants', '24 adults', '24 SLE patients' or 'Enrollment: 24' "
        "(docs/checks.md, Counts)) 'will enrol 12'"
    ) in result.out, result.out


def test_trials_new_asks_for_the_as_of_label_with_the_as_of_date(trials: Trials) -> None:
    """Before, `trials new` on a press release asked for --title, --kind and --as-of, and, run again with
    them, refused the date for want of --as-of-label: the README's "add them when it asks" took two
    refusals. The first now names --as-of-label beside --as-of."""
    sourced(trials)
    result = trials("new", "NCT09999991", "--source", "seeds/press.txt")
    assert result.status == 2
    assert "--title" in result.err and "--kind" in result.err
    assert (
        "--as-of YYYY-MM-DD (the source's own as-of or last-updated date; and --as-of-label WORDS when the "
        "source gives it under words of its own, such as 'Date')"
    ) in result.err, result.err


def test_trials_new_with_no_source_given_names_the_id_a_source_names_that_is_close(trials: Trials) -> None:
    """Before, a mistyped id with --source was asked "did you mean NCT09999991?", and the same id
    without it, as the README's import-free path may run it, was told only that no source mentions it."""
    sourced(trials)
    result = trials("new", "NCT09999990")
    assert result.status == 2
    assert "no source documents under seeds/ mention NCT09999990 (did you mean NCT09999991?);" in result.err, result.err
    far = trials("new", "NCT01234567")
    assert far.status == 2 and "did you mean" not in far.err, far.err
