"""Each list layout real awesome lists use, as a small hand-written snippet, and what a curator expects."""

from __future__ import annotations

from textwrap import dedent

from conftest import entries_of


def by_title(entries, fragment):
    matches = [e for e in entries if fragment in e.title]
    assert len(matches) == 1, [e.title for e in entries]
    return matches[0]


def test_bullets_with_nested_author_dataset_and_code_lines():
    text = dedent(
        """\
        # My list
        ## Published Papers
        ### 2024
        - [FwdLLM: Efficient Federated Finetuning of Large Language Models](https://www.usenix.org/conference/atc24/presentation/xu-mengwei) [USENIX ATC 2024]
          - *authors*: Mengwei Xu, Dongqi Cai, and Shangguang Wang
          - *datasets*: AG News, Yelp
          - *models*: LLaMA-7B
          - [code](https://github.com/UbiquitousLearning/FwdLLM) and [slide](https://example.org/slides.pdf)
        - [Federated Fine-tuning under Heterogeneous Language Tasks](https://arxiv.org/pdf/2402.11505.pdf) [NEURIPS 2024]
          - *authors*: Jiamu Bai, Daoyuan Chen.
        """
    )
    entries = entries_of(text)
    assert len(entries) == 2  # datasets/models/code lines are attributes, not entries
    fwd = by_title(entries, "FwdLLM")
    assert fwd.line == 4
    assert fwd.venue == "USENIX ATC" and fwd.year == 2024
    assert fwd.authors == ["Mengwei Xu", "Dongqi Cai", "Shangguang Wang"]
    assert fwd.code_url == "https://github.com/UbiquitousLearning/FwdLLM"
    assert fwd.section == "Published Papers > 2024"
    flex = by_title(entries, "Heterogeneous Language Tasks")
    assert flex.arxiv_id == "2402.11505" and flex.venue == "NEURIPS" and flex.year == 2024
    assert flex.authors == ["Jiamu Bai", "Daoyuan Chen"]


def test_table_cell_with_several_entries_and_alternate_links():
    text = dedent(
        """\
        ## Federated Fine-Tuning
        | Area | Topic | Approaches |
        |---|---|---|
        | **Heterogeneity** | **Data Heterogeneity** | [FedDAT](https://arxiv.org/abs/2308.12305), [AAAI’24 version](https://dl.acm.org/doi/10.1609/aaai.v38i10.29007); [RaFFM](https://arxiv.org/abs/2310.00247), [OpenReview](https://openreview.net/forum?id=JLulsRraDc); [FedKC](https://dl.acm.org/doi/10.1145/3485447.3511988) |
        |  | **Model Heterogeneity** | [FlexLoRA](https://arxiv.org/abs/2402.11505) ([NeurIPS’24 poster](https://neurips.cc/virtual/2024/poster/94124)); [FedBiOT](https://arxiv.org/abs/2406.17706) ([code](https://github.com/harliwu/fedbiot)) |
        | Prompt Generation | [FedTPG](https://arxiv.org/abs/2310.06123) · [Code](https://github.com/boschresearch/FedTPG), [TPFL](https://arxiv.org/abs/2310.04455) |
        """
    )
    entries = entries_of(text)
    assert [e.title for e in entries] == ["FedDAT", "RaFFM", "FedKC", "FlexLoRA", "FedBiOT", "FedTPG", "TPFL"]
    feddat = entries[0]
    assert feddat.arxiv_id == "2308.12305"
    assert feddat.alt_urls == ["https://dl.acm.org/doi/10.1609/aaai.v38i10.29007"]
    assert feddat.doi == "10.1609/aaai.v38i10.29007"
    assert feddat.venue == "AAAI" and feddat.year == 2024  # from "AAAI’24 version"
    assert entries[1].alt_urls == ["https://openreview.net/forum?id=JLulsRraDc"]
    assert entries[2].doi == "10.1145/3485447.3511988"
    assert entries[3].alt_urls == ["https://neurips.cc/virtual/2024/poster/94124"]
    assert entries[4].code_url == "https://github.com/harliwu/fedbiot"
    assert entries[5].code_url == "https://github.com/boschresearch/FedTPG"
    # a blank context cell repeats the one above it
    assert entries[3].section == "Federated Fine-Tuning > Heterogeneity > Model Heterogeneity"
    assert all(e.line in (4, 5, 6) for e in entries)


def test_table_of_topic_words_holds_no_entries(parse):
    text = dedent(
        """\
        ## Potential Directions
        | Area | Topic |
        |------|-------|
        | Real-World Deployment | Personalized FL on Confidential Data; Collaborative FL |
        | Multi-Modality | Modality Co-optimization |
        """
    )
    entries, warnings = parse(text)
    assert entries == [] and warnings == []


