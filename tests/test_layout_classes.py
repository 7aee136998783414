"""Layout classes found on lists the reader was not developed on, each on a hand-written snippet.

Every snippet is invented; each test names the class of text it stands for and asserts what a reader of the
merged list would see go wrong if the class were misread.
"""

from __future__ import annotations

from textwrap import dedent

from awesome_merge.parse import parse_text
from awesome_merge.parse.venue import is_venue_label, is_venue_tag


def read(text: str):
    entries, _ = parse_text(dedent(text), "list.md")
    return entries


def test_a_role_word_on_the_papers_own_page_is_the_paper_link():
    """`**Title** \\` then `[[Website](arxiv url)]`: the label is a role word, the URL is the paper."""
    entries = read(
        """\
        ## Editing

        **Palette Transfer for Sketch Colouring with Latent Priors** \\
        [[Website](https://arxiv.org/abs/2401.01234)]
        [[Project](https://palette.example.io/)]
        [[Code](https://github.com/someone/palette)]

        **Stroke-Aware Inpainting of Line Drawings** \\
        [[Project](https://openaccess.thecvf.com/content/CVPR2024/html/X_Stroke_Aware_CVPR_2024_paper.html)]
        [[Website](https://arxiv.org/abs/2402.04321)]
        """
    )
    assert [e.title for e in entries] == [
        "Palette Transfer for Sketch Colouring with Latent Priors",
        "Stroke-Aware Inpainting of Line Drawings",
    ]
    assert entries[0].arxiv_id == "2401.01234"
    assert entries[0].code_url == "https://github.com/someone/palette"
    assert "https://palette.example.io/" not in [entries[0].url, *entries[0].alt_urls]  # a project page
    # the proceedings page is kept with the arXiv copy, whichever the list labels "Project"
    links = [entries[1].url, *entries[1].alt_urls]
    assert any("openaccess.thecvf.com" in u for u in links) and any("2402.04321" in u for u in links)


def test_a_bracketed_venue_tag_after_a_plain_title_is_the_venue_not_the_title():
    """`- Title [[NeurIPS2023]](url)`: many entries share the tag, none is titled by it."""
    entries = read(
        """\
        ## Methods
        - Calibrated Ensembles for Shifted Inputs [[NeurIPS2023]](https://arxiv.org/abs/2305.11111)
        - Bayesian Heads for Cheap Uncertainty [[NeurIPS2023]](https://arxiv.org/abs/2305.22222) - [[PyTorch]](https://github.com/a/heads)
        - Evidential Losses Revisited [[TMLR2023]](https://arxiv.org/abs/2306.33333)
        - Rethinking Temperature Scaling [[CVPRW 2024]](https://arxiv.org/abs/2401.44444)
        """
    )
    assert [e.title for e in entries] == [
        "Calibrated Ensembles for Shifted Inputs",
        "Bayesian Heads for Cheap Uncertainty",
        "Evidential Losses Revisited",
        "Rethinking Temperature Scaling",
    ]
    assert [(e.venue, e.year) for e in entries[:2]] == [("NeurIPS", 2023), ("NeurIPS", 2023)]
    assert entries[1].code_url == "https://github.com/a/heads"


def test_venue_tags_are_looser_than_venue_labels_so_titles_keep_their_words():
    assert all(is_venue_tag(t) for t in ["[NeurIPS2023]", "ICML2019", "TCSVT 2025", "SIGGRAPH Asia 2023"])
    assert not any(
        is_venue_tag(t) for t in ["GPT-4", "Llama 2", "Workshop NTIRE", "Attention Is All You Need"]
    )
    # as a label cut from the front of a title, only a known venue counts: `TCSVT 2025 Challenge on ...`
    assert not is_venue_label("TCSVT 2025") and is_venue_label("NeurIPS 2023")


def test_html_table_with_rowspan_venue_cell_and_td_header_keeps_its_columns():
    """A `rowspan` venue cell on the first row of a block: the rows below have one cell less, and their
    title must not slide into the affiliation column."""
    entries = read(
        """\
        ## Papers

        <table>
        <tr><td>Years</td><td>Title</td><td>Affiliations</td><td>Materials</td></tr>
        <tr><td rowspan=3><a href="https://conf.example.org/Conferences/2023/Schedule">ICML 2023</a></td>
        <td><a href="https://arxiv.org/pdf/2301.00001.pdf">A General Theory of Widget Folding under Noise</a></td><td>Some University</td><td></td></tr>
        <tr><td><a href="https://arxiv.org/pdf/2301.00002.pdf">Fast Gadget Alignment for Sparse Graphs</a></td><td>Other Institute</td><td><a href="https://github.com/a/b">code</a></td></tr>
        <tr><td><a href="https://arxiv.org/pdf/2301.00003.pdf">Robust Sprocket Estimation in the Wild</a></td><td>Third Lab</td><td></td></tr>
        <tr><td>ICLR 2022</td><td><a href="https://arxiv.org/pdf/2201.00004.pdf">Learning to Sort Marbles with Few Labels</a></td><td>Fourth Lab</td><td></td></tr>
        </table>
        """
    )
    assert [e.title for e in entries] == [
        "A General Theory of Widget Folding under Noise",
        "Fast Gadget Alignment for Sparse Graphs",
        "Robust Sprocket Estimation in the Wild",
        "Learning to Sort Marbles with Few Labels",
    ]
    assert [(e.venue, e.year) for e in entries] == [("ICML", 2023)] * 3 + [("ICLR", 2022)]
    assert entries[1].code_url == "https://github.com/a/b"


