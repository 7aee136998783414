"""One container's pieces to entries.

A container (a list item with its nested lines, a table cell, an HTML block, a paragraph) is read as lines:
its pieces split at hard breaks. The first line that names an entry is its head (title rules in `title.py`);
the lines after it add authors, venue, code and other versions, or start entries of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..frame import Entry
from ..ids import Identifiers, arxiv_ids_in_text, identifiers_from_url, year_from_arxiv_id
from ..text import squash
from . import links as L
from .authors import looks_like_authors, parse_authors
from .kind import entry_kind
from .link_roles import is_commentary, link_role
from .pieces import Piece
from .title import (
    clean_decorated_title,
    description_head,
    is_short_name,
    is_title_like,
    quoted_title,
    read_citation,
    split_by_author,
    strip_symbols,
    trailing_venue,
)
from .venue import MAX_VENUE_TEXT, is_venue_label, is_venue_tag, venue_and_year

_BRACKETED = re.compile(r"\[([^\[\]]{1,80})\]|\(([^()]{1,80})\)")
_SEPARATORS = re.compile(r"\x00|[,;·|]|\s[-–—]\s|\.\s")
_TITLE_PAREN = re.compile(r"\(([^()]{2,40})\)\s*$")
_BARE_URL = re.compile(r"(?<![(\[<\"'=])\bhttps?://[^\s<>\"'\]\[)]+", re.I)
_URL_LABEL = re.compile(r"([^\W\d][\w ./&+-]{0,24}?)\s*[:：]?\s*$")
_ATTRIBUTE = re.compile(r"^\W*([^\W\d][\w /&-]{0,24}?)\s*[:：]\s*(.*)$", re.S)
_VENUE_KEYS = re.compile(
    r"^(?:venue|conference|conf|journal|publisher|published(?: in| at)?|publication|booktitle)$", re.I
)
_AUTHOR_KEYS = re.compile(r"^(?:authors?|by|speakers?|presenters?|first author)$", re.I)
_DESCRIPTION_KEYS = re.compile(
    r"^(?:topic|topics|session|tags?|keywords?|tasks?|datasets?|models?|notes?|slides?|summary|tl;?dr|abstract|"
    r"affiliations?|institutions?|labs?|highlights?|description|intro|introduction|comments?|status|"
    r"stars?|citations?|license|language)$",
    re.I,
)

_AFFILIATION = re.compile(r"\(\s*@\s*([^()@]{2,60}?)(?:\s+etc\.?)?\s*\)\s*$")
_NUMBERING_LEAD = re.compile(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])?\W*")

_YEAR_KEYS = re.compile(r"^(?:year|date|published on|publication date|year of publication|time)$", re.I)
_FIELD_SPLIT = re.compile(r"\s[·•|]\s|\s[-–—]\s")
_LINE_LABEL = re.compile(r"^\W*([^\W\d][\w /&+-]{0,30}?)\s*[:：]\s*\W*$")

_identifiers = lru_cache(maxsize=65536)(identifiers_from_url)


_FIELDS = (
    ("venue", _VENUE_KEYS),
    ("year", _YEAR_KEYS),
    ("authors", _AUTHOR_KEYS),
    ("description", _DESCRIPTION_KEYS),
)


def label_value(text: str) -> str | None:
    """The value of a `Label: value` line, or None when the line has no label."""
    key = _ATTRIBUTE.match(text)
    return key.group(2).strip() if key else None


def field_of(text: str) -> tuple[str, str] | None:
    """A `Label: value` line the reader knows: ("venue" | "year" | "authors" | "description", value).
    One vocabulary for a container's later lines and for the nested lines under a list item."""
    key = _ATTRIBUTE.match(text)
    if not key:
        return None
    label, value = key.group(1).strip(), key.group(2).strip()
    return next(((name, value) for name, pattern in _FIELDS if pattern.match(label)), None)


