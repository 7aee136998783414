"""What repeats down one list, read before its entries are: evidence that holds for that list only.

A list is written by one hand, so its entries repeat one shape. A short link text that the list gives to many
different links (`Reading Note`, `Resource repo`, `[NeurIPS2023]`) is the list's word for a role, never the
name of one work, whatever the global vocabulary knows. The reader asks `is_list_label` wherever it decides
whether a link's text is a title.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ..text import squash

# A text given to this many different links in one list is a label of that list.
REPEATED_LABEL = 3
# Longer texts are names of works even when repeated (a paper listed in several sections with mirrors).
MAX_LABEL_WORDS = 4

_MD_LINK = re.compile(r"\[([^\[\]\n]{1,80})\]\(\s*<?([^)\s>]+)")
_HTML_LINK = re.compile(r"<a\s[^>]*?href\s*=\s*[\"']([^\"']+)[\"'][^>]*>([^<]{1,80})</a>", re.I)
_BULLET = re.compile(r"\s*(?:[-*+]|\d{1,4}[.)])?\s*")
_WORD = re.compile(r"[^\W\d_]{2,}")
_LINK_OR_URL = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<[^>\n]*>|https?://\S+")
# `- Paper: https://...`: a word and a colon before a bare URL, the list's label for that URL.
_FIELD_LABEL = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?([^\W\d_][\w ]{1,20}?)[ \t]*[:：][ \t]*<?https?://(\S+)", re.M
)
_LABELS: ContextVar[frozenset[str]] = ContextVar("list_labels", default=frozenset())
_FIELD_LABELS: ContextVar[frozenset[str]] = ContextVar("list_field_labels", default=frozenset())


def label_key(text: str) -> str:
    return squash(text).strip(" *_`'\"[]()").casefold()


def _leads_an_entry(line: str, start: int, end: int) -> bool:
    """The link opens its line (after a bullet or a number) and words follow it there: the way a list
    writes an entry's own title (`1. [Title](url) by A. Lee`), not a label beside a title."""
    if _BULLET.fullmatch(line, 0, start) is None:
        return False  # checked first: only a line's opening link reads the rest of the line
    return len(_WORD.findall(_LINK_OR_URL.sub(" ", line[end:]))) >= 2


def repeated_link_texts(text: str) -> frozenset[str]:
    """The short link texts the list gives to `REPEATED_LABEL` or more different links, unless the text
    mostly leads its line with words after it: one work the list names several times, with its mirrors."""
    hrefs: dict[str, set[str]] = defaultdict(set)
    leading: dict[str, list[bool]] = defaultdict(list)
    for line in text.splitlines():
        if "](" not in line:
            continue
        for match in _MD_LINK.finditer(line):
            if not match.group(2).lower().startswith(("http://", "https://")):
                continue  # `[Topic](#topic)`: the table of contents names sections, not links of a role
            key = label_key(match.group(1))
            hrefs[key].add(match.group(2))
            close = line.find(")", match.end())
            leading[key].append(
                _leads_an_entry(line, match.start(), close + 1 if close >= 0 else match.end())
            )
    for match in _HTML_LINK.finditer(text):
        hrefs[label_key(match.group(2))].add(match.group(1))
    return frozenset(
        key
        for key, targets in hrefs.items()
        if len(targets) >= REPEATED_LABEL
        and key
        and len(key.split()) <= MAX_LABEL_WORDS
        and sum(leading[key]) * 2 < max(len(leading[key]), 1)
    )


def repeated_field_labels(text: str) -> frozenset[str]:
    """The words the list puts before `REPEATED_LABEL` or more different bare URLs (`- Paper: https://`)."""
    if ":" not in text:
        return frozenset()
    targets: dict[str, set[str]] = defaultdict(set)
    for match in _FIELD_LABEL.finditer(text):
        targets[label_key(match.group(1))].add(match.group(2))
    return frozenset(key for key, urls in targets.items() if len(urls) >= REPEATED_LABEL and key)


@contextmanager
def list_labels(text: str) -> Iterator[frozenset[str]]:
    """The labels of the list `text` holds, in force while its entries are read."""
    labels = repeated_link_texts(text)
    token = _LABELS.set(labels)
    fields = _FIELD_LABELS.set(repeated_field_labels(text) | labels)
    try:
        yield labels
    finally:
        _FIELD_LABELS.reset(fields)
        _LABELS.reset(token)


def is_list_label(text: str) -> bool:
    labels = _LABELS.get()
    return bool(labels) and label_key(text) in labels


def current_labels() -> frozenset[str]:
    """For caches of reading results: a row read under other labels may read otherwise."""
    return _LABELS.get()


def known_labels() -> frozenset[str]:
    """Every label the list repeats: link texts and the words before bare URLs."""
    return _FIELD_LABELS.get()


ListEvidence = tuple[frozenset[str], frozenset[str]]


def list_evidence(text: str) -> ListEvidence:
    """Everything `list_labels` puts in force for `text`, as one value: a key for caches of pieces."""
    labels = repeated_link_texts(text)
    return labels, repeated_field_labels(text) | labels


@contextmanager
def evidence_in_force(evidence: ListEvidence) -> Iterator[None]:
    """Evidence found already (`list_evidence` of the whole list), in force while a part of it is read;
    the same as `list_labels` of the whole text."""
    token = _LABELS.set(evidence[0])
    fields = _FIELD_LABELS.set(evidence[1])
    try:
        yield
    finally:
        _FIELD_LABELS.reset(fields)
        _LABELS.reset(token)
