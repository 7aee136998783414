"""The reader on hand-written snippets of each layout class real lists use, none taken from a real list.

Each test names the layout class; each assertion is what a user of the merged list would see go wrong.
"""

from __future__ import annotations

from textwrap import dedent

from awesome_merge.parse import parse_text
from awesome_merge.parse.authors import looks_like_authors, parse_authors
from awesome_merge.parse.kind import heading_kind
from awesome_merge.parse.title import clean_decorated_title, read_citation
from awesome_merge.parse.venue import venue_and_year


def read(text: str):
    entries, _ = parse_text(dedent(text), "list.md")
    return entries


def test_plain_title_then_role_links_never_titles_an_entry_by_its_role():
    entries = read(
        """\
        ## Papers
        - Sparse Adapters for Protein Folding. [[pdf]](https://example.org/a.pdf)
        - Graph Kernels at Scale. [[PUB](https://pub.example.org/42/7)] [[PDF](https://example.org/b.pdf)] [[CODE](https://github.com/o/kernels)]
        """
    )
    assert [e.title for e in entries] == ["Sparse Adapters for Protein Folding", "Graph Kernels at Scale"]
    assert entries[1].url == "https://pub.example.org/42/7"
    assert entries[1].alt_urls == ["https://example.org/b.pdf"]
    assert entries[1].code_url == "https://github.com/o/kernels"


def test_bold_title_with_bare_url_lines_below_is_one_entry():
    entries = read(
        """\
        # Topic

        **Tiny Solvers: Learning Heuristics for Small Puzzles**

        - Paper: https://arxiv.org/abs/2401.01234
        - Code: https://github.com/o/tiny
        """
    )
    assert len(entries) == 1
    (entry,) = entries
    assert entry.title == "Tiny Solvers: Learning Heuristics for Small Puzzles"
    assert entry.arxiv_id == "2401.01234" and entry.code_url == "https://github.com/o/tiny"


def test_a_list_of_papers_under_a_heading_is_not_mistaken_for_one_entry():
    entries = read(
        """\
        ### Optimisation
        - **First Paper On Step Sizes** (2015), A. Author et al. [[pdf]](https://example.org/1.pdf)
        - **Second Paper On Momentum** (2016), B. Writer and C. Scribe [[pdf]](https://example.org/2.pdf)
        """
    )
    assert [e.title for e in entries] == ["First Paper On Step Sizes", "Second Paper On Momentum"]
    assert [e.year for e in entries] == [2015, 2016]
    assert entries[0].authors == ["A. Author"] and entries[1].authors == ["B. Writer", "C. Scribe"]


def test_html_paragraph_per_paper_with_authors_line_and_role_links():
    entries = read(
        """\
        ## Picks

        <p align="left">
            <a href="https://example.org/poster.png" title="x"><img src="https://example.org/p.png" alt="x"/></a>
            <a href="https://arxiv.org/abs/2402.00001" title="Seeing Further: Depth from One Image">
                <strong>🔥 Seeing Further: Depth from One Image</strong>
            </a>
            <br/>
            Ana Lima, Bo Chen, Carla Diaz
            <br/>
            [<a href="https://arxiv.org/abs/2402.00001">paper</a>] [<a href="https://github.com/o/further">code</a>]
            <br/>
            <strong>Topic:</strong> depth
        </p>
        """
    )
    (entry,) = entries
    assert entry.title == "Seeing Further: Depth from One Image"
    assert entry.authors == ["Ana Lima", "Bo Chen", "Carla Diaz"]
    assert entry.code_url == "https://github.com/o/further"
    assert entry.line == 5  # the line of the title's link, where a curator looks


def test_hard_broken_block_title_authors_venue():
    entries = read(
        """\
        ## Papers

        **Robust Estimators for Noisy Sensors** \\
        *Dana Ek, Femi Ola* \\
        ICRA 2022. [[Paper](https://example.org/robust.pdf)]
        """
    )
    (entry,) = entries
    assert entry.title == "Robust Estimators for Noisy Sensors"
    assert entry.authors == ["Dana Ek", "Femi Ola"]
    assert (entry.venue, entry.year) == ("ICRA", 2022)


