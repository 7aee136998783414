"""`awesome-merge.toml`: the unified list's name, where each source comes from, matching thresholds, curator
overrides, topics, fetch limits, the scholarly services papers are looked up in.

Every key is checked for type and range when the file is read, so a typo or a wrong value is one line naming
the file, the table, the key and what was expected, never a traceback or a silently odd run.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import AwesomeMergeError
from .ids import is_http_url

CONFIG_NAME = "awesome-merge.toml"
DEFAULT_TITLE = "Merged paper list"

Taxonomy = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class SourceConfig:
    """One `[[source]]` table: `name` is the snapshot's file name without extension."""

    name: str
    url: str = ""


@dataclass(frozen=True)
class MatchConfig:
    """Thresholds on rapidfuzz scores (0-100) of normalised titles."""

    # Two full titles from here are one paper: a typo or a plural passes, one changed word in ten does not.
    title_threshold: float = 92.0
    # A pair kept apart from here is shown in review.csv: below it, titles share phrases, not a paper.
    review_threshold: float = 80.0


def threshold_problem(title_threshold: float, review_threshold: float, *, blame_title: bool = False) -> str:
    """What is wrong with two thresholds together, said of the review threshold (or of the title one), or
    "": pairs scoring between them are the ones shown for review, so a review bar above the merge bar
    would show none."""
    if review_threshold <= title_threshold:
        return ""
    if blame_title:
        return f"expected at least review_threshold ({_num(review_threshold)}), got {_num(title_threshold)}"
    return f"expected at most title_threshold ({_num(title_threshold)}), got {_num(review_threshold)}"


@dataclass(frozen=True)
class Override:
    """A curator's decision; entries are named by URL or title so that it survives a refresh."""

    kind: str  # "same" or "different"
    keys: tuple[str, ...]
    line: int = 0


@dataclass(frozen=True)
class FetchConfig:
    timeout: float = 20.0
    retries: int = 3
    max_bytes: int = 20_000_000
    max_redirects: int = 5
    min_entry_ratio: float = 0.5


@dataclass(frozen=True)
class ResolveConfig:
    """The `[resolve]` table: where papers' records are looked up, how politely, and where they are kept."""

    arxiv_api: str = "https://export.arxiv.org/api/query"
    crossref_api: str = "https://api.crossref.org"
    openreview_api: str = "https://api2.openreview.net"
    contact: str = ""  # an e-mail address the services can write to (Crossref's polite pool asks for one)
    cache: str = "metadata.jsonl"  # beside the config file (or in the first sources folder)
    max_age_days: int = 365  # --refresh-metadata fetches records older than this again
    batch_size: int = 100  # arXiv ids per query
    timeout: float = 20.0
    retries: int = 3
    arxiv_interval: float = 3.0  # seconds between two arXiv requests (arXiv asks for 3)
    crossref_interval: float = 0.1  # Crossref's polite pool allows 10 requests a second
    openreview_interval: float = 1.0  # OpenReview publishes no limit: one request a second


@dataclass(frozen=True)
class ListConfig:
    """The `[list]` table: what the unified list is called and how each source is named in it."""

    title: str = DEFAULT_TITLE
    description: str = ""
    names: tuple[tuple[str, str], ...] = ()  # source name (file stem) -> display name
    # For lists of one venue (`venue = "CVPR"`, `year = 2024`): the venue and year of every paper for which
    # neither the lists nor its links name a published venue.
    venue: str = ""
    year: int | None = None
    # The README speaks to readers: a doubt about a paper's link (`⚠ link also used for ...`) is for the
    # curator (review.csv, source_issues.md) unless `show_doubts = true`.
    show_doubts: bool = False

    def display_name(self, source: str) -> str:
        """The curator's name for a source (`source` a file name or stem), or "" when none is given."""
        stem = Path(source).stem
        return next((shown for name, shown in self.names if name in (source, stem)), "")


@dataclass(frozen=True)
class VocabularyConfig:
    """The `[vocabulary]` table: words a field's lists use that the built-in vocabularies lack, added to
    them (`venue_words = ["FL-ICML"]`, `code_words = ["代码"]`)."""

    venue: tuple[str, ...] = ()
    version: tuple[str, ...] = ()
    code: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    commentary: tuple[str, ...] = ()  # hosts of posts about papers (`commentary_hosts`), not words


@dataclass(frozen=True)
class Config:
    sources: tuple[SourceConfig, ...] = ()
    match: MatchConfig = field(default_factory=MatchConfig)
    fetch: FetchConfig = field(default_factory=FetchConfig)
    overrides: tuple[Override, ...] = ()
    topics: Taxonomy | None = None  # None: topics come from the lists' own section headings
    path: Path | None = None
    list: ListConfig = field(default_factory=ListConfig)
    vocabulary: VocabularyConfig = field(default_factory=VocabularyConfig)
    resolve: ResolveConfig = field(default_factory=ResolveConfig)

    def source(self, name: str) -> SourceConfig | None:
        return next((s for s in self.sources if s.name == name), None)


