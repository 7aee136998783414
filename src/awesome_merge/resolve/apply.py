"""What the records change: a label's title, the fields lists leave out, links between an arXiv id and a
DOI, and the pairs a curator should check when a record and a list disagree.

A record speaks for its identifier, so a label (`SLoRA`, `Recovering Private Text`) takes the title of the
paper its link names, as a reader following the link would. A full title the list wrote stays; a record
that names another paper altogether is not used for that entry and becomes a review row instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz, process

from ..match.evidence import Doubt, title_score
from ..match.keys import DATA_KINDS, is_citation_label, is_full_title, names_in, title_name
from ..match.short_names import years_agree
from ..text import title_key
from .record import Record
from .run import forums

# As loose as the matcher's test for titles that share an identifier: variants, or one inside the other.
SAME_WORK_SCORE = 70.0
CONTAINED_SCORE = 95.0
_SERVICE = {"arxiv": "arXiv", "crossref": "Crossref", "openreview": "OpenReview", "stand-in": "stand-in"}


@dataclass
class Resolution:
    """Per entry row: the record title a label takes, and the record that agrees with the entry."""

    titles: dict[int, str] = field(default_factory=dict)
    records: dict[int, Record] = field(default_factory=dict)
    links: list[tuple[int, int]] = field(default_factory=list)  # entries one record's two ids tie
    coined: list[tuple[int, int]] = field(default_factory=list)  # a paper's entry, a label of its name
    doubts: list[Doubt] = field(default_factory=list)  # decisions are the matcher's to fill in


def agrees(a: str, b: str) -> bool:
    """Two title keys that can be one paper's: variants, or one containing the other."""
    shorter, longer = sorted((a, b), key=len)
    return title_score(a, b) >= SAME_WORK_SCORE or fuzz.partial_ratio(shorter, longer) >= CONTAINED_SCORE


def _lookup(arxiv_id: str, doi: str, forum_ids: list[str], records: Mapping[str, Record]) -> Record | None:
    """The published version's record first (its DOI), else the preprint's, else its OpenReview forum's."""
    found = records.get(f"doi:{doi.lower()}") if doi else None
    if found is None and arxiv_id:
        found = records.get(f"arxiv:{arxiv_id}")
    if found is None and not doi and not arxiv_id:
        found = next((r for f in forum_ids if (r := records.get(f"openreview:{f}"))), None)
    return found if found is not None and found.title else None


def _record_of(record: Record) -> str:
    """`the arXiv record of 2308.06522`: which record a review row speaks of."""
    ident = record.key.split(":", 1)[1]
    return f"the {_SERVICE.get(record.service, record.service)} record of {ident}"


def _named(record: Record) -> str:
    return f"{_record_of(record)} is “{record.title}”"


def resolve_entries(
    entries: pd.DataFrame, records: Mapping[str, Record], review_threshold: float = 80.0
) -> Resolution:
    """The resolution of every entry that has a record; entries without one are left as they are."""
    resolution = Resolution()
    if not records:
        return resolution
    titles = entries["title"].astype(str).tolist()
    arxiv_ids = entries["arxiv_id"].astype(str).tolist()
    dois = [d.lower() for d in entries["doi"].astype(str)]
    kinds = entries["kind"].astype(str).tolist() if "kind" in entries else ["paper"] * len(titles)
    urls = entries["url"].astype(str).tolist() if "url" in entries else [""] * len(titles)
    alts = entries["alt_urls"].astype(str).tolist() if "alt_urls" in entries else [""] * len(titles)
    keys = [title_key(t) for t in titles]
    full = [is_full_title(k) and not is_citation_label(t) for k, t in zip(keys, titles, strict=True)]
    by_id: dict[str, list[int]] = defaultdict(list)
    for i, (a, d) in enumerate(zip(arxiv_ids, dois, strict=True)):
        for ident in (f"arxiv:{a}" if a else "", f"doi:{d}" if d else ""):
            if ident:
                by_id[ident].append(i)
    contradicted: list[tuple[int, Record]] = []
    misnamed: list[tuple[int, int, Record]] = []
    named = _papers_by_name(titles, full)
    for i in range(len(titles)):
        record = _lookup(arxiv_ids[i], dois[i], forums(urls[i], alts[i]), records)
        if record is None or kinds[i] in DATA_KINDS:  # a dataset row cites a paper; it is not the paper
            continue
        record_key = title_key(record.title)
        if full[i]:
            if agrees(keys[i], record_key):
                resolution.records[i] = record
            else:
                contradicted.append((i, record))
        elif is_full_title(record_key):
            other = _named_elsewhere(titles[i], record, named, arxiv_ids, dois, i)
            if other is not None:
                misnamed.append((other, i, record))
                continue
            resolution.titles[i] = record.title
            resolution.records[i] = record
    for other, i, record in misnamed:
        name = titles[i].strip()
        reason = (
            f"check: the label {name} is the name of this paper, but its link's record is another paper "
            f"({_named(record)}); the record is not used for it"
        )
        resolution.doubts.append(Doubt(other, i, 0.0, reason, "kept apart"))
    for i, record in contradicted:
        partner, score = _best_title(record, keys, full, i, review_threshold)
        reason = f"check: {_named(record)}, another title than the list's; the record is not used for it"
        resolution.doubts.append(Doubt(i, partner, score, reason, "kept apart"))
    resolution.doubts.extend(_label_checks(resolution, titles, keys, full, by_id))
    resolution.links = _links(records, resolution, by_id, keys, full)
    years = entries["year"].tolist() if "year" in entries else [None] * len(titles)
    bare = [not a and not d and k not in DATA_KINDS for a, d, k in zip(arxiv_ids, dois, kinds, strict=True)]
    _coined_labels(records, resolution, titles, full, bare, years)
    return resolution


