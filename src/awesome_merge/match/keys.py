"""Per-entry comparison keys, computed once per distinct value so a million entries stay cheap."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..compare_keys import comparison_keys
from ..frame import ALT_URL_SEP, AUTHOR_SEP
from ..ids import canonical_url, github_repo, is_http_url, is_image_url
from ..text import title_key

# A coined name: a capital or digit after the first letter (`FooNet`, `WidgetGAN`, `pWidgetNet`, `Gad-BBX`).
_NAME = re.compile(r"\b[A-Za-z][a-z-]*[A-Z0-9][A-Za-z0-9-]*")
MIN_TITLE_WORDS = 5
MIN_TITLE_CHARS = 24
# Words a list writes as a link's text in place of a title: they say what a link is, never which paper.
GENERIC_LABELS = frozenset(
    "pub pdf paper papers link links code url html doi abs abstract arxiv preprint project page homepage "
    "website site web github repo repository git openreview video slides blog demo here download official "
    "supp supplementary bib bibtex poster talk proceedings full text view read more source".split()
)
PAPER_KIND = "paper"
# Badge services and image files: a badge (`venue 2023`, `stars`) or a figure is shown by many entries
# and names none of them, so it is never a page that two entries share.
# Kinds that are things a paper introduces, never the paper itself: they own no paper's id or page.
DATA_KINDS = frozenset({"dataset", "benchmark"})


def family(kind: str, full: bool = False) -> str:
    """The kinds that may be one work: a paper and a tool presented by that paper are (readers tell them
    apart by the section they stand in, which lists choose freely), and so is a dataset or benchmark given
    by its paper's full title; a dataset or benchmark given by its own short name is its own thing."""
    return kind if kind in DATA_KINDS and not full else PAPER_KIND


# A preprint server's citation a list gives in place of a title (`arXiv preprint arXiv:2010.02141 (2020)`,
# `bioRxiv 2023.07.15.549154`): it repeats the link's identifier and names no paper.
CITATION_WORDS = frozenset("arxiv biorxiv medrxiv chemrxiv ssrn preprint eprint e print v".split())


@lru_cache(maxsize=262144)
def is_citation_label(title: str) -> bool:
    """A title made of a preprint server's name and numbers only: the list cited the link, not the paper."""
    words = re.findall(r"[a-z]+", title.lower())
    return (
        bool(words)
        and bool(re.search(r"\d", title))
        and all(w in CITATION_WORDS or w in GENERIC_LABELS for w in words)
        and not CITATION_WORDS.isdisjoint(words)
    )


@lru_cache(maxsize=262144)
def is_generic_label(title: str) -> bool:
    """A title made only of words like `PDF`, `PUB` or `[code]`: the list named the link, not the paper."""
    words = re.findall(r"[a-z]+", title.lower())
    return bool(words) and all(w in GENERIC_LABELS for w in words) and not re.search(r"\d", title)


@lru_cache(maxsize=262144)
def names_in(text: str) -> frozenset[str]:
    """Coined names a label carries; generic link words (`PUB`, `PDF`) are never names."""
    found = (t for t in _NAME.findall(text) if len(t.rstrip("-")) >= 3)
    return frozenset(n for n in (t.replace("-", "").lower() for t in found) if n not in GENERIC_LABELS)


@lru_cache(maxsize=262144)
def title_name(title: str) -> str:
    """The coined name before a colon (`FooNet: Learning ...`), which a short label should repeat."""
    head, sep, _ = title.partition(":")
    names = names_in(head)
    return next(iter(names)) if sep and len(head.split()) == 1 and len(names) == 1 else ""


def is_full_title(key: str) -> bool:
    """Long enough for fuzzy matching; shorter ones are labels that join only through identifiers."""
    return len(key) >= MIN_TITLE_CHARS and key.count(" ") + 1 >= MIN_TITLE_WORDS


@dataclass
class EntryKeys:
    """Columns aligned with the entries frame."""

    titles: list[str]
    title_keys: list[str]
    full: list[bool]
    url_keys: list[list[str]]  # canonical forms of the entry's page and its other versions
    arxiv: list[str]
    doi: list[str]
    years: list[int | None]
    kinds: list[str]  # paper, dataset, benchmark or tool
    families: list[str]  # `family` of each entry: which kinds' identifiers it may share
    first_authors: list[str]  # the first author's family name, lowercased, or ""
    sources: list[str]
    # Code repositories the entry links (its code link, or a page or version that is a repository), as
    # page keys (`github.com/owner/repo`), and a code link that is no repository (a project page) as its
    # page key: a retitled paper keeps both.
    repos: list[tuple[str, ...]]
    code_pages: list[str]


def entry_keys(
    entries: pd.DataFrame, precomputed: tuple[list[str], list[list[str]]] | None = None
) -> EntryKeys:
    def column(name: str) -> list[str]:
        return entries[name].astype(str).tolist()

    titles = column("title")
    title_keys, url_keys = precomputed or comparison_keys(titles, column("url"), column("alt_urls"))
    years = [None if pd.isna(y) else int(y) for y in entries["year"]]
    full = [is_full_title(k) and not is_citation_label(t) for k, t in zip(title_keys, titles, strict=True)]
    kinds = column("kind") if "kind" in entries else [PAPER_KIND] * len(titles)
    firsts = [_family_name(a) for a in column("authors")] if "authors" in entries else [""] * len(titles)
    return EntryKeys(
        titles,
        title_keys,
        full,
        url_keys,
        column("arxiv_id"),
        column("doi"),
        years,
        kinds,
        [family(k, f) for k, f in zip(kinds, full, strict=True)],
        firsts,
        column("source"),
        *_repositories(
            column("url"), column("alt_urls"), column("code_url") if "code_url" in entries else None
        ),
    )


def _repositories(
    urls: list[str], alt_urls: list[str], code_urls: list[str] | None
) -> tuple[list[tuple[str, ...]], list[str]]:
    """Each entry's code repositories and the page its code link gives when that is no repository, each
    distinct URL parsed once."""
    repo_of: dict[str, str] = {}

    def repo(url: str) -> str:
        found = repo_of.get(url)
        if found is None:
            found = repo_of[url] = canonical_url(github_repo(url)) if "github" in url else ""
        return found

    repos: list[tuple[str, ...]] = []
    pages: list[str] = []
    for index, (url, alts) in enumerate(zip(urls, alt_urls, strict=True)):
        links = [url, *alts.split(ALT_URL_SEP)] if alts else [url]
        code = code_urls[index] if code_urls is not None else ""
        code_repo = repo(code) if code else ""
        page = ""
        if code and not code_repo and is_http_url(code) and not is_image_url(code):
            page = canonical_url(code)
        repos.append(
            tuple(sorted({r for link in links if link and (r := repo(link))} | ({code_repo} - {""})))
        )
        pages.append(page)
    return repos, pages


def _family_name(authors: str) -> str:
    """The first author's family name (`Yang Liu`, `Liu, Yang` -> `liu`): a retitled paper keeps it."""
    first = authors.split(AUTHOR_SEP, 1)[0].strip()
    if "," in first:
        first = first.split(",", 1)[0]
    words = re.findall(r"\w+", title_key(first))
    return words[-1] if words and len(words[-1]) > 1 else ""
