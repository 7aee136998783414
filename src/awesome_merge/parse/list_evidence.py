"""What repeats down one list, read before its entries are: evidence that holds for that list only.

A list is written by one hand, so its entries repeat one shape. A short link text that the list gives to many
different links (`Reading Note`, `Resource repo`, `[NeurIPS2023]`) is the list's word for a role, never the
name of one work, whatever the global vocabulary knows. The reader asks `is_list_label` wherever it decides
whether a link's text is a title.

A list that gives authors by surname only (`Lee, Chen, Park`) shows it by runs of an odd number of one-word
names, which no `Surname, Given` list can write; in such a list `Nie, Wang` is two people, not one
(`surnames_only`, asked by `authors.parse_authors`).
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
# A list shows that it writes surnames only in this many entries (a few such runs are places or tags).
SURNAME_RUNS = 10
# A run of three or more one-word names set apart by commas, standing alone between a list's separators.
_SURNAME_RUN = re.compile(
    r"(?:^|[\t(|]|[.:;]\s)\s*((?:[A-Z][a-z'’-]+, ){2,}[A-Z][a-z'’-]+)\s*(?=$|[\t)|.;])", re.M
)
# `Lee, A.` or `Lee, Ann B.`: a name written surname first, which a surnames-only list never writes.
_INVERTED_NAME = re.compile(r"\b[A-Z][a-z'’-]+, [A-Z](?:\.|[a-z]+ [A-Z]\.)")
_LABELS: ContextVar[frozenset[str]] = ContextVar("list_labels", default=frozenset())
_SURNAMES: ContextVar[bool] = ContextVar("surnames_only", default=False)
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


def writes_surnames_only(text: str) -> bool:
    """`SURNAME_RUNS` or more runs of an odd number of one-word names, and fewer names written
    `Surname, Initial` than such runs: the list gives its authors by surname."""
    if ", " not in text:
        return False
    odd = sum(1 for m in _SURNAME_RUN.finditer(text) if m.group(1).count(",") % 2 == 0)
    return odd >= SURNAME_RUNS and len(_INVERTED_NAME.findall(text)) < odd


@contextmanager
def list_labels(text: str) -> Iterator[frozenset[str]]:
    """The labels of the list `text` holds, in force while its entries are read."""
    evidence = list_evidence(text)
    with evidence_in_force(evidence):
        yield evidence[0]


def is_list_label(text: str) -> bool:
    labels = _LABELS.get()
    return bool(labels) and label_key(text) in labels


def current_evidence() -> tuple[frozenset[str], bool]:
    """For caches of reading results: a row read under other evidence may read otherwise."""
    return _LABELS.get(), _SURNAMES.get()


def surnames_only() -> bool:
    return _SURNAMES.get()


def known_labels() -> frozenset[str]:
    """Every label the list repeats: link texts and the words before bare URLs."""
    return _FIELD_LABELS.get()


ListEvidence = tuple[frozenset[str], frozenset[str], bool]


def list_evidence(text: str) -> ListEvidence:
    """Everything `list_labels` puts in force for `text`, as one value: a key for caches of pieces."""
    labels = repeated_link_texts(text)
    return labels, repeated_field_labels(text) | labels, writes_surnames_only(text)


@contextmanager
def evidence_in_force(evidence: ListEvidence) -> Iterator[None]:
    """Evidence found already (`list_evidence` of the whole list), in force while a part of it is read;
    the same as `list_labels` of the whole text."""
    token = _LABELS.set(evidence[0])
    fields = _FIELD_LABELS.set(evidence[1])
    surnames = _SURNAMES.set(evidence[2])
    try:
        yield
    finally:
        _SURNAMES.reset(surnames)
        _FIELD_LABELS.reset(fields)
        _LABELS.reset(token)