# ------------------------------------------------------------------------------------------ checking

_TABLES = ("list", "source", "match", "fetch", "override", "topics", "vocabulary", "resolve")


class _Checker:
    """Type and range checks that name the file, the table and the key in their one-line message."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(
        self, where: str, expected: str, value: object = None, *, show: bool = True
    ) -> AwesomeMergeError:
        got = f", got {_show(value)}" if show else ""
        return AwesomeMergeError(f"{self.path}: {where}: expected {expected}{got}")

    def table(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(f"[{key}]", "a table", value)
        return value

    def tables(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(f"[[{key}]]", f"an array of tables ([[{key}]] blocks)", value)
        return value

    def known(self, values: dict[str, Any], where: str, names: tuple[str, ...]) -> None:
        unknown = sorted(set(values) - set(names))
        if unknown:
            raise AwesomeMergeError(
                f"{self.path}: {where}: unknown key(s) {', '.join(unknown)} (known: {', '.join(names)})"
            )

    def number(self, value: object, where: str, low: float, high: float, *, integer: bool = False) -> Any:
        kind = "a whole number" if integer else "a number"
        expected = f"{kind} from {_num(low)} to {_num(high)}"
        ok_type = isinstance(value, int) if integer else isinstance(value, int | float)
        if isinstance(value, bool) or not ok_type or not math.isfinite(value) or not low <= value <= high:  # type: ignore[arg-type]
            raise self.fail(where, expected, value)
        return value if integer else float(value)  # type: ignore[arg-type]

    def text(self, value: object, where: str, *, empty: bool = True) -> str:
        if not isinstance(value, str) or (not empty and not value.strip()):
            raise self.fail(where, "a string" if empty else "a non-empty string", value)
        return value

    def texts(self, value: object, where: str, minimum: int = 1) -> tuple[str, ...]:
        expected = f"a list of {'at least ' + str(minimum) + ' ' if minimum > 1 else ''}non-empty strings"
        if (
            not isinstance(value, list)
            or len(value) < minimum
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            raise self.fail(where, expected, value)
        return tuple(value)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _show(value: object) -> str:
    """A value as TOML would spell it, cut short: the user recognises what they wrote."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = f'"{value}"'
    elif isinstance(value, dict):
        text = "a table"
    else:
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# Ranges: a threshold is a similarity 0-100; fetch limits must be positive and sane (an hour's timeout, a GB).
_MATCH_RANGES = {"title_threshold": (0.0, 100.0), "review_threshold": (0.0, 100.0)}
_FETCH_RANGES: dict[str, tuple[float, float, bool]] = {
    "timeout": (0.1, 3600.0, False),
    "retries": (1, 20, True),
    "max_bytes": (1, 1_000_000_000, True),
    "max_redirects": (0, 50, True),
    "min_entry_ratio": (0.0, 1.0, False),
}


def _sources(check: _Checker, data: dict[str, Any]) -> tuple[SourceConfig, ...]:
    sources: list[SourceConfig] = []
    for i, item in enumerate(check.tables(data, "source"), 1):
        where = f"[[source]] number {i}"
        check.known(item, where, ("name", "url"))
        if "name" not in item:
            raise check.fail(where, "a `name` (the snapshot's file name without extension)", show=False)
        name = check.text(item["name"], f"{where} name", empty=False)
        url = check.text(item.get("url", ""), f"[[source]] {name!r} url")
        if url and not is_http_url(url):
            raise check.fail(f"[[source]] {name!r} url", "an http(s) URL", url)
        if any(s.name == name for s in sources):
            raise check.fail(f"[[source]] {name!r}", "each source named once", show=False)
        sources.append(SourceConfig(name=name, url=url))
    return tuple(sources)


def _overrides(check: _Checker, data: dict[str, Any]) -> tuple[Override, ...]:
    overrides = []
    for i, item in enumerate(check.tables(data, "override"), 1):
        where = f"[[override]] number {i}"
        check.known(item, where, ("same", "different"))
        kinds = [k for k in ("same", "different") if k in item]
        if len(kinds) != 1:
            raise check.fail(where, "exactly one of `same` or `different`", show=False)
        keys = check.texts(item[kinds[0]], f"{where} {kinds[0]}", minimum=2)
        overrides.append(Override(kind=kinds[0], keys=keys))
    return tuple(overrides)


def _topics(check: _Checker, data: dict[str, Any]) -> Taxonomy | None:
    if "topics" not in data:
        return None
    raw = check.table(data, "topics")
    topics = []
    for name, stems in raw.items():
        if not name.strip():
            raise check.fail("[topics]", "a non-empty topic name", name)
        topics.append((name, tuple(s.lower() for s in check.texts(stems, f"[topics] {name!r}"))))
    return tuple(topics) or None


