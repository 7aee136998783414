"""End to end: the installed `awesome-merge` command on the bundled `sources/`, as a curator and CI run it."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import (
    MD,
    ROOT,
    SOURCES,
    SPEC_OUTPUT_NAMES,
    SPEC_PAPER_COLUMNS,
    SPEC_REPORT_COLUMNS,
    SPEC_REVIEW_COLUMNS,
    flat,
    plain,
)
from markdown_it.token import Token

from awesome_merge.parse import parse_file

OUTPUTS = SPEC_OUTPUT_NAMES
SKIP_MARKERS = {"<!-- awesome-merge: skip -->", "<!-- awesome-merge: end skip -->"}


def command() -> str:
    """The installed console script: the one on PATH, else the one next to this interpreter."""
    found = shutil.which("awesome-merge") or str(Path(sys.executable).parent / "awesome-merge")
    assert Path(found).exists(), "awesome-merge is not installed: pip install -e '.[test]'"
    return found


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(*args: str | Path, cwd: Path | None = None) -> Run:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower() and k != "CI"}
    done = subprocess.run(
        [command(), *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )
    return Run(done.returncode, done.stdout, done.stderr)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def header(path: Path) -> list[str]:
    return next(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def slug(text: str, seen: Counter[str]) -> str:
    """GitHub's heading anchor, written independently of the writer's own."""
    base = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
    n = seen[base]
    seen[base] += 1
    return base if n == 0 else f"{base}-{n}"


@dataclass
class Readme:
    """What a reader sees: h2 sections with the (title, link) of each paper bullet, and all links."""

    sections: dict[str, list[tuple[str, str]]]
    hrefs: list[str]
    anchors: set[str]
    tokens: list[Token]

    @property
    def papers(self) -> list[tuple[str, str]]:
        return [p for rows in self.sections.values() for p in rows]


def read_readme(path: Path) -> Readme:
    tokens = MD.parse(path.read_text(encoding="utf-8"))
    sections: dict[str, list[tuple[str, str]]] = {}
    anchors: set[str] = set()
    seen: Counter[str] = Counter()
    current = ""
    depth = 0
    for i, t in enumerate(tokens):
        if t.type == "heading_open":
            name = plain(tokens[i + 1])
            anchors.add(slug(name, seen))
            if t.tag != "h3":  # a subsection (h3) stays in its section
                current = name if t.tag == "h2" and name != "Contents" else ""
            if current and t.tag == "h2":
                sections[current] = []
        elif t.type == "bullet_list_open":
            depth += 1
        elif t.type == "bullet_list_close":
            depth -= 1
        elif t.type == "inline" and current and depth == 1 and tokens[i - 1].type == "paragraph_open":
            children = t.children or []
            if children and children[0].type == "link_open":
                end = next(j for j, c in enumerate(children) if c.type == "link_close")
                title = "".join(c.content for c in children[1:end])
                sections[current].append((title, unquote(str(children[0].attrs["href"]))))
            else:  # an unlinked title ends at the venue or at the line break before the details
                end = next((j for j, c in enumerate(children) if c.type in ("hardbreak", "softbreak")), None)
                first = Token("inline", "", 0, children=children[:end])
                sections[current].append((plain(first).split(" · ")[0], ""))
    hrefs = [str(t.attrs["href"]) for t in flat(tokens) if t.type == "link_open"]
    return Readme(sections, hrefs, anchors, flat(tokens))


def entries_parsed(files: list[Path]) -> int:
    return sum(len(parse_file(f).entries) for f in files)


# ---------------------------------------------------------------------------------- one shared run


@dataclass
class Merged:
    src: Path
    out: Path
    run: Run
    papers: list[dict[str, str]]


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> Merged:
    """The bundled sources merged once, verbosely, from a copy (later tests may edit things)."""
    base = tmp_path_factory.mktemp("cli")
    src = base / "sources"
    shutil.copytree(SOURCES, src)
    out = base / "output"
    result = run(src, "-o", out, "-v")
    assert result.code == 0, result.err
    return Merged(src, out, result, read_csv(out / "papers.csv"))


def test_writes_every_output_with_the_spec_columns_first(merged: Merged) -> None:
    assert sorted(p.name for p in merged.out.iterdir()) == sorted(OUTPUTS)
    for name, columns in (("papers.csv", SPEC_PAPER_COLUMNS), ("dedup_report.csv", SPEC_REPORT_COLUMNS),
                          ("review.csv", SPEC_REVIEW_COLUMNS)):  # fmt: skip
        assert header(merged.out / name)[: len(columns)] == columns, name
    assert len(merged.papers) > 100
    assert merged.out.joinpath("papers.json").read_text().lstrip().startswith("[")
    assert merged.out.joinpath("papers.bib").read_text().count("\n@") + 1 >= len(merged.papers)


def test_verbose_prints_timings_and_files_and_quiet_prints_nothing(merged: Merged, tmp_path: Path) -> None:
    assert re.search(r"timings: parse \d+\.\d\ds", merged.run.err)
    assert f"{merged.out / 'README.md'}" in merged.run.err
    assert re.search(r"merged \d+ entries from 5 lists into \d+ papers", merged.run.err)
    again = run(merged.src, "-o", tmp_path, "-q")
    assert (again.code, again.out, again.err) == (0, "", "")
    for name in OUTPUTS:  # and a second run gives byte-identical outputs
        assert (tmp_path / name).read_bytes() == (merged.out / name).read_bytes(), name


def test_renamed_and_reordered_inputs_give_the_same_papers_and_ids(merged: Merged, tmp_path: Path) -> None:
    files = sorted(merged.src.glob("*.md"))
    copies = []
    for i, f in enumerate(reversed(files)):
        copy = tmp_path / "elsewhere" / f"{i}-{f.stem.upper()}.markdown"
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(f.read_bytes())
        copies.append(copy)
    result = run(*copies, "--config", merged.src / "awesome-merge.toml", "-o", tmp_path / "out", "-q")
    assert result.code == 0, result.err
    renamed = read_csv(tmp_path / "out" / "papers.csv")
    keep = [c for c in SPEC_PAPER_COLUMNS if c not in ("topics", "sources")]  # sources are renamed
    assert [{k: p[k] for k in keep} for p in renamed] == [{k: p[k] for k in keep} for p in merged.papers]


def test_nothing_is_lost_and_every_paper_is_in_the_readme_once(merged: Merged) -> None:
    n_entries = entries_parsed(sorted(merged.src.glob("*.md")))
    report = read_csv(merged.out / "dedup_report.csv")
    assert len(report) == n_entries == sum(int(p["n_entries"]) for p in merged.papers)
    assert (
        f"**{n_entries}** entries read, **{len(merged.papers)}** papers"
        in (merged.out / "README.md").read_text()
    )
    assert {r["cluster_id"] for r in report} == {p["cluster_id"] for p in merged.papers}
    readme = read_readme(merged.out / "README.md")
    assert len(readme.papers) == len(merged.papers)
    assert Counter(t for t, _ in readme.papers) == Counter(p["title"] for p in merged.papers)
    assert Counter(u for _, u in readme.papers if u) == Counter(
        unquote(p["url"]) for p in merged.papers if p["url"]
    )


def test_the_readme_read_back_as_a_source_adds_no_paper(merged: Merged, tmp_path: Path) -> None:
    result = run(merged.src, merged.out / "README.md", "-o", tmp_path, "-q")
    assert result.code == 0, result.err
    papers = read_csv(tmp_path / "papers.csv")
    assert [p["cluster_id"] for p in papers] == [p["cluster_id"] for p in merged.papers]
    # every paper bullet was read back and joined its paper; the list-of-sources table was skipped
    report = read_csv(tmp_path / "dedup_report.csv")
    assert sum(r["source"] == "README.md" for r in report) == len(merged.papers)


def test_the_readme_is_commonmark_with_working_links_and_no_stray_markup(merged: Merged) -> None:
    readme = read_readme(merged.out / "README.md")
    for href in readme.hrefs:
        if href.startswith("#"):
            assert unquote(href[1:]) in readme.anchors, href
        else:
            assert re.match(r"https?://[^/\s]+", href), href
    toc = [h for h in readme.hrefs if h.startswith("#") and h != "#contents"]  # not the links back up
    subsections = sum(t.type == "heading_open" and t.tag == "h3" for t in readme.tokens)
    assert len(toc) == len(readme.sections) + subsections > 5  # the table of contents names every section
    assert readme.hrefs.count("#contents") == len(readme.sections)  # and every section links back to it
    html = [t.content.strip() for t in readme.tokens if t.type in ("html_block", "html_inline")]
    assert html[0].startswith("<!-- Generated by awesome-merge")  # the marker that lets a run replace it
    assert set(html[1:]) <= SKIP_MARKERS
    visible = " ".join(t.content for t in readme.tokens if t.type == "text")
    assert "\\" not in visible and "&amp;" not in visible and "\ufffd" not in visible


def test_check_passes_on_fresh_outputs_and_lists_an_edited_file(merged: Merged, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(merged.out, out)
    fresh = run(merged.src, "-o", out, "--check")
    assert fresh.code == 0, fresh.err
    with (out / "papers.csv").open("a") as f:
        f.write("hand,edited\n")
    stale = run(merged.src, "-o", out, "--check")
    assert stale.code == 3
    assert str(out / "papers.csv") in stale.err and "README.md" not in stale.err
    assert (out / "papers.csv").read_text().endswith("hand,edited\n")  # --check writes nothing


@pytest.mark.parametrize("group_by", ["year", "source"])
def test_group_by_year_or_source(merged: Merged, tmp_path: Path, group_by: str) -> None:
    result = run(merged.src, "-o", tmp_path, "--group-by", group_by, "-q")
    assert result.code == 0, result.err
    readme = read_readme(tmp_path / "README.md")
    if group_by == "year":
        assert all(re.fullmatch(r"\d{4}|Unknown year", s) for s in readme.sections), list(readme.sections)
        years = [int(s) for s in readme.sections if s.isdigit()]
        assert years == sorted(years, reverse=True) and len(years) > 3
    else:
        assert len(readme.sections) == 5  # each list under the display name its config gives
        assert set(readme.sections) == {
            "yh-yao",
            "longtanle",
            "longtanle 2024-02",
            "lishenghui",
            "fed-reasoning",
        }
    assert Counter(t for t, _ in readme.papers) == Counter(p["title"] for p in merged.papers)


def test_a_title_threshold_of_100_merges_no_more(merged: Merged, tmp_path: Path) -> None:
    """Catches a `--title-threshold` that is ignored or works backwards: at 100 the papers are the default
    run's papers split, never joined, and the pairs joined by a fuzzy title score (not equal titles, not a
    dropped subtitle, scored 95) come apart."""
    result = run(merged.src, "-o", tmp_path, "--title-threshold", "100", "-q")
    assert result.code == 0, result.err
    strict = read_csv(tmp_path / "papers.csv")
    default_report = read_csv(merged.out / "dedup_report.csv")
    strict_report = read_csv(tmp_path / "dedup_report.csv")
    default_cluster = {(r["source"], r["line"]): r["cluster_id"] for r in default_report}
    strict_cluster = {(r["source"], r["line"]): r["cluster_id"] for r in strict_report}
    assert default_cluster.keys() == strict_cluster.keys()
    was_in: dict[str, set[str]] = {}
    for entry, cluster in strict_cluster.items():
        was_in.setdefault(cluster, set()).add(default_cluster[entry])
    assert all(len(clusters) == 1 for clusters in was_in.values())  # no new merge
    loose = [r for r in default_report if r["matched_by"] == "title" and 95 < float(r["score"]) < 100]
    assert loose, "the bundled lists hold a near-identical title pair"
    for r in loose:
        source, line = r["linked_to"].rsplit(":", 1)
        assert strict_cluster[(r["source"], r["line"])] != strict_cluster[(source, line)], r
    assert len(strict) > len(merged.papers)
    fuzzy = [r for r in strict_report if r["matched_by"] == "title"]
    assert all(float(r["score"]) >= 95 for r in fuzzy)  # equal titles, or a subtitle dropped (95)


# ---------------------------------------------------------------------------------- errors and help


def assert_one_line_error(result: Run, *names: str, code: int = 1) -> None:
    assert result.code == code, result
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err and result.out == ""
    for name in names:
        assert name in lines[0]


def test_a_missing_source_is_one_line_naming_it(tmp_path: Path) -> None:
    assert_one_line_error(
        run(tmp_path / "no-such-list.md", "-o", tmp_path / "out"), "no-such-list.md", code=4
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("config", "says"),
    [
        ("[[source]]\nname = 'x'\nurl = [\n", "not valid TOML"),
        ("[match]\ntitle_treshold = 90\n", "title_treshold"),
    ],
)
def test_a_bad_config_is_one_line_naming_the_file(
    merged: Merged, tmp_path: Path, config: str, says: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(config)
    assert_one_line_error(run(merged.src, "-o", tmp_path / "out", "--config", path), "bad.toml", says)
    assert not (tmp_path / "out").exists()


def test_help_names_every_option_and_gives_an_example() -> None:
    from awesome_merge.cli import main

    result = run("--help")
    assert result.code == 0
    for param in main.params:
        for opt in param.opts:
            if opt.startswith("-"):
                assert opt in result.out, opt
    assert "Example" in result.out and "awesome-merge sources/ -o output/" in result.out


# ---------------------------------------------------------------------------------- --fetch


class ListServer:
    """A local upstream: serves `body` at /list.md, or 404 once `body` is None."""

    def __init__(self, body: bytes) -> None:
        self.body: bytes | None = body
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                found = self.path == "/list.md" and server.body is not None
                body = server.body if found and server.body is not None else b"<h1>Not Found</h1>"
                self.send_response(200 if found else 404)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/list.md"


@pytest.fixture
def upstream() -> Iterator[ListServer]:
    server = ListServer(SOURCES.joinpath("longtanle-awesome-federated-llm-learning.md").read_bytes())
    thread = threading.Thread(target=server.httpd.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def test_fetch_refreshes_the_snapshot_and_writes_changes(upstream: ListServer, tmp_path: Path) -> None:
    snapshots = tmp_path / "sources"
    snapshots.mkdir()
    old = SOURCES / "longtanle-awesome-federated-llm-learning-2024-02.md"
    shutil.copy(old, snapshots / "longtanle.md")  # an old snapshot; upstream has grown since
    (snapshots / "awesome-merge.toml").write_text(f'[[source]]\nname = "longtanle"\nurl = "{upstream.url}"\n')
    out = tmp_path / "out"
    assert run(snapshots, "-o", out, "-q").code == 0
    before = read_csv(out / "papers.csv")

    fetched = run(snapshots, "-o", out, "--fetch")
    assert fetched.code == 0, fetched.err
    assert (snapshots / "longtanle.md").read_bytes() == upstream.body
    assert (snapshots / ".awesome-merge-fetch.json").is_file()
    after = read_csv(out / "papers.csv")
    assert len(after) > len(before)
    changes = (out / "CHANGES.md").read_text()
    added = len({p["cluster_id"] for p in after} - {p["cluster_id"] for p in before})
    assert f"{added} added" in changes and "### Added papers" in changes
    assert "Petals" not in changes.split("### Added papers")[1]  # in the old snapshot already: not added

    upstream.body = None  # upstream now answers 404
    failed = run(snapshots, "-o", tmp_path / "after-404", "--fetch", "--strict")
    assert failed.code == 1
    assert "longtanle" in failed.err and "404" in failed.err and "Traceback" not in failed.err
    assert (snapshots / "longtanle.md").read_bytes() == SOURCES.joinpath(
        "longtanle-awesome-federated-llm-learning.md"
    ).read_bytes()  # the last good snapshot is kept ...
    kept = read_csv(tmp_path / "after-404" / "papers.csv")  # ... and merged into fresh outputs
    assert [p["cluster_id"] for p in kept] == [p["cluster_id"] for p in after]
    assert (tmp_path / "after-404" / "CHANGES.md").is_file()


def test_a_source_file_named_alone_is_protected_from_the_output(tmp_path):
    """`awesome-merge dir/README.md -o dir` would overwrite the source: it is refused, and the file stays."""
    source = tmp_path / "README.md"
    text = "# List\n\n- [A federated paper with a long enough title](https://arxiv.org/abs/2402.11505)\n"
    source.write_text(text, encoding="utf-8")
    done = subprocess.run(["awesome-merge", str(source), "-o", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert source.read_text(encoding="utf-8") == text


def test_an_unknown_config_table_is_an_error_naming_it(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "list.md").write_text("- [A federated paper title here](https://arxiv.org/abs/2402.11505)\n")
    (folder / "awesome-merge.toml").write_text("[matchx]\ntitle_threshold = 90\n")
    done = subprocess.run(
        ["awesome-merge", str(folder), "-o", str(tmp_path / "out")], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "matchx" in done.stderr and "Traceback" not in done.stderr


def test_the_committed_output_is_what_the_sources_give():
    """output/ in the repository is generated, never hand-edited: the tool's own --check must agree."""

    done = subprocess.run(
        ["awesome-merge", str(ROOT / "sources"), "-o", str(ROOT / "output"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_the_library_call_writes_what_the_command_writes(merged: Merged, tmp_path: Path) -> None:
    from awesome_merge import merge

    written = merge([merged.src]).write(tmp_path / "lib")
    assert sorted(written) == sorted(OUTPUTS)
    for name in OUTPUTS:
        assert (tmp_path / "lib" / name).read_bytes() == (merged.out / name).read_bytes(), name