def test_short_name_bullet_takes_the_full_title_its_nested_citation_gives():
    entries = read(
        """\
        ## Detection
        * Lab Name [[Paper]](https://arxiv.org/abs/1512.00001)
          * Ann Bell, C. Lee Zane, Box Detectors in Context with Skip Pooling, CVPR, 2016.
        """
    )
    (entry,) = entries
    assert entry.title == "Box Detectors in Context with Skip Pooling"
    assert entry.authors == ["Ann Bell", "C. Lee Zane"]
    assert (entry.venue, entry.year) == ("CVPR", 2016)


def test_citation_bullet_authors_title_venue_year():
    (entry,) = read(
        "* N Wu, DY Yee, Learning Compact Codes for Tracking, NIPS, 2013. [[Paper]](https://example.org/t.pdf)\n"
    )
    assert entry.title == "Learning Compact Codes for Tracking"
    assert entry.authors == ["N Wu", "DY Yee"]
    assert (entry.venue, entry.year) == ("NIPS", 2013)  # as the list writes it


def test_table_read_by_its_header_title_column_not_first():
    entries = read(
        """\
        |Date|Title|Paper|Code|
        |:---:|:---:|:---:|:---:|
        |2024.05| 🔥🔥[**SP: RingX**] RingX: Parallel Decoding for Long Inputs(@Some Lab)|[[pdf]](https://arxiv.org/pdf/2405.00002)|[[ringx]](https://github.com/o/ringx)|
        """
    )
    (entry,) = entries
    assert entry.title == "RingX: Parallel Decoding for Long Inputs"
    assert entry.url == "https://arxiv.org/pdf/2405.00002" and entry.year == 2024
    assert entry.code_url == "https://github.com/o/ringx"


def test_table_with_short_name_column_and_plain_title_linked_from_another_cell():
    entries = read(
        """\
        | **Name** | **Paper** | Backbone | **Publication** | **Link** |
        |:---:|:---:|:---:|:---:|:---:|
        | QuickRec | Fast Recommendation with Tiny Language Models | T5-small | WSDM 2024 | [[Link]](https://arxiv.org/abs/2401.00003) |
        """
    )
    (entry,) = entries
    assert entry.title == "Fast Recommendation with Tiny Language Models"
    assert entry.url == "https://arxiv.org/abs/2401.00003"
    assert (entry.venue, entry.year) == ("WSDM", 2024)


def test_table_cell_with_breaks_holds_badge_title_authors_and_venue():
    entries = read(
        """\
        | Title & Authors | Intro |
        |:---|:---|
        | [![Star](https://img.shields.io/github/stars/o/seg.svg?style=social)](https://github.com/o/seg) <br> [**Segment Every Pebble**](https://example.org/seg.pdf) <br> *Ann Kim, Bo Park* <br> > Some University <br> > ECCV'22 | text |
        """
    )
    (entry,) = entries
    assert entry.title == "Segment Every Pebble"
    assert entry.code_url == "https://github.com/o/seg"
    assert entry.authors == ["Ann Kim", "Bo Park"]
    assert (entry.venue, entry.year) == ("ECCV", 2022)


def test_html_table_with_plain_header_row_and_section_rows():
    entries = read(
        """\
        <table>
            <tr><td>Metric</td><td>Earliest publication time</td><td>Paper name</td></tr>
            <tr><td colspan="3">Classic methods</td></tr>
            <tr><td>SSX</td><td>2004.04</td><td><a href="https://example.org/ssx">A Structural Index for Picture Quality</a></td></tr>
            <tr><td>NOP</td><td></td><td></td></tr>
        </table>
        """
    )
    (entry,) = entries
    assert entry.title == "A Structural Index for Picture Quality"
    assert entry.year == 2004 and entry.section == "Classic methods"


