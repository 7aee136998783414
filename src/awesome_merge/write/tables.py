"""CSV, JSON and BibTeX renderings of the merged frames: pure functions, deterministic, safe to open.

CSV cells that a spreadsheet would run as a formula are neutralised; non-http(s) URLs never leave the tool.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from numbers import Integral, Real

import pandas as pd

from ..ids import is_http_url
from ..preprints import is_preprint_venue
from .markdown import clean_text

__all__ = ["entries_csv", "papers_bibtex", "papers_csv", "papers_json", "report_csv", "review_csv"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LIST_COLUMNS = {"authors": ";", "topics": ";", "sources": ";", "alt_urls": None}


def _is_url_column(name: str) -> bool:
    return name == "url" or name.endswith(("_url", "_urls"))


def http_only(url: object) -> str:
    """The URL unchanged when it is absolute http(s) with a host, else "": other schemes are never emitted."""
    s = "" if _is_missing(url) else str(url).strip()
    return s if is_http_url(s) and not any(c in s for c in "\r\n\0") else ""


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _number(value: object) -> str | None:
    """Plain text for a numeric value (95.5, 12, 100.0 -> 100), or None when the value is not a number."""
    if isinstance(value, bool) or not isinstance(value, Real):
        return None
    if isinstance(value, Integral):
        return str(int(value))
    f = float(value)
    if math.isnan(f):
        return ""
    if math.isinf(f):
        return "inf" if f > 0 else "-inf"
    return str(int(f)) if f.is_integer() and abs(f) < 2**53 else repr(f)


def _cell(value: object, url_column: str) -> str:
    """One CSV cell: numbers plain, URLs http(s) only, text that starts like a formula prefixed with `'`."""
    if _is_missing(value):
        return ""
    number = _number(value)
    if number is not None:
        return number
    text = str(value)
    if url_column:
        urls = text.split() if url_column == "many" else [text]  # `*_urls` columns hold space-joined URLs
        text = " ".join(u for u in (http_only(x) for x in urls) if u)
    return "'" + text if text.startswith(_FORMULA_START) else text


def frame_csv(frame: pd.DataFrame) -> str:
    """Any frame as CSV: UTF-8 text, `\\n` line endings, header row, columns in the frame's order."""
    columns = [str(c) for c in frame.columns]
    lines = [_csv_row(["'" + c if c.startswith(_FORMULA_START) else c for c in columns])]
    url_columns = [("many" if c.endswith("_urls") else "one") if _is_url_column(c) else "" for c in columns]
    for row in frame.itertuples(index=False, name=None):
        lines.append(_csv_row([_cell(v, u) for v, u in zip(row, url_columns, strict=True)]))
    return "".join(lines)


def _csv_row(cells: list[str]) -> str:
    """RFC 4180 quoting, by hand because `csv.writer` with a `\n` terminator leaves a lone `\r` unquoted."""
    quoted = ['"' + c.replace('"', '""') + '"' if any(x in c for x in ',"\r\n') else c for c in cells]
    return ",".join(quoted) + "\n"


def papers_csv(papers: pd.DataFrame) -> str:
    """`papers.csv`: one row per merged paper."""
    return frame_csv(papers)


def report_csv(report: pd.DataFrame) -> str:
    """`dedup_report.csv`: one row per entry read, with the evidence that placed it."""
    return frame_csv(report)


def entries_csv(entries: pd.DataFrame, cluster_ids: list[str]) -> str:
    """`entries.csv`: the whole entries frame, one row per entry read, with the paper it joined, so a
    notebook need not parse the lists again."""
    return frame_csv(entries.assign(cluster_id=cluster_ids))


def review_csv(review: pd.DataFrame) -> str:
    """`review.csv`: the pairs a curator should look at."""
    return frame_csv(review)


# ------------------------------------------------------------------------------------------------ JSON


def _split(value: object, sep: str | None) -> list[str]:
    text = "" if _is_missing(value) else str(value)
    return [p.strip() for p in text.split(sep) if p.strip()]


