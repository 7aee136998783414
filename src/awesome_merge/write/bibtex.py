"""`papers.bib` as people cite: `@inproceedings` for a conference paper, `@article` for a journal paper,
`@misc` with `eprint` for a preprint; keys `surname` + `year` + first title word (`doe2024segmenting`), as
Google Scholar and most reference managers make them, so a key a reader already uses is likely the same.

The venue's kind comes from the venue registry (`venues.venue_kind`); a venue it does not know is a journal
when its name reads as one (`... Journal of ...`, `Transactions on ...`), else a conference.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from itertools import count, product
from string import ascii_lowercase

import pandas as pd

from ..ids import is_http_url
from ..preprints import is_preprint_venue
from ..venues import canonical_venue, venue_kind
from .columns import column_values
from .markdown import clean_text

__all__ = ["bib_escape", "citation_key", "papers_bibtex"]

_BIB_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIB_TABLE = str.maketrans(_BIB_ESCAPES)
# Verbatim-ish fields (url, doi, eprint) keep their characters, but braces and backslashes would unbalance
# or escape the field, so they are percent-encoded.
_VERBATIM_TABLE = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C"})
_JOURNAL_RE = re.compile(
    r"(?i)\b(journal|transactions|trans\.|letters|magazine|review|nature|science|access|"
    r"tpami|tnnls|tkde|tmc|tpds|tifs|tdsc|jsac|jmlr|tmlr|iot-?j|pnas|plos|computing surveys|csur)\b"
)
# Words a key skips to reach the first word that says something ("On the ...", "A Study ...").
_KEY_SKIPPED = frozenset(
    """a an the on of in for to and with from at by via is are do does can how what why when toward
    towards""".split()
)


def bib_escape(text: object) -> str:
    """Text safe inside a braced BibTeX field: LaTeX specials escaped, on one line."""
    return clean_text(text).translate(_BIB_TABLE)


_NOT_KEY_CHAR_RE = re.compile(r"[^a-z0-9]")
_TITLE_WORD_SPLIT_RE = re.compile(r"[\s\-–—:/]+")
_AND_RE = re.compile(r"(?i)\band\b")


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_KEY_CHAR_RE.sub("", folded.lower())


def _surname(author: str) -> str:
    """ "Doe, Jane" and "Jane Doe" both give "doe"; "van der Berg, Ada" gives "vanderberg"."""
    name = author.split(",", 1)[0] if "," in author else (author.split() or [""])[-1]
    return _ascii_word(name)


def _first_title_word(title: str) -> str:
    """The first word not in `_KEY_SKIPPED`, else the first word; the rest of the title is not folded."""
    first = ""
    for raw in _TITLE_WORD_SPLIT_RE.split(title):
        word = _ascii_word(raw)
        if word and word not in _KEY_SKIPPED:
            return word
        first = first or word
    return first


def citation_key(authors: list[str], year: int | None, title: str) -> str:
    """`doe2024segmenting`: the first author's surname, the year and the first word of the title that
    says something; `anon` for no author, no year part when the year is unknown."""
    who = (_surname(authors[0]) if authors else "") or "anon"
    return who + (str(year) if year is not None else "") + _first_title_word(title)


def _suffixes() -> Iterator[str]:
    """a, b, ..., z, aa, ab, ...: the letters that tell apart papers with one key."""
    for n in count(1):
        for letters in product(ascii_lowercase, repeat=n):
            yield "".join(letters)


def _unique_keys(keys: list[str]) -> list[str]:
    """Keys shared by several papers get a, b, ... in frame order (`doe2024learninga`, `...b`), each paper
    one; a suffixed key never takes a key another paper has plain."""
    taken = set(keys)
    seen: dict[str, Iterator[str]] = {}
    shared = _shared(keys)
    out = []
    for key in keys:
        if key not in shared:
            out.append(key)
            continue
        letters = seen.setdefault(key, _suffixes())
        candidate = key + next(letters)
        while candidate in taken:
            candidate = key + next(letters)
        taken.add(candidate)
        out.append(candidate)
    return out


def _shared(keys: list[str]) -> set[str]:
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return {k for k, n in counts.items() if n > 1}


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _text(value: object) -> str:
    return "" if _is_missing(value) else clean_text(value)


def _year(value: object) -> int | None:
    try:
        return None if _is_missing(value) or pd.isna(value) else int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def entry_type(venue: str, arxiv_id: str) -> tuple[str, str | None]:
    """BibTeX type and the field that holds the venue: preprints are @misc (an arXiv id says where),
    journals @article, conferences and their workshops @inproceedings."""
    if is_preprint_venue(venue):
        return "misc", ("howpublished" if venue and not arxiv_id else None)
    kind = venue_kind(venue)
    if kind == "journal" or (not kind and _JOURNAL_RE.search(venue)):
        return "article", "journal"
    return "inproceedings", "booktitle"


def _bib_author(name: str) -> str:
    if name.lower().rstrip(".") in ("et al", "others"):
        return "others"
    escaped = bib_escape(name)
    return "{" + escaped + "}" if _AND_RE.search(name) else escaped


def _http(url: str) -> str:
    return url if is_http_url(url) and not any(c in url for c in "\r\n\0") else ""


def _venue_fields(venue: str, has_arxiv_id: bool) -> tuple[str, str]:
    """`@kind` and the venue's field (`  journal = {...},\\n`, or ""), for one venue: venues repeat."""
    kind, venue_field = entry_type(venue, "x" if has_arxiv_id else "")
    return kind, (f"  {venue_field} = {{{bib_escape(venue)}}},\n" if venue_field else "")


