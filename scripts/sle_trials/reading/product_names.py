"""Product names: whether words read from a source's running prose can be the name of what a trial gives.

Where a source gives a product's or an intervention's name whole (a registry's intervention entry, a
page's product line), the name is that entry. Where it names them only in its sentences about the
trial (a plain document, a press release, a page's summary), any whole words of those sentences
stood there, and a record's cell_product.name "patients with refractory", "lymphodepletion", "In this
trial" or "given to patients" passed as words of the product's place. A name read from prose is a
noun phrase that names a thing given:

- it neither opens nor closes on a word of a closed class (phrases.closed_word: "In this trial",
  "with fludarabine", "patients with"), and holds no verb of a clause ("are", "will", "given to
  patients", "received");
- a cell product's name (CELL_PRODUCT) bears a mark of a product besides: a CAR ("CAR-T cells"), a
  product code or a word with a digit ("IM19", "KYV-101", "GC012F"), a cell therapy's international
  name ("Relma-cel", "obecabtagene autoleucel"), cells ("autologous anti-CD19 T cells"), or a word
  in capitals that the source writes inside its sentence, a proper name ("Patients receive Kymriah").
  An intervention may be a drug or a procedure ("fludarabine", "Lymphodepletion"): it needs no mark.
"""

from __future__ import annotations

from sle_trials.patterns import lazy
from sle_trials.reading import phrases, vocabulary

CELL_PRODUCT = "cell_product.name"

# the verbs of a clause a name would hold: it says something of the product, it names none
_CLAUSE_VERBS = frozenset(
    "is are was were be been being will shall would should can could may might must has have had does do did "
    "given give gives giving receive receives received receiving administered infused treated enrolled".split()
)
# marks of a product in a cell product's name
_DIGIT = lazy(r"\d")
_INTERNATIONAL = lazy(r"(?i)[a-z]-?(?:cel|leucel|tecel)\b")  # "Relma-cel", "axicabtagene ciloleucel"
_CELLS = lazy(r"(?i)(?<![a-z])(?:t[- ]?)?(?:cells?|lymphocytes)(?![a-z])")
# what stands before the first word of a sentence: a stop, a line's end that ends one (Passage.prose),
# or the passage's start, and any marks or spaces after it
_SENTENCE_END = lazy(r"(?:[.!?:;\n]|^)\W*$")


def names_a_thing_given(field: str, name: str, texts: list[str]) -> bool:
    """Whether name, read from prose for field (a dotted name without indexes: cell_product.name, an
    intervention's name ...), can be a name there: a noun phrase bounded by words that name, with no
    verb of a clause; a cell product's bearing a mark of a product (texts: the passages it stands in,
    as their prose is read, where a word in capitals at its start is a proper name unless a sentence
    opens with it)."""
    words = [w for w in (phrases.bare_word(t) for t in name.split()) if w]
    if not words or phrases.closed_word(words[0]) or phrases.closed_word(words[-1]):
        return False
    if any(w.lower() in _CLAUSE_VERBS for w in words):
        return False
    if field != CELL_PRODUCT:
        return True
    if vocabulary.CAR_WORDS.search(name) or _DIGIT.search(name) or _INTERNATIONAL.search(name) or _CELLS.search(name):
        return True
    if any(w[:1].isupper() for w in words[1:]):
        return True  # a word in capitals inside the name: a proper name ("Descartes Therapeutics' ...")
    return words[0][:1].isupper() and any(_inside_a_sentence(text, name) for text in texts)


def _inside_a_sentence(text: str, name: str) -> bool:
    """Whether text writes name, somewhere, after words of its sentence (not as its first word)."""
    at = text.find(name)
    while at >= 0:
        if not _SENTENCE_END.search(text[max(0, at - 3) : at]):
            return True
        at = text.find(name, at + 1)
    return False


# A proper name inside a sentence: one to three words in capitals, each a capital and small letters (a mark of a
# registered name after it: "Benlysta®"), then nothing, a mark, a number or a word of a closed class: not the
# first word of a noun phrase that goes on in small letters ("Active nephritis"), nor an abbreviation or a
# score's name in capitals ("SLEDAI-2K", "BILAG A"), which may name anything
_A_NAME = lazy(r"(?:[A-Z][a-z\u00df-\u00ff]{2,}[®™]?(?:[ \t]+|(?=[^\w\s'\u2019-])|\Z)){1,3}")
_GOES_ON = lazy(r"[^\W\d_]+")


def opens_with_a_name(words: str) -> str | None:
    """The proper name words (read from inside a sentence, not at its start) open with, where they do
    ("Benlysta" of "Benlysta", "Benlysta® for 12 weeks"); None where they open otherwise ("active nephritis",
    "Active nephritis", "SLEDAI-2K ≥ 6"). A name any word of whose run in capitals is of a closed class is none
    ("The", "All")."""
    found = _A_NAME.match(words)
    if found is None:
        return None
    name = found.group(0).strip()
    after = _GOES_ON.match(words, found.end())
    if after is not None and not phrases.closed_word(after.group(0)):
        return None  # (a noun phrase's first words: "Active nephritis")
    if any(phrases.closed_word(w.rstrip("®™")) for w in name.split()):
        return None
    return name
