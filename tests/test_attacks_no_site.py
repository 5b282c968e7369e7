"""A place that never became a site of the trial is no site.

"Shanghai, China (not selected)", "(site not activated)", "- never opened", "(declined to
participate)" each bound a site's city: the source says the place never took part
(retracted._SITE_GONE). A site not yet open ("(not yet activated)", "(Not yet recruiting)") is still
one of the trial's.
"""

from __future__ import annotations

import pytest
from conftest import Trials, im19_out

SHANGHAI = "locations:\n  - city: Shanghai\n"
TAKEN_BACK = " E501 locations.0.city: the text stands in its source only where the words right around it take it back"


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
    "line",
    [
        "Location: Shanghai, China",
        "Study site: Shanghai, China",
        "Location: Beijing, China; Shanghai, China (not yet activated)",
        "Location: Beijing, China; Shanghai, China (Not yet recruiting)",
        "Location: Beijing, China; Shanghai, China (selected in 2024)",
    ],
)
def test_a_site_still_binds(trials: Trials, line: str) -> None:
    assert im19_out(trials, line, SHANGHAI) == ""
