"""A Python module or package of the tree in the place of an installed one: Python imports the first module of a
name it finds on sys.path, and the folders of the tree come first there (git/extract.py's code_held reads the
tree's paths through it)."""

from __future__ import annotations

import functools
import importlib.machinery
import importlib.metadata
import sys

from sle_trials import files
from sle_trials.git.refusal import Refused

# The top-level modules of the distributions `make test` installs (the project's dependencies with every extra,
# and theirs), which the review job, installing the runtime dependencies alone, cannot list from its own
# environment; tests/test_attacks_pr_hunt207.py holds the list to what the test environment installs
DEPENDENCY_MODULES = frozenset(
    """
    _distutils_hack _hypothesis_ftz_detector _hypothesis_globals _hypothesis_pytestplugin _pytest _ruamel_yaml _yaml
    adbc_driver_duckdb aiofiles altair annotated_doc annotated_types anyio asgi_csrf asgiref ast_serialize attr
    attrs certifi cfgv chardet charset_normalizer check_jsonschema click click_default_group confusable_homoglyphs
    datasette dateutil debian distlib duckdb et_xmlfile execnet filelock flexcache flexparser frictionless h11
    httpcore httpx humanize hupper hypothesis identify idna iniconfig isodate itsdangerous janus jinja2 jsonschema
    jsonschema_rs jsonschema_specifications librt markdown_it marko markupsafe mdurl mergedeep multipart mypy
    mypy_extensions mypyc narwhals nodeenv numpy openpyxl packaging pandas pathspec petl pip pkg_resources
    platformdirs pluggy pre_commit pre_commit_hooks py pydantic pydantic_core pygments pysqlite3 pytest
    python_discovery python_multipart referencing regress requests rfc3986 rich rpds ruamel ruff setuptools
    shellingham simpleeval slugify sortedcontainers tabulate text_unidecode tinycss2 tqdm typer typing_extensions
    typing_inspection tzdata urllib3 uvicorn validators virtualenv vl_convert webencodings xdist yaml
    """.split()
)
# Those of them that are namespace packages (a folder of no __init__.py), of which a folder of the same name
# earlier on sys.path holds the modules Python imports first
NAMESPACE_PACKAGES = frozenset(("librt", "ruamel"))

# Where the tree's Python comes first on sys.path: the top (`python -m pytest`, `python -m venv`), scripts/
# (the editable install's .pth, and PYTHONPATH=scripts as docs/development.md runs the tools), and the folder of
# each Python source outside scripts/ (pytest's test folders, a script's)
PACKAGE_FOLDER = "scripts"
LIBRARY = "sle_trials"


def no_module_named_as_an_installed_one(tree: list[str]) -> None:
    """Refused: a module (or a package) of the tree, in a folder that comes first on sys.path, named as a module
    of the standard library or of an installed distribution (this environment's, or one `make test` installs:
    DEPENDENCY_MODULES), and a folder of Python there named as an installed namespace package (`ruamel/`).
    pytest puts a test's folder first on sys.path, and imports `tests/yaml.py` for every `import yaml` in place
    of PyYAML (tested); a folder `ruamel/` at the top, `python -m pytest`'s folder, holds the `ruamel.yaml` the
    checker then parses every record with (a namespace package takes the first folder of its name); each
    passed (exit 0), its review a new helper of the tests'. The repository's own are the library's package in
    scripts/ and the tests' and benchmarks' helpers, named as nothing installed."""
    installed = installed_modules()
    python = [path for path in tree if files.folded(path.rpartition("/")[2]).endswith((".py", ".pyw"))]
    roots = {"", PACKAGE_FOLDER} | {
        path.rpartition("/")[0] for path in python if not path.startswith(PACKAGE_FOLDER + "/")
    }
    for path in python:
        for root in sorted(roots):
            if root and not path.startswith(root + "/"):
                continue
            first, slash, rest = path[len(root) + 1 if root else 0 :].partition("/")
            if slash and first in NAMESPACE_PACKAGES | _namespaces(installed & {first}):
                raise Refused(
                    f"{files.shown(path)}: a folder of Python named as the installed namespace package {first!r}, "
                    "whose modules Python imports from it where its folder is first on the path; rename it"
                )
            name = first if rest in ("__init__.py", "__init__.pyw") else None if slash else first.rpartition(".")[0]
            if name in sys.stdlib_module_names | DEPENDENCY_MODULES | installed:
                raise Refused(
                    f"{files.shown(path)}: a Python module named as {name!r}, the standard library's or an installed "
                    "distribution's, which Python imports in its place where its folder is first on the path "
                    "(pytest's tests/, a script's, the top, scripts/); rename it"
                )


def installed_modules() -> set[str]:
    """The top-level modules of the distributions installed where the check runs (the names Python imports them
    by), but the checker's own (the distribution of the package `sle_trials`, whose modules are the library's)."""
    return set(_installed_on(tuple(sys.path)))


# Read once a process for each sys.path, where importlib.metadata finds the distributions: it reads every
# distribution's file list, about 200 ms, and the extraction's rules ask for each module of the tests that holds a
# hook or a fixture (138 times on the repository's HEAD, a third of the extraction's time). No run installs a
# distribution; one put on sys.path by a test is another key.
@functools.lru_cache(maxsize=8)
def _installed_on(path: tuple[str, ...]) -> frozenset[str]:
    owners = importlib.metadata.packages_distributions()
    own = set(owners.get(LIBRARY, ()))
    return frozenset(name for name, of in owners.items() if name.isidentifier() and not set(of) <= own)


def _namespaces(names: set[str]) -> set[str]:
    """Those of names that are namespace packages where the check runs."""
    out = set()
    for name in names:
        spec = importlib.machinery.PathFinder.find_spec(name)
        if spec is not None and spec.origin is None and spec.submodule_search_locations is not None:
            out.add(name)
    return out
