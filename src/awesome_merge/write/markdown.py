"""The unified README: a pure function from the merged papers frame to GitHub-flavoured Markdown.

Everything that comes from a source is hostile text: it is escaped for Markdown and HTML so that no list can
inject markup, and only http(s) URLs, percent-encoded so they cannot break the link syntax, become links.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePosixPath
from urllib.parse import quote

import pandas as pd

from ..counts import plural
from ..source_info import SourceInfo
from ..venues import canonical_venue
from .columns import records
from .output import PAGES_DIR

__all__ = [
    "SourceInfo",
    "escape_md",
    "github_slug",
    "render_pages",
    "render_readme",
    "safe_url",
    "short_list_name",
]

GROUPINGS = ("topic", "year", "source")
OTHER = "Other"
UNKNOWN_YEAR = "Unknown year"
SEP = " · "
MAX_AUTHORS = 3
DEFAULT_TITLE = "Merged paper list"
# A section longer than this is split by the lists' own subsections (where they agree on one).
LONG_SECTION = 30
MIN_SUBSECTION = 3  # a subsection of fewer papers stays in the section's general run
BACK_TO_CONTENTS = "[↑ Back to contents](#{slug})"
# Datasets, benchmarks and tools stand in their own sections after the papers' topics; the headings also
# tell a reader of this file (awesome-merge too) what kind each entry is.
KIND_SECTIONS = {"dataset": "Datasets", "benchmark": "Benchmarks", "tool": "Tools"}
Row = Mapping[str, object]  # one paper: a column name -> value record of the papers frame


# ----------------------------------------------------------------------------------------- text escaping

# Backslash escapes work for any ASCII punctuation in CommonMark; these are the ones that can start markup
# anywhere in a line (emphasis, code, links, tables, strikethrough, GitHub math, attribute lists).
# Parentheses stay: with `[` and `]` escaped, nothing in a title can open a link.
_ALWAYS = {c: "\\" + c for c in "\\`*_[]#!|~{}$"}
# HTML-special characters become entities, so no tag, comment or entity in the source survives.
_ALWAYS |= {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_MD_TABLE = str.maketrans(_ALWAYS)
_SPACE_RE = re.compile(r"\s+")
# At the start of a line these begin a list item, heading or quote; mid-line they are plain text.
_LEADING_RE = re.compile(r"^(?:([-+=])|(\d{1,9})\.)")


# Unicode's control (Cc) and surrogate (Cs) characters are these fixed ranges; with whitespace, a run of them
# becomes one space in a single pass of the regex engine, not a category look-up per character.
_BLANK_RUN_RE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\ud800-\udfff]+")


def clean_text(text: object) -> str:
    """Source text on one line: control characters dropped, any whitespace run (newlines too) one space."""
    if type(text) is not str:
        if text is None or text is pd.NA or (isinstance(text, float) and text != text):
            return ""
        text = str(text)
    if text.isprintable() and "  " not in text:  # no control, no whitespace but single spaces: most text
        return text.strip()
    return _BLANK_RUN_RE.sub(" ", text).strip()


def escape_md(text: object) -> str:
    """Literal text for any Markdown context on one line: Markdown punctuation backslashed, HTML as entities.

    Why entities for `<`, `>`, `&`: no tag, comment or character reference in a source can survive.
    """
    s = clean_text(text).translate(_MD_TABLE)
    m = _LEADING_RE.match(s)
    if m:
        s = "\\" + s if m.group(1) else f"{m.group(2)}\\{s[m.end(2) :]}"
    return s


# ---------------------------------------------------------------------------------------------- URLs

_HTTP_RE = re.compile(r"(?i)^(https?)://([^/?#\s]+)(.*)$", re.DOTALL)
# RFC 3986 reserved and unreserved characters that are safe inside a Markdown link destination; everything
# else (spaces, parentheses, angle brackets, backslashes, quotes, non-ASCII) is percent-encoded.
_URL_SAFE = "-._~:/?#@!$&'*+,;=%"
_BAD_PERCENT_RE = re.compile(r"%(?![0-9A-Fa-f]{2})")
# Text `quote(..., safe=_URL_SAFE)` leaves as it is: the characters it never encodes, and those safe here.
_QUOTED_RE = re.compile("[A-Za-z0-9_.~" + re.escape("-" + _URL_SAFE) + "]*")


def _quote(text: str) -> str:
    """`quote(text, safe=_URL_SAFE)`, without its encode and scan for the text most URLs are: all safe."""
    return text if _QUOTED_RE.fullmatch(text) else quote(text, safe=_URL_SAFE)


# An `&name;` in a link destination would be decoded as an entity; spell the ampersand as one instead.
_ENTITY_LIKE_RE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def _host(authority: str) -> str:
    try:
        return authority.encode("idna").decode("ascii") if not authority.isascii() else authority
    except UnicodeError:
        return _quote(authority)


def safe_url(url: object) -> str:
    """The URL ready for a Markdown link, or "" unless it is an absolute http(s) URL with a host.

    Why: `javascript:`, `data:`, `file:` and relative links must never be emitted, and a `)` or space in a
    URL must not end the link early.
    """
    s = clean_text(url)
    m = _HTTP_RE.match(s)
    if not m:
        return ""
    scheme, authority, rest = m.group(1).lower(), m.group(2), m.group(3)
    if "@" in authority or not authority.strip(".:"):
        return ""  # credentials in a link are a phishing trick, and a host is required
    rest = rest.replace(" ", "%20")
    encoded = _quote(_BAD_PERCENT_RE.sub("%25", rest))
    return f"{scheme}://{_quote(_host(authority))}{_ENTITY_LIKE_RE.sub('&amp;', encoded)}"


def _link(text: str, href: str) -> str:
    """A Markdown link from escaped text and a `safe_url` result, or the bare text when there is no URL."""
    return f"[{text}]({href})" if href and text else text


def _same_url(a: str, b: str) -> bool:
    return bool(a) and bool(b) and a.rstrip("/").lower() == b.rstrip("/").lower()


_RAW_GITHUB_RE = re.compile(
    r"(?i)^https://raw\.githubusercontent\.com/([^/]+)/([^/]+)/(?:refs/heads/)?([^/]+)/(.+)$"
)


def upstream_page(url: str) -> str:
    """A human page for a list's upstream: a raw.githubusercontent file becomes its github.com view."""
    m = _RAW_GITHUB_RE.match(url.strip())
    if m:
        owner, repo, branch, path = m.groups()
        if path.lower() == "readme.md":
            return f"https://github.com/{owner}/{repo}"
        return f"https://github.com/{owner}/{repo}/blob/{branch}/{path}"
    return url


