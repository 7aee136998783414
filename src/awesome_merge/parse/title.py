"""Which text of an entry is its title, and what decorates it.

The rules, strongest first (`choose_title` applies them to one line of pieces):
1. a quoted title: `"Title"`, `“Title”`, also around bold (`"**Title**."`), in the text outside links;
2. the first link whose text reads as a title (not a role word such as pdf, code or project; not a venue);
3. bold text before the first link that is neither a venue, numbering, nor a short name introducing
   more text (`**Name**: the title ...`);
4. the plain text before the first link, read as a citation (`Authors, Title, Venue, Year`,
   `Title (2016), A. Author et al.`).
Every title is then cleaned of decoration (`clean_decorated_title`): emoji and `:shortcode:` marks,
numbering, a leading `[Tag]` before the real title, a trailing `(@affiliation)` or `(Project)` marker.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..ids import COMPACT_DATE
from ..text import clean_title, squash
from . import links as L
from .authors import ET_AL, _name_ok, looks_like_authors, only_names, parse_authors
from .list_evidence import surnames_only
from .venue import is_venue_label, is_venue_tag

_QUOTED = re.compile(r"[\"“”]([^\"“”\x00]{3,400}?)[\"“”]")
_SHORTCODE = re.compile(r":[a-z0-9_+-]{2,30}:")
_NUMBERING = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)](?=\s|\D)|#\d{1,4}\b|[-*•·|:>])\s*")
_LEADING_TAG = re.compile(r"^\[([^\[\]]{1,60})\]\s*")
# `(ICML 2023) Title`, `ICML 2023 Title`, `NeurIPS'24: Title`: a venue and year before the title
_LEADING_VENUE = re.compile(
    r"^\(?(?=[^()]{2,30}?(?:19|20)\d\d|[^()]{2,30}?['’]\d\d)([A-Za-z][\w&@-]*(?:\s+[A-Za-z][\w&@-]*){0,3}"
    r"\s*['’]?(?:(?:19|20)?\d\d)(?:[./-]\d{1,2})?)\)?\s*[:\-–—|]?\s+(?=\S)"
)
# `(IEEE Intelligent Systems 2023)`, `(TKDE‘23)Title`: a dated tag in brackets before the title
_DATED_TAG = re.compile(
    r"^[(\[]\s*[^()\[\]]{0,50}?(?:['’‘]\d\d|\b(?:19|20)\d\d)(?:[./-]\d{1,2})?\s*[)\]]\s*[:\-–—|]?\s*"
)
_TRAILING_AFFILIATION = re.compile(r"\s*\(\s*@[^()]*\)\s*$|\s*@\s*[\w .&-]{1,40}$")
_TRAILING_MARKER = re.compile(
    r"\s*[\[(]\s*(?:project|code|pdf|paper|github|website|web|demo|video|blog|new|hot|updated?|"
    r"coming soon|oral|spotlight|poster|highlight|survey)\s*[\])]\s*$",
    re.I,
)
_BY_AUTHORS = re.compile(r"^(?P<title>.{3,}?)\s*(?:[,.\-–—]\s*)?\bby\s+(?P<who>[^()]{2,120})$", re.I)
_WHEN_PAREN = re.compile(
    r"^(?P<title>.{3,}?)\s*\((?P<when>[^()]{0,40}\b(?:19|20)\d\d\b[^()]{0,20})\)(?P<rest>.*)$"
)
_ARXIV_TEXT = re.compile(r"^(?:arxiv\s*:?\s*)?\d{4}[.:]\d{4,5}(?:v\d+)?$|^arxiv\s*:", re.I)
_HOST_LIKE = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?", re.I)
_COMMA = re.compile(r"\s*[，,]\s*")  # full-width and spaced commas (`Title ,arxiv 2022`)
# `Title ICML 2023`: a venue and year after the title with no comma between
_LAST_VENUES = [
    re.compile(rf"\s([A-Za-z][\w&'’-]*(?:\s+[A-Za-z][\w&'’-]*){{{n}}}\s*['’‘]?(?:19|20)?\d\d)\s*$")
    for n in (2, 1, 0)
]


def _last_venue(text: str) -> re.Match[str] | None:
    """`Title ICML 2023`: a venue and its year after the title with no comma between."""
    if not text.rstrip()[-2:].isdecimal():  # every pattern ends in two digits (`\d`, as `isdecimal`)
        return None
    for pattern in _LAST_VENUES:
        found = pattern.search(text)
        if found and is_venue_label(found.group(1)):
            return found
    return None


_LEADING_AND = re.compile(r"^(?:and|&)\s+")
_COMMA_SPACE = re.compile(r",\s+")
_URL_START = re.compile(r"^\W*(?:https?://|www\.)", re.I)
_LAST_PART = re.compile(r"(?:,|\.)\s+([^,]{1,40}?)[.\s]*$")
# The part after the last separator: `A. Lee, B. Chen. ICASSP 2024.` ends in a venue sentence even where
# the run from the last comma (`B. Chen. ICASSP 2024`) is names and venue together.
# Names, a full stop, then a short sentence led by an acronym: where the names' paper appeared (`USENIX
# Security`), as a citation line under its title writes it.
_NAMES_THEN_ACRONYM = re.compile(
    r"^(?P<names>.*[^\sA-Z.])\.\s+(?P<venue>[A-Z]{2,}[\w&@'’-]*(?:\s+\S+){0,3})$"
)
_PART_SEPARATOR = re.compile(r"(?:,|(?<=[^\sA-Z.])\.)\s+")
_PART_AT = re.compile(r"(?:,|\.)\s+([^,]{1,40}?)[.\s]*$")


def _last_sentence(text: str) -> re.Match[str] | None:
    separators = list(_PART_SEPARATOR.finditer(text.rstrip(" .")))
    return _PART_AT.match(text, separators[-1].start()) if separators else None


_SENTENCE_SPLIT = re.compile(r"\s+[-–—]\s+|\s*:\s+")
_DASH_SPLIT = re.compile(r"\s+[-–—]\s+")


@dataclass
class Citation:
    """What the text around a title says besides it."""

    title: str = ""
    authors: list[str] = field(default_factory=list)
    venue_texts: list[str] = field(default_factory=list)


def _is_symbol(char: str) -> bool:
    return unicodedata.category(char) in {"So", "Sk", "Cf", "Co", "Cn", "Mn", "Cs"} or char in "\ufe0f\u200d"


@lru_cache(maxsize=65536)
def strip_symbols(text: str) -> str:
    """Emoji and `:fire:` shortcodes out, wherever they stand: they mark an entry, never name it."""
    text = _SHORTCODE.sub(" ", text)
    if not text.isascii():
        text = "".join(" " if _is_symbol(c) else c for c in text)
    return squash(text)


@lru_cache(maxsize=65536)
def clean_decorated_title(text: str) -> str:
    """A title as the list means it: no emoji, numbering, leading `[Tag]`, `(@affiliation)`, `(Project)`."""
    text = strip_symbols(text)
    for _ in range(3):
        before = text
        text = _NUMBERING.sub("", text)
        venue = _LEADING_VENUE.match(text)
        tag = (
            _LEADING_TAG.match(text)
            or _DATED_TAG.match(text)
            or (venue if venue and is_venue_label(venue.group(1)) else None)
        )
        if tag and len(text[tag.end() :].split()) >= 2:
            text = text[tag.end() :]
        text = _TRAILING_AFFILIATION.sub("", text)
        text = _TRAILING_MARKER.sub("", text)
        text = text.strip(" \"“”'‘’*_")
        if text == before:
            break
    return clean_title(text)


def split_by_author(title: str, *, strict: bool = False) -> tuple[str, list[str]]:
    """`Training tricks by YB`, `Deep Learning ... By Andrew Ng`: a trailing `by` and names are authors.
    `strict` (a paper's own title) asks for initials (`by YB`, `by J. Smith`): `Learning by Doing` stays."""
    # The pattern scans the whole title for `by`; most titles hold none (the test is exact: under
    # `re.I`, `b` and `y` match only their two cases).
    match = _BY_AUTHORS.match(title) if "by" in title.lower() else None
    who = match.group("who").strip(" .") if match else ""
    if not match:
        return title, []
    if strict:
        named = looks_like_authors(who, loose=True) and bool(re.search(r"\b[A-Z]{1,3}\b\.?", who))
    else:
        named = looks_like_authors(who, loose=True) or (len(who.split()) <= 3 and _name_ok(who.title()))
    if named:
        return match.group("title").strip(" ,.-–—"), parse_authors(who)
    return title, []


def is_address(text: str) -> bool:
    """`icml.cc`, `arxiv.org/abs/1234.5678`: link text that is the link's own address."""
    return bool(_HOST_LIKE.fullmatch(text.strip()))


@lru_cache(maxsize=65536)
def is_title_like(text: str) -> bool:
    """Enough words to be a title and not a venue, a year, a number or a URL."""
    text = squash(text)
    if not text or not any(c.isalpha() for c in text) or is_venue_label(text):
        return False
    if _URL_START.match(text):
        return False
    if _HOST_LIKE.fullmatch(text):  # `icml.cc`, `arxiv.org/abs/...`: a link shown as its address
        return False
    # a role word (`PDF`, `Code`, `Project page`) names what a link is for, never a work
    return not (L.is_alt_label(text) or L.is_code_label(text) or L.is_extra_label(text))


def _is_year_or_id(part: str) -> bool:
    """`2021`, `2021b`, a year and month written as one number (`201901`), an arXiv id."""
    bare = part.strip(" .;")
    return bool(
        re.fullmatch(r"(?:19|20)\d\d[a-z]?", bare) or COMPACT_DATE.fullmatch(bare) or _ARXIV_TEXT.match(bare)
    )


_PART_END = re.compile(r"\.\s+")
_DATE_PART = re.compile(r"(?:19|20)\d\d(?:[-./]\d{1,2}){0,2}[a-z]?")
_AFFILIATION_PART = re.compile(r"[A-Z][A-Za-z&]{1,7}")  # `MIT`, `CMU`: an affiliation tag before a venue


def trailing_venue(title: str) -> tuple[str, list[str]]:
    """`Title. ICML 2021. 2021-06-15` written as one link text: the title, and the venue and date
    sentences that trail it (venue first). Only sentences that are a date or a venue tag are cut (and an
    affiliation tag before them, which is dropped); three words of title always stay."""
    cut: list[str] = []
    text = title.strip()
    while True:
        ends = list(_PART_END.finditer(text.rstrip(" .")))
        if not ends:
            break
        last = ends[-1]
        head, part = text[: last.start()], text[last.end() :].strip(" .")
        venue_like = _DATE_PART.fullmatch(part) or is_venue_tag(part) or is_venue_label(part)
        if not venue_like and not (cut and _AFFILIATION_PART.fullmatch(part)):
            break
        if len(head.split()) < 3:
            break
        cut.insert(0, part if venue_like else "")
        text = head
    return (text if cut else title), [part for part in cut if part]


def read_citation(text: str) -> Citation:
    """The citation `text` holds (see `_read_citation`), as a fresh record: lists repeat lines (and one
    list's many versions repeat them all), so the reading itself is cached."""
    found = _read_citation(text, surnames_only())
    return Citation(found.title, list(found.authors), list(found.venue_texts))


# What sets fields apart in a citation typed as columns: a tab, or a gap of two spaces or more.
_FIELD_GAP = re.compile(r"\t| {2,}")
# A sentence end inside a citation: a full stop after a word, not after an initial (`A. Author`).
# (`VQVAE.` ends a sentence: an initial is one capital letter standing alone.)
_SENTENCE_END = re.compile(r"(?<=\S\S)(?<![\s.\-][A-Z])(?<!\.)\.\s+")


# A title holds at most this many sentences before its names. Every title cut this way on 103 real lists
# was one sentence; without a bound, a description of a thousand sentences is cut, and its names tested,
# at each of them, in time that grows with the square of the line (tests/test_hostile.py).
MAX_TITLE_SENTENCES = 3


def _title_then_names(text: str, surnames: bool = False) -> Citation | None:
    """`Title. Ann Lee, Bo Chen.` or `Title. Lee, Chen, Park.`: a title's sentence, then a last sentence
    of two names or more, or, in a list that writes surnames only (`surnames`), of one (`Title. Lee`).
    The first such cut, among the first `MAX_TITLE_SENTENCES` sentence ends: a title may hold a full stop
    of its own only if what follows it is not names."""
    for end in itertools.islice(_SENTENCE_END.finditer(text), MAX_TITLE_SENTENCES):
        title, names = text[: end.start()].strip(), text[end.end() :].strip(" .")
        if len(title.split()) < 3 or looks_like_authors(title):
            return None
        if "," in names and looks_like_authors(names) and len(parse_authors(names)) >= 2:
            return Citation(title, parse_authors(names), [])
        found = [n.strip() for n in names.split(",")]
        if len(found) >= (1 if surnames else 2) and all(re.fullmatch(r"[A-Z][^\W\d_]+", n) for n in found):
            return Citation(title, found, [])  # `Title. Shi, Cornish`: surnames, not one inverted name
    return None


@lru_cache(maxsize=65536)
def _read_citation(text: str, surnames: bool) -> Citation:
    """Plain text that holds a title among other things: `Authors, Title, Venue, Year.`,
    `Title (2016), A. Author et al.`, `Title, arXiv 2024`. The title is what is left once names lead
    and venue words and years trail. `surnames`: the list's evidence in force (`surnames_only`), part of
    the key, since it decides how names pair up."""
    fields = [f.strip(" .,;") for f in _FIELD_GAP.split(text) if f.strip(" .,;")]
    if len(fields) >= 2 and len(fields[0].split()) >= 2 and looks_like_authors(fields[1], loose=True):
        # `Title.<TAB>Lee, Chen<TAB>...`: fields set apart by tabs or wide gaps, the title, then names
        return Citation(squash(fields[0]), parse_authors(fields[1]), [squash(f) for f in fields[2:]])
    text = squash(_COMMA.sub(", ", text)).strip(" ,;").rstrip(" [(")
    trailing: list[str] = []
    while True:  # venue and year trail a title: `Title, NIPS, 2013.`, `Title. NeurIPS 2023.`
        cut = _trailing_part(text)
        if not cut:
            break
        trailing.insert(0, cut.group(1))
        text = text[: cut.start()].strip(" ,;")
    if trailing:
        inner = read_citation(text)
        return Citation(inner.title, inner.authors, [", ".join(trailing), *inner.venue_texts])
    when = _WHEN_PAREN.match(text)
    if when and looks_like_authors(when.group("title")) and len(when.group("rest").split()) >= 2:
        # `Authors (2020). Title. Venue.`: names, the year, then the title's sentence
        head, _, venue = when.group("rest").strip(" ,.;").partition(". ")
        return Citation(head.strip(), parse_authors(when.group("title")), [when.group("when"), venue])
    if when and len(when.group("title").split()) >= 1:
        rest = when.group("rest").strip(" ,.;")
        authors = parse_authors(rest) if rest and looks_like_authors(rest, loose=True) else []
        inner = read_citation(when.group("title"))
        return Citation(inner.title, inner.authors or authors, [when.group("when"), *inner.venue_texts])
    named = _title_then_names(text, surnames)
    if named:
        return named
    parts = [_LEADING_AND.sub("", p.strip()) for p in _COMMA_SPACE.split(text) if p.strip()]
    if len(parts) == 1:
        return Citation(text, [])
    # `A. Lee, B. Chen, and C. Park`: names and no title; two parts only without an `and` in the last
    # (`Counting Widgets Fast, Ann Lee and Bo Chen` is a title, then its names)
    several = len(parts) >= 3 or (len(parts) == 2 and " and " not in parts[-1])
    if several and _closed_by_a_name(text) and only_names(text):
        return Citation("", parse_authors(text), [])
    then = _NAMES_THEN_ACRONYM.match(text)
    if several and then and _closed_by_a_name(then["names"]) and only_names(then["names"]):
        return Citation("", parse_authors(then["names"]), [then["venue"]])  # `A. Lee, B. Chen. AICAS`
    if (
        len(parts) >= 2
        and (" and " in parts[-1] or ET_AL.search(parts[-1]) is not None)
        and looks_like_authors(parts[-1])
        and not looks_like_authors(parts[0])
    ):
        return Citation(
            ", ".join(parts[:-1]), parse_authors(parts[-1]), []
        )  # `Title, A and B`, `Title, A et al.`
    end = len(parts)
    start = 0
    while start < end - 1 and (
        (_name_ok(parts[start].strip(" .")) and len(parts[start].split()) <= 4)
        or (" and " in parts[start] and looks_like_authors(parts[start]))
    ):
        start += 1
    # One leading name is as likely the head of a title (`Pre-train, Prompt and Recommend`) as a person:
    # it counts alone only with an initial or two words, and before a long title.
    lone = parts[0].strip(" .").split() if start == 1 else []
    if start == 1 and (len(" ".join(parts[1:end]).split()) < 3 or len(lone) < 2):
        start = 0
    authors = parse_authors(", ".join(parts[:start])) if start else []
    return Citation(", ".join(parts[start:end]), authors, [])


def _trailing_part(text: str) -> re.Match[str] | None:
    """The venue or year that ends a citation: the run after the last comma or full stop, else the last
    sentence alone, else a venue glued on without a separator (`Title ICML 2023`)."""
    for found in (_LAST_PART.search(text), _last_sentence(text), _last_venue(text)):
        if found and (_is_venue_part(found.group(1).strip(" .")) or _is_year_or_id(found.group(1))):
            return found
    return None


_LAST_NAME_JOINED = re.compile(r"(?:\band|&)\s+[^,]+$|\bet\.?\s+al\b\.?$|\b[A-Z]\.\s*[A-Z][\w'’-]+$")


def _closed_by_a_name(text: str) -> bool:
    """The run's last part is surely a name (`..., and C. Park`, `..., C. Park`, `et al.`): without such a
    mark, a short title-case title after the names (`A. Lee, B. Chen, Finding Widgets`) reads as names."""
    return _LAST_NAME_JOINED.search(text.strip(" .")) is not None


def names_and_venue(text: str) -> Citation | None:
    """A citation line that names the authors and where they published, and no title (`A. Lee, B. Chen,
    and C. Park. ICML, 2021.`, `A. Lee and B. Chen. *ICML 2021*.`): what a line under a title adds."""
    cited = read_citation(text)
    if not cited.venue_texts:
        return None
    if not cited.title and cited.authors:
        return cited
    if cited.title and not cited.authors and only_names(cited.title):
        return Citation("", parse_authors(cited.title), cited.venue_texts)
    return None


def _is_venue_part(part: str) -> bool:
    """`NIPS`, `arxiv 2022`, `NeurIPS 2021 Workshop on Pebbles`, `submitted to TKDE in 2021`: a venue, or
    venue words and a year leading a longer name."""
    if is_venue_label(part):
        return True
    head = re.match(
        r"^(?:submitted (?:to\s+)?|accepted (?:by|at|to)\s+)?"
        r"(\S+(?:\s+\S+)?\s+(?:in\s+)?['’‘]?(?:19|20)\d\d)\b",
        part,
        re.I,
    )
    return bool(head) and is_venue_label(re.sub(r"\bin\b", " ", head.group(1)))


def quoted_title(text: str) -> tuple[int, int, str] | None:
    """The first quoted run of two or more words: lists quote a paper's title, rarely anything else."""
    for match in _QUOTED.finditer(text):
        inner = match.group(1).strip(" ,.")
        if len(inner.split()) >= 2 and is_title_like(inner):
            return match.start(), match.end(), inner
    return None


def is_short_name(title: str) -> bool:
    """`FooNet`, `WidgetSpatial`, `Gad-Brain`: a coined name, not a title."""
    return len(title.split()) <= 2 and len(title) <= 30


def description_head(text: str, *, colon: bool = False) -> str:
    """`Synapses - A lightweight library ...`, `Tensorflow: An open source library`: a tool's name is the
    head before its description. A colon splits only plain text: in a link or bold text it is part of
    the name (`FlashInfer: Kernel Library for LLM Serving`)."""
    parts = (_SENTENCE_SPLIT if colon else _DASH_SPLIT).split(text, maxsplit=1)
    head_is_name = len(parts) == 2 and not any(c.isdigit() for c in parts[0]) and not is_venue_label(parts[0])
    if (
        head_is_name
        and len(parts[0].split()) <= 4
        and len(parts[1].split()) >= 3
        and not _title_case(parts[1])
    ):
        return parts[0].strip()
    return text


def _title_case(text: str) -> bool:
    """`Kernel Library for LLM Serving` is a subtitle; `a library for numerical computation` describes."""
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", text) if w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_SMALL_WORDS = frozenset(
    "a an the of on for in with to via by from and or at as is are into over under".split()
)
