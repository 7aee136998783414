"""One looked-up record: what a scholarly service says a paper is, and when it said so."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

# A record written by hand (from what the lists themselves say) where no service could be asked: read like
# a service's, and replaced by the service's own record on the next `--resolve` that reaches it.
STAND_IN = "stand-in"
SERVICES = ("arxiv", "crossref", "openreview", STAND_IN)
# What a record's key names: an arXiv id, a DOI, or an OpenReview forum.
KEY_KINDS = ("arxiv:", "doi:", "openreview:")


@dataclass(frozen=True)
class Record:
    """`key` is the identifier looked up (`arxiv:2308.06522`, `doi:10.1145/...`); `fetched` an ISO date.

    `venue` is arXiv's journal reference or Crossref's container title; `arxiv_id` and `doi` are the
    identifiers the record links (an arXiv record's published DOI, a Crossref record's preprint);
    `names` the names the paper's abstract coins for its work (`resolve/names.py`), which a list's short
    label may use instead of the title.
    """

    key: str
    service: str
    fetched: str
    title: str = ""
    authors: tuple[str, ...] = ()
    venue: str = ""
    year: int | None = None
    published: str = ""
    arxiv_id: str = ""
    doi: str = ""
    names: tuple[str, ...] = ()

    def to_json(self) -> str:
        """One line, keys sorted and empty fields left out, so that the cache diffs line by line."""
        data: dict[str, Any] = {"key": self.key, "service": self.service, "fetched": self.fetched}
        for name in ("title", "venue", "published", "arxiv_id", "doi"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        if self.authors:
            data["authors"] = list(self.authors)
        if self.names:
            data["names"] = list(self.names)
        if self.year is not None:
            data["year"] = self.year
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> Record | None:
        """The record a cache line holds, or None when the line is not one (hand-edited, cut off)."""
        try:
            data = json.loads(line)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        texts = {k: data.get(k, "") for k in ("key", "service", "fetched", "title", "venue", "published")}
        texts.update(arxiv_id=data.get("arxiv_id", ""), doi=data.get("doi", ""))
        authors = data.get("authors", [])
        names = data.get("names", [])
        year = data.get("year")
        if (
            not all(isinstance(v, str) for v in texts.values())
            or not texts["key"].startswith(KEY_KINDS)
            or texts["service"] not in SERVICES
            or not isinstance(authors, list)
            or not all(isinstance(a, str) for a in authors)
            or not isinstance(names, list)
            or not all(isinstance(n, str) for n in names)
            or not (year is None or (isinstance(year, int) and not isinstance(year, bool)))
        ):
            return None
        return cls(authors=tuple(authors), year=year, names=tuple(names), **texts)
