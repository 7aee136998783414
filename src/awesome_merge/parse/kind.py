"""What an entry is: a paper, a dataset, a benchmark, or a tool (software, courses, talks, blog posts).

Evidence, strongest first: the entry's own title (`... Benchmark`, `A Dataset for ...`), what the table
header or heading above it says it holds (nearest first), then its link: a repository root with no paper
is software.
"""

from __future__ import annotations

import re

from . import links as L
from .vocabulary import BENCHMARK_TITLE, DATASET_TITLE, KIND_OF_SECTION, NOT_ENTRY_SECTION

_SECTION_SPLIT = " > "


def section_kind(section: str) -> str:
    """The kind the nearest heading that names one states, or ""."""
    for part in reversed([p for p in section.split(_SECTION_SPLIT) if p]):
        for kind, pattern in KIND_OF_SECTION:
            if pattern.search(part):
                return kind
    return ""


def holds_no_entries(section: str) -> bool:
    """People, venues, other lists, licences: the nearest heading says its links are not entries."""
    parts = [p for p in section.split(_SECTION_SPLIT) if p]
    return bool(parts) and bool(NOT_ENTRY_SECTION.match(parts[-1]))


def entry_kind(title: str, url: str, section: str, stated: str = "", *, has_code: bool = False) -> str:
    """The entry's kind from its title, the kind its table or heading states, its section, its link."""
    if BENCHMARK_TITLE.search(title):
        return "benchmark"
    if stated:
        return stated
    by_section = section_kind(section)
    if DATASET_TITLE.search(title) and by_section != "tool":
        return "dataset"
    if by_section:
        return by_section
    if url and L.code_repo(url) and re.match(r"^https?://(?:www\.)?github\.com/[^/]+/[^/#?]+/?$", url):
        return "tool"
    return "paper"