def test_decorated_titles_lose_their_decoration():
    assert clean_decorated_title("🔥🔥[Tag Name] Real Title Here(@Some Lab)") == "Real Title Here"
    assert clean_decorated_title("8) Numbered Title.") == "Numbered Title"
    assert clean_decorated_title("Tool Name: Does Things (Project)") == "Tool Name: Does Things"
    assert clean_decorated_title("3D Scenes From Text") == "3D Scenes From Text"


def test_short_name_then_quoted_title_with_italic_venue():
    (entry,) = read(
        '* **Walker**: "Walker: Legged Robots That Read Maps", *CoRL, Nov 2024*. [[Paper](https://arxiv.org/abs/2411.00004)] [[Code](https://github.com/o/walker)]\n'
    )
    assert entry.title == "Walker: Legged Robots That Read Maps"
    assert (entry.venue, entry.year) == ("CoRL", 2024)
    assert entry.code_url == "https://github.com/o/walker"


def test_numbered_citation_paragraph_with_inverted_authors():
    (entry,) = read(
        '**[3]** Lovelace, Ada, Alan Turing, and Grace Hopper. "**Engines that Compute**." Journal of Machines 4.2 (1950): 1-9. [[pdf]](https://example.org/e.pdf) **(a note)**\n'
    )
    assert entry.title == "Engines that Compute"
    assert entry.authors == ["Lovelace, Ada", "Alan Turing", "Grace Hopper"]
    assert (entry.venue, entry.year) == ("Journal of Machines", 1950)


def test_italic_author_line_below_the_title_with_short_year_venue():
    entries = read(
        """\
        ### 2022

        1. **[Reasoning in Small Steps.](https://arxiv.org/abs/2212.00005)** [[code](https://github.com/o/steps)]

            *Jo Park, Kim Lee.* ACL'23 Findings
        2. **[Thinking Aloud Helps.](https://arxiv.org/abs/2212.00006)**

            *Ola Nord.* Preprint'22
        """
    )
    first, second = entries
    assert first.authors == ["Jo Park", "Kim Lee"]
    assert (first.venue, first.year) == ("ACL Findings", 2023)  # the entry's own text beats the heading
    assert second.venue in ("", "arXiv") and second.year == 2022


def test_authors_reader():
    assert looks_like_authors("Chen, Hanting and Wang, Yunhe")
    assert parse_authors("Chen, Hanting and Wang, Yunhe") == ["Chen, Hanting", "Wang, Yunhe"]
    assert looks_like_authors("S. Mehri et al.")
    assert not looks_like_authors("Learning to Segment Every Thing")
    assert not looks_like_authors("Matching Anything by Segmenting Anything")


def test_venue_and_year_reader():
    assert venue_and_year(["arXiv preprint arXiv:1409.1556 (2014)"]) == ("arXiv", 2014)
    assert venue_and_year(["NeurIPS'24"]) == ("NeurIPS", 2024)
    assert venue_and_year(["Preprint'23"]) == ("", 2023)
    assert venue_and_year(["IEEE Commun. Mag."]) == ("IEEE Commun. Mag.", None)
    assert venue_and_year(["Mon 2024"]) == ("", 2024)  # a weekday placeholder is date, not venue
    assert venue_and_year([], ["a long description of the method"]) == ("", None)


def test_citation_reader_keeps_a_comma_inside_the_title():
    cite = read_citation("Deep Nets, Shallow Nets and Everything Between, ICML, 2019")
    assert cite.title == "Deep Nets, Shallow Nets and Everything Between"


def test_kinds_from_headings_titles_and_links():
    entries = read(
        """\
        ## Datasets
        - [Pebbles-1M](https://example.org/pebbles) - a million pebble photos
        ## Tools and Libraries
        - [fastpebble](https://github.com/o/fastpebble) - a library for pebbles
        ## Image / Video / Etc
        - [Video Pebble Tracking With Transformers](https://arxiv.org/abs/2301.00007)
        - [PebbleBench: A Benchmark for Pebble Counting](https://arxiv.org/abs/2301.00008)
        """
    )
    assert [e.kind for e in entries] == ["dataset", "tool", "paper", "benchmark"]
    assert heading_kind("Video Lectures / Tutorials / Blogs") == "tool"
    assert heading_kind("Video Captioning") == ""


