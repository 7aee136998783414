"""What each link of an entry is for, decided by one named, ordered chain of rules.

The first rule that applies gives the role; a link no rule claims names the work (`title`). After the chain,
the list's own evidence has the last word: a text the list gives to many different links is that list's
label for a role (`list_evidence.py`), never a title. Roles:

- `nav`: a link inside the list itself (an anchor, a relative path), or a picture that is no paper;
- `unsafe`: a scheme other than http(s) (`javascript:`), dropped with a warning;
- `code`: the work's code (a code label, a repository badge, a bare repository link);
- `extra`: material about the work (slides, a blog post, a project page);
- `venue`: a venue's own page (`neurips.cc/Conferences/2023`), which names the venue and no paper;
- `address`: a site named by its address (`icml.cc`), another copy unless nothing else names the work;
- `alt`: a copy of the paper (`[PDF]`, `[arXiv]`, a venue tag on the paper's link, a role word on the
  paper's own record page);
- `title`: the link's text is the work's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ..text import squash
from . import links as L
from .list_evidence import is_list_label, known_labels, label_key
from .pieces import Piece
from .title import is_address, is_title_like
from .venue import is_venue_tag
from .vocabulary import OTHER_LIST_TEXT


@dataclass(frozen=True)
class LinkRule:
    name: str
    applies: Callable[[str, str, str], bool]  # (kind, text, href), text squashed and href stripped
    role: Callable[[str, str, str], str]


def _image_role(kind: str, text: str, href: str) -> str:
    """A badge: of a repository it is code; a picture on a paper's own link stands for that paper."""
    if L.is_badge_or_repository(href):
        return "code"
    usable = not L.is_navigation(href) and not L.is_unsafe(href) and L.is_paper_url(href)
    return "alt" if usable else "nav"


def _always(role: str) -> Callable[[str, str, str], str]:
    return lambda kind, text, href: role


LINK_ROLE_RULES: tuple[LinkRule, ...] = (
    LinkRule("a badge or picture", lambda k, t, h: k == "image", _image_role),
    # `[**Title**]()`: the list names the work but has no link for it yet
    LinkRule(
        "a named work without a link",
        lambda k, t, h: not h and is_title_like(t) and len(t.split()) >= 2,
        _always("title"),
    ),
    LinkRule("a place inside the list", lambda k, t, h: L.is_navigation(h), _always("nav")),
    LinkRule("a refused scheme", lambda k, t, h: L.is_unsafe(h), _always("unsafe")),
    LinkRule(
        "a code label or a bare repository",
        lambda k, t, h: L.is_code_label(t) or (not t and bool(L.code_repo(h))),
        _always("code"),
    ),
    # `[Website](arxiv.org/abs/...)`: a role word on the paper's own record is the paper
    LinkRule(
        "a role word",
        lambda k, t, h: L.is_extra_label(t),
        lambda k, t, h: "alt" if L.names_paper(h) else "extra",
    ),
    LinkRule(
        "a venue tag",
        lambda k, t, h: is_venue_tag(t),
        lambda k, t, h: "venue" if L.is_venue_index(h) else "alt",
    ),
    # `[CV-Surveys](https://github.com/o/CV-Surveys)`: a link to another list of papers, never an entry
    # (a text that says so itself, `Awesome X`, drops the whole item where entries are kept)
    LinkRule(
        "another list",
        lambda k, t, h: L.is_other_list(h) and not OTHER_LIST_TEXT.search(t),
        _always("nav"),
    ),
    LinkRule("a site named by its address", lambda k, t, h: is_address(t), _always("address")),
    LinkRule(
        "a version label, or text no title could be",
        lambda k, t, h: L.is_alt_label(t) or not t or not is_title_like(t),
        _always("alt"),
    ),
)


# A one-word label this far (in edits) from a label the list repeats is that label misspelt (`Homeoage`,
# `Paer`); only labels of this many letters or more, where one edit leaves the word recognisable.
LABEL_TYPO_EDITS = 1
MIN_TYPO_LABEL = 4


@lru_cache(maxsize=65536)
def _misspelt_label(text: str, labels: frozenset[str]) -> str:
    """The list's label `text` misspells, or "": a single word one edit from a repeated label that the
    chain gives a role (`Homepage`, `Paper`), never from a text the chain reads as a title."""
    word = label_key(text)
    if not word or " " in word or len(word) < MIN_TYPO_LABEL - 1 or word in labels:
        return ""
    for label in sorted(labels):
        if len(label) < MIN_TYPO_LABEL or " " in label:
            continue
        near = Levenshtein.distance(word, label, score_cutoff=LABEL_TYPO_EDITS) <= LABEL_TYPO_EDITS
        if near and (_chain("link", label, "")[0] != "title" or L.is_extra_label(label)):
            return label
    return ""


# A pictogram that marks what the link after it is (`:thumbsup:`, `:house:`, `👍`): lists mark the role
# links under a paper so, never the paper itself.
_PICTOGRAM_LEAD = re.compile(
    r"^(?:\s*(?::[a-z0-9_+-]+:|[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]))+\s*$"
)


def is_commentary(piece: Piece, line: Sequence[Piece] = ()) -> bool:
    """A link to commentary on a work (a blog, a news, social or video post about it): by its host
    (`COMMENTARY_HOSTS`), by a role word on a page that is no paper (`[中文解读](...)`), or, on a line of
    its own (`line`), by the pictogram the list puts before role links (`<br>:thumbsup:[...](...)`).
    After an entry's own link it is one of that entry's other links, never an entry of its own."""
    href = piece.href.strip()
    if piece.kind != "link" or L.is_navigation(href) or L.is_unsafe(href) or L.names_paper(href):
        return False
    if L.is_commentary(href) or (L.is_extra_label(squash(piece.text)) and not L.is_paper_url(href)):
        return True
    lead = "".join(p.text for p in line[: next((i for i, p in enumerate(line) if p is piece), 0)])
    return bool(lead.strip()) and bool(_PICTOGRAM_LEAD.match(lead))


@lru_cache(maxsize=65536)
def _chain(kind: str, text: str, href: str) -> tuple[str, str]:
    href, text = href.strip(), squash(text)
    for rule in LINK_ROLE_RULES:
        if rule.applies(kind, text, href):
            return rule.role(kind, text, href), rule.name
    return "title", "the work's name"


def link_role(piece: Piece) -> tuple[str, str]:
    """The link's role and the name of the rule that gave it (for `-v` and for tests)."""
    role, rule = _chain(piece.kind, piece.text, piece.href)
    if role == "title" and piece.kind == "link":
        label = _misspelt_label(piece.text, known_labels())
        if label:  # `- Homeoage: https://...` in a list of `- Homepage:` lines
            return _chain(piece.kind, label, piece.href)[0], "a misspelt label"
    if role == "title" and is_list_label(piece.text):  # the list's own word for a role (`Reading Note`)
        pdf = piece.href.split("?")[0].lower().endswith(".pdf")
        return ("alt" if L.names_paper(piece.href) or pdf else "extra"), "a label this list repeats"
    return role, rule
