"""Pull-request attacks on the review summary: an AI agent's instructions passed off as documentation.

`trials diff` names every changed file that is not the data, and calls Markdown "documentation", a
change a reviewer may skim. But AGENTS.md, CLAUDE.md, .github/copilot-instructions.md and their kin
instruct the AI agents a project is worked on with, which follow them as they run commands and write
code: a pull request that told them to skip `trials check`, or to write records from memory, was
summarised as documentation. They are now named with the code and settings that check every record.
"""

from __future__ import annotations

import pytest
from sle_trials.curate.diff import _Layout

TOP, NESTED = _Layout(""), _Layout("data/sle/")


@pytest.mark.parametrize(
    "path",
    [
        "AGENTS.md",
        "scripts/AGENTS.md",  # an agent reads the one nearest the files it edits too
        "agents.md",
        "AGENT.md",
        "CLAUDE.md",
        "CLAUDE.local.md",
        "tests/CLAUDE.md",
        "GEMINI.md",
        # (attack31) Codex reads AGENTS.override.md before AGENTS.md in each folder; Qwen Code, Warp
        # and Crush read their own: each was summarised as documentation
        "AGENTS.override.md",
        "scripts/agents.override.md",
        "QWEN.md",
        "WARP.md",
        "CRUSH.md",
        "crush.local.md",
        ".github/copilot-instructions.md",
        ".github/instructions/trials.instructions.md",
        ".github/prompts/curate.prompt.md",
        ".claude/commands/release.md",
        ".claude/skills/curate/SKILL.md",
        ".cursor/rules/data.md",
        ".junie/guidelines.md",
        "data/.roo/rules/x.md",
    ],
)
def test_an_agents_instructions_are_no_documentation(path: str) -> None:
    assert not TOP.inert(path)


@pytest.mark.parametrize("path", ["README.md", "docs/curating.md", "CHANGELOG.md", "LICENSE", "docs/agents-notes.md"])
def test_documentation_is_still_documentation(path: str) -> None:
    assert TOP.inert(path)


def test_a_registry_in_a_subfolder_reads_them_alike() -> None:
    assert not NESTED.inert("AGENTS.md") and not NESTED.inert("data/sle/CLAUDE.md")
    assert NESTED.inert("data/sle/docs/checks.md") and NESTED.inert("data/sle/trials.csv")
