"""A site its facility's bracket takes back, before the entry's next comma, is none of the trial's sites.

"Location: Shanghai Hospital (withdrawn), Shanghai, China" still bound the city Shanghai, and
"Ruijin Hospital (site closed), Shanghai, China" the city and the country: retracted.taken_back read an
entry's parts only where a comma followed each part's words (_PARTS_BEFORE before the value, _PART_REST
and _ENTRY_PART after it), and the facility's bracket stood between its words and its comma, so neither
the city's place after the facility nor "Shanghai" opening the facility's own name reached it.

Now a part may have a bracket before its comma: read before the value, the brackets of the parts from
the nearest facility on (_FACILITY, a word naming an institution) take the value back; read after it,
the value's own part runs to its bracket, and a bracket that takes nothing back ("(Recruiting)") is
walked past to the entry's next parts. Without a facility before the value, the parts may be a list's
("Sites: Beijing (closed), Shanghai"), each an entry of its own, and the bracket of one takes back no
other; nor does a facility's bracket take back the next facility's entry.
"""

from __future__ import annotations

import pytest
from conftest import Trials, im19_out
from sle_trials.reading import retracted

SHANGHAI = "locations:\n  - city: Shanghai\n"
CHINA = "locations:\n  - country: China\n"
TAKEN_BACK = "the text stands in its source only where the words right around it take it back"


@pytest.mark.parametrize(
    ("line", "fields", "field"),
    [
        ("Location: Shanghai Hospital (withdrawn), Shanghai, China", SHANGHAI, "city"),
        ("Location: Ruijin Hospital (withdrawn), Shanghai, China", SHANGHAI, "city"),
        ("Location: Ruijin Hospital (withdrawn), Shanghai, China", CHINA, "country"),
        ("Location: Ruijin Hospital (site closed), Shanghai, China", SHANGHAI, "city"),
        ("Location: Ruijin Hospital [terminated], Shanghai, China", SHANGHAI, "city"),
        ("Location: Ruijin Hospital (no longer participating), Shanghai, China", SHANGHAI, "city"),
        ("Location: Ruijin Hospital (proposed), Shanghai, China", SHANGHAI, "city"),
        ("Location: Fudan University Cancer Center (cancelled), Shanghai, China", SHANGHAI, "city"),
        ("Location: Ruijin Hospital, Shanghai (withdrawn), China", CHINA, "country"),
        ("Location: Shanghai Hospital (Recruiting), Shanghai, China (withdrawn)", SHANGHAI, "city"),
        ("Closed sites: Ruijin Hospital (Site 01), Shanghai, China", SHANGHAI, "city"),
    ],
)
def test_a_site_its_facilitys_bracket_takes_back_is_none(trials: Trials, line: str, fields: str, field: str) -> None:
    assert f" E501 locations.0.{field}: {TAKEN_BACK}" in im19_out(trials, line, fields)


@pytest.mark.parametrize(
    "line",
    [
        "Location: Ruijin Hospital (Recruiting), Shanghai, China",
        "Location: Shanghai Hospital (Recruiting), Shanghai, China",
        "Location: Ruijin Hospital (Site 01), Shanghai, China",
        "Location: Ruijin Hospital (formerly Shanghai No. 2 Hospital), Shanghai, China",
        "Locations: Beijing Hospital (withdrawn), Beijing; Ruijin Hospital, Shanghai, China",
        "Locations: Beijing Hospital (withdrawn), Ruijin Hospital, Shanghai, China",
        "Sites: Beijing (closed), Shanghai, Guangzhou",
    ],
)
def test_a_site_beside_another_bracket_still_is_one(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, SHANGHAI) == ""


@pytest.mark.parametrize(
    ("text", "value", "back"),
    [
        ("Ruijin Hospital (withdrawn), Shanghai, China", "Shanghai", True),
        ("Shanghai Hospital (withdrawn), Shanghai, China", "Shanghai", True),
        ("Ruijin Hospital (Recruiting), Shanghai, China (withdrawn)", "Ruijin Hospital", True),
        ("Beijing Hospital (withdrawn), Shanghai Hospital, Shanghai", "Shanghai Hospital", False),
        ("Beijing (closed), Shanghai, Guangzhou", "Shanghai", False),
    ],
)
def test_an_entrys_bracket_is_read_of_its_site_only(text: str, value: str, back: bool) -> None:
    start = text.index(value)
    assert retracted.taken_back(text, start, start + len(value), entry=True, site=True, planned=True) is back
    assert not retracted.taken_back(text, start, start + len(value))  # (parts are read only of an entry)


# --- a facility with its own note, its site written together --------------------------------------------

# A bracket of the site's own status or number between its facility and its city ("Ruijin Hospital
# (Recruiting), Shanghai, China") was read as another site's words by the check that a sentence writes
# a site's texts together (prose._SITE_JOIN): the honest site was refused E512.
RUIJIN = "locations:\n  - facility: Ruijin Hospital\n    city: Shanghai\n    country: China\n"


@pytest.mark.parametrize(
    "line",
    [
        "Location: Ruijin Hospital (Recruiting), Shanghai, China",
        "Location: Ruijin Hospital (Not yet recruiting), Shanghai, China",
        "Location: Ruijin Hospital (Active, not recruiting), Shanghai, China",
        "Location: Ruijin Hospital (Site 01), Shanghai, China",
        "Location: Ruijin Hospital (site #3), Shanghai, China",
        "Location: Ruijin Hospital, Shanghai, China (Recruiting)",
    ],
)
def test_a_site_with_its_own_note_is_written_together(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, RUIJIN) == ""


@pytest.mark.parametrize(
    "line",
    [
        "Location: Ruijin Hospital (withdrawn), Shanghai, China",
        "Location: Ruijin Hospital (Beijing Branch), Shanghai, China",
        "Location: Ruijin Hospital (and Huashan Hospital), Shanghai, China",
    ],
)
def test_a_site_with_another_bracket_is_still_refused(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, RUIJIN) != ""
