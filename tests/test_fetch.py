"""trials import ctgov NCT…: the study fetched from the API v2, against a local stand-in (ctgov_api.py).

What a real API does to a client: 404 for an unknown id, 429 with Retry-After, 5xx for a while, no
answer, a truncated or non-JSON body, an answer far too large, no network at all. Each ends in one
clear sentence and nothing written, or in the import the saved file would give.
"""

from __future__ import annotations

import io
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import urllib3
from conftest import FIXTURES, Trials, snapshot
from ctgov_api import API, Answer, running
from sle_trials.curate import importing
from sle_trials.curate.ctgov import fetch

CTGOV = FIXTURES / "ctgov"


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[API]:
    with running(monkeypatch) as stand_in:
        yield stand_in


STUDY = (CTGOV / "completed_phase2_randomised.json").read_bytes()
NCT = "NCT09000011"


def test_import_by_id_fetches_the_study_and_keeps_it_byte_for_byte(trials: Trials, registry: Path, api: API) -> None:
    api.serve(NCT, Answer(200, STUDY, {"Content-Type": "application/json"}))
    result = trials("import", "ctgov", NCT)
    assert result.status == 0, result.out + result.err
    assert (registry / "seeds" / "ctgov_NCT09000011_2025-03-06.json").read_bytes() == STUDY
    assert "trials/NCT09000011.yaml: written from seeds/ctgov_NCT09000011_2025-03-06.json" in result.out
    assert api.requests_for(NCT) == 1
    assert trials("check").status == 0
    # the same id again: the study is fetched again and nothing changes
    again = trials("import", "ctgov", NCT)
    assert again.status == 0 and "already written" in again.out


def test_an_unknown_id_is_refused(trials: Trials, registry: Path, api: API) -> None:
    before = snapshot(registry)
    result = trials("import", "ctgov", "NCT09999999")
    assert result.status == 1
    assert "ClinicalTrials.gov has no study NCT09999999" in result.err and "nothing written" in result.err
    assert api.requests_for("NCT09999999") == 1  # a 404 is an answer, not retried
    assert snapshot(registry) == before


def test_rate_limited_then_served(trials: Trials, api: API) -> None:
    api.serve(NCT, Answer(429, b"slow down", {"Retry-After": "0"}), Answer(503), Answer(200, STUDY))
    result = trials("import", "ctgov", NCT)
    assert result.status == 0, result.err
    assert api.requests_for(NCT) == 3
    # each failed try is said as it happens: minutes of retries were waited through in silence
    url = f"{api.url}/studies/{NCT}"
    assert f"trials import: {url}: HTTP 429; trying again now (try 2 of 3)" in result.err.splitlines()
    assert any(
        line.startswith(f"trials import: {url}: HTTP 503; trying again") and line.endswith("(try 3 of 3)")
        for line in result.err.splitlines()
    ), result.err
    assert "fetching" not in result.err  # not a terminal: no line for a log to keep