def _labelled_roles(line: list[Piece], *, head: bool = False) -> list[str]:
    """Each piece's role; on a `Label: [link]` line the label says what the links are (`Code:`,
    `Paper:`, `Environment:`), whatever their own text. On an entry's own line (`head`) only a code label
    counts: `Dataset: [ImageNet](url)` is the dataset itself."""
    roles = [classify(p) if p.kind in ("link", "image") else "" for p in line]
    first = next((i for i, r in enumerate(roles) if r), len(line))
    prefix = _text(line[:first]) if 0 < first < len(line) else ""
    label = _LINE_LABEL.match(strip_symbols(prefix)) if prefix.rstrip().endswith((":", "：")) else None
    if not label:
        return roles
    name = label.group(1).strip()
    if L.is_code_label(name):
        return ["code" if r in ("title", "alt", "address", "extra") else r for r in roles]
    if head or L.is_alt_label(name) or re.search(r"\b(?:paper|pdf|arxiv|link)\b", name, re.I):
        return roles  # `Paper:`, `English paper link:`: the link is the work itself
    # `Environment: [D4RL](url)`: material about the entry; a long titled link still names a work
    return [
        "extra" if r in ("alt", "address", "extra") or (r == "title" and len(p.text.split()) < 3) else r
        for p, r in zip(line, roles, strict=True)
    ]


def _names(text: str, authors: list[str]) -> bool:
    """The text is where the authors were read from."""
    return bool(authors) and authors[0] in text


@dataclass
class ItemContext:
    """Where an item stands and what it may warn about; shared by every rule of one source."""

    source: str
    section: str = ""
    kind: str = ""  # a kind a table header or heading states for every entry under it
    warnings: list[tuple[int, str]] = field(default_factory=list)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append((line, message))


@dataclass
class _Draft:
    """An entry being assembled from a container's lines."""

    title: str = ""
    url: str = ""
    alt_urls: list[str] = field(default_factory=list)
    code_url: str = ""
    authors: list[str] = field(default_factory=list)
    marked: list[str] = field(default_factory=list)  # venue and date text the list set apart
    loose: list[str] = field(default_factory=list)  # running text near the title
    label_venues: list[str] = field(default_factory=list)  # venues named by a version link's label
    source: str = ""  # which title rule named it: quote, link, strong or lead
    docs: bool = False  # its own link is labelled as documentation: software
    venue_link: bool = False  # a link to its venue's page: an entry even without a link of its own
    prose: bool = False  # words other than names stand before the title: a sentence, not a citation
    line: int = 0  # the line of the title's link, when the container spans lines (HTML)
    extra_urls: list[str] = field(default_factory=list)  # project pages, videos: kept if nothing else

    def add_url(self, href: str) -> None:
        if not href:
            return
        if not self.url:
            self.url = href
        elif href != self.url and href not in self.alt_urls:
            self.alt_urls.append(href)


def classify(piece: Piece) -> str:
    """One word for what a link (or badge) is for; the rules are the chain in `link_roles.py`."""
    return link_role(piece)[0]


def code_link(piece: Piece) -> str:
    """The code link as the list gives it; a badge stands for the repository it shows."""
    href = piece.href.strip()
    return (L.code_repo(href) or href) if piece.kind == "image" else href


def with_bare_links(pieces: list[Piece]) -> list[Piece]:
    """Bare URLs in text become links, labelled by the word before them (`Paper: https://...`)."""
    if not any(p.kind == "text" and "://" in p.text for p in pieces):
        return pieces
    out: list[Piece] = []
    for piece in pieces:
        if piece.kind != "text" or "://" not in piece.text:
            out.append(piece)
            continue
        rest = piece.text
        while True:
            match = _BARE_URL.search(rest)
            if not match:
                break
            before = rest[: match.start()]
            label = _URL_LABEL.search(before) if re.search(r"[:：]\s*$", before) else None
            text_before = before[: label.start()] if label else before
            if text_before:
                out.append(Piece("text", text_before, strong=piece.strong, em=piece.em, line=piece.line))
            href = match.group(0).rstrip(".,;:!?")
            out.append(Piece("link", label.group(1).strip() if label else "", href, line=piece.line))
            rest = rest[match.start() + len(href) :]
        if rest:
            out.append(Piece("text", rest, strong=piece.strong, em=piece.em, line=piece.line))
    return out