def test_table_with_title_year_and_link_columns():
    text = dedent(
        """\
        ## Surveys
        | Title | Year | Link |
        |-------|------|------|
        | Federated Large Language Models: Current Progress and Future Directions | 2024 | [arXiv:2409.15723](https://arxiv.org/abs/2409.15723) |
        | A Ragged Row Without Its Link Column Has A Title Anyway | 2023 |
        """
    )
    entries = entries_of(text)
    assert len(entries) == 2
    survey = entries[0]
    assert survey.title == "Federated Large Language Models: Current Progress and Future Directions"
    assert survey.url == "https://arxiv.org/abs/2409.15723" and survey.arxiv_id == "2409.15723"
    assert survey.year == 2024
    assert entries[1].url == "" and entries[1].year == 2023


HTML_TABLE = """\
## Efficiency

#### Selective Tuning (7)

<table>
<thead>
<tr class="header">
<th>Title</th>
<th>Venue</th>
<th>Year</th>
<th>GitHub</th>
</tr>
</thead>
<tbody>
<tr class="odd">
<td><strong><a href="https://arxiv.org/abs/2411.11912">F\\textasciicircum3OCUS - Federated Finetuning of Vision-Language Models</a></strong> </td>
<td>CVPR</td>
<td>2025-06</td>
<td><ul>
<li></li>
</ul></td>
</tr>
<tr class="even">
<td><strong><a href="https://doi.org/10.48550/arXiv.2404.11536">FedPFT: Federated Proxy Fine-Tuning of Foundation Models</a></strong> </td>
<td>IJCAI</td>
<td>2024-08</td>
<td><img src="https://img.shields.io/github/stars/pzp-dzd/FedPFT" alt="GitHub Repo stars"/></td>
<td><img src="https://img.shields.io/badge/Intel-white?logo=Intel" alt="org"/></td>
</tr>
</tbody>
</table>
"""


def test_html_table_rows_with_venue_year_month_and_star_badge():
    entries = entries_of(HTML_TABLE)
    assert len(entries) == 2
    focus, fedpft = entries
    assert focus.title.startswith("F^3OCUS - Federated")  # LaTeX escape repaired
    assert focus.venue == "CVPR" and focus.year == 2025 and focus.line == 16  # the line of its <a>
    assert focus.code_url == ""
    assert fedpft.arxiv_id == "2404.11536" and fedpft.doi == ""  # an arXiv DOI is an arXiv id
    assert fedpft.code_url == "https://github.com/pzp-dzd/FedPFT"
    assert fedpft.section == "Efficiency > Selective Tuning"  # "(7)" dropped


def test_html_table_split_by_blank_lines_is_read_whole():
    text = HTML_TABLE.replace("<tbody>\n", "<tbody>\n\n").replace('<tr class="even">', '\n<tr class="even">')
    entries = entries_of(text)
    assert [e.year for e in entries] == [2025, 2024]
    assert (
        entries[1].line
        == text.split("\n").index(next(row for row in text.split("\n") if "FedPFT:" in row)) + 1
    )


def test_unclosed_html_table_warns_and_keeps_rows(parse):
    text = HTML_TABLE.replace("</table>", "")
    entries, warnings = parse(text)
    assert len(entries) == 2
    assert any("never closed" in w.message for w in warnings)


def test_details_table_of_contents_and_badges_are_navigation():
    text = dedent(
        """\
        # 😎Awesome List [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

        <div align="center">
        <a href="https://arxiv.org/pdf/2406.12844.pdf"><img alt="arXiv" src="https://img.shields.io/badge/arXiv-2406.12844-red"/></a>
        </div>

        <ul>
        <li><details open><summary><a href="#efficiency">Efficiency</a></summary><ul>
        <li><a href="#selective-tuning-7">Selective Tuning (7)</a></li>
        </ul></details></li>
        </ul>

        ## Contents
        - [Survey](#survey)
          - [Prompt Tuning](#prompt-tuning)

        ![mindmap](mindmap.png)

        ```bibtex
        @misc{x, title={[A Paper](https://arxiv.org/abs/2101.00001)}}
        ```

            @misc{li2024, eprint={2406.12844}}
        """
    )
    assert entries_of(text) == []