def test_table_whose_link_column_holds_bare_urls():
    """`| *Title* | methods | https://arxiv.org/abs/... |`: the bare URL is the row's paper link."""
    entries = read(
        """\
        | Title | Technique(s) used | arxiv link |
        | :--- | :---: | :---: |
        | *Mock Catalogues of Widgets with Nearest Neighbours* | SVM, kNN | https://arxiv.org/abs/1303.1077 |
        | *Two Studies of Gadget Spectra I&II* | NN | https://arxiv.org/abs/1203.1699, https://arxiv.org/abs/1312.2111 |
        """
    )
    assert [e.title for e in entries] == [
        "Mock Catalogues of Widgets with Nearest Neighbours",
        "Two Studies of Gadget Spectra I&II",
    ]
    assert entries[0].arxiv_id == "1303.1077"
    assert entries[1].alt_urls == ["https://arxiv.org/abs/1312.2111"]  # the second part is kept too


def test_citation_paragraphs_title_then_surnames_then_bare_url():
    """One paragraph per paper, no bullets: `Title. Lee, Chen, Park. https://...`."""
    entries = read(
        """\
        ## 2021

        SPARK: Sampling Sparse Widgets with Autoencoders. Orwell, Hale, Quist. https://arxiv.org/pdf/2012.10020.pdf

        Regularised Gadget Autoencoders. Tamm, Voss, Ilic. https://arxiv.org/pdf/2101.02149.pdf

        Learning Sprockets under Weak Supervision. Brandt, de la Vega. https://example.org/abs/2021/sprockets
        """
    )
    assert [e.title for e in entries] == [
        "SPARK: Sampling Sparse Widgets with Autoencoders",
        "Regularised Gadget Autoencoders",
        "Learning Sprockets under Weak Supervision",
    ]
    assert entries[0].authors == ["Orwell", "Hale", "Quist"]  # three surnames, not `Orwell, Hale` inverted
    assert entries[2].authors == ["Brandt", "de la Vega"]
    assert entries[1].url == "https://arxiv.org/pdf/2101.02149.pdf"


def test_citation_lines_typed_as_tab_separated_columns():
    """`Title.<TAB>Names<TAB>paper URL<TAB>code URL`: fields by tabs or wide gaps, even with one name."""
    entries = read(
        "## 2020\n\n"
        "Gradient Boosted Widget Flows.\tHarlow, Banner\thttps://arxiv.org/pdf/2002.11896.pdf\n\n"
        "A Framework for Latent Gadget Codes.\tSerdar\thttps://arxiv.org/pdf/2006.02227.pdf\thttps://github.com/s/codes\n\n"
        "Hierarchical Sprocket Sequence Autoencoder.   Chen, Wang  https://example.org/document/9384306/\n"
    )
    assert [e.title for e in entries] == [
        "Gradient Boosted Widget Flows",
        "A Framework for Latent Gadget Codes",
        "Hierarchical Sprocket Sequence Autoencoder",
    ]
    assert entries[0].authors == ["Harlow", "Banner"] or entries[0].authors == ["Harlow, Banner"]
    assert entries[1].authors == ["Serdar"]
    assert entries[1].code_url == "https://github.com/s/codes"


def test_entries_commented_out_are_read_under_their_own_heading_and_the_warning_says_where():
    """A section a curator hid in an HTML comment still lists papers of the field: they are read (GitHub does
    not show them, so a warning names the lines), and the list's sections go on after it as before."""
    text = dedent(
        """\
        ## Shown

        **Visible Widget Paper Title Here** \\
        [[Website](https://arxiv.org/abs/2401.01111)]

        <!-- ## Hidden

        **A Hidden Gadget Paper Title** \\
        [[Website](https://arxiv.org/abs/2401.02222)]

        **Another Hidden Sprocket Paper** \\
        [[CVPR 2024](https://arxiv.org/abs/2401.03333)] -->

        - [A Third Visible Paper Title](https://arxiv.org/abs/2401.04444)
        """
    )
    entries, warnings = parse_text(text, "list.md")
    assert [(e.line, e.section, e.title, e.arxiv_id) for e in entries] == [
        (3, "Shown", "Visible Widget Paper Title Here", "2401.01111"),
        (8, "Hidden", "A Hidden Gadget Paper Title", "2401.02222"),
        (11, "Hidden", "Another Hidden Sprocket Paper", "2401.03333"),
        (14, "Shown", "A Third Visible Paper Title", "2401.04444"),
    ]
    assert (entries[2].venue, entries[2].year, entries[2].kind) == ("CVPR", 2024, "paper")
    assert [(w.line, w.message) for w in warnings] == [
        (6, "an HTML comment hides 2 entries (lines 6-12), which GitHub does not show: read like the others")
    ]


def test_a_link_text_the_list_repeats_over_many_links_is_its_word_for_a_role():
    """Heading per paper, then `* <img>[Reading Note](blog)` / `* [Paper1](pdf)`: the repeated text is a
    label of this list, so the heading names the entry; nothing is titled `Reading Note`."""
    blocks = []
    for n, name in enumerate(["Directed Widget Fuzzing", "Grey-Box Gadget Testing", "Sprocket Sanitisers"]):
        blocks.append(
            f"### {name} at Scale\n\n"
            f'* <img src="image/note.png">[Reading Note](https://notes.example.com/post/{n})\n'
            f'* <img src="image/pdf.png">[Paper1](https://papers.example.org/2020/{n}/paper.pdf)\n\n'
            "**Abstract:** A long abstract of the work that describes it in several sentences.\n"
        )
    entries = read("## Papers\n\n" + "\n".join(blocks))
    assert [e.title for e in entries] == [
        "Directed Widget Fuzzing at Scale",
        "Grey-Box Gadget Testing at Scale",
        "Sprocket Sanitisers at Scale",
    ]
    assert entries[1].url == "https://papers.example.org/2020/1/paper.pdf"


