"""Crossref's REST API: one DOI a request (`/works/{doi}`), JSON; 404 for a DOI Crossref did not register."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from ..ids import normalize_arxiv_id, normalize_doi
from .http import Client, json_or_none
from .record import Record

_SPACE = re.compile(r"\s+")
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(?P<id>.+)$", re.IGNORECASE)


class MalformedWork(ValueError):
    """The response is not a Crossref work message."""


def _clean(text: object) -> str:
    return _SPACE.sub(" ", text).strip() if isinstance(text, str) else ""


def _first(values: object) -> str:
    return next((c for v in values if (c := _clean(v))), "") if isinstance(values, list) else ""


def _author(person: Any) -> str:
    if not isinstance(person, dict):
        return ""
    given, family = _clean(person.get("given")), _clean(person.get("family"))
    return " ".join(p for p in (given, family) if p) or _clean(person.get("name"))


def _year(issued: Any) -> int | None:
    try:
        year = issued["date-parts"][0][0]
    except (KeyError, IndexError, TypeError):
        return None
    return year if isinstance(year, int) and not isinstance(year, bool) else None


def _preprint(relation: Any) -> str:
    """The arXiv id of the preprint the publisher links (`relation.has-preprint`, an arXiv DOI), or ""."""
    links = relation.get("has-preprint", []) if isinstance(relation, dict) else []
    for link in links if isinstance(links, list) else []:
        if isinstance(link, dict) and link.get("id-type") == "doi":
            match = _ARXIV_DOI.match(_clean(link.get("id")))
            if match and normalize_arxiv_id(match["id"]):
                return normalize_arxiv_id(match["id"])
    return ""


def parse_work(data: Any, doi: str, fetched: str) -> Record:
    if not isinstance(data, dict) or not isinstance(data.get("message"), dict):
        raise MalformedWork("not a Crossref work")
    work = data["message"]
    title = _first(work.get("title"))
    if not title:
        raise MalformedWork("a work without a title")
    authors = work.get("author", [])
    year = _year(work.get("issued")) or _year(work.get("published"))
    return Record(
        key=f"doi:{doi}",
        service="crossref",
        fetched=fetched,
        title=title,
        authors=tuple(a for p in (authors if isinstance(authors, list) else []) if (a := _author(p))),
        venue=_first(work.get("container-title")),
        year=year,
        published="",
        arxiv_id=_preprint(work.get("relation")),
        doi=normalize_doi(_clean(work.get("DOI"))) or doi,
    )


def fetch_work(client: Client, base: str, doi: str, contact: str, fetched: str) -> Record | None:
    """The record of one DOI, or None when Crossref does not know it."""
    params = {"mailto": contact} if contact else None
    response = client.get(f"{base.rstrip('/')}/works/{quote(doi, safe='/')}", params)
    data = json_or_none(response, MalformedWork)
    return None if data is None else parse_work(data, doi, fetched)
