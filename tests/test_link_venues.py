"""Venue and year from a paper's own proceedings link, when the list's text names none (or only arXiv)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_fuse import one

from awesome_merge import AwesomeMergeError, load_config, merge
from awesome_merge.frame import Entry
from awesome_merge.venues import (
    CONFERENCES,
    LINK_VENUE_RULES,
    VENUES,
    pmlr_volumes,
    venue_from_link,
    venue_kind,
)


@pytest.mark.parametrize(
    ("link", "venue", "year"),
    [
        ("https://openaccess.thecvf.com/content/CVPR2024/html/Doe_Made_Up_CVPR_2024_paper.html", "CVPR", 2024),
        ("https://openaccess.thecvf.com/content/CVPR2024/papers/Doe_Made_Up_CVPR_2024_paper.pdf", "CVPR", 2024),
        ("https://openaccess.thecvf.com/content/ICCV2023/html/Roe_Invented_ICCV_2023_paper.html", "ICCV", 2023),
        ("https://openaccess.thecvf.com/content/WACV2024/papers/Roe_Invented_WACV_2024_paper.pdf", "WACV", 2024),
        ("https://openaccess.thecvf.com/content/CVPR2023W/SomeWS/papers/Doe_X_CVPRW_2023_paper.pdf", "CVPR Workshop", 2023),
        ("http://openaccess.thecvf.com/content_CVPR_2019/html/Doe_Made_Up_CVPR_2019_paper.html", "CVPR", 2019),
        ("http://openaccess.thecvf.com/content_iccv_2017/html/Doe_Made_Up_ICCV_2017_paper.html", "ICCV", 2017),
        ("http://openaccess.thecvf.com/content_cvpr_2017_workshops/w9/papers/Doe_X_paper.pdf", "CVPR Workshop", 2017),
        ("https://www.ecva.net/papers/eccv_2022/papers_ECCV/html/1234_ECCV_2022_paper.php", "ECCV", 2022),
        ("https://proceedings.neurips.cc/paper/2021/hash/0123456789abcdef0123456789abcdef-Abstract.html", "NeurIPS", 2021),
        ("https://papers.nips.cc/paper/2019/file/0123456789abcdef0123456789abcdef-Paper.pdf", "NeurIPS", 2019),
        ("https://proceedings.neurips.cc/paper_files/paper/2023/hash/0123456789abcdef0123456789abcdef-Abstract-Conference.html", "NeurIPS", 2023),
        ("http://papers.nips.cc/paper/1234-a-made-up-title.pdf", "NeurIPS", None),
        ("https://neurips.cc/virtual/2023/poster/70001", "NeurIPS", 2023),
        ("https://proceedings.mlr.press/v139/doe21a.html", "ICML", 2021),
        ("http://proceedings.mlr.press/v108/doe20b/doe20b.pdf", "AISTATS", 2020),
        ("http://jmlr.org/proceedings/papers/v37/doe15.pdf", "ICML", 2015),
        ("https://aclanthology.org/2023.acl-long.1/", "ACL", 2023),
        ("https://aclanthology.org/2023.findings-emnlp.9.pdf", "EMNLP Findings", 2023),
        ("https://aclanthology.org/2022.naacl-main.3", "NAACL", 2022),
        ("https://aclanthology.org/P19-1001/", "ACL", 2019),
        ("https://www.aclweb.org/anthology/D18-1002.pdf", "EMNLP", 2018),
        ("https://aclanthology.org/N19-1003.pdf", "NAACL", 2019),
        ("https://ojs.aaai.org/index.php/AAAI/article/view/10001", "AAAI", None),
        ("https://doi.org/10.1609/aaai.v38i2.20001", "AAAI", 2024),
        ("https://www.ijcai.org/proceedings/2021/0101.pdf", "IJCAI", 2021),
        ("https://www.ijcai.org/Proceedings/16/Papers/101.pdf", "IJCAI", 2016),
        ("https://doi.org/10.24963/ijcai.2022/101", "IJCAI", 2022),
        ("https://doi.org/10.1109/CVPR52688.2022.00001", "CVPR", 2022),
        ("10.18653/v1/2021.emnlp-main.5", "EMNLP", 2021),
        ("https://jmlr.org/papers/v21/20-001.html", "Journal of Machine Learning Research", 2020),
    ],
)  # fmt: skip
def test_a_proceedings_link_names_its_venue_and_year(link: str, venue: str, year: int | None) -> None:
    assert venue_from_link(link) == (venue, year)


@pytest.mark.parametrize(
    "link",
    [
        "https://openreview.net/forum?id=AbCdEfGh01",  # a submission, perhaps rejected: no venue
        "https://openaccess.thecvf.com/CVPR2024?day=all",  # the proceedings' index, not a paper
        "https://proceedings.neurips.cc/paper/2021",
        "https://proceedings.mlr.press/v139/",
        "https://proceedings.mlr.press/v1/doe01a.html",  # a volume the table does not state
        "https://aclanthology.org/W19-1001/",  # a workshop: the id does not say which
        "https://doi.org/10.1109/TPAMI.2021.3000001",  # an IEEE journal's DOI names no conference
        "https://www.ijcai.org/proceedings/2021",
        "https://arxiv.org/abs/2401.00001",
        "https://github.com/someone/cvpr2024-code",
    ],
)
def test_pages_that_are_not_a_published_paper_name_no_venue(link: str) -> None:
    assert venue_from_link(link) == ("", None)


def test_every_venue_a_rule_or_the_pmlr_table_gives_is_in_the_registry() -> None:
    """A venue a link gives is spelled as the registry spells it, so it votes with the lists' spellings."""
    assert {venue for venue, _ in pmlr_volumes().values()} <= set(CONFERENCES)
    assert all(rule.venue in VENUES for rule in LINK_VENUE_RULES if rule.venue)


