"""What a file that runs or configures the check shows a reviewer of its characters, held to what its tool runs:
its encoding and bytes, invisible and look-alike characters, spaces that are none, tabs, lone carriage returns,
code pushed aside or past the screen (git/extract.py reads each such file through them)."""

from __future__ import annotations

import ast
import io
import tokenize
import unicodedata
from re import Pattern
from typing import NamedTuple

from sle_trials import files
from sle_trials.git.code_files import PYTHON_LIMIT
from sle_trials.git.refusal import Refused, refused_at
from sle_trials.patterns import lazy
from sle_trials.reading import lookalike
from sle_trials.reading.invisible import INVISIBLE


def no_other_encoding(path: str, data: bytes | None) -> None:
    """Refused: a Python source that declares an encoding other than UTF-8 (PEP 263, its first two
    lines), or one too large to tell. Python decodes it so, while GitHub's review and an editor show
    its bytes as UTF-8: under `# -*- coding: utf-7 -*-` the line `# +AAo-x = 2` is a comment to a
    reviewer and `x = 2` to Python (`+AAo-` is a line break), and under unicode_escape `# \\u000a`
    is one too (tested). Merged, such a module of the checker's runs code no reviewer was shown."""
    if data is None:
        raise Refused(f"{files.shown(path)}: a Python source over {PYTHON_LIMIT:,} bytes, whose encoding is not read")
    lines = iter(data.splitlines(keepends=True)[:2])
    try:
        encoding, _ = tokenize.detect_encoding(lambda: next(lines, b""))
    except SyntaxError:  # an encoding Python does not know, or bytes its declaration does not decode
        encoding = "unknown"
    if encoding not in ("utf-8", "utf-8-sig"):
        raise Refused(
            f"{files.shown(path)}: a Python source in {files.printable(encoding)}, which Python reads otherwise "
            "than GitHub and an editor show it (UTF-8); write it in UTF-8, without another coding declaration"
        )


_LED_BY_A_SPACE = lazy(rb"(?m)^ +[^ \n\r]")  # spaces, then anything (a tab too) but a line end


def no_line_led_by_a_space(path: str, data: bytes | None) -> None:
    """Refused: a line of a makefile that starts with spaces. make runs a line that starts with a tab
    as a step of the rule above it, and reads one that starts with eight spaces, which a reviewer's
    view shows alike, as a line of the makefile: under `check:` and its steps, `        CHECKED=yes
    $(BIN)/trials csv` is no step but a variable set to the words after it, and `trials csv` never
    runs (tested). The repository starts its makefile's lines with a tab or at the margin."""
    _refused_where(
        _LED_BY_A_SPACE,
        path,
        data,
        "a makefile's line that starts with spaces, which make reads as no "
        "step of a rule while a reviewer's view shows it as one; start it with a tab, or at the margin",
    )


def no_bytes_beyond_utf8(path: str, data: bytes | None) -> None:
    """Refused: a file that runs or configures the check that is not UTF-8. The checks read each such
    file as UTF-8 for what no reviewer is shown, each byte that is not UTF-8 read as a replacement
    character; GitHub shows the file in the encoding it makes out, and bash reads its bytes: the byte
    0xA0 is a no-break space in windows-1252, and `set<0xA0>-euo pipefail` runs a command not found
    and the script on past each failure (tested), as the UTF-8 no-break space does (no_other_spaces).
    It passed (exit 0). The repository's files are UTF-8."""
    if data is None:
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise refused_at(
            path,
            data,
            error.start,
            f"a byte that is not UTF-8 (0x{data[error.start]:02X}), which GitHub "
            "shows in the encoding it makes out and the tools that read the file read as they will; write it in UTF-8",
        ) from None


def no_byte_order_mark(path: str, data: bytes | None) -> None:
    """Refused: a byte-order mark at the start of a file that runs the check but Python (which reads it
    as the mark it is: no_invisible_characters lets it stand there). GitHub and an editor show none;
    bash and make read it as the first word's first character: a script whose first line is `set
    -euo pipefail` so marked runs a command `<U+FEFF>set`, not found, and then every line on past
    each failure (tested)."""
    if data is not None and data.startswith(b"\xef\xbb\xbf"):
        raise Refused(
            f"{files.shown(path)} line 1: a byte-order mark, which no reviewer is shown and the tools that read the "
            "file take for the first word's first character; remove it"
        )