# ------------------------------------------------------------------------------------------- anchors


def _slug_char(c: str) -> bool:
    return c in "- " or unicodedata.category(c)[0] in "LMN" or unicodedata.category(c) == "Pc"


def github_slug(text: str, seen: dict[str, int] | None = None) -> str:
    """The anchor GitHub gives a heading with this visible text, de-duplicated against `seen` like GitHub.

    GitHub lowercases, drops everything but letters, marks, numbers, `_`, `-` and spaces, turns spaces into
    `-`, and suffixes `-1`, `-2` ... for repeated slugs (a colliding suffix is skipped, as github-slugger).
    """
    base = "".join(c for c in clean_text(text).lower() if _slug_char(c)).replace(" ", "-")
    if seen is None:
        return base
    slug, n = base, seen.get(base, 0)
    while slug in seen:
        n += 1
        slug = f"{base}-{n}"
    seen[base] = n
    seen[slug] = 0
    return slug


# ------------------------------------------------------------------------------------------- papers


def _split(value: object, sep: str = ";") -> list[str]:
    return [p for p in (clean_text(x) for x in clean_text(value).split(sep)) if p]


def _year(value: object) -> int | None:
    if value is None or value is pd.NA:
        return None
    try:
        if pd.isna(value):  # type: ignore[call-overload]
            return None
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def short_list_name(name: str) -> str:
    """A list's name for per-paper lines: the file stem without the "awesome" word every list carries."""
    stem = PurePosixPath(name).stem or name
    short = "-".join(t for t in stem.split("-") if t.lower() != "awesome")
    return short or stem


