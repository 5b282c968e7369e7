"""Scope: whether a study belongs in this registry, CAR-T and related cell therapies in lupus.

The registry is not a mirror of ClinicalTrials.gov: a study whose conditions and interventions show
neither lupus nor a CAR-T or related cell therapy is refused on import (ten trials of other diseases
once entered it unremarked), unless the curator says why it belongs (`--out-of-scope REASON`, kept
as curation.out_of_scope). Either sign is enough: a CAR-T trial across autoimmune diseases, or a
lupus trial of a related cell therapy, is for the curator to judge, not the importer. The signs are
reading/in_scope.py's, which the check holds every record to as well (E114).
"""

from __future__ import annotations

from typing import NamedTuple

from sle_trials.curate.ctgov.study import clean, items, markup, obj
from sle_trials.reading.in_scope import CELL_THERAPY, LUPUS


class Scope(NamedTuple):
    lupus: bool  # the conditions or keywords name lupus
    cell_therapy: bool  # an intervention or arm names a CAR-T or related cell therapy
    conditions: list[str]  # what the study lists, for the message that refuses it
    interventions: list[str]

    @property
    def inside(self) -> bool:
        return self.lupus or self.cell_therapy

    def why_not(self) -> str:
        conditions = "; ".join(self.conditions[:5]) or "none"
        interventions = "; ".join(self.interventions[:5]) or "none"
        return (
            f"its conditions ({conditions}) and interventions ({interventions}), nor its titles and arms, show "
            "lupus or a CAR-T or related cell therapy"
        )


def of_study(study: dict) -> Scope:
    """What the study's conditions (with keywords) and interventions (with their other names and
    descriptions, and the arms' intervention names) show; and its titles, acronym and arms' labels and
    descriptions: every word of it that the check reads in the record it becomes (E114), so that a
    study imported as out of scope is one the check holds out of scope too, and one imported in scope
    needs no reason."""
    ps = study["protocolSection"]
    ident = obj(ps, "identificationModule")
    titled = [t for t in (clean(ident.get(k)) for k in ("briefTitle", "officialTitle", "acronym")) if t]
    cond = obj(ps, "conditionsModule")
    # each once: a study's keywords often repeat its conditions, and the message listed them twice
    conditions = list(
        dict.fromkeys(c for c in (clean(v) for v in items(cond, "conditions") + items(cond, "keywords")) if c)
    )
    mod = obj(ps, "armsInterventionsModule")
    named: list[str] = []
    described: list[str] = []
    for raw in items(mod, "interventions"):
        if isinstance(raw, dict):
            named += [t for t in (clean(raw.get("name")), *(clean(v) for v in items(raw, "otherNames"))) if t]
            described += [t for t in (markup(raw.get("description")),) if t]
    for arm in items(mod, "armGroups"):
        described += [t for t in (clean(v) for v in items(arm, "interventionNames")) if t]
        if isinstance(arm, dict):
            titled += [t for t in (clean(arm.get("label")), markup(arm.get("description"))) if t]
    lupus = any(LUPUS.search(c) for c in conditions + titled)
    cell = any(CELL_THERAPY.search(t) for t in named + described + titled)
    return Scope(lupus, cell, conditions, named)