def test_a_repeated_role_text_after_a_plain_title_leaves_the_title_to_the_text():
    entries = read(
        """\
        ## Resources
        * Natural language to widget queries [Resource repo](https://github.com/a/nl2w)
        * Gadget-Bench: Evaluating Models on Gadget Workflows [Resource repo](https://github.com/b/gb)
        * Sprocket Parsing Survey [Resource repo](https://github.com/c/sps)
        """
    )
    assert [e.title for e in entries] == [
        "Natural language to widget queries",
        "Gadget-Bench: Evaluating Models on Gadget Workflows",
        "Sprocket Parsing Survey",
    ]


def test_a_link_whose_text_is_its_doi_under_a_hard_broken_citation():
    """`**Title.**` / names / `*Journal, Month Year.*` / `[[10.xxxx/yyy](https://doi.org/...)]`."""
    names = ", ".join(
        f"Ann{chr(97 + i % 26)} Lee{chr(97 + i // 26)}" for i in range(40)
    )  # a long consortium author line
    hard = "  \n"  # two trailing spaces: a hard line break
    entries = read(
        "## Reviews\n\n"
        f"**Widget engineering through machine learning.**{hard}"
        f"Nina Sol, Sam Mal, Ana Gup.{hard}"
        f"*Emerging Topics in Widget Sciences, April 2021.*{hard}"
        "[[10.1042/ETLS20200257](https://doi.org/10.1042/ETLS20200257)]\n\n"
        f"**Open reproduction of a gadget folding model.**{hard}"
        f"{names}.{hard}"
        f"*Preprint, November 2022.*{hard}"
        "[[10.1101/2022.11.20.517210](https://doi.org/10.1101/2022.11.20.517210)]\n"
    )
    assert [e.title for e in entries] == [
        "Widget engineering through machine learning",
        "Open reproduction of a gadget folding model",
    ]
    assert entries[0].doi == "10.1042/etls20200257"
    assert entries[0].authors == ["Nina Sol", "Sam Mal", "Ana Gup"]
    assert (entries[0].venue, entries[0].year) == ("Emerging Topics in Widget Sciences", 2021)
    assert len(entries[1].authors) >= 20


def test_sections_named_by_venue_type_hold_papers_when_their_entries_link_papers():
    """`#### Conference` / `#### Journal` under a year: papers sorted by where they appeared. A
    `## Conferences` section of venue home pages stays out."""
    entries = read(
        """\
        ## 2023

        #### Conference

        - [**ICRA**] Legs as Levers: Widget Agility Beyond Walking. [[paper](https://arxiv.org/pdf/2303.11330.pdf)]
        - [**L4DC**] Versatile Gadget Jumping with Learned Residuals. [[paper](https://arxiv.org/pdf/2304.08663.pdf)]

        #### Journal

        [**RAL**] Natural Sprocket Behaviours Using Human Bias. [[paper](https://ieeexplore.ieee.org/document/8990011)]

        ## Conferences

        - [Widget Conference](https://widgetconf.example.org/)
        - [Gadget Symposium](https://gadgets.example.org/2024/)
        """
    )
    assert [e.title for e in entries] == [
        "Legs as Levers: Widget Agility Beyond Walking",
        "Versatile Gadget Jumping with Learned Residuals",
        "Natural Sprocket Behaviours Using Human Bias",
    ]
    assert entries[0].venue == "ICRA"


def test_numbered_table_cells_whose_title_runs_into_a_description():
    """`| 1) Title  Introduces ... |`: a wide gap ends the title; where a row has no gap, the title ends
    before a word this table's descriptions open with."""
    entries = read(
        """\
        ## Papers of the Week
        | **Paper**  | **Links** |
        | ------------- | ------------- |
        | 1) Widget Lens on Retrieval Systems  Introduces a new conceptual framework for analysing widget retrieval through sufficient context. | [Paper](https://arxiv.org/abs/2505.00001), [Tweet](https://x.com/a/status/1) |
        | 2) Open-Ended Gadget Agents  Proposes a system that edits its own code and evaluates the edits on benchmarks. | [Paper](https://arxiv.org/abs/2505.00002) |
        | 3) An Operating System for Sprocket Memory Introduces a unified operating system for managing sprocket memory in models. | [Paper](https://arxiv.org/abs/2505.00003) |
        | 4) Learning to Reason about Cogs  Introduces a method for training models without external rewards or labels at all. | [Paper](https://arxiv.org/abs/2505.00004) |
        | 5) Spurious Cog Rewards  Proposes that models improve under reinforcement even with flawed rewards in many settings. | [Paper](https://arxiv.org/abs/2505.00005) |
        """
    )
    assert [e.title for e in entries] == [
        "Widget Lens on Retrieval Systems",
        "Open-Ended Gadget Agents",
        "An Operating System for Sprocket Memory",
        "Learning to Reason about Cogs",
        "Spurious Cog Rewards",
    ]
    assert entries[0].arxiv_id == "2505.00001"


