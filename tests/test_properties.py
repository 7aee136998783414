"""Property-based: generated Markdown/HTML never crashes the parser or merge, and never leaks a non-http URL."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_merge import AwesomeMergeError, merge
from awesome_merge.parse import parse_text

HTTP = re.compile(r"^https?://", re.I)

words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
safe_words = st.from_regex(r"[A-Za-z][A-Za-z \-:]{0,40}", fullmatch=True)
schemes = st.sampled_from(
    [
        "https://",
        "http://",
        "HTTPS://",
        "javascript:",
        "JaVaScRiPt:",
        "data:text/html,",
        "file:///",
        "vbscript:",
        "//",
        "#",
        "",
        "ftp://",
        " javascript:",
        "java\tscript:",
        "mailto:",
    ]
)
hrefs = st.builds(
    lambda s, rest: s + rest, schemes, st.from_regex(r"[a-z0-9./()\[\]<>&%?=#_ -]{0,30}", fullmatch=True)
)
titles = st.one_of(safe_words, words)
md_link = st.builds(lambda t, h: f"[{t}]({h})", titles, hrefs)
html_link = st.builds(lambda t, h: f'<a href="{h}">{t}</a>', titles, hrefs)
fragments = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<!-- c -->",
        "<img src=x onerror=alert(1)>",
        "<table><tr><td>",
        "</td></tr>",
        "</table>",
        "<ul><li>",
        "</li></ul>",
        "`",
        "```",
        "|",
        "**",
        "_",
        "[",
        "]",
        "(",
        ")",
        "\\",
        "<br>",
        "&amp;",
        "<!-- awesome-merge: skip -->",
        "<!-- awesome-merge: end skip -->",
        "\ufeff",
        "\x00",
        "\r",
    ]
)
inline = st.lists(st.one_of(md_link, html_link, titles, fragments), min_size=1, max_size=6).map(" ".join)


def _table(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    head = "| Title | Link | Venue |" if width % 2 else "| " + " | ".join("c" for _ in range(width)) + " |"
    sep = "|" + "---|" * len(head.split("|")[1:-1])
    return "\n".join([head, sep, *("| " + " | ".join(r) + " |" for r in rows)])


def _html_table(rows: list[list[str]]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>\n" for r in rows)
    return f"<table>\n<tr><th>Title</th><th>Venue</th></tr>\n{body}</table>"


cells = st.lists(inline.map(lambda s: s.replace("\n", " ")), min_size=1, max_size=4)
blocks = st.one_of(
    st.builds(lambda n, t: "#" * n + " " + t, st.integers(1, 6), inline),
    st.builds(lambda d, t: "  " * d + "- " + t, st.integers(0, 4), inline),
    st.builds(lambda t: "1. " + t, inline),
    st.builds(lambda t: "  - *authors*: " + t, titles),
    st.lists(cells, min_size=1, max_size=4).map(_table),
    st.lists(cells, min_size=1, max_size=3).map(_html_table),
    inline,
    fragments,
    st.just(""),
)
documents = st.lists(blocks, max_size=15).map("\n".join)


def _urls(entries) -> list[str]:  # type: ignore[no-untyped-def]
    return [u for e in entries for u in (e.url, e.code_url, *e.alt_urls)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_parser_never_raises_and_emits_only_http(text: str) -> None:
    entries, diagnostics = parse_text(text, "x.md")
    assert all(u == "" or HTTP.match(u) for u in _urls(entries))
    assert all(e.source == "x.md" and e.line >= 1 for e in entries)
    assert all(d.line >= 0 for d in diagnostics)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_parser_survives_any_unicode(text: str) -> None:
    entries, _ = parse_text(text, "x.md")
    assert all(u == "" or HTTP.match(u) for u in _urls(entries))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents, min_size=1, max_size=3), st.binary(max_size=60))
def test_merge_accounts_for_every_entry_and_emits_only_http(texts: list[str], noise: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp)
        for i, text in enumerate(texts):
            (src / f"list{i}.md").write_text(text, encoding="utf-8", errors="surrogatepass")
        (src / "noise.md").write_bytes(noise)
        try:
            result = merge([src], jobs=1)
        except Exception as exc:  # only "nothing could be merged" may stop a run
            assert isinstance(exc, AwesomeMergeError), exc  # NothingToMerge among them
            return
        parsed = sum(s.entries for s in result.sources)
        assert len(result.report) == len(result.entries) == parsed
        assert int(result.papers["n_entries"].sum()) == len(result.entries)
        for frame in (result.entries, result.papers):
            for column in ("url", "code_url", "alt_urls"):
                for value in frame[column].fillna(""):
                    assert all(HTTP.match(u) for u in str(value).split()), (column, value)
