"""Looking papers up (`--resolve`): the clients against a stand-in server on 127.0.0.1, the cache, and what
the records change in the merged list. No test reaches the internet."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from metadata_server import MetadataServer

from awesome_merge import merge
from awesome_merge.cli import main
from awesome_merge.config import load_config
from awesome_merge.diagnostics import AwesomeMergeError
from awesome_merge.resolve import Record, ResolveRun
from awesome_merge.resolve.cache import Cache

SLORA = "SLoRA: Federated Parameter Efficient Fine-Tuning of Language Models"


class FakeClock:
    """Time that moves only when the client sleeps; every pause is kept for the test to read."""

    def __init__(self) -> None:
        self.t = 100.0
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.t += seconds


@pytest.fixture
def server():
    with MetadataServer() as running:
        yield running


def folder(tmp_path: Path, lists: dict[str, str], server: MetadataServer, **resolve: object) -> Path:
    """A sources folder with `lists` and a config whose [resolve] points at the stand-in server."""
    sources = tmp_path / "sources"
    sources.mkdir(exist_ok=True)
    for name, text in lists.items():
        (sources / name).write_text(text, encoding="utf-8")
    settings = {
        "arxiv_api": server.arxiv_api,
        "crossref_api": server.crossref_api,
        "openreview_api": server.openreview_api,
        "contact": "curator@example.org",
        "arxiv_interval": 0,
        "crossref_interval": 0,
        "openreview_interval": 0,
        **resolve,
    }
    lines = ["[resolve]", *(f"{k} = {json.dumps(v)}" for k, v in settings.items())]
    (sources / "awesome-merge.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sources


def run(sources: Path, mode: str = "missing", clock: FakeClock | None = None):
    warnings: list[str] = []
    result = merge(
        [sources], jobs=1, resolve=ResolveRun(mode, clock=clock or FakeClock(), warn=warnings.append)
    )
    return result, warnings


def paper_of(result, title_start: str):
    rows = result.papers[result.papers.title.str.startswith(title_start)]
    assert len(rows) == 1, rows.title.tolist()
    return rows.iloc[0]


# ---------------------------------------------------------------------------------------------- clients


def test_arxiv_ids_are_asked_in_batches_of_the_configured_size(tmp_path, server):
    ids = ["2308.06522", "2308.13894", "2205.08514", "2401.06432", "2310.06123"]
    text = "".join(f"- [Label{n}](https://arxiv.org/abs/{i})\n" for n, i in enumerate(ids))
    result, _ = run(folder(tmp_path, {"a.md": text}, server, batch_size=2))
    asked = [r.query["id_list"][0].split(",") for r in server.requests if r.path == "/api/query"]
    assert [len(batch) for batch in asked] == [2, 2, 1]
    assert sorted(i for batch in asked for i in batch) == sorted(ids)
    assert all(r.query["max_results"] == [str(len(b))] for r, b in zip(server.requests, asked, strict=True))
    assert result.metadata.requests == {"arXiv": 3}
    assert result.metadata.fetched == 5


def test_arxiv_requests_keep_the_configured_pace_on_the_clock(tmp_path, server):
    text = "".join(
        f"- [L{n}](https://arxiv.org/abs/{i})\n"
        for n, i in enumerate(["2308.06522", "2308.13894", "2205.08514"])
    )
    clock = FakeClock()
    result, _ = run(folder(tmp_path, {"a.md": text}, server, batch_size=1, arxiv_interval=3.0), clock=clock)
    assert clock.sleeps == [3.0, 3.0]  # three requests, each one 3 s after the one before
    assert result.metadata.seconds == pytest.approx(6.0)


def test_busy_server_is_retried_with_backoff_and_retry_after(tmp_path, server):
    server.fail = [503, 429]
    server.retry_after = "7"
    clock = FakeClock()
    result, warnings = run(
        folder(tmp_path, {"a.md": "- [SLoRA](https://arxiv.org/abs/2308.06522)\n"}, server), clock=clock
    )
    assert clock.sleeps == [7.0, 7.0]  # the server's Retry-After, both times
    assert warnings == []
    assert paper_of(result, "SLoRA").title == SLORA


def test_backoff_doubles_without_retry_after(tmp_path, server):
    server.fail = [500, 502]
    clock = FakeClock()
    run(folder(tmp_path, {"a.md": "- [SLoRA](https://arxiv.org/abs/2308.06522)\n"}, server), clock=clock)
    assert clock.sleeps == [1.0, 2.0]


def test_a_failed_fetch_is_one_warning_and_loses_no_cached_record(tmp_path, server):
    sources = folder(
        tmp_path,
        {
            "a.md": "- [SLoRA](https://arxiv.org/abs/2308.06522)\n- [FwdLLM](https://arxiv.org/abs/2308.13894)\n"
        },
        server,
        batch_size=1,
    )
    old = Record("arxiv:2308.06522", "arxiv", "2020-01-01", title=SLORA)
    (sources / "metadata.jsonl").write_text(old.to_json() + "\n", encoding="utf-8")
    server.fail = [503, 503, 503]
    result, warnings = run(sources)
    assert warnings == [
        "metadata: arXiv: HTTP 503 after 3 attempts for 2308.13894; looked up again next time"
    ]
    assert result.metadata.failed == 1
    assert Cache(sources / "metadata.jsonl").records == {old.key: old}
    assert paper_of(result, "SLoRA").title == SLORA  # the cached record is still used


def test_unknown_ids_are_one_warning_per_service_and_not_cached(tmp_path, server):
    text = "- [Foo](https://arxiv.org/abs/2501.00001)\n- [Bar](https://doi.org/10.1000/nothing)\n"
    sources = folder(tmp_path, {"a.md": text}, server)
    result, warnings = run(sources)
    assert warnings == [
        "metadata: arXiv has no record of 2501.00001",
        "metadata: Crossref has no record of 10.1000/nothing",
    ]
    assert [r.path for r in server.requests] == ["/api/query", "/crossref/works/10.1000/nothing"]
    assert result.metadata.unknown == 2
    assert not (sources / "metadata.jsonl").exists()


def test_a_malformed_answer_is_a_warning_not_a_traceback(tmp_path, server):
    server.malformed = True
    text = "- [SLoRA](https://arxiv.org/abs/2308.06522)\n- [FedRDMA](https://dl.acm.org/doi/10.1145/3704452.3708944)\n"
    result, warnings = run(folder(tmp_path, {"a.md": text}, server))
    assert len(warnings) == 2
    assert warnings[0].startswith("metadata: arXiv: not an Atom feed")
    assert (
        warnings[1] == "metadata: Crossref: not JSON for 10.1145/3704452.3708944; looked up again next time"
    )
    assert paper_of(result, "SLoRA").title == "SLoRA"  # no record: the list's label stays


def test_a_slow_server_times_out_with_one_warning(tmp_path, server):
    server.delay = 1.5
    sources = folder(
        tmp_path, {"a.md": "- [SLoRA](https://arxiv.org/abs/2308.06522)\n"}, server, timeout=0.2, retries=1
    )
    _, warnings = run(sources)
    assert warnings == [
        "metadata: arXiv: timed out after 1 attempts for 2308.06522; looked up again next time"
    ]


def test_requests_name_the_tool_and_the_contact(tmp_path, server):
    text = "- [FedRDMA](https://dl.acm.org/doi/10.1145/3704452.3708944)\n"
    run(folder(tmp_path, {"a.md": text}, server))
    [request] = server.requests
    assert (
        request.user_agent.startswith("awesome-merge/") and "mailto:curator@example.org" in request.user_agent
    )
    assert request.query["mailto"] == ["curator@example.org"]  # Crossref's polite pool


# ------------------------------------------------------------------------------------------------ cache


def test_cache_is_sorted_one_record_a_line_and_read_back_the_same(tmp_path, server):
    text = "- [SLoRA](https://arxiv.org/abs/2308.06522)\n- [FedKC](https://doi.org/10.1145/3485447.3511988)\n- [Rec](https://arxiv.org/abs/2205.08514)\n"
    sources = folder(tmp_path, {"a.md": text}, server)
    run(sources)
    lines = (sources / "metadata.jsonl").read_text(encoding="utf-8").splitlines()
    keys = [json.loads(line)["key"] for line in lines]
    assert keys == sorted(keys) == ["arxiv:2205.08514", "arxiv:2308.06522", "doi:10.1145/3485447.3511988"]
    crossref = json.loads(lines[2])
    assert (
        crossref["service"] == "crossref"
        and crossref["venue"] == "Proceedings of the ACM Web Conference 2022"
    )
    assert crossref["year"] == 2022 and crossref["fetched"]
    cache = Cache(sources / "metadata.jsonl")
    assert cache.text() == "\n".join(lines) + "\n"


def test_a_cache_with_an_unreadable_line_is_never_rewritten(tmp_path, server):
    sources = folder(tmp_path, {"a.md": "- [SLoRA](https://arxiv.org/abs/2308.06522)\n"}, server)
    (sources / "metadata.jsonl").write_text("{not json\n", encoding="utf-8")
    _, warnings = run(sources)
    assert (sources / "metadata.jsonl").read_text(encoding="utf-8") == "{not json\n"
    assert any("line(s) 1 hold no record" in w for w in warnings)
    assert any("not saved" in w for w in warnings)


def test_a_plain_run_reads_the_cache_only_and_gives_the_resolve_runs_outputs(tmp_path, server):
    text = "- [SLoRA](https://arxiv.org/abs/2308.06522)\n- [FedRDMA](https://dl.acm.org/doi/10.1145/3704452.3708944)\n"
    sources = folder(
        tmp_path, {"a.md": text, "b.md": f"- [{SLORA}](https://openreview.net/forum?id=06quMTmtRV)\n"}, server
    )
    resolved, _ = run(sources)
    resolved.write(tmp_path / "resolved")
    asked = len(server.requests)
    for name in ("plain1", "plain2"):
        merge([sources], jobs=1).write(tmp_path / name)
    assert len(server.requests) == asked  # offline: nothing asked
    outputs = [
        {p.name: p.read_bytes() for p in (tmp_path / n).iterdir()} for n in ("resolved", "plain1", "plain2")
    ]
    assert outputs[0] == outputs[1] == outputs[2]


def test_resolve_asks_only_what_the_cache_lacks_and_refresh_what_is_old(tmp_path, server):
    sources = folder(
        tmp_path, {"a.md": "- [SLoRA](https://arxiv.org/abs/2308.06522)\n"}, server, max_age_days=30
    )
    (sources / "metadata.jsonl").write_text(
        Record("arxiv:2308.06522", "arxiv", "2001-01-01", title="Old").to_json() + "\n"
    )
    run(sources)
    assert server.requests == []
    result, _ = run(sources, mode="refresh")
    assert len(server.requests) == 1
    assert paper_of(result, "SLoRA").title == SLORA
    assert Cache(sources / "metadata.jsonl").records["arxiv:2308.06522"].fetched != "2001-01-01"


def test_a_stand_in_record_is_read_offline_and_replaced_by_the_services_own(tmp_path, server):
    sources = folder(tmp_path, {"a.md": "- [SLoRA](https://arxiv.org/abs/2308.06522)\n"}, server)
    stand_in = Record("arxiv:2308.06522", "stand-in", "2026-01-01", title="SLoRA: A Hand-Written Title")
    (sources / "metadata.jsonl").write_text(stand_in.to_json() + "\n")
    plain = merge([sources], jobs=1)
    assert paper_of(plain, "SLoRA").title == "SLoRA: A Hand-Written Title"  # offline: the stand-in is used
    assert server.requests == []
    result, _ = run(sources)
    assert len(server.requests) == 1
    assert paper_of(result, "SLoRA").title == SLORA
    assert Cache(sources / "metadata.jsonl").records["arxiv:2308.06522"].service == "arxiv"


# ------------------------------------------------------------------------------------- what records do


def test_a_label_takes_its_papers_title_and_joins_the_full_entry(tmp_path, server):
    lists = {
        "a.md": "- [SLoRA](https://arxiv.org/abs/2308.06522)\n",
        "b.md": f"- [{SLORA}](https://openreview.net/forum?id=06quMTmtRV)\n",
    }
    result, _ = run(folder(tmp_path, lists, server))
    assert len(result.papers) == 1
    assert result.papers.title.iloc[0] == SLORA
    assert "SLoRA" in result.entries.title.tolist()  # entries.csv keeps the list's own text
    assert result.report.set_index("source").loc["b.md", "matched_by"] in ("title", "self")


def test_without_records_the_label_stays_apart(tmp_path, server):
    lists = {
        "a.md": "- [SLoRA](https://arxiv.org/abs/2308.06522)\n",
        "b.md": f"- [{SLORA}](https://openreview.net/forum?id=06quMTmtRV)\n",
    }
    result = merge([folder(tmp_path, lists, server)], jobs=1)  # no cache yet, no fetching
    assert sorted(result.papers.title) == ["SLoRA", SLORA]


def test_a_record_linking_an_arxiv_id_and_a_doi_joins_their_entries(tmp_path, server):
    server.arxiv["2401.00001"] = (
        "<entry><id>http://arxiv.org/abs/2401.00001v2</id><published>2024-01-01T00:00:00Z</published>"
        "<title>Widget Synthesis for Federated Language Models at Scale</title>"
        "<author><name>Ada Lovelace</name></author>"
        '<arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">10.1000/widget.2024</arxiv:doi>'
        '<arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">WWW 2024</arxiv:journal_ref></entry>'
    )
    lists = {
        "a.md": "- [WidgetFL](https://arxiv.org/abs/2401.00001)\n",
        "b.md": "- [Widget paper](https://doi.org/10.1000/widget.2024)\n",
    }
    result, _ = run(folder(tmp_path, lists, server))
    assert len(result.papers) == 1
    paper = result.papers.iloc[0]
    assert paper.title == "Widget Synthesis for Federated Language Models at Scale"
    assert (paper.authors, paper.venue, paper.year) == ("Ada Lovelace", "WWW", 2024)
    assert "metadata" in result.report.matched_by.tolist()


def test_a_record_naming_another_paper_is_a_review_row_not_a_merge(tmp_path, server):
    lists = {
        "a.md": "- [Graph Colouring with Quantum Annealers on Sparse Random Graphs](https://arxiv.org/abs/2308.06522)\n",
        "b.md": f"- [{SLORA}](https://openreview.net/forum?id=06quMTmtRV)\n",
    }
    result, _ = run(folder(tmp_path, lists, server))
    assert len(result.papers) == 2
    assert paper_of(result, "Graph Colouring").title.startswith("Graph Colouring")
    [row] = result.review[result.review.reason.str.contains("another title")].itertuples()
    assert {row.a_source, row.b_source} == {"a.md", "b.md"}
    assert row.decision == "kept apart" and "2308.06522" in row.reason and "[[override]]" in row.override


def test_a_record_never_replaces_a_published_venue_and_fills_missing_authors(tmp_path, server):
    text = "- [Recovering Private Text in Federated Learning of Language Models](https://arxiv.org/abs/2205.08514) [NeurIPS 2022]\n"
    server.arxiv["2205.08514"] = server.arxiv["2205.08514"].replace(
        "</title>",
        '</title><author><name>Samyak Gupta</name></author><arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">A Workshop 2021</arxiv:journal_ref>',
    )
    result, _ = run(folder(tmp_path, {"a.md": text}, server))
    paper = paper_of(result, "Recovering Private Text")
    assert (paper.venue, paper.year, paper.authors) == ("NeurIPS", 2022, "Samyak Gupta")


def test_two_labels_on_one_id_join_by_the_link_and_ask_a_curator(tmp_path, server):
    lists = {
        "a.md": "- [SLoRA](https://arxiv.org/abs/2308.06522)\n- [Fed-BBPL](https://arxiv.org/abs/2308.06522)\n"
    }
    result, _ = run(folder(tmp_path, lists, server))
    assert result.papers.title.tolist() == [SLORA]
    [row] = result.review[result.review.reason.str.startswith("check: the label names fedbbpl")].itertuples()
    assert row.decision == "merged"


# ------------------------------------------------------------------------------------ command and config


def test_command_resolves_prints_one_summary_and_warnings_without_traceback(tmp_path, server):
    text = "- [SLoRA](https://arxiv.org/abs/2308.06522)\n- [Nothing](https://arxiv.org/abs/2501.00001)\n"
    sources = folder(tmp_path, {"a.md": text}, server)
    out = CliRunner().invoke(main, [str(sources), "-o", str(tmp_path / "out"), "--resolve"])
    assert out.exit_code == 0, out.output
    assert "Traceback" not in out.output
    assert "warning: metadata: arXiv has no record of 2501.00001" in out.output
    assert "metadata: 2 identifiers, 0 in the cache; 1 fetched (arXiv 1 request); 1 unknown" in out.output
    assert SLORA in (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    again = CliRunner().invoke(main, [str(sources), "-o", str(tmp_path / "out"), "--check"])
    assert again.exit_code == 0, again.output  # the plain run reads the cache: nothing would change


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('contact = "nobody"', "[resolve] contact: expected an e-mail address"),
        ('arxiv_api = "ftp://x"', "[resolve] arxiv_api: expected an http(s) URL"),
        ("batch_size = 5000", "[resolve] batch_size: expected a whole number from 1 to 500"),
        ("colour = 1", "[resolve]: unknown key(s) colour"),
    ],
)
def test_bad_resolve_settings_are_one_line_naming_the_key(tmp_path, line, message):
    path = tmp_path / "awesome-merge.toml"
    path.write_text(f"[resolve]\n{line}\n", encoding="utf-8")
    with pytest.raises(
        AwesomeMergeError, match=message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")
    ):
        load_config(path)


def test_bundled_cache_is_sorted_and_read_by_default(tmp_path):
    root = Path(__file__).resolve().parent.parent / "sources"
    cache = Cache(root / "metadata.jsonl")
    assert cache.records and not cache.bad_lines
    assert (root / "metadata.jsonl").read_text(encoding="utf-8") == cache.text()
    config = load_config(root / "awesome-merge.toml")
    assert replace(config.resolve).cache == "metadata.jsonl"


def test_bundled_output_shows_no_resolved_label_beside_its_paper():
    """With the committed cache, every label the cache resolves is shown under its paper's title: none
    is left as a paper of its own next to the full entry."""
    root = Path(__file__).resolve().parent.parent / "sources"
    result = merge([root], jobs=1)
    readme = (root.parent / "output" / "README.md").read_text(encoding="utf-8")
    labels = ("SLoRA", "FwdLLM", "FedRDMA", "Recovering Private Text", "HetLoRA", "Fed-BBPL", "FedTPG")
    for label in (*labels, "FFA-LoRA", "FFA-LoRA (ICLR’24)"):  # the last two by the name their paper coins
        assert label in result.entries.title.tolist()  # the list still writes the label
        assert label not in result.papers.title.tolist()
        assert f"[**{label}**]" not in readme


def test_an_override_names_a_resolved_label_as_the_list_writes_it(tmp_path, server):
    lists = {
        "a.md": "- [SLoRA](https://arxiv.org/abs/2308.06522)\n",
        "b.md": f"- [{SLORA}](https://openreview.net/forum?id=06quMTmtRV)\n",
    }
    sources = folder(tmp_path, lists, server)
    config = sources / "awesome-merge.toml"
    config.write_text(config.read_text() + f'\n[[override]]\ndifferent = ["SLoRA", "{SLORA}"]\n')
    result, _ = run(sources)
    assert len(result.papers) == 2 and result.overrides_applied == 1


def test_a_crossref_record_linking_its_preprint_joins_the_arxiv_entry(tmp_path, server):
    work = {
        "status": "ok",
        "message-type": "work",
        "message": {
            "DOI": "10.1000/pub.1",
            "title": ["Sparse Widgets for Federated Language Models Under Tight Budgets"],
            "author": [{"given": "Grace", "family": "Hopper", "sequence": "first", "affiliation": []}],
            "container-title": ["Proceedings of the ACM Web Conference 2025"],
            "issued": {"date-parts": [[2025, 4]]},
            "relation": {
                "has-preprint": [
                    {"id-type": "doi", "id": "10.48550/arXiv.2501.00002", "asserted-by": "subject"}
                ]
            },
        },
    }
    server.crossref["10.1000/pub.1"] = json.dumps(work)
    lists = {
        "a.md": "- [WidgetLM](https://arxiv.org/abs/2501.00002)\n",
        "b.md": "- [WidgetLM (WWW)](https://doi.org/10.1000/pub.1)\n",
    }
    result, _ = run(folder(tmp_path, lists, server))
    assert len(result.papers) == 1
    paper = result.papers.iloc[0]
    assert (paper.title, paper.authors, paper.year) == (work["message"]["title"][0], "Grace Hopper", 2025)
    assert sorted(result.report.matched_by) == ["metadata", "self"]  # one entry joined to the other by it


def test_an_interrupted_fetch_keeps_what_it_fetched(tmp_path, server):
    text = "- [SLoRA](https://arxiv.org/abs/2308.06522)\n- [FwdLLM](https://arxiv.org/abs/2308.13894)\n"
    sources = folder(tmp_path, {"a.md": text}, server, batch_size=1)

    def interrupt(stage: str, done: int, total: int) -> None:
        if stage == "resolve" and done == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        merge([sources], jobs=1, resolve=ResolveRun("missing", clock=FakeClock(), progress=interrupt))
    # ids are asked in sorted order, one a request: the first answer was saved, the second never asked
    assert list(Cache(sources / "metadata.jsonl").records) == ["arxiv:2308.06522"]


def test_check_with_resolve_fetches_nothing_and_writes_no_cache(tmp_path, server):
    sources = folder(tmp_path, {"a.md": "- [SLoRA](https://arxiv.org/abs/2308.06522)\n"}, server)
    out = CliRunner().invoke(main, [str(sources), "-o", str(tmp_path / "out"), "--check", "--resolve"])
    assert out.exit_code == 3, out.output  # no outputs yet: they would change
    assert "--check reads the metadata cache only" in out.output
    assert server.requests == [] and not (sources / "metadata.jsonl").exists()