def _json_value(column: str, value: object) -> object:
    if column in _LIST_COLUMNS:
        items = _split(value, _LIST_COLUMNS[column])
        return [u for u in (http_only(x) for x in items) if u] if _is_url_column(column) else items
    if _is_missing(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        f = float(value)
        return None if math.isnan(f) or math.isinf(f) else f
    if _is_url_column(column):
        return http_only(value)
    return str(value)


def papers_json(papers: pd.DataFrame) -> str:
    """`papers.json`: an array of objects keyed by column; list columns as lists, year an int or null."""
    columns = [str(c) for c in papers.columns]
    records = [
        {c: _json_value(c, v) for c, v in zip(columns, row, strict=True)}
        for row in papers.itertuples(index=False, name=None)
    ]
    return json.dumps(records, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------------------------- BibTeX

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


def bib_escape(text: object) -> str:
    """Text safe inside a braced BibTeX field: LaTeX specials escaped, on one line."""
    return clean_text(text).translate(_BIB_TABLE)


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _last_name(author: str) -> str:
    name = author.split(",", 1)[0] if "," in author else (author.split() or [""])[-1]
    return _ascii_word(name)


def _year(value: object) -> int | None:
    try:
        return None if _is_missing(value) or pd.isna(value) else int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def citation_key(cluster_id: str, authors: list[str], year: int | None) -> str:
    """`lastname` + year + `_` + a tag from the cluster id: stable across runs because cluster ids are.

    arXiv clusters use the id itself (readable, e.g. `yao2024_2409.15723`); others a short hash of the id.
    """
    who = _last_name(authors[0]) if authors else ""
    prefix = (who or "anon") + (str(year) if year is not None else "nd")
    kind, _, value = cluster_id.partition(":")
    if kind == "arxiv" and re.fullmatch(r"[A-Za-z0-9./-]+", value):
        tag = value.replace("/", "-")
    else:
        tag = hashlib.sha1(cluster_id.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}_{tag}"


def _entry_type(venue: str, arxiv_id: str) -> tuple[str, str | None]:
    """BibTeX type and the field that holds the venue: preprints are @misc, journals @article."""
    if is_preprint_venue(venue):
        return "misc", ("howpublished" if venue and not arxiv_id else None)
    if _JOURNAL_RE.search(venue):
        return "article", "journal"
    return "inproceedings", "booktitle"


def _bib_author(name: str) -> str:
    if name.lower().rstrip(".") in ("et al", "others"):
        return "others"
    escaped = bib_escape(name)
    return "{" + escaped + "}" if re.search(r"(?i)\band\b", name) else escaped


def papers_bibtex(papers: pd.DataFrame) -> str:
    """`papers.bib`: one entry per paper in frame order, keys unique within the file."""
    entries: list[str] = []
    used: set[str] = set()
    for _, row in papers.iterrows():
        authors = [clean_text(a) for a in _split(row.get("authors", ""), ";")]
        authors = [a for a in authors if a]
        year = _year(row.get("year"))
        key = base = citation_key(clean_text(row.get("cluster_id", "")), authors, year)
        n = 1
        while key in used:
            n += 1
            key = f"{base}-{n}"
        used.add(key)
        venue = clean_text(row.get("venue", ""))
        arxiv_id = clean_text(row.get("arxiv_id", ""))
        kind, venue_field = _entry_type(venue, arxiv_id)
        title = bib_escape(row.get("title", "")) or "Untitled"
        fields: list[tuple[str, str]] = [("title", "{" + title + "}")]  # inner braces keep capitals
        if authors:
            fields.append(("author", " and ".join(_bib_author(a) for a in authors)))
        if year is not None:
            fields.append(("year", str(year)))
        if venue_field:
            fields.append((venue_field, bib_escape(venue)))
        doi = clean_text(row.get("doi", ""))
        if doi:
            fields.append(("doi", doi.translate(_VERBATIM_TABLE)))
        if arxiv_id:
            fields += [("eprint", arxiv_id.translate(_VERBATIM_TABLE)), ("archivePrefix", "arXiv")]
        url = http_only(clean_text(row.get("url", "")))
        if url:
            fields.append(("url", url.translate(_VERBATIM_TABLE)))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return "\n".join(entries)