def test_a_bold_short_name_then_a_dash_and_a_lowercase_description():
    """`**Name** - a method that ...`: the bold name is the title; after `**Name** - The Full Title` the
    full title is kept."""
    entries = read(
        """\
        ## Papers
        | **Paper** | **Links** |
        | --- | --- |
        | 1) **WidgetQubit** - a new decoder that sets a state of the art for identifying widget errors in machines | [Paper](https://example.org/articles/widget-qubit) |
        | 2) **GT5** - a more efficient variant of byte-level gadget models that deletes tokens | [Paper](https://arxiv.org/abs/2410.20771) |
        """
    )
    assert [e.title for e in entries] == ["WidgetQubit", "GT5"]
    bullets = read(
        """\
        ## Methods
        - **FedWidget** - Communication-Efficient Learning of Widgets from Decentralised Data [[paper]](https://arxiv.org/abs/1602.05629)
        """
    )
    assert bullets[0].title.endswith("Communication-Efficient Learning of Widgets from Decentralised Data")


def test_a_title_link_whose_text_trails_its_venue_and_date():
    """`[Title. ICML 2021. 2021-06-15](url)`: one link text holding the title, then venue and date."""
    entries = read(
        """\
        ## Robustness
        [Can You Really Poison Widget Learning?. NeruIPS 2019. 2019-11-18](https://arxiv.org/pdf/1911.07963.pdf)

        [Certifiably Robust Gadget Learning against Backdoors. ICML 2021.](https://arxiv.org/pdf/2106.08283.pdf)

        [Widget Classification with Real-World Distributions. MIT. ECCV 2020. 2020-03](https://arxiv.org/pdf/2003.08082.pdf)

        [Deep Learning. 2016](https://example.org/book)
        """
    )
    assert [(e.title, e.venue, e.year) for e in entries[:3]] == [
        ("Can You Really Poison Widget Learning?", "NeruIPS", 2019),
        ("Certifiably Robust Gadget Learning against Backdoors", "ICML", 2021),
        ("Widget Classification with Real-World Distributions", "ECCV", 2020),
    ]
    assert entries[3].title == "Deep Learning. 2016"  # three words of title always stay


def test_a_bracketed_link_label_after_a_plain_title_never_titles_the_entry():
    """`Title [[Some Blog]](url)`: the list wraps role labels in brackets, whatever words they hold."""
    entries = read(
        """\
        ## Blogs
        * Widget Learning Comic [[Gadget Blog]](https://widgets.example.com/)
        * Widget Learning: Collaborative Learning without Central Data [[Gadget Blog]](https://blog.example.com/2017/04/widgets.html)
        """
    )
    assert [e.title for e in entries] == [
        "Widget Learning Comic",
        "Widget Learning: Collaborative Learning without Central Data",
    ]


def test_a_name_whose_only_link_is_its_repository_is_an_entry_there():
    """`FATE [[Github]](repo)` in a list of frameworks: the tool is found at its repository."""
    entries = read(
        """\
        ## Frameworks
        * WidgetFL [[Github]](https://github.com/widget-ai/widgetfl)
        * Gadget Learner [[Github]](https://github.com/gadgets/learner) Some Company
        """
    )
    assert [(e.title, e.url, e.code_url) for e in entries] == [
        ("WidgetFL", "https://github.com/widget-ai/widgetfl", "https://github.com/widget-ai/widgetfl"),
        ("Gadget Learner", "https://github.com/gadgets/learner", "https://github.com/gadgets/learner"),
    ]


def test_a_code_word_glued_into_a_name_is_the_name_not_a_code_label():
    """`[torchkeras](repo) ![stars](badge) The library ...`: the link names the tool."""
    entries = read(
        """\
        ## Training
        * [torchwidgets](https://github.com/someone/torchwidgets?tab=readme) ![](https://img.shields.io/github/stars/someone/torchwidgets.svg) The torchwidgets library is a simple tool for training widgets in a familiar style.
        * [Code](https://github.com/someone/other) a line whose only link is labelled as code
        """
    )
    assert entries[0].title == "torchwidgets"


def test_short_name_then_quoted_bold_title_then_italic_authors():
    """`1. <u>Name</u>: **"Title"**. *First Author et al.* Venue. [[Paper](url)]`: the name is no author."""
    entries = read(
        """\
        ## Models
        1. <u>WT5</u>: **"Exploring the Limits of Widget Transfer with a Unified Gadget Model"**. *Cora Raffin et al.* JMLR 2019. [[Paper](https://arxiv.org/abs/1910.10683)] [[Checkpoint](https://huggingface.co/w5)]
        2. <u>GLW</u>: **"GLW-130B: An Open Bilingual Widget Model"**. *Ada Zeng et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2210.02414)]
        """
    )
    assert [e.title for e in entries] == [
        "Exploring the Limits of Widget Transfer with a Unified Gadget Model",
        "GLW-130B: An Open Bilingual Widget Model",
    ]
    assert entries[0].authors == ["Cora Raffin"]
    assert entries[1].authors == ["Ada Zeng"]
    assert (entries[0].venue, entries[0].year) == ("JMLR", 2019)


def test_an_html_row_spread_over_lines_is_found_at_its_name():
    entries = read(
        """\
        ## Models

        <table>
        <tr><th>Model</th><th>Release</th><th>Link</th></tr>
        <tr>
          <td>WidgetGeeX</td>
          <td>2023/03</td>
          <td><a href="https://arxiv.org/abs/2303.17568">Paper</a></td>
        </tr>
        </table>
        """
    )
    assert [(e.title, e.line) for e in entries] == [("WidgetGeeX", 6)]