_TABS_STRIPPED = lazy(rb"<<-")


def no_here_document_ended_after_tabs(path: str, data: bytes | None) -> None:
    """Refused: a shell's here-document that `<<-` opens, in a file that runs the check but Python (a
    script, a workflow's steps, a makefile's). bash ends it at its word after tabs alone, and a
    reviewer's view shows a tab as spaces: after `cat >/dev/null <<-EOF` and a note, an `EOF` led by
    eight spaces, shown where a tab would stand, ends nothing, and the script runs none of the lines
    after it and exits 0 (tested). The repository writes no `<<-`."""
    _refused_where(
        _TABS_STRIPPED,
        path,
        data,
        "a here-document `<<-`, which bash ends only at its word after tabs, "
        "and a reviewer's view shows tabs as spaces; use `<<` with its word at the margin",
    )


# a line whose leading white space holds a tab
_TAB_INDENTED = lazy(rb"(?m)^[ \f]*\t")


def no_tab_in_indentation(path: str, data: bytes | None) -> None:
    """Refused: a tab in the white space a line of a Python source starts with. Python reads a tab as
    up to the next multiple of 8 columns (and refuses a line that a width of 1 orders otherwise), a
    reviewer's view at its own width: GitHub's tab size preference, an .editorconfig, an editor. With
    spaces before a tab, the widths 1 and 8 can order two lines alike and another width not: shown at a
    width of 2, a module's `return found` (` \\t \\t`) stands at its `for` loop's level (`  \\t`), after
    the loop, and Python reads it at the level of the `if` inside the loop (`  \\t\\t`), returning on the
    first name (tested); it passed (exit 0). The repository indents with spaces (ruff format); a tab
    that begins a line of a string is written `\\t`."""
    _refused_where(
        _TAB_INDENTED,
        path,
        data,
        "a tab in its indentation, which Python reads at a width of 8 and a "
        "reviewer's view at its own; indent with spaces",
    )


_LONE_CR = lazy(rb"\r(?!\n)")


def no_lone_carriage_return(path: str, data: bytes | None) -> None:
    """Refused: a carriage return not followed by a line feed, in a file that runs or configures the
    check (runs). Python ends a line there, and YAML; git and GitHub's review do not (a line is what
    ends in a line feed): `# a note\\rfound = False` is one comment to a reviewer and a comment, then
    `found = False`, to Python (tested)."""
    _refused_where(
        _LONE_CR,
        path,
        data,
        "a carriage return Python ends a line at, which git and GitHub "
        "show within one line; end its lines with a line feed",
    )


_CR_LF = lazy(rb"\r\n")


def no_line_ended_by_a_carriage_return(path: str, data: bytes | None) -> None:
    """Refused: a line ended by a carriage return and a line feed, in a file that runs or configures the check
    but a Python source (which reads CR LF as a line's end). bash and make read the carriage return as the
    line's last character, and GitHub's review shows none: `.ci/trusted-check` whose `set -euo pipefail`
    was split into `set -eu<CR>` and `set -o pipefail`, read as the same options, ran with no `-e` (bash:
    "set: -: invalid option", then on), past the extraction's refusal to the check of the folder it left
    half-written, and passed (exit 0; hunt 206)."""
    _refused_where(
        _CR_LF,
        path,
        data,
        "a line ended by a carriage return, which bash and make read as its last character and GitHub's review "
        "shows as nothing; end its lines with a line feed alone",
    )


class Tokens(NamedTuple):
    """A Python source's tokens as tokenize reads them, up to where it can read no further."""

    read: list[tokenize.TokenInfo]
    whole: bool  # False: tokenize stopped at a mistake (a source left to fail where it runs)


def python_tree(data: bytes) -> ast.Module | None:
    """A Python source's syntax tree; None for one Python cannot read (a syntax error, a null byte, nesting too deep
    for the parser, or too large): such a module is left to fail where it runs, as python, pytest and mypy refuse
    it, and no rule reading a tree finds anything in it."""
    try:
        return ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def python_tokens(data: bytes | None) -> Tokens | None:
    """The tokens of a Python source beyond ASCII; None for one in ASCII, whose names and strings
    hold no other character (or none read). Tokenizing was most of the extraction's time, and two
    readers need them (no_names_beyond_ascii, no_look_alike_words): read once a file."""
    if data is None or data.isascii():
        return None
    read: list[tokenize.TokenInfo] = []
    try:
        read.extend(tokenize.tokenize(io.BytesIO(data).readline))
    except (tokenize.TokenError, SyntaxError):
        return Tokens(read, False)
    return Tokens(read, True)


