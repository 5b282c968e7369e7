"""A stand-in for the ClinicalTrials.gov API v2 on 127.0.0.1, for the fetch, import and drift tests.

Each path is given a script of answers (status, headers, body, delay), played in order, the last
repeated; every request is logged. Never the network: the server binds the loopback interface on a
free port, and the tests point CTGOV_API_URL at it with short timeouts and backoff, so a retry costs
milliseconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (a timeout)
    length: int | None = None  # a Content-Length to declare instead of the body's (an oversized answer)


@dataclass
class API:
    url: str
    scripts: dict[str, list[Answer]] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    def serve(self, nct_id: str, *answers: Answer) -> None:
        self.scripts[f"/studies/{nct_id}"] = list(answers)

    def requests_for(self, nct_id: str) -> int:
        return sum(1 for p in self.log if p == f"/studies/{nct_id}")


def _handler(api: API) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            path = self.path.split("?", 1)[0].removeprefix("/api/v2")
            api.log.append(path)
            script = api.scripts.get(path)
            if not script:
                answer = Answer(404, b'{"message": "not found"}')
            else:
                answer = script.pop(0) if len(script) > 1 else script[0]
            if answer.delay:
                time.sleep(answer.delay)
            try:
                self.send_response(answer.status)
                for key, value in answer.headers.items():
                    self.send_header(key, value)
                length = answer.length if answer.length is not None else len(answer.body)
                self.send_header("Content-Length", str(length))
                self.end_headers()
                self.wfile.write(answer.body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout, a size cap)
                pass

        def log_message(self, *args: object) -> None:  # quiet
            pass

    return Handler


@contextmanager
def running(monkeypatch: pytest.MonkeyPatch) -> Iterator[API]:
    """A local API, CTGOV_API_URL pointing at it; timeouts of half a second, two retries, 10 ms backoff.
    A test module makes it a fixture: `api = pytest.fixture(lambda monkeypatch: ...)` (see test_fetch.py)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    stand_in = API(f"http://127.0.0.1:{server.server_address[1]}/api/v2")
    server.RequestHandlerClass = _handler(stand_in)
    server.daemon_threads = True
    # serve_forever looks for shutdown() every poll_interval: at the default 0.5 s, every test ended
    # with half a second of waiting for the server to notice
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    monkeypatch.setenv("CTGOV_API_URL", stand_in.url)
    monkeypatch.setenv("CTGOV_TIMEOUT", "0.5")
    monkeypatch.setenv("CTGOV_RETRIES", "2")
    monkeypatch.setenv("CTGOV_BACKOFF", "0.01")
    try:
        yield stand_in
    finally:
        server.shutdown()
        server.server_close()