def _short_names(lists: Sequence[SourceInfo], extra: Iterable[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    display = {s.name: clean_text(s.display) for s in lists if clean_text(s.display)}
    for name in [s.name for s in lists] + sorted(set(extra)):
        if name in names:
            continue
        short = display.get(name) or short_list_name(name)
        if short in names.values():
            short = PurePosixPath(name).stem or name
        if short in names.values():
            short = name
        names[name] = short
    return names


def _venue_year(venue: str, year: int | None) -> str:
    venue = canonical_venue(venue)  # one spelling per venue, whatever the frame holds
    parts = [venue] if venue else []
    if year is not None and str(year) not in venue:
        parts.append(str(year))
    text = escape_md(" ".join(parts))
    return f"*{text}*" if text else ""


def _authors(authors: object) -> str:
    names = _split(authors)
    if not names:
        return ""
    shown = ", ".join(escape_md(n) for n in names[:MAX_AUTHORS])
    return shown + (" et al." if len(names) > MAX_AUTHORS else "")


# An arXiv page in a link; the id after it is compared as the pattern `(?i)arxiv.org/(abs|pdf)/ID` would,
# without compiling one pattern per paper (both sides are ASCII: `safe_url` and `quote` encode the rest).
_ARXIV_PAGE_RE = re.compile(r"(?i)arxiv\.org/(?:abs|pdf)/")


def _links_arxiv_id(url: str, quoted_id: str) -> bool:
    wanted = quoted_id.lower()
    return any(url[m.end() :].lower().startswith(wanted) for m in _ARXIV_PAGE_RE.finditer(url))


def _host_label(url: str) -> str:
    host = url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].lower()
    return host.removeprefix("www.") or "link"


def paper_line(
    row: Mapping[str, object],
    short_names: dict[str, str],
    *,
    show_doubts: bool = False,
    order: Mapping[str, int] | None = None,
) -> str:
    """One bullet of two lines: the bold linked title and venue year, then authors · links · lists (and,
    with `show_doubts`, the curator's ⚠ doubt about its link first; else it is in review.csv and
    source_issues.md only).

    Why two lines: on one line the title, authors and list names ran together and wrapped mid-name; a
    fixed second line (a CommonMark hard break, `\\` at the end of the line) lets a reader scan titles.
    `order` is each list's place in `short_names`, given by a caller that writes many lines.
    """
    title = escape_md(row.get("title", "")) or "(untitled)"
    best = safe_url(row.get("url", ""))
    first = [_link(f"**{title}**", best)]
    venue_year = _venue_year(clean_text(row.get("venue", "")), _year(row.get("year")))
    if venue_year:
        first.append(venue_year)
    parts: list[str] = []
    doubt = clean_text(row.get("doubt", "")) if show_doubts else ""
    if doubt:  # the lists link this paper's page to another paper too: say so before a reader follows it
        parts.append(f"⚠ {escape_md(doubt)}")
    authors = _authors(row.get("authors", ""))
    if authors:
        parts.append(authors)
    shown = [best]
    arxiv_id = clean_text(row.get("arxiv_id", ""))
    if arxiv_id:
        arxiv = safe_url("https://arxiv.org/abs/" + quote(arxiv_id, safe="/."))
        if not _links_arxiv_id(best, quote(arxiv_id, safe="/.")):
            parts.append(f"[arXiv]({arxiv})")
        shown.append(arxiv)
    doi = clean_text(row.get("doi", ""))
    if doi:
        doi_url = safe_url("https://doi.org/" + quote(doi, safe="/:;.-_"))
        if not any(_same_url(doi_url, u) for u in shown):
            parts.append(f"[DOI]({doi_url})")
        shown.append(doi_url)
    code = safe_url(row.get("code_url", ""))
    if code and not any(_same_url(code, u) for u in shown):
        parts.append(f"[code]({code})")
        shown.append(code)
    others: list[str] = []
    for raw in clean_text(row.get("alt_urls", "")).split():
        alt = safe_url(raw)
        if alt and not any(_same_url(alt, u) for u in shown):
            others.append(alt)
            shown.append(alt)
    if others:
        labels: dict[str, int] = {}
        links = []
        for alt in others:
            label = _host_label(alt)
            labels[label] = labels.get(label, 0) + 1
            text = label if labels[label] == 1 else f"{label} ({labels[label]})"
            links.append(f"[{escape_md(text)}]({alt})")
        parts.append("other versions: " + ", ".join(links))
    sources = _split(row.get("sources", ""))
    if sources:
        if order is None:
            order = _list_order(short_names)
        ordered = sorted(dict.fromkeys(sources), key=lambda s: (order.get(s, len(order)), s))
        parts.append("lists: " + ", ".join(escape_md(short_names.get(s, s)) for s in ordered))
    line = "- " + SEP.join(first)
    return f"{line}\\\n  {SEP.join(parts)}" if parts else line


def _list_order(short_names: dict[str, str]) -> dict[str, int]:
    return {name: i for i, name in enumerate(short_names)}


def _sort_key(row: Row) -> tuple[int, str, str]:
    year = _year(row.get("year"))
    return (
        -(year if year is not None else -(10**9)),
        clean_text(row.get("title", "")).casefold(),
        clean_text(row.get("cluster_id", "")),
    )


# ------------------------------------------------------------------------------------------- sections


def _sections(
    papers: pd.DataFrame, lists: Sequence[SourceInfo], group_by: str, topic_order: Sequence[str]
) -> list[tuple[str, list[Row]]]:
    """(heading, rows) in README order; every paper lands in exactly one section."""
    groups: dict[str, list[Row]] = {}
    rows: list[Row] = records(papers)  # plain dicts: a Series per paper cost more than its line
    if group_by == "topic":
        for row in rows:
            topics = _split(row.get("topics", ""))
            kind_section = KIND_SECTIONS.get(clean_text(row.get("kind", "")))
            groups.setdefault(kind_section or (topics[0] if topics else OTHER), []).append(row)
        wanted = [clean_text(t) for t in topic_order]
        kinds = list(KIND_SECTIONS.values())
        rest = sorted(
            (t for t in groups if t not in wanted and t != OTHER and t not in kinds),
            key=lambda t: (t.casefold(), t),
        )
        order = [t for t in dict.fromkeys(wanted) if t != OTHER and t not in kinds] + rest + [*kinds, OTHER]
    elif group_by == "year":
        for row in rows:
            year = _year(row.get("year"))
            groups.setdefault(str(year) if year is not None else UNKNOWN_YEAR, []).append(row)
        order = [*sorted((k for k in groups if k != UNKNOWN_YEAR), key=int, reverse=True), UNKNOWN_YEAR]
    elif group_by == "source":
        names = [s.name for s in lists]
        for row in rows:
            sources = _split(row.get("sources", ""))
            home = next((n for n in names if n in sources), OTHER)
            groups.setdefault(home, []).append(row)
        order = [*dict.fromkeys(n for n in names if n != OTHER), OTHER]
    else:
        raise ValueError(f"group_by must be one of {', '.join(GROUPINGS)}, not {group_by!r}")
    return [(key, sorted(groups[key], key=_sort_key)) for key in order if groups.get(key)]


def _subsections(rows: list[Row], subsections: dict[str, str]) -> list[tuple[str, list[Row]]]:
    """A long section as ("", general rows) then (subsection, rows) in order of size, then name.

    Why: a 55-paper run is hard to scan; the lists' own subsections (given per cluster id, only where the
    lists agree) are the grouping their readers already know.
    """
    groups: dict[str, list[Row]] = {}
    for row in rows:
        sub = clean_text(subsections.get(clean_text(row.get("cluster_id", "")), ""))
        groups.setdefault(sub, []).append(row)
    general = groups.pop("", [])
    for name in [n for n, g in groups.items() if len(g) < MIN_SUBSECTION]:
        general += groups.pop(name)
    if not groups:
        return [("", rows)]
    named = sorted(groups, key=lambda n: (-len(groups[n]), n.casefold(), n))
    ordered = [("", sorted(general, key=_sort_key))] if general else []
    return ordered + [(n, groups[n]) for n in named]


SKIP_START = "<!-- awesome-merge: skip -->"
SKIP_END = "<!-- awesome-merge: end skip -->"


def _header(
    lists: Sequence[SourceInfo], short_names: dict[str, str], n_papers: int, n_entries: int
) -> list[str]:
    out = [
        "> Generated by awesome-merge. Do not edit this file by hand: change the source lists or the "
        "config and run the tool again.",
        "",
        f"This list merges {plural(len(lists), 'awesome list')}: **{n_entries}** entries read, "
        f"**{n_papers}** papers after merging, **{n_entries - n_papers}** duplicates merged.",
    ]
    if lists:
        # The markers tell awesome-merge to skip the table when this file is read back as a source.
        out += ["", SKIP_START, "", "| List | Source file | Entries |", "| --- | --- | ---: |"]
        for s in lists:
            short = escape_md(short_names.get(s.name, s.name))
            page = safe_url(upstream_page(clean_text(s.url)))
            shown = _link(short, page) if page else f"{short} (local)"
            out.append(f"| {shown} | {escape_md(s.name)} | {int(s.entries)} |")
        out += ["", SKIP_END]
    return out


def render_readme(
    papers: pd.DataFrame,
    lists: Sequence[SourceInfo],
    *,
    group_by: str = "topic",
    topic_order: Sequence[str] = (),
    title: str = DEFAULT_TITLE,
    description: str = "",
    subsections: dict[str, str] | None = None,
    show_doubts: bool = False,
) -> str:
    """The unified list as one GitHub-flavoured Markdown page; same input, byte-identical output.

    `subsections` (cluster id -> the lists' own subsection) splits sections over `LONG_SECTION` papers.
    """
    return render_pages(
        papers,
        lists,
        group_by=group_by,
        topic_order=topic_order,
        title=title,
        description=description,
        subsections=subsections,
        show_doubts=show_doubts,
        split_bytes=None,
    )[README]


README = "README.md"
# GitHub shows only the first 512 KB of a README: from this size on, the list is one page per section
# (`topics/<section>.md`) with README.md as their index.
SPLIT_BYTES = 450_000
ALL_SECTIONS = "[↑ All sections](../README.md)"
_PAGE_NAME_MAX = 80


PAGE_SHARE = 0.9  # of a page's bytes, its papers' share: the rest for its heading, contents and links
_SUB_HEADING = "### "


def _chunks(lines: list[str], budget: int) -> list[list[str]]:
    """A section's lines in runs of at most `budget` bytes, cut between papers (a subsection heading
    goes with the papers under it): the pages of a section too long for one."""
    chunks: list[list[str]] = [[]]
    size = 0
    for i, line in enumerate(lines):
        cost = len(line.encode("utf-8")) + 1
        opens = line.startswith(_SUB_HEADING) or (
            not line and i + 1 < len(lines) and lines[i + 1].startswith(_SUB_HEADING)
        )
        if size + cost > budget and chunks[-1] and (line.startswith("- ") or opens):
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += cost
    return chunks


def _sub_counts(lines: list[str]) -> list[tuple[str, int]]:
    """The subsections a run of lines opens, each with the papers under it in that run."""
    found: list[tuple[str, int]] = []
    for line in lines:
        if line.startswith(_SUB_HEADING):
            found.append((_unescape(line[len(_SUB_HEADING) :]), 0))
        elif line.startswith("- ") and found:
            found[-1] = (found[-1][0], found[-1][1] + 1)
    return found


def _unescape(text: str) -> str:
    """A heading's text as it was before `escape_md` (for its anchor and to show it again)."""
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")):
        text = text.replace(entity, char)
    return re.sub(r"\\(.)", r"\1", text)


def _page_name(name: str, taken: set[str]) -> str:
    """A file name for a section's page: its GitHub slug (letters of any script), unique, not too long."""
    base = github_slug(name)[:_PAGE_NAME_MAX].strip("-") or "section"
    stem, n = base, 1
    while stem.casefold() in taken:
        n += 1
        stem = f"{base}-{n}"
    taken.add(stem.casefold())
    return f"{stem}.md"


def _section_body(
    rows: list[Row],
    subsections: dict[str, str],
    short_names: dict[str, str],
    seen: dict[str, int],
    show_doubts: bool,
) -> tuple[list[tuple[str, str, int]], list[str]]:
    """A section's subsections as (name, slug, papers) and its lines."""
    subs: list[tuple[str, str, int]] = []
    body: list[str] = []
    parts = _subsections(rows, subsections) if len(rows) > LONG_SECTION else [("", rows)]
    order = _list_order(short_names)
    for sub, sub_rows in parts:
        if sub:
            sub_slug = github_slug(sub, seen)
            subs.append((sub, sub_slug, len(sub_rows)))
            body += ["", f"### {escape_md(sub)}", ""]
        body += [paper_line(row, short_names, show_doubts=show_doubts, order=order) for row in sub_rows]
    return subs, body


def render_pages(
    papers: pd.DataFrame,
    lists: Sequence[SourceInfo],
    *,
    group_by: str = "topic",
    topic_order: Sequence[str] = (),
    title: str = DEFAULT_TITLE,
    description: str = "",
    subsections: dict[str, str] | None = None,
    show_doubts: bool = False,
    split_bytes: int | None = SPLIT_BYTES,
) -> dict[str, str]:
    """The unified list: `README.md` alone, or, when that page would pass `split_bytes`, `README.md` as
    the index of one page per section (`topics/<section>.md`), every link between them relative."""
    sources_seen = {s for v in papers.get("sources", pd.Series(dtype="string")) for s in _split(v)}
    short_names = _short_names(lists, sources_seen - {s.name for s in lists})
    sections = _sections(papers, lists, group_by, topic_order)
    if lists:
        n_entries = sum(int(s.entries) for s in lists)
    else:  # without list metadata, the papers still say how many entries they merged
        n_entries = int(pd.to_numeric(papers.get("n_entries", pd.Series(dtype="Int64"))).sum())
    seen: dict[str, int] = {}
    heading = clean_text(title) or DEFAULT_TITLE
    github_slug(heading, seen)
    out = [f"# {escape_md(heading)}", ""]
    if clean_text(description):
        out += [escape_md(description), ""]
    out += _header(lists, short_names, len(papers), n_entries)
    if not sections:
        return {README: "\n".join([*out, "", "No papers yet.", ""])}
    contents = github_slug("Contents", seen)
    toc = ["", "## Contents", ""]
    body: list[str] = []
    rendered: list[tuple[str, list[tuple[str, str, int]], list[str], int]] = []
    for key, rows in sections:
        name = short_names.get(key, key) if group_by == "source" else key
        slug = github_slug(name, seen)
        toc.append(f"- [{escape_md(name)}](#{slug}) ({plural(len(rows), 'paper')})")
        subs, lines = _section_body(rows, subsections or {}, short_names, seen, show_doubts)
        toc += [f"  - [{escape_md(sub)}](#{s}) ({plural(n, 'paper')})" for sub, s, n in subs]
        body += ["", f"## {escape_md(name)}", "", *lines, "", BACK_TO_CONTENTS.format(slug=contents)]
        rendered.append((name, subs, lines, len(rows)))
    single = "\n".join([*out, *toc, *body, ""])
    if split_bytes is None or len(single.encode("utf-8")) <= split_bytes:
        return {README: single}
    pages: dict[str, str] = {}
    taken: set[str] = set()
    index = [
        "",
        "## Contents",
        "",
        f"One page per section ({len(rendered)}): the list is too long for one.",
        "",
    ]
    budget = int(split_bytes * PAGE_SHARE)
    for name, _subs, lines, n in rendered:
        parts = _chunks(lines, budget)
        names = [_page_name(name if k == 0 else f"{name} {k + 1}", taken) for k in range(len(parts))]
        for k, (part, page) in enumerate(zip(parts, names, strict=True)):
            link = quote(f"{PAGES_DIR}/{page}")
            own: dict[str, int] = {}  # a page's anchors are its own: GitHub numbers repeats per page
            github_slug(name, own)
            subs = [(sub, github_slug(sub, own), c) for sub, c in _sub_counts(part)]
            shown = len(parts) > 1
            where = f" (page {k + 1} of {len(parts)})" if shown else ""
            if k == 0:
                pages_note = f", {len(parts)} pages" if shown else ""
                index.append(f"- [{escape_md(name)}]({link}) ({plural(n, 'paper')}{pages_note})")
            else:
                index.append(f"  - [page {k + 1}]({link})")
            index += [f"  - [{escape_md(sub)}]({link}#{a}) ({plural(c, 'paper')})" for sub, a, c in subs]
            steps = [f"[← page {k}]({quote(names[k - 1])})"] if k else []
            steps += [f"[page {k + 2} →]({quote(names[k + 1])})"] if k + 1 < len(parts) else []
            nav = " · ".join([ALL_SECTIONS, *steps])
            text = [f"# {escape_md(name)}{where}", "", f"{nav} · {plural(n, 'paper')} in all", ""]
            if subs:
                text += [f"- [{escape_md(sub)}](#{a}) ({plural(c, 'paper')})" for sub, a, c in subs] + [""]
            pages[f"{PAGES_DIR}/{page}"] = "\n".join([*text, *part, "", nav, ""])
    return {README: "\n".join([*out, *index, ""]), **pages}