def split_lines(pieces: list[Piece]) -> list[list[Piece]]:
    """A container's pieces cut at hard breaks (`<br>`, a second paragraph): one list per line."""
    lines: list[list[Piece]] = [[]]
    for piece in pieces:
        if piece.kind == "break":
            if lines[-1]:
                lines.append([])
        else:
            lines[-1].append(piece)
    return [line for line in lines if line]


def _text(pieces: Sequence[Piece]) -> str:
    return "".join(p.text for p in pieces if p.kind == "text")


def _outer(pieces: Sequence[Piece]) -> tuple[str, list[int]]:
    """The line's text with every link as one NUL mark, and where each piece starts in it."""
    out: list[str] = []
    starts: list[int] = []
    size = 0
    for p in pieces:
        starts.append(size)
        chunk = p.text if p.kind == "text" else "\x00"
        out.append(chunk)
        size += len(chunk)
    return "".join(out), starts


def venue_texts(pieces: Sequence[Piece]) -> tuple[list[str], list[str]]:
    """Text outside links, split into what the list set apart (emphasis, brackets, parentheses) and the
    running text between (cut at separators): where lists put venue and date."""
    marked: list[str] = []
    buffer = ""
    for p in pieces:
        if p.kind == "image":  # `![Publish](img.shields.io/badge/Conference-ICLR'24-blue)`: a tag
            marked.extend(t for t in L.badge_texts(p.href) if is_venue_tag(t))
        if p.kind != "text":
            buffer += " \x00 "
        elif p.em or (p.strong and is_venue_tag(p.text)):
            marked.append(p.text)
            buffer += " \x00 "
        else:
            buffer += p.text
    buffer = buffer[: MAX_VENUE_TEXT * 8]
    marked += [(m.group(1) or m.group(2) or "").replace("\x00", " ") for m in _BRACKETED.finditer(buffer)]
    loose = [chunk for chunk in _SEPARATORS.split(_BRACKETED.sub("\x00", buffer)) if chunk.strip()]
    return marked, loose


def _authors_in(pieces: Sequence[Piece], text: str) -> list[str]:
    """Names around a title: an italic run, `(2016), A. Author et al.`, `by A and B`, or a plain run."""
    for p in pieces:
        if p.kind == "text" and p.em and looks_like_authors(p.text, loose=True):
            return parse_authors(p.text)
    dated = re.match(r"^\W*\(\s*(?:19|20)\d\d[^)]*\)\s*,?\s*([^\x00\[(]+)", text)
    if dated and looks_like_authors(dated.group(1).strip(" .,"), loose=True):  # `(1989), Lawrence R Rabiner.`
        return parse_authors(dated.group(1).strip(" .,"))
    for chunk in re.split(r"\x00|\s[-–—|]\s|\)\s*[,.]?|\(|\[|\]|(?<=[^\sA-Z])\.\s+", text):
        chunk = chunk.strip(" ,.;:-–—|*_")
        if chunk and looks_like_authors(chunk):
            return parse_authors(chunk)
        by = re.match(r"^(?:by|from)\s+(.+)$", chunk, re.I)
        if by and looks_like_authors(by.group(1).title(), loose=True):
            return parse_authors(by.group(1))
    return []


