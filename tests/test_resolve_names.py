"""OpenReview forums looked up, and labels joined to the paper whose abstract coins their name: against the
stand-in server on 127.0.0.1 (`metadata_server.py`), which answers in OpenReview's API 2 format."""

from __future__ import annotations

import json

import pytest
from metadata_server import MetadataServer
from test_resolve import folder, run

from awesome_merge.resolve import Record
from awesome_merge.resolve.names import coined_names
from awesome_merge.resolve.openreview import MalformedNote, parse_notes

WIDGET = "Freezing Half of the Adapter Makes Private Federated Tuning Stable"
ABSTRACT = (
    "Low-rank adaptation (LoRA) is popular for tuning language models. It becomes unstable under "
    "differential privacy. Thus, this paper proposes Frozen Half Adapter Tuning (FHA-Tune), which fixes "
    "one of the two matrices. Our experiments show FHA-Tune is stable."
)


def note(forum: str, title: str, abstract: str = ABSTRACT, venue: str = "ICLR 2024 poster") -> str:
    """One note as API 2 writes it: every field a `{"value": ...}`."""
    content = {
        "title": {"value": title},
        "authors": {"value": ["Ada Lovelace", "Alan Turing"]},
        "abstract": {"value": abstract},
        "venue": {"value": venue},
        "venueid": {"value": "ICLR.cc/2024/Conference"},
    }
    return json.dumps({"id": forum, "forum": forum, "content": content, "pdate": 1705363200000})


@pytest.fixture
def server():
    with MetadataServer() as running:
        running.openreview["WidGet01"] = note("WidGet01", WIDGET)
        yield running


# ------------------------------------------------------------------------------------------ coined names


def test_the_name_a_paper_coins_for_its_own_work_is_read_not_the_names_it_builds_on():
    assert coined_names(ABSTRACT) == ("FHA-Tune",)


def test_a_name_after_a_naming_verb_counts_and_a_sentence_about_others_does_not():
    text = "Prior work (FooNet) is slow. We present a method dubbed BarNet2, faster than (FooNet)."
    assert coined_names(text) == ("BarNet2",)


def test_an_abstract_coining_many_names_coins_none():
    text = (
        "We propose (AlphaNet). We introduce (BetaNet). We present (GammaNet). We design (DeltaNet) for it."
    )
    assert coined_names(text) == ()


def test_short_or_plain_words_in_parentheses_are_no_names():
    assert coined_names("We propose a model (ours) for federated learning (FL) on graphs (GNN).") == ("GNN",)


# ----------------------------------------------------------------------------------------- the service


def test_an_api2_note_and_an_older_api_note_give_the_same_record():
    v2 = json.loads(note("WidGet01", WIDGET))
    v1 = {**v2, "content": {k: v["value"] for k, v in v2["content"].items()}}
    for data in (v2, v1):
        record = parse_notes({"notes": [data]}, "WidGet01", "2026-12-01")
        assert record is not None
        assert (record.key, record.service, record.title) == ("openreview:WidGet01", "openreview", WIDGET)
        assert (record.venue, record.year, record.names) == ("ICLR 2024", 2024, ("FHA-Tune",))
        assert record.authors == ("Ada Lovelace", "Alan Turing")


def test_an_empty_notes_list_is_no_record_and_another_body_is_malformed():
    assert parse_notes({"notes": [], "count": 0}, "WidGet01", "2026-12-01") is None
    with pytest.raises(MalformedNote):
        parse_notes({"status": "ok"}, "WidGet01", "2026-12-01")
    with pytest.raises(MalformedNote):
        parse_notes({"notes": [{"id": "WidGet01", "content": {}}]}, "WidGet01", "2026-12-01")


def test_a_record_with_names_is_cached_and_read_back_the_same():
    record = Record("openreview:WidGet01", "openreview", "2026-12-01", WIDGET, names=("FHA-Tune",))
    assert Record.from_json(record.to_json()) == record


def test_forums_are_looked_up_only_for_entries_with_no_arxiv_id_or_doi(tmp_path, server):
    lists = {
        "a.md": (
            f"- [{WIDGET}](https://openreview.net/forum?id=WidGet01)\n"
            "- [Another Paper With an Arxiv Link Too Here](https://arxiv.org/abs/2308.06522) "
            "[[review]](https://openreview.net/forum?id=OtHer002)\n"
        )
    }
    result, warnings = run(folder(tmp_path, lists, server))
    asked = [r.query["id"][0] for r in server.requests if r.path == "/openreview/notes"]
    assert asked == ["WidGet01"]
    assert result.metadata.requests["OpenReview"] == 1
    assert not [w for w in warnings if "OpenReview" in w]