def test_singular_topic_words_in_headings_are_topics_not_tool_shelves():
    entries = read(
        """\
        ## Video
        - [Pebble Tracking Across Frames](https://arxiv.org/abs/2301.00011)
        ## Heterogeneous Resource
        ### Split Learning
        - [Splitting Pebble Models Between Devices](https://arxiv.org/abs/2301.00012)
        ## Videos
        - [Pebble Talk at a Workshop](https://example.org/talks/pebble)
        """
    )
    assert [e.title for e in entries] == [
        "Pebble Tracking Across Frames",
        "Splitting Pebble Models Between Devices",
        "Pebble Talk at a Workshop",
    ]
    assert [e.kind for e in entries] == ["paper", "paper", "tool"]
    assert heading_kind("Federated Framework") == ""
    assert heading_kind("Frameworks") == "tool"


def test_navigation_people_and_other_lists_are_not_entries():
    entries = read(
        """\
        ## Contents
        - [Papers](#papers)
        ## Researchers
        - [Ada Lovelace](https://example.org/~ada)
        ## Papers
        - [A Real Paper On Engines](https://example.org/engines.pdf)
        - [Awesome Engines](https://github.com/o/awesome-engines) - another list
        """
    )
    assert [e.title for e in entries] == ["A Real Paper On Engines"]


def test_titles_survive_deep_nesting_and_long_lines():
    deep, _ = parse_text("- " * 3000 + "[Deep Paper](https://example.org/deep)\n", "d.md")
    long, _ = parse_text("- [Long Line Paper](https://example.org/long) " + "x" * 2_000_000 + "\n", "l.md")
    assert [e.title for e in deep] == ["Deep Paper"]
    assert [e.title for e in long] == ["Long Line Paper"]


def test_heading_per_paper_with_a_paragraph_of_authors_and_links():
    entries = read(
        """\
        ## Papers

        ### Learning to Rank Pebbles Quickly

        Ana Lima, Bo C. Chen. ICML 2021. [[Paper]](https://arxiv.org/abs/2101.00001) [[Code]](https://github.com/o/r)

        ### Stones

        - [A Paper In A List](https://example.org/a.pdf)
        """
    )
    first, second = entries
    assert first.title == "Learning to Rank Pebbles Quickly" and first.code_url == "https://github.com/o/r"
    assert first.authors == ["Ana Lima", "Bo C. Chen"] and (first.venue, first.year) == ("ICML", 2021)
    assert second.section == "Papers > Stones"  # the paper heading did not become a section


def test_title_linking_the_code_with_an_arxiv_badge_is_a_paper():
    (entry,) = read(
        "- [Pebble Ranking with Deep Nets](https://github.com/o/p) "
        "[![arXiv](https://img.shields.io/badge/arXiv-2301.00001-b31b1b.svg)](https://arxiv.org/abs/2301.00001)\n"
    )
    assert entry.url == "https://arxiv.org/abs/2301.00001" and entry.code_url == "https://github.com/o/p"
    assert entry.kind == "paper"


def test_author_year_title_citation():
    cite = read_citation(
        "Smith, J., & Doe, A. (2020). Learning to Rank Pebbles. Journal of Stones, 3(2), 1-10."
    )
    assert cite.title == "Learning to Rank Pebbles"
    assert cite.authors == ["Smith, J", "Doe, A"]


