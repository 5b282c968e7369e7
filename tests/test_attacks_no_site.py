"""A place that never became a site of the trial, or a label naming another role's place, is no site.

"Shanghai, China (not selected)", "(site not activated)", "- never opened", "(declined to
participate)" each bound a site's city: the source says the place never took part
(retracted._SITE_GONE). "Manufacturing site: Shanghai, China", "Central laboratory: ...", "Sponsor
address: ...", "Headquarters: ..." each passed as a trial site in a plain document: the label names
where the product is made, samples are tested or the sponsor sits (prose._NOT_A_SITE). A site not
yet open ("(not yet activated)", "(Not yet recruiting)") is still one of the trial's.
"""

from __future__ import annotations

import pytest
from conftest import Trials, im19_out

SHANGHAI = "locations:\n  - city: Shanghai\n"
TAKEN_BACK = " E501 locations.0.city: the text stands in its source only where the words right around it take it back"
NOT_A_SITE = " E512 locations.0.city: not where the source states it"


@pytest.mark.parametrize(
    "words",
    [
        "(not selected)",
        "(site not activated)",
        "- never opened",
        "(declined to participate)",
        "(site did not participate)",
        "(never initiated)",
    ],
)
def test_a_place_that_never_became_a_site_is_none(trials: Trials, words: str) -> None:
    assert TAKEN_BACK in im19_out(trials, f"Location: Beijing, China; Shanghai, China {words}", SHANGHAI)


@pytest.mark.parametrize(
    "label",
    ["Manufacturing site", "Central laboratory", "Sponsor address", "Headquarters", "Cell processing facility"],
)
def test_a_place_a_label_gives_another_role_is_no_site(trials: Trials, label: str) -> None:
    assert NOT_A_SITE in im19_out(trials, f"{label}: Shanghai, China. Location: Beijing, China", SHANGHAI)


@pytest.mark.parametrize(
    "line",
    [
        "Location: Shanghai, China",
        "Study site: Shanghai, China",
        "Location: Beijing, China; Shanghai, China (not yet activated)",
        "Location: Beijing, China; Shanghai, China (Not yet recruiting)",
        "Location: Beijing, China; Shanghai, China (selected in 2024)",
        "Central laboratory: Beijing, China. Location: Shanghai, China",
        "Reference centre: Shanghai, China",
        "Coordinating center: Shanghai, China",
    ],
)
def test_a_site_still_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, SHANGHAI) == ""
