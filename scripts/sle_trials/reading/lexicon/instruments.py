"""The instruments a disease-activity limit or score is read on: one list for every reading of them.

A criterion's limit ("SLEDAI-2K ≥ 6"), a note's score ("a SELENA-SLEDAI score of 12"), the kind of a stated limit
(DISEASE_ACTIVITY), a measure that names its instrument and a score's parts a criterion leaves out ("clinical
SLEDAI, serology excluded") each read these names. They were five lists, each missing some of the others' (SRI in
two, CLASI in four, "BILAG-2004" in three): a scale one reading knew and another did not was read as a score in a
note and as no kind of limit in a criterion. Regex fragments with no boundaries: each reading puts its own.
"""

from __future__ import annotations

# the SELENA trial's version of SLEDAI, written whole or by the trial's name alone; SLEDAI and its 2000 version;
# BILAG and its 2004 version; the cutaneous lupus area and severity index; the physician's global assessment; the
# SLE responder index and its thresholds ("SRI-4", "SRI-6"). A version's year after a space is the version too
# ("BILAG 2004", "SLEDAI 2000": read as a number, "Disease activity score (BILAG 2004)" held a limit of 2004, E529)
NAMES = (
    "SELENA(?:-SLEDAI)?",
    "SLEDAI(?:-2K|[- ]2000)?",
    "BILAG(?:[- ]2004)?",
    "CLASI",
    "PGA",
    r"SRI(?:-\d+)?",
)
INSTRUMENTS = "(?:" + "|".join(NAMES) + ")"
# an instrument's version written as a number after its name ("BILAG 2004", "SLEDAI-2000", "SRI-4"): the name's
# number, no quantity (quantities.numbers)
VERSIONS = r"(?:SLEDAI[ \-\u2010\u2011]2000|BILAG[ \-\u2010\u2011]2004|SRI[ \-\u2010\u2011]\d{1,2})"