def _head(pieces: list[Piece], split: bool, nested: bool = False) -> list[_Draft]:
    """The entries one line names, by the title rules in `title.py`; links fill their roles."""
    outer, starts = _outer(pieces)
    roles = _labelled_roles(pieces, head=not nested)
    first_link = next((i for i, r in enumerate(roles) if r and r != "nav"), len(pieces))
    first_role_link = next(
        (i for i, r in enumerate(roles) if r in ("alt", "address", "code", "extra", "venue", "unsafe")),
        len(pieces),
    )
    drafts: list[_Draft] = []
    title_index = -1  # the link that gives the title, if one does
    quote = quoted_title(outer[: starts[first_role_link] if first_role_link < len(pieces) else len(outer)])
    lead_end = starts[first_link] if first_link < len(pieces) else len(outer)
    draft = _Draft()
    after = ""  # the text after the title, where names and venue follow it
    if quote:
        draft.title, draft.source = quote[2], "quote"
        before, after = _NUMBERING_LEAD.sub("", outer[: quote[0]]), outer[quote[1] :]
        named = before.rstrip(" *_").endswith((":", "："))  # `Name: "Title"`: a short name, not people
        if not named and looks_like_authors(before.strip(" ,.:;*"), loose=True):  # names lead the title
            draft.authors = parse_authors(before)
        # `"Title", TASLP, 2012. (_note_)`: the venue runs to the end of the sentence; italic names after
        # the title (`"Title". *A. Lee et al.* ICML 2021.`) are the authors, not part of the venue
        venue_text = after.split("\x00")[0]
        if not draft.authors:
            for piece in pieces:
                if piece.em and piece.text.strip() and looks_like_authors(piece.text, loose=True):
                    venue_text = venue_text.replace(squash(piece.text), " ")
            venue_text = re.sub(r"^[\s.,;:*_]*(?:et\s+al\.?)?", "", venue_text)
        draft.marked.append(
            re.split(
                r"\s\((?!\s*(?:19|20)\d\d|[A-Z][\w&-]*\))|\s\[|(?<=\d)\.\s",
                venue_text,
                maxsplit=1,
            )[0]
        )
    else:
        title_index = next((i for i, r in enumerate(roles) if r == "title"), -1)
        strong = _strong_title(pieces[:first_link])
        lead = outer[:lead_end]
        if title_index < 0 and not strong and not any(c.isalpha() for c in lead):
            title_index = next((i for i, r in enumerate(roles) if r == "address"), -1)
        if (
            title_index >= 0
            and (title_index > first_link or _BRACKETED_LABEL.fullmatch(pieces[title_index].text))
            and _lead_is_title(lead)
        ):  # `Title [[paper]](u) [[blog post]](u)`, `Title [[Google Blog]](u)`
            title_index = -1
        cited_by_link = (
            title_index >= 0
            and len(strong.split()) >= 3
            and _CITED_VENUE.search(pieces[title_index].text) is not None
        )
        if cited_by_link:  # `**Title** Names [Journal of Widgets 22 (2021)](url)`: the link cites the venue
            draft.marked.append(squash(pieces[title_index].text))
            title_index = -1
        if title_index >= 0 and not (strong and title_index > first_link):
            draft.title, trailing = trailing_venue(squash(pieces[title_index].text))
            draft.source = "link"
            draft.marked.extend(trailing)  # `[Title. ICML 2021. 2021-06-15](url)`
            if roles[title_index] == "address":  # a site named by its address: the host and path
                draft.title = re.sub(r"^\W*(?:https?://)?(?:www\.)?", "", draft.title).rstrip("/")
            draft.line = pieces[title_index].line
            before = _NUMBERING_LEAD.sub("", outer[: starts[title_index]])
            after = outer[starts[title_index] + 1 :]
            draft.authors = _authors_in([], before) if before.strip() else []
            draft.loose.append(before)
            draft.loose.append(after.split("\x00")[0])
        elif strong:
            draft.title, draft.source = strong, "strong"
            before, _, after = outer.partition(strong)
            before = _NUMBERING_LEAD.sub("", before)
            draft.authors = _authors_in([], before) if before.strip(" .,:") else []
            draft.prose = any(c.isalpha() for c in strip_symbols(before)) and not draft.authors
            draft.loose.append(after.split("\x00")[0])
        elif any(c.isalpha() for c in lead):
            citation = read_citation(lead)
            draft.title, draft.source = citation.title, "lead"
            draft.authors = citation.authors
            after = outer[lead_end:]
            draft.marked.extend(citation.venue_texts)
        else:  # `[[arXiv](url)] Title. Authors. Venue.`: the role links lead, the title follows them
            tail = next((c for c in outer[lead_end:].split("\x00") if len(c.split()) >= 3), "")
            if tail:
                citation = read_citation(_sentence_head(tail))
                draft.title, draft.source = citation.title, "lead"
                draft.authors = citation.authors or _authors_in([], tail.partition(citation.title)[2])
    if not draft.title and not any(r in ("alt", "address", "title", "code", "extra") for r in roles):
        return []
    affiliation = _AFFILIATION.search(draft.title)  # `Title(@Ann Lee etc)`: a person, not a lab
    if affiliation and not draft.authors and looks_like_authors(affiliation.group(1), loose=True):
        draft.authors = parse_authors(affiliation.group(1))
    draft.title = clean_decorated_title(draft.title) if draft.title else ""
    if draft.title and not draft.authors and after:
        draft.authors = _authors_in([p for p in pieces if p.em], after)
    drafts.append(draft)
    current = draft
    for index, (piece, role) in enumerate(zip(pieces, roles, strict=True)):
        href = piece.href.strip()
        if not role or role == "nav":
            continue
        if role == "unsafe":
            continue
        if role == "code":
            current.code_url = current.code_url or code_link(piece)
        elif role == "title" and index != title_index and current.url and is_commentary(piece):
            current.extra_urls.append(href)  # `[Title](paper) [A post about it](blog)`: not a copy
        elif role == "title":
            if index == title_index or not split or not current.url:
                current.add_url(href)
            else:  # a table cell listing several titled links: each one an entry
                current = _Draft(title=clean_decorated_title(piece.text), url=href, source="link")
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


