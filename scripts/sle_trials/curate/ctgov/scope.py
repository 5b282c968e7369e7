"""Scope: whether a study belongs in this registry, CAR-T and related cell therapies in lupus.

The registry is not a mirror of ClinicalTrials.gov: a study whose conditions and interventions show
neither lupus nor a CAR-T or related cell therapy is refused on import (ten trials of other diseases
once entered it unremarked), unless the curator says why it belongs (`--out-of-scope REASON`, kept
as curation.out_of_scope). Either sign is enough: a CAR-T trial across autoimmune diseases, or a
lupus trial of a related cell therapy, is for the curator to judge, not the importer. The signs are
reading/in_scope.py's, read on the record the study becomes, which is what the check holds every
record to (E114): the gate and the check agree both ways.
"""

from __future__ import annotations

from typing import NamedTuple

from sle_trials.curate.ctgov.study import clean, items, obj
from sle_trials.reading import in_scope


class Scope(NamedTuple):
    sign: tuple[str, str] | None  # the record's first words showing lupus or a cell therapy (in_scope.sign)
    conditions: list[str]  # what the study lists, for the message that refuses it
    interventions: list[str]

    @property
    def inside(self) -> bool:
        return self.sign is not None

    def why_not(self) -> str:
        conditions = "; ".join(self.conditions[:5]) or "none"
        interventions = "; ".join(self.interventions[:5]) or "none"
        return (
            f"its conditions ({conditions}) and interventions ({interventions}), nor its titles and arms, show "
            "lupus or a CAR-T or related cell therapy"
        )


def of_study(study: dict, record: dict) -> Scope:
    """Whether the study is in scope, read on record, the data of the record the import writes for it
    (ctgov.to_record): the very words the check reads (E114), each field as the record holds it. The
    gate once read the study's own fields, each sign in some of them (lupus in its conditions and
    titles, a cell therapy in its interventions and arms): a study whose keyword was "CAR-T" or whose
    intervention's description named lupus was refused without a reason and, with one, written as a
    record the check refused for holding it; and it read the arms' intervention names, which the
    record does not hold. The study's conditions (with keywords) and interventions are listed for the
    message that refuses it."""
    ps = study["protocolSection"]
    cond = obj(ps, "conditionsModule")
    # each once: a study's keywords often repeat its conditions, and the message listed them twice
    conditions = list(
        dict.fromkeys(c for c in (clean(v) for v in items(cond, "conditions") + items(cond, "keywords")) if c)
    )
    named: list[str] = []
    for raw in items(obj(ps, "armsInterventionsModule"), "interventions"):
        if isinstance(raw, dict):
            named += [t for t in (clean(raw.get("name")), *(clean(v) for v in items(raw, "otherNames"))) if t]
    return Scope(in_scope.sign(record), conditions, named)
