"""CSV, JSON and BibTeX renderings of the merged frames: pure functions, deterministic, safe to open.

CSV cells that a spreadsheet would run as a formula are neutralised; non-http(s) URLs never leave the tool.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from numbers import Integral, Real

import pandas as pd

from ..ids import is_http_url
from .bibtex import papers_bibtex
from .columns import column_values

__all__ = ["entries_csv", "papers_bibtex", "papers_csv", "papers_json", "report_csv", "review_csv"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTES = re.compile(r'[,"\r\n]')
_LIST_COLUMNS = {"authors": ";", "topics": ";", "sources": ";", "alt_urls": None}


def _is_url_column(name: str) -> bool:
    return name == "url" or name.endswith(("_url", "_urls"))


def http_only(url: object) -> str:
    """The URL unchanged when it is absolute http(s) with a host, else "": other schemes are never emitted."""
    return _http_text(url if type(url) is str else "" if _is_missing(url) else str(url))


@lru_cache(maxsize=1 << 17)
def _http_text(text: str) -> str:
    """`http_only` of a text; memoised, as papers.csv, entries.csv, dedup_report.csv and papers.json each
    check the same URLs."""
    s = text.strip()
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


def _column_cells(values: list[object], url_column: str) -> list[str]:
    """One column's cells, quoted: plain text and whole numbers inline, anything else through `_cell`.

    Why per column: the per-cell call was the writer's cost, and most columns are all text."""
    if url_column == "one":  # text cells as `_cell` has them: the URL if http(s), never a formula
        cells = [_guarded(_http_text(v)) if type(v) is str else _cell(v, url_column) for v in values]
    elif url_column:
        cells = [_guarded(_http_urls(v)) if type(v) is str else _cell(v, url_column) for v in values]
    else:
        start = _FORMULA_START
        cells = [
            ("'" + v if v.startswith(start) else v)
            if type(v) is str
            else (str(v) if type(v) is int else _cell(v, ""))
            for v in values
        ]
    if not _NEEDS_QUOTES.search("".join(cells)):
        return cells
    needs = _NEEDS_QUOTES.search
    return ['"' + c.replace('"', '""') + '"' if needs(c) else c for c in cells]