def test_a_venue_badge_tags_the_venue_and_no_badge_is_a_paper_link():
    """`[![Publish](img.shields.io/badge/Conference-ICCAD'24-blue)]()<br>[Title](arxiv) <br> Names`."""
    entries = read(
        """\
        | Title & Authors | Introduction | Links |
        |:--|  :----: | :---:|
        |[![Star](https://img.shields.io/github/stars/o/widget.svg?style=social&label=Star)](https://github.com/o/widget)[![Publish](https://img.shields.io/badge/Conference-ICCAD'24-blue)]()<br>[Widget Serving with Speculative Scheduling](https://arxiv.org/abs/2410.23537) <br> Ann Lee, Bo Chen | an introduction | [Paper](https://arxiv.org/abs/2410.23537)|
        |[![Publish](https://img.shields.io/badge/Findings-EMNLP'23-blue)]()<br>[Gadget Mixture of Low-Rank Adapters](https://arxiv.org/abs/2410.18035) <br> Cy Diaz | another | [Paper](https://arxiv.org/abs/2410.18035)|
        """
    )
    assert [(e.title, e.venue, e.year) for e in entries] == [
        ("Widget Serving with Speculative Scheduling", "ICCAD", 2024),
        ("Gadget Mixture of Low-Rank Adapters", "EMNLP", 2023),
    ]
    assert entries[0].authors == ["Ann Lee", "Bo Chen"]
    assert entries[0].code_url == "https://github.com/o/widget"
    assert not any("shields.io" in u for e in entries for u in [e.url, *e.alt_urls])


def test_a_bold_title_whose_link_text_cites_the_journal():
    """`**Title**` / names / `[Journal of Widgets 22.21 (2021)](url)`: the link is the paper, its text the
    venue, whether the lines break softly or hard."""
    hard = "  \n"
    entries = read(
        "## Reviews\n\n"
        "**Widget sequence design with deep generative models**\n"
        "Zara Wu, Kay Johnston, Fran Arnold\n"
        "[Current Opinion in Widget Biology 65](https://www.sciencedirect.com/science/article/pii/S1367593121)"
        " • [note](https://notes.example.com/p/4666) • 2021\n\n"
        f"**WidgetBERT: a universal deep-learning model of widget sequences**{hard}"
        f"Nadia Brand, Dan Ofir{hard}"
        "[Bioinformatics, March 2022](https://academic.oup.com/bioinformatics/article/38/8/2102/6502274)"
        " • [code](https://github.com/n/widget_bert)\n"
    )
    assert [e.title for e in entries] == [
        "Widget sequence design with deep generative models",
        "WidgetBERT: a universal deep-learning model of widget sequences",
    ]
    assert entries[0].url.startswith("https://www.sciencedirect.com/")
    assert entries[0].authors == ["Zara Wu", "Kay Johnston", "Fran Arnold"]
    assert (entries[1].venue, entries[1].year) == ("Bioinformatics", 2022)
    assert entries[1].code_url == "https://github.com/n/widget_bert"


def test_a_tag_line_item_with_title_names_and_links_on_sub_bullets_is_one_entry():
    """``- `【2024-05】-【Name】` `` then `- **Title**`, `- *names*`, `- [Paper](u) | [Hugging Face Model](u)`:
    the repeated `Hugging Face Model` is a label of the list, and the bold sub-bullet titles the entry."""
    items = []
    for i, (date, name, title) in enumerate(
        [
            ("2024-05", "WidgetLM", "WidgetLM: Scaling Widget Models to Many Gadgets"),
            ("2024-06", "GadgetGPT", "GadgetGPT: A Generalist Gadget Transformer"),
            ("2024-07", "SprocketNet", "SprocketNet: Sprockets All the Way Down"),
        ]
    ):
        items.append(
            f"- `【{date}】-【{name}】`\n  - **{title}**\n  - *Ann Lee, Bo Chen*\n"
            f"  - [Paper](https://arxiv.org/abs/2405.0{i}234) | [Code](https://github.com/a/{name})"
            f" | [Hugging Face Model](https://huggingface.co/a/{name})\n"
        )
    entries = read("## Models\n\n" + "".join(items))
    assert [e.title for e in entries] == [
        "WidgetLM: Scaling Widget Models to Many Gadgets",
        "GadgetGPT: A Generalist Gadget Transformer",
        "SprocketNet: Sprockets All the Way Down",
    ]
    assert entries[1].arxiv_id == "2405.01234"
    assert entries[1].authors == ["Ann Lee", "Bo Chen"]
    assert entries[2].code_url == "https://github.com/a/SprocketNet"


def test_a_bold_item_with_nested_bare_url_fields_is_one_entry():
    entries = read(
        """\
        ## Others

        - **Sprocket Tuning for Everyone**
          - Paper: https://arxiv.org/abs/2407.01111
          - Code: https://github.com/c/sprocket
        """
    )
    assert [(e.title, e.arxiv_id, e.code_url) for e in entries] == [
        ("Sprocket Tuning for Everyone", "2407.01111", "https://github.com/c/sprocket")
    ]


def test_a_numbered_topic_heading_never_titles_the_citation_under_it():
    """`## 1.2 Topic (Milestone)` then `**[2]** Names. "**Title**." Venue. [[pdf]](url)`: the citation has
    its own title; a heading followed only by a role link still titles its entry."""
    entries = read(
        """\
        ## 1.2 Deep Widget Network(DWN)(Milestone of Widget Eve)

        **[2]** Hinton, Gail E., Sam Osindero. "**A fast learning algorithm for deep widget nets**." Neural computation 18.7 (2006): 1527-1554. [[pdf]](http://www.example.edu/~h/ncfast.pdf)**(Widget Eve)** :star::star::star:

        ## Gadget classification with deep convolutional networks

        [[pdf]](http://papers.example.cc/paper/4824-gadget.pdf)
        """
    )
    assert [e.title for e in entries] == [
        "A fast learning algorithm for deep widget nets",
        "Gadget classification with deep convolutional networks",
    ]
    assert (entries[0].venue, entries[0].year) == ("Neural computation", 2006)


