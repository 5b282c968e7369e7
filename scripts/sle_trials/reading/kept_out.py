"""Kept out: the words by which a source says some patients may not take part.

"Patients over 65 years are excluded", "... cannot take part", "... are not eligible", "... must not
be enrolled", "... are barred": an age in such a sentence is no bound of who may enrol (lexicon), a
treatment had before that such a clause speaks of is no requirement (prior_therapy), and a sex it
speaks of is not the trial's (vocabulary). Each reader has its own grammar for where the words may
stand; the words are listed here once, so that a word added for one reader is read by all three
(each had a list of its own: "cannot take part" kept patients of one sex out, and an age in the
same words was read as a minimum).
"""

from __future__ import annotations

# Words that say it without a negation
SHUT_OUT = r"(?:excluded|ineligible|barred|disqualified)"
# A negation of being let in: "not", "never", "no longer", "cannot" ...
DENIED = r"(?:not|never|no\s+longer|cannot)"
# ... and the words of being let in it denies, after "be" or alone ("are not eligible", "cannot be
# enrolled", "cannot take part")
LET_IN = (
    r"(?:eligible|enrol+ed|included|allowed|permitted|accepted|admitted|recruited|randomi[sz]ed|participate"
    r"|take\s+part)"
)