def _guarded(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _http_urls(text: str) -> str:
    """A `*_urls` cell's http(s) URLs, space-joined, as `_cell` keeps them."""
    return " ".join(u for u in map(_http_text, text.split()) if u)


# Rows rendered at a time: a file of a million rows is made of pieces of this many, so that it is held
# once, as the bytes written, and never also as a list of every row's text or as one string.
CHUNK_ROWS = 10_000


def utf8(pieces: Iterable[str]) -> bytes:
    """Text made of pieces, encoded piece by piece into one buffer (which `getvalue` hands out uncopied)."""
    buffer = io.BytesIO()
    for piece in pieces:
        buffer.write(piece.encode("utf-8"))
    return buffer.getvalue()


def csv_pieces(frame: pd.DataFrame) -> Iterator[str]:
    """Any frame as CSV, `CHUNK_ROWS` rows a piece: `\\n` line endings, header row, columns in the frame's
    order. RFC 4180 quoting, by hand because `csv.writer` with a `\\n` terminator leaves a lone `\\r`
    unquoted."""
    names = [str(c) for c in frame.columns]
    header = _column_cells(list(names), "")  # a name that starts like a formula is guarded too
    url_columns = [("many" if c.endswith("_urls") else "one") if _is_url_column(c) else "" for c in names]
    values = [column_values(frame, k) for k in range(len(names))]
    yield ",".join(header) + "\n"
    for top in range(0, len(frame), CHUNK_ROWS):
        if not values:  # no columns: an empty line per row
            yield "\n" * min(CHUNK_ROWS, len(frame) - top)
            continue
        cells = [
            _column_cells(v[top : top + CHUNK_ROWS], u) for v, u in zip(values, url_columns, strict=True)
        ]
        rows = list(map(",".join, zip(*cells, strict=True)))
        del cells
        rows.append("")  # each row ends in `\\n`, without copying the piece to add the last
        piece = "\n".join(rows)
        del rows  # the piece alone is held while it is encoded
        yield piece


def csv_chunks(frame: pd.DataFrame) -> Iterator[bytes]:
    """`csv_pieces` as UTF-8: what a file of a million rows is written from, a piece at a time."""
    return (piece.encode("utf-8") for piece in csv_pieces(frame))


def papers_csv(papers: pd.DataFrame) -> bytes:
    """`papers.csv`: one row per merged paper."""
    return utf8(csv_pieces(papers))


def report_csv(report: pd.DataFrame) -> bytes:
    """`dedup_report.csv`: one row per entry read, with the evidence that placed it."""
    return utf8(csv_pieces(report))


def entries_table(entries: pd.DataFrame, cluster_ids: list[str]) -> pd.DataFrame:
    """The table of `entries.csv`: the whole entries frame, one row per entry read, with the paper it
    joined, so a notebook need not parse the lists again."""
    return entries.assign(cluster_id=cluster_ids)


def entries_csv(entries: pd.DataFrame, cluster_ids: list[str]) -> bytes:
    """`entries.csv`, see `entries_table`."""
    return utf8(csv_pieces(entries_table(entries, cluster_ids)))


def review_csv(review: pd.DataFrame) -> bytes:
    """`review.csv`: the pairs a curator should look at."""
    return utf8(csv_pieces(review))


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


def papers_json(papers: pd.DataFrame) -> bytes:
    """`papers.json`: an array of objects keyed by column; list columns as lists, year an int or null."""
    return utf8(json_pieces(papers))


def json_pieces(papers: pd.DataFrame) -> Iterator[str]:
    """`papers.json`'s text, `CHUNK_ROWS` papers a piece.

    The text is what `json.dumps(records, indent=2, sort_keys=True, ensure_ascii=False)` gives, laid out
    per column here: with an indent, `json` falls back to its pure-Python encoder, value by value."""
    names = [str(c) for c in papers.columns]
    if len(set(names)) != len(names) or not names:  # a key given twice (or none): as `json` has it
        records = [
            {c: _json_value(c, v) for c, v in zip(names, row, strict=True)}
            for row in papers.itertuples(index=False, name=None)
        ]
        yield json.dumps(records, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        return
    if not len(papers):
        yield "[]\n"
        return
    encode = encode_basestring
    keys = {c: f"    {encode(c)}: " for c in names}
    columns = {c: column_values(papers, names.index(c)) for c in sorted(names)}
    yield "[\n"
    for top in range(0, len(papers), CHUNK_ROWS):
        fields = []
        for c, values in columns.items():
            chunk = _json_column(c, values[top : top + CHUNK_ROWS])
            fields.append([keys[c] + (encode(v) if type(v) is str else _json_text(v)) for v in chunk])
        records = ["  {\n" + ",\n".join(row) + "\n  }" for row in zip(*fields, strict=True)]
        del fields
        piece = ("" if top == 0 else ",\n") + ",\n".join(records)
        del records
        yield piece
    yield "\n]\n"


def _json_column(column: str, values: list[object]) -> list[object]:
    """`_json_value` over a column, text cells of a plain column on the fast path."""
    if column in _LIST_COLUMNS:
        return [_json_value(column, v) for v in values]
    if _is_url_column(column):
        return [http_only(v) if type(v) is str else _json_value(column, v) for v in values]
    return [v if type(v) is str else _json_value(column, v) for v in values]


def _json_text(value: object) -> str:
    """One value as `json.dumps(..., indent=2, ensure_ascii=False)` writes it inside a record."""
    if type(value) is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is list:
        if not value:
            return "[]"
        return "[\n      " + ",\n      ".join(_json_text(v) for v in value) + "\n    ]"
    return json.dumps(value, ensure_ascii=False)  # numbers and booleans; a list holds only text
