"""Which records a run uses: the cache's, and with `--resolve` those fetched for identifiers it lacks.

A fetch that fails for some identifiers warns once per failed request and keeps going; whatever was
fetched is saved with every record the cache already held, even when the run is interrupted.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..config import CONFIG_NAME, Config
from ..frame import ALT_URL_SEP
from ..ids import normalize_arxiv_id, openreview_id
from . import arxiv, crossref, openreview
from .cache import Cache
from .http import Client, Clock, FetchFailed, SystemClock
from .record import STAND_IN, Record

if TYPE_CHECKING:
    import httpx

MODES = ("cache", "missing", "refresh")
_ARXIV_DOI = "10.48550/arxiv."
SHOWN_UNKNOWN = 5


@dataclass
class ResolveRun:
    """How a run gets its records: `cache` only (the default, offline), the `missing` ones fetched too
    (`--resolve`), or also those older than `[resolve] max_age_days` (`--refresh-metadata`)."""

    mode: str = "cache"
    clock: Clock | None = None
    warn: Callable[[str], None] | None = None
    progress: Callable[[str, int, int], None] | None = None
    transport: httpx.BaseTransport | None = None  # tests and checks: another way to the services
    today: datetime.date | None = None


@dataclass
class ResolveStats:
    """What resolving did, for the run summary and the closing numbers of a refresh."""

    identifiers: int = 0
    cached: int = 0
    fetched: int = 0
    unknown: int = 0
    failed: int = 0
    requests: dict[str, int] = field(default_factory=dict)
    waited: float = 0.0  # seconds spent pacing and backing off, on the run's clock
    seconds: float = 0.0  # the whole fetch, on the run's clock
    saved: bool = False
    cache: Path | None = None


def cache_path(config: Config, folders: list[Path]) -> Path | None:
    """`[resolve] cache` beside the config file, else in the first sources folder; None without either."""
    name = Path(config.resolve.cache)
    if name.is_absolute():
        return name
    if config.path is not None:
        return config.path.parent / name
    return folders[0] / name if folders else None


def forums(url: str, alt_urls: str) -> list[str]:
    """The OpenReview forums an entry links, its own link's first."""
    if "openreview" not in url and "openreview" not in alt_urls:
        return []
    found = (openreview_id(u) for u in (url, *alt_urls.split(ALT_URL_SEP)) if "openreview" in u)
    return list(dict.fromkeys(f for f in found if f))


def identifiers(entries: pd.DataFrame) -> tuple[list[str], list[str], list[str]]:
    """The distinct arXiv ids, DOIs and OpenReview forums of the entries, sorted; an arXiv DOI counts as
    its arXiv id. A forum is looked up only for entries with neither: the others have a record already."""
    arxiv_ids = {a for a in entries["arxiv_id"].astype(str) if a}
    dois = set()
    for doi in (d.lower() for d in entries["doi"].astype(str) if d):
        if doi.startswith(_ARXIV_DOI) and normalize_arxiv_id(doi[len(_ARXIV_DOI) :]):
            arxiv_ids.add(normalize_arxiv_id(doi[len(_ARXIV_DOI) :]))
        else:
            dois.add(doi)
    bare = (entries["arxiv_id"].astype(str) == "") & (entries["doi"].astype(str) == "")
    urls, alts = (entries.loc[bare, column].astype(str) for column in ("url", "alt_urls"))
    forum_ids = {f for url, alt in zip(urls, alts, strict=True) for f in forums(url, alt)}
    return sorted(arxiv_ids), sorted(dois), sorted(forum_ids)


def _stale(record: Record, oldest: datetime.date) -> bool:
    try:
        return datetime.date.fromisoformat(record.fetched) < oldest
    except ValueError:
        return True


