"""Every claim a report makes, checked against the entries before it is written.

The matcher and the reader find doubts; a report states them to a person, who acts on them. A claim the
entries do not bear out (a review row pairing a paper with a blog post about it, "the label is this
paper's name" said of two different full titles, a line "missing from the merged list" whose links the
merged list holds, a page "listed 3 times" that is three papers' shared slides) costs that person's time
and trust, so it is left out here, where each rule is stated once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pandas as pd
from rapidfuzz import fuzz

from ..ids import canonical_url, is_http_url
from ..parse.links import is_commentary, names_paper
from ..text import title_key

__all__ = ["confirmed_review", "held_urls", "line_is_in_the_merged_list", "same_paper_listed"]

LABEL_REASON = "possible match: the label is this paper's name"
# A subtitle of this many words is a title of its own, never a label (`HUGS: Human Gaussian Splats`).
SUBTITLE_WORDS = 2
_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")


def _is_commentary(url: object) -> bool:
    text = "" if url is None or url is pd.NA else str(url)
    return bool(text) and is_commentary(text)


def _subtitle(title: str) -> str:
    head, sep, rest = title.partition(":")
    return title_key(rest) if sep and head.strip() else ""


def _label_is_a_name(label: str, paper: str) -> bool:
    """`SLoRA` names `SLoRA: Federated ...`; `HUGS: Human Gaussian Splats` names not `HUGS: Holistic ...`:
    a label with a subtitle of its own that the paper's title lacks is another work's full title."""
    label_sub, paper_sub = _subtitle(label), _subtitle(paper)
    both_titled = min(len(label_sub.split()), len(paper_sub.split())) >= SUBTITLE_WORDS
    return not (both_titled and label_sub != paper_sub)


def confirmed_review(review: pd.DataFrame) -> pd.DataFrame:
    """The review rows the entries bear out: no pair of which one side is a post about a paper (a blog,
    a news or social post, a video), no "label" claim about two different full titles.

    Read by column, each link tested once: an entry is in many rows, and a million rows read as tuples
    cost more than the tests."""
    if review.empty:
        return review
    blank = [""] * len(review)
    a_urls, b_urls = (review[c].tolist() if c in review else blank for c in ("a_url", "b_url"))
    reasons, a_titles, b_titles = (review[c].tolist() for c in ("reason", "a_title", "b_title"))
    # Unbounded, unlike `is_commentary`'s memo: a million review rows hold more links than it keeps.
    commentary: dict[object, bool] = {}

    def is_post(url: object) -> bool:
        found = commentary.get(url)
        if found is None:
            found = commentary[url] = _is_commentary(url)
        return found

    keep = [
        not (is_post(a_url) or is_post(b_url))
        and (not str(reason).startswith(LABEL_REASON) or _label_is_a_name(str(b_title), str(a_title)))
        for a_url, b_url, reason, a_title, b_title in zip(
            a_urls, b_urls, reasons, a_titles, b_titles, strict=True
        )
    ]
    if all(keep) and review.index.equals(pd.RangeIndex(len(review))):
        return review  # a million rows are not copied to drop none
    return review[keep].reset_index(drop=True)


def held_urls(entries: pd.DataFrame) -> set[str]:
    """Every link the merged list holds, as comparison keys: entries' own links, versions and code."""
    urls: set[str] = set()  # each distinct link once: lists repeat links, and a key costs a URL parse
    for column in ("url", "alt_urls", "code_url"):
        if column not in entries:
            continue
        for cell in entries[column].tolist():
            if cell is None or cell is pd.NA or not str(cell):
                continue
            urls.update(str(cell).split())
    return {key for key in map(canonical_url, urls) if key}


def line_is_in_the_merged_list(line: str, held: set[str]) -> bool:
    """A line a warning says could not be read, whose links all are in the merged list (a field line
    under a title the reader read, a paper another line holds): not missing, whatever the warning."""
    urls = [u.rstrip(".,;:!?") for u in _URL.findall(line)]
    keys = [canonical_url(u) for u in urls if is_http_url(u)]
    return bool(keys) and all(k and k in held for k in keys)


# Titles this similar (rapidfuzz ratio of their comparison keys) are one title spelt twice.
SAME_TITLE = 90.0


def same_paper_listed(titles: Sequence[str], urls: Iterable[str], ids: Iterable[str]) -> bool:
    """Entries one paper is said to be listed as: they share an identifier, their titles agree, or their
    one page is a paper's own record. A page that is no paper's record (slides, a blog post, a project
    page) given to entries of different titles is shared material, not a paper listed several times."""
    if any(ids):
        return True
    keys = sorted({title_key(t) for t in titles})
    if all(fuzz.ratio(keys[0], k) >= SAME_TITLE for k in keys[1:]):
        return True
    pages = [u for u in urls if u]
    return bool(pages) and all(names_paper(u) for u in pages)
