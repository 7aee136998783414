"""A URL split once into its parts, which every identifier below reads."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# ASCII-only classes: under re.IGNORECASE in Unicode mode [a-z] also matches e.g. the Kelvin sign,
# and \d matches non-ASCII digits; neither may leak into an identifier.
_AI = re.ASCII | re.IGNORECASE


class _Url(NamedTuple):
    """A URL split once, so that every extractor below reuses the same parse."""

    scheme: str  # "http", "https" or "" when the input had no scheme
    host: str  # lowercased, without trailing dot and without a leading "www."
    port: str
    path: str
    query: str
    fragment: str


# One pass over the URL.  Scheme-less "arxiv.org/abs/..." is accepted (lists contain it), but any
# other scheme (javascript:, mailto:, data:) fails to match because ':' is only allowed before digits.
_URL_RE = re.compile(
    r"(?:(?:(?P<scheme>https?):)?//(?:[^@/?#\s]*@)?)?"
    r"(?P<host>\[[0-9a-f:.]*\]|[^/?#:@\s\[\]]+)"
    r"(?::(?P<port>[0-9]*))?"
    r"(?P<path>/[^?#]*)?"
    r"(?:\?(?P<query>[^#]*))?"
    r"(?:#(?P<fragment>.*))?",
    _AI | re.DOTALL,
)
_HTTP_URL_RE = re.compile(
    r"https?://(?:[^@/?#\s]*@)?(?:\[[0-9a-f:.]+\]|[^/?#:@\s\[\]]*[a-z0-9][^/?#:@\s\[\]]*)"
    r"(?::[0-9]*)?(?:[/?#].*)?",
    _AI | re.DOTALL,
)


@lru_cache(maxsize=1 << 17)
def _parse(url: str) -> _Url | None:
    """Split a URL (http, https or scheme-less) into parts; None for anything else. Memoised: every
    identifier of a URL reads the same parse, and the parts are immutable."""
    m = _URL_RE.fullmatch(url.strip())
    if m is None:
        return None
    host = m["host"].lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return _Url(
        (m["scheme"] or "").lower(),
        host,
        m["port"] or "",
        m["path"] or "",
        m["query"] or "",
        m["fragment"] or "",
    )


def is_http_url(url: str) -> bool:
    """True only for absolute http(s) URLs with a host: the only links worth following or comparing."""
    return _HTTP_URL_RE.fullmatch(url.strip()) is not None
