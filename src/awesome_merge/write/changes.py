"""`CHANGES.md`: what a refresh changed, short enough to be the body of the pull request that proposes it."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote

import pandas as pd

from ..ids import is_http_url

if TYPE_CHECKING:  # only for types: writing must not import the fetcher
    from ..fetch import FetchOutcome

LIST_LIMIT = 50  # papers listed per kind; a pull-request body has a size limit and a reader has patience
SOURCE_SEP = ";"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")
_URL_IN_TEXT = re.compile(r"(https?://[^\s;]+?)(?=[.,:;)'\"]*(?:\s|$))")
_ORDERED_MARKER = re.compile(r"^(\d+)([.)])")  # "1. x" at the start of a line opens a numbered list
_BULLET_MARKER = re.compile(r"^([-+=])")  # "- x", "+ x" a bullet list, "=" a heading underline
_URL_SAFE = ":/?#@!$&'*+,;=%~-._"  # everything else, notably spaces, parentheses and <>, is percent-encoded
_ATTENTION = {"failed": 0, "refused": 1, "updated": 2}


def _plain(value: object) -> str:
    """A cell as text: NaN and None are empty, a year read back as 2024.0 is 2024."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _escape_chars(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def escape(text: object) -> str:
    """Text that renders as itself: no link, HTML tag, emphasis, table cell or list marker can start in it."""
    escaped = _ORDERED_MARKER.sub(r"\1\\\2", _escape_chars(_plain(text)))
    return _BULLET_MARKER.sub(r"\\\1", escaped)


def _code(text: str) -> str:
    """An inline code span that survives backticks in `text`."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _link(label: str, url: object) -> str:
    """`label` linked to `url` when it is http(s); characters that could end the link are percent-encoded."""
    target = _plain(url)
    if not is_http_url(target):
        return label
    return f"[{label}]({quote(target, safe=_URL_SAFE)})"


def _prose(text: str) -> str:
    """A message with its URLs as links (an escaped URL would not be linked) and the rest escaped."""
    parts = []
    for i, piece in enumerate(_URL_IN_TEXT.split(_plain(text))):
        parts.append(_link(_escape_chars(piece), piece) if i % 2 else _escape_chars(piece))
    return "".join(parts)


def _sources(value: object) -> list[str]:
    return sorted({s.strip() for s in _plain(value).split(SOURCE_SEP) if s.strip()})


def _by_cluster(papers: pd.DataFrame | None) -> pd.DataFrame:
    """Index by `cluster_id` as text, whatever dtype the CSV reader gave it."""
    if papers is None or papers.empty:
        return pd.DataFrame(
            columns=["title", "url", "venue", "year", "sources"], index=pd.Index([], dtype=str)
        )
    frame = papers.copy()
    frame.index = frame["cluster_id"].map(_plain)
    return frame[~frame.index.duplicated()]


def _paper_line(row: pd.Series) -> str:
    title = _link(escape(row.get("title")) or "(untitled)", row.get("url"))
    where = " ".join(part for part in (escape(row.get("venue")), _plain(row.get("year"))) if part)
    lists = ", ".join(escape(s) for s in _sources(row.get("sources")))
    details = " · ".join(part for part in (where, lists and f"in {lists}") if part)
    return f"- {title}" + (f" ({details})" if details else "")


def _paper_section(heading: str, frame: pd.DataFrame, ids: set[str]) -> list[str]:
    if not ids:
        return []
    rows = frame.loc[sorted(ids)]
    order = sorted(
        range(len(rows)), key=lambda i: (_plain(rows.iloc[i].get("title")).casefold(), rows.index[i])
    )
    lines = [f"### {heading} ({len(ids)})", ""]
    lines += [_paper_line(rows.iloc[i]) for i in order[:LIST_LIMIT]]
    if len(order) > LIST_LIMIT:
        lines.append(f"- … and {len(order) - LIST_LIMIT} more")
    return [*lines, ""]


def _membership(frame: pd.DataFrame) -> dict[str, set[str]]:
    """Source name → cluster ids of the papers it lists."""
    members: dict[str, set[str]] = {}
    for cluster_id, value in zip(frame.index, frame.get("sources", pd.Series(dtype=str)), strict=False):
        for source in _sources(value):
            members.setdefault(source, set()).add(cluster_id)
    return members


def _source_table(old: dict[str, set[str]], new: dict[str, set[str]], first_run: bool) -> list[str]:
    names = sorted(set(old) | set(new))
    if not names:
        return []
    if first_run:
        lines = ["| list | papers |", "| --- | ---: |"]
        lines += [f"| {escape(name)} | {len(new.get(name, ()))} |" for name in names]
    else:
        lines = ["| list | papers | added | removed |", "| --- | ---: | ---: | ---: |"]
        for name in names:
            before, after = old.get(name, set()), new.get(name, set())
            lines.append(f"| {escape(name)} | {len(after)} | {len(after - before)} | {len(before - after)} |")
    return [*lines, ""]


def _fetch_section(outcomes: Sequence[FetchOutcome]) -> list[str]:
    """Only what needs a look or changed: "unchanged" and "skipped" sources are noise in a review."""
    shown = sorted(
        (o for o in outcomes if o.status in _ATTENTION), key=lambda o: (_ATTENTION[o.status], o.name)
    )
    if not shown:
        return []
    lines = ["### Sources fetched", ""]
    lines += [f"- **{o.status}** {_code(o.name)}: {_prose(o.message)}" for o in shown]
    return [*lines, ""]


def summarize_changes(
    old_papers: pd.DataFrame | None,
    new_papers: pd.DataFrame,
    fetch_outcomes: Sequence[FetchOutcome] = (),
) -> str:
    """Compare two `papers.csv` frames by `cluster_id` (stable across runs) and describe the difference."""
    old, new = _by_cluster(old_papers), _by_cluster(new_papers)
    first_run = old_papers is None
    added, removed = set(new.index) - set(old.index), set(old.index) - set(new.index)
    members_old, members_new = _membership(old), _membership(new)
    lines = ["## Changes to the combined list", ""]
    if first_run:
        lines += [
            f"First run: no previous `papers.csv` to compare with. "
            f"{len(new)} papers from {len(members_new)} lists.",
            "",
        ]
    elif added or removed:
        lines += [f"{len(new)} papers (was {len(old)}): {len(added)} added, {len(removed)} removed.", ""]
    else:
        lines += [f"{len(new)} papers: none added or removed.", ""]
    lines += _fetch_section(fetch_outcomes)
    lines += _source_table(members_old, members_new, first_run)
    if not first_run:
        lines += _paper_section("Added papers", new, added)
        lines += _paper_section("Removed papers", old, removed)
    return "\n".join(lines).rstrip("\n") + "\n"