def no_names_beyond_ascii(path: str, data: bytes | None, tokens: Tokens | None = None) -> None:
    """Refused: a name in a Python source (a variable, a function) with a character beyond ASCII.
    Python tells `skip` from `skіp` (a Cyrillic і), a reviewer does not: `skіp = False` before `if
    skip: return []` reads as the check turned back on, and leaves it off (tested). Python also reads
    `ｓkip` (a full-width s) as `skip`, which only widens what a reviewer must tell apart. Strings and
    comments may hold any character. A source Python cannot read into words is left to fail where it
    runs."""
    tokens = tokens if tokens is not None else python_tokens(data)
    for token in tokens.read if tokens is not None else []:  # (those read before a mistake too)
        if token.type == tokenize.NAME and not token.string.isascii():
            raise Refused(
                f"{files.shown(path)} line {token.start[0]}: the name {files.printable(token.string)!r} "
                "holds a character beyond ASCII, which a reviewer may read as another name; spell it in ASCII"
            )


# git 2.35 and later skip an attributes line of 2,048 bytes or more (attr.c, ATTR_MAX_LINE_LENGTH, with
# a warning); older ones read it. One byte less than that counts a carriage return before the line end.
_ATTRIBUTES_LINE_LIMIT = 2047


def no_line_some_gits_skip(path: str, data: bytes | None) -> None:
    """Refused: a `.gitattributes` line that one git reads and another skips. git 2.35 and later skip a
    line of 2,048 bytes or more, older ones apply it: `*.py working-tree-encoding=ASCII//TRANSLIT`
    padded past that passed the extraction (this git's `check-attr` skips it, exit 0), and a reviewer's
    clone by an older git (Ubuntu 20.04's 2.25, Debian 11's 2.30) writes every module through it.
    A comment is a comment to every git."""
    if data is None:
        return
    for number, line in enumerate(data.split(b"\n"), 1):
        if len(line) >= _ATTRIBUTES_LINE_LIMIT and not line.lstrip(b" \t").startswith(b"#"):
            raise Refused(
                f"{files.shown(path)} line {number}: {len(line):,} bytes, which git 2.35 and later skip and older gits "
                "read as attributes; write it shorter"
            )


def no_invisible_characters(path: str, data: bytes | None) -> None:
    """Refused: a character no reviewer is shown in a file that runs or configures the check (runs: a
    Python source, CI's files, the schema, the settings at the top), but a byte-order mark at its
    start: a format character (Unicode's Cf: a zero-width space or joiner, a bidirectional control, a
    soft hyphen), and every other the records may not hold either (invisible.INVISIBLE: a control
    character, a variation selector, a Hangul filler, a combining grapheme joiner). `if mode ==
    "strict<U+200B>":` reads as the strict check and never runs it, and a bidirectional control shows
    code in another order than Python reads it (Trojan Source, CVE-2021-42574); with the variation
    selector U+FE0F (Mn) or the Hangul filler U+3164 (Lo) in its place, which no Cf excludes, the
    same module passed the trusted check (exit 0), and so did an escape character (Cc) in a string.
    Written as an escape (`"\\u200b"`), such a character is seen.

    A NUL byte hides the whole file: git and GitHub take a file with one in its first 8,000 bytes for
    binary and show no diff of it ("Binary files differ"), while bash runs the script around it (the
    byte skipped, tested). `.ci/trusted-check` so changed, `echo EVIL` added, passed (exit 0), its
    review no line of it."""
    if data is None:
        return
    if (nul := data.find(b"\0")) >= 0:
        raise refused_at(
            path,
            data,
            nul,
            "a NUL byte, for which git and GitHub show no diff of the file (they take it for binary); remove it",
        )
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    found = INVISIBLE.search(text)
    places = [found.start()] if found else []
    if not text.isascii():  # (a look at each character beyond ASCII alone: a loop over all was a third of the time)
        cf = (m.start() for m in _BEYOND_ASCII.finditer(text) if unicodedata.category(m.group()) == "Cf")
        places += [at] if (at := next(cf, None)) is not None else []
    if places:
        at = min(places)
        raise refused_at(
            path,
            text,
            at,
            f"an invisible character (U+{ord(text[at]):04X}), which no reviewer is shown; write it as an escape",
        )