def load_records(
    entries: pd.DataFrame, config: Config, path: Path | None, run: ResolveRun | None = None
) -> tuple[dict[str, Record], ResolveStats]:
    """The records of the cache, after fetching what `run.mode` asks for; never raises for a service."""
    run = run or ResolveRun()
    warn = run.warn or (lambda message: None)
    cache = Cache(path)
    where = path.name if path else CONFIG_NAME
    if cache.unreadable:
        warn(f"{where}: cannot read the metadata cache ({cache.unreadable}); no records used")
    if cache.bad_lines:
        lines = ", ".join(map(str, cache.bad_lines[:SHOWN_UNKNOWN]))
        warn(f"{where}: line(s) {lines} hold no record; they are skipped and the cache is not rewritten")
    arxiv_ids, dois, forum_ids = identifiers(entries)
    stats = ResolveStats(identifiers=len(arxiv_ids) + len(dois) + len(forum_ids), cache=path)
    keys = [f"arxiv:{a}" for a in arxiv_ids] + [f"doi:{d}" for d in dois]
    keys += [f"openreview:{f}" for f in forum_ids]
    stats.cached = sum(k in cache.records for k in keys)
    if run.mode in ("missing", "refresh"):
        today = run.today or datetime.date.today()
        oldest = today - datetime.timedelta(days=config.resolve.max_age_days)

        def wanted(key: str) -> bool:
            record = cache.records.get(key)
            if record is None or record.service == STAND_IN:
                return True  # a stand-in waits for the service's own record
            return run.mode == "refresh" and _stale(record, oldest)

        fetched: dict[str, Record] = {}
        try:
            _fetch(
                [a for a in arxiv_ids if wanted(f"arxiv:{a}")],
                [d for d in dois if wanted(f"doi:{d}")],
                [f for f in forum_ids if wanted(f"openreview:{f}")],
                config,
                run,
                today.isoformat(),
                fetched,
                stats,
                warn,
            )
        finally:  # an interrupted fetch keeps what it fetched
            cache.update(fetched)
            stats.fetched = len(fetched)
            if fetched and path is not None and not cache.writable:
                warn(f"{where}: {len(fetched)} fetched record(s) not saved: the cache has unreadable lines")
            stats.saved = cache.save() if fetched else False
    return cache.records, stats


def _fetch(
    arxiv_ids: list[str],
    dois: list[str],
    forum_ids: list[str],
    config: Config,
    run: ResolveRun,
    today: str,
    fetched: dict[str, Record],
    stats: ResolveStats,
    warn: Callable[[str], None],
) -> None:
    settings = config.resolve
    clock = run.clock or SystemClock()
    start = clock.now()
    if not settings.contact and dois:
        warn("[resolve] contact is not set: Crossref serves anonymous clients from its slower public pool")

    def client(name: str, interval: float) -> Client:
        return Client(
            name,
            interval,
            contact=settings.contact,
            timeout=settings.timeout,
            retries=settings.retries,
            clock=clock,
            transport=run.transport,
        )

    id_batches = list(arxiv.batches(arxiv_ids, settings.batch_size))
    total, done = len(id_batches) + len(dois) + len(forum_ids), 0

    def one_by_one(
        name: str,
        interval: float,
        idents: list[str],
        fetch: Callable[[Client, str], Record | None],
        malformed: type[ValueError],
    ) -> None:
        """A service asked one identifier a request (Crossref's DOIs, OpenReview's forums)."""
        nonlocal done
        if not idents:
            return
        clients[name] = client(name, interval)
        for ident in idents:
            try:
                record = fetch(clients[name], ident)
            except (FetchFailed, malformed) as exc:
                stats.failed += 1
                warn(f"metadata: {_failure(exc, name)} for {ident}; looked up again next time")
            else:
                if record is None:
                    unknown[name].append(ident)
                else:
                    fetched[record.key] = record
            done += 1
            if run.progress:
                run.progress("resolve", done, total)

    unknown: dict[str, list[str]] = {"arXiv": [], "Crossref": [], "OpenReview": []}
    clients = {"arXiv": client("arXiv", settings.arxiv_interval)}
    try:
        for batch in id_batches:
            try:
                found = arxiv.fetch_batch(clients["arXiv"], settings.arxiv_api, batch, today)
            except (FetchFailed, arxiv.MalformedFeed) as exc:
                stats.failed += len(batch)
                warn(f"metadata: {_failure(exc, 'arXiv')} for {_ids(batch)}; looked up again next time")
            else:
                fetched.update((r.key, r) for r in found)
                unknown["arXiv"] += sorted(set(batch) - {r.arxiv_id for r in found})
            done += 1
            if run.progress:
                run.progress("resolve", done, total)
        one_by_one(
            "Crossref",
            settings.crossref_interval,
            dois,
            lambda c, doi: crossref.fetch_work(c, settings.crossref_api, doi, settings.contact, today),
            crossref.MalformedWork,
        )
        one_by_one(
            "OpenReview",
            settings.openreview_interval,
            forum_ids,
            lambda c, forum: openreview.fetch_note(c, settings.openreview_api, forum, today),
            openreview.MalformedNote,
        )
    finally:
        for service in clients.values():
            stats.requests[service.name] = service.requests
            stats.waited += service.pacer.waited
            service.close()
        stats.seconds = clock.now() - start
    for service, ids in unknown.items():
        if ids:
            stats.unknown += len(ids)
            warn(f"metadata: {service} has no record of {_ids(ids)}")


def _failure(exc: Exception, service: str) -> str:
    text = str(exc)
    return text if text.startswith(service) else f"{service}: {text}"


def _ids(ids: list[str]) -> str:
    shown = ", ".join(ids[:SHOWN_UNKNOWN])
    return shown + (f" and {len(ids) - SHOWN_UNKNOWN} more" if len(ids) > SHOWN_UNKNOWN else "")
