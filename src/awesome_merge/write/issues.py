"""`source_issues.md`: per source list, what its maintainer could fix in their own file.

The merge sees every list at once, so it notices what no single list can: a link that other lists use for
another paper, a paper listed twice, one code repository given for different papers. Each item names the
line, so a maintainer can fix it without reading the merged output.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from functools import cache

import pandas as pd

from ..diagnostics import Diagnostic
from ..ids import canonical_url, github_repo
from .checks import held_urls, line_is_in_the_merged_list, same_paper_listed
from .markdown import clean_text, escape_md, safe_url

__all__ = ["source_issues"]

MAX_OTHERS = 3


def _url(url: object) -> str:
    """A source's URL as a link a maintainer can click; text only when it is not http(s)."""
    text = clean_text(url)
    href = safe_url(text)
    return f"[{escape_md(text)}]({href})" if href else escape_md(text) or "no link"


def _quote(title: object) -> str:
    return f"“{escape_md(title) or '(untitled)'}”"


def _links_of(cols: dict[str, list], i: int) -> set[str]:
    urls = [clean_text(cols["url"][i]), *clean_text(cols["alt_urls"][i]).split()]
    return {canonical_url(u) for u in urls if u}


def _disputed_links(
    rows: list[int], cols: dict[str, list], cluster_ids: list[str], disputes: dict[int, list[int]]
) -> list[str]:
    out = []
    for i in rows:
        if i not in disputes:  # most entries: their link's key is not even needed
            continue
        own = canonical_url(clean_text(cols["url"][i]))
        others = [  # each other entry named must hold this very link
            j
            for j in disputes.get(i, ())
            if cluster_ids[j] != cluster_ids[i] and own and own in _links_of(cols, j)
        ]
        if not others:
            continue
        named = [
            f"{_quote(cols['title'][j])} ({escape_md(cols['source'][j])} line {cols['line'][j]})"
            for j in others[:MAX_OTHERS]
        ]
        more = f" and {len(others) - MAX_OTHERS} more" if len(others) > MAX_OTHERS else ""
        out.append(
            f"- line {cols['line'][i]}: {_quote(cols['title'][i])} links to {_url(cols['url'][i])}, "
            f"which also stands for {', '.join(named)}{more}. Check which paper the link opens."
        )
    return out


# A list repeating more of its papers than this under several headings files them so by design.
BY_DESIGN_SHARE = 0.05


def _other_identifier(
    rows: list[int], cols: dict[str, list], cluster_ids: list[str], conflicts: dict[int, list[int]]
) -> list[str]:
    out = []
    for i in rows:
        others = [j for j in conflicts.get(i, ()) if cluster_ids[j] != cluster_ids[i]]
        if not others:
            continue
        named = ", ".join(
            f"{escape_md(cols['source'][j])} line {cols['line'][j]} ({_url(cols['url'][j])})"
            for j in others[:MAX_OTHERS]
        )
        out.append(
            f"- line {cols['line'][i]}: {_quote(cols['title'][i])} links to {_url(cols['url'][i])}; the same "
            f"title links to another identifier in {named}. Check which one is this paper's."
        )
    return out


def _listed_twice(rows: list[int], cols: dict[str, list], cluster_ids: list[str]) -> list[str]:
    """Papers listed more than once: always under one heading; under several headings only when the list
    does not do so by design (then one line says how many)."""
    by_cluster: dict[str, list[int]] = defaultdict(list)
    for i in rows:
        by_cluster[cluster_ids[i]].append(i)
    repeated = sorted(
        (
            m
            for m in by_cluster.values()
            if len(m) > 1
            and same_paper_listed(
                [clean_text(cols["title"][i]) for i in m],
                [clean_text(cols["url"][i]) for i in m],
                [clean_text(cols["arxiv_id"][i]) or clean_text(cols["doi"][i]) for i in m],
            )
        ),
        key=lambda m: cols["line"][m[0]],
    )
    # Whether each paper is listed twice under one heading (clusters share no entry: one flag each).
    one_heading = [len({cols["section"][i] for i in m}) < len(m) for m in repeated]
    by_design = len(repeated) - sum(one_heading) > BY_DESIGN_SHARE * max(len(by_cluster), 1)
    out = []
    for members, under_one in zip(repeated, one_heading, strict=True):
        if by_design and not under_one:
            continue
        where = ", ".join(
            f"line {cols['line'][i]}" + (f" ({escape_md(cols['section'][i])})" if cols["section"][i] else "")
            for i in members
        )
        out.append(f"- {_quote(cols['title'][members[0]])} is listed {len(members)} times: {where}.")
    if by_design:
        several = len(repeated) - sum(one_heading)
        out.append(f"- {several} papers stand under several headings, which this list seems to do by design.")
    return out


