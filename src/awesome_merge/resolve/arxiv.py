"""arXiv's API: Atom feeds of `id_list` queries, many ids a request (the service asks for few requests)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from ..ids import normalize_arxiv_id, normalize_doi
from .http import Client
from .record import Record

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
_SPACE = re.compile(r"\s+")
_ABS = re.compile(r"/abs/(?P<id>.+?)(?:v\d+)?$")


class MalformedFeed(ValueError):
    """The response is no Atom feed, or arXiv's error entry."""


def _text(element: ET.Element, path: str) -> str:
    found = element.find(path)
    return _SPACE.sub(" ", found.text or "").strip() if found is not None and found.text else ""


def parse_feed(data: bytes, fetched: str) -> list[Record]:
    """The records of a feed's entries; raises MalformedFeed for a body that is no feed or an error entry.

    Entries without a title (arXiv lists an id it does not know that way) are no record.
    """
    try:
        feed = ET.fromstring(data)
    except ET.ParseError as exc:
        raise MalformedFeed(f"not an Atom feed ({exc})") from exc
    if feed.tag != f"{ATOM}feed":
        raise MalformedFeed("not an Atom feed")
    records = []
    for entry in feed.iter(f"{ATOM}entry"):
        link = _text(entry, f"{ATOM}id")
        if "/api/errors" in link:
            raise MalformedFeed(f"arXiv answered an error: {_text(entry, f'{ATOM}summary') or link}")
        match = _ABS.search(link)
        arxiv_id = normalize_arxiv_id(match["id"]) if match else ""
        title = _text(entry, f"{ATOM}title")
        if not arxiv_id or not title:
            continue
        published = _text(entry, f"{ATOM}published")[:10]
        authors = tuple(n for a in entry.findall(f"{ATOM}author") if (n := _text(a, f"{ATOM}name")))
        records.append(
            Record(
                key=f"arxiv:{arxiv_id}",
                service="arxiv",
                fetched=fetched,
                title=title,
                authors=authors,
                venue=_text(entry, f"{ARXIV}journal_ref"),
                year=int(published[:4]) if published[:4].isdigit() else None,
                published=published,
                arxiv_id=arxiv_id,
                doi=normalize_doi(_text(entry, f"{ARXIV}doi")),
            )
        )
    return records


def batches(ids: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def fetch_batch(client: Client, base: str, ids: list[str], fetched: str) -> list[Record]:
    """One request for up to `size` ids; the records arXiv returned for them."""
    response = client.get(base, {"id_list": ",".join(ids), "max_results": str(len(ids))})
    if response.status_code == 404:
        return []
    wanted = set(ids)
    return [r for r in parse_feed(response.content, fetched) if r.arxiv_id in wanted]