def _list(check: _Checker, data: dict[str, Any]) -> ListConfig:
    raw = check.table(data, "list")
    check.known(raw, "[list]", ("title", "description", "names", "venue", "year", "show_doubts"))
    title = check.text(raw.get("title", DEFAULT_TITLE), "[list] title", empty=False).strip()
    description = check.text(raw.get("description", ""), "[list] description").strip()
    names_raw = raw.get("names", {})
    if not isinstance(names_raw, dict):
        raise check.fail("[list] names", "a table of source name = display name", names_raw)
    names = tuple(
        (source, check.text(shown, f"[list.names] {source!r}", empty=False).strip())
        for source, shown in names_raw.items()
    )
    venue = check.text(raw.get("venue", ""), "[list] venue").strip()
    year = check.number(raw["year"], "[list] year", 1900, 2100, integer=True) if "year" in raw else None
    if year is not None and not venue:
        raise check.fail("[list] year", "a `venue` beside it (the year of which venue?)", show=False)
    show_doubts = raw.get("show_doubts", False)
    if not isinstance(show_doubts, bool):
        raise check.fail("[list] show_doubts", "true or false", show_doubts)
    return ListConfig(title, description, names, venue, year, show_doubts)


def _vocabulary(check: _Checker, data: dict[str, Any]) -> VocabularyConfig:
    raw = check.table(data, "vocabulary")
    keys = (*(f"{name}_words" for name in ("venue", "version", "code", "extra")), "commentary_hosts")
    check.known(raw, "[vocabulary]", keys)
    return VocabularyConfig(
        **{
            key.removesuffix("_words").removesuffix("_hosts"): check.texts(raw[key], f"[vocabulary] {key}")
            for key in keys
            if key in raw
        }
    )


_RESOLVE_RANGES: dict[str, tuple[float, float, bool]] = {
    "max_age_days": (1, 36500, True),
    "batch_size": (1, 500, True),
    "timeout": (0.1, 3600.0, False),
    "retries": (1, 20, True),
    "arxiv_interval": (0.0, 600.0, False),
    "crossref_interval": (0.0, 600.0, False),
    "openreview_interval": (0.0, 600.0, False),
}
_SERVICE_URLS = ("arxiv_api", "crossref_api", "openreview_api")
_RESOLVE_TEXTS = (*_SERVICE_URLS, "contact", "cache")


def _resolve(check: _Checker, data: dict[str, Any]) -> ResolveConfig:
    raw = check.table(data, "resolve")
    check.known(raw, "[resolve]", (*_RESOLVE_TEXTS, *_RESOLVE_RANGES))
    values: dict[str, Any] = {}
    for key in _RESOLVE_TEXTS:
        if key in raw:
            values[key] = check.text(raw[key], f"[resolve] {key}", empty=key == "contact").strip()
    for key in _SERVICE_URLS:
        if key in values and not is_http_url(values[key]):
            raise check.fail(f"[resolve] {key}", "an http(s) URL", values[key])
    if values.get("contact") and "@" not in values["contact"]:
        raise check.fail("[resolve] contact", "an e-mail address", values["contact"])
    for key, (low, high, integer) in _RESOLVE_RANGES.items():
        if key in raw:
            values[key] = check.number(raw[key], f"[resolve] {key}", low, high, integer=integer)
    return ResolveConfig(**values)


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AwesomeMergeError(f"{path}: not valid TOML: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise AwesomeMergeError(f"{path}: cannot read the config file ({exc.strerror or exc})") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AwesomeMergeError(f"{path}: not valid TOML: {exc}") from exc


def load_config(path: Path | None) -> Config:
    """Read a config file; a missing file means the defaults. Errors name the file, table and key."""
    if path is None or not path.exists():
        return Config()
    data = _read(path)
    check = _Checker(path)
    unknown = sorted(set(data) - set(_TABLES))
    if unknown:
        raise AwesomeMergeError(
            f"{path}: unknown table(s) {', '.join(unknown)} (known: {', '.join(_TABLES)})"
        )
    match_raw = check.table(data, "match")
    check.known(match_raw, "[match]", tuple(_MATCH_RANGES))
    match = MatchConfig(
        **{k: check.number(v, f"[match] {k}", *_MATCH_RANGES[k]) for k, v in match_raw.items()}
    )
    if threshold_problem(match.title_threshold, match.review_threshold):
        raise check.fail("[match] review_threshold", "at most title_threshold", show=False)
    fetch_raw = check.table(data, "fetch")
    check.known(fetch_raw, "[fetch]", tuple(_FETCH_RANGES))
    fetch = FetchConfig(
        **{
            k: check.number(v, f"[fetch] {k}", *_FETCH_RANGES[k][:2], integer=_FETCH_RANGES[k][2])
            for k, v in fetch_raw.items()
        }
    )
    return Config(
        sources=_sources(check, data),
        match=match,
        fetch=fetch,
        overrides=_overrides(check, data),
        topics=_topics(check, data),
        path=path,
        list=_list(check, data),
        vocabulary=_vocabulary(check, data),
        resolve=_resolve(check, data),
    )