_BEYOND_ASCII = lazy(r"[^\x00-\x7f]")


_WORD = lazy(r"\w+")


# Python's tokens of a string's text: a whole literal, or (from Python 3.12) an f-string's text between
# its fields
_STRING_TOKENS = frozenset(
    kind for kind in (tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)) if kind is not None
)


_STATEMENT_EDGES = frozenset(
    (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING, tokenize.ENDMARKER)
)


_SKIPPED = frozenset((tokenize.NL, tokenize.COMMENT))


def look_alike_word(text: str) -> str | None:
    """The first word of text that shows a reader an ASCII word it is not: ASCII letters with letters of
    another script (or full-width ones) that each show an ASCII letter ("strіct" with a Cyrillic і), as
    lookalike.letters reads them after NFKC, or two or more such letters alone ("уеѕ", `yes` in Cyrillic
    letters, which `if answer == "yes"` never matches; a letter alone, an example of a look-alike table,
    is none); or an option's dash that is none, a character that shows
    "-" (a hyphen U+2010, a minus sign) before an ASCII letter: `"\\u2010\\u2010strict"` written as
    its characters shows a reviewer `--strict`, and `if "--strict" in argv` is never true for it. A
    sign or a digit beyond ASCII ("m²", "18–65", "trial’s") is none."""
    for found in _WORD.finditer(text):
        word = found.group()
        if word.isascii():
            continue
        if any(c.isascii() and c.isalpha() for c in word) or len(word) > 1:
            if all(_shows_a_letter(c) for c in word if not c.isascii()):
                return word
    for found in _BEFORE_A_LETTER.finditer(text):
        if lookalike.skeleton(unicodedata.normalize("NFKC", found.group(1))) == "-":
            return found.group()
    return None


_BEFORE_A_LETTER = lazy(r"([^\x00-\x7f])[A-Za-z]\w*")


def _shows_a_letter(char: str) -> bool:
    shown = lookalike.letters(unicodedata.normalize("NFKC", char))
    return char.isalpha() and len(shown) == 1 and shown.isascii() and shown.isalpha()


def no_look_alike_words(path: str, data: bytes | None, *, python: bool, tokens: Tokens | None = None) -> None:
    """Refused: a word that shows a reviewer an ASCII word it is not, in code that runs the check:
    a string of a Python source outside tests/ (a docstring, a string standing alone as a statement,
    and comments are documentation), or anywhere in another file that runs or configures the check
    (CI's scripts, the workflows, the settings). `if mode == "strіct":`, with a Cyrillic і, reads as
    the strict check and never runs it, as a name beyond ASCII (no_names_beyond_ascii) or an invisible
    character does, and passed the trusted check (exit 0). The checker's own examples of such words
    stand in its docstrings and comments; its tests write them on purpose, and run no check. A file
    that runs the check but Python holds no character that shows an ASCII one either
    (look_alike_character), in a word of its own too."""
    if data is None or data.isascii() or (python and path.startswith("tests/")):
        return
    if not python:
        text = data.decode("utf-8", "replace")
        if word := look_alike_word(text):
            _look_alike(path, text[: text.index(word)].count("\n") + 1, word)
        if (at := look_alike_character(text)) is not None:
            raise refused_at(
                path,
                text,
                at,
                f"{ascii(text[at])} shows a reviewer "
                f"{lookalike.skeleton(unicodedata.normalize('NFKC', text[at]))!r}, which it is not to the tools "
                "that read the file; write it in ASCII, or as an escape",
            )
        return
    tokens = tokens if tokens is not None else python_tokens(data)
    if tokens is None or not tokens.whole:  # left to fail where it runs
        return
    read = tokens.read
    for n, token in enumerate(read):
        if token.type not in _STRING_TOKENS or not (word := look_alike_word(token.string)):
            continue
        before = next((t.type for t in reversed(read[:n]) if t.type not in _SKIPPED), tokenize.ENCODING)
        after = next((t.type for t in read[n + 1 :] if t.type not in _SKIPPED), tokenize.ENDMARKER)
        if token.type == tokenize.STRING and before in _STATEMENT_EDGES and after in _STATEMENT_EDGES:
            continue  # a docstring, or a string standing alone: read by no code
        _look_alike(path, token.start[0], word)


