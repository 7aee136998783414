"""What an entry is: a paper, a dataset, a benchmark, or a tool (software, courses, talks, blog posts).

Evidence, strongest first: the entry's own title (`... Benchmark`, `A Dataset for ...`), what the table
header or heading above it says it holds (nearest first), then its link: a repository root with no paper
is software.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import clean_section
from . import links as L
from .vocabulary import (
    BENCHMARK_TITLE,
    DATASET_TITLE,
    KIND_FILLER,
    KIND_NOUNS,
    NOT_ENTRY_SECTION,
    TOOL_TITLE,
    TOPIC_KIND_NOUNS,
    VENUE_SECTION,
)

_SECTION_SPLIT = " > "
_PREPOSITIONS = frozenset("of for on in with to from via about under".split())
_TOOL_HINTS = ("librar", "toolkit", "toolbox", "package", "software")
_DATA_HINTS = ("data", "corpus")


def _noun_kind(word: str) -> str:
    """A heading's last word's kind; a topic word (`Video`) only in the plural names a shelf (`Videos`)."""
    word = word.lower()
    if word in TOPIC_KIND_NOUNS:
        return ""
    return KIND_NOUNS.get(word) or KIND_NOUNS.get(word[:-1] if word.endswith("s") else word, "")


@lru_cache(maxsize=4096)
def heading_kind(heading: str) -> str:
    """The kind a heading states when each of its parts ends in a kind noun (`Datasets`, `Courses & Books`,
    `Video Lectures / Tutorials`), else ""."""
    parts = [p for p in re.split(r"\s*(?:/|&|,|;|\+|\band\b|\bor\b)\s*", clean_section(heading).lower()) if p]
    kinds = []
    for part in parts:
        all_words = re.findall(r"[a-z]+", part)
        # `Datasets of Pre-Training for Alignment`, `Benchmarks for Evaluation`: before a preposition
        # stands the head noun of the phrase
        cut = next((i for i, w in enumerate(all_words) if w in _PREPOSITIONS), len(all_words))
        words = [w for w in all_words[:cut] if w not in KIND_FILLER]
        if words and cut < len(all_words) and words[-1].rstrip("s") in TOPIC_KIND_NOUNS:
            return ""  # `Resources of LLMs`, `Videos on Widgets`: a topic, whatever its entries are
        if not words:
            continue
        kind = _noun_kind(words[-1])
        if not kind or len(words) > 4:
            return ""
        kinds.append(kind)
    return kinds[0] if len(set(kinds)) == 1 else ""  # `Datasets, Benchmarks & Surveys` states no one kind


@lru_cache(maxsize=4096)
def section_kind(section: str) -> str:
    """The kind the nearest heading that states one says, or ""."""
    for part in reversed([p for p in section.split(_SECTION_SPLIT) if p]):
        kind = heading_kind(part)
        if kind:
            return kind
    return ""


@lru_cache(maxsize=4096)
def holds_no_entries(section: str) -> bool:
    """People, venues, other lists, licences: the nearest heading says its links are not entries."""
    parts = [p for p in section.split(_SECTION_SPLIT) if p]
    return bool(parts) and bool(NOT_ENTRY_SECTION.match(parts[-1]))


@lru_cache(maxsize=4096)
def names_venue_type(section: str) -> bool:
    """`Conference`, `Journals`: a section of venues, or of papers sorted by venue type."""
    parts = [p for p in section.split(_SECTION_SPLIT) if p]
    return bool(parts) and bool(VENUE_SECTION.match(parts[-1]))


def entry_kind(title: str, url: str, section: str, stated: str = "", *, docs: bool = False) -> str:
    """The entry's kind from its title, the kind its table or heading states, its section, its link."""
    lowered = title.lower()  # the word tests first: most titles name no kind, and the patterns cost
    if "bench" in lowered and BENCHMARK_TITLE.search(title):
        return "benchmark"
    if docs or (any(w in lowered for w in _TOOL_HINTS) and TOOL_TITLE.search(title)):
        return "tool"
    if stated:
        return stated
    by_section = section_kind(section)
    if by_section != "tool" and any(w in lowered for w in _DATA_HINTS) and DATASET_TITLE.search(title):
        return "dataset"
    if by_section:
        return by_section
    if url and L.is_repository_root(url):
        return "tool"
    return "paper"
