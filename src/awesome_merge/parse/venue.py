"""Venue and year as a list states them: `ICLR 2020.`, `NeurIPS'24`, `*CVPR 2023*`, `ACL'23 Findings`,
`arXiv preprint arXiv:1409.1556 (2014)`, `Journal of Machine Learning Research 15.1 (2014): 1929-1958`.

Text the list set apart (emphasis, brackets, a venue column) may name any venue; running text counts only
when it is made of venue words, so a description never becomes a venue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..ids import COMPACT_DATE, YEAR_RE, year_in_text
from ..text import squash
from .vocabulary import NO_VENUE_WORDS, by_first_character, on_change, words

# Venue and date are a few words; longer text is description, and scanning it with these patterns would
# cost time proportional to a hostile line's length for every entry on it.
MAX_VENUE_TEXT = 300

_MONTH = "(?:" + by_first_character("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec") + ")"
_MONTHS = re.compile(
    r"\b" + _MONTH + r"(?:uary|ruary|ch|il|e|y|ust|tember|ober|"
    r"ember)?\.?(?=[\s,.;)]|$|\d)",
    re.I,
)
_MONTH_SHORT_YEAR = re.compile(r"\b" + _MONTH + r"[a-z]*\.?\s+['’‘]?(\d{2})\b(?![\d.:])", re.I)
# A weekday before a date (`Mon 2024`, `Fri 21 Jun`): part of the date, never of the venue. Titlecase only,
# so an all-caps venue (`SAT 2024`) stays.
_WEEKDAY = re.compile(r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day)?\.?(?=\s+\d)")
_DATE_SUFFIX = re.compile(r"(?<=\d)(?:[-./]\d{1,2})+\b")  # `2023.05`, `2024-06-01` after a year
_IDENTIFIER = re.compile(r"\barxiv\s*:\s*\S+|\babs/\S+|\bdoi\s*:\s*\S+", re.I)
_VOLUME_PAGES = re.compile(
    r"\b(?:vol(?:ume)?\.?\s*)?\d+(?:\.\d+)?\s*\(\d+\)|\b\d+(?:\.\d+)?(?=\s*\(\s*(?:19|20)\d\d)|"
    r"\bpp?\.\s*\d+(?:\s*[-–]\s*\d+)?|:\s*\d+\s*[-–]\s*\d+|\b\d+\s*[-–]\s*\d+\b|\bno\.\s*\d+|\bvol\.\s*\d+",
    re.I,
)
_PROCEEDINGS = re.compile(
    r"^\s*(?:in\s+)?(?:(?:proceedings|proc\.?) of (?:the )?)?(?:\d+(?:st|nd|rd|th)\s+)?(?=\S)|^\s*in\s+", re.I
)
_NOISE = re.compile(
    r"\b(?:"
    + by_first_character(
        r"version|poster|oral|spotlight|camera[- ]ready|paper|pdf|link|accepted(?: (?:at|by|to))?|"
        r"to appear(?: in)?|published (?:in|at)|preprint|an?|book|highlight|best paper(?: award)?|"
        r"submitted(?: to)?|under review(?: at| by)?|accepted"
    )
    + r")\b",
    re.I,
)
_YEARISH = re.compile(r"['’]?\b(?:19|20)?\d{2}\b")
_GLUED_YEARISH = re.compile(r"['’]?(?:\b|(?<=[A-Za-z]))(?:19|20)?\d{2}\b")


_VENUE_WORD: re.Pattern[str]
_GLUED_VENUE_WORD: re.Pattern[str]


def _compile_venue_words() -> None:
    """The venue-word patterns from the vocabulary, built again when the config adds words."""
    global _VENUE_WORD, _GLUED_VENUE_WORD
    venue = words("venue")
    _VENUE_WORD = re.compile(rf"\b(?:{venue})\b", re.I)
    # In a tag, a venue word may carry its year glued on (`NeurIPS2023`, `ICML2019`).
    _GLUED_VENUE_WORD = re.compile(rf"\b(?:{venue})(?=\b|\d)", re.I)


on_change(_compile_venue_words)
# An acronym with a year and at most a few capitalised words (`TCSVT 2025`, `CVPRW'24`, `SIGGRAPH Asia
# 2023`): how lists tag a venue in brackets, whether or not it is a venue we know.
_ACRONYM_YEAR = re.compile(
    r"(?:[A-Z][\w&]*\s+){0,2}[A-Z][a-z&]*[A-Z][\w&]*(?:[\s-]+[A-Z][\w&]*){0,2}\s*(?:['’]\d{2}|(?:19|20)\d{2})"
)
_LOOSE_VENUE_TEXT = 120
_ACRONYM = re.compile(r"(?:[A-Z][A-Za-z&-]*\s+)?[A-Z]{2,}[A-Za-z&-]*(?:\s+[A-Z][A-Za-z&-]*)?")
_STRIP = " ,;:-–—*_[]()'’·|/&"
_NOT_WORD = re.compile(r"[\W_]+")
# Dates, volumes and pages all hold a digit (`\d`, any script's): text without one skips their patterns.
_DIGIT = re.compile(r"\d")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_TRAILING_LINK_WORDS = re.compile(r"(?:\s+(?:in|at|to|of|on|by))+\s*$")
_ABBREVIATED_END = re.compile(r"\b[A-Z][a-z]{1,5}\.$")  # `IEEE Commun. Mag.` keeps its period


@lru_cache(maxsize=65536)
def is_venue_label(text: str) -> bool:
    """`NeurIPS 2023`, `ICLR'24`, `[AAAI]`: nothing but venue words and years."""
    if not text.strip() or len(text) > 60 or not _VENUE_WORD.search(text):
        return False
    rest = _YEARISH.sub(" ", _VENUE_WORD.sub(" ", text))
    return not _NOT_WORD.sub("", rest)


@lru_cache(maxsize=65536)
def is_venue_tag(text: str) -> bool:
    """A link label or bracket that tags a venue: a venue label, or the same written tighter or for a venue
    we do not know (`[NeurIPS2023]`, `TCSVT 2025`). Looser than `is_venue_label`, so only for text the list
    set apart as a label, never to cut a title."""
    if is_venue_label(text):
        return True
    if not text.strip() or len(text) > 60:
        return False
    if _ACRONYM_YEAR.fullmatch(text.strip(_STRIP)):
        return True
    if not _GLUED_VENUE_WORD.search(text):
        return False
    rest = _GLUED_YEARISH.sub(" ", _GLUED_VENUE_WORD.sub(" ", text))
    return not _NOT_WORD.sub("", rest)


@lru_cache(maxsize=65536)
def year_of(text: str) -> int | None:
    """The year a short text states: `2023`, `Sep 23`, `NeurIPS'24`, `2024.05`."""
    text = text[:MAX_VENUE_TEXT]
    if not _DIGIT.search(text):
        return None
    short = _MONTH_SHORT_YEAR.search(text)
    if short:
        return int("20" + short.group(1)) if int(short.group(1)) < 50 else int("19" + short.group(1))
    found = year_in_text(text)
    if found is None and (compact := COMPACT_DATE.search(text)):  # `201901`: January 2019
        return int(compact.group("year"))
    return found


@lru_cache(maxsize=65536)
def venue_words(text: str) -> str:
    """What names the venue once dates, identifiers, volumes, pages and filler are taken out."""
    text = squash(text[: MAX_VENUE_TEXT * 4])[:MAX_VENUE_TEXT]
    text = _IDENTIFIER.sub(" ", text)
    if _DIGIT.search(text):  # the substitutions only take characters out: none adds a digit
        text = _WEEKDAY.sub(" ", text)
        text = _VOLUME_PAGES.sub(" ", text)
        text = _MONTH_SHORT_YEAR.sub(" ", text)
        text = YEAR_RE.sub(" ", _DATE_SUFFIX.sub("", text))
    text = _MONTHS.sub(" ", text)
    text = _NOISE.sub(" ", text)
    text = _PROCEEDINGS.sub("", squash(text))
    text = _EMPTY_BRACKETS.sub(" ", text)
    rest = _TRAILING_LINK_WORDS.sub("", squash(text)).lstrip(_STRIP + ".").rstrip(_STRIP)
    abbreviated = _ABBREVIATED_END.search(rest)
    if not abbreviated:  # `ICLR 2020.`
        rest = squash(rest.rstrip(_STRIP + ".").replace(" .", " "))
    if rest.lower() in NO_VENUE_WORDS or not any(c.isalpha() for c in rest):
        return ""
    return rest  # as the list writes it; `venues.canonical_venue` spells it one way when papers are fused


def venue_and_year(marked: Sequence[str], loose: Sequence[str] = ()) -> tuple[str, int | None]:
    """See `_venue_and_year`; cached on the texts, which repeat across entries and list versions."""
    return _venue_and_year(tuple(marked), tuple(loose))


@lru_cache(maxsize=65536)
def _venue_and_year(marked: tuple[str, ...], loose: tuple[str, ...]) -> tuple[str, int | None]:
    """Venue and year around an entry. `marked` text was set apart by the list (`[ICLR 2025]`,
    `*Dec 2024 NeurIPS Workshop*`, `(AAAI'24)`, a venue column); `loose` is running text
    (`- Smith et al., ICML 2023`), whose words count as a venue only when they are venue words or an
    acronym with its year (`TASLP 2021`). A published venue beats arXiv (`arXiv 2019, ICLR 2020`)."""
    venues: list[tuple[str, int | None]] = []
    year = None
    for text, is_marked in [*((t, True) for t in marked), *((t, False) for t in loose)]:
        if not text or not text.strip() or (not is_marked and len(text) > _LOOSE_VENUE_TEXT):
            continue  # a venue in running text is a few words; a sentence of description is skipped
        found = year_of(text)
        year = year or found
        words = venue_words(text) if not text.lstrip(" (").startswith("@") else ""  # `(@Lab)`: affiliation
        if not words:
            continue
        if (
            is_venue_label(words)
            or (is_marked and len(words.split()) <= 8)
            or (found and _ACRONYM.fullmatch(words))
        ):
            venues.append((words, found))
    if not venues:
        return "", year
    if venues[0][0].lower() == "arxiv":  # a published venue stated later wins, with its own year
        for words, found in venues[1:]:
            if words.lower() != "arxiv" and (is_venue_label(words) or (found and _ACRONYM.fullmatch(words))):
                return words, found or year
    return venues[0][0], venues[0][1] or year