# `[[Some Blog]](url)`, `[(LiTS)](url)`: link text wrapped in brackets of its own, as lists write labels.
_BRACKETED_LABEL = re.compile(r"\s*(?:\[[^\[\]]+\]|\([^()]+\))\s*")


def _lead_is_title(lead: str) -> bool:
    """Plain text before the first link that reads as a title of three words or more, not as names."""
    if not any(c.isalpha() for c in lead):
        return False
    title = clean_decorated_title(read_citation(lead).title)
    return len(title.split()) >= 3 and is_title_like(title) and not looks_like_authors(title)


def _names_a_work(text: str) -> bool:
    """Link text long enough to be a work's own title: three words, or a run of CJK characters."""
    return len(text.split()) >= 3 or sum(1 for c in text if ord(c) > 0x2E80) >= 8


def _sentence_head(text: str) -> str:
    """The first sentence of text that runs on past a title (`Title. A. Author, B. Author. ICML.`)."""
    return re.split(r"(?<=[^\sA-Z])\.\s+", text.strip(" []|-–—"), maxsplit=1)[0]


# After a bold name, a dash and a lower-case word open a description (`- proposes a ...`); a title after
# the dash would be capitalised (`**Name** - The Title`).
_DESCRIBED_AFTER = re.compile(r"^[-–—]\s+[a-z][\w-]*(?:\s+\S+){3}")


def _strong_title(pieces: Sequence[Piece]) -> str:
    """Bold text before the first link that can be a title: not a venue, numbering, or a short name that
    introduces the text after it (`**Name**: the title`)."""
    text = _text(pieces)
    for i, piece in enumerate(pieces):
        if piece.kind != "text" or not piece.strong or not is_title_like(clean_decorated_title(piece.text)):
            continue
        if re.fullmatch(r"\W*\[?\d{1,4}\]?\W*", piece.text) or is_venue_tag(squash(piece.text)):
            continue
        if re.search(r"[:：]\s*$", piece.text) and i + 1 < len(pieces):
            continue  # `**Download:** [PDF](url)`: a label, not a title
        after = _text(pieces[i + 1 :]).strip()
        before = _text(pieces[:i]).rstrip()
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


# Link text that ends as a citation of a venue does: a volume, a year, a date (`Bioinformatics, March 2022`,
# `Journal of Widgets 22.21 (2021)`, `Current Opinion in Widgets 65`).
_CITED_VENUE = re.compile(r"(?:\b(?:19|20)\d\d|\b\d{1,4}(?:\.\d{1,4})?)\W*$")


