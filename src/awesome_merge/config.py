"""`awesome-merge.toml`: where each source comes from, matching thresholds, curator overrides, topics."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import AwesomeMergeError
from .ids import is_http_url

CONFIG_NAME = "awesome-merge.toml"


@dataclass(frozen=True)
class SourceConfig:
    """One `[[source]]` table: `name` is the snapshot's file name without extension."""

    name: str
    url: str = ""


@dataclass(frozen=True)
class MatchConfig:
    """Thresholds on rapidfuzz scores (0-100) of normalised titles."""

    title_threshold: float = 92.0
    review_threshold: float = 80.0


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
class Config:
    sources: tuple[SourceConfig, ...] = ()
    match: MatchConfig = field(default_factory=MatchConfig)
    fetch: FetchConfig = field(default_factory=FetchConfig)
    overrides: tuple[Override, ...] = ()
    topics: tuple[tuple[str, tuple[str, ...]], ...] | None = None
    path: Path | None = None

    def source(self, name: str) -> SourceConfig | None:
        return next((s for s in self.sources if s.name == name), None)


def _table(data: dict, key: str, path: Path) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise AwesomeMergeError(f"{path}: [{key}] must be a table")
    return value


def _known(cls: type, values: dict, section: str, path: Path) -> dict:
    names = set(cls.__dataclass_fields__)
    unknown = sorted(set(values) - names)
    if unknown:
        raise AwesomeMergeError(
            f"{path}: unknown key(s) in [{section}]: {', '.join(unknown)} (known: {', '.join(sorted(names))})"
        )
    return values


def load_config(path: Path | None) -> Config:
    """Read a config file; a missing file means the defaults. Errors name the file and the bad key."""
    if path is None or not path.exists():
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise AwesomeMergeError(f"{path}: not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"source", "match", "fetch", "override", "topics"})
    if unknown:
        raise AwesomeMergeError(
            f"{path}: unknown table(s) {', '.join(unknown)} (known: source, match, fetch, override, topics)"
        )
    sources = []
    for i, item in enumerate(data.get("source", []), 1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"]:
            raise AwesomeMergeError(f"{path}: [[source]] number {i} needs a string `name`")
        url = item.get("url", "")
        if url and not is_http_url(str(url)):
            raise AwesomeMergeError(f"{path}: source {item['name']!r}: url must be http(s), got {url!r}")
        sources.append(SourceConfig(name=item["name"], url=str(url)))
    match = MatchConfig(**_known(MatchConfig, _table(data, "match", path), "match", path))
    fetch = FetchConfig(**_known(FetchConfig, _table(data, "fetch", path), "fetch", path))
    overrides = []
    for i, item in enumerate(data.get("override", []), 1):
        kinds = [k for k in ("same", "different") if k in item]
        if len(kinds) != 1 or not isinstance(item[kinds[0]], list) or len(item[kinds[0]]) < 2:
            raise AwesomeMergeError(
                f"{path}: [[override]] number {i} needs exactly one of `same` or `different`, "
                "a list of two or more URLs or titles"
            )
        overrides.append(Override(kind=kinds[0], keys=tuple(str(k) for k in item[kinds[0]])))
    topics = None
    if "topics" in data:
        raw = _table(data, "topics", path)
        topics = tuple((str(name), tuple(str(p) for p in patterns)) for name, patterns in raw.items())
    return Config(tuple(sources), match, fetch, tuple(overrides), topics, path)