def test_heading_per_paper_with_date_venue_and_author_paragraph(parse):
    text = dedent(
        """\
        ## Training Signal {#training-signal}

        ###  Federated Supervised Pre-Training {#federated-supervised-pre-training}

        #### [The future of large language model pre-training is federated](https://neurips.cc/virtual/2024/103959) *Dec 2024 NeurIPS Workshop*

        Sai Praneeth Karimireddy, Xiaoxiao Li, Songtao Lu

        #### [FederatedScope-LLM: A Comprehensive Package](https://dl.acm.org/doi/abs/10.1145/3637528.3671573) *Sep 23 KDD*
        Weirui Kuang, Bingchen Qian

        ##

        #### []() **
        #### []() **
        """
    )
    entries, warnings = parse(text)
    assert len(entries) == 2  # the empty `[]()` placeholders are not entries
    future, fsl = entries
    assert future.venue == "NeurIPS Workshop" and future.year == 2024 and future.line == 5
    assert future.authors == ["Sai Praneeth Karimireddy", "Xiaoxiao Li", "Songtao Lu"]
    assert future.section == "Training Signal > Federated Supervised Pre-Training"
    assert fsl.venue == "KDD" and fsl.year == 2023 and fsl.doi == "10.1145/3637528.3671573"
    assert fsl.authors == ["Weirui Kuang", "Bingchen Qian"]
    assert warnings == []


def test_plain_title_before_bracketed_paper_link():
    text = dedent(
        """\
        ## Papers
        * Heterogeneous LoRA for Federated Fine-tuning of On-Device Foundation Models. [[Paper]](https://arxiv.org/abs/2401.06432) [[Code]](https://github.com/x/hetlora)
        * **Towards Building the Federated GPT: Federated Instruction Tuning** [[ICASSP 2024](https://ieeexplore.ieee.org/document/10447454)] [[arXiv](https://arxiv.org/abs/2305.05644)]
        * Some Paper Title Only Known By Its Venue. [[NeurIPS 2023](https://neurips.cc/Conferences/2023)]
        """
    )
    entries = entries_of(text)
    assert len(entries) == 3
    het, gpt, venue_only = entries
    assert het.title == "Heterogeneous LoRA for Federated Fine-tuning of On-Device Foundation Models"
    assert het.url == "https://arxiv.org/abs/2401.06432" and het.code_url == "https://github.com/x/hetlora"
    assert gpt.title == "Towards Building the Federated GPT: Federated Instruction Tuning"
    assert gpt.url == "https://ieeexplore.ieee.org/document/10447454" and gpt.arxiv_id == "2305.05644"
    assert gpt.venue == "ICASSP" and gpt.year == 2024
    # a link to a venue's index page is venue information, never the paper's link
    assert venue_only.url == "" and venue_only.venue == "NeurIPS" and venue_only.year == 2023


def test_paragraph_entries_and_intro_prose():
    text = dedent(
        """\
        # List

        This list is based on our survey [Synergizing Foundation Models](https://arxiv.org/abs/2406.12844).

        ## Papers

        **[Federated Learning of Large Language Models with Prompt Tuning](https://arxiv.org/abs/2310.15080)** EMNLP 2023

        Federated Text-driven Prompt Generation for Vision-Language Models. [[paper]](https://openreview.net/forum?id=NW31gAylIm)
        """
    )
    entries = entries_of(text)
    assert [e.title for e in entries] == [
        "Federated Learning of Large Language Models with Prompt Tuning",
        "Federated Text-driven Prompt Generation for Vision-Language Models",
    ]


def test_mojibake_and_latex_are_repaired():
    from awesome_merge.read import decode, repair

    raw = "- [$\\{$FwdLLM$\\}$: Efficient Finetuning](https://arxiv.org/abs/2308.13894) [ATC 2024]\n  - *authors*: Maria Hartmann, Gr√©goire Danoy\n"
    text = repair(decode(raw.encode("utf-8"), "x.md").text)
    entry = entries_of(text)[0]
    assert entry.title == "FwdLLM: Efficient Finetuning"
    assert entry.authors == ["Maria Hartmann", "Grégoire Danoy"]


def test_a_repaired_line_repeated_in_later_versions_is_repaired_in_each_and_clean_lines_are_kept():
    from awesome_merge.read import repair

    broken, fixed = "| Gr√©goire Danoy | Widget Tuning |", "| Grégoire Danoy | Widget Tuning |"
    clean = "| 🔥 Café Widgets | Gadget Tuning |"
    first = repair(f"# v1\n{broken}\n{clean}\n")
    later = repair(f"# v2\n{broken}\nnew line ✓\n{clean}\n{broken}\n")
    assert first == f"# v1\n{fixed}\n{clean}\n"
    assert later == f"# v2\n{fixed}\nnew line ✓\n{clean}\n{fixed}\n"


