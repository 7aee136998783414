"""A polite HTTP client for the scholarly services: one User-Agent naming the tool and a contact, each
service's pace kept between requests, retries with backoff on 429, 5xx and timeouts.

The clock is injectable so that tests check the pace without waiting for it.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from .. import __version__

if TYPE_CHECKING:  # httpx (and what it imports) loads only for a run that looks papers up
    import httpx

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0


class Clock(Protocol):
    def now(self) -> float: ...
    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class FetchFailed(Exception):
    """A request that failed after its retries: the message is the one warning line shown for it."""


def user_agent(contact: str) -> str:
    return f"awesome-merge/{__version__}" + (f" (mailto:{contact})" if contact else "")


class Pacer:
    """At most one request every `interval` seconds, measured on `clock`; counts the time it waited."""

    def __init__(self, interval: float, clock: Clock) -> None:
        self.interval = interval
        self.clock = clock
        self.last: float | None = None
        self.waited = 0.0

    def wait(self) -> None:
        if self.last is not None:
            pause = self.last + self.interval - self.clock.now()
            if pause > 0:
                self.clock.sleep(pause)
                self.waited += pause
        self.last = self.clock.now()


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    try:
        return min(max(float(value), 0.0), MAX_RETRY_AFTER)
    except ValueError:
        return None


class Client:
    """One service's requests: paced, retried, and counted."""

    def __init__(
        self,
        name: str,
        interval: float,
        *,
        contact: str,
        timeout: float,
        retries: int,
        clock: Clock,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.name = name
        self.pacer = Pacer(interval, clock)
        self.clock = clock
        self.retries = retries
        self.requests = 0
        import httpx

        self.http = httpx.Client(
            headers={"User-Agent": user_agent(contact)},
            timeout=timeout,
            follow_redirects=True,
            transport=transport,
        )

    def close(self) -> None:
        self.http.close()

    def get(self, url: str, params: Mapping[str, str] | None = None) -> httpx.Response:
        """The response (a 404 included: the caller says what it means); FetchFailed after the retries."""
        import httpx

        problem = ""
        for attempt in range(self.retries):
            self.pacer.wait()
            self.requests += 1
            delay: float | None = None
            try:
                response = self.http.get(url, params=params)
            except httpx.TimeoutException:
                problem = "timed out"
            except httpx.HTTPError as exc:
                problem = f"network error ({type(exc).__name__})"
            else:
                if response.status_code not in RETRY_STATUS:
                    if response.status_code >= 400 and response.status_code != 404:
                        raise FetchFailed(f"{self.name}: HTTP {response.status_code}")
                    return response
                problem = f"HTTP {response.status_code}"
                delay = _retry_after(response)
            if attempt + 1 < self.retries:
                pause = delay if delay is not None else float(2**attempt)
                self.clock.sleep(pause)
                self.pacer.waited += pause
        raise FetchFailed(f"{self.name}: {problem} after {self.retries} attempts")


def json_or_none(response: httpx.Response, malformed: type[ValueError]) -> Any:
    """The JSON body of a service's answer; None for 404 (the service holds no such record)."""
    if response.status_code == 404:
        return None
    try:
        return response.json()
    except ValueError as exc:
        raise malformed("not JSON") from exc