def test_paragraphs_of_plain_titles_with_role_links_under_topic_headings():
    """`### Topic` then one paragraph per paper, `Title [[paper](url)], [[code](url)]`: each paragraph is
    an entry and the heading is its section; a sentence that merely mentions a link is not an entry."""
    entries = read(
        """\
        ## Approaches

        ### Typical Widget Encoder-Decoder Approaches

        On the Automatic Generation of Widget Reports [[paper](https://aclanthology.org/P18-1240/)], [[code](https://github.com/z/widget-reports)]

        Hybrid Retrieval-Generation Agent for Gadget Reports [[paper](https://arxiv.org/abs/2305.07176)]

        This section partially refers to [The Widget Portal](https://widgets.example.org/).
        """
    )
    assert [(e.title, e.section) for e in entries] == [
        (
            "On the Automatic Generation of Widget Reports",
            "Approaches > Typical Widget Encoder-Decoder Approaches",
        ),
        (
            "Hybrid Retrieval-Generation Agent for Gadget Reports",
            "Approaches > Typical Widget Encoder-Decoder Approaches",
        ),
    ]
    assert entries[0].code_url == "https://github.com/z/widget-reports"


def test_a_list_whose_layout_is_not_understood_gets_one_warning_naming_its_first_lost_line():
    lines = ["## Papers", ""]
    for i in range(12):  # paper links inside running prose: no entry shape the reader knows
        lines += [
            f"We liked widget study {i}, see https://arxiv.org/abs/2401.{i + 1:05d} and more words.",
            "",
        ]
    _, warnings = parse_text("\n".join(lines), "list.md")
    layout = [w for w in warnings if "layout was not understood" in w.message]
    assert len(layout) == 1 and layout[0].line == 3 and "12 of 12" in layout[0].message
    understood, warnings = parse_text(
        "## Papers\n"
        + "".join(
            f"- Widget Study Number {i} [[paper]](https://arxiv.org/abs/2401.{i + 1:05d})\n"
            for i in range(12)
        ),
        "list.md",
    )
    assert len(understood) == 12 and not any("layout" in w.message for w in warnings)


def test_a_parenthesised_link_label_after_a_heading_title_never_titles_it():
    """`### 2017 Widget challenge [(WiTS)](url)`: the acronym in parentheses labels the link."""
    entries = read(
        """\
        ## Challenges

        ### 2017 Widget tumour segmentation challenge [(WiTS)](https://competitions.example.org/c/17094)

        Some words about the challenge.
        """
    )
    assert [(e.title, e.url) for e in entries] == [
        ("2017 Widget tumour segmentation challenge", "https://competitions.example.org/c/17094")
    ]


def test_a_plain_title_item_with_a_nested_line_of_initials_venue_and_role_links():
    """`- Name: Title.` then `  - A. Lee, B. Chen, and C. Park. *ICML 2021*. [[pdf]](u) [[code]](u)`: the
    nested line says who and where, the item line is the title; the names are never the title."""
    entries = read(
        """\
        #### Widget Contrasting
        - WCL: Widget Contrastive Learning.
          - A. Lee, B. Chen, and C. Park. *ICML 2021*. [[pdf]](https://arxiv.org/pdf/2101.01234.pdf) [[code]](https://github.com/o/wcl)
        - GCL: Gadget Contrastive Learning with Sprockets.
          - D. Dunn, E. Eve, F. Fox. *Arxiv 2020*. [[pdf]](https://arxiv.org/pdf/2010.01234.pdf)
        """
    )
    assert [e.title for e in entries] == [
        "WCL: Widget Contrastive Learning",
        "GCL: Gadget Contrastive Learning with Sprockets",
    ]
    first = entries[0]
    assert (first.url, first.arxiv_id, first.code_url) == (
        "https://arxiv.org/pdf/2101.01234.pdf",
        "2101.01234",
        "https://github.com/o/wcl",
    )
    assert first.authors == ["A. Lee", "B. Chen", "C. Park"]
    assert (first.venue, first.year, first.kind) == ("ICML", 2021, "paper")
    assert entries[1].authors == ["D. Dunn", "E. Eve", "F. Fox"]
    assert entries[1].section == "Widget Contrasting"


def test_a_title_line_then_its_link_then_a_citation_of_names_and_venue():
    """`- Title.` / `  [[pdf]](u)` / `  - Ann Lee, and Bo Chen. *USENIX Security*, 2021.`: two names joined
    by `and`, then the venue; a short title-case title is kept, the names go to the authors."""
    entries = read(
        """\
        - Blind Widgets in Gadget Models.
          [[pdf]](https://arxiv.org/pdf/2005.01234.pdf)
          - Ann Lee, and Bo Chen. *USENIX Security*, 2021.
        - Deep Widget Backdoors.
          [[pdf]](https://arxiv.org/pdf/2007.01234.pdf)
          - Cy Dunn, Di Eve, Fa Gu, and Ho Ives. arXiv, 2020.
        """
    )
    assert [(e.title, e.authors, e.venue, e.year) for e in entries] == [
        ("Blind Widgets in Gadget Models", ["Ann Lee", "Bo Chen"], "USENIX Security", 2021),
        ("Deep Widget Backdoors", ["Cy Dunn", "Di Eve", "Fa Gu", "Ho Ives"], "arXiv", 2020),
    ]
    assert entries[0].url == "https://arxiv.org/pdf/2005.01234.pdf"


