"""CSV, JSON and BibTeX renderings of the merged frames: pure functions, deterministic, safe to open.

CSV cells that a spreadsheet would run as a formula are neutralised; non-http(s) URLs never leave the tool.
"""

from __future__ import annotations

import json
import math
from numbers import Integral, Real

import pandas as pd

from ..ids import is_http_url
from .bibtex import papers_bibtex

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