def test_dataset_table_names_datasets_not_the_papers_they_cite():
    entries = read(
        """\
        ## Datasets

        |Year|Name|Related Paper|Task|
        |:-:|:-:|:-:|:-:|
        |2020|[Pebble-DATA](https://example.org/drive/pebbles)|[Pebbles: Counting Stones at Scale](https://example.org/pebbles.pdf)|Counting|
        """
    )
    (entry,) = entries
    assert (entry.title, entry.url, entry.kind, entry.year) == (
        "Pebble-DATA",
        "https://example.org/drive/pebbles",
        "dataset",
        2020,
    )


def test_table_without_a_title_header_is_read_by_the_column_of_titles():
    entries = read(
        """\
        ## Talks

        |Year|Theme|Speaker|
        |:-:|:-:|:-:|
        |2021|[Editing Conditional Fields of Pebbles](https://example.org/watch?v=1)|Steven Liu|
        """
    )
    (entry,) = entries
    assert entry.title == "Editing Conditional Fields of Pebbles"
    assert (entry.authors, entry.year, entry.kind) == (["Steven Liu"], 2021, "tool")


def test_sites_named_by_their_address_and_venue_index_pages():
    entries = read(
        """\
        ## Websites
        1. [pebbles.example.org](http://pebbles.example.org/)
        2. [ICML 2016 workshop videos](https://icml.example.org/Conferences/2016/Schedule) - ICML 2016
        """
    )
    assert [(e.title, e.kind) for e in entries] == [("pebbles.example.org", "tool")]


def test_a_link_with_nothing_to_name_it_warns_with_its_line():
    _, warnings = parse_text("## Papers\n- [[pdf]](https://example.org/x.pdf)\n", "w.md")
    assert [(w.source, w.line) for w in warnings] == [("w.md", 2)]
    assert "name it" in warnings[0].message


def test_more_bullet_shapes_of_one_paper():
    """Venue before or after the title, authors after a dash or in italics, role links first."""
    shapes = [
        "* [Counting Pebbles Fast](https://example.org/a.pdf) (ICML 2023) - Ana Lima, Bo Chen",
        "- (ICML 2023) Counting Pebbles Fast [[paper]](https://example.org/a.pdf) by Ana Lima and Bo Chen",
        "- Counting Pebbles Fast, *Ana Lima and Bo Chen*, ICML 2023 [[paper]](https://example.org/a.pdf)",
        "- [[paper](https://example.org/a.pdf)] Counting Pebbles Fast. Ana Lima, Bo Chen. ICML 2023.",
        "1. Ana Lima, Bo Chen. **Counting Pebbles Fast**. ICML 2023. [PDF](https://example.org/a.pdf)",
    ]
    for shape in shapes:
        (entry,) = read(shape + "\n")
        got = (entry.title, entry.url, entry.venue, entry.year, entry.authors)
        assert got == (
            "Counting Pebbles Fast",
            "https://example.org/a.pdf",
            "ICML",
            2023,
            ["Ana Lima", "Bo Chen"],
        ), shape


def test_plain_title_before_role_links_beats_a_later_described_link():
    (entry,) = read(
        "- (*WSDM'24*) PebbleRec: Ranking Stones with Language Models [[paper](https://arxiv.org/abs/2311.00001)] "
        "[[code](https://github.com/o/rec)] [[blog in Chinese](https://blog.example.org/p/1)].\n"
    )
    assert entry.title == "PebbleRec: Ranking Stones with Language Models"
    assert (entry.venue, entry.year, entry.code_url) == ("WSDM", 2024, "https://github.com/o/rec")


def test_a_heading_of_mixed_kinds_states_no_kind():
    assert heading_kind("Datasets, Benchmarks & Surveys") == ""
    (entry,) = read(
        "## Datasets, Benchmarks & Surveys\n- (*arXiv 2023.11*) A Survey of Pebbles [[paper](https://arxiv.org/abs/2311.00002)]\n"
    )
    assert (entry.title, entry.kind, entry.year) == ("A Survey of Pebbles", "paper", 2023)


