"""A commit's data, written out as its blobs are: what .ci/trusted-check checks with the base branch's code.

review.yml checks a pull request's records, sources, manifest and generated files with the code and
the schema of the base branch. They used to be taken with `git archive | tar -x`, but `git archive`
writes each file through the attributes of the tree it archives, which are the pull request's own
`.gitattributes`: `export-ignore` left a record out of the folder (a record with a wrong value was
never read, and the check passed), `export-subst` wrote `$Format:%an$` of a source as the author's name
(the check read words no commit holds), and `ident`, `eol`, `working-tree-encoding` and a `filter`
rewrote the bytes as a checkout would (E308, which refuses those attributes, runs on a git work tree,
and the folder is none). So the files are written from their blobs, byte for byte, through no
attribute: one `git ls-tree` and `git cat-file` processes (git/plumbing.py), never `git archive`.

Each path is written as a checkout would write it, or not at all: a regular file as its bytes, a link
as a link (never followed: `trials check` refuses it by its name, E001 or E307), a submodule as an
empty folder (a subfolder, which `trials check` refuses by its name; a submodule in the place of
`trials`, `seeds` or a generated file stops the extraction: read as an empty folder, a registry
whose records and sources are another repository's passed as one of none). A file larger than any
limit the check reads within is written as a sparse file of its size, which the check refuses by its
size alone, as it would the file (the blob of zeros a pack holds in a few kilobytes is never inflated
to disk). What no checkout writes (a name `.`, `..` or `.git`, a
path through a file or a link, a path twice, a mode git does not check out) stops the extraction
with exit status 2, and nothing is written outside the folder: every folder on the way is one this
extraction made, and every file is created new, never through a link.

The data is written as its blobs are, but it is merged with the attributes the commit gives it: a
file of the registry they have git rewrite on checkout or in an archive (E308's attributes,
checkout.rewrites) stops the check too, after the extraction: checked as its blobs, it passed, and
every clone of the merged branch then held other bytes than those checked.

Compiled Python anywhere in the commit stops it as well (no_compiled_code), and so does a package beside
a module of its name (no_module_shadowed), a module imported before the library's
(no_module_before_the_library) or settings beside those their tool would read (no_settings_shadowed) or
below the top, where they stand in for the top's (no_settings_below), or in a comment, for a whole Python
source (no_settings_in_a_comment), code mypy takes as never run (no_code_mypy_skips, and by its settings
no_code_mypy_skips_by_its_settings) or settings by which ruff or mypy read less of some code
(no_code_checks_narrowed; a module an ignore file names, which ruff's walk leaves out, no_code_ruff_ignores), a test
pytest never runs (no_test_left_uncollected, no_test_folder_skipped, no_collection_narrowed), a
Python source in another encoding than UTF-8 (no_other_encoding), indented with a tab
(no_tab_in_indentation; a makefile's line led by spaces, no_line_led_by_a_space, or its definition given
twice, no_make_definition_twice; a shell function defined twice, no_shell_function_twice; a
here-document `<<-`,
no_here_document_ended_after_tabs; a byte-order mark before a script's first word, no_byte_order_mark; a
byte that is not UTF-8, no_bytes_beyond_utf8), with a line Python ends where git does not
(no_lone_carriage_return; or ends one by CR LF where it is no Python, no_line_ended_by_a_carriage_return)
or with a name beyond ASCII (no_names_beyond_ascii) or bound twice in its scope
(no_name_bound_twice), an invisible character
(no_invisible_characters), a key given twice in a YAML or JSON file (no_key_twice), another party's action
or hooks run by a tag or a branch (no_name_that_moves) or a space that is not
the ASCII space (no_other_spaces) or at a line's end
(no_white_space_at_a_line_end), blanks that push a line's words aside (no_words_pushed_aside), a file
that runs the check but Python holding a character that shows a reviewer an ASCII one it is not
(no_look_alike_words), and code Python runs as it starts (no_start_up_code: a .pth file, sitecustomize,
the .venv/ folder itself), and a type stub mypy reads in place of a module (no_type_stub): merged, each becomes
the code of the base branch that checks the next pull request, run in place of or before the source a reviewer
reads as the code (or, a stub, checked in its place).

So does a symbolic link or a submodule outside the data (no_link_outside_the_data), through which a
checkout runs a file no review shows as code, and an attribute the commit gives any file that runs
or configures the check (code_rewritten: `ident`, a `filter`, `working-tree-encoding`, `eol=crlf`,
`export-subst`): merged, every checkout of the base branch writes its code through it, other than
the blobs the review showed.

The rules live by concern, each a function named for what it refuses (no_...): git/code_files.py (which
files run, and the paths and trees by which a checkout runs other code), git/code_text.py (what a code
file's characters show a reviewer), git/defined_twice.py (a definition its tool keeps the later of) and
git/review_view.py (what GitHub's review shows of a pull request's code); this module reads a commit
through them (code_held) and writes its data.

The data a merge holds is checked too: the pull request's head is what its review reads, and the merge
with the base branch what lands. `--merge REV FOLDER` writes the merge's data where it is not REV's
own (extract_merge), and refuses a merge that conflicts; .ci/trusted-check runs it after the head's.

    usage: python -m sle_trials.git.extract [--merge] REV FOLDER     exit status: 0 written, 2 refused
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from sle_trials import files, paths
from sle_trials.checks import checkout, sources
from sle_trials.git import plumbing
from sle_trials.git.bound_elsewhere import module_functions
from sle_trials.git.code_files import (
    DATA,
    PYTHON_LIMIT,
    TEST_INPUTS,
    attributes_file,
    inputs_that_run,
    make_file,
    no_attributes_file_in_disguise,
    no_compiled_code,
    no_distribution_metadata,
    no_link_outside_the_data,
    no_module_before_the_library,
    no_module_shadowed,
    no_name_that_moves,
    no_python_among_the_inputs,
    no_settings_below,
    no_settings_shadowed,
    no_start_up_code,
    no_type_stub,
    prose,
    python_script,
    python_source,
    runs,
)
from sle_trials.git.code_text import (
    no_byte_order_mark,
    no_bytes_beyond_utf8,
    no_code_past_the_screen,
    no_here_document_ended_after_tabs,
    no_invisible_characters,
    no_line_ended_by_a_carriage_return,
    no_line_led_by_a_space,
    no_line_some_gits_skip,
    no_lone_carriage_return,
    no_look_alike_words,
    no_names_beyond_ascii,
    no_other_encoding,
    no_other_spaces,
    no_tab_in_indentation,
    no_white_space_at_a_line_end,
    no_words_pushed_aside,
    python_tokens,
    tab_width_of,
)
from sle_trials.git.defined_twice import (
    included_by_make,
    no_key_twice,
    no_make_definition_twice,
    no_name_bound_twice,
    no_shell_function_twice,
)
from sle_trials.git.documentation_run import documentation, documentation_that_runs
from sle_trials.git.exit_status import no_exit_in_a_trap, no_failure_passed
from sle_trials.git.givers import ModuleGivers
from sle_trials.git.ignored import IGNORE_FILES, no_code_ruff_ignores
from sle_trials.git.import_roots import no_module_named_as_an_installed_one
from sle_trials.git.installed import no_dependency_added, no_pip_from_elsewhere
from sle_trials.git.lint_commands import no_lint_narrowed_by_its_command
from sle_trials.git.lint_settings import no_code_checks_narrowed
from sle_trials.git.make_run import TopMakefile, no_make_run_otherwise
from sle_trials.git.marks_added import no_empty_cases_excused_anew, no_test_excused_anew
from sle_trials.git.program_writes import no_program_written_outside_the_tree
from sle_trials.git.python_processes import no_check_started_with_its_status_dropped
from sle_trials.git.python_writes import no_program_written_by_python
from sle_trials.git.refusal import (
    Refused,
)
from sle_trials.git.review_view import (
    code_shown_in_full,
    code_shown_with_white_space,
    no_diff_folded_as_generated,
)
from sle_trials.git.run_by_path import run_by_path
from sle_trials.git.shadowed_fixtures import CONFTEST, conftest_fixtures, no_conftest_fixture_stubbed
from sle_trials.git.skipped import no_test_skipped_on_no_module
from sle_trials.git.status_dropped import no_check_status_dropped, shell_run
from sle_trials.git.status_in_text import no_check_in_a_text_run_elsewhere
from sle_trials.git.tool_comments import no_code_mypy_skips, no_settings_in_a_comment
from sle_trials.git.uncollected import (
    no_collection_narrowed,
    no_pytest_narrowed_by_its_command,
    no_test_folder_skipped,
    no_test_left_uncollected,
)
from sle_trials.git.vacuous_asserts import no_optimisation_in_a_command
from sle_trials.git.verdicts_anywhere import no_test_machinery_in_the_package
from sle_trials.git.version_branches import mypy_sees, no_code_mypy_skips_by_its_settings
from sle_trials.paths import SCHEMA_PATH

SCHEMA = SCHEMA_PATH.as_posix()

# The largest file the check reads (the manifest's limit; a trial file's, a source's and a generated
# file's are smaller): a larger one is refused by its size without a byte of it read.
LIMIT = sources.MANIFEST_LIMIT
CHUNK = 64 << 20  # bytes of blobs read from one `git cat-file --batch`
_NOT_CHECKED_OUT = {"", ".", "..", ".git"}


def extract(
    repository: plumbing.Repository, rev: str, dest: Path, read: set[tuple[str, str]] | None = None
) -> list[str]:
    """Write the data of commit rev into dest (a folder that is empty or not there): the paths
    written, from the top. Refused (nothing more is written) for a path no checkout writes, or code
    that runs otherwise than its review shows (code_held, which adds the files it read to read)."""
    commit = repository.commit(rev)
    if commit is None:
        raise Refused(f"{files.shown(rev)} names no commit")
    return _write_data(repository, commit, dest, read, with_code=True)


def extract_merge(repository: plumbing.Repository, rev: str, dest: Path) -> list[str]:
    """Write into dest the data of the merge of commit rev into HEAD (the base branch's checkout), as
    GitHub would merge it, where it differs from rev's own: the paths written (none: the merge holds
    rev's data as it is, which extract() wrote, or no merge: no history shared). Refused where the
    two conflict.
    Each side's data passes alone and the merge's may not: main took a newer copy of a record's source,
    with the status the page gives now, after the pull request branched, and the pull request's note
    that the trial is recruiting lands beside the new status, unread. The merge's code and attributes
    are extract()'s and main()'s (merged_code), which run first; this writes its data alone."""
    commit = repository.commit(rev)
    head = repository.commit("HEAD")
    if commit is None or head is None:
        raise Refused(f"{files.shown(rev if commit is None else 'HEAD')} names no commit")
    merge = repository.merge(head, commit)
    if merge is None:  # no history shared: no merge GitHub makes (nor merged_code reads), nor one to check
        return []
    data = [path for path in merge.conflicted if path.split("/", 1)[0] in DATA or path == SCHEMA]
    if merge.conflicted:
        raise Refused(
            f"{files.shown(rev)} conflicts with HEAD in {files.printable(', '.join(data or merge.conflicted))}:"
            " GitHub merges none of it, and no check has read the data a merge would hold; merge the base"
            " branch into the pull request (or rebase it) and resolve the conflict"
        )
    if repository.tree_entries(merge.tree, list(DATA)) == repository.tree_entries(commit, list(DATA)):
        return []
    return _write_data(repository, merge.tree, dest, set(), with_code=False)


def _write_data(
    repository: plumbing.Repository, tree_ish: str, dest: Path, read: set[tuple[str, str]] | None, with_code: bool
) -> list[str]:
    """extract()'s writing of a commit's (or a merge's tree's) data into dest, with code_held first
    where with_code."""
    dest.mkdir(parents=True, exist_ok=True)
    if not stat.S_ISDIR(os.lstat(dest).st_mode) or any(dest.iterdir()):
        raise Refused(
            f"{files.shown(str(dest))} is not an empty folder: the data is written into a new or empty one "
            "(remove an earlier check's folder first)"
        )
    entries: dict[str, plumbing.Entry] = {}
    for path, entry in repository.tree_entries(tree_ish, list(DATA)):
        if path in entries:  # a tree git fsck refuses: which of the two would a checkout write?
            raise Refused(f"{files.shown(path)} is written twice")
        entries[path] = entry
        parts = path.split("/")
        if parts[0] not in DATA or any(part.lower() in _NOT_CHECKED_OUT for part in parts):
            raise Refused(f"{files.shown(path)}: a path no checkout writes")
    if with_code:
        code_held(repository, tree_ish, set() if read is None else read)
    kinds = repository.objects({entry.oid for entry in entries.values() if entry.mode != plumbing.GITLINK_MODE}, -1)
    made: set[str] = set()
    for path, entry in entries.items():
        if entry.mode == plumbing.GITLINK_MODE and "/" not in path:
            # an empty folder here is a registry of no records and no sources: checked so, the pull request
            # passed, and a clone with its submodules holds another repository's files there, unread
            raise Refused(f"{files.shown(path)} is a submodule: another repository's files, which no check reads")
        if entry.mode == plumbing.GITLINK_MODE:
            _folder(dest, path, made)
        elif entry.mode not in (*plumbing.FILE_MODES, plumbing.LINK_MODE) or kinds[entry.oid].kind != "blob":
            raise Refused(f"{files.shown(path)}: mode {entry.mode}, not a file git checks out")
    batch: list[tuple[str, plumbing.Entry]] = []
    held = 0
    for path, entry in sorted(entries.items()):
        if entry.mode == plumbing.GITLINK_MODE:
            continue
        size = kinds[entry.oid].size
        if size > LIMIT and entry.mode != plumbing.LINK_MODE:
            _write(dest, path, None, size, entry.mode, made)
            continue
        if held + size > CHUNK:
            _flush(repository, dest, batch, made)
            batch, held = [], 0
        batch.append((path, entry))
        held += size
    _flush(repository, dest, batch, made)
    return sorted(entries)


def code_held(repository: plumbing.Repository, tree_ish: str, read: set[tuple[str, str]]) -> None:
    """Refused: a commit's (or a tree's) code that runs otherwise than its review shows, by its paths
    (a path twice, twins, a link or a submodule outside the data, compiled or start-up code, a package
    shadowing a module) and by the words of each file that runs or configures the check. read: the
    files (path, blob id) already read so, none read twice; those read here are added to it."""
    # the whole tree, not the data alone: a name beside the registry's that a disk folding case or Unicode
    # forms takes as one of them (`trialſ/`) is written over it by a clone there, unchecked; and a name
    # beside the code's (`ſcripts/sle_trials/git/received.py`), which such a clone of the merged branch
    # writes over the module a reviewer read, and runs as the checker (git writes `ſ` after `s`)
    listed = repository.tree_entries(tree_ish, [])
    tree = [path for path, _ in listed]
    # a path twice anywhere, not in the data alone: the checks below read one blob of the two (the
    # last), and which one a checkout writes, and a review shows, is git's and GitHub's choice
    if len(set(tree)) != len(tree):
        twice = next(path for n, path in enumerate(tree) if path in tree[:n])
        raise Refused(f"{files.shown(twice)} is written twice")
    for spelled, other in paths.twins(tree, anywhere=True):
        raise Refused(paths.twin_message(spelled, other))
    for path, entry in listed:
        no_link_outside_the_data(path, entry)
    for path in tree:
        no_attributes_file_in_disguise(path)
        no_compiled_code(path)
        no_start_up_code(path)
        no_distribution_metadata(path)
        no_type_stub(path)
    no_module_shadowed(tree)
    no_module_before_the_library(tree)
    no_settings_shadowed(tree)
    no_settings_below(tree)
    no_module_named_as_an_installed_one(tree)
    no_test_folder_skipped(tree)
    files_of = {path: entry for path, entry in listed if entry.mode in plumbing.FILE_MODES}
    inputs = {path: entry for path, entry in files_of.items() if path.startswith(TEST_INPUTS)}
    for path in inputs:
        no_python_among_the_inputs(path)
    code = {path: entry.oid for path, entry in files_of.items() if runs(path)}
    documents = documentation(files_of)
    # the code's other files, which may name a test's input or a document they run, and the inputs and the
    # documents, whose first line may say what runs them
    wanted = {oid for path, oid in code.items() if (path, oid) not in read or not python_source(path)}
    others = {entry.oid for entry in (*inputs.values(), *documents.values())}
    if CONFTEST in code:  # its fixtures, which a module of the tests may not stub (git/shadowed_fixtures.py)
        others.add(code[CONFTEST])
    blobs = repository.objects(wanted | others, PYTHON_LIMIT)
    run: dict[str, str] = {}
    while True:  # a document that runs may name a test's input that runs, and one such input a document
        run = {path: documents[path].oid for path in documentation_that_runs(documents, code, blobs)}
        code.update(run)
        found = {path: inputs[path].oid for path in inputs_that_run(inputs, code, blobs) if path not in code}
        if not found:
            break
        code.update(found)
    sources = {path: oid for path, oid in code.items() if (path, oid) not in read}
    # a makefile with the makefiles it includes, whichever of them was read before: make reads them as one
    texts = {path: blobs[oid].data for path, oid in code.items() if oid in blobs}
    made, shelled = run_by_path(texts)  # `$(MAKE) -f mk/rules`, `bash .ci/steps.txt`: run as their runner reads them
    makefiles = sorted(path for path in code if make_file(path) or path in made)
    included = included_by_make(makefiles, texts)  # makefiles by another name (`include mk/rules`)
    ignoring = {path: data for path, data in texts.items() if path.rpartition("/")[2] in IGNORE_FILES and data}
    no_code_ruff_ignores(tree, ignoring)  # a module `.gitignore` names, which ruff's walk leaves out
    # which functions of the package's modules return a module, read where a source asks (bound_elsewhere)
    giver = ModuleGivers(repository, {path: entry.oid for path, entry in files_of.items()}, module_functions)
    sees = mypy_sees(texts.get("pyproject.toml"))  # the version and platform mypy checks the code as
    tab_width = tab_width_of([data for path, data in texts.items() if path.rpartition("/")[2] == ".editorconfig"])
    fixtures = conftest_fixtures(blobs[code[CONFTEST]].data if CONFTEST in code else None)
    top = TopMakefile.of(texts, included, tree)  # the targets a reviewer reads `make test` as one of
    for path, oid in sorted(sources.items()):
        python = python_source(path) or python_script(blobs[oid].data)
        words = prose(path) and path not in run  # an agent's instructions; a document that runs is code
        tokens = python_tokens(blobs[oid].data) if python else None  # read once, for both readers of them
        if python:
            no_other_encoding(path, blobs[oid].data)
            no_tab_in_indentation(path, blobs[oid].data)
            no_names_beyond_ascii(path, blobs[oid].data, tokens)
            no_name_bound_twice(path, blobs[oid].data, giver)
            no_settings_in_a_comment(path, blobs[oid].data)
            no_code_mypy_skips(path, blobs[oid].data)
            no_code_mypy_skips_by_its_settings(path, blobs[oid].data, sees)
            no_test_left_uncollected(path, blobs[oid].data)
            no_test_skipped_on_no_module(path, blobs[oid].data)
            no_test_machinery_in_the_package(path, blobs[oid].data)
            no_optimisation_in_a_command(path, blobs[oid].data, python=True)  # its `#!` line
            no_conftest_fixture_stubbed(path, blobs[oid].data or b"", fixtures)
            no_check_started_with_its_status_dropped(path, blobs[oid].data)
            no_program_written_by_python(path, blobs[oid].data)
        elif blobs[oid].data is None:
            raise Refused(f"{files.shown(path)}: over {PYTHON_LIMIT:,} bytes, whose characters are not read")
        no_lone_carriage_return(path, blobs[oid].data)
        no_bytes_beyond_utf8(path, blobs[oid].data)
        if make_file(path) or path in included or path in made:
            no_line_led_by_a_space(path, blobs[oid].data)
        if not python and not words:
            no_failure_passed(path, blobs[oid].data, makefile=make_file(path) or path in included or path in made)
        if not python and not words:
            no_pytest_narrowed_by_its_command(path, blobs[oid].data)
            no_optimisation_in_a_command(path, blobs[oid].data)
            no_pip_from_elsewhere(path, blobs[oid].data)
            no_shell_function_twice(path, blobs[oid].data, script=path in shelled)
            no_exit_in_a_trap(path, blobs[oid].data)
            no_here_document_ended_after_tabs(path, blobs[oid].data)
            no_byte_order_mark(path, blobs[oid].data)
        no_invisible_characters(path, blobs[oid].data)
        if attributes_file(path):
            no_line_some_gits_skip(path, blobs[oid].data)
        if not python and not words:  # (after the line some gits skip, which may end so too)
            no_line_ended_by_a_carriage_return(path, blobs[oid].data)
        no_diff_folded_as_generated(path, blobs[oid].data)
        no_key_twice(path, blobs[oid].data)
        no_collection_narrowed(path, blobs[oid].data)
        no_code_checks_narrowed(path, blobs[oid].data)
        no_name_that_moves(path, blobs[oid].data)
        if not words:
            no_code_past_the_screen(path, blobs[oid].data, python=python, tokens=tokens, tab_width=tab_width)
            no_white_space_at_a_line_end(path, blobs[oid].data)
            no_words_pushed_aside(path, blobs[oid].data, tab_width)
            no_other_spaces(path, blobs[oid].data)
            no_look_alike_words(path, blobs[oid].data, python=python, tokens=tokens)
        # (last: the rules above say more of a line that drops a check's status by their means too)
        makes = make_file(path) or path in included or path in made
        if not python and not words and (makes or path in shelled or shell_run(path, blobs[oid].data)):
            no_check_status_dropped(path, blobs[oid].data, recipes=makes)
            no_make_run_otherwise(path, blobs[oid].data, makes, top)
            no_lint_narrowed_by_its_command(path, blobs[oid].data, makes)
            no_check_in_a_text_run_elsewhere(path, blobs[oid].data, makes)
            no_program_written_outside_the_tree(path, blobs[oid].data, makes)
    for path in makefiles:
        no_make_definition_twice(path, texts[path], texts)
    read.update(sources.items())


def _flush(
    repository: plumbing.Repository, dest: Path, batch: list[tuple[str, plumbing.Entry]], made: set[str]
) -> None:
    blobs = repository.objects({entry.oid for _, entry in batch}, LIMIT)
    for path, entry in batch:
        data = blobs[entry.oid].data
        if data is None:
            raise Refused(f"{files.shown(path)}: its blob cannot be read")
        _write(dest, path, data, len(data), entry.mode, made)


def _folder(dest: Path, path: str, made: set[str]) -> Path:
    """dest/path as a folder this extraction made (each folder on the way too)."""
    at = dest
    parts = path.split("/")
    for n in range(len(parts)):
        at = at / parts[n]
        sub = "/".join(parts[: n + 1])
        if sub in made:
            continue
        try:
            os.mkdir(at)
        except FileExistsError:
            raise Refused(f"{files.shown(path)}: {files.shown(sub)} is written twice") from None
        made.add(sub)
    return at


def _write(dest: Path, path: str, data: bytes | None, size: int, mode: str, made: set[str]) -> None:
    head, _, name = path.rpartition("/")
    folder = _folder(dest, head, made) if head else dest
    target = folder / name
    try:
        if mode == plumbing.LINK_MODE:
            os.symlink(data or b"", target)
            return
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o755 if mode == "100755" else 0o644)
    except FileExistsError:
        raise Refused(f"{files.shown(path)} is written twice") from None
    with os.fdopen(fd, "wb") as out:
        if data is None:
            out.truncate(size)  # sparse: the check refuses it by its size and reads none of it
        else:
            out.write(data)


# the line ends a clone of Git for Windows writes with by default
WINDOWS = {"core.autocrlf": "true"}


def rewritten(
    repository: plumbing.Repository, commit: str, paths: list[str], base: str | None = None
) -> list[tuple[str, list[str]]]:
    """Each of paths (the data extract() wrote) and the schema's path that commit's own attributes
    have git rewrite on checkout or in an archive, in this clone (checkout.rewrites), with how. The
    data is extracted through no attribute, so the check reads the blobs; once merged, these
    attributes are the branch's, and every clone's checkout (and GitHub's ZIP, for export-subst)
    holds other bytes than those checked, which E308 refuses only where it runs, in a work tree.
    The patterns are matched both as this clone matches them and case-blind, as every clone on macOS
    or Windows does (core.ignorecase=true): `.gitattributes` saying `SEEDS/** ident` gives a Linux
    clone's (and CI's) sources nothing and every such clone's sources `ident`, so the check passed a
    pull request whose merge had those clones write other bytes than those checked (`export-subst`
    the same: a release archived there held words no blob holds). And base (the checker's own commit):
    a path whose line ends base's attributes keep as committed in a clone of Git for Windows' default
    (core.autocrlf=true) must keep them so: a pull request removing `seeds/** -text`, or giving the
    sources `text` without `eol`, passed a Linux CI, and once merged every such clone wrote CRLF into
    the sources and refused the registry (E307, E308)."""
    wanted = [*paths, SCHEMA_PATH.as_posix()]
    config = repository.line_ends()
    kept = (
        {path for path, attributes in repository.tree_attributes(base, checkout.ATTRIBUTES, wanted).items()
         if not checkout.rewrites(attributes, WINDOWS)}
        if base is not None
        else set()
    )  # fmt: skip
    found: dict[str, list[str]] = {}
    for fold_case in (False, True):
        for path, attributes in repository.tree_attributes(
            commit, checkout.ATTRIBUTES, wanted, fold_case=fold_case
        ).items():
            lost = checkout.rewrites(attributes, WINDOWS) if path in kept else []
            for how in [
                *checkout.rewrites(attributes, config),
                *(f"{h}, which the base keeps as committed" for h in lost),
            ]:
                if how not in found.setdefault(path, []):
                    found[path].append(how)
    return [(path, how) for path, how in sorted(found.items()) if how]


def code_rewritten(
    repository: plumbing.Repository, commit: str, running: Iterable[str] = ()
) -> list[tuple[str, list[str]]]:
    """Each file of commit that runs or configures the check (runs: its Python sources anywhere, CI's
    files, the package, the settings at the top), but the registry's (rewritten()), that commit's own
    attributes have git rewrite on checkout or in an archive, with how: `ident`, a `filter`,
    `working-tree-encoding`, `eol=crlf` or `export-subst`, whatever the clone's line-end settings
    (only the attributes count here: a clone of Git for Windows' default writes CRLF into a script
    with no text attribute, which changes no code). The check runs this checkout's code, never the
    pull request's; but merged, its attributes are the base branch's, and actions/checkout (review.yml,
    ci.yml) and every clone write the code through them. A pull request whose one change was the line
    `*.py working-tree-encoding=ASCII//TRANSLIT` in .gitattributes passed (exit 0); every checkout of
    the merged branch then held each module with its characters beyond ASCII transliterated (a
    look-alike table's Cyrillic letters as `?`, `×` as `x`), and `*.py ident` writes `$Id: <blob id> $`
    into a string the review shows as `"$Id$"`: code that runs otherwise than its review shows, as a
    `.pyc` or a coding declaration does. Nor may `export-ignore` leave such a file out of an archive
    (GitHub's ZIP of a branch, a release's source archive): `scripts/sle_trials/checks/strict.py
    export-ignore` passed (exit 0), and the archive of the merged branch ran without the module a
    reviewer read as part of the checker. Nor may a `merge` driver but git's own line-by-line one merge it
    (checkout.merged): `*.py merge=union` passed (exit 0), and every later merge of two changes to the same
    lines of a module held both sides' lines, no conflict shown (hunt 206); nor the registry's files, whose
    lines so merged no check read: `trials/*.yaml merge=union` passed (exit 0), and a merge of two changes to
    one line of a record held both, no conflict shown (hunt 207). Matched both as this clone matches patterns
    and case-blind. running: the documents a file of the code runs (code_held read them as code: git/
    documentation_run.py), held as the code is: `include docs/rules.md` with `docs/*.md -diff` passed (hunt 208)."""
    runs_too = set(running)
    listed = repository.tree_entries(commit, [])
    wanted = [
        path
        for path, entry in listed
        # the tests' inputs too, read by no byte (runs): a fixture a test or the Makefile runs shows its
        # changes to a review but for these attributes
        if entry.mode in plumbing.FILE_MODES
        and (paths.registry(path) or not paths.documentation(path) or path in runs_too)
    ]
    found: dict[str, list[str]] = {}
    for fold_case in (False, True):
        for path, attributes in repository.tree_attributes(
            commit,
            checkout.ATTRIBUTES + checkout.UNSHOWN + checkout.OMITTED + checkout.MERGED,
            wanted,
            fold_case=fold_case,
        ).items():
            # the schema configures the check, and its review must show its lines; what rewrites it is
            # the registry's to say (rewritten(): E308)
            rewriting = checkout.rewrites(attributes, {}) if path != SCHEMA else []
            shown = checkout.unshown(attributes) + checkout.omitted(attributes) + checkout.merged(attributes)
            if path != SCHEMA and paths.registry(path):
                # a record's or a source's lines merged by another driver are lines no check read (the data
                # checked is the head's); its diff may be folded away (the manifest `-diff`, trials.csv
                # generated), and what rewrites it is E308's
                rewriting, shown = [], checkout.merged(attributes)
            for how in rewriting + shown:
                if how not in found.setdefault(path, []):
                    found[path].append(how)
    return [(path, how) for path, how in sorted(found.items()) if how]


def merged_code(
    repository: plumbing.Repository, base: str, commit: str, read: set[tuple[str, str]]
) -> list[tuple[str, list[str]]]:
    """code_held, code_rewritten and rewritten of the tree the merge of commit into base holds, where
    it is not commit's own: each file of the code and the data that the merge's attributes rewrite,
    with how (Refused, said of the merge, for the rest). The check reads the pull request's head, and
    GitHub merges it with the base branch as it is by then: a pair that is half on each side is in
    neither tree alone. A package `checks/newcheck/__init__.py` beside `checks/newcheck.py`, a module
    main took after the pull request branched, passed (exit 0), and so did its twin `ſcripts/...` and a
    line of `.gitattributes` naming that module alone (`... working-tree-encoding=ASCII//TRANSLIT`), or
    a source main took (`... ident`): each is in the merge, which runs other code than main's module,
    or holds other bytes than its source. A merge that conflicts is held as git writes it, with its
    markers: the paths of both sides are there, and a conflict that main's next change takes away
    (GitHub merges the pull request then, with no new push) would otherwise have left the pair
    unread."""
    tree = repository.merged_tree(base, commit)
    if tree is None or tree == repository.tree_id(commit):
        return []
    try:
        code_held(repository, tree, read)
    except Refused as error:
        raise Refused(f"in the merge with the base branch: {error}") from None
    data = [path for path, _ in repository.tree_entries(tree, list(DATA))]
    found = dict(code_rewritten(repository, tree, (path for path, _ in read)))
    for path, how in rewritten(repository, tree, data, base):
        found[path] = how
    return sorted(found.items())


def _say_code(path: str, how: list[str], whose: str, data: bool = False) -> None:
    """What code_rewritten (or merged_code) found of one file: the attributes that rewrite it, and
    those by which its review shows none of its changes (checkout.unshown). data: a file of the
    registry's, whose bytes a checkout rewrites (E308), where the code's runs otherwise."""
    hidden = [h for h in how if checkout.hides(h)]
    left_out = [h for h in how if h in checkout.OMITTED]
    joined = [h for h in how if h.startswith("merge=")]
    rewriting = [h for h in how if h not in hidden and h not in left_out and h not in joined]
    if rewriting:
        print(
            f"trusted-check: {files.shown(path)}: {whose} have git rewrite it "
            f"({files.printable(', '.join(rewriting))}), so a checkout or an archive of the merged branch "
            + (
                "holds other bytes than its review shows (E308)"
                if data
                else "runs other code or settings than its review shows"
            )
            + "; remove the attribute",
            file=sys.stderr,
        )
    if left_out:
        print(
            f"trusted-check: {files.shown(path)}: {whose} have git leave it out of an archive "
            f"({', '.join(left_out)}), so GitHub's ZIP of the merged branch and a release's source archive run "
            "without it, other code than the commit's; remove the attribute",
            file=sys.stderr,
        )
    if joined:
        print(
            f"trusted-check: {files.shown(path)}: {whose} have git merge it by another driver than its own "
            f"({files.printable(', '.join(joined))}): a merge of two changes to the same lines holds what that "
            "driver makes of them (both sides' lines, for union) with no conflict shown, "
            + ("data no check read" if data else "code neither review showed")
            + "; remove the attribute",
            file=sys.stderr,
        )
    if hidden:
        print(
            f"trusted-check: {files.shown(path)}: {whose} have git or GitHub show none of its changed lines "
            f"({files.printable(', '.join(hidden))}), so its review shows no change of the code or settings that"
            " run the check; remove the attribute",
            file=sys.stderr,
        )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    merge = args[:1] == ["--merge"]
    if len(args) != 2 + merge:
        print("usage: python -m sle_trials.git.extract [--merge] REV FOLDER", file=sys.stderr)
        return 2
    if merge:
        return _main_merge(*args[1:])
    try:
        repository = plumbing.Repository(Path.cwd())
        read: set[tuple[str, str]] = set()
        written = extract(repository, args[0], Path(args[1]), read)
        commit = repository.commit(args[0])
        head = repository.commit("HEAD")
        bad = rewritten(repository, commit, written, head) if commit is not None else []
        code = code_rewritten(repository, commit, (path for path, _ in read)) if commit is not None else []
        merged = merged_code(repository, head, commit, read) if commit is not None and head is not None else []
        merged = [item for item in merged if item not in code and item not in bad]
        no_dependency_added(repository, head, commit)  # (against the base branch's pyproject.toml)
        bases = repository.merge_bases(head, commit) if commit is not None and head is not None else []
        if len(bases) == 1:  # where it branched, which the review shows its changes from (.ci/merge-base)
            code_shown_in_full(repository, bases[0], commit or "")
            code_shown_with_white_space(repository, bases[0], commit or "")
            no_test_excused_anew(repository, bases[0], commit or "")
            no_empty_cases_excused_anew(repository, bases[0], commit or "")
    except (Refused, plumbing.GitError, OSError) as error:
        return _stopped(error)
    for path, how in bad:  # an attribute's value is the pull request's words: printed escaped
        said = files.printable(", ".join(how))
        print(
            f"trusted-check: {files.shown(path)}: the pull request's attributes have git rewrite it ({said}),"
            " so a checkout or an archive of it holds other bytes than those checked (E308); remove the attribute"
            + (
                ", or keep the base's that writes it as committed"
                if any(h.endswith("as committed") for h in how)
                else ""
            ),
            file=sys.stderr,
        )
    for path, how in code:
        _say_code(path, how, "the pull request's attributes", data=paths.registry(path) and path != SCHEMA)
    for path, how in merged:
        _say_code(path, how, "in the merge with the base branch, the attributes", data=paths.registry(path))
    return 2 if bad or code or merged else 0


def _main_merge(rev: str, dest: str) -> int:
    """`--merge REV FOLDER`: extract_merge, after `REV FOLDER` (.ci/trusted-check runs the two in turn)."""
    try:
        written = extract_merge(plumbing.Repository(Path.cwd()), rev, Path(dest))
    except (Refused, plumbing.GitError, OSError) as error:
        return _stopped(error)
    if written:
        print(f"the merge with the base branch holds other data than {files.shown(rev)}: checked too")
    return 0


def _stopped(error: Exception) -> int:
    """Exit status 2, saying why: a refusal or git's failure, or a file that cannot be written (a name too long
    for the file system, a full disk: no data, no verdict)."""
    if isinstance(error, OSError):
        shown = files.shown(os.fsdecode(error.filename)) if error.filename else "the data"
        print(f"trusted-check: {shown} cannot be written: {error.strerror}", file=sys.stderr)
    else:
        print(f"trusted-check: {files.printable(str(error))}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