def _attribute(draft: _Draft, line: list[Piece], *, split: bool = False) -> bool:
    """A later line of a container that describes its entry: `Authors: ...`, `Venue: ...`, a role-link
    line, an italic author line, a bare venue. True when the line was used (or is description)."""
    roles = _labelled_roles(line)
    text = squash(_text(line))
    if draft.title and not draft.url and draft.source == "strong":
        # `**Title**` / names / `[Journal of Widgets 22.1 (2021)](url)`: the set-apart title waits for its
        # link, and a link whose text ends in a volume, a year or a date cites where the title appeared
        for i, (piece, role) in enumerate(zip(line, roles, strict=True)):
            if role in ("title", "alt") and _CITED_VENUE.search(piece.text):
                roles[i] = "alt"
                draft.marked.append(squash(piece.text))
    if any(
        r == "title" and (split or _names_a_work(p.text)) and not is_commentary(p, line)  # a post about it
        for p, r in zip(line, roles, strict=True)
    ):
        return False
    # `<br>:thumbsup:[Summary](url)`: a short link on a later line is material about the entry above
    roles = ["extra" if r == "title" else r for r in roles]
    field = field_of(text) if not any(r for r in roles) else None
    if field:
        name, value = field
        if name in ("venue", "year"):
            draft.marked.insert(0, value)
        elif name == "authors":
            draft.authors = draft.authors or parse_authors(value)
        return True
    for piece, role in zip(line, roles, strict=True):
        href = piece.href.strip()
        if role == "code":
            draft.code_url = draft.code_url or code_link(piece)
        elif role in ("alt", "address"):
            draft.add_url(href)
        elif role == "extra":
            draft.extra_urls.append(href)
        elif role == "venue":
            draft.marked.append(squash(piece.text))
    fields = [f.strip(" .>*_") for f in _FIELD_SPLIT.split(text)]
    named = next((f for f in fields if looks_like_authors(f)), "")  # `Smith J et al. · *Journal* · date`
    if named and not draft.authors and len(fields) > 1:
        draft.authors = parse_authors(named)
    for piece in line:
        if (
            piece.kind == "text"
            and piece.em
            and not draft.authors
            and looks_like_authors(piece.text, loose=True)
        ):
            draft.authors = parse_authors(piece.text)
            line = [p for p in line if p is not piece]
            text = squash(_text(line))
            break
    if not draft.authors and looks_like_authors(text.strip(" .>"), loose=any(p.em for p in line)):
        draft.authors = parse_authors(text.strip(" .>"))
        return True
    head = re.split(r"(?<!\b[A-Z])\.\s+", text, maxsplit=1)[0].strip(" .>")  # `A, B. ICML 2021. [[Paper]]`
    if not draft.authors and head != text.strip(" .>") and looks_like_authors(head):
        draft.authors = parse_authors(head)
    marked, loose = venue_texts(line)
    stripped = text.strip(" >.")
    if stripped and len(stripped) <= 80:
        draft.marked.extend(marked + ([stripped] if is_venue_label(stripped) else []))
        draft.loose.extend(loose)
    elif not stripped:
        draft.marked.extend(marked)  # a line of badges only: what they state
    return True


def read_entries(
    pieces: list[Piece], line: int, ctx: ItemContext, *, split: bool = False, nested: bool = False
) -> list[_Draft]:
    """The entries in one container. With `split`, every titled link starts a new entry (table cells);
    `nested` lines sit under an entry, so a `Label:` before their links says what the links are."""
    for piece in pieces:
        if piece.kind == "text" and "](" in piece.text:
            warn_refused_schemes(piece.text, piece.line or line, ctx)
        elif piece.kind == "link" and L.is_unsafe(piece.href):
            ctx.warn(piece.line or line, f"dropped a link that is not http(s): {piece.href.strip()[:60]!r}")
    drafts: list[_Draft] = []
    before: list[list[Piece]] = []  # badge lines above the title line
    for pieces_of_line in split_lines(with_bare_links(pieces)):
        if drafts and _attribute(drafts[-1], pieces_of_line, split=split):
            continue
        found = _head(pieces_of_line, split, nested)
        if not found or not (found[0].title or found[0].url):
            before.append(pieces_of_line)
            continue
        for earlier in before:
            _attribute(found[0], earlier)
        before = []
        drafts.extend(found)
    if not drafts and before:  # only code or material links: they add to the entry above
        draft = _Draft()
        for earlier in before:
            _attribute(draft, earlier)
        if draft.code_url or draft.url or draft.extra_urls:
            drafts.append(draft)
    return drafts