def test_section_names_lose_emoji_counts_and_anchors():
    text = dedent(
        """\
        # Title
        ## üéØ Federated Fine-Tuning
        ### Reparameterization-Based (32) {#reparam}
        - [A Federated Paper About Low Rank Adapters](https://arxiv.org/abs/2402.11505)
        """
    )
    assert entries_of(text)[0].section == "Federated Fine-Tuning > Reparameterization-Based"


def test_identifiers_from_links_and_text():
    text = dedent(
        """\
        - [An Old Style Paper On Symmetric Spaces](https://arxiv.org/abs/hep-th/9901001v2)
        - [A Paper Cited By Its Preprint Number](https://example.org/paper/42) arXiv:2409.15723v3
        - [A Paper With A Publisher DOI Page](https://doi.org/10.1145/3485447.3511988.) [WWW 2022]
        """
    )
    old, cited, published = entries_of(text)
    assert old.arxiv_id == "hep-th/9901001" and old.year == 1999
    assert cited.arxiv_id == "2409.15723"
    assert published.doi == "10.1145/3485447.3511988" and published.year == 2022


def test_unreadable_entry_like_lines_warn_with_file_and_line(parse):
    text = dedent(
        """\
        ## Papers
        - [A Paper Whose Link Never Closes(https://arxiv.org/abs/2401.00001
        - [Hostile Link To A Script](javascript:alert(1))
        - [A Fine Paper On Federated Prompt Tuning](https://arxiv.org/abs/2310.15080)
        """
    )
    entries, warnings = parse(text, "bad.md")
    lines = {w.line for w in warnings}
    assert 2 in lines and 3 in lines
    assert all(w.source == "bad.md" for w in warnings)
    assert any("not http(s)" in w.message for w in warnings)
    assert "A Fine Paper On Federated Prompt Tuning" in [e.title for e in entries]
    assert all(not e.url.startswith("javascript") for e in entries)


def test_inline_html_links_inside_markdown():
    text = '- <a href="https://arxiv.org/abs/2310.15080"><b>Prompt Tuning For Federated Language Models</b></a> (EMNLP 2023)\n'
    entry = entries_of(text)[0]
    assert entry.arxiv_id == "2310.15080" and entry.title == "Prompt Tuning For Federated Language Models"
    assert entry.venue == "EMNLP" and entry.year == 2023


def test_topic_bullets_nest_their_papers():
    text = dedent(
        """\
        ## Methods
        - **Prompt tuning**
          - [Federated Prompt Tuning With Adaptive Optimisation](https://arxiv.org/abs/2310.15080)
          - [Another Federated Prompt Learning Method](https://arxiv.org/abs/2310.06123)
        """
    )
    entries = entries_of(text)
    assert len(entries) == 2
    assert all(e.section == "Methods > Prompt tuning" for e in entries)


def test_layouts_of_lists_not_in_the_bundled_sources():
    """Title-first bullets with bold or bracketed venues, author prose, and venue index links."""
    text = dedent(
        """\
        ## 2023
        1. [Communication Efficient Federated Prompt Tuning](https://arxiv.org/abs/2302.00002) - Smith et al., *ICML 2023*. [[Code](https://github.com/c/d)]
        * [NeurIPS 2023] Personalized Federated Instruction Tuning Made Simple. [[pdf]](https://openreview.net/pdf?id=abcdefghij)
        - Title Of A Paper With A Bold Venue. **NeurIPS 2023**. [[Paper](https://neurips.cc/virtual/2023/poster/123)]
        - [ICLR 2023](https://iclr.cc/Conferences/2023) [A Paper After A Venue Link](https://arxiv.org/abs/2303.00003)
        - Federated Learning Meets LLMs: A Survey, arXiv 2024. [[Paper]](https://arxiv.org/abs/2401.00004)
        """
    )
    got = [(e.title, e.venue, e.year) for e in entries_of(text)]
    assert got == [
        ("Communication Efficient Federated Prompt Tuning", "ICML", 2023),  # not "Smith et al."
        ("Personalized Federated Instruction Tuning Made Simple", "NeurIPS", 2023),
        ("Title Of A Paper With A Bold Venue", "NeurIPS", 2023),
        ("A Paper After A Venue Link", "ICLR", 2023),
        ("Federated Learning Meets LLMs: A Survey", "arXiv", 2024),
    ]


def test_titles_that_start_with_a_digit_keep_it():
    text = dedent(
        """\
        - [3D Federated Learning For Point Clouds](https://arxiv.org/abs/2401.00010)
        - 6G Networks Meet Federated Large Language Models. [[Paper]](https://arxiv.org/abs/2401.00011)
        """
    )
    assert [e.title for e in entries_of(text)] == [
        "3D Federated Learning For Point Clouds",
        "6G Networks Meet Federated Large Language Models",
    ]
