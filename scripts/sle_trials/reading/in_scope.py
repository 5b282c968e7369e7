"""What shows a trial belongs in this registry: lupus, or a CAR-T or related cell therapy.

The registry holds CAR-T and related cell therapies in lupus. Either sign is enough: a CAR-T trial
across autoimmune diseases, or a lupus trial of a related cell therapy, is for the curator to judge.
A trial showing neither is held only with the curator's reason (curation.out_of_scope). Read by the
importer on a study's conditions and interventions (curate/ctgov/scope.py) and by the check on a
record's own words (checks/rules.py, E114), so that a record written by hand or by `trials new`
meets the gate an import meets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sle_trials.patterns import lazy

# the disease: lupus in any of its forms (systemic, nephritis, cutaneous), or SLE as an abbreviation;
# not the names lupus lends to what is no lupus: the lupus anticoagulant (a test of the antiphospholipid
# syndrome), lupus pernio (sarcoidosis of the skin) and lupus vulgaris (tuberculosis of the skin)
LUPUS = lazy(r"(?i:\blupus\b(?![\s-]+(?:anticoagulants?|pernio|vulgaris)\b))|\bSLE\b")
# SLE spelt out in the same text as words that are not lupus: "Slit Lamp Examination (SLE)", "SLE (St.
# Louis encephalitis)"; three words with those initials before or after the abbreviation in brackets.
# Each word and space bounded: "S.S.S.S." over 100,000 characters took 22 s with [\w.]* and [\s-]+.
_SPELT = r"\bS[\w.]{0,30}[\s-]{1,3}L\w{0,30}[\s-]{1,3}E\w{0,30}"
SLE_OTHERWISE = lazy(
    rf"(?i:{_SPELT}\s{{0,3}}\(\s{{0,3}}SLE\s{{0,3}}\)|\bSLE\s{{0,3}}\(\s{{0,3}}{_SPELT[2:]}\s{{0,3}}\))"
)
# the therapy: chimeric antigen or autoantibody receptor cells (CAR-T, CAR-NK, CAR-Treg, CAAR-T), cell
# products named with the INN stem -leucel, or a cell therapy by name. CART only as the abbreviation
# (capitals, or beside a target antigen or a number, as a registry's title case writes "Cd19 Cart"):
# "crash cart" and "golf cart" are no therapy. A cell therapy not after the name of a disease called
# by its cells: "sickle cell therapy" is a therapy of sickle cell disease. A CAR's cells as trials
# write them: glued to their antigen ("CD19CAR-T"), numbered ("CAR-T19"), plural ("CAR-Tregs"), with
# a "+" or how they were made ("CAR+ T cells", "CAR-engineered T cells"), of another kind (NKT, γδ T,
# macrophages), a compound CAR ("cCAR"); and T or NK cells directed at a target without the word CAR
# ("CD19-directed autologous T cells").
_CELL_DISEASE = ("sickle", "small", "squamous", "basal", "renal", "hairy", "merkel", "mantle", "giant", "germ")
_CAR = r"(?:\b|(?<=\d))c?CA{1,2}R"
_CAR_KIND = r"(?:T|NK|NKT|iNKT|Tregs?|γδ[\s-]?T|macrophages?)(?:\d+|s)?\b"
_MADE = r"(?:(?:engineered|modified|transduced|redirected|expressing)[\s-]+)?"
CELL_THERAPY = lazy(
    rf"{_CAR}(?:\+[\s-]?|[\s-]){_MADE}{_CAR_KIND}|(?-i:{_CAR}{_CAR_KIND})|(?-i:\bcCAR\b)|"
    r"\bCD\d+[a-z]?[\s-]*cart\b|\bcart[\s-]?\d+\b|"
    r"chimeric (?:antigen|autoantibody) receptor|"
    r"leucel\b|"
    r"\b(?:re)?(?:directed|targeted|engineered)\s+(?:(?:autologous|allogeneic|human)\s+)?(?:T|NK)[\s-]cells?\b|"
    + "".join(rf"(?<!{word}[\s-])" for word in _CELL_DISEASE)
    + r"\bcell(?:ular)? therap",
    re.IGNORECASE,
)

# A record's fields that say what it studies: its titles, what it lists as its conditions and keywords,
# and what it gives (its interventions, arms and cell product); not its summaries, whose words name
# other diseases and treatments too (a lupus exclusion of a trial in another disease).
_TEXTS = ("acronym", "brief_title", "official_title")
_LISTS = ("conditions", "keywords")
_ITEMS = {"interventions": ("name", "description", "other_names"), "arms": ("label", "description")}


def is_reason(text: str) -> bool:
    """Whether text can be a reason for holding a trial out of scope: words, on one printed line. The
    import, `trials new` and the check (E114) hold a reason to this one rule (the schema asks only for
    one character: a blank or a run of lines passed for one)."""
    return bool(text.strip()) and text.isprintable()


def shows(data: dict[str, Any]) -> bool:
    """Whether a record's words show lupus or a CAR-T or related cell therapy."""
    return sign(data) is not None


def sign(data: dict[str, Any]) -> tuple[str, str] | None:
    """The first of a record's words that shows it in scope: (its field, dotted; the words), or None."""
    for field, text in _words(data):
        found = _lupus(text) or CELL_THERAPY.search(text)
        if found:
            return field, found.group(0)
    return None


def _lupus(text: str) -> re.Match[str] | None:
    """The word lupus in a text, or SLE where the text does not spell it out as other words."""
    for found in LUPUS.finditer(text):
        if found.group(0) != "SLE" or not SLE_OTHERWISE.search(text):
            return found
    return None


def _words(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for name in _TEXTS:
        if isinstance(data.get(name), str):
            yield name, data[name]
    for name in _LISTS:
        yield from ((f"{name}.{i}", text) for i, text in enumerate(data.get(name) or ()) if isinstance(text, str))
    for name, keys in _ITEMS.items():
        for i, item in enumerate(data.get(name) or ()):
            for key in keys:
                value = item.get(key) if isinstance(item, dict) else None
                texts = [value] if isinstance(value, str) else value if isinstance(value, list) else []
                yield from ((f"{name}.{i}.{key}", text) for text in texts if isinstance(text, str))
    product = data.get("cell_product")
    if isinstance(product, dict) and isinstance(product.get("name"), str):
        yield "cell_product.name", product["name"]
