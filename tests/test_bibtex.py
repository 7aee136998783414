"""`papers.bib` as people cite it, read back by a BibTeX parser (bibtexparser v2): every entry parses, one
per paper, with the keys, types and fields written."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import pandas as pd
import pytest
from conftest import SOURCES
from test_write import frame, paper

from awesome_merge import merge
from awesome_merge.write import papers_bibtex


def read_bib(text: str) -> bibtexparser.Library:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return library


def fields(entry: bibtexparser.model.Entry) -> dict[str, str]:
    return {name: field.value for name, field in entry.fields_dict.items()}


@pytest.fixture
def kinds() -> pd.DataFrame:
    """One invented paper of each kind of venue, and one whose venue the registry does not know."""
    return frame(
        paper("url:a", "Segmenting Imaginary Objects", venue="CVPR", year=2024, authors="Jane Doe; Li Wei",
              url="https://openaccess.thecvf.com/content/CVPR2024/html/Doe_Segmenting_CVPR_2024_paper.html"),
        paper("doi:10.1/b", "On the Counting of Sheep", venue="TPAMI", year=2022, authors="Roe, Richard",
              doi="10.1/b"),
        paper("arxiv:2401.00001", "Learning Widgets", venue="arXiv", year=2024, arxiv_id="2401.00001",
              authors="Ada Lovelace"),
        paper("url:d", "Tracking Planes", venue="Workshop on Invented Things", year=2021, authors="Ann Lee"),
        paper("url:e", "Journaled Planes", venue="Journal of Invented Studies", year=2020, authors="Ann Lee"),
    )  # fmt: skip


def test_each_venue_kind_is_cited_with_its_type_and_field(kinds: pd.DataFrame) -> None:
    library = read_bib(papers_bibtex(kinds))
    assert len(library.entries) == len(kinds)
    got = {e.key: (e.entry_type, fields(e)) for e in library.entries}
    assert got["doe2024segmenting"][0] == "inproceedings"
    assert got["doe2024segmenting"][1]["booktitle"] == "CVPR"
    assert got["doe2024segmenting"][1]["author"] == "Jane Doe and Li Wei"
    assert got["doe2024segmenting"][1]["year"] == "2024"
    assert got["roe2022counting"][0] == "article"
    assert (
        got["roe2022counting"][1]["journal"]
        == "IEEE Transactions on Pattern Analysis and Machine Intelligence"
    )
    assert got["lovelace2024learning"][0] == "misc"
    assert got["lovelace2024learning"][1]["eprint"] == "2401.00001"
    assert got["lovelace2024learning"][1]["archivePrefix"] == "arXiv"
    assert (
        "booktitle" not in got["lovelace2024learning"][1] and "journal" not in got["lovelace2024learning"][1]
    )
    assert got["lee2021tracking"][0] == "inproceedings"
    assert got["lee2020journaled"][0] == "article"


def test_keys_are_surname_year_and_first_title_word_with_letters_when_shared() -> None:
    papers = frame(
        paper("url:1", "Learning to Fly", year=2023, authors="Jane Doe"),
        paper("url:2", "Learning to Swim", year=2023, authors="John Doe"),
        paper("url:3", "A Survey of Flying", year=2023, authors="Doe, Jane"),
        paper("url:4", "Learning to Run", authors="Jane Doe"),
        paper("url:5", "无人机", year=2023),
    )
    keys = [e.key for e in read_bib(papers_bibtex(papers)).entries]
    assert keys == ["doe2023learninga", "doe2023learningb", "doe2023survey", "doelearning", "anon2023"]


def test_specials_survive_the_round_trip_as_latex() -> None:
    papers = frame(paper("url:x", "50% of R&D_costs {saved} with $x^2$ #1", venue="NeurIPS", year=2020,
                         authors="José Núñez; Tom and Jerry Ltd"))  # fmt: skip
    (entry,) = read_bib(papers_bibtex(papers)).entries
    values = fields(entry)
    assert values["title"] == r"{50\% of R\&D\_costs \{saved\} with \$x\textasciicircum{}2\$ \#1}"
    assert values["author"] == "José Núñez and {Tom and Jerry Ltd}"  # "and" inside a name is braced
    assert entry.key == "nunez202050"  # ASCII letters and digits only: "Núñez" is "nunez"


CVF = "https://openaccess.thecvf.com/content/CVPR2024/html/{}_CVPR_2024_paper.html"
LIST = f"""# Invented conference papers

- [Segmenting Imaginary Objects With Made Up Priors]({CVF.format("Doe_Segmenting")})
  - Authors: Jane Doe, Li Wei
- [Counting Invisible Sheep In Synthetic Fields](https://arxiv.org/abs/2312.00001)
"""


def test_a_written_bib_of_conference_papers_loads_and_cites_them_as_such(tmp_path: Path) -> None:
    source = tmp_path / "list.md"
    source.write_text(LIST, encoding="utf-8")
    result = merge([source])
    result.write(tmp_path / "out")
    library = read_bib((tmp_path / "out" / "papers.bib").read_text(encoding="utf-8"))
    assert len(library.entries) == len(result.papers) == 2
    by_title = {fields(e)["title"]: e for e in library.entries}
    cvpr = by_title["{Segmenting Imaginary Objects With Made Up Priors}"]
    assert (cvpr.entry_type, fields(cvpr)["booktitle"], fields(cvpr)["year"]) == (
        "inproceedings",
        "CVPR",
        "2024",
    )
    assert fields(cvpr)["author"] == "Jane Doe and Li Wei"
    assert cvpr.key == "doe2024segmenting"
    preprint = by_title["{Counting Invisible Sheep In Synthetic Fields}"]
    assert preprint.entry_type == "misc" and fields(preprint)["eprint"] == "2312.00001"


def test_the_bundled_lists_bib_loads_with_one_entry_per_paper(tmp_path: Path) -> None:
    result = merge([SOURCES])
    result.write(tmp_path / "out")
    library = read_bib((tmp_path / "out" / "papers.bib").read_text(encoding="utf-8"))
    keys = [e.key for e in library.entries]
    assert len(keys) == len(result.papers) == len(set(keys))
    assert all(fields(e).get("title") for e in library.entries)
    published = result.papers[result.papers["venue"].isin(["NeurIPS", "ICLR", "ACL", "AAAI"])]
    assert len(published) and sum(e.entry_type == "inproceedings" for e in library.entries) >= len(published)