def test_a_labelled_summary_line_that_cites_the_paper_of_a_section():
    """`*Summary: Title, A. Lee et al. 201901 [(arxiv)](u)*` under a challenge heading: the label is
    dropped, the citation gives the title and the first author, `201901` is January 2019."""
    entries = read(
        """\
        ### 2017 Widget segmentation challenge
        *Summary: The Widget Segmentation Benchmark (WSB), Ann Lee et al. 201901 [(arxiv)](https://arxiv.org/abs/1901.01234)*

        |Date|First Author |Title|Dice|
        |---|---|---|---|
        |20190730|Bo Chen |Cascaded Widget Segmentation [(paper)](https://example.org/wsc/a.pdf)|0.9|
        """
    )
    summary, row = entries
    assert (summary.title, summary.authors, summary.arxiv_id, summary.year) == (
        "The Widget Segmentation Benchmark (WSB)",
        ["Ann Lee"],
        "1901.01234",
        2019,
    )
    assert summary.kind == "benchmark"
    assert (row.title, row.authors, row.year, row.url) == (
        "Cascaded Widget Segmentation",
        ["Bo Chen"],
        2019,
        "https://example.org/wsc/a.pdf",
    )


def test_a_text_that_leads_several_entries_with_words_after_is_a_title_not_a_label():
    """One work the list names three times with its mirrors (`1. [Title](arxiv) by A. Lee`, `2. [Title](code)
    by A. Lee`): the repeated text is the title; a table of contents anchor does not count as a link."""
    entries = read(
        """\
        * [Widget Regression](#widget-regression)

        ## Widget Regression
        1. [Widget Regression](https://arxiv.org/abs/1905.01234) by Ann Lee, Bo Chen (Widgetford, 2019)
        2. [Widget Regression](https://github.com/o/widget-regression) by Ann Lee (2019)
        3. [Widget Regression](https://widgets.example.org/paper/widget-regression) - Ann Lee, Bo Chen, (2019).
        """
    )
    assert [e.title for e in entries] == ["Widget Regression"] * 3
    assert entries[0].authors == ["Ann Lee", "Bo Chen"]


def test_a_bold_title_paragraph_whose_only_link_is_a_short_label():
    """`**Title.**` / names / `*Venue, December 2019.*` / `[[WPS](url)]` written as one paragraph: the
    short label is no title of its own, its link is the paper's."""
    entries = read(
        """\
        **Widget Sequence Design using Batched Gadget Optimization.**
        Ann Lee, Bo Chen, Cy Dunn.
        *Widgetcon Workshop on Machine Learning and the Physical Widgets, December 2019.*
        [[WPS](https://wps.example.org/files/WPS_2019_141.pdf)]
        """
    )
    [entry] = entries
    assert entry.title == "Widget Sequence Design using Batched Gadget Optimization"
    assert entry.url == "https://wps.example.org/files/WPS_2019_141.pdf"
    assert entry.authors == ["Ann Lee", "Bo Chen", "Cy Dunn"]
    assert (entry.year, entry.kind) == (2019, "paper")


def test_a_datasets_heading_with_a_preposition_names_the_kind_of_a_table_headed_paper():
    """`## Datasets of Pre-Training for Widgets` over `| Name | Paper | Type |`: the heading's head noun
    says the rows are datasets, the `Paper` column only where each is described; `Resources of X` names
    a topic, not a kind."""
    entries = read(
        """\
        ## Datasets of Pre-Training for Widgets
        | Name | Paper | Type |
        |:-----|:-----:|:----:|
        | **WidgetCaps** | [WidgetCaps: Captions for Ten Million Widgets](https://arxiv.org/abs/2401.01234) | Caption |
        | **GadgetPairs** | [GadgetPairs: An Image-Text Pair Collection of Gadgets](https://github.com/o/gadget-pairs) | Caption |

        ## Benchmarks for Evaluation
        | Name | Paper | Task |
        |:-----|:-----:|:----:|
        | **SprocketQA** | [Sprocket Question Answering over Gear Diagrams](https://arxiv.org/abs/2402.01234) | QA |

        ## Resources of Widget Models
        | Name | Paper | Task |
        |:-----|:-----:|:----:|
        | **WidgetLM** | [WidgetLM: A Language Model for Widget Catalogues](https://arxiv.org/abs/2403.01234) | LM |
        """
    )
    assert [(e.title, e.kind) for e in entries] == [
        ("WidgetCaps: Captions for Ten Million Widgets", "dataset"),
        ("GadgetPairs: An Image-Text Pair Collection of Gadgets", "dataset"),
        ("Sprocket Question Answering over Gear Diagrams", "benchmark"),
        ("WidgetLM: A Language Model for Widget Catalogues", "paper"),
    ]
    assert (entries[0].url, entries[0].arxiv_id, entries[0].year) == (
        "https://arxiv.org/abs/2401.01234",
        "2401.01234",
        2024,
    )


