"""Attacks on what a reviewer is shown of a pull request: a file that runs, named as documentation.

`trials diff` (review.yml's job summary) names every changed file that is not the data: the
checker's files under "checker: changed … the code and settings that check every record", and the
ones nothing runs under "files: changed … documentation, generated files". A file was documentation by
its name: any `*.md`, and LICENSE with any suffix. GitHub runs every `.github/workflows/*.yml`
whatever its name, so a pull request that added `.github/workflows/LICENSE.yml` (a workflow run on
every push to main, with the repository's secrets and a token that can write) was summarised as
"documentation", and no checker line said that CI had changed. A licence is now LICENSE or
LICENSE.txt; any other LICENSE.* is the checker's.
"""

from __future__ import annotations

import pytest
from sle_trials.curate import diff
from sle_trials.git import plumbing

_FILE = plumbing.Entry("100644", "0" * 40)


@pytest.mark.parametrize(
    "path",
    [
        ".github/workflows/LICENSE.yml",
        ".github/workflows/LICENSE.yaml",
        "LICENSE.py",
        "tests/LICENSE.sh",
        "data/sle/LICENSE.cfg",
    ],
)
def test_a_file_that_can_run_is_never_documentation_by_its_name(path: str) -> None:
    assert not diff._Layout("").inert(path)
    assert not diff._Layout("data/sle/").inert(path)


@pytest.mark.parametrize("path", ["LICENSE", "LICENSE.txt", "docs/LICENSE", "README.md", "docs/data.md"])
def test_documentation_is_still_inert(path: str) -> None:
    assert diff._Layout("").inert(path)


def test_a_workflow_named_like_a_licence_is_on_the_checker_line() -> None:
    changes = [
        plumbing.Change(path, "A", _FILE, _FILE)
        for path in (".github/workflows/LICENSE.yml", "LICENSE", "docs/notes.md")
    ]
    checker, others = diff._not_data(diff._Layout(""), changes)
    assert checker == [".github/workflows/LICENSE.yml"]
    assert others == ["LICENSE", "docs/notes.md"]
