"""A stand-in for arXiv's API, Crossref's REST API and OpenReview's API 2 on 127.0.0.1, replaying the
hand-written records in tests/fixtures/metadata/ in each service's own format: Atom feeds of the `id_list`
asked for, Crossref work messages (404 "Resource not found." for a DOI it does not hold), and OpenReview
notes messages (an empty `notes` list for a forum it does not hold, as the service answers).

Tests and benchmarks/resolve_bundled.py start one per run; `fail`, `malformed` and `delay` make it
misbehave the ways the real services do (429 and 5xx, a body that is no feed, a slow answer).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "metadata"
FEED_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <link href="http://arxiv.org/api/query?search_query=&amp;id_list={ids}&amp;start=0&amp;max_results={n}" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=&amp;id_list={ids}&amp;start=0&amp;max_results={n}</title>
  <id>http://arxiv.org/api/fixture</id>
  <updated>2026-01-01T00:00:00-05:00</updated>
  <opensearch:totalResults>{found}</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  <opensearch:itemsPerPage>{n}</opensearch:itemsPerPage>
"""


@dataclass
class Request:
    path: str
    query: dict[str, list[str]]
    user_agent: str
    at: float


@dataclass
class MetadataServer:
    """`arxiv` maps an id to its Atom `<entry>`, `crossref` a DOI to its JSON message (both read from
    `root` unless given); `fail` is a list of statuses to answer the next requests with, in turn."""

    root: Path = FIXTURES
    arxiv: dict[str, str] = field(default_factory=dict)
    crossref: dict[str, str] = field(default_factory=dict)
    openreview: dict[str, str] = field(default_factory=dict)
    fail: list[int] = field(default_factory=list)
    retry_after: str = ""
    malformed: bool = False
    delay: float = 0.0
    requests: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        for path in sorted((self.root / "arxiv").glob("*.xml")):
            self.arxiv.setdefault(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted((self.root / "crossref").glob("*.json")):
            self.crossref.setdefault(path.stem.replace("_", "/").lower(), path.read_text(encoding="utf-8"))
        for path in sorted((self.root / "openreview").glob("*.json")):
            self.openreview.setdefault(path.stem, path.read_text(encoding="utf-8"))
        self._server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self._server is not None, "start() the server first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def arxiv_api(self) -> str:
        return f"{self.base}/api/query"

    @property
    def crossref_api(self) -> str:
        return f"{self.base}/crossref"

    @property
    def openreview_api(self) -> str:
        return f"{self.base}/openreview"

    def start(self) -> MetadataServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                query = parse_qs(url.query)
                server.requests.append(
                    Request(url.path, query, self.headers.get("User-Agent", ""), time.time())
                )
                if server.delay:
                    time.sleep(server.delay)
                if server.fail:
                    status = server.fail.pop(0)
                    headers = {"Retry-After": server.retry_after} if server.retry_after else {}
                    return self.answer(
                        status, b"Rate exceeded." if status == 429 else b"busy", "text/plain", headers
                    )
                if url.path == "/api/query":
                    return self.feed(query.get("id_list", [""])[0].split(","))
                if url.path.startswith("/crossref/works/"):
                    return self.work(unquote(url.path.removeprefix("/crossref/works/")).lower())
                if url.path == "/openreview/notes":
                    return self.notes(query.get("id", [""])[0])
                return self.answer(404, b"not here", "text/plain")

            def feed(self, ids: list[str]) -> None:
                if server.malformed:
                    return self.answer(200, b"<html><body>Service unavailable", "text/html")
                entries = [server.arxiv[i] for i in ids if i in server.arxiv]
                head = FEED_HEAD.format(ids=",".join(ids), n=len(ids), found=len(entries))
                body = head + "".join(entries) + "</feed>\n"
                self.answer(200, body.encode(), "application/atom+xml; charset=utf-8")

            def work(self, doi: str) -> None:
                if server.malformed:
                    return self.answer(200, b'{"status": "ok", "message": ', "application/json")
                if doi not in server.crossref:
                    return self.answer(404, b"Resource not found.", "text/plain")
                self.answer(200, server.crossref[doi].encode(), "application/json")

            def notes(self, forum: str) -> None:
                if server.malformed:
                    return self.answer(200, b"<html>Service unavailable</html>", "text/html")
                note = server.openreview.get(forum)
                body = f'{{"notes":[{note}],"count":1}}' if note else '{"notes":[],"count":0}'
                self.answer(200, body.encode(), "application/json; charset=utf-8")

            def answer(
                self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None
            ) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                    pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> MetadataServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def work_json(self, doi: str) -> dict:
        return json.loads(self.crossref[doi])
