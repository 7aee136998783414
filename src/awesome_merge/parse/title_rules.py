"""Where an entry's title is on its head line, decided by one named, ordered chain of rules.

The first rule that names a title wins (`TITLE_RULES`); after it, the line's links fill their roles
(`link_roles.py`) and the words around the title give authors and venue texts. The order is the order of
how clearly a list sets its titles apart:

1. `a quoted title`: `A. Lee, "Title", ICML 2021`: the quotes are the list's own mark;
2. `a titled link`: `[Title](url)`: the link's text, unless the plain text before the link is the title
   and the link a bracketed label (`Title [[paper]](url)`), or the link cites a journal after a bold title;
3. `a bold title`: `**Title** [[paper]](url)`;
4. `the plain text before the links`: `Title. A. Lee. [[pdf]](url)`, read as a citation;
5. `a citation after the role links`: `[[arXiv](url)] Title. Authors. Venue.`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..preprints import PREPRINT_RE
from ..text import squash
from . import links as L
from .authors import looks_like_authors, parse_authors
from .draft import Draft, authors_in, line_text, outer_text, venue_texts
from .fields import code_link, field_of, labelled_roles
from .link_roles import is_commentary
from .pieces import Piece
from .title import (
    clean_decorated_title,
    is_short_name,
    is_title_like,
    quoted_title,
    read_citation,
    strip_symbols,
    trailing_venue,
)
from .venue import is_venue_label, is_venue_tag

_AFFILIATION = re.compile(r"\(\s*@\s*([^()@]{2,60}?)(?:\s+etc\.?)?\s*\)\s*$")
NUMBERING_LEAD = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])?\W*")
# `[[Some Blog]](url)`, `[(LiTS)](url)`: link text wrapped in brackets of its own, as lists write labels.
_BRACKETED_LABEL = re.compile(r"\s*(?:\[[^\[\]]+\]|\([^()]+\))\s*")
# Link text that ends as a citation of a venue does: a volume, a year, a date (`Bioinformatics, March 2022`,
# `Journal of Widgets 22.21 (2021)`, `Current Opinion in Widgets 65`).
CITED_VENUE = re.compile(r"(?:\b(?:19|20)\d\d|\b\d{1,4}(?:\.\d{1,4})?)\W*$")
# ... or an article number or a preprint server's id (`eLife 12 (2023): e79854`, `bioRxiv 2022.10.07.502662`,
# `Bioinformatics, 2023, btad027`), or a preprint server's name first.
_ARTICLE_NUMBER = re.compile(r"(?:^|[\s,;:(])[A-Za-z]{0,6}\d{3,}[\w.]*\W*$")


def cites_venue(text: str) -> bool:
    """Link text that cites where a paper appeared rather than naming it."""
    return (
        CITED_VENUE.search(text) is not None
        or _ARTICLE_NUMBER.search(text) is not None
        or PREPRINT_RE.match(text.strip(" [(")) is not None
        or is_venue_label(squash(text))
    )


# After a bold name, a dash and a lower-case word open a description (`- proposes a ...`); a title after
# the dash would be capitalised (`**Name** - The Title`).
_DESCRIBED_AFTER = re.compile(r"^[-–—]\s+[a-z][\w-]*(?:\s+\S+){3}")
_LINKED_ROLES = ("alt", "address", "title", "code", "extra")


@dataclass
class HeadLine:
    """One head line as the title rules read it: its pieces, their roles, and where the links start."""

    pieces: list[Piece]
    roles: list[str]
    outer: str  # the text with each link as one NUL mark
    starts: list[int]  # where each piece starts in `outer`
    title_index: int = -1  # the link whose text is the title, once a rule chose one
    after: str = ""  # the text after the title, where names and venue follow it

    @cached_property
    def first_link(self) -> int:
        return next((i for i, r in enumerate(self.roles) if r and r != "nav"), len(self.pieces))

    @cached_property
    def lead(self) -> str:
        """The plain text before the first link."""
        return (
            self.outer[: self.starts[self.first_link]] if self.first_link < len(self.pieces) else self.outer
        )

    @cached_property
    def strong(self) -> str:
        return _strong_title(self.pieces[: self.first_link])


@dataclass(frozen=True)
class TitleRule:
    name: str
    read: Callable[[HeadLine, Draft], bool]  # True when the rule named the title


def _quoted(head: HeadLine, draft: Draft) -> bool:
    first_role_link = next(
        (i for i, r in enumerate(head.roles) if r in ("alt", "address", "code", "extra", "venue", "unsafe")),
        len(head.pieces),
    )
    end = head.starts[first_role_link] if first_role_link < len(head.pieces) else len(head.outer)
    quote = quoted_title(head.outer[:end])
    if not quote:
        return False
    draft.title, draft.source = quote[2], "quote"
    before, head.after = NUMBERING_LEAD.sub("", head.outer[: quote[0]]), head.outer[quote[1] :]
    named = before.rstrip(" *_").endswith((":", "："))  # `Name: "Title"`: a short name, not people
    if not named and looks_like_authors(before.strip(" ,.:;*"), loose=True):  # names lead the title
        draft.authors = parse_authors(before)
    # `"Title", TASLP, 2012. (_note_)`: the venue runs to the end of the sentence; italic names after
    # the title (`"Title". *A. Lee et al.* ICML 2021.`) are the authors, not part of the venue
    venue_text = head.after.split("\x00")[0]
    if not draft.authors:
        for piece in head.pieces:
            if piece.em and piece.text.strip() and looks_like_authors(piece.text, loose=True):
                venue_text = venue_text.replace(squash(piece.text), " ")
        venue_text = re.sub(r"^[\s.,;:*_]*(?:et\s+al\.?)?", "", venue_text)
    draft.marked.append(
        re.split(r"\s\((?!\s*(?:19|20)\d\d|[A-Z][\w&-]*\))|\s\[|(?<=\d)\.\s", venue_text, maxsplit=1)[0]
    )
    return True


def _choose_title_link(head: HeadLine, draft: Draft) -> int:
    """The link whose text may title the entry, or -1: not a bracketed label after a plain title, not a
    link that cites the venue of a bold title (its text goes to the venue texts)."""
    roles, pieces, lead, strong = head.roles, head.pieces, head.lead, head.strong
    index = next((i for i, r in enumerate(roles) if r == "title"), -1)
    if index < 0 and not strong and not any(c.isalpha() for c in lead):
        index = next((i for i, r in enumerate(roles) if r == "address"), -1)
    if (
        index >= 0
        and (index > head.first_link or _BRACKETED_LABEL.fullmatch(pieces[index].text))
        and _lead_is_title(lead)
    ):  # `Title [[paper]](u) [[blog post]](u)`, `Title [[Google Blog]](u)`
        index = -1
    if index >= 0 and len(strong.split()) >= 3 and is_short_name(squash(pieces[index].text)):
        return -1  # `**A Title of Some Words** ... [[WPS](url)]`: a short label links the bold title
    if index >= 0 and len(strong.split()) >= 3 and cites_venue(pieces[index].text):
        # `**Title** Names [Journal of Widgets 22 (2021)](url)`: the link cites the venue
        draft.marked.append(squash(pieces[index].text))
        index = -1
    return index


def _titled_link(head: HeadLine, draft: Draft) -> bool:
    head.title_index = index = _choose_title_link(head, draft)
    if index < 0 or (head.strong and index > head.first_link):
        return False
    piece = head.pieces[index]
    draft.title, trailing = trailing_venue(squash(piece.text))
    draft.source = "link"
    draft.marked.extend(trailing)  # `[Title. ICML 2021. 2021-06-15](url)`
    if head.roles[index] == "address":  # a site named by its address: the host and path
        draft.title = re.sub(r"^\W*(?:https?://)?(?:www\.)?", "", draft.title).rstrip("/")
    draft.line = piece.line
    before = NUMBERING_LEAD.sub("", head.outer[: head.starts[index]])
    head.after = head.outer[head.starts[index] + 1 :]
    draft.authors = authors_in([], before) if before.strip() else []
    draft.loose.append(before)
    draft.loose.append(head.after.split("\x00")[0])
    return True


def _bold(head: HeadLine, draft: Draft) -> bool:
    strong = head.strong
    if not strong:
        return False
    draft.title, draft.source = strong, "strong"
    before, _, head.after = head.outer.partition(strong)
    before = NUMBERING_LEAD.sub("", before)
    draft.authors = authors_in([], before) if before.strip(" .,:") else []
    draft.prose = any(c.isalpha() for c in strip_symbols(before)) and not draft.authors
    draft.loose.append(head.after.split("\x00")[0])
    return True


def _plain_lead(head: HeadLine, draft: Draft) -> bool:
    if not any(c.isalpha() for c in head.lead):
        return False
    citation = read_citation(head.lead)
    labelled = field_of(head.lead)
    if labelled and labelled[0] == "description":  # `Summary: Title, A. Lee et al. 2019 [(arxiv)](url)`
        cited = read_citation(labelled[1])
        citation = cited if cited.authors and len(cited.title.split()) >= 3 else citation
    draft.title, draft.source = citation.title, "lead"
    draft.authors = citation.authors
    head.after = head.outer[len(head.lead) :]
    draft.marked.extend(citation.venue_texts)
    return True


def _citation_after_links(head: HeadLine, draft: Draft) -> bool:
    tail = next((c for c in head.outer[len(head.lead) :].split("\x00") if len(c.split()) >= 3), "")
    if not tail:
        return False
    citation = read_citation(_sentence_head(tail))
    draft.title, draft.source = citation.title, "lead"
    draft.authors = citation.authors or authors_in([], tail.partition(citation.title)[2])
    return True


TITLE_RULES: tuple[TitleRule, ...] = (
    TitleRule("a quoted title", _quoted),
    TitleRule("a titled link", _titled_link),
    TitleRule("a bold title", _bold),
    TitleRule("the plain text before the links", _plain_lead),
    TitleRule("a citation after the role links", _citation_after_links),
)


def title_rule(pieces: list[Piece], *, nested: bool = False) -> tuple[str, Draft, HeadLine]:
    """The name of the rule that titles the line ("" when none does), its draft and the line read."""
    outer, starts = outer_text(pieces)
    head = HeadLine(pieces, labelled_roles(pieces, head=not nested), outer, starts)
    draft = Draft()
    for rule in TITLE_RULES:
        if rule.read(head, draft):
            return rule.name, draft, head
    return "", draft, head


def head_drafts(pieces: list[Piece], split: bool, nested: bool = False) -> list[Draft]:
    """The entries one line names: the title by `TITLE_RULES`, then the links by their roles."""
    _, draft, head = title_rule(pieces, nested=nested)
    roles = head.roles
    if not draft.title and not any(r in _LINKED_ROLES for r in roles):
        return []
    affiliation = _AFFILIATION.search(draft.title)  # `Title(@Ann Lee etc)`: a person, not a lab
    if affiliation and not draft.authors and looks_like_authors(affiliation.group(1), loose=True):
        draft.authors = parse_authors(affiliation.group(1))
    draft.title = clean_decorated_title(draft.title) if draft.title else ""
    if draft.title and not draft.authors and head.after:
        draft.authors = authors_in([p for p in pieces if p.em], head.after)
    drafts = [draft]
    current = draft
    for index, (piece, role) in enumerate(zip(pieces, roles, strict=True)):
        href = piece.href.strip()
        if not role or role in ("nav", "unsafe"):
            continue
        if role == "code":
            current.code_url = current.code_url or code_link(piece)
        elif role == "title" and index != head.title_index and current.url and is_commentary(piece):
            current.extra_urls.append(href)  # `[Title](paper) [A post about it](blog)`: not a copy
        elif role == "title":
            if index == head.title_index or not split or not current.url:
                current.add_url(href)
            else:  # a table cell listing several titled links: each one an entry
                current = Draft(title=clean_decorated_title(piece.text), url=href, source="link")
                drafts.append(current)
        elif role in ("alt", "address"):
            if is_venue_tag(squash(piece.text)):  # `[ICASSP 2024](url)`: the list names the venue
                current.label_venues.append(squash(piece.text))
            current.docs = current.docs or (not current.url and L.is_docs_label(squash(piece.text)))
            current.add_url(href)
        elif role == "venue":
            current.marked.append(squash(piece.text))
            current.venue_link = True
        elif role == "extra":
            current.extra_urls.append(href)
    marked, loose = venue_texts([p for p in pieces if not (p.em and _names(p.text, draft.authors))])
    draft.marked.extend(marked)
    draft.loose.extend(loose)
    return drafts


def _names(text: str, authors: list[str]) -> bool:
    """The text is where the authors were read from."""
    return bool(authors) and authors[0] in text


def _lead_is_title(lead: str) -> bool:
    """Plain text before the first link that reads as a title of three words or more, not as names."""
    if not any(c.isalpha() for c in lead):
        return False
    title = clean_decorated_title(read_citation(lead).title)
    return len(title.split()) >= 3 and is_title_like(title) and not looks_like_authors(title)


def _sentence_head(text: str) -> str:
    """The first sentence of text that runs on past a title (`Title. A. Author, B. Author. ICML.`)."""
    return re.split(r"(?<=[^\sA-Z])\.\s+", text.strip(" []|-–—"), maxsplit=1)[0]


def _strong_title(pieces: Sequence[Piece]) -> str:
    """Bold text before the first link that can be a title: not a venue, numbering, or a short name that
    introduces the text after it (`**Name**: the title`)."""
    text = line_text(pieces)
    for i, piece in enumerate(pieces):
        if piece.kind != "text" or not piece.strong or not is_title_like(clean_decorated_title(piece.text)):
            continue
        if re.fullmatch(r"\W*\[?\d{1,4}\]?\W*", piece.text) or is_venue_tag(squash(piece.text)):
            continue
        if re.search(r"[:：]\s*$", piece.text) and i + 1 < len(pieces):
            continue  # `**Download:** [PDF](url)`: a label, not a title
        after = line_text(pieces[i + 1 :]).strip()
        before = line_text(pieces[:i]).rstrip()
        if before.endswith("[") and after.startswith("]") and len(after.split()) >= 3:
            continue  # `[**Tag**] The Title ...`: a bracketed tag before the title
        if _DESCRIBED_AFTER.match(after):
            return piece.text  # `**Name** - a method that ...`: a description follows, not a title
        if (
            is_short_name(squash(piece.text))
            and after.startswith((":", "-", "–"))
            and len(after.split()) >= 4
        ):
            continue
        if len(squash(piece.text).split()) == 1 and len(text.split()) > 6:
            continue
        return piece.text
    return ""