def test_the_registry_knows_conferences_from_journals_and_preprints() -> None:
    assert venue_kind("CVPR 2024") == "conference"
    assert venue_kind("NIPS") == "conference"
    assert venue_kind("TPAMI") == "journal"
    assert venue_kind("arXiv") == "preprint"
    assert venue_kind("Some Workshop Nobody Lists") == ""


CVF = "https://openaccess.thecvf.com/content/CVPR2024/papers/Doe_{}_CVPR_2024_paper.pdf"
ONE_CONFERENCE_LIST = f"""# Invented papers of one conference

## Segmentation

- [Segmenting Imaginary Objects With Made Up Priors]({CVF.format("Segmenting")}) [[arXiv]](https://arxiv.org/abs/2312.00001)
- [Counting Invisible Sheep In Synthetic Fields]({CVF.format("Counting")}) (arXiv 2023)
- [Tracking Paper Planes Across Rendered Skies](https://arxiv.org/abs/2401.00002) (ICCV 2023)
"""  # fmt: skip


def test_a_list_of_cvf_links_reads_as_conference_papers_with_their_year(tmp_path: Path) -> None:
    source = tmp_path / "list.md"
    source.write_text(ONE_CONFERENCE_LIST, encoding="utf-8")
    papers = merge([source]).papers.set_index("title")
    assert papers.loc["Segmenting Imaginary Objects With Made Up Priors", ["venue", "year"]].tolist() == [
        "CVPR",
        2024,
    ]
    # "arXiv 2023" is where it was posted; the CVF page says where and when it was published
    assert papers.loc["Counting Invisible Sheep In Synthetic Fields", ["venue", "year"]].tolist() == [
        "CVPR",
        2024,
    ]
    # a venue the list states is kept
    assert papers.loc["Tracking Paper Planes Across Rendered Skies", ["venue", "year"]].tolist() == [
        "ICCV",
        2023,
    ]


def test_grouped_by_year_the_cvf_papers_are_under_their_conference_year(tmp_path: Path) -> None:
    source = tmp_path / "list.md"
    source.write_text(ONE_CONFERENCE_LIST, encoding="utf-8")
    merge([source]).write(tmp_path / "out", group_by="year")
    text = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    under_2024 = text.split("\n## 2024\n", 1)[1].split("\n## ", 1)[0]
    assert "Counting Invisible Sheep" in under_2024 and "Segmenting Imaginary Objects" in under_2024
    assert "Unknown year" not in text


def test_a_published_page_among_a_papers_links_beats_arxiv_when_fused() -> None:
    entries = [
        Entry("a.md", 1, title="A Made Up Study Of Learned Widgets", url="https://arxiv.org/abs/2305.00003",
              arxiv_id="2305.00003", venue="arXiv", year=2023),
        Entry("b.md", 4, title="A Made Up Study Of Learned Widgets", url="https://arxiv.org/abs/2305.00003",
              alt_urls=["https://proceedings.mlr.press/v202/doe23a.html"], arxiv_id="2305.00003"),
    ]  # fmt: skip
    paper = one(entries, "arxiv:2305.00003")
    assert (paper["venue"], paper["year"]) == ("ICML", 2023)


def test_a_list_of_one_venue_names_it_once_in_the_config(tmp_path: Path) -> None:
    """`[list] venue` and `year`: papers nothing else places are that venue's; a stated venue stays."""
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "list.md").write_text(ONE_CONFERENCE_LIST.replace(CVF.format("Counting"), "https://arxiv.org/abs/2312.00003"),
                                    encoding="utf-8")  # fmt: skip
    (folder / "awesome-merge.toml").write_text('[list]\nvenue = "CVPR"\nyear = 2024\n', encoding="utf-8")
    papers = merge([folder]).papers.set_index("title")
    assert papers.loc["Counting Invisible Sheep In Synthetic Fields", ["venue", "year"]].tolist() == [
        "CVPR",
        2024,
    ]
    assert papers.loc["Tracking Paper Planes Across Rendered Skies", ["venue", "year"]].tolist() == [
        "ICCV",
        2023,
    ]


@pytest.mark.parametrize(
    ("table", "says"),
    [("[list]\nyear = 2024\n", "[list] year"), ('[list]\nvenue = "CVPR"\nyear = "2024"\n', "[list] year")],
)
def test_a_default_year_without_a_venue_or_not_a_number_is_a_config_error(
    tmp_path: Path, table: str, says: str
) -> None:
    path = tmp_path / "awesome-merge.toml"
    path.write_text(table, encoding="utf-8")
    with pytest.raises(AwesomeMergeError, match=re.escape(says)):
        load_config(path)
