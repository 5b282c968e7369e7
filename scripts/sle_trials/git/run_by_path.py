"""Files run by their path as a makefile or a shell script, whatever their names: `$(MAKE) -f mk/rules` in a recipe,
`bash .ci/steps.txt` or `source .ci/env` in a script (git/extract.py reads each as the kind that runs it).

The rules of makefiles' lines (a line led by spaces, a definition given twice) read a file by its name, or as one a
makefile includes (hunt 208), and those of shell scripts (a function defined twice or named as a builtin, `eval`) by
its name or its `#!` line. A file another runs by its path has neither: `$(MAKE) -f mk/rules check`, with
`mk/rules` holding a step led by spaces (make reads it as a variable set and never runs it) or a variable given
twice, `bash .ci/steps.txt` with a function defined twice and `eval`, and `source .ci/env` defining `set() { :; }`
(bash then runs it for `set -euo pipefail`), each passed (exit 0, hunt 210).
"""

from __future__ import annotations

import posixpath
import shlex
from collections.abc import Mapping

from sle_trials import files
from sle_trials.git.code_files import attributes_file, python_source
from sle_trials.git.shell_lines import numbered_lines

# the words after which make reads the next word as a makefile
_MAKE = frozenset(("make", "$(MAKE)", "${MAKE}", "gmake"))
_MAKE_FILE_OPTIONS = ("-f", "--file", "--makefile")
# the words that run the next word as a shell's script (or in the shell itself)
_SHELLS = frozenset(("bash", "sh", "dash", "zsh", "ksh", "source", "."))


def run_by_path(texts: Mapping[str, bytes | None]) -> tuple[set[str], set[str]]:
    """Of the code's files (path -> bytes), those another (not Python, `.gitattributes`, JSON or TOML, whose words
    are no commands) runs by its path: (as makefiles, as shell scripts). A path is read from the top, where make
    and CI run, or from the running file's folder."""
    by_name = {files.folded(path): path for path in texts}
    made: set[str] = set()
    shelled: set[str] = set()
    for path, data in texts.items():
        if data is None or python_source(path) or attributes_file(path) or path.lower().endswith((".json", ".toml")):
            continue
        folder = path.rpartition("/")[0]
        for _, line in numbered_lines(data.decode("utf-8", "replace")):  # (`$(MAKE) \\` then `-f mk/rules`: hunt 221)
            if line.lstrip().startswith("#"):
                continue
            try:
                words = shlex.split(line.replace(";", " ; ").replace("&&", " && "), comments=True)
            except ValueError:
                words = line.split()
            making = False
            for n, word in enumerate(words):
                after = words[n + 1] if n + 1 < len(words) else ""
                making = making or word.rpartition("/")[2] in _MAKE or word in _MAKE
                if making and (word in _MAKE_FILE_OPTIONS or word.startswith(("-f", "--file=", "--makefile="))):
                    named = after if word in _MAKE_FILE_OPTIONS else word.partition("=")[2] or word[2:]
                    made |= _found(named, folder, by_name)
                if word.rpartition("/")[2] in _SHELLS or word in _SHELLS:
                    shelled |= _found(after, folder, by_name)
    return made, shelled


def _found(word: str, folder: str, by_name: dict[str, str]) -> set[str]:
    """The code's file a word names, from the top or from folder (by_name: folded path -> path)."""
    out = set()
    for spelled in (word, posixpath.join(folder, word)):
        found = by_name.get(files.folded(posixpath.normpath(spelled))) if word else None
        if found is not None:
            out.add(found)
    return out