def test_a_terminal_is_told_what_is_fetched_and_each_try_that_failed(registry: Path, api: API) -> None:
    """On a terminal the curator sees what is awaited before the answer comes; a failed try that
    is no connection at all (a timeout) is said with its reason too."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    api.serve(NCT, Answer(200, STUDY, delay=1.0), Answer(200, STUDY))
    err = Terminal()
    settings = fetch.Settings(base=api.url, timeout=0.3, retries=1, backoff=0.0)
    with fetch.Client(settings, say=lambda line: print(line, file=err)) as client:
        assert client.study(NCT) == STUDY
    assert err.getvalue().endswith("; trying again now (try 2 of 2)\n"), err.getvalue()
    assert "Read timed out. (read timeout=0.3); trying again" in err.getvalue(), err.getvalue()
    out, err = io.StringIO(), Terminal()
    status = importing.run_each(registry, [NCT], importing.Options(), out=out, err=err)
    assert status == 0, err.getvalue()
    assert err.getvalue().startswith(f"trials import: fetching {api.url}/studies/{NCT}\n"), err.getvalue()


def test_retry_after_is_honoured_but_capped() -> None:
    retry = fetch._Retry(total=1, backoff_max=0.25)  # noqa: SLF001 (the class under test)

    class Response:
        headers = {"Retry-After": "3600"}

    assert retry.get_retry_after(Response()) == 0.25


def test_a_server_that_keeps_failing(trials: Trials, registry: Path, api: API) -> None:
    api.serve(NCT, Answer(503, b"maintenance"))
    before = snapshot(registry)
    result = trials("import", "ctgov", NCT)
    assert result.status == 1
    assert "the registry kept refusing" in result.err and "after 3 tries" in result.err
    assert api.requests_for(NCT) == 3  # the first try and CTGOV_RETRIES=2
    assert snapshot(registry) == before


def test_no_answer_times_out(trials: Trials, registry: Path, api: API, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CTGOV_RETRIES", "1")
    monkeypatch.setenv("CTGOV_TIMEOUT", "0.2")
    api.serve(NCT, Answer(200, STUDY, delay=1.0))
    result = trials("import", "ctgov", NCT)
    assert result.status == 1
    assert "no answer within 0.2 s" in result.err and "trials import ctgov FILE.json" in result.err


@pytest.mark.parametrize(
    "body, message",
    [
        (STUDY[: len(STUDY) // 2], "not valid JSON"),
        (b"<html><body>Service unavailable</body></html>", "not valid JSON"),
        (b'{"FullStudiesResponse": {"FullStudies": []}}', "classic ClinicalTrials.gov API"),
    ],
)
def test_a_malformed_answer_is_refused(trials: Trials, registry: Path, api: API, body: bytes, message: str) -> None:
    api.serve(NCT, Answer(200, body))
    before = snapshot(registry)
    result = trials("import", "ctgov", NCT)
    assert result.status == 1 and message in result.err, result.err
    assert f"{NCT} ({api.url}/studies/{NCT})" in result.err  # the message names what was fetched
    assert snapshot(registry) == before


def test_an_oversized_answer_is_not_read(api: API) -> None:
    settings = fetch.Settings(base=api.url, timeout=0.5, retries=0, backoff=0.0, limit=1000)
    api.serve(NCT, Answer(200, STUDY))  # 8 kB, more than the limit: read in chunks, given up past it
    with fetch.Client(settings) as client, pytest.raises(fetch.Unreachable, match="more than"):
        client.study(NCT)
    api.serve(NCT, Answer(200, b"{}", length=10**9))  # a declared length past the limit: not read at all
    with fetch.Client(settings) as client, pytest.raises(fetch.Unreachable, match="1,000,000,000 bytes"):
        client.study(NCT)


def test_offline(trials: Trials, registry: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("CTGOV_API_URL", f"http://127.0.0.1:{port}/api/v2")
    monkeypatch.setenv("CTGOV_RETRIES", "1")
    monkeypatch.setenv("CTGOV_BACKOFF", "0.01")
    before = snapshot(registry)
    result = trials("import", "ctgov", NCT)
    assert result.status == 1
    assert "cannot reach" in result.err and "are you offline?" in result.err
    assert "trials import ctgov FILE.json" in result.err
    assert snapshot(registry) == before
    # an update of a record that exists is offered as an update: `trials import ctgov FILE.json` refuses
    # a record that exists with other content (exit status 2), which a newer study of it always has
    updated = trials("import", "ctgov", "--update", "NCT06513429")
    assert updated.status == 1 and "trials import ctgov --update FILE.json`" in updated.err, updated.err
    assert snapshot(registry) == before


def test_a_name_that_does_not_resolve_is_not_tried_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Offline, every retry's backoff was waited through (about 15 s with the defaults) with no word,
    for the "are you offline?" the first try gave: a host name the resolver cannot resolve is not
    tried again. (The resolver is stood in for: no test looks a name up.) A refused connection is
    still tried again: a server's bad minute."""
    sleeps: list[float] = []
    monkeypatch.setattr(fetch._Retry, "sleep", lambda self, response=None: sleeps.append(1.0))

    def no_name(*args: object, **kwargs: object) -> list:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_name)
    settings = fetch.Settings(base="https://clinicaltrials.example/api/v2", retries=3, backoff=0.01)
    with fetch.Client(settings) as client, pytest.raises(fetch.Unreachable, match="are you offline") as raised:
        client.study(NCT)
    assert raised.value.offline and sleeps == []
    monkeypatch.undo()  # the resolver back: a port nothing listens on refuses the connection
    monkeypatch.setattr(fetch._Retry, "sleep", lambda self, response=None: sleeps.append(1.0))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = fetch.Settings(base=f"http://127.0.0.1:{port}/api/v2", retries=3, backoff=0.01)
    with fetch.Client(settings) as client, pytest.raises(fetch.Unreachable, match="are you offline"):
        client.study(NCT)
    assert len(sleeps) == 3


@pytest.mark.parametrize(
    "env, message",
    [
        ({"CTGOV_API_URL": "ftp://example.org"}, "not an http(s) address"),
        ({"CTGOV_TIMEOUT": "soon"}, "CTGOV_TIMEOUT='soon' is not a number"),
        ({"CTGOV_RETRIES": "-1"}, "is negative"),
    ],
)
def test_bad_settings_are_usage_errors(
    trials: Trials, monkeypatch: pytest.MonkeyPatch, env: dict, message: str
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = trials("import", "ctgov", NCT)
    assert result.status == 2 and message in result.err


def test_a_fetched_study_with_another_id_is_remarked(trials: Trials, registry: Path, api: API) -> None:
    """The registry answers an old id with the study it became: imported under the id it holds, with a warning."""
    api.serve("NCT09000099", Answer(200, STUDY))
    result = trials("import", "ctgov", "NCT09000099")
    assert result.status == 0, result.err
    assert "names NCT09000099 but holds study NCT09000011; it is imported as NCT09000011" in result.err
    assert (registry / "trials" / "NCT09000011.yaml").is_file()


def test_settings_default_to_the_public_api() -> None:
    settings = fetch.Settings.from_env({})
    assert settings.study_url(NCT) == "https://clinicaltrials.gov/api/v2/studies/NCT09000011"
    assert json.loads(STUDY)["protocolSection"]["identificationModule"]["nctId"] == NCT


def test_a_reason_keeps_its_brackets_balanced() -> None:
    """urllib3's reason for a read that timed out ends in a bracket of its own: stripping brackets
    from the ends as if they were wrapping left "Read timed out. (read timeout=0.3"."""
    pool = urllib3.HTTPConnectionPool("127.0.0.1", 1)
    inner = urllib3.exceptions.ReadTimeoutError(pool, "/", "Read timed out. (read timeout=0.3)")
    assert fetch._why(requests.exceptions.ConnectionError(inner)) == "Read timed out. (read timeout=0.3)"  # noqa: SLF001
    assert fetch._why(ValueError("(a reason wrapped whole)")) == "a reason wrapped whole"  # noqa: SLF001