def _code_key(code: str) -> str:
    return canonical_url(github_repo(code) or code) or code


def _shared_code(
    rows: list[int], cols: dict[str, list], cluster_ids: list[str], key_of: Callable[[str], str]
) -> list[str]:
    """`key_of` gives a code link's repository key (memoised by the caller across lists, which repeat a
    paper's code link)."""
    by_repo: dict[str, list[int]] = defaultdict(list)
    for i in rows:
        code = clean_text(cols["code_url"][i])
        if code:
            by_repo[key_of(code)].append(i)
    out = []
    for key in sorted(by_repo):
        members = by_repo[key]
        papers = {cluster_ids[i]: i for i in reversed(members)}
        if len(papers) < 2:
            continue
        named = ", ".join(
            f"{_quote(cols['title'][i])} (line {cols['line'][i]})"
            for i in sorted(papers.values(), key=lambda i: cols["line"][i])
        )
        out.append(f"- {_url(cols['code_url'][members[0]])} is the code link of {named}.")
    return out


def _unread(found: set[tuple[int, str]], lines: Sequence[str], held: Callable[[], set[str]]) -> list[str]:
    """Warned lines (line, message) that are missing from the merged list: not those whose links it
    holds all the same."""
    return [
        f"- {f'line {line}' if line else 'the file'}: {escape_md(message)}"
        for line, message in sorted(found)
        if not (line and line <= len(lines) and line_is_in_the_merged_list(lines[line - 1], held()))
    ]


_PARTS = (
    ("Links that other lists use for another paper", "One of the entries carries the wrong link."),
    (
        "Titles that other lists link to another identifier",
        "One of the links is wrong, or both are versions.",
    ),
    ("The same paper listed twice", "Intended if it belongs under both headings; otherwise keep one."),
    (
        "Code links shared by different papers",
        "A copied line whose code link was not updated, or one repository for several papers.",
    ),
    ("Lines that could not be read as entries", "They are missing from the merged list."),
)


def source_issues(
    entries: pd.DataFrame,
    cluster_ids: Sequence[str],
    disputes: dict[int, list[int]],
    diagnostics: Sequence[Diagnostic],
    sources: Sequence[str],
    conflicts: dict[int, list[int]] | None = None,
    source_lines: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """The report as Markdown: one section per source in the order given, every issue with its line,
    each claim checked against the entries (`checks.py`); `source_lines` are the lists' own lines, to
    check what a warning about a line says (asked for one source at a time, and only for a source with
    warnings: a mapping may read each list when asked)."""
    names = ("source", "line", "title", "url", "alt_urls", "code_url", "section", "arxiv_id", "doi")
    cols: dict[str, list] = {c: entries[c].tolist() if c in entries else [""] * len(entries) for c in names}
    # Every link of the merged list, gathered the first time a warned line is checked.
    held_links = cache(lambda: held_urls(entries))

    ids = list(cluster_ids)
    rows_of: dict[str, list[int]] = defaultdict(list)
    for i, source in enumerate(cols["source"]):
        rows_of[source].append(i)
    warned: dict[str, set[tuple[int, str]]] = defaultdict(set)  # each source's, gathered in one pass
    for d in diagnostics:
        warned[d.source].add((d.line, d.message))
    out = [
        "# Issues found in the source lists",
        "",
        "> Generated by awesome-merge. For the maintainers of the lists merged: what the merge noticed that "
        "you may want to fix in your own file. Line numbers are those of the file as fetched.",
    ]
    lines_of = (source_lines or {}).get
    code_key = cache(_code_key)  # each code link once over all lists
    for source in dict.fromkeys(sources):
        rows = rows_of.get(source, [])
        found = [
            _disputed_links(rows, cols, ids, disputes),
            _other_identifier(rows, cols, ids, conflicts or {}),
            _listed_twice(rows, cols, ids),
            _shared_code(rows, cols, ids, code_key),
            _unread(warned[source], lines_of(source, ()) if warned[source] else (), held_links),
        ]
        out += ["", f"## {escape_md(source)}", ""]
        if not any(found):
            out.append("No issues found.")
            continue
        for (heading, why), items in zip(_PARTS, found, strict=True):
            if items:
                out += [f"### {heading}", "", f"{why}", "", *items, ""]
        out.pop()
    return "\n".join(out) + "\n"
