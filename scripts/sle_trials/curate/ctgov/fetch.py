"""Fetching a study from the ClinicalTrials.gov API v2 by its NCT id: the bytes read_studies reads.

    GET {CTGOV_API_URL}/studies/NCT…   (default https://clinicaltrials.gov/api/v2)

The registry's API is public but not always there: it rate-limits (429 with Retry-After), has bad
minutes (502, 503) and the curator may be offline. So the request is made with requests through an
HTTPAdapter whose urllib3 Retry retries 429 and 5xx answers and failed connections with exponential
backoff, honouring Retry-After (never waiting longer than max_wait); each connect and read has a
timeout; the body is streamed and given up past a size cap (a study is a few hundred kilobytes; the
cap is the largest source the registry keeps), so a misbehaving server cannot fill memory. Every
failure is one clear sentence (Unreachable), with what to do offline; an id the registry does not
know is NotFound, which `trials drift` reports and goes on.

requests is in the `fetch` extra (pyproject.toml): `trials check` never needs the network.
CTGOV_TIMEOUT, CTGOV_RETRIES and CTGOV_BACKOFF (seconds) tune it; the tests set them small.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

if TYPE_CHECKING:
    from urllib3.connectionpool import ConnectionPool
    from urllib3.response import BaseHTTPResponse

from sle_trials import __version__, command, files
from sle_trials.patterns import lazy

DEFAULT_BASE = "https://clinicaltrials.gov/api/v2"
RETRIED = (429, 500, 502, 503, 504)  # rate limited, or the server's bad minute
_NCT = lazy(r"NCT[0-9]{8}\Z")
_CHUNK = 1 << 16


class NotFound(Exception):
    """The registry has no study with this id (HTTP 404)."""


class Unreachable(Exception):
    """The study could not be fetched: offline, timed out, refused, too large. The message says what
    to do; offline is True when the API could not be reached at all (no other study will be either)."""

    def __init__(self, message: str, offline: bool = False) -> None:
        super().__init__(message)
        self.offline = offline


@dataclass(frozen=True)
class Settings:
    base: str = DEFAULT_BASE
    timeout: float = 30.0  # seconds for connecting, and for each read of the answer
    retries: int = 5  # tries after the first, for 429, 5xx and failed connections
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    max_wait: float = 60.0  # the longest wait between tries, a server's Retry-After included
    limit: int = files.MAX_SOURCE_BYTES  # the largest answer read

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Settings from CTGOV_API_URL, CTGOV_TIMEOUT, CTGOV_RETRIES and CTGOV_BACKOFF; ValueError
        naming the variable when one is not a number."""
        env = os.environ if env is None else env
        base = (env.get("CTGOV_API_URL") or DEFAULT_BASE).rstrip("/")
        if not re.match(r"https?://[^\s/]+", base):
            raise ValueError(f"CTGOV_API_URL={base!r} is not an http(s) address")
        numbers: dict[str, Any] = {}
        for name, field, kind in (
            ("CTGOV_TIMEOUT", "timeout", float),
            ("CTGOV_RETRIES", "retries", int),
            ("CTGOV_BACKOFF", "backoff", float),
        ):
            if env.get(name):
                try:
                    numbers[field] = kind(env[name])
                except ValueError:
                    raise ValueError(f"{name}={env[name]!r} is not a number") from None
                if numbers[field] < 0:
                    raise ValueError(f"{name}={env[name]!r} is negative")
        return cls(base=base, **numbers)

    def study_url(self, nct_id: str) -> str:
        return f"{self.base}/studies/{nct_id}"


class _Retry(Retry):
    """urllib3's Retry, with a server's Retry-After capped at backoff_max: a 429 saying "come back
    in an hour" makes the run fail with a message, not hang. A host name the resolver cannot resolve
    is not tried again: offline, the curator waited through every retry's backoff (about 15 s with
    the defaults) with no word, for the answer "are you offline?" that the first try gave."""

    # Where to say that a try failed and another is coming (Client's say), or None: an answer that
    # takes minutes of retries was waited through in silence. urllib3 makes a new Retry for each
    # try (new), which keeps it.
    say: Callable[[str], None] | None = None

    def new(self, **kw: Any) -> Self:
        made = super().new(**kw)
        made.say = self.say
        return made

    def sleep(self, response: BaseHTTPResponse | None = None) -> None:
        if self.say is not None and self.history:
            last = self.history[-1]
            why = f"HTTP {last.status}" if last.status else _why(last.error) if last.error else "no answer"
            after = self.get_retry_after(response) if response is not None else None
            wait = self.get_backoff_time() if after is None else after
            tries = len(self.history) + (self.total if isinstance(self.total, int) else 0) + 1
            when = f"in {wait:.3g} s" if wait > 0 else "now"
            self.say(f"{why}; trying again {when} (try {len(self.history) + 1} of {tries})")
        super().sleep(response)

    def get_retry_after(self, response: Any) -> float | None:
        wait = super().get_retry_after(response)
        return None if wait is None else min(wait, self.backoff_max)

    def increment(
        self,
        method: str | None = None,
        url: str | None = None,
        response: BaseHTTPResponse | None = None,
        error: Exception | None = None,
        _pool: ConnectionPool | None = None,
        _stacktrace: TracebackType | None = None,
    ) -> Self:
        if isinstance(error, urllib3.exceptions.NameResolutionError):
            raise urllib3.exceptions.MaxRetryError(_pool, url or "", reason=error)  # type: ignore[arg-type]
        return super().increment(method, url, response, error, _pool, _stacktrace)