def look_alike_character(text: str) -> int | None:
    """Where text holds its first character beyond ASCII that shows a reader one ASCII letter, sign or
    space it is not, in a word of its own too (lookalike.letters, and lookalike.skeleton after NFKC: a
    Cyrillic "у", a hyphen U+2010 or a minus sign U+2212 as "-", a full-width "；"); None where it holds
    none. A file that runs the check but Python (a script of CI's, a workflow, the Makefile, the
    settings, the schema, the templates) reads each as another character than the ASCII it shows: bash
    runs `set <U+2010>euo pipefail` as `set` given the word "‐euo" (no -e: the script goes on past a
    failure), and `[ "$ok" = "уеѕ" ]` in Cyrillic letters alone, a word look_alike_word takes for one of
    another script, is never true. A typographic sign that shows itself ("…", "×", "²", curly quotes
    "“”") is none; a Python source's strings hold such characters as the text they read (the checks
    read English as sources write it) and are read by look_alike_word alone."""
    for found in _BEYOND_ASCII.finditer(text):
        char = found.group()
        shown = lookalike.skeleton(unicodedata.normalize("NFKC", char))
        if _shows_a_letter(char) or len(shown) == 1 and shown.isascii() and not shown.isalnum():
            return found.start()
    return None


# blanks within a line that push what follows past what a review shows of it (the repository's longest
# run within a line of the code is 34 characters, a comment aligned): 60 or more, or any run with a tab,
# whose columns are then counted
_PUSHED_ASIDE = lazy(rb"(?m)\S(?:[ \t]{60,}|[ \t]*\t[ \t]*)(?=\S)")
PUSHED_ASIDE_COLUMNS = 60

# The columns a tab takes in a review's view: up to the next multiple of 8, GitHub's default tab size (and
# a terminal's). Counted as one character, 59 tabs between `problems = rules(record)` and `; return []` were
# 59 blanks, under the 60 refused, and GitHub showed them as 472 columns, the `return []` past the screen:
# it passed (exit 0; tests/test_attacks_pr_hunt208.py).
TAB_WIDTH = 8

# What a monospaced view shows in two columns: East Asian wide and full-width characters (Unicode's
# East_Asian_Width W and F). `note = "` and 50 such letters, then `"; return []`, put the `return` at
# character 85 and column 135.
WIDE = frozenset("WF")


# What an .editorconfig gives a tab's width, which GitHub lays tabs out by: `tab_width`, or `indent_size`
# (tab_width's default). At `tab_width = 16`, 7 tabs before `; set +e` were 56 columns counted at 8, under
# the 60 refused, and 112 shown (tests/test_attacks_pr_hunt208.py).
_TAB_SETTING = lazy(rb"(?im)^[ \t]*(?:tab_width|indent_size)[ \t]*[=:][ \t]*([0-9]{1,4})[ \t]*$")


def tab_width_of(settings: list[bytes | None]) -> int:
    """The widest a review's view may show a tab at, given the tree's .editorconfig files: TAB_WIDTH, or the
    largest width one of them gives."""
    given = [int(n) for data in settings if data is not None for n in _TAB_SETTING.findall(data)]
    return max([TAB_WIDTH, *given])


def shown_column(line: str, column: int, tab_width: int = TAB_WIDTH) -> int:
    """The column (from 0) a review's view shows the character at column (in characters) of line at: each
    tab before it up to the next multiple of tab_width, each wide character (WIDE) two columns."""
    before = line[:column]
    if before.isascii() and "\t" not in before:
        return column
    shown = 0
    for char in before:
        if char == "\t":
            shown += tab_width - shown % tab_width
        else:
            shown += 2 if unicodedata.east_asian_width(char) in WIDE else 1
    return shown


