"""Where a source's sentences end: the one sentence reader of prose (reading/prose.py and the evidence
checks' ties read a plain document's sentences by it, the readers of limits their clauses' ends).

A stop ends a sentence (STOPS, SENTENCES; END for a criterion's clause).
"""

from __future__ import annotations

import re

# Where one sentence ends and the next starts. A stop (".", "!", "?") ends one before a capital or an
# opening mark, not before a word in lower case or a number: "Dec. 1, 2026", "CO., LTD. · Feb 28" are
# one sentence; nor after a title written before a name ("led by Dr. Anna Berg", "St. Mary's Hospital
# in Columbus": cut there, the official stood in no sentence naming the trial's lead, the hospital in
# none with its city).
_STOP = r"(?<=[.!?])(?<!\bDr\.)(?<!\bDrs\.)(?<!\bProf\.)(?<!\bSt\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)\s+(?=[A-Z(\"“‘'])"
# The sentences a site's texts are looked for in (together): a semicolon ends none there, since a list
# of sites under their places is written with them ("Sites in Beijing, China: A; B" lists two sites
# in Beijing, and cut at the semicolon B stood under no place).
STOPS = re.compile(_STOP)
# The sentences everything else is read in (a product's facts too, which were read in pieces cut at any
# stop, "Acme Corp. and targeting BCMA" two): a semicolon ends one too, before any word ("..., which
# completed enrollment of 120 participants; NB-301 is ..." is two).
SENTENCES = re.compile(_STOP + r"|(?<=;)\s+")
# Where a criterion's or a quote's clause ends, for the readers of limits (lexicon, binding): a full stop
# or a semicolon before a space or the text's end ("7.5" and "e.g.," end none; a list label's "a." does).
END = re.compile(r"[.;](?=\s|$)")


def split(text: str, stops: re.Pattern[str] = SENTENCES) -> list[str]:
    """The sentences of text: cut at stops (SENTENCES, or STOPS for a site's texts)."""
    return stops.split(text)