def test_nested_field_lines_give_code_venue_and_keep_environments_out():
    (entry,) = read(
        """\
        - [Planning Pebble Paths With Diffusion](https://arxiv.org/abs/2305.00009)
          - Ann Lee, Bo Chan
          - Publisher: ICML 2023
          - Code: [official](https://github.com/o/planner)
          - Environment: [Gym](https://github.com/o/gym)
        """
    )
    assert entry.code_url == "https://github.com/o/planner" and entry.alt_urls == []
    assert (entry.venue, entry.year, entry.authors) == ("ICML", 2023, ["Ann Lee", "Bo Chan"])


def test_bold_title_with_labelled_fields_nested_below():
    (entry,) = read(
        """\
        + **A Survey of Pebble Embedding**
          + **Authors:** A. One, B. Two, and C. Three
          + **Year of Publication:** 2019
          + **Download:** [PDF](https://example.org/survey.pdf)
          + **Highlights:** This survey
            + covers pebble embeddings of every size.
        """
    )
    assert (entry.title, entry.url, entry.year) == (
        "A Survey of Pebble Embedding",
        "https://example.org/survey.pdf",
        2019,
    )
    assert entry.authors == ["A. One", "B. Two", "C. Three"]


def test_journal_after_a_middot_is_the_venue_not_an_author():
    (entry,) = read(
        "- **[A Model For Pebbles](https://doi.org/10.1/x)**<br/>Smith J et al. · *Nature Medicine* · 2026-07-03\n"
    )
    assert (entry.authors, entry.venue, entry.year) == (["Smith J"], "Nature Medicine", 2026)


def test_table_resources_column_gives_code_not_the_paper_link():
    (entry,) = read(
        """\
        | Name | Paper Title | Year | Venue | Resources |
        | --- | --- | --- | --- | --- |
        | PebNet | PebNet: a widget method for stones | 2022 | ICML | [[code]](https://github.com/o/pebnet) |
        """
    )
    assert (entry.title, entry.url, entry.code_url, entry.kind) == (
        "PebNet: a widget method for stones",
        "",
        "https://github.com/o/pebnet",
        "paper",
    )


def test_citations_without_a_link_are_entries_and_news_lines_are_not():
    entries = read(
        """\
        ## Acoustic models
        4. G. Smith, et al., "Some deep network for speech", TASLP, 2012. (_DNN-HMM_)
        1. **A Unified Framework for Pebble Counting.** NeurIPS 2019.
        - April 8, 2023: our paper is accepted in the **Journal of Pebble Studies (IF: 3.2)**
        """
    )
    assert [(e.title, e.venue, e.year, e.url) for e in entries] == [
        ("Some deep network for speech", "TASLP", 2012, ""),
        ("A Unified Framework for Pebble Counting", "NeurIPS", 2019, ""),
    ]
    assert entries[0].authors == ["G. Smith"]


def test_comma_separated_title_venue_lines():
    entries = read(
        """\
        - Pre-train, Prompt and Rank: a survey, arxiv 2022, [[paper]](https://arxiv.org/abs/2201.00001)
        - Some Pebble Survey ,arxiv 2022, [[paper]](https://arxiv.org/abs/2201.00002)
        - Some pebble model ，submitted TKDE in 2021 , [[paper]](https://example.org/m.pdf)
        """
    )
    assert [e.title for e in entries] == [
        "Pre-train, Prompt and Rank: a survey",
        "Some Pebble Survey",
        "Some pebble model",
    ]
    assert [e.authors for e in entries] == [[], [], []]
    assert entries[2].venue.endswith("TKDE") and entries[2].year == 2021


def test_tables_without_links_list_no_works():
    assert read("| Model | WER |\n|---|---|\n| pebble-net large | 4.2 |\n") == []


def test_table_cells_listing_several_works_give_each_one():
    entries = read(
        """\
        | Area | Topic | Approaches |
        | --- | --- | --- |
        | Stones | Counting | [Pebble Counting at Scale](https://arxiv.org/abs/2301.00011); [Rock Sorting With Less Data](https://arxiv.org/abs/2301.00012) |
        """
    )
    assert [e.title for e in entries] == ["Pebble Counting at Scale", "Rock Sorting With Less Data"]
    assert all(e.section == "Stones > Counting" for e in entries)