def no_words_pushed_aside(path: str, data: bytes | None, tab_width: int = TAB_WIDTH) -> None:
    """Refused: 60 or more spaces or tabs within a line of a file that runs or configures the check,
    before more of it. GitHub's view of a file scrolls a long line sideways and an editor that does not
    wrap lines (VS Code's default) shows its start: `STRICT = True` followed by 200 spaces and `;
    STRICT = False` reads as the strict check turned on, and Python turns it off (tested). It passed
    (exit 0). A tab counts as the columns a review's view gives it (shown_column): 59 tabs are 472 columns."""
    if data is None:
        return
    for found in _PUSHED_ASIDE.finditer(data):
        start = data.rfind(b"\n", 0, found.start()) + 1
        line = data[start : found.end()].decode("utf-8", "replace")
        blanks = len(found.group()) - 1
        width = shown_column(line, len(line), tab_width) - shown_column(line, len(line) - blanks, tab_width)
        if width < PUSHED_ASIDE_COLUMNS:
            continue
        said = (
            f"{width:,} blanks"
            if blanks == width
            else f"{width:,} columns of blanks (a tab to a multiple of {tab_width})"
        )
        raise refused_at(
            path,
            data,
            found.start(),
            f"{said} within the line, which push what follows past what a review shows of it; write it on a "
            "line of its own",
        )


# The columns of a line a review is held to (pyproject.toml's line-length): GitHub's view of a file scrolls a
# longer line sideways, an editor that does not wrap lines shows its start
SHOWN_COLUMNS = 120


_LONG_LINE = lazy(rb"(?m)^[^\n]{121,}")  # (bytes: a line of more characters has more bytes)


_CLOSING = frozenset((")", "]", "}", ","))


_F_STRING = lazy(r"(?i)[rbu]*f")


_OPENING_FIELD = lazy(r"\{\{|\{")


_JSON_TOKEN = lazy(r'"(?:[^"\\\n]|\\.)*"|[^\s"{}\[\],:]+|\S')


NOT_CODE = frozenset(
    (
        tokenize.COMMENT,
        tokenize.NL,
        tokenize.NEWLINE,
        tokenize.ENCODING,
        tokenize.ENDMARKER,
        tokenize.INDENT,
        tokenize.DEDENT,
    )
)


def no_code_past_the_screen(
    path: str, data: bytes | None, *, python: bool, tokens: Tokens | None = None, tab_width: int = TAB_WIDTH
) -> None:
    """Refused: code that starts past the SHOWN_COLUMNS of its line, in a Python source or a JSON file that runs
    or configures the check: a token but a comment, a closing bracket or a comma (in Python, a field of an
    f-string too), after a long string or a run of short words. `MODE = "` then 300 letters, `"; STRICT =
    False` reads as a string to a reviewer, whose view shows its start, and turns the strict check off
    (tested); a schema's `"description": "..."` of 300 characters, then `, "minimum": -1000`, hides a rule.
    Both passed (exit 0). The repository breaks such lines (ruff's line-length); a long string or comment
    may run on past the screen, and nothing after it but what closes it."""
    if data is None or not (_LONG_LINE.search(data) or b"\t" in data):  # a tab shows as up to 8 columns
        return
    if python:
        read = tokens if tokens is not None else _all_tokens(data)
        lines = data.decode("utf-8", "replace").split("\n")

        def shown(row: int, column: int) -> int:  # a token's (row from 1, column) as a review shows it
            return shown_column(lines[row - 1], column, tab_width) if row <= len(lines) else column

        for token in read.read:
            if token.type in NOT_CODE or token.type == tokenize.OP and token.string in _CLOSING:
                continue
            if shown(*token.start) >= SHOWN_COLUMNS:
                _past_the_screen(path, token.start[0], shown(*token.start), token.string)
            if token.type in _STRING_TOKENS and _F_STRING.match(token.string):
                for n, part in enumerate(token.string.split("\n")):
                    at = token.start[1] if n == 0 else 0
                    field = next(
                        (
                            m
                            for m in _OPENING_FIELD.finditer(part)
                            if m.group() == "{" and shown(token.start[0] + n, at + m.start()) >= SHOWN_COLUMNS
                        ),
                        None,
                    )
                    if field is not None:
                        row = token.start[0] + n
                        _past_the_screen(path, row, shown(row, at + field.start()), part[field.start() :])
        return
    if not files.folded(path).endswith(".json"):
        return
    for number, line in enumerate(data.decode("utf-8", "replace").split("\n"), 1):
        for found in _JSON_TOKEN.finditer(line) if shown_column(line, len(line), tab_width) > SHOWN_COLUMNS else ():
            if (
                column := shown_column(line, found.start(), tab_width)
            ) >= SHOWN_COLUMNS and found.group() not in _CLOSING:
                _past_the_screen(path, number, column, found.group())