class Client:
    """One HTTP session to the registry's API, with its retries; use as a context manager."""

    def __init__(self, settings: Settings, say: Callable[[str], None] | None = None) -> None:
        """say, when given, is told of each try that failed before the next one is made."""
        self.settings = settings
        self.session = requests.Session()
        retry = _Retry(
            total=settings.retries,
            connect=settings.retries,
            read=settings.retries,
            status=settings.retries,
            other=0,
            backoff_factor=settings.backoff / 2,
            backoff_max=settings.max_wait,
            status_forcelist=RETRIED,
            allowed_methods=frozenset({"GET"}),
            respect_retry_after_header=True,
            raise_on_status=True,
        )
        retry.say = say
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update(
            {
                "Accept": "application/json",
                "User-Agent": f"sle-car-t-trials/{__version__} (trials import ctgov; requests)",
            }
        )

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.session.close()

    def study(self, nct_id: str, *, update: bool = False) -> bytes:
        """The study's JSON as the API returns it, byte for byte. NotFound, Unreachable. update: the
        study is fetched for a record that has it (`import --update`, `drift`), and the import of a
        saved one that an offline message suggests is an update too: without --update, an import
        refuses a record that exists."""
        if not _NCT.match(nct_id):
            raise ValueError(f"{nct_id!r} is not an NCT id")
        s = self.settings
        url = s.study_url(nct_id)
        saved = ("--update", "FILE.json") if update else ("FILE.json",)
        offline = (
            f"to import without the network, save {url}?format=json on a machine that has it and run "
            f"`{command.run('import', 'ctgov', *saved)}`"
        )
        try:
            response = self.session.get(url, params={"format": "json"}, timeout=(s.timeout, s.timeout), stream=True)
        except requests.exceptions.RetryError as exc:
            raise Unreachable(
                f"{url}: the registry kept refusing ({_why(exc)}) after {s.retries + 1} tries; try again later"
            ) from None
        except requests.exceptions.ConnectionError as exc:
            if not _timed_out(exc):
                raise Unreachable(
                    f"cannot reach {s.base} ({_why(exc)}): are you offline? {offline[0].upper()}{offline[1:]}",
                    offline=True,
                ) from None
            raise Unreachable(
                f"{url}: no answer within {s.timeout:g} s, {s.retries + 1} tries; try again later, or {offline}"
            ) from None
        except requests.exceptions.Timeout:
            raise Unreachable(
                f"{url}: no answer within {s.timeout:g} s, {s.retries + 1} tries; try again later, or {offline}"
            ) from None
        except requests.exceptions.RequestException as exc:
            raise Unreachable(f"{url}: {_why(exc)}") from None
        with response:
            if response.status_code == 404:
                raise NotFound(f"ClinicalTrials.gov has no study {nct_id} ({url}: 404 Not Found)")
            if response.status_code != 200:
                raise Unreachable(f"{url}: HTTP {response.status_code} {response.reason or ''}".rstrip())
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > s.limit:
                raise Unreachable(
                    f"{url}: the answer is {int(declared):,} bytes, more than the {s.limit:,} a study may be"
                )
            body = bytearray()
            try:
                for chunk in response.iter_content(_CHUNK):
                    body += chunk
                    if len(body) > s.limit:
                        raise Unreachable(
                            f"{url}: the answer runs past {s.limit:,} bytes, more than a study may be; stopped"
                        )
            except requests.exceptions.RequestException as exc:
                raise Unreachable(f"{url}: the answer broke off ({_why(exc)}); try again later") from None
        return bytes(body)


def _timed_out(exc: BaseException) -> bool:
    """Whether a connection error is, at its root, a timeout (a read that timed out on its last retry
    reaches requests as a ConnectionError)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, urllib3.exceptions.NewConnectionError):  # urllib3 files it under timeouts
            return False
        if isinstance(seen, (TimeoutError, urllib3.exceptions.TimeoutError)):
            return True
        nxt = getattr(seen, "reason", None)
        if not isinstance(nxt, BaseException):
            nxt = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = nxt
    return False


def _why(exc: BaseException) -> str:
    """The innermost reason of a requests/urllib3 error, short (no object reprs)."""
    reason: BaseException | None = exc
    while reason is not None and reason.args and isinstance(reason.args[0], BaseException):
        reason = reason.args[0]
    inner = getattr(reason, "reason", None)
    text = str(inner if isinstance(inner, BaseException | str) else reason)
    text = re.sub(r"<[^>]*>:?\s*", "", text)  # "<urllib3.connection.HTTPConnection object at 0x…>: Failed …"
    text = re.sub(r"^\w+ConnectionPool\([^)]*\):\s*", "", text)  # "HTTPConnectionPool(host=…, port=…): Read timed out"
    text = text.strip(" :")
    if text.startswith("(") and text.endswith(")"):  # a reason urllib3 wrapped whole in brackets
        text = text[1:-1]
    return files.printable(text[:200]) or type(exc).__name__