def citation_title(pieces: list[Piece]) -> tuple[str, list[str], list[str]]:
    """A nested line that cites the entry in full (`Authors, Title, Venue, Year.`): its title, authors and
    venue texts, when its title is longer than a short name."""
    if any(p.kind == "link" and classify(p) == "title" for p in pieces):
        return "", [], []
    text = squash(_text(pieces))
    quote = quoted_title(text)
    if quote:
        return clean_decorated_title(quote[2]), [], [text[quote[1] :]]
    citation = read_citation(text)
    if not citation.authors or len(citation.title.split()) < 3:
        return "", [], []
    return clean_decorated_title(citation.title), citation.authors, citation.venue_texts


def adopt_citation(draft_title: str) -> bool:
    """A short name (`Inside-Outside Net`, `Toronto`) gives way to the full title a nested line cites."""
    return len(draft_title.split()) <= 4


_SCHEME_LINK = re.compile(r"\]\(\s*<?\s*([A-Za-z][A-Za-z0-9+.-]*):")


def _refused_schemes(text: str) -> list[str]:
    found = (m.group(1).lower() for m in _SCHEME_LINK.finditer(text))
    return list(dict.fromkeys(s for s in found if s not in ("http", "https")))


def warn_refused_schemes(text: str, line: int, ctx: ItemContext) -> None:
    """Markdown links markdown-it refused (`[x](javascript:...)` stays text): each one is worth a warning."""
    for scheme in _refused_schemes(text):
        ctx.warn(line, f"dropped a link that is not http(s): {scheme}:")


def lost_entry_message(pieces: list[Piece]) -> str:
    """Why text that looks like an entry gave none: a link that does not parse (refused schemes are warned
    where the pieces are read)."""
    text = "".join(p.text for p in pieces if p.kind == "text")
    if _refused_schemes(text):
        return ""
    if "](" in text or "http://" in text.lower() or "https://" in text.lower():
        return "looks like an entry but has no readable link"
    return ""


def titled(drafts: list[_Draft]) -> list[_Draft]:
    """Drafts that are entries: a link to the thing and a title (the link names it when nothing else does).
    A line with a title and no link is a group or a topic, not an entry; a name whose only link is its
    repository (`FATE [[Github]](https://github.com/o/fate)`) is an entry found at that repository."""
    for d in drafts:
        if d.title and not (d.url or d.extra_urls) and d.code_url and L.is_repository_root(d.code_url):
            d.url = d.code_url
    return [d for d in drafts if d.title and (d.url or d.extra_urls or d.venue_link or _cited(d))]


def _cited(draft: _Draft) -> bool:
    """A citation without a link (`A. Author, "Title", Venue, 2012.`): a quoted or bold title of three
    words or more, with names or a venue, and a year."""
    if draft.source not in ("quote", "strong") or len(draft.title.split()) < 3 or draft.prose:
        return False
    venue, year = venue_and_year(draft.marked, draft.loose)
    return year is not None and bool(draft.authors or venue)


_SPACE = re.compile(r"\s")


def _no_spaces(url: str) -> str:
    """Whitespace in a URL percent-encoded: `alt_urls` are joined by spaces, so a space would split one."""
    return _SPACE.sub(lambda m: "%" + format(ord(m.group()), "02X") if ord(m.group()) < 128 else "%20", url)