def test_an_unknown_forum_is_one_warning_and_a_malformed_answer_is_no_traceback(tmp_path, server):
    lists = {"a.md": f"- [{WIDGET} Again](https://openreview.net/forum?id=NoSuch09)\n"}
    _, warnings = run(folder(tmp_path, lists, server))
    assert "metadata: OpenReview has no record of NoSuch09" in warnings
    server.malformed = True
    (tmp_path / "again").mkdir()
    _, warnings = run(folder(tmp_path / "again", lists, server))
    assert "metadata: OpenReview: not JSON for NoSuch09; looked up again next time" in warnings


# ------------------------------------------------------------------------------------------- the joins


def test_a_label_of_the_coined_name_joins_the_paper_and_a_curator_is_asked_to_check(tmp_path, server):
    lists = {
        "a.md": f"- [{WIDGET}](https://openreview.net/forum?id=WidGet01)\n",
        "b.md": "- [FHA-Tune (ICLR'24)](https://proceedings.example.org/2024/file/abc-Paper.pdf)\n",
    }
    result, _ = run(folder(tmp_path, lists, server))
    assert result.papers.title.tolist() == [WIDGET]
    assert result.report.set_index("source").loc["b.md", "matched_by"] == "coined_name"
    reasons = result.review.reason.tolist()
    assert any("the label names FHA-Tune" in r and "WidGet01" in r for r in reasons)


def test_without_the_record_the_label_stays_a_paper_of_its_own(tmp_path, server):
    lists = {
        "a.md": f"- [{WIDGET}](https://openreview.net/forum?id=WidGet01)\n",
        "b.md": "- [FHA-Tune (ICLR'24)](https://proceedings.example.org/2024/file/abc-Paper.pdf)\n",
    }
    del server.openreview["WidGet01"]
    result, _ = run(folder(tmp_path, lists, server))
    assert sorted(result.papers.title) == ["FHA-Tune (ICLR'24)", WIDGET]


def test_a_name_two_papers_coin_joins_neither(tmp_path, server):
    other = "A Different Paper That Happens to Coin the Same Method Name"
    server.openreview["OtHer002"] = note("OtHer002", other)
    lists = {
        "a.md": f"- [{WIDGET}](https://openreview.net/forum?id=WidGet01)\n"
        f"- [{other}](https://openreview.net/forum?id=OtHer002)\n",
        "b.md": "- [FHA-Tune](https://proceedings.example.org/2024/file/abc-Paper.pdf)\n",
    }
    result, _ = run(folder(tmp_path, lists, server))
    assert len(result.papers) == 3


def test_a_label_with_its_own_arxiv_id_or_years_apart_is_not_joined_by_the_name(tmp_path, server):
    lists = {
        "a.md": f"- [{WIDGET}](https://openreview.net/forum?id=WidGet01)\n",
        "b.md": "- [FHA-Tune](https://arxiv.org/abs/2308.06522)\n"
        "- FHA-Tune (2019) [pdf](https://proceedings.example.org/2019/file/abc-Paper.pdf)\n",
    }
    result, _ = run(folder(tmp_path, lists, server))
    assert len(result.papers) == 3
    assert "coined_name" not in result.report.matched_by.tolist()


def test_a_label_naming_a_listed_paper_but_linking_another_is_not_retitled_by_that_link(tmp_path, server):
    """`ZooFL` linking some other paper's arXiv id: its record is that other paper, but the label names the
    listed `ZooFL: ...` paper. The record must not give the label the other paper's title; a curator sees
    the slip in the review."""
    server.arxiv["2401.00009"] = (
        "<entry><id>http://arxiv.org/abs/2401.00009v1</id><published>2024-01-01T00:00:00Z</published>"
        "<title>Sparse Gadget Routing for Graph Federations</title></entry>"
    )
    zoo = "ZooFL: Exploring Black-box Widgets for Personal Federated Learning"
    lists = {
        "a.md": f"- [{zoo}](https://arxiv.org/abs/2310.99999)\n",
        "b.md": "- [ZooFL](https://arxiv.org/abs/2401.00009)\n",
    }
    result, _ = run(folder(tmp_path, lists, server))
    assert sorted(result.papers.title) == ["ZooFL", zoo]
    rows = result.review[result.review.reason.str.contains("the label ZooFL is the name of this paper")]
    assert len(rows) == 1
    assert "Sparse Gadget Routing" in rows.reason.iloc[0]