def test_a_refused_link_in_a_table_warns_even_when_the_table_has_no_other_link():
    _, warnings = parse_text(
        "| Title | Link |\n|---|---|\n| Good study title | [pdf](javascript:alert(1)) |\n", "t.md"
    )
    assert [(w.line, w.message) for w in warnings] == [(3, "dropped a link that is not http(s): javascript:")]


def test_a_label_on_an_entrys_own_line_does_not_hide_it():
    (entry,) = read("## Data\n- Dataset: [PebbleNet](http://pebbles.example.org)\n")
    assert (entry.title, entry.url, entry.kind) == ("PebbleNet", "http://pebbles.example.org", "dataset")


def test_a_nested_citation_of_the_same_title_fills_authors_and_venue():
    (entry,) = read(
        """\
        * Multiple Pebble Recognition with Attention [[Paper]](http://arxiv.org/pdf/1412.07755.pdf)
          * Ann Lee, Bo Chan, Multiple Pebble Recognition with Attention, ICLR, 2015.
        """
    )
    assert (entry.authors, entry.venue, entry.year) == (["Ann Lee", "Bo Chan"], "ICLR", 2015)


def test_a_title_with_an_empty_link_in_a_table_is_still_the_title():
    (entry,) = read(
        """\
        | Title & Authors | Intro |
        |:---|:---|
        | [![Star](https://img.shields.io/github/stars/o/ipt.svg?style=social)](https://github.com/o/ipt) <br> [**Pre-Trained Pebble Transformer**]() <br> *Ann Lee and Bo Chan* | text |
        """
    )
    assert (entry.title, entry.url, entry.code_url) == (
        "Pre-Trained Pebble Transformer",
        "",
        "https://github.com/o/ipt",
    )


def test_bold_title_paragraph_then_bilingual_label_list() -> None:
    """`**Title**` then `- 论文/Paper: url` / `- 代码/Code: None|url`: one entry per title; `X/Code` is a code label."""
    from awesome_merge.parse import parse_text

    text = (
        "## Detection\n\n**An Invented Benchmark for Testing Readers**\n\n"
        "- 论文/Paper: http://arxiv.org/pdf/2401.00001\n- 代码/Code: None\n\n"
        "**Another Invented Paper Title Here**\n\n"
        "- 论文/Paper: https://arxiv.org/pdf/2401.00002.pdf\n- 代码/Code: https://github.com/someone/repo\n"
    )
    entries = parse_text(text, "x.md")[0]
    assert [e.title for e in entries] == [
        "An Invented Benchmark for Testing Readers",
        "Another Invented Paper Title Here",
    ]
    assert entries[0].arxiv_id == "2401.00001"
    assert entries[1].code_url == "https://github.com/someone/repo"


def test_paragraph_with_bracketed_venue_tag_before_title_link() -> None:
    """`(VENUE YEAR) [Title](url) [[Code]](url) by X et al.` written one paper per paragraph."""
    from awesome_merge.parse.document import parse_text

    text = (
        "# Papers\n\n"
        "(ICML 2024) [A Geometric View of Outlier Scores](https://openreview.net/pdf?id=abc)"
        " [[Code]](https://github.com/someone/geo) by Smith et al.\n\n"
        "(NeurIPS 2023) [Learning to Reject Unknown Inputs](https://arxiv.org/abs/2301.00001) by Jones et al.\n"
    )
    entries, _ = parse_text(text, "x.md")
    assert [e.title for e in entries] == [
        "A Geometric View of Outlier Scores",
        "Learning to Reject Unknown Inputs",
    ]
    assert entries[0].code_url == "https://github.com/someone/geo"
    assert (entries[0].venue, entries[0].year) == ("ICML", 2024)
    assert entries[1].authors == ["Jones"]