@lru_cache(maxsize=4096)
def _heading_venue_year(section: str) -> tuple[str, int | None]:
    """The venue and year the nearest headings state when they are nothing but that (`2024`, `ICML`)."""
    venue, year = "", None
    for part in reversed(section.split(" > ")):
        if is_venue_label(part) or re.fullmatch(r"\W*(?:19|20)\d\d\W*", part):
            found_venue, found_year = venue_and_year([part])
            venue, year = venue or found_venue, year or found_year
    return venue, year


def build_entry(draft: _Draft, line: int, ctx: ItemContext, **extra: object) -> Entry:
    """Resolve identifiers, venue, year and kind for a draft; `extra` carries what a table column said."""
    if not draft.url and draft.extra_urls:
        draft.url = draft.extra_urls[0]
    paper = next((u for u in draft.alt_urls if L.is_paper_url(u)), "")
    if draft.url and paper and L.is_repository_root(draft.url):  # titled link to the code, paper beside it
        draft.code_url = draft.code_url or L.code_repo(draft.url)
        draft.alt_urls = [u for u in draft.alt_urls if u != paper]
        draft.url = paper
    draft.url, draft.code_url = _no_spaces(draft.url.strip()), _no_spaces(draft.code_url.strip())
    draft.alt_urls = list(dict.fromkeys(_no_spaces(u.strip()) for u in draft.alt_urls if u.strip()))
    ids: Identifiers | None = _identifiers(draft.url) if draft.url else None
    arxiv_id = ids.arxiv_id if ids else ""
    doi = ids.doi if ids else ""
    for alt in draft.alt_urls:
        alt_ids = _identifiers(alt)
        arxiv_id = arxiv_id or alt_ids.arxiv_id
        doi = doi or alt_ids.doi
    if not arxiv_id:
        found = arxiv_ids_in_text(" ".join([draft.title, *draft.loose, *draft.marked]))
        arxiv_id = found[0] if found else ""
    paren = _TITLE_PAREN.search(draft.title)
    title_venue = [paren.group(1)] if paren and is_venue_label(paren.group(1)) else []
    # `Agent Bench (AB): ...`: a bracket inside the title is part of it, not a venue
    marked = [m for m in draft.marked if is_venue_label(m) or squash(m) not in draft.title]
    venue, year = venue_and_year([*title_venue, *marked], [*draft.loose, *draft.label_venues])
    venue = str(extra.get("venue") or "") or venue
    year = extra.get("year") or year  # type: ignore[assignment]
    if not venue or year is None:  # headings such as `### 2024` or `### ICML 2023` hold what rows omit
        heading_venue, heading_year = _heading_venue_year(ctx.section)
        venue, year = venue or heading_venue, year or heading_year
    if year is None and arxiv_id and not extra.get("no_id_year"):
        year = year_from_arxiv_id(arxiv_id)
    if venue == "" and arxiv_id and not doi and draft.url and "arxiv" in draft.url.lower():
        venue = "arXiv"
    authors = list(extra.get("authors") or []) or draft.authors  # type: ignore[call-overload]
    kind = entry_kind(draft.title, draft.url, ctx.section, ctx.kind, docs=draft.docs)
    title, by = draft.title, []
    if kind == "tool":  # a tool's name comes first, then what it does: `Theano: Mathematical library ...`
        title = description_head(title, colon=draft.source == "lead")
    # `Talk title by Speaker`; a paper's own title splits only at initials (`Training tricks by YB`)
    title, by = split_by_author(title, strict=kind != "tool" and L.is_paper_url(draft.url))
    authors = authors or by
    return Entry(
        source=ctx.source,
        line=draft.line or line,
        section=ctx.section,
        title=title or draft.url,
        url=draft.url,
        alt_urls=draft.alt_urls,
        code_url=_no_spaces(str(extra.get("code_url") or "")) or draft.code_url,
        arxiv_id=arxiv_id,
        doi=doi,
        venue=venue,
        year=year if isinstance(year, int) else None,
        authors=authors,
        kind=kind,
    )


__all__ = [
    "ItemContext",
    "adopt_citation",
    "build_entry",
    "citation_title",
    "is_short_name",
    "lost_entry_message",
    "read_entries",
    "titled",
    "warn_refused_schemes",
]
