"""One walk over a document's tokens: keeps the heading trail and hands every container to an item reader."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from markdown_it.token import Token

from ..counts import plural
from ..diagnostics import Diagnostic
from ..frame import Entry
from ..ids import canonical_url
from ..text import clean_section, squash, title_key
from . import links as L
from .authors import looks_like_authors, parse_authors
from .html import html_containers
from .item import (
    ItemContext,
    adopt_citation,
    build_entry,
    citation_title,
    classify,
    field_of,
    label_value,
    lost_entry_message,
    read_entries,
    titled,
    with_bare_links,
)
from .kind import holds_no_entries, names_venue_type
from .list_evidence import list_labels
from .markdown import find_close, inline_pieces, list_blocks, make_parser, table_rows
from .nesting import MAX_HTML_DEPTH, flatten_html, html_depth, tokens_within_nesting
from .pieces import Block, Piece, links, plain_text
from .table import read_table
from .title import is_title_like, read_citation
from .venue import venue_and_year
from .vocabulary import OTHER_LIST_TEXT

_MD = make_parser()
_MD_NO_REFERENCES = make_parser().disable("reference")
# A link reference definition (`[label]: url`); documents without one skip markdown-it's reference rule.
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.M)
# A region a list maintainer (or our own README writer) marks as not holding entries.
_SKIP_START = re.compile(r"<!--\s*awesome-merge:\s*skip\s*-->")
_SKIP_END = re.compile(r"<!--\s*awesome-merge:\s*end skip\s*-->")
_TABLE_OPEN = re.compile(r"<table\b", re.I)
_HTML_ANCHOR_ONLY = re.compile(r"^\s*(?:<a\s+(?:name|id)=[^>]*>\s*</a>\s*)+$", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
_HREF = re.compile(r"https?://[^\s)\]>\"'<|]+", re.I)
# A list with this many paper links, most of which no entry holds, gets one warning about its layout.
_COVERAGE_MIN_LINKS = 10
_COVERAGE_MAX_MISSED = 0.5
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
# An HTML block that is one comment and nothing else; group 1 its text.
_WHOLE_COMMENT = re.compile(r"\A\s*<!--+(.*?)-->\s*\Z", re.S)
# A short bracketed tag (`[ICRA]`, `(ICLR 2023)`): followed by words in `[VENUE] Title text`, alone
# ahead of the title link in `(VENUE YEAR) [Title](url)`.
_TAG = r"\s*[(\[][^()\[\]]{2,40}[)\]]\s*"
_TAG_PREFIX = re.compile(_TAG + r"\w")
_TAG_LEAD = re.compile(_TAG + "$")
# `Title.<TAB>Names<TAB>` before a URL: fields a spreadsheet set apart, so even a two-word title is one.
_TAB_FIELDS = re.compile(r"[^\t]+\t[^\t]+\t\s*$")


# A title waiting for its links: its pieces, its line, and the heading trail to restore if it was a heading.
_Pending = tuple[list[Piece], int, list[tuple[int, str]] | None]


def _fields_only(children: list[Block]) -> bool:
    """Nested lines that are all `Label: value` fields or bare role links, never a titled work."""
    for child in children:
        if child.children and label_value(plain_text(child.pieces)) is None:
            return False  # a field's value may run on in nested lines (`Highlights:` and its points)
        pieces = with_bare_links(child.pieces)  # `- Paper: https://...`
        text = plain_text([p for p in pieces if p.kind == "text"]).strip()
        linked = any(p.kind == "link" for p in pieces)
        if any(p.kind == "link" and classify(p) == "title" for p in pieces):
            return False
        value = label_value(text)
        if value is None and _names_and_venue(text):
            continue  # `A. Lee, B. Chen. *ICML 2021*. [[pdf]](url)`: who and where, no title of its own
        if (value is None and len(text.split()) > 3) or (linked and len((value or text).split()) > 3):
            return False  # a nested line with its own title text and link is an entry, not a field
    return any(p.kind == "link" for child in children for p in with_bare_links(child.pieces))


def _labelled_lead(text: str) -> bool:
    field = field_of(text)
    return field is not None and field[0] == "description"


def _names_and_venue(text: str) -> bool:
    """A citation line that names the authors and the venue but holds no title."""
    citation = read_citation(squash(text))
    return not citation.title and bool(citation.authors) and bool(citation.venue_texts)


def _as_one(lines: list[list[Piece]]) -> list[Piece]:
    """Several lines (a title and the lines under it) as the pieces of one container, line breaks kept."""
    joined = list(lines[0])
    for line in lines[1:]:
        joined += [Piece("break", " "), *line]
    return joined


def _bold_child_title(block: Block) -> list[Piece] | None:
    """`- `【2024-05】-【Name】`` with the bold title, the names and the links on sub-bullets: a tag line
    heading one entry. The pieces of that entry, the bold title first, or None when the item is a topic
    (its sub-bullets name works of their own)."""
    if links(block.pieces) or len(plain_text(block.pieces).split()) > 6 or not block.children:
        return None
    bold = [
        c
        for c in block.children
        if not links(c.pieces)
        and not c.children
        and any(p.strong for p in c.pieces if p.kind == "text" and p.text.strip())
        and len(plain_text(c.pieces).split()) >= 3
    ]
    if len(bold) != 1:
        return None
    rest = [c for c in block.children if c is not bold[0]]
    if any(c.children for c in rest) or not any(links(with_bare_links(c.pieces)) for c in rest):
        return None
    if any(p.kind == "link" and classify(p) == "title" for c in rest for p in c.pieces):
        return None
    return _as_one([bold[0].pieces, *(child.pieces for child in rest)])


@lru_cache(maxsize=65536)
def _paper_key(href: str) -> str:
    """The comparison key of a URL that names one paper, "" for any other URL."""
    return canonical_url(href) if L.names_paper(href) else ""


def _own_title_lead(title: str, pieces: list[Piece]) -> bool:
    """`Title of a paper [[paper]](u), [[code]](u)`: plain text before a line's role links that is one
    title-like phrase (no sentence inside it, no names). The line names its own work, so a heading above
    it is a topic."""
    head = list(itertools.takewhile(lambda p: p.kind == "text", pieces))
    lead = plain_text(head).strip()
    rest = pieces[len(head) :]
    if not rest or rest[0].kind != "link" or classify(rest[0]) == "title":
        return False  # `This section refers to [The Portal](url)`: the link is what the sentence names
    if not rest[0].text.strip() or rest[0].text.strip() == rest[0].href.strip():
        return False  # a bare URL in a sentence (`see https://...`), not a labelled role link
    if len(plain_text([p for p in rest if p.kind == "text"]).split()) > 3:
        return False  # running text after the links: prose, not `Title [[paper](u)], [[code](u)]`
    return (
        len(title.split()) >= 4
        and is_title_like(title)
        and not looks_like_authors(title)
        and not re.search(r"[.!?]\s", lead.rstrip(" .:"))
    )


def _tagged_lead(pieces: list[Piece]) -> bool:
    """`[**Venue**] Title. [[paper]](url)`: a bracketed tag, then the title as plain text before the link."""
    lead = plain_text(list(itertools.takewhile(lambda p: p.kind == "text", pieces)))
    return _TAG_PREFIX.match(lead) is not None


def _skip_marker(tok: Token) -> bool | None:
    """True at `<!-- awesome-merge: skip -->`, False at its end marker, None elsewhere."""
    if tok.type != "html_block":
        return None
    if _SKIP_END.search(tok.content):
        return False
    return True if _SKIP_START.search(tok.content) else None


class _Walker:
    def __init__(self, text: str, source: str) -> None:
        self.lines = text.split("\n")
        self.ctx = ItemContext(source)
        self.trail: list[tuple[int, str]] = []
        self.entries: list[Entry] = []
        self.pending_authors: Entry | None = None  # a heading entry waiting for its author paragraph
        # A bold paragraph or heading with no link, whose links may follow as a list of `Paper: url` lines.
        self.pending_title: _Pending | None = None
        self.seen_heading = False
        self.seen_section = False
        self.held: dict[str, list[Entry]] = {}  # entries of sections named by a venue type, by section

    def add(self, entries: list[Entry]) -> None:
        """Keep what is an entry: nothing from sections of people, venues or other lists, and no link to
        another list."""
        held = None
        if holds_no_entries(self.ctx.section):
            if not names_venue_type(self.ctx.section):
                return
            held = self.held.setdefault(self.ctx.section, [])  # papers by venue type, or venues?
        for entry in entries:
            if OTHER_LIST_TEXT.search(entry.title) and not entry.arxiv_id and not entry.doi:
                continue
            if entry.url and L.is_index_page(entry.url) and not entry.arxiv_id and not entry.doi:
                continue  # a venue's schedule or proceedings index: where papers are, not one of them
            (self.entries if held is None else held).append(entry)

    def finish(self) -> None:
        """A `Conference` or `Journal` section holds papers when most of its entries link a paper's own
        record (an identifier or a proceedings page); otherwise it lists venues, and none is an entry."""
        papers: list[Entry] = []
        for held in self.held.values():
            linked = sum(1 for e in held if e.arxiv_id or e.doi or (e.url and L.names_paper(e.url)))
            if linked and linked >= 0.5 * len(held):
                papers.extend(held)
        if papers:
            self.entries = sorted(self.entries + papers, key=lambda e: e.line)

    def set_section(self) -> None:
        self.ctx.section = " > ".join(name for _, name in self.trail if name)

    def walk(self, tokens: Sequence[Token]) -> None:
        i = 0
        skip_until_line = -1
        skipping = False
        while i < len(tokens):
            tok = tokens[i]
            marker = _skip_marker(tok)
            if marker is not None:
                skipping = marker
                i += 1
                continue
            if skipping:
                i = find_close(tokens, i) + 1 if tok.nesting == 1 else i + 1
                continue
            begin = (tok.map or [0, 0])[0]
            if tok.map and begin < skip_until_line:
                i = find_close(tokens, i) + 1 if tok.nesting == 1 else i + 1
                continue
            pending, self.pending_title = self.pending_title, None
            if tok.type == "heading_open":
                self.heading(tok, tokens[i + 1])
                i = find_close(tokens, i) + 1
            elif tok.type in ("bullet_list_open", "ordered_list_open"):
                close = find_close(tokens, i)
                self.pending_authors = None
                blocks = list_blocks(tokens, i, close)
                nested = any(b.children for b in blocks)
                if not (
                    pending and not nested and self.titled_by_pending(pending, [b.pieces for b in blocks])
                ):
                    self.read_list(blocks)
                i = close + 1
            elif tok.type == "table_open":
                close = find_close(tokens, i)
                self.pending_authors = None
                header, rows = table_rows(tokens, i, close)
                self.add(read_table(header, rows, self.ctx))
                i = close + 1
            elif tok.type == "html_block":
                skip_until_line = self.html_block(tok)
                if _HTML_ANCHOR_ONLY.match(tok.content):
                    self.pending_title = pending
                i += 1
            elif tok.type == "paragraph_open":
                self.paragraph(tokens[i + 1], begin + 1, pending)
                i = find_close(tokens, i) + 1
            else:
                i += 1

    def heading(self, tok: Token, inline: Token) -> None:
        level = int(tok.tag[1:])
        line = (tok.map or [0])[0] + 1
        pieces = inline_pieces(inline.children)
        drafts = titled(read_entries(pieces, line, self.ctx))
        first = not self.seen_heading
        self.seen_heading = True
        self.seen_section = self.seen_section or level >= 2
        self.pending_authors = None
        if drafts:
            entry = build_entry(drafts[0], line, self.ctx)
            self.add([entry])
            self.pending_authors = entry
            return
        if first and level == 1:
            return  # the list's own name, not a section
        trail_before = list(self.trail)
        self.trail = [(lvl, name) for lvl, name in self.trail if lvl < level]
        self.trail.append((level, clean_section(plain_text(pieces))))
        self.set_section()
        self.pending_title = (pieces, line, trail_before)

    def titled_by_pending(
        self, pending: _Pending, lines: list[list[Piece]], *, labels_only: bool = True
    ) -> bool:
        """`**Title**` (or a heading) followed by `- Paper: url` / `- Code: url` lines, or by a paragraph of
        authors and role links: one entry, titled by the text above, linked by what follows. False when
        what follows holds titles of its own."""
        pieces, line, trail_before = pending
        if len(plain_text(pieces).split()) < (3 if trail_before is not None else 2):
            return False
        item_pieces = [with_bare_links(item) for item in lines]
        links = [p for item in item_pieces for p in item if p.kind == "link"]
        if not links or any(classify(p) == "title" for p in links):
            return False
        if not any(classify(p) == "alt" for p in links):
            return False
        for item in item_pieces:  # `## 1.2 Topic` then `**[2]** Names. "**Title**." Venue. [[pdf]](url)`
            own = read_entries(item, line, self.ctx)
            if any(d.source in ("quote", "strong") and len(d.title.split()) >= 3 for d in own):
                return False
            if not labels_only and any(_own_title_lead(d.title, item) for d in own if d.source == "lead"):
                return False  # `### Topic` then `Title of a paper [[paper]](url)`: a paper under a topic
            if not labels_only and any(
                d.source == "lead" and d.authors and len(d.title.split()) >= 3 for d in own
            ):
                return False  # `### Challenge` / `Summary: Title, A. Lee et al. [(arxiv)](url)`: cited
        for item in item_pieces if labels_only else ():  # each line a link with at most a label (`Paper:`)
            text = "".join(p.text for p in item if p.kind == "text")
            if not any(p.kind == "link" for p in item):
                value = label_value(text.strip())
                if not value or len(value.split()) > 1:
                    return False  # only an empty field (`Code: None`) may stand without a link
            elif len(text.split()) > 3:
                return False
        if trail_before is not None:  # the heading named an entry, not a section
            self.trail = trail_before
            self.set_section()
        drafts = titled(read_entries(_as_one([pieces, *item_pieces]), line, self.ctx))
        if not drafts:
            return False
        self.add([build_entry(drafts[0], line, self.ctx)])
        return True

    def paragraph(self, inline: Token, line: int, pending: _Pending | None = None) -> None:
        pieces = inline_pieces(inline.children)
        if pending and self.titled_by_pending(pending, [pieces], labels_only=False):
            return
        if self.pending_authors is not None:
            entry, self.pending_authors = self.pending_authors, None
            if not links(pieces) and not entry.authors and looks_like_authors(plain_text(pieces), loose=True):
                entry.authors = parse_authors(plain_text(pieces))
                return
        text = plain_text(pieces).strip()
        if (
            not links(pieces)
            and 0 < len(text) <= 400
            and "://" not in text
            and any(p.strong for p in pieces if p.kind == "text" and p.text.strip())
        ):
            self.pending_title = (pieces, line, None)
            return
        self.paragraph_entry(pieces, line)

    def paragraph_entry(self, pieces: list[Piece], line: int) -> None:
        """`Title. [[Paper]](url)` or `**[Title](url)** ...` written as a paragraph, one per paper; a bare
        URL is a link (`Title. Authors. https://...`)."""
        if any(p.kind == "text" and "://" in p.text for p in pieces):
            pieces = with_bare_links(pieces)
        first = next((p for p in pieces if p.kind != "text" or p.text.strip()), None)
        # Prose runs long; a citation runs long only by its author list, after a title set apart.
        if first is None or len(plain_text(pieces)) > (3000 if first.strong or first.kind == "link" else 600):
            return
        drafts = [
            d
            for d in titled(read_entries(pieces, line, self.ctx))
            if (d.url or d.extra_urls) and len(d.title.split()) >= 2
        ]
        # A title first: a link, bold text, or after a short label (`Paper link: [Title](url)`).
        starts_with_title = (
            first.kind == "link"
            or first.strong
            or (
                first.kind == "text"
                and first.text.rstrip().endswith((":", "："))
                and len(first.text.split()) <= 4
            )
            or (first.kind == "text" and _TAG_LEAD.match(first.text) is not None)
            # `Summary: Title, A. Lee et al. 2019 [(arxiv)](url)`: a label, then a citation with its names
            or (
                first.kind == "text"
                and bool(drafts)
                and bool(drafts[0].authors)
                and _labelled_lead(first.text)
            )
            or (_tagged_lead(pieces) and bool(drafts) and len(drafts[0].title.split()) >= 3)
        )
        from_lead = bool(drafts) and first.kind == "text" and drafts[0].title and drafts[0].url
        # Plain text before the link is a citation when it ends a sentence (`Title.`) or names its
        # authors after the title (`Title. Lee, Chen<TAB>https://...`).
        tabbed = first.kind == "text" and _TAB_FIELDS.match(first.text) is not None
        if tabbed and drafts:  # the fields decide: the first is the title, the second its names or none
            title, names = (f.strip() for f in first.text.split("\t")[:2])
            drafts[0].title = title.rstrip(" .") if len(title.split()) >= 2 else drafts[0].title
            drafts[0].authors = parse_authors(names) if looks_like_authors(names, loose=True) else []
        named = bool(drafts) and bool(drafts[0].authors) and (len(drafts[0].title.split()) >= 3 or tabbed)
        cited = from_lead and (
            first.text.strip().endswith(".") or named or tabbed or _own_title_lead(drafts[0].title, pieces)
        )
        if len(drafts) == 1 and (starts_with_title or cited):
            self.add([build_entry(drafts[0], line, self.ctx)])

    def html_block(self, tok: Token) -> int:
        """Parse an HTML block; a table that a blank line split is read whole from the source lines.

        A table never closed is read as far as its own block goes, so the rest of the file is still read.
        """
        begin, end = tok.map or [0, 0]
        content = tok.content
        if self.commented_out(content, begin, end):
            return end
        self.hidden_links(content, begin + 1, end)
        if len(_TABLE_OPEN.findall(content)) > len(_TABLE_CLOSE.findall(content)):
            depth = 0
            for number in range(begin, len(self.lines)):
                depth += len(_TABLE_OPEN.findall(self.lines[number]))
                depth -= len(_TABLE_CLOSE.findall(self.lines[number]))
                if depth <= 0 and number >= begin:
                    end = number + 1
                    content = "\n".join(self.lines[begin:end])
                    break
            else:
                self.ctx.warn(begin + 1, "HTML table is never closed; read up to the next blank line")
        self.pending_authors = None
        if html_depth(content) > MAX_HTML_DEPTH:
            self.ctx.warn(begin + 1, f"HTML nested deeper than {MAX_HTML_DEPTH} levels; read flattened")
            content = flatten_html(content)
        try:
            tables, items, blocks = html_containers(content, begin + 1)
        except RecursionError:
            self.ctx.warn(begin + 1, "HTML nested too deep to read; block skipped")
            return end
        for header, rows in tables:
            self.add(read_table(header, rows, self.ctx))
        self.read_list(items)
        for block in blocks if self.seen_section else ():  # before the first section: the list's banner
            self.add(
                [
                    build_entry(d, block.line, self.ctx)
                    for d in titled(read_entries(block.pieces, block.line, self.ctx))
                ]
            )
        return end

    def check_coverage(self, text: str) -> None:
        """Say so, once per list, when most of the list's paper links (arXiv, DOI, proceedings pages)
        went into no entry: the list is written in a layout the reader did not understand, and its
        entries should be read by hand or the layout reported."""
        shown = _COMMENT.sub(" ", text)
        first_line: dict[str, int] = {}
        for number, line in enumerate(shown.split("\n"), 1):
            for match in _HREF.finditer(line) if "://" in line else ():
                key = _paper_key(match.group(0).rstrip(".,;:"))
                if key:
                    first_line.setdefault(key, number)
        if len(first_line) < _COVERAGE_MIN_LINKS or len(self.entries) >= len(first_line):
            return  # as many entries as paper links: whatever they hold, the layout was understood
        read = {_paper_key(u) for e in self.entries for u in (e.url, *e.alt_urls, e.code_url) if u}
        missed = sorted(line for key, line in first_line.items() if key not in read)
        if len(missed) > _COVERAGE_MAX_MISSED * len(first_line):
            self.ctx.warn(
                missed[0],
                f"{len(missed)} of {len(first_line)} paper links went into no entry (first at line "
                f"{missed[0]}): this list's layout was not understood; read it by hand or report it",
            )

    def commented_out(self, content: str, begin: int, end: int) -> bool:
        """Entries a curator commented out (a section hidden whole, a paper kept back) are still papers of
        the list's field: read them as the list's other entries are read, under the section in force, and
        say so, since GitHub does not show them. A comment whose text reads into no entry that links a
        paper's record (a dropped link, a note, a row of people) is not read."""
        if not _WHOLE_COMMENT.match(content) or "://" not in content:
            return False
        body = _WHOLE_COMMENT.sub(r"\1", content)
        if "-->" in body:
            return False  # two comments with text between them: not one hidden part
        tokens, _ = tokens_within_nesting(_MD_NO_REFERENCES, body, self.ctx.source)
        inner = _Walker(body, self.ctx.source)
        inner.trail, inner.seen_heading, inner.seen_section = list(self.trail), True, self.seen_section
        inner.ctx.section, inner.ctx.kind = self.ctx.section, self.ctx.kind
        inner.walk(tokens)
        papers = [e for e in inner.entries if any(_paper_key(u) for u in (e.url, *e.alt_urls) if u)]
        if not papers or len(papers) < 0.5 * len(inner.entries):
            return False
        for entry in inner.entries:
            entry.line += begin
        self.entries.extend(inner.entries)
        self.ctx.warnings.extend((line + begin, message) for line, message in inner.ctx.warnings)
        where = f"lines {begin + 1}-{end}" if end > begin + 1 else f"line {begin + 1}"
        self.ctx.warn(
            begin + 1,
            f"an HTML comment hides {plural(len(inner.entries), 'entry', 'entries')} ({where}), which "
            "GitHub does not show: read like the others",
        )
        return True

    def hidden_links(self, content: str, first: int, last: int) -> None:
        """Links a curator commented out of an entry are not read (GitHub does not show them either),
        but say so: a user counting the list's links should find where they went."""
        hidden = sum(len(_HREF.findall(comment)) for comment in _COMMENT.findall(content) if "://" in comment)
        if hidden:
            where = f"lines {first}-{last}" if last > first else f"line {first}"
            self.ctx.warn(first, f"an HTML comment hides {plural(hidden, 'link')} ({where}): not read")

    def read_list(self, blocks: list[Block]) -> None:
        for block in blocks:
            drafts = titled(read_entries(block.pieces, block.line, self.ctx))
            if not drafts and block.children and _fields_only(block.children):
                # `**Title**` with `Authors: ...`, `Year: ...`, `Download: [PDF](url)` nested below
                combined = _as_one([block.pieces, *(child.pieces for child in block.children)])
                drafts = titled(read_entries(combined, block.line, self.ctx))
                if drafts:
                    self.add([build_entry(drafts[0], block.line, self.ctx)])
                    continue
            tagged = None if drafts else _bold_child_title(block)
            if tagged is not None:
                drafts = titled(read_entries(tagged, block.children[0].line, self.ctx))
                if drafts:
                    self.add([build_entry(drafts[0], block.line, self.ctx)])
                    continue
            if not drafts:
                self.topic_item(block)
                continue
            entry = build_entry(drafts[0], block.line, self.ctx)
            self.attributes(entry, block.children)
            self.add([entry, *(build_entry(extra, block.line, self.ctx) for extra in drafts[1:])])

    def topic_item(self, block: Block) -> None:
        """A bullet without a paper: a topic whose children are papers, navigation, or an unreadable entry."""
        message = lost_entry_message(block.pieces)
        pieces = with_bare_links(block.pieces)
        linked = any(p.kind == "link" and classify(p) in ("alt", "title", "extra", "address") for p in pieces)
        if not message and linked and not block.children and not holds_no_entries(self.ctx.section):
            message = "has a link but nothing to name it by: read it by hand"
        if message:
            self.ctx.warn(block.line, message)
        if not block.children:
            return
        base = self.ctx.section
        label = clean_section(squash(plain_text(block.pieces)).strip("*_: "))
        if label and not links(block.pieces):  # a table-of-contents bullet (only links) names no topic
            self.ctx.section = " > ".join(part for part in (base, label) if part)
        self.read_list(block.children)
        self.ctx.section = base

    def attributes(self, entry: Entry, children: list[Block]) -> None:
        """Nested lines under an entry: authors, code, versions, venue; a nested paper is an entry itself."""
        for child in children:
            text = squash(plain_text(child.pieces))
            field = field_of(text)
            if field:  # `Authors: ...`, `Venue: ...`, `Year: ...`, `Datasets: ...`
                name, value = field
                if name == "authors":
                    entry.authors = entry.authors or parse_authors(value)
                elif name in ("venue", "year"):
                    venue, year = venue_and_year([value])
                    if name == "venue" and venue and entry.venue in ("", "arXiv"):
                        entry.venue = venue
                    entry.year = year or entry.year
                continue
            title, authors, venue_texts = citation_title(child.pieces)
            if title and title_key(title) == title_key(entry.title):  # the nested line cites the entry
                venue, year = venue_and_year(venue_texts, [])
                entry.authors = entry.authors or authors
                entry.venue = venue if venue and entry.venue in ("", "arXiv") else entry.venue
                entry.year = year or entry.year
                continue
            if title and adopt_citation(entry.title):
                entry.title, entry.authors = title, authors or entry.authors
                venue, year = venue_and_year(venue_texts, [])
                if venue and entry.venue in ("", "arXiv"):
                    entry.venue = venue
                entry.year = year or entry.year
                entry.line = child.line
                continue
            if not links(child.pieces) and not entry.authors and looks_like_authors(text):
                entry.authors = parse_authors(text)
                continue
            cited = read_citation(text) if not links(child.pieces) else None
            if (
                cited
                and cited.title
                and not cited.authors
                and cited.venue_texts
                and looks_like_authors(cited.title)
            ):
                cited.authors, cited.title = (
                    parse_authors(cited.title),
                    "",
                )  # `A. Lee and B. Chen. ICML, 2021.`
            if cited is not None and not cited.title and cited.authors:  # `A. Lee, and B. Chen. ICML, 2021.`
                entry.authors = entry.authors or cited.authors
                venue, year = venue_and_year(cited.venue_texts, [])
                entry.venue = venue if venue and entry.venue in ("", "arXiv") else entry.venue
                entry.year = year or entry.year
                continue
            drafts = read_entries(child.pieces, child.line, self.ctx, nested=True)
            about = {"", *(d.url for d in drafts if L.is_commentary(d.url))}  # none, or a post about it
            papers = [d for d in drafts if d.url not in about and d.title and len(d.title.split()) >= 4]
            if papers:
                self.read_list([child])
                continue
            for draft in drafts:
                if draft.code_url and not entry.code_url:
                    entry.code_url = draft.code_url
                if draft.url not in (entry.url, *entry.alt_urls, *about):
                    entry.alt_urls.append(draft.url)
                entry.authors = entry.authors or draft.authors
            if child.children:
                self.attributes(entry, child.children)


def parse_text(text: str, source: str) -> tuple[list[Entry], list[Diagnostic]]:
    """Every entry in one list, in document order, and the warnings met on the way (each once)."""
    parser = _MD if _REFERENCE_DEFINITION.search(text) else _MD_NO_REFERENCES
    tokens, notes = tokens_within_nesting(parser, text, source)
    walker = _Walker(text, source)
    with list_labels(text):
        walker.walk(tokens)
    walker.finish()
    walker.check_coverage(text)
    warnings = [Diagnostic(source, line, message) for line, message in dict.fromkeys(walker.ctx.warnings)]
    return walker.entries, notes + warnings