def _papers_by_name(titles: list[str], full: list[bool]) -> dict[str, list[int]]:
    """Full titles by the coined name before their colon (`zoofl` for `ZooFL: Widgets for ...`)."""
    named: dict[str, list[int]] = defaultdict(list)
    for i, title in enumerate(titles):
        name = title_name(title) if full[i] else ""
        if name:
            named[name].append(i)
    return named


def _named_elsewhere(
    label: str,
    record: Record,
    named: Mapping[str, list[int]],
    arxiv_ids: list[str],
    dois: list[str],
    entry: int,
) -> int | None:
    """The entry of another paper that the label names, when the label's link names a paper of another
    name (`ZooFL` linking some other arXiv id): a slip of the link, so the record must not title it."""
    names = names_in(label)
    if (
        not names
        or not names.isdisjoint(names_in(record.title))
        or any(not names_in(n).isdisjoint(names) for n in record.names)
    ):
        return None
    for name in sorted(names):
        for j in named.get(name, ()):
            if (arxiv_ids[j], dois[j]) != (arxiv_ids[entry], dois[entry]):
                return j
    return None


def _best_title(
    record: Record, keys: list[str], full: list[bool], entry: int, cutoff: float
) -> tuple[int, float]:
    """The entry with the record's title (the paper the record says the entry is), else the entry itself."""
    wanted = title_key(record.title)
    candidates = {k: i for i, k in reversed(list(enumerate(keys))) if full[i] and i != entry}
    found = process.extractOne(wanted, list(candidates), scorer=fuzz.ratio, score_cutoff=cutoff)
    if found is None:
        return entry, 0.0
    return candidates[found[0]], round(float(found[1]), 1)


def _label_checks(
    resolution: Resolution,
    titles: list[str],
    keys: list[str],
    full: list[bool],
    by_id: Mapping[str, list[int]],
) -> list[Doubt]:
    """A label coining another name than the record's paper (`Fed-BBPL` on SLoRA's id): the link wins,
    but a curator should see it, beside an entry of that id that agrees with the record."""
    doubts = []
    for i, title in sorted(resolution.titles.items()):
        record = resolution.records[i]
        name, names = title_name(title), names_in(titles[i])
        if not name or not names or name in names:
            continue
        agreeing = [
            j
            for j in by_id.get(record.key, ())
            if j != i
            and (
                (full[j] and agrees(keys[j], title_key(title)))
                or (not full[j] and name in names_in(titles[j]))
            )
        ]
        if agreeing:
            label = "/".join(sorted(names))
            reason = f"check: the label names {label}, {_named(record)}; joined by its link"
            doubts.append(Doubt(agreeing[0], i, 0.0, reason, "merged"))
    return doubts


def _coined_labels(
    records: Mapping[str, Record],
    resolution: Resolution,
    titles: list[str],
    full: list[bool],
    bare: list[bool],
    years: list[object],
) -> None:
    """A label (`FooLoRA (ICLR'24)`) with no identifier, whose name the abstract of exactly one paper among
    the records coins, joins that paper's entries when their years agree (`short_names.years_agree`): the
    list named the method, not the paper, and linked a page no service indexes. A name two papers coin
    joins nothing. The label keeps its own text (the paper's other entries title the paper), so the report
    shows it `coined_name`."""
    coiners: dict[str, list[Record]] = defaultdict(list)
    for record in records.values():
        for name in record.names if record.title else ():
            for key in names_in(name):
                coiners[key].append(record)
    if not coiners:
        return
    entries_of: dict[str, list[int]] = defaultdict(list)
    for i, record in resolution.records.items():
        entries_of[title_key(record.title)].append(i)
    for i, title in enumerate(titles):
        if full[i] or not bare[i] or i in resolution.records:
            continue
        found = [r for name in names_in(title) for r in coiners.get(name, ())]
        papers = {title_key(r.title) for r in found}
        if len(papers) != 1:
            continue
        record = found[0]
        anchors = sorted(entries_of.get(title_key(record.title), ()))
        year = None if years[i] is None or pd.isna(years[i]) else int(years[i])  # type: ignore[call-overload]
        if not anchors or not years_agree([year, record.year]):
            continue
        resolution.coined.append((anchors[0], i))
        coined = next(n for n in record.names if not names_in(n).isdisjoint(names_in(title)))
        reason = (
            f"check: the label names {coined}, the name that the abstract in {_record_of(record)} "
            f"(“{record.title}”) coins; joined by the name"
        )
        resolution.doubts.append(Doubt(anchors[0], i, 0.0, reason, "merged"))


def _links(
    records: Mapping[str, Record],
    resolution: Resolution,
    by_id: Mapping[str, list[int]],
    keys: list[str],
    full: list[bool],
) -> list[tuple[int, int]]:
    """Entries of a record's arXiv id joined to entries of the DOI it links, unless a title says no."""
    links: set[tuple[int, int]] = set()
    for record in records.values():
        if not (record.arxiv_id and record.doi) or not record.title:
            continue
        record_key = title_key(record.title)

        def fits(i: int, record_key: str = record_key) -> bool:
            return not full[i] or i in resolution.records or agrees(keys[i], record_key)

        preprints = [i for i in by_id.get(f"arxiv:{record.arxiv_id}", ()) if fits(i)]
        published = [i for i in by_id.get(f"doi:{record.doi.lower()}", ()) if fits(i)]
        if preprints and published:
            anchor = preprints[0]
            links.update((min(anchor, j), max(anchor, j)) for j in published if j != anchor)
    return sorted(links)