def test_citation_paragraphs_whose_title_ends_in_an_acronym_then_two_surnames():
    """`Title with WVAE. Lee, Park https://...`: a full stop after an acronym ends the title's sentence
    (only a lone capital is an initial), and two one-word names after it are two surnames."""
    entries = read(
        """\
        Predicting Widgets with WVAE. Lee, Park, van der Berg https://arxiv.org/pdf/2103.01234.pdf

        On Multilevel Gadget Estimation For Deep Latent Widget Models. Shi, Corn http://proceedings.mlr.press/v130/shi21d/shi21d.pdf
        """
    )
    assert [(e.title, e.url) for e in entries] == [
        ("Predicting Widgets with WVAE", "https://arxiv.org/pdf/2103.01234.pdf"),
        (
            "On Multilevel Gadget Estimation For Deep Latent Widget Models",
            "http://proceedings.mlr.press/v130/shi21d/shi21d.pdf",
        ),
    ]
    assert entries[0].arxiv_id == "2103.01234" and entries[0].year == 2021
    assert entries[1].authors == ["Shi", "Corn"]
    assert (entries[1].venue, entries[1].kind) == ("", "paper")


def test_a_comment_hiding_one_link_of_an_entry_says_so_in_the_singular():
    """A link a curator took out of an entry (no title of its own) is not read back into it."""
    entries, warnings = parse_text(
        "# Widgets\n\n**A Widget Paper Title Here** \\\n[[Website](https://arxiv.org/abs/2401.01234)]\n\n"
        "<!-- [[NeurIPS 2023](https://openreview.net/forum?id=abc)] -->\n",
        "list.md",
    )
    assert [(e.title, e.url, e.alt_urls) for e in entries] == [
        ("A Widget Paper Title Here", "https://arxiv.org/abs/2401.01234", [])
    ]
    assert [w.message for w in warnings] == ["an HTML comment hides 1 link (line 6): not read"]


def test_tab_separated_citation_lines_read_even_a_two_word_title_and_a_field_of_no_names():
    """`Title.<TAB>Names<TAB>URL`, one paragraph each (a spreadsheet pasted into the list): the tabs set the
    fields apart, so a two-word title is a title, and a names field that holds no names gives none."""
    text = dedent(
        """\
        # Widget papers

        ## 2021

        Isometric widgets.\tLee, Chen, Park\thttps://arxiv.org/pdf/2101.00001.pdf

        Sparse gadget routing with learned sprockets.\tanon\thttps://arxiv.org/abs/2101.00002

        Draft and Edit: Widget Storytelling Through Gadgets.\tKim, Ong, Ruiz\thttps://www.example.org/p.pdf
        """
    )
    entries, _ = parse_text(text, "list.md")
    got = [(e.line, e.title, e.url, e.authors, e.arxiv_id, e.year, e.kind) for e in entries]
    assert got == [
        (5, "Isometric widgets", "https://arxiv.org/pdf/2101.00001.pdf", ["Lee", "Chen", "Park"], "2101.00001",
         2021, "paper"),
        (7, "Sparse gadget routing with learned sprockets", "https://arxiv.org/abs/2101.00002", [], "2101.00002",
         2021, "paper"),
        (9, "Draft and Edit: Widget Storytelling Through Gadgets", "https://www.example.org/p.pdf",
         ["Kim", "Ong", "Ruiz"], "", 2021, "paper"),
    ]  # fmt: skip
    assert all(e.venue in ("", "arXiv") for e in entries)


def test_a_list_of_surnames_only_splits_every_run_of_names_even_an_even_one():
    """A list that writes `Lee, Chen, Park` (odd runs of one-word names, which no `Surname, Given` list can
    write) gives surnames only, so in it `Nie, Wang` is two people; elsewhere it stays `Bengio, Yoshua`."""
    odd = "".join(
        f"Widget paper number {n} for sprockets.\tLee, Chen, Park\thttps://arxiv.org/abs/2101.{n:05d}\n\n"
        for n in range(1, 11)
    )
    even = "Gadget routing with learned sprockets.\tNie, Wang\thttps://arxiv.org/abs/2102.00001\n"
    entries, _ = parse_text("# Widgets\n\n## 2021\n\n" + odd + even, "list.md")
    assert len(entries) == 11
    assert all(e.authors == ["Lee", "Chen", "Park"] for e in entries[:10])
    assert (entries[10].title, entries[10].authors) == (
        "Gadget routing with learned sprockets",
        ["Nie", "Wang"],
    )
    alone, _ = parse_text("# Widgets\n\n## 2021\n\n" + even, "other.md")
    assert alone[0].authors == ["Nie, Wang"]  # no evidence in this list: one name written surname first


def test_in_a_list_of_surnames_one_surname_after_the_title_is_its_author():
    """`Title. Lee<TAB>URL` in a list that writes surnames only: the last sentence, one capitalised word, is
    the author, not the end of the title; in a list without that evidence it is not read as a name."""
    odd = "".join(
        f"Widget paper number {n} for sprockets.\tLee, Chen, Park\thttps://arxiv.org/abs/2101.{n:05d}\n\n"
        for n in range(1, 11)
    )
    line = "Sprockets as widgets? A study of learned gadgets. Glushko\thttps://arxiv.org/pdf/2004.02687.pdf\n"
    entries, _ = parse_text("# Widgets\n\n## 2020\n\n" + odd + line, "list.md")
    last = entries[-1]
    assert (last.line, last.title, last.authors) == (
        25,
        "Sprockets as widgets? A study of learned gadgets",
        ["Glushko"],
    )
    assert (last.arxiv_id, last.year, last.kind) == ("2004.02687", 2020, "paper")
    alone, _ = parse_text("# Widgets\n\n## 2020\n\n" + line, "other.md")
    assert all(e.authors != ["Glushko"] for e in alone)