def _all_tokens(data: bytes) -> Tokens:
    read: list[tokenize.TokenInfo] = []
    try:
        read.extend(tokenize.tokenize(io.BytesIO(data).readline))
    except (tokenize.TokenError, SyntaxError):
        return Tokens(read, False)
    return Tokens(read, True)


def _past_the_screen(path: str, line: int, column: int, what: str) -> None:
    shown = files.printable(what[:40]) + ("..." if len(what) > 40 else "")
    raise Refused(
        f"{files.shown(path)} line {line}: {shown!r} at column {column + 1:,}, past the {SHOWN_COLUMNS} columns a "
        "review shows of a line before it scrolls sideways; break the line"
    )


_WHITE_AT_THE_END = lazy(rb"(?m)[ \t]+\r?$")


def no_white_space_at_a_line_end(path: str, data: bytes | None) -> None:
    """Refused: a space or a tab at the end of a line of a file that runs or configures the check.
    GitHub's review shows none (`git diff` colours it, where a terminal has colours), and a tool reads
    it as a character: bash ends a here-document only at a line that is its word alone, so after `cat
    >/dev/null <<EOF` the line `EOF ` ends nothing, every line after it is the document's, and the
    script runs none of them and exits 0 (tested); `MODE = strict ` in a makefile is no `strict`, a
    backslash before a space continues no line. It passed (exit 0). The repository holds none (the
    pre-commit hook trims them); a string that needs one writes it as an escape."""
    _refused_where(
        _WHITE_AT_THE_END,
        path,
        data,
        "white space at the end of the line, which GitHub's review does not "
        "show and the tools that read the file do; remove it",
    )


# Unicode's space separators but the ASCII space: each shows a reviewer a space, and is none to bash, make,
# YAML or a Python string. And the braille pattern blank U+2800, a symbol (So) whose glyph is a cell of no
# dots, shown as a space: neither a separator nor default-ignorable (invisible.INVISIBLE), `set<U+2800>-euo
# pipefail` in .ci/trusted-check passed (exit 0; tests/test_attacks_pr_hunt208.py)
_OTHER_SPACE = lazy(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u2800]")


def no_other_spaces(path: str, data: bytes | None) -> None:
    """Refused: a space separator but the ASCII space (a no-break space U+00A0, a thin space, an
    ideographic space) in a file that runs or configures the check, Python sources too. GitHub and an
    editor show it as a space, which it is not to the tool: bash reads `set<U+00A0>-euo pipefail` as
    the one word of a command not found, and runs the script on past each failure (tested), YAML does
    not end a key at `:<U+00A0>`, and a Python string `" "` so written splits no words. The
    repository writes each as an escape (`"\\u00a0"`), which shows what it is."""
    if data is None or data.isascii():
        return
    text = data.decode("utf-8", "replace")
    if found := _OTHER_SPACE.search(text):
        raise refused_at(
            path,
            text,
            found.start(),
            f"U+{ord(found.group()):04X}, "
            "a space that GitHub and an editor show as the ASCII space, which it is not to the tools that read "
            "the file; write a space, or an escape",
        )


def _look_alike(path: str, line: int, word: str) -> None:
    letters = lookalike.letters(unicodedata.normalize("NFKC", word))
    shown = "".join("-" if not c.isascii() and lookalike.skeleton(c) == "-" else c for c in letters)
    raise Refused(
        f"{files.shown(path)} line {line}: {ascii(word)} shows a reviewer the ASCII word {shown!r}, which it is "
        "not to the code; write its letters in ASCII, or as escapes"
    )


def _refused_where(pattern: Pattern[bytes], path: str, data: bytes | None, said: str) -> None:
    """Refused (refused_at) at the first place pattern finds in the file's bytes, saying said."""
    if data is not None and (found := pattern.search(data)):
        raise refused_at(path, data, found.start(), said)