def _entry(
    key: str,
    venue: tuple[str, str],
    title: str,
    authors: str,
    year: int | None,
    doi: str,
    arxiv_id: str,
    url: str,
) -> str:
    """One entry; its fields in the order people expect (title, author, venue, year, identifiers, url)."""
    kind, venue_line = venue
    text = f"@{kind}{{{key},\n  title = {{{{{title}}}}},\n"  # inner braces keep capitals
    if authors:
        text += f"  author = {{{authors}}},\n"
    text += venue_line
    if year is not None:
        text += f"  year = {{{year}}},\n"
    if doi:
        text += f"  doi = {{{doi.translate(_VERBATIM_TABLE)}}},\n"
    if arxiv_id:
        text += f"  eprint = {{{arxiv_id.translate(_VERBATIM_TABLE)}}},\n  archivePrefix = {{arXiv}},\n"
    if url:
        text += f"  url = {{{url.translate(_VERBATIM_TABLE)}}},\n"
    return text[:-2] + "\n}\n"  # no comma after the last field


def _column(papers: pd.DataFrame, name: str) -> list[object]:
    """A column's values (the last of that name, as a row's dict would hold), or "" for each paper."""
    at = [k for k, c in enumerate(papers.columns) if str(c) == name]
    return column_values(papers, at[-1]) if at else [""] * len(papers)


def papers_bibtex(papers: pd.DataFrame) -> str:
    """`papers.bib`: one entry per paper in frame order, keys unique within the file.

    Column by column, and each venue's kind and field once: per paper only what differs."""
    titles = [_text(v) for v in _column(papers, "title")]
    years = [_year(v) for v in _column(papers, "year")]
    author_lists = [
        [a for a in (clean_text(a) for a in _text(v).split(";")) if a] for v in _column(papers, "authors")
    ]
    keys = _unique_keys([citation_key(a, y, t) for a, y, t in zip(author_lists, years, titles, strict=True)])
    arxiv_ids = [_text(v) for v in _column(papers, "arxiv_id")]
    venue_cache: dict[tuple[str, bool], tuple[str, str]] = {}
    venues = []
    for v, arxiv_id in zip(_column(papers, "venue"), arxiv_ids, strict=True):
        at = (canonical_venue(_text(v)), bool(arxiv_id))
        found = venue_cache.get(at)
        if found is None:
            found = venue_cache[at] = _venue_fields(*at)
        venues.append(found)
    entries = map(
        _entry,
        keys,
        venues,
        [bib_escape(t) or "Untitled" for t in titles],
        [" and ".join(_bib_author(a) for a in names) for names in author_lists],
        years,
        [_text(v) for v in _column(papers, "doi")],
        arxiv_ids,
        [_http(_text(v)) for v in _column(papers, "url")],
    )
    return "\n".join(entries)
