"""OpenReview's API: the note of one forum (`/notes?id=...`), JSON. Conferences that review in the open
(ICLR, recent NeurIPS, TMLR) publish their papers there before any DOI exists, so a forum link is often
the only identifier a list gives.

API 2 writes each field as `{"value": ...}`; notes of the older API hold the value itself. Both are read.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from ..ids import normalize_arxiv_id
from .http import Client, json_or_none
from .names import coined_names
from .record import Record

_SPACE = re.compile(r"\s+")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# `ICLR 2024 poster`, `ICLR 2024 Conference Withdrawn Submission`: the venue, without the track.
_TRACK = re.compile(r"\s+(?:oral|poster|spotlight|notable[\w -]*|top[\w -]*|conference|main)\b.*$", re.I)
_ARXIV_PAGE = re.compile(r"arxiv\.org/(?:abs|pdf)/(?P<id>[^\s?#]+?)(?:\.pdf)?$", re.I)


class MalformedNote(ValueError):
    """The response is not an OpenReview notes message."""


def _value(content: dict[str, Any], name: str) -> Any:
    field = content.get(name)
    return field.get("value") if isinstance(field, dict) else field


def _clean(text: object) -> str:
    return _SPACE.sub(" ", text).strip() if isinstance(text, str) else ""


def _year(note: dict[str, Any], venue: str) -> int | None:
    found = _YEAR.search(venue)
    if found:
        return int(found.group(1))
    stamp = note.get("pdate") or note.get("cdate")  # milliseconds since 1970
    if isinstance(stamp, int) and not isinstance(stamp, bool) and stamp > 0:
        return datetime.datetime.fromtimestamp(stamp / 1000, datetime.UTC).year
    return None


def parse_notes(data: Any, forum: str, fetched: str) -> Record | None:
    """The record of `forum`, or None when the service holds no note of it (an empty `notes` list)."""
    if not isinstance(data, dict) or not isinstance(data.get("notes"), list):
        raise MalformedNote("not an OpenReview notes message")
    note = next((n for n in data["notes"] if isinstance(n, dict) and n.get("id") == forum), None)
    if note is None:
        return None
    content = note.get("content")
    title = _clean(_value(content, "title")) if isinstance(content, dict) else ""
    if not isinstance(content, dict) or not title:
        raise MalformedNote("a note without a title")
    authors = _value(content, "authors")
    venue = _clean(_value(content, "venue"))
    arxiv = _ARXIV_PAGE.search(_clean(_value(content, "arxiv")) or _clean(_value(content, "html")))
    return Record(
        key=f"openreview:{forum}",
        service="openreview",
        fetched=fetched,
        title=title,
        authors=tuple(a for p in (authors if isinstance(authors, list) else []) if (a := _clean(p))),
        venue=_TRACK.sub("", venue),
        year=_year(note, venue),
        arxiv_id=normalize_arxiv_id(arxiv["id"]) if arxiv else "",
        names=coined_names(_clean(_value(content, "abstract"))),
    )


def fetch_note(client: Client, base: str, forum: str, fetched: str) -> Record | None:
    """The record of one forum, or None when OpenReview does not know it."""
    data = json_or_none(client.get(f"{base.rstrip('/')}/notes", {"id": forum}), MalformedNote)
    return None if data is None else parse_notes(data, forum, fetched)
