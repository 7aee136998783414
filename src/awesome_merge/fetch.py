"""`--fetch`: refresh source snapshots from upstream without ever replacing a good snapshot by a bad download.

A scheduled job runs this unattended, so every problem (network, HTTP, implausible content) becomes a
`FetchOutcome` with a one-line message instead of an exception, and the previous snapshot stays untouched.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from .atomic import write_atomic
from .config import Config, FetchConfig, SourceConfig
from .diagnostics import AwesomeMergeError
from .ids import is_http_url
from .read import strict_text
from .source_files import SOURCE_SUFFIXES

STATE_NAME = ".awesome-merge-fetch.json"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0  # seconds: a longer Retry-After is not worth blocking a scheduled job for
HTTP_SCHEMES = ("http", "https")
_ERROR_TITLE = re.compile(
    r"\b(400|401|403|404|410|429|500|502|503|504|error|not found|rate limit\w*|too many requests|"
    r"access denied|forbidden|unavailable)\b",
    re.IGNORECASE,
)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def _user_agent() -> str:
    try:
        version = metadata.version("awesome-merge")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"awesome-merge/{version} (refreshes awesome-list snapshots)"


USER_AGENT = _user_agent()


@dataclass(frozen=True)
class FetchOutcome:
    """What happened to one source; `path` is the snapshot on disk afterwards, None when there is none."""

    name: str
    status: str  # "updated", "unchanged", "refused", "failed" or "skipped"
    message: str
    path: Path | None


class _Problem(Exception):
    """A reason to keep the previous snapshot; `status` is "failed" or "refused"."""

    def __init__(self, status: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class _Reply:
    status: int
    body: bytes
    headers: httpx.Headers


# --- the snapshot and the state file -------------------------------------------------------------------


def snapshot_path(folder: Path, name: str) -> Path:
    """The existing snapshot of `name` whatever its extension, else where a new one goes (`name.md`)."""
    for suffix in SOURCE_SUFFIXES:
        candidate = folder / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    return folder / f"{name}.md"


def load_state(folder: Path) -> dict[str, dict[str, str | None]]:
    """ETag / Last-Modified per source; an unreadable state only costs one unconditional download."""
    try:
        data = json.loads((folder / STATE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}


def save_state(folder: Path, state: dict[str, dict[str, str | None]]) -> None:
    text = json.dumps(state, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    write_atomic(folder / STATE_NAME, text.encode("utf-8"))


# --- the request ----------------------------------------------------------------------------------------


def _refuse_unsafe_redirect(response: httpx.Response) -> None:
    """Response hook: stop before httpx follows a redirect to `file:`, `javascript:` or the like."""
    if not response.is_redirect:
        return
    location = response.headers.get("Location", "")
    scheme = urlsplit(location).scheme.lower()
    if scheme and scheme not in HTTP_SCHEMES:
        raise _Problem(
            "refused", f"{response.request.url} redirected to a non-http(s) URL {location[:200]!r}"
        )


def make_client(fetch: FetchConfig) -> httpx.Client:
    """The client `fetch_sources` uses by default; pass one built here to add a transport in tests."""
    return httpx.Client(
        follow_redirects=True,
        max_redirects=fetch.max_redirects,
        timeout=fetch.timeout,
        headers={"User-Agent": USER_AGENT},
        event_hooks={"response": [_refuse_unsafe_redirect]},
    )


def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    """Stream the body, giving up as soon as it exceeds `max_bytes` (declared or actual)."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _Problem(
            "refused", f"{response.url} is {int(declared):,} bytes, over fetch.max_bytes = {max_bytes:,}"
        )
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _Problem("refused", f"{response.url} sent more than fetch.max_bytes = {max_bytes:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _attempt(client: httpx.Client, url: str, headers: dict[str, str], fetch: FetchConfig) -> _Reply:
    """One GET; transient errors (timeouts, connection errors) propagate for `_request` to retry."""
    try:
        with client.stream("GET", url, headers=headers, timeout=fetch.timeout) as response:
            if response.url.scheme not in HTTP_SCHEMES:
                raise _Problem("refused", f"{url} ended at a non-http(s) URL {response.url}")
            body = _read_capped(response, fetch.max_bytes) if response.status_code == 200 else b""
            return _Reply(response.status_code, body, response.headers)
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        raise _Problem("refused", f"{url} redirected to a URL that is not http(s): {exc}") from exc
    except httpx.TooManyRedirects as exc:
        raise _Problem(
            "failed", f"{url} redirected more than fetch.max_redirects = {fetch.max_redirects} times"
        ) from exc
    except httpx.RemoteProtocolError as exc:
        raise _Problem("failed", f"the download from {url} was cut off ({exc})") from exc


def _retry_delay(attempt: int, reply: _Reply | None) -> float:
    """Exponential backoff (1 s, 2 s, 4 s...), or the server's Retry-After when it asks for a short wait."""
    delay = float(2 ** (attempt - 1))
    retry_after = reply.headers.get("Retry-After", "") if reply else ""
    if retry_after.isdigit() and int(retry_after) <= MAX_RETRY_AFTER:
        delay = max(delay, float(retry_after))
    return delay


def _request(
    client: httpx.Client,
    url: str,
    headers: dict[str, str],
    fetch: FetchConfig,
    sleep: Callable[[float], None],
) -> _Reply:
    """GET with `fetch.retries` attempts in total; retries only what may succeed a moment later."""
    attempts = max(1, fetch.retries)
    for attempt in range(1, attempts + 1):
        reply = None
        try:
            reply = _attempt(client, url, headers, fetch)
        except httpx.TimeoutException as exc:
            if attempt == attempts:
                raise _Problem(
                    "failed", f"timed out after {fetch.timeout:g} s on {url} ({attempts} attempts)"
                ) from exc
        except httpx.NetworkError as exc:
            if attempt == attempts:
                raise _Problem("failed", f"network error on {url} ({attempts} attempts): {exc}") from exc
        else:
            if reply.status not in RETRY_STATUSES:
                return reply
            if attempt == attempts:
                raise _Problem("failed", f"HTTP {reply.status} from {url} ({attempts} attempts)")
        sleep(_retry_delay(attempt, reply))
    raise AssertionError("unreachable: the last attempt returns or raises")


def _conditional_headers(
    saved: dict[str, str | None] | None, url: str, previous: bytes | None
) -> dict[str, str]:
    """Ask for the body only if it changed, and only when our snapshot is what those validators describe."""
    if previous is None or not saved or saved.get("url") != url:
        return {}
    if saved.get("sha256") not in (None, hashlib.sha256(previous).hexdigest()):
        return {}  # the snapshot was edited or restored since: download it again
    headers = {}
    if saved.get("etag"):
        headers["If-None-Match"] = str(saved["etag"])
    if saved.get("last_modified"):
        headers["If-Modified-Since"] = str(saved["last_modified"])
    return headers


# --- plausibility ---------------------------------------------------------------------------------------


def _is_html_document(text: str) -> bool:
    return text.lstrip()[:100].lower().startswith(("<!doctype html", "<html"))


def _check_plausible(
    text: str,
    previous: str | None,
    previous_path: Path,
    *,
    url: str,
    name: str,
    count_entries: Callable[[str, str], int],
    fetch: FetchConfig,
    force: bool,
) -> tuple[int, int | None]:
    """Refuse what is surely not the list; returns the entry counts (new, previous) for the message."""
    if not text.strip():
        raise _Problem("refused", f"{url} served an empty document")
    if _is_html_document(text):
        match = _TITLE.search(text[:50_000])
        title = " ".join(html.unescape(match.group(1)).split()) if match else ""
        if _ERROR_TITLE.search(title):
            raise _Problem("refused", f"{url} served an HTML error page titled {title[:80]!r}")
        was_markdown = (
            previous is not None and previous_path.suffix != ".html" and not _is_html_document(previous)
        )
        if was_markdown and not force:
            raise _Problem(
                "refused",
                f"{url} served a full HTML page where the previous snapshot was Markdown",
                "check the url (a raw file, not the GitHub page), or rerun with --force to accept it",
            )
    new = count_entries(text, name)
    old = count_entries(previous, name) if previous is not None else None
    if old and new < old * fetch.min_entry_ratio and not force:
        raise _Problem(
            "refused",
            f"{url} now has {new} entries against {old} in the previous snapshot "
            f"(below fetch.min_entry_ratio = {fetch.min_entry_ratio:g})",
            "rerun with --force to accept it",
        )
    return new, old


# --- one source, all sources ----------------------------------------------------------------------------


def _remember(
    state: dict[str, dict[str, str | None]],
    source: SourceConfig,
    headers: httpx.Headers,
    body: bytes,
    *,
    keep: bool,
) -> None:
    """Store the validators of the snapshot now on disk; `keep` holds on to old ones a 304 did not repeat."""
    saved = state.get(source.name, {}) if keep else {}
    state[source.name] = {
        "url": source.url,
        "etag": headers.get("ETag") or (saved.get("etag") if keep else None),
        "last_modified": headers.get("Last-Modified") or (saved.get("last_modified") if keep else None),
        "sha256": hashlib.sha256(body).hexdigest(),
    }


def _fetch_one(
    source: SourceConfig,
    folder: Path,
    state: dict[str, dict[str, str | None]],
    client: httpx.Client,
    *,
    count_entries: Callable[[str, str], int],
    force: bool,
    fetch: FetchConfig,
    sleep: Callable[[float], None],
) -> FetchOutcome:
    name, url = source.name, source.url
    path = snapshot_path(folder, name)
    previous = path.read_bytes() if path.is_file() else None
    try:
        if not is_http_url(url):
            raise _Problem("refused", f"url {url!r} is not http(s)")
        headers = _conditional_headers(state.get(name), url, previous)
        reply = _request(client, url, headers, fetch, sleep)
        if reply.status == 304 and headers and previous is not None:
            _remember(state, source, reply.headers, previous, keep=True)
            return FetchOutcome(name, "unchanged", f"not modified upstream (HTTP 304) at {url}", path)
        if reply.status != 200:
            raise _Problem("failed", f"HTTP {reply.status} from {url}")
        if reply.body == previous:
            _remember(state, source, reply.headers, previous, keep=False)
            return FetchOutcome(name, "unchanged", f"{url} serves the same bytes as the snapshot", path)
        text = strict_text(reply.body)
        if text is None:
            raise _Problem(
                "refused", f"{url} did not serve text (neither UTF-8 nor UTF-16 with a byte-order mark)"
            )
        previous_text = strict_text(previous) if previous is not None else None
        new, old = _check_plausible(
            text,
            previous_text,
            path,
            url=url,
            name=name,
            count_entries=count_entries,
            fetch=fetch,
            force=force,
        )
        try:
            write_atomic(path, reply.body)
        except OSError as exc:
            raise _Problem("failed", f"could not write {path.name}: {exc}") from exc
        _remember(state, source, reply.headers, reply.body, keep=False)
        was = "new snapshot" if previous is None else f"previously {old if old is not None else 'unreadable'}"
        return FetchOutcome(name, "updated", f"updated from {url}: {new} entries ({was})", path)
    except _Problem as problem:
        kept = "kept the previous snapshot" if previous is not None else "no snapshot written"
        message = "; ".join(part for part in (problem.message, kept, problem.hint) if part)
        return FetchOutcome(name, problem.status, message, path if previous is not None else None)


def fetch_sources(
    config: Config,
    folder: Path,
    *,
    count_entries: Callable[[str, str], int],
    force: bool = False,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[FetchOutcome]:
    """Refresh every source that has a url; one outcome per source, in config order.

    `count_entries(text, name)` is the parser's entry count, used to refuse a download that lost most of
    the list; `force` accepts such a download (and an HTML page replacing Markdown) all the same.
    """
    state = load_state(folder)
    before = json.dumps(state, sort_keys=True)
    outcomes = []
    own_client = client is None
    http = make_client(config.fetch) if client is None else client
    try:
        for source in config.sources:
            if not source.url:
                path = snapshot_path(folder, source.name)
                message = "local source (no url in the config); not fetched"
                outcomes.append(
                    FetchOutcome(source.name, "skipped", message, path if path.is_file() else None)
                )
                continue
            outcomes.append(
                _fetch_one(
                    source,
                    folder,
                    state,
                    http,
                    count_entries=count_entries,
                    force=force,
                    fetch=config.fetch,
                    sleep=sleep,
                )
            )
    finally:
        if own_client:
            http.close()
    if json.dumps(state, sort_keys=True) != before:
        try:
            save_state(folder, state)
        except OSError as exc:
            raise AwesomeMergeError(f"could not write {folder / STATE_NAME}: {exc}") from exc
    return outcomes
